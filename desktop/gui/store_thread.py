"""The store thread: ALL database work runs here, one request at a time, in order.

SQLCipher connections belong to the thread that opened them, so the session is opened,
used and closed on this one QThread. The GUI thread never waits for it: a request is a
function of the session, queued to the worker through a signal; its result (or error)
comes back through a signal to a callback on the GUI thread. Requests run in the order
they were made, which is what makes "save the draft, then close" safe on auto-lock.

Threads other than the GUI thread (the background sync, a job on the job runner) use
:meth:`StoreThread.run_blocking`: the request joins the same queue and the calling thread
waits for its result. The GUI thread and the store thread itself may not call it (the GUI
must never wait, and the store thread would wait for itself).
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot

from desktop.services.session import ClinicSession

T = TypeVar("T")
Done = Callable[[Any], None]
Failed = Callable[[BaseException], None]


#: How long :meth:`StoreThread.run_blocking` waits by default (a request queued behind an
#: assessment or an unlock waits for them; nothing on the store thread takes this long).
BLOCKING_TIMEOUT_SECONDS = 120.0


class NotSignedIn(RuntimeError):
    """A request reached the store thread while no session was open (a bug)."""


class SessionClosed(NotSignedIn):
    """A blocking request found the session it was made for closed (locked or exiting)."""


class StoreThreadStopped(RuntimeError):
    """The store thread stopped (the application is exiting); nothing more runs there."""


@dataclass(eq=False)  # identity: kept in a set while waiting
class _Waiter:
    """Where the store thread leaves the result of a blocking request."""

    generation: int | None
    finished: threading.Event = field(default_factory=threading.Event)
    result: Any = None
    error: BaseException | None = None

    def finish(self, result: Any = None, error: BaseException | None = None) -> None:
        self.result, self.error = result, error
        self.finished.set()


@dataclass
class _Request:
    kind: str  # "call" | "open" | "close" | "blocking"
    work: Callable[..., Any]
    done: Done | None
    failed: Failed | None
    context: QObject | None
    waiter: _Waiter | None = None


class _StoreWorker(QObject):
    """Lives in the store thread and owns the session."""

    completed = Signal(object, object)  # request, result
    errored = Signal(object, object)  # request, exception

    def __init__(self) -> None:
        super().__init__()
        self._session: ClinicSession | None = None
        #: Counts opens and closes: a blocking request made for one session never runs
        #: on the next one (read from other threads; only this thread writes it).
        self.generation = 0
        self.thread_id: int | None = None

    @Slot()
    def remember_thread(self) -> None:
        """Runs first on the store thread (direct connection to QThread.started)."""
        self.thread_id = threading.get_ident()

    @Slot(object)
    def run(self, request: _Request) -> None:
        if request.waiter is not None:
            self._run_blocking(request, request.waiter)
            return
        try:
            result = self._perform(request)
        except BaseException as error:  # reported on the GUI thread, never lost
            self.errored.emit(request, error)
        else:
            self.completed.emit(request, result)

    def _run_blocking(self, request: _Request, waiter: _Waiter) -> None:
        """Answer the waiting thread directly (the GUI thread is not involved)."""
        if waiter.generation is not None and waiter.generation != self.generation:
            waiter.finish(error=SessionClosed("the session this request was made for is closed"))
            return
        try:
            result = self._perform(request)
        except BaseException as error:  # handed to the waiting thread, never lost
            waiter.finish(error=error)
        else:
            waiter.finish(result)

    def _perform(self, request: _Request) -> Any:
        if request.kind == "open":
            self._close_session()
            self._session = request.work()
            self.generation += 1
            _freeze_long_lived_objects()
            return self._session.user
        if request.kind == "close":
            self._close_session()
            return None
        if self._session is None:
            raise SessionClosed("no session is open (locked)")
        return request.work(self._session)

    @Slot()
    def close_now(self) -> None:
        """Blocking close at shutdown (invoked with a blocking queued connection)."""
        self._close_session()

    def _close_session(self) -> None:
        session, self._session = self._session, None
        if session is not None:
            self.generation += 1
            session.close()
            gc.unfreeze()  # what the session held may now be garbage: collectable again


class StoreThread(QObject):
    """The GUI side of the store thread: queue requests, receive results."""

    pending_changed = Signal(int)
    session_closed = Signal()
    stopping = Signal()  # shutdown() begins: stop threads that use run_blocking, now
    _submit = Signal(object)
    _close_blocking = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thread = QThread()
        self._thread.setObjectName("painbridge-store")
        self._worker = _StoreWorker()
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(
            self._worker.remember_thread, Qt.ConnectionType.DirectConnection
        )
        self._gui_thread_id = threading.get_ident()
        self._waiters: set[_Waiter] = set()
        self._waiters_lock = threading.Lock()
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

    @property
    def session_generation(self) -> int:
        """Which session is open: changes at every unlock and lock. Read it on the GUI
        thread after ``open_session`` reported success, and pass it to
        :meth:`run_blocking` so work meant for that session never reaches the next one."""
        return self._worker.generation

    def run_blocking(
        self,
        work: Callable[[ClinicSession], T],
        *,
        timeout: float = BLOCKING_TIMEOUT_SECONDS,
        generation: int | None = None,
    ) -> T:
        """Run ``work(session)`` on the store thread and wait for its result (or error).

        Only for threads other than the GUI thread and the store thread. Raises
        :class:`SessionClosed` when the session is (or, with ``generation``, was meanwhile)
        closed, :class:`StoreThreadStopped` at exit, TimeoutError after ``timeout`` s.
        """
        caller = threading.get_ident()
        if caller == self._gui_thread_id:
            raise RuntimeError(
                "run_blocking was called on the GUI thread, which must never wait for the "
                "store: use StoreThread.call with a callback"
            )
        if caller == self._worker.thread_id:
            raise RuntimeError(
                "run_blocking was called on the store thread itself, which would wait for "
                "itself forever: call the session directly there"
            )
        waiter = _Waiter(generation)
        with self._waiters_lock:
            if not self._running:
                raise StoreThreadStopped("the store thread has stopped (PainBridge is exiting)")
            self._waiters.add(waiter)
        try:
            self._submit.emit(_Request("blocking", work, None, None, None, waiter))
            if not waiter.finished.wait(timeout):
                raise TimeoutError(f"the store thread did not answer within {timeout:.0f} s")
        finally:
            with self._waiters_lock:
                self._waiters.discard(waiter)
        if waiter.error is not None:
            raise waiter.error
        result: T = waiter.result
        return result

    def shutdown(self) -> None:
        """Close the session and stop the thread (blocks briefly: only at exit)."""
        if not self._running:
            return
        self.stopping.emit()
        with self._waiters_lock:
            self._running = False
        self._close_blocking.emit()
        self._thread.quit()
        self._thread.wait()
        with self._waiters_lock:
            waiting, self._waiters = set(self._waiters), set()
        for waiter in waiting:  # queued after the close: never ran
            if not waiter.finished.is_set():
                waiter.finish(error=StoreThreadStopped("the store thread has stopped"))

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


def _freeze_long_lived_objects() -> None:
    """After an unlock, keep the cyclic garbage collector away from what start-up and
    unlocking loaded (modules, the model runtime, the services: about 100,000 objects).

    A full collection walks every tracked object holding the GIL; during a sync it took
    110-210 ms, the longest GUI stall measured (docs/benchmarks.md, "GUI"). Collected once
    here, while the sign-in screen waits for Argon2id anyway, then frozen: later full
    collections walk only what was made since. Frozen objects are still freed by
    reference counting; cycles among them wait for the lock, which unfreezes them.
    """
    gc.collect()
    gc.freeze()


def _alive(context: QObject | None) -> bool:
    return context is None or shiboken6.isValid(context)
