"""Tools > Users… for IT admins, on a real SQLCipher store: add a user through the
widgets (who can then sign in), refusals shown at their field with nothing stored,
roles changed, removal confirmed by name; clinicians get no action and the service
refuses them anyway."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from desktop.app import open_clinic
from desktop.gui.viewmodels.users import NAME_ROLE
from desktop.gui.widgets.users_dialog import RemoveUserDialog, UsersDialog
from desktop.services.roles import NotPermitted
from desktop.store import Home, list_users
from tests.gui.helpers import PASSPHRASE, USER, Gui, unlock

pytestmark = pytest.mark.gui
NURSE, NURSE_PASSPHRASE = "nurse", "the nurse's passphrase"
NEW, NEW_PASSPHRASE = "dr.amani", "amani's first passphrase"


@pytest.fixture(scope="module")
def users_home(seeded_home: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo store (its first user, USER, has both roles) plus a clinician."""
    home = tmp_path_factory.mktemp("users") / "home"
    shutil.copytree(seeded_home, home)
    with open_clinic(home, user=USER, passphrase=PASSPHRASE) as clinic:
        clinic.users.add_user(NURSE, NURSE_PASSPHRASE, ["clinician"], acting_passphrase=PASSPHRASE)
    return home


@pytest.fixture
def app(launch, users_home: Path, tmp_path: Path) -> Gui:  # type: ignore[no-untyped-def]
    home = tmp_path / "home"
    shutil.copytree(users_home, home)
    return launch(home)  # type: ignore[no-any-return]


def open_dialog(qtbot, app: Gui) -> UsersDialog:  # type: ignore[no-untyped-def]
    """The Users dialog (not modal here), once it has listed the users."""
    with qtbot.waitSignal(app.clinic.users.loaded, timeout=10_000):
        dialog = UsersDialog(app.clinic.users, app.window)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def table_rows(dialog: UsersDialog) -> list[tuple[str, str]]:
    model = dialog.table.model()
    return [
        (model.index(row, 0).data(), model.index(row, 1).data()) for row in range(model.rowCount())
    ]


def shown_errors(dialog: UsersDialog) -> dict[str, str]:
    return {field: label.text() for field, label in dialog.errors.items() if not label.isHidden()}


def fill_new_user(  # type: ignore[no-untyped-def]
    qtbot,
    dialog: UsersDialog,
    name: str,
    passphrase: str,
    repeat: str,
    roles: tuple[str, ...],
    acting: str,
) -> None:
    for field, text in (
        (dialog.name, name),
        (dialog.passphrase, passphrase),
        (dialog.repeat, repeat),
        (dialog.acting, acting),
    ):
        field.clear()
        qtbot.keyClicks(field, text)
    for role, check in dialog.new_roles.items():
        check.setChecked(role.value in roles)


def test_an_it_admin_adds_a_user_who_can_then_sign_in(qtbot, qtmodeltester, app: Gui) -> None:
    unlock(qtbot, app)
    action = app.window.users_action
    assert action.isVisible() and action.isEnabled()
    assert action.shortcut().toString() == "Ctrl+Shift+U"
    assert action.text() == "&Users…"

    opened: list[UsersDialog] = []

    def record(dialog: UsersDialog) -> int:
        opened.append(dialog)
        return QDialog.DialogCode.Rejected.value

    qtbot_patch = pytest.MonkeyPatch()
    qtbot_patch.setattr(UsersDialog, "exec", record)
    try:
        with qtbot.waitSignal(app.clinic.users.loaded, timeout=10_000):
            action.trigger()  # Tools > Users…
    finally:
        qtbot_patch.undo()
    assert len(opened) == 1

    dialog = open_dialog(qtbot, app)
    qtmodeltester.check(app.clinic.users.model, force_py=True)
    assert table_rows(dialog) == [
        ("clinician (you)", "Clinician, IT admin"),
        ("nurse", "Clinician"),
    ]
    assert dialog.windowTitle() == "Users"
    fill_new_user(qtbot, dialog, NEW, NEW_PASSPHRASE, NEW_PASSPHRASE, ("clinician",), PASSPHRASE)
    dialog.acting.setFocus()
    with qtbot.waitSignal(app.clinic.users.added, timeout=10_000) as added:
        qtbot.keyClick(dialog.acting, Qt.Key.Key_Return)  # Enter in the form adds
    assert added.args == [NEW]
    assert shown_errors(dialog) == {}
    assert table_rows(dialog)[-1] == (NEW, "Clinician")
    assert dialog.selected_user() == NEW
    assert dialog.status.text() == (
        "Added dr.amani. They sign in with the first passphrase you gave them and then change it."
    )
    assert dialog.name.text() == dialog.passphrase.text() == dialog.acting.text() == ""
    assert list_users(Home(app.home)) == [USER, NURSE, NEW]

    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # Escape closes
    assert dialog.isHidden()
    with qtbot.waitSignal(app.clinic.session.locked, timeout=10_000):
        app.clinic.lock()
    unlock(qtbot, app, NEW, NEW_PASSPHRASE)  # the real store opens with the new slot
    assert app.window.account.text() == "dr.amani\nClinician"
    assert app.clinic.cases.model.rowCount() == 5
    assert not app.window.users_action.isVisible()


def test_a_clinician_has_no_users_action_and_the_service_refuses(
    qtbot, app: Gui, monkeypatch: pytest.MonkeyPatch
) -> None:
    unlock(qtbot, app, NURSE, NURSE_PASSPHRASE)
    action = app.window.users_action
    assert not action.isVisible() and not action.isEnabled()
    assert not app.clinic.users.allowed

    def never(dialog: UsersDialog) -> int:
        raise AssertionError("the Users dialog must not open for a clinician")

    monkeypatch.setattr(UsersDialog, "exec", never)
    action.trigger()  # a disabled action does nothing
    app.window.open_users()  # nor does the slot itself

    refused: list[BaseException] = []
    app.shell.store.call(
        lambda session: session.users.add_user(
            "mallory", "a long enough passphrase", ["it_admin"], acting_passphrase=NURSE_PASSPHRASE
        ),
        None,
        refused.append,
    )
    app.shell.store.call(lambda session: session.users.list_users(), None, refused.append)
    qtbot.waitUntil(lambda: len(refused) == 2, timeout=10_000)
    assert all(isinstance(error, NotPermitted) for error in refused)
    assert str(refused[0]).startswith(
        "User 'nurse' (clinician) may not manage users and their roles"
    )
    assert list_users(Home(app.home)) == [USER, NURSE]
    assert app.shell.messages.bugs == []


def test_refusals_are_shown_at_their_field_and_nothing_is_stored(qtbot, app: Gui) -> None:
    unlock(qtbot, app)
    dialog = open_dialog(qtbot, app)
    users = app.clinic.users

    fill_new_user(qtbot, dialog, NURSE, "short", "shorts", (), "")
    with qtbot.waitSignal(users.add_refused, timeout=10_000):
        dialog.add_button.click()
    assert shown_errors(dialog) == {
        "name": "⚠ User 'nurse' already exists on this computer.",
        "passphrase": "⚠ This passphrase is too weak: use at least 10 characters (a few "
        "unrelated words work well).",
        "repeat": "⚠ The two passphrases differ. Type the same passphrase twice.",
        "roles": "⚠ Choose at least one role.",
        "acting_passphrase": "⚠ Type your own passphrase: it gives the new user their key "
        "to the data.",
    }
    assert dialog.name.hasFocus()  # the first field with a problem

    fill_new_user(qtbot, dialog, "  ", "aaaaaaaaaaaa", "aaaaaaaaaaaa", ("it_admin",), PASSPHRASE)
    with qtbot.waitSignal(users.add_refused, timeout=10_000):
        dialog.add_button.click()
    assert shown_errors(dialog) == {
        "name": "⚠ Type a name of 1 to 64 printable characters.",
        "passphrase": "⚠ This passphrase is too weak: use at least 4 different characters.",
    }

    # Every field right but the IT admin's own passphrase: refused by the store.
    fill_new_user(qtbot, dialog, NEW, NEW_PASSPHRASE, NEW_PASSPHRASE, ("clinician",), "wrong one")
    dialog.name.setFocus()
    with qtbot.waitSignal(users.add_refused, timeout=10_000):
        qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    assert shown_errors(dialog) == {
        "acting_passphrase": "⚠ The passphrase for user 'clinician' is not correct. Nothing "
        "was changed. Check Caps Lock and the keyboard layout, then try again."
    }
    assert dialog.acting.hasFocus()
    assert list_users(Home(app.home)) == [USER, NURSE]
    assert table_rows(dialog) == [
        ("clinician (you)", "Clinician, IT admin"),
        ("nurse", "Clinician"),
    ]
    assert app.shell.messages.bugs == []


def test_roles_change_and_the_last_it_admin_keeps_the_role(qtbot, app: Gui) -> None:
    unlock(qtbot, app)
    dialog = open_dialog(qtbot, app)
    users = app.clinic.users
    dialog.select_user(NURSE)
    assert dialog.selected_name.text() == "User: nurse"
    roles = dialog.selected_roles
    assert [check.isChecked() for check in roles.values()] == [True, False]
    roles[next(r for r in roles if r.value == "it_admin")].setChecked(True)
    dialog.save_roles_button.setFocus()
    with qtbot.waitSignal(users.roles_saved, timeout=10_000):
        qtbot.keyClick(dialog.save_roles_button, Qt.Key.Key_Return)  # Enter on the button
    assert dialog.status.text() == "nurse now has: Clinician, IT admin."
    assert ("nurse", "Clinician, IT admin") in table_rows(dialog)

    # Back to clinician only; then USER would be the last IT admin and keeps the role.
    roles[next(r for r in roles if r.value == "it_admin")].setChecked(False)
    with qtbot.waitSignal(users.roles_saved, timeout=10_000):
        dialog.save_roles()
    dialog.select_user(USER)
    for role, check in roles.items():
        check.setChecked(role.value == "clinician")
    with qtbot.waitSignal(users.roles_refused, timeout=10_000):
        dialog.save_roles()
    assert dialog.roles_error.text().startswith(
        "⚠ 'clinician' is the last IT admin of this computer, so that role cannot be taken away"
    )
    assert [check.isChecked() for check in roles.values()] == [True, True]  # as stored
    with open_clinic(app.home, user=NURSE, passphrase=NURSE_PASSPHRASE) as clinic:
        assert clinic.roles.describe() == "clinician"


def test_remove_asks_naming_the_user_and_never_removes_yourself(
    qtbot, app: Gui, monkeypatch: pytest.MonkeyPatch
) -> None:
    unlock(qtbot, app)
    dialog = open_dialog(qtbot, app)
    users = app.clinic.users

    dialog.select_user(USER)  # yourself: refused before any question
    with qtbot.waitSignal(users.remove_refused, timeout=10_000):
        dialog.remove_button.click()
    assert dialog.remove_error.text() == (
        "⚠ You are signed in as 'clinician' and cannot remove yourself. Nothing was done; "
        "another IT admin can remove this user."
    )

    questions: list[str] = []
    answers = iter([None, "wrong passphrase", PASSPHRASE])

    def answer(confirm: RemoveUserDialog) -> int:
        questions.append(confirm.question.text())
        assert not confirm.remove_button.isEnabled()  # nothing typed: Enter cannot remove
        typed = next(answers)
        if typed is None:
            return QDialog.DialogCode.Rejected.value
        qtbot.keyClicks(confirm.passphrase, typed)
        assert confirm.remove_button.isEnabled()
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(RemoveUserDialog, "exec", answer)
    dialog.select_user(NURSE)
    with qtbot.waitSignal(users.removal_allowed, timeout=10_000):
        dialog.remove_button.click()  # cancelled
    assert questions == [
        "Remove user 'nurse'? They can no longer sign in on this computer. The cases they "
        "saved and the audit log stay."
    ]
    with qtbot.waitSignal(users.remove_refused, timeout=10_000):
        dialog.remove_button.click()  # the wrong passphrase
    assert dialog.remove_error.text().startswith(
        "⚠ The passphrase for user 'clinician' is not correct."
    )
    assert list_users(Home(app.home)) == [USER, NURSE]

    with qtbot.waitSignal(users.removed, timeout=10_000):
        dialog.remove_button.click()
    assert len(questions) == 3
    assert dialog.status.text() == "Removed nurse."
    assert table_rows(dialog) == [("clinician (you)", "Clinician, IT admin")]
    assert list_users(Home(app.home)) == [USER]
    model = app.clinic.users.model
    assert model.index(0, 0).data(NAME_ROLE) == USER
    assert app.shell.messages.bugs == []


def test_locking_closes_the_dialog_and_forgets_the_users(qtbot, app: Gui) -> None:
    unlock(qtbot, app)
    dialog = open_dialog(qtbot, app)
    assert dialog.isVisible()
    with qtbot.waitSignal(app.clinic.session.locked, timeout=10_000):
        app.clinic.lock()
    assert dialog.isHidden()
    assert app.clinic.users.model.rowCount() == 0
    assert not app.window.users_action.isEnabled()


def test_a_lock_while_confirming_a_removal_removes_nobody(
    qtbot, app: Gui, monkeypatch: pytest.MonkeyPatch
) -> None:
    unlock(qtbot, app)
    dialog = open_dialog(qtbot, app)
    closed: list[bool] = []

    def lock_meanwhile(confirm: RemoveUserDialog) -> int:
        confirm.finished.connect(lambda _result: closed.append(True))
        with qtbot.waitSignal(app.clinic.session.locked, timeout=10_000):
            app.clinic.lock()  # e.g. the idle timeout while the question is open
        qtbot.keyClicks(confirm.passphrase, PASSPHRASE)
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(RemoveUserDialog, "exec", lock_meanwhile)
    dialog.select_user(NURSE)
    with qtbot.waitSignal(app.clinic.users.removal_allowed, timeout=10_000):
        dialog.remove_button.click()
    assert closed == [True]  # the question closed with the lock
    assert dialog.isHidden()
    assert app.clinic.users.busy is False
    assert list_users(Home(app.home)) == [USER, NURSE]
    assert app.shell.messages.bugs == []
