"""The hub's own keys, kept as files in ``<config>/keys`` (owner-only), created on first use.

- ``data-<id>.key``: 32 random bytes, an AES-256-GCM key for case documents at rest. The
  newest (by its ``data-current`` pointer) encrypts; every listed key still decrypts, so a
  key can be rotated without re-encrypting old rows at once (docs/hub.md, "Key management").
- ``feed-signing.pem``: the Ed25519 key that signs every change sent to clinics; clinics
  pin its public key at enrollment.

The database never holds a key: a copy of the database alone reveals no case.
"""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from sync.hub.errors import HubSetupError
from sync.protocol import b64encode

CURRENT_POINTER = "data-current"
SIGNING_KEY_FILE = "feed-signing.pem"
_KEY_ID_BYTES = 4


class SealedDocumentDamaged(Exception):
    """A stored ciphertext failed authentication (a bug or tampering: never user input)."""


@dataclass(frozen=True)
class Sealed:
    key_id: str
    nonce: bytes
    ciphertext: bytes


def write_secret_file(path: Path, data: bytes) -> None:
    """Create ``path`` owner-only with ``data``; refuse to overwrite an existing key."""
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


class DataKeyring:
    """AES-256-GCM keys for case documents; associated data binds a ciphertext to its row."""

    def __init__(self, directory: Path) -> None:
        self._directory = directory
        self._keys: dict[str, bytes] = {}
        self.current_id = self._load()

    def _load(self) -> str:
        pointer = self._directory / CURRENT_POINTER
        if not pointer.exists():
            return self.rotate()
        current = pointer.read_text(encoding="ascii").strip()
        for path in sorted(self._directory.glob("data-*.key")):
            key = path.read_bytes()
            if len(key) != 32:
                raise HubSetupError(f"{path} is not a 32-byte data key")
            self._keys[path.stem.removeprefix("data-")] = key
        if current not in self._keys:
            raise HubSetupError(
                f"{pointer} names data key {current!r}, but data-{current}.key is missing"
            )
        return current

    def rotate(self) -> str:
        """Create a new data key and encrypt with it from now on; old keys stay readable."""
        key_id = secrets.token_hex(_KEY_ID_BYTES)
        key = secrets.token_bytes(32)
        write_secret_file(self._directory / f"data-{key_id}.key", key)
        pointer = self._directory / CURRENT_POINTER
        temporary = pointer.with_suffix(".tmp")
        temporary.write_text(key_id + "\n", encoding="ascii")
        os.replace(temporary, pointer)
        self._keys[key_id] = key
        self.current_id = key_id
        return key_id

    def seal(self, plaintext: bytes, associated: bytes) -> Sealed:
        nonce = secrets.token_bytes(12)
        cipher = AESGCM(self._keys[self.current_id])
        return Sealed(self.current_id, nonce, cipher.encrypt(nonce, plaintext, associated))

    def open(self, sealed: Sealed, associated: bytes) -> bytes:
        key = self._keys.get(sealed.key_id)
        if key is None:
            raise HubSetupError(
                f"data key {sealed.key_id} is needed to read a stored case but is not in "
                f"{self._directory}; restore it from the key backup"
            )
        try:
            return AESGCM(key).decrypt(sealed.nonce, sealed.ciphertext, associated)
        except InvalidTag:
            raise SealedDocumentDamaged(
                f"a stored case document failed authentication (key {sealed.key_id})"
            ) from None


class FeedSigner:
    """Signs change payloads with the hub's Ed25519 key."""

    def __init__(self, directory: Path) -> None:
        path = directory / SIGNING_KEY_FILE
        if not path.exists():
            pem = Ed25519PrivateKey.generate().private_bytes(
                serialization.Encoding.PEM,
                serialization.PrivateFormat.PKCS8,
                serialization.NoEncryption(),
            )
            write_secret_file(path, pem)
        loaded = serialization.load_pem_private_key(path.read_bytes(), password=None)
        if not isinstance(loaded, Ed25519PrivateKey):
            raise HubSetupError(f"{path} is not an Ed25519 private key")
        self._key = loaded

    def sign(self, message: bytes) -> str:
        return b64encode(self._key.sign(message))

    @property
    def public_key_text(self) -> str:
        raw = self._key.public_key().public_bytes(
            serialization.Encoding.Raw, serialization.PublicFormat.Raw
        )
        return b64encode(raw)


@dataclass(frozen=True)
class HubKeys:
    data: DataKeyring
    feed: FeedSigner


def load_hub_keys(directory: Path) -> HubKeys:
    """The hub's keys from ``directory``, creating any that do not exist yet."""
    directory.mkdir(mode=0o700, parents=True, exist_ok=True)
    return HubKeys(DataKeyring(directory), FeedSigner(directory))
