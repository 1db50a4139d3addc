"""Reports never contain the patient's name or contact, in text or in JSON."""

from __future__ import annotations

import json
from typing import Any

import pytest

from desktop.domain.case_parsing import parse_case
from desktop.domain.report import compose_report
from desktop.domain.report_text import render_report_text
from desktop.domain.settings import ClinicalSettings
from tests.unit.alert_scenarios import SCENARIOS
from tests.unit.domain_helpers import full_case_data
from tests.unit.report_helpers import (
    BASE_CASE,
    EXAMPLE_CASE,
    GENERATED_AT,
    example_model_output,
    make_model_output,
    merge,
)

NAME = "Zephyrine Quillfeather-Okonkwo"
CONTACT = "zq.7731@mail.example, +44 7700 900123, 14 Larkspur Mews"
IDENTITY = {"patient": {"name": NAME, "contact": CONTACT}}


PHONE = "+44 7700 900123"


def _needles() -> list[str]:
    """The name, the contact, the phone number and every word of them with a letter."""
    words = [*NAME.replace("-", " ").split(), *CONTACT.replace(",", " ").split()]
    parts = [NAME, CONTACT, PHONE, *(w for w in words if any(c.isalpha() for c in w))]
    return sorted({p.lower() for p in parts if len(p) >= 4})


def leaks(text: str) -> list[str]:
    lowered = text.lower()
    return [needle for needle in _needles() if needle in lowered]


CASES: list[tuple[str, dict[str, Any], Any]] = [
    ("example", merge(EXAMPLE_CASE, IDENTITY), example_model_output()),
    ("full-case", merge(full_case_data(), IDENTITY), None),
    ("full-case-model", merge(full_case_data(), IDENTITY), make_model_output()),
    *[
        (s.id, merge(merge(BASE_CASE, s.case), IDENTITY), s.model)
        for s in SCENARIOS
        if s.case and isinstance(s.case.get("medications"), list)
    ],
]


@pytest.mark.parametrize(("document", "model"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_no_name_or_contact_in_text_or_json(document: dict[str, Any], model: Any) -> None:
    case = parse_case(document)
    first = compose_report(case, ClinicalSettings(), model, generated_at=GENERATED_AT)
    report = compose_report(
        case, ClinicalSettings(), model, generated_at=GENERATED_AT, previous=first
    )
    text = render_report_text(report)
    blob = json.dumps(report.model_dump(mode="json"), ensure_ascii=False)
    assert leaks(text) == []
    assert leaks(blob) == []
    assert report.pseudonym and report.pseudonym in text


def test_the_check_would_catch_a_leak() -> None:
    """Free-text drug names do reach the report, so a name typed there would be found."""
    document = merge(BASE_CASE, {"medications": [{"drug": "Quillfeather tonic"}]})
    report = compose_report(
        parse_case(document), ClinicalSettings(), None, generated_at=GENERATED_AT
    )
    assert leaks(report.model_dump_json()) == ["quillfeather"]
