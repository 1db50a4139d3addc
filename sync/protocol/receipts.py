"""Per-case receipts: how far a case version has come on its way to an answer and back."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from pydantic import Field

from sync.protocol.uploads import CaseId
from sync.protocol.version import WireModel

ReceiptState = Literal[
    "queued", "uploaded", "received", "in_review", "answered", "delivered", "read"
]
#: Receipts only move forward along this order.
RECEIPT_ORDER: tuple[ReceiptState, ...] = (
    "queued",
    "uploaded",
    "received",
    "in_review",
    "answered",
    "delivered",
    "read",
)
#: The receipts a clinic reports to the hub; the hub sets the others.
CLINIC_ACKNOWLEDGEMENTS: tuple[ReceiptState, ...] = ("delivered", "read")


def later_receipt(current: ReceiptState | None, new: ReceiptState) -> ReceiptState:
    """The further of two receipt states (receipts never move backwards)."""
    if current is None:
        return new
    return max(current, new, key=RECEIPT_ORDER.index)


class ReceiptAck(WireModel):
    """The clinic got (``delivered``) or a clinician opened (``read``) the hub's answer."""

    case_id: CaseId
    change_seq: Annotated[int, Field(ge=1, le=2**62)]
    state: Literal["delivered", "read"]
    at: datetime


class ReceiptBatch(WireModel):
    """``POST /v1/receipts`` (signed by the device)."""

    acks: Annotated[list[ReceiptAck], Field(min_length=1, max_length=500)]


class ReceiptBatchResult(WireModel):
    accepted: int
