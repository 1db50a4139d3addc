"""Model bundles for the update tests: the shipped bundle re-versioned and re-signed."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from models_onnx.bundle import DEFAULT_BUNDLE_DIR
from models_onnx.signing import (
    DEVELOPMENT_SIGNING_KEY_PATH,
    load_private_key_file,
    sign_manifest,
)


def bundle_version(directory: Path, version: str) -> Path:
    """A copy of the default bundle whose manifest says ``version`` (development-signed)."""
    target = directory / f"bundle-{version}"
    shutil.copytree(DEFAULT_BUNDLE_DIR, target)
    manifest = json.loads((target / "manifest.json").read_bytes())
    manifest["version"] = version
    data = (json.dumps(manifest, indent=1, sort_keys=True, ensure_ascii=False) + "\n").encode()
    (target / "manifest.json").write_bytes(data)
    key = load_private_key_file(DEVELOPMENT_SIGNING_KEY_PATH)
    (target / "manifest.sig").write_bytes(sign_manifest(data, key))
    return target
