"""The manifest of a model bundle (``manifest.json``, format ``painbridge.bundle/1``).

The manifest says what the bundle is (name, semantic version, creation time), what it was
trained on and is meant for (training data, intended use, limitations), what it reads (the
feature schema with units and allowed ranges) and predicts (outputs, model heads and their
additive terms), how good it is (metrics and goals), how confident to be (split-conformal
thresholds, out-of-distribution reference) and the sha256 of every other file. It is
signed as a whole (signing.py); the bundle format is described in docs/models.md.
"""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

BUNDLE_FORMAT: Literal["painbridge.bundle/1"] = "painbridge.bundle/1"
_SEMVER = re.compile(
    r"(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?"
)
#: File names a bundle may list: plain names inside the bundle directory, nothing else.
SAFE_FILE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,99}")
RESERVED_NAMES = frozenset({"manifest.json", "manifest.sig"})


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class FeatureSchemaEntry(_Strict):
    name: str
    label: str
    unit: str
    minimum: float
    maximum: float
    description: str


class Term(_Strict):
    """One additive term: a main effect (one column) or a pair (two columns).

    ``expected`` is the term's mean score over the training data; it is part of an
    explanation's base value.
    """

    name: str
    columns: tuple[int, ...] = Field(min_length=1, max_length=2)
    expected: float | None = None


class Head(_Strict):
    """One binary question answered by a model: its outputs and additive terms."""

    name: str
    intercept: float
    terms: tuple[Term, ...]
    probability_output: str
    logit_output: str
    scores_output: str
    pair_margins_output: str | None = None  # (n, pairs, 2); required when there are pairs

    @model_validator(mode="after")
    def _pairs_have_margins(self) -> Head:
        pairs = [t for t in self.terms if len(t.columns) == 2]
        if pairs and (self.pair_margins_output is None
                      or any(t.expected is None for t in pairs)):
            raise ValueError(f"head {self.name!r} has pairs without margins")
        return self


class ModelEntry(_Strict):
    """One ONNX file: one InferenceSession, one float32 input of ``input_columns``."""

    role: Literal["subtype", "response"]
    file: str
    input_name: str
    input_columns: tuple[str, ...]
    heads: tuple[Head, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _terms_read_existing_columns(self) -> ModelEntry:
        width = len(self.input_columns)
        for head in self.heads:
            for term in head.terms:
                if any(not 0 <= c < width for c in term.columns):
                    raise ValueError(f"term {term.name!r} reads a column outside the input")
        return self


class Output(_Strict):
    name: str
    description: str


class TrainingDataDescription(_Strict):
    source: Literal["synthetic", "records"]
    description: str
    generator: str | None = None
    seed: int | None = None
    n_train: int
    n_calibration: int
    n_test: int
    n_shifted_site: int = 0


class ConformalReference(_Strict):
    """Split-conformal (LAC score 1 - p(true answer)) thresholds per mechanism question."""

    method: str
    coverage: float = Field(gt=0, lt=1)
    n_calibration: int
    thresholds: dict[str, float]


class OodReference(_Strict):
    """Everything the runtime needs to score how unusual a case is (ood.py)."""

    columns: tuple[str, ...]  # the feature names, then "missing share: <group>" names
    missing_groups: dict[str, tuple[str, ...]]  # group -> feature names
    medians: tuple[float, ...]  # imputation of missing features (training medians)
    means: tuple[float, ...]
    scales: tuple[float, ...]
    precision: tuple[tuple[float, ...], ...]  # inverse shrunk covariance, standardized
    threshold: float  # Mahalanobis distance at `percentile` of calibration cases
    percentile: float
    batch_size: int = Field(ge=2)  # cases per batch for the clinic-level shift alarm
    batch_threshold: float  # clinic-shift score at `percentile` of calibration batches
    low: tuple[float, ...]  # per-feature training range (0.5 % quantile)
    high: tuple[float, ...]  # per-feature training range (99.5 % quantile)

    @model_validator(mode="after")
    def _shapes_agree(self) -> OodReference:
        width = len(self.columns)
        vectors = (self.means, self.scales)
        if any(len(v) != width for v in vectors) or len(self.precision) != width:
            raise ValueError("OOD vectors and precision must match the columns")
        if any(len(row) != width for row in self.precision):
            raise ValueError("OOD precision matrix must be square")
        if len(self.low) != len(self.medians) or len(self.high) != len(self.medians):
            raise ValueError("OOD ranges must have one value per feature")
        features = set(self.columns[: len(self.medians)])
        if any(not set(names) <= features for names in self.missing_groups.values()):
            raise ValueError("OOD missing groups must name features of the columns")
        if width != len(self.medians) + len(self.missing_groups):
            raise ValueError("OOD columns must be the features and one per missing group")
        return self


class SubtypeMetric(_Strict):
    mechanism: str
    auroc: float | None
    calibration_error: float | None
    brier: float | None
    prevalence: float
    n: int


class ConformalMetric(_Strict):
    mechanism: str
    nominal: float
    coverage: float
    coverage_true_labels: float | None = None
    singleton_share: float
    both_share: float
    empty_share: float


class ResponseMetric(_Strict):
    option: str
    auroc_potential_outcomes: float | None
    auroc_oracle: float | None  # the generator's true probability as score: the noise ceiling
    auroc_observed: float | None
    n_observed: int


class PolicyValue(_Strict):
    model: float
    who_ladder: float
    clinicians: float
    oracle: float
    n: int


class FairnessMetric(_Strict):
    model: str
    grouping: str
    aurocs: dict[str, float | None]
    counts: dict[str, int]
    gap: float | None


class ShiftMetric(_Strict):
    false_alarm_rate: float
    shifted_flag_rate: float
    batch_size: int
    batch_false_alarm_rate: float
    shifted_batch_flag_rate: float
    shifted_subtype_auroc: dict[str, float | None]


class Goal(_Strict):
    name: str
    goal: str
    value: float | None
    met: bool | None
    note: str = ""


class Metrics(_Strict):
    evaluated_on: str
    subtype: tuple[SubtypeMetric, ...]
    neuropathic_baselines: dict[str, float | None]
    conformal: tuple[ConformalMetric, ...]
    response: tuple[ResponseMetric, ...]
    policy: PolicyValue | None
    fairness: tuple[FairnessMetric, ...]
    shift: ShiftMetric | None
    goals: tuple[Goal, ...]


class Manifest(_Strict):
    format: Literal["painbridge.bundle/1"]
    name: str = Field(min_length=1, max_length=100)
    version: str
    created: str
    description: str
    intended_use: str
    limitations: tuple[str, ...] = Field(min_length=1)
    training_data: TrainingDataDescription
    feature_schema_version: str
    feature_schema: tuple[FeatureSchemaEntry, ...]
    mechanisms: tuple[str, ...]
    treatment_options: tuple[str, ...]
    outputs: tuple[Output, ...]
    models: tuple[ModelEntry, ...] = Field(min_length=1)
    conformal: ConformalReference
    ood: OodReference
    metrics: Metrics
    files: dict[str, str]  # file name -> sha256 hex

    @field_validator("version")
    @classmethod
    def _semantic_version(cls, value: str) -> str:
        if not _SEMVER.fullmatch(value):
            raise ValueError("must be a semantic version like 1.2.3")
        return value

    @field_validator("files")
    @classmethod
    def _safe_names(cls, files: dict[str, str]) -> dict[str, str]:
        for name, digest in files.items():
            if not SAFE_FILE_NAME.fullmatch(name) or name in RESERVED_NAMES or ".." in name:
                raise ValueError(f"file name {name!r} is not a plain file name in the bundle")
            if not re.fullmatch(r"[0-9a-f]{64}", digest):
                raise ValueError(f"sha256 of {name!r} must be 64 lowercase hex digits")
        return files

    @model_validator(mode="after")
    def _consistent(self) -> Manifest:
        for model in self.models:
            if model.file not in self.files:
                raise ValueError(f"model file {model.file!r} is not listed in files")
        missing = set(self.mechanisms) - set(self.conformal.thresholds)
        if missing:
            raise ValueError(f"no conformal threshold for {sorted(missing)}")
        if len(self.ood.medians) != len(self.feature_schema):
            raise ValueError("OOD reference must have one median per feature")
        return self
