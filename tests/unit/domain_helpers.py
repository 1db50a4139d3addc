"""Small builders shared by the domain tests (not a test module)."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

from desktop.domain.case import Case, Dn4Answers, LanssAnswers, Medication
from desktop.domain.case_parsing import parse_case

DATA = Path(__file__).resolve().parent.parent / "data"
DN4_ITEMS = (
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
)
LANSS_ITEMS = (
    "dysaesthesia",
    "autonomic",
    "evoked",
    "paroxysmal",
    "thermal",
    "allodynia",
    "pinprick",
)


def load_json(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((DATA / name).read_text(encoding="utf-8"))
    return data


def full_case_data() -> dict[str, Any]:
    return copy.deepcopy(load_json("case_full.json"))


def minimal_case(**extra: Any) -> Case:
    return parse_case(
        {"schema": "painbridge.case/1", "assessment": {"date": "2026-11-20"}, **extra}
    )


def dn4(yes: set[str], missing: frozenset[str] = frozenset()) -> Dn4Answers:
    return Dn4Answers.model_validate(
        {item: item in yes for item in DN4_ITEMS if item not in missing}
    )


def lanss(yes_numbers: set[int], form: str | None = None) -> LanssAnswers:
    answers: dict[str, Any] = {
        item: number in yes_numbers for number, item in enumerate(LANSS_ITEMS, start=1)
    }
    if form:
        answers["form"] = form
    return LanssAnswers.model_validate(answers)


def meds(*entries: dict[str, Any]) -> tuple[Medication, ...]:
    return tuple(Medication.model_validate(entry) for entry in entries)
