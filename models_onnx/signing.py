"""Ed25519 signatures over bundle manifests, and the keys that make and check them.

``manifest.sig`` holds one line: the base64 Ed25519 signature of the exact bytes of
``manifest.json``. The manifest lists the sha256 of every other file, so the signature
covers the whole bundle.

The development key pair in models_onnx/bundles/ signs the default synthetic bundle. Its
private half is published on purpose and protects nothing: production hubs sign with their
own key and clinics trust that key instead (docs/models.md, "Signing keys").
"""

from __future__ import annotations

import base64
import binascii
import hashlib
from pathlib import Path

from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from models_onnx.errors import SigningKeyError

#: Raw public key of models_onnx/bundles/DEVELOPMENT-SIGNING-KEY.pem (DEVELOPMENT ONLY).
DEVELOPMENT_PUBLIC_KEY_HEX = "ea9369c03b3e52616d7f92be5215a56b07fd5e4441b58295ad88343ad7b253ce"
DEVELOPMENT_SIGNING_KEY_PATH = Path(__file__).parent / "bundles" / "DEVELOPMENT-SIGNING-KEY.pem"
SIGNATURE_LENGTH = 64


def development_public_key() -> Ed25519PublicKey:
    """The trusted key of development builds: it only accepts development-signed bundles."""
    return Ed25519PublicKey.from_public_bytes(bytes.fromhex(DEVELOPMENT_PUBLIC_KEY_HEX))


def key_id(key: Ed25519PublicKey) -> str:
    """A short fingerprint for messages: the first 16 hex digits of sha256(raw key)."""
    raw = key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return hashlib.sha256(raw).hexdigest()[:16]


def load_public_key(data: bytes, source: str = "public key") -> Ed25519PublicKey:
    """An Ed25519 public key from PEM, 32 raw bytes or 64 hex digits."""
    if b"-----BEGIN" in data:
        try:
            key = serialization.load_pem_public_key(data)
        except (ValueError, UnsupportedAlgorithm):
            raise SigningKeyError(f"{source} is not a readable PEM public key") from None
        if not isinstance(key, Ed25519PublicKey):
            raise SigningKeyError(f"{source} is not an Ed25519 key")
        return key
    raw = data.strip()
    if len(raw) == 64:
        try:
            raw = bytes.fromhex(raw.decode("ascii"))
        except (ValueError, UnicodeDecodeError):
            raise SigningKeyError(f"{source} is not 64 hex digits") from None
    if len(raw) != 32:
        raise SigningKeyError(f"{source} must be PEM, 32 raw bytes or 64 hex digits")
    return Ed25519PublicKey.from_public_bytes(raw)


def load_public_key_file(path: Path) -> Ed25519PublicKey:
    try:
        data = path.read_bytes()
    except OSError as error:
        raise SigningKeyError(f"cannot read the trusted key {path}: {error.strerror}") from None
    return load_public_key(data, source=str(path))


def load_private_key_file(path: Path) -> Ed25519PrivateKey:
    """An unencrypted PEM Ed25519 private key (text before the PEM block is allowed)."""
    try:
        key = serialization.load_pem_private_key(path.read_bytes(), password=None)
    except OSError as error:
        raise SigningKeyError(f"cannot read the signing key {path}: {error.strerror}") from None
    except (ValueError, TypeError, UnsupportedAlgorithm):
        raise SigningKeyError(f"{path} is not an unencrypted PEM private key") from None
    if not isinstance(key, Ed25519PrivateKey):
        raise SigningKeyError(f"{path} is not an Ed25519 key")
    return key


def sign_manifest(manifest: bytes, key: Ed25519PrivateKey) -> bytes:
    """The content of manifest.sig for these exact manifest bytes."""
    return base64.b64encode(key.sign(manifest)) + b"\n"


def signature_holds(manifest: bytes, signature_file: bytes, key: Ed25519PublicKey) -> bool:
    """True when ``signature_file`` is a valid signature of ``manifest`` by ``key``."""
    try:
        signature = base64.b64decode(signature_file.strip(), validate=True)
    except (binascii.Error, ValueError):
        return False
    if len(signature) != SIGNATURE_LENGTH:
        return False
    try:
        key.verify(signature, manifest)
    except InvalidSignature:
        return False
    return True
