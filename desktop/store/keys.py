"""Key slots: the random data key, wrapped once per user and once for IT recovery.

The 256-bit data key is the raw SQLCipher key. It is never written anywhere in
plaintext. The key file (JSON) holds:

- one *passphrase slot* per user: Argon2id(passphrase, salt) gives 64 bytes; the first 32
  are an AES-256-GCM key wrapping the data key with the slot's metadata as associated
  data, the last 32 key an HMAC "check" over the same metadata. The check tells a wrong
  passphrase (check fails, nothing else can be said) from a damaged or altered slot
  (check passes but the wrap does not open).
- optionally one *recovery slot*: the data key sealed with HPKE (X25519, HKDF-SHA256,
  AES-256-GCM) to an IT public key, the slot metadata bound as HPKE ``info``.
- a MAC over the whole file, keyed from the data key, so any change to any slot (or a
  slot added, removed or swapped in from another store) is detected after unlock.

Only ``cryptography`` is used. Secrets live in ``bytearray``s that :meth:`DataKey.wipe`
and :func:`wipe` overwrite; Python ``str`` passphrases and the few ``bytes`` the
libraries return cannot be wiped (see docs/storage.md, "What is not protected").
"""

from __future__ import annotations

import base64
import binascii
import json
import os
import unicodedata
from dataclasses import dataclass, replace
from typing import Any, cast

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hashes, hpke
from cryptography.hazmat.primitives.asymmetric.x25519 import (
    X25519PrivateKey,
    X25519PublicKey,
)
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.hmac import HMAC
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from desktop.domain.errors import InvalidInput, Problem
from desktop.store.errors import (
    CorruptPart,
    LastUserSlot,
    NoRecoverySlot,
    StoreCorrupt,
    UnknownUser,
    UserAlreadyExists,
    WeakPassphrase,
    WrongPassphrase,
    WrongRecoveryKey,
)

KEY_FILE_FORMAT = "painbridge-keyfile"
KEY_FILE_VERSION = 1
DATA_KEY_BYTES = 32
MINIMUM_PASSPHRASE_CHARACTERS = 10
MAXIMUM_USER_NAME_CHARACTERS = 64

_HEX_DIGITS = b"0123456789abcdef"
_SALT_BYTES = 16
_NONCE_BYTES = 12
_CHECK_LABEL = b"painbridge/v1/slot-check\x00"
_KEY_FILE_MAC_INFO = b"painbridge/v1/key-file-mac"
_AUDIT_KEY_INFO = b"painbridge/v1/audit-chain"
_RECOVERY_SUITE_NAME = "X25519-HKDF-SHA256-AES-256-GCM"
# Upper bounds when reading a slot, so an edited key file cannot make unlock allocate
# gigabytes or spin for minutes before failing.
_MAXIMUM_MEMORY_KIB = 4 * 1024 * 1024
_MAXIMUM_ITERATIONS = 64


def _recovery_suite() -> hpke.Suite:
    return hpke.Suite(hpke.KEM.X25519, hpke.KDF.HKDF_SHA256, hpke.AEAD.AES_256_GCM)


def wipe(buffer: bytearray) -> None:
    """Overwrite a secret in place (best effort: copies made by libraries remain)."""
    buffer[:] = bytes(len(buffer))


def _buffer_as_bytes(buffer: bytearray) -> bytes:
    # cryptography's stubs say ``bytes`` for key material but the functions accept any
    # buffer; passing the bytearray itself avoids an unwipeable copy.
    return cast(bytes, buffer)


class DataKey:
    """The 256-bit data key, held in a bytearray that :meth:`wipe` overwrites."""

    __slots__ = ("_buffer",)

    def __init__(self, buffer: bytearray) -> None:
        if len(buffer) != DATA_KEY_BYTES:
            raise ValueError(f"a data key has {DATA_KEY_BYTES} bytes, got {len(buffer)}")
        self._buffer = buffer

    @classmethod
    def generate(cls) -> DataKey:
        return cls(bytearray(os.urandom(DATA_KEY_BYTES)))

    @property
    def buffer(self) -> bytearray:
        """The key bytes themselves (not a copy): do not store them anywhere."""
        return self._buffer

    def sqlcipher_key(self) -> bytearray:
        """``x'<hex>'``: the raw-key form SQLCipher uses as is (no PBKDF2). Wipe after use."""
        text = bytearray(b"x'")
        for byte in self._buffer:  # no intermediate bytes object holding the hex key
            text.append(_HEX_DIGITS[byte >> 4])
            text.append(_HEX_DIGITS[byte & 0x0F])
        text += b"'"
        return text

    def wipe(self) -> None:
        wipe(self._buffer)

    def __repr__(self) -> str:  # never print the key
        return "DataKey(<hidden>)"


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
            raise _corrupt_key_file("a user slot names an unknown key derivation")
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
            raise _corrupt_key_file("a user slot has implausible key derivation settings")
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
        return _canonical(
            {
                "kind": "passphrase",
                "store_id": store_id,
                "user": self.user,
                "kdf": self.kdf.to_json(),
                "salt": _b64(self.salt),
                "created_at": self.created_at,
            }
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "user": self.user,
            "kdf": self.kdf.to_json(),
            "salt": _b64(self.salt),
            "nonce": _b64(self.nonce),
            "wrapped_key": _b64(self.wrapped_key),
            "check": _b64(self.check),
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
            salt=_unb64(fields["salt"], _SALT_BYTES),
            nonce=_unb64(fields["nonce"], _NONCE_BYTES),
            wrapped_key=_unb64(fields["wrapped_key"], DATA_KEY_BYTES + 16),
            check=_unb64(fields["check"], 32),
            created_at=_require_str(fields["created_at"]),
        )


@dataclass(frozen=True)
class RecoverySlot:
    public_key: bytes
    sealed_key: bytes
    created_at: str

    def info(self, store_id: str) -> bytes:
        return _canonical(
            {
                "kind": "recovery",
                "store_id": store_id,
                "suite": _RECOVERY_SUITE_NAME,
                "public_key": _b64(self.public_key),
                "created_at": self.created_at,
            }
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "suite": _RECOVERY_SUITE_NAME,
            "public_key": _b64(self.public_key),
            "sealed_key": _b64(self.sealed_key),
            "created_at": self.created_at,
        }

    @classmethod
    def from_json(cls, value: Any) -> RecoverySlot:
        fields = _require_fields(value, ("suite", "public_key", "sealed_key", "created_at"))
        if fields["suite"] != _RECOVERY_SUITE_NAME:
            raise _corrupt_key_file("the recovery slot names an unknown algorithm")
        return cls(
            public_key=_unb64(fields["public_key"], 32),
            sealed_key=_unb64(fields["sealed_key"], None),
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
        document = self.body() | {"mac": _b64(self.mac)}
        return (json.dumps(document, indent=2, sort_keys=True) + "\n").encode("ascii")

    @classmethod
    def from_bytes(cls, raw: bytes) -> KeyFile:
        try:
            document = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as error:
            raise _corrupt_key_file(f"it is not valid JSON ({error})") from None
        fields = _require_fields(
            document, ("format", "version", "store_id", "users", "recovery", "mac")
        )
        if fields["format"] != KEY_FILE_FORMAT or fields["version"] != KEY_FILE_VERSION:
            raise _corrupt_key_file("it is not a PainBridge key file of a known version")
        users = fields["users"]
        if not isinstance(users, list):
            raise _corrupt_key_file("the user slots are missing")
        recovery = fields["recovery"]
        return cls(
            store_id=_require_str(fields["store_id"]),
            users=tuple(PassphraseSlot.from_json(slot) for slot in users),
            recovery=None if recovery is None else RecoverySlot.from_json(recovery),
            mac=_unb64(fields["mac"], 32),
        )

    def slot_for(self, user: str) -> PassphraseSlot:
        for slot in self.users:
            if slot.user == user:
                return slot
        raise UnknownUser(user)

    def user_names(self) -> list[str]:
        return [slot.user for slot in self.users]


# --- validation ---------------------------------------------------------------------------


def check_user_name(user: str) -> str:
    """Return the user name as stored (NFC, trimmed) or raise InvalidInput."""
    normalised = unicodedata.normalize("NFC", user).strip() if isinstance(user, str) else ""
    if not (
        1 <= len(normalised) <= MAXIMUM_USER_NAME_CHARACTERS
        and all(character.isprintable() for character in normalised)
    ):
        raise InvalidInput(
            [
                Problem(
                    "user",
                    f"must be 1 to {MAXIMUM_USER_NAME_CHARACTERS} printable characters",
                    user,
                )
            ]
        )
    return normalised


def check_passphrase_strength(passphrase: str, *, user: str) -> None:
    """Raise :class:`WeakPassphrase` naming the rule the passphrase breaks."""
    text = unicodedata.normalize("NFC", passphrase)
    if len(text) < MINIMUM_PASSPHRASE_CHARACTERS:
        raise WeakPassphrase(
            f"use at least {MINIMUM_PASSPHRASE_CHARACTERS} characters (a few unrelated "
            "words work well)"
        )
    if len(set(text)) < 4:
        raise WeakPassphrase("use at least 4 different characters")
    if text.casefold().strip() == user.casefold():
        raise WeakPassphrase("do not use your user name as the passphrase")


def _passphrase_bytes(passphrase: str) -> bytearray:
    return bytearray(unicodedata.normalize("NFC", passphrase).encode("utf-8"))


# --- passphrase slots ---------------------------------------------------------------------


def _derive_slot_keys(passphrase: str, salt: bytes, kdf: KdfParams) -> tuple[bytearray, bytearray]:
    """(wrap key, check key), 32 bytes each, from one Argon2id run. Wipe both after use."""
    secret = _passphrase_bytes(passphrase)
    derived = bytearray(64)
    try:
        Argon2id(
            salt=salt,
            length=64,
            iterations=kdf.iterations,
            lanes=kdf.lanes,
            memory_cost=kdf.memory_kib,
        ).derive_into(_buffer_as_bytes(secret), derived)
        return derived[:32], derived[32:]
    finally:
        wipe(secret)
        wipe(derived)


def _slot_check(check_key: bytearray, associated_data: bytes) -> HMAC:
    mac = HMAC(check_key, hashes.SHA256())
    mac.update(_CHECK_LABEL + associated_data)
    return mac


def make_passphrase_slot(
    store_id: str,
    data_key: DataKey,
    user: str,
    passphrase: str,
    kdf: KdfParams,
    created_at: str,
) -> PassphraseSlot:
    salt = os.urandom(_SALT_BYTES)
    nonce = os.urandom(_NONCE_BYTES)
    slot = PassphraseSlot(user, kdf, salt, nonce, b"", b"", created_at)
    associated_data = slot.associated_data(store_id)
    wrap_key, check_key = _derive_slot_keys(passphrase, salt, kdf)
    try:
        wrapped = AESGCM(wrap_key).encrypt(nonce, data_key.buffer, associated_data)
        check = _slot_check(check_key, associated_data).finalize()
    finally:
        wipe(wrap_key)
        wipe(check_key)
    return replace(slot, wrapped_key=wrapped, check=check)


def open_passphrase_slot(key_file: KeyFile, user: str, passphrase: str) -> DataKey:
    """Unwrap the data key from ``user``'s slot and verify the whole key file with it."""
    slot = key_file.slot_for(user)
    associated_data = slot.associated_data(key_file.store_id)
    wrap_key, check_key = _derive_slot_keys(passphrase, slot.salt, slot.kdf)
    data_key = DataKey(bytearray(DATA_KEY_BYTES))
    try:
        try:
            _slot_check(check_key, associated_data).verify(slot.check)
        except InvalidSignature:
            raise WrongPassphrase(user) from None
        try:
            AESGCM(wrap_key).decrypt_into(
                slot.nonce, slot.wrapped_key, associated_data, data_key.buffer
            )
        except InvalidTag:
            raise _corrupt_key_file(
                f"the passphrase is right but the key slot of user '{user}' was altered"
            ) from None
    except BaseException:
        data_key.wipe()
        raise
    finally:
        wipe(wrap_key)
        wipe(check_key)
    _verify_or_wipe(key_file, data_key)
    return data_key


# --- recovery slot ------------------------------------------------------------------------


def generate_recovery_keypair() -> tuple[bytes, bytes]:
    """A new X25519 key pair for IT: (raw private key, raw public key), 32 bytes each.

    The public key goes to :func:`desktop.store.create_store`; the private key stays
    with IT, offline.
    """
    private_key = X25519PrivateKey.generate()
    private_bytes = private_key.private_bytes_raw()
    public_bytes = private_key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    return private_bytes, public_bytes


def make_recovery_slot(
    store_id: str, data_key: DataKey, public_key: bytes, created_at: str
) -> RecoverySlot:
    try:
        recipient = X25519PublicKey.from_public_bytes(public_key)
    except ValueError:
        raise InvalidInput(
            [Problem("recovery_public_key", "must be a 32-byte X25519 public key", None)]
        ) from None
    slot = RecoverySlot(public_key=public_key, sealed_key=b"", created_at=created_at)
    sealed = _recovery_suite().encrypt(data_key.buffer, recipient, info=slot.info(store_id))
    return replace(slot, sealed_key=sealed)


def open_recovery_slot(key_file: KeyFile, private_key: bytes) -> DataKey:
    """Unwrap the data key with IT's X25519 private key and verify the key file."""
    slot = key_file.recovery
    if slot is None:
        raise NoRecoverySlot()
    try:
        recipient = X25519PrivateKey.from_private_bytes(private_key)
    except ValueError:
        raise WrongRecoveryKey() from None
    try:
        # HPKE returns bytes: this one copy of the key cannot be wiped.
        plain = _recovery_suite().decrypt(
            slot.sealed_key, recipient, info=slot.info(key_file.store_id)
        )
    except InvalidTag:
        raise WrongRecoveryKey() from None
    if len(plain) != DATA_KEY_BYTES:
        raise _corrupt_key_file("the recovery slot does not hold a data key")
    data_key = DataKey(bytearray(plain))
    del plain
    _verify_or_wipe(key_file, data_key)
    return data_key


# --- the whole file -----------------------------------------------------------------------


def _key_file_mac(key_file: KeyFile, data_key: DataKey) -> HMAC:
    mac_key = bytearray(32)
    HKDF(hashes.SHA256(), 32, salt=None, info=_KEY_FILE_MAC_INFO).derive_into(
        data_key.buffer, mac_key
    )
    try:
        mac = HMAC(mac_key, hashes.SHA256())
    finally:
        wipe(mac_key)
    mac.update(_canonical(key_file.body()))
    return mac


def seal_key_file(key_file: KeyFile, data_key: DataKey) -> KeyFile:
    """Return ``key_file`` with a fresh MAC over its current contents."""
    return replace(key_file, mac=_key_file_mac(key_file, data_key).finalize())


def _verify_or_wipe(key_file: KeyFile, data_key: DataKey) -> None:
    try:
        _key_file_mac(key_file, data_key).verify(key_file.mac)
    except InvalidSignature:
        data_key.wipe()
        raise _corrupt_key_file("a slot was added, removed or changed outside PainBridge") from None


def new_key_file(
    store_id: str,
    data_key: DataKey,
    *,
    user: str,
    passphrase: str,
    kdf: KdfParams,
    recovery_public_key: bytes | None,
    created_at: str,
) -> KeyFile:
    users = (make_passphrase_slot(store_id, data_key, user, passphrase, kdf, created_at),)
    recovery = (
        None
        if recovery_public_key is None
        else make_recovery_slot(store_id, data_key, recovery_public_key, created_at)
    )
    return seal_key_file(KeyFile(store_id, users, recovery), data_key)


def with_user_slot(
    key_file: KeyFile,
    data_key: DataKey,
    *,
    user: str,
    passphrase: str,
    kdf: KdfParams,
    created_at: str,
) -> KeyFile:
    """Add a slot for a new user."""
    if user in key_file.user_names():
        raise UserAlreadyExists(user)
    slot = make_passphrase_slot(key_file.store_id, data_key, user, passphrase, kdf, created_at)
    return seal_key_file(replace(key_file, users=(*key_file.users, slot)), data_key)


def with_replaced_passphrase(
    key_file: KeyFile, data_key: DataKey, *, user: str, passphrase: str, created_at: str
) -> KeyFile:
    """Re-wrap the same data key under a new passphrase (new salt, same or stronger KDF)."""
    old = key_file.slot_for(user)
    kdf = KdfParams(
        memory_kib=max(old.kdf.memory_kib, KdfParams().memory_kib),
        iterations=max(old.kdf.iterations, KdfParams().iterations),
    )
    slot = make_passphrase_slot(key_file.store_id, data_key, user, passphrase, kdf, created_at)
    users = tuple(slot if existing.user == user else existing for existing in key_file.users)
    return seal_key_file(replace(key_file, users=users), data_key)


def without_user_slot(key_file: KeyFile, data_key: DataKey, *, user: str) -> KeyFile:
    key_file.slot_for(user)  # raises UnknownUser
    if len(key_file.users) == 1:
        raise LastUserSlot(user)
    users = tuple(slot for slot in key_file.users if slot.user != user)
    return seal_key_file(replace(key_file, users=users), data_key)


def derive_audit_key(data_key: DataKey) -> bytearray:
    """The audit-chain HMAC key: HKDF-SHA256 of the data key with its own label."""
    audit_key = bytearray(32)
    HKDF(hashes.SHA256(), 32, salt=None, info=_AUDIT_KEY_INFO).derive_into(
        data_key.buffer, audit_key
    )
    return audit_key


# --- helpers ------------------------------------------------------------------------------


def _canonical(value: dict[str, Any]) -> bytes:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode(
        "ascii"
    )


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def _unb64(value: Any, length: int | None) -> bytes:
    if not isinstance(value, str):
        raise _corrupt_key_file("a slot field is missing or of the wrong type")
    try:
        raw = base64.b64decode(value, validate=True)
    except binascii.Error:
        raise _corrupt_key_file("a slot field is not valid base64") from None
    if length is not None and len(raw) != length:
        raise _corrupt_key_file("a slot field has the wrong length")
    return raw


def _require_fields(value: Any, names: tuple[str, ...]) -> dict[str, Any]:
    if not isinstance(value, dict) or any(name not in value for name in names):
        raise _corrupt_key_file("required fields are missing")
    return value


def _require_str(value: Any) -> str:
    if not isinstance(value, str):
        raise _corrupt_key_file("a text field is missing or of the wrong type")
    return value


def _corrupt_key_file(detail: str) -> StoreCorrupt:
    return StoreCorrupt(CorruptPart.KEY_FILE, f"the key file is damaged or altered: {detail}")
