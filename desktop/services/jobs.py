"""Progress and cancellation of background work, without Qt (style.md habit 5).

A long task receives a :class:`CancelToken` and a :data:`ProgressCallback`; it reports
:class:`Progress` through the callback and checks the token between steps. The GUI
decides how to show progress (a status-bar bar) and when to cancel (a button); the task
never knows which thread or toolkit runs it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass


class JobCancelled(Exception):
    """Raised inside a task when its token was cancelled; the runner reports "cancelled"."""


@dataclass(frozen=True)
class Progress:
    """How far a task is: ``done`` of ``total`` steps (``total`` None = unknown)."""

    done: int
    total: int | None
    message: str = ""

    @property
    def fraction(self) -> float | None:
        """0.0-1.0, or None when the total is unknown."""
        if not self.total:
            return None
        return min(1.0, max(0.0, self.done / self.total))


ProgressCallback = Callable[[Progress], None]


class CancelToken:
    """Set once by whoever may cancel (any thread); read by the task between steps."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def wait(self, seconds: float) -> bool:
        """Sleep up to ``seconds``, waking at once when cancelled; True if cancelled
        (for tasks that wait between steps, e.g. a retry back-off)."""
        return self._event.wait(seconds)

    def raise_if_cancelled(self) -> None:
        """Raise :class:`JobCancelled` when cancelled: call this between steps."""
        if self._event.is_set():
            raise JobCancelled()


def ignore_progress(progress: Progress) -> None:
    """A progress callback for callers that show nothing."""
