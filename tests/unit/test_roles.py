"""Local roles on a real SQLCipher store: first user, user management, every permission
refused for the wrong role, the last IT admin, and no escalation through the key file."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from desktop.app import Clinic, initialise_clinic, open_clinic
from desktop.domain.errors import InvalidInput
from desktop.services.roles import (
    GRANTED_BY,
    NotPermitted,
    Permission,
    Role,
    UserRoles,
    require,
)
from desktop.services.users import (
    NAME_FIELD,
    PASSPHRASE_FIELD,
    ROLES_FIELD,
    CannotRemoveYourself,
)
from desktop.store import Home, UnknownUser, UserAlreadyExists, WrongPassphrase, list_users
from desktop.store.driver import Connection
from desktop.store.keys import open_passphrase_slot
from desktop.store.lifecycle import read_key_file
from desktop.store.users import KNOWN_ROLES, LastItAdmin
from tests.unit.test_store_support import raw_connection

DATA = Path(__file__).resolve().parents[1] / "data"
ADMIN, ADMIN_PASSPHRASE = "alice", "alice's long passphrase"
NURSE, NURSE_PASSPHRASE = "nurse", "the nurse's passphrase"
IT, IT_PASSPHRASE = "itsupport", "it support's passphrase"
BOTH = frozenset(Role)


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store whose first user is alice, with a clinician-only and an IT-admin-only user
    and one case."""
    home = tmp_path_factory.mktemp("roles") / "home"
    with initialise_clinic(home, user=ADMIN, passphrase=ADMIN_PASSPHRASE) as clinic:
        clinic.cases.add_case((DATA / "case_full.json").read_text())
        clinic.users.add_user(
            NURSE, NURSE_PASSPHRASE, ["clinician"], acting_passphrase=ADMIN_PASSPHRASE
        )
        clinic.users.add_user(IT, IT_PASSPHRASE, ["it_admin"], acting_passphrase=ADMIN_PASSPHRASE)
    return home


@pytest.fixture
def home(seeded: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "home"
    shutil.copytree(seeded, copy)
    return copy


def _open(home: Path, user: str) -> Clinic:
    passphrase = {ADMIN: ADMIN_PASSPHRASE, NURSE: NURSE_PASSPHRASE, IT: IT_PASSPHRASE}[user]
    return open_clinic(home, user=user, passphrase=passphrase)


def _raw(home: Path) -> Connection:
    """The database as someone holding the data key sees it (alice's slot opens it)."""
    data_key = open_passphrase_slot(read_key_file(Home(home)), ADMIN, ADMIN_PASSPHRASE)
    try:
        return raw_connection(Home(home), data_key)
    finally:
        data_key.wipe()


def _audit_rows(home: Path) -> list[tuple[Any, ...]]:
    connection = _raw(home)
    try:
        rows: list[tuple[Any, ...]] = connection.execute(
            "SELECT actor, action, object_type, object_id, detail FROM audit_log ORDER BY seq"
        ).fetchall()
        return rows
    finally:
        connection.close()


# --- the first user and listing ----------------------------------------------------------


def test_the_first_user_has_both_roles_and_the_creation_says_so(home: Path, tmp_path: Path) -> None:
    solo = tmp_path / "solo"
    with initialise_clinic(solo, user="dr.solo", passphrase="a one-person clinic") as clinic:
        assert clinic.roles == UserRoles("dr.solo", BOTH)
        assert clinic.roles.describe() == "clinician, IT admin"
        assert [(a.name, a.roles) for a in clinic.users.list_users()] == [("dr.solo", BOTH)]
    rows = _audit_rows(home)
    created = next(row for row in rows if row[1] == "store.created")
    assert created[0] == ADMIN
    assert json.loads(created[4]) == {"first_user_roles": ["clinician", "it_admin"]}


def test_the_store_and_the_services_name_the_same_roles() -> None:
    assert set(KNOWN_ROLES) == {role.value for role in Role}
    assert set(GRANTED_BY) == set(Permission)


def test_admin_lists_users_with_their_roles(home: Path) -> None:
    with _open(home, IT) as clinic:
        listed = {a.name: a.describe() for a in clinic.users.list_users()}
    assert listed == {ADMIN: "clinician, IT admin", NURSE: "clinician", IT: "IT admin"}


# --- user management -----------------------------------------------------------------------


def test_admin_adds_a_user_who_signs_in_with_their_own_passphrase(home: Path) -> None:
    with _open(home, IT) as clinic:
        added = clinic.users.add_user(
            "dr.new",
            "dr new's passphrase",
            ["clinician", "it_admin"],
            acting_passphrase=IT_PASSPHRASE,
        )
        assert added.roles == BOTH
    with open_clinic(home, user="dr.new", passphrase="dr new's passphrase") as new:
        assert new.roles.roles == BOTH
        assert new.cases.list_cases().total == 1
    rows = _audit_rows(home)
    assert rows[-1][:4] == (IT, "user.roles_set", "user", "dr.new")
    assert json.loads(rows[-1][4]) == {"roles": ["clinician", "it_admin"]}


def test_adding_refuses_a_weak_passphrase_an_unknown_role_or_no_role(home: Path) -> None:
    with _open(home, IT) as clinic:
        with pytest.raises(InvalidInput, match="role: must be one of: clinician, it_admin"):
            clinic.users.add_user(
                "x1", "long enough passphrase", ["doctor"], acting_passphrase=IT_PASSPHRASE
            )
        with pytest.raises(InvalidInput, match="give at least one role"):
            clinic.users.add_user(
                "x2", "long enough passphrase", [], acting_passphrase=IT_PASSPHRASE
            )
        with pytest.raises(Exception, match="at least 10 characters"):
            clinic.users.add_user("x3", "short", ["clinician"], acting_passphrase=IT_PASSPHRASE)
    assert list_users(Home(home)) == [ADMIN, NURSE, IT]


def test_admin_changes_roles_and_the_change_holds_at_the_next_sign_in(home: Path) -> None:
    with _open(home, ADMIN) as clinic:
        clinic.users.set_roles(NURSE, ["clinician", "it_admin"])
    with _open(home, NURSE) as nurse:
        assert nurse.roles.roles == BOTH
        nurse.users.set_roles(ADMIN, ["clinician"])
    with _open(home, ADMIN) as clinic:
        assert clinic.roles.roles == {Role.CLINICIAN}
        with pytest.raises(NotPermitted):
            clinic.users.list_users()
    rows = _audit_rows(home)
    assert rows[-1][:4] == (NURSE, "user.roles_set", "user", ADMIN)


def test_admin_removes_a_user_who_then_cannot_sign_in(home: Path) -> None:
    with _open(home, IT) as clinic:
        clinic.users.remove_user(NURSE, acting_passphrase=IT_PASSPHRASE)
        assert [a.name for a in clinic.users.list_users()] == [ADMIN, IT]
        with pytest.raises(UnknownUser):
            clinic.users.set_roles(NURSE, ["clinician"])
    with pytest.raises(UnknownUser):
        _open(home, NURSE)
    rows = _audit_rows(home)
    assert rows[-1][:4] == (IT, "user.roles_removed", "user", NURSE)


def test_the_last_it_admin_cannot_be_demoted_or_removed(home: Path) -> None:
    with _open(home, ADMIN) as clinic:
        clinic.users.set_roles(ADMIN, ["clinician"])  # itsupport is still an IT admin
    with _open(home, IT) as clinic:
        with pytest.raises(LastItAdmin) as demoted:
            clinic.users.set_roles(IT, ["clinician"])
        assert str(demoted.value) == (
            "'itsupport' is the last IT admin of this computer, so that role cannot be taken "
            "away and the user cannot be removed. Give another user the it_admin role first."
        )
        with pytest.raises(LastItAdmin):
            clinic.users.remove_user(IT, acting_passphrase=IT_PASSPHRASE)
        assert {a.name: a.describe() for a in clinic.users.list_users()}[IT] == "IT admin"
    assert list_users(Home(home)) == [ADMIN, NURSE, IT]  # the key slot is still there


def test_a_new_user_form_gets_every_broken_rule_at_once_by_field(home: Path) -> None:
    with _open(home, IT) as clinic:
        problems = clinic.users.check_new_user(NURSE, "short", [])
        assert [p.field for p in problems] == [NAME_FIELD, PASSPHRASE_FIELD, ROLES_FIELD]
        assert isinstance(problems[0].error, UserAlreadyExists)
        assert (
            clinic.users.check_new_user("pharmacist", "a long enough passphrase", ["clinician"])
            == []
        )
    assert list_users(Home(home)) == [ADMIN, NURSE, IT]  # checking stores nothing


def test_the_screen_may_not_remove_the_signed_in_user_or_the_last_it_admin(home: Path) -> None:
    with _open(home, IT) as clinic:
        assert clinic.users.check_removable(NURSE) == NURSE
        with pytest.raises(CannotRemoveYourself, match="cannot remove yourself"):
            clinic.users.check_removable(IT)
        with pytest.raises(UnknownUser):
            clinic.users.check_removable("nobody")
    with _open(home, ADMIN) as clinic:
        clinic.users.set_roles(ADMIN, ["clinician"])
        with pytest.raises(LastItAdmin):
            clinic.users.check_removable(IT)
    with _open(home, NURSE) as clinic, pytest.raises(NotPermitted):
        clinic.users.check_removable(IT)
    assert list_users(Home(home)) == [ADMIN, NURSE, IT]


# --- every permission, refused for the wrong role ------------------------------------------

NURSE_REFUSED: dict[Permission, Callable[[Clinic], object]] = {
    Permission.MANAGE_USERS: lambda c: c.users.list_users(),
    Permission.MANAGE_HUB: lambda c: c.sync.enroll("https://hub.example.org", "CODE"),
    Permission.MANAGE_MODELS: lambda c: c.model_updates.rollback(),
    Permission.ADMINISTER_AUDIT: lambda c: c.verify_audit(),
}
IT_REFUSED: dict[Permission, Callable[[Clinic], object]] = {
    Permission.READ_CASES: lambda c: c.cases.show_case("9f1c"),
    Permission.EDIT_CASES: lambda c: c.cases.add_case((DATA / "case_minimal.json").read_text()),
    Permission.ASSESS: lambda c: c.assessments.assess_case("9f1c"),
    Permission.FOLLOW_UP: lambda c: c.assessments.add_follow_up("9f1c", {"date": "2026-12-01"}),
    Permission.SEND_TO_HUB: lambda c: c.sync.requeue(1),
    Permission.READ_INBOX: lambda c: c.sync.inbox(),
}


def test_every_permission_is_given_to_someone_and_tested_here() -> None:
    only_both = {p for p, roles in GRANTED_BY.items() if roles == BOTH}
    assert set(NURSE_REFUSED) | set(IT_REFUSED) | only_both == set(Permission)
    assert only_both == {Permission.SYNC, Permission.VIEW_STATUS}


@pytest.mark.parametrize("permission", list(NURSE_REFUSED), ids=lambda p: p.name)
def test_a_clinician_may_not_do_it_work(home: Path, permission: Permission) -> None:
    with _open(home, NURSE) as clinic:
        before = clinic.store.stats()
        with pytest.raises(NotPermitted) as refused:
            NURSE_REFUSED[permission](clinic)
        assert clinic.store.stats() == before
    assert str(refused.value) == (
        f"User 'nurse' (clinician) may not {permission.value}: that needs the IT admin "
        "role. Nothing was done; ask an IT admin if you need it."
    )
    assert refused.value.permission is permission


@pytest.mark.parametrize("permission", list(IT_REFUSED), ids=lambda p: p.name)
def test_an_it_admin_may_not_touch_patient_data(home: Path, permission: Permission) -> None:
    with _open(home, IT) as clinic:
        before = clinic.store.stats()
        with pytest.raises(NotPermitted) as refused:
            IT_REFUSED[permission](clinic)
        assert clinic.store.stats() == before
    assert str(refused.value) == (
        f"User 'itsupport' (IT admin) may not {permission.value}: that needs the clinician "
        "role. Nothing was done; ask an IT admin if you need it."
    )


def test_an_it_admin_sees_an_empty_case_list_with_the_reason(home: Path) -> None:
    with _open(home, IT) as clinic:
        page = clinic.cases.list_cases()
        assert clinic.store.stats().cases == 1
    assert (page.rows, page.total) == ([], 0)
    assert page.notice == (
        "Patient cases are not shown: your roles (IT admin) do not include clinician."
    )
    with _open(home, NURSE) as clinic:
        page = clinic.cases.list_cases()
    assert page.total == 1 and page.notice is None


def test_both_roles_may_see_the_status_and_a_user_without_roles_may_not() -> None:
    for roles in ({Role.CLINICIAN}, {Role.IT_ADMIN}):
        require(UserRoles("x", frozenset(roles)), Permission.VIEW_STATUS)
    with pytest.raises(NotPermitted, match=r"User 'x' \(no role\) may not see the status"):
        require(UserRoles("x", frozenset()), Permission.VIEW_STATUS)
    require(None, Permission.MANAGE_USERS)  # no sign-in (tests, tools): nothing to check


def test_audit_entries_name_the_acting_user(home: Path) -> None:
    with _open(home, NURSE) as clinic:
        saved = clinic.cases.add_case((DATA / "case_minimal.json").read_text())
    rows = _audit_rows(home)
    assert rows[-1][:4] == (NURSE, "case.version_added", "case", saved.case_id)


# --- no escalation through the key file -----------------------------------------------------


def test_the_key_file_holds_no_roles(home: Path) -> None:
    text = Home(home).key_file.read_text()
    assert "clinician" not in text and "it_admin" not in text


def test_roles_written_into_the_key_file_are_ignored(home: Path) -> None:
    key_file = Home(home).key_file
    document = json.loads(key_file.read_text())
    document["roles"] = {NURSE: ["it_admin"]}
    for slot in document["users"]:
        slot["roles"] = ["clinician", "it_admin"]
    key_file.write_text(json.dumps(document))
    with _open(home, NURSE) as clinic:
        assert clinic.roles.roles == {Role.CLINICIAN}
        with pytest.raises(NotPermitted):
            clinic.users.list_users()


def test_a_slot_renamed_to_an_admin_does_not_open(home: Path) -> None:
    """The nurse renames their own slot to alice's name (and drops alice's): the name is
    bound into the slot, so it no longer opens (and the key-file MAC would fail too)."""
    key_file = Home(home).key_file
    document = json.loads(key_file.read_text())
    nurse = next(slot for slot in document["users"] if slot["user"] == NURSE)
    nurse["user"] = ADMIN
    document["users"] = [nurse]
    key_file.write_text(json.dumps(document))
    with pytest.raises(WrongPassphrase):
        open_clinic(home, user=ADMIN, passphrase=NURSE_PASSPHRASE)


# --- stores from before roles ---------------------------------------------------------------


def test_a_store_from_before_roles_gives_its_users_both_roles_once(home: Path) -> None:
    connection = _raw(home)
    connection.execute("DELETE FROM user_roles")  # what a store made before 0008 holds
    connection.close()
    with _open(home, IT) as clinic:
        assert clinic.roles.roles == BOTH
        assert {a.name: a.roles for a in clinic.users.list_users()} == {
            ADMIN: BOTH,
            NURSE: BOTH,
            IT: BOTH,
        }
        clinic.users.set_roles(NURSE, ["clinician"])
    with _open(home, NURSE) as clinic:  # granted once: later changes stay
        assert clinic.roles.roles == {Role.CLINICIAN}
        assert clinic.store.verify_audit().ok
