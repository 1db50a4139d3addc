"""Plain-text detail sections of the report: mechanisms, options, alerts, referral.

Mechanisms and options are registered templates with their arguments: ``*_texts`` gives
:class:`Line` s for the GUI (translated there), ``*_lines`` the English of the text report.
Alerts and referral are written by the GUI from the alerts' own texts (report_document.py).

The history sections (trajectory, changes, provenance) are in ``report_text_history``.
"""

from __future__ import annotations

from collections.abc import Sequence

from desktop.domain.alerts.alert import Alert
from desktop.domain.model_output import Explanation
from desktop.domain.ranking import RankedOption
from desktop.domain.referral import Referral
from desktop.domain.report import Report
from desktop.domain.report_lines import (
    ITEM,
    SUB,
    Line,
    alert_reason,
    english_lines,
    quoted_alert,
)
from desktop.domain.texts import (
    ENGLISH,
    Listed,
    Term,
    Text,
    TextArg,
    as_phrase,
    phrase,
    render_arg,
    template,
)

MECHANISM_MODEL = template("Model: {model}. Each mechanism may be present alongside the others.")
UNKNOWN_MODEL = phrase("unknown model")
NO_MODEL_LOADED = phrase("No model loaded.")
MECHANISM_CALL = template(
    "{mechanism}: {probability:.0%}; prediction set {answers} at {coverage:.0%} coverage -> {call}"
)
ANSWERS = template("{{{answers}}}")
DRIVERS = template("drivers (logit): {drivers}")
DRIVER = template("{contribution:+.2f} {label} = {value}")
MISSING = phrase("missing")
NO_DRIVER = phrase("no single feature stands out")
INPUT_CHECK = template("Input check: {verdict} (distance {score:.2f}, threshold {threshold:.2f})")
OUT_OF_DISTRIBUTION = phrase("OUT OF DISTRIBUTION")
WITHIN_TRAINING_DATA = phrase("within the training data")
MISSING_INPUTS = template("Missing model inputs: {features}")
OPTIONS_MODEL = template("Model: {model}. {note}")
OPTION = {
    "ranked": template(
        "{position}. {label}: {probability:.0%} chance of >= 30% relief (model rank {rank})"
    ),
    "demoted": template(
        "{position}. {label}: {probability:.0%} chance of >= 30% relief (model rank {rank})"
        " - MOVED DOWN"
    ),
    "excluded": template(
        "{position}. {label}: {probability:.0%} chance of >= 30% relief (model rank {rank})"
        " - NOT RECOMMENDED"
    ),
}
WHY = template("why: {reason}")
CAUTION = template("caution [{severity}] {code}: {message}")
SIDE_EFFECTS = template("side effects: {effects}")


def percent(probability: float) -> str:
    return f"{probability:.0%}"


def driver_text(explanation: Explanation) -> str:
    """``+0.84 DN4 total = 5; -0.31 Pain duration = missing`` (logit units)."""
    return render_arg(_drivers(explanation), "", ENGLISH)


def _drivers(explanation: Explanation) -> TextArg:
    if not explanation.drivers:
        return NO_DRIVER
    parts = tuple(
        DRIVER.fill(
            contribution=driver.contribution,
            label=driver.label,  # the model bundle's feature name, as published
            value=MISSING if driver.value is None else f"{driver.value:g}",
        )
        for driver in explanation.drivers
    )
    return Listed(items=parts, separator="; ")


def answer_set(answers: tuple[str, ...]) -> Text:
    """A conformal prediction set, ``{absent, present}`` (the words translatable)."""
    words = tuple(Term(term=f"answer_{answer}", english=answer) for answer in answers)
    return ANSWERS.fill(answers=Listed(items=words))


def mechanism_lines(report: Report) -> list[str]:
    """Each mechanism: probability, conformal set, coverage, drivers; the OOD result."""
    return english_lines(mechanism_texts(report))


def mechanism_texts(report: Report) -> list[Line]:
    """:func:`mechanism_lines` as texts."""
    if not report.mechanisms:
        return [Line(as_phrase(report.model_note) if report.model_note else NO_MODEL_LOADED)]
    identity = report.model.identity if report.model else UNKNOWN_MODEL
    lines = [Line(MECHANISM_MODEL.fill(model=identity))]
    for call in sorted(report.mechanisms, key=lambda m: -m.probability):
        text = MECHANISM_CALL.fill(
            mechanism=Term(term=call.mechanism),
            probability=call.probability,
            answers=answer_set(call.prediction_set),
            coverage=call.coverage,
            call=Term(term=f"verdict_{call.call}", english=call.call.replace("_", " ")),
        )
        lines.append(Line(text, ITEM))
        lines.append(Line(DRIVERS.fill(drivers=_drivers(call.explanation)), SUB))
    ood = report.ood
    if ood is not None:
        verdict = OUT_OF_DISTRIBUTION if ood.out_of_distribution else WITHIN_TRAINING_DATA
        lines.append(
            Line(INPUT_CHECK.fill(verdict=verdict, score=ood.score, threshold=ood.threshold))
        )
    if report.missing_features:
        features = Listed(items=tuple(report.missing_features))
        lines.append(Line(MISSING_INPUTS.fill(features=features)))
    return lines


def option_lines(report: Report) -> list[str]:
    """The ranked list: probability, status and reason, side effects, cautions, drivers."""
    return english_lines(option_texts(report))


def option_texts(report: Report) -> list[Line]:
    """:func:`option_lines` as texts."""
    ranking = report.ranking
    if ranking.basis == "none":
        return [Line(as_phrase(ranking.note))]
    lines = [Line(OPTIONS_MODEL.fill(model=str(ranking.model), note=as_phrase(ranking.note)))]
    for option in ranking.options:
        lines += _option(report, option)
    return lines


def _option(report: Report, option: RankedOption) -> list[Line]:
    head = OPTION[option.status].fill(
        position=option.position,
        label=as_phrase(option.label),
        probability=option.probability,
        rank=option.model_rank,
    )
    lines = [Line(head)]
    lines += [
        Line(WHY.fill(reason=alert_reason(report.alerts, reason)), SUB) for reason in option.reasons
    ]
    for caution in option.cautions:
        if caution.action == "annotate":
            message = quoted_alert(report.alerts, caution.code, caution.message)
            text = CAUTION.fill(
                severity=Term(term=caution.severity), code=caution.code, message=message
            )
            lines.append(Line(text, SUB))
    if option.side_effects:
        effects = Listed(items=tuple(as_phrase(e) for e in option.side_effects), separator="; ")
        lines.append(Line(SIDE_EFFECTS.fill(effects=effects), SUB))
    lines.append(Line(DRIVERS.fill(drivers=_drivers(option.explanation)), SUB))
    return lines


def alert_lines(alerts: Sequence[Alert]) -> list[str]:
    """Every alert, most serious first, with rule, source and the inputs that fired it."""
    if not alerts:
        return ["No alerts."]
    lines = []
    for alert in alerts:
        lines.append(f"[{alert.severity.upper()}] {alert.code}: {alert.message}")
        lines.append(f"    rule: {alert.rule}")
        lines.append(f"    source: {alert.source}")
        if alert.inputs:
            shown = ", ".join(
                f"{i.path}={'missing' if i.value is None else i.value}" for i in alert.inputs
            )
            lines.append(f"    inputs: {shown}")
        if alert.affects:
            lines.append(f"    affects: {', '.join(alert.affects)} ({alert.action})")
    return lines


def referral_lines(referral: Referral) -> list[str]:
    """The recommendation, each reason with the setting that enabled it."""
    if not referral.recommended:
        return ["Not recommended by the referral rules (a clinician may still refer)."]
    lines = ["Recommended:"]
    lines += [f"- {r.reason} [{r.code}; setting {r.setting}]" for r in referral.reasons]
    lines.append(f"rule: {referral.rule}")
    lines.append(f"source: {referral.source}")
    return lines
