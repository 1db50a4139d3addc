"""Closed vocabularies of the case document ``painbridge.case/1`` (the enums).

Each is a ``Literal`` so type checkers, pydantic and the published JSON Schema agree on the
allowed words. ``values_of`` gives the words in their declared order for error messages.
"""

from __future__ import annotations

from typing import Any, Literal, get_args

CASE_SCHEMA_ID = "painbridge.case/1"

Sex = Literal["female", "male", "other", "unknown"]
Stage = Literal["I", "II", "III", "IV", "unknown"]
PrimarySite = Literal[
    "breast",
    "lung",
    "prostate",
    "colorectal",
    "head_and_neck",
    "pancreas",
    "stomach",
    "esophagus",
    "liver",
    "kidney",
    "bladder",
    "ovary",
    "cervix",
    "uterus",
    "brain",
    "melanoma",
    "sarcoma",
    "myeloma",
    "lymphoma",
    "leukemia",
    "unknown_primary",
    "other",
]
MetastasisSite = Literal["bone", "liver", "lung", "brain", "nodes", "other"]
CancerTreatmentType = Literal[
    "chemotherapy",
    "radiotherapy",
    "surgery",
    "immunotherapy",
    "hormone_therapy",
    "targeted_therapy",
    "other",
]
Route = Literal[
    "oral",
    "sublingual",
    "buccal",
    "transmucosal",
    "intranasal",
    "transdermal",
    "topical",
    "rectal",
    "subcutaneous",
    "intravenous",
    "intramuscular",
    "intrathecal",
    "epidural",
    "other",
]
Adherence = Literal["full", "partial", "none"]
TreatmentOption = Literal[
    "nsaid",
    "paracetamol",
    "weak_opioid",
    "strong_opioid",
    "opioid_rotation",
    "methadone",
    "gabapentinoid",
    "snri_duloxetine",
    "tricyclic",
    "corticosteroid",
    "topical_lidocaine",
    "radiotherapy_bone",
    "nerve_block",
    "intrathecal",
    "non_pharmacological",
]
Cyp2d6Phenotype = Literal["poor", "intermediate", "normal", "ultrarapid", "indeterminate"]
Cyp2c9Phenotype = Literal["poor", "intermediate", "normal", "indeterminate"]
Oprm1Genotype = Literal["AA", "AG", "GG"]
ComtGenotype = Literal["val/val", "val/met", "met/met"]
LanssForm = Literal["LANSS", "S-LANSS"]

NrsItem = Literal["worst", "least", "average", "now"]
NRS_ITEMS: tuple[NrsItem, ...] = ("worst", "least", "average", "now")

#: Routes by which a dose counts as parenteral (injection or infusion).
PARENTERAL_ROUTES: frozenset[str] = frozenset({"subcutaneous", "intravenous", "intramuscular"})
#: Routes for which a rate in µg/h (patch or infusion) makes sense.
RATE_ROUTES: frozenset[str] = frozenset(
    {"transdermal", "subcutaneous", "intravenous", "intrathecal", "epidural"}
)


def values_of(literal: Any) -> tuple[str, ...]:
    """The allowed words of a ``Literal`` vocabulary, in declared order."""
    return tuple(str(value) for value in get_args(literal))
