"""Responder status of each follow-up against the baseline assessment (IMMPACT)."""

from __future__ import annotations

from desktop.domain.case import Case, FollowUp
from desktop.domain.derived import FollowUpResponse
from desktop.domain.results import NotComputable
from desktop.domain.scales.bpi import score_bpi_interference
from desktop.domain.scales.immpact import (
    ImmpactResponse,
    InterferenceChange,
    assess_interference_change,
    classify_response,
)
from desktop.domain.settings import ClinicalSettings
from desktop.domain.vocabulary import NRS_ITEMS


def derive_follow_ups(case: Case, settings: ClinicalSettings) -> tuple[FollowUpResponse, ...]:
    """One :class:`FollowUpResponse` per follow-up, in document order."""
    return tuple(
        derive_follow_up(case, index, follow_up, settings)
        for index, follow_up in enumerate(case.follow_ups or ())
    )


def derive_follow_up(
    case: Case, index: int, follow_up: FollowUp, settings: ClinicalSettings
) -> FollowUpResponse:
    """IMMPACT status for every NRS item recorded at both times; the primary item is
    ``settings.responder_nrs_item``; plus the BPI interference change when computable."""
    baseline_nrs, follow_nrs = case.assessment.nrs, follow_up.nrs
    by_item: dict[str, ImmpactResponse] = {}
    for item in NRS_ITEMS:
        before = getattr(baseline_nrs, item) if baseline_nrs else None
        after = getattr(follow_nrs, item) if follow_nrs else None
        if before is not None and after is not None:
            by_item[item] = classify_response(
                before, after, item=item, min_baseline=settings.responder_min_baseline
            )
    primary_item = settings.responder_nrs_item
    primary: ImmpactResponse | NotComputable = by_item.get(primary_item) or NotComputable(
        reason=f"{primary_item} pain needed at baseline and at the follow-up",
        missing=(f"assessment.nrs.{primary_item}", f"follow_ups[{index}].nrs.{primary_item}"),
    )
    days = (follow_up.date - case.assessment.date).days if follow_up.date else None
    return FollowUpResponse(
        index=index,
        date=follow_up.date,
        days_since_baseline=days,
        primary_item=primary_item,
        primary=primary,
        by_item=by_item,
        interference=_interference_change(case, index, follow_up),
    )


def _interference_change(
    case: Case, index: int, follow_up: FollowUp
) -> InterferenceChange | NotComputable:
    before = score_bpi_interference(case.assessment.bpi_interference)
    after = score_bpi_interference(
        follow_up.bpi_interference, path=f"follow_ups[{index}].bpi_interference"
    )
    if isinstance(before, NotComputable) or isinstance(after, NotComputable):
        missing = tuple(
            m for s in (before, after) if isinstance(s, NotComputable) for m in s.missing
        )
        return NotComputable(
            reason="BPI interference needed at baseline and at the follow-up", missing=missing
        )
    return assess_interference_change(before.score, after.score)
