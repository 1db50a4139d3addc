"""LANSS and S-LANSS: weighted neuropathic pain scores, total 0-24.

Screening aids, not diagnoses (clinical_reference §3).
"""

from __future__ import annotations

from typing import Literal

from desktop.domain import sources
from desktop.domain.case_assessment import LanssAnswers
from desktop.domain.results import Computed, NotComputable

#: Item weights (score if yes), identical in LANSS and S-LANSS; Bennett 2001 / 2005.
LANSS_WEIGHTS: dict[str, int] = {
    "dysaesthesia": 5,
    "autonomic": 5,
    "evoked": 3,
    "paroxysmal": 2,
    "thermal": 1,
    "allodynia": 5,
    "pinprick": 3,
}
MAX_TOTAL = sum(LANSS_WEIGHTS.values())

LanssFormName = Literal["LANSS", "S-LANSS"]


class LanssScore(Computed):
    """A LANSS or S-LANSS total with its positivity at the configured cut-off."""

    form: LanssFormName
    total: int
    max_total: int = MAX_TOTAL
    cutoff: int
    positive: bool
    positive_items: tuple[str, ...]
    source: str


def score_lanss(
    answers: LanssAnswers | None,
    *,
    lanss_cutoff: int = 12,
    s_lanss_cutoff: int = 12,
    path: str = "assessment.lanss",
) -> LanssScore | NotComputable:
    """Sum of item weights 5, 5, 3, 2, 1, 5, 3 for each yes; positive at >= cut-off.

    Sources: Bennett M. Pain 2001;92:147-157 (LANSS, >= 12); Bennett MI, Smith BH,
    Torrance N, Potter J. J Pain 2005;6:149-158 (S-LANSS, same weights, >= 12; some studies
    use >= 10, selectable); clinical_reference §3. The form is ``answers.form`` (LANSS when
    absent). Any missing item makes the score "incomplete" (not computable).
    """
    form: LanssFormName = (answers.form if answers else None) or "LANSS"
    values = {item: getattr(answers, item) if answers else None for item in LANSS_WEIGHTS}
    missing = tuple(f"{path}.{item}" for item, value in values.items() if value is None)
    if missing:
        return NotComputable(reason=f"incomplete: {form} needs all 7 items", missing=missing)
    positive_items = tuple(item for item, value in values.items() if value)
    total = sum(LANSS_WEIGHTS[item] for item in positive_items)
    cutoff = s_lanss_cutoff if form == "S-LANSS" else lanss_cutoff
    source = sources.S_LANSS_BENNETT_2005 if form == "S-LANSS" else sources.LANSS_BENNETT_2001
    return LanssScore(
        form=form,
        total=total,
        cutoff=cutoff,
        positive=total >= cutoff,
        positive_items=positive_items,
        source=source,
    )
