"""The model in use: load and verify a bundle, predict, describe it for the model panel.

Loading verifies the bundle's signature and every file's hash and opens the ONNX sessions
(milliseconds to a second or two), so it runs in a background job, never at start-up on
the GUI thread. A bundle that fails a check leaves the previous one in use.

Which key a bundle must be signed with is the :class:`ModelTrust` the composition root
gives (desktop/services/model_trust.py): the shipped default bundle with the development
key it is signed with, every other bundle with the key IT configured for this computer.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from desktop.domain.case import Case
from desktop.domain.case_parsing import dump_case
from desktop.domain.model_output import ModelOutput
from desktop.services.model_output_adapter import to_model_output
from desktop.services.model_texts import BUNDLE_NOTE
from desktop.services.model_trust import DEFAULT_BUNDLE, ModelTrust
from models_onnx.card import render_card
from models_onnx.inference import ModelSlot, Predictor

if TYPE_CHECKING:
    from desktop.services.status import ModelStatus

__all__ = ["DEFAULT_BUNDLE", "ModelService", "ModelTrust"]


class ModelService:
    """Holds the verified bundle in use and runs it on cases (thread-safe)."""

    def __init__(
        self,
        trusted_key: Ed25519PublicKey | None = None,
        *,
        default_bundle: Path | None = DEFAULT_BUNDLE,
        trust: ModelTrust | None = None,
    ) -> None:
        """``trusted_key``: one key for every bundle (tools, tests); else ``trust``."""
        if trusted_key is not None:
            trust = ModelTrust.only(trusted_key)
        self.trust = trust or ModelTrust.configured()
        self._slot = ModelSlot(self.trust.downloaded)  # empty until the first load
        self._default_bundle = default_bundle
        self._card: str | None = None
        self._lock = threading.Lock()

    def load(self, directory: Path = DEFAULT_BUNDLE) -> Predictor:
        """Verify, open and activate a bundle; raises BundleError and keeps the old one."""
        key = self.trust.key_for(directory)
        slot = ModelSlot(key)  # verifies with the key for this bundle; the old one stays
        predictor = slot.load(directory)
        card = render_card(directory, trusted_key=key)
        with self._lock:
            self._slot = slot
            self._card = card
        return predictor

    @property
    def loaded(self) -> bool:
        return self._slot.current is not None

    def predict(self, case: Case) -> ModelOutput:
        """The model output for one case (the Predictor callable of ReportService).

        Loads the default bundle on first use when none was loaded explicitly.
        """
        if self._slot.current is None and self._default_bundle is not None:
            self.load(self._default_bundle)
        slot = self._slot  # one bundle for the whole prediction, even if another loads now
        predictor = slot.current
        prediction = slot.predict(dump_case(case))
        bundle_id = predictor.bundle.manifest_sha256 if predictor is not None else None
        return to_model_output(prediction, bundle_id=bundle_id)

    def bundle_id(self) -> str | None:
        """The sha256 of the active bundle's signed manifest (None: no model loaded)."""
        predictor = self._slot.current
        return predictor.bundle.manifest_sha256 if predictor is not None else None

    def status(self) -> ModelStatus:
        from desktop.services.status import NO_MODEL_STATUS, ModelStatus  # imports the store

        predictor = self._slot.current
        if predictor is None:
            return NO_MODEL_STATUS
        return ModelStatus(
            active_version=f"{predictor.name} {predictor.version}",
            card_text=self._card,
            note=BUNDLE_NOTE.phrase,
        )
