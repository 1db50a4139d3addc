"""The status bar and the model panel: hub connection, outbox, running work, model.

The sync status is a Qt-free :class:`SyncStatus` snapshot read on the store thread (the
outbox counts are in the database), polled while unlocked, after every save and after
every background sync round. While a round runs, its progress arrives from the sync
view model (:meth:`StatusViewModel.set_sync_progress`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QObject, QTimer, Signal

from desktop.gui.jobs import JobHandle, JobRunner
from desktop.gui.store_thread import NotSignedIn, StoreThread
from desktop.services.jobs import Progress
from desktop.services.session import ClinicSession
from desktop.services.status import NO_MODEL_STATUS, ModelStatus, SyncStatus, SyncStatusSource


class StatusViewModel(QObject):
    sync_changed = Signal(object)  # SyncStatus
    model_changed = Signal(object)  # ModelStatus
    work_changed = Signal()  # a job started, progressed or ended
    user_changed = Signal(str)  # "" when locked

    def __init__(
        self,
        store: StoreThread,
        jobs: JobRunner,
        *,
        poll_interval_ms: int = 30_000,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._jobs = jobs
        self.sync = SyncStatus(state="not_configured")
        self.model = NO_MODEL_STATUS
        self.user = ""
        self.model_problem: str | None = None
        self.sync_progress: Progress | None = None  # of a running background round
        #: hub expert mode: the hub signed in at (no clinic store, outbox or sync)
        self.hub_expert_at: str | None = None
        self._sync_source: SyncStatusSource | None = None  # None: the session's own
        self._timer = QTimer(self)
        self._timer.setInterval(poll_interval_ms)
        self._timer.timeout.connect(self.refresh)
        self._work_timer = QTimer(self)
        self._work_timer.setSingleShot(True)
        self._work_timer.setInterval(100)
        self._work_timer.timeout.connect(self.work_changed.emit)
        jobs.job_started.connect(self._work_changed)
        jobs.job_ended.connect(self._work_changed)
        jobs.job_progressed.connect(self._work_changed)

    # --- running work ---------------------------------------------------------------------

    def _work_changed(self, *_: object) -> None:
        """Progress can arrive hundreds of times a second: tell the views at most ten
        times a second (a status-bar update can relayout the window)."""
        if not self._work_timer.isActive():
            self._work_timer.start()

    def running(self) -> tuple[JobHandle, ...]:
        return self._jobs.active

    def overall_progress(self) -> Progress | None:
        """The progress of the oldest running job, else of the running sync round (what
        the status bar shows)."""
        for handle in self._jobs.active:
            return handle.last_progress or Progress(0, None, handle.title)
        return self.sync_progress

    def set_sync_progress(self, progress: Progress | None) -> None:
        """A background round progressed (None: it ended)."""
        if progress != self.sync_progress:
            self.sync_progress = progress
            self._work_changed()

    def cancel_work(self) -> None:
        self._jobs.cancel_all()

    # --- session --------------------------------------------------------------------------

    def start(self, user: str) -> None:
        self.user = user
        self.user_changed.emit(user)
        self.refresh()
        self._timer.start()

    def start_hub_expert(self, user: str, hub_url: str) -> None:
        """Hub expert mode: signed in at ``hub_url``; there is no clinic store to poll."""
        self.hub_expert_at = hub_url
        self.sync = SyncStatus(state="online", detail=hub_url)
        self.user = user
        self.user_changed.emit(user)
        self.sync_changed.emit(self.sync)

    def stop(self) -> None:
        self._timer.stop()
        self.hub_expert_at = None
        self.user = ""
        self._sync_source = None
        self.set_sync_progress(None)
        self.user_changed.emit("")
        self.sync = SyncStatus(state="not_configured")
        self.sync_changed.emit(self.sync)

    def set_sync_source(self, source: SyncStatusSource | None) -> None:
        """Read the hub status from ``source`` (the background sync's service, which
        knows the progress of its round); None: from the session."""
        self._sync_source = source

    def refresh(self, *_: object, then: Callable[[], None] | None = None) -> None:
        """Read the sync status and the model status on the store thread; ``then`` runs
        after the new status was announced."""
        source = self._sync_source

        def read(session: ClinicSession) -> tuple[SyncStatus, ModelStatus]:
            return (source or session.sync).current(), session.models.status()

        def received(result: tuple[SyncStatus, ModelStatus]) -> None:
            self._received(result)
            if then is not None:
                then()

        self._store.call(read, received, self._read_failed, context=self)

    def _read_failed(self, error: BaseException) -> None:
        if isinstance(error, NotSignedIn):
            return  # locked while the request was queued: nothing to show
        raise error  # reported by the message bridge (a store error or a bug)

    def set_model_problem(self, problem: str | None) -> None:
        """Why no model is loaded (shown on the model panel)."""
        self.model_problem = problem

    def _received(self, result: tuple[SyncStatus, ModelStatus]) -> None:
        self.sync, model = result
        self.sync_changed.emit(self.sync)
        if not model.loaded and self.model_problem:
            model = replace(model, note=f"{model.note}\n{self.model_problem}".strip())
        if model != self.model:
            self.model = model
            self.model_changed.emit(model)
