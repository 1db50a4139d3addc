"""The case document ``painbridge.case/1``: one JSON object per case.

Every field except ``schema`` and ``assessment.date`` is optional, because clinics often
lack data; unknown fields are errors. The model holds raw answers only; scores are derived
(see :mod:`desktop.domain.derivation`). Parse untrusted input with
:func:`desktop.domain.case_parsing.parse_case`, which reports every problem with its path.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, ValidationInfo, model_validator
from pydantic_core import PydanticCustomError

from desktop.domain.case_assessment import (
    Assessment,
    BpiInterference,
    Dn4Answers,
    LanssAnswers,
    Nrs,
    PainPattern,
    Psychosocial,
)
from desktop.domain.case_base import CaseModel
from desktop.domain.case_clinical import (
    Comorbidities,
    FollowUp,
    Medication,
    Pharmacogenomics,
)
from desktop.domain.case_patient import Cancer, CancerTreatment, Patient
from desktop.domain.case_rules import find_case_problems
from desktop.domain.fields import CaseUuid, Rule
from desktop.domain.vocabulary import CASE_SCHEMA_ID

#: Validation context key: ``{DEFER_CASE_RULES: True}`` skips the cross-field rules so the
#: caller can run :func:`find_case_problems` itself and get structured problems.
DEFER_CASE_RULES = "painbridge_defer_case_rules"

SCHEMA_RULE = f'must be "{CASE_SCHEMA_ID}" (the case format version this program reads)'

__all__ = [
    "DEFER_CASE_RULES",
    "Assessment",
    "BpiInterference",
    "Cancer",
    "CancerTreatment",
    "Case",
    "Comorbidities",
    "Dn4Answers",
    "FollowUp",
    "LanssAnswers",
    "Medication",
    "Nrs",
    "PainPattern",
    "Patient",
    "Pharmacogenomics",
    "Psychosocial",
]


class Case(CaseModel):
    """One case. Cross-field rules (dates in order, least <= worst, ...) are enforced too."""

    schema_: Annotated[Literal["painbridge.case/1"], Rule(SCHEMA_RULE)] = Field(alias="schema")
    case_id: CaseUuid | None = None
    patient: Patient | None = None
    cancer: Cancer | None = None
    assessment: Assessment
    comorbidities: Comorbidities | None = None
    medications: tuple[Medication, ...] | None = None
    pharmacogenomics: Pharmacogenomics | None = None
    follow_ups: tuple[FollowUp, ...] | None = None

    @model_validator(mode="after")
    def _check_case_rules(self, info: ValidationInfo) -> Case:
        if isinstance(info.context, dict) and info.context.get(DEFER_CASE_RULES):
            return self
        problems = find_case_problems(self)
        if problems:
            message = "; ".join(str(problem) for problem in problems)
            raise PydanticCustomError("painbridge_case_rules", message)
        return self
