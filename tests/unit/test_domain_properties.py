"""Property tests: ranges and invariants of the scales and derived values."""

from __future__ import annotations

import itertools
import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.domain.case import BpiInterference, Nrs
from desktop.domain.case_parsing import dump_case, parse_case
from desktop.domain.derivation import derive_scores
from desktop.domain.derived import DerivedScores
from desktop.domain.pharmacology.analgesic_level import classify_analgesic_level
from desktop.domain.pharmacology.gabapentinoid import band_renal_dose
from desktop.domain.pharmacology.medd import compute_medd
from desktop.domain.pharmacology.pharmacogenomics import phenotype_cyp2d6
from desktop.domain.pharmacology.renal import estimate_creatinine_clearance
from desktop.domain.results import NotComputable
from desktop.domain.scales.bpi import score_bpi_interference, score_bpi_severity
from desktop.domain.scales.dn4 import Dn4Score, score_dn4, score_dn4_interview
from desktop.domain.scales.immpact import classify_response
from desktop.domain.scales.lanss import LanssScore, score_lanss
from desktop.domain.scales.nrs import BAND_NAMES, band_nrs
from desktop.domain.scales.pmi import PAIN_LEVEL_SCHEMES, compute_pmi, grade_pain_level
from tests.unit import domain_strategies as strategies
from tests.unit.domain_helpers import DN4_ITEMS, LANSS_ITEMS, dn4, lanss, meds

EXAMPLES = settings(max_examples=60, deadline=None)
SCHEME_NAMES = ["NCCN", "Serlin1995"]


# --- bands ----------------------------------------------------------------------------


@pytest.mark.parametrize("scheme", [*SCHEME_NAMES, "Cleeland1994"])
def test_bands_cover_0_to_10_without_gaps(scheme: Any) -> None:
    levels = [
        band_nrs(v, scheme).band if scheme in SCHEME_NAMES else grade_pain_level(v, scheme).band
        for v in range(11)
    ]
    assert levels[0] == "none" and levels[10] == "severe"
    indices = [BAND_NAMES.index(level) for level in levels]
    assert indices == sorted(indices), "bands are monotone in the rating"
    assert set(indices) == {0, 1, 2, 3}, "every band is reached: no gap"
    assert all(b - a <= 1 for a, b in itertools.pairwise(indices)), "no skipped band"
    assert indices.count(0) == 1, "only 0 is none"


@pytest.mark.parametrize("bad", [11, -1, 5.5, True, "5", None])
def test_band_rejects_non_nrs(bad: Any) -> None:
    with pytest.raises(ValueError):
        band_nrs(bad)


@EXAMPLES
@given(
    worst=st.integers(0, 10),
    level=st.integers(0, 3),
    scheme=st.sampled_from(sorted(PAIN_LEVEL_SCHEMES)),
)
def test_pmi_in_range(worst: int, level: int, scheme: Any) -> None:
    pmi = compute_pmi(level, grade_pain_level(worst, scheme).level, scheme=scheme)
    assert -3 <= pmi.pmi <= 3
    assert pmi.negative == (pmi.pmi < 0)


# --- DN4 / LANSS ----------------------------------------------------------------------


@EXAMPLES
@given(yes=st.sets(st.sampled_from(DN4_ITEMS)), extra=st.sampled_from(DN4_ITEMS))
def test_dn4_range_and_monotonic(yes: set[str], extra: str) -> None:
    before, after = score_dn4(dn4(yes)), score_dn4(dn4(yes | {extra}))
    interview = score_dn4_interview(dn4(yes))
    assert isinstance(before, Dn4Score) and isinstance(after, Dn4Score)
    assert isinstance(interview, Dn4Score)
    assert 0 <= before.total <= 10 and 0 <= interview.total <= 7
    assert interview.total <= before.total
    assert after.total == before.total + (extra not in yes)
    assert after.positive >= before.positive


@EXAMPLES
@given(
    yes=st.sets(st.integers(1, 7)),
    extra=st.integers(1, 7),
    form=st.sampled_from(["LANSS", "S-LANSS"]),
)
def test_lanss_range_and_monotonic(yes: set[int], extra: int, form: str) -> None:
    before, after = score_lanss(lanss(yes, form)), score_lanss(lanss(yes | {extra}, form))
    assert isinstance(before, LanssScore) and isinstance(after, LanssScore)
    assert 0 <= before.total <= 24
    assert after.total >= before.total
    assert after.positive >= before.positive
    assert before.positive == (before.total >= 12)


@EXAMPLES
@given(missing=st.sets(st.sampled_from(LANSS_ITEMS), min_size=1))
def test_lanss_incomplete_lists_missing(missing: set[str]) -> None:
    answers = lanss(set()).model_dump(exclude=missing)
    result = score_lanss(type(lanss(set())).model_validate(answers))
    assert isinstance(result, NotComputable)
    assert set(result.missing) == {f"assessment.lanss.{item}" for item in missing}


# --- BPI ------------------------------------------------------------------------------


@EXAMPLES
@given(items=st.tuples(*[st.integers(0, 10)] * 4))
def test_bpi_severity_between_min_and_max(items: tuple[int, int, int, int]) -> None:
    worst, least, average, now = items
    score = score_bpi_severity(Nrs(worst=worst, least=least, average=average, now=now))
    assert not isinstance(score, NotComputable)
    assert min(items) <= score.score <= max(items)


@EXAMPLES
@given(answers=strategies.INTERFERENCE)
def test_bpi_interference_rule(answers: dict[str, int]) -> None:
    score = score_bpi_interference(BpiInterference.model_validate(answers))
    if len(answers) < 4:
        assert isinstance(score, NotComputable)
    else:
        assert not isinstance(score, NotComputable)
        assert score.answered == len(answers)
        assert min(answers.values()) <= score.score <= max(answers.values())


# --- MEDD -----------------------------------------------------------------------------

OPIOID = st.fixed_dictionaries(
    {
        "drug": st.sampled_from(
            [
                "morphine",
                "oxycodone",
                "hydromorphone",
                "codeine",
                "tramadol",
                "tapentadol",
                "hydrocodone",
                "oxymorphone",
                "buprenorphine",
                "fentanyl",
                "paracetamol",
            ]
        ),
        "route": st.sampled_from(["oral", "subcutaneous"]),
        "daily_dose_mg": st.integers(1, 500),
    }
)


@EXAMPLES
@given(
    first=st.lists(OPIOID, max_size=4),
    second=st.lists(OPIOID, max_size=4),
    table=st.sampled_from(["CDC2022", "CDC2016"]),
)
def test_medd_additive_and_non_negative(
    first: list[dict[str, Any]], second: list[dict[str, Any]], table: Any
) -> None:
    a, b = compute_medd(meds(*first), table), compute_medd(meds(*second), table)
    both = compute_medd(meds(*first, *second), table)
    assert both.total_mg_per_day == pytest.approx(a.total_mg_per_day + b.total_mg_per_day)
    assert both.total_mg_per_day >= 0
    assert all(item.mme_mg_per_day > 0 for item in both.items)
    assert both.total_mg_per_day == pytest.approx(sum(i.mme_mg_per_day for i in both.items))
    assert both.complete == (not both.not_converted)


@EXAMPLES
@given(doses=st.lists(st.integers(1, 200), min_size=1, max_size=3))
def test_methadone_always_flagged(doses: list[int]) -> None:
    for table in ("CDC2022", "CDC2016"):
        medications = meds(
            *({"drug": "methadone", "route": "oral", "daily_dose_mg": d} for d in doses)
        )
        result = compute_medd(medications, table)
        assert "methadone: conversion unreliable" in result.flags
        assert all(not item.reliable for item in result.items)


# --- analgesic level ------------------------------------------------------------------


@EXAMPLES
@given(medications=st.lists(strategies.medication(), max_size=5))
def test_analgesic_level_in_range(medications: list[dict[str, Any]]) -> None:
    level = classify_analgesic_level(meds(*medications))
    if not isinstance(level, NotComputable):
        assert 0 <= level.level <= 3
        assert (level.level == 0) == (not level.most_potent)


# --- IMMPACT --------------------------------------------------------------------------


@EXAMPLES
@given(baseline=st.integers(0, 10), follow_up=st.integers(0, 10), minimum=st.sampled_from([1, 4]))
def test_responder_label_consistent_with_percent(
    baseline: int, follow_up: int, minimum: int
) -> None:
    result = classify_response(baseline, follow_up, min_baseline=minimum)
    pct = result.percent_change
    assert result.absolute_change == baseline - follow_up
    if result.label == "worsened":
        assert follow_up > baseline and (pct is None or pct < 0)
    elif result.label == "not_evaluable":
        assert follow_up <= baseline and (baseline == 0 or baseline < minimum)
    else:
        assert pct is not None and baseline >= minimum
        if result.label == "substantial":
            assert pct >= 50 - 1e-9
        elif result.label == "moderate":
            assert 30 - 1e-9 <= pct < 50
        else:
            assert result.label == "non_responder" and 0 <= pct < 30


# --- renal ----------------------------------------------------------------------------

AGE = st.integers(18, 120)
WEIGHT = st.floats(30, 200)
CREATININE = st.floats(0.1, 15)


@EXAMPLES
@given(age=AGE, weight=WEIGHT, creatinine=CREATININE, sex=st.sampled_from(["female", "male"]))
def test_crcl_decreases_with_age_and_creatinine(
    age: int, weight: float, creatinine: float, sex: Any
) -> None:
    def crcl(a: int, c: float) -> float:
        return estimate_creatinine_clearance(
            age_years=a, weight_kg=weight, serum_creatinine_mg_dl=c, sex=sex
        ).value_ml_min

    base = crcl(age, creatinine)
    assert base > 0
    assert crcl(age + 1, creatinine) < base
    assert crcl(age, creatinine * 1.1) < base
    female = estimate_creatinine_clearance(
        age_years=age, weight_kg=weight, serum_creatinine_mg_dl=creatinine, sex="female"
    )
    male = estimate_creatinine_clearance(
        age_years=age, weight_kg=weight, serum_creatinine_mg_dl=creatinine, sex="male"
    )
    assert female.value_ml_min == pytest.approx(male.value_ml_min * 0.85)


@EXAMPLES
@given(
    low=st.floats(0, 200),
    high=st.floats(0, 200),
    drug=st.sampled_from(["gabapentin", "pregabalin"]),
    scheme=st.sampled_from(["US_label", "UK"]),
)
def test_renal_dose_never_decreases_with_clearance(
    low: float, high: float, drug: Any, scheme: Any
) -> None:
    low, high = sorted((low, high))
    a, b = band_renal_dose(drug, low, scheme), band_renal_dose(drug, high, scheme)
    assert a.daily_dose_max_mg is not None and b.daily_dose_max_mg is not None
    assert a.daily_dose_max_mg <= b.daily_dose_max_mg


@EXAMPLES
@given(a=st.integers(0, 24), b=st.integers(0, 24))
def test_cyp2d6_phenotype_monotonic(a: int, b: int) -> None:
    order = ["poor", "intermediate", "normal", "ultrarapid"]
    low, high = sorted((a / 4, b / 4))
    assert order.index(phenotype_cyp2d6(low)) <= order.index(phenotype_cyp2d6(high))


# --- whole cases ----------------------------------------------------------------------


@settings(max_examples=80, deadline=None)
@given(document=strategies.case_documents())
def test_parse_dump_round_trip(document: dict[str, Any]) -> None:
    case = parse_case(document)
    assert parse_case(dump_case(case)) == case
    assert parse_case(json.dumps(dump_case(case))) == case
    assert dump_case(parse_case(dump_case(case))) == dump_case(case)


@settings(max_examples=60, deadline=None)
@given(document=strategies.case_documents(), clinical=strategies.settings)
def test_derive_scores_total_and_json_round_trip(document: dict[str, Any], clinical: Any) -> None:
    derived = derive_scores(parse_case(document), clinical)
    as_json = json.loads(json.dumps(derived.model_dump(mode="json")))
    assert DerivedScores.model_validate(as_json) == derived
    if not isinstance(derived.pmi, NotComputable):
        assert -3 <= derived.pmi.pmi <= 3
    if not isinstance(derived.medd, NotComputable):
        assert derived.medd.total_mg_per_day >= 0
