"""What changed since the previous report of the same case: scores, mechanism probabilities,
ranking order, alerts added or removed, referral. Only changes are listed."""

from __future__ import annotations

from datetime import datetime
from typing import Protocol

from pydantic import Field

from desktop.domain.alerts.alert import Alert, Severity
from desktop.domain.derived import DerivedScores
from desktop.domain.ranking import Ranking
from desktop.domain.referral import Referral
from desktop.domain.report_parts import MechanismCall, ModelInfo
from desktop.domain.results import ResultModel
from desktop.domain.texts import TextArg
from desktop.domain.trajectory import TrajectoryPoint

Scalar = str | int | float | bool | None
PROBABILITY_STEP = 0.005  # smaller moves are rounding noise at the shown precision


class ValueChange(ResultModel):
    """One key score before and after."""

    name: str
    before: Scalar
    after: Scalar


class MechanismChange(ResultModel):
    """A mechanism probability or conformal set that moved."""

    mechanism: str
    probability_before: float | None
    probability_after: float | None
    set_before: tuple[str, ...] | None
    set_after: tuple[str, ...] | None


class OptionMove(ResultModel):
    """An option whose position or status in the ranked list changed."""

    option: str
    position_before: int | None
    position_after: int | None
    status_before: str | None
    status_after: str | None


class AlertChange(ResultModel):
    """An alert that appeared, disappeared, or whose message or severity changed.

    ``message_template``/``message_args`` (and ``before_template``/``before_args`` for the
    previous message) are the alert's own, so the GUI can translate them (None in reports
    made before they were kept, or for an alert stored without a template)."""

    code: str
    severity: Severity
    message: str
    before: str | None = None  # the previous message, for a changed alert
    message_template: str | None = None
    message_args: dict[str, TextArg] = Field(default_factory=dict)
    before_template: str | None = None
    before_args: dict[str, TextArg] = Field(default_factory=dict)


class ReportChanges(ResultModel):
    """The differences between the previous report and this one."""

    previous_generated_at: datetime
    previous_fingerprint: str
    model_before: str | None
    model_after: str | None
    new_follow_ups: int
    scores: tuple[ValueChange, ...]
    mechanisms: tuple[MechanismChange, ...]
    ranking: tuple[OptionMove, ...]
    alerts_added: tuple[AlertChange, ...]
    alerts_removed: tuple[AlertChange, ...]
    alerts_changed: tuple[AlertChange, ...]
    referral_before: bool
    referral_after: bool

    @property
    def nothing_changed(self) -> bool:
        return not (
            self.scores
            or self.mechanisms
            or self.ranking
            or self.alerts_added
            or self.alerts_removed
            or self.alerts_changed
            or self.new_follow_ups
            or self.referral_before != self.referral_after
            or self.model_before != self.model_after
        )


def key_scores(derived: DerivedScores) -> dict[str, Scalar]:
    """The scores a clinician compares between reports (None when not computable)."""
    bands = derived.nrs_bands
    return {
        "NRS worst": bands["worst"].value if "worst" in bands else None,
        "NRS average": bands["average"].value if "average" in bands else None,
        "BPI severity": _rounded(getattr(derived.bpi_severity, "score", None)),
        "BPI interference": _rounded(getattr(derived.bpi_interference, "score", None)),
        "DN4": getattr(derived.dn4, "total", None),
        "DN4-interview": getattr(derived.dn4_interview, "total", None),
        "LANSS": getattr(derived.lanss, "total", None),
        "MEDD mg/day": _rounded(getattr(derived.medd, "total_mg_per_day", None)),
        "Analgesic level": getattr(derived.analgesic_level, "level", None),
        "PMI": getattr(derived.pmi, "pmi", None),
        "CrCl mL/min": _rounded(getattr(derived.creatinine_clearance, "value_ml_min", None)),
    }


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


class ComparableReport(Protocol):
    """The parts of a report that :func:`diff_reports` compares (a ``Report`` has them all;
    naming them here keeps this module below ``report.py``, which calls it)."""

    @property
    def generated_at(self) -> datetime: ...
    @property
    def inputs_fingerprint(self) -> str: ...
    @property
    def model(self) -> ModelInfo | None: ...
    @property
    def derived(self) -> DerivedScores: ...
    @property
    def mechanisms(self) -> tuple[MechanismCall, ...]: ...
    @property
    def ranking(self) -> Ranking: ...
    @property
    def alerts(self) -> tuple[Alert, ...]: ...
    @property
    def referral(self) -> Referral: ...
    @property
    def trajectory(self) -> tuple[TrajectoryPoint, ...]: ...


def diff_reports(previous: ComparableReport, current: ComparableReport) -> ReportChanges:
    """The changes from ``previous`` to ``current`` (two reports of the same case)."""
    before, after = key_scores(previous.derived), key_scores(current.derived)
    return ReportChanges(
        previous_generated_at=previous.generated_at,
        previous_fingerprint=previous.inputs_fingerprint,
        model_before=previous.model.identity if previous.model else None,
        model_after=current.model.identity if current.model else None,
        new_follow_ups=max(0, len(current.trajectory) - len(previous.trajectory)),
        scores=tuple(
            ValueChange(name=name, before=before.get(name), after=value)
            for name, value in after.items()
            if before.get(name) != value
        ),
        mechanisms=_mechanism_changes(previous, current),
        ranking=_ranking_changes(previous, current),
        alerts_added=_alert_difference(current.alerts, previous.alerts),
        alerts_removed=_alert_difference(previous.alerts, current.alerts),
        alerts_changed=_alerts_changed(previous.alerts, current.alerts),
        referral_before=previous.referral.recommended,
        referral_after=current.referral.recommended,
    )


def _mechanism_changes(
    previous: ComparableReport, current: ComparableReport
) -> tuple[MechanismChange, ...]:
    old = {m.mechanism: m for m in previous.mechanisms}
    new = {m.mechanism: m for m in current.mechanisms}
    changes = []
    for name in dict.fromkeys([*old, *new]):
        a, b = old.get(name), new.get(name)
        p_a, p_b = (a.probability if a else None), (b.probability if b else None)
        s_a, s_b = (a.prediction_set if a else None), (b.prediction_set if b else None)
        moved = p_a is None or p_b is None or abs(p_a - p_b) >= PROBABILITY_STEP
        if (moved and (p_a, p_b) != (None, None)) or s_a != s_b:
            changes.append(
                MechanismChange(
                    mechanism=name,
                    probability_before=p_a,
                    probability_after=p_b,
                    set_before=s_a,
                    set_after=s_b,
                )
            )
    return tuple(changes)


def _ranking_changes(
    previous: ComparableReport, current: ComparableReport
) -> tuple[OptionMove, ...]:
    old = {o.option: o for o in previous.ranking.options}
    new = {o.option: o for o in current.ranking.options}
    moves = []
    for option in dict.fromkeys([*new, *old]):
        a, b = old.get(option), new.get(option)
        before = (a.position, a.status) if a else (None, None)
        after = (b.position, b.status) if b else (None, None)
        if before != after:
            moves.append(
                OptionMove(
                    option=option,
                    position_before=before[0],
                    position_after=after[0],
                    status_before=before[1],
                    status_after=after[1],
                )
            )
    return tuple(sorted(moves, key=lambda m: (m.position_after or 99, m.option)))


def _alert_key(alert: Alert, alerts: tuple[Alert, ...]) -> tuple[str, tuple[str, ...]]:
    """An alert's identity across reports: its code when the code fires once, else the code
    and the inputs it looked at (e.g. one low-confidence alert per mechanism)."""
    if sum(a.code == alert.code for a in alerts) == 1:
        return alert.code, ()
    return alert.code, tuple(i.path for i in alert.inputs)


def _keyed(alerts: tuple[Alert, ...]) -> dict[tuple[str, tuple[str, ...]], Alert]:
    return {_alert_key(a, alerts): a for a in alerts}


def _alert_difference(
    these: tuple[Alert, ...], those: tuple[Alert, ...]
) -> tuple[AlertChange, ...]:
    other = _keyed(those)
    return tuple(
        AlertChange(
            code=a.code,
            severity=a.severity,
            message=a.message,
            message_template=a.message_template,
            message_args=a.message_args,
        )
        for key, a in _keyed(these).items()
        if key not in other
    )


def _alerts_changed(
    previous: tuple[Alert, ...], current: tuple[Alert, ...]
) -> tuple[AlertChange, ...]:
    before = _keyed(previous)
    return tuple(
        AlertChange(
            code=a.code,
            severity=a.severity,
            message=a.message,
            before=old.message,
            message_template=a.message_template,
            message_args=a.message_args,
            before_template=old.message_template,
            before_args=old.message_args,
        )
        for key, a in _keyed(current).items()
        if (old := before.get(key)) is not None
        and (old.message, old.severity) != (a.message, a.severity)
    )
