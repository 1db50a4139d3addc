"""Loading and verifying a model bundle: a directory of ONNX files, manifest.json and
manifest.sig (docs/models.md).

:func:`load_bundle` trusts nothing it has not checked, in this order: the signature of the
exact manifest bytes with the trusted Ed25519 key; the manifest against its schema; every
listed file name (plain names only, no path traversal, no symlinks); the sha256 of every
file, read exactly once; no ONNX model with external-data initializers; the feature schema
equal to the one this PainBridge computes. The verified bytes are what sessions are built
from. Any failure raises :class:`~models_onnx.errors.BundleError` naming the check.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from pydantic import ValidationError

from models_onnx.errors import BundleError
from models_onnx.external_data import MalformedModel, has_external_data
from models_onnx.features import (
    FEATURE_NAMES,
    FEATURE_SCHEMA,
    FEATURE_SCHEMA_VERSION,
    OPTION_FEATURE,
)
from models_onnx.manifest import SAFE_FILE_NAME, Manifest
from models_onnx.signing import key_id, signature_holds

#: The signed synthetic bundle shipped with the app (development-signed, not validated).
DEFAULT_BUNDLE_DIR = Path(__file__).parent / "bundles" / "default"
MANIFEST = "manifest.json"
SIGNATURE = "manifest.sig"
MAX_MANIFEST_BYTES = 16 * 1024 * 1024
MAX_FILE_BYTES = 512 * 1024 * 1024


@dataclass(frozen=True)
class VerifiedBundle:
    """A bundle whose signature, manifest, hashes and schema all held."""

    directory: Path
    manifest: Manifest
    files: Mapping[str, bytes]
    signer: str  # key id of the trusted key that verified it
    manifest_sha256: str = ""  # sha256 of the signed manifest bytes: the bundle's identity

    @property
    def label(self) -> str:
        return f"{self.manifest.name} {self.manifest.version}"


def read_file(directory: Path, name: str, bundle: str, limit: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of one plain file of the bundle (no symlinks, no traversal, size-capped)."""
    if not SAFE_FILE_NAME.fullmatch(name) or ".." in name:
        raise BundleError(bundle, f"file name {name!r} is not a plain file name in the bundle")
    path = directory / name
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    try:
        if stat.S_ISLNK(os.lstat(path).st_mode):
            raise BundleError(bundle, f"{name} is a symbolic link; bundles hold plain files")
        descriptor = os.open(path, flags)
    except FileNotFoundError:
        raise BundleError(bundle, f"{name} is missing") from None
    except OSError as error:
        raise BundleError(bundle, f"{name} cannot be read ({error.strerror})") from None
    with os.fdopen(descriptor, "rb") as handle:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise BundleError(bundle, f"{name} is not a regular file")
        if info.st_size > limit:
            raise BundleError(bundle, f"{name} is larger than {limit // (1024 * 1024)} MiB")
        return handle.read(limit + 1)


def parse_manifest(data: bytes, bundle: str) -> Manifest:
    """The manifest from its bytes; a schema failure names the field."""
    try:
        return Manifest.model_validate_json(data)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "(document)"
        raise BundleError(bundle, f"manifest.json is not valid: {where}: {first['msg']}") from None


def read_manifest_unverified(directory: Path | str) -> Manifest:
    """The manifest WITHOUT checking the signature (for showing a card; never for use)."""
    directory = Path(directory)
    return parse_manifest(read_file(directory, MANIFEST, str(directory), MAX_MANIFEST_BYTES),
                          str(directory))


def _check_schema(manifest: Manifest, bundle: str) -> None:
    """The bundle must read exactly the features this PainBridge computes."""
    if manifest.feature_schema_version != FEATURE_SCHEMA_VERSION:
        raise BundleError(
            bundle, f"it reads features {manifest.feature_schema_version}; this PainBridge "
            f"computes {FEATURE_SCHEMA_VERSION}"
        )
    ours = [(s.name, s.unit, s.minimum, s.maximum) for s in FEATURE_SCHEMA]
    theirs = [(s.name, s.unit, s.minimum, s.maximum) for s in manifest.feature_schema]
    if ours != theirs:
        diff = next((i for i, (a, b) in enumerate(zip(ours, theirs, strict=False)) if a != b),
                    min(len(ours), len(theirs)))
        raise BundleError(bundle, f"its feature schema differs from this PainBridge's at "
                                  f"feature {diff + 1}")
    roles = sorted(m.role for m in manifest.models)
    if roles != ["response", "subtype"]:
        raise BundleError(bundle, f"it must hold one subtype and one response model, has {roles}")
    for model in manifest.models:
        expected = list(FEATURE_NAMES) + ([OPTION_FEATURE] if model.role == "response" else [])
        if list(model.input_columns) != expected:
            raise BundleError(bundle, f"{model.file} does not read the schema's feature columns")
    subtype = next(m for m in manifest.models if m.role == "subtype")
    if [h.name for h in subtype.heads] != list(manifest.mechanisms):
        raise BundleError(bundle, "the subtype model's heads are not the manifest's mechanisms")
    response = next(m for m in manifest.models if m.role == "response")
    if len(response.heads) != 1:
        raise BundleError(bundle, "the response model must have exactly one head")


def load_bundle(directory: Path | str, trusted_key: Ed25519PublicKey) -> VerifiedBundle:
    """Verify everything and return the bundle with the verified bytes of its files."""
    directory = Path(directory)
    bundle = str(directory)
    if not directory.is_dir():
        raise BundleError(bundle, "there is no bundle directory there")
    manifest_bytes = read_file(directory, MANIFEST, bundle, MAX_MANIFEST_BYTES)
    signature = read_file(directory, SIGNATURE, bundle, 1024)
    if not signature_holds(manifest_bytes, signature, trusted_key):
        raise BundleError(
            bundle, f"its signature does not verify with the trusted key {key_id(trusted_key)} "
            "(signed with another key, or manifest.json was changed)"
        )
    manifest = parse_manifest(manifest_bytes, bundle)
    files: dict[str, bytes] = {}
    for name, digest in manifest.files.items():
        data = read_file(directory, name, bundle)
        if hashlib.sha256(data).hexdigest() != digest:
            raise BundleError(bundle, f"{name} does not match its sha256 in the manifest "
                                      "(changed or corrupted)")
        files[name] = data
    for model in manifest.models:
        try:
            external = has_external_data(files[model.file])
        except MalformedModel as error:
            raise BundleError(bundle, f"{model.file} is not a valid ONNX model ({error})") from None
        if external:
            raise BundleError(bundle, f"{model.file} refers to external data files, which "
                                      "bundles must not use")
    _check_schema(manifest, bundle)
    return VerifiedBundle(
        directory, manifest, files, key_id(trusted_key), hashlib.sha256(manifest_bytes).hexdigest()
    )


def manifest_json(manifest: Manifest) -> bytes:
    """Canonical manifest bytes (what the signature covers): sorted keys, 1-space indent."""
    return (json.dumps(manifest.model_dump(mode="json"), indent=1, sort_keys=True,
                       ensure_ascii=False) + "\n").encode("utf-8")
