"""Auto-lock: notice when nobody has touched the keyboard or mouse for a while.

The clock is injected (seconds, monotonic), so tests move time instead of waiting. The
monitor filters the events of the top-level *windows* (QWindow), where the window system
delivers every key press and mouse event before Qt passes it on to a widget; that sees
all input at a fraction of the cost of an application-wide filter, which would run
Python for every internal event too. A slow timer compares the last input with the
timeout.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QWindow

Clock = Callable[[], float]

_ACTIVITY = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.InputMethod,
    }
)


class IdleMonitor(QObject):
    """Emits :attr:`idle_timed_out` once after ``timeout_seconds`` without input."""

    idle_timed_out = Signal()

    def __init__(
        self,
        timeout_seconds: float,
        *,
        clock: Clock = time.monotonic,
        check_interval_ms: int = 5_000,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._clock = clock
        self._timeout = timeout_seconds
        self._last_activity = clock()
        self._timer = QTimer(self)
        self._timer.setInterval(check_interval_ms)
        self._timer.timeout.connect(self.check)
        self._watching = False
        self._windows: list[QWindow] = []

    @property
    def timeout_seconds(self) -> float:
        return self._timeout

    def set_timeout(self, seconds: float) -> None:
        self._timeout = seconds

    @property
    def watching(self) -> bool:
        return self._watching

    def start(self) -> None:
        """Start watching (after unlock)."""
        self._last_activity = self._clock()
        if not self._watching:
            self._watching = True
            for window in QGuiApplication.topLevelWindows():
                self._watch(window)
            app = QGuiApplication.instance()
            if isinstance(app, QGuiApplication):
                app.focusWindowChanged.connect(self._watch)  # dialogs opened later
        self._timer.start()

    def stop(self) -> None:
        """Stop watching (on lock and at exit)."""
        self._timer.stop()
        if not self._watching:
            return
        self._watching = False
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.focusWindowChanged.disconnect(self._watch)
        for window in self._windows:
            if shiboken6.isValid(window):
                window.removeEventFilter(self)
        self._windows = []

    def _watch(self, window: QWindow | None) -> None:
        if window is None or any(window is known for known in self._windows):
            return
        window.installEventFilter(self)
        self._windows.append(window)

    def record_activity(self) -> None:
        self._last_activity = self._clock()

    def idle_seconds(self) -> float:
        return self._clock() - self._last_activity

    def check(self) -> None:
        """Compare the idle time with the timeout (the timer calls this)."""
        if self._watching and self.idle_seconds() >= self._timeout:
            self.stop()
            self.idle_timed_out.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if event.type() in _ACTIVITY:
            self._last_activity = self._clock()
        return False
