"""Composition root: the one place that builds concrete objects and wires them together.

Everything else receives its collaborators through its constructor (style.md habit 16).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

import platformdirs

from desktop.domain.errors import UserFacingError
from desktop.domain.settings import ClinicalSettings
from desktop.services.cases import CaseService
from desktop.services.drafts import DraftService
from desktop.services.preferences import CurrentPreferences, PreferencesFile
from desktop.store import (
    AuditReport,
    CaseStore,
    Home,
    create_store,
    generate_recovery_keypair,
    list_users,
    open_store,
)
from desktop.store import change_passphrase as change_store_passphrase
from desktop.store.recovery_files import read_recovery_public_key, write_recovery_keypair

if TYPE_CHECKING:
    # Imported where they are used: onnxruntime, httpx and tuf take about a second to
    # import, which the application window and most commands should not wait for.
    from desktop.services.assessment import AssessmentService
    from desktop.services.model_updates import ModelUpdateService
    from desktop.services.models import ModelService
    from desktop.services.sync import SyncService
    from sync.client import HubClient

APP_NAME = "PainBridge"


def default_home() -> Path:
    """The per-user data directory (e.g. ~/.local/share/PainBridge on Linux)."""
    return platformdirs.user_data_path(APP_NAME, appauthor=False)


@dataclass
class Clinic:
    """An unlocked clinic store and the services that work on it."""

    store: CaseStore
    cases: CaseService
    user: str
    models: ModelService
    assessments: AssessmentService
    drafts: DraftService
    sync: SyncService
    model_updates: ModelUpdateService

    def verify_audit(self) -> AuditReport:
        return self.store.verify_audit()

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Clinic:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()


SettingsSource = Callable[[], ClinicalSettings]


#: PEM file of the CA that signed the hub's certificate, when it is not a public CA.
HUB_CA_ENV = "PAINBRIDGE_HUB_CA"


def connect_hub(url: str) -> HubClient:
    """A client for the hub at ``url`` (TLS trust: $PAINBRIDGE_HUB_CA, else system CAs)."""
    from sync.client import HubClient
    from sync.transport import HubTransport

    return HubClient(HubTransport(url, trust=os.environ.get(HUB_CA_ENV) or True))


def model_service_for(home: Path) -> ModelService:
    """The model service, starting from the last bundle a hub update activated, if any."""
    from desktop.services.model_updates import MODELS_DIRECTORY, active_model_bundle
    from desktop.services.models import DEFAULT_BUNDLE, ModelService

    active = active_model_bundle(Path(home) / MODELS_DIRECTORY)
    return ModelService(default_bundle=active or DEFAULT_BUNDLE)


def _assemble(
    store: CaseStore,
    user: str,
    settings: ClinicalSettings | SettingsSource | None,
    models: ModelService | None = None,
    *,
    home: Path,
    model_optional: bool = False,
) -> Clinic:
    from desktop.services.assessment import AssessmentService
    from desktop.services.model_updates import MODELS_DIRECTORY, ModelUpdateService
    from desktop.services.sync import SyncService

    source = _settings_source(settings)
    cases = CaseService(store, actor=user, settings=source())
    models = models or model_service_for(home)
    assessments = AssessmentService(
        store,
        cases,
        actor=user,
        settings=source,
        # The GUI reports "no model loaded" rather than failing when no bundle could load.
        model=None if model_optional and not models.loaded else models.predict,
        model_bundle_id=models.bundle_id,
    )
    drafts = DraftService(store, actor=user)
    model_updates = ModelUpdateService(Path(home) / MODELS_DIRECTORY, models)
    sync = SyncService(store, actor=user, connect=connect_hub, models=model_updates)
    return Clinic(store, cases, user, models, assessments, drafts, sync, model_updates)


def _settings_source(settings: ClinicalSettings | SettingsSource | None) -> SettingsSource:
    """Fixed settings (CLI) or a source read at each assessment (GUI preferences)."""
    if settings is not None and not isinstance(settings, ClinicalSettings):
        return settings
    chosen = settings or ClinicalSettings()

    def fixed() -> ClinicalSettings:
        return chosen

    return fixed


def open_clinic(
    home: Path, *, user: str, passphrase: str, settings: ClinicalSettings | None = None
) -> Clinic:
    """Unlock the store in ``home`` with the user's passphrase."""
    return _assemble(open_store(Home(home), user, passphrase), user, settings, home=home)


def initialise_clinic(
    home: Path,
    *,
    user: str,
    passphrase: str,
    recovery_public_key: bytes | None = None,
    settings: ClinicalSettings | None = None,
) -> Clinic:
    """Create the encrypted store in ``home`` for its first user; returns it unlocked."""
    store = create_store(Home(home), user, passphrase, recovery_public_key=recovery_public_key)
    return _assemble(store, user, settings, home=home)


class ClinicOpener:
    """Opens the store of one home for the GUI (the ``SessionOpener`` of desktop.services)."""

    def __init__(
        self, home: Path, settings: SettingsSource, models: ModelService | None = None
    ) -> None:
        self.home = Path(home)
        self._settings = settings
        # One model service for the whole run (the bundle stays loaded across locks),
        # made at the first unlock, on the store thread: the window opens without it.
        self._models = models
        self.model_problem: str | None = None

    @property
    def models(self) -> ModelService:
        if self._models is None:
            self._models = model_service_for(self.home)
        return self._models

    def is_initialised(self) -> bool:
        return Home(self.home).is_initialised()

    def users(self) -> list[str]:
        return list_users(Home(self.home)) if self.is_initialised() else []

    def open(self, user: str, passphrase: str) -> Clinic:
        store = open_store(Home(self.home), user, passphrase)
        return self._assemble(store, user)

    def create(self, user: str, passphrase: str) -> Clinic:
        store = create_store(Home(self.home), user, passphrase)
        return self._assemble(store, user)

    def _assemble(self, store: CaseStore, user: str) -> Clinic:
        """Load the model first (on the store thread, at unlock); a bundle that fails its
        checks leaves the reports without model output, and the model panel says why."""
        if not self.models.loaded:
            from desktop.services.model_updates import MODELS_DIRECTORY, active_model_bundle
            from desktop.services.models import DEFAULT_BUNDLE

            bundle = active_model_bundle(self.home / MODELS_DIRECTORY) or DEFAULT_BUNDLE
            try:
                self.models.load(bundle)
            except UserFacingError as error:
                self.model_problem = str(error)
            else:
                self.model_problem = None
        return _assemble(
            store, user, self._settings, self.models, home=self.home, model_optional=True
        )


def run_gui(home: Path, *, demo_user: str | None = None, demo_passphrase: str | None = None) -> int:
    """Start the desktop application on ``home`` (Qt is imported only here)."""
    from desktop.gui.application import run
    from desktop.gui.config import DemoSignIn, GuiConfig

    preferences = CurrentPreferences(PreferencesFile(home))
    demo = (
        DemoSignIn(demo_user, demo_passphrase)
        if demo_user is not None and demo_passphrase is not None
        else None
    )
    config = GuiConfig(
        opener=ClinicOpener(home, preferences.clinical_settings),
        preferences=preferences,
        home=Path(home),
        demo=demo,
    )
    return run(config)


def change_passphrase(home: Path, *, user: str, old: str, new: str) -> None:
    change_store_passphrase(Home(home), user, old, new)


def create_recovery_keypair(directory: Path) -> tuple[Path, Path]:
    """Write a new IT recovery key pair into ``directory``; returns (private, public)."""
    private_key, public_key = generate_recovery_keypair()
    return write_recovery_keypair(directory, private_key, public_key)


def load_recovery_public_key(path: Path) -> bytes:
    """The raw IT recovery public key from its PEM file."""
    return read_recovery_public_key(path)
