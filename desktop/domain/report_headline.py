"""The report's headline ("At a glance") as translatable texts.

Each line is a registered template with its arguments (desktop/domain/texts.py), or an
urgent :class:`Alert` / a :class:`ReferralReason`, which carry their own texts. The text
report writes :func:`headline_lines` (English); the GUI translates :func:`headline_parts`.
"""

from __future__ import annotations

from desktop.domain.alerts.alert import Alert
from desktop.domain.referral import ReferralReason, point_label
from desktop.domain.report import Report
from desktop.domain.report_parts import MechanismCall
from desktop.domain.report_text_scores import verdict_term
from desktop.domain.scales.dn4 import Dn4Score
from desktop.domain.scales.lanss import LanssScore
from desktop.domain.texts import Listed, Term, Text, TextArg, as_phrase, phrase, template

HeadlinePart = Text | Alert | ReferralReason

URGENT = ("warning", "contraindication")
_CALL_TEXT = {
    "present": "likely",
    "absent": "unlikely",
    "uncertain": "uncertain",
    "no_answer": "no answer fits",
}
MECHANISM = template("Mechanism: {value}")
NO_MODEL = template("no model loaded. {screening}")
CALL = template("{mechanism} {verdict} ({probability:.0%}, {detail})")
CALL_DETAIL = {
    "present": template("present at {coverage:.0%} coverage"),
    "absent": template("absent at {coverage:.0%} coverage"),
    "uncertain": template("model cannot decide at {coverage:.0%} coverage"),
    "no_answer": template("no answer at {coverage:.0%} coverage"),
}
NO_SCREENING = template("No neuropathic screening score recorded.")
SCREENING = template("Screening: {scores} (screening aids, not a diagnosis).")
DN4_SCORE = template("{name} {total}/{max_total} {verdict}")
LANSS_SCORE = template("{form} {total}/24 {verdict}")
PAIN = template("Pain: {value}")
OUT_OF_TEN = template("{value}/10")
PAIN_BASELINE = template("worst {worst}, average {average} (baseline, last 24 h)")
PAIN_FOLLOW_UP = template(
    "worst {worst}, average {average} at baseline; worst {now} at {when} ({date})"
)
PAIN_RESPONSE = template(
    "worst {worst}, average {average} at baseline; worst {now} at {when} ({date}); "
    "IMMPACT {response}"
)
DATE_NOT_RECORDED = phrase("date not recorded")
NOT_RANKED = template("Options: not ranked (no model loaded)")
TOP_OPTIONS = template("Top options: {options}")
TOP_OPTION = template("{position}. {label} {probability:.0%}")
TOP_OPTION_STATUS = template("{position}. {label} {probability:.0%} ({status})")
NOT_RECOMMENDED = template("Not recommended: {options}")
URGENT_ALERTS = template("Urgent alerts: {count}")
NO_URGENT_ALERTS = template("Urgent alerts: none")
REFER_YES = template("Refer to hub: YES")
REFER_NO = template("Refer to hub: no")
SINCE_PREVIOUS = template("Since the previous report: {summary}")
NOTHING_CHANGED = phrase("nothing changed")
NEW_FOLLOW_UPS = template("{count} new follow-up(s)")
SCORES_CHANGED = template("{count} score(s) changed")
ALERTS_ADDED_REMOVED = template("alerts +{added} / -{removed}")
ALERTS_CHANGED = template("{count} alert(s) changed")
RANKING_CHANGED = phrase("ranking changed")
REFERRAL_NOW = phrase("referral now recommended")
REFERRAL_WITHDRAWN = phrase("referral withdrawn")
MODEL_CHANGED = phrase("model or mechanism probabilities changed")


def headline_lines(report: Report) -> list[str]:
    """Mechanism(s), top options, not recommended, urgent alerts, referral (English)."""
    lines = []
    for part in headline_parts(report):
        if isinstance(part, Alert):
            lines.append(f"  [{part.severity.upper()}] {part.message}")
        elif isinstance(part, ReferralReason):
            lines.append(f"  - {part.reason}")
        else:
            lines.append(part.english)
    return lines


def headline_parts(report: Report) -> list[HeadlinePart]:
    """:func:`headline_lines` as texts, urgent alerts and referral reasons."""
    parts: list[HeadlinePart] = [
        MECHANISM.fill(value=_mechanism_headline(report)),
        PAIN.fill(value=_pain_headline(report)),
    ]
    if report.ranking.basis == "none":
        parts.append(NOT_RANKED.fill())
    else:
        top = report.ranking.options[: report.settings.top_options_count]
        shown = tuple(
            TOP_OPTION_STATUS.fill(
                position=o.position,
                label=as_phrase(o.label),
                probability=o.probability,
                status=Term(term=f"status_{o.status}", english=o.status),
            )
            if o.status != "ranked"
            else TOP_OPTION.fill(
                position=o.position, label=as_phrase(o.label), probability=o.probability
            )
            for o in top
        )
        parts.append(TOP_OPTIONS.fill(options=Listed(items=shown, separator="; ")))
        excluded = report.ranking.shown("excluded")
        if excluded:
            labels = tuple(as_phrase(o.label) for o in excluded)
            parts.append(NOT_RECOMMENDED.fill(options=Listed(items=labels, separator="; ")))
    urgent = [a for a in report.alerts if a.severity in URGENT]
    parts.append(URGENT_ALERTS.fill(count=len(urgent)) if urgent else NO_URGENT_ALERTS.fill())
    parts += urgent
    if report.referral.recommended:
        parts.append(REFER_YES.fill())
        parts += report.referral.reasons
    else:
        parts.append(REFER_NO.fill())
    if report.changes is not None:
        parts.append(SINCE_PREVIOUS.fill(summary=_change_summary(report)))
    return parts


def _out_of_ten(value: int | None) -> TextArg:
    return "-" if value is None else OUT_OF_TEN.fill(value=value)


def _pain_headline(report: Report) -> Text:
    baseline, latest = report.trajectory[0], report.trajectory[-1]
    worst, average = _out_of_ten(baseline.worst), _out_of_ten(baseline.average)
    if latest is baseline:
        return PAIN_BASELINE.fill(worst=worst, average=average)
    common: dict[str, TextArg] = {
        "worst": worst,
        "average": average,
        "now": _out_of_ten(latest.worst),
        "when": point_label(latest.label),
        "date": latest.date.isoformat() if latest.date else DATE_NOT_RECORDED,
    }
    if latest.responder:
        response = Term(
            term=f"immpact_{latest.responder}", english=latest.responder.replace("_", " ")
        )
        return PAIN_RESPONSE.fill(response=response, **common)
    return PAIN_FOLLOW_UP.fill(**common)


def _mechanism_headline(report: Report) -> Text | Listed:
    if not report.mechanisms:
        return NO_MODEL.fill(screening=_screening_summary(report))
    calls = sorted(report.mechanisms, key=lambda m: -m.probability)
    return Listed(items=tuple(_call_text(m) for m in calls), separator="; ")


def _call_text(call: MechanismCall) -> Text:
    return CALL.fill(
        mechanism=Term(term=call.mechanism),
        verdict=Term(term=f"call_{call.call}", english=_CALL_TEXT[call.call]),
        probability=call.probability,
        detail=CALL_DETAIL[call.call].fill(coverage=call.coverage),
    )


def _screening_summary(report: Report) -> Text:
    derived = report.derived
    scores: list[TextArg] = []
    for name, score in (("DN4", derived.dn4), ("DN4-interview", derived.dn4_interview)):
        if isinstance(score, Dn4Score):
            scores.append(
                DN4_SCORE.fill(
                    name=name,
                    total=score.total,
                    max_total=score.max_total,
                    verdict=verdict_term(score.positive),
                )
            )
    lanss = derived.lanss
    if isinstance(lanss, LanssScore):
        scores.append(
            LANSS_SCORE.fill(
                form=lanss.form, total=lanss.total, verdict=verdict_term(lanss.positive)
            )
        )
    if not scores:
        return NO_SCREENING.fill()
    return SCREENING.fill(scores=Listed(items=tuple(scores)))


def _change_summary(report: Report) -> TextArg:
    changes = report.changes
    if changes is None or changes.nothing_changed:
        return NOTHING_CHANGED
    parts: list[TextArg] = []
    if changes.new_follow_ups:
        parts.append(NEW_FOLLOW_UPS.fill(count=changes.new_follow_ups))
    if changes.scores:
        parts.append(SCORES_CHANGED.fill(count=len(changes.scores)))
    if changes.alerts_added or changes.alerts_removed:
        parts.append(
            ALERTS_ADDED_REMOVED.fill(
                added=len(changes.alerts_added), removed=len(changes.alerts_removed)
            )
        )
    if changes.alerts_changed:
        parts.append(ALERTS_CHANGED.fill(count=len(changes.alerts_changed)))
    if changes.ranking:
        parts.append(RANKING_CHANGED)
    if changes.referral_before != changes.referral_after:
        parts.append(REFERRAL_NOW if changes.referral_after else REFERRAL_WITHDRAWN)
    if not parts:
        return MODEL_CHANGED
    return Listed(items=tuple(parts))
