"""IMMPACT responder status: clinically important change in pain intensity from baseline.

% change = (baseline - follow-up) / baseline x 100; >= 30 % moderate, >= 50 % substantial
(clinical_reference §7).
"""

from __future__ import annotations

from typing import Literal

from desktop.domain import sources
from desktop.domain.results import Computed
from desktop.domain.scales.nrs import require_nrs

ResponderLabel = Literal["substantial", "moderate", "non_responder", "worsened", "not_evaluable"]
MODERATE_PERCENT = 30
SUBSTANTIAL_PERCENT = 50
TWO_POINTS = 2
INTERFERENCE_MINIMAL_POINTS = 1.0


class ImmpactResponse(Computed):
    """Change of one NRS item from baseline to a follow-up, and its IMMPACT label."""

    item: str
    baseline: int
    follow_up: int
    absolute_change: int
    percent_change: float | None
    label: ResponderLabel
    reason: str | None = None
    two_point_reduction: bool
    min_baseline: int
    source: str = sources.IMMPACT_DWORKIN_2008


class InterferenceChange(Computed):
    """Change of the BPI interference score; >= 1 point decrease is minimally important."""

    baseline: float
    follow_up: float
    absolute_change: float
    minimally_important_improvement: bool
    source: str = sources.IMMPACT_DWORKIN_2008


def classify_response(
    baseline: int, follow_up: int, *, item: str = "worst", min_baseline: int = 4
) -> ImmpactResponse:
    """IMMPACT label of the change of one NRS item (same item at both times).

    Sources: Dworkin RH, Turk DC, Wyrwich KW, et al. J Pain 2008;9:105-121 (>= 30 %
    moderately, >= 50 % substantially important); Farrar JT et al. Pain 2001;94:149-158
    (about 2 points / 30 % = "much improved"); clinical_reference §7. Rules, in order:
    any increase -> worsened; baseline 0 -> not evaluable (no % change); baseline below
    ``min_baseline`` (default 4, trial convention) -> not evaluable; >= 50 % substantial;
    >= 30 % moderate; otherwise non-responder.
    """
    require_nrs(baseline)
    require_nrs(follow_up)
    change = baseline - follow_up
    percent = change / baseline * 100 if baseline else None
    label, reason = _label(baseline, follow_up, min_baseline)
    return ImmpactResponse(
        item=item,
        baseline=baseline,
        follow_up=follow_up,
        absolute_change=change,
        percent_change=percent,
        label=label,
        reason=reason,
        two_point_reduction=change >= TWO_POINTS,
        min_baseline=min_baseline,
    )


def _label(baseline: int, follow_up: int, min_baseline: int) -> tuple[ResponderLabel, str | None]:
    # Thresholds compared in whole numbers (change x 100 vs percent x baseline), so 30 %
    # and 50 % exactly are never lost to floating-point rounding.
    change = baseline - follow_up
    if change < 0:
        return "worsened", None
    if baseline == 0:
        return "not_evaluable", "baseline 0: percent change undefined"
    if baseline < min_baseline:
        return (
            "not_evaluable",
            f"baseline below {min_baseline}: responder labels need moderate pain",
        )
    if change * 100 >= SUBSTANTIAL_PERCENT * baseline:
        return "substantial", None
    if change * 100 >= MODERATE_PERCENT * baseline:
        return "moderate", None
    return "non_responder", None


def assess_interference_change(baseline: float, follow_up: float) -> InterferenceChange:
    """BPI interference change; a decrease of >= 1 point is minimally important.

    Source: Dworkin RH et al. J Pain 2008;9:105-121 (IMMPACT, BPI interference);
    clinical_reference §7.
    """
    change = baseline - follow_up
    return InterferenceChange(
        baseline=baseline,
        follow_up=follow_up,
        absolute_change=change,
        minimally_important_improvement=change >= INTERFERENCE_MINIMAL_POINTS,
    )
