"""Key slots: the random data key, wrapped once per user and once for IT recovery.

The 256-bit data key is the raw SQLCipher key. It is never written anywhere in
plaintext. The key file (JSON, format in :mod:`desktop.store.key_file`) holds:

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

import os
import unicodedata
from dataclasses import replace
from typing import cast

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
    LastUserSlot,
    NoRecoverySlot,
    UserAlreadyExists,
    WeakPassphrase,
    WrongPassphrase,
    WrongRecoveryKey,
)
from desktop.store.key_file import (
    DATA_KEY_BYTES,
    NONCE_BYTES,
    SALT_BYTES,
    KdfParams,
    KeyFile,
    PassphraseSlot,
    RecoverySlot,
    canonical_json,
    corrupt_key_file,
)

MINIMUM_PASSPHRASE_CHARACTERS = 10
MAXIMUM_USER_NAME_CHARACTERS = 64

_HEX_DIGITS = b"0123456789abcdef"
_CHECK_LABEL = b"painbridge/v1/slot-check\x00"
_KEY_FILE_MAC_INFO = b"painbridge/v1/key-file-mac"
_AUDIT_KEY_INFO = b"painbridge/v1/audit-chain"


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
    salt = os.urandom(SALT_BYTES)
    nonce = os.urandom(NONCE_BYTES)
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
            raise corrupt_key_file(
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
        raise corrupt_key_file("the recovery slot does not hold a data key")
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
    mac.update(canonical_json(key_file.body()))
    return mac


def seal_key_file(key_file: KeyFile, data_key: DataKey) -> KeyFile:
    """Return ``key_file`` with a fresh MAC over its current contents."""
    return replace(key_file, mac=_key_file_mac(key_file, data_key).finalize())


def _verify_or_wipe(key_file: KeyFile, data_key: DataKey) -> None:
    try:
        _key_file_mac(key_file, data_key).verify(key_file.mac)
    except InvalidSignature:
        data_key.wipe()
        raise corrupt_key_file("a slot was added, removed or changed outside PainBridge") from None


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
