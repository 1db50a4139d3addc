"""Background sync without Qt: a thread that runs sync rounds and backs off while offline.

The GUI binds to it (style.md habit 5): it passes callbacks and reads plain values, and
decides how to show them. Callbacks run on the sync thread; the GUI marshals them to its
own thread. Store work inside a round goes through the ``run_on_store`` the
:class:`SyncService` was built with (the GUI's store thread), so the database is never
touched from this thread.

Timing: a round runs at :meth:`start`, whenever :meth:`trigger` is called (after a save),
and every ``interval`` seconds. While the hub cannot be reached, the wait after the n-th
failed round is exponential with full jitter (:class:`sync.client.Backoff`), capped; the
first successful round returns to the regular interval.

Stopping: :meth:`request_stop` never waits (the GUI thread calls it at lock; the round
stops at its next step and the thread ends), :meth:`stop` also waits for the thread.
A failure after a stop was requested (the store closed under the round) is not reported.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from desktop.domain.errors import UserFacingError
from desktop.services.jobs import CancelToken, ProgressCallback, ignore_progress

if TYPE_CHECKING:  # the sync client imports httpx and tuf: not at the GUI's start-up
    from desktop.services.sync import SyncReport
    from sync.client import Backoff

logger = logging.getLogger(__name__)


class SyncRound(Protocol):
    """What a round runs: :class:`SyncService`, or the app's ClinicSync (hub_services)."""

    def sync_now(
        self, *, progress: ProgressCallback = ..., cancel: CancelToken | None = ...
    ) -> SyncReport: ...


@dataclass(frozen=True)
class RoundOutcome:
    """One finished round, for the GUI: its report or its error, and what comes next.

    ``requested``: someone asked for this round (:meth:`BackgroundSync.trigger` with
    ``requested=True``, e.g. "Sync now"), so its result should be shown.
    """

    report: SyncReport | None
    error: BaseException | None
    requested: bool
    consecutive_failures: int
    next_round_in: float

    @property
    def ok(self) -> bool:
        return self.report is not None and self.report.ok


@dataclass(frozen=True)
class BackgroundState:
    """A snapshot for the GUI: is a round running, how many failed in a row, when next."""

    running: bool
    consecutive_failures: int
    next_round_in: float | None
    last_report: SyncReport | None
    last_error: str | None


class BackgroundSync:
    def __init__(
        self,
        service: SyncRound,
        *,
        interval: float = 300.0,
        backoff: Backoff | None = None,
        on_report: Callable[[SyncReport], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        on_round: Callable[[RoundOutcome], None] | None = None,
        progress: ProgressCallback = ignore_progress,
    ) -> None:
        self._service = service
        self._interval = interval
        if backoff is None:
            from sync.client import Backoff

            backoff = Backoff(base_seconds=10.0, cap_seconds=900.0)
        self._backoff = backoff
        self._on_report = on_report
        self._on_error = on_error
        self._on_round = on_round
        self._progress = progress
        self._requested = False
        self._wake = threading.Event()
        self._stopping = threading.Event()
        self._token = CancelToken()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._running = False
        self._failures = 0
        self._next_wait: float | None = None
        self._last_report: SyncReport | None = None
        self._last_error: str | None = None

    def start(self) -> None:
        """Start the thread; the first round runs at once."""
        if self._thread is not None:
            raise RuntimeError("BackgroundSync was already started")
        self._thread = threading.Thread(target=self._loop, name="background-sync", daemon=True)
        self._thread.start()

    def trigger(self, *, requested: bool = False) -> None:
        """Run a round soon (e.g. right after a case was saved); ``requested``: the next
        round's :class:`RoundOutcome` says someone asked for it (a round already running
        does not count: it may have read the outbox before the request)."""
        if requested:
            with self._lock:
                self._requested = True
        self._wake.set()

    def request_stop(self) -> None:
        """Cancel the running round (at its next step) and let the thread end; no wait."""
        self._stopping.set()
        self._token.cancel()
        self._wake.set()

    def stop(self, timeout: float = 30.0) -> None:
        """:meth:`request_stop`, then wait up to ``timeout`` s for the thread to end."""
        self.request_stop()
        if self._thread is not None:
            self._thread.join(timeout)
            if self._thread.is_alive():
                logger.warning("background sync did not stop within %s s", timeout)

    @property
    def alive(self) -> bool:
        """The thread is still running (after a stop request: finishing its round)."""
        return self._thread is not None and self._thread.is_alive()

    def state(self) -> BackgroundState:
        with self._lock:
            return BackgroundState(
                running=self._running,
                consecutive_failures=self._failures,
                next_round_in=self._next_wait,
                last_report=self._last_report,
                last_error=self._last_error,
            )

    def _loop(self) -> None:
        while not self._stopping.is_set():
            wait = self._round()
            with self._lock:
                self._next_wait = wait
            self._wake.wait(wait)
            self._wake.clear()

    def _round(self) -> float:
        with self._lock:
            self._running = True
            requested, self._requested = self._requested, False
        report: SyncReport | None = None
        error: BaseException | None = None
        try:
            report = self._service.sync_now(progress=self._progress, cancel=self._token)
        except UserFacingError as failure:  # revoked, not enrolled, untrusted ...
            error = failure
        except Exception as bug:
            if self._stopping.is_set():  # the store closed under the round: expected
                with self._lock:
                    self._running = False
                return 0.0
            logger.exception("background sync round failed")  # a bug: keep the thread
            error = bug
        with self._lock:
            self._running = False
            self._last_report = report
            ok = report is not None and report.ok
            self._failures = 0 if ok else self._failures + 1
            self._last_error = None if ok else str(error or (report and report.error))
            failures = self._failures
        wait = self._interval if failures == 0 else self._backoff.delay(failures)
        if report is not None and self._on_report is not None:
            self._on_report(report)
        if error is not None and self._on_error is not None:
            self._on_error(error)
        if self._on_round is not None:
            self._on_round(RoundOutcome(report, error, requested, failures, wait))
        return wait
