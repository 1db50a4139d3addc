"""Composition root: the one place that builds concrete objects and wires them together.

Everything else receives its collaborators through its constructor (style.md habit 16).
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

import platformdirs

from desktop.domain.errors import UserFacingError
from desktop.domain.settings import ClinicalSettings
from desktop.services.cases import CaseService
from desktop.services.drafts import DraftService
from desktop.services.hub_inbox import HubInbox
from desktop.services.preferences import CurrentPreferences, PreferencesFile
from desktop.services.roles import Permission, UserRoles, parse_roles, require
from desktop.services.users import UserAdminService
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
from desktop.store.recovery_files import (
    RecoveryKeyFileError,
    read_recovery_private_key,
    read_recovery_public_key,
    write_recovery_keypair,
)

if TYPE_CHECKING:
    # Imported where they are used: onnxruntime, httpx and tuf take about a second to
    # import, which the application window and most commands should not wait for.
    from ssl import SSLContext

    from desktop.services.assessment import AssessmentService
    from desktop.services.hub_review import HubReviewService
    from desktop.services.hub_services import HubServices
    from desktop.services.machine_config import MachineConfig
    from desktop.services.model_trust import ModelTrust
    from desktop.services.model_updates import ModelUpdateService
    from desktop.services.models import ModelService
    from desktop.services.recovery import StoreRecovery
    from desktop.services.sync import SyncService
    from desktop.services.sync_ports import StoreCall
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
    #: the signed-in user's local roles (read from the encrypted store at unlock)
    roles: UserRoles
    users: UserAdminService

    def verify_audit(self) -> AuditReport:
        require(self.roles, Permission.ADMINISTER_AUDIT)
        return self.store.verify_audit()

    @property
    def inbox(self) -> HubInbox:
        """The hub inbox, read and acknowledged on the store's thread."""
        return HubInbox(self.store, actor=self.user, roles=self.roles)

    def hub_services(
        self, run_on_store: StoreCall[Any], *, channel: str | None = None
    ) -> HubServices:
        """The GUI's background sync and jobs: store work goes through ``run_on_store``."""
        from desktop.services.hub_services import build_hub_services, model_channel

        return build_hub_services(
            self.store,
            actor=self.user,
            connect=connect_hub,
            models=self.models,
            models_directory=self.model_updates.directory,
            run_on_store=run_on_store,
            channel=model_channel(channel),
            roles=self.roles,
            trusted_key=self.model_updates.trusted_key,
        )

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

    trust = _hub_trust(
        os.environ.get(HUB_CA_ENV) or None,
        os.environ.get("SSL_CERT_FILE") or None,
        os.environ.get("SSL_CERT_DIR") or None,
    )
    return HubClient(HubTransport(url, trust=trust))


@functools.cache
def _hub_trust(ca_file: str | None, cert_file: str | None, cert_dir: str | None) -> SSLContext:
    """One TLS context per trust setting, shared by every hub connection: loading the CA
    certificates takes 60-200 ms holding the GIL, which stalled the GUI at each sync
    round (docs/benchmarks.md, "GUI"). The same CAs as httpx's default otherwise."""
    import ssl

    if ca_file is not None:
        return ssl.create_default_context(cafile=ca_file)
    if cert_file is not None or cert_dir is not None:
        return ssl.create_default_context(cafile=cert_file, capath=cert_dir)
    import certifi

    return ssl.create_default_context(cafile=certifi.where())


def model_service_for(home: Path, trust: ModelTrust | None = None) -> ModelService:
    """The model service, starting from the last bundle a hub update activated, if any."""
    from desktop.services.model_updates import MODELS_DIRECTORY, active_model_bundle
    from desktop.services.models import DEFAULT_BUNDLE, ModelService

    active = active_model_bundle(Path(home) / MODELS_DIRECTORY)
    return ModelService(default_bundle=active or DEFAULT_BUNDLE, trust=trust)


def machine_model_trust() -> ModelTrust:
    """The model-signing keys of this computer: the machine configuration's
    ``model_trusted_key`` for bundles from the hub (docs/models.md, "Signing keys"). An
    unusable machine configuration presets nothing, so the development key (the
    application says why at start; `painbridge sync enroll` refuses it)."""
    from desktop.services.model_trust import ModelTrust

    machine, _problem = _machine_config()
    return ModelTrust.configured(machine.model_trusted_key)


def _assemble(
    store: CaseStore,
    user: str,
    settings: ClinicalSettings | SettingsSource | None,
    models: ModelService | None = None,
    *,
    home: Path,
    model_optional: bool = False,
    model_trust: ModelTrust | None = None,
) -> Clinic:
    from desktop.services.assessment import AssessmentService
    from desktop.services.model_updates import MODELS_DIRECTORY, ModelUpdateService
    from desktop.services.sync import SyncService

    source = _settings_source(settings)
    roles = UserRoles(user, parse_roles(store.users().roles(user)))
    cases = CaseService(store, actor=user, settings=source(), roles=roles)
    trust = model_trust or machine_model_trust()
    models = models or model_service_for(home, trust)
    assessments = AssessmentService(
        store,
        cases,
        actor=user,
        settings=source,
        # The GUI reports "no model loaded" rather than failing when no bundle could load.
        model=None if model_optional and not models.loaded else models.predict,
        model_bundle_id=models.bundle_id,
        roles=roles,
    )
    drafts = DraftService(store, actor=user)
    model_updates = ModelUpdateService(
        Path(home) / MODELS_DIRECTORY, models, roles=roles, trusted_key=trust.downloaded
    )
    sync = SyncService(store, actor=user, connect=connect_hub, models=model_updates, roles=roles)
    users = UserAdminService(Home(home), store, acting=roles)
    return Clinic(
        store,
        cases,
        user,
        models,
        assessments,
        drafts,
        sync,
        model_updates,
        roles=roles,
        users=users,
    )


def _settings_source(settings: ClinicalSettings | SettingsSource | None) -> SettingsSource:
    """Fixed settings (CLI) or a source read at each assessment (GUI preferences)."""
    if settings is not None and not isinstance(settings, ClinicalSettings):
        return settings
    chosen = settings or ClinicalSettings()

    def fixed() -> ClinicalSettings:
        return chosen

    return fixed


def open_clinic(
    home: Path,
    *,
    user: str,
    passphrase: str,
    settings: ClinicalSettings | None = None,
    model_trust: ModelTrust | None = None,
) -> Clinic:
    """Unlock the store in ``home`` with the user's passphrase (``model_trust``: default
    from the machine configuration)."""
    store = open_store(Home(home), user, passphrase)
    return _assemble(store, user, settings, home=home, model_trust=model_trust)


def initialise_clinic(
    home: Path,
    *,
    user: str,
    passphrase: str,
    recovery_public_key: bytes | None = None,
    settings: ClinicalSettings | None = None,
    model_trust: ModelTrust | None = None,
) -> Clinic:
    """Create the encrypted store in ``home`` for its first user; returns it unlocked.

    ``recovery_public_key`` is used as given (callers choose: `painbridge init` and the
    application's first run take the machine configuration's, the demo none)."""
    store = create_store(Home(home), user, passphrase, recovery_public_key=recovery_public_key)
    return _assemble(store, user, settings, home=home, model_trust=model_trust)


class ClinicOpener:
    """Opens the store of one home for the GUI (the ``SessionOpener`` of desktop.services).

    From the machine configuration (``run_gui``): ``recovery_public_key`` gives the store
    created at the first run its IT recovery slot; ``model_trust`` says which key bundles
    from the hub must be signed with; ``setup_problem`` (why the machine configuration is
    unusable) stops the first run, since a store set up without the recovery slot IT
    intended could never get one.
    """

    def __init__(
        self,
        home: Path,
        settings: SettingsSource,
        models: ModelService | None = None,
        *,
        recovery_public_key: bytes | None = None,
        model_trust: ModelTrust | None = None,
        setup_problem: str | None = None,
    ) -> None:
        self.home = Path(home)
        self._settings = settings
        # One model service for the whole run (the bundle stays loaded across locks),
        # made at the first unlock, on the store thread: the window opens without it.
        self._models = models
        self.model_problem: str | None = None
        self._recovery_public_key = recovery_public_key
        self._model_trust = model_trust
        self._setup_problem = setup_problem

    @property
    def trust(self) -> ModelTrust:
        if self._model_trust is None:
            from desktop.services.model_trust import ModelTrust

            self._model_trust = ModelTrust.configured()
        return self._model_trust

    @property
    def models(self) -> ModelService:
        if self._models is None:
            self._models = model_service_for(self.home, self.trust)
        return self._models

    def is_initialised(self) -> bool:
        return Home(self.home).is_initialised()

    def users(self) -> list[str]:
        return list_users(Home(self.home)) if self.is_initialised() else []

    def open(
        self,
        user: str,
        passphrase: str,
        *,
        on_migrating: Callable[[str], object] | None = None,
    ) -> Clinic:
        store = open_store(Home(self.home), user, passphrase, on_migrating=on_migrating)
        return self._assemble(store, user)

    def create(self, user: str, passphrase: str) -> Clinic:
        if self._setup_problem is not None:
            from desktop.services.machine_config import MachineConfigError

            raise MachineConfigError(
                "PainBridge cannot be set up on this computer until IT corrects its machine "
                f"configuration: {self._setup_problem}"
            )
        store = create_store(
            Home(self.home), user, passphrase, recovery_public_key=self._recovery_public_key
        )
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
            store,
            user,
            self._settings,
            self.models,
            home=self.home,
            model_optional=True,
            model_trust=self.trust,
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
    from desktop.services.model_trust import ModelTrust

    machine, machine_problem = _machine_config()
    opener = ClinicOpener(
        home,
        preferences.clinical_settings,
        recovery_public_key=machine.recovery_public_key,
        model_trust=ModelTrust.configured(machine.model_trusted_key),
        setup_problem=machine_problem,
    )
    config = GuiConfig(
        opener=opener,
        preferences=preferences,
        home=Path(home),
        demo=demo,
        machine=machine,
        machine_problem=machine_problem,
        hub_review_signin=functools.partial(
            sign_in_hub_review, settings=preferences.clinical_settings
        ),
    )
    return run(config)


def _machine_config() -> tuple[MachineConfig, str | None]:
    """What IT preset for this computer; nothing (and why) when it cannot be used."""
    from desktop.services.machine_config import MachineConfig, load_machine_config

    try:
        return load_machine_config(), None
    except UserFacingError as error:
        return MachineConfig(), str(error)


def sign_in_hub_review(
    url: str, username: str, password: str, *, settings: SettingsSource
) -> HubReviewService:
    """Hub expert mode: sign in at the hub with an expert account (no clinic store needed).

    Raises HubSignInRefused naming the field to correct (hub address, user name, password).
    TLS trust as for syncing: $PAINBRIDGE_HUB_CA, else the system CAs.
    """
    from desktop.services.hub_review import sign_in_for_review
    from sync.client import ReviewClient
    from sync.transport import HubTransport

    def connect(hub_url: str) -> ReviewClient:
        return ReviewClient(HubTransport(hub_url, trust=os.environ.get(HUB_CA_ENV) or True))

    return sign_in_for_review(connect, url, username, password, settings)


def change_passphrase(home: Path, *, user: str, old: str, new: str) -> None:
    change_store_passphrase(Home(home), user, old, new)


def create_recovery_keypair(directory: Path) -> tuple[Path, Path]:
    """Write a new IT recovery key pair into ``directory``; returns (private, public)."""
    private_key, public_key = generate_recovery_keypair()
    return write_recovery_keypair(directory, private_key, public_key)


def load_recovery_public_key(path: Path) -> bytes:
    """The raw IT recovery public key from its PEM file."""
    return read_recovery_public_key(path)


def open_recovery(home: Path, private_key_file: Path) -> StoreRecovery:
    """The store in ``home`` unlocked with IT's recovery private key (its PEM file), to
    reset a user's passphrase. Refused (nothing changed) when the store has no recovery
    slot or the key does not open it."""
    from desktop.services.recovery import StoreRecovery

    try:
        private_key = read_recovery_private_key(private_key_file)
    except (ValueError, TypeError):  # cryptography refuses the PEM block (or it is encrypted)
        raise RecoveryKeyFileError(
            f"{private_key_file} is not an unencrypted PEM private key (recovery-private.pem "
            "from `painbridge recovery keygen`)"
        ) from None
    return StoreRecovery(Home(home), private_key)
