"""What the models predicted for one case, independent of the runtime that produced it.

The services fill a :class:`ModelOutput` from the ONNX runtime (models_onnx); the domain
only reads it. Every number carries its provenance: the bundle name, version and id, the
explanation that adds up to it, the conformal coverage it was calibrated for, and whether
the case looked like the cases the models were trained on. Frozen and JSON round-trippable:
``ModelOutput.model_validate_json(output.model_dump_json()) == output``.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, model_validator

from desktop.domain.results import ResultModel

MODEL_OUTPUT_FORMAT = "painbridge.model-output/1"
Mechanism = Literal["nociceptive", "neuropathic", "nociplastic"]
MECHANISMS: tuple[Mechanism, ...] = ("nociceptive", "neuropathic", "nociplastic")
Answer = Literal["present", "absent"]
Direction = Literal["raises", "lowers"]
UnitProbability = Annotated[float, Field(ge=0, le=1)]
TrainingData = Literal["synthetic", "records"]


class Driver(ResultModel):
    """One feature's share of a prediction (exact additive contribution, logit units)."""

    feature: str
    label: str
    value: float | None  # the case's value; None when the feature was missing
    contribution: float
    direction: Direction

    @model_validator(mode="after")
    def _direction_matches_sign(self) -> Driver:
        if (self.contribution > 0 and self.direction != "raises") or (
            self.contribution < 0 and self.direction != "lowers"
        ):
            raise ValueError(
                "direction must be 'raises' for a positive contribution, else 'lowers'"
            )
        return self


class Explanation(ResultModel):
    """``base_value + sum(drivers) + other_contributions = logit`` up to ``additivity_error``.

    ``drivers`` are the largest contributions by size; ``other_contributions`` sums the rest.
    """

    base_value: float
    logit: float
    drivers: tuple[Driver, ...]
    other_contributions: float = 0.0
    additivity_error: Annotated[float, Field(ge=0)] = 0.0


class MechanismPrediction(ResultModel):
    """Probability that a mechanism contributes, and its conformal answer set."""

    mechanism: Mechanism
    probability: UnitProbability
    prediction_set: tuple[Answer, ...]  # () = no answer fits; both = cannot tell
    coverage: Annotated[float, Field(gt=0, lt=1)]  # nominal coverage of the set, e.g. 0.9
    explanation: Explanation

    @model_validator(mode="after")
    def _set_without_repeats(self) -> MechanismPrediction:
        if len(set(self.prediction_set)) != len(self.prediction_set):
            raise ValueError("prediction_set must not repeat an answer")
        return self


class OptionPrediction(ResultModel):
    """Probability of a >= 30 % pain reduction if this treatment option were started."""

    option: str  # one of the case-format panel; a bundle may add more
    probability: UnitProbability
    explanation: Explanation


class OffendingFeature(ResultModel):
    """A feature that makes the case unusual, with its value and the training range."""

    feature: str
    label: str
    value: float | None
    reference_low: float | None = None
    reference_high: float | None = None
    reason: str


class OodResult(ResultModel):
    """How unusual the case is compared with the training data."""

    out_of_distribution: bool
    score: float
    threshold: float
    offending_features: tuple[OffendingFeature, ...] = ()


class ModelOutput(ResultModel):
    """Everything the models said about one case, and which bundle said it."""

    format: Literal["painbridge.model-output/1"] = "painbridge.model-output/1"
    model_name: str = Field(min_length=1)
    model_version: str = Field(min_length=1)
    bundle_id: str | None = None  # e.g. sha256 of the signed manifest
    training_data: TrainingData = "synthetic"
    mechanisms: tuple[MechanismPrediction, ...]
    options: tuple[OptionPrediction, ...]
    ood: OodResult
    missing_features: tuple[str, ...] = ()

    @model_validator(mode="after")
    def _unique_names(self) -> ModelOutput:
        names = [m.mechanism for m in self.mechanisms]
        if len(set(names)) != len(names):
            raise ValueError("mechanisms must not repeat a mechanism")
        options = [o.option for o in self.options]
        if len(set(options)) != len(options):
            raise ValueError("options must not repeat an option")
        return self

    @property
    def identity(self) -> str:
        """``name version`` (and the bundle id when known): what produced these numbers."""
        bundle = f" (bundle {self.bundle_id})" if self.bundle_id else ""
        return f"{self.model_name} {self.model_version}{bundle}"

    def mechanism(self, name: str) -> MechanismPrediction | None:
        """The prediction for one mechanism, or None when the bundle has no such head."""
        return next((m for m in self.mechanisms if m.mechanism == name), None)

    def option(self, name: str) -> OptionPrediction | None:
        """The prediction for one treatment option, or None when not in the bundle."""
        return next((o for o in self.options if o.option == name), None)

    def ranked_options(self) -> tuple[OptionPrediction, ...]:
        """Options from the most to the least likely to help; ties keep the bundle order."""
        return tuple(sorted(self.options, key=lambda option: -option.probability))
