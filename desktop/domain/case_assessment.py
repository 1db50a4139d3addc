"""The pain assessment of a case: raw item answers only, never totals (``assessment``)."""

from __future__ import annotations

from desktop.domain.case_base import CaseModel
from desktop.domain.fields import (
    BreakthroughPerDay,
    CaseDate,
    DurationMonths,
    Flag,
    LanssFormChoice,
    LongText,
    ReliefPercent,
    ScreeningScore,
    ZeroToTen,
)


class Nrs(CaseModel):
    """BPI-SF items 3-6: pain intensity on the 0-10 numeric rating scale, last 24 hours."""

    worst: ZeroToTen | None = None
    least: ZeroToTen | None = None
    average: ZeroToTen | None = None
    now: ZeroToTen | None = None


class BpiInterference(CaseModel):
    """BPI-SF items 9A-9G: how much pain interfered with each domain, 0-10."""

    general_activity: ZeroToTen | None = None
    mood: ZeroToTen | None = None
    walking: ZeroToTen | None = None
    work: ZeroToTen | None = None
    relations: ZeroToTen | None = None
    sleep: ZeroToTen | None = None
    enjoyment: ZeroToTen | None = None


class Dn4Answers(CaseModel):
    """DN4 items 1-10 (1-7 interview, 8-10 bedside examination); true = yes."""

    burning: Flag | None = None
    painful_cold: Flag | None = None
    electric_shocks: Flag | None = None
    tingling: Flag | None = None
    pins_and_needles: Flag | None = None
    numbness: Flag | None = None
    itching: Flag | None = None
    hypoesthesia_touch: Flag | None = None
    hypoesthesia_pinprick: Flag | None = None
    brushing: Flag | None = None


class LanssAnswers(CaseModel):
    """LANSS / S-LANSS items 1-7; ``form`` says which version was used (default LANSS)."""

    form: LanssFormChoice | None = None
    dysaesthesia: Flag | None = None
    autonomic: Flag | None = None
    evoked: Flag | None = None
    paroxysmal: Flag | None = None
    thermal: Flag | None = None
    allodynia: Flag | None = None
    pinprick: Flag | None = None


class PainPattern(CaseModel):
    """Where and when it hurts."""

    widespread: Flag | None = None
    movement_related: Flag | None = None
    localized: Flag | None = None
    breakthrough_per_day: BreakthroughPerDay | None = None
    duration_months: DurationMonths | None = None


class Psychosocial(CaseModel):
    """PHQ-2 and GAD-2 screening totals (0-6) and two yes/no symptoms."""

    phq2: ScreeningScore | None = None
    gad2: ScreeningScore | None = None
    sleep_disturbance: Flag | None = None
    fatigue: Flag | None = None


class Assessment(CaseModel):
    """One standardized assessment; ``date`` is the only required field of the case body."""

    date: CaseDate
    nrs: Nrs | None = None
    bpi_interference: BpiInterference | None = None
    bpi_relief_percent: ReliefPercent | None = None
    dn4: Dn4Answers | None = None
    lanss: LanssAnswers | None = None
    pattern: PainPattern | None = None
    psychosocial: Psychosocial | None = None
    notes: LongText | None = None
