"""Auto-lock: notice when nobody has touched the keyboard or mouse for a while.

The clock is injected (seconds, monotonic), so tests move time instead of waiting. The
monitor is an application-wide event filter that only records the time of the last
input event; a slow timer compares it with the timeout.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

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
            app = QApplication.instance()
            if app is not None:
                app.installEventFilter(self)
            self._watching = True
        self._timer.start()

    def stop(self) -> None:
        """Stop watching (on lock and at exit)."""
        self._timer.stop()
        if self._watching:
            app = QApplication.instance()
            if app is not None:
                app.removeEventFilter(self)
            self._watching = False

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
