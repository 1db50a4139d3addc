"""The SQLCipher file: encryption, verified settings, migrations, integrity, locking."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from desktop.store import (
    CorruptPart,
    Home,
    IntegrityScope,
    StoreCorrupt,
    StoreLocked,
    StoreTooNew,
)
from desktop.store.audit import AuditAnchor, AuditChain
from desktop.store.database import (
    REQUIRED_PRAGMAS,
    open_encrypted_database,
    open_plaintext_database,
)
from desktop.store.lifecycle import assemble_store
from desktop.store.migrations import MIGRATIONS, applied_migrations
from tests.unit.test_store_support import Template, add_case, make_template, raw_connection


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Template:
    template = make_template(tmp_path_factory.mktemp("database"))
    with template.open() as store:
        for number in range(30):
            add_case(store, f"case-{number}")
    return template


@pytest.fixture
def home(template: Template, tmp_path: Path) -> Home:
    return template.copy_to(tmp_path / "home")


def test_stdlib_sqlite_cannot_read_the_file(home: Home) -> None:
    assert not home.database.read_bytes().startswith(b"SQLite format 3\x00")
    connection = sqlite3.connect(home.database)
    try:
        with pytest.raises(sqlite3.DatabaseError, match="file is not a database"):
            connection.execute("SELECT count(*) FROM sqlite_master").fetchall()
    finally:
        connection.close()


def test_required_settings_are_set_and_verified(template: Template, home: Home) -> None:
    database = open_encrypted_database(home.database, template.data_key(home), create=False)
    try:
        assert database.pragma("journal_mode") == "wal"
        assert database.pragma("synchronous") == 2  # FULL
        assert database.pragma("temp_store") == 2  # MEMORY
        assert database.pragma("foreign_keys") == 1
        assert database.pragma("cipher_version").startswith("4.")
        assert {pragma.name for pragma in REQUIRED_PRAGMAS} == {
            "journal_mode",
            "synchronous",
            "temp_store",
            "foreign_keys",
        }
    finally:
        database.close()


def test_migrations_are_recorded_once_and_reopen_is_idempotent(
    template: Template, home: Home
) -> None:
    with template.open(home) as store:
        first = store.stats().migrations
    data_key = template.data_key(home)
    connection = raw_connection(home, data_key)
    recorded = connection.execute("SELECT name, applied_at FROM migrations").fetchall()
    connection.close()

    with template.open(home) as store:
        assert store.stats().migrations == first
    connection = raw_connection(home, data_key)
    assert connection.execute("SELECT name, applied_at FROM migrations").fetchall() == recorded
    audited = connection.execute(
        "SELECT object_id FROM audit_log WHERE action = 'schema.migrated'"
    ).fetchall()
    connection.close()
    assert [name for name, _ in recorded] == [migration.name for migration in MIGRATIONS]
    assert [row[0] for row in audited] == [migration.name for migration in MIGRATIONS]


def test_database_from_a_newer_version_is_refused(template: Template, home: Home) -> None:
    connection = raw_connection(home, template.data_key(home))
    connection.execute(
        "INSERT INTO migrations (name, applied_at) VALUES ('9999_future', '2030-01-01')"
    )
    connection.close()
    with pytest.raises(StoreTooNew, match="newer version of PainBridge"):
        template.open(home)


def test_integrity_checks_pass_on_a_sound_file(template: Template, home: Home) -> None:
    with template.open(home) as store:
        assert store.check_integrity(IntegrityScope.UNLOCK) == []
        assert store.check_integrity(IntegrityScope.FULL) == []


def test_flipped_byte_is_reported_as_an_hmac_failure_of_that_page(
    template: Template, home: Home
) -> None:
    page_size = 4096
    pages = home.database.stat().st_size // page_size
    damaged_page = pages - 2
    with home.database.open("r+b") as file:
        file.seek((damaged_page - 1) * page_size + 100)
        byte = file.read(1)
        file.seek(-1, 1)
        file.write(bytes([byte[0] ^ 0x01]))

    database = open_encrypted_database(home.database, template.data_key(home), create=False)
    try:
        problems = database.check_integrity(IntegrityScope.FULL)
    finally:
        database.close()
    assert f"HMAC verification failed for page {damaged_page}" in problems

    # Through the store: wherever the page is first read (unlock or a later read), the
    # error names the part and the page.
    with pytest.raises(StoreCorrupt) as raised, template.open(home) as store:
        for number in range(30):
            store.latest(f"case-{number}")
        store.verify_audit()
    assert raised.value.part is CorruptPart.DATABASE_PAGE
    assert f"page {damaged_page}" in str(raised.value)


def test_damaged_first_page_is_reported_at_unlock(template: Template, home: Home) -> None:
    with home.database.open("r+b") as file:
        file.seek(200)
        file.write(b"\x00\x01\x02")
    with pytest.raises(StoreCorrupt, match="cannot be decrypted") as raised:
        template.open(home)
    assert raised.value.part is CorruptPart.DATABASE


def test_another_writer_holding_the_lock_gives_store_locked(template: Template, home: Home) -> None:
    blocker = raw_connection(home, template.data_key(home))
    with template.open(home) as store:
        # The test's own connection to the same file takes the write lock and keeps it.
        blocker.execute("BEGIN IMMEDIATE")
        store._database.execute("PRAGMA busy_timeout = 100")  # test: do not wait 5 s
        with pytest.raises(StoreLocked, match="busy"):
            add_case(store, "blocked")
        blocker.execute("ROLLBACK")
        add_case(store, "after-unblock")
        assert store.count_cases() == 31
    blocker.close()


def test_plaintext_baseline_runs_the_same_store_code(tmp_path: Path) -> None:
    """Only the benchmark uses this: same CaseStore, no encryption (file is readable)."""
    path = tmp_path / "plain.db"
    database = open_plaintext_database(path, create=True)
    audit = AuditChain(
        database,
        bytearray(32),
        AuditAnchor(tmp_path / "anchor"),
        store_id="plain",
        now=lambda: "2025-01-01T00:00:00.000000Z",
    )
    with assemble_store(database, audit) as store:
        add_case(store, "case-1")
        assert store.verify_audit().ok
        assert not store.stats().encrypted
    assert path.read_bytes().startswith(b"SQLite format 3\x00")
    assert [name for name, _ in applied_migrations_of(path)] == [m.name for m in MIGRATIONS]


def applied_migrations_of(path: Path) -> list[tuple[str, str]]:
    database = open_plaintext_database(path, create=False)
    try:
        return applied_migrations(database)
    finally:
        database.close()
