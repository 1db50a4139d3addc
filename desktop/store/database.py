"""An open SQLCipher database: keyed, configured, verified, with one way to write.

:func:`open_encrypted_database` is the production path. :func:`open_plaintext_database`
runs the very same store code on an unencrypted file; it exists only so the benchmark and
tests can measure what encryption costs, and nothing in the application calls it.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any

from desktop.store.driver import Connection, SqliteUtilsDatabase, dbapi2, sqlcipher3
from desktop.store.errors import CorruptPart, UnsupportedLocation
from desktop.store.keys import DataKey, wipe

DEFAULT_BUSY_TIMEOUT_SECONDS = 5.0

# Tables small enough to check at every unlock (see docs/storage.md, "Integrity checks").
UNLOCK_CHECKED_TABLES = ("migrations", "audit_head", "cases")

_MAXIMUM_REPORTED_PROBLEMS = 10

SqlParameters = Sequence[Any] | dict[str, Any]


@dataclass(frozen=True)
class _RequiredPragma:
    name: str
    value: str
    expected: str | int


# Set, then read back: SQLite ignores some pragmas silently (e.g. WAL on a network drive).
REQUIRED_PRAGMAS = (
    _RequiredPragma("journal_mode", "WAL", "wal"),
    _RequiredPragma("synchronous", "FULL", 2),
    _RequiredPragma("temp_store", "MEMORY", 2),
    _RequiredPragma("foreign_keys", "ON", 1),
)


class IntegrityScope(Enum):
    """How much of the file :meth:`Database.check_integrity` reads."""

    UNLOCK = "unlock"  # b-tree structure of the small tables (milliseconds)
    FULL = "full"  # every page: integrity_check + cipher_integrity_check (seconds)


class Database:
    """A configured connection plus the sqlite-utils wrapper around it.

    Writes go through :meth:`transaction` only: the outermost block is ``BEGIN
    IMMEDIATE`` (take the write lock up front, so a concurrent writer waits for the busy
    timeout instead of failing half-way), nested blocks are savepoints.
    """

    def __init__(self, connection: Connection, path: Path, *, encrypted: bool) -> None:
        self._connection = connection
        self.path = path
        self.encrypted = encrypted
        # Plugins could see every row (PHI): never let sqlite-utils load them here.
        self.utils = SqliteUtilsDatabase(connection, execute_plugins=False)
        self._savepoints = itertools.count(1)

    @contextmanager
    def transaction(self) -> Iterator[Database]:
        connection = self._connection
        if connection.in_transaction:
            savepoint = f"store_savepoint_{next(self._savepoints)}"
            connection.execute(f"SAVEPOINT {savepoint}")
            try:
                yield self
            except BaseException:
                if connection.in_transaction:
                    connection.execute(f"ROLLBACK TO SAVEPOINT {savepoint}")
                    connection.execute(f"RELEASE SAVEPOINT {savepoint}")
                raise
            connection.execute(f"RELEASE SAVEPOINT {savepoint}")
            return
        connection.execute("BEGIN IMMEDIATE")
        try:
            yield self
            connection.execute("COMMIT")
        except BaseException:
            self._rollback_quietly()
            raise

    def _rollback_quietly(self) -> None:
        # The original error is what matters; a failing ROLLBACK (e.g. disk gone) must
        # not replace it. SQLite rolls back a hot journal/WAL on the next open anyway.
        if self._connection.in_transaction:
            with suppress(dbapi2.Error):
                self._connection.execute("ROLLBACK")

    def execute(self, sql: str, parameters: SqlParameters = ()) -> dbapi2.Cursor:
        return self._connection.execute(sql, parameters)

    def executemany(self, sql: str, rows: Sequence[SqlParameters]) -> dbapi2.Cursor:
        return self._connection.executemany(sql, rows)

    def query(self, sql: str, parameters: SqlParameters = ()) -> list[dict[str, Any]]:
        """Rows as dicts (through sqlite-utils, which also handles ``RETURNING``)."""
        return list(self.utils.query(sql, parameters))

    def scalar(self, sql: str, parameters: SqlParameters = ()) -> Any:
        row = self._connection.execute(sql, parameters).fetchone()
        return None if row is None else row[0]

    def pragma(self, name: str) -> Any:
        return self.scalar(f"PRAGMA {name}")

    def table_names(self) -> list[str]:
        return list(self.utils.table_names())

    def check_integrity(self, scope: IntegrityScope) -> list[str]:
        """Problems found (empty when the file is sound)."""
        if scope is IntegrityScope.UNLOCK:
            existing = set(self.table_names())
            problems: list[str] = []
            for table in UNLOCK_CHECKED_TABLES:
                if table in existing:
                    problems += self._check_pragma(f"quick_check('{table}')")
            return problems
        problems = []
        if self.encrypted:  # first: it reports bad pages instead of stopping at them
            rows = self.execute("PRAGMA cipher_integrity_check").fetchall()
            problems += [str(row[0]) for row in rows][:_MAXIMUM_REPORTED_PROBLEMS]
        try:
            problems += self._check_pragma("integrity_check")
        except dbapi2.DatabaseError as error:
            if not problems:  # nothing explains it: let the boundary report it
                raise
            problems.append(f"integrity_check stopped: {error}")
        return problems

    def _check_pragma(self, pragma: str) -> list[str]:
        rows = [str(row[0]) for row in self.execute(f"PRAGMA {pragma}").fetchall()]
        if rows == ["ok"]:
            return []
        lines = [line for row in rows for line in row.splitlines() if line.strip()]
        return lines[:_MAXIMUM_REPORTED_PROBLEMS]

    def describe_corruption(self) -> tuple[CorruptPart, str]:
        """After SQLite reported corruption: which pages fail their HMAC, if any."""
        if self.encrypted:
            try:
                rows = self.execute("PRAGMA cipher_integrity_check").fetchall()
            except dbapi2.Error:
                rows = []
            failures = [str(row[0]) for row in rows][:_MAXIMUM_REPORTED_PROBLEMS]
            if failures:
                return (
                    CorruptPart.DATABASE_PAGE,
                    "; ".join(failures) + " (the file was altered or damaged on disk)",
                )
        return CorruptPart.DATABASE, "the database structure is damaged (malformed b-tree)"

    def checkpoint(self) -> None:
        """Copy the WAL into the main file and truncate it (used before backups/benchmarks)."""
        self.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def close(self) -> None:
        self._rollback_quietly()
        self._connection.close()


def open_encrypted_database(
    path: Path,
    data_key: DataKey,
    *,
    create: bool,
    busy_timeout: float = DEFAULT_BUSY_TIMEOUT_SECONDS,
) -> Database:
    """Open (or create) the SQLCipher file keyed with the raw data key; verify settings."""
    connection = _connect(path, create=create, busy_timeout=busy_timeout)
    try:
        key_text = data_key.sqlcipher_key()
        try:
            connection.set_key(key_text)
        finally:
            wipe(key_text)
        # Pin SQLCipher 4 defaults (AES-256-CBC, HMAC-SHA512 per page, 4 KiB pages) so a
        # future SQLCipher with other defaults still opens today's files.
        connection.execute("PRAGMA cipher_compatibility = 4")
        # First read: fails with "file is not a database" if the key does not fit.
        connection.execute("SELECT count(*) FROM sqlite_schema").fetchone()
        database = Database(connection, path, encrypted=True)
        _apply_required_pragmas(database)
    except BaseException:
        connection.close()
        raise
    return database


def open_plaintext_database(
    path: Path, *, create: bool, busy_timeout: float = DEFAULT_BUSY_TIMEOUT_SECONDS
) -> Database:
    """Benchmarks and tests only: the same store on an UNENCRYPTED file (no key set)."""
    connection = _connect(path, create=create, busy_timeout=busy_timeout)
    try:
        database = Database(connection, path, encrypted=False)
        _apply_required_pragmas(database)
    except BaseException:
        connection.close()
        raise
    return database


def _connect(path: Path, *, create: bool, busy_timeout: float) -> Connection:
    if create:
        # Owner-only from the first byte; SQLite gives -wal and -shm the same mode.
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    # mode=rw never creates a file: opening a missing database must not leave one behind.
    uri = f"{path.resolve().as_uri()}?mode={'rwc' if create else 'rw'}"
    connection: Connection = sqlcipher3.connect(
        uri, uri=True, isolation_level=None, timeout=busy_timeout
    )
    return connection


def _apply_required_pragmas(database: Database) -> None:
    for pragma in REQUIRED_PRAGMAS:
        database.execute(f"PRAGMA {pragma.name} = {pragma.value}").fetchall()
        actual = database.pragma(pragma.name)
        if actual != pragma.expected:
            raise UnsupportedLocation(database.path, f"{pragma.name}={pragma.value}")
