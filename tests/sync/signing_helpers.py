"""Build signed requests by hand (to replay, tamper with, or age them)."""

from __future__ import annotations

import secrets
import time
from dataclasses import dataclass

from desktop.store import DeviceKey
from sync.protocol import (
    DEVICE_HEADER,
    DIGEST_HEADER,
    NONCE_HEADER,
    SIGNATURE_HEADER,
    TIMESTAMP_HEADER,
    b64encode,
    sha256_hex,
    signing_string,
)


@dataclass(frozen=True)
class SignedRequest:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes


def sign(
    key: DeviceKey,
    method: str,
    path: str,
    body: bytes = b"",
    *,
    timestamp: int | None = None,
    nonce: str | None = None,
) -> SignedRequest:
    stamp = int(time.time()) if timestamp is None else timestamp
    nonce = nonce or secrets.token_urlsafe(18)
    digest = sha256_hex(body)
    signature = key.sign(signing_string(method, path, stamp, nonce, digest))
    headers = {
        DEVICE_HEADER: key.device_id,
        TIMESTAMP_HEADER: str(stamp),
        NONCE_HEADER: nonce,
        DIGEST_HEADER: digest,
        SIGNATURE_HEADER: b64encode(signature),
        "Content-Type": "application/json",
    }
    return SignedRequest(method, path, headers, body)
