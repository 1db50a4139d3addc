"""The hub database: engine per backend, schema creation, and one way to write.

SQLite (default): WAL, ``synchronous=FULL``, foreign keys on, and every transaction
starts with ``BEGIN IMMEDIATE`` so concurrent writers queue on the lock instead of failing
half-way. PostgreSQL: READ COMMITTED; exactly-once rests on unique constraints, and writers
of the changes feed serialize on an advisory lock so sequence numbers become visible in
order (a cursor never skips a change that commits late).
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, insert, select, text
from sqlalchemy.engine import make_url

from sync.hub.errors import HubSetupError
from sync.hub.schema import SCHEMA_VERSION, hub_meta, metadata

_FEED_LOCK = 727_001  # pg_advisory_xact_lock key of the changes feed
_DATA_KEY_LOCK = 727_002  # uploads (shared) against retiring a data key (exclusive)
_READ_ONLY = "painbridge_read_only"


class HubDatabase:
    """The engine and the hub's transaction helpers."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.is_sqlite = engine.dialect.name == "sqlite"
        self.is_postgres = engine.dialect.name == "postgresql"
        # SQLite has one writer at a time. Queueing this process's writers on a lock is
        # fair and immediate, where SQLite's busy handler polls with sleeps of up to 100 ms
        # (long latency tails under load). Other processes still wait on the busy timeout.
        self._writer = threading.Lock() if self.is_sqlite else contextlib.nullcontext()

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        """One transaction: committed when the block ends, rolled back on any error."""
        with self._writer, self.engine.begin() as connection:
            yield connection

    @contextmanager
    def reading(self) -> Iterator[Connection]:
        """A connection for reads: one transaction (a consistent view) that takes no write
        lock on SQLite, so readers never wait for writers (WAL)."""
        with self.engine.connect() as connection:
            connection = connection.execution_options(**{_READ_ONLY: True})
            with connection.begin():
                yield connection

    def lock_feed(self, connection: Connection) -> None:
        """Serialize writers of the changes feed until the transaction ends."""
        if self.is_postgres:
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _FEED_LOCK})

    def lock_data_keys(self, connection: Connection, *, exclusive: bool) -> None:
        """Uploads hold this shared while they seal and insert; retiring a data key holds
        it exclusively, so no upload sealed with that key can commit after the check that
        no row needs it (SQLite's single writer gives the same order by itself)."""
        if self.is_postgres:
            function = "pg_advisory_xact_lock" if exclusive else "pg_advisory_xact_lock_shared"
            connection.execute(text(f"SELECT {function}(:key)"), {"key": _DATA_KEY_LOCK})

    def create_schema(self) -> None:
        """Create missing tables; refuse a database written by a newer hub."""
        metadata.create_all(self.engine)
        with self.transaction() as connection:
            stored = connection.execute(
                select(hub_meta.c.value).where(hub_meta.c.name == "schema_version")
            ).scalar_one_or_none()
            if stored is None:
                connection.execute(
                    insert(hub_meta).values(name="schema_version", value=str(SCHEMA_VERSION))
                )
            elif int(stored) > SCHEMA_VERSION:
                raise HubSetupError(
                    f"the hub database was written by a newer PainBridge (schema {stored}, "
                    f"this hub knows {SCHEMA_VERSION}); install the newer version"
                )

    def dispose(self) -> None:
        self.engine.dispose()


def open_database(url: str, *, pool_size: int = 10) -> HubDatabase:
    """An engine for ``url`` (``sqlite:///FILE`` or ``postgresql://...``) with the schema."""
    parsed = make_url(url)
    backend = parsed.get_backend_name()
    options: dict[str, Any] = {}
    if backend == "sqlite":
        options["connect_args"] = {"check_same_thread": False, "timeout": 30.0}
    elif backend == "postgresql":
        if parsed.drivername == "postgresql":
            parsed = parsed.set(drivername="postgresql+psycopg")
        options.update(pool_size=pool_size, max_overflow=2 * pool_size, pool_pre_ping=True)
    else:
        raise HubSetupError(f"unsupported hub database {backend!r}: use sqlite or postgresql")
    engine = create_engine(parsed, **options)
    if backend == "sqlite":
        _configure_sqlite(engine)
    database = HubDatabase(engine)
    database.create_schema()
    return database


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # we issue BEGIN ourselves
        cursor = dbapi_connection.cursor()
        for pragma in (
            "PRAGMA journal_mode = WAL",
            "PRAGMA synchronous = FULL",
            "PRAGMA foreign_keys = ON",
            "PRAGMA busy_timeout = 30000",
        ):
            cursor.execute(pragma)
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        read_only = connection.get_execution_options().get(_READ_ONLY, False)
        connection.exec_driver_sql("BEGIN" if read_only else "BEGIN IMMEDIATE")
