"""The shared shape of a CPIC pharmacogenomic recommendation.

The rules themselves are in :mod:`desktop.domain.pharmacology.cyp2d6` (codeine, tramadol;
CPIC 2021) and :mod:`desktop.domain.pharmacology.cyp2c9` (NSAIDs; CPIC 2020), re-exported
here. Strengths marked 🟡 in the reference are not re-checked against the guideline text.
"""

from __future__ import annotations

from typing import Literal

from desktop.domain.results import Computed

Action = Literal[
    "avoid",
    "label_dosing",
    "label_dosing_switch_if_no_response",
    "usual_start",
    "lowest_dose_start",
    "start_25_to_50_percent_of_lowest",
    "start_50_percent_of_lowest_or_alternative",
    "choose_alternative",
    "no_cyp2c9_action",
    "no_recommendation",
]


class Recommendation(Computed):
    """What CPIC recommends for one drug and phenotype."""

    drug: str
    phenotype: str
    activity_score: float | None = None
    action: Action
    recommendation: str
    strength: str | None
    table: str
    source: str
