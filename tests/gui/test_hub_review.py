"""Hub expert mode.

Signing in with a hub account against the REAL hub on 127.0.0.1 (no clinic store on this
computer): the queue shows the case a clinic uploaded, claim and recommend through the
widgets, the clinic receives the recommendation; wrong password, wrong account kind,
unreachable hub and an expired session each say so. The queue order and the whole form
are also checked against a fake of the review API (:class:`FakeHub`, which the
screenshots use too).
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from sqlalchemy import func, select

from desktop.app import sign_in_hub_review
from desktop.domain.settings import ClinicalSettings
from desktop.gui.viewmodels.session import SessionMode, SessionState
from desktop.services.demo import demo_case_documents
from desktop.services.hub_review import HubReviewService
from desktop.services.preferences import Preferences, PreferencesFile
from sync.hub.schema import sessions
from sync.hub.server import EmbeddedHub
from sync.protocol.review import (
    CaseView,
    ClaimResult,
    PlannedVisitIn,
    QueueEntry,
    RecommendationIn,
    ReviewQueue,
)
from tests.gui.helpers import Gui, unlock
from tests.sync.support import (
    ADMIN,
    EXPERT,
    PASSWORD,
    case_document,
    enroll,
    hub_settings,
    make_users,
    open_clinic,
)
from tests.unit.test_store_support import Template, make_template

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

    def sign_out(self) -> None:
        pass

    def close(self) -> None:
        pass


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


# --- against the real hub ----------------------------------------------------------------


@dataclass
class HubClock:
    """The hub's clock: real time, moved forward when a test lets a session expire."""

    offset: timedelta = field(default_factory=timedelta)

    def __call__(self) -> datetime:
        return datetime.now(UTC) + self.offset


@dataclass
class LiveHub:
    embedded: EmbeddedHub
    clock: HubClock
    pseudonym: str  # of the case a clinic uploaded
    clinic_dir: Path

    @property
    def url(self) -> str:
        return self.embedded.url

    def open_sessions(self) -> int:
        with self.embedded.hub.database.reading() as connection:
            return int(connection.execute(select(func.count()).select_from(sessions)).scalar_one())


@pytest.fixture(scope="module")
def clinic_template(tmp_path_factory: pytest.TempPathFactory) -> Template:
    return make_template(tmp_path_factory.mktemp("clinic-template"))


@pytest.fixture
def live_hub(tmp_path: Path, clinic_template: Template) -> Iterator[LiveHub]:
    """The real hub on 127.0.0.1 holding one case a clinic uploaded (consent given)."""
    clock = HubClock()
    with EmbeddedHub(hub_settings(tmp_path / "hub", clock=clock)) as embedded:
        make_users(embedded.hub)
        clinic = open_clinic(clinic_template, tmp_path / "clinic")
        try:
            enroll(clinic, embedded.hub, embedded.url)
            document = case_document(1)
            clinic.cases.add_case(document)
            assert clinic.sync.sync_now(update_models=False).sent == 1
        finally:
            clinic.close()
        yield LiveHub(embedded, clock, document["patient"]["pseudonym"], tmp_path / "clinic")


@pytest.fixture
def expert_app(launch, tmp_path: Path, live_hub: LiveHub) -> Gui:  # type: ignore[no-untyped-def]
    """The app on a computer with NO clinic store, its preferences naming the hub."""
    home = tmp_path / "expert-home"
    PreferencesFile(home).save(Preferences(hub_address=live_hub.url))
    signin = functools.partial(sign_in_hub_review, settings=ClinicalSettings)
    return launch(home, hub_review_signin=signin)  # type: ignore[no-any-return]


def hub_sign_in(qtbot, app: Gui, user: str = EXPERT, password: str = PASSWORD) -> None:  # type: ignore[no-untyped-def]
    view = app.window.unlock
    if not view.hub_mode:
        qtbot.mouseClick(view.hub_toggle, Qt.MouseButton.LeftButton)
    view.hub_user.setText(user)
    view.hub_password.setText(password)
    qtbot.mouseClick(view.hub_button, Qt.MouseButton.LeftButton)


def visible_pages(app: Gui) -> list[str]:
    navigation = app.window.navigation
    return [
        navigation.item(row).text()
        for row in range(navigation.count())
        if not navigation.isRowHidden(row)
    ]


def test_expert_signs_in_claims_recommends_and_the_clinic_receives_it(
    qtbot, expert_app: Gui, live_hub: LiveHub, clinic_template: Template
) -> None:
    app, session = expert_app, expert_app.clinic.session
    view = app.window.unlock
    assert view.title.text() == "Set up PainBridge"  # no clinic store on this computer
    qtbot.mouseClick(view.hub_toggle, Qt.MouseButton.LeftButton)
    assert view.title.text() == "Hub expert sign-in"
    assert view.hub_address.text() == live_hub.url  # from the preferences
    with qtbot.waitSignal(session.unlocked, timeout=20_000):
        hub_sign_in(qtbot, app)
    assert session.mode is SessionMode.HUB and session.roles is None
    assert app.window.root.currentWidget() is app.window.workspace
    assert visible_pages(app) == ["Hub review"]
    assert app.window.account.text() == f"dr.expert\nHub expert at {live_hub.url}"
    assert not app.window.workspace_actions[0].isEnabled()  # File > New case
    status = app.window.status
    assert status.hub.text() == "● Hub: signed in as a hub expert"  # not "not configured"
    assert status.hub.toolTip() == live_hub.url
    assert status.queued.text() == "" and status.last_sync.text() == ""  # no clinic outbox

    review, page = app.clinic.hub_review, app.window.hub_review
    qtbot.waitUntil(lambda: review.queue.rowCount() == 1 and not review.busy, timeout=20_000)
    assert app.window.current_page() == "hub_review"
    assert review.queue.index(0, 2).data() == live_hub.pseudonym
    page.table.selectRow(0)
    with qtbot.waitSignal(review.case_opened, timeout=20_000):
        qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.report_view.complete, timeout=10_000)
    assert page.report_view.title.text().startswith(f"Report - {live_hub.pseudonym} - ")
    page.mechanisms["neuropathic"].setCurrentIndex(1)
    page.regimen["gabapentinoid"].setChecked(True)
    qtbot.keyClicks(page.summary, "Add pregabalin 75 mg at night.")
    page.follow_up.setValue(14)
    with qtbot.waitSignal(review.sent, timeout=20_000):
        qtbot.mouseClick(page.send_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: review.queue.rowCount() == 0 and not review.busy, timeout=20_000)

    clinic = open_clinic(clinic_template, live_hub.clinic_dir)
    try:
        clinic.sync.sync_now(update_models=False)
        answers = [m for m in clinic.sync.inbox() if m.kind == "recommendation"]
    finally:
        clinic.close()
    assert [m.payload["summary"] for m in answers] == ["Add pregabalin 75 mg at night."]
    assert answers[0].payload["author"] == EXPERT
    assert answers[0].payload["regimen"] == ["gabapentinoid"]
    assert answers[0].payload["follow_up_days"] == 14

    with qtbot.waitSignal(session.locked, timeout=10_000):
        app.window.workspace_actions[5].trigger()  # File > Lock: signs out at the hub
    assert app.window.root.currentWidget() is view and view.hub_mode
    assert view.hub_message.text() == "Signed out of the hub."
    assert view.hub_password.text() == ""
    assert status.hub.text() == "● Hub: not configured (working offline)"  # no session now
    assert review.queue.rowCount() == 0 and review.current is None
    assert app.clinic.hub_report.report is None
    qtbot.waitUntil(lambda: live_hub.open_sessions() == 0, timeout=10_000)


@pytest.mark.parametrize(
    ("user", "password", "field", "message"),
    [
        (
            EXPERT,
            "not the password",
            "password",
            "The hub did not accept this user name and password. Check both and try again.",
        ),
        (
            ADMIN,
            PASSWORD,
            "username",
            "'it.admin' is a hub admin account, not a hub expert account: hub review needs "
            "an expert account.",
        ),
        (EXPERT, "", "password", "Enter your hub password."),
    ],
    ids=["wrong-password", "not-an-expert", "no-password"],
)
def test_a_refused_sign_in_is_explained_at_its_field(
    qtbot, expert_app: Gui, live_hub: LiveHub, user: str, password: str, field: str, message: str
) -> None:
    session, view = expert_app.clinic.session, expert_app.window.unlock
    with qtbot.waitSignal(session.hub_sign_in_failed, timeout=20_000):
        hub_sign_in(qtbot, expert_app, user, password)
    assert view.hub_errors[field].text() == message
    assert [name for name, label in view.hub_errors.items() if not label.isHidden()] == [field]
    assert session.state is SessionState.LOCKED
    assert expert_app.window.root.currentWidget() is view
    assert live_hub.open_sessions() == 0


def test_an_unreachable_hub_is_named_at_the_address(qtbot, expert_app: Gui) -> None:
    view = expert_app.window.unlock
    qtbot.mouseClick(view.hub_toggle, Qt.MouseButton.LeftButton)
    view.hub_address.setText("http://127.0.0.1:9")  # the discard port: nothing listens
    with qtbot.waitSignal(expert_app.clinic.session.hub_sign_in_failed, timeout=20_000):
        hub_sign_in(qtbot, expert_app)
    assert (
        view.hub_errors["hub"]
        .text()
        .startswith("The hub at http://127.0.0.1:9 cannot be reached (connection failed).")
    )


def test_an_expired_hub_session_returns_to_the_sign_in(
    qtbot, expert_app: Gui, live_hub: LiveHub
) -> None:
    session, review = expert_app.clinic.session, expert_app.clinic.hub_review
    with qtbot.waitSignal(session.unlocked, timeout=20_000):
        hub_sign_in(qtbot, expert_app)
    qtbot.waitUntil(lambda: review.queue.rowCount() == 1 and not review.busy, timeout=20_000)
    live_hub.clock.offset = timedelta(hours=1)  # sessions last 30 minutes
    with qtbot.waitSignal(session.locked, timeout=20_000):
        qtbot.mouseClick(expert_app.window.hub_review.refresh_button, Qt.MouseButton.LeftButton)
    view = expert_app.window.unlock
    assert expert_app.window.root.currentWidget() is view and view.hub_mode
    assert view.hub_errors["hub"].text() == "Your hub session has expired. Sign in again."
    assert review.queue.rowCount() == 0 and not review.attached
    assert visible_pages(expert_app) == []
    live_hub.clock.offset = timedelta()
    with qtbot.waitSignal(session.unlocked, timeout=20_000):  # and signs in again
        hub_sign_in(qtbot, expert_app)
    qtbot.waitUntil(lambda: review.queue.rowCount() == 1 and not review.busy, timeout=20_000)
    with qtbot.waitSignal(session.locked, timeout=10_000):
        session.lock()
