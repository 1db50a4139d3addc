"""Delivering the outbox: which rows are due, and what became of each attempt.

A pending row has a stable ``idempotency_key`` (given at insert, migration ``0007_sync``),
so every retry of it is recognised by the hub. A row moves to ``sent`` when the hub
confirmed it, to ``quarantined`` (with the reason in ``last_error``) when the hub refused
it permanently or it may not leave the clinic; a temporary failure leaves it pending with
``next_attempt_at`` set by the caller's backoff.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from desktop.store.database import Database

MAXIMUM_REASON_CHARACTERS = 500


@dataclass(frozen=True)
class OutgoingItem:
    """A pending outbox row with the case version it announces (document WITH PHI:
    the caller pseudonymizes before anything leaves the clinic)."""

    outbox_id: int
    idempotency_key: str
    case_id: str
    version: int
    created_at: str
    attempts: int
    document: dict[str, Any]


@dataclass(frozen=True)
class QuarantinedItem:
    outbox_id: int
    case_id: str
    version: int
    reason: str
    attempts: int


def due_items(database: Database, *, now: str, limit: int) -> list[OutgoingItem]:
    """Pending rows due now (never tried, or their retry time has come), oldest first."""
    rows = database.execute(
        "SELECT o.id, o.idempotency_key, o.case_id, o.version, o.created_at, o.attempts, "
        "v.document FROM outbox AS o JOIN case_versions AS v "
        "ON v.case_id = o.case_id AND v.version = o.version "
        "WHERE o.state = 'pending' AND (o.next_attempt_at IS NULL OR o.next_attempt_at <= ?) "
        "ORDER BY o.id LIMIT ?",
        (now, limit),
    ).fetchall()
    return [
        OutgoingItem(
            outbox_id=int(row[0]),
            idempotency_key=str(row[1]),
            case_id=str(row[2]),
            version=int(row[3]),
            created_at=str(row[4]),
            attempts=int(row[5]),
            document=json.loads(row[6]),
        )
        for row in rows
    ]


def next_due_at(database: Database) -> str | None:
    """When the earliest deferred pending row becomes due (None: none deferred)."""
    value = database.scalar(
        "SELECT min(next_attempt_at) FROM outbox WHERE state = 'pending' "
        "AND next_attempt_at IS NOT NULL"
    )
    return None if value is None else str(value)


def mark_attempted(database: Database, outbox_ids: Sequence[int]) -> None:
    """Count one more sending attempt of these rows (written before the request)."""
    database.executemany(
        "UPDATE outbox SET attempts = attempts + 1 WHERE id = ? AND state = 'pending'",
        [(outbox_id,) for outbox_id in outbox_ids],
    )


def mark_sent(database: Database, outbox_id: int, *, sent_at: str) -> bool:
    """The hub confirmed this row; False when it was not pending (already handled)."""
    cursor = database.execute(
        "UPDATE outbox SET state = 'sent', sent_at = ?, last_error = NULL, "
        "next_attempt_at = NULL WHERE id = ? AND state = 'pending'",
        (sent_at, outbox_id),
    )
    return bool(cursor.rowcount)


def mark_quarantined(database: Database, outbox_id: int, reason: str) -> bool:
    cursor = database.execute(
        "UPDATE outbox SET state = 'quarantined', last_error = ?, next_attempt_at = NULL "
        "WHERE id = ? AND state = 'pending'",
        (reason[:MAXIMUM_REASON_CHARACTERS], outbox_id),
    )
    return bool(cursor.rowcount)


def mark_deferred(database: Database, outbox_id: int, *, until: str, reason: str) -> None:
    database.execute(
        "UPDATE outbox SET next_attempt_at = ?, last_error = ? WHERE id = ? AND state = 'pending'",
        (until, reason[:MAXIMUM_REASON_CHARACTERS], outbox_id),
    )


def requeue(database: Database, outbox_id: int) -> bool:
    """Put a quarantined row back in the queue (after the cause was fixed)."""
    cursor = database.execute(
        "UPDATE outbox SET state = 'pending', next_attempt_at = NULL "
        "WHERE id = ? AND state = 'quarantined'",
        (outbox_id,),
    )
    return bool(cursor.rowcount)


def quarantined_items(database: Database, limit: int) -> list[QuarantinedItem]:
    rows = database.execute(
        "SELECT id, case_id, version, last_error, attempts FROM outbox "
        "WHERE state = 'quarantined' ORDER BY id LIMIT ?",
        (limit,),
    ).fetchall()
    return [
        QuarantinedItem(int(r[0]), str(r[1]), int(r[2]), str(r[3] or ""), int(r[4])) for r in rows
    ]


def outbox_row(database: Database, outbox_id: int) -> tuple[str, int] | None:
    row = database.execute(
        "SELECT case_id, version FROM outbox WHERE id = ?", (outbox_id,)
    ).fetchone()
    return None if row is None else (str(row[0]), int(row[1]))
