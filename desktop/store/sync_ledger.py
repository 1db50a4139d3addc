"""SyncLedger: the store's side of syncing with the hub (``CaseStore.sync_ledger()``).

Holds the device identity, hands out due outbox rows, records what the hub answered,
stores what the hub sent down, and keeps per-case receipts. Every method is one
transaction inside the store's error boundary; changes that matter for accountability
(enrollment, a quarantined item, a message received or read) are audited in the same
transaction. Not thread-safe, like the CaseStore it comes from.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass

from desktop.store.audit import AuditChain
from desktop.store.database import Database
from desktop.store.device_identity import DeviceKey
from desktop.store.hub_messages import (
    CaseReceipt,
    HubMessage,
    NewHubMessage,
    PendingAck,
    advance_receipt,
    count_unread,
    insert_message,
    pending_acks,
    read_message,
    read_messages,
    read_receipt,
    set_acks_reported,
    set_read,
)
from desktop.store.outbox_delivery import (
    OutgoingItem,
    QuarantinedItem,
    due_items,
    mark_attempted,
    mark_deferred,
    mark_quarantined,
    mark_sent,
    next_due_at,
    outbox_row,
    quarantined_items,
    requeue,
)

SYSTEM_ACTOR = "painbridge-sync"


@dataclass(frozen=True)
class StoredIdentity:
    """The enrolled device (everything but the private key, which stays in ``key``)."""

    hub_url: str
    device_id: str
    device_name: str
    clinic_id: str
    clinic_name: str
    hub_public_key: str
    tuf_roots: dict[str, str]
    enrolled_at: str
    changes_cursor: int
    last_success_at: str | None
    last_attempt_at: str | None
    last_error: str | None
    key: DeviceKey


@dataclass(frozen=True)
class Delivery:
    """What the hub said about one outbox row."""

    outbox_id: int
    outcome: str  # "sent" | "quarantined" | "deferred"
    reason: str = ""
    retry_at: str | None = None


class SyncLedger:
    def __init__(
        self,
        database: Database,
        audit: AuditChain,
        *,
        boundary: Callable[[], AbstractContextManager[None]],
        changing: Callable[[], AbstractContextManager[None]],
        now: Callable[[], str],
    ) -> None:
        self._database = database
        self._audit = audit
        self._boundary = boundary
        self._changing = changing
        self._now = now

    # --- identity -----------------------------------------------------------------------

    def identity(self) -> StoredIdentity | None:
        with self._boundary():
            row = self._database.execute(
                "SELECT hub_url, device_id, device_name, clinic_id, clinic_name, private_key, "
                "hub_public_key, tuf_roots, enrolled_at, changes_cursor, last_success_at, "
                "last_attempt_at, last_error FROM sync_identity WHERE id = 1"
            ).fetchone()
        if row is None:
            return None
        return StoredIdentity(
            hub_url=row[0],
            device_id=row[1],
            device_name=row[2],
            clinic_id=row[3],
            clinic_name=row[4],
            key=DeviceKey.from_raw(bytes(row[5]), row[1]),
            hub_public_key=row[6],
            tuf_roots=json.loads(row[7]),
            enrolled_at=row[8],
            changes_cursor=int(row[9]),
            last_success_at=row[10],
            last_attempt_at=row[11],
            last_error=row[12],
        )

    def save_identity(
        self,
        *,
        actor: str,
        hub_url: str,
        device_name: str,
        key: DeviceKey,
        device_id: str,
        clinic_id: str,
        clinic_name: str,
        hub_public_key: str,
        tuf_roots: Mapping[str, str],
    ) -> None:
        """Keep the enrolled identity (replacing an earlier one: re-enrollment)."""
        with self._changing():
            self._database.execute("DELETE FROM sync_identity")
            self._database.execute(
                "INSERT INTO sync_identity (id, hub_url, device_id, device_name, clinic_id, "
                "clinic_name, private_key, hub_public_key, tuf_roots, enrolled_at) "
                "VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    hub_url,
                    device_id,
                    device_name,
                    clinic_id,
                    clinic_name,
                    key.raw_private_bytes(),
                    hub_public_key,
                    json.dumps(dict(tuf_roots), sort_keys=True),
                    self._now(),
                ),
            )
            self._audit.append(
                actor=actor,
                action="sync.enrolled",
                object_type="device",
                object_id=device_id,
                detail={"hub_url": hub_url, "clinic_id": clinic_id},
            )

    def record_attempt(self, *, success: bool, error: str | None = None) -> None:
        with self._boundary(), self._database.transaction():
            now = self._now()
            if success:
                self._database.execute(
                    "UPDATE sync_identity SET last_attempt_at = ?, last_success_at = ?, "
                    "last_error = NULL WHERE id = 1",
                    (now, now),
                )
            else:
                self._database.execute(
                    "UPDATE sync_identity SET last_attempt_at = ?, last_error = ? WHERE id = 1",
                    (now, (error or "")[:500]),
                )

    # --- outbox -------------------------------------------------------------------------

    def due(self, limit: int) -> list[OutgoingItem]:
        with self._boundary():
            return due_items(self._database, now=self._now(), limit=limit)

    def next_due_at(self) -> str | None:
        with self._boundary():
            return next_due_at(self._database)

    def mark_attempted(self, items: Sequence[OutgoingItem]) -> None:
        """Before sending: count the attempt; the receipt says ``uploaded``."""
        with self._boundary(), self._database.transaction():
            mark_attempted(self._database, [item.outbox_id for item in items])
            now = self._now()
            for item in items:
                advance_receipt(self._database, item.case_id, item.version, "uploaded", now)

    def record_deliveries(self, deliveries: Sequence[Delivery]) -> None:
        """After the hub answered: sent, quarantined (audited) or deferred, one transaction."""
        with self._changing():
            now = self._now()
            for delivery in deliveries:
                where = outbox_row(self._database, delivery.outbox_id)
                if where is None:
                    continue
                case_id, version = where
                if delivery.outcome == "sent":
                    if mark_sent(self._database, delivery.outbox_id, sent_at=now):
                        advance_receipt(self._database, case_id, version, "received", now)
                elif delivery.outcome == "quarantined":
                    if mark_quarantined(self._database, delivery.outbox_id, delivery.reason):
                        self._audit.append(
                            actor=SYSTEM_ACTOR,
                            action="sync.quarantined",
                            object_type="case",
                            object_id=case_id,
                            detail={"version": version, "reason": delivery.reason[:200]},
                        )
                else:
                    mark_deferred(
                        self._database,
                        delivery.outbox_id,
                        until=delivery.retry_at or now,
                        reason=delivery.reason,
                    )

    def quarantined(self, limit: int = 100) -> list[QuarantinedItem]:
        with self._boundary():
            return quarantined_items(self._database, limit)

    def requeue(self, outbox_id: int, *, actor: str) -> bool:
        with self._changing():
            done = requeue(self._database, outbox_id)
            if done:
                self._audit.append(
                    actor=actor,
                    action="sync.requeued",
                    object_type="outbox",
                    object_id=str(outbox_id),
                    detail={},
                )
            return done

    # --- what the hub sent down ---------------------------------------------------------

    def store_messages(
        self,
        messages: Sequence[NewHubMessage],
        *,
        cursor: int,
        receipts: Sequence[tuple[str, int, str]],
    ) -> int:
        """Store verified messages, move receipts and the cursor: one transaction."""
        stored = 0
        with self._changing():
            now = self._now()
            for message in messages:
                if insert_message(self._database, message, now):
                    stored += 1
                    if message.kind != "receipt":
                        self._audit.append(
                            actor=SYSTEM_ACTOR,
                            action="hub.message_received",
                            object_type="case" if message.case_id else "hub",
                            object_id=message.case_id or str(message.seq),
                            detail={"seq": message.seq, "kind": message.kind},
                        )
            for case_id, version, state in receipts:
                advance_receipt(self._database, case_id, version, state, now)
            self._database.execute(
                "UPDATE sync_identity SET changes_cursor = max(changes_cursor, ?) WHERE id = 1",
                (cursor,),
            )
        return stored

    def messages(
        self, *, case_id: str | None = None, unread_only: bool = False, limit: int = 100
    ) -> list[HubMessage]:
        with self._boundary():
            return read_messages(
                self._database, case_id=case_id, unread_only=unread_only, limit=limit
            )

    def message(self, seq: int) -> HubMessage | None:
        with self._boundary():
            return read_message(self._database, seq)

    def unread_count(self) -> int:
        with self._boundary():
            return count_unread(self._database)

    def mark_read(self, seq: int, *, actor: str) -> bool:
        """A clinician opened the message: recorded, audited, receipt ``read``."""
        with self._changing():
            message = read_message(self._database, seq)
            if message is None or not set_read(self._database, seq, at=self._now(), actor=actor):
                return False
            if message.kind == "recommendation" and message.case_id is not None:
                advance_receipt(
                    self._database,
                    message.case_id,
                    message.case_version or 1,
                    "read",
                    self._now(),
                )
            self._audit.append(
                actor=actor,
                action="hub.message_read",
                object_type="case" if message.case_id else "hub",
                object_id=message.case_id or str(seq),
                detail={"seq": seq, "kind": message.kind},
            )
            return True

    def pending_acks(self, limit: int = 500) -> list[PendingAck]:
        with self._boundary():
            return pending_acks(self._database, limit)

    def acks_reported(self, acks: Sequence[PendingAck]) -> None:
        with self._boundary(), self._database.transaction():
            set_acks_reported(self._database, list(acks))

    def receipt(self, case_id: str) -> CaseReceipt | None:
        """The case's receipt; a newer version waiting in the outbox shows as queued."""
        with self._boundary():
            recorded = read_receipt(self._database, case_id)
            waiting = self._database.execute(
                "SELECT version, attempts FROM outbox WHERE case_id = ? AND state = 'pending' "
                "ORDER BY version DESC LIMIT 1",
                (case_id,),
            ).fetchone()
        if waiting is not None and (recorded is None or int(waiting[0]) > recorded.version):
            state = "uploaded" if int(waiting[1]) > 0 else "queued"
            return CaseReceipt(
                case_id, int(waiting[0]), state, recorded.updated_at if recorded else ""
            )
        return recorded
