"""Anchoring the clinic's audit head at the hub (one step of every sync round).

The clinic sends the last entry of its audit chain and, as a checkpoint, its own entry at
the newest anchor it holds a receipt for. When the hub's newest anchor is another one
(an answer was lost, or the database was restored from a backup) the hub says which, and
the clinic sends its entry at that sequence number instead. The receipt that comes back
must verify with the hub key pinned at enrollment and name exactly the head that was sent;
only then is it stored (:class:`AnchorPort`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from cryptography.exceptions import InvalidSignature
from pydantic import ValidationError

from desktop.domain.errors import UserFacingError
from sync.client.changes import hub_key
from sync.client.hub_client import HubClient
from sync.client.ports import AnchorPort, VerifiedAnchor
from sync.protocol import (
    GENESIS_AUDIT_MAC,
    AnchorOutcome,
    AnchorReceipt,
    AnchorReceiptPayload,
    AuditAnchorIn,
    AuditAnchorResult,
    AuditHead,
    b64decode,
    canonical_json,
)

Clock = Callable[[], datetime]


class AnchorRejected(UserFacingError):
    """The hub's answer to an audit anchor did not hold up; nothing was stored."""

    def __init__(self, reason: str) -> None:
        self.reason = reason
        super().__init__(
            f"The hub's receipt for this computer's audit log was refused: {reason}. "
            "Nothing was stored; tell IT."
        )


@dataclass(frozen=True)
class AnchorReport:
    outcome: AnchorOutcome  # "anchored" or "unchanged"
    seq: int
    anchored_at: datetime


def anchor_audit_head(
    client: HubClient,
    port: AnchorPort,
    *,
    device_id: str,
    clinic_id: str,
    hub_public_key: str,
    clock: Clock,
) -> AnchorReport:
    """Send the audit head, store the verified receipt; raises HubRefused (audit_rollback,
    audit_rewritten), HubUnreachable or AnchorRejected."""
    claim = port.claim()
    request = AuditAnchorIn(
        device_id=device_id, head=claim.head, checkpoint=claim.checkpoint, at=clock()
    )
    result = client.anchor_audit(request)
    if result.outcome == "checkpoint_required":
        request = request.model_copy(update={"checkpoint": _checkpoint(port, result)})
        result = client.anchor_audit(request)
        if result.outcome == "checkpoint_required":
            raise AnchorRejected("the hub asked for a checkpoint twice")
    if result.receipt is None:
        raise AnchorRejected("the answer holds no receipt")
    verified = verify_receipt(
        result.receipt,
        hub_public_key=hub_public_key,
        device_id=device_id,
        clinic_id=clinic_id,
        head=claim.head,
    )
    port.record(verified)
    return AnchorReport(result.outcome, verified.seq, verified.anchored_at)


def _checkpoint(port: AnchorPort, result: AuditAnchorResult) -> AuditHead:
    if result.anchored_seq is None:
        raise AnchorRejected("the hub asked for a checkpoint without naming its entry")
    seq = result.anchored_seq
    # An entry this chain does not have is sent as the genesis value: the hub then sees
    # that the anchored entry is gone (unless seq is 0, where that is the right value).
    mac = port.mac_at(seq) if seq > 0 else GENESIS_AUDIT_MAC
    return AuditHead(seq=seq, mac=mac or GENESIS_AUDIT_MAC)


def verify_receipt(
    receipt: AnchorReceipt,
    *,
    hub_public_key: str,
    device_id: str,
    clinic_id: str,
    head: AuditHead,
) -> VerifiedAnchor:
    """The receipt, if the hub signed it and it names this device and exactly ``head``."""
    text = canonical_json(receipt.payload)
    try:
        hub_key(hub_public_key).verify(b64decode(receipt.signature), text)
    except (InvalidSignature, ValueError):
        raise AnchorRejected("its hub signature does not verify") from None
    try:
        payload = AnchorReceiptPayload.model_validate(receipt.payload)
    except ValidationError:
        raise AnchorRejected("it does not follow the protocol") from None
    if (payload.device_id, payload.clinic_id) != (device_id, clinic_id):
        raise AnchorRejected("it names another device")
    if (payload.seq, payload.mac) != (head.seq, head.mac):
        raise AnchorRejected(f"it names entry {payload.seq}, not the head that was sent")
    return VerifiedAnchor(
        seq=payload.seq,
        mac=payload.mac,
        anchored_at=payload.anchored_at,
        device_id=payload.device_id,
        payload_text=text.decode("utf-8"),
        signature=receipt.signature,
    )
