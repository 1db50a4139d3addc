"""Verifying a device's signed request (docs/protocol.md, "Signed requests").

Checks, in order, each refusal with its own code: all signature headers present
(``unsigned``); the device known (``unknown_device``) and not revoked
(``device_revoked``); the timestamp within the allowed skew (``stale_request``); the body
hashing to the digest header (``digest_mismatch``); the Ed25519 signature over the signing
string (``bad_signature``); the nonce not seen before from this device
(``replayed_request``). The nonce is recorded only after the signature holds, so nobody
can burn a device's nonces without its key.
"""

from __future__ import annotations

import hashlib
import hmac
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from sqlalchemy import delete, insert, select, update
from sqlalchemy.exc import IntegrityError

from sync.hub.context import Hub
from sync.hub.errors import DeviceRevoked, Unauthenticated
from sync.hub.schema import devices, nonces
from sync.protocol import (
    DEVICE_HEADER,
    DIGEST_HEADER,
    NONCE_HEADER,
    SIGNATURE_HEADER,
    SIGNED_HEADERS,
    TIMESTAMP_HEADER,
    b64decode,
    signing_string,
)

_NONCE = re.compile(r"^[A-Za-z0-9_-]{16,64}$")
_DIGEST = re.compile(r"^[0-9a-f]{64}$")
_TIMESTAMP = re.compile(r"^[0-9]{1,12}$")
#: prune remembered nonces at most this often (they are kept for twice the skew)
_PRUNE_EVERY = timedelta(minutes=1)


@dataclass(frozen=True)
class DeviceIdentity:
    device_id: str
    clinic_id: str


class NoncePruner:
    """Forgets nonces older than twice the allowed skew (a replay is stale by then)."""

    def __init__(self) -> None:
        self._last: datetime | None = None

    def maybe_prune(self, hub: Hub, now: datetime) -> None:
        if self._last is not None and now - self._last < _PRUNE_EVERY:
            return
        self._last = now
        with hub.database.transaction() as connection:
            connection.execute(
                delete(nonces).where(nonces.c.seen_at < now - 2 * hub.settings.request_skew)
            )


def verify_request(
    hub: Hub, method: str, path: str, headers: Mapping[str, str], body: bytes
) -> DeviceIdentity:
    """The device that signed this request; raises Unauthenticated or DeviceRevoked."""
    values = {name: headers.get(name) for name in SIGNED_HEADERS}
    missing = [name for name, value in values.items() if not value]
    if missing:
        raise Unauthenticated(
            f"this request is not signed by an enrolled device (missing {', '.join(missing)})",
            code="unsigned",
        )
    device_id = str(values[DEVICE_HEADER])
    timestamp_text = str(values[TIMESTAMP_HEADER])
    nonce = str(values[NONCE_HEADER])
    digest = str(values[DIGEST_HEADER])
    if not (_TIMESTAMP.match(timestamp_text) and _NONCE.match(nonce) and _DIGEST.match(digest)):
        raise Unauthenticated("the signature headers are malformed", code="unsigned")
    with hub.database.reading() as connection:
        row = connection.execute(
            select(devices.c.clinic_id, devices.c.public_key, devices.c.revoked_at).where(
                devices.c.device_id == device_id
            )
        ).first()
    if row is None:
        raise Unauthenticated("this device is not enrolled at this hub", code="unknown_device")
    if row.revoked_at is not None:
        raise DeviceRevoked("this device was revoked by the hub's administrator; enroll again")
    now = hub.now()
    timestamp = int(timestamp_text)
    skew = hub.settings.request_skew.total_seconds()
    if abs(now.timestamp() - timestamp) > skew:
        raise Unauthenticated(
            "the request's time stamp is too far from the hub's clock (check the clock of "
            "this computer)",
            code="stale_request",
        )
    if not hmac.compare_digest(hashlib.sha256(body).hexdigest(), digest):
        raise Unauthenticated("the body does not match its digest header", code="digest_mismatch")
    try:
        signature = b64decode(str(values[SIGNATURE_HEADER]))
        Ed25519PublicKey.from_public_bytes(row.public_key).verify(
            signature, signing_string(method, path, timestamp, nonce, digest)
        )
    except (ValueError, InvalidSignature):
        raise Unauthenticated(
            "the request signature does not verify", code="bad_signature"
        ) from None
    _remember_nonce(hub, device_id, nonce, now)
    return DeviceIdentity(device_id, row.clinic_id)


def _remember_nonce(hub: Hub, device_id: str, nonce: str, now: datetime) -> None:
    try:
        with hub.database.transaction() as connection:
            connection.execute(insert(nonces).values(device_id=device_id, nonce=nonce, seen_at=now))
            connection.execute(
                update(devices).where(devices.c.device_id == device_id).values(last_seen_at=now)
            )
    except IntegrityError:
        raise Unauthenticated(
            "this request was already received once (replayed)", code="replayed_request"
        ) from None
