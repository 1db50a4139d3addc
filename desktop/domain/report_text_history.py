"""History and provenance sections: trajectory, changes, settings, fingerprint.

Each line is a registered template with its arguments (desktop/domain/texts.py): the
``*_texts`` functions give :class:`Line` s for the GUI (translated there), the ``*_lines``
functions the English the text report writes.
"""

from __future__ import annotations

from collections.abc import Sequence

from desktop.domain.alerts.alert import Severity
from desktop.domain.referral import point_label
from desktop.domain.report import Report
from desktop.domain.report_changes import AlertChange, MechanismChange, ReportChanges, Scalar
from desktop.domain.report_lines import ITEM, Line, english_lines
from desktop.domain.settings import ClinicalSettings
from desktop.domain.texts import (
    Listed,
    Term,
    Text,
    TextArg,
    Worded,
    as_phrase,
    phrase,
    register_phrases,
    template,
)
from desktop.domain.trajectory import TrajectoryPoint

POINT = template("{label} ({date}): worst {worst}, average {average}")
DATE_NOT_RECORDED = phrase("date not recorded")
POINT_MEDD = template("MEDD {medd} mg/day")
POINT_MEDD_NOT_KNOWN = template("MEDD not known")
POINT_STARTED = template("started {treatment}")
POINT_ADHERENCE = template("adherence {adherence}")
POINT_ADVERSE_EVENTS = template("adverse events: {events}")
POINT_RESPONSE = template("IMMPACT: {response}")

FIRST_REPORT = template("First report of this case (no previous report given).")
PREVIOUS_REPORT = template("Previous report: {when} (fingerprint {fingerprint})")
NOTHING_CHANGED = template("Nothing changed.")
MODEL_CHANGE = template("Model: {before} -> {after}")
NO_MODEL = phrase("none")
NEW_FOLLOW_UPS = template("New follow-ups: {count}")
SCORE_CHANGE = template("{name}: {before} -> {after}")
MECHANISM_CHANGE = template("Mechanism {mechanism}: {before} -> {after}")
MECHANISM_SET_CHANGE = template(
    "Mechanism {mechanism}: {before} -> {after}, set {set_before} -> {set_after}"
)
ANSWER_SET = template("{{{answers}}}")
EMPTY_SET = phrase("set()")
OPTION_MOVE = template(
    "Option {option}: position {before} -> {after} ({status_before} -> {status_after})"
)
ALERT_ADDED = template("New alert [{severity}] {code}: {message}")
ALERT_REMOVED = template("Resolved alert {code}: {message}")
ALERT_CHANGED = template("Changed alert [{severity}] {code}: {message} (was: {before})")
REFERRAL_NOW = template("Referral: recommended")
REFERRAL_WITHDRAWN = template("Referral: no longer recommended")
# The key scores' names (report_changes.key_scores), shown translated
register_phrases(
    (
        "NRS worst",
        "NRS average",
        "BPI severity",
        "BPI interference",
        "MEDD mg/day",
        "Analgesic level",
        "CrCl mL/min",
    )
)

MODEL_LINE = template("Model: {model}")
NO_MODEL_LOADED = phrase("none (no model loaded)")
SETTINGS_LINE = template("Settings: {version}; {settings}")
ALL_DEFAULTS = phrase("all defaults")
DEFAULTS_EXCEPT = template("defaults except {changed}")
FINGERPRINT_LINE = template("Inputs fingerprint (sha256): {fingerprint}")
FORMAT_LINE = template("Report format: {format}")


def _show(value: Scalar) -> str:
    return "-" if value is None else f"{value:g}" if isinstance(value, float) else str(value)


def trajectory_lines(points: Sequence[TrajectoryPoint]) -> list[str]:
    """One line per contact: date, worst and average pain, MEDD, treatment, response."""
    return english_lines(trajectory_texts(points))


def trajectory_texts(points: Sequence[TrajectoryPoint]) -> list[Line]:
    """:func:`trajectory_lines` as texts."""
    return [Line(_point(point), ITEM) for point in points]


def _point(point: TrajectoryPoint) -> Listed:
    medd = point.medd_mg_per_day
    parts: list[TextArg] = [
        POINT.fill(
            label=point_label(point.label),
            date=point.date.isoformat() if point.date else DATE_NOT_RECORDED,
            worst=_show(point.worst),
            average=_show(point.average),
        ),
        POINT_MEDD.fill(medd=_show(medd)) if medd is not None else POINT_MEDD_NOT_KNOWN.fill(),
    ]
    if point.treatment_started:
        treatment = Term(term=point.treatment_started, english=point.treatment_started)
        parts.append(POINT_STARTED.fill(treatment=treatment))
    if point.adherence:
        adherence = Term(term=point.adherence, english=point.adherence)
        parts.append(POINT_ADHERENCE.fill(adherence=adherence))
    if point.adverse_events:
        events = Listed(items=point.adverse_events)
        parts.append(POINT_ADVERSE_EVENTS.fill(events=events))
    if point.responder:
        response = Term(
            term=f"immpact_{point.responder}", english=point.responder.replace("_", " ")
        )
        parts.append(POINT_RESPONSE.fill(response=response))
    return Listed(items=tuple(parts), separator="; ")


def change_lines(changes: ReportChanges | None) -> list[str]:
    """What changed since the previous report (or that there is none)."""
    return english_lines(change_texts(changes))


def change_texts(changes: ReportChanges | None) -> list[Line]:
    """:func:`change_lines` as texts."""
    if changes is None:
        return [Line(FIRST_REPORT.fill())]
    when = changes.previous_generated_at.strftime("%Y-%m-%d %H:%M %Z").strip()
    texts = [PREVIOUS_REPORT.fill(when=when, fingerprint=changes.previous_fingerprint[:12])]
    if changes.nothing_changed:
        return [Line(text) for text in (*texts, NOTHING_CHANGED.fill())]
    if changes.model_before != changes.model_after:
        texts.append(
            MODEL_CHANGE.fill(
                before=changes.model_before or NO_MODEL, after=changes.model_after or NO_MODEL
            )
        )
    if changes.new_follow_ups:
        texts.append(NEW_FOLLOW_UPS.fill(count=changes.new_follow_ups))
    texts += [
        SCORE_CHANGE.fill(name=as_phrase(c.name), before=_show(c.before), after=_show(c.after))
        for c in changes.scores
    ]
    texts += [_mechanism_change(m) for m in changes.mechanisms]
    texts += [
        OPTION_MOVE.fill(
            option=Term(term=move.option, english=move.option),
            before=_show(move.position_before),
            after=_show(move.position_after),
            status_before=_status(move.status_before),
            status_after=_status(move.status_after),
        )
        for move in changes.ranking
    ]
    texts += [
        ALERT_ADDED.fill(severity=_severity(a.severity), code=a.code, message=_message(a))
        for a in changes.alerts_added
    ]
    texts += [ALERT_REMOVED.fill(code=a.code, message=_message(a)) for a in changes.alerts_removed]
    texts += [
        ALERT_CHANGED.fill(
            severity=_severity(a.severity),
            code=a.code,
            message=_message(a),
            before=_before(a),
        )
        for a in changes.alerts_changed
    ]
    if changes.referral_before != changes.referral_after:
        texts.append((REFERRAL_NOW if changes.referral_after else REFERRAL_WITHDRAWN).fill())
    return [Line(text) for text in texts]


def _percent(probability: float | None) -> str:
    return "-" if probability is None else f"{probability:.0%}"


def _mechanism_change(change: MechanismChange) -> Text:
    mechanism = Term(term=change.mechanism)
    before, after = _percent(change.probability_before), _percent(change.probability_after)
    if change.set_before == change.set_after:
        return MECHANISM_CHANGE.fill(mechanism=mechanism, before=before, after=after)
    return MECHANISM_SET_CHANGE.fill(
        mechanism=mechanism,
        before=before,
        after=after,
        set_before=_answer_set(change.set_before),
        set_after=_answer_set(change.set_after),
    )


def _answer_set(answers: tuple[str, ...] | None) -> TextArg:
    """A prediction set as Python writes a set (``{'absent', 'present'}``, ``set()``)."""
    values = set(answers or ())
    if not values:
        return EMPTY_SET
    words = tuple(Term(term=f"answer_{value}", english=repr(value)) for value in values)
    return ANSWER_SET.fill(answers=Listed(items=words))


def _status(status: str | None) -> TextArg:
    return "-" if status is None else Term(term=f"status_{status}", english=status)


def _severity(severity: Severity) -> Term:
    return Term(term=severity)


def _message(change: AlertChange) -> Worded:
    return Worded(
        english=change.message,
        template=change.message_template,
        args=change.message_args,
        sentence=True,
    )


def _before(change: AlertChange) -> Worded:
    return Worded(
        english=change.before or "",
        template=change.before_template,
        args=change.before_args,
        sentence=True,
    )


def provenance_lines(report: Report) -> list[str]:
    """Model, settings that differ from the defaults, fingerprint, format."""
    return english_lines(provenance_texts(report))


def provenance_texts(report: Report) -> list[Line]:
    """:func:`provenance_lines` as texts."""
    model = report.model.identity if report.model else NO_MODEL_LOADED
    texts = [
        MODEL_LINE.fill(model=model),
        SETTINGS_LINE.fill(
            version=report.settings.version, settings=_settings_text(report.settings)
        ),
        FINGERPRINT_LINE.fill(fingerprint=report.inputs_fingerprint),
        FORMAT_LINE.fill(format=report.format),
    ]
    return [Line(text) for text in texts]


def _settings_text(settings: ClinicalSettings) -> TextArg:
    defaults = ClinicalSettings()
    changed = tuple(
        f"{name}={getattr(settings, name)}"
        for name in ClinicalSettings.model_fields
        if name != "version" and getattr(settings, name) != getattr(defaults, name)
    )
    return DEFAULTS_EXCEPT.fill(changed=Listed(items=changed)) if changed else ALL_DEFAULTS
