"""The non-GUI code imports and runs with PySide6 absent (design.md, style.md habit 3)."""

from __future__ import annotations

import importlib
import pkgutil
import sys

import pytest

import desktop
import models_onnx
import sync

QT_BLOCKED = any(type(f).__name__ == "_BlockQt" for f in sys.meta_path)
CORE_PACKAGES = (desktop, sync, models_onnx)
NOT_CORE = ("desktop.gui", "models_onnx.training", "sync.hub")


@pytest.mark.skipif(not QT_BLOCKED, reason="only meaningful in the Qt-free run (make unit)")
def test_pyside6_is_unimportable_in_this_run() -> None:
    with pytest.raises(ImportError):
        importlib.import_module("PySide6.QtCore")


@pytest.mark.skipif(not QT_BLOCKED, reason="only meaningful in the Qt-free run (make unit)")
def test_every_core_module_imports_without_qt() -> None:
    imported = []
    for package in CORE_PACKAGES:
        for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
            if info.name.startswith(NOT_CORE):
                continue
            importlib.import_module(info.name)
            imported.append(info.name)
    assert "desktop.domain.errors" in imported
