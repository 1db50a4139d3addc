"""IT recovery key files: X25519 keys as PEM (public: SubjectPublicKeyInfo, private: PKCS#8).

The private key file is created with mode 0600 and never overwritten.
"""

from __future__ import annotations

import os
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.serialization import (
    Encoding,
    NoEncryption,
    PrivateFormat,
    PublicFormat,
    load_pem_private_key,
    load_pem_public_key,
)

from desktop.domain.errors import UserFacingError

PRIVATE_FILE = "recovery-private.pem"
PUBLIC_FILE = "recovery-public.pem"


class RecoveryKeyFileError(UserFacingError):
    """A recovery key file is missing, unreadable or not an X25519 key."""


def write_recovery_keypair(
    directory: Path, private_key: bytes, public_key: bytes
) -> tuple[Path, Path]:
    """Write both keys as PEM into ``directory``; refuses to overwrite existing files."""
    directory.mkdir(parents=True, exist_ok=True)
    private_path, public_path = directory / PRIVATE_FILE, directory / PUBLIC_FILE
    private_pem = X25519PrivateKey.from_private_bytes(private_key).private_bytes(
        Encoding.PEM, PrivateFormat.PKCS8, NoEncryption()
    )
    public_pem = X25519PublicKey.from_public_bytes(public_key).public_bytes(
        Encoding.PEM, PublicFormat.SubjectPublicKeyInfo
    )
    for path, data, mode in ((private_path, private_pem, 0o600), (public_path, public_pem, 0o644)):
        try:
            descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
        except FileExistsError:
            raise RecoveryKeyFileError(
                f"{path} already exists; choose another directory (keys are never overwritten)"
            ) from None
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    return private_path, public_path


def read_recovery_public_key(path: Path) -> bytes:
    """The raw 32-byte X25519 public key from a PEM file."""
    key = load_pem_public_key(_read(path))
    if not isinstance(key, X25519PublicKey):
        raise RecoveryKeyFileError(f"{path} is not an X25519 public key")
    return key.public_bytes(Encoding.Raw, PublicFormat.Raw)


def read_recovery_private_key(path: Path) -> bytes:
    """The raw 32-byte X25519 private key from a PEM file."""
    key = load_pem_private_key(_read(path), password=None)
    if not isinstance(key, X25519PrivateKey):
        raise RecoveryKeyFileError(f"{path} is not an X25519 private key")
    return key.private_bytes_raw()


def _read(path: Path) -> bytes:
    try:
        data = path.read_bytes()
    except OSError as error:
        raise RecoveryKeyFileError(f"cannot read {path}: {error.strerror}") from None
    if b"-----BEGIN" not in data:
        raise RecoveryKeyFileError(f"{path} is not a PEM key file")
    return data
