"""What a prediction returns: plain frozen values, ready for reports and views.

Every number carries its source: the bundle name and version, the explanation that adds up
to it, the conformal coverage it was calibrated for, and whether the case looked like the
cases the models were trained on.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Direction = Literal["raises", "lowers"]


@dataclass(frozen=True)
class Contribution:
    """How much one feature moved the model's logit for this case (exact, additive)."""

    feature: str
    label: str
    value: float | None  # the case's value; None when missing (missing has a score too)
    contribution: float  # logit units
    direction: Direction


@dataclass(frozen=True)
class Explanation:
    """``base_value + sum(all contributions) = logit``, up to ``additivity_error``.

    ``contributions`` are the largest by size; ``other_contributions`` is the sum of the
    rest, so the shown numbers always add up to the prediction.
    """

    base_value: float
    logit: float
    contributions: tuple[Contribution, ...]
    other_contributions: float
    additivity_error: float


@dataclass(frozen=True)
class MechanismPrediction:
    """Probability that this mechanism contributes, and the conformal answer set."""

    mechanism: str
    probability: float
    prediction_set: tuple[str, ...]  # subset of ("present", "absent"); empty = no answer fits
    coverage: float  # nominal coverage of prediction_set (e.g. 0.9)
    explanation: Explanation


@dataclass(frozen=True)
class OptionPrediction:
    """Probability of a >= 30 % NRS reduction if this option were started."""

    option: str
    probability: float
    explanation: Explanation


@dataclass(frozen=True)
class OffendingFeature:
    feature: str
    label: str
    value: float | None
    reason: str


@dataclass(frozen=True)
class OodResult:
    """How unusual the case is compared with the training data."""

    score: float  # Mahalanobis distance
    threshold: float  # flag above this (95th percentile of in-distribution cases)
    out_of_distribution: bool
    offending_features: tuple[OffendingFeature, ...]


@dataclass(frozen=True)
class ClinicShift:
    """Whether a clinic's recent cases, taken together, differ from the training data."""

    score: float  # sqrt(n) * Mahalanobis norm of the batch's mean standardized vector
    threshold: float  # 95th percentile of the score on random in-distribution batches
    shifted: bool
    drivers: tuple[str, ...]  # OOD columns that move the batch mean most


@dataclass(frozen=True)
class Prediction:
    model_name: str
    model_version: str
    mechanisms: tuple[MechanismPrediction, ...]
    options: tuple[OptionPrediction, ...]  # in panel order
    ood: OodResult
    missing_features: tuple[str, ...]

    def mechanism(self, name: str) -> MechanismPrediction:
        return next(m for m in self.mechanisms if m.mechanism == name)

    def option(self, name: str) -> OptionPrediction:
        return next(o for o in self.options if o.option == name)

    def ranked_options(self) -> tuple[OptionPrediction, ...]:
        """Options from the most to the least likely to work (guideline checks are the
        caller's: this ranking knows nothing about contraindications)."""
        return tuple(sorted(self.options, key=lambda o: -o.probability))
