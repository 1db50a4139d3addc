"""IT recovery end to end on real SQLCipher stores in tmp_path: `painbridge recovery
reset-passphrase`, and the recovery slot that stores get from the machine configuration's
recovery public key (`painbridge init` and the application's first run)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from desktop.app import ClinicOpener, create_recovery_keypair, load_recovery_public_key
from desktop.cli import main
from desktop.domain.settings import ClinicalSettings
from desktop.services.machine_config import MachineConfigError
from desktop.store import Home
from desktop.store.keys import open_recovery_slot
from desktop.store.lifecycle import read_key_file
from desktop.store.recovery_files import read_recovery_private_key
from tests.unit.test_store_support import raw_connection

ADMIN_PASSPHRASE = "correct horse battery staple"
DOCTOR_PASSPHRASE = "dr amani's own passphrase"
NEW_PASSPHRASE = "a brand new passphrase from IT"


@pytest.fixture(autouse=True)
def environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("PAINBRIDGE_HOME", "PAINBRIDGE_USER", "PAINBRIDGE_NEW_PASSPHRASE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("PAINBRIDGE_CONFIG", str(tmp_path / "no-machine-config.conf"))
    monkeypatch.setenv("PAINBRIDGE_PASSPHRASE", ADMIN_PASSPHRASE)


@pytest.fixture
def it_keys(tmp_path: Path) -> tuple[Path, Path]:
    """IT's recovery key pair as `painbridge recovery keygen` writes it: (private, public)."""
    return create_recovery_keypair(tmp_path / "it")


def _cli(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    *argv: str,
    passphrase: str = ADMIN_PASSPHRASE,
    new_passphrase: str | None = None,
) -> tuple[int, str, str]:
    monkeypatch.setenv("PAINBRIDGE_PASSPHRASE", passphrase)
    if new_passphrase is None:
        monkeypatch.delenv("PAINBRIDGE_NEW_PASSPHRASE", raising=False)
    else:
        monkeypatch.setenv("PAINBRIDGE_NEW_PASSPHRASE", new_passphrase)
    capsys.readouterr()
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _init(monkeypatch: pytest.MonkeyPatch, home: Path, *options: str) -> None:
    """`painbridge init` by it.admin, who then adds dr.amani (a clinician)."""
    monkeypatch.setenv("PAINBRIDGE_PASSPHRASE", ADMIN_PASSPHRASE)
    assert main(["--home", str(home), "--user", "it.admin", "init", *options]) == 0
    monkeypatch.setenv("PAINBRIDGE_NEW_PASSPHRASE", DOCTOR_PASSPHRASE)
    add = ["user", "add", "dr.amani", "--role", "clinician"]
    assert main(["--home", str(home), "--user", "it.admin", *add]) == 0
    monkeypatch.delenv("PAINBRIDGE_NEW_PASSPHRASE")


def _audit_rows(home: Path, private_key: Path) -> list[tuple[Any, ...]]:
    """The audit log as IT's recovery key opens it."""
    key_file = read_key_file(Home(home))
    data_key = open_recovery_slot(key_file, read_recovery_private_key(private_key))
    try:
        connection = raw_connection(Home(home), data_key)
    finally:
        data_key.wipe()
    try:
        rows: list[tuple[Any, ...]] = connection.execute(
            "SELECT actor, action, object_type, object_id FROM audit_log ORDER BY seq"
        ).fetchall()
        return rows
    finally:
        connection.close()


def _signs_in(monkeypatch: pytest.MonkeyPatch, home: Path, user: str, passphrase: str) -> bool:
    monkeypatch.setenv("PAINBRIDGE_PASSPHRASE", passphrase)
    return main(["--home", str(home), "--user", user, "case", "list"]) == 0


def test_it_resets_a_forgotten_passphrase_with_the_recovery_key(
    tmp_path: Path,
    it_keys: tuple[Path, Path],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    private_key, public_key = it_keys
    home = tmp_path / "home"
    _init(monkeypatch, home, "--recovery-public-key", str(public_key))
    before = read_key_file(Home(home))

    code, out, err = _cli(
        capsys,
        monkeypatch,
        *("--home", str(home), "recovery", "reset-passphrase", "--user", "dr.amani"),
        *("--private-key", str(private_key)),
        passphrase="nobody's passphrase is needed",
        new_passphrase=NEW_PASSPHRASE,
    )
    assert (code, err) == (0, "")
    assert "passphrase reset for dr.amani with the IT recovery key" in out

    assert _signs_in(monkeypatch, home, "dr.amani", NEW_PASSPHRASE)
    assert not _signs_in(monkeypatch, home, "dr.amani", DOCTOR_PASSPHRASE)
    assert _signs_in(monkeypatch, home, "it.admin", ADMIN_PASSPHRASE)  # other users keep theirs
    after = read_key_file(Home(home))
    assert after.slot_for("it.admin") == before.slot_for("it.admin")
    assert after.recovery == before.recovery  # IT's key still opens the store
    assert _audit_rows(home, private_key)[-1] == (
        "recovery",
        "user.passphrase_reset",
        "user",
        "dr.amani",
    )
    code, out, _ = _cli(
        capsys, monkeypatch, "--home", str(home), "--user", "it.admin", "audit", "verify"
    )
    assert code == 0, out


def _reset(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    home: Path,
    private_key: Path,
    *user: str,
    new_passphrase: str = NEW_PASSPHRASE,
) -> tuple[int, str, str]:
    return _cli(
        capsys,
        monkeypatch,
        *("--home", str(home), "recovery", "reset-passphrase", *user),
        *("--private-key", str(private_key)),
        new_passphrase=new_passphrase,
    )


def test_a_store_without_recovery_slot_or_another_key_is_refused_unchanged(
    tmp_path: Path,
    it_keys: tuple[Path, Path],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    private_key, public_key = it_keys
    without_slot = tmp_path / "without-slot"
    _init(monkeypatch, without_slot)
    key_bytes = (without_slot / "keys.json").read_bytes()
    code, _, err = _reset(capsys, monkeypatch, without_slot, private_key, "--user", "dr.amani")
    assert code == 3
    assert "set up without an IT recovery key" in err
    assert (without_slot / "keys.json").read_bytes() == key_bytes

    with_slot = tmp_path / "with-slot"
    _init(monkeypatch, with_slot, "--recovery-public-key", str(public_key))
    other_private, _ = create_recovery_keypair(tmp_path / "another-it")
    key_bytes = (with_slot / "keys.json").read_bytes()
    code, _, err = _reset(capsys, monkeypatch, with_slot, other_private, "--user", "dr.amani")
    assert code == 3
    assert "The recovery key does not match this clinic's data. Nothing was changed." in err
    assert (with_slot / "keys.json").read_bytes() == key_bytes
    assert _signs_in(monkeypatch, with_slot, "dr.amani", DOCTOR_PASSPHRASE)


def test_bad_requests_change_nothing(
    tmp_path: Path,
    it_keys: tuple[Path, Path],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    private_key, public_key = it_keys
    home = tmp_path / "home"
    _init(monkeypatch, home, "--recovery-public-key", str(public_key))
    key_bytes = (home / "keys.json").read_bytes()
    audit = _audit_rows(home, private_key)
    not_a_key = tmp_path / "not-a-key.pem"
    not_a_key.write_text("-----BEGIN PRIVATE KEY-----\nbroken\n-----END PRIVATE KEY-----\n")

    refusals = {
        "no --user": (private_key, (), "name the user whose passphrase is reset: --user NAME"),
        "unknown user": (private_key, ("--user", "dr.nobody"), "There is no user 'dr.nobody'"),
        "public key": (public_key, ("--user", "dr.amani"), "is not an unencrypted PEM private"),
        "broken key": (not_a_key, ("--user", "dr.amani"), "is not an unencrypted PEM private"),
        "absent key": (tmp_path / "absent.pem", ("--user", "dr.amani"), "cannot read"),
    }
    for name, (key, user, message) in refusals.items():
        code, _, err = _reset(capsys, monkeypatch, home, key, *user)
        assert code == 3, name
        assert message in err, (name, err)
    code, _, err = _reset(
        capsys, monkeypatch, home, private_key, "--user", "dr.amani", new_passphrase="short"
    )
    assert code == 3 and "at least 10 characters" in err
    assert (home / "keys.json").read_bytes() == key_bytes
    assert _audit_rows(home, private_key) == audit  # nothing was reset, nothing audited


def _write_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, key: Path) -> Path:
    config = tmp_path / "painbridge.conf"
    config.write_text(f"[keys]\nrecovery_public_key = {key}\n", encoding="utf-8")
    monkeypatch.setenv("PAINBRIDGE_CONFIG", str(config))
    return config


def test_init_takes_the_recovery_key_of_the_machine_configuration(
    tmp_path: Path,
    it_keys: tuple[Path, Path],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    private_key, public_key = it_keys
    config = _write_config(tmp_path, monkeypatch, public_key)
    home = tmp_path / "home"
    code, out, err = _cli(capsys, monkeypatch, "--home", str(home), "init")
    assert (code, err) == (0, "")
    assert f"with an IT recovery slot for the recovery public key {public_key}" in out
    assert str(config) in out
    assert read_key_file(Home(home)).recovery is not None
    code, _, _ = _reset(capsys, monkeypatch, home, private_key, "--user", "clinician")
    assert code == 0
    assert _signs_in(monkeypatch, home, "clinician", NEW_PASSPHRASE)


def test_init_refuses_an_unusable_machine_configuration(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    config = _write_config(tmp_path, monkeypatch, tmp_path / "missing-recovery-public.pem")
    home = tmp_path / "home"
    code, _, err = _cli(capsys, monkeypatch, "--home", str(home), "init")
    assert code == 3
    assert f"{config}: [keys] recovery_public_key must name the IT recovery public key" in err
    assert not Home(home).is_initialised()


def test_the_first_run_of_the_application_adds_the_configured_recovery_slot(
    tmp_path: Path, it_keys: tuple[Path, Path]
) -> None:
    private_key, public_key = it_keys
    home = tmp_path / "home"
    opener = ClinicOpener(
        home, ClinicalSettings, recovery_public_key=load_recovery_public_key(public_key)
    )
    opener.create("dr.amani", DOCTOR_PASSPHRASE).close()
    assert read_key_file(Home(home)).recovery is not None
    assert "dr.amani" in {row[0] for row in _audit_rows(home, private_key)}  # IT's key opens it


def test_the_first_run_stops_while_the_machine_configuration_is_unusable(
    tmp_path: Path,
) -> None:
    home = tmp_path / "home"
    problem = "/etc/painbridge/painbridge.conf: [keys] recovery_public_key must name ..."
    opener = ClinicOpener(home, ClinicalSettings, setup_problem=problem)
    with pytest.raises(MachineConfigError) as raised:
        opener.create("dr.amani", DOCTOR_PASSPHRASE)
    assert str(raised.value) == (
        "PainBridge cannot be set up on this computer until IT corrects its machine "
        f"configuration: {problem}"
    )
    assert not Home(home).is_initialised()
