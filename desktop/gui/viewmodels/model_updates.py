"""The model panel's updates: check the hub's channel, install (with progress), roll back.

Each action is a job (the hub is asked and the bundle verified off the GUI thread); the
new bundle is loaded into the session's model service on the store thread, so the next
report uses it. The panel's state is a Qt-free :class:`ModelReleaseStatus`, read from
the model directory on the store thread after every change and every sync round.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from desktop.domain.errors import UserFacingError
from desktop.gui.jobs import JobRunner, Work
from desktop.gui.messages import MessageBridge, describe_error
from desktop.gui.store_thread import NotSignedIn, StoreThread
from desktop.gui.viewmodels.status import StatusViewModel
from desktop.gui.viewmodels.sync import SyncViewModel
from desktop.services.jobs import CancelToken, ProgressCallback
from desktop.services.session import ClinicSession

if TYPE_CHECKING:  # the model runtime and tuf are loaded at the first unlock, not at start
    from desktop.services.background_sync import RoundOutcome
    from desktop.services.hub_services import HubServices
    from desktop.services.model_release import ModelReleaseStatus
    from desktop.services.model_updates import ModelUpdateReport


class ModelUpdatesViewModel(QObject):
    release_changed = Signal(object)  # ModelReleaseStatus | None (None: locked)
    busy_changed = Signal(bool)  # a check, install or roll back runs

    def __init__(
        self,
        store: StoreThread,
        jobs: JobRunner,
        messages: MessageBridge,
        status: StatusViewModel,
        sync: SyncViewModel,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._jobs = jobs
        self._messages = messages
        self._status = status
        self._sync = sync
        self.release: ModelReleaseStatus | None = None
        self._busy = 0
        sync.services_changed.connect(self._services_changed)
        sync.round_finished.connect(self._round_finished)
        sync.enrolled.connect(self.refresh)

    # --- state ----------------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        return self._busy > 0

    @property
    def enrolled(self) -> bool:
        return self._status.sync.configured

    def _services_changed(self, services: HubServices | None) -> None:
        if services is None:
            self.release = None
            self.release_changed.emit(None)
        else:
            self.refresh()

    def _round_finished(self, outcome: RoundOutcome) -> None:
        if outcome.report is not None and outcome.report.models is not None:
            self.refresh()

    def refresh(self, *_: object) -> None:
        """Read the update state (files in the model directory) on the store thread."""
        services = self._sync.services
        if services is None:
            return

        def read(session: ClinicSession) -> ModelReleaseStatus:
            return services.releases.status()

        self._store.call(read, self._show, self._read_failed, context=self)

    def _show(self, release: ModelReleaseStatus) -> None:
        if self._sync.services is None:
            return  # locked meanwhile
        self.release = release
        self.release_changed.emit(release)

    def _read_failed(self, error: BaseException) -> None:
        if not isinstance(error, NotSignedIn):
            self._messages.report(error)

    # --- actions --------------------------------------------------------------------------

    def check(self) -> None:
        """Ask the hub whether its channel offers a newer model (nothing is installed)."""
        services = self._sync.services
        if services is None:
            return

        def work(token: CancelToken, progress: ProgressCallback) -> ModelReleaseStatus:
            return services.releases.check()

        self._submit(self.tr("Checking for a model update"), work, self._checked)

    def _checked(self, release: ModelReleaseStatus) -> None:
        self._show(release)
        if release.available is not None:
            self._messages.info(
                self.tr(
                    "Model %1 is available from the hub: use Update now to install it."
                ).replace("%1", release.available)
            )
        elif release.installed is not None:
            self._messages.info(self.tr("The model is up to date."))
        else:
            self._messages.info(self.tr("The hub has not published a model update yet."))

    def install(self) -> None:
        """Download (with progress), verify, activate and load the channel's release."""
        services = self._sync.services
        if services is None:
            return

        def work(token: CancelToken, progress: ProgressCallback) -> ModelUpdateReport:
            return services.releases.install(progress, token)

        self._submit(self.tr("Updating the model"), work, self._installed)

    def _installed(self, report: ModelUpdateReport) -> None:
        if report.outcome == "installed":
            self._messages.info(
                self.tr("Model %1 is installed and in use: the next report uses it.").replace(
                    "%1", report.version or ""
                )
            )
        else:
            self._messages.info(self.tr("The model is up to date."))
        self._status.refresh()
        self.refresh()

    def rollback(self) -> None:
        """Make the previous model the active one again (ask first: the panel does)."""
        services = self._sync.services
        if services is None:
            return

        def work(token: CancelToken, progress: ProgressCallback) -> str:
            return services.releases.rollback()

        self._submit(self.tr("Rolling back the model"), work, self._rolled_back)

    def _rolled_back(self, version: str) -> None:
        self._messages.info(
            self.tr("Model %1 is in use again: the next report uses it.").replace("%1", version)
        )
        self._status.refresh()
        self.refresh()

    # --- jobs -----------------------------------------------------------------------------

    def _submit(self, title: str, work: Work, done: Callable[[Any], None]) -> None:
        handle = self._jobs.submit(title, work)
        handle.succeeded.connect(done)
        handle.failed.connect(self._failed)
        handle.ended.connect(lambda: self._set_busy(-1))
        self._set_busy(+1)

    def _failed(self, error: BaseException) -> None:
        from sync.client.model_update import ModelUpdateOffline

        if isinstance(error, NotSignedIn):
            return  # locked meanwhile
        if isinstance(error, ModelUpdateOffline):
            self._messages.info(describe_error(error))  # offline is normal: no alarm
        elif isinstance(error, UserFacingError):
            self._messages.warning(describe_error(error))
        else:
            self._messages.report(error)
        self.refresh()

    def _set_busy(self, step: int) -> None:
        before = self.busy
        self._busy += step
        if self.busy != before:
            self.busy_changed.emit(self.busy)
