"""Key slots: passphrases, recovery, re-keying, tampering with the key file."""

from __future__ import annotations

import base64
import json
import os
from pathlib import Path

import pytest

from desktop.domain.errors import InvalidInput
from desktop.store import (
    CorruptPart,
    Home,
    KdfParams,
    LastUserSlot,
    NoRecoverySlot,
    StoreAlreadyExists,
    StoreCorrupt,
    StoreNotInitialised,
    UnknownUser,
    UserAlreadyExists,
    WeakPassphrase,
    WrongPassphrase,
    WrongRecoveryKey,
    add_user,
    change_passphrase,
    create_store,
    generate_recovery_keypair,
    list_users,
    open_store,
    open_store_with_recovery,
    remove_user,
    reset_passphrase_with_recovery,
)
from desktop.store.keys import DataKey, derive_audit_key
from tests.unit.test_store_support import (
    PASSPHRASE,
    USER,
    Template,
    add_case,
    make_template,
    sha256_of,
    snapshot,
)


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Template:
    template = make_template(tmp_path_factory.mktemp("keys"))
    with template.open() as store:
        add_case(store, "case-1")
    return template


@pytest.fixture
def home(template: Template, tmp_path: Path) -> Home:
    return template.copy_to(tmp_path / "home")


def _edit_key_file(home: Home, edit: object) -> None:
    document = json.loads(home.key_file.read_text())
    assert callable(edit)
    edit(document)
    home.key_file.write_text(json.dumps(document))


def _flip_base64(value: str) -> str:
    raw = bytearray(base64.b64decode(value))
    raw[0] ^= 1
    return base64.b64encode(bytes(raw)).decode()


# --- create and open ----------------------------------------------------------------------


def test_create_then_open_with_passphrase(tmp_path: Path) -> None:
    home = Home(tmp_path / "new")
    with create_store(home, USER, PASSPHRASE) as store:
        add_case(store, "case-1")
    with open_store(home, USER, PASSPHRASE) as store:
        assert store.latest("case-1").version == 1
    assert list_users(home) == [USER]
    assert {path.name for path in home.path.iterdir()} == {
        "painbridge.db",
        "keys.json",
        "audit-anchor",
        "drafts",
    }


def test_create_refuses_an_initialised_home(home: Home) -> None:
    before = snapshot(home)
    with pytest.raises(StoreAlreadyExists, match="Nothing was overwritten"):
        create_store(home, USER, PASSPHRASE)
    assert snapshot(home) == before


def test_create_refuses_a_database_without_key_file(home: Home) -> None:
    home.key_file.unlink()
    with pytest.raises(StoreAlreadyExists, match=r"painbridge\.db is present without a key file"):
        create_store(home, USER, PASSPHRASE)


def test_open_empty_folder_is_not_initialised(tmp_path: Path) -> None:
    with pytest.raises(StoreNotInitialised, match="No PainBridge data was found"):
        open_store(Home(tmp_path), USER, PASSPHRASE)
    assert list(tmp_path.iterdir()) == []


def test_wrong_passphrase_is_typed_and_changes_nothing(home: Home) -> None:
    before = snapshot(home)
    with pytest.raises(WrongPassphrase) as raised:
        open_store(home, USER, "not the passphrase at all")
    assert "passphrase for user 'alice' is not correct. Nothing was changed" in str(raised.value)
    assert snapshot(home) == before  # db, key file and anchor byte-identical, no -wal/-shm


def test_unknown_user(home: Home) -> None:
    with pytest.raises(UnknownUser, match="no user 'bob'"):
        open_store(home, "bob", PASSPHRASE)


@pytest.mark.parametrize(
    ("passphrase", "rule"),
    [
        ("short", "at least 10 characters"),
        ("aaaaaaaaaaaa", "at least 4 different characters"),
        ("Alice-Smith", "user name"),
    ],
)
def test_weak_passphrases_are_refused_with_the_rule(
    tmp_path: Path, passphrase: str, rule: str
) -> None:
    home = Home(tmp_path / "weak")
    with pytest.raises(WeakPassphrase, match=rule):
        create_store(home, "alice-smith", passphrase)
    assert not home.path.exists()


def test_invalid_user_name_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InvalidInput, match="user: must be 1 to 64 printable characters"):
        create_store(Home(tmp_path / "x"), "bad\nname", PASSPHRASE)


def test_kdf_parameters_below_the_floor_are_refused() -> None:
    with pytest.raises(ValueError, match="below the floor"):
        KdfParams(memory_kib=1024)
    with pytest.raises(ValueError, match="below the floor"):
        KdfParams(iterations=1)


def test_kdf_parameters_are_stored_in_the_slot(tmp_path: Path) -> None:
    home = Home(tmp_path / "strong")
    create_store(home, USER, PASSPHRASE, kdf=KdfParams(iterations=4)).close()
    slot = json.loads(home.key_file.read_text())["users"][0]
    assert slot["kdf"] == {
        "algorithm": "argon2id",
        "memory_kib": 65536,
        "iterations": 4,
        "lanes": 4,
    }
    open_store(home, USER, PASSPHRASE).close()


# --- changing keys ------------------------------------------------------------------------


def test_passphrase_change_rewrites_only_the_key_file(home: Home) -> None:
    database_before = sha256_of(home.database)
    anchor_before = sha256_of(home.audit_anchor)
    key_file_before = sha256_of(home.key_file)

    change_passphrase(home, USER, PASSPHRASE, "a brand new passphrase")

    assert sha256_of(home.database) == database_before
    assert sha256_of(home.audit_anchor) == anchor_before
    assert sha256_of(home.key_file) != key_file_before
    with pytest.raises(WrongPassphrase):
        open_store(home, USER, PASSPHRASE)
    with open_store(home, USER, "a brand new passphrase") as store:
        assert store.latest("case-1").version == 1


def test_passphrase_change_needs_the_old_passphrase(home: Home) -> None:
    before = snapshot(home)
    with pytest.raises(WrongPassphrase):
        change_passphrase(home, USER, "not the old passphrase", "a brand new passphrase")
    with pytest.raises(WeakPassphrase):
        change_passphrase(home, USER, PASSPHRASE, "short")
    assert snapshot(home) == before


def test_add_and_remove_user(home: Home) -> None:
    database_before = sha256_of(home.database)
    add_user(home, USER, PASSPHRASE, "bob", "bob's own passphrase")
    assert list_users(home) == [USER, "bob"]
    with pytest.raises(UserAlreadyExists):
        add_user(home, USER, PASSPHRASE, "bob", "another passphrase!")
    open_store(home, "bob", "bob's own passphrase").close()

    remove_user(home, "bob", "bob's own passphrase", USER)
    assert list_users(home) == ["bob"]
    with pytest.raises(UnknownUser):
        open_store(home, USER, PASSPHRASE)
    with pytest.raises(LastUserSlot, match="only user"):
        remove_user(home, "bob", "bob's own passphrase", "bob")
    assert sha256_of(home.database) == database_before


# --- recovery -----------------------------------------------------------------------------


def test_recovery_key_opens_the_store(template: Template, home: Home) -> None:
    with open_store_with_recovery(home, template.private_key) as store:
        assert store.latest("case-1").version == 1


def test_wrong_recovery_key_is_refused(home: Home) -> None:
    other_private, _ = generate_recovery_keypair()
    before = snapshot(home)
    with pytest.raises(WrongRecoveryKey, match="does not match"):
        open_store_with_recovery(home, other_private)
    with pytest.raises(WrongRecoveryKey):
        open_store_with_recovery(home, b"not a key")
    assert snapshot(home) == before


def test_store_without_recovery_slot(tmp_path: Path) -> None:
    home = Home(tmp_path / "norecovery")
    create_store(home, USER, PASSPHRASE).close()
    private_key, _ = generate_recovery_keypair()
    with pytest.raises(NoRecoverySlot):
        open_store_with_recovery(home, private_key)


def test_it_resets_a_forgotten_passphrase(template: Template, home: Home) -> None:
    database_before = sha256_of(home.database)
    reset_passphrase_with_recovery(home, template.private_key, USER, "set by IT for alice")
    with open_store(home, USER, "set by IT for alice") as store:
        assert store.count_cases() == 1
    assert sha256_of(home.database) == database_before


# --- tampering ----------------------------------------------------------------------------


def test_altered_wrapped_key_is_reported_as_corrupt_not_as_wrong_passphrase(home: Home) -> None:
    _edit_key_file(
        home,
        lambda doc: doc["users"][0].update(
            wrapped_key=_flip_base64(doc["users"][0]["wrapped_key"])
        ),
    )
    with pytest.raises(StoreCorrupt) as raised:
        open_store(home, USER, PASSPHRASE)
    assert raised.value.part is CorruptPart.KEY_FILE
    assert "key slot of user 'alice' was altered" in str(raised.value)


def test_altered_recovery_slot_is_detected_by_the_file_mac(home: Home) -> None:
    _, other_public = generate_recovery_keypair()
    _edit_key_file(
        home,
        lambda doc: doc["recovery"].update(public_key=base64.b64encode(other_public).decode()),
    )
    with pytest.raises(StoreCorrupt, match="changed outside PainBridge") as raised:
        open_store(home, USER, PASSPHRASE)
    assert raised.value.part is CorruptPart.KEY_FILE


def test_removed_slot_is_detected_by_the_file_mac(template: Template, home: Home) -> None:
    _edit_key_file(home, lambda doc: doc["users"].clear())
    with pytest.raises(StoreCorrupt, match="changed outside PainBridge"):
        open_store_with_recovery(home, template.private_key)


def test_lowered_kdf_cost_is_refused(home: Home) -> None:
    _edit_key_file(home, lambda doc: doc["users"][0]["kdf"].update(memory_kib=8))
    with pytest.raises(StoreCorrupt, match="implausible key derivation settings"):
        open_store(home, USER, PASSPHRASE)


@pytest.mark.parametrize("content", [b"", b"{not json", b'{"format": "something else"}'])
def test_unreadable_key_file(home: Home, content: bytes) -> None:
    home.key_file.write_bytes(content)
    with pytest.raises(StoreCorrupt) as raised:
        open_store(home, USER, PASSPHRASE)
    assert raised.value.part is CorruptPart.KEY_FILE


def test_missing_key_file_next_to_a_database(home: Home) -> None:
    home.key_file.unlink()
    with pytest.raises(StoreCorrupt, match=r"key file .* is missing"):
        open_store(home, USER, PASSPHRASE)


def test_key_file_of_another_store_does_not_open_this_database(home: Home, tmp_path: Path) -> None:
    other = Home(tmp_path / "other")
    create_store(other, USER, PASSPHRASE).close()
    home.key_file.write_bytes(other.key_file.read_bytes())
    with pytest.raises(StoreCorrupt, match="cannot be decrypted with the key") as raised:
        open_store(home, USER, PASSPHRASE)
    assert raised.value.part is CorruptPart.DATABASE


# --- secrets ------------------------------------------------------------------------------


def test_audit_key_is_derived_and_distinct(template: Template) -> None:
    data_key = template.data_key()
    audit_key = derive_audit_key(data_key)
    assert len(audit_key) == 32 and bytes(audit_key) != bytes(data_key.buffer)
    assert derive_audit_key(data_key) == audit_key  # deterministic
    assert "hidden" in repr(data_key)
    data_key.wipe()
    assert bytes(data_key.buffer) == bytes(32)


def test_data_key_gives_sqlcipher_raw_key_form() -> None:
    key = DataKey(bytearray(range(32)))
    assert key.sqlcipher_key() == bytearray(b"x'" + bytes(range(32)).hex().encode() + b"'")


def test_temp_files_left_by_a_crash_are_removed_at_unlock(template: Template, home: Home) -> None:
    stale = home.path / ".keys.json.abc123.tmp"
    fresh = home.path / ".audit-anchor.def456.tmp"
    stale.write_bytes(b"half-written")
    fresh.write_bytes(b"being written by another process")
    os.utime(stale, (0, 0))
    template.open(home).close()
    assert not stale.exists()
    assert fresh.exists()
