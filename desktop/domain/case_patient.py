"""Who the patient is and what cancer they have (``patient`` and ``cancer`` of a case)."""

from __future__ import annotations

from desktop.domain.case_base import CaseModel
from desktop.domain.fields import (
    BirthYear,
    CancerTreatmentChoice,
    Flag,
    MetastasisChoice,
    Name,
    PrimarySiteChoice,
    Pseudonym,
    SexChoice,
    ShortText,
    StageChoice,
    WeightKg,
)


class Patient(CaseModel):
    """The person. ``name`` and ``contact`` identify them and never leave the clinic."""

    name: Name | None = None
    contact: ShortText | None = None
    pseudonym: Pseudonym | None = None
    birth_year: BirthYear | None = None
    sex: SexChoice | None = None
    weight_kg: WeightKg | None = None
    consent_to_share: Flag | None = None


class CancerTreatment(CaseModel):
    """One anticancer treatment received (chemotherapy agents, radiotherapy site, ...)."""

    type: CancerTreatmentChoice | None = None
    agents: tuple[Name, ...] | None = None
    site: ShortText | None = None


class Cancer(CaseModel):
    """The cancer and the features that matter for the pain mechanism."""

    primary_site: PrimarySiteChoice | None = None
    stage: StageChoice | None = None
    metastases: tuple[MetastasisChoice, ...] | None = None
    perineural_invasion: Flag | None = None
    nerve_plexus_involvement: Flag | None = None
    treatments: tuple[CancerTreatment, ...] | None = None
