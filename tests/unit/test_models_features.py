"""The feature vector of a case document (models_onnx/features.py)."""

from __future__ import annotations

import copy
import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.domain.errors import InvalidInput
from models_onnx.features import (
    FEATURE_INDEX,
    FEATURE_NAMES,
    FEATURE_SCHEMA,
    cyp2c9_phenotype_of_score,
    cyp2d6_phenotype_of_score,
    describe_notes,
    extract_feature_matrix,
    extract_features,
    extract_named_features,
)

#: The example of docs/case-format.md (comments removed).
EXAMPLE_CASE: dict[str, object] = {
    "schema": "painbridge.case/1",
    "patient": {
        "name": "Li Wei",
        "contact": "-",
        "birth_year": 1961,
        "sex": "female",
        "consent_to_share": True,
    },
    "cancer": {
        "primary_site": "breast",
        "stage": "IV",
        "metastases": ["bone", "liver"],
        "perineural_invasion": True,
        "nerve_plexus_involvement": False,
        "treatments": [
            {"type": "chemotherapy", "agents": ["oxaliplatin", "paclitaxel"]},
            {"type": "radiotherapy", "site": "spine"},
            {"type": "surgery"},
        ],
    },
    "assessment": {
        "date": "2026-11-20",
        "nrs": {"worst": 8, "least": 3, "average": 6, "now": 5},
        "bpi_interference": {
            "general_activity": 7,
            "mood": 6,
            "walking": 8,
            "work": 7,
            "relations": 4,
            "sleep": 7,
            "enjoyment": 6,
        },
        "bpi_relief_percent": 30,
        "dn4": {
            "burning": True,
            "painful_cold": False,
            "electric_shocks": True,
            "tingling": True,
            "pins_and_needles": False,
            "numbness": True,
            "itching": False,
            "hypoesthesia_touch": True,
            "hypoesthesia_pinprick": False,
            "brushing": False,
        },
        "lanss": {
            "dysaesthesia": True,
            "autonomic": False,
            "evoked": True,
            "paroxysmal": True,
            "thermal": False,
            "allodynia": False,
            "pinprick": True,
        },
        "pattern": {
            "widespread": False,
            "movement_related": True,
            "localized": True,
            "breakthrough_per_day": 3,
            "duration_months": 4,
        },
        "psychosocial": {"phq2": 3, "gad2": 2, "sleep_disturbance": True, "fatigue": True},
        "notes": "Burning and shooting pain down the arm; denies cramping.",
    },
    "comorbidities": {
        "egfr": 55,
        "creatinine_clearance": 50,
        "hepatic_impairment": False,
        "gi_bleed_history": False,
        "heart_failure": False,
        "qtc_ms": 440,
        "platelets": 210,
        "diabetes": False,
        "respiratory_disease": False,
    },
    "medications": [
        {"drug": "morphine", "route": "oral", "daily_dose_mg": 60},
        {"drug": "fentanyl", "route": "transdermal", "mcg_per_hour": 25},
        {"drug": "alprazolam"},
        {"drug": "warfarin"},
    ],
    "pharmacogenomics": {"CYP2D6": "poor", "CYP2C9": "intermediate"},
    "follow_ups": [
        {
            "date": "2026-12-04",
            "nrs": {"worst": 5, "average": 3},
            "treatment_started": "gabapentinoid",
        }
    ],
}


def example() -> dict[str, object]:
    return copy.deepcopy(EXAMPLE_CASE)


def test_schema_names_are_unique_and_ranges_ordered():
    assert len(set(FEATURE_NAMES)) == len(FEATURE_NAMES) == len(FEATURE_SCHEMA)
    for spec in FEATURE_SCHEMA:
        assert spec.minimum < spec.maximum, spec.name
        assert spec.unit and spec.label and spec.description


def test_example_case_values():
    f = extract_named_features(example())
    assert f["age_years"] == 65
    assert f["sex_female"] == 1
    assert f["site_breast"] == 1 and f["site_lung"] == 0
    assert f["stage"] == 4
    assert f["metastases_bone"] == 1 and f["metastases_brain"] == 0
    assert f["neurotoxic_chemotherapy"] == 1
    assert f["bpi_interference"] == pytest.approx(45 / 7)
    assert f["dn4_total"] == 5  # burning, electric shocks, tingling, numbness, hypoesthesia
    assert f["dn4_interview_total"] == 4
    assert f["lanss_total"] == 5 + 3 + 2 + 3
    assert f["medd_mg"] == pytest.approx(60 + 25 * 2.4)
    assert f["analgesic_level"] == 3
    assert f["on_anticoagulant"] == 1 and f["on_benzodiazepine"] == 1
    assert f["cyp2d6_phenotype"] == 0 and f["cyp2c9_phenotype"] == 1
    assert (f["note_burning"], f["note_shooting"], f["note_cramping"]) == (1, 1, 0)


def test_vector_is_float32_in_schema_order():
    vector = extract_features(example())
    assert vector.dtype == np.float32 and vector.shape == (len(FEATURE_NAMES),)
    assert vector[FEATURE_INDEX["nrs_worst"]] == 8


def test_missing_sections_are_nan_and_follow_ups_are_ignored():
    case = {"schema": "painbridge.case/1", "assessment": {"date": "2026-01-02"}}
    vector = extract_features(case)
    assert np.isnan(vector).all()
    with_follow_up = dict(case, follow_ups=[{"nrs": {"worst": 2}}])
    assert np.array_equal(extract_features(with_follow_up), vector, equal_nan=True)


def test_incomplete_dn4_has_no_total_but_an_interview_total():
    case = example()
    del case["assessment"]["dn4"]["hypoesthesia_pinprick"]  # type: ignore[index]
    f = extract_named_features(case)
    assert math.isnan(f["dn4_total"]) and f["dn4_interview_total"] == 4
    assert math.isnan(f["dn4_hypoesthesia_pinprick"])


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        (
            ("assessment", "nrs", "worst"),
            11,
            "assessment.nrs.worst: must be an integer 0-10, got 11",
        ),
        (("assessment", "nrs", "worst"), 5.5, "assessment.nrs.worst: must be an integer 0-10"),
        (("assessment", "dn4", "burning"), "yes", "assessment.dn4.burning: must be true or false"),
        (("comorbidities", "qtc_ms"), 900, "comorbidities.qtc_ms: must be a number 200-800"),
        (("patient", "sex"), "f", "patient.sex: must be one of: female, male, other, unknown"),
        (("cancer", "stage"), "V", "cancer.stage: must be one of: I, II, III, IV, unknown"),
    ],
)
def test_bad_values_name_the_path_and_rule(path, value, message):
    case = example()
    node = case
    for key in path[:-1]:
        node = node[key]  # type: ignore[index]
    node[path[-1]] = value  # type: ignore[index]
    with pytest.raises(InvalidInput) as raised:
        extract_features(case)
    assert message in str(raised.value)


def test_bad_dose_is_an_error():
    case = example()
    case["medications"] = [{"drug": "morphine", "daily_dose_mg": -5}]
    with pytest.raises(InvalidInput, match=r"medications\[0\].daily_dose_mg"):
        extract_features(case)


@pytest.mark.parametrize(
    ("medications", "medd"),
    [  # clinical_reference.md section 13, CDC 2022 factors
        ([{"drug": "oxycodone", "daily_dose_mg": 20}], 30),
        ([{"drug": "hydrocodone", "daily_dose_mg": 20}], 20),
        ([{"drug": "tramadol", "daily_dose_mg": 400}], 80),
        ([{"drug": "fentanyl", "route": "transdermal", "mcg_per_hour": 25}], 60),
        ([{"drug": "hydromorphone", "daily_dose_mg": 24}], 120),
        (
            [{"drug": "morphine", "daily_dose_mg": 60}, {"drug": "oxycodone", "daily_dose_mg": 20}],
            90,
        ),
        ([{"drug": "codeine", "daily_dose_mg": 240}], 36),
        ([{"drug": "tapentadol", "daily_dose_mg": 200}], 80),
        ([{"drug": "methadone", "daily_dose_mg": 30}], 141),
        ([{"drug": "paracetamol", "daily_dose_mg": 3000}], 0),
    ],
)
def test_medd_test_vectors(medications, medd):
    case = {"assessment": {"date": "2026-01-01"}, "medications": medications}
    assert extract_named_features(case)["medd_mg"] == pytest.approx(medd)


def test_opioid_without_dose_gives_unknown_medd_but_a_level():
    f = extract_named_features({"medications": [{"drug": "Buprenorphine"}]})
    assert math.isnan(f["medd_mg"]) and f["analgesic_level"] == 3


@pytest.mark.parametrize(
    ("score", "phenotype"), [(3.0, 3), (2.25, 2), (1.25, 2), (1.0, 1), (0.25, 1), (0.0, 0)]
)
def test_cyp2d6_activity_score_test_vectors(score, phenotype):
    assert cyp2d6_phenotype_of_score(score) == phenotype
    case = {"pharmacogenomics": {"CYP2D6_activity_score": score}}
    assert extract_named_features(case)["cyp2d6_phenotype"] == phenotype


@pytest.mark.parametrize(("score", "phenotype"), [(2.0, 2), (1.5, 1), (1.0, 1), (0.5, 0), (0, 0)])
def test_cyp2c9_activity_score(score, phenotype):
    assert cyp2c9_phenotype_of_score(score) == phenotype


@pytest.mark.parametrize(
    ("notes", "found"),
    [
        ("Denies burning; shooting pains at night", {"note_shooting"}),
        ("no tingling or numbness, deep aching in the hip", {"note_aching"}),
        ("Hurts all over, burning feet", {"note_widespread", "note_burning"}),
        ("Douleur brûlante", set()),
    ],
)
def test_note_descriptors_respect_simple_negation(notes, found):
    flags = describe_notes(notes)
    assert {k for k, v in flags.items() if v == 1.0} == found


def test_matrix_matches_rows():
    matrix = extract_feature_matrix([example(), {"assessment": {"date": "2026-01-01"}}])
    assert matrix.shape == (2, len(FEATURE_NAMES))
    assert np.array_equal(matrix[0], extract_features(example()))


_flag = st.one_of(st.none(), st.booleans())
_score = st.one_of(st.none(), st.integers(0, 10))


@settings(max_examples=60, deadline=None)
@given(
    nrs=st.fixed_dictionaries({k: _score for k in ("worst", "least", "average", "now")}),
    dn4=st.dictionaries(st.sampled_from(["burning", "tingling", "numbness", "brushing"]), _flag),
    egfr=st.one_of(st.none(), st.floats(0, 200)),
    birth_year=st.one_of(st.none(), st.integers(1910, 2020)),
    notes=st.one_of(st.none(), st.text(max_size=80)),
)
def test_any_valid_case_gives_values_inside_the_schema(nrs, dn4, egfr, birth_year, notes):
    case = {
        "patient": {"birth_year": birth_year},
        "assessment": {"date": "2026-05-01", "nrs": nrs, "dn4": dn4, "notes": notes},
        "comorbidities": {"egfr": egfr},
    }
    vector = extract_features(case)
    for value, spec in zip(vector, FEATURE_SCHEMA, strict=True):
        assert np.isnan(value) or spec.minimum <= value <= spec.maximum, spec.name
