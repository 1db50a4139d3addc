"""Alert rules at their boundaries, the Alert model, and sources on every alert."""

from __future__ import annotations

import re
from typing import Any

import pytest
from pydantic import ValidationError

from desktop.domain.alerts import ALL_RULES, Alert, evaluate_alerts
from desktop.domain.alerts.alert import sort_alerts
from desktop.domain.alerts.facts import Facts
from desktop.domain.derivation import derive_scores
from desktop.domain.report import compose_report
from desktop.domain.settings import ClinicalSettings
from tests.unit.alert_scenarios import SCENARIOS, combine, dn4_interview, med, meds, nrs
from tests.unit.report_helpers import GENERATED_AT, make_case, make_model_output

SETTINGS = ClinicalSettings()
MODEL = make_model_output()
#: A publication year, a product label, or the model card of the bundle.
#: Thresholds that are conventions with no single primary source (clinical_reference ⚠️).
CONVENTIONS = {"NSAID_LOW_PLATELETS"}
NAMED_SOURCE = r"\b(19|20)\d\d\b|model card|product information|prescribing information"


def codes(
    extra: dict[str, Any], model: Any = None, settings: ClinicalSettings = SETTINGS
) -> set[str]:
    case = make_case(extra)
    alerts = evaluate_alerts(case, derive_scores(case, settings), model, settings)
    return {a.code for a in alerts}


def alert(**overrides: Any) -> Alert:
    fields: dict[str, Any] = {
        "code": "X",
        "severity": "caution",
        "kind": "guideline",
        "message": "m",
        "rule": "r",
        "source": "s",
    }
    return Alert(**(fields | overrides))


def test_only_a_contraindication_may_exclude() -> None:
    with pytest.raises(ValidationError, match="only a contraindication"):
        alert(severity="warning", action="exclude", affects=("nsaid",))
    assert alert(severity="contraindication", action="exclude").action == "exclude"


def test_messages_read_as_sentences_and_alerts_are_frozen() -> None:
    made = alert(message="codeine with CYP2D6 poor metabolizer")
    assert made.message.startswith("Codeine")
    with pytest.raises(ValidationError):
        made.code = "Y"


def test_sorting_is_by_severity_then_code() -> None:
    alerts = [
        alert(code="B"),
        alert(code="A", severity="info"),
        alert(code="C", severity="warning"),
    ]
    assert [a.code for a in sort_alerts(alerts)] == ["C", "B", "A"]


@pytest.mark.parametrize(
    ("egfr", "expected"),
    [
        (29, "NSAID_RENAL_AVOID"),
        (30, "NSAID_RENAL_CAUTION"),
        (59, "NSAID_RENAL_CAUTION"),
        (60, None),
    ],
)
def test_nsaid_egfr_boundaries(egfr: int, expected: str | None) -> None:
    found = codes(combine({"comorbidities": {"egfr": egfr}}, meds(med("ibuprofen", 1200))))
    assert found & {"NSAID_RENAL_AVOID", "NSAID_RENAL_CAUTION"} == (
        {expected} if expected else set()
    )


def test_nsaid_egfr_thresholds_are_settings() -> None:
    strict = ClinicalSettings(nsaid_avoid_egfr_below=45, nsaid_caution_egfr_below=75)
    extra = combine({"comorbidities": {"egfr": 40}}, meds(med("ibuprofen", 1200)))
    assert "NSAID_RENAL_AVOID" in codes(extra, settings=strict)
    with pytest.raises(ValidationError, match="nsaid_avoid_egfr_below"):
        ClinicalSettings(nsaid_avoid_egfr_below=60, nsaid_caution_egfr_below=30)


def test_kidney_function_is_the_lowest_measure() -> None:
    case = make_case({"comorbidities": {"egfr": 70, "creatinine_clearance": 35}})
    facts = Facts(case=case, derived=derive_scores(case, SETTINGS), model=None, settings=SETTINGS)
    kidney = facts.kidney()
    assert kidney is not None
    assert (kidney.value, kidney.path) == (35, "comorbidities.creatinine_clearance")


@pytest.mark.parametrize(
    ("qtc", "expected"),
    [
        (449, set()),
        (450, {"METHADONE_QTC_BORDERLINE"}),
        (500, {"METHADONE_QTC_BORDERLINE"}),
        (501, {"METHADONE_QTC_PROLONGED"}),
    ],
)
def test_methadone_qtc_boundaries(qtc: int, expected: set[str]) -> None:
    found = codes(
        combine({"comorbidities": {"qtc_ms": qtc}}, meds(med("methadone", 20), med("senna")))
    )
    assert found & {"METHADONE_QTC_BORDERLINE", "METHADONE_QTC_PROLONGED"} == expected


@pytest.mark.parametrize(
    ("yes", "fires"),
    [
        (("burning",), True),  # 1 + 3 missing reaches 4
        ((), False),  # 0 + 3 cannot reach 4
        (("burning", "tingling", "numbness", "itching"), False),  # already 4
    ],
)
def test_dn4_examination_only_when_it_would_change_the_answer(
    yes: tuple[str, ...], fires: bool
) -> None:
    assert ("MISSING_DN4_EXAMINATION" in codes(dn4_interview(*yes))) is fires


def test_cyp2c9_advice_follows_each_prescribed_nsaid() -> None:
    extra = combine(
        {"pharmacogenomics": {"CYP2C9": "poor", "CYP2C9_activity_score": 0}},
        meds(med("aspirin", 75), med("naproxen", 500), med("meloxicam", 7.5)),
    )
    case = make_case(extra)
    alerts = evaluate_alerts(case, derive_scores(case, SETTINGS), None, SETTINGS)
    cyp = [a for a in alerts if a.code == "PGX_CYP2C9_NSAID"]
    assert len(cyp) == 1 and cyp[0].message.startswith("Meloxicam")


def test_an_interaction_with_a_proposed_option_is_one_step_milder() -> None:
    extra = meds(med("paracetamol", 3000), med("diazepam", 5))
    model = make_model_output(options={"strong_opioid": 0.95})
    case = make_case(extra)
    alerts = evaluate_alerts(case, derive_scores(case, SETTINGS), model, SETTINGS)
    benzo = next(a for a in alerts if a.code == "OPIOID_BENZODIAZEPINE")
    assert benzo.severity == "caution"
    assert "proposed" in benzo.message


def test_no_rule_fires_on_the_quiet_case_and_rules_are_documented() -> None:
    assert codes({}) == set() and codes({}, MODEL) == set()
    for rule in ALL_RULES:
        cited = rule.__doc__ and re.search(NAMED_SOURCE + "|convention", rule.__doc__)
        assert cited, rule.__name__


def test_every_alert_names_its_rule_a_dated_source_and_its_inputs() -> None:
    for scenario in SCENARIOS:
        report = compose_report(
            make_case(scenario.case),
            ClinicalSettings(**scenario.settings),
            scenario.model,
            generated_at=GENERATED_AT,
        )
        for fired in report.alerts:
            assert fired.rule and fired.message, fired.code
            assert re.search(NAMED_SOURCE, fired.source) or fired.code in CONVENTIONS, fired.code
            assert fired.inputs, fired.code
            assert re.fullmatch(r"[A-Z0-9_]+", fired.code)


def test_model_rules_stay_silent_without_a_model() -> None:
    assert not {c for c in codes(nrs(5)) if c.startswith("MODEL_")}
