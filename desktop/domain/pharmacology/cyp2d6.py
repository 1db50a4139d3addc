"""CYP2D6 phenotype and the CPIC 2021 codeine and tramadol recommendations.

Source: Crews KR, Monte AA, Huddart R, et al. Clin Pharmacol Ther 2021;110:888-896 (CPIC);
clinical_reference §9.
"""

from __future__ import annotations

from typing import Literal

from desktop.domain import sources
from desktop.domain.pharmacology.recommendation import Action, Recommendation

Cyp2d6Phenotype = Literal["poor", "intermediate", "normal", "ultrarapid"]
CYP2D6_NM_LOWER = 1.25
CYP2D6_NM_UPPER = 2.25


def phenotype_cyp2d6(activity_score: float) -> Cyp2d6Phenotype:
    """CYP2D6 phenotype of an activity score: PM 0, IM 0 < AS < 1.25, NM 1.25-2.25, UM > 2.25.

    Source: Crews KR, Monte AA, Huddart R, et al. Clin Pharmacol Ther 2021;110:888-896
    (CPIC; both normal-metabolizer bounds inclusive); clinical_reference §9.
    """
    if activity_score != activity_score or activity_score < 0:
        raise ValueError(f"CYP2D6 activity score must be >= 0, got {activity_score!r}")
    if activity_score == 0:
        return "poor"
    if activity_score < CYP2D6_NM_LOWER:
        return "intermediate"
    if activity_score <= CYP2D6_NM_UPPER:
        return "normal"
    return "ultrarapid"


_CODEINE: dict[str, tuple[Action, str, str | None]] = {
    "ultrarapid": (
        "avoid",
        "Avoid codeine (risk of toxicity from excess morphine). If an opioid is needed, use "
        "one not dependent on CYP2D6 (not tramadol).",
        "Strong 🟡",
    ),
    "normal": (
        "label_dosing",
        "Use label-recommended age- or weight-specific dosing.",
        "Strong 🟡",
    ),
    "intermediate": (
        "label_dosing_switch_if_no_response",
        "Use label-recommended dosing. If there is no response and an opioid is needed, "
        "switch to a non-tramadol opioid.",
        "Moderate 🟡",
    ),
    "poor": (
        "avoid",
        "Avoid codeine (little or no analgesia). If an opioid is needed, use a non-tramadol "
        "opioid.",
        "Strong 🟡",
    ),
}
_TRAMADOL: dict[str, tuple[Action, str, str | None]] = {
    "ultrarapid": (
        "avoid",
        "Avoid tramadol (risk of toxicity from excess O-desmethyltramadol). If an opioid is "
        "needed, use a non-codeine opioid.",
        "Strong",
    ),
    "normal": ("label_dosing", "Use label-recommended age- or weight-specific dosing.", "Strong"),
    "intermediate": (
        "label_dosing_switch_if_no_response",
        "Use label-recommended dosing. If there is no response and an opioid is needed, "
        "switch to a non-codeine opioid.",
        "Optional",
    ),
    "poor": (
        "avoid",
        "Avoid tramadol (diminished analgesia). If an opioid is needed, use a non-codeine opioid.",
        "Strong",
    ),
}


def recommend_cyp2d6_opioid(
    drug: Literal["codeine", "tramadol"],
    phenotype: str,
    activity_score: float | None = None,
) -> Recommendation:
    """CPIC 2021 codeine (Table 2) or tramadol (Table 3) recommendation for a phenotype.

    Source: Crews KR, Monte AA, Huddart R, et al. Clin Pharmacol Ther 2021;110:888-896;
    clinical_reference §9. UM and PM: avoid; NM: label dosing; IM: label dosing, switch if
    no response. "indeterminate": no recommendation.
    """
    table = _CODEINE if drug == "codeine" else _TRAMADOL
    action, text, strength = table.get(
        phenotype, ("no_recommendation", "No recommendation for this phenotype.", None)
    )
    return Recommendation(
        drug=drug,
        phenotype=phenotype,
        activity_score=activity_score,
        action=action,
        recommendation=text,
        strength=strength,
        table="CPIC 2021 Table 2 (codeine)"
        if drug == "codeine"
        else "CPIC 2021 Table 3 (tramadol)",
        source=sources.CPIC_CYP2D6_2021,
    )


# CPIC 2020 NSAID groups and their tables, keyed by activity-score class.
