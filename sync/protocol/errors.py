"""The error body of every refused request, and the codes clients act on."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import Field

from sync.protocol.version import WireModel

ErrorCode = Literal[
    # identity and signatures (401/403)
    "unsigned",
    "bad_signature",
    "digest_mismatch",
    "stale_request",
    "replayed_request",
    "unknown_device",
    "device_revoked",
    "unauthenticated",
    "session_expired",
    "forbidden",
    # enrollment (400/403/410/429)
    "invalid_code",
    "code_expired",
    "code_used",
    "code_locked",
    "key_in_use",
    # requests and items
    "unsupported_protocol",
    "validation",
    "invalid_case",
    "identifying_data",
    "no_consent",
    "digest_wrong",
    "idempotency_conflict",
    "version_conflict",
    "too_large",
    "not_found",
    "conflict",
    "not_claimed",
    # audit anchors (409, permanent; each one is an audit alarm at the hub)
    "audit_rollback",
    "audit_rewritten",
    "wrong_credentials",
    "rate_limited",
    "internal",
]


class ProblemOut(WireModel):
    """One invalid value: JSON path and the rule it breaks (as the domain reports it)."""

    path: str
    rule: str


class ErrorBody(WireModel):
    """Body of every 4xx/5xx answer (and of a rejected upload item).

    ``permanent`` tells a client whether sending the same thing again can ever succeed:
    a permanent refusal of an upload item quarantines it at the clinic.
    """

    code: ErrorCode
    message: str = Field(max_length=2000)
    permanent: bool
    problems: tuple[ProblemOut, ...] = ()
    hub_time: datetime | None = None
