"""Analgesic level 0-3 of a medication list: the most potent analgesic prescribed.

0 none, 1 non-opioid only, 2 weak opioid, 3 strong opioid; adjuvants do not count
(Cleeland 1994 PMI; WHO ladder; clinical_reference §5).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Literal

from desktop.domain import sources
from desktop.domain.case_clinical import Medication
from desktop.domain.pharmacology.drugs import classify_drug, normalize_drug_name
from desktop.domain.results import Computed, NotComputable
from desktop.domain.settings import OpioidStrength

LevelLabel = Literal["none", "non_opioid", "weak_opioid", "strong_opioid"]
LEVEL_LABELS: tuple[LevelLabel, ...] = ("none", "non_opioid", "weak_opioid", "strong_opioid")
LOW_DOSE_BUPRENORPHINE_MAX_MCG_PER_HOUR = 20.0
_STRENGTH_LEVEL: dict[OpioidStrength, int] = {"weak": 2, "strong": 3}


class AnalgesicLevel(Computed):
    """The analgesic level and the drugs that set it."""

    level: int
    label: LevelLabel
    most_potent: tuple[str, ...]
    ignored_adjuvants: tuple[str, ...]
    unrecognised_drugs: tuple[str, ...]
    scheme: str
    source: str = sources.PMI_CLEELAND_1994 + "; " + sources.WHO_LADDER_ESMO_2018


def classify_analgesic_level(
    medications: Sequence[Medication] | None,
    *,
    hydrocodone: OpioidStrength = "weak",
    tapentadol: OpioidStrength = "strong",
    low_dose_buprenorphine: OpioidStrength = "weak",
) -> AnalgesicLevel | NotComputable:
    """Level of the most potent analgesic: 0 none, 1 non-opioid, 2 weak, 3 strong opioid.

    Sources: Cleeland CS et al. N Engl J Med 1994;330:592-596 (PMI analgesic level);
    WHO analgesic ladder (WHO 1986) and Fallon M et al. Ann Oncol 2018;29(Suppl 4):iv166
    (ESMO) for weak vs strong opioids; clinical_reference §5. Hydrocodone, tapentadol and
    low-dose buprenorphine patches (<= 20 µg/h) count as weak or strong by setting. Low-dose
    strong opioids still count 3 (the level is set by the drug). Adjuvants are ignored;
    unrecognised names are listed and do not raise the level.
    """
    if medications is None:
        return NotComputable(reason="medications not recorded", missing=("medications",))
    strengths: dict[str, OpioidStrength] = {
        "hydrocodone": hydrocodone,
        "tapentadol": tapentadol,
        "low_dose_buprenorphine": low_dose_buprenorphine,
    }
    levels: dict[str, int] = {}
    undetermined: list[str] = []
    adjuvants: list[str] = []
    unrecognised: list[str] = []
    for medication in medications:
        drug = medication.drug
        if drug is None:
            continue
        kind = classify_drug(drug)
        if kind == "adjuvant":
            adjuvants.append(drug)
        elif kind == "unrecognised":
            unrecognised.append(drug)
        else:
            level = _drug_level(medication, drug, strengths)
            if level is None:
                undetermined.append(drug)
            else:
                levels[drug] = max(level, levels.get(drug, 0))
    top = max(levels.values(), default=0)
    if undetermined and top < 3:
        reason = "buprenorphine route or patch strength not given: weak (low-dose patch) or strong"
        return NotComputable(reason=reason, missing=tuple(undetermined))
    return AnalgesicLevel(
        level=top,
        label=LEVEL_LABELS[top],
        most_potent=tuple(drug for drug, level in levels.items() if level == top and top > 0),
        ignored_adjuvants=tuple(adjuvants),
        unrecognised_drugs=tuple(unrecognised),
        scheme=", ".join(f"{name}={value}" for name, value in strengths.items()),
    )


def _drug_level(
    medication: Medication, drug: str, strengths: Mapping[str, OpioidStrength]
) -> int | None:
    kind = classify_drug(drug)
    if kind == "non_opioid":
        return 1
    if kind == "weak_opioid":
        return 2
    if kind == "strong_opioid":
        return 3
    key = normalize_drug_name(drug)
    if key in ("hydrocodone", "tapentadol"):
        return _STRENGTH_LEVEL[strengths[key]]
    return _buprenorphine_level(medication, strengths["low_dose_buprenorphine"])


def _buprenorphine_level(medication: Medication, low_dose: OpioidStrength) -> int | None:
    """Strong at analgesic doses; low-dose patches (<= 20 µg/h) by setting (§5 ⚠️)."""
    if low_dose == "strong":
        return 3
    route, rate = medication.route, medication.mcg_per_hour
    if route is not None and route != "transdermal":
        return 3
    if route == "transdermal" and rate is not None:
        if rate <= LOW_DOSE_BUPRENORPHINE_MAX_MCG_PER_HOUR:
            return _STRENGTH_LEVEL[low_dose]
        return 3
    return None
