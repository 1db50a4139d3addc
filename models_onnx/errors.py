"""Failures of model bundles, written for the user (style.md habit 1)."""

from __future__ import annotations

from desktop.domain.errors import UserFacingError


class BundleError(UserFacingError):
    """A model bundle cannot be trusted or used: the message says which check failed.

    Raised for a missing or unreadable file, a signature that does not verify with the
    trusted key, a file whose hash differs from the manifest, an invalid manifest, a file
    name that leaves the bundle directory, an ONNX model that refers to external data, a
    feature schema this version of PainBridge does not produce, or a model that onnxruntime
    refuses. A failed load never replaces the bundle already in use.
    """

    def __init__(self, bundle: str, problem: str) -> None:
        self.bundle = bundle
        self.problem = problem
        super().__init__(f"Model bundle {bundle!r} cannot be used: {problem}")


class SigningKeyError(UserFacingError):
    """A signing or trusted key file cannot be read as an Ed25519 key."""
