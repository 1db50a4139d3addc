"""Referrals travel with the case to the real hub: "Send to hub" before and after the
version was uploaded, urgency raised in the review queue, reasons shown to the expert,
and a retried referral stored exactly once."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

from desktop.domain.settings import ClinicalSettings
from desktop.services.assessment import AssessmentService
from desktop.services.hub_referral import NO_CONSENT, NOT_ENROLLED, NotSendable
from desktop.services.roles import NotPermitted, Permission, Role, UserRoles
from sync.client import HubClient, ReviewClient
from sync.hub.schema import case_referrals, case_versions
from sync.hub.server import EmbeddedHub
from sync.hub.triage import CLINICIAN_REQUEST_REASON
from sync.protocol import (
    QueueEntry,
    ReferralSummary,
    UploadItem,
    canonical_json,
    pseudonymize,
    sha256_hex,
)
from sync.transport import HubTransport
from tests.sync.support import EXPERT, PASSWORD, Clinic, case_document, enroll, open_clinic
from tests.unit.test_store_support import Template

CLINICIAN_REASON = "The clinician asked for a hub review."


def _mild(index: int, *, consent: bool = True) -> dict[str, object]:
    """A routine case: mild pain, no neuropathic screen."""
    document = case_document(index, consent=consent)
    document["assessment"]["nrs"] = {"worst": 2, "least": 0, "average": 1, "now": 1}
    document["assessment"].pop("dn4", None)
    return document


def _assessments(clinic: Clinic) -> AssessmentService:
    return AssessmentService(
        clinic.store, clinic.cases, actor="clinician", settings=ClinicalSettings
    )


def _count(hub: EmbeddedHub, table: object) -> int:
    with hub.hub.database.reading() as connection:
        return int(connection.execute(select(func.count()).select_from(table)).scalar_one())  # type: ignore[arg-type]


def _queue_entry(url: str, case_id: str) -> tuple[QueueEntry, ReviewClient]:
    expert = ReviewClient(HubTransport(url))
    expert.sign_in(EXPERT, PASSWORD)
    for entry in expert.queue().entries:
        if expert.view(entry.case_ref).case_id == case_id:
            return entry, expert
    expert.close()
    raise AssertionError(f"case {case_id} is not in the review queue")


def test_send_after_the_upload_reaches_the_queue_with_reasons_and_urgency(
    clinic_template: Template, live_hub: EmbeddedHub, tmp_path: Path
) -> None:
    clinic = open_clinic(clinic_template, tmp_path / "clinic")
    assessments = _assessments(clinic)
    try:
        enroll(clinic, live_hub.hub, live_hub.url)
        case_id = clinic.cases.add_case(_mild(1)).case_id
        assert clinic.sync.sync_now(update_models=False).sent == 1  # uploaded, no report yet
        entry, expert = _queue_entry(live_hub.url, case_id)
        expert.close()
        assert (entry.urgency, entry.referral) == ("routine", None)

        sent = assessments.send_to_hub(case_id)
        assert sent.assessment.report.clinician_requested_referral
        assert (sent.hub.sync.state, sent.hub.referral) == ("received", "queued")
        round_ = clinic.sync.sync_now(update_models=False)
        assert (round_.sent, round_.duplicates, round_.quarantined) == (1, 0, 0)
        assert _count(live_hub, case_versions) == 1  # the document is not stored twice
        assert assessments.hub_state(case_id).referral is None  # delivered
        assert clinic.sync.receipt(case_id).state == "received"  # type: ignore[union-attr]

        entry, expert = _queue_entry(live_hub.url, case_id)
        try:
            assert entry.urgency == "soon"
            assert CLINICIAN_REQUEST_REASON in entry.urgency_reasons
            assert entry.referral is not None
            assert entry.referral.clinician_requested and entry.referral.recommended
            assert CLINICIAN_REASON in entry.referral.reasons
            view = expert.view(entry.case_ref)
            assert view.referral == entry.referral and view.urgency == "soon"
        finally:
            expert.close()
    finally:
        clinic.close()


def test_send_before_the_upload_travels_with_the_version(
    clinic_template: Template, live_hub: EmbeddedHub, tmp_path: Path
) -> None:
    clinic = open_clinic(clinic_template, tmp_path / "clinic")
    assessments = _assessments(clinic)
    try:
        enroll(clinic, live_hub.hub, live_hub.url)
        case_id = clinic.cases.add_case(_mild(2)).case_id
        assessments.send_to_hub(case_id)
        assessments.send_to_hub(case_id)  # pressed twice: one referral waits
        assert [item.kind for item in clinic.store.pending_outbox()] == [
            "case_version",
            "referral",
        ]
        round_ = clinic.sync.sync_now(update_models=False)
        assert (round_.sent, round_.quarantined) == (2, 0)
        assert _count(live_hub, case_versions) == 1
        entry, expert = _queue_entry(live_hub.url, case_id)
        expert.close()
        assert entry.urgency == "soon" and entry.referral is not None
        assert entry.referral.clinician_requested
        assert entry.urgency_reasons.count(CLINICIAN_REQUEST_REASON) == 1
    finally:
        clinic.close()


def test_a_retried_referral_is_stored_once(
    clinic_template: Template, live_hub: EmbeddedHub, tmp_path: Path
) -> None:
    clinic = open_clinic(clinic_template, tmp_path / "clinic")
    try:
        enroll(clinic, live_hub.hub, live_hub.url)
        identity = clinic.sync.identity()
        assert identity is not None
        referral = ReferralSummary(
            clinician_requested=True, recommended=True, reasons=(CLINICIAN_REASON,)
        )
        with HubClient(HubTransport(identity.hub_url)) as client:
            client.use_identity(identity.key)
            first = client.upload([_item(3, "v" * 32)]).results[0]
            update = _item(3, "r" * 32, referral=referral)
            stored = client.upload([update]).results[0]
            again = client.upload([update]).results[0]
            assert (first.outcome, stored.outcome, again.outcome) == (
                "stored",
                "stored",
                "duplicate",
            )
            assert again.received_at == stored.received_at
            # The original key retried with the referral: the document is the same, so
            # the referral is stored (once) as an update, not refused.
            late = client.upload([_item(3, "v" * 32, referral=referral)] * 2).results
            assert [result.outcome for result in late] == ["stored", "duplicate"]
            changed = _item(3, "r" * 32, referral=referral, nrs_worst=9)
            conflict = client.upload([changed]).results[0]
            assert conflict.error is not None and conflict.error.code == "version_conflict"
        assert _count(live_hub, case_versions) == 1
        assert _count(live_hub, case_referrals) == 2
    finally:
        clinic.close()


def test_send_needs_consent_a_hub_and_a_clinician(
    clinic_template: Template, tmp_path: Path
) -> None:
    clinic = open_clinic(clinic_template, tmp_path / "clinic")
    assessments = _assessments(clinic)
    try:
        refused = clinic.cases.add_case(_mild(4, consent=False)).case_id
        with pytest.raises(NotSendable, match="has not consented"):
            assessments.send_to_hub(refused)
        consented = clinic.cases.add_case(_mild(5)).case_id
        with pytest.raises(NotSendable) as not_enrolled:
            assessments.send_to_hub(consented)
        assert str(not_enrolled.value) == NOT_ENROLLED
        assert NO_CONSENT.startswith("The patient has not consented")
        it_admin = AssessmentService(
            clinic.store,
            clinic.cases,
            actor="it",
            settings=ClinicalSettings,
            roles=UserRoles("it", frozenset({Role.IT_ADMIN})),
        )
        with pytest.raises(NotPermitted) as not_permitted:
            it_admin.send_to_hub(consented)
        assert not_permitted.value.permission is Permission.SEND_TO_HUB
        assert {item.kind for item in clinic.store.pending_outbox()} == {"case_version"}
    finally:
        clinic.close()


def _item(
    index: int, key: str, *, referral: ReferralSummary | None = None, nrs_worst: int = 2
) -> UploadItem:
    source = _mild(index)
    source["assessment"]["nrs"]["worst"] = nrs_worst  # type: ignore[index]
    document = pseudonymize(source)
    return UploadItem(
        idempotency_key=key,
        case_id=document["case_id"],
        version=1,
        document=document,
        document_sha256=sha256_hex(canonical_json(document)),
        saved_at=datetime(2026, 11, 20, tzinfo=UTC),
        referral=referral,
    )
