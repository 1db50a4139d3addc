"""Roles on screen: each user sees only what their roles allow (pages, actions, settings),
the header names the user and their roles, and the services refuse the rest anyway."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog

from desktop.app import open_clinic
from desktop.gui.widgets.settings_dialog import SettingsDialog
from desktop.services.roles import NotPermitted
from tests.gui.helpers import PASSPHRASE, USER, Gui, unlock

pytestmark = pytest.mark.gui
NURSE, NURSE_PASSPHRASE = "nurse", "the nurse's passphrase"
IT, IT_PASSPHRASE = "itsupport", "it support's passphrase"
CLINIC_PAGES = ["Cases", "Case", "Report", "Follow-up", "Hub inbox", "Model"]


@pytest.fixture(scope="module")
def roles_home(seeded_home: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo store (its first user has both roles) plus a clinician-only and an
    IT-admin-only user."""
    home = tmp_path_factory.mktemp("roles") / "home"
    shutil.copytree(seeded_home, home)
    with open_clinic(home, user=USER, passphrase=PASSPHRASE) as clinic:
        clinic.users.add_user(NURSE, NURSE_PASSPHRASE, ["clinician"], acting_passphrase=PASSPHRASE)
        clinic.users.add_user(IT, IT_PASSPHRASE, ["it_admin"], acting_passphrase=PASSPHRASE)
    return home


@pytest.fixture
def app(launch, roles_home: Path, tmp_path: Path) -> Gui:  # type: ignore[no-untyped-def]
    home = tmp_path / "home"
    shutil.copytree(roles_home, home)
    return launch(home)  # type: ignore[no-any-return]


def visible_pages(app: Gui) -> list[str]:
    navigation = app.window.navigation
    return [
        navigation.item(row).text()
        for row in range(navigation.count())
        if not navigation.isRowHidden(row)
    ]


def enabled_actions(app: Gui) -> set[str]:
    return {a.text().replace("&", "") for a in app.window.workspace_actions if a.isEnabled()}


def settings_sections(app: Gui, monkeypatch: pytest.MonkeyPatch) -> dict[str, bool]:
    """Open Tools > Settings and note which sections it shows (then cancel it)."""
    seen: dict[str, bool] = {}

    def record(dialog: SettingsDialog) -> int:
        seen.update(
            hub=not dialog.hub_box.isHidden(),
            general=not dialog.general_box.isHidden(),
            clinical=not dialog.schemes_box.isHidden(),
        )
        return QDialog.DialogCode.Rejected.value

    monkeypatch.setattr(SettingsDialog, "exec", record)
    app.window.open_settings()
    return seen


def test_a_clinician_sees_the_clinic_but_no_it_settings(
    qtbot, app: Gui, monkeypatch: pytest.MonkeyPatch
) -> None:
    unlock(qtbot, app, NURSE, NURSE_PASSPHRASE)
    assert app.clinic.cases.model.rowCount() == 5
    assert visible_pages(app) == CLINIC_PAGES
    assert app.window.account.text() == "nurse\nClinician"
    assert {"New case", "Save and assess", "Find a case", "Settings…"} <= enabled_actions(app)
    assert settings_sections(app, monkeypatch) == {"hub": False, "general": True, "clinical": True}


def test_an_it_admin_sees_no_cases_and_the_services_refuse_them(
    qtbot, app: Gui, monkeypatch: pytest.MonkeyPatch
) -> None:
    unlock(qtbot, app, IT, IT_PASSPHRASE)  # the case list loads: empty, not an error
    assert app.clinic.cases.model.rowCount() == 0
    assert visible_pages(app) == ["Model"]
    assert app.window.current_page() == "model"
    assert app.window.account.text() == "itsupport\nIT admin"
    actions = enabled_actions(app)
    assert "Model" in actions and "Lock" in actions
    assert not actions & {"New case", "Save", "Save and assess", "Cases", "Find a case"}
    app.window.show_page("cases")  # e.g. a shortcut: not for this role
    assert app.window.current_page() == "model"
    assert settings_sections(app, monkeypatch) == {"hub": True, "general": True, "clinical": False}

    refused: list[BaseException] = []
    app.shell.store.call(lambda s: s.cases.show_case("0b9a"), None, refused.append)
    qtbot.waitUntil(lambda: bool(refused), timeout=10_000)
    assert isinstance(refused[0], NotPermitted)
    assert str(refused[0]).startswith("User 'itsupport' (IT admin) may not read patient cases")
    assert app.shell.messages.bugs == []


def test_both_roles_see_everything_and_lock_forgets_the_user(qtbot, app: Gui) -> None:
    unlock(qtbot, app)
    assert visible_pages(app) == CLINIC_PAGES  # no hub review without a hub sign-in
    assert app.window.account.text() == "clinician\nClinician, IT admin"
    with qtbot.waitSignal(app.clinic.session.locked, timeout=10_000):
        app.clinic.lock()
    assert app.clinic.session.roles is None
    assert app.window.account.text() == ""
