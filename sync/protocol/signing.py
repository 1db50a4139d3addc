"""What a device signs on every request (docs/protocol.md, "Signed requests").

The signature is Ed25519 over the *signing string*::

    painbridge-request/1
    POST
    /v1/uploads?x=1
    1767225600
    4f1c...(nonce)
    9b2e...(sha256 of the exact body bytes, hex)

Methods are upper case; the path includes the query string exactly as sent; the
timestamp is Unix seconds. The hub refuses a request whose timestamp is more than the
allowed skew away from its clock, whose nonce it has seen from this device within that
window, whose body does not hash to the digest header, or whose device is revoked.
"""

from __future__ import annotations

import base64
import binascii

DEVICE_HEADER = "PB-Device"
TIMESTAMP_HEADER = "PB-Timestamp"
NONCE_HEADER = "PB-Nonce"
DIGEST_HEADER = "PB-Content-SHA256"
SIGNATURE_HEADER = "PB-Signature"
SIGNED_HEADERS = (DEVICE_HEADER, TIMESTAMP_HEADER, NONCE_HEADER, DIGEST_HEADER, SIGNATURE_HEADER)
SIGNING_PREFIX = "painbridge-request/1"


def signing_string(method: str, path: str, timestamp: int, nonce: str, digest: str) -> bytes:
    """The bytes a device signs (and the hub verifies) for one request."""
    return "\n".join((SIGNING_PREFIX, method.upper(), path, str(timestamp), nonce, digest)).encode(
        "ascii", errors="strict"
    )


def b64encode(data: bytes) -> str:
    """URL-safe base64 without padding (keys, signatures, tokens)."""
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def b64decode(text: str) -> bytes:
    """Inverse of :func:`b64encode`; raises ValueError for anything else."""
    if not text.isascii():
        raise ValueError("not base64url text")
    try:
        return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except (binascii.Error, ValueError) as error:
        raise ValueError(f"not base64url text: {error}") from None
