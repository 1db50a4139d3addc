"""What the hub sent down (recommendations, information requests, visits, model
releases, receipts) and each case's receipt, as stored at the clinic.

A message is stored exactly as the hub signed it (payload text and signature), after the
sync client verified the signature; its ``seq`` is the hub's change number, so storing a
page twice stores each message once. Receipts only move forward (queued -> uploaded ->
received -> in_review -> answered -> delivered -> read).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from desktop.store.database import Database

RECEIPT_ORDER = ("queued", "uploaded", "received", "in_review", "answered", "delivered", "read")


@dataclass(frozen=True)
class NewHubMessage:
    seq: int
    kind: str
    case_id: str | None
    case_version: int | None
    payload_text: str  # canonical JSON exactly as signed
    signature: str


@dataclass(frozen=True)
class HubMessage:
    seq: int
    kind: str
    case_id: str | None
    case_version: int | None
    payload: dict[str, Any]
    signature: str
    received_at: str
    read_at: str | None
    read_by: str | None


@dataclass(frozen=True)
class CaseReceipt:
    case_id: str
    version: int
    state: str
    updated_at: str


@dataclass(frozen=True)
class PendingAck:
    seq: int
    case_id: str
    state: str  # "delivered" | "read"
    at: str


_COLUMNS = "seq, kind, case_id, case_version, payload, signature, received_at, read_at, read_by"


def insert_message(database: Database, message: NewHubMessage, received_at: str) -> bool:
    """Store one message; False when this seq was stored before."""
    cursor = database.execute(
        "INSERT INTO hub_messages (seq, kind, case_id, case_version, payload, signature, "
        "received_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (seq) DO NOTHING",
        (
            message.seq,
            message.kind,
            message.case_id,
            message.case_version,
            message.payload_text,
            message.signature,
            received_at,
        ),
    )
    return bool(cursor.rowcount)


def _message(row: tuple[Any, ...]) -> HubMessage:
    return HubMessage(
        seq=int(row[0]),
        kind=str(row[1]),
        case_id=row[2],
        case_version=None if row[3] is None else int(row[3]),
        payload=json.loads(row[4]),
        signature=str(row[5]),
        received_at=str(row[6]),
        read_at=row[7],
        read_by=row[8],
    )


def read_messages(
    database: Database, *, case_id: str | None, unread_only: bool, limit: int
) -> list[HubMessage]:
    """Newest first; receipts (bookkeeping) are not listed."""
    conditions = ["kind != 'receipt'"]
    parameters: list[Any] = []
    if case_id is not None:
        conditions.append("case_id = ?")
        parameters.append(case_id)
    if unread_only:
        conditions.append("read_at IS NULL")
    rows = database.execute(
        f"SELECT {_COLUMNS} FROM hub_messages WHERE {' AND '.join(conditions)} "
        "ORDER BY seq DESC LIMIT ?",
        (*parameters, limit),
    ).fetchall()
    return [_message(row) for row in rows]


def read_message(database: Database, seq: int) -> HubMessage | None:
    row = database.execute(f"SELECT {_COLUMNS} FROM hub_messages WHERE seq = ?", (seq,)).fetchone()
    return None if row is None else _message(row)


def count_unread(database: Database) -> int:
    return int(
        database.scalar(
            "SELECT count(*) FROM hub_messages WHERE read_at IS NULL AND kind != 'receipt'"
        )
    )


def set_read(database: Database, seq: int, *, at: str, actor: str) -> bool:
    cursor = database.execute(
        "UPDATE hub_messages SET read_at = ?, read_by = ? WHERE seq = ? AND read_at IS NULL",
        (at, actor, seq),
    )
    return bool(cursor.rowcount)


def pending_acks(database: Database, limit: int) -> list[PendingAck]:
    """Delivered/read acknowledgements of recommendations not yet reported to the hub."""
    rows = database.execute(
        "SELECT seq, case_id, received_at, read_at, delivered_reported, read_reported "
        "FROM hub_messages WHERE kind = 'recommendation' AND (delivered_reported = 0 "
        "OR (read_at IS NOT NULL AND read_reported = 0)) ORDER BY seq LIMIT ?",
        (limit,),
    ).fetchall()
    acks: list[PendingAck] = []
    for seq, case_id, received_at, read_at, delivered, read in rows:
        if not delivered:
            acks.append(PendingAck(int(seq), str(case_id), "delivered", str(received_at)))
        if read_at is not None and not read:
            acks.append(PendingAck(int(seq), str(case_id), "read", str(read_at)))
    return acks


def set_acks_reported(database: Database, acks: list[PendingAck]) -> None:
    for ack in acks:
        column = "delivered_reported" if ack.state == "delivered" else "read_reported"
        database.execute(f"UPDATE hub_messages SET {column} = 1 WHERE seq = ?", (ack.seq,))


def advance_receipt(
    database: Database, case_id: str, version: int, state: str, updated_at: str
) -> None:
    """Move the case's receipt forward to ``state`` (never backwards; a newer version
    restarts it)."""
    if state not in RECEIPT_ORDER:
        raise ValueError(f"unknown receipt state {state!r}")
    row = database.execute(
        "SELECT version, state FROM case_receipts WHERE case_id = ?", (case_id,)
    ).fetchone()
    if row is not None:
        current_version, current_state = int(row[0]), str(row[1])
        if version < current_version:
            return
        if version == current_version and RECEIPT_ORDER.index(state) <= RECEIPT_ORDER.index(
            current_state
        ):
            return
    database.execute(
        "INSERT INTO case_receipts (case_id, version, state, updated_at) VALUES (?, ?, ?, ?) "
        "ON CONFLICT (case_id) DO UPDATE SET version = excluded.version, "
        "state = excluded.state, updated_at = excluded.updated_at",
        (case_id, version, state, updated_at),
    )


def read_receipt(database: Database, case_id: str) -> CaseReceipt | None:
    row = database.execute(
        "SELECT case_id, version, state, updated_at FROM case_receipts WHERE case_id = ?",
        (case_id,),
    ).fetchone()
    return None if row is None else CaseReceipt(str(row[0]), int(row[1]), str(row[2]), str(row[3]))
