"""The outbox: what waits to be sent to the hub, written with the change it announces.

A row is inserted in the same transaction as the case version it announces, so a saved
version is always either announced or deliberately not (``announce=False``), never lost
between the two. Sending (sync.client) moves rows to ``sent`` or ``quarantined``.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Any

from desktop.store.database import Database

CASE_VERSION_KIND = "case_version"
#: The clinician pressed "Send to hub": the version is sent (again, under this row's own
#: Idempotency-Key) with its report's referral, which the hub stores as an update.
REFERRAL_KIND = "referral"


class OutboxState(Enum):
    PENDING = "pending"
    SENT = "sent"
    QUARANTINED = "quarantined"


@dataclass(frozen=True)
class OutboxItem:
    id: int
    case_id: str
    version: int
    kind: str
    created_at: str
    state: OutboxState
    attempts: int
    last_error: str | None


def enqueue(database: Database, *, case_id: str, version: int, kind: str, created_at: str) -> int:
    """Insert a pending row (inside the caller's transaction); return its id."""
    rows = database.query(
        "INSERT INTO outbox (case_id, version, kind, created_at) VALUES (?, ?, ?, ?) RETURNING id",
        (case_id, version, kind, created_at),
    )
    return int(rows[0]["id"])


def pending_items(database: Database, limit: int) -> list[OutboxItem]:
    """Oldest pending rows first."""
    if limit < 1:
        raise ValueError("limit must be at least 1")
    rows = database.execute(
        "SELECT id, case_id, version, kind, created_at, state, attempts, last_error "
        "FROM outbox WHERE state = 'pending' ORDER BY id LIMIT ?",
        (limit,),
    ).fetchall()
    return [_item(row) for row in rows]


def _item(row: Any) -> OutboxItem:
    return OutboxItem(
        id=int(row[0]),
        case_id=row[1],
        version=int(row[2]),
        kind=row[3],
        created_at=row[4],
        state=OutboxState(row[5]),
        attempts=int(row[6]),
        last_error=row[7],
    )


def newest_pending(
    database: Database, *, case_id: str, kind: str, version: int | None = None
) -> OutboxItem | None:
    """The case's newest pending row of this kind (of this version, if given)."""
    row = database.execute(
        "SELECT id, case_id, version, kind, created_at, state, attempts, last_error "
        "FROM outbox WHERE case_id = ? AND kind = ? AND state = 'pending' "
        "AND (? IS NULL OR version = ?) ORDER BY id DESC LIMIT 1",
        (case_id, kind, version, version),
    ).fetchone()
    return None if row is None else _item(row)


def count_by_state(database: Database) -> dict[OutboxState, int]:
    counts = dict.fromkeys(OutboxState, 0)
    for state, count in database.execute("SELECT state, count(*) FROM outbox GROUP BY state"):
        counts[OutboxState(state)] = int(count)
    return counts
