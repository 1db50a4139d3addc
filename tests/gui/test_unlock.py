"""Sign-in: wrong passphrase, damaged data, first-run set-up, unlock (the header names the
user and their roles), manual lock; the hub expert sign-in is in test_hub_review.py."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from desktop.gui.viewmodels.session import SessionState
from desktop.store import Home
from desktop.store.keys import open_passphrase_slot
from desktop.store.lifecycle import read_key_file
from tests.gui.helpers import PASSPHRASE, USER, unlock
from tests.unit.test_store_support import raw_connection, undo_case_list_migration

pytestmark = pytest.mark.gui


def test_wrong_passphrase_says_so_and_keeps_the_store_locked(qtbot, gui) -> None:
    view = gui.window.unlock
    view.user.setText(USER)
    view.passphrase.setText("not the passphrase")
    with qtbot.waitSignal(gui.clinic.session.unlock_failed, timeout=10_000):
        qtbot.mouseClick(view.button, Qt.MouseButton.LeftButton)
    assert view.message.text() == (
        "The passphrase for user 'clinician' is not correct. Nothing was changed. "
        "Check Caps Lock and the keyboard layout, then try again."
    )
    assert gui.clinic.session.state is SessionState.LOCKED
    assert gui.window.root.currentWidget() is view
    assert view.passphrase.hasFocus() or not gui.window.isActiveWindow()


def test_unknown_user_is_named(qtbot, gui) -> None:
    view = gui.window.unlock
    view.user.setText("nobody")
    view.passphrase.setText(PASSPHRASE)
    with qtbot.waitSignal(gui.clinic.session.unlock_failed, timeout=10_000):
        view.passphrase.returnPressed.emit()
    assert view.message.text() == (
        "There is no user 'nobody' on this computer. Check the spelling, or ask IT to add you."
    )


def test_damaged_database_gets_a_clear_message(qtbot, launch, home: Path) -> None:
    database = home / "painbridge.db"
    data = bytearray(database.read_bytes())
    for offset in range(8192, 8192 + 64):  # the second page: the case tables live there
        data[offset] ^= 0xFF
    database.write_bytes(bytes(data))
    app = launch(home)
    view = app.window.unlock
    view.user.setText(USER)
    view.passphrase.setText(PASSPHRASE)
    with qtbot.waitSignal(app.clinic.session.unlock_failed, timeout=10_000):
        qtbot.mouseClick(view.button, Qt.MouseButton.LeftButton)
    assert view.message.text().startswith("PainBridge found damaged or altered data (database")
    assert "Contact IT" in view.message.text()


def undo_the_case_list_migration(home: Path) -> None:
    """Make ``home`` look like a store from before migration 0010 (as after an update)."""
    store_home = Home(home)
    key = open_passphrase_slot(read_key_file(store_home), USER, PASSPHRASE)
    connection = raw_connection(store_home, key)
    try:
        undo_case_list_migration(connection)
    finally:
        connection.close()
        key.wipe()


def test_the_first_unlock_after_an_update_says_the_data_is_being_prepared(
    qtbot, launch, home: Path
) -> None:
    undo_the_case_list_migration(home)
    app = launch(home)
    view = app.window.unlock
    view.user.setText(USER)
    view.passphrase.setText(PASSPHRASE)
    said: list[str] = []
    app.clinic.session.migrating.connect(lambda: said.append(view.message.text()))
    with qtbot.waitSignal(app.clinic.session.unlocked, timeout=20_000):
        qtbot.mouseClick(view.button, Qt.MouseButton.LeftButton)
    assert len(said) == 1  # one pending migration, announced while it ran
    assert "the stored data is being prepared for this version" in said[0]
    assert app.clinic.session.state is SessionState.UNLOCKED


def test_first_run_creates_the_store(qtbot, launch, tmp_path: Path) -> None:
    home = tmp_path / "new-home"
    app = launch(home)
    view = app.window.unlock
    assert view.title.text() == "Set up PainBridge"
    assert view.repeat.isVisible()
    view.user.setText("dr.chen")
    view.passphrase.setText("correct horse battery")
    view.repeat.setText("correct horse battery!")
    qtbot.mouseClick(view.button, Qt.MouseButton.LeftButton)
    assert view.message.text() == "The two passphrases differ. Type the same passphrase twice."
    view.repeat.setText("correct horse battery")
    with qtbot.waitSignal(app.clinic.session.unlocked, timeout=10_000):
        qtbot.mouseClick(view.button, Qt.MouseButton.LeftButton)
    assert (home / "keys.json").exists()
    assert app.window.root.currentWidget() is app.window.workspace
    # The first user of a new store may do everything (a one-person clinic works).
    assert app.window.account.text() == "dr.chen\nClinician, IT admin"
    qtbot.waitUntil(lambda: app.window.case_list.count.text() == "0 case(s)")


def test_weak_passphrase_is_refused_with_the_rule(qtbot, launch, tmp_path: Path) -> None:
    home = tmp_path / "new-home"
    app = launch(home)
    view = app.window.unlock
    view.user.setText("dr.chen")
    view.passphrase.setText("short")
    view.repeat.setText("short")
    with qtbot.waitSignal(app.clinic.session.unlock_failed, timeout=10_000):
        qtbot.mouseClick(view.button, Qt.MouseButton.LeftButton)
    assert view.message.text().startswith("This passphrase is too weak:")
    assert not (home / "keys.json").exists()


def test_unlock_shows_the_cases_and_lock_clears_them(qtbot, gui) -> None:
    unlock(qtbot, gui)
    model = gui.clinic.cases.model
    assert model.rowCount() == 5
    assert gui.window.status.user.text() == "Signed in: clinician"
    assert gui.window.account.text() == "clinician\nClinician, IT admin"
    assert gui.window.unlock.passphrase.text() == ""
    with qtbot.waitSignal(gui.clinic.session.locked, timeout=10_000):
        gui.window.workspace_actions[5].trigger()  # File > Lock (Ctrl+L)
    assert model.rowCount() == 0
    assert gui.window.root.currentWidget() is gui.window.unlock
    assert gui.window.unlock.message.text() == "Locked. Unsaved changes were kept as a draft."
    assert gui.window.status.user.text() == "Locked"
