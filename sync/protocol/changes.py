"""The changes feed: what the hub sends down to one clinic, signed by the hub.

Each change has a sequence number (the cursor: a clinic asks for changes after the last
one it stored) and a payload signed with the hub's Ed25519 key over the payload's
canonical JSON. The clinic verifies the signature against the key pinned at enrollment
*before* it parses or stores anything.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any, Literal

from pydantic import Field, TypeAdapter

from desktop.domain.vocabulary import TreatmentOption
from sync.protocol.uploads import CaseId
from sync.protocol.version import Channel, WireModel

ShortText = Annotated[str, Field(min_length=1, max_length=200)]
LongText = Annotated[str, Field(min_length=1, max_length=8000)]


class MechanismFindings(WireModel):
    """The expert's view of each pain mechanism: True present, False absent, None unsure."""

    nociceptive: bool | None = None
    neuropathic: bool | None = None
    nociplastic: bool | None = None


class _CasePayload(WireModel):
    change_id: str
    clinic_id: str
    case_id: CaseId
    case_version: Annotated[int, Field(ge=1)]
    issued_at: datetime
    author: ShortText


class RecommendationPayload(_CasePayload):
    """An expert's answer to a case."""

    kind: Literal["recommendation"] = "recommendation"
    mechanisms: MechanismFindings
    regimen: tuple[TreatmentOption, ...]
    summary: LongText
    follow_up_days: Annotated[int, Field(ge=1, le=365)] | None = None


class InformationRequestPayload(_CasePayload):
    """The expert needs more before answering."""

    kind: Literal["information_request"] = "information_request"
    questions: Annotated[tuple[ShortText, ...], Field(min_length=1, max_length=20)]
    note: LongText | None = None


class PlannedVisitPayload(_CasePayload):
    """An on-site visit for co-management of a case."""

    kind: Literal["planned_visit"] = "planned_visit"
    visit_date: date
    purpose: LongText


class ReceiptPayload(_CasePayload):
    """The case moved on at the hub (``in_review`` when an expert claimed it)."""

    kind: Literal["receipt"] = "receipt"
    state: Literal["received", "in_review", "answered"]


class ModelReleasePayload(WireModel):
    """A new model bundle was published to a channel (sent to every clinic)."""

    kind: Literal["model_release"] = "model_release"
    change_id: str
    channel: Channel
    name: ShortText
    version: ShortText
    issued_at: datetime
    notes: LongText | None = None


ChangePayload = Annotated[
    RecommendationPayload
    | InformationRequestPayload
    | PlannedVisitPayload
    | ReceiptPayload
    | ModelReleasePayload,
    Field(discriminator="kind"),
]
_PAYLOAD: TypeAdapter[ChangePayload] = TypeAdapter(ChangePayload)


def parse_payload(raw: dict[str, Any]) -> ChangePayload:
    """The typed payload (raises pydantic.ValidationError); verify the signature first."""
    return _PAYLOAD.validate_python(raw)


class Change(WireModel):
    """One entry of the feed. ``payload`` is kept as received so its signature can be
    checked over exactly those values."""

    seq: Annotated[int, Field(ge=1)]
    payload: dict[str, Any]
    signature: str


class ChangesPage(WireModel):
    """``GET /v1/changes?after=N&limit=M``: changes with seq > N, oldest first."""

    changes: list[Change]
    cursor: int
    has_more: bool
    hub_time: datetime
