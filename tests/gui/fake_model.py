"""A stand-in for the model service, so GUI tests do not depend on the bundled model.

It answers with the hand-made model output of the report tests (tests/unit), which has
known probabilities; ``broken=True`` behaves like a bundle that fails its checks.
"""

from __future__ import annotations

from pathlib import Path

from desktop.domain.case import Case
from desktop.domain.errors import UserFacingError
from desktop.domain.model_output import ModelOutput
from desktop.services.status import NO_MODEL_STATUS, ModelStatus
from tests.unit.report_helpers import make_model_output


class FakeBundleError(UserFacingError):
    pass


class FakeModels:
    def __init__(self, *, broken: bool = False) -> None:
        self.broken = broken
        self._loaded = False

    @property
    def loaded(self) -> bool:
        return self._loaded

    def load(self, directory: Path | None = None) -> None:
        if self.broken:
            raise FakeBundleError("Model bundle 'test' cannot be used: its signature is invalid")
        self._loaded = True

    def predict(self, case: Case) -> ModelOutput:
        return make_model_output({"neuropathic": (0.72, ("present",))})

    def bundle_id(self) -> str | None:
        return "test-bundle" if self._loaded else None

    def status(self) -> ModelStatus:
        if not self._loaded:
            return NO_MODEL_STATUS
        return ModelStatus(
            active_version="painbridge-test 0.0.1",
            card_text="Model card of the test model (synthetic, for tests only).",
            note="Trained on a synthetic cohort; not clinically validated.",
        )
