"""Builders for the report and alert tests: cases from partial dicts, hand-made model output.

Not a test module. ``example_case`` / ``example_model_output`` also produce the full example
of docs/report.md (a test keeps the two identical).
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from desktop.domain.case import Case
from desktop.domain.case_parsing import parse_case
from desktop.domain.model_output import (
    MECHANISMS,
    Driver,
    Explanation,
    MechanismPrediction,
    ModelOutput,
    OffendingFeature,
    OodResult,
    OptionPrediction,
)
from desktop.domain.treatment_options import PANEL

GENERATED_AT = datetime(2026, 11, 21, 9, 30, tzinfo=UTC)
CASE_ID = "0b9a6c2e-5d1f-4e3a-8c7b-2f4e6a8d0c11"
#: A quiet case: no alert fires for it, with or without the default model output.
BASE_CASE: dict[str, Any] = {
    "schema": "painbridge.case/1",
    "case_id": CASE_ID,
    "patient": {"pseudonym": "PB-TEST0001", "birth_year": 1966, "sex": "female"},
    "assessment": {
        "date": "2026-11-20",
        "nrs": {"worst": 3, "least": 1, "average": 2, "now": 2},
        "dn4": {
            "burning": False,
            "painful_cold": False,
            "electric_shocks": False,
            "tingling": False,
            "pins_and_needles": False,
            "numbness": False,
            "itching": False,
            "hypoesthesia_touch": False,
            "hypoesthesia_pinprick": False,
            "brushing": False,
        },
    },
    "comorbidities": {"egfr": 90, "qtc_ms": 420, "platelets": 250},
    "medications": [{"drug": "paracetamol", "route": "oral", "daily_dose_mg": 3000}],
    "pharmacogenomics": {"CYP2D6": "normal", "CYP2C9": "normal"},
}
#: Probabilities of a response per option when a test does not say otherwise.
DEFAULT_OPTIONS: dict[str, float] = {
    option: round(0.60 - 0.03 * index, 2) for index, option in enumerate(PANEL)
}


class _Delete:
    """merge(base, {"key": DELETE}) removes "key" (survives deep copies)."""

    def __deepcopy__(self, memo: dict[int, Any]) -> _Delete:
        return self


DELETE = _Delete()


class Replace(dict[str, Any]):
    """merge(base, {"key": Replace({...})}) replaces the dict instead of merging into it."""


def merge(base: Mapping[str, Any], extra: Mapping[str, Any]) -> dict[str, Any]:
    """Deep merge: dicts merge key by key, anything else (lists too) replaces; DELETE
    removes a key and Replace(...) replaces a whole dict."""
    result = copy.deepcopy(dict(base))
    for key, value in extra.items():
        if value is DELETE:
            result.pop(key, None)
        elif isinstance(value, Replace):
            result[key] = Replace(copy.deepcopy(dict(value)))
        elif isinstance(value, Mapping) and isinstance(result.get(key), dict):
            result[key] = merge(result[key], value)
        else:
            result[key] = copy.deepcopy(value)
    return result


def make_case(extra: Mapping[str, Any] | None = None) -> Case:
    """A valid case: the small base case with ``extra`` merged in."""
    return parse_case(_plain(merge(BASE_CASE, extra or {})))


def _plain(value: Any) -> Any:
    """Replace(...) back to a plain dict, recursively (the parser wants plain JSON)."""
    if isinstance(value, dict):
        return {key: _plain(child) for key, child in value.items()}
    if isinstance(value, list):
        return [_plain(child) for child in value]
    return value


def explanation(*drivers: tuple[str, str, float | None, float]) -> Explanation:
    """An explanation from (feature, label, value, contribution) tuples; adds up exactly."""
    shown = tuple(
        Driver(
            feature=feature,
            label=label,
            value=value,
            contribution=contribution,
            direction="raises" if contribution > 0 else "lowers",
        )
        for feature, label, value, contribution in drivers
    )
    base = -0.4
    return Explanation(
        base_value=base,
        logit=base + sum(d.contribution for d in shown),
        drivers=shown,
    )


def make_model_output(
    mechanisms: Mapping[str, tuple[float, tuple[str, ...]]] | None = None,
    options: Mapping[str, float] | None = None,
    *,
    ood: OodResult | None = None,
    additivity_error: float = 0.0,
) -> ModelOutput:
    """Hand-made output: mechanism -> (probability, prediction set), option -> probability.

    Unnamed mechanisms get (0.2, {"absent"}); unnamed options their DEFAULT_OPTIONS value.
    """
    calls = {name: (0.2, ("absent",)) for name in MECHANISMS} | dict(mechanisms or {})
    probabilities = DEFAULT_OPTIONS | dict(options or {})
    drivers = explanation(("nrs_worst", "Worst pain (NRS)", 5.0, 0.3))
    drivers = drivers.model_copy(update={"additivity_error": additivity_error})
    return ModelOutput(
        model_name="painbridge-test",
        model_version="0.0.1",
        bundle_id="test-bundle",
        mechanisms=tuple(
            MechanismPrediction(
                mechanism=name,  # type: ignore[arg-type]
                probability=p,
                prediction_set=answers,  # type: ignore[arg-type]
                coverage=0.9,
                explanation=drivers,
            )
            for name, (p, answers) in calls.items()
        ),
        options=tuple(
            OptionPrediction(option=option, probability=p, explanation=drivers)
            for option, p in probabilities.items()
        ),
        ood=ood or OodResult(out_of_distribution=False, score=2.1, threshold=4.0),
    )


def ood_result() -> OodResult:
    return OodResult(
        out_of_distribution=True,
        score=6.3,
        threshold=4.0,
        offending_features=(
            OffendingFeature(
                feature="breakthrough_per_day",
                label="Breakthrough episodes per day",
                value=40.0,
                reference_low=0.0,
                reference_high=12.0,
                reason="outside the training range 0-12",
            ),
        ),
    )


# The full example of docs/report.md: a baseline report, then a follow-up report.
EXAMPLE_CASE: dict[str, Any] = {
    "schema": "painbridge.case/1",
    "case_id": "3f2b8c1e-6d4a-4f7e-9b2a-1c5d8e7f9a01",
    "patient": {
        "name": "Example Name (never in a report)",
        "contact": "+00 0000 0000",
        "pseudonym": "PB-7K3M9Q2D",
        "birth_year": 1958,
        "sex": "female",
        "weight_kg": 58,
        "consent_to_share": True,
    },
    "cancer": {
        "primary_site": "breast",
        "stage": "IV",
        "metastases": ["bone", "liver"],
        "treatments": [{"type": "chemotherapy", "agents": ["paclitaxel"]}],
    },
    "assessment": {
        "date": "2026-11-20",
        "nrs": {"worst": 8, "least": 4, "average": 6, "now": 6},
        "bpi_interference": {
            "general_activity": 7,
            "mood": 6,
            "walking": 8,
            "work": 7,
            "relations": 4,
            "sleep": 7,
            "enjoyment": 6,
        },
        "dn4": {
            "burning": True,
            "painful_cold": False,
            "electric_shocks": True,
            "tingling": True,
            "pins_and_needles": False,
            "numbness": False,
            "itching": False,
        },
        "pattern": {"localized": True, "movement_related": True, "duration_months": 4},
    },
    "comorbidities": {
        "egfr": 48,
        "serum_creatinine_mg_dl": 1.2,
        "diabetes": True,
        "qtc_ms": 452,
        "platelets": 190,
    },
    "medications": [
        {"drug": "tramadol", "route": "oral", "daily_dose_mg": 300},
        {"drug": "ibuprofen", "route": "oral", "daily_dose_mg": 1200},
        {"drug": "sertraline", "route": "oral", "daily_dose_mg": 50},
    ],
}
EXAMPLE_FOLLOW_UP: dict[str, Any] = {
    "medications": [
        {"drug": "morphine", "route": "oral", "daily_dose_mg": 40},
        {"drug": "pregabalin", "route": "oral", "daily_dose_mg": 150},
        {"drug": "senna", "route": "oral"},
    ],
    "follow_ups": [
        {
            "date": "2026-12-04",
            "nrs": {"worst": 5, "average": 3},
            "treatment_started": "strong_opioid",
            "adverse_events": ["dizziness"],
            "adherence": "full",
        }
    ],
}
EXAMPLE_OPTIONS: dict[str, float] = {
    "strong_opioid": 0.66,
    "gabapentinoid": 0.61,
    "snri_duloxetine": 0.57,
    "radiotherapy_bone": 0.55,
    "tricyclic": 0.47,
    "corticosteroid": 0.41,
    "nsaid": 0.38,
    "methadone": 0.36,
    "opioid_rotation": 0.33,
    "weak_opioid": 0.31,
    "topical_lidocaine": 0.29,
    "nerve_block": 0.24,
    "paracetamol": 0.22,
    "non_pharmacological": 0.2,
    "intrathecal": 0.09,
}


def example_case(follow_up: bool = False) -> Case:
    return parse_case(merge(EXAMPLE_CASE, EXAMPLE_FOLLOW_UP) if follow_up else EXAMPLE_CASE)


def example_model_output(follow_up: bool = False) -> ModelOutput:
    """A hand-made model output for the example (NOT from a trained model)."""
    neuropathic = explanation(
        ("dn4_interview_total", "DN4-interview total", 3.0, 0.92),
        ("chemo_neurotoxic", "Neurotoxic chemotherapy (taxane)", 1.0, 0.55),
        ("dn4_examination_missing", "DN4 examination items missing", None, -0.21),
    )
    nociceptive = explanation(
        ("metastasis_bone", "Bone metastasis", 1.0, 0.61),
        ("movement_related", "Pain worse on movement", 1.0, 0.18),
        ("dn4_interview_total", "DN4-interview total", 3.0, -0.27),
    )
    nociplastic = explanation(
        ("pattern_widespread", "Widespread pain", None, -0.35),
        ("phq2", "PHQ-2 depression screen", None, -0.1),
    )
    worst = ("nrs_worst", "Worst pain (NRS)", 8.0, 0.34)
    option_drivers = {
        "strong_opioid": explanation(worst, ("metastasis_bone", "Bone metastasis", 1.0, 0.21)),
        "gabapentinoid": explanation(
            ("dn4_interview_total", "DN4-interview total", 3.0, 0.41),
            ("chemo_neurotoxic", "Neurotoxic chemotherapy (taxane)", 1.0, 0.19),
        ),
        "snri_duloxetine": explanation(
            ("chemo_neurotoxic", "Neurotoxic chemotherapy (taxane)", 1.0, 0.37),
            ("age", "Age", 68.0, -0.08),
        ),
        "radiotherapy_bone": explanation(
            ("metastasis_bone", "Bone metastasis", 1.0, 0.52),
            ("pattern_localized", "Localised pain", 1.0, 0.2),
        ),
    }
    other_drivers = explanation(worst)
    shift = -0.04 if follow_up else 0.0
    mechanisms = (
        ("neuropathic", 0.74 + shift, ("present",), neuropathic),
        ("nociceptive", 0.58, ("present", "absent"), nociceptive),
        ("nociplastic", 0.18, ("absent",), nociplastic),
    )
    return ModelOutput(
        model_name="painbridge-synthetic",
        model_version="1.0.0",
        bundle_id="sha256:5e1c0d9a7b3f",
        mechanisms=tuple(
            MechanismPrediction(
                mechanism=name,  # type: ignore[arg-type]
                probability=round(p, 2),
                prediction_set=answers,  # type: ignore[arg-type]
                coverage=0.9,
                explanation=drivers,
            )
            for name, p, answers, drivers in mechanisms
        ),
        options=tuple(
            OptionPrediction(
                option=o, probability=p, explanation=option_drivers.get(o, other_drivers)
            )
            for o, p in EXAMPLE_OPTIONS.items()
        ),
        ood=OodResult(out_of_distribution=False, score=2.4, threshold=4.1),
        missing_features=("dn4_hypoesthesia_touch", "dn4_hypoesthesia_pinprick", "dn4_brushing"),
    )
