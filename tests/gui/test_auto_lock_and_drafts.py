"""Auto-lock after idle time (injected clock) and drafts: nothing typed is lost."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from desktop.gui.viewmodels.session import LockReason, SessionState
from desktop.gui.widgets.dialogs import DraftChoice, DraftRecoveryDialog
from tests.gui.helpers import PASSPHRASE, USER, unlock

pytestmark = pytest.mark.gui
ROOT = Path(__file__).resolve().parents[2]


def open_first_case(qtbot, gui) -> None:
    with qtbot.waitSignal(gui.clinic.editor.opened, timeout=10_000):
        gui.window.case_list.table.doubleClicked.emit(gui.clinic.cases.model.index(0, 0))
    assert gui.window.current_page() == "case"


def record_offers(monkeypatch, choice: DraftChoice) -> list[object]:
    offers: list[object] = []

    def ask(cls, draft, others, parent=None):  # type: ignore[no-untyped-def]
        offers.append(draft)
        return choice

    monkeypatch.setattr(DraftRecoveryDialog, "ask", classmethod(ask))
    return offers


def test_idle_time_locks_clears_views_and_keeps_the_draft(qtbot, gui, monkeypatch) -> None:
    offers = record_offers(monkeypatch, DraftChoice.RESTORE)
    unlock(qtbot, gui)
    open_first_case(qtbot, gui)
    name = gui.window.editor.patient.name.line
    qtbot.keyClicks(name, " Jr")
    typed = name.text()
    assert gui.clinic.editor.dirty
    gui.clock.advance(14 * 60)
    gui.clinic.idle.check()
    assert gui.clinic.session.state is SessionState.UNLOCKED
    with qtbot.waitSignal(gui.clinic.session.locked, timeout=10_000) as locked:
        gui.clock.advance(61)  # 15 minutes (the default) without input
    assert locked.args == [LockReason.IDLE]
    assert gui.window.root.currentWidget() is gui.window.unlock
    assert gui.window.unlock.message.text() == (
        "Locked after 15 minutes without activity. Anything you had typed was kept as a draft."
    )
    assert gui.clinic.cases.model.rowCount() == 0
    assert not gui.clinic.editor.is_open and gui.clinic.editor.document == {}
    assert gui.clinic.report.report is None
    assert name.text() == ""
    with qtbot.waitSignal(gui.clinic.editor.opened, timeout=10_000):
        unlock(qtbot, gui)
    assert len(offers) == 1
    assert gui.window.editor.patient.name.line.text() == typed
    assert gui.clinic.editor.dirty


def test_input_postpones_the_lock(qtbot, gui) -> None:
    unlock(qtbot, gui)
    gui.clock.advance(10 * 60)
    # as the window system delivers it: to the window, which passes it to the widget
    key = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Shift, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(gui.window.windowHandle(), key)
    gui.clock.advance(10 * 60)
    gui.clinic.idle.check()
    assert gui.clinic.session.state is SessionState.UNLOCKED
    qtbot.mouseMove(gui.window.case_list.table.viewport(), QPoint(5, 5))
    assert gui.clinic.idle.idle_seconds() < 20 * 60


def test_discarded_draft_is_not_offered_again(qtbot, gui, monkeypatch) -> None:
    offers = record_offers(monkeypatch, DraftChoice.DISCARD)
    unlock(qtbot, gui)
    open_first_case(qtbot, gui)
    with qtbot.waitSignal(gui.clinic.editor.draft_saved, timeout=10_000):
        qtbot.keyClicks(gui.window.editor.patient.name.line, "x")
    with qtbot.waitSignal(gui.clinic.session.locked, timeout=10_000):
        gui.clinic.lock()
    unlock(qtbot, gui)
    qtbot.waitUntil(lambda: len(offers) == 1)
    qtbot.waitUntil(lambda: gui.shell.store.pending == 0)
    with qtbot.waitSignal(gui.clinic.session.locked, timeout=10_000):
        gui.clinic.lock()
    unlock(qtbot, gui)
    qtbot.waitUntil(lambda: gui.shell.store.pending == 0)
    assert len(offers) == 1


CHILD = textwrap.dedent(
    """
    import sys
    sys.path.insert(0, {root!r})
    from pathlib import Path
    from PySide6.QtWidgets import QApplication
    from tests.gui.helpers import FakeClock, make_config, PASSPHRASE, USER
    from desktop.gui.shell import AppShell

    app = QApplication([])
    home = Path({home!r})
    shell = AppShell(make_config(home, FakeClock(), home.parent))
    shell.show()
    clinic = shell.clinic
    def opened():
        shell.window.editor.patient.name.line.setText("Typed Before The Crash")
        shell.window.editor.patient.name.line.textEdited.emit("Typed Before The Crash")
    def saved():
        print("DRAFT SAVED", flush=True)
    clinic.editor.opened.connect(opened)
    clinic.editor.draft_saved.connect(saved)
    clinic.cases.model.page_loaded.connect(lambda: clinic.cases.open_row(0))
    clinic.session.unlock(USER, PASSPHRASE)
    app.exec()
    """
)


def test_draft_survives_a_crash(qtbot, launch, home: Path, monkeypatch) -> None:
    """A child process types, autosaves, and is killed (SIGKILL): the draft is offered."""
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD.format(root=str(ROOT), home=str(home))],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        text=True,
    )
    try:
        assert child.stdout is not None
        line = child.stdout.readline()
        assert line.strip() == "DRAFT SAVED"
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()
        if child.stdout is not None:
            child.stdout.close()
    offers = record_offers(monkeypatch, DraftChoice.RESTORE)
    app = launch(home)
    with qtbot.waitSignal(app.clinic.editor.opened, timeout=10_000):
        unlock(qtbot, app, USER, PASSPHRASE)
    assert len(offers) == 1
    assert app.window.editor.patient.name.line.text() == "Typed Before The Crash"
    assert app.window.editor.state.text() == "Unsaved changes (kept as a draft)"


def test_opening_another_case_keeps_what_was_typed(qtbot, gui) -> None:
    unlock(qtbot, gui)
    open_first_case(qtbot, gui)
    gui.clinic.editor._autosave.setInterval(60_000)  # no autosave: only the switch saves
    qtbot.keyClicks(gui.window.editor.patient.name.line, " typed")
    typed = gui.window.editor.patient.name.line.text()
    with (
        qtbot.waitSignal(gui.clinic.editor.draft_saved, timeout=10_000),
        qtbot.waitSignal(gui.clinic.editor.opened, timeout=10_000),
    ):
        gui.clinic.cases.open_row(1)
    drafts: list[object] = []
    gui.shell.store.call(lambda session: session.drafts.list(), drafts.extend)
    qtbot.waitUntil(lambda: len(drafts) == 1)
    assert drafts[0].document["patient"]["name"] == typed  # type: ignore[attr-defined]
