"""The model panel's use cases: is there a new model, install it (with progress), roll back.

:class:`ModelReleaseService` runs on a thread other than the store thread (a job, or the
background sync): it talks to the hub itself and reaches the store only through the sync
service. Installing goes through :class:`ModelUpdateService` (TUF verification, bundle
signature, atomic activation); the files are fetched one by one first, through the same
TUF updater, so the download can report progress and be cancelled between files (the
update then finds them verified in place and does not fetch them again).

The new bundle is loaded into the session's model service on the store thread
(:class:`StoreThreadModels`): assessments run there, so a report is composed entirely
with the old model or entirely with the new one, and the next report uses the new one.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from desktop.services.jobs import CancelToken, Progress, ProgressCallback, ignore_progress
from desktop.services.model_texts import CHECKING_MODEL_LIST, DOWNLOADING_MODEL, VERIFYING_MODEL
from desktop.services.model_updates import ModelUpdateReport, ModelUpdateService
from desktop.services.models import ModelService
from desktop.services.roles import Permission, UserRoles, allows, require
from desktop.services.sync import HubConnector, NotEnrolled, SyncService
from desktop.services.sync_ports import StoreCall
from desktop.store import StoredIdentity
from models_onnx.inference import Predictor
from sync.client import HubClient
from sync.client.model_update import ModelUpdateOffline, ModelUpdater, ModelUpdateRefused


@dataclass(frozen=True)
class ModelReleaseStatus:
    """What the model panel shows about updates (plain values; any thread)."""

    installed: str | None  # version of the hub release in use (None: the shipped bundle)
    previous: str | None  # what "roll back" returns to
    available: str | None  # a newer release seen on the hub, not installed yet
    last_verified: datetime | None  # last time the hub's signed model list was verified
    overdue_days: float  # how long past that list's expiry (0: not overdue)
    channel: str
    manageable: bool = True  # the signed-in user may install and roll back

    @property
    def overdue(self) -> bool:
        return self.overdue_days > 0


class StoreThreadModels:
    """The session's model service, loaded on the store thread (see the module docstring).

    It is what :class:`ModelUpdateService` calls ``load`` on; everything else it needs
    from a model service it does not use.
    """

    def __init__(self, models: ModelService, run_on_store: StoreCall[Any]) -> None:
        self._models = models
        self._run = run_on_store

    def load(self, directory: Path) -> Predictor:
        models = self._models
        predictor: Predictor = self._run(lambda: models.load(directory))
        return predictor


def _utc_now() -> datetime:
    return datetime.now(UTC)


class ModelReleaseService:
    """Check, install and roll back hub model releases for one session."""

    def __init__(
        self,
        sync: SyncService,
        updates: ModelUpdateService,
        *,
        connect: HubConnector,
        roles: UserRoles | None = None,
        clock: Callable[[], datetime] = _utc_now,
    ) -> None:
        self._sync = sync
        self._updates = updates
        self._connect = connect
        self._roles = roles  # None: no sign-in to check (tests, tools)
        self._clock = clock
        self._available: str | None = None  # the channel's release at the last check

    def status(self) -> ModelReleaseStatus:
        """From the files of the model directory and the last check (no network)."""
        state = self._updates.status()
        available = self._available if self._available != state.active else None
        return ModelReleaseStatus(
            installed=state.active,
            previous=state.previous,
            available=available,
            last_verified=state.last_verified,
            overdue_days=state.overdue_days,
            channel=self._updates.channel,
            manageable=allows(self._roles, Permission.MANAGE_MODELS),
        )

    def check(self) -> ModelReleaseStatus:
        """Ask the hub (TUF-verified) which release its channel offers; nothing is
        installed. Raises NotEnrolled, ModelUpdateOffline or ModelUpdateRefused."""
        identity = self._identity()
        with self._client(identity) as client:
            _, release = self._updater(identity, client).check(self._updates.channel)
        self._available = None if release is None else release.version
        return self.status()

    def check_quietly(self) -> ModelUpdateReport:
        """:meth:`check` for the background sync: never raises for offline or refused."""
        try:
            status = self.check()
        except (ModelUpdateOffline, NotEnrolled) as error:
            return ModelUpdateReport("offline", detail=str(error))
        except ModelUpdateRefused as error:
            return ModelUpdateReport("refused", detail=error.reason)
        if status.available is not None:
            return ModelUpdateReport("available", status.available)
        return ModelUpdateReport("up_to_date" if status.installed else "no_release")

    def install(
        self, progress: ProgressCallback = ignore_progress, cancel: CancelToken | None = None
    ) -> ModelUpdateReport:
        """Download (file by file, with progress), verify, activate and load the channel's
        release. Raises JobCancelled when cancelled between files (what was fetched is
        kept), NotEnrolled, ModelUpdateOffline, ModelUpdateRefused or NotPermitted."""
        require(self._roles, Permission.MANAGE_MODELS)
        token = cancel or CancelToken()
        identity = self._identity()
        progress(Progress(0, None, CHECKING_MODEL_LIST.phrase))
        with self._client(identity) as client:
            updater = self._updater(identity, client)
            tuf, release = updater.check(self._updates.channel)
            if release is not None and release.version != self._updates.status().active:
                total = len(release.files)
                for done, target in enumerate(release.files):
                    token.raise_if_cancelled()
                    message = DOWNLOADING_MODEL.fill(version=release.version).english
                    progress(Progress(done, total, message))
                    updater.download(tuf, replace(release, files=(target,)))
                token.raise_if_cancelled()
                verifying = VERIFYING_MODEL.fill(version=release.version).english
                progress(Progress(total, total, verifying))
            report = self._updates.update(client, identity.hub_url, identity.tuf_roots)
        if report.outcome == "offline":
            raise ModelUpdateOffline(report.detail)
        if report.outcome == "refused":
            raise ModelUpdateRefused(report.detail)
        self._available = report.version
        return report

    def rollback(self) -> str:
        """Activate and load the previous bundle (on the store thread); its version. The
        release rolled back from is offered again as an update."""
        require(self._roles, Permission.MANAGE_MODELS)
        return self._updates.rollback()

    # --- helpers ------------------------------------------------------------------------

    def _identity(self) -> StoredIdentity:
        identity = self._sync.identity()
        if identity is None:
            raise NotEnrolled()
        return identity

    def _client(self, identity: StoredIdentity) -> HubClient:
        client = self._connect(identity.hub_url)
        client.use_identity(identity.key)
        return client

    def _updater(self, identity: StoredIdentity, client: HubClient) -> ModelUpdater:
        return ModelUpdater(
            self._updates.directory,
            hub_url=identity.hub_url,
            tuf_roots=identity.tuf_roots,
            fetcher=client.transport.fetcher,
            clock=self._clock,
        )
