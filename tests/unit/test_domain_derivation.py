"""derive_scores on whole cases: values, schemes, sources and explicit 'not computable'."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import ValidationError

from desktop.domain.case_parsing import parse_case
from desktop.domain.derivation import derive_scores
from desktop.domain.derived import DerivedScores
from desktop.domain.results import NotComputable
from desktop.domain.settings import ClinicalSettings
from tests.unit.domain_helpers import full_case_data, load_json, minimal_case


def full_scores(settings: ClinicalSettings | None = None) -> DerivedScores:
    return derive_scores(parse_case(load_json("case_full.json")), settings)


def test_full_example_values() -> None:
    scores = full_scores()
    dumped = scores.model_dump(mode="json")
    assert dumped["format"] == "painbridge.derived/1"
    assert dumped["settings"]["nrs_band_scheme"] == "NCCN"
    assert {k: v["band"] for k, v in dumped["nrs_bands"].items()} == {
        "worst": "severe",
        "least": "mild",
        "average": "moderate",
        "now": "moderate",
    }
    assert dumped["bpi_severity"]["score"] == 5.5
    assert dumped["bpi_interference"]["score"] == pytest.approx(45 / 7)
    assert (dumped["dn4"]["total"], dumped["dn4"]["positive"]) == (5, True)
    assert (dumped["dn4_interview"]["total"], dumped["dn4_interview"]["positive"]) == (4, True)
    assert (dumped["lanss"]["total"], dumped["lanss"]["positive"]) == (13, True)
    assert dumped["medd"]["total_mg_per_day"] == pytest.approx(120)
    assert dumped["medd"]["unrecognised_drugs"] == ["alprazolam", "warfarin"]
    assert (dumped["analgesic_level"]["level"], dumped["pain_level"]["level"]) == (3, 3)
    assert dumped["pmi"]["pmi"] == 0
    assert dumped["age"]["years"] == 65
    expected_crcl = (140 - 65) * 62 / (72 * 1.1) * 0.85
    assert dumped["creatinine_clearance"]["value_ml_min"] == pytest.approx(expected_crcl)
    assert dumped["gabapentin_renal_dose"]["band"] == "30-59 mL/min"
    assert dumped["methadone_qtc"]["flag"] == "none"
    assert dumped["cyp2d6"]["codeine"]["action"] == "label_dosing_switch_if_no_response"
    follow_up = dumped["follow_ups"][0]
    assert follow_up["days_since_baseline"] == 14
    assert follow_up["primary"]["label"] == "moderate"
    assert follow_up["by_item"]["average"]["label"] == "substantial"
    assert follow_up["interference"]["minimally_important_improvement"] is True


def _sources(value: Any) -> list[str]:
    found: list[str] = []
    if isinstance(value, dict):
        if value.get("status") == "computed" and "source" in value:
            found.append(value["source"])
        for child in value.values():
            found += _sources(child)
    elif isinstance(value, list):
        for child in value:
            found += _sources(child)
    return found


def test_every_top_level_result_has_a_source_or_reason() -> None:
    dumped = full_scores().model_dump(mode="json")
    skip = {"format", "case_id", "assessment_date", "settings", "disclaimer", "age"}
    for name, value in dumped.items():
        if name in skip:
            continue
        entries = (
            value.values() if name == "nrs_bands" else value if isinstance(value, list) else [value]
        )
        for entry in entries:
            if name == "follow_ups":
                entry = entry["primary"]
            assert entry.get("source") or entry.get("reason"), name
    sources = _sources(dumped)
    assert len(sources) > 20
    for source in sources:  # the primary source comes first, the reference section after it
        primary = source.split("; clinical_reference")[0]
        assert len(primary) > 20 and not primary.startswith("clinical_reference"), source


def test_minimal_case_is_all_not_computable_with_reasons() -> None:
    scores = derive_scores(minimal_case())
    assert scores.nrs_bands == {}
    assert scores.follow_ups == ()
    for name in (
        "age",
        "bpi_severity",
        "bpi_interference",
        "dn4",
        "dn4_interview",
        "lanss",
        "medd",
        "analgesic_level",
        "pain_level",
        "pmi",
        "creatinine_clearance",
        "gabapentin_renal_dose",
        "pregabalin_renal_dose",
        "methadone_qtc",
        "cyp2d6",
        "cyp2c9",
    ):
        value = getattr(scores, name)
        assert isinstance(value, NotComputable), name
        assert value.reason and value.missing, name


def test_settings_change_schemes_and_are_reported() -> None:
    settings = ClinicalSettings(
        nrs_band_scheme="Serlin1995",
        pain_level_scheme="Cleeland1994",
        medd_table="CDC2016",
        responder_nrs_item="average",
    )
    data = full_case_data()
    data["assessment"]["nrs"]["worst"] = 7
    scores = derive_scores(parse_case(data), settings)
    assert scores.settings == settings
    assert scores.nrs_bands["least"].scheme == "Serlin1995"
    assert scores.pain_level.model_dump()["level"] == 2  # Cleeland 4-7 moderate
    assert scores.medd.model_dump()["table"] == "CDC2016"
    assert scores.follow_ups[0].primary_item == "average"


def test_settings_are_frozen_and_closed() -> None:
    settings = ClinicalSettings()
    with pytest.raises(ValidationError):
        settings.nrs_band_scheme = "Serlin1995"
    with pytest.raises(ValidationError):
        ClinicalSettings(nrs_band_scheme="WHO")  # type: ignore[arg-type]
    with pytest.raises(ValidationError):
        ClinicalSettings.model_validate({"unknown_scheme": 1})
    assert ClinicalSettings.model_validate(settings.model_dump()) == settings


def test_crcl_from_umol_and_recorded_fallback() -> None:
    data = full_case_data()
    data["comorbidities"].pop("serum_creatinine_mg_dl")
    data["comorbidities"]["serum_creatinine_umol_l"] = 97.24  # 1.1 mg/dL
    scores = derive_scores(parse_case(data))
    assert scores.creatinine_clearance.model_dump()["serum_creatinine_mg_dl"] == pytest.approx(1.1)
    data["comorbidities"].pop("serum_creatinine_umol_l")
    scores = derive_scores(parse_case(data))
    assert isinstance(scores.creatinine_clearance, NotComputable)
    gabapentin = scores.gabapentin_renal_dose.model_dump()
    assert gabapentin["crcl_basis"] == "recorded comorbidities.creatinine_clearance"
    assert gabapentin["crcl_ml_min"] == 50


def test_crcl_needs_known_sex() -> None:
    data = full_case_data()
    data["patient"]["sex"] = "unknown"
    result = derive_scores(parse_case(data)).creatinine_clearance
    assert isinstance(result, NotComputable) and result.missing == ("patient.sex",)


def test_haemodialysis_has_its_own_advice() -> None:
    data = full_case_data()
    data["comorbidities"]["haemodialysis"] = True
    scores = derive_scores(parse_case(data))
    assert scores.pregabalin_renal_dose.model_dump()["band"] == "haemodialysis"


def test_unconverted_opioids_are_listed_never_guessed() -> None:
    case = minimal_case(
        medications=[
            {"drug": "buprenorphine", "route": "transdermal", "mcg_per_hour": 10},
            {"drug": "morphine"},
            {"drug": "hydromorphone", "route": "subcutaneous", "daily_dose_mg": 4},
            {"drug": "morphine", "route": "subcutaneous", "daily_dose_mg": 10},
            {"drug": "dihydrocodeine", "route": "oral", "daily_dose_mg": 120},
            {"drug": "fentanyl", "route": "buccal", "daily_dose_mg": 0.4},
        ]
    )
    medd = derive_scores(case).medd.model_dump()
    assert medd["total_mg_per_day"] == pytest.approx(30)
    assert medd["complete"] is False
    assert [(entry["drug"], entry["reason"]) for entry in medd["not_converted"]] == [
        ("buprenorphine", "buprenorphine has no factor in the CDC tables (partial agonist)"),
        ("morphine", "route not given (conversion factors are route-specific)"),
        ("hydromorphone", "no parenteral factor for hydromorphone in the reference tables"),
        ("dihydrocodeine", "no CDC2022 factor for dihydrocodeine"),
        ("fentanyl", "no CDC2022 factor for fentanyl by buccal route"),
    ]
    assert "not all opioids converted: the total is incomplete" in medd["flags"]
    assert "parenteral morphine converted at 3x oral (approximate)" in medd["flags"]


def test_methadone_above_80_mg_not_converted_under_cdc2016_but_flagged() -> None:
    case = minimal_case(medications=[{"drug": "methadone", "route": "oral", "daily_dose_mg": 90}])
    medd = derive_scores(case, ClinicalSettings(medd_table="CDC2016")).medd.model_dump()
    assert medd["items"] == () and medd["not_converted"][0]["drug"] == "methadone"
    assert "methadone: conversion unreliable" in medd["flags"]


@pytest.mark.parametrize(
    ("medication", "setting", "level"),
    [
        ({"drug": "hydrocodone"}, {}, 2),
        ({"drug": "hydrocodone"}, {"hydrocodone_class": "strong"}, 3),
        ({"drug": "tapentadol"}, {}, 3),
        ({"drug": "tapentadol"}, {"tapentadol_class": "weak"}, 2),
        ({"drug": "buprenorphine", "route": "transdermal", "mcg_per_hour": 10}, {}, 2),
        ({"drug": "buprenorphine", "route": "transdermal", "mcg_per_hour": 35}, {}, 3),
        ({"drug": "buprenorphine", "route": "sublingual"}, {}, 3),
        ({"drug": "buprenorphine"}, {}, None),
        ({"drug": "buprenorphine"}, {"low_dose_buprenorphine_class": "strong"}, 3),
    ],
    ids=[
        "hydrocodone-weak",
        "hydrocodone-strong",
        "tapentadol-strong",
        "tapentadol-weak",
        "bup-10-patch",
        "bup-35-patch",
        "bup-sublingual",
        "bup-unknown-dose",
        "bup-unknown-dose-strong-setting",
    ],
)
def test_ambiguous_opioids_follow_settings(
    medication: dict[str, Any], setting: dict[str, Any], level: int | None
) -> None:
    result = derive_scores(minimal_case(medications=[medication]), ClinicalSettings(**setting))
    if level is None:
        assert isinstance(result.analgesic_level, NotComputable)
    else:
        assert result.analgesic_level.model_dump()["level"] == level


def test_cyp2c9_intermediate_without_score_is_not_computable_per_nsaid() -> None:
    case = minimal_case(
        pharmacogenomics={"CYP2C9": "intermediate"},
        medications=[{"drug": "celecoxib"}, {"drug": "naproxen"}],
    )
    nsaids = derive_scores(case).cyp2c9.model_dump()["nsaids"]
    assert nsaids[0]["status"] == "not_computable"
    assert nsaids[1]["action"] == "no_cyp2c9_action"


def test_responder_not_computable_when_item_missing() -> None:
    case = minimal_case(follow_ups=[{"nrs": {"average": 3}}])
    follow_up = derive_scores(parse_case(case.model_dump(mode="json", by_alias=True))).follow_ups[0]
    assert isinstance(follow_up.primary, NotComputable)
    assert follow_up.primary.missing == ("assessment.nrs.worst", "follow_ups[0].nrs.worst")
    assert follow_up.days_since_baseline is None
