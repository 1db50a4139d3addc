"""The clinic device's Ed25519 key: generated here, kept only in the encrypted database.

The private key never leaves the store as bytes: callers get a :class:`DeviceKey`, which
signs. It is written into ``sync_identity`` (migration ``0007_sync``), so it is as protected
at rest as the cases, and an unlocked store is needed to sign any request to the hub.
"""

from __future__ import annotations

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey


class DeviceKey:
    """Signs requests for one enrolled (or enrolling) device."""

    def __init__(self, private_key: Ed25519PrivateKey, device_id: str = "") -> None:
        self._key = private_key
        self._device_id = device_id

    @classmethod
    def generate(cls) -> DeviceKey:
        return cls(Ed25519PrivateKey.generate())

    @classmethod
    def from_raw(cls, raw: bytes, device_id: str) -> DeviceKey:
        return cls(Ed25519PrivateKey.from_private_bytes(raw), device_id)

    @property
    def device_id(self) -> str:
        return self._device_id

    def for_device(self, device_id: str) -> DeviceKey:
        return DeviceKey(self._key, device_id)

    def public_bytes(self) -> bytes:
        return self._key.public_key().public_bytes(
            serialization.Encoding.Raw, serialization.PublicFormat.Raw
        )

    def raw_private_bytes(self) -> bytes:
        """For writing into the encrypted database only (sync_ledger.save_identity)."""
        return self._key.private_bytes(
            serialization.Encoding.Raw,
            serialization.PrivateFormat.Raw,
            serialization.NoEncryption(),
        )

    def sign(self, message: bytes) -> bytes:
        return self._key.sign(message)
