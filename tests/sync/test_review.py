"""The expert review API through the real ReviewClient: queue order, claim, ask, visit."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from sync.client import ReviewClient
from sync.hub.server import EmbeddedHub
from sync.protocol import (
    InformationRequestIn,
    MechanismFindings,
    PlannedVisitIn,
    RecommendationIn,
)
from sync.transport import HubRefused, HubTransport
from tests.sync.support import ADMIN, EXPERT, PASSWORD, case_document, enroll, open_clinic
from tests.unit.test_store_support import Template


def _severe(index: int) -> dict[str, object]:
    """A case with severe pain on a weak analgesic (negative PMI): urgent."""
    document = case_document(index)
    document["medications"] = [{"drug": "paracetamol", "route": "oral", "daily_dose_mg": 3000}]
    document["assessment"]["nrs"] = {"worst": 9, "least": 5, "average": 7, "now": 8}
    return document


def _mild(index: int) -> dict[str, object]:
    document = case_document(index)
    document["assessment"]["nrs"] = {"worst": 2, "least": 0, "average": 1, "now": 1}
    document["assessment"].pop("dn4", None)
    return document


def test_queue_claim_ask_requeue_answer_and_visit(
    clinic_template: Template, live_hub: EmbeddedHub, tmp_path: Path
) -> None:
    clinic = open_clinic(clinic_template, tmp_path / "clinic")
    expert = ReviewClient(HubTransport(live_hub.url))
    other = ReviewClient(HubTransport(live_hub.url))
    try:
        enroll(clinic, live_hub.hub, live_hub.url)
        clinic.cases.add_case(_mild(1))
        clinic.cases.add_case(_severe(2))
        clinic.sync.sync_now(update_models=False)
        expert.sign_in(EXPERT, PASSWORD)
        other.sign_in(ADMIN, PASSWORD)

        queue = expert.queue().entries
        assert [e.urgency for e in queue] == ["urgent", "routine"]
        assert any("negative Pain Management Index" in r for r in queue[0].urgency_reasons)
        urgent = queue[0].case_ref
        with pytest.raises(HubRefused) as not_claimed:
            expert.recommend(urgent, _answer())
        assert not_claimed.value.code == "not_claimed"
        expert.claim(urgent)
        with pytest.raises(HubRefused) as taken:
            other.claim(urgent)
        assert taken.value.code == "conflict"
        view = expert.view(urgent)
        assert view.state == "in_review" and "name" not in view.document["patient"]

        expert.request_information(
            urgent, InformationRequestIn(questions=("Is the pain worse at night?",))
        )
        assert [e.case_ref for e in expert.queue().entries] == [queue[1].case_ref]
        clinic.sync.sync_now()
        assert clinic.sync.receipt(view.case_id).state == "in_review"
        request = clinic.sync.inbox()[0]
        assert request.kind == "information_request"

        answered = dict(_severe(2), case_id=view.case_id)
        answered["assessment"] = dict(answered["assessment"], notes="worse at night")
        clinic.cases.add_case(answered)  # version 2 answers the question
        clinic.sync.sync_now()
        back = expert.queue().entries[0]
        assert (back.case_ref, back.case_version, back.claimed_by) == (urgent, 2, None)
        expert.claim(urgent)
        expert.recommend(urgent, _answer())
        expert.plan_visit(urgent, PlannedVisitIn(visit_date=date(2026, 12, 1), purpose="Review"))
        clinic.sync.sync_now()
        kinds = [m.kind for m in clinic.sync.inbox()]
        assert kinds == ["planned_visit", "recommendation", "information_request"]
        assert clinic.sync.receipt(view.case_id).state == "delivered"
        expert.sign_out()
        with pytest.raises(HubRefused) as signed_out:
            expert.queue()
        assert signed_out.value.status == 401
    finally:
        expert.close()
        other.close()
        clinic.close()


def _answer() -> RecommendationIn:
    return RecommendationIn(
        mechanisms=MechanismFindings(nociceptive=True, neuropathic=None, nociplastic=False),
        regimen=("strong_opioid",),
        summary="Start a strong opioid; titrate.",
        follow_up_days=7,
    )
