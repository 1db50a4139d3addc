"""The schema, as named migrations applied once each and recorded in ``migrations``.

Add a migration by appending to :data:`MIGRATIONS`; never edit or reorder one that has
shipped. Each runs in its own transaction together with its ``migrations`` row (and the
audit entry the store adds through ``on_applied``), so a crash leaves it either fully
applied and recorded or not at all.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from desktop.store.database import Database
from desktop.store.errors import StoreTooNew

MIGRATIONS_TABLE = "migrations"


@dataclass(frozen=True)
class Migration:
    name: str
    statements: tuple[str, ...]

    def apply(self, database: Database) -> None:
        for statement in self.statements:
            database.execute(statement)


def _append_only(table: str) -> tuple[str, str]:
    return (
        f"CREATE TRIGGER {table}_refuse_update BEFORE UPDATE ON {table} "
        f"BEGIN SELECT RAISE(ABORT, '{table} is append-only: rows cannot be changed'); END",
        f"CREATE TRIGGER {table}_refuse_delete BEFORE DELETE ON {table} "
        f"BEGIN SELECT RAISE(ABORT, '{table} is append-only: rows cannot be deleted'); END",
    )


AUDIT_LOG = Migration(
    "0001_audit_log",
    (
        """CREATE TABLE audit_log (
            seq INTEGER PRIMARY KEY CHECK (seq >= 1),
            at TEXT NOT NULL,
            actor TEXT NOT NULL,
            action TEXT NOT NULL,
            object_type TEXT NOT NULL,
            object_id TEXT NOT NULL,
            detail TEXT NOT NULL,
            prev_mac TEXT NOT NULL,
            mac TEXT NOT NULL
        ) STRICT""",
        *_append_only("audit_log"),
        """CREATE TABLE audit_head (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            seq INTEGER NOT NULL,
            mac TEXT NOT NULL,
            head_mac TEXT NOT NULL
        ) STRICT""",
    ),
)

CASE_VERSIONS = Migration(
    "0002_case_versions",
    (
        """CREATE TABLE case_versions (
            case_id TEXT NOT NULL,
            version INTEGER NOT NULL CHECK (version >= 1),
            created_at TEXT NOT NULL,
            actor TEXT NOT NULL,
            document TEXT NOT NULL,
            sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
            PRIMARY KEY (case_id, version)
        ) STRICT""",
        *_append_only("case_versions"),
        """CREATE TRIGGER case_versions_numbered_without_gaps BEFORE INSERT ON case_versions
        WHEN NEW.version != 1 + coalesce(
            (SELECT max(version) FROM case_versions WHERE case_id = NEW.case_id), 0)
        BEGIN SELECT RAISE(ABORT, 'case_versions: a new version must be latest + 1'); END""",
    ),
)

CASE_INDEX = Migration(
    "0003_case_index",
    (
        """CREATE TABLE cases (
            case_id TEXT PRIMARY KEY,
            pseudonym TEXT NOT NULL,
            patient_name TEXT NOT NULL,
            assessment_date TEXT NOT NULL,
            latest_version INTEGER NOT NULL,
            updated_at TEXT NOT NULL,
            status TEXT NOT NULL,
            FOREIGN KEY (case_id, latest_version) REFERENCES case_versions (case_id, version)
        ) STRICT""",
        "CREATE INDEX cases_by_updated_at ON cases (updated_at, case_id)",
        # Folded (case- and accent-insensitive) prefixes of the pseudonym, the full name
        # and each word of the name; prefix search is a range scan on the primary key.
        """CREATE TABLE case_search_terms (
            term TEXT NOT NULL,
            case_id TEXT NOT NULL REFERENCES cases (case_id),
            PRIMARY KEY (term, case_id)
        ) STRICT, WITHOUT ROWID""",
        "CREATE INDEX case_search_terms_by_case ON case_search_terms (case_id)",
    ),
)

OUTBOX = Migration(
    "0004_outbox",
    (
        """CREATE TABLE outbox (
            id INTEGER PRIMARY KEY,
            case_id TEXT NOT NULL,
            version INTEGER NOT NULL,
            kind TEXT NOT NULL,
            created_at TEXT NOT NULL,
            state TEXT NOT NULL DEFAULT 'pending'
                CHECK (state IN ('pending', 'sent', 'quarantined')),
            attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
            last_error TEXT,
            FOREIGN KEY (case_id, version) REFERENCES case_versions (case_id, version)
        ) STRICT""",
        "CREATE INDEX outbox_by_state ON outbox (state, id)",
    ),
)

# Autosaved form state (desktop/store/drafts.py): replaced in place, deleted on save.
DRAFTS = Migration(
    "0005_drafts",
    (
        """CREATE TABLE drafts (
            draft_id TEXT PRIMARY KEY,
            actor TEXT NOT NULL,
            case_id TEXT,
            base_version INTEGER CHECK (base_version IS NULL OR base_version >= 1),
            document TEXT NOT NULL,
            updated_at TEXT NOT NULL
        ) STRICT""",
        "CREATE INDEX drafts_by_actor ON drafts (actor, updated_at)",
    ),
)

# Decision-support reports (desktop/store/reports.py): append-only, each with the model
# version and the fingerprint of the inputs that produced it, so it can be reproduced.
REPORTS = Migration(
    "0006_reports",
    (
        """CREATE TABLE reports (
            report_id INTEGER PRIMARY KEY,
            case_id TEXT NOT NULL,
            case_version INTEGER NOT NULL,
            created_at TEXT NOT NULL,
            actor TEXT NOT NULL,
            model_name TEXT,
            model_version TEXT,
            bundle_id TEXT,
            inputs_fingerprint TEXT NOT NULL,
            document TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            FOREIGN KEY (case_id, case_version) REFERENCES case_versions (case_id, version)
        ) STRICT""",
        *_append_only("reports"),
        "CREATE INDEX reports_by_case ON reports (case_id, report_id)",
    ),
)

# Sync with the hub (desktop/store/sync_ledger.py): a stable Idempotency-Key and retry
# schedule per outbox row, the device identity (its Ed25519 private key lives only in
# this encrypted database), what the hub sent down (signed), and per-case receipts.
SYNC = Migration(
    "0007_sync",
    (
        "ALTER TABLE outbox ADD COLUMN idempotency_key TEXT",
        "ALTER TABLE outbox ADD COLUMN next_attempt_at TEXT",
        "ALTER TABLE outbox ADD COLUMN sent_at TEXT",
        "UPDATE outbox SET idempotency_key = lower(hex(randomblob(16))) "
        "WHERE idempotency_key IS NULL",
        "CREATE UNIQUE INDEX outbox_by_idempotency_key ON outbox (idempotency_key)",
        # Every row gets its key when inserted, whoever inserts it (enqueue is unchanged).
        """CREATE TRIGGER outbox_gets_idempotency_key AFTER INSERT ON outbox
        WHEN NEW.idempotency_key IS NULL
        BEGIN UPDATE outbox SET idempotency_key = lower(hex(randomblob(16)))
              WHERE id = NEW.id; END""",
        """CREATE TABLE sync_identity (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            hub_url TEXT NOT NULL,
            device_id TEXT NOT NULL,
            device_name TEXT NOT NULL,
            clinic_id TEXT NOT NULL,
            clinic_name TEXT NOT NULL,
            private_key BLOB NOT NULL CHECK (length(private_key) = 32),
            hub_public_key TEXT NOT NULL,
            tuf_roots TEXT NOT NULL,
            enrolled_at TEXT NOT NULL,
            changes_cursor INTEGER NOT NULL DEFAULT 0 CHECK (changes_cursor >= 0),
            last_success_at TEXT,
            last_attempt_at TEXT,
            last_error TEXT
        ) STRICT""",
        """CREATE TABLE hub_messages (
            seq INTEGER PRIMARY KEY CHECK (seq >= 1),
            kind TEXT NOT NULL,
            case_id TEXT,
            case_version INTEGER,
            payload TEXT NOT NULL,
            signature TEXT NOT NULL,
            received_at TEXT NOT NULL,
            read_at TEXT,
            read_by TEXT,
            delivered_reported INTEGER NOT NULL DEFAULT 0,
            read_reported INTEGER NOT NULL DEFAULT 0
        ) STRICT""",
        "CREATE INDEX hub_messages_by_case ON hub_messages (case_id, seq)",
        """CREATE TABLE case_receipts (
            case_id TEXT PRIMARY KEY,
            version INTEGER NOT NULL,
            state TEXT NOT NULL CHECK (state IN ('queued', 'uploaded', 'received',
                'in_review', 'answered', 'delivered', 'read')),
            updated_at TEXT NOT NULL
        ) STRICT""",
    ),
)

MIGRATIONS: tuple[Migration, ...] = (
    AUDIT_LOG,
    CASE_VERSIONS,
    CASE_INDEX,
    OUTBOX,
    DRAFTS,
    REPORTS,
    SYNC,
)


def applied_migrations(database: Database) -> list[tuple[str, str]]:
    """(name, applied_at) of every applied migration, oldest first."""
    if MIGRATIONS_TABLE not in database.table_names():
        return []
    rows = database.execute(
        f"SELECT name, applied_at FROM {MIGRATIONS_TABLE} ORDER BY rowid"
    ).fetchall()
    return [(str(name), str(applied_at)) for name, applied_at in rows]


def pending_migrations(
    database: Database, migrations: tuple[Migration, ...] = MIGRATIONS
) -> list[Migration]:
    """Migrations not applied yet; raises StoreTooNew for names this version does not know."""
    applied = {name for name, _ in applied_migrations(database)}
    unknown = sorted(applied - {migration.name for migration in migrations})
    if unknown:
        raise StoreTooNew(unknown)
    return [migration for migration in migrations if migration.name not in applied]


def apply_migrations(
    database: Database,
    *,
    now: Callable[[], str],
    on_applied: Callable[[str], object],
    migrations: tuple[Migration, ...] = MIGRATIONS,
) -> list[str]:
    """Apply each pending migration in its own transaction; return the names applied."""
    applied: list[str] = []
    for migration in pending_migrations(database, migrations):
        with database.transaction():
            _ensure_migrations_table(database)
            if database.scalar(
                f"SELECT 1 FROM {MIGRATIONS_TABLE} WHERE name = ?", (migration.name,)
            ):
                continue  # another process applied it while we waited for the lock
            migration.apply(database)
            database.execute(
                f"INSERT INTO {MIGRATIONS_TABLE} (name, applied_at) VALUES (?, ?)",
                (migration.name, now()),
            )
            on_applied(migration.name)
        applied.append(migration.name)
    return applied


def _ensure_migrations_table(database: Database) -> None:
    database.utils.table(MIGRATIONS_TABLE).create(
        {"name": str, "applied_at": str},
        pk="name",
        not_null={"name", "applied_at"},
        if_not_exists=True,
        strict=True,
    )
