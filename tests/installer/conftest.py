"""Installer tests: the frozen bundle is built ONCE per test session (about a minute on 2
cores) and shared by the bundle and .deb tests; its temporary folders are deleted at the
end of the session (several hundred MB)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BUNDLE_ENV = "PAINBRIDGE_TEST_BUNDLE"


@pytest.fixture(scope="session")
def build_folder() -> Iterator[Path]:
    folder = Path(tempfile.mkdtemp(prefix="painbridge-installer-"))
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="session")
def frozen_bundle(build_folder: Path) -> Path:
    """dist/PainBridge built by installers/build-bundle.sh (which also smoke-tests it), or
    the bundle named by $PAINBRIDGE_TEST_BUNDLE (e.g. build/installer/dist/PainBridge from
    `make installer`) when iterating on the tests."""
    if not sys.platform.startswith("linux"):
        pytest.skip("the frozen-bundle tests run on Linux (CI builds the others natively)")
    prebuilt = os.environ.get(BUNDLE_ENV)
    if prebuilt:
        return Path(prebuilt)
    pytest.importorskip("PyInstaller", reason="PyInstaller is not installed (dev extra)")
    dist = build_folder / "dist"
    environment = {
        **os.environ,
        "PYTHON": sys.executable,
        "PAINBRIDGE_BUILD_WORK": str(build_folder / "work"),
    }
    result = subprocess.run(
        ["bash", str(ROOT / "installers" / "build-bundle.sh"), str(dist)],
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, f"bundle build failed:\n{result.stdout}\n{result.stderr}"
    assert "self-test passed" in result.stdout, result.stdout
    shutil.rmtree(build_folder / "work", ignore_errors=True)
    return dist / "PainBridge"
