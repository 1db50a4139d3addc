"""derive_scores: every value derived from a case under the given clinical settings.

Pure: same case and settings, same result. Missing inputs give :class:`NotComputable`
with the reason and the missing paths, never a guess.
"""

from __future__ import annotations

from desktop.domain.age import Age, compute_age
from desktop.domain.case import Case, Nrs
from desktop.domain.derivation_clinical import (
    derive_creatinine_clearance,
    derive_cyp2c9,
    derive_cyp2d6,
    derive_methadone_qtc,
    derive_renal_doses,
)
from desktop.domain.derivation_follow_up import derive_follow_ups
from desktop.domain.derived import DerivedScores
from desktop.domain.pharmacology.analgesic_level import AnalgesicLevel, classify_analgesic_level
from desktop.domain.pharmacology.medd import Medd, compute_medd
from desktop.domain.results import NotComputable
from desktop.domain.scales.bpi import score_bpi_interference, score_bpi_severity
from desktop.domain.scales.dn4 import score_dn4, score_dn4_interview
from desktop.domain.scales.lanss import score_lanss
from desktop.domain.scales.nrs import NrsBand, band_nrs
from desktop.domain.scales.pmi import PainLevel, Pmi, compute_pmi, grade_pain_level
from desktop.domain.settings import ClinicalSettings
from desktop.domain.vocabulary import NRS_ITEMS


def derive_scores(case: Case, settings: ClinicalSettings | None = None) -> DerivedScores:
    """Every derived value of ``case`` (NRS bands, BPI, DN4, LANSS, MEDD, PMI, renal, PGx,
    responder status), each with its scheme and source; defaults when ``settings`` is None.
    """
    settings = settings or ClinicalSettings()
    assessment = case.assessment
    age = derive_age(case)
    crcl = derive_creatinine_clearance(case, age)
    analgesic_level = derive_analgesic_level(case, settings)
    pain_level = derive_pain_level(assessment.nrs, settings)
    gabapentin, pregabalin = derive_renal_doses(case, crcl, settings)
    return DerivedScores(
        case_id=case.case_id,
        assessment_date=assessment.date,
        settings=settings,
        age=age,
        nrs_bands=derive_nrs_bands(assessment.nrs, settings),
        bpi_severity=score_bpi_severity(assessment.nrs),
        bpi_interference=score_bpi_interference(assessment.bpi_interference),
        dn4=score_dn4(assessment.dn4, settings.dn4_cutoff_scheme),
        dn4_interview=score_dn4_interview(assessment.dn4, settings.dn4_cutoff_scheme),
        lanss=score_lanss(
            assessment.lanss,
            lanss_cutoff=settings.lanss_cutoff,
            s_lanss_cutoff=settings.s_lanss_cutoff,
        ),
        medd=derive_medd(case, settings),
        analgesic_level=analgesic_level,
        pain_level=pain_level,
        pmi=derive_pmi(analgesic_level, pain_level, settings),
        creatinine_clearance=crcl,
        gabapentin_renal_dose=gabapentin,
        pregabalin_renal_dose=pregabalin,
        methadone_qtc=derive_methadone_qtc(case),
        cyp2d6=derive_cyp2d6(case),
        cyp2c9=derive_cyp2c9(case),
        follow_ups=derive_follow_ups(case, settings),
    )


def derive_age(case: Case) -> Age | NotComputable:
    """Age at the assessment from ``patient.birth_year``."""
    birth_year = case.patient.birth_year if case.patient else None
    if birth_year is None:
        return NotComputable(reason="birth year not recorded", missing=("patient.birth_year",))
    return compute_age(birth_year, case.assessment.date)


def derive_nrs_bands(nrs: Nrs | None, settings: ClinicalSettings) -> dict[str, NrsBand]:
    """The band of each NRS item present, under ``settings.nrs_band_scheme``."""
    if nrs is None:
        return {}
    values = {item: getattr(nrs, item) for item in NRS_ITEMS}
    return {
        item: band_nrs(value, settings.nrs_band_scheme, item=item)
        for item, value in values.items()
        if value is not None
    }


def derive_medd(case: Case, settings: ClinicalSettings) -> Medd | NotComputable:
    """MEDD of the medication list with ``settings.medd_table``."""
    if case.medications is None:
        return NotComputable(reason="medications not recorded", missing=("medications",))
    return compute_medd(case.medications, settings.medd_table)


def derive_analgesic_level(
    case: Case, settings: ClinicalSettings
) -> AnalgesicLevel | NotComputable:
    """Analgesic level 0-3 with the configured classes of the ambiguous opioids."""
    return classify_analgesic_level(
        case.medications,
        hydrocodone=settings.hydrocodone_class,
        tapentadol=settings.tapentadol_class,
        low_dose_buprenorphine=settings.low_dose_buprenorphine_class,
    )


def derive_pain_level(nrs: Nrs | None, settings: ClinicalSettings) -> PainLevel | NotComputable:
    """PMI pain level from the worst pain, under ``settings.pain_level_scheme``."""
    worst = nrs.worst if nrs else None
    if worst is None:
        return NotComputable(reason="worst pain not recorded", missing=("assessment.nrs.worst",))
    return grade_pain_level(worst, settings.pain_level_scheme)


def derive_pmi(
    analgesic_level: AnalgesicLevel | NotComputable,
    pain_level: PainLevel | NotComputable,
    settings: ClinicalSettings,
) -> Pmi | NotComputable:
    """PMI when both the analgesic level and the pain level are known."""
    if isinstance(analgesic_level, NotComputable):
        return NotComputable(
            reason=f"analgesic level not computable: {analgesic_level.reason}",
            missing=analgesic_level.missing,
        )
    if isinstance(pain_level, NotComputable):
        return NotComputable(
            reason=f"pain level not computable: {pain_level.reason}",
            missing=pain_level.missing,
        )
    return compute_pmi(analgesic_level.level, pain_level.level, scheme=settings.pain_level_scheme)
