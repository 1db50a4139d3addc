"""Audit heads anchored at the hub: the hub's signed receipts, kept at the clinic.

On every sync the clinic sends the last entry of its audit chain (seq + MAC) to the hub,
with its own entry at the newest anchor it holds a receipt for as a checkpoint; the hub
answers with a receipt signed by its feed key (docs/protocol.md, "Audit anchors"). The
receipts are stored here exactly as signed (table ``audit_hub_anchors``, migration
``0009_audit_anchors``, append-only) after the sync client verified them.
``AuditChain.verify`` compares the chain with every anchored entry, which catches a chain
that was truncated or rewritten below the anchored point even when head, anchor file and
MACs were all made consistent by someone holding the data key.

Storing a receipt is not itself audited: an entry per sync would move the head each time
and the anchor would never catch up. Not thread-safe, like the CaseStore it comes from.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass

from desktop.store.database import Database

TABLE = "audit_hub_anchors"
#: the MAC sent for "no entry": the chain's genesis value (audit.GENESIS_MAC)
NO_ENTRY_MAC = "0" * 64


@dataclass(frozen=True)
class AuditPosition:
    """An entry of the chain: its sequence number and MAC (seq 0: the empty chain)."""

    seq: int
    mac: str


@dataclass(frozen=True)
class NewHubAnchor:
    seq: int
    mac: str
    anchored_at: str  # hub time, ISO 8601
    device_id: str
    receipt: str  # the receipt payload, canonical JSON exactly as signed
    signature: str


@dataclass(frozen=True)
class HubAnchor:
    seq: int
    mac: str
    anchored_at: str
    device_id: str
    received_at: str


def anchored_heads(database: Database) -> list[HubAnchor]:
    """Every anchor the hub confirmed, lowest seq first (none before migration 0009)."""
    if TABLE not in database.table_names():
        return []
    rows = database.execute(
        f"SELECT seq, mac, anchored_at, device_id, received_at FROM {TABLE} ORDER BY seq"
    ).fetchall()
    return [_anchor(row) for row in rows]


def _anchor(row: tuple[object, ...]) -> HubAnchor:
    return HubAnchor(int(str(row[0])), str(row[1]), str(row[2]), str(row[3]), str(row[4]))


def _latest(database: Database) -> HubAnchor | None:
    row = database.execute(
        f"SELECT seq, mac, anchored_at, device_id, received_at FROM {TABLE} "
        "ORDER BY seq DESC LIMIT 1"
    ).fetchone()
    return None if row is None else _anchor(row)


def _mac_at(database: Database, seq: int) -> str | None:
    value = database.scalar("SELECT mac FROM audit_log WHERE seq = ?", (seq,))
    return None if value is None else str(value)


class HubAnchorLedger:
    """The store's side of audit anchoring (``CaseStore.hub_anchors()``)."""

    def __init__(
        self,
        database: Database,
        *,
        boundary: Callable[[], AbstractContextManager[None]],
        now: Callable[[], str],
    ) -> None:
        self._database = database
        self._boundary = boundary
        self._now = now

    def claim(self) -> tuple[AuditPosition, AuditPosition | None]:
        """The chain's last entry, and this chain's entry at the newest receipt's seq
        (None before the first receipt). A missing entry has :data:`NO_ENTRY_MAC`."""
        with self._boundary():
            tail = self._database.execute(
                "SELECT seq, mac FROM audit_log ORDER BY seq DESC LIMIT 1"
            ).fetchone()
            head = (
                AuditPosition(0, NO_ENTRY_MAC)
                if tail is None
                else AuditPosition(int(tail[0]), str(tail[1]))
            )
            latest = _latest(self._database)
            if latest is None:
                return head, None
            mac = _mac_at(self._database, latest.seq) or NO_ENTRY_MAC
            return head, AuditPosition(latest.seq, mac)

    def mac_at(self, seq: int) -> str | None:
        """The MAC of entry ``seq`` of this chain (None: no such entry)."""
        with self._boundary():
            return _mac_at(self._database, seq)

    def record(self, anchor: NewHubAnchor) -> bool:
        """Keep a verified receipt; False when this seq was anchored before."""
        with self._boundary(), self._database.transaction():
            cursor = self._database.execute(
                f"INSERT INTO {TABLE} (seq, mac, anchored_at, device_id, receipt, signature, "
                "received_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (seq) DO NOTHING",
                (
                    anchor.seq,
                    anchor.mac,
                    anchor.anchored_at,
                    anchor.device_id,
                    anchor.receipt,
                    anchor.signature,
                    self._now(),
                ),
            )
            return bool(cursor.rowcount)

    def latest(self) -> HubAnchor | None:
        """The newest anchor the hub confirmed (None: never anchored)."""
        with self._boundary():
            return _latest(self._database)
