"""What the sync client needs from the clinic's store, as small interfaces (ports).

desktop/services implements them over the store (through its SyncLedger); tests may
implement them in memory. Documents handed to the client still hold the patient's name:
the client pseudonymizes (sync.protocol.pseudonymize) before anything is sent.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal, Protocol

from sync.protocol import AuditHead, ModelSummary, ReceiptAck, ReferralSummary


@dataclass(frozen=True)
class PendingUpload:
    outbox_id: int
    idempotency_key: str
    case_id: str
    version: int
    saved_at: datetime
    attempts: int
    document: dict[str, Any]
    model: ModelSummary | None = None
    referral: ReferralSummary | None = None


@dataclass(frozen=True)
class DeliveryOutcome:
    outbox_id: int
    outcome: Literal["sent", "quarantined", "deferred"]
    reason: str = ""
    retry_at: datetime | None = None


@dataclass(frozen=True)
class ReceivedChange:
    """A change whose hub signature held."""

    seq: int
    kind: str
    case_id: str | None
    case_version: int | None
    payload_text: str
    signature: str
    receipt: str | None  # the receipt state this change moves its case to


@dataclass(frozen=True)
class AuditClaim:
    """The clinic's audit head, and its own entry at the newest anchor it holds a receipt
    for (None before the first anchor)."""

    head: AuditHead
    checkpoint: AuditHead | None


@dataclass(frozen=True)
class VerifiedAnchor:
    """An anchor receipt whose hub signature held and that names the head sent."""

    seq: int
    mac: str
    anchored_at: datetime
    device_id: str
    payload_text: str  # canonical JSON exactly as signed
    signature: str


class OutboxPort(Protocol):
    def due(self, limit: int) -> list[PendingUpload]: ...

    def mark_attempted(self, items: Sequence[PendingUpload]) -> None: ...

    def record(self, outcomes: Sequence[DeliveryOutcome]) -> None: ...


class InboxPort(Protocol):
    def cursor(self) -> int: ...

    def store(self, changes: Sequence[ReceivedChange], cursor: int) -> int: ...

    def pending_acks(self) -> list[ReceiptAck]: ...

    def acks_reported(self, acks: Sequence[ReceiptAck]) -> None: ...


class AnchorPort(Protocol):
    def claim(self) -> AuditClaim: ...

    def mac_at(self, seq: int) -> str | None: ...

    def record(self, anchor: VerifiedAnchor) -> None: ...
