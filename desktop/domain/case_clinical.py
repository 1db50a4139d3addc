"""Comorbidities, medications, pharmacogenomics and follow-ups of a case."""

from __future__ import annotations

from pydantic import Field

from desktop.domain.case_assessment import BpiInterference, Nrs
from desktop.domain.case_base import CaseModel
from desktop.domain.fields import (
    AdherenceChoice,
    CaseDate,
    ClearanceValue,
    ComtChoice,
    CreatinineMgDl,
    CreatinineUmolL,
    Cyp2c9ActivityScore,
    Cyp2c9Choice,
    Cyp2d6ActivityScore,
    Cyp2d6Choice,
    DailyDoseMg,
    DrugName,
    EgfrValue,
    Flag,
    LongText,
    MicrogramsPerHour,
    Name,
    Oprm1Choice,
    Platelets,
    QtcMs,
    RouteChoice,
    TreatmentOptionChoice,
)


class Comorbidities(CaseModel):
    """Organ function and conditions that change what is safe to prescribe."""

    egfr: EgfrValue | None = None
    creatinine_clearance: ClearanceValue | None = None
    serum_creatinine_mg_dl: CreatinineMgDl | None = None
    serum_creatinine_umol_l: CreatinineUmolL | None = None
    haemodialysis: Flag | None = None
    hepatic_impairment: Flag | None = None
    gi_bleed_history: Flag | None = None
    heart_failure: Flag | None = None
    qtc_ms: QtcMs | None = None
    platelets: Platelets | None = None
    diabetes: Flag | None = None
    respiratory_disease: Flag | None = None


class Medication(CaseModel):
    """One current drug. Patches and infusions give ``mcg_per_hour``, others the daily mg."""

    drug: DrugName | None = None
    route: RouteChoice | None = None
    daily_dose_mg: DailyDoseMg | None = None
    mcg_per_hour: MicrogramsPerHour | None = None


class Pharmacogenomics(CaseModel):
    """Reported phenotypes/genotypes, and activity scores when the lab gives them."""

    cyp2d6: Cyp2d6Choice | None = Field(default=None, alias="CYP2D6")
    cyp2d6_activity_score: Cyp2d6ActivityScore | None = Field(
        default=None, alias="CYP2D6_activity_score"
    )
    cyp2c9: Cyp2c9Choice | None = Field(default=None, alias="CYP2C9")
    cyp2c9_activity_score: Cyp2c9ActivityScore | None = Field(
        default=None, alias="CYP2C9_activity_score"
    )
    oprm1_a118g: Oprm1Choice | None = Field(default=None, alias="OPRM1_A118G")
    comt_val158met: ComtChoice | None = Field(default=None, alias="COMT_val158met")


class FollowUp(CaseModel):
    """A later contact: pain again (same items as the baseline) and what happened."""

    date: CaseDate | None = None
    nrs: Nrs | None = None
    bpi_interference: BpiInterference | None = None
    treatment_started: TreatmentOptionChoice | None = None
    adverse_events: tuple[Name, ...] | None = None
    adherence: AdherenceChoice | None = None
    notes: LongText | None = None
