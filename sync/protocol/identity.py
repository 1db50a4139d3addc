"""Enrollment: a clinic device trades a one-time code and its public key for an identity."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from pydantic import Field

from sync.protocol.version import PROTOCOL, Channel, WireModel

#: 32 raw bytes in URL-safe base64 without padding (an Ed25519 public key).
PublicKeyText = Annotated[str, Field(pattern=r"^[A-Za-z0-9_-]{43}$")]
DeviceName = Annotated[str, Field(min_length=1, max_length=64, pattern=r"^[^\x00-\x1f\x7f]+$")]
EnrollmentCode = Annotated[str, Field(min_length=1, max_length=64)]


class EnrollRequest(WireModel):
    """``POST /v1/enroll`` (unsigned: the one-time code is the credential)."""

    protocol: Literal["painbridge.sync/1"] = PROTOCOL
    code: EnrollmentCode
    device_name: DeviceName
    public_key: PublicKeyText


class EnrollResponse(WireModel):
    """What the device keeps: its id, its clinic, and the keys it trusts from now on.

    ``hub_public_key`` verifies every signed change (recommendations ...);
    ``tuf_roots`` holds, per model channel, the TUF root metadata (base64url of the exact
    bytes) that bootstraps model updates.
    """

    device_id: str
    clinic_id: str
    clinic_name: str
    hub_public_key: PublicKeyText
    tuf_roots: dict[Channel, str]
    hub_time: datetime


class HealthResponse(WireModel):
    """``GET /v1/health``: reachable, which protocol, and the hub's clock."""

    status: Literal["ok"] = "ok"
    protocol: Literal["painbridge.sync/1"] = PROTOCOL
    hub_time: datetime
