"""The text rendering: headline first, every alert with its source, and the documented example."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

from desktop.domain.report import compose_report
from desktop.domain.report_text import render_report_text
from desktop.domain.settings import ClinicalSettings
from tests.unit.report_helpers import (
    GENERATED_AT,
    example_case,
    example_model_output,
    make_case,
    make_model_output,
    ood_result,
)

DOCS = Path(__file__).resolve().parents[2] / "docs" / "report.md"
SETTINGS = ClinicalSettings()
SECTIONS = (
    "== HEADLINE ==",
    "== SCORES ==",
    "== PAIN MECHANISM ==",
    "== TREATMENT OPTIONS ==",
    "== ALERTS ==",
    "== REFERRAL TO HUB ==",
    "== TRAJECTORY ==",
    "== CHANGES SINCE THE PREVIOUS REPORT ==",
    "== PROVENANCE ==",
)


def example_texts() -> tuple[str, str]:
    first = compose_report(
        example_case(), SETTINGS, example_model_output(), generated_at=GENERATED_AT
    )
    second = compose_report(
        example_case(follow_up=True),
        SETTINGS,
        example_model_output(follow_up=True),
        generated_at=datetime(2026, 12, 4, 15, 0, tzinfo=UTC),
        previous=first,
    )
    return render_report_text(first), render_report_text(second)


def test_sections_in_order_headline_first() -> None:
    text, _ = example_texts()
    positions = [text.index(title) for title in SECTIONS]
    assert positions == sorted(positions)
    headline = text[positions[0] : positions[1]]
    assert headline.splitlines()[1].startswith("Mechanism: neuropathic likely (74%, present at 90%")
    assert "nociceptive uncertain (58%, model cannot decide at 90% coverage)" in headline
    assert "Top options: 1. Strong opioid" in headline
    assert "[WARNING] Tramadol with sertraline: risk of serotonin syndrome" in headline
    assert "Refer to hub: YES" in headline
    assert "SYNTHETIC cohort" in text.split("== HEADLINE ==")[0]


def test_every_alert_is_shown_with_rule_and_source() -> None:
    report = compose_report(
        example_case(), SETTINGS, example_model_output(), generated_at=GENERATED_AT
    )
    text = render_report_text(report)
    for alert in report.alerts:
        assert f"{alert.code}: {alert.message}" in text
        assert f"    source: {alert.source}" in text
    assert "13. Tricyclic antidepressant (amitriptyline, nortriptyline): 47% chance" in text
    assert "MOVED DOWN" in text
    assert "drivers (logit): +0.92 DN4-interview total = 3" in text
    assert f"Inputs fingerprint (sha256): {report.inputs_fingerprint}" in text


def test_no_model_text_says_so_and_still_lists_alerts() -> None:
    report = compose_report(example_case(), SETTINGS, None, generated_at=GENERATED_AT)
    text = render_report_text(report)
    assert "Mechanism: no model loaded. Screening: DN4-interview 3/7 positive" in text
    assert "Options: not ranked (no model loaded)" in text
    assert "No model loaded: mechanism probabilities and the treatment ranking" in text
    assert "[WARNING] TRAMADOL_SEROTONERGIC" in text


def test_excluded_options_and_out_of_distribution_are_visible() -> None:
    model = make_model_output(options={"nsaid": 0.99}, ood=ood_result())
    case = make_case({"comorbidities": {"egfr": 20}})
    text = render_report_text(compose_report(case, SETTINGS, model, generated_at=GENERATED_AT))
    assert re.search(r"Not recommended: NSAID; SNRI \(duloxetine\)", text)
    assert "NOT RECOMMENDED\n    why: NSAID_RENAL_AVOID" in text
    assert "Input check: OUT OF DISTRIBUTION (distance 6.30, threshold 4.00)" in text
    assert "Breakthrough episodes per day = 40 (training range 0-12)" in text


def test_changes_and_trajectory_lines() -> None:
    _, text = example_texts()
    assert "- follow-up 1 (2026-12-04): worst 5, average 3; MEDD 40 mg/day" in text
    assert "MEDD mg/day: 60 -> 40" in text
    assert "Resolved alert TRAMADOL_SEROTONERGIC" in text
    assert "Since the previous report: 1 new follow-up(s)" in text


def test_docs_example_is_the_current_rendering() -> None:
    """docs/report.md shows the real output: regenerate it when the renderer changes."""
    docs = DOCS.read_text(encoding="utf-8")
    blocks = dict(re.findall(r"<!-- example:([a-z-]+) -->\n```text\n(.*?)```", docs, re.S))
    first, second = example_texts()
    first_headline = first[: first.index("\n== SCORES ==")] + "\n"
    assert blocks == {"first-headline": first_headline, "follow-up": second}
