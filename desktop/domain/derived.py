"""The shape of every value derived from a case (what ``painbridge score`` prints).

Each entry is either a computed result carrying its scheme and ``source`` citation, or a
:class:`NotComputable` with the reason; nothing is guessed. Produced by
:func:`desktop.domain.derivation.derive_scores`.
"""

from __future__ import annotations

from datetime import date
from typing import Literal
from uuid import UUID

from desktop.domain import sources
from desktop.domain.age import Age
from desktop.domain.pharmacology.analgesic_level import AnalgesicLevel
from desktop.domain.pharmacology.gabapentinoid import RenalDoseBand
from desktop.domain.pharmacology.medd import Medd
from desktop.domain.pharmacology.methadone_qtc import MethadoneQtc
from desktop.domain.pharmacology.pharmacogenomics import Recommendation
from desktop.domain.pharmacology.renal import CreatinineClearance
from desktop.domain.results import Computed, NotComputable, ResultModel
from desktop.domain.scales.bpi import BpiInterferenceScore, BpiSeverity
from desktop.domain.scales.dn4 import Dn4Score
from desktop.domain.scales.immpact import ImmpactResponse, InterferenceChange
from desktop.domain.scales.lanss import LanssScore
from desktop.domain.scales.nrs import NrsBand
from desktop.domain.scales.pmi import PainLevel, Pmi
from desktop.domain.settings import ClinicalSettings

DERIVED_FORMAT = "painbridge.derived/1"
DISCLAIMER = (
    "Decision support, not a diagnosis. Scores are screening aids computed from the recorded "
    "answers; every rule names its source. Review with the patient before acting."
)


PhenotypeBasis = Literal["activity_score", "reported_phenotype"]


class Cyp2d6Result(Computed):
    """CYP2D6 phenotype and the CPIC 2021 codeine and tramadol recommendations."""

    phenotype: str
    activity_score: float | None
    basis: PhenotypeBasis
    codeine: Recommendation
    tramadol: Recommendation
    source: str = sources.CPIC_CYP2D6_2021


class Cyp2c9Result(Computed):
    """CYP2C9 phenotype and the CPIC 2020 advice for each NSAID on the medication list."""

    phenotype: str
    activity_score: float | None
    basis: PhenotypeBasis
    nsaids: tuple[Recommendation | NotComputable, ...]
    source: str = sources.CPIC_CYP2C9_2020


class FollowUpResponse(ResultModel):
    """Responder status of one follow-up against the baseline assessment."""

    index: int
    date: date | None
    days_since_baseline: int | None
    primary_item: str
    primary: ImmpactResponse | NotComputable
    by_item: dict[str, ImmpactResponse]
    interference: InterferenceChange | NotComputable


class DerivedScores(ResultModel):
    """Every derived value of a case, with the settings that produced it."""

    format: Literal["painbridge.derived/1"] = "painbridge.derived/1"
    case_id: UUID | None
    assessment_date: date
    settings: ClinicalSettings
    age: Age | NotComputable
    nrs_bands: dict[str, NrsBand]
    bpi_severity: BpiSeverity | NotComputable
    bpi_interference: BpiInterferenceScore | NotComputable
    dn4: Dn4Score | NotComputable
    dn4_interview: Dn4Score | NotComputable
    lanss: LanssScore | NotComputable
    medd: Medd | NotComputable
    analgesic_level: AnalgesicLevel | NotComputable
    pain_level: PainLevel | NotComputable
    pmi: Pmi | NotComputable
    creatinine_clearance: CreatinineClearance | NotComputable
    gabapentin_renal_dose: RenalDoseBand | NotComputable
    pregabalin_renal_dose: RenalDoseBand | NotComputable
    methadone_qtc: MethadoneQtc | NotComputable
    cyp2d6: Cyp2d6Result | NotComputable
    cyp2c9: Cyp2c9Result | NotComputable
    follow_ups: tuple[FollowUpResponse, ...]
    disclaimer: str = DISCLAIMER
