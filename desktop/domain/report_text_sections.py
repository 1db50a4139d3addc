"""Plain-text detail sections of the report: mechanisms, options, alerts, referral.

The history sections (trajectory, changes, provenance) are in ``report_text_history``.
"""

from __future__ import annotations

from collections.abc import Sequence

from desktop.domain.alerts.alert import Alert
from desktop.domain.model_output import Explanation
from desktop.domain.ranking import RankedOption
from desktop.domain.referral import Referral
from desktop.domain.report import Report


def percent(probability: float) -> str:
    return f"{probability:.0%}"


def driver_text(explanation: Explanation) -> str:
    """``+0.84 DN4 total = 5; -0.31 Pain duration = missing`` (logit units)."""
    if not explanation.drivers:
        return "no single feature stands out"
    parts = []
    for driver in explanation.drivers:
        value = "missing" if driver.value is None else f"{driver.value:g}"
        parts.append(f"{driver.contribution:+.2f} {driver.label} = {value}")
    return "; ".join(parts)


def mechanism_lines(report: Report) -> list[str]:
    """Each mechanism: probability, conformal set, coverage, drivers; the OOD result."""
    if not report.mechanisms:
        return [report.model_note or "No model loaded."]
    identity = report.model.identity if report.model else "unknown model"
    lines = [f"Model: {identity}. Each mechanism may be present alongside the others."]
    for call in sorted(report.mechanisms, key=lambda m: -m.probability):
        answer = "{" + ", ".join(call.prediction_set) + "}"
        lines.append(
            f"- {call.mechanism}: {percent(call.probability)}; prediction set {answer} at "
            f"{call.coverage:.0%} coverage -> {call.call.replace('_', ' ')}"
        )
        lines.append(f"    drivers (logit): {driver_text(call.explanation)}")
    ood = report.ood
    if ood is not None:
        verdict = "OUT OF DISTRIBUTION" if ood.out_of_distribution else "within the training data"
        lines.append(
            f"Input check: {verdict} (distance {ood.score:.2f}, threshold {ood.threshold:.2f})"
        )
    if report.missing_features:
        lines.append(f"Missing model inputs: {', '.join(report.missing_features)}")
    return lines


def option_lines(report: Report) -> list[str]:
    """The ranked list: probability, status and reason, side effects, cautions, drivers."""
    ranking = report.ranking
    if ranking.basis == "none":
        return [ranking.note]
    lines = [f"Model: {ranking.model}. {ranking.note}"]
    for option in ranking.options:
        lines += _option(option)
    return lines


def _option(option: RankedOption) -> list[str]:
    status = {"ranked": "", "demoted": " - MOVED DOWN", "excluded": " - NOT RECOMMENDED"}
    lines = [
        f"{option.position}. {option.label}: {percent(option.probability)} chance of >= 30% "
        f"relief (model rank {option.model_rank}){status[option.status]}"
    ]
    lines += [f"    why: {reason}" for reason in option.reasons]
    for caution in option.cautions:
        if caution.action == "annotate":
            lines.append(f"    caution [{caution.severity}] {caution.code}: {caution.message}")
    if option.side_effects:
        lines.append(f"    side effects: {'; '.join(option.side_effects)}")
    lines.append(f"    drivers (logit): {driver_text(option.explanation)}")
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
