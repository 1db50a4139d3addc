"""The hub's storage: encrypted at rest, key rotation, triage, dashboard indicators."""

from __future__ import annotations

import secrets
from datetime import UTC, datetime

import pytest
from sqlalchemy import select, update

from desktop.store import DeviceKey
from sync.hub.accounts import Account
from sync.hub.context import Hub
from sync.hub.dashboard import hub_status
from sync.hub.enrollment import enroll, issue_code
from sync.hub.keys import SealedDocumentDamaged
from sync.hub.request_auth import DeviceIdentity
from sync.hub.review import claim_case, recommend, review_queue, view_case
from sync.hub.schema import case_versions
from sync.hub.uploads import store_batch
from sync.protocol import (
    EnrollRequest,
    MechanismFindings,
    ModelSummary,
    RecommendationIn,
    UploadBatch,
    UploadItem,
    b64encode,
    canonical_json,
    pseudonymize,
    sha256_hex,
)
from tests.sync.support import case_document

EXPERT = Account("dr.expert", "expert")


def _device(hub: Hub, clinic: str = "Riverside clinic") -> DeviceIdentity:
    key = DeviceKey.generate()
    answer = enroll(
        hub,
        EnrollRequest(
            code=issue_code(hub, clinic).code,
            device_name="desk",
            public_key=b64encode(key.public_bytes()),
        ),
    )
    return DeviceIdentity(answer.device_id, answer.clinic_id)


def _item(index: int, model: ModelSummary | None = None, **changes: object) -> UploadItem:
    document = pseudonymize(case_document(index))
    document.update(changes)
    return UploadItem(
        idempotency_key=secrets.token_hex(16),
        case_id=document["case_id"],
        version=1,
        document=document,
        document_sha256=sha256_hex(canonical_json(document)),
        saved_at=datetime(2026, 11, 20, tzinfo=UTC),
        model=model,
    )


def test_case_documents_are_encrypted_at_rest_and_bound_to_their_row(hub: Hub) -> None:
    device = _device(hub)
    first, second = _item(1), _item(2)
    store_batch(hub, device, UploadBatch(items=[first, second]))
    if hub.database.is_sqlite:
        files = sorted(hub.settings.config_dir.glob("hub.db*"))
        data = b"".join(path.read_bytes() for path in files)
        assert b"oxaliplatin" not in data and b"perineural_invasion" not in data
    refs = [entry.case_ref for entry in review_queue(hub).entries]
    assert {view_case(hub, EXPERT, ref).case_id for ref in refs} == {first.case_id, second.case_id}
    with hub.database.transaction() as connection:
        rows = connection.execute(select(case_versions.c.id, case_versions.c.ciphertext)).all()
        connection.execute(
            update(case_versions)
            .where(case_versions.c.id == rows[0].id)
            .values(ciphertext=rows[1].ciphertext)
        )
    damaged = [ref for ref in refs if _fails(hub, ref)]
    assert len(damaged) == 1


def _fails(hub: Hub, ref: str) -> bool:
    try:
        view_case(hub, EXPERT, ref)
    except SealedDocumentDamaged:
        return True
    return False


def test_a_rotated_data_key_encrypts_new_rows_and_old_rows_stay_readable(hub: Hub) -> None:
    device = _device(hub)
    store_batch(hub, device, UploadBatch(items=[_item(1)]))
    old_key = hub.keys.data.current_id
    new_key = hub.keys.data.rotate()
    store_batch(hub, device, UploadBatch(items=[_item(2)]))
    with hub.database.reading() as connection:
        keys = connection.execute(select(case_versions.c.key_id).order_by(case_versions.c.id))
        assert keys.scalars().all() == [old_key, new_key]
    assert len([view_case(hub, EXPERT, e.case_ref) for e in review_queue(hub).entries]) == 2


def test_dashboard_indicators_per_clinic(hub: Hub) -> None:
    device = _device(hub)
    other = _device(hub, "Hill clinic")
    model = ModelSummary(
        name="bundle",
        version="0.2.0",
        mechanism_probabilities={"nociceptive": 0.9, "neuropathic": 0.7, "nociplastic": 0.1},
    )
    store_batch(hub, device, UploadBatch(items=[_item(1, model), _item(2, model)]))
    store_batch(hub, other, UploadBatch(items=[_item(3)]))
    for entry in review_queue(hub).entries[:2]:
        claim_case(hub, EXPERT, entry.case_ref)
        recommend(
            hub,
            EXPERT,
            entry.case_ref,
            RecommendationIn(
                mechanisms=MechanismFindings(nociceptive=True, neuropathic=True, nociplastic=False),
                regimen=("gabapentinoid",),
                summary="ok",
            ),
        )
    status = hub_status(hub)
    clinics = {clinic.clinic_name: clinic for clinic in status.clinics}
    riverside = clinics["Riverside clinic"]
    assert (riverside.cases, riverside.devices, riverside.model_version) == (2, 1, "bundle 0.2.0")
    assert riverside.dn4_completion_share == 1.0
    assert riverside.model_expert_agreement == 1.0
    assert (status.queue_depth, clinics["Hill clinic"].queue_depth) == (1, 1)
    assert status.published_models == {"stable": None, "pilot": None}


@pytest.mark.parametrize(
    ("changes", "urgency"),
    [
        (
            {"medications": [{"drug": "paracetamol", "route": "oral", "daily_dose_mg": 3000}]},
            "urgent",
        ),
        ({}, "soon"),
    ],
)
def test_triage_orders_the_queue(hub: Hub, changes: dict[str, object], urgency: str) -> None:
    device = _device(hub)
    store_batch(hub, device, UploadBatch(items=[_item(1, **changes)]))
    assert review_queue(hub).entries[0].urgency == urgency
