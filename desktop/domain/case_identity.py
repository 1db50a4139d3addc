"""Case identity: a random case UUID and a pseudonym, generated when absent.

Randomness is injected so tests are deterministic; the defaults use the OS CSPRNG.
"""

from __future__ import annotations

import secrets
import uuid
from collections.abc import Callable
from typing import Any

from desktop.domain.case import Case
from desktop.domain.case_parsing import dump_case, parse_case

#: Crockford's base32 alphabet (no I, L, O, U: nothing to misread when read aloud).
CROCKFORD_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
PSEUDONYM_PREFIX = "PB-"
PSEUDONYM_LENGTH = 8  # 40 random bits


def make_pseudonym(random_bytes: Callable[[int], bytes] = secrets.token_bytes) -> str:
    """``PB-`` and 8 Crockford base32 characters from 40 random bits, e.g. ``PB-7K3M9Q2D``."""
    number = int.from_bytes(random_bytes(PSEUDONYM_LENGTH * 5 // 8), "big")
    characters = []
    for _ in range(PSEUDONYM_LENGTH):
        number, digit = divmod(number, 32)
        characters.append(CROCKFORD_ALPHABET[digit])
    return PSEUDONYM_PREFIX + "".join(reversed(characters))


def complete_identity(
    case: Case,
    *,
    new_uuid: Callable[[], uuid.UUID] = uuid.uuid4,
    new_pseudonym: Callable[[], str] = make_pseudonym,
) -> Case:
    """The case with ``case_id`` and ``patient.pseudonym`` filled in when absent.

    Values already present are kept. The result is validated again, so a generator that
    returns an invalid pseudonym raises :class:`InvalidInput` instead of slipping through.
    """
    document: dict[str, Any] = dump_case(case)
    if case.case_id is None:
        document["case_id"] = str(new_uuid())
    patient = document.setdefault("patient", {})
    if "pseudonym" not in patient:
        patient["pseudonym"] = new_pseudonym()
    return parse_case(document)
