"""The pain trajectory: baseline and every follow-up, with MEDD where it is known.

A case holds the current medication list only, so the MEDD of the latest point is computed
now and earlier points keep the MEDD recorded in the previous report (each report is
made when its point was the latest). Responder labels are IMMPACT's (derived scores).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from desktop.domain.case import Case, Nrs
from desktop.domain.derived import DerivedScores
from desktop.domain.pharmacology.medd import Medd
from desktop.domain.results import ResultModel
from desktop.domain.scales.immpact import ImmpactResponse


class TrajectoryPoint(ResultModel):
    """Pain and treatment at one contact."""

    label: str  # "baseline", "follow-up 1", ...
    date: date | None
    days_since_baseline: int | None
    worst: int | None
    average: int | None
    medd_mg_per_day: float | None
    medd_note: str | None
    treatment_started: str | None = None
    adherence: str | None = None
    adverse_events: tuple[str, ...] = ()
    responder: str | None = None  # IMMPACT label of the primary item against baseline


def build_trajectory(
    case: Case, derived: DerivedScores, previous: Sequence[TrajectoryPoint] = ()
) -> tuple[TrajectoryPoint, ...]:
    """Baseline then follow-ups in document order; the last point gets the current MEDD."""
    points = [_baseline(case)]
    for response, follow_up in zip(derived.follow_ups, case.follow_ups or (), strict=True):
        primary = response.primary
        points.append(
            TrajectoryPoint(
                label=f"follow-up {response.index + 1}",
                date=follow_up.date,
                days_since_baseline=response.days_since_baseline,
                worst=_item(follow_up.nrs, "worst"),
                average=_item(follow_up.nrs, "average"),
                medd_mg_per_day=None,
                medd_note=None,
                treatment_started=follow_up.treatment_started,
                adherence=follow_up.adherence,
                adverse_events=follow_up.adverse_events or (),
                responder=primary.label if isinstance(primary, ImmpactResponse) else None,
            )
        )
    earlier = {(p.label, p.date): p for p in previous}
    for index, point in enumerate(points[:-1]):
        known = earlier.get((point.label, point.date))
        if known is not None and known.medd_mg_per_day is not None:
            points[index] = point.model_copy(
                update={"medd_mg_per_day": known.medd_mg_per_day, "medd_note": known.medd_note}
            )
    points[-1] = _with_current_medd(points[-1], derived)
    return tuple(points)


def _baseline(case: Case) -> TrajectoryPoint:
    nrs = case.assessment.nrs
    return TrajectoryPoint(
        label="baseline",
        date=case.assessment.date,
        days_since_baseline=0,
        worst=_item(nrs, "worst"),
        average=_item(nrs, "average"),
        medd_mg_per_day=None,
        medd_note=None,
    )


def _item(nrs: Nrs | None, item: str) -> int | None:
    value = getattr(nrs, item, None) if nrs else None
    return value if isinstance(value, int) else None


def _with_current_medd(point: TrajectoryPoint, derived: DerivedScores) -> TrajectoryPoint:
    medd = derived.medd
    if not isinstance(medd, Medd):
        return point.model_copy(update={"medd_note": "MEDD not computable"})
    note = "current medication list" + ("" if medd.complete else " (incomplete total)")
    return point.model_copy(update={"medd_mg_per_day": medd.total_mg_per_day, "medd_note": note})
