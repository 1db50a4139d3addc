"""Uploads: a batch of case versions, each with its own Idempotency-Key and result."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import Field

from sync.protocol.errors import ErrorBody
from sync.protocol.version import PROTOCOL, WireModel

MAX_BATCH_ITEMS = 500

#: Stable across every retry of one outbox item (the hub stores each key's answer).
IdempotencyKey = Annotated[str, Field(min_length=16, max_length=64, pattern=r"^[A-Za-z0-9_.:-]+$")]
CaseId = Annotated[str, Field(min_length=1, max_length=128, pattern=r"^[A-Za-z0-9_.:-]+$")]
Sha256Hex = Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")]

ItemOutcome = Literal["stored", "duplicate", "rejected"]
Mechanism = Literal["nociceptive", "neuropathic", "nociplastic"]


class ModelSummary(WireModel):
    """What the clinic's model said about this version (for model-expert agreement)."""

    name: Annotated[str, Field(max_length=200)]
    version: Annotated[str, Field(max_length=64)]
    mechanism_probabilities: dict[Mechanism, Annotated[float, Field(ge=0, le=1)]]


#: One referral reason as the clinic's report words it (generated text, no identifiers).
ReferralReasonText = Annotated[str, Field(min_length=1, max_length=500)]
MAX_REFERRAL_REASONS = 20


class ReferralSummary(WireModel):
    """Whether the clinic's report recommends hub referral for this version, and why.

    ``clinician_requested``: the clinician pressed "Send to hub" (or ticked "I request a
    hub review"); the hub puts such a case at least at *soon* urgency. ``reasons`` are
    the report's referral reasons, in its order.
    """

    clinician_requested: bool
    recommended: bool
    reasons: Annotated[tuple[ReferralReasonText, ...], Field(max_length=MAX_REFERRAL_REASONS)] = ()


class UploadItem(WireModel):
    """One pseudonymized case version (``document`` has no name, contact or notes).

    ``document_sha256`` is the SHA-256 of the canonical JSON of ``document``; the hub
    recomputes it, so a document damaged on the way is refused, not stored.
    """

    idempotency_key: IdempotencyKey
    case_id: CaseId
    version: Annotated[int, Field(ge=1, le=1_000_000)]
    document: dict[str, Any]
    document_sha256: Sha256Hex
    saved_at: datetime
    model: ModelSummary | None = None
    #: the referral of the version's newest report; an item whose version the hub
    #: already stored is a referral update (docs/protocol.md, "Referrals")
    referral: ReferralSummary | None = None


class UploadBatch(WireModel):
    """``POST /v1/uploads`` (signed by the device)."""

    protocol: Literal["painbridge.sync/1"] = PROTOCOL
    items: Annotated[list[UploadItem], Field(min_length=1, max_length=MAX_BATCH_ITEMS)]


class ItemResult(WireModel):
    """What happened to one item.

    ``stored``: the hub stored it now. ``duplicate``: the hub had stored exactly this
    item before (a retry); the answer is the one given the first time. ``rejected``:
    ``error`` says why; when ``error.permanent`` the clinic quarantines the item.
    """

    idempotency_key: str
    outcome: ItemOutcome
    received_at: datetime | None = None
    error: ErrorBody | None = None


class UploadBatchResult(WireModel):
    """One result per item, in the order of the batch."""

    results: list[ItemResult]
    hub_time: datetime
