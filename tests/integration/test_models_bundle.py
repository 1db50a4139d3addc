"""Bundle verification and the model slot: every tampering is rejected with a clear
message, and a failed load leaves the previous bundle serving predictions."""

from __future__ import annotations

import hashlib
import json
import shutil
from collections.abc import Callable
from pathlib import Path

import numpy as np
import onnx
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from onnx.external_data_helper import convert_model_to_external_data

from desktop.domain.errors import UserFacingError
from models_onnx.bundle import DEFAULT_BUNDLE_DIR, load_bundle
from models_onnx.errors import BundleError
from models_onnx.inference import ModelSlot, verify
from models_onnx.signing import (
    DEVELOPMENT_SIGNING_KEY_PATH,
    development_public_key,
    key_id,
    load_private_key_file,
    sign_manifest,
)
from tests.unit.test_models_features import example

DEV_KEY = development_public_key()


@pytest.fixture
def bundle(tmp_path) -> Path:
    copy = tmp_path / "bundle"
    shutil.copytree(DEFAULT_BUNDLE_DIR, copy)
    return copy


@pytest.fixture
def slot(tmp_path) -> ModelSlot:
    """A slot already serving a good bundle (its own copy)."""
    good = tmp_path / "good"
    shutil.copytree(DEFAULT_BUNDLE_DIR, good)
    loaded = ModelSlot(DEV_KEY)
    loaded.load(good)
    return loaded


def resign(bundle: Path, change: Callable[[dict], None]) -> None:
    """Edit manifest.json and sign it again with the development key (a trusted signer
    who signed something bad)."""
    manifest = json.loads((bundle / "manifest.json").read_bytes())
    change(manifest)
    data = (json.dumps(manifest, indent=1, sort_keys=True) + "\n").encode()
    (bundle / "manifest.json").write_bytes(data)
    key = load_private_key_file(DEVELOPMENT_SIGNING_KEY_PATH)
    (bundle / "manifest.sig").write_bytes(sign_manifest(data, key))


def replace_file(bundle: Path, name: str, data: bytes) -> None:
    (bundle / name).write_bytes(data)

    def rehash(manifest: dict) -> None:
        manifest["files"][name] = hashlib.sha256(data).hexdigest()

    resign(bundle, rehash)


def flip_byte(bundle: Path) -> None:
    path = bundle / "response.onnx"
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01
    path.write_bytes(bytes(data))


def edit_manifest_unsigned(bundle: Path) -> None:
    path = bundle / "manifest.json"
    path.write_bytes(path.read_bytes().replace(b'"version": "', b'"version": "9', 1))


def remove_model(bundle: Path) -> None:
    (bundle / "subtype.onnx").unlink()


def remove_signature(bundle: Path) -> None:
    (bundle / "manifest.sig").unlink()


def external_data(bundle: Path) -> None:
    model = onnx.load_from_string((bundle / "subtype.onnx").read_bytes())
    convert_model_to_external_data(model, location="../../weights-outside-the-bundle.bin",
                                   size_threshold=0)
    replace_file(bundle, "subtype.onnx", model.SerializeToString())


def path_traversal(bundle: Path) -> None:
    (bundle.parent / "outside.onnx").write_bytes((bundle / "response.onnx").read_bytes())

    def point_outside(manifest: dict) -> None:
        digest = manifest["files"].pop("response.onnx")
        manifest["files"]["../outside.onnx"] = digest
        for model in manifest["models"]:
            if model["file"] == "response.onnx":
                model["file"] = "../outside.onnx"

    resign(bundle, point_outside)


def symbolic_link(bundle: Path) -> None:
    target = bundle.parent / "elsewhere.onnx"
    target.write_bytes((bundle / "response.onnx").read_bytes())
    (bundle / "response.onnx").unlink()
    (bundle / "response.onnx").symlink_to(target)


def other_feature_schema(bundle: Path) -> None:
    resign(bundle, lambda m: m["feature_schema"][0].update(maximum=150.0))


def unrunnable_model(bundle: Path) -> None:
    model = onnx.load_from_string((bundle / "response.onnx").read_bytes())
    model.graph.node[0].op_type = "NoSuchOperator"
    replace_file(bundle, "response.onnx", model.SerializeToString())


def mismatched_terms(bundle: Path) -> None:
    def drop_last_term(manifest: dict) -> None:
        response = next(m for m in manifest["models"] if m["role"] == "response")
        response["heads"][0]["terms"].pop()

    resign(bundle, drop_last_term)


def invalid_manifest(bundle: Path) -> None:
    resign(bundle, lambda m: m.update(version="one"))


FAILURES = [
    (flip_byte, "response.onnx does not match its sha256 in the manifest"),
    (edit_manifest_unsigned, "signature does not verify with the trusted key"),
    (remove_model, "subtype.onnx is missing"),
    (remove_signature, "manifest.sig is missing"),
    (external_data, "subtype.onnx refers to external data files"),
    (path_traversal, "file name '../outside.onnx' is not a plain file name in the bundle"),
    (symbolic_link, "response.onnx is a symbolic link"),
    (other_feature_schema, "feature schema differs from this PainBridge's at feature 1"),
    (unrunnable_model, "response.onnx is not a model onnxruntime can run"),
    (invalid_manifest, "manifest.json is not valid: version: Value error, must be a semantic"),
    (mismatched_terms, "its models and manifest disagree on a probe case"),
]


def test_round_trip(bundle):
    slot = ModelSlot(DEV_KEY)
    predictor = slot.load(bundle)
    assert slot.current is predictor
    prediction = slot.predict(example())
    assert prediction.model_name == predictor.name
    assert len(prediction.options) == 15


@pytest.mark.parametrize(("tamper", "message"), FAILURES, ids=[f.__name__ for f, _ in FAILURES])
def test_tampering_is_rejected_and_the_previous_bundle_stays(slot, bundle, tamper, message):
    before = slot.current
    expected = before.predict(example())
    tamper(bundle)
    with pytest.raises(BundleError) as raised:
        slot.load(bundle)
    assert isinstance(raised.value, UserFacingError)
    assert message in str(raised.value)
    assert str(bundle) in str(raised.value)
    assert slot.current is before
    again = slot.predict(example())
    assert np.allclose([o.probability for o in again.options],
                       [o.probability for o in expected.options])


def test_wrong_key_names_the_trusted_key(slot, bundle):
    other = Ed25519PrivateKey.generate().public_key()
    with pytest.raises(BundleError, match=f"trusted key {key_id(other)}"):
        ModelSlot(other).load(bundle)
    with pytest.raises(BundleError, match="signature does not verify"):
        verify(bundle, other)


def test_not_a_directory(tmp_path):
    with pytest.raises(BundleError, match="there is no bundle directory there"):
        load_bundle(tmp_path / "absent", DEV_KEY)


def test_empty_slot_says_no_bundle():
    with pytest.raises(BundleError, match="no model bundle is loaded"):
        ModelSlot(DEV_KEY).predict(example())


def test_sessions_are_built_from_the_verified_bytes(slot, bundle):
    """Changing a file after verification cannot change what runs."""
    predictor = ModelSlot(DEV_KEY).load(bundle)
    before = predictor.predict(example())
    (bundle / "response.onnx").write_bytes(b"garbage")
    after = predictor.predict(example())
    assert [o.probability for o in after.options] == [o.probability for o in before.options]
