"""clinical_reference.md §13 test vectors, one test id per table row."""

from __future__ import annotations

from typing import Any

import pytest

from desktop.domain.case import BpiInterference, Nrs
from desktop.domain.case_parsing import parse_case
from desktop.domain.errors import InvalidInput
from desktop.domain.pharmacology.analgesic_level import AnalgesicLevel, classify_analgesic_level
from desktop.domain.pharmacology.gabapentinoid import band_renal_dose
from desktop.domain.pharmacology.medd import METHADONE_FLAG, compute_medd
from desktop.domain.pharmacology.methadone_qtc import classify_methadone_qtc
from desktop.domain.pharmacology.pharmacogenomics import (
    Recommendation,
    phenotype_cyp2d6,
    recommend_cyp2d6_opioid,
    recommend_nsaid,
)
from desktop.domain.pharmacology.renal import estimate_creatinine_clearance
from desktop.domain.results import NotComputable
from desktop.domain.scales.bpi import score_bpi_interference, score_bpi_severity
from desktop.domain.scales.dn4 import Dn4Score, score_dn4, score_dn4_interview
from desktop.domain.scales.immpact import classify_response
from desktop.domain.scales.lanss import LanssScore, score_lanss
from desktop.domain.scales.nrs import band_nrs
from desktop.domain.scales.pmi import compute_pmi, grade_pain_level
from tests.unit.domain_helpers import dn4, lanss, meds

# --- NRS bands ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("nrs", "nccn", "serlin"),
    [
        (0, "none", "none"),
        (3, "mild", "mild"),
        (4, "moderate", "mild"),
        (6, "moderate", "moderate"),
        (7, "severe", "severe"),
        (10, "severe", "severe"),
    ],
    ids=lambda value: str(value),
)
def test_nrs_band(nrs: int, nccn: str, serlin: str) -> None:
    assert band_nrs(nrs, "NCCN").band == nccn
    assert band_nrs(nrs, "Serlin1995").band == serlin


@pytest.mark.parametrize("value", [11, -1, 5.5], ids=["11", "-1", "5.5"])
def test_nrs_rejects_invalid_single_item(value: object) -> None:
    with pytest.raises(ValueError, match="integer 0-10"):
        band_nrs(value, "NCCN")  # type: ignore[arg-type]
    with pytest.raises(InvalidInput) as caught:
        parse_case(
            {
                "schema": "painbridge.case/1",
                "assessment": {"date": "2026-11-20", "nrs": {"worst": value}},
            }
        )
    assert str(caught.value) == f"assessment.nrs.worst: must be an integer 0-10, got {value}"


# --- DN4 ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("yes", "total", "positive", "interview_total", "interview_positive"),
    [
        (set(), 0, False, 0, False),
        ({"burning", "electric_shocks", "tingling", "numbness"}, 4, True, 4, True),
        ({"burning", "tingling", "hypoesthesia_touch"}, 3, False, 2, False),
        ({"painful_cold", "pins_and_needles", "itching"}, 3, False, 3, True),
        (
            {
                "burning",
                "painful_cold",
                "electric_shocks",
                "tingling",
                "pins_and_needles",
                "numbness",
                "itching",
                "hypoesthesia_touch",
                "hypoesthesia_pinprick",
                "brushing",
            },
            10,
            True,
            7,
            True,
        ),
    ],
    ids=[
        "none",
        "burning-shocks-tingling-numbness",
        "burning-tingling-touch",
        "cold-pins-itching",
        "all-10",
    ],
)
def test_dn4(
    yes: set[str], total: int, positive: bool, interview_total: int, interview_positive: bool
) -> None:
    full = score_dn4(dn4(yes))
    interview = score_dn4_interview(dn4(yes))
    assert isinstance(full, Dn4Score) and isinstance(interview, Dn4Score)
    assert (full.total, full.positive, full.cutoff) == (total, positive, 4)
    assert (interview.total, interview.positive, interview.cutoff) == (
        interview_total,
        interview_positive,
        3,
    )


def test_dn4_item_9_missing_is_incomplete_but_interview_scorable() -> None:
    answers = dn4({"burning"}, missing=frozenset({"hypoesthesia_pinprick"}))
    full = score_dn4(answers)
    assert isinstance(full, NotComputable)
    assert full.reason.startswith("incomplete")
    assert full.missing == ("assessment.dn4.hypoesthesia_pinprick",)
    interview = score_dn4_interview(answers)
    assert isinstance(interview, Dn4Score) and interview.total == 1


# --- LANSS / S-LANSS ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("yes", "total", "positive"),
    [
        ({1, 3, 4, 5}, 11, False),
        ({1, 3, 4, 5, 6}, 16, True),
        ({1, 4, 6}, 12, True),
        ({2, 3, 7}, 11, False),
        ({1, 2, 3, 4, 5, 6, 7}, 24, True),
    ],
    ids=["1-3-4-5", "1-3-4-5-6", "1-4-6-boundary", "2-3-7", "all-7"],
)
@pytest.mark.parametrize("form", ["LANSS", "S-LANSS"])
def test_lanss(yes: set[int], total: int, positive: bool, form: str) -> None:
    score = score_lanss(lanss(yes, form))
    assert isinstance(score, LanssScore)
    assert (score.total, score.positive, score.form, score.cutoff) == (total, positive, form, 12)


def test_s_lanss_cutoff_10_is_selectable() -> None:
    score = score_lanss(lanss({1, 3, 4, 5}, "S-LANSS"), s_lanss_cutoff=10)
    assert isinstance(score, LanssScore) and score.positive and score.cutoff == 10


# --- BPI-SF ---------------------------------------------------------------------------


def test_bpi_severity_vector() -> None:
    score = score_bpi_severity(Nrs(worst=8, least=3, average=5, now=6))
    assert not isinstance(score, NotComputable)
    assert score.score == 5.5


@pytest.mark.parametrize(
    ("answers", "expected"),
    [
        ([7, 5, 6, 8, 4, 9, 7], 46 / 7),
        ([6, 4, 5, 7, None, None, None], 5.5),
        ([6, 4, 5, None, None, None, None], None),
    ],
    ids=["all-7", "4-of-7", "3-of-7-not-computable"],
)
def test_bpi_interference_vector(answers: list[int | None], expected: float | None) -> None:
    names = ["general_activity", "mood", "walking", "work", "relations", "sleep", "enjoyment"]
    items = {name: value for name, value in zip(names, answers, strict=True) if value is not None}
    score = score_bpi_interference(BpiInterference.model_validate(items))
    if expected is None:
        assert isinstance(score, NotComputable)
        assert "at least 4 of 7" in score.reason
    else:
        assert not isinstance(score, NotComputable)
        assert score.score == pytest.approx(expected, abs=1e-12)


# --- PMI ------------------------------------------------------------------------------

PMI_ROWS = [
    ("worst8-tramadol", 8, ["tramadol"], (3, 3, 3), (-1, -1, -1)),
    ("worst7-tramadol", 7, ["tramadol"], (3, 2, 3), (-1, 0, -1)),
    ("worst4-paracetamol", 4, ["paracetamol"], (1, 2, 2), (0, -1, -1)),
    ("worst5-paracetamol", 5, ["paracetamol"], (2, 2, 2), (-1, -1, -1)),
    ("worst9-none", 9, [], (3, 3, 3), (-3, -3, -3)),
    ("worst0-morphine", 0, ["morphine"], (0, 0, 0), (3, 3, 3)),
    ("worst3-oxycodone-pregabalin", 3, ["oxycodone", "pregabalin"], (1, 1, 1), (2, 2, 2)),
]
SCHEMES = ("Serlin1995", "Cleeland1994", "NCCN")


@pytest.mark.parametrize(
    ("worst", "drugs", "pain_level", "pmi", "scheme_index"),
    [
        pytest.param(worst, drugs, levels[i], pmis[i], i, id=f"{row}-{SCHEMES[i]}")
        for row, worst, drugs, levels, pmis in PMI_ROWS
        for i in range(3)
    ],
)
def test_pmi(worst: int, drugs: list[str], pain_level: int, pmi: int, scheme_index: int) -> None:
    scheme: Any = SCHEMES[scheme_index]
    level = classify_analgesic_level(meds(*({"drug": drug} for drug in drugs)))
    assert isinstance(level, AnalgesicLevel)
    graded = grade_pain_level(worst, scheme)
    assert graded.level == pain_level
    result = compute_pmi(level.level, graded.level, scheme=scheme)
    assert result.pmi == pmi
    assert result.negative == (pmi < 0)


def test_pmi_ignores_adjuvant() -> None:
    level = classify_analgesic_level(meds({"drug": "oxycodone"}, {"drug": "pregabalin"}))
    assert isinstance(level, AnalgesicLevel)
    assert level.level == 3 and level.ignored_adjuvants == ("pregabalin",)


# --- MEDD -----------------------------------------------------------------------------

MEDD_ROWS = [
    ("oxycodone-10mg-bid", [("oxycodone", 20)], "CDC2022", 30),
    ("hydrocodone-5mg-qid", [("hydrocodone", 20)], "CDC2022", 20),
    ("tramadol-100mg-qid", [("tramadol", 400)], "CDC2022", 80),
    ("tramadol-100mg-qid-cdc2016", [("tramadol", 400)], "CDC2016", 40),
    ("hydromorphone-4mg-q4h", [("hydromorphone", 24)], "CDC2022", 120),
    ("hydromorphone-4mg-q4h-cdc2016", [("hydromorphone", 24)], "CDC2016", 96),
    ("morphine-sr-plus-oxycodone-ir", [("morphine", 60), ("oxycodone", 20)], "CDC2022", 90),
    ("codeine-60mg-qid", [("codeine", 240)], "CDC2022", 36),
    ("tapentadol-100mg-bid", [("tapentadol", 200)], "CDC2022", 80),
    ("methadone-10mg-tid", [("methadone", 30)], "CDC2022", 141),
    ("methadone-10mg-tid-cdc2016", [("methadone", 30)], "CDC2016", 240),
]


@pytest.mark.parametrize(
    ("regimen", "table", "expected"),
    [pytest.param(regimen, table, expected, id=row) for row, regimen, table, expected in MEDD_ROWS],
)
def test_medd(regimen: list[tuple[str, float]], table: Any, expected: float) -> None:
    medications = meds(*({"drug": d, "route": "oral", "daily_dose_mg": mg} for d, mg in regimen))
    result = compute_medd(medications, table)
    assert result.total_mg_per_day == pytest.approx(expected)
    assert result.complete
    is_methadone = regimen[0][0] == "methadone"
    assert (METHADONE_FLAG in result.flags) == is_methadone
    assert all(item.reliable != is_methadone for item in result.items)


def test_medd_fentanyl_patch_25_mcg_per_hour() -> None:
    result = compute_medd(meds({"drug": "fentanyl", "route": "transdermal", "mcg_per_hour": 25}))
    assert result.total_mg_per_day == pytest.approx(60)
    assert result.items[0].dose_unit == "mcg/h" and result.items[0].factor == 2.4


# --- IMMPACT --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("baseline", "follow_up", "change", "percent", "label"),
    [
        (8, 5, 3, 37.5, "moderate"),
        (8, 4, 4, 50.0, "substantial"),
        (6, 5, 1, 100 / 6, "non_responder"),
        (3, 2, 1, 100 / 3, "not_evaluable"),
        (0, 0, 0, None, "not_evaluable"),
        (5, 7, -2, -40.0, "worsened"),
    ],
    ids=["8-5", "8-4", "6-5", "3-2", "0-0", "5-7"],
)
def test_immpact(
    baseline: int, follow_up: int, change: int, percent: float | None, label: str
) -> None:
    result = classify_response(baseline, follow_up)
    assert result.absolute_change == change
    if percent is None:
        assert result.percent_change is None
    else:
        assert result.percent_change == pytest.approx(percent)
    assert result.label == label


# --- CYP2D6 / CYP2C9 ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("score", "phenotype", "action"),
    [
        (3.0, "ultrarapid", "avoid"),
        (2.25, "normal", "label_dosing"),
        (1.25, "normal", "label_dosing"),
        (1.0, "intermediate", "label_dosing_switch_if_no_response"),
        (0.25, "intermediate", "label_dosing_switch_if_no_response"),
        (0.0, "poor", "avoid"),
    ],
    ids=["AS3.0-UM", "AS2.25-NM-upper", "AS1.25-NM-lower", "AS1.0-IM", "AS0.25-IM", "AS0-PM"],
)
def test_cyp2d6(score: float, phenotype: str, action: str) -> None:
    assert phenotype_cyp2d6(score) == phenotype
    for drug in ("codeine", "tramadol"):
        recommendation = recommend_cyp2d6_opioid(drug, phenotype_cyp2d6(score), score)
        assert recommendation.action == action


@pytest.mark.parametrize(
    ("score", "drug", "action", "text"),
    [
        (2.0, "celecoxib", "usual_start", "usual recommended starting dose"),
        (1.0, "meloxicam", "start_50_percent_of_lowest_or_alternative", "50 % of the lowest"),
        (1.0, "piroxicam", "choose_alternative", "Choose an alternative"),
        (0.5, "ibuprofen", "start_25_to_50_percent_of_lowest", "25-50 % of the lowest"),
        (0.0, "naproxen", "no_cyp2c9_action", "not meaningfully CYP2C9-dependent"),
    ],
    ids=["AS2-celecoxib", "AS1-meloxicam", "AS1-piroxicam", "AS0.5-ibuprofen", "AS0-naproxen"],
)
def test_cyp2c9(score: float, drug: str, action: str, text: str) -> None:
    recommendation = recommend_nsaid(drug, activity_score=score)
    assert isinstance(recommendation, Recommendation)
    assert recommendation.action == action
    assert text in recommendation.recommendation


# --- Renal ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sex", "age", "weight", "creatinine", "expected"),
    [
        ("male", 70, 70, 1.0, 4900 / 72),
        ("female", 70, 70, 1.0, 4900 / 72 * 0.85),
        ("female", 80, 60, 1.5, 28.33),
    ],
    ids=["male-70y-70kg", "female-70y-70kg", "female-80y-60kg-scr1.5"],
)
def test_cockcroft_gault(
    sex: str, age: int, weight: float, creatinine: float, expected: float
) -> None:
    result = estimate_creatinine_clearance(
        age_years=age,
        weight_kg=weight,
        serum_creatinine_mg_dl=creatinine,
        sex=sex,  # type: ignore[arg-type]
    )
    assert result.value_ml_min == pytest.approx(expected, abs=0.005)
    assert round(result.value_ml_min, 2) == round(expected, 2)


@pytest.mark.parametrize(
    ("crcl", "scheme", "drug", "band", "low", "high"),
    [
        (28.33, "US_label", "gabapentin", "15-29 mL/min", 200, 700),
        (28.33, "US_label", "pregabalin", "15 to < 30 mL/min", 25, 150),
        (28.33, "UK", "pregabalin", "15 to < 30 mL/min", 25, 150),
        (45, "US_label", "gabapentin", "30-59 mL/min", 400, 1400),
        (45, "US_label", "pregabalin", "30 to < 60 mL/min", 75, 300),
        (60, "US_label", "gabapentin", ">= 60 mL/min", 900, 3600),
        (60, "UK", "pregabalin", "30-60 mL/min", 75, 300),
        (60, "US_label", "pregabalin", ">= 60 mL/min", 150, 600),
    ],
    ids=[
        "28.33-gabapentin-US",
        "28.33-pregabalin-US",
        "28.33-pregabalin-UK",
        "45-gabapentin-US",
        "45-pregabalin-US",
        "60-gabapentin-US",
        "60-pregabalin-UK-NZ-sheet",
        "60-pregabalin-US-label",
    ],
)
def test_gabapentinoid_renal_band(
    crcl: float, scheme: Any, drug: str, band: str, low: float, high: float
) -> None:
    result = band_renal_dose(drug, crcl, scheme)  # type: ignore[arg-type]
    assert (result.band, result.daily_dose_min_mg, result.daily_dose_max_mg) == (band, low, high)


def test_gabapentin_15_29_band_is_once_daily() -> None:
    assert band_renal_dose("gabapentin", 28.33).regimen == "once daily"
    assert band_renal_dose("gabapentin", 45).regimen == "twice daily"


# --- Methadone QTc --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("qtc", "flag"),
    [(440, "none"), (450, "caution"), (499, "caution"), (500, "caution"), (501, "strong")],
    ids=["440", "450", "499", "500-boundary", "501"],
)
def test_methadone_qtc(qtc: float, flag: str) -> None:
    assert classify_methadone_qtc(qtc).flag == flag
