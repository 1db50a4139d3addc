"""The clinical scenario table: exact alerts, exclusions, demotions and referral per case."""

from __future__ import annotations

import pytest

from desktop.domain.report import compose_report
from desktop.domain.settings import ClinicalSettings
from tests.unit.alert_scenarios import SCENARIOS, Scenario
from tests.unit.report_helpers import GENERATED_AT, make_case


@pytest.mark.parametrize("scenario", SCENARIOS, ids=[s.id for s in SCENARIOS])
def test_scenario(scenario: Scenario) -> None:
    report = compose_report(
        make_case(scenario.case),
        ClinicalSettings(**scenario.settings),
        scenario.model,
        generated_at=GENERATED_AT,
        clinician_requests_referral=scenario.clinician_request,
    )
    assert {a.code for a in report.alerts} == scenario.alerts, scenario.description
    assert {o.option for o in report.ranking.shown("excluded")} == scenario.excluded
    assert {o.option for o in report.ranking.shown("demoted")} == scenario.demoted
    assert {r.code for r in report.referral.reasons} == scenario.referral
    assert report.referral.recommended == bool(scenario.referral)


def test_the_table_is_large_and_ids_are_unique() -> None:
    assert len(SCENARIOS) >= 25
    assert len({s.id for s in SCENARIOS}) == len(SCENARIOS)
    assert all(s.description for s in SCENARIOS)
