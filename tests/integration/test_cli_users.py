"""`painbridge user ...` and the role checks of the other commands, end to end on a real
SQLCipher store in tmp_path."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.cli import main

DATA = Path(__file__).resolve().parents[1] / "data"
ADMIN_PASSPHRASE = "correct horse battery staple"
NURSE_PASSPHRASE = "the nurse's own passphrase"
IT_PASSPHRASE = "it support's own passphrase"


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A store set up by `painbridge init` (user 'clinician', both roles) with one case."""
    for name in ("PAINBRIDGE_HOME", "PAINBRIDGE_USER", "PAINBRIDGE_NEW_PASSPHRASE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("PAINBRIDGE_PASSPHRASE", ADMIN_PASSPHRASE)
    path = tmp_path / "home"
    assert main(["--home", str(path), "init"]) == 0
    assert main(["--home", str(path), "case", "add", str(DATA / "case_full.json")]) == 0
    return path


def run(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    home: Path,
    *argv: str,
    user: str = "clinician",
    passphrase: str = ADMIN_PASSPHRASE,
    new_passphrase: str | None = None,
) -> tuple[int, str, str]:
    monkeypatch.setenv("PAINBRIDGE_PASSPHRASE", passphrase)
    if new_passphrase is None:
        monkeypatch.delenv("PAINBRIDGE_NEW_PASSPHRASE", raising=False)
    else:
        monkeypatch.setenv("PAINBRIDGE_NEW_PASSPHRASE", new_passphrase)
    capsys.readouterr()
    code = main(["--home", str(home), "--user", user, *argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def nurse(home: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> str:
    """The clinician-only user 'nurse', added to ``home`` by `painbridge user add`."""
    code, _, _ = run(
        capsys,
        monkeypatch,
        home,
        "user",
        "add",
        "nurse",
        "--role",
        "clinician",
        new_passphrase=NURSE_PASSPHRASE,
    )
    assert code == 0
    return "nurse"


def test_the_first_user_has_both_roles_and_adds_users(
    home: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out, _ = run(capsys, monkeypatch, home, "user", "list")
    assert code == 0 and "clinician  clinician, IT admin" in out

    code, out, err = run(
        capsys,
        monkeypatch,
        home,
        "user",
        "add",
        "nurse",
        "--role",
        "clinician",
        new_passphrase=NURSE_PASSPHRASE,
    )
    assert (code, out, err) == (0, "added user nurse (clinician)\n", "")
    code, out, _ = run(
        capsys,
        monkeypatch,
        home,
        "user",
        "add",
        "itsupport",
        "--role",
        "it_admin",
        new_passphrase=IT_PASSPHRASE,
    )
    assert code == 0
    code, out, _ = run(capsys, monkeypatch, home, "user", "list")
    rows = [line.split(None, 1) for line in out.splitlines()[2:]]
    assert rows == [
        ["clinician", "clinician, IT admin"],
        ["nurse", "clinician"],
        ["itsupport", "IT admin"],
    ]

    # The new users sign in with their own passphrases; the CLI applies their roles.
    code, out, _ = run(
        capsys,
        monkeypatch,
        home,
        "case",
        "list",
        "--json",
        user="nurse",
        passphrase=NURSE_PASSPHRASE,
    )
    assert code == 0 and len(json.loads(out)) == 1
    code, out, _ = run(
        capsys,
        monkeypatch,
        home,
        "case",
        "list",
        "--json",
        user="itsupport",
        passphrase=IT_PASSPHRASE,
    )
    assert code == 0 and json.loads(out) == []  # empty, not an error
    code, _, err = run(
        capsys,
        monkeypatch,
        home,
        "case",
        "show",
        "9f1c",
        user="itsupport",
        passphrase=IT_PASSPHRASE,
    )
    assert code == 3
    assert err == (
        "painbridge: User 'itsupport' (IT admin) may not read patient cases: that needs the "
        "clinician role. Nothing was done; ask an IT admin if you need it.\n"
    )
    code, _, err = run(
        capsys, monkeypatch, home, "audit", "verify", user="nurse", passphrase=NURSE_PASSPHRASE
    )
    assert code == 3 and "User 'nurse' (clinician) may not verify the audit log" in err
    code, out, _ = run(
        capsys, monkeypatch, home, "audit", "verify", user="itsupport", passphrase=IT_PASSPHRASE
    )
    assert code == 0 and out.startswith("audit log intact")


@pytest.mark.usefixtures("nurse")
def test_a_clinician_cannot_manage_users_and_is_not_asked_for_a_passphrase(
    home: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # No PAINBRIDGE_NEW_PASSPHRASE and no terminal: refused before any prompt.
    code, out, err = run(
        capsys,
        monkeypatch,
        home,
        "user",
        "add",
        "mallory",
        "--role",
        "it_admin",
        user="nurse",
        passphrase=NURSE_PASSPHRASE,
    )
    assert (code, out) == (3, "")
    assert err == (
        "painbridge: User 'nurse' (clinician) may not manage users and their roles: that "
        "needs the IT admin role. Nothing was done; ask an IT admin if you need it.\n"
    )
    for command in (["user", "list"], ["user", "roles", "nurse", "--role", "it_admin"]):
        code, _, err = run(
            capsys, monkeypatch, home, *command, user="nurse", passphrase=NURSE_PASSPHRASE
        )
        assert code == 3 and "may not manage users" in err
    code, out, _ = run(capsys, monkeypatch, home, "user", "list")
    assert "mallory" not in out and "nurse      clinician\n" in out


@pytest.mark.usefixtures("nurse")
def test_roles_change_and_remove_and_the_last_admin_is_protected(
    home: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out, _ = run(
        capsys,
        monkeypatch,
        home,
        "user",
        "roles",
        "nurse",
        "--role",
        "clinician",
        "--role",
        "it_admin",
    )
    assert (code, out) == (0, "user nurse now has: clinician, IT admin\n")
    code, out, _ = run(
        capsys, monkeypatch, home, "user", "roles", "clinician", "--role", "clinician"
    )
    assert code == 0
    code, _, err = run(
        capsys,
        monkeypatch,
        home,
        "user",
        "roles",
        "nurse",
        "--role",
        "clinician",
        user="nurse",
        passphrase=NURSE_PASSPHRASE,
    )
    assert code == 3 and "'nurse' is the last IT admin of this computer" in err
    code, _, err = run(
        capsys,
        monkeypatch,
        home,
        "user",
        "remove",
        "nurse",
        user="nurse",
        passphrase=NURSE_PASSPHRASE,
    )
    assert code == 3 and "last IT admin" in err
    code, out, _ = run(
        capsys,
        monkeypatch,
        home,
        "user",
        "remove",
        "clinician",
        user="nurse",
        passphrase=NURSE_PASSPHRASE,
    )
    assert (code, out) == (0, "removed user clinician\n")
    code, _, err = run(capsys, monkeypatch, home, "case", "list")
    assert code == 3 and "There is no user 'clinician' on this computer" in err
    code, _, err = run(
        capsys,
        monkeypatch,
        home,
        "user",
        "remove",
        "ghost",
        user="nurse",
        passphrase=NURSE_PASSPHRASE,
    )
    assert code == 3 and "There is no user 'ghost'" in err


def test_a_weak_first_passphrase_or_an_unknown_role_is_refused(
    home: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, _, err = run(
        capsys,
        monkeypatch,
        home,
        "user",
        "add",
        "nurse",
        "--role",
        "clinician",
        new_passphrase="short",
    )
    assert code == 3 and "at least 10 characters" in err
    with pytest.raises(SystemExit) as usage:
        main(["--home", str(home), "user", "add", "nurse", "--role", "doctor"])
    assert usage.value.code == 2
    code, out, _ = run(capsys, monkeypatch, home, "user", "list")
    assert "nurse" not in out
