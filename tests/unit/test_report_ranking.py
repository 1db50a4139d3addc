"""Ranking, referral and trajectory details that the scenario table does not show."""

from __future__ import annotations

from datetime import UTC, datetime

from desktop.domain.ranking import rank_options
from desktop.domain.report import compose_report
from desktop.domain.settings import ClinicalSettings
from tests.unit.alert_scenarios import combine, med, meds, nrs
from tests.unit.report_helpers import GENERATED_AT, make_case, make_model_output

SETTINGS = ClinicalSettings()


def test_no_option_is_dropped_and_moved_ones_say_why() -> None:
    model = make_model_output(options={"nsaid": 0.9, "methadone": 0.8})
    case = make_case({"comorbidities": {"egfr": 25, "qtc_ms": 470}})
    report = compose_report(case, SETTINGS, model, generated_at=GENERATED_AT)
    options = report.ranking.options
    assert {o.option for o in options} == {o.option for o in model.options}
    assert [o.position for o in options] == list(range(1, len(options) + 1))
    statuses = [o.status for o in options]
    assert statuses == sorted(statuses, key=["ranked", "demoted", "excluded"].index)
    nsaid = next(o for o in options if o.option == "nsaid")
    assert (nsaid.status, nsaid.model_rank, nsaid.position) == ("excluded", 1, len(options) - 1)
    assert nsaid.reasons[0].startswith("NSAID_RENAL_AVOID")
    assert all(bool(o.reasons) == (o.status != "ranked") for o in options)
    assert all(o.side_effect_source for o in options)


def test_ties_keep_the_bundle_order_and_no_model_gives_no_ranking() -> None:
    model = make_model_output(options={o.option: 0.5 for o in make_model_output().options})
    ranking = rank_options(model, [])
    assert [o.option for o in ranking.options] == [o.option for o in model.options]
    empty = rank_options(None, [])
    assert (empty.basis, empty.options) == ("none", ())
    assert "No model loaded" in empty.note


def test_medd_escalation_across_reports() -> None:
    first_case = make_case(combine(meds(med("morphine", 30), med("senna")), nrs(5)))
    first = compose_report(first_case, SETTINGS, None, generated_at=GENERATED_AT)
    later = make_case(
        combine(
            meds(med("morphine", 60), med("senna")),
            nrs(5),
            {"follow_ups": [{"date": "2026-12-01", "nrs": {"worst": 5}}]},
        )
    )
    second = compose_report(
        later, SETTINGS, None, generated_at=datetime(2026, 12, 1, tzinfo=UTC), previous=first
    )
    assert [p.medd_mg_per_day for p in second.trajectory] == [30, 60]
    assert [r.code for r in second.referral.reasons] == ["REFER_RAPID_ESCALATION_MEDD"]
    off = ClinicalSettings(refer_on_medd_rise_percent=None)
    quiet = compose_report(later, off, None, generated_at=GENERATED_AT, previous=first)
    assert not quiet.referral.recommended


def test_severe_pain_uses_the_latest_contact() -> None:
    extra = combine(
        meds(med("morphine", 60), med("senna")),
        nrs(8),
        {"follow_ups": [{"date": "2026-12-01", "nrs": {"worst": 4}}]},
    )
    report = compose_report(make_case(extra), SETTINGS, None, generated_at=GENERATED_AT)
    assert "REFER_SEVERE_PAIN_ON_STRONG_OPIOID" not in {r.code for r in report.referral.reasons}
    assert report.trajectory[-1].responder == "substantial"
