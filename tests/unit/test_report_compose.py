"""compose_report: pure, reproducible, JSON round-trippable, fingerprinted."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any

import pytest
from pydantic import ValidationError

from desktop.domain.case_parsing import dump_case, parse_case
from desktop.domain.report import Report, compose_report
from desktop.domain.report_parts import SYNTHETIC_MODEL_DISCLAIMER, fingerprint_inputs
from desktop.domain.settings import ClinicalSettings
from tests.unit.domain_helpers import load_json
from tests.unit.report_helpers import (
    GENERATED_AT,
    example_case,
    example_model_output,
    make_case,
    make_model_output,
    merge,
)

SETTINGS = ClinicalSettings()
LATER = datetime(2026, 12, 4, 15, 0, tzinfo=UTC)


def example_reports() -> tuple[Report, Report]:
    first = compose_report(
        example_case(), SETTINGS, example_model_output(), generated_at=GENERATED_AT
    )
    second = compose_report(
        example_case(follow_up=True),
        SETTINGS,
        example_model_output(follow_up=True),
        generated_at=LATER,
        previous=first,
    )
    return first, second


def test_the_same_inputs_give_the_identical_report() -> None:
    first, second = example_reports()
    again_first, again_second = example_reports()
    assert (first, second) == (again_first, again_second)
    assert second.model_dump_json() == again_second.model_dump_json()


def test_a_case_read_back_from_json_gives_the_identical_report() -> None:
    case = example_case(follow_up=True)
    stored = parse_case(dump_case(case))
    model = example_model_output(follow_up=True)
    assert compose_report(stored, SETTINGS, model, generated_at=LATER) == compose_report(
        case, SETTINGS, model, generated_at=LATER
    )


def test_a_stored_report_reads_back_equal_and_reproduces_the_next_one() -> None:
    first, second = example_reports()
    stored_first = Report.model_validate_json(first.model_dump_json())
    assert stored_first == first
    assert Report.model_validate_json(second.model_dump_json()) == second
    recomputed = compose_report(
        example_case(follow_up=True),
        SETTINGS,
        example_model_output(follow_up=True),
        generated_at=LATER,
        previous=stored_first,
    )
    assert recomputed == second


def test_fingerprint_covers_clinical_inputs_model_and_settings_but_not_identity() -> None:
    case, model = example_case(), example_model_output()
    base = fingerprint_inputs(case, SETTINGS, model)
    assert re.fullmatch(r"[0-9a-f]{64}", base)
    renamed = parse_case(
        merge(dump_case(case), {"patient": {"name": "Someone Else", "contact": "elsewhere"}})
    )
    assert fingerprint_inputs(renamed, SETTINGS, model) == base
    changed_pain = parse_case(merge(dump_case(case), {"assessment": {"nrs": {"now": 7}}}))
    newer = model.model_copy(update={"model_version": "1.0.1"})
    assert (
        len(
            {
                base,
                fingerprint_inputs(changed_pain, SETTINGS, model),
                fingerprint_inputs(case, SETTINGS, newer),
                fingerprint_inputs(case, ClinicalSettings(nrs_band_scheme="Serlin1995"), model),
                fingerprint_inputs(case, SETTINGS, None),
                fingerprint_inputs(case, SETTINGS, model, clinician_requests_referral=True),
                fingerprint_inputs(case, SETTINGS, model, previous_fingerprint="0" * 64),
            }
        )
        == 7
    )


def test_report_without_a_model_is_still_useful() -> None:
    report = compose_report(example_case(), SETTINGS, None, generated_at=GENERATED_AT)
    assert report.model is None and report.mechanisms == () and report.ood is None
    assert report.model_note and "No model loaded" in report.model_note
    assert report.ranking.basis == "none"
    assert {"TRAMADOL_SEROTONERGIC", "UNDERTREATMENT_NEGATIVE_PMI"} <= {
        a.code for a in report.alerts
    }
    assert report.derived.pmi.model_dump()["pmi"] == -1
    assert report.model_disclaimer == SYNTHETIC_MODEL_DISCLAIMER


def test_records_trained_models_get_their_own_disclaimer() -> None:
    model = make_model_output().model_copy(update={"training_data": "records"})
    report = compose_report(make_case(), SETTINGS, model, generated_at=GENERATED_AT)
    assert "SYNTHETIC" not in report.model_disclaimer


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        ({"generated_at": datetime(2026, 11, 21, 9, 30)}, ValidationError),  # no time zone
    ],
)
def test_generated_at_must_be_time_zone_aware(
    kwargs: dict[str, Any], error: type[Exception]
) -> None:
    with pytest.raises(error):
        compose_report(make_case(), SETTINGS, None, **kwargs)


def test_previous_report_of_another_case_is_refused() -> None:
    other = compose_report(
        parse_case(load_json("case_full.json")), SETTINGS, None, generated_at=GENERATED_AT
    )
    with pytest.raises(ValueError, match="another case"):
        compose_report(make_case(), SETTINGS, None, generated_at=GENERATED_AT, previous=other)


def test_changes_since_the_previous_report() -> None:
    first, second = example_reports()
    changes = second.changes
    assert first.changes is None and changes is not None
    assert changes.previous_fingerprint == first.inputs_fingerprint == second.previous_fingerprint
    assert changes.new_follow_ups == 1
    scores = {c.name: (c.before, c.after) for c in changes.scores}
    assert scores["MEDD mg/day"] == (60.0, 40.0)
    assert scores["PMI"] == (-1, 0)
    assert [m.mechanism for m in changes.mechanisms] == ["neuropathic"]
    removed = {a.code for a in changes.alerts_removed}
    assert {"TRAMADOL_SEROTONERGIC", "UNDERTREATMENT_NEGATIVE_PMI"} <= removed
    assert "NSAID_RENAL_CAUTION" in {a.code for a in changes.alerts_changed}
    assert second.trajectory[0].medd_mg_per_day == 60  # kept from the first report
    assert second.trajectory[1].medd_mg_per_day == 40


def test_nothing_changed_when_nothing_changed() -> None:
    first = compose_report(make_case(), SETTINGS, make_model_output(), generated_at=GENERATED_AT)
    again = compose_report(
        make_case(), SETTINGS, make_model_output(), generated_at=LATER, previous=first
    )
    assert again.changes is not None and again.changes.nothing_changed
