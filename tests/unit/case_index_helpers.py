"""Hub history for case-list and inbox tests, written through the real store paths.

Messages from the hub are signed with a test hub key, verified by the sync client's own
``verify_change`` and stored by ``StoreInbox`` (exactly what a sync round does when it
pulls changes); deliveries go through ``SyncLedger.mark_attempted`` and
``record_deliveries`` (what a round does when it uploads); reports through
``CaseStore.add_report``.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from desktop.services.sync_ports import StoreInbox
from desktop.store import CaseStore, Delivery, DeviceKey, NewReport
from sync.client.changes import hub_key, verify_change
from sync.protocol import Change, b64encode, canonical_json

CLINIC_ID = "clinic-under-test"
DEVICE_ID = "0123456789abcdef"


@dataclass
class HubSigner:
    """Signs changes like the hub (Ed25519 over the payload's canonical JSON)."""

    key: Ed25519PrivateKey = field(default_factory=Ed25519PrivateKey.generate)
    seq: int = 0

    @property
    def public_key(self) -> str:
        return b64encode(self.key.public_key().public_bytes_raw())

    def change(self, payload: dict[str, Any]) -> Change:
        self.seq += 1
        signature = b64encode(self.key.sign(canonical_json(payload)))
        return Change(seq=self.seq, payload=payload, signature=signature)


#: Nothing listens there: a sync round against it is offline at once (no DNS, no network).
UNREACHABLE_HUB = "http://127.0.0.1:9"


def enroll_store(store: CaseStore, hub: HubSigner, hub_url: str = UNREACHABLE_HUB) -> None:
    """Give the store an enrolled identity that pins ``hub``'s key."""
    store.sync_ledger().save_identity(
        actor="it",
        hub_url=hub_url,
        device_name="front desk",
        key=DeviceKey.generate().for_device(DEVICE_ID),
        device_id=DEVICE_ID,
        clinic_id=CLINIC_ID,
        clinic_name="Riverside clinic",
        hub_public_key=hub.public_key,
        tuf_roots={},
    )


def _base(case_id: str, version: int, issued_at: str, author: str) -> dict[str, Any]:
    return {
        "change_id": str(uuid.uuid4()),
        "clinic_id": CLINIC_ID,
        "case_id": case_id,
        "case_version": version,
        "issued_at": issued_at,
        "author": author,
    }


def recommendation(
    case_id: str,
    *,
    version: int = 1,
    issued_at: str = "2026-11-01T09:00:00Z",
    follow_up_days: int | None = 14,
    summary: str = "Mixed pain: add a gabapentinoid, titrate slowly.",
    author: str = "dr.expert",
) -> dict[str, Any]:
    payload = _base(case_id, version, issued_at, author) | {
        "kind": "recommendation",
        "mechanisms": {"nociceptive": True, "neuropathic": True, "nociplastic": False},
        "regimen": ["gabapentinoid", "strong_opioid"],
        "summary": summary,
    }
    if follow_up_days is not None:
        payload["follow_up_days"] = follow_up_days
    return payload


def information_request(case_id: str, *, version: int = 1) -> dict[str, Any]:
    return _base(case_id, version, "2026-11-02T09:00:00Z", "dr.expert") | {
        "kind": "information_request",
        "questions": ["Which opioid dose exactly?"],
        "note": "Please add the creatinine.",
    }


def planned_visit(case_id: str, *, version: int = 1) -> dict[str, Any]:
    return _base(case_id, version, "2026-11-03T09:00:00Z", "dr.expert") | {
        "kind": "planned_visit",
        "visit_date": "2026-12-01",
        "purpose": "Co-management visit with the palliative team.",
    }


def model_release() -> dict[str, Any]:
    return {
        "kind": "model_release",
        "change_id": str(uuid.uuid4()),
        "channel": "stable",
        "name": "painbridge-ebm",
        "version": "0.2.0",
        "issued_at": "2026-11-04T09:00:00Z",
    }


def pull(store: CaseStore, hub: HubSigner, payloads: Sequence[dict[str, Any]]) -> int:
    """Store hub changes the way a sync round does (verify each, then StoreInbox.store)."""
    key = hub_key(hub.public_key)
    verified = [verify_change(hub.change(payload), key, CLINIC_ID) for payload in payloads]
    return StoreInbox(store.sync_ledger()).store(verified, hub.seq)


def deliver(store: CaseStore, outcomes: dict[str, str]) -> None:
    """Upload the due outbox rows of these cases: ``{case_id: "sent" | "quarantined: why"}``
    (as a round does: mark attempted, then record what the hub answered)."""
    ledger = store.sync_ledger()
    items = [item for item in ledger.due(100_000) if item.case_id in outcomes]
    ledger.mark_attempted(items)
    deliveries = []
    for item in items:
        outcome = outcomes[item.case_id]
        if outcome == "sent":
            deliveries.append(Delivery(item.outbox_id, "sent"))
        else:
            deliveries.append(Delivery(item.outbox_id, "quarantined", outcome.split(": ", 1)[1]))
    ledger.record_deliveries(deliveries)


def add_report(store: CaseStore, case_id: str, severities: Iterable[str], version: int = 1) -> None:
    """A stored report whose alerts have these severities."""
    alerts = [
        {"code": f"test.{index}", "severity": severity, "message": "Test alert."}
        for index, severity in enumerate(severities)
    ]
    store.add_report(
        NewReport(
            case_id=case_id,
            case_version=version,
            actor="clinician",
            model_name=None,
            model_version=None,
            bundle_id=None,
            inputs_fingerprint="f" * 64,
            document={"format": "painbridge.report/1", "alerts": alerts},
        )
    )
