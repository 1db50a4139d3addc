"""Clinics, one-time enrollment codes, and enrolling a device with one.

``issue_code`` is what ``painbridge hub enroll-code --clinic NAME`` runs (creating the
clinic on first use). ``enroll`` trades a valid code and the device's Ed25519 public key
for a device id; the code is then used up. A wrong secret counts against the code and
locks it after ``settings.enrollment_code_attempts`` tries; the failed attempt is
committed even though the request is refused.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, insert, select, update

from sync.hub.codes import format_code, hash_secret, new_code, secret_matches, split_code
from sync.hub.context import Hub
from sync.hub.errors import Conflict, EnrollmentRefused, InvalidRequest
from sync.hub.schema import clinics, devices, enrollment_codes
from sync.protocol import CHANNELS, EnrollRequest, EnrollResponse, b64decode

MAX_CLINIC_NAME = 200


@dataclass(frozen=True)
class IssuedCode:
    code: str
    clinic_id: str
    clinic_name: str
    expires_at: datetime


def clinic_id_for(connection: Connection, name: str, now: datetime) -> str:
    """The id of the clinic called ``name``, created when new."""
    existing = connection.execute(
        select(clinics.c.clinic_id).where(clinics.c.name == name)
    ).scalar_one_or_none()
    if existing is not None:
        return str(existing)
    clinic_id = uuid.uuid4().hex
    connection.execute(insert(clinics).values(clinic_id=clinic_id, name=name, created_at=now))
    return clinic_id


def issue_code(hub: Hub, clinic_name: str) -> IssuedCode:
    """A new one-time code for ``clinic_name`` (printed once; only its hash is kept)."""
    name = clinic_name.strip()
    if not 1 <= len(name) <= MAX_CLINIC_NAME or not name.isprintable():
        raise InvalidRequest(f"a clinic name must be 1 to {MAX_CLINIC_NAME} printable characters")
    now = hub.now()
    expires_at = now + hub.settings.enrollment_code_lifetime
    with hub.database.transaction() as connection:
        clinic_id = clinic_id_for(connection, name, now)
        while True:
            code_id, secret = new_code()
            taken = connection.execute(
                select(enrollment_codes.c.code_id).where(enrollment_codes.c.code_id == code_id)
            ).first()
            if taken is None:
                break
        connection.execute(
            insert(enrollment_codes).values(
                code_id=code_id,
                clinic_id=clinic_id,
                secret_sha256=hash_secret(secret),
                created_at=now,
                expires_at=expires_at,
                failed_attempts=0,
            )
        )
    return IssuedCode(format_code(code_id, secret), clinic_id, name, expires_at)


def enroll(hub: Hub, request: EnrollRequest) -> EnrollResponse:
    """Enroll a device; raises EnrollmentRefused (with the exact reason) or Conflict."""
    try:
        public_key = b64decode(request.public_key)
    except ValueError:
        raise InvalidRequest("public_key must be base64url of 32 bytes") from None
    if len(public_key) != 32:
        raise InvalidRequest("public_key must be base64url of 32 bytes")
    parts = split_code(request.code)
    if parts is None:
        raise EnrollmentRefused("this is not an enrollment code", code="invalid_code")
    code_id, secret = parts
    now = hub.now()
    refusal: EnrollmentRefused | None = None
    with hub.database.transaction() as connection:
        row = connection.execute(
            select(enrollment_codes).where(enrollment_codes.c.code_id == code_id)
        ).first()
        if row is None:
            raise EnrollmentRefused("this enrollment code is not known", code="invalid_code")
        if row.used_at is not None:
            raise EnrollmentRefused("this enrollment code was already used", code="code_used")
        if row.expires_at <= now:
            raise EnrollmentRefused("this enrollment code has expired", code="code_expired")
        if row.failed_attempts >= hub.settings.enrollment_code_attempts:
            raise EnrollmentRefused(
                "this enrollment code is locked after too many wrong attempts",
                code="code_locked",
            )
        if not secret_matches(secret, row.secret_sha256):
            connection.execute(
                update(enrollment_codes)
                .where(enrollment_codes.c.code_id == code_id)
                .values(failed_attempts=enrollment_codes.c.failed_attempts + 1)
            )
            refusal = EnrollmentRefused("this enrollment code is not correct", code="invalid_code")
        else:
            device_id = _create_device(connection, row.clinic_id, request, public_key, now)
            claimed = connection.execute(
                update(enrollment_codes)
                .where(enrollment_codes.c.code_id == code_id, enrollment_codes.c.used_at.is_(None))
                .values(used_at=now, device_id=device_id)
            )
            if claimed.rowcount != 1:
                raise EnrollmentRefused("this enrollment code was already used", code="code_used")
            clinic_name = connection.execute(
                select(clinics.c.name).where(clinics.c.clinic_id == row.clinic_id)
            ).scalar_one()
    if refusal is not None:
        raise refusal
    return EnrollResponse(
        device_id=device_id,
        clinic_id=row.clinic_id,
        clinic_name=clinic_name,
        hub_public_key=hub.keys.feed.public_key_text,
        tuf_roots={channel: hub.models.root_text(channel) for channel in CHANNELS},
        hub_time=now,
    )


def _create_device(
    connection: Connection, clinic_id: str, request: EnrollRequest, public_key: bytes, now: datetime
) -> str:
    in_use = connection.execute(
        select(devices.c.device_id).where(devices.c.public_key == public_key)
    ).first()
    if in_use is not None:
        raise Conflict("this device key is already enrolled", code="key_in_use")
    device_id = uuid.uuid4().hex
    connection.execute(
        insert(devices).values(
            device_id=device_id,
            clinic_id=clinic_id,
            name=request.device_name,
            public_key=public_key,
            enrolled_at=now,
        )
    )
    return device_id
