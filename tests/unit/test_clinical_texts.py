"""Clinical texts: the core keeps its English and records each sentence's template and
arguments (desktop/domain/texts.py); the catalogue for lupdate is fresh and every template
has a Chinese translation with the same placeholders."""

from __future__ import annotations

import html
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings

from desktop.domain.alerts.alert import Alert
from desktop.domain.case_parsing import parse_case
from desktop.domain.derivation import derive_scores
from desktop.domain.not_computable_texts import reason_text
from desktop.domain.referral import ReferralReason
from desktop.domain.report import Report, compose_report
from desktop.domain.report_headline import headline_lines, headline_parts
from desktop.domain.report_text_history import (
    change_lines,
    change_texts,
    provenance_lines,
    provenance_texts,
    trajectory_lines,
    trajectory_texts,
)
from desktop.domain.report_text_scores import score_lines, score_texts
from desktop.domain.report_text_sections import (
    mechanism_lines,
    mechanism_texts,
    option_lines,
    option_texts,
)
from desktop.domain.results import NotComputable
from desktop.domain.settings import ClinicalSettings
from desktop.domain.texts import (
    ENGLISH,
    Listed,
    Phrase,
    Template,
    Term,
    Text,
    Worded,
    match_text,
    placeholders,
    registered_texts,
    render_arg,
    render_template,
)
from desktop.services.model_texts import DOWNLOADING_MODEL, MODEL_LIST_OVERDUE, MODEL_TEMPLATES
from desktop.services.sync_texts import CASES_SENT, CONNECTED, SYNC_TEMPLATES
from tests.unit.alert_scenarios import SCENARIOS, Scenario
from tests.unit.domain_strategies import case_documents
from tests.unit.report_helpers import GENERATED_AT, make_case, make_model_output

ROOT = Path(__file__).resolve().parents[2]
GUIDELINE = "REFER_GUIDELINE_CONFLICT"
TS = ROOT / "desktop" / "gui" / "translations" / "painbridge_zh_CN.ts"


def _report(scenario: Scenario) -> Report:
    return compose_report(
        make_case(scenario.case),
        ClinicalSettings(**scenario.settings),
        scenario.model,
        generated_at=GENERATED_AT,
        clinician_requests_referral=scenario.clinician_request,
    )


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:]


@pytest.mark.parametrize("scenario", SCENARIOS, ids=[s.id for s in SCENARIOS])
def test_templates_render_exactly_the_stored_english(scenario: Scenario) -> None:
    report = _report(scenario)
    for alert in report.alerts:
        assert alert.message_template in registered_texts()
        assert alert.rule_template in registered_texts()
        message = Text(template=alert.message_template, args=alert.message_args)
        assert _sentence(message.english) == alert.message
        assert Text(template=alert.rule_template, args=alert.rule_args).english == alert.rule
    for reason in report.referral.reasons:
        assert reason.reason_template in registered_texts()
        text = Text(template=reason.reason_template, args=reason.reason_args)
        assert text.english == reason.reason
    again = Report.model_validate_json(report.model_dump_json())
    assert again == report  # arguments keep their types (int, float, term, nested text)


def test_arguments_keep_codes_and_numbers() -> None:
    scenario = next(s for s in SCENARIOS if s.id == "cyp2d6-poor-codeine")
    alert = next(a for a in _report(scenario).alerts if a.code == "PGX_CYP2D6_CODEINE")
    assert alert.message_args["drug"] == "codeine"
    assert alert.message_args["phenotype"] == Term(term="poor")
    advice = alert.message_args["advice"]
    assert isinstance(advice, Phrase) and advice.phrase in registered_texts()
    pmi = next(s for s in SCENARIOS if "UNDERTREATMENT_NEGATIVE_PMI" in s.alerts)
    negative = next(a for a in _report(pmi).alerts if a.code == "UNDERTREATMENT_NEGATIVE_PMI")
    assert isinstance(negative.message_args["pmi"], int) and negative.message_args["pmi"] < 0


def test_a_report_stored_before_templates_still_loads_with_its_english() -> None:
    scenario = next(s for s in SCENARIOS if s.alerts and s.referral)
    report = _report(scenario)
    document = report.model_dump(mode="json")
    for alert in document["alerts"]:
        for key in ("message_template", "message_args", "rule_template", "rule_args"):
            del alert[key]
    for reason in document["referral"]["reasons"]:
        del reason["reason_template"], reason["reason_args"]
    old = Report.model_validate_json(json.dumps(document))
    assert [a.message for a in old.alerts] == [a.message for a in report.alerts]
    assert all(a.message_template is None and a.message_args == {} for a in old.alerts)
    assert all(r.reason_template is None for r in old.referral.reasons)


def test_alerts_and_reasons_made_without_templates_are_valid() -> None:
    alert = Alert(
        code="X", severity="info", kind="guideline", message="m", rule="r", source="S 2020"
    )
    reason = ReferralReason(code="R", reason="because", setting="s")
    assert alert.message_template is None and reason.reason_args == {}


def test_rendering_formats_numbers_terms_lists_and_nested_texts() -> None:
    nested = Text(template="{value:g} mg", args={"value": 12.5})
    args = {
        "p": 0.456,
        "options": Listed(items=(Term(term="strong_opioid"), Term(term="x_y", english="x_y"))),
        "dose": nested,
        "what": Phrase(phrase="once daily"),
    }
    shown = render_template("{p:.0%}: {options}; {dose}, {what}", args, ENGLISH)
    assert shown == "46%: strong opioid, x_y; 12.5 mg, once daily"


def test_a_template_takes_exactly_its_placeholders() -> None:
    sentence = Template("{drug} at {dose:g} mg")  # not registered: the catalogue stays clean
    assert placeholders(sentence.text) == (("dose", "g"), ("drug", ""))
    with pytest.raises(ValueError, match="takes"):
        sentence.fill(drug="morphine")
    assert sentence.fill(drug="morphine", dose=30.0).english == "morphine at 30 mg"


def test_sync_texts_are_matched_back_to_their_templates() -> None:
    text = match_text("3 sent", SYNC_TEMPLATES)
    assert text == CASES_SENT.fill(count=3)
    url = "https://hub.example.org"
    connected = match_text(f"Connected to North clinic's hub at {url}.", SYNC_TEMPLATES)
    assert connected == CONNECTED.fill(clinic="North clinic", url=url)
    assert match_text("something else", SYNC_TEMPLATES) is None


def test_the_catalogue_for_lupdate_is_fresh() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "update-clinical-texts.py"), "--check"],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr  # names the command to run


def _clinical_translations() -> dict[str, str]:
    text = TS.read_text(encoding="utf-8")
    context = re.search(r"<name>ClinicalText</name>(.*?)</context>", text, re.S)
    assert context is not None
    found = {}
    for message in re.finditer(r"<message>(.*?)</message>", context.group(1), re.S):
        source = re.search(r"<source>(.*?)</source>", message.group(1), re.S)
        translation = re.search(
            r"<translation( type=\"unfinished\")?>(.*?)</translation>", message.group(1), re.S
        )
        if source and translation and not translation.group(1):
            found[html.unescape(source.group(1))] = html.unescape(translation.group(2))
    return found


def test_every_template_has_a_chinese_translation_with_the_same_placeholders() -> None:
    import desktop.domain.report_text  # noqa: F401  (registers every report template)

    translations = _clinical_translations()
    missing = [t for t in registered_texts() if not translations.get(t)]
    assert missing == [], "translate in painbridge_zh_CN.ts (scripts/update-translations.sh)"
    changed = [
        (t, translations[t])
        for t in registered_texts()
        if placeholders(translations[t]) != placeholders(t)
    ]
    assert changed == []


@pytest.mark.parametrize("scenario", SCENARIOS, ids=[s.id for s in SCENARIOS])
def test_score_and_headline_texts_are_the_english_lines(scenario: Scenario) -> None:
    report = _report(scenario)
    texts = score_texts(report.derived)
    assert [t.english for t in texts] == score_lines(report.derived)
    assert all(t.template in registered_texts() for t in texts)
    parts = headline_parts(report)
    assert len(parts) == len(headline_lines(report))
    assert all(p.template in registered_texts() for p in parts if isinstance(p, Text))


def test_the_guideline_referral_names_the_options_in_words_not_the_codes() -> None:
    scenario = next(s for s in SCENARIOS if s.id == "cyp2d6-poor-codeine")
    reason = next(r for r in _report(scenario).referral.reasons if r.code == GUIDELINE)
    assert (
        reason.reason == "A guideline alert at warning or above concerns weak opioid (see Alerts)."
    )
    assert reason.alerts == ("PGX_CYP2D6_CODEINE",)
    several = [
        r
        for s in SCENARIOS
        for r in _report(s).referral.reasons
        if r.code == GUIDELINE and len(r.alerts) > 1
    ]
    assert several, "a scenario with several guideline alerts"
    for reason in several:
        assert reason.reason.startswith(f"{len(reason.alerts)} guideline alerts at ")
        assert not any(code in reason.reason for code in reason.alerts)
        assert reason.reason_args["count"] == len(reason.alerts)


def _reasons(value: object) -> list[str]:
    if isinstance(value, NotComputable):
        return [value.reason]
    if isinstance(value, dict | list | tuple):
        items = value.values() if isinstance(value, dict) else value
        return [reason for item in items for reason in _reasons(item)]
    fields = getattr(value, "__dict__", None)
    return _reasons(list(fields.values())) if fields else []


@settings(max_examples=150, deadline=None)
@given(case_documents())
def test_every_not_computable_reason_is_a_registered_text(document: dict[str, object]) -> None:
    derived = derive_scores(parse_case(document), ClinicalSettings())
    for reason in _reasons(derived):
        text = reason_text(reason)
        assert isinstance(text, Phrase | Text), reason  # else it would stay English
        shown = text.english if isinstance(text, Text) else text.phrase
        assert shown == reason


def _with_previous(scenario: Scenario) -> Report:
    """The scenario's case reported after a first report under another model and with a
    different case (alerts added, resolved and changed, options moved, sets changed)."""
    case = make_case(scenario.case)
    first = compose_report(
        make_case(),
        ClinicalSettings(tca_avoid_age=70),
        make_model_output({"neuropathic": (0.55, ("absent", "present"))}),
        generated_at=GENERATED_AT,
    )
    first = first.model_copy(update={"case_id": case.case_id})
    return compose_report(
        case,
        ClinicalSettings(**scenario.settings),
        scenario.model,
        generated_at=GENERATED_AT,
        previous=first,
        clinician_requests_referral=scenario.clinician_request,
    )


@pytest.mark.parametrize("scenario", SCENARIOS, ids=[s.id for s in SCENARIOS])
def test_section_and_history_texts_are_the_english_lines(scenario: Scenario) -> None:
    report = _with_previous(scenario)
    sections = (
        (mechanism_texts(report), mechanism_lines(report)),
        (option_texts(report), option_lines(report)),
        (trajectory_texts(report.trajectory), trajectory_lines(report.trajectory)),
        (change_texts(report.changes), change_lines(report.changes)),
        (provenance_texts(report), provenance_lines(report)),
    )
    for texts, lines in sections:
        assert [line.english for line in texts] == lines
        assert all(
            line.text.template in registered_texts()
            for line in texts
            if isinstance(line.text, Text)
        )
    assert report.changes is not None
    assert (report.changes.alerts_added or report.changes.alerts_removed) != ()


def test_changed_alerts_keep_their_templates_for_the_gui() -> None:
    scenario = next(s for s in SCENARIOS if s.id == "cyp2d6-poor-codeine")
    changes = _with_previous(scenario).changes
    assert changes is not None
    for change in (*changes.alerts_added, *changes.alerts_removed, *changes.alerts_changed):
        assert change.message_template in registered_texts()
        shown = render_template(change.message_template, change.message_args, ENGLISH)
        assert _sentence(shown) == change.message
    quoted = Worded(english="As stored.", template="{x} other", args={"x": 1})
    assert render_arg(quoted, "", ENGLISH) == "As stored."  # English never re-renders


def test_prediction_sets_are_written_as_before() -> None:
    """As Python writes a set (the report format has always done so)."""
    lines = change_lines(_with_previous(SCENARIOS[0]).changes)  # no model this time
    assert "Mechanism nociceptive: 20% -> -, set {'absent'} -> set()" in lines
    neuropathic = next(line for line in lines if line.startswith("Mechanism neuropathic"))
    assert neuropathic.endswith(
        (", set {'present', 'absent'} -> set()", ", set {'absent', 'present'} -> set()")
    )


def test_model_texts_are_matched_back_to_their_templates() -> None:
    from desktop.services.model_updates import ModelUpdateStatus  # the update client

    status = ModelUpdateStatus(
        active="1.1", previous=None, last_verified=GENERATED_AT, overdue_days=2.5
    )
    text = match_text(status.note, MODEL_TEMPLATES)
    assert text == MODEL_LIST_OVERDUE.fill(days="2.5")
    assert status.note == (
        "The hub's model list could not be verified for 2.5 days past its expiry: "
        "the last verified model stays in use."
    )
    downloading = DOWNLOADING_MODEL.fill(version="1.2.0").english
    assert downloading == "downloading model 1.2.0"
    assert match_text(downloading, MODEL_TEMPLATES) == DOWNLOADING_MODEL.fill(version="1.2.0")
