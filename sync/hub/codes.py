"""One-time enrollment codes: ``CODEID-SECRET`` in Crockford base32, easy to read aloud.

The 6-character code id is public (it finds the row and counts failed attempts); the
20-character secret (100 bits) is stored only as its SHA-256. A code is used once, expires,
and locks after a few wrong secrets.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
CODE_ID_LENGTH = 6
SECRET_LENGTH = 20
_READ_ALIKES = str.maketrans({"O": "0", "I": "1", "L": "1", "U": "V"})


def _random_text(length: int) -> str:
    return "".join(secrets.choice(CROCKFORD) for _ in range(length))


def new_code() -> tuple[str, str]:
    """(code id, secret)."""
    return _random_text(CODE_ID_LENGTH), _random_text(SECRET_LENGTH)


def format_code(code_id: str, secret: str) -> str:
    groups = [secret[i : i + 5] for i in range(0, len(secret), 5)]
    return "-".join([code_id, *groups])


def split_code(code: str) -> tuple[str, str] | None:
    """(code id, secret) of a typed code, forgiving case, spaces and look-alikes."""
    cleaned = "".join(code.split()).replace("-", "").upper().translate(_READ_ALIKES)
    if len(cleaned) != CODE_ID_LENGTH + SECRET_LENGTH or any(c not in CROCKFORD for c in cleaned):
        return None
    return cleaned[:CODE_ID_LENGTH], cleaned[CODE_ID_LENGTH:]


def hash_secret(secret: str) -> str:
    return hashlib.sha256(secret.encode("ascii")).hexdigest()


def secret_matches(secret: str, stored_sha256: str) -> bool:
    return hmac.compare_digest(hash_secret(secret), stored_sha256)
