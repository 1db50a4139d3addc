"""The hub's own keys, kept as files in ``<config>/keys`` (owner-only), created on first use.

- ``data-<id>.key``: 32 random bytes, an AES-256-GCM key for case documents at rest. The
  newest (by its ``data-current`` pointer) encrypts; every listed key still decrypts, so a
  key can be rotated without re-encrypting old rows at once. ``painbridge hub
  rotate-data-key`` (key_rotation.py) re-encrypts them and then retires the old key; a
  running hub follows such a rotation (:meth:`DataKeyring.refresh`). See docs/hub.md,
  "Key management".
- ``feed-signing.pem``: the Ed25519 key that signs every change sent to clinics; clinics
  pin its public key at enrollment.

The database never holds a key: a copy of the database alone reveals no case.
"""

from __future__ import annotations

import os
import secrets
import threading
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
        self._lock = threading.Lock()
        self.current_id = ""
        if (directory / CURRENT_POINTER).exists():
            self.refresh()
        else:
            self.rotate()

    @property
    def key_ids(self) -> list[str]:
        """The ids of every data key this keyring can decrypt with."""
        return sorted(self._keys)

    def refresh(self) -> bool:
        """Follow the key directory (another process may have rotated or retired a key):
        load new key files, forget deleted ones, re-read the current pointer. True when
        the current key changed."""
        with self._lock:
            pointer = self._directory / CURRENT_POINTER
            current = pointer.read_text(encoding="ascii").strip()
            found = {
                path.stem.removeprefix("data-"): path
                for path in sorted(self._directory.glob("data-*.key"))
            }
            for key_id, path in found.items():
                if key_id not in self._keys:
                    key = path.read_bytes()
                    if len(key) != 32:
                        raise HubSetupError(f"{path} is not a 32-byte data key")
                    self._keys[key_id] = key
            for key_id in set(self._keys) - set(found):
                del self._keys[key_id]
            if current not in self._keys:
                raise HubSetupError(
                    f"{pointer} names data key {current!r}, but data-{current}.key is missing"
                )
            changed = current != self.current_id
            self.current_id = current
            return changed

    def rotate(self) -> str:
        """Create a new data key and encrypt with it from now on; old keys stay readable."""
        key_id = secrets.token_hex(_KEY_ID_BYTES)
        key = secrets.token_bytes(32)
        write_secret_file(self._directory / f"data-{key_id}.key", key)
        pointer = self._directory / CURRENT_POINTER
        temporary = pointer.with_suffix(".tmp")
        with temporary.open("w", encoding="ascii") as handle:
            handle.write(key_id + "\n")
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, pointer)
        _sync_directory(self._directory)
        with self._lock:
            self._keys[key_id] = key
            self.current_id = key_id
        return key_id

    def retire(self, key_id: str) -> None:
        """Delete a data key that no stored row needs any more (never the current one).

        Copies in backups of the key directory are not touched: destroy them as your
        backup policy says (docs/hub.md, "Key management").
        """
        if key_id == self.current_id:
            raise ValueError("the current data key cannot be retired")
        with self._lock:
            (self._directory / f"data-{key_id}.key").unlink(missing_ok=True)
            _sync_directory(self._directory)
            self._keys.pop(key_id, None)

    def seal(self, plaintext: bytes, associated: bytes) -> Sealed:
        """Encrypt with the current key (a fresh random 96-bit nonce every time)."""
        key_id = self.current_id
        nonce = secrets.token_bytes(12)
        cipher = AESGCM(self._keys[key_id])
        return Sealed(key_id, nonce, cipher.encrypt(nonce, plaintext, associated))

    def open(self, sealed: Sealed, associated: bytes) -> bytes:
        key = self._keys.get(sealed.key_id)
        if key is None:  # rotated by another process since we loaded the keys?
            self.refresh()
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


def _sync_directory(directory: Path) -> None:
    """Make a rename or unlink in ``directory`` durable (POSIX; a no-op elsewhere)."""
    if os.name != "posix":
        return
    descriptor = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


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
