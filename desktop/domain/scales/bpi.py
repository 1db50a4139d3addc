"""Brief Pain Inventory short form: severity and interference scores (raw floats).

Source: Cleeland CS, Ryan KM. Ann Acad Med Singapore 1994;23:129-138 and the BPI User
Guide; clinical_reference §4. Scores are never rounded here; round only for display.
"""

from __future__ import annotations

from statistics import fmean

from desktop.domain import sources
from desktop.domain.case_assessment import BpiInterference, Nrs
from desktop.domain.results import Computed, NotComputable
from desktop.domain.scales.nrs import require_nrs

SEVERITY_ITEMS = ("worst", "least", "average", "now")
INTERFERENCE_ITEMS = (
    "general_activity",
    "mood",
    "walking",
    "work",
    "relations",
    "sleep",
    "enjoyment",
)
ACTIVITY_ITEMS = ("general_activity", "walking", "work")
AFFECTIVE_ITEMS = ("relations", "enjoyment", "mood")
MIN_INTERFERENCE_ANSWERED = 4
MIN_SUBSCORE_ANSWERED = 2


class BpiSeverity(Computed):
    """Mean of BPI items 3-6 (worst, least, average, now), 0-10."""

    score: float
    items: dict[str, int]
    rule: str = "mean of worst, least, average and now; all four required"
    source: str = sources.BPI_CLEELAND


class BpiSubscore(Computed):
    """Mean of the answered items of one interference dimension."""

    score: float
    answered: int
    of: int


class BpiInterferenceScore(Computed):
    """Mean of the answered BPI items 9A-9G, valid when at least 4 of 7 are answered."""

    score: float
    answered: int
    of: int = len(INTERFERENCE_ITEMS)
    activity: BpiSubscore | NotComputable
    affective: BpiSubscore | NotComputable
    rule: str = "mean of answered items 9A-9G; valid with at least 4 of 7 answered"
    source: str = sources.BPI_CLEELAND


def score_bpi_severity(
    nrs: Nrs | None, *, path: str = "assessment.nrs"
) -> BpiSeverity | NotComputable:
    """BPI pain severity = arithmetic mean of worst, least, average and now.

    Source: Cleeland CS, Ryan KM. Ann Acad Med Singapore 1994;23:129-138 (BPI User Guide);
    clinical_reference §4. All four items are required: a mean of fewer items would shift
    the score towards whichever items happen to be answered, so it is "not computable".
    """
    answers = {item: getattr(nrs, item) if nrs else None for item in SEVERITY_ITEMS}
    missing = tuple(f"{path}.{item}" for item, value in answers.items() if value is None)
    if missing:
        return NotComputable(reason="BPI severity needs all four NRS items", missing=missing)
    items = {item: require_nrs(value) for item, value in answers.items()}
    return BpiSeverity(score=fmean(items.values()), items=items)


def score_bpi_interference(
    answers: BpiInterference | None, *, path: str = "assessment.bpi_interference"
) -> BpiInterferenceScore | NotComputable:
    """BPI pain interference = mean of the answered items 9A-9G, if at least 4 of 7.

    Source: Cleeland CS, Ryan KM. Ann Acad Med Singapore 1994;23:129-138; BPI User Guide
    rule "more than 50 % completed" (ePPOC scoring note); clinical_reference §4. Sub-scores
    (activity: general activity, walking, work; affective: relations, enjoyment, mood)
    follow the same more-than-half rule (at least 2 of 3).
    """
    given = _answered(answers, INTERFERENCE_ITEMS)
    if len(given) < MIN_INTERFERENCE_ANSWERED:
        missing = tuple(f"{path}.{item}" for item in INTERFERENCE_ITEMS if item not in given)
        reason = (
            f"BPI interference needs at least {MIN_INTERFERENCE_ANSWERED} of 7 items, "
            f"{len(given)} answered"
        )
        return NotComputable(reason=reason, missing=missing)
    return BpiInterferenceScore(
        score=fmean(given.values()),
        answered=len(given),
        activity=_subscore(answers, ACTIVITY_ITEMS, "activity", path),
        affective=_subscore(answers, AFFECTIVE_ITEMS, "affective", path),
    )


def _answered(answers: BpiInterference | None, items: tuple[str, ...]) -> dict[str, int]:
    if answers is None:
        return {}
    values = {item: getattr(answers, item) for item in items}
    return {item: require_nrs(value) for item, value in values.items() if value is not None}


def _subscore(
    answers: BpiInterference | None, items: tuple[str, ...], name: str, path: str
) -> BpiSubscore | NotComputable:
    given = _answered(answers, items)
    if len(given) < MIN_SUBSCORE_ANSWERED:
        reason = f"BPI {name} interference needs at least {MIN_SUBSCORE_ANSWERED} of {len(items)}"
        missing = tuple(f"{path}.{item}" for item in items if item not in given)
        return NotComputable(reason=reason, missing=missing)
    return BpiSubscore(score=fmean(given.values()), answered=len(given), of=len(items))
