"""The expert review API (hub mode of the desktop app): sign-in, queue, claim, answer."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any, Literal

from pydantic import Field

from desktop.domain.vocabulary import TreatmentOption
from sync.protocol.changes import LongText, MechanismFindings, ShortText
from sync.protocol.receipts import ReceiptState
from sync.protocol.uploads import ReferralSummary
from sync.protocol.version import WireModel

Urgency = Literal["urgent", "soon", "routine"]
Role = Literal["expert", "admin"]


class LoginRequest(WireModel):
    """``POST /v1/sessions``."""

    username: Annotated[str, Field(min_length=1, max_length=64)]
    password: Annotated[str, Field(min_length=1, max_length=1024)]


class SessionOut(WireModel):
    """A short-lived bearer token (``Authorization: Bearer <token>``)."""

    token: str
    username: str
    role: Role
    expires_at: datetime


class QueueEntry(WireModel):
    """One case waiting for review; ``case_ref`` addresses it in the review API."""

    case_ref: str
    clinic_name: str
    pseudonym: str
    case_version: int
    urgency: Urgency
    urgency_reasons: tuple[str, ...]
    waiting_since: datetime
    waiting_hours: float
    state: ReceiptState
    claimed_by: str | None
    #: the newest referral the clinic sent for this version (None: none sent)
    referral: ReferralSummary | None = None


class ReviewQueue(WireModel):
    """Most urgent first, then longest waiting."""

    entries: list[QueueEntry]


class ClaimResult(WireModel):
    case_ref: str
    claimed_by: str
    claimed_at: datetime


class CaseView(WireModel):
    """The decrypted, pseudonymized case version for the expert who claimed it."""

    case_ref: str
    clinic_name: str
    case_id: str
    case_version: int
    document: dict[str, Any]
    urgency: Urgency
    urgency_reasons: tuple[str, ...]
    state: ReceiptState
    claimed_by: str | None
    received_at: datetime
    #: the newest referral the clinic sent for this version (None: none sent)
    referral: ReferralSummary | None = None


class RecommendationIn(WireModel):
    mechanisms: MechanismFindings
    regimen: Annotated[tuple[TreatmentOption, ...], Field(max_length=15)]
    summary: LongText
    follow_up_days: Annotated[int, Field(ge=1, le=365)] | None = None


class InformationRequestIn(WireModel):
    questions: Annotated[tuple[ShortText, ...], Field(min_length=1, max_length=20)]
    note: LongText | None = None


class PlannedVisitIn(WireModel):
    visit_date: date
    purpose: LongText
