"""The case list: lazy paging, search (debounced), badges, opening a case; model tester."""

from __future__ import annotations

import shutil
import uuid
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt

from desktop.app import initialise_clinic
from desktop.gui.viewmodels.case_table import STATUS_ROLE, CaseTableModel
from desktop.services.cases import CasePage, CaseRow
from desktop.store import NewVersion
from tests.gui.helpers import PASSPHRASE, USER, unlock

pytestmark = pytest.mark.gui
MANY = 260


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
                    status="follow_up_due" if index % 7 == 0 else "open",
                )
            )
        clinic.store.add_versions(batch)
    return home


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


def test_status_badges_have_text(qtbot, many) -> None:
    model = many.clinic.cases.model
    texts = {model.index(row, 5).data() for row in range(model.rowCount())}
    assert texts == {"Open", "Follow-up due"}
    assert {model.index(row, 5).data(STATUS_ROLE) for row in range(model.rowCount())} == {
        "open",
        "follow_up_due",
    }


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

    def source(search, offset, limit, done, failed):  # type: ignore[no-untyped-def]
        size = 0 if search == "none" else total
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
