"""Creatinine clearance by Cockcroft-Gault (adults), for renal dose adjustment."""

from __future__ import annotations

from typing import Literal

from desktop.domain import sources
from desktop.domain.results import Computed

UMOL_L_PER_MG_DL = 88.4
FEMALE_FACTOR = 0.85
MIN_ADULT_AGE = 18
CG_FORMULA = "(140 - age) x weight kg / (72 x serum creatinine mg/dL), x 0.85 if female"


class CreatinineClearance(Computed):
    """Estimated creatinine clearance in mL/min and the inputs it came from."""

    value_ml_min: float
    age_years: int
    weight_kg: float
    serum_creatinine_mg_dl: float
    sex: Literal["female", "male"]
    formula: str = CG_FORMULA
    note: str = "actual body weight; age from birth year (may be 1 year high: lower CrCl)"
    source: str = sources.COCKCROFT_GAULT_1976


def creatinine_umol_l_to_mg_dl(umol_l: float) -> float:
    """Serum creatinine µmol/L -> mg/dL (÷ 88.4); Cockcroft DW, Gault MH. Nephron 1976."""
    return umol_l / UMOL_L_PER_MG_DL


def estimate_creatinine_clearance(
    *,
    age_years: int,
    weight_kg: float,
    serum_creatinine_mg_dl: float,
    sex: Literal["female", "male"],
) -> CreatinineClearance:
    """Cockcroft-Gault: (140 - age) x weight / (72 x SCr), x 0.85 for women, in mL/min.

    Source: Cockcroft DW, Gault MH. Prediction of creatinine clearance from serum
    creatinine. Nephron 1976;16:31-41; clinical_reference §10. Adults only (18-139 years);
    weight > 0 kg; serum creatinine > 0 mg/dL.
    """
    if not MIN_ADULT_AGE <= age_years < 140:
        raise ValueError(f"Cockcroft-Gault needs an adult age 18-139, got {age_years}")
    if weight_kg <= 0 or serum_creatinine_mg_dl <= 0:
        raise ValueError("weight and serum creatinine must be above 0")
    value = (140 - age_years) * weight_kg / (72 * serum_creatinine_mg_dl)
    if sex == "female":
        value *= FEMALE_FACTOR
    return CreatinineClearance(
        value_ml_min=value,
        age_years=age_years,
        weight_kg=weight_kg,
        serum_creatinine_mg_dl=serum_creatinine_mg_dl,
        sex=sex,
    )
