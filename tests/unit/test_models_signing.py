"""Ed25519 manifest signatures and keys (models_onnx/signing.py)."""

from __future__ import annotations

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from models_onnx.errors import SigningKeyError
from models_onnx.signing import (
    DEVELOPMENT_SIGNING_KEY_PATH,
    development_public_key,
    key_id,
    load_private_key_file,
    load_public_key,
    load_public_key_file,
    sign_manifest,
    signature_holds,
)

MANIFEST = b'{"name": "x"}\n'


def raw(key):
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def test_development_key_pair_matches_the_embedded_public_key():
    private = load_private_key_file(DEVELOPMENT_SIGNING_KEY_PATH)
    assert raw(private.public_key()) == raw(development_public_key())
    public_pem = DEVELOPMENT_SIGNING_KEY_PATH.with_name("DEVELOPMENT-PUBLIC-KEY.pem")
    assert raw(load_public_key_file(public_pem)) == raw(development_public_key())
    assert "DEVELOPMENT ONLY" in DEVELOPMENT_SIGNING_KEY_PATH.read_text(encoding="utf-8")


def test_signature_round_trip_and_rejections():
    key = Ed25519PrivateKey.generate()
    signature = sign_manifest(MANIFEST, key)
    assert signature.endswith(b"\n")
    assert signature_holds(MANIFEST, signature, key.public_key())
    assert not signature_holds(MANIFEST + b" ", signature, key.public_key())
    assert not signature_holds(MANIFEST, signature, Ed25519PrivateKey.generate().public_key())
    assert not signature_holds(MANIFEST, b"not base64!", key.public_key())
    assert not signature_holds(MANIFEST, b"AAAA", key.public_key())


def test_public_key_formats():
    key = Ed25519PrivateKey.generate().public_key()
    pem = key.public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    for data in (pem, raw(key), raw(key).hex().encode()):
        assert key_id(load_public_key(data)) == key_id(key)
    with pytest.raises(SigningKeyError, match="PEM, 32 raw bytes or 64 hex digits"):
        load_public_key(b"short")


def test_unreadable_key_files_are_clear_errors(tmp_path):
    with pytest.raises(SigningKeyError, match="cannot read the trusted key"):
        load_public_key_file(tmp_path / "absent.pem")
    bad = tmp_path / "bad.pem"
    bad.write_text("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n")
    with pytest.raises(SigningKeyError, match="not an unencrypted PEM private key"):
        load_private_key_file(bad)
