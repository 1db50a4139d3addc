"""Audit anchors: on every sync the clinic hands the head of its audit chain to the hub.

The hub keeps every anchor per device (append-only) and refuses one that goes backwards:
a lower sequence number than the last anchored one (``audit_rollback``), or the same
number with another MAC, or a chain whose entry at the last anchored number is no longer
the anchored one (``audit_rewritten``). Each refusal is an audit alarm on the hub's
dashboard. An accepted anchor comes back as a receipt signed with the hub's feed key,
which the clinic keeps: ``painbridge audit verify`` then knows how far the hub vouches for
the chain (docs/protocol.md, "Audit anchors").
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import AwareDatetime, Field

from sync.protocol.version import PROTOCOL, WireModel

#: HMAC-SHA256 of an audit entry, lower-case hex (the chain's ``mac`` column).
AuditMac = Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")]
AuditSeq = Annotated[int, Field(ge=0, le=2**62)]
DeviceIdText = Annotated[str, Field(min_length=1, max_length=32, pattern=r"^[0-9a-f]+$")]
#: ``mac`` of "no entry": the chain's genesis value (seq 0), also sent for a missing entry.
GENESIS_AUDIT_MAC = "0" * 64

AnchorOutcome = Literal["anchored", "unchanged", "checkpoint_required"]


class AuditHead(WireModel):
    """One entry of the clinic's audit chain, named by its sequence number and MAC."""

    seq: AuditSeq
    mac: AuditMac


class AuditAnchorIn(WireModel):
    """``POST /v1/audit-anchors`` (signed by the device).

    ``head`` is the last entry of the clinic's chain. ``checkpoint`` is the clinic's own
    entry at the sequence number of the newest anchor the hub has confirmed (None before
    the first): the hub accepts a longer chain only if it still holds the anchored entry.
    ``device_id`` must be the device that signs the request.
    """

    protocol: Literal["painbridge.sync/1"] = PROTOCOL
    device_id: DeviceIdText
    head: AuditHead
    checkpoint: AuditHead | None = None
    at: AwareDatetime  # the clinic's clock when it read the head


class AnchorReceiptPayload(WireModel):
    """What the hub signs: this device's chain had entry ``seq`` with ``mac`` at
    ``anchored_at`` (hub time of the first time this head was anchored)."""

    kind: Literal["audit_anchor"] = "audit_anchor"
    clinic_id: str
    device_id: str
    seq: AuditSeq
    mac: AuditMac
    anchored_at: datetime


class AnchorReceipt(WireModel):
    """The signed receipt: ``signature`` is base64url Ed25519 (the hub's feed key) over
    the canonical JSON of ``payload``, kept as received so it can be checked later."""

    payload: dict[str, Any]
    signature: str


class AuditAnchorResult(WireModel):
    """The hub's answer.

    ``anchored``: a new anchor was stored. ``unchanged``: this head was anchored before
    (the receipt is the one given then). ``checkpoint_required``: the chain grew, but the
    request's checkpoint is not at ``anchored_seq`` (the hub's newest anchor, e.g. after a
    lost answer); send again with the checkpoint at that sequence number.
    """

    outcome: AnchorOutcome
    anchored_seq: AuditSeq | None = None
    receipt: AnchorReceipt | None = None
    hub_time: datetime


class AuditAlarm(WireModel):
    """A refused anchor, for the hub dashboard: the device's chain went backwards.

    Repeated refusals against the same anchored entry count as one alarm (``repeats``).
    """

    clinic_id: str
    clinic_name: str
    device_id: str
    code: Literal["audit_rollback", "audit_rewritten"]
    message: str
    anchored_seq: int
    claimed_seq: int
    first_at: datetime
    last_at: datetime
    repeats: int
