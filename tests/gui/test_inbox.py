"""The hub inbox and the case's hub panel: listing, reading (a queued read receipt), the
count in the navigation, "Open case", the truthful empty states, and one real round trip
with a hub on 127.0.0.1."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from desktop.gui.viewmodels.inbox import UNREAD_ROLE
from desktop.gui.viewmodels.inbox_text import not_enrolled_text
from desktop.store import CaseStore, PendingAck
from tests.gui.helpers import Gui, unlock, wait_store_idle
from tests.gui.inbox_helpers import prepare_enrolled_home

pytestmark = pytest.mark.gui
NAVIGATION_INBOX = 4  # Cases, Case, Report, Follow-up, Hub inbox, ...


@pytest.fixture(scope="module")
def inbox_homes(seeded_home: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    folder = tmp_path_factory.mktemp("inbox")
    ids = prepare_enrolled_home(seeded_home, folder / "with-messages", messages=True)
    prepare_enrolled_home(seeded_home, folder / "enrolled-empty", messages=False)
    return {"folder": folder, "ids": ids}


def _launch(
    launch: Callable[..., Gui], inbox_homes: dict[str, Any], name: str, tmp_path: Path
) -> Gui:
    home = tmp_path / name
    shutil.copytree(inbox_homes["folder"] / name, home)
    return launch(home)


@pytest.fixture
def app(qtbot, launch, inbox_homes, tmp_path: Path) -> Gui:  # type: ignore[no-untyped-def]
    started = _launch(launch, inbox_homes, "with-messages", tmp_path)
    unlock(qtbot, started)
    qtbot.waitUntil(lambda: started.clinic.inbox.model.rowCount() == 3, timeout=10_000)
    return started


def on_store(qtbot, app: Gui, work: Callable[[CaseStore], Any]) -> Any:  # type: ignore[no-untyped-def]
    """Run ``work(store)`` on the store thread and wait for its result."""
    results: list[Any] = []
    app.shell.store.call(lambda session: work(session.store), results.append)
    qtbot.waitUntil(lambda: bool(results), timeout=10_000)
    return results[0]


def row_of(app: Gui, kind: str) -> int:
    model = app.clinic.inbox.model
    return next(r for r in range(model.rowCount()) if model.message_at(r).kind == kind)


def test_the_inbox_lists_newest_first_with_unread_in_bold_and_in_words(
    qtbot, qtmodeltester, app
) -> None:
    window = app.window
    window.show_page("inbox")
    model = app.clinic.inbox.model
    qtmodeltester.check(model, force_py=True)
    kinds = [model.message_at(row).kind for row in range(model.rowCount())]
    assert kinds == ["planned_visit", "recommendation", "information_request"]
    for row in range(model.rowCount()):
        index = model.index(row)
        assert index.data().startswith("Unread: ")
        assert index.data(Qt.ItemDataRole.FontRole).bold()
        assert index.data(UNREAD_ROLE) is True
    pseudonym = model.message_at(1).pseudonym
    assert (
        model.index(1)
        .data()
        .startswith(f"Unread: Recommendation · {pseudonym} (Demo Patient One) · dr.expert · ")
    )
    assert window.navigation.item(NAVIGATION_INBOX).text() == "Hub inbox (3)"
    assert window.inbox.state.text().startswith("Recommendations from hub experts appear here")
    assert not window.inbox.empty.isVisible()
    assert not window.inbox.open_case_button.isEnabled()


def test_opening_a_message_shows_it_in_full_and_queues_a_read_receipt(qtbot, app) -> None:
    window = app.window
    window.show_page("inbox")
    inbox = window.inbox
    row = row_of(app, "recommendation")
    inbox.items.setCurrentIndex(app.clinic.inbox.model.index(row))
    with qtbot.waitSignal(app.clinic.inbox.message_opened, timeout=10_000):
        qtbot.keyClick(inbox.items, Qt.Key.Key_Return)
    shown = inbox.details.text()
    for line in (
        "Message: Recommendation",
        "Hub expert: dr.expert",
        "Confirmed mechanisms: nociceptive: present; neuropathic: present; nociplastic: absent",
        "Recommendation: Mixed pain: add a gabapentinoid, titrate slowly.",
        "Follow up: in 14 day(s) (due 2026-11-15)",
        "On-site visit: 2026-12-01: Co-management visit with the palliative team.",
        "Hub signature: Verified: signed by the hub this computer is enrolled with.",
    ):
        assert line in shown
    assert "Regimen: " in shown and "Read: Read by clinician on " in shown
    model = app.clinic.inbox.model
    assert not model.index(row).data().startswith("Unread")
    assert not model.index(row).data(Qt.ItemDataRole.FontRole)
    assert window.navigation.item(NAVIGATION_INBOX).text() == "Hub inbox (2)"
    seq = model.message_at(row).seq
    acks: list[PendingAck] = on_store(qtbot, app, lambda store: store.sync_ledger().pending_acks())
    assert [(a.seq, a.state) for a in acks if a.state == "read"] == [(seq, "read")]
    case_id = model.message_at(row).case_id
    state = on_store(qtbot, app, lambda store: store.case_index().sync_state(case_id).state)
    assert state == "read"


def test_open_case_goes_to_the_case(qtbot, app) -> None:
    window = app.window
    window.show_page("inbox")
    with qtbot.waitSignal(app.clinic.inbox.message_opened, timeout=10_000):
        app.clinic.inbox.open_row(row_of(app, "information_request"))
    assert "Questions: • Which opioid dose exactly?" in window.inbox.details.text()
    assert window.inbox.open_case_button.isEnabled()
    with qtbot.waitSignal(app.clinic.editor.opened, timeout=10_000):
        qtbot.mouseClick(window.inbox.open_case_button, Qt.MouseButton.LeftButton)
    assert window.current_page() == "case"
    assert window.editor.patient.name.line.text() == "Demo Patient Two"


def test_the_case_shows_its_recommendation_and_reading_it_there_acknowledges_it(
    qtbot, app, inbox_homes
) -> None:
    window = app.window
    clinic = app.clinic
    case_id = inbox_homes["ids"]["Demo Patient One"]
    panel = window.case_hub
    with qtbot.waitSignal(clinic.editor.opened, timeout=10_000):
        clinic.open_case(case_id)
    qtbot.waitUntil(lambda: len(panel.read_buttons) == 2, timeout=10_000)
    window.show_page("report")
    assert panel.isVisible() and panel.title() == "Hub recommendation"
    assert panel.state.text().startswith("Hub: Answered.")
    recommendation = next(
        seq
        for seq, button in panel.read_buttons.items()
        if clinic.inbox.model.message_at(clinic.inbox.model.row_of(seq)).kind == "recommendation"
    )
    with qtbot.waitSignal(clinic.inbox.message_opened, timeout=10_000):
        qtbot.mouseClick(panel.read_buttons[recommendation], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: recommendation in panel.details, timeout=10_000)
    assert "Follow up: in 14 day(s) (due 2026-11-15)" in panel.details[recommendation].text()
    assert panel.state.text().startswith("Hub: Read.")
    assert window.navigation.item(NAVIGATION_INBOX).text() == "Hub inbox (2)"
    model = clinic.inbox.model
    assert not model.index(model.row_of(recommendation)).data().startswith("Unread")
    acks = on_store(qtbot, app, lambda store: store.sync_ledger().pending_acks())
    assert (recommendation, "read") in [(a.seq, a.state) for a in acks]


def test_not_enrolled_the_inbox_and_the_case_say_so(qtbot, gui) -> None:
    unlock(qtbot, gui)
    wait_store_idle(qtbot, gui)
    window = gui.window
    window.show_page("inbox")
    assert window.inbox.state.text() == not_enrolled_text()
    assert not window.inbox.empty.isVisible()
    assert window.navigation.item(NAVIGATION_INBOX).text() == "Hub inbox"
    case_id = gui.clinic.cases.model.case_id_at(0)
    with qtbot.waitSignal(gui.clinic.editor.opened, timeout=10_000):
        gui.clinic.open_case(case_id)
    qtbot.waitUntil(lambda: window.case_hub.view_model.result is not None, timeout=10_000)
    assert window.case_hub.state.text() == not_enrolled_text()


def test_enrolled_without_messages_says_no_recommendations_yet(
    qtbot, launch, inbox_homes, tmp_path: Path
) -> None:
    app = _launch(launch, inbox_homes, "enrolled-empty", tmp_path)
    unlock(qtbot, app)
    qtbot.waitUntil(lambda: app.clinic.inbox.enrolled is True, timeout=10_000)
    window = app.window
    window.show_page("inbox")
    assert window.inbox.empty.isVisible()
    assert window.inbox.empty.text() == "No recommendations yet."
    with qtbot.waitSignal(app.clinic.editor.opened, timeout=10_000):
        app.clinic.open_case(inbox_homes["ids"]["Demo Patient One"])
    qtbot.waitUntil(lambda: app.window.case_hub.view_model.result is not None, timeout=10_000)
    window.show_page("report")
    assert window.case_hub.state.text().startswith("Hub: Received.")
    texts = [
        label.text()
        for label in window.case_hub.scroller.widget().findChildren(type(window.case_hub.state))
    ]
    assert "No recommendations yet." in texts


def test_a_real_recommendation_arrives_is_read_and_the_hub_hears_it(
    qtbot, gui, tmp_path: Path
) -> None:
    """Clinic GUI and a real hub on 127.0.0.1: enroll, upload, an expert recommends, the
    next round brings it into the inbox, reading it sends the read receipt."""
    import httpx
    from sqlalchemy import select

    from sync.hub.enrollment import issue_code
    from sync.hub.schema import reviews
    from sync.hub.server import EmbeddedHub
    from tests.sync.support import EXPERT, PASSWORD, hub_settings, make_users

    clinic = gui.clinic
    unlock(qtbot, gui)
    with EmbeddedHub(hub_settings(tmp_path / "hub")) as live:
        make_users(live.hub)
        code = issue_code(live.hub, "Riverside clinic").code
        with qtbot.waitSignal(clinic.sync.enrolled, timeout=20_000):
            assert clinic.sync.enroll(live.url, code)

        def synced() -> Any:
            with qtbot.waitSignal(
                clinic.sync.round_finished,
                timeout=30_000,
                check_params_cb=lambda outcome: outcome.requested,
            ) as finished:
                clinic.sync.sync_now()
            outcome = finished.args[0]  # type: ignore[index]
            assert outcome.ok, outcome
            return outcome.report

        synced()  # the consented demo cases reach the hub (if the first round had not yet)
        with httpx.Client(base_url=live.url) as expert:
            token = expert.post("/v1/sessions", json={"username": EXPERT, "password": PASSWORD})
            expert.headers["Authorization"] = f"Bearer {token.json()['token']}"
            queue = expert.get("/v1/review/queue").json()["entries"]
            assert queue, "the consented demo cases are waiting for review"
            ref = queue[0]["case_ref"]
            assert expert.post(f"/v1/review/cases/{ref}/claim").status_code == 200
            answer = {
                "mechanisms": {"nociceptive": True, "neuropathic": None, "nociplastic": False},
                "regimen": ["strong_opioid"],
                "summary": "Titrate the opioid; review in two weeks.",
                "follow_up_days": 14,
            }
            posted = expert.post(f"/v1/review/cases/{ref}/recommendation", json=answer)
            assert posted.status_code == 200, posted.text

        assert synced().received >= 1
        inbox = clinic.inbox
        qtbot.waitUntil(lambda: inbox.model.rowCount() >= 1, timeout=10_000)
        row = row_of(gui, "recommendation")
        assert inbox.model.index(row).data().startswith("Unread: Recommendation")
        assert gui.window.navigation.item(NAVIGATION_INBOX).text() == "Hub inbox (1)"
        with qtbot.waitSignal(inbox.message_opened, timeout=10_000):
            inbox.open_row(row)
        shown = gui.window.inbox.details.text()
        assert "Recommendation: Titrate the opioid; review in two weeks." in shown
        assert "Hub signature: Verified" in shown
        assert gui.window.navigation.item(NAVIGATION_INBOX).text() == "Hub inbox"

        synced()  # tells the hub: read
        with live.hub.database.reading() as connection:
            states = connection.execute(select(reviews.c.state)).scalars().all()
        assert sorted(states) == ["read", "received", "received", "received"]
