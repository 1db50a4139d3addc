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
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass

from desktop.domain.errors import UserFacingError
from desktop.services.jobs import CancelToken, ProgressCallback, ignore_progress
from desktop.services.sync import SyncReport, SyncService
from sync.client import Backoff

logger = logging.getLogger(__name__)


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
        service: SyncService,
        *,
        interval: float = 300.0,
        backoff: Backoff | None = None,
        on_report: Callable[[SyncReport], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        progress: ProgressCallback = ignore_progress,
    ) -> None:
        self._service = service
        self._interval = interval
        self._backoff = backoff or Backoff(base_seconds=10.0, cap_seconds=900.0)
        self._on_report = on_report
        self._on_error = on_error
        self._progress = progress
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

    def trigger(self) -> None:
        """Run a round soon (e.g. right after a case was saved)."""
        self._wake.set()

    def stop(self, timeout: float = 30.0) -> None:
        """Cancel the running round (at its next step) and end the thread."""
        self._stopping.set()
        self._token.cancel()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)
            if self._thread.is_alive():
                logger.warning("background sync did not stop within %s s", timeout)

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
        report: SyncReport | None = None
        error: BaseException | None = None
        try:
            report = self._service.sync_now(progress=self._progress, cancel=self._token)
        except UserFacingError as failure:  # revoked, not enrolled, untrusted ...
            error = failure
        except Exception as bug:  # a bug: keep the thread alive, report it
            logger.exception("background sync round failed")
            error = bug
        with self._lock:
            self._running = False
            self._last_report = report
            ok = report is not None and report.ok
            self._failures = 0 if ok else self._failures + 1
            self._last_error = None if ok else str(error or (report and report.error))
            failures = self._failures
        if report is not None and self._on_report is not None:
            self._on_report(report)
        if error is not None and self._on_error is not None:
            self._on_error(error)
        return self._interval if failures == 0 else self._backoff.delay(failures)
