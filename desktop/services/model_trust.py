"""Which key a model bundle must be signed with (docs/models.md, "Signing keys"; D14).

- The default bundle shipped in the program folder (:data:`DEFAULT_BUNDLE`) is signed
  with the development key and is always checked with it: it is what ships, and only the
  installer can write to the program folder.
- Every other bundle (a release installed from the hub, the previous one a rollback
  returns to, a copy anywhere else) is checked with the key IT configured for this
  computer (the machine configuration's ``model_trusted_key``) *instead of* the
  development key, whose private half is published; with no key configured, with the
  development key.

Kept apart from desktop/services/models.py so the composition root can build it before
the window opens without importing onnxruntime.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from models_onnx.signing import development_public_key

DEFAULT_BUNDLE = Path(__file__).resolve().parents[2] / "models_onnx" / "bundles" / "default"


@dataclass(frozen=True)
class ModelTrust:
    """The keys model bundles must be signed with (see the module docstring)."""

    #: bundles installed from a hub, and any other bundle but the shipped one
    downloaded: Ed25519PublicKey
    #: the default bundle shipped in the program folder
    shipped: Ed25519PublicKey

    @classmethod
    def configured(cls, trusted_key: Ed25519PublicKey | None = None) -> ModelTrust:
        """Downloaded bundles checked with ``trusted_key`` (None: the development key); the
        shipped bundle with the development key."""
        development = development_public_key()
        return cls(downloaded=trusted_key or development, shipped=development)

    @classmethod
    def only(cls, key: Ed25519PublicKey) -> ModelTrust:
        """One key for every bundle, the shipped one included (tools, tests)."""
        return cls(downloaded=key, shipped=key)

    def key_for(self, directory: Path) -> Ed25519PublicKey:
        """The key the bundle in ``directory`` must be signed with."""
        shipped = Path(directory).resolve() == DEFAULT_BUNDLE.resolve()
        return self.shipped if shipped else self.downloaded
