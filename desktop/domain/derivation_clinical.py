"""Derived values about drugs and organ function: CrCl, renal dose bands, QTc, PGx."""

from __future__ import annotations

from desktop.domain.age import Age
from desktop.domain.case import Case
from desktop.domain.derived import Cyp2c9Result, Cyp2d6Result, PhenotypeBasis
from desktop.domain.pharmacology.drugs import NSAIDS, normalize_drug_name
from desktop.domain.pharmacology.gabapentinoid import (
    RenalDoseBand,
    band_haemodialysis_dose,
    band_renal_dose,
)
from desktop.domain.pharmacology.methadone_qtc import MethadoneQtc, classify_methadone_qtc
from desktop.domain.pharmacology.pharmacogenomics import (
    phenotype_cyp2c9,
    phenotype_cyp2d6,
    recommend_cyp2d6_opioid,
    recommend_nsaid,
)
from desktop.domain.pharmacology.renal import (
    MIN_ADULT_AGE,
    CreatinineClearance,
    creatinine_umol_l_to_mg_dl,
    estimate_creatinine_clearance,
)
from desktop.domain.results import NotComputable
from desktop.domain.settings import ClinicalSettings


def derive_creatinine_clearance(
    case: Case, age: Age | NotComputable
) -> CreatinineClearance | NotComputable:
    """Cockcroft-Gault CrCl from age, sex, weight and serum creatinine (either unit)."""
    patient, comorbidities = case.patient, case.comorbidities
    weight = patient.weight_kg if patient else None
    sex = patient.sex if patient else None
    mg_dl = comorbidities.serum_creatinine_mg_dl if comorbidities else None
    umol_l = comorbidities.serum_creatinine_umol_l if comorbidities else None
    if mg_dl is None and umol_l is not None:
        mg_dl = creatinine_umol_l_to_mg_dl(umol_l)
    if (
        isinstance(age, NotComputable)
        or weight is None
        or mg_dl is None
        or (sex != "female" and sex != "male")
    ):
        missing = [
            *(age.missing if isinstance(age, NotComputable) else ()),
            *(("patient.weight_kg",) if weight is None else ()),
            *(("patient.sex",) if sex not in ("female", "male") else ()),
            *(("comorbidities.serum_creatinine_mg_dl",) if mg_dl is None else ()),
        ]
        reason = "Cockcroft-Gault needs age, sex (female or male), weight and serum creatinine"
        return NotComputable(reason=reason, missing=tuple(missing))
    if age.years < MIN_ADULT_AGE:
        return NotComputable(reason="Cockcroft-Gault is for adults (18 years and older)")
    return estimate_creatinine_clearance(
        age_years=age.years, weight_kg=weight, serum_creatinine_mg_dl=mg_dl, sex=sex
    )


def derive_renal_doses(
    case: Case, crcl: CreatinineClearance | NotComputable, settings: ClinicalSettings
) -> tuple[RenalDoseBand | NotComputable, RenalDoseBand | NotComputable]:
    """Gabapentin and pregabalin renal dose bands.

    Uses the Cockcroft-Gault CrCl when computable, else the recorded
    ``comorbidities.creatinine_clearance``; haemodialysis has its own advice.
    """
    scheme = settings.renal_dose_scheme
    comorbidities = case.comorbidities
    if comorbidities is not None and comorbidities.haemodialysis:
        return (
            band_haemodialysis_dose("gabapentin", scheme),
            band_haemodialysis_dose("pregabalin", scheme),
        )
    recorded = comorbidities.creatinine_clearance if comorbidities else None
    if isinstance(crcl, CreatinineClearance):
        value, basis = crcl.value_ml_min, "Cockcroft-Gault"
    elif recorded is not None:
        value, basis = recorded, "recorded comorbidities.creatinine_clearance"
    else:
        missing = NotComputable(
            reason="creatinine clearance neither recorded nor computable",
            missing=("comorbidities.creatinine_clearance", *crcl.missing),
        )
        return missing, missing
    return (
        band_renal_dose("gabapentin", value, scheme, crcl_basis=basis),
        band_renal_dose("pregabalin", value, scheme, crcl_basis=basis),
    )


def derive_methadone_qtc(case: Case) -> MethadoneQtc | NotComputable:
    """Methadone QTc classification from ``comorbidities.qtc_ms``."""
    qtc = case.comorbidities.qtc_ms if case.comorbidities else None
    if qtc is None:
        return NotComputable(reason="QTc not recorded", missing=("comorbidities.qtc_ms",))
    return classify_methadone_qtc(qtc)


def derive_cyp2d6(case: Case) -> Cyp2d6Result | NotComputable:
    """CYP2D6 phenotype (activity score first) and the codeine/tramadol recommendations."""
    pgx = case.pharmacogenomics
    score = pgx.cyp2d6_activity_score if pgx else None
    reported = pgx.cyp2d6 if pgx else None
    if score is not None:
        phenotype: str = phenotype_cyp2d6(score)
        basis: PhenotypeBasis = "activity_score"
    elif reported is not None:
        phenotype, basis = reported, "reported_phenotype"
    else:
        return NotComputable(
            reason="CYP2D6 not tested",
            missing=("pharmacogenomics.CYP2D6", "pharmacogenomics.CYP2D6_activity_score"),
        )
    return Cyp2d6Result(
        phenotype=phenotype,
        activity_score=score,
        basis=basis,
        codeine=recommend_cyp2d6_opioid("codeine", phenotype, score),
        tramadol=recommend_cyp2d6_opioid("tramadol", phenotype, score),
    )


def derive_cyp2c9(case: Case) -> Cyp2c9Result | NotComputable:
    """CYP2C9 phenotype and the CPIC 2020 advice for each NSAID on the medication list."""
    pgx = case.pharmacogenomics
    score = pgx.cyp2c9_activity_score if pgx else None
    reported = pgx.cyp2c9 if pgx else None
    if score is not None:
        phenotype: str = phenotype_cyp2c9(score)
        basis: PhenotypeBasis = "activity_score"
    elif reported is not None:
        phenotype, basis = reported, "reported_phenotype"
    else:
        return NotComputable(
            reason="CYP2C9 not tested",
            missing=("pharmacogenomics.CYP2C9", "pharmacogenomics.CYP2C9_activity_score"),
        )
    nsaids = [
        m.drug
        for m in case.medications or ()
        if m.drug is not None and normalize_drug_name(m.drug) in NSAIDS
    ]
    return Cyp2c9Result(
        phenotype=phenotype,
        activity_score=score,
        basis=basis,
        nsaids=tuple(
            recommend_nsaid(drug, activity_score=score, phenotype=phenotype) for drug in nsaids
        ),
    )
