"""Render installers/icons/painbridge.svg into the raster icons the installers need.

Run after changing the SVG (needs PySide6 with QtSvg, i.e. the development install):

    .venv/bin/python installers/icons/make_icons.py

Writes painbridge.png (256 px, Linux), painbridge.ico (Windows: 16-256 px, PNG entries)
and painbridge.icns (macOS: 16-1024 px, PNG entries). The outputs are committed, so
building an installer never needs this script.
"""

from __future__ import annotations

import struct
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

HERE = Path(__file__).resolve().parent
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_TYPES = {  # PNG-compressed icns entries
    16: b"icp4",
    32: b"icp5",
    64: b"icp6",
    128: b"ic07",
    256: b"ic08",
    512: b"ic09",
    1024: b"ic10",
}


def render_png(renderer: QSvgRenderer, size: int) -> bytes:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def ico(pngs: dict[int, bytes]) -> bytes:
    header = struct.pack("<HHH", 0, 1, len(pngs))
    offset = len(header) + 16 * len(pngs)
    entries, images = b"", b""
    for size, png in sorted(pngs.items()):
        dimension = 0 if size >= 256 else size  # 0 means 256 in an ICO directory
        entries += struct.pack("<BBBBHHII", dimension, dimension, 0, 0, 1, 32, len(png), offset)
        images += png
        offset += len(png)
    return header + entries + images


def icns(pngs: dict[int, bytes]) -> bytes:
    body = b"".join(
        ICNS_TYPES[size] + struct.pack(">I", len(png) + 8) + png
        for size, png in sorted(pngs.items())
    )
    return b"icns" + struct.pack(">I", len(body) + 8) + body


def main() -> None:
    app = QGuiApplication([])
    renderer = QSvgRenderer(str(HERE / "painbridge.svg"))
    sizes = sorted(set(ICO_SIZES) | set(ICNS_TYPES))
    pngs = {size: render_png(renderer, size) for size in sizes}
    (HERE / "painbridge.png").write_bytes(pngs[256])
    (HERE / "painbridge.ico").write_bytes(ico({s: pngs[s] for s in ICO_SIZES}))
    (HERE / "painbridge.icns").write_bytes(icns({s: pngs[s] for s in ICNS_TYPES}))
    del app


if __name__ == "__main__":
    main()
