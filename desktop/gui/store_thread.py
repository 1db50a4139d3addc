"""The store thread: ALL database work runs here, one request at a time, in order.

SQLCipher connections belong to the thread that opened them, so the session is opened,
used and closed on this one QThread. The GUI thread never waits for it: a request is a
function of the session, queued to the worker through a signal; its result (or error)
comes back through a signal to a callback on the GUI thread. Requests run in the order
they were made, which is what makes "save the draft, then close" safe on auto-lock.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot

from desktop.services.session import ClinicSession

T = TypeVar("T")
Done = Callable[[Any], None]
Failed = Callable[[BaseException], None]


class NotSignedIn(RuntimeError):
    """A request reached the store thread while no session was open (a bug)."""


@dataclass
class _Request:
    kind: str  # "call" | "open" | "close"
    work: Callable[..., Any]
    done: Done | None
    failed: Failed | None
    context: QObject | None


class _StoreWorker(QObject):
    """Lives in the store thread and owns the session."""

    completed = Signal(object, object)  # request, result
    errored = Signal(object, object)  # request, exception

    def __init__(self) -> None:
        super().__init__()
        self._session: ClinicSession | None = None

    @Slot(object)
    def run(self, request: _Request) -> None:
        try:
            result = self._perform(request)
        except BaseException as error:  # reported on the GUI thread, never lost
            self.errored.emit(request, error)
        else:
            self.completed.emit(request, result)

    def _perform(self, request: _Request) -> Any:
        if request.kind == "open":
            self._close_session()
            self._session = request.work()
            return self._session.user
        if request.kind == "close":
            self._close_session()
            return None
        if self._session is None:
            raise NotSignedIn("no session is open (locked)")
        return request.work(self._session)

    @Slot()
    def close_now(self) -> None:
        """Blocking close at shutdown (invoked with a blocking queued connection)."""
        self._close_session()

    def _close_session(self) -> None:
        session, self._session = self._session, None
        if session is not None:
            session.close()


class StoreThread(QObject):
    """The GUI side of the store thread: queue requests, receive results."""

    pending_changed = Signal(int)
    session_closed = Signal()
    _submit = Signal(object)
    _close_blocking = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thread = QThread()
        self._thread.setObjectName("painbridge-store")
        self._worker = _StoreWorker()
        self._worker.moveToThread(self._thread)
        self._submit.connect(self._worker.run)
        self._worker.completed.connect(self._on_completed)
        self._worker.errored.connect(self._on_errored)
        self._close_blocking.connect(
            self._worker.close_now, Qt.ConnectionType.BlockingQueuedConnection
        )
        self._thread.finished.connect(self._worker.deleteLater)
        self._pending = 0
        self._running = True
        self._thread.start()

    @property
    def pending(self) -> int:
        """Requests queued or running (0 when the store thread is idle)."""
        return self._pending

    def call(
        self,
        work: Callable[[ClinicSession], T],
        done: Callable[[T], None] | None = None,
        failed: Failed | None = None,
        *,
        context: QObject | None = None,
    ) -> None:
        """Run ``work(session)`` on the store thread; then ``done(result)`` here.

        ``context``: skip the callbacks if that object was deleted meanwhile.
        """
        self._queue(_Request("call", work, done, failed, context))

    def open_session(
        self,
        opening: Callable[[], ClinicSession],
        done: Callable[[str], None] | None = None,
        failed: Failed | None = None,
        *,
        context: QObject | None = None,
    ) -> None:
        """Open (unlock or create) the session on the store thread; ``done(user)``."""
        self._queue(_Request("open", opening, done, failed, context))

    def close_session(
        self, done: Callable[[None], None] | None = None, *, context: QObject | None = None
    ) -> None:
        """Close the session after every request queued before this one."""
        self._queue(_Request("close", lambda: None, done, None, context))

    def shutdown(self) -> None:
        """Close the session and stop the thread (blocks briefly: only at exit)."""
        if not self._running:
            return
        self._running = False
        self._close_blocking.emit()
        self._thread.quit()
        self._thread.wait()

    def _queue(self, request: _Request) -> None:
        if not self._running:
            return  # late callbacks at exit: the session is closed, nothing to do

        self._pending += 1
        self.pending_changed.emit(self._pending)
        self._submit.emit(request)

    @Slot(object, object)
    def _on_completed(self, request: _Request, result: object) -> None:
        self._finish()
        if request.kind == "close":
            self.session_closed.emit()
        if request.done is not None and _alive(request.context):
            request.done(result)

    @Slot(object, object)
    def _on_errored(self, request: _Request, error: BaseException) -> None:
        self._finish()
        if not _alive(request.context):
            return
        if request.failed is None:
            raise error  # nobody handles it: a bug, surfaced by the excepthook
        request.failed(error)

    def _finish(self) -> None:
        self._pending -= 1
        self.pending_changed.emit(self._pending)


def _alive(context: QObject | None) -> bool:
    return context is None or shiboken6.isValid(context)
