"""Model updates from the hub: check the channel, download, verify, activate, roll back.

TUF (sync.client.model_update) proves the files are what the hub published; the bundle's
own Ed25519 signature (models_onnx.bundle.load_bundle with the trusted key) proves they
are a model this PainBridge may run. Only then is the bundle activated on disk and
loaded. A failed check never replaces the model in use.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from desktop.services.model_texts import (
    MODEL_LIST_OVERDUE,
    MODEL_LIST_VERIFIED,
    UPDATES_NOT_CHECKED,
)
from desktop.services.roles import Permission, UserRoles, require
from models_onnx.bundle import load_bundle
from models_onnx.errors import BundleError
from models_onnx.signing import development_public_key
from sync.client import HubClient
from sync.client.model_update import (
    ModelUpdateOffline,
    ModelUpdater,
    ModelUpdateRefused,
    UpdateState,
)
from sync.protocol import Channel

if TYPE_CHECKING:
    from sync.transport import TufFetcher

MODELS_DIRECTORY = "models"


class ModelLoader(Protocol):
    """What the update service needs of a model service: load a verified bundle
    (:class:`desktop.services.models.ModelService`, or the GUI's store-thread adapter)."""

    def load(self, directory: Path) -> Any: ...


@dataclass(frozen=True)
class ModelUpdateReport:
    """``outcome``: installed | up_to_date | no_release | offline | refused."""

    outcome: str
    version: str | None = None
    detail: str = ""


@dataclass(frozen=True)
class ModelUpdateStatus:
    active: str | None
    previous: str | None
    last_verified: datetime | None
    overdue_days: float

    @property
    def note(self) -> str:
        if self.last_verified is None:
            return UPDATES_NOT_CHECKED.phrase
        if self.overdue_days > 0:
            return MODEL_LIST_OVERDUE.fill(days=f"{self.overdue_days:.1f}").english
        return MODEL_LIST_VERIFIED.fill(when=f"{self.last_verified:%Y-%m-%d %H:%M}").english


def _utc_now() -> datetime:
    return datetime.now(UTC)


class ModelUpdateService:
    """Installs hub releases of a channel into ``directory`` and loads them."""

    def __init__(
        self,
        directory: Path,
        models: ModelLoader,
        *,
        channel: Channel = "stable",
        trusted_key: Ed25519PublicKey | None = None,
        clock: Callable[[], datetime] = _utc_now,
        roles: UserRoles | None = None,
    ) -> None:
        self._roles = roles  # None: no sign-in to check (tests, tools)
        self.directory = Path(directory)
        self._models = models
        self.channel: Channel = channel
        #: the key every downloaded bundle must be signed with (ModelTrust.downloaded)
        self.trusted_key = trusted_key or development_public_key()
        self._clock = clock

    def _updater(
        self, hub_url: str, roots: dict[str, str], client: HubClient | None
    ) -> ModelUpdater:
        def fetcher() -> TufFetcher:
            if client is None:
                raise ModelUpdateOffline("not connected")
            return client.transport.fetcher()

        return ModelUpdater(
            self.directory,
            hub_url=hub_url,
            tuf_roots=roots,
            fetcher=fetcher,
            clock=self._clock,
        )

    def update(self, client: HubClient, hub_url: str, roots: dict[str, str]) -> ModelUpdateReport:
        """Install the channel's current release if it is new (never raises for offline)."""
        updater = self._updater(hub_url, roots, client)
        try:
            tuf, release = updater.check(self.channel)
            if release is None:
                return ModelUpdateReport("no_release")
            if updater.status().active == release.version:
                return ModelUpdateReport("up_to_date", release.version)
            staging = updater.download(tuf, release)
            try:
                load_bundle(staging, self.trusted_key)
            except BundleError as error:
                updater.discard(staging)
                raise ModelUpdateRefused(error.problem) from None
            path = updater.activate(staging, release.version)
        except ModelUpdateOffline as error:
            return ModelUpdateReport("offline", detail=error.reason)
        except ModelUpdateRefused as error:
            return ModelUpdateReport("refused", detail=error.reason)
        self._models.load(path)
        return ModelUpdateReport("installed", release.version)

    def rollback(self) -> str:
        """Activate and load the previous bundle; returns its version (IT admins only)."""
        require(self._roles, Permission.MANAGE_MODELS)
        updater = self._updater("", {}, None)
        version = updater.rollback()
        self._models.load(updater.bundle_dir(version))
        return version

    def active_bundle(self) -> Path | None:
        return self._updater("", {}, None).active_bundle()

    def status(self) -> ModelUpdateStatus:
        state: UpdateState = self._updater("", {}, None).status()
        return ModelUpdateStatus(
            active=state.active,
            previous=state.previous,
            last_verified=state.last_verified,
            overdue_days=state.overdue_seconds(self._clock()) / 86400,
        )


def active_model_bundle(directory: Path) -> Path | None:
    """The bundle a previous update activated in ``directory`` (None: use the shipped one)."""
    return ModelUpdater(directory, hub_url="", tuf_roots={}, fetcher=_no_fetcher).active_bundle()


def _no_fetcher() -> TufFetcher:
    raise ModelUpdateOffline("not connected")
