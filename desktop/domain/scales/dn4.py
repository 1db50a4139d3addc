"""DN4 neuropathic pain questionnaire: full (10 items) and interview-only (items 1-7).

A positive result raises the probability of a neuropathic component; it is a screening
aid, not a diagnosis (clinical_reference §2).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from desktop.domain import sources
from desktop.domain.case_assessment import Dn4Answers
from desktop.domain.results import Computed, NotComputable
from desktop.domain.settings import Dn4CutoffScheme

INTERVIEW_ITEMS = (
    "burning",
    "painful_cold",
    "electric_shocks",
    "tingling",
    "pins_and_needles",
    "numbness",
    "itching",
)
EXAMINATION_ITEMS = ("hypoesthesia_touch", "hypoesthesia_pinprick", "brushing")
ALL_ITEMS = INTERVIEW_ITEMS + EXAMINATION_ITEMS

Dn4Version = Literal["DN4", "DN4-interview"]


@dataclass(frozen=True)
class Dn4Cutoffs:
    """Positive when total >= cut-off, for the full DN4 and for its interview part."""

    scheme: str
    full: int
    interview: int
    source: str


#: Bouhassira D et al. Pain 2005;114:29-36: DN4 >= 4/10, DN4-interview >= 3/7.
BOUHASSIRA_2005 = Dn4Cutoffs("Bouhassira2005", 4, 3, sources.DN4_BOUHASSIRA_2005)
#: van Seventer R et al. Pain Pract 2013;13:390-398 (Dutch): >= 5/10 and >= 4/7.
VAN_SEVENTER_2013 = Dn4Cutoffs("vanSeventer2013", 5, 4, sources.DN4_VAN_SEVENTER_2013)
DN4_CUTOFF_SCHEMES: dict[str, Dn4Cutoffs] = {
    "Bouhassira2005": BOUHASSIRA_2005,
    "vanSeventer2013": VAN_SEVENTER_2013,
}


class Dn4Score(Computed):
    """A DN4 total with its positivity under a named cut-off scheme."""

    version: Dn4Version
    total: int
    max_total: int
    cutoff: int
    positive: bool
    positive_items: tuple[str, ...]
    scheme: str
    source: str


def score_dn4(
    answers: Dn4Answers | None,
    scheme: Dn4CutoffScheme = "Bouhassira2005",
    *,
    path: str = "assessment.dn4",
) -> Dn4Score | NotComputable:
    """Full DN4: one point per yes of the 10 items; positive at >= 4 (Bouhassira2005).

    Source: Bouhassira D, Attal N, Alchaar H, et al. Pain 2005;114:29-36 (cut-off 4/10);
    van Seventer R et al. Pain Pract 2013;13:390-398 (alternative 5/10); clinical_reference
    §2. Any missing item makes the full DN4 "incomplete" (not computable).
    """
    return _score(answers, ALL_ITEMS, "DN4", DN4_CUTOFF_SCHEMES[scheme], path)


def score_dn4_interview(
    answers: Dn4Answers | None,
    scheme: Dn4CutoffScheme = "Bouhassira2005",
    *,
    path: str = "assessment.dn4",
) -> Dn4Score | NotComputable:
    """DN4-interview: the 7 symptom items only; positive at >= 3 (Bouhassira2005).

    Source: Bouhassira D et al. Pain 2005;114:29-36 (cut-off 3/7); van Seventer R et al.
    Pain Pract 2013;13:390-398 (alternative 4/7); clinical_reference §2. Scorable without
    the bedside examination items 8-10.
    """
    return _score(answers, INTERVIEW_ITEMS, "DN4-interview", DN4_CUTOFF_SCHEMES[scheme], path)


def _score(
    answers: Dn4Answers | None,
    items: tuple[str, ...],
    version: Dn4Version,
    cutoffs: Dn4Cutoffs,
    path: str,
) -> Dn4Score | NotComputable:
    values = {item: getattr(answers, item) if answers else None for item in items}
    missing = tuple(f"{path}.{item}" for item, value in values.items() if value is None)
    if missing:
        return NotComputable(
            reason=f"incomplete: {version} needs all {len(items)} items", missing=missing
        )
    positive_items = tuple(item for item, value in values.items() if value)
    cutoff = cutoffs.full if version == "DN4" else cutoffs.interview
    return Dn4Score(
        version=version,
        total=len(positive_items),
        max_total=len(items),
        cutoff=cutoff,
        positive=len(positive_items) >= cutoff,
        positive_items=positive_items,
        scheme=cutoffs.scheme,
        source=cutoffs.source,
    )
