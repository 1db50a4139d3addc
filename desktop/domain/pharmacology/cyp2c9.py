"""CYP2C9 phenotype and the CPIC 2020 NSAID recommendations.

Source: Theken KN, Lee CR, Gong L, et al. Clin Pharmacol Ther 2020;108:191-200 (CPIC);
clinical_reference §9.
"""

from __future__ import annotations

from typing import Literal

from desktop.domain import sources
from desktop.domain.pharmacology.drugs import NSAIDS, normalize_drug_name
from desktop.domain.pharmacology.recommendation import Action, Recommendation
from desktop.domain.results import NotComputable

Cyp2c9Phenotype = Literal["poor", "intermediate", "normal"]
CYP2C9_SCORES: dict[float, Cyp2c9Phenotype] = {
    2.0: "normal",
    1.5: "intermediate",
    1.0: "intermediate",
    0.5: "poor",
    0.0: "poor",
}


def phenotype_cyp2c9(activity_score: float) -> Cyp2c9Phenotype:
    """CYP2C9 phenotype: NM AS 2; IM AS 1.5 or 1; PM AS 0.5 or 0 (*1 = 1, *2 = 0.5, *3 = 0).

    Source: Theken KN, Lee CR, Gong L, et al. Clin Pharmacol Ther 2020;108:191-200 (CPIC);
    clinical_reference §9 (🟡 allele values).
    """
    phenotype = CYP2C9_SCORES.get(float(activity_score))
    if phenotype is None:
        raise ValueError(
            f"CYP2C9 activity score must be 0, 0.5, 1, 1.5 or 2, got {activity_score!r}"
        )
    return phenotype


TABLE_2 = frozenset({"celecoxib", "flurbiprofen", "ibuprofen", "lornoxicam"})
TABLE_3 = frozenset({"meloxicam"})
TABLE_4 = frozenset({"piroxicam", "tenoxicam"})
NOT_CYP2C9_DEPENDENT = frozenset({"aspirin", "ketorolac", "naproxen", "sulindac"})

_USUAL = "Initiate therapy with the usual recommended starting dose."
_NSAID_TABLES: dict[str, dict[str, tuple[Action, str, str]]] = {
    "CPIC 2020 Table 2 (celecoxib, flurbiprofen, ibuprofen, lornoxicam)": {
        "NM": ("usual_start", _USUAL, "Strong 🟡"),
        "IM1.5": ("usual_start", _USUAL, "Moderate 🟡"),
        "IM1": (
            "lowest_dose_start",
            "Start at the lowest recommended starting dose; titrate cautiously up to the "
            "maximum; monitor blood pressure and kidney function.",
            "Optional 🟡",
        ),
        "PM": (
            "start_25_to_50_percent_of_lowest",
            "Start at 25-50 % of the lowest recommended starting dose; titrate cautiously "
            "to at most 25-50 % of the maximum dose, or choose an alternative.",
            "Moderate",
        ),
    },
    "CPIC 2020 Table 3 (meloxicam)": {
        "NM": (
            "usual_start",
            _USUAL + " Use the lowest effective dose for the shortest time.",
            "Strong",
        ),
        "IM1.5": ("usual_start", _USUAL, "Moderate"),
        "IM1": (
            "start_50_percent_of_lowest_or_alternative",
            "Start at 50 % of the lowest recommended starting dose; titrate to at most 50 % "
            "of the maximum only after at least 7 days (steady state); monitor blood "
            "pressure and kidney function; or choose an alternative.",
            "Moderate",
        ),
        "PM": (
            "choose_alternative",
            "Choose an alternative NSAID not metabolized by CYP2C9 or not affected by it.",
            "Moderate",
        ),
    },
    "CPIC 2020 Table 4 (piroxicam, tenoxicam)": {
        "NM": ("usual_start", _USUAL, "Strong"),
        "IM1.5": ("usual_start", _USUAL, "Moderate"),
        "IM1": (
            "choose_alternative",
            "Choose an alternative NSAID not metabolized by CYP2C9 or with a shorter half-life.",
            "Optional 🟡",
        ),
        "PM": (
            "choose_alternative",
            "Choose an alternative NSAID not metabolized by CYP2C9 or with a shorter half-life.",
            "Moderate 🟡",
        ),
    },
}


def recommend_nsaid(
    drug: str,
    *,
    activity_score: float | None = None,
    phenotype: str | None = None,
) -> Recommendation | NotComputable:
    """CPIC 2020 CYP2C9 recommendation for one NSAID.

    Source: Theken KN, Lee CR, Gong L, et al. Clin Pharmacol Ther 2020;108:191-200 (Tables
    2-4); clinical_reference §9. Aspirin, ketorolac, naproxen and sulindac are not
    meaningfully CYP2C9-dependent: no action at any phenotype. The activity score decides
    between the two intermediate rows (1.5 vs 1); a phenotype "intermediate" without it is
    not computable. NSAIDs outside the tables get "no recommendation".
    """
    key = normalize_drug_name(drug)
    if key not in NSAIDS:
        raise ValueError(f"{drug!r} is not a recognised NSAID")
    if key in NOT_CYP2C9_DEPENDENT:
        return _nsaid(
            drug,
            phenotype,
            activity_score,
            "no_cyp2c9_action",
            "No CYP2C9-based change: clearance is not meaningfully CYP2C9-dependent.",
            None,
            "CPIC 2020 (not CYP2C9-dependent)",
        )
    table_name = _table_of(key)
    if table_name is None:
        return _nsaid(
            drug,
            phenotype,
            activity_score,
            "no_recommendation",
            "No CPIC CYP2C9 recommendation for this NSAID.",
            None,
            "CPIC 2020",
        )
    if activity_score is None and phenotype == "indeterminate":
        return _nsaid(
            drug,
            phenotype,
            None,
            "no_recommendation",
            "No recommendation for an indeterminate phenotype.",
            None,
            table_name,
        )
    row = _row_of(activity_score, phenotype)
    if row is None:
        reason = (
            "CYP2C9 activity score needed (intermediate 1.5 and 1 differ)"
            if phenotype == "intermediate"
            else "CYP2C9 phenotype or activity score not known"
        )
        return NotComputable(reason=reason, missing=("pharmacogenomics.CYP2C9_activity_score",))
    action, text, strength = _NSAID_TABLES[table_name][row]
    if activity_score is not None:
        phenotype = phenotype_cyp2c9(activity_score)
    return _nsaid(drug, phenotype, activity_score, action, text, strength, table_name)


def _table_of(key: str) -> str | None:
    names = list(_NSAID_TABLES)
    for group, name in zip((TABLE_2, TABLE_3, TABLE_4), names, strict=True):
        if key in group:
            return name
    return None


def _row_of(activity_score: float | None, phenotype: str | None) -> str | None:
    if activity_score is not None:
        phenotype_cyp2c9(activity_score)  # validates the score
        if activity_score >= 2:
            return "NM"
        if activity_score >= 1:
            return "IM1.5" if activity_score == 1.5 else "IM1"
        return "PM"
    return {"normal": "NM", "poor": "PM"}.get(phenotype or "")


def _nsaid(
    drug: str,
    phenotype: str | None,
    activity_score: float | None,
    action: Action,
    text: str,
    strength: str | None,
    table: str,
) -> Recommendation:
    return Recommendation(
        drug=drug,
        phenotype=phenotype or "not known",
        activity_score=activity_score,
        action=action,
        recommendation=text,
        strength=strength,
        table=table,
        source=sources.CPIC_CYP2C9_2020,
    )
