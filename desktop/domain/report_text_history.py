"""Plain-text history and provenance sections: trajectory, changes, settings, fingerprint."""

from __future__ import annotations

from collections.abc import Sequence

from desktop.domain.report import Report
from desktop.domain.report_changes import ReportChanges, Scalar
from desktop.domain.settings import ClinicalSettings
from desktop.domain.trajectory import TrajectoryPoint


def _show(value: Scalar) -> str:
    return "-" if value is None else f"{value:g}" if isinstance(value, float) else str(value)


def trajectory_lines(points: Sequence[TrajectoryPoint]) -> list[str]:
    """One line per contact: date, worst and average pain, MEDD, treatment, response."""
    lines = []
    for point in points:
        date = point.date.isoformat() if point.date else "date not recorded"
        medd = _show(point.medd_mg_per_day)
        parts = [
            f"{point.label} ({date}): worst {_show(point.worst)}, average {_show(point.average)}",
            f"MEDD {medd} mg/day" if point.medd_mg_per_day is not None else "MEDD not known",
        ]
        if point.treatment_started:
            parts.append(f"started {point.treatment_started}")
        if point.adherence:
            parts.append(f"adherence {point.adherence}")
        if point.adverse_events:
            parts.append(f"adverse events: {', '.join(point.adverse_events)}")
        if point.responder:
            parts.append(f"IMMPACT: {point.responder.replace('_', ' ')}")
        lines.append("- " + "; ".join(parts))
    return lines


def change_lines(changes: ReportChanges | None) -> list[str]:
    """What changed since the previous report (or that there is none)."""
    if changes is None:
        return ["First report of this case (no previous report given)."]
    when = changes.previous_generated_at.strftime("%Y-%m-%d %H:%M %Z").strip()
    lines = [f"Previous report: {when} (fingerprint {changes.previous_fingerprint[:12]})"]
    if changes.nothing_changed:
        return [*lines, "Nothing changed."]
    if changes.model_before != changes.model_after:
        lines.append(f"Model: {changes.model_before or 'none'} -> {changes.model_after or 'none'}")
    if changes.new_follow_ups:
        lines.append(f"New follow-ups: {changes.new_follow_ups}")
    lines += [f"{c.name}: {_show(c.before)} -> {_show(c.after)}" for c in changes.scores]
    for m in changes.mechanisms:
        before = "-" if m.probability_before is None else f"{m.probability_before:.0%}"
        after = "-" if m.probability_after is None else f"{m.probability_after:.0%}"
        sets = ""
        if m.set_before != m.set_after:
            sets = f", set {set(m.set_before or ())} -> {set(m.set_after or ())}"
        lines.append(f"Mechanism {m.mechanism}: {before} -> {after}{sets}")
    for move in changes.ranking:
        lines.append(
            f"Option {move.option}: position {_show(move.position_before)} -> "
            f"{_show(move.position_after)} ({move.status_before or '-'} -> "
            f"{move.status_after or '-'})"
        )
    lines += [f"New alert [{a.severity}] {a.code}: {a.message}" for a in changes.alerts_added]
    lines += [f"Resolved alert {a.code}: {a.message}" for a in changes.alerts_removed]
    lines += [
        f"Changed alert [{a.severity}] {a.code}: {a.message} (was: {a.before})"
        for a in changes.alerts_changed
    ]
    if changes.referral_before != changes.referral_after:
        now = "recommended" if changes.referral_after else "no longer recommended"
        lines.append(f"Referral: {now}")
    return lines


def provenance_lines(report: Report) -> list[str]:
    """Model, settings that differ from the defaults, fingerprint, format."""
    model = report.model.identity if report.model else "none (no model loaded)"
    return [
        f"Model: {model}",
        f"Settings: {report.settings.version}; {_settings_text(report.settings)}",
        f"Inputs fingerprint (sha256): {report.inputs_fingerprint}",
        f"Report format: {report.format}",
    ]


def _settings_text(settings: ClinicalSettings) -> str:
    defaults = ClinicalSettings()
    changed = [
        f"{name}={getattr(settings, name)}"
        for name in ClinicalSettings.model_fields
        if name != "version" and getattr(settings, name) != getattr(defaults, name)
    ]
    return "defaults except " + ", ".join(changed) if changed else "all defaults"
