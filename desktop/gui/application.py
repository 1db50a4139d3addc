"""Start the GUI: the QApplication, the look, the excepthook, the shell, the event loop."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from types import TracebackType

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from desktop.gui.config import GuiConfig
from desktop.gui.messages import MessageBridge
from desktop.gui.shell import AppShell
from desktop.gui.style import STYLE_SHEET

APPLICATION_NAME = "PainBridge"
#: How long a Python thread may hold the GIL before another one gets it (CPython default
#: 5 ms). The GUI thread re-enters Python for every slot and every Python widget call; with
#: a CPU-bound job on another thread it waited up to one interval each time, which added
#: up to 200-450 ms stalls here. 0.2 ms keeps them near 100 ms (docs/benchmarks.md, "GUI").
GIL_SWITCH_INTERVAL_SECONDS = 0.0002

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], object]


def create_application(argv: Sequence[str] = ()) -> QApplication:
    """The one QApplication (reused if it exists, e.g. under pytest-qt)."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    sys.setswitchinterval(GIL_SWITCH_INTERVAL_SECONDS)
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
        Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
    )
    app = QApplication([APPLICATION_NAME, *argv])
    app.setApplicationName(APPLICATION_NAME)
    app.setApplicationDisplayName(APPLICATION_NAME)
    app.setOrganizationName(APPLICATION_NAME)
    return app


def apply_style(app: QApplication) -> None:
    app.setStyle("Fusion")
    app.setStyleSheet(STYLE_SHEET)


def bug_hook(messages: MessageBridge) -> ExceptHook:
    """An excepthook that turns an exception escaping a Qt slot into a crash report."""

    def hook(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
        messages.report(error.with_traceback(trace))

    return hook


def run(config: GuiConfig, argv: Sequence[str] = ()) -> int:
    """Run the GUI until the main window closes; returns the exit code."""
    app = create_application(argv)
    apply_style(app)
    shell = AppShell(config)
    previous_hook = sys.excepthook
    sys.excepthook = bug_hook(shell.messages)
    try:
        shell.show()
        return app.exec()
    finally:
        shell.shutdown()
        sys.excepthook = previous_hook


@dataclass(frozen=True)
class WindowShown:
    """What :func:`show_once` saw: the title, the Qt platform and when it was painted."""

    title: str
    platform: str
    visible: bool
    shown_at: float  # epoch seconds


def show_once(config: GuiConfig) -> WindowShown:
    """Start the application, show the main window, let it paint once, close it again
    (``painbridge --self-test --gui``: the smoke test of a build's GUI)."""
    app = create_application()
    apply_style(app)
    shell = AppShell(config)
    seen: list[tuple[bool, float]] = []

    def painted() -> None:
        seen.append((window.isVisible(), time.time()))
        app.exit(0)  # not quit(): in Qt 6 that closes the windows first

    try:
        window = shell.show()
        QTimer.singleShot(0, painted)  # one turn of the event loop: the window is painted
        app.exec()
        platform = app.platformName()
    finally:
        shell.shutdown()
    visible, shown_at = seen[0] if seen else (False, time.time())
    return WindowShown(window.windowTitle(), platform, visible, shown_at)
