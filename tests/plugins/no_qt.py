"""Pytest plugin: make PySide6 unimportable for the whole run.

`make test` runs every non-GUI test with this plugin and without pytest-qt
(``-p tests.plugins.no_qt -p no:pytest-qt``), which proves that the domain, store,
services, sync and model runtime work on a machine without Qt (design.md: "run the
non-GUI tests once with PySide6 absent").
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import sys
from collections.abc import Sequence
from types import ModuleType

import pytest

BLOCKED = ("PySide6", "shiboken6")


class _BlockQt(importlib.abc.MetaPathFinder):
    def find_spec(
        self,
        fullname: str,
        path: Sequence[str] | None,
        target: ModuleType | None = None,
    ) -> importlib.machinery.ModuleSpec | None:
        if fullname.split(".")[0] in BLOCKED:
            raise ImportError(f"{fullname} is blocked: this run proves the core is Qt-free")
        return None


def pytest_addoption(parser: pytest.Parser) -> None:
    # pytest-qt is disabled in this run; keep its ini option known so the shared
    # configuration in pyproject.toml does not raise an unknown-option warning.
    parser.addini("qt_log_level_fail", "pytest-qt option (unused while Qt is blocked)")


def pytest_configure() -> None:
    for name in list(sys.modules):
        if name.split(".")[0] in BLOCKED:
            raise RuntimeError(f"{name} was imported before the Qt block took effect")
    sys.meta_path.insert(0, _BlockQt())
