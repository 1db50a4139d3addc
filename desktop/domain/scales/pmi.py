"""Pain Management Index: analgesic level minus pain level (from BPI worst pain), -3..+3.

A negative PMI is a prompt to review analgesia, not a verdict of under-treatment
(clinical_reference §5).
"""

from __future__ import annotations

from desktop.domain import sources
from desktop.domain.results import Computed
from desktop.domain.scales.nrs import (
    BAND_NAMES,
    CLEELAND_1994,
    NCCN,
    SERLIN_1995,
    BandScheme,
    NrsBandName,
)
from desktop.domain.settings import PainLevelScheme

PAIN_LEVEL_SCHEMES: dict[str, BandScheme] = {
    "Cleeland1994": CLEELAND_1994,
    "Serlin1995": SERLIN_1995,
    "NCCN": NCCN,
}
NEGATIVE_PMI_NOTE = (
    "negative PMI: the prescribed analgesic may be weaker than the worst pain warrants; "
    "a prompt to review, not a verdict (PMI < 0 had sensitivity 0.37, specificity 0.71 for "
    "pain interference in Sakakibara N et al. BMC Palliat Care 2018)"
)


class PainLevel(Computed):
    """Pain level 0-3 of the BPI worst pain under a named band scheme."""

    worst: int
    level: int
    band: NrsBandName
    scheme: str
    source: str


class Pmi(Computed):
    """PMI = analgesic level - pain level."""

    pmi: int
    analgesic_level: int
    pain_level: int
    negative: bool
    scheme: str
    note: str | None = None
    source: str = sources.PMI_CLEELAND_1994


def grade_pain_level(worst: int, scheme: PainLevelScheme = "NCCN") -> PainLevel:
    """Pain level 0 none, 1 mild, 2 moderate, 3 severe from BPI worst pain.

    Sources: Cleeland CS et al. N Engl J Med 1994;330:592-596 (original 1-3 / 4-7 / 8-10);
    Serlin RC et al. Pain 1995;61:277-284 (1-4 / 5-6 / 7-10); NCCN Adult Cancer Pain
    (1-3 / 4-6 / 7-10); clinical_reference §5 (Takahashi R et al. J Pain Symptom Manage
    2017: published PMI studies differ in the cut-offs, so the scheme is reported).
    """
    bands = PAIN_LEVEL_SCHEMES[scheme]
    level = bands.level(worst)
    return PainLevel(
        worst=worst, level=level, band=BAND_NAMES[level], scheme=bands.name, source=bands.source
    )


def compute_pmi(analgesic_level: int, pain_level: int, *, scheme: PainLevelScheme) -> Pmi:
    """PMI = analgesic level (0-3) - pain level (0-3), range -3..+3.

    Source: Cleeland CS, Gonin R, Hatfield AK, et al. N Engl J Med 1994;330:592-596;
    clinical_reference §5. ``scheme`` names the pain-level band scheme used.
    """
    for name, value in (("analgesic_level", analgesic_level), ("pain_level", pain_level)):
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 3:
            raise ValueError(f"{name} must be an integer 0-3, got {value!r}")
    pmi = analgesic_level - pain_level
    return Pmi(
        pmi=pmi,
        analgesic_level=analgesic_level,
        pain_level=pain_level,
        negative=pmi < 0,
        scheme=scheme,
        note=NEGATIVE_PMI_NOTE if pmi < 0 else None,
    )
