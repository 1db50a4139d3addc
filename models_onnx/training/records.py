"""Training records (JSON Lines) as arrays the trainers read.

One record per line (docs/models.md):

    {"case": <painbridge.case/1 document>,
     "labels": {"nociceptive": 0|1|null, "neuropathic": 0|1|null, "nociplastic": 0|1|null},
     "treatment": "<panel option>" | null,
     "responded": 0|1|null}

``labels`` are the expert-confirmed mechanisms; ``treatment`` is the option actually started
and ``responded`` whether NRS fell by at least 30 % at follow-up (clinical_reference.md
section 7). ``null`` (or an absent key) means unknown: such a record still trains the models
it has labels for. The synthetic generator writes the same format, so the hub's export of
real, expert-confirmed cases drops in with ``painbridge models train --cases FILE.jsonl``.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from desktop.domain.errors import InvalidInput, Problem
from models_onnx.features import MECHANISMS, TREATMENT_OPTIONS, extract_feature_matrix


@dataclass(frozen=True)
class TrainingData:
    """Records as arrays: features, labels (NaN unknown), treatment (-1 unknown), response."""

    cases: list[dict[str, Any]]
    features: np.ndarray  # (n, n_features) float32
    labels: np.ndarray  # (n, 3) float, NaN unknown
    treatment: np.ndarray  # (n,) int, -1 unknown
    responded: np.ndarray  # (n,) float, NaN unknown

    def __len__(self) -> int:
        return len(self.cases)

    def subset(self, rows: np.ndarray) -> TrainingData:
        return TrainingData(
            cases=[self.cases[i] for i in rows],
            features=self.features[rows],
            labels=self.labels[rows],
            treatment=self.treatment[rows],
            responded=self.responded[rows],
        )


def _binary(value: object, path: str, problems: list[Problem]) -> float:
    if value is None:
        return np.nan
    if isinstance(value, bool) or value not in (0, 1):
        problems.append(Problem(path, "must be 0, 1 or null", value))
        return np.nan
    return 1.0 if value == 1 else 0.0


def parse_record(record: object, where: str) -> tuple[dict[str, Any], list[float], int, float]:
    """Check one record; raise InvalidInput naming the line and the field."""
    problems: list[Problem] = []
    if not isinstance(record, dict):
        raise InvalidInput([Problem(where, "must be a JSON object", type(record).__name__)])
    unknown = set(record) - {"case", "labels", "treatment", "responded"}
    problems += [Problem(f"{where}.{k}", "is not a field of a training record") for k in unknown]
    case = record.get("case")
    if not isinstance(case, dict):
        problems.append(Problem(f"{where}.case", "must be a case object", case))
    labels_in = record.get("labels") or {}
    if not isinstance(labels_in, dict):
        problems.append(Problem(f"{where}.labels", "must be an object", labels_in))
        labels_in = {}
    for key in set(labels_in) - set(MECHANISMS):
        problems.append(Problem(f"{where}.labels.{key}", "is not a mechanism"))
    labels = [_binary(labels_in.get(m), f"{where}.labels.{m}", problems) for m in MECHANISMS]
    treatment = record.get("treatment")
    option = -1
    if treatment is not None:
        if treatment in TREATMENT_OPTIONS:
            option = TREATMENT_OPTIONS.index(str(treatment))
        else:
            problems.append(Problem(f"{where}.treatment",
                                    "must be an option of the panel or null", treatment))
    responded = _binary(record.get("responded"), f"{where}.responded", problems)
    if problems:
        raise InvalidInput(problems)
    assert isinstance(case, dict)
    return case, labels, option, responded


def to_training_data(
    records: Sequence[object], source: str = "records", lines: Sequence[int] | None = None
) -> TrainingData:
    """Validated arrays from record objects (the features are extracted here)."""
    lines = lines if lines is not None else range(1, len(records) + 1)
    parsed = [parse_record(r, f"{source}:{n}") for r, n in zip(records, lines, strict=True)]
    cases = [p[0] for p in parsed]
    try:
        features = extract_feature_matrix(cases)
    except InvalidInput:
        for number, case in zip(lines, cases, strict=True):  # find the line to name it
            try:
                extract_feature_matrix([case])
            except InvalidInput as error:
                raise InvalidInput(
                    Problem(f"{source}:{number}.case.{p.path}", p.rule, p.value)
                    for p in error.problems
                ) from None
        raise
    return TrainingData(
        cases=cases,
        features=features,
        labels=np.array([p[1] for p in parsed], dtype=float).reshape(-1, len(MECHANISMS)),
        treatment=np.array([p[2] for p in parsed], dtype=np.int64),
        responded=np.array([p[3] for p in parsed], dtype=float),
    )


def read_records(path: Path) -> TrainingData:
    """Training data from a JSON Lines file of records (blank lines are skipped)."""
    records: list[object] = []
    numbers: list[int] = []
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                records.append(json.loads(line))
                numbers.append(number)
            except json.JSONDecodeError as error:
                raise InvalidInput(
                    [Problem(f"{path.name}:{number}", f"must be valid JSON ({error.msg})")]
                ) from None
    if not records:
        raise InvalidInput([Problem(str(path), "must contain at least one record")])
    return to_training_data(records, source=path.name, lines=numbers)
