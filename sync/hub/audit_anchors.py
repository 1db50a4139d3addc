"""Anchoring each clinic device's audit head (docs/protocol.md, "Audit anchors").

Per device the anchors only move forward. Against the newest anchor ``A`` (seq, mac) a
new head is:

- lower than ``A.seq``: refused, ``audit_rollback`` (entries were removed, or an older
  copy of the clinic's database was restored);
- equal to ``A.seq``: ``unchanged`` with the same MAC, else refused, ``audit_rewritten``;
- higher: accepted only if the request's checkpoint is the clinic's entry at ``A.seq``
  and has ``A.mac`` (refused, ``audit_rewritten``, when it differs); a checkpoint at any
  other seq is answered ``checkpoint_required`` so the clinic can send the right one.

A refusal is recorded as an audit alarm (same transaction, committed) before the error is
raised. Concurrent anchors of one device serialize on the device's row.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, insert, select, update

from sync.hub.context import Hub
from sync.hub.errors import Forbidden, HubError
from sync.hub.request_auth import DeviceIdentity
from sync.hub.schema import audit_alarms, audit_anchors, clinics, devices
from sync.protocol import (
    AnchorOutcome,
    AnchorReceipt,
    AnchorReceiptPayload,
    AuditAlarm,
    AuditAnchorIn,
    AuditAnchorResult,
    ErrorCode,
    canonical_json,
)


class AuditAnchorRefused(HubError):
    """The device's audit chain went backwards (an audit alarm was recorded)."""

    status = 409

    def __init__(self, message: str, *, code: ErrorCode) -> None:
        super().__init__(message)
        self.code = code


@dataclass(frozen=True)
class _Refusal:
    code: ErrorCode
    message: str


def anchor_audit_head(
    hub: Hub, device: DeviceIdentity, request: AuditAnchorIn
) -> AuditAnchorResult:
    """Store the device's new audit head, or say why not (see the module docstring)."""
    if request.device_id != device.device_id:
        raise Forbidden("device_id is not the device that signed this request")
    now = hub.now()
    with hub.database.transaction() as connection:
        _lock_device(connection, device.device_id)
        last = _latest(connection, device.device_id)
        verdict = _judge(last, request)
        if isinstance(verdict, _Refusal):
            _record_alarm(connection, device, last, request, verdict, now)
        elif verdict == "anchored":
            connection.execute(
                insert(audit_anchors).values(
                    device_id=device.device_id,
                    clinic_id=device.clinic_id,
                    seq=request.head.seq,
                    mac=request.head.mac,
                    clinic_at=request.at,
                    anchored_at=now,
                )
            )
            last = _latest(connection, device.device_id)
    if isinstance(verdict, _Refusal):
        raise AuditAnchorRefused(verdict.message, code=verdict.code)
    if verdict == "checkpoint_required":
        return AuditAnchorResult(
            outcome=verdict, anchored_seq=int(last.seq), receipt=None, hub_time=now
        )
    return AuditAnchorResult(
        outcome=verdict,
        anchored_seq=int(last.seq),
        receipt=_receipt(hub, device, last),
        hub_time=now,
    )


def _lock_device(connection: Connection, device_id: str) -> None:
    """Serialize anchors of one device (FOR UPDATE on PostgreSQL; SQLite has one writer)."""
    connection.execute(
        select(devices.c.device_id).where(devices.c.device_id == device_id).with_for_update()
    )


def _latest(connection: Connection, device_id: str) -> Any:
    return connection.execute(
        select(audit_anchors.c.seq, audit_anchors.c.mac, audit_anchors.c.anchored_at)
        .where(audit_anchors.c.device_id == device_id)
        .order_by(audit_anchors.c.seq.desc())
        .limit(1)
    ).first()


def _judge(last: Any, request: AuditAnchorIn) -> AnchorOutcome | _Refusal:
    if last is None:
        return "anchored"
    head, checkpoint = request.head, request.checkpoint
    anchored = f"entry {last.seq}, anchored {last.anchored_at:%Y-%m-%d %H:%M} UTC"
    if head.seq < last.seq:
        return _Refusal(
            "audit_rollback",
            f"the audit log of device {request.device_id} went back to entry {head.seq} "
            f"from {anchored}: entries were removed or an older copy of the clinic's "
            "database was restored",
        )
    if head.seq == last.seq:
        if head.mac == last.mac:
            return "unchanged"
        return _Refusal(
            "audit_rewritten",
            f"the audit log of device {request.device_id} now has another {anchored}: "
            "the log was rewritten",
        )
    if checkpoint is None or checkpoint.seq != last.seq:
        return "checkpoint_required"
    if checkpoint.mac != last.mac:
        return _Refusal(
            "audit_rewritten",
            f"the audit log of device {request.device_id} no longer holds {anchored}: "
            "the log was rewritten below the anchored point",
        )
    return "anchored"


def _record_alarm(
    connection: Connection,
    device: DeviceIdentity,
    last: Any,
    request: AuditAnchorIn,
    refusal: _Refusal,
    now: datetime,
) -> None:
    """One alarm per device, code and anchored entry; a repeat updates it."""
    incident = (
        audit_alarms.c.device_id == device.device_id,
        audit_alarms.c.code == refusal.code,
        audit_alarms.c.anchored_seq == int(last.seq),
    )
    claimed = {
        "message": refusal.message,
        "claimed_seq": request.head.seq,
        "claimed_mac": request.head.mac,
        "last_at": now,
    }
    updated = connection.execute(
        update(audit_alarms).where(*incident).values(repeats=audit_alarms.c.repeats + 1, **claimed)
    )
    if updated.rowcount == 0:
        connection.execute(
            insert(audit_alarms).values(
                device_id=device.device_id,
                clinic_id=device.clinic_id,
                code=refusal.code,
                anchored_seq=int(last.seq),
                first_at=now,
                repeats=1,
                **claimed,
            )
        )


def _receipt(hub: Hub, device: DeviceIdentity, anchor: Any) -> AnchorReceipt:
    payload = AnchorReceiptPayload(
        clinic_id=device.clinic_id,
        device_id=device.device_id,
        seq=int(anchor.seq),
        mac=anchor.mac,
        anchored_at=anchor.anchored_at,
    ).model_dump(mode="json")
    return AnchorReceipt(payload=payload, signature=hub.keys.feed.sign(canonical_json(payload)))


def list_alarms(connection: Connection) -> list[AuditAlarm]:
    """Every audit alarm, most recent first (for the dashboard)."""
    rows = connection.execute(
        select(audit_alarms, clinics.c.name.label("clinic_name"))
        .join(clinics, clinics.c.clinic_id == audit_alarms.c.clinic_id)
        .order_by(audit_alarms.c.last_at.desc(), audit_alarms.c.id.desc())
    ).all()
    return [
        AuditAlarm(
            clinic_id=row.clinic_id,
            clinic_name=row.clinic_name,
            device_id=row.device_id,
            code=row.code,
            message=row.message,
            anchored_seq=int(row.anchored_seq),
            claimed_seq=int(row.claimed_seq),
            first_at=row.first_at,
            last_at=row.last_at,
            repeats=int(row.repeats),
        )
        for row in rows
    ]
