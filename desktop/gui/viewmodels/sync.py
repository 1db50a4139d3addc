"""Syncing with the hub from the app: background rounds, "Sync now", enrollment.

At unlock the session builds its hub services with the store thread's blocking call
(every database access of a round still runs on the store thread), and a
:class:`BackgroundSync` thread starts when this computer is enrolled, or when IT preset
an enrollment (the round then enrolls first: desktop/services/auto_enrollment.py). It
stops at lock without the GUI waiting for it, and at exit before the store thread stops.

Rounds report on the sync thread; their progress and outcome are re-emitted as signals
on the GUI thread. Offline is a normal state: the status bar says so, and only a round
someone asked for ("Sync now") or a new kind of problem puts a message in the bar.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal

from desktop.domain.errors import UserFacingError
from desktop.gui.config import GuiConfig
from desktop.gui.jobs import JobRunner
from desktop.gui.messages import MessageBridge, describe_error
from desktop.gui.store_thread import NotSignedIn, StoreThread
from desktop.gui.viewmodels.status import StatusViewModel
from desktop.services.auto_enrollment import (
    EnrollmentPreset,
    enrollment_preset,
    should_sync_in_background,
)
from desktop.services.background_sync import BackgroundState, BackgroundSync, RoundOutcome
from desktop.services.jobs import CancelToken, Progress, ProgressCallback
from desktop.services.session import ClinicSession
from desktop.services.status import SyncStatus

if TYPE_CHECKING:  # the sync client imports httpx and tuf: loaded at the first unlock
    from desktop.services.hub_services import HubServices
    from desktop.services.sync import Enrollment

#: How often a stopping sync thread is looked at after a lock (it ends at its next step).
REAP_INTERVAL_MS = 50
#: At exit the GUI waits this long for the round to stop (then the store closes anyway).
EXIT_WAIT_SECONDS = 30.0


class SyncViewModel(QObject):
    round_finished = Signal(object)  # RoundOutcome
    enrolled = Signal(object)  # Enrollment (by hand in Settings, or preset by IT)
    enroll_failed = Signal(str)  # the hub's (or the rule's) reason, for the Settings field
    services_changed = Signal(object)  # HubServices | None (unlocked / locked)
    background_changed = Signal(bool)  # a background sync thread runs
    stopped = Signal()  # the last sync thread ended after a lock

    # Emitted on the sync thread, delivered here on the GUI thread: (run, payload).
    _round_from_thread = Signal(int, object)
    _progress_from_thread = Signal(int, object)
    _enrolled_from_thread = Signal(int, object)

    def __init__(
        self,
        config: GuiConfig,
        store: StoreThread,
        jobs: JobRunner,
        messages: MessageBridge,
        status: StatusViewModel,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._config = config
        self._store = store
        self._jobs = jobs
        self._messages = messages
        self._status = status
        self.preset: EnrollmentPreset | None = enrollment_preset(config.machine)
        self.services: HubServices | None = None
        self._preparing = False  # unlocked, the services are being built
        self._waiting_enrollment: tuple[str, str] | None = None  # asked for while preparing
        self._background: BackgroundSync | None = None
        self._run = 0  # which background thread a signal came from (older ones are ignored)
        self._stopping: list[BackgroundSync] = []
        self._last_problem: str | None = None
        self._reaper = QTimer(self)
        self._reaper.setInterval(REAP_INTERVAL_MS)
        self._reaper.timeout.connect(self._reap)
        self._round_from_thread.connect(self._round_done)
        self._progress_from_thread.connect(self._progressed)
        self._enrolled_from_thread.connect(self._auto_enrolled)
        store.stopping.connect(self.shutdown)
        if config.machine_problem:  # IT's preset is unusable: say so once, at start
            messages.warning(config.machine_problem)

    # --- state ----------------------------------------------------------------------------

    @property
    def hub_status(self) -> SyncStatus:
        """The last hub status read (the status bar's)."""
        return self._status.sync

    @property
    def background_running(self) -> bool:
        return self._background is not None

    @property
    def threads_alive(self) -> bool:
        """Any sync thread still running (the current one, or one finishing after a lock)."""
        running = [*self._stopping, *([self._background] if self._background else [])]
        return any(b.alive for b in running)

    def background_state(self) -> BackgroundState | None:
        """Running, failures in a row, seconds to the next round (None: no background sync)."""
        return None if self._background is None else self._background.state()

    # --- session --------------------------------------------------------------------------

    def start(self) -> None:
        """At unlock: build the session's hub services, start the background sync."""
        generation = self._store.session_generation
        store = self._store

        def run_on_store(work: Callable[[], Any]) -> Any:
            return store.run_blocking(lambda _session: work(), generation=generation)

        channel = self._config.machine.model_channel

        def prepare(session: ClinicSession) -> tuple[HubServices, bool]:
            services = session.hub_services(run_on_store, channel=channel)
            return services, services.sync.current().configured

        self._preparing = True
        self._store.call(prepare, self._prepared, self._prepare_failed, context=self)

    def _prepared(self, result: tuple[HubServices, bool]) -> None:
        services, enrolled = result
        if not self._preparing:
            return  # locked meanwhile
        self._preparing = False
        self.services = services
        self._status.set_sync_source(services.sync)
        self.services_changed.emit(services)
        if should_sync_in_background(enrolled, self.preset):
            self._start_background(services)
        waiting, self._waiting_enrollment = self._waiting_enrollment, None
        if waiting is not None:
            self.enroll(*waiting)

    def _prepare_failed(self, error: BaseException) -> None:
        self._preparing = False
        if not isinstance(error, NotSignedIn):  # locked before it ran: nothing to do
            self._messages.report(error)

    def _start_background(self, services: HubServices) -> None:
        from sync.client import Backoff

        self._run += 1
        run = self._run
        base, cap = self._config.sync_backoff_seconds
        background = BackgroundSync(
            services.background_round(
                self.preset, on_enrolled=lambda e: self._enrolled_from_thread.emit(run, e)
            ),
            interval=self._config.sync_interval_seconds,
            backoff=Backoff(base_seconds=base, cap_seconds=cap),
            on_round=lambda outcome: self._round_from_thread.emit(run, outcome),
            progress=lambda progress: self._progress_from_thread.emit(run, progress),
        )
        self._background = background
        background.start()
        self.background_changed.emit(True)

    def stop(self) -> None:
        """At lock: let the round stop at its next step; never waits (see :attr:`stopped`)."""
        self._run += 1  # whatever the old thread still reports is ignored
        background, self._background = self._background, None
        self.services = None
        self._preparing = False
        if self._waiting_enrollment is not None:
            self._waiting_enrollment = None
            self.enroll_failed.emit(self.tr("PainBridge was locked before the enrollment ended."))
        self._last_problem = None
        self._status.set_sync_source(None)
        self._status.set_sync_progress(None)
        self.services_changed.emit(None)
        if background is None:
            return
        background.request_stop()
        self._stopping.append(background)
        self._reaper.start()
        self.background_changed.emit(False)

    def _reap(self) -> None:
        self._stopping = [b for b in self._stopping if b.alive]
        if not self._stopping:
            self._reaper.stop()
            self.stopped.emit()

    def shutdown(self) -> None:
        """At exit (the store thread is about to stop): end every sync thread, waiting."""
        self.stop()
        for background in self._stopping:
            background.stop(EXIT_WAIT_SECONDS)
        self._reap()

    # --- rounds ---------------------------------------------------------------------------

    def trigger(self, *_: object) -> None:
        """Something new to send (a save, an assessment): run a round soon."""
        if self._background is not None:
            self._background.trigger()

    def sync_now(self) -> None:
        """The "Sync now" action: a round now; its result goes to the message bar."""
        if self.services is None:
            return  # locked
        if self._background is None:
            self._messages.info(
                self.tr(
                    "This computer is not enrolled with a hub yet, so there is nothing to "
                    "sync: cases stay here, queued. Enter the hub address and the "
                    "enrollment code from IT in Settings (Ctrl+,)."
                )
            )
            return
        self._background.trigger(requested=True)

    def _progressed(self, run: int, progress: Progress) -> None:
        if run == self._run:
            self._status.set_sync_progress(progress)

    def _round_done(self, run: int, outcome: RoundOutcome) -> None:
        if run != self._run:
            return
        self._status.set_sync_progress(None)
        self._status.refresh(then=lambda: self._tell(outcome))
        self.round_finished.emit(outcome)

    def _tell(self, outcome: RoundOutcome) -> None:
        """Put the round's result in the message bar when someone asked for it, or when
        a problem (not offline) appears that was not shown yet."""
        report, error = outcome.report, outcome.error
        if error is not None:
            text = describe_error(error) if isinstance(error, UserFacingError) else None
            if text is None:
                self._messages.report(error)  # a bug: BackgroundSync logged it
            elif outcome.requested or text != self._last_problem:
                self._messages.warning(text)
            self._last_problem = text
            return
        if report is None:
            return
        if report.offline:
            if outcome.requested:
                self._messages.info(self._offline_text())
            return
        if report.error is not None:  # cancelled: the session is locking
            return
        self._last_problem = None
        if outcome.requested:
            self._messages.info(
                self.tr("Synced with the hub: %1 sent, %2 received.")
                .replace("%1", self.tr("%n case version(s)", "", report.sent))
                .replace("%2", self.tr("%n message(s)", "", report.received))
            )

    def _offline_text(self) -> str:
        sync = self._status.sync
        last = (
            self.tr("never")
            if sync.last_success is None
            else sync.last_success.astimezone().strftime("%Y-%m-%d %H:%M")
        )
        return (
            self.tr(
                "Hub offline — %1 queued, last sync at %2. Nothing is lost: PainBridge "
                "keeps trying in the background."
            )
            .replace("%1", self.tr("%n item(s)", "", sync.queued))
            .replace("%2", last)
        )

    # --- enrollment -----------------------------------------------------------------------

    def enroll(self, hub_url: str, code: str) -> bool:
        """Enroll this computer with a one-time code (a job: the hub is asked off the GUI
        thread, the identity is stored on the store thread). False: not started, and
        :attr:`enroll_failed` says why."""
        hub_url, code = hub_url.strip().rstrip("/"), code.strip()
        services = self.services
        if services is None and self._preparing:
            self._waiting_enrollment = (hub_url, code)  # runs when the session is ready
            return True
        if services is None:
            self.enroll_failed.emit(self.tr("Unlock PainBridge first."))
            return False
        if not hub_url.startswith(("https://", "http://")) or not code:
            self.enroll_failed.emit(
                self.tr(
                    "Enter the hub address (https://…) and the one-time enrollment code from IT."
                )
            )
            return False
        device = self._config.machine.device_name

        def work(token: CancelToken, progress: ProgressCallback) -> Enrollment:
            if device is None:
                return services.sync.enroll(hub_url, code)
            return services.sync.enroll(hub_url, code, device)

        handle = self._jobs.submit(self.tr("Enrolling with the hub"), work)
        handle.succeeded.connect(lambda enrollment: self._enrolled_by_hand(services, enrollment))
        handle.failed.connect(self._enroll_failed)
        return True

    def _enrolled_by_hand(self, services: HubServices, enrollment: Enrollment) -> None:
        if services is not self.services:
            return  # locked meanwhile
        self._announce_enrollment(enrollment)
        if self._background is None:
            self._start_background(services)
        else:
            self._background.trigger()

    def _auto_enrolled(self, run: int, enrollment: Enrollment) -> None:
        if run == self._run:
            self._announce_enrollment(enrollment)

    def _announce_enrollment(self, enrollment: Enrollment) -> None:
        self._last_problem = None
        self.enrolled.emit(enrollment)
        self._messages.info(
            self.tr("This computer is enrolled with %1's hub at %2 (device %3).")
            .replace("%1", enrollment.clinic_name)
            .replace("%2", enrollment.hub_url)
            .replace("%3", enrollment.device_id)
        )
        self._status.refresh()

    def _enroll_failed(self, error: BaseException) -> None:
        if isinstance(error, NotSignedIn):
            self.enroll_failed.emit(self.tr("PainBridge was locked before the enrollment ended."))
        elif isinstance(error, UserFacingError):
            self.enroll_failed.emit(describe_error(error))
        else:
            self.enroll_failed.emit(self.tr("The enrollment failed (internal error)."))
            self._messages.report(error)
