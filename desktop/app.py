"""Composition root: the one place that builds concrete objects and wires them together.

Everything else receives its collaborators through its constructor (style.md habit 16).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

import platformdirs

from desktop.domain.settings import ClinicalSettings
from desktop.services.assessment import AssessmentService
from desktop.services.cases import CaseService
from desktop.services.models import ModelService
from desktop.store import (
    AuditReport,
    CaseStore,
    Home,
    create_store,
    generate_recovery_keypair,
    open_store,
)
from desktop.store import change_passphrase as change_store_passphrase
from desktop.store.recovery_files import read_recovery_public_key, write_recovery_keypair

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


def _assemble(
    store: CaseStore,
    user: str,
    settings: ClinicalSettings | None,
    models: ModelService | None = None,
) -> Clinic:
    chosen = settings or ClinicalSettings()
    cases = CaseService(store, actor=user, settings=chosen)
    models = models or ModelService()
    assessments = AssessmentService(
        store,
        cases,
        actor=user,
        settings=lambda: chosen,
        model=models.predict,
        model_bundle_id=models.bundle_id,
    )
    return Clinic(store, cases, user, models, assessments)


def open_clinic(
    home: Path, *, user: str, passphrase: str, settings: ClinicalSettings | None = None
) -> Clinic:
    """Unlock the store in ``home`` with the user's passphrase."""
    return _assemble(open_store(Home(home), user, passphrase), user, settings)


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
    return _assemble(store, user, settings)


def change_passphrase(home: Path, *, user: str, old: str, new: str) -> None:
    change_store_passphrase(Home(home), user, old, new)


def create_recovery_keypair(directory: Path) -> tuple[Path, Path]:
    """Write a new IT recovery key pair into ``directory``; returns (private, public)."""
    private_key, public_key = generate_recovery_keypair()
    return write_recovery_keypair(directory, private_key, public_key)


def load_recovery_public_key(path: Path) -> bytes:
    """The raw IT recovery public key from its PEM file."""
    return read_recovery_public_key(path)
