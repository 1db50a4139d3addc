"""Hub expert mode: queue by urgency and waiting time, claim, read, recommend, plan a visit
(against a fake of the review API; the real client comes with the sync package)."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt

from desktop.domain.settings import ClinicalSettings
from desktop.services.demo import demo_case_documents
from desktop.services.hub_review import HubReviewService
from sync.protocol.review import (
    CaseView,
    ClaimResult,
    PlannedVisitIn,
    QueueEntry,
    RecommendationIn,
    ReviewQueue,
)
from tests.gui.helpers import unlock

pytestmark = pytest.mark.gui
NOW = datetime(2026, 11, 21, 9, 0, tzinfo=UTC)


def entry(ref: str, urgency: str, hours: float, state: str = "received") -> QueueEntry:
    return QueueEntry(
        case_ref=ref,
        clinic_name="Riverside clinic",
        pseudonym=f"PB-{ref.upper():0>8}"[:11],
        case_version=1,
        urgency=urgency,  # type: ignore[arg-type]
        urgency_reasons=("severe pain on a strong opioid",) if urgency == "urgent" else (),
        waiting_since=NOW - timedelta(hours=hours),
        waiting_hours=hours,
        state=state,  # type: ignore[arg-type]
        claimed_by=None,
    )


class FakeHub:
    """Behaves like sync.client.review_client.ReviewClient after sign-in."""

    def __init__(self) -> None:
        self.entries = [
            entry("a1", "routine", 70),
            entry("b2", "urgent", 3),
            entry("c3", "soon", 30),
        ]
        self.claimed: list[str] = []
        self.recommendations: list[tuple[str, RecommendationIn]] = []
        self.visits: list[tuple[str, PlannedVisitIn]] = []

    def queue(self) -> ReviewQueue:
        return ReviewQueue(entries=self.entries)

    def claim(self, case_ref: str) -> ClaimResult:
        self.claimed.append(case_ref)
        return ClaimResult(case_ref=case_ref, claimed_by="dr.hub", claimed_at=NOW)

    def view(self, case_ref: str) -> CaseView:
        document = json.loads(demo_case_documents()[2])
        document["patient"].pop("name", None)
        document["patient"].pop("contact", None)
        document["patient"]["pseudonym"] = "PB-7K3M9Q2D"
        return CaseView(
            case_ref=case_ref,
            clinic_name="Riverside clinic",
            case_id=document.get("case_id") or "0b9a6c2e-5d1f-4e3a-8c7b-2f4e6a8d0c11",
            case_version=1,
            document=document,
            urgency="urgent",
            urgency_reasons=(),
            state="in_review",
            claimed_by="dr.hub",
            received_at=NOW,
        )

    def recommend(self, case_ref: str, answer: RecommendationIn) -> int:
        self.recommendations.append((case_ref, answer))
        return len(self.recommendations)

    def plan_visit(self, case_ref: str, visit: PlannedVisitIn) -> int:
        self.visits.append((case_ref, visit))
        return len(self.visits)


@pytest.fixture
def expert(qtbot, launch, home: Path):  # type: ignore[no-untyped-def]
    hub = FakeHub()
    app = launch(home, hub_review=HubReviewService(hub, ClinicalSettings, clock=lambda: NOW))
    unlock(qtbot, app)
    app.hub = hub
    return app


def test_queue_is_ordered_by_urgency_then_waiting_time(qtbot, qtmodeltester, expert) -> None:
    review = expert.clinic.hub_review
    assert expert.window.navigation.item(6).text() == "Hub review"
    with qtbot.waitSignal(review.queue.modelReset, timeout=5_000):
        qtbot.keyClick(expert.window, Qt.Key.Key_7, Qt.KeyboardModifier.ControlModifier)
    model = review.queue
    qtmodeltester.check(model, force_py=True)
    assert [model.index(r, 0).data() for r in range(3)] == ["Urgent", "Soon", "Routine"]
    assert [model.index(r, 1).data() for r in range(3)] == ["3 h", "30 h", "3 days"]
    assert model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole) == "severe pain on a strong opioid"


def test_claim_read_recommend_and_plan_a_visit(qtbot, expert) -> None:
    review = expert.clinic.hub_review
    expert.window.show_page("hub_review")
    view = expert.window.hub_review
    qtbot.waitUntil(lambda: review.queue.rowCount() == 3 and not review.busy)
    view.table.selectRow(0)
    with qtbot.waitSignal(review.case_opened, timeout=10_000):
        qtbot.mouseClick(view.open_button, Qt.MouseButton.LeftButton)
    assert expert.hub.claimed == ["b2"]
    qtbot.waitUntil(lambda: view.report_view.complete)
    assert view.report_view.title.text().startswith("Report - PB-")
    assert view.report_view.send_button is None  # no "Send to hub" on the hub's own screen
    with qtbot.waitSignal(review.send_refused, timeout=5_000):
        qtbot.mouseClick(view.send_button, Qt.MouseButton.LeftButton)
    assert view.error.text() == "⚠ summary: is required: write the recommendation"
    view.mechanisms["neuropathic"].setCurrentIndex(1)
    view.mechanisms["nociceptive"].setCurrentIndex(2)
    view.regimen["gabapentinoid"].setChecked(True)
    view.regimen["strong_opioid"].setChecked(True)
    qtbot.keyClicks(view.summary, "Start pregabalin 75 mg at night; keep morphine.")
    view.follow_up.setValue(14)
    view.visit_needed.setChecked(True)
    view.visit_date.setDate(QDate(2026, 12, 1))
    view.visit_purpose.setText("joint review of the plexopathy")
    with qtbot.waitSignal(review.sent, timeout=10_000):
        qtbot.mouseClick(view.send_button, Qt.MouseButton.LeftButton)
    ref, sent = expert.hub.recommendations[0]
    assert ref == "b2"
    assert sent.mechanisms.neuropathic is True and sent.mechanisms.nociceptive is False
    assert sent.mechanisms.nociplastic is None
    assert sent.regimen == ("strong_opioid", "gabapentinoid")
    assert sent.follow_up_days == 14
    assert expert.hub.visits == [
        (
            "b2",
            PlannedVisitIn(visit_date=date(2026, 12, 1), purpose="joint review of the plexopathy"),
        )
    ]
    assert expert.window.banner_text.text() == "Recommendation sent to the clinic."
    assert not view.form_box.isEnabled()
    qtbot.waitUntil(lambda: not review.busy)
