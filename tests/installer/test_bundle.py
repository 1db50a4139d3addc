"""The frozen onedir bundle (installers/painbridge.spec): it runs its self-test with a
clean environment, ships the signed default model, and carries no test, training or hub
code, no private key and no Qt module or plugin the application does not use."""

from __future__ import annotations

import hashlib
import re
import subprocess
from pathlib import Path

import pytest

from desktop import __version__

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
PEM_PRIVATE_KEY = re.compile(rb"-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----\s+[A-Za-z0-9+/=\s]{32,}")
NOT_SHIPPED = (
    "tests",
    "bench",
    "sync.hub",
    "models_onnx.training",
    "fastapi",
    "starlette",
    "uvicorn",
    "sqlalchemy",
    "psycopg",
    "sklearn",
    "scipy",
    "pandas",
    "shap",
    "interpret",
    "numba",
    "llvmlite",
    "ebm2onnx",
    "onnx",
    "skl2onnx",
    "pytest",
    "hypothesis",
    "PySide6.QtNetwork",
    "PySide6.QtQml",
    "PySide6.QtQuick",
    "PySide6.QtWebEngineCore",
    "PySide6.QtSql",
    "PySide6.QtTest",
)


def _run(bundle: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    # env -i: nothing from the test run (PYTHONPATH, the virtualenv, QT_QPA_PLATFORM,
    # HOME) may help the frozen application find what it needs.
    return subprocess.run(
        ["env", "-i", str(bundle / "painbridge"), *argv],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


def _frozen_modules(bundle: Path) -> set[str]:
    """The Python modules inside the executable's PYZ archive."""
    from PyInstaller.archive.readers import CArchiveReader

    archive = CArchiveReader(str(bundle / "painbridge"))
    (pyz,) = [name for name in archive.toc if name.endswith(".pyz")]
    return set(archive.open_embedded_archive(pyz).toc)


def test_self_test_passes_with_a_clean_environment(frozen_bundle: Path) -> None:
    result = _run(frozen_bundle, "--self-test", "--temp-basedir")
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith(f"PainBridge {__version__} self-test in ")
    assert all(line.startswith("ok     ") for line in lines[1:-1]), result.stdout
    assert "load the shipped model bundle" in result.stdout
    assert "signature verified" in result.stdout
    assert lines[-1] == "self-test passed"


def test_main_window_opens_offscreen(frozen_bundle: Path) -> None:
    result = _run(frozen_bundle, "--self-test", "--temp-basedir", "--gui")
    assert result.returncode == 0, result.stdout + result.stderr
    window = result.stdout.splitlines()[1]
    assert window.startswith("ok     open the main window (offscreen)"), result.stdout
    assert "on the offscreen platform" in window


def test_command_line_works_also_through_a_symlink(frozen_bundle: Path, tmp_path: Path) -> None:
    assert _run(frozen_bundle, "--version").stdout.strip() == f"painbridge {__version__}"
    (tmp_path / "painbridge").symlink_to(frozen_bundle / "painbridge")  # as /usr/bin/painbridge
    assert _run(tmp_path, "--version").stdout.strip() == f"painbridge {__version__}"
    score = _run(frozen_bundle, "score", str(ROOT / "tests" / "data" / "case_full.json"))
    assert score.returncode == 0 and "painbridge.derived/1" in score.stdout, score.stderr


def test_no_test_training_or_hub_code(frozen_bundle: Path) -> None:
    modules = _frozen_modules(frozen_bundle)
    assert "desktop.cli.self_test" in modules and "sync.client" in modules  # the reader works
    shipped = sorted(
        module
        for module in modules
        for excluded in NOT_SHIPPED
        if module == excluded or module.startswith(excluded + ".")
    )
    assert shipped == []
    internal = frozen_bundle / "_internal"
    folders = {path.name for path in internal.iterdir() if path.is_dir()}
    assert not folders & {"tests", "sklearn", "scipy", "pandas", "shap", "numba", "llvmlite"}
    assert not (internal / "sync" / "hub").exists()
    assert not (internal / "models_onnx" / "training").exists()


def test_no_private_key_anywhere(frozen_bundle: Path) -> None:
    development_key = ROOT / "models_onnx" / "bundles" / "DEVELOPMENT-SIGNING-KEY.pem"
    pem = re.search(
        rb"-----BEGIN PRIVATE KEY-----\s+(.+?)\s+-----END", development_key.read_bytes(), re.S
    )
    assert pem is not None
    key_body = pem.group(1).split()[0]  # the first base64 line of the key
    found = []
    for path in frozen_bundle.rglob("*"):
        if path.is_symlink() or not path.is_file():
            continue
        name = path.name.upper()
        if "PRIVATE" in name or "SIGNING-KEY" in name or name.endswith((".KEY", ".P12", ".PFX")):
            found.append(f"{path}: named like a key")
        data = path.read_bytes()
        if key_body in data:
            found.append(f"{path}: holds the development signing key")
        # A key *file* (PEM text). Compiled libraries are left out: some carry their own
        # published self-test keys (GnuTLS's FIPS known-answer tests), which guard nothing.
        is_binary = data.startswith(b"\x7fELF") or b"\0" in data[:4096]
        if not is_binary and PEM_PRIVATE_KEY.search(data):
            found.append(f"{path}: holds a private key")
    assert len(key_body) >= 40  # specific enough to search for
    assert found == []


def test_ships_the_signed_default_model_bundle(frozen_bundle: Path) -> None:
    source = ROOT / "models_onnx" / "bundles" / "default"
    shipped = frozen_bundle / "_internal" / "models_onnx" / "bundles" / "default"
    names = sorted(path.name for path in source.iterdir())
    assert {"manifest.json", "manifest.sig"} <= set(names)
    assert sorted(path.name for path in shipped.iterdir()) == names

    def digest(path: Path) -> str:
        return hashlib.sha256(path.read_bytes()).hexdigest()

    assert [digest(shipped / n) for n in names] == [digest(source / n) for n in names]
    assert (frozen_bundle / "_internal" / "desktop" / "services" / "demo_cases").is_dir()


def test_only_the_qt_parts_the_application_uses(frozen_bundle: Path) -> None:
    qt = frozen_bundle / "_internal" / "PySide6"
    bindings = {path.name.split(".")[0] for path in qt.glob("Qt*.so")}
    assert bindings == {"QtCore", "QtGui", "QtWidgets", "QtPrintSupport"}
    plugins = qt / "Qt" / "plugins"
    assert {path.name for path in (plugins / "platforms").iterdir()} == {
        "libqxcb.so",
        "libqwayland.so",
        "libqoffscreen.so",
    }
    folders = {path.name for path in plugins.iterdir()}
    assert not folders & {"sqldrivers", "tls", "networkinformation", "qmltooling", "designer"}
    libraries = {path.name for path in qt.glob("Qt/lib/*")}
    assert not any(re.match(r"libQt6(Qml|Quick|WebEngine|Multimedia|Pdf)", n) for n in libraries)
    translations = {path.name for path in (qt / "Qt" / "translations").iterdir()}
    assert translations == {"qt_zh_CN.qm", "qtbase_zh_CN.qm"}
