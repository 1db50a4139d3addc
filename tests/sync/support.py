"""Helpers for the sync tests: case documents, a clinic wired to a hub, hub users.

The clinic is a real SQLCipher store (copied from a template, unlocked with the IT
recovery key so no test pays for Argon2id); the hub is the real hub, in-process or on
127.0.0.1.
"""

from __future__ import annotations

import copy
import json
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from desktop.domain.case_identity import make_pseudonym
from desktop.services.cases import CaseService
from desktop.services.sync import SyncService
from desktop.store import CaseStore, Home, NewVersion
from sync.client import HubClient
from sync.hub.accounts import add_user
from sync.hub.context import Hub
from sync.hub.enrollment import issue_code
from sync.hub.settings import HubSettings
from sync.transport import HubTransport, Timeouts
from tests.unit.test_store_support import Template

DATA = Path(__file__).resolve().parents[1] / "data"
FULL_CASE: dict[str, Any] = json.loads((DATA / "case_full.json").read_text(encoding="utf-8"))
EXPERT = "dr.expert"
ADMIN = "it.admin"
PASSWORD = "a long test password"
FAST_TIMEOUTS = Timeouts(connect=2.0, read=5.0, write=5.0, pool=2.0)


def hub_settings(directory: Path, **overrides: Any) -> HubSettings:
    """Hub settings for tests: cheap Argon2id (the parameters are stored with each hash)."""
    values: dict[str, Any] = {"password_memory_kib": 8 * 1024, "password_iterations": 1}
    values.update(overrides)
    return HubSettings(config_dir=directory, **values)


def case_document(index: int, *, consent: bool = True, **changes: Any) -> dict[str, Any]:
    """A valid case (the full example) with its own id and pseudonym."""
    document = copy.deepcopy(FULL_CASE)
    document["case_id"] = str(uuid.UUID(int=0xC0FFEE << 64 | index))
    document["patient"]["pseudonym"] = make_pseudonym(lambda n: index.to_bytes(n, "big"))
    document["patient"]["consent_to_share"] = consent
    document.update(changes)
    return document


def connector(*, timeouts: Timeouts = FAST_TIMEOUTS, trust: Any = True) -> Any:
    def connect(url: str) -> HubClient:
        return HubClient(HubTransport(url, timeouts=timeouts, trust=trust))

    return connect


@dataclass
class Clinic:
    store: CaseStore
    cases: CaseService
    sync: SyncService
    home: Home

    def close(self) -> None:
        self.store.close()


def open_clinic(template: Template, directory: Path, *, sleep: Any = None, **kwargs: Any) -> Clinic:
    home = Home(directory) if (directory / "keys.json").exists() else template.copy_to(directory)
    store = template.open(home)
    cases = CaseService(store, actor="clinician")
    sync = SyncService(
        store,
        actor="clinician",
        connect=kwargs.pop("connect", connector()),
        sleep=sleep or (lambda seconds: None),
        **kwargs,
    )
    return Clinic(store, cases, sync, home)


def enroll(clinic: Clinic, hub: Hub, url: str, clinic_name: str = "Riverside clinic") -> str:
    code = issue_code(hub, clinic_name).code
    return clinic.sync.enroll(url, code, "front desk").device_id


def make_users(hub: Hub) -> None:
    add_user(hub, EXPERT, "expert", PASSWORD)
    add_user(hub, ADMIN, "admin", PASSWORD)


def add_many(clinic: Clinic, indexes: Iterable[int]) -> list[str]:
    """Store many cases in one transaction (as an import would); returns their ids."""
    documents = [case_document(index) for index in indexes]
    clinic.store.add_versions(
        NewVersion(
            case_id=d["case_id"],
            document=d,
            actor="clinician",
            pseudonym=d["patient"]["pseudonym"],
            patient_name=d["patient"]["name"],
            assessment_date=date(2026, 11, 20),
        )
        for d in documents
    )
    return [d["case_id"] for d in documents]


def point_at(clinic: Clinic, url: str) -> None:
    """Make the enrolled clinic talk to ``url`` (a proxy in front of its hub)."""
    identity = clinic.sync.identity()
    assert identity is not None
    clinic.store.sync_ledger().save_identity(
        actor="test",
        hub_url=url,
        device_name=identity.device_name,
        key=identity.key,
        device_id=identity.device_id,
        clinic_id=identity.clinic_id,
        clinic_name=identity.clinic_name,
        hub_public_key=identity.hub_public_key,
        tuf_roots=identity.tuf_roots,
    )
