"""The one job runner: CPU work (assessments, exports) on a QThreadPool, off the GUI thread.

A job is a plain function ``work(token, progress) -> result`` (Qt-free, see
desktop/services/jobs.py). Its :class:`JobHandle` lives on the GUI thread and re-emits
progress, the result, the failure or the cancellation as signals, so views update
through the event loop and nothing ever calls ``processEvents``. Database work does not
belong here: it goes to the store thread.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from desktop.services.jobs import CancelToken, JobCancelled, Progress, ProgressCallback

Work = Callable[[CancelToken, ProgressCallback], Any]


class JobHandle(QObject):
    """One submitted job: cancel it, watch it. Public signals arrive on the GUI thread."""

    progressed = Signal(object)  # Progress
    succeeded = Signal(object)  # result
    failed = Signal(object)  # exception
    cancelled = Signal()
    ended = Signal()  # after any of the three above

    # Emitted by the pool thread; queued to the slots below (this object lives on the
    # GUI thread), which re-emit the public signals there.
    _progress_from_pool = Signal(object)
    _outcome_from_pool = Signal(str, object)

    def __init__(self, title: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.token = CancelToken()
        self.last_progress: Progress | None = None
        self.outcome: str | None = None
        self._progress_from_pool.connect(self._on_progress)
        self._outcome_from_pool.connect(self._on_outcome)

    def cancel(self) -> None:
        self.token.cancel()

    @Slot(object)
    def _on_progress(self, progress: Progress) -> None:
        self.last_progress = progress
        self.progressed.emit(progress)

    @Slot(str, object)
    def _on_outcome(self, outcome: str, payload: object) -> None:
        self.outcome = outcome
        if outcome == "succeeded":
            self.succeeded.emit(payload)
        elif outcome == "failed":
            self.failed.emit(payload)
        else:
            self.cancelled.emit()
        self.ended.emit()


class _Runnable(QRunnable):
    def __init__(self, handle: JobHandle, work: Work) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._handle = handle
        self._work = work

    def run(self) -> None:
        handle = self._handle
        try:
            handle.token.raise_if_cancelled()
            result = self._work(handle.token, handle._progress_from_pool.emit)
        except JobCancelled:
            handle._outcome_from_pool.emit("cancelled", None)
        except BaseException as error:  # delivered to the GUI thread as a signal
            handle._outcome_from_pool.emit("failed", error)
        else:
            handle._outcome_from_pool.emit("succeeded", result)


class JobRunner(QObject):
    """Runs jobs on its own thread pool and keeps their handles alive until they end."""

    job_started = Signal(object)  # JobHandle
    job_ended = Signal(object)  # JobHandle
    job_progressed = Signal(object, object)  # JobHandle, Progress

    def __init__(self, max_threads: int = 2, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max_threads)
        self._active: list[JobHandle] = []

    @property
    def active(self) -> tuple[JobHandle, ...]:
        return tuple(self._active)

    def submit(self, title: str, work: Work) -> JobHandle:
        """Start ``work`` in the pool; connect to the returned handle's signals."""
        handle = JobHandle(title, self)
        handle.progressed.connect(lambda progress: self.job_progressed.emit(handle, progress))
        handle.ended.connect(lambda: self._end(handle))  # both on the GUI thread
        self._active.append(handle)
        self.job_started.emit(handle)
        self._pool.start(_Runnable(handle, work))
        return handle

    def cancel_all(self) -> None:
        for handle in self._active:
            handle.cancel()

    def shutdown(self) -> None:
        """Cancel everything and wait for the pool threads (only at exit)."""
        self.cancel_all()
        self._pool.waitForDone()

    def _end(self, handle: JobHandle) -> None:
        if handle in self._active:
            self._active.remove(handle)
        self.job_ended.emit(handle)
        handle.deleteLater()
