"""The case form's document: paths, live evaluation with invalid fields, saving."""

from __future__ import annotations

from datetime import date

from desktop.domain.settings import ClinicalSettings
from desktop.services.case_forms import (
    evaluate_document,
    get_value,
    new_case_document,
    remove_path,
    set_value,
    split_path,
)


def test_paths_are_the_problem_paths() -> None:
    assert split_path("medications[1].daily_dose_mg") == ["medications", 1, "daily_dose_mg"]
    document = new_case_document(date(2026, 11, 21))
    set_value(document, "assessment.nrs.worst", 8)
    set_value(document, "medications[0].drug", "morphine")
    assert get_value(document, "assessment.nrs.worst") == 8
    assert get_value(document, "medications[0]") == {"drug": "morphine"}
    assert get_value(document, "medications[3].drug") is None
    set_value(document, "assessment.nrs.worst", None)  # empty objects go with it
    assert "nrs" not in document["assessment"]
    set_value(document, "medications", [])  # an empty list is an answer: kept
    assert document["medications"] == []
    assert remove_path(document, "medications") is True
    assert remove_path(document, "patient.name") is False


def test_scores_are_live_even_with_invalid_fields() -> None:
    document = new_case_document(date(2026, 11, 21))
    set_value(document, "assessment.nrs", {"worst": 3, "least": 5, "average": 2, "now": 2})
    set_value(document, "patient.birth_year", "19x5")
    evaluation = evaluate_document(document, ClinicalSettings())
    assert not evaluation.valid and evaluation.partial
    assert [(p.path, p.rule) for p in evaluation.problems] == [
        ("patient.birth_year", "must be an integer 1900-2100"),
        ("assessment.nrs.least", "must not be greater than worst (3)"),
    ]
    assert evaluation.derived is not None
    assert evaluation.derived.nrs_bands["worst"].band == "mild"
    assert evaluation.problems_at("assessment.nrs") == [evaluation.problems[1]]


def test_a_valid_document_is_a_case() -> None:
    document = new_case_document(date(2026, 11, 21))
    evaluation = evaluate_document(document, ClinicalSettings())
    assert evaluation.valid and not evaluation.partial and evaluation.problems == ()


def test_without_an_assessment_date_nothing_is_computed() -> None:
    evaluation = evaluate_document(
        {"schema": "painbridge.case/1", "assessment": {}}, ClinicalSettings()
    )
    assert evaluation.derived is None
    assert [p.path for p in evaluation.problems] == ["assessment.date"]
