"""Constrained field types of the case document, each carrying the rule its error names.

A field type is ``Annotated[base, constraints, ruled(rule)]``: the constraints give the JSON
Schema, and :func:`ruled` turns any failure of them (wrong type, out of range, not a whole
number) into ONE error whose message is the human rule, e.g. ``must be an integer 0-10``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Annotated, Any
from uuid import UUID

from pydantic import (
    BeforeValidator,
    Field,
    GetCoreSchemaHandler,
    GetJsonSchemaHandler,
    ValidationError,
)
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import PydanticCustomError, core_schema

from desktop.domain.vocabulary import (
    Adherence,
    CancerTreatmentType,
    ComtGenotype,
    Cyp2c9Phenotype,
    Cyp2d6Phenotype,
    LanssForm,
    MetastasisSite,
    Oprm1Genotype,
    PrimarySite,
    Route,
    Sex,
    Stage,
    TreatmentOption,
    values_of,
)

RULE_ERROR_TYPE = "painbridge_rule"


@dataclass(frozen=True)
class Rule:
    """Field metadata: any failure of the annotated type becomes ONE error stating ``text``.

    ``Annotated[int, Field(strict=True, ge=0, le=10), Rule("must be an integer 0-10")]``
    rejects ``11``, ``5.5``, ``true`` and ``"5"`` alike with that message, and the text is
    also the field's description in the published JSON Schema.
    """

    text: str

    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        return core_schema.no_info_wrap_validator_function(self._validate, handler(source))

    def __get_pydantic_json_schema__(
        self, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        json_schema = handler(schema)
        json_schema["description"] = self.text
        return json_schema

    def _validate(self, value: Any, handler: core_schema.ValidatorFunctionWrapHandler) -> Any:
        try:
            return handler(value)
        except (ValidationError, ValueError):
            raise PydanticCustomError(RULE_ERROR_TYPE, self.text) from None


def one_of(literal: Any) -> Rule:
    """The rule of a closed vocabulary: ``must be one of: a, b, c``."""
    return Rule("must be one of: " + ", ".join(values_of(literal)))


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_UUID_TEXT = re.compile(r"[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}")


def _require_date_text(value: Any) -> Any:
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    if isinstance(value, str) and _ISO_DATE.fullmatch(value):
        return value
    raise ValueError("not an ISO date")


def _require_uuid_text(value: Any) -> Any:
    if isinstance(value, UUID):
        return value
    if isinstance(value, str) and _UUID_TEXT.fullmatch(value):
        return value
    raise ValueError("not a canonical UUID")


DATE_RULE = "must be a date YYYY-MM-DD"
UUID_RULE = "must be a UUID (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx)"
PSEUDONYM_PATTERN = r"^PB-[0-9A-HJKMNP-TV-Z]{8}$"
PSEUDONYM_RULE = "must be PB- and 8 Crockford base32 characters (0-9, A-Z without I, L, O, U)"
FLAG_RULE = "must be true or false"

CaseDate = Annotated[date, BeforeValidator(_require_date_text), Rule(DATE_RULE)]
CaseUuid = Annotated[UUID, BeforeValidator(_require_uuid_text), Rule(UUID_RULE)]
Flag = Annotated[bool, Field(strict=True), Rule(FLAG_RULE)]
Pseudonym = Annotated[str, Field(strict=True, pattern=PSEUDONYM_PATTERN), Rule(PSEUDONYM_RULE)]

# Whole numbers (strict: 5.5, true and "5" are rejected like 11).
ZeroToTen = Annotated[int, Field(strict=True, ge=0, le=10), Rule("must be an integer 0-10")]
ReliefPercent = Annotated[
    int,
    Field(strict=True, ge=0, le=100, multiple_of=10),
    Rule("must be an integer 0-100 in steps of 10"),
]
BirthYear = Annotated[
    int, Field(strict=True, ge=1900, le=2100), Rule("must be an integer 1900-2100")
]
ScreeningScore = Annotated[int, Field(strict=True, ge=0, le=6), Rule("must be an integer 0-6")]
BreakthroughPerDay = Annotated[
    int, Field(strict=True, ge=0, le=100), Rule("must be an integer 0-100")
]

# Measured quantities (int or float; bool, text, NaN and infinity are rejected).
DurationMonths = Annotated[
    float, Field(strict=True, ge=0, le=1200, allow_inf_nan=False), Rule("must be a number 0-1200")
]
WeightKg = Annotated[
    float,
    Field(strict=True, gt=0, le=400, allow_inf_nan=False),
    Rule("must be a number above 0 and at most 400 (kg)"),
]
EgfrValue = Annotated[
    float,
    Field(strict=True, ge=0, le=200, allow_inf_nan=False),
    Rule("must be a number 0-200 (mL/min/1.73 m²)"),
]
ClearanceValue = Annotated[
    float,
    Field(strict=True, ge=0, le=300, allow_inf_nan=False),
    Rule("must be a number 0-300 (mL/min)"),
]
QtcMs = Annotated[
    float,
    Field(strict=True, ge=200, le=800, allow_inf_nan=False),
    Rule("must be a number 200-800 (ms)"),
]
Platelets = Annotated[
    float,
    Field(strict=True, ge=0, le=2000, allow_inf_nan=False),
    Rule("must be a number 0-2000 (×10⁹/L)"),
]
CreatinineMgDl = Annotated[
    float,
    Field(strict=True, ge=0.1, le=30, allow_inf_nan=False),
    Rule("must be a number 0.1-30 (mg/dL)"),
]
CreatinineUmolL = Annotated[
    float,
    Field(strict=True, ge=9, le=2700, allow_inf_nan=False),
    Rule("must be a number 9-2700 (µmol/L)"),
]
DailyDoseMg = Annotated[
    float,
    Field(strict=True, gt=0, le=100_000, allow_inf_nan=False),
    Rule("must be a number above 0 and at most 100000 (mg per day)"),
]
MicrogramsPerHour = Annotated[
    float,
    Field(strict=True, gt=0, le=10_000, allow_inf_nan=False),
    Rule("must be a number above 0 and at most 10000 (µg/h)"),
]
Cyp2d6ActivityScore = Annotated[
    float,
    Field(strict=True, ge=0, le=6, multiple_of=0.25, allow_inf_nan=False),
    Rule("must be a number 0-6 in steps of 0.25"),
]
Cyp2c9ActivityScore = Annotated[
    float,
    Field(strict=True, ge=0, le=2, multiple_of=0.5, allow_inf_nan=False),
    Rule("must be a number 0-2 in steps of 0.5"),
]

# Text.
ShortText = Annotated[
    str, Field(strict=True, max_length=200), Rule("must be text of at most 200 characters")
]
LongText = Annotated[
    str, Field(strict=True, max_length=20_000), Rule("must be text of at most 20000 characters")
]
Name = Annotated[
    str,
    Field(strict=True, min_length=1, max_length=200),
    Rule("must be text of 1-200 characters"),
]
DrugName = Annotated[
    str,
    Field(strict=True, min_length=1, max_length=100),
    Rule("must be a drug name of 1-100 characters"),
]

# Closed vocabularies.
SexChoice = Annotated[Sex, one_of(Sex)]
StageChoice = Annotated[Stage, one_of(Stage)]
PrimarySiteChoice = Annotated[PrimarySite, one_of(PrimarySite)]
MetastasisChoice = Annotated[MetastasisSite, one_of(MetastasisSite)]
CancerTreatmentChoice = Annotated[CancerTreatmentType, one_of(CancerTreatmentType)]
RouteChoice = Annotated[Route, one_of(Route)]
AdherenceChoice = Annotated[Adherence, one_of(Adherence)]
TreatmentOptionChoice = Annotated[TreatmentOption, one_of(TreatmentOption)]
Cyp2d6Choice = Annotated[Cyp2d6Phenotype, one_of(Cyp2d6Phenotype)]
Cyp2c9Choice = Annotated[Cyp2c9Phenotype, one_of(Cyp2c9Phenotype)]
Oprm1Choice = Annotated[Oprm1Genotype, one_of(Oprm1Genotype)]
ComtChoice = Annotated[ComtGenotype, one_of(ComtGenotype)]
LanssFormChoice = Annotated[LanssForm, one_of(LanssForm)]
