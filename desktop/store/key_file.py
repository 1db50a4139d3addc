"""The key file format: slots and their JSON form (no cryptography happens here).

``keys.json`` holds one passphrase slot per user, an optional IT recovery slot and a MAC
over everything (computed in :mod:`desktop.store.keys`). Parsing refuses anything that is
not exactly this format with ``StoreCorrupt(KEY_FILE, ...)``.
"""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass
from typing import Any

from desktop.store.errors import CorruptPart, StoreCorrupt, UnknownUser

KEY_FILE_FORMAT = "painbridge-keyfile"
KEY_FILE_VERSION = 1
DATA_KEY_BYTES = 32
SALT_BYTES = 16
NONCE_BYTES = 12
RECOVERY_SUITE_NAME = "X25519-HKDF-SHA256-AES-256-GCM"
# Upper bounds when reading a slot, so an edited key file cannot make unlock allocate
# gigabytes or spin for minutes before failing.
_MAXIMUM_MEMORY_KIB = 4 * 1024 * 1024
_MAXIMUM_ITERATIONS = 64


@dataclass(frozen=True)
class KdfParams:
    """Argon2id cost parameters; stored in each slot so they can be raised later."""

    memory_kib: int = 64 * 1024
    iterations: int = 3
    lanes: int = 4

    def __post_init__(self) -> None:
        if self.memory_kib < 64 * 1024 or self.iterations < 3 or self.lanes != 4:
            raise ValueError(
                f"Argon2id parameters below the floor (m >= 65536 KiB, t >= 3, p = 4): {self}"
            )

    def to_json(self) -> dict[str, Any]:
        return {
            "algorithm": "argon2id",
            "memory_kib": self.memory_kib,
            "iterations": self.iterations,
            "lanes": self.lanes,
        }

    @classmethod
    def from_json(cls, value: Any) -> KdfParams:
        if not isinstance(value, dict) or value.get("algorithm") != "argon2id":
            raise corrupt_key_file("a user slot names an unknown key derivation")
        memory, iterations, lanes = (
            value.get("memory_kib"),
            value.get("iterations"),
            value.get("lanes"),
        )
        if not (
            isinstance(memory, int)
            and isinstance(iterations, int)
            and isinstance(lanes, int)
            and 64 * 1024 <= memory <= _MAXIMUM_MEMORY_KIB
            and 3 <= iterations <= _MAXIMUM_ITERATIONS
            and lanes == 4
        ):
            raise corrupt_key_file("a user slot has implausible key derivation settings")
        return cls(memory_kib=memory, iterations=iterations, lanes=lanes)


@dataclass(frozen=True)
class PassphraseSlot:
    user: str
    kdf: KdfParams
    salt: bytes
    nonce: bytes
    wrapped_key: bytes
    check: bytes
    created_at: str

    def associated_data(self, store_id: str) -> bytes:
        return canonical_json(
            {
                "kind": "passphrase",
                "store_id": store_id,
                "user": self.user,
                "kdf": self.kdf.to_json(),
                "salt": b64(self.salt),
                "created_at": self.created_at,
            }
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "user": self.user,
            "kdf": self.kdf.to_json(),
            "salt": b64(self.salt),
            "nonce": b64(self.nonce),
            "wrapped_key": b64(self.wrapped_key),
            "check": b64(self.check),
            "created_at": self.created_at,
        }

    @classmethod
    def from_json(cls, value: Any) -> PassphraseSlot:
        fields = _require_fields(
            value, ("user", "kdf", "salt", "nonce", "wrapped_key", "check", "created_at")
        )
        return cls(
            user=_require_str(fields["user"]),
            kdf=KdfParams.from_json(fields["kdf"]),
            salt=unb64(fields["salt"], SALT_BYTES),
            nonce=unb64(fields["nonce"], NONCE_BYTES),
            wrapped_key=unb64(fields["wrapped_key"], DATA_KEY_BYTES + 16),
            check=unb64(fields["check"], 32),
            created_at=_require_str(fields["created_at"]),
        )


@dataclass(frozen=True)
class RecoverySlot:
    public_key: bytes
    sealed_key: bytes
    created_at: str

    def info(self, store_id: str) -> bytes:
        return canonical_json(
            {
                "kind": "recovery",
                "store_id": store_id,
                "suite": RECOVERY_SUITE_NAME,
                "public_key": b64(self.public_key),
                "created_at": self.created_at,
            }
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "suite": RECOVERY_SUITE_NAME,
            "public_key": b64(self.public_key),
            "sealed_key": b64(self.sealed_key),
            "created_at": self.created_at,
        }

    @classmethod
    def from_json(cls, value: Any) -> RecoverySlot:
        fields = _require_fields(value, ("suite", "public_key", "sealed_key", "created_at"))
        if fields["suite"] != RECOVERY_SUITE_NAME:
            raise corrupt_key_file("the recovery slot names an unknown algorithm")
        return cls(
            public_key=unb64(fields["public_key"], 32),
            sealed_key=unb64(fields["sealed_key"], None),
            created_at=_require_str(fields["created_at"]),
        )


@dataclass(frozen=True)
class KeyFile:
    """The parsed key file. ``mac`` covers everything else in it."""

    store_id: str
    users: tuple[PassphraseSlot, ...]
    recovery: RecoverySlot | None
    mac: bytes = b""

    def body(self) -> dict[str, Any]:
        return {
            "format": KEY_FILE_FORMAT,
            "version": KEY_FILE_VERSION,
            "store_id": self.store_id,
            "users": [slot.to_json() for slot in self.users],
            "recovery": self.recovery.to_json() if self.recovery else None,
        }

    def to_bytes(self) -> bytes:
        document = self.body() | {"mac": b64(self.mac)}
        return (json.dumps(document, indent=2, sort_keys=True) + "\n").encode("ascii")

    @classmethod
    def from_bytes(cls, raw: bytes) -> KeyFile:
        try:
            document = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as error:
            raise corrupt_key_file(f"it is not valid JSON ({error})") from None
        fields = _require_fields(
            document, ("format", "version", "store_id", "users", "recovery", "mac")
        )
        if fields["format"] != KEY_FILE_FORMAT or fields["version"] != KEY_FILE_VERSION:
            raise corrupt_key_file("it is not a PainBridge key file of a known version")
        users = fields["users"]
        if not isinstance(users, list):
            raise corrupt_key_file("the user slots are missing")
        recovery = fields["recovery"]
        return cls(
            store_id=_require_str(fields["store_id"]),
            users=tuple(PassphraseSlot.from_json(slot) for slot in users),
            recovery=None if recovery is None else RecoverySlot.from_json(recovery),
            mac=unb64(fields["mac"], 32),
        )

    def slot_for(self, user: str) -> PassphraseSlot:
        for slot in self.users:
            if slot.user == user:
                return slot
        raise UnknownUser(user)

    def user_names(self) -> list[str]:
        return [slot.user for slot in self.users]


# --- helpers ------------------------------------------------------------------------------


def canonical_json(value: dict[str, Any]) -> bytes:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode(
        "ascii"
    )


def b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def unb64(value: Any, length: int | None) -> bytes:
    if not isinstance(value, str):
        raise corrupt_key_file("a slot field is missing or of the wrong type")
    try:
        raw = base64.b64decode(value, validate=True)
    except binascii.Error:
        raise corrupt_key_file("a slot field is not valid base64") from None
    if length is not None and len(raw) != length:
        raise corrupt_key_file("a slot field has the wrong length")
    return raw


def _require_fields(value: Any, names: tuple[str, ...]) -> dict[str, Any]:
    if not isinstance(value, dict) or any(name not in value for name in names):
        raise corrupt_key_file("required fields are missing")
    return value


def _require_str(value: Any) -> str:
    if not isinstance(value, str):
        raise corrupt_key_file("a text field is missing or of the wrong type")
    return value


def corrupt_key_file(detail: str) -> StoreCorrupt:
    return StoreCorrupt(CorruptPart.KEY_FILE, f"the key file is damaged or altered: {detail}")
