"""Installer benchmark: bundle size, .deb size and build time, frozen start-up.

Run ``python bench/installer.py`` (5-8 minutes: it builds the bundle and a .deb with each
compressor; ``--bundle DIR`` reuses a built dist/PainBridge, ``--compressors`` chooses).
Prints three tables; results and the machine are recorded in docs/benchmarks.md
("Installers").

1. The onedir bundle (installers/painbridge.spec): build time, size, files, and its
   largest parts.
2. The .deb (installers/deb/build-deb.sh) with each dpkg-deb compressor: build time and
   size, against the bundle it packs.
3. Start to window: from launching the process to the main window shown on the offscreen
   platform (``painbridge --self-test --temp-basedir --gui`` prints when it was shown),
   frozen vs. the same command from the virtualenv; baseline: the frozen ``--version``
   (bootloader and Python start-up only).

Goals (issue 7): onedir <= 250 MB, .deb <= 100 MB, frozen start to window <= 1.5 s.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from desktop.cli.tables import format_table  # noqa: E402

MB = 1_000_000
SHOWN_AT = re.compile(r"shown at epoch (\d+\.\d+)")


def _size(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def _build_bundle(dist: Path) -> float:
    start = time.perf_counter()
    subprocess.run(
        ["bash", str(ROOT / "installers" / "build-bundle.sh"), str(dist)],
        env={
            **os.environ,
            "PYTHON": sys.executable,
            "PAINBRIDGE_BUILD_WORK": str(dist.parent / "work"),
        },
        check=True,
        capture_output=True,
    )
    return time.perf_counter() - start


def _build_deb(bundle: Path, out: Path, compressor: str) -> tuple[float, Path]:
    kind, _, level = compressor.partition(":")
    environment = {**os.environ, "DEB_COMPRESSION": kind, "DEB_COMPRESSION_LEVEL": level}
    start = time.perf_counter()
    result = subprocess.run(
        ["bash", str(ROOT / "installers" / "deb" / "build-deb.sh"), str(bundle), str(out)],
        env=environment,
        check=True,
        capture_output=True,
        text=True,
    )
    return time.perf_counter() - start, Path(result.stdout.splitlines()[-1])


def _start_to_window(argv: list[str], runs: int) -> list[float]:
    """Seconds from launch to the window shown, per run (after one warm-up run)."""
    times = []
    for run in range(runs + 1):
        launched = time.time()
        result = subprocess.run(
            [*argv, "--self-test", "--temp-basedir", "--gui"],
            env={"PATH": "/usr/bin:/bin", "QT_QPA_PLATFORM": "offscreen"},
            check=True,
            capture_output=True,
            text=True,
        )
        shown = SHOWN_AT.search(result.stdout)
        if shown is None:
            raise SystemExit(f"no window time in the self-test output:\n{result.stdout}")
        if run:
            times.append(float(shown.group(1)) - launched)
    return times


def _process_time(argv: list[str], runs: int) -> list[float]:
    times = []
    for run in range(runs + 1):
        start = time.perf_counter()
        subprocess.run(argv, env={"PATH": "/usr/bin:/bin"}, check=True, capture_output=True)
        if run:
            times.append(time.perf_counter() - start)
    return times


def _table(title: str, header: list[str], rows: list[list[str]]) -> None:
    print(f"\n{title}")
    print(format_table(header, rows))


def _largest_parts(bundle: Path, count: int = 6) -> list[tuple[str, int]]:
    internal = bundle / "_internal"
    parts = [(path.name, _size(path)) for path in internal.iterdir() if not path.is_symlink()]
    return sorted(parts, key=lambda part: -part[1])[:count]


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--bundle", type=Path, help="reuse this built dist/PainBridge")
    parser.add_argument(
        "--compressors",
        default="gzip,xz,zstd,zstd:19",
        help="dpkg-deb compressors to compare, KIND[:LEVEL] (default: %(default)s)",
    )
    parser.add_argument("--runs", type=int, default=5, help="start-up runs per command")
    args = parser.parse_args()
    print(
        f"machine: {platform.platform()}, Python {platform.python_version()}, "
        f"{os.cpu_count()} cores, {platform.processor() or platform.machine()}"
    )

    work = Path(tempfile.mkdtemp(prefix="painbridge-bench-installer-"))
    try:
        if args.bundle is None:
            build_seconds: float | None = _build_bundle(work / "dist")
            bundle = work / "dist" / "PainBridge"
        else:
            build_seconds, bundle = None, args.bundle
        bundle_bytes = _size(bundle)
        files = sum(1 for p in bundle.rglob("*") if p.is_file())
        _table(
            "Onedir bundle (goal: <= 250 MB)",
            ["what", "size MB", "files", "build s", "met"],
            [
                [
                    "dist/PainBridge",
                    f"{bundle_bytes / MB:.0f}",
                    str(files),
                    "-" if build_seconds is None else f"{build_seconds:.0f}",
                    "yes" if bundle_bytes <= 250 * MB else "no",
                ],
                *[
                    [f"  _internal/{name}", f"{size / MB:.0f}", "", "", ""]
                    for name, size in _largest_parts(bundle)
                ],
            ],
        )

        rows = []
        for compressor in args.compressors.split(","):
            seconds, deb = _build_deb(bundle, work / compressor.replace(":", "-"), compressor)
            size = deb.stat().st_size
            rows.append(
                [
                    compressor,
                    f"{size / MB:.1f}",
                    f"{size / bundle_bytes:.0%}",
                    f"{seconds:.0f}",
                    "yes" if size <= 100 * MB else "no",
                ]
            )
            deb.unlink()
        _table(
            "The .deb by dpkg-deb compressor (goal: <= 100 MB)",
            ["compressor", "size MB", "of bundle", "build s", "met"],
            rows,
        )

        frozen = _start_to_window([str(bundle / "painbridge")], args.runs)
        unfrozen = _start_to_window([sys.executable, "-m", "desktop"], args.runs)
        version = _process_time([str(bundle / "painbridge"), "--version"], args.runs)
        _table(
            f"Start to window, offscreen (median of {args.runs}; goal: frozen <= 1.5 s)",
            ["command", "median s", "max s", "met"],
            [
                [
                    "frozen painbridge --version (baseline: no window)",
                    f"{statistics.median(version):.2f}",
                    f"{max(version):.2f}",
                    "-",
                ],
                [
                    "frozen: launch to main window shown",
                    f"{statistics.median(frozen):.2f}",
                    f"{max(frozen):.2f}",
                    "yes" if statistics.median(frozen) <= 1.5 else "no",
                ],
                [
                    "virtualenv: launch to main window shown",
                    f"{statistics.median(unfrozen):.2f}",
                    f"{max(unfrozen):.2f}",
                    "-",
                ],
            ],
        )
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
