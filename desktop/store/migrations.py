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

# Local roles of the users of this store (desktop/store/users.py). Inside the encrypted
# database, so editing the key file cannot grant a role; a user's roles are the rows
# that name them (none: the user may sign in but do nothing).
USER_ROLES = Migration(
    "0008_user_roles",
    (
        """CREATE TABLE user_roles (
            user TEXT NOT NULL,
            role TEXT NOT NULL CHECK (role IN ('clinician', 'it_admin')),
            granted_at TEXT NOT NULL,
            granted_by TEXT NOT NULL,
            PRIMARY KEY (user, role)
        ) STRICT""",
    ),
)

# Audit heads anchored at the hub (desktop/store/hub_anchors.py): each receipt the hub
# signed, exactly as signed, append-only; ``AuditChain.verify`` checks the chain against
# every anchored entry. Depends on no other migration after 0001.
AUDIT_ANCHORS = Migration(
    "0009_audit_anchors",
    (
        """CREATE TABLE audit_hub_anchors (
            seq INTEGER PRIMARY KEY CHECK (seq >= 0),
            mac TEXT NOT NULL CHECK (length(mac) = 64),
            anchored_at TEXT NOT NULL,
            device_id TEXT NOT NULL,
            receipt TEXT NOT NULL,
            signature TEXT NOT NULL,
            received_at TEXT NOT NULL
        ) STRICT""",
        *_append_only("audit_hub_anchors"),
    ),
)

# The case list's filters (desktop/store/case_index.py): one row per case holding what the
# filters ask, kept by triggers from what is stored (case versions, reports, hub messages,
# the outbox), so no writer can forget it; the backfill covers stores made before this
# migration. It reads two versioned document formats: ``follow_ups[].date`` of
# painbridge.case/1 and ``alerts[].severity`` of painbridge.report/1, and the signed
# recommendation payload (``issued_at``, ``follow_up_days``). Depends on no migration
# after 0007.
_FOLLOW_UP_DATES = (
    "SELECT max(json_extract(j.value, '$.date')) FROM json_each({document}, '$.follow_ups') "
    "AS j WHERE j.type = 'object' AND json_type(j.value, '$.date') = 'text'"
)
_SERIOUS_ALERT = (
    "EXISTS (SELECT 1 FROM json_each({document}, '$.alerts') AS j WHERE j.type = 'object' "
    "AND json_extract(j.value, '$.severity') IN ('warning', 'contraindication'))"
)
_RECOMMENDATION_FLAGS = (
    "INSERT INTO case_list_flags (case_id, recommended_seq, recommended_on, follow_up_due_on) "
    "SELECT case_id, seq, issued, CASE WHEN days IS NOT NULL "
    "THEN date(issued, '+' || days || ' days') END FROM (SELECT {case_id} AS case_id, "
    "{seq} AS seq, coalesce(date(json_extract({payload}, '$.issued_at')), "
    "date({received_at})) AS issued, CASE WHEN json_type({payload}, '$.follow_up_days') "
    "= 'integer' THEN json_extract({payload}, '$.follow_up_days') END AS days {source}) "
    "WHERE true ON CONFLICT (case_id) DO UPDATE SET "
    "recommended_seq = excluded.recommended_seq, recommended_on = excluded.recommended_on, "
    "follow_up_due_on = excluded.follow_up_due_on "
    "WHERE excluded.recommended_seq > coalesce(case_list_flags.recommended_seq, 0)"
)
CASE_LIST_FILTERS = Migration(
    "0010_case_list_filters",
    (
        # updated_at: the case list's order (cases.updated_at); NULL while the case is
        # not on this computer (a recommendation for a case of another device).
        """CREATE TABLE case_list_flags (
            case_id TEXT PRIMARY KEY,
            updated_at TEXT,
            last_follow_up_on TEXT,
            sent INTEGER NOT NULL DEFAULT 0 CHECK (sent IN (0, 1)),
            alerting INTEGER NOT NULL DEFAULT 0 CHECK (alerting IN (0, 1)),
            alert_report_id INTEGER,
            recommended_seq INTEGER,
            recommended_on TEXT,
            follow_up_due_on TEXT
        ) STRICT, WITHOUT ROWID""",
        # One partial index per filter, in list order and covering what the filter reads:
        # a page is a walk down one of them, a count a scan of one.
        "CREATE INDEX case_list_flags_sent ON case_list_flags (updated_at, case_id) WHERE sent = 1",
        "CREATE INDEX case_list_flags_alerting ON case_list_flags (updated_at, case_id) "
        "WHERE alerting = 1",
        "CREATE INDEX case_list_flags_answered ON case_list_flags "
        "(updated_at, case_id, recommended_seq) WHERE recommended_seq IS NOT NULL",
        "CREATE INDEX case_list_flags_follow_up ON case_list_flags "
        "(updated_at, case_id, follow_up_due_on, last_follow_up_on, recommended_on) "
        "WHERE follow_up_due_on IS NOT NULL "
        "AND (last_follow_up_on IS NULL OR last_follow_up_on < recommended_on)",
        # The sync column reads the outbox rows of one page of cases.
        "CREATE INDEX outbox_by_case ON outbox (case_id, version)",
        "CREATE TRIGGER case_list_flags_on_version AFTER INSERT ON case_versions BEGIN "
        "INSERT INTO case_list_flags (case_id, updated_at, last_follow_up_on) "
        "VALUES (NEW.case_id, NEW.created_at, ("
        + _FOLLOW_UP_DATES.format(document="NEW.document")
        + ")) ON CONFLICT (case_id) DO UPDATE SET updated_at = excluded.updated_at, "
        "last_follow_up_on = excluded.last_follow_up_on; END",
        "CREATE TRIGGER case_list_flags_on_report AFTER INSERT ON reports BEGIN "
        "INSERT INTO case_list_flags (case_id, alerting, alert_report_id) VALUES (NEW.case_id, "
        + _SERIOUS_ALERT.format(document="NEW.document")
        + ", NEW.report_id) ON CONFLICT (case_id) DO UPDATE SET alerting = excluded.alerting, "
        "alert_report_id = excluded.alert_report_id "
        "WHERE excluded.alert_report_id > coalesce(case_list_flags.alert_report_id, 0); END",
        "CREATE TRIGGER case_list_flags_on_recommendation AFTER INSERT ON hub_messages "
        "WHEN NEW.kind = 'recommendation' AND NEW.case_id IS NOT NULL "
        "AND json_valid(NEW.payload) BEGIN "
        + _RECOMMENDATION_FLAGS.format(
            case_id="NEW.case_id",
            seq="NEW.seq",
            payload="NEW.payload",
            received_at="NEW.received_at",
            source="",
        )
        + "; END",
        "CREATE TRIGGER case_list_flags_on_sent AFTER UPDATE OF state ON outbox "
        "WHEN NEW.state = 'sent' BEGIN INSERT INTO case_list_flags (case_id, sent) "
        "VALUES (NEW.case_id, 1) ON CONFLICT (case_id) DO UPDATE SET sent = 1; END",
        # Backfill from what a store made before this migration holds.
        "INSERT INTO case_list_flags (case_id, updated_at, last_follow_up_on) "
        "SELECT c.case_id, c.updated_at, ("
        + _FOLLOW_UP_DATES.format(
            document="(SELECT v.document FROM case_versions AS v "
            "WHERE v.case_id = c.case_id AND v.version = c.latest_version)"
        )
        + ") FROM cases AS c",
        "UPDATE case_list_flags SET sent = 1 "
        "WHERE case_id IN (SELECT case_id FROM outbox WHERE state = 'sent')",
        "INSERT INTO case_list_flags (case_id, alerting, alert_report_id) SELECT r.case_id, "
        + _SERIOUS_ALERT.format(document="r.document")
        + ", r.report_id FROM reports AS r "
        "WHERE r.report_id IN (SELECT max(report_id) FROM reports GROUP BY case_id) "
        "ON CONFLICT (case_id) DO UPDATE SET alerting = excluded.alerting, "
        "alert_report_id = excluded.alert_report_id",
        _RECOMMENDATION_FLAGS.format(
            case_id="m.case_id",
            seq="m.seq",
            payload="m.payload",
            received_at="m.received_at",
            source="FROM hub_messages AS m WHERE m.seq IN (SELECT max(seq) FROM hub_messages "
            "WHERE kind = 'recommendation' AND case_id IS NOT NULL AND json_valid(payload) "
            "GROUP BY case_id)",
        ),
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
    USER_ROLES,
    AUDIT_ANCHORS,
    CASE_LIST_FILTERS,
)


def applied_migrations(database: Database) -> list[tuple[str, str]]:
    """(name, applied_at) of every applied migration, oldest first."""
    if MIGRATIONS_TABLE not in database.table_names():
        return []
    rows = database.execute(
        f"SELECT name, applied_at FROM {MIGRATIONS_TABLE} ORDER BY rowid"
    ).fetchall()
    return [(str(name), str(applied_at)) for name, applied_at in rows]


#: ``on_migrating(name)``: a pending migration is about to be applied.
MigrationStarted = Callable[[str], object]


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
    on_start: MigrationStarted | None = None,
    migrations: tuple[Migration, ...] = MIGRATIONS,
) -> list[str]:
    """Apply each pending migration in its own transaction; return the names applied.

    ``on_start(name)`` is called before each one (the sign-in screen says that the data
    is being updated: a backfill over 100,000 cases takes several seconds)."""
    applied: list[str] = []
    for migration in pending_migrations(database, migrations):
        if on_start is not None:
            on_start(migration.name)
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
