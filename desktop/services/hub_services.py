"""The hub services of one unlocked session, for threads other than the store thread.

The GUI's background sync and its jobs (enroll, model update) run off the store thread;
they get these services, built by the composition root with ``run_on_store`` (the GUI's
blocking call into its store thread), so every database access still happens there.

:class:`ClinicSync` is what one background round does: enroll with the IT preset if
this computer is not enrolled yet, sync, then check (not install) the model channel.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from desktop.services.auto_enrollment import AutoEnrollment, EnrollmentPreset
from desktop.services.jobs import CancelToken, Progress, ProgressCallback, ignore_progress
from desktop.services.model_release import ModelReleaseService, StoreThreadModels
from desktop.services.model_updates import ModelUpdateService
from desktop.services.models import ModelService
from desktop.services.roles import UserRoles
from desktop.services.sync import Enrollment, HubConnector, SyncReport, SyncService
from desktop.services.sync_ports import StoreCall
from desktop.store import CaseStore
from sync.protocol import CHANNELS, Channel
from sync.transport import HubUnreachable


@dataclass(frozen=True)
class HubServices:
    """Sync and model releases of one session, usable from any thread but the store's.

    ``sync`` and ``releases`` check the signed-in user's roles; ``installation`` does
    not, and is used only to enroll with the IT preset: IT authorized that enrollment by
    installing the machine configuration, whoever signs in first.
    """

    sync: SyncService
    releases: ModelReleaseService
    installation: SyncService

    def background_round(
        self,
        preset: EnrollmentPreset | None,
        on_enrolled: Callable[[Enrollment], None] | None = None,
    ) -> ClinicSync:
        return ClinicSync(
            self.sync,
            self.releases,
            enrollment=None if preset is None else AutoEnrollment(self.installation, preset),
            on_enrolled=on_enrolled,
        )


def model_channel(name: str | None) -> Channel:
    """A channel name from the machine configuration (stable when not preset)."""
    for channel in CHANNELS:
        if channel == name:
            return channel
    return "stable"


def build_hub_services(
    store: CaseStore,
    *,
    actor: str,
    connect: HubConnector,
    models: ModelService,
    models_directory: Path,
    run_on_store: StoreCall[Any],
    channel: Channel = "stable",
    roles: UserRoles | None = None,
    trusted_key: Ed25519PublicKey | None = None,
) -> HubServices:
    """The composition root's recipe (desktop/app.py ``Clinic.hub_services``).

    ``trusted_key``: the key hub releases must be signed with (default: the development
    key; see desktop/services/models.py ``ModelTrust``)."""
    # ModelUpdateService only ever calls ``load`` on its model service; this one loads
    # on the store thread (see desktop/services/model_release.py).
    loader = StoreThreadModels(models, run_on_store)
    updates = ModelUpdateService(models_directory, loader, channel=channel, trusted_key=trusted_key)

    # One failed upload ends the round as offline: the background sync retries the whole
    # round with its own backoff, and a round never sleeps where a lock cannot stop it.
    def sync_service(roles: UserRoles | None) -> SyncService:
        return SyncService(
            store,
            actor=actor,
            connect=connect,
            run_on_store=run_on_store,
            max_failures=1,
            roles=roles,
        )

    sync = sync_service(roles)
    releases = ModelReleaseService(sync, updates, connect=connect, roles=roles)
    return HubServices(sync, releases, installation=sync_service(None))


class ClinicSync:
    """One background round (the ``SyncRound`` of :class:`BackgroundSync`)."""

    def __init__(
        self,
        sync: SyncService,
        releases: ModelReleaseService | None = None,
        *,
        enrollment: AutoEnrollment | None = None,
        on_enrolled: Callable[[Enrollment], None] | None = None,
    ) -> None:
        self._sync = sync
        self._releases = releases
        self._enrollment = enrollment
        self._on_enrolled = on_enrolled

    def sync_now(
        self, *, progress: ProgressCallback = ignore_progress, cancel: CancelToken | None = None
    ) -> SyncReport:
        """Enroll if preset and needed, sync, check for a model release.

        Offline (also while enrolling) is a report with ``offline`` set, as for a sync; a
        refused preset code raises PresetCodeRefused; not enrolled and nothing preset
        raises NotEnrolled (from the sync).
        """
        if self._enrollment is not None:
            try:
                enrolled = self._enrollment.enroll_if_needed()
            except HubUnreachable as error:
                return SyncReport(offline=True, error=str(error))
            if enrolled is not None and self._on_enrolled is not None:
                self._on_enrolled(enrolled)
        report = self._sync.sync_now(progress=progress, cancel=cancel)
        if report.ok and self._releases is not None and not (cancel and cancel.cancelled):
            progress(Progress(0, None, "checking for a model update"))
            report.models = self._releases.check_quietly()
        return report
