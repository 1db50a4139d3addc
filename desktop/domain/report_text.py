"""The report as plain text (``painbridge assess``), for a busy clinician.

Headline first - likely mechanism(s) and how sure the model is, the top options, what is
not recommended, urgent alerts, referral - then the details: scores with their schemes,
mechanisms and options with their drivers, every alert with its rule and source, referral
reasons, trajectory, changes since the previous report, and provenance.
"""

from __future__ import annotations

from desktop.domain.alerts.alert import Alert
from desktop.domain.report import Report
from desktop.domain.report_parts import MechanismCall
from desktop.domain.report_text_history import change_lines, provenance_lines, trajectory_lines
from desktop.domain.report_text_scores import score_lines
from desktop.domain.report_text_sections import (
    alert_lines,
    mechanism_lines,
    option_lines,
    percent,
    referral_lines,
)
from desktop.domain.scales.dn4 import Dn4Score
from desktop.domain.scales.lanss import LanssScore

URGENT = ("warning", "contraindication")
_CALL_TEXT = {
    "present": "likely",
    "absent": "unlikely",
    "uncertain": "uncertain",
    "no_answer": "no answer fits",
}


def render_report_text(report: Report) -> str:
    """The whole report as text, headline first; ends with a newline."""
    sections: list[tuple[str, list[str]]] = [
        ("HEADLINE", headline_lines(report)),
        ("SCORES", score_lines(report.derived)),
        ("PAIN MECHANISM", mechanism_lines(report)),
        ("TREATMENT OPTIONS", option_lines(report)),
        ("ALERTS", alert_lines(report.alerts)),
        ("REFERRAL TO HUB", referral_lines(report.referral)),
        ("TRAJECTORY", trajectory_lines(report.trajectory)),
        ("CHANGES SINCE THE PREVIOUS REPORT", change_lines(report.changes)),
        ("PROVENANCE", provenance_lines(report)),
    ]
    out = _title_lines(report)
    for title, lines in sections:
        out += ["", f"== {title} ==", *lines]
    return "\n".join(out) + "\n"


def _title_lines(report: Report) -> list[str]:
    who = report.pseudonym or "(no pseudonym)"
    case = f"case {report.case_id}" if report.case_id else "case id not assigned"
    when = report.generated_at.strftime("%Y-%m-%d %H:%M %Z").strip()
    return [
        f"PAINBRIDGE REPORT - {who} ({case})",
        f"Assessment {report.assessment_date.isoformat()}; generated {when}",
        f"!! {report.disclaimer}",
        f"!! {report.model_disclaimer}",
    ]


def headline_lines(report: Report) -> list[str]:
    """Mechanism(s), top options, not recommended, urgent alerts, referral."""
    lines = ["Mechanism: " + _mechanism_headline(report), "Pain: " + _pain_headline(report)]
    if report.ranking.basis == "none":
        lines.append("Options: not ranked (no model loaded)")
    else:
        top = report.ranking.options[: report.settings.top_options_count]
        shown = [
            f"{o.position}. {o.label} {percent(o.probability)}"
            + (f" ({o.status})" if o.status != "ranked" else "")
            for o in top
        ]
        lines.append("Top options: " + "; ".join(shown))
        excluded = report.ranking.shown("excluded")
        if excluded:
            lines.append("Not recommended: " + "; ".join(o.label for o in excluded))
    urgent = [a for a in report.alerts if a.severity in URGENT]
    lines.append(f"Urgent alerts: {len(urgent) or 'none'}")
    lines += [f"  {_alert_headline(a)}" for a in urgent]
    if report.referral.recommended:
        lines.append("Refer to hub: YES")
        lines += [f"  - {r.reason}" for r in report.referral.reasons]
    else:
        lines.append("Refer to hub: no")
    if report.changes is not None:
        lines.append(f"Since the previous report: {_change_summary(report)}")
    return lines


def _pain_headline(report: Report) -> str:
    baseline, latest = report.trajectory[0], report.trajectory[-1]
    worst = "-" if baseline.worst is None else f"{baseline.worst}/10"
    average = "-" if baseline.average is None else f"{baseline.average}/10"
    text = f"worst {worst}, average {average}"
    if latest is baseline:
        return text + " (baseline, last 24 h)"
    when = latest.date.isoformat() if latest.date else "date not recorded"
    now = "-" if latest.worst is None else f"{latest.worst}/10"
    response = f"; IMMPACT {latest.responder.replace('_', ' ')}" if latest.responder else ""
    return f"{text} at baseline; worst {now} at {latest.label} ({when}){response}"


def _alert_headline(alert: Alert) -> str:
    return f"[{alert.severity.upper()}] {alert.message}"


def _mechanism_headline(report: Report) -> str:
    if not report.mechanisms:
        return f"no model loaded. {_screening_summary(report)}"
    calls = sorted(report.mechanisms, key=lambda m: -m.probability)
    return "; ".join(_call_text(m) for m in calls)


def _call_text(call: MechanismCall) -> str:
    coverage = f"{percent(call.coverage)} coverage"
    detail = {
        "present": f"present at {coverage}",
        "absent": f"absent at {coverage}",
        "uncertain": f"model cannot decide at {coverage}",
        "no_answer": f"no answer at {coverage}",
    }[call.call]
    return f"{call.mechanism} {_CALL_TEXT[call.call]} ({percent(call.probability)}, {detail})"


def _screening_summary(report: Report) -> str:
    derived = report.derived
    parts = []
    for name, score in (("DN4", derived.dn4), ("DN4-interview", derived.dn4_interview)):
        if isinstance(score, Dn4Score):
            verdict = "positive" if score.positive else "negative"
            parts.append(f"{name} {score.total}/{score.max_total} {verdict}")
    if isinstance(derived.lanss, LanssScore):
        verdict = "positive" if derived.lanss.positive else "negative"
        parts.append(f"{derived.lanss.form} {derived.lanss.total}/24 {verdict}")
    if not parts:
        return "No neuropathic screening score recorded."
    return "Screening: " + ", ".join(parts) + " (screening aids, not a diagnosis)."


def _change_summary(report: Report) -> str:
    changes = report.changes
    if changes is None or changes.nothing_changed:
        return "nothing changed"
    parts = []
    if changes.new_follow_ups:
        parts.append(f"{changes.new_follow_ups} new follow-up(s)")
    if changes.scores:
        parts.append(f"{len(changes.scores)} score(s) changed")
    if changes.alerts_added or changes.alerts_removed:
        parts.append(f"alerts +{len(changes.alerts_added)} / -{len(changes.alerts_removed)}")
    if changes.alerts_changed:
        parts.append(f"{len(changes.alerts_changed)} alert(s) changed")
    if changes.ranking:
        parts.append("ranking changed")
    if changes.referral_before != changes.referral_after:
        parts.append("referral " + ("now recommended" if changes.referral_after else "withdrawn"))
    return ", ".join(parts) or "model or mechanism probabilities changed"
