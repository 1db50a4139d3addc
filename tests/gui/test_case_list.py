"""The case list: lazy paging, search (debounced), filters, badges, the sync column,
opening a case; model tester on the live and the filtered model."""

from __future__ import annotations

import shutil
import uuid
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt

from desktop.app import initialise_clinic
from desktop.gui.viewmodels.case_row_text import FILTERS
from desktop.gui.viewmodels.case_table import (
    BADGES_ROLE,
    COLUMNS,
    STATUS_ROLE,
    SYNC_ROLE,
    CaseQuery,
    CaseTableModel,
)
from desktop.services.cases import CasePage, CaseRow
from desktop.store import NewVersion
from tests.gui.helpers import PASSPHRASE, USER, unlock
from tests.unit import case_index_helpers as hub

pytestmark = pytest.mark.gui
MANY = 260
STATUS, SYNC = COLUMNS.index("status"), COLUMNS.index("sync")
REFUSED = "no_consent: the patient has not consented to sharing"
# Case index -> what happened to it (written through the real store paths in many_home).
SENT = {i for i in range(MANY) if i % 5 == 0}
QUARANTINED = {7}
ANSWERED = {i for i in SENT if i % 10 == 0}  # recommendation issued 2026-11-01
DUE = {i for i in ANSWERED if i % 20 == 10}  # 14 days: due 2026-11-15 (today: 2026-11-21)
ALERTS = {i for i in range(MANY) if i % 13 == 0}  # a warning in the latest report
EXPECTED = {
    "all": set(range(MANY)),
    "needs_follow_up": DUE,
    "sent": SENT,
    "answered": ANSWERED,
    "alerts": ALERTS,
}


@pytest.fixture(scope="module")
def many_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    home = tmp_path_factory.mktemp("many") / "home"
    with initialise_clinic(home, user=USER, passphrase=PASSPHRASE) as clinic:
        batch = []
        for index in range(MANY):
            case_id = str(uuid.UUID(int=index + 1))
            name = f"{'Maria' if index % 2 else 'Wei'} Test{index:04d}"
            pseudonym = f"PB-{index:08d}"
            batch.append(
                NewVersion(
                    case_id=case_id,
                    document={
                        "schema": "painbridge.case/1",
                        "case_id": case_id,
                        "patient": {"name": name, "pseudonym": pseudonym},
                        "assessment": {"date": "2026-11-01"},
                    },
                    actor=USER,
                    pseudonym=pseudonym,
                    patient_name=name,
                    assessment_date=date(2026, 11, 1),
                )
            )
        store = clinic.store
        store.add_versions(batch)
        hub.deliver(store, {case_id_of(i): "sent" for i in SENT})
        hub.deliver(store, {case_id_of(i): f"quarantined: {REFUSED}" for i in QUARANTINED})
        # Not enrolled: no background sync changes the states under the test (the
        # messages are verified with the signer's key and stored as a round stores them).
        signer = hub.HubSigner()
        hub.pull(
            store,
            signer,
            [
                hub.recommendation(case_id_of(i), follow_up_days=14 if i in DUE else 60)
                for i in sorted(ANSWERED)
            ],
        )
        for i in sorted(ALERTS):
            hub.add_report(store, case_id_of(i), ["warning"])
    return home


def case_id_of(index: int) -> str:
    return str(uuid.UUID(int=index + 1))


def index_of(model: CaseTableModel, row: int) -> int:
    return int(model.index(row, 0).data().removeprefix("PB-"))


def load_all(qtbot, model: CaseTableModel) -> None:  # type: ignore[no-untyped-def]
    """Every page (the view may be fetching one itself meanwhile)."""
    while True:
        qtbot.waitUntil(lambda: not model.loading, timeout=10_000)
        if model.rowCount() >= model.total:
            return
        model.fetchMore(QModelIndex())


@pytest.fixture
def many(qtbot, launch, many_home: Path, tmp_path: Path):  # type: ignore[no-untyped-def]
    home = tmp_path / "home"
    shutil.copytree(many_home, home)
    app = launch(home)
    unlock(qtbot, app)
    return app


def test_pages_load_lazily_as_the_view_scrolls(qtbot, many) -> None:
    model = many.clinic.cases.model
    assert model.total == MANY
    assert model.rowCount() == 50  # one page
    assert many.window.case_list.count.text() == f"{MANY} case(s)"
    table = many.window.case_list.table
    with qtbot.waitSignal(model.page_loaded, timeout=10_000):
        table.scrollToBottom()
    assert model.rowCount() == 100
    while model.rowCount() < MANY:
        with qtbot.waitSignal(model.page_loaded, timeout=10_000):
            table.scrollToBottom()
    assert not model.canFetchMore(QModelIndex())


def test_status_badges_and_the_sync_column_say_it_in_words(qtbot, many) -> None:
    model = many.clinic.cases.model
    load_all(qtbot, model)
    rows = {index_of(model, row): row for row in range(model.rowCount())}

    def cell(index: int, column: int, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        return model.index(rows[index], column).data(role)

    assert cell(10, STATUS) == "Follow-up due"
    assert cell(10, STATUS, Qt.ItemDataRole.ToolTipRole) == (
        "Follow-up due since 2026-11-15 (hub recommendation)"
    )
    assert cell(20, STATUS) == "Hub answered"
    assert cell(5, STATUS) == "Sent to hub"
    assert cell(1, STATUS) == "Open"
    assert cell(13, STATUS) == "Open · Alerts"
    assert cell(130, STATUS) == "Follow-up due · Alerts"
    assert cell(130, STATUS, BADGES_ROLE) == ("follow_up_due", "alerts")
    assert cell(130, STATUS, STATUS_ROLE) == "follow_up_due"
    assert cell(10, SYNC) == "Answered"
    assert cell(10, SYNC, SYNC_ROLE) == "delivered"
    assert cell(5, SYNC) == "Received"
    assert cell(1, SYNC) == "Queued"
    assert cell(7, SYNC) == f"Quarantined: {REFUSED}"
    assert cell(7, SYNC, Qt.ItemDataRole.AccessibleTextRole) == f"Quarantined: {REFUSED}"
    assert cell(7, SYNC, Qt.ItemDataRole.ToolTipRole).startswith(f"Quarantined: {REFUSED}\n")
    assert model.headerData(SYNC, Qt.Orientation.Horizontal) == "Hub"
    texts = {model.index(row, SYNC).data() for row in range(model.rowCount())}
    assert texts == {"Queued", "Received", "Answered", f"Quarantined: {REFUSED}"}


def test_a_refresh_after_a_sync_round_keeps_the_scroll_position_and_selection(
    qtbot, many
) -> None:
    model = many.clinic.cases.model
    table = many.window.case_list.table
    with qtbot.waitSignal(model.page_loaded, timeout=10_000):
        table.scrollToBottom()  # two pages shown
    queued = max(
        r for r in range(model.rowCount()) if index_of(model, r) not in SENT | QUARANTINED
    )
    table.selectRow(queued)
    table.scrollTo(model.index(queued, 0))
    qtbot.waitUntil(lambda: not model.loading, timeout=10_000)  # the view may fetch a page
    shown = model.rowCount()
    pseudonym = model.index(queued, 0).data()
    scrolled = table.verticalScrollBar().value()
    assert scrolled > 0
    assert model.index(queued, SYNC).data() == "Queued"
    case_id = case_id_of(index_of(model, queued))
    delivered: list[object] = []
    many.shell.store.call(
        lambda session: hub.deliver(session.store, {case_id: "sent"}), delivered.append
    )
    qtbot.waitUntil(lambda: bool(delivered), timeout=10_000)
    with qtbot.waitSignal(model.page_loaded, timeout=10_000):
        many.clinic.cases.refresh()  # what a sync round that moved something does
    assert model.index(queued, SYNC).data() == "Received"
    assert model.index(queued, 0).data() == pseudonym
    assert model.rowCount() >= shown  # nothing dropped (the view may have fetched a page)
    assert table.verticalScrollBar().value() == scrolled
    assert [i.row() for i in table.selectionModel().selectedRows()] == [queued]


@pytest.mark.parametrize("case_filter", FILTERS)
def test_each_filter_through_the_selector(qtbot, many, case_filter: str) -> None:
    view = many.window.case_list
    model = many.clinic.cases.model
    many.window.focus_filter()
    assert view.filter.hasFocus()
    if case_filter != "all":
        with qtbot.waitSignal(model.page_loaded, timeout=10_000):
            view.filter.setCurrentIndex(FILTERS.index(case_filter))
    assert many.clinic.cases.case_filter == case_filter == model.case_filter
    load_all(qtbot, model)
    found = {index_of(model, row) for row in range(model.rowCount())}
    assert found == EXPECTED[case_filter]
    assert model.total == len(EXPECTED[case_filter])
    if case_filter != "all":
        assert view.count.text() == f"{len(EXPECTED[case_filter])} case(s) found"


def test_the_filter_is_chosen_with_the_keyboard_and_combines_with_search(qtbot, many) -> None:
    view = many.window.case_list
    model = many.clinic.cases.model
    qtbot.keyClick(
        many.window,
        Qt.Key.Key_F,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert view.filter.hasFocus()
    with qtbot.waitSignal(model.page_loaded, timeout=10_000):
        qtbot.keyClick(view.filter, Qt.Key.Key_Down)  # All cases -> Needs follow-up
    assert model.case_filter == "needs_follow_up"
    assert {index_of(model, row) for row in range(model.rowCount())} == DUE
    with qtbot.waitSignal(model.page_loaded, timeout=10_000):
        qtbot.keyClicks(view.search, "maria")  # odd case numbers: every due case is even
    assert (model.search, model.case_filter, model.rowCount()) == ("maria", "needs_follow_up", 0)
    assert view.empty.text() == 'No case matches "Needs follow-up" and this search.'
    view.search.clear()
    with qtbot.waitSignal(model.page_loaded, timeout=10_000):
        qtbot.keyClicks(view.search, "wei")
    assert {index_of(model, row) for row in range(model.rowCount())} == DUE
    with qtbot.waitSignal(model.page_loaded, timeout=10_000):
        view.filter.setCurrentIndex(FILTERS.index("alerts"))
    assert {index_of(model, row) for row in range(model.rowCount())} == {
        i for i in ALERTS if i % 2 == 0
    }


def test_the_filtered_model_passes_the_model_tester(qtbot, qtmodeltester, many) -> None:
    model = many.clinic.cases.model
    with qtbot.waitSignal(model.page_loaded, timeout=10_000):
        many.clinic.cases.set_filter("sent")
    qtmodeltester.check(model, force_py=True)  # stays connected for what follows
    load_all(qtbot, model)
    assert model.rowCount() == len(SENT)
    with qtbot.waitSignal(model.page_loaded, timeout=10_000):
        many.clinic.cases.set_filter("needs_follow_up")
    assert model.rowCount() == len(DUE)
    with qtbot.waitSignal(model.page_loaded, timeout=10_000):
        many.clinic.cases.set_search_text("maria")
    assert model.rowCount() == 0
    with qtbot.waitSignal(model.page_loaded, timeout=10_000):
        many.clinic.cases.set_filter("all")
    assert model.rowCount() == 50


def test_search_is_debounced_and_finds_by_name_or_pseudonym(qtbot, many) -> None:
    view = many.window.case_list
    model = many.clinic.cases.model
    with qtbot.waitSignal(model.page_loaded, timeout=10_000):
        qtbot.keyClicks(view.search, "maria")
    assert model.search == "maria"  # one query after the pause, not one per key
    assert model.total == MANY // 2
    assert view.count.text() == f"{MANY // 2} case(s) found"
    view.search.clear()
    with qtbot.waitSignal(model.page_loaded, timeout=10_000):
        qtbot.keyClicks(view.search, "PB-00000012")
        qtbot.keyClick(view.search, Qt.Key.Key_Return)
    assert model.rowCount() == 1
    assert model.index(0, 1).data() == "Wei Test0012"
    view.search.clear()
    with qtbot.waitSignal(model.page_loaded, timeout=10_000):
        qtbot.keyClicks(view.search, "nobody")
    assert model.rowCount() == 0
    assert view.empty.text() == "No case matches this search."


def test_enter_opens_the_selected_case(qtbot, many) -> None:
    table = many.window.case_list.table
    table.setFocus()
    table.selectRow(3)
    with qtbot.waitSignal(many.clinic.editor.opened, timeout=10_000):
        qtbot.keyClick(table, Qt.Key.Key_Return)
    assert many.window.current_page() == "case"
    expected = many.clinic.cases.model.index(3, 1).data()
    assert many.window.editor.patient.name.line.text() == expected


def test_the_live_model_passes_the_model_tester(qtbot, qtmodeltester, many) -> None:
    """The tester stays connected: every page insert and reset after check() is checked."""
    model = many.clinic.cases.model
    qtmodeltester.check(model, force_py=True)
    with qtbot.waitSignal(model.page_loaded, timeout=10_000):
        model.fetchMore(QModelIndex())
    with qtbot.waitSignal(model.page_loaded, timeout=10_000):
        many.clinic.cases.set_search_text("wei")
    assert model.rowCount() == 50


def _rows(count: int, start: int = 0) -> list[CaseRow]:
    return [
        CaseRow(
            case_id=f"id-{i}",
            pseudonym=f"PB-{i:08d}",
            patient_name="" if i % 3 == 0 else f"Name {i}",
            assessment_date="2026-11-01",
            latest_version=1 + i % 4,
            updated_at="2026-11-21T09:30:00.000000Z",
            status="open",
        )
        for i in range(start, start + count)
    ]


def test_model_tester_with_synchronous_pages(qtmodeltester) -> None:
    """The model on its own, with a page source that answers at once (including reloads,
    a search that empties it and paging to the end)."""
    total = 23

    def source(query: CaseQuery, offset, limit, done, failed):  # type: ignore[no-untyped-def]
        size = 0 if query.search == "none" else total
        done(CasePage(_rows(max(0, min(limit, size - offset)), offset), size))

    model = CaseTableModel(source, page_size=10)
    model.reload()
    qtmodeltester.check(model, force_py=True)  # stays connected for what follows
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    assert model.rowCount() == total
    assert model.index(0, 1).data() == "(no name)"
    model.reload("none")
    assert model.rowCount() == 0
    model.reload()
    model.clear()
    assert model.rowCount() == 0
