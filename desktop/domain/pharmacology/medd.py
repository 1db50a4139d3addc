"""Morphine-equivalent daily dose (MEDD / MME), with a per-drug breakdown.

Nothing is guessed: buprenorphine, opioids without a factor for their route, doses not
given and unrecognised drug names are listed as not converted; methadone is converted with
the table's factor but always flagged "conversion unreliable" (clinical_reference §6).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from desktop.domain.case_clinical import Medication
from desktop.domain.pharmacology.drugs import OPIOIDS, classify_drug, normalize_drug_name
from desktop.domain.pharmacology.opioid_factors import (
    FENTANYL_TRANSDERMAL,
    MORPHINE_PARENTERAL,
    ORAL_TABLES,
    TABLE_SOURCES,
    Factor,
    methadone_factor_cdc2016,
)
from desktop.domain.results import Computed, ResultModel
from desktop.domain.settings import MeddTable
from desktop.domain.vocabulary import PARENTERAL_ROUTES

METHADONE_FLAG = "methadone: conversion unreliable"
INCOMPLETE_FLAG = "not all opioids converted: the total is incomplete"
UNRECOGNISED_FLAG = "unrecognised drug names not included (check whether any is an opioid)"
PARENTERAL_FLAG = "parenteral morphine converted at 3x oral (approximate)"
MEDD_CAUTION = (
    "MME is a rough estimate of total opioid exposure. Do not use it to convert a patient "
    "from one opioid to another (cross-tolerance is incomplete; start the new opioid lower). "
    "CDC MME thresholds were written for non-cancer pain and do not apply to cancer pain."
)


class MeddItem(ResultModel):
    """One converted medication: dose x factor = morphine mg per day."""

    index: int
    drug: str
    route: str
    dose: float
    dose_unit: Literal["mg/day", "mcg/h"]
    factor: float
    mme_mg_per_day: float
    reliable: bool
    note: str | None = None
    source: str


class NotConverted(ResultModel):
    """An opioid that is not in the total, and why."""

    index: int
    drug: str
    reason: str


class Medd(Computed):
    """Total morphine-equivalent daily dose in mg, with breakdown, exclusions and flags."""

    table: str
    total_mg_per_day: float
    complete: bool
    items: tuple[MeddItem, ...]
    not_converted: tuple[NotConverted, ...]
    unrecognised_drugs: tuple[str, ...]
    flags: tuple[str, ...]
    caution: str = MEDD_CAUTION
    source: str


def compute_medd(medications: Sequence[Medication], table: MeddTable = "CDC2022") -> Medd:
    """Sum dose x factor over all opioids, using the named factor table.

    Sources: Dowell D et al. CDC Clinical Practice Guideline for Prescribing Opioids for
    Pain, MMWR Recomm Rep 2022;71(3):1-95 (table "CDC2022", default); Dowell D, Haegerich
    TM, Chou R. MMWR Recomm Rep 2016;65(1):1-49 plus older tables (table "CDC2016");
    clinical_reference §6. Transdermal fentanyl: µg/h x 2.4. Parenteral morphine: 3x oral.
    Methadone: table factor (CDC2022 4.7; CDC2016 banded 4-12 by total daily dose) and
    always the flag "methadone: conversion unreliable".
    """
    if table not in ORAL_TABLES:
        raise ValueError(f"unknown MEDD table {table!r}")
    methadone_oral_mg = sum(
        m.daily_dose_mg or 0.0
        for m in medications
        if m.drug and normalize_drug_name(m.drug) == "methadone" and m.route == "oral"
    )
    items: list[MeddItem] = []
    skipped: list[NotConverted] = []
    unrecognised: list[str] = []
    for index, medication in enumerate(medications):
        drug = medication.drug
        if drug is None:
            continue
        if classify_drug(drug) == "unrecognised":
            unrecognised.append(drug)
            continue
        if normalize_drug_name(drug) not in OPIOIDS:
            continue
        outcome = _convert(index, medication, drug, table, methadone_oral_mg)
        if isinstance(outcome, MeddItem):
            items.append(outcome)
        else:
            skipped.append(outcome)
    return Medd(
        table=table,
        total_mg_per_day=sum(item.mme_mg_per_day for item in items),
        complete=not skipped,
        items=tuple(items),
        not_converted=tuple(skipped),
        unrecognised_drugs=tuple(unrecognised),
        flags=_flags(items, skipped, unrecognised),
        source=TABLE_SOURCES[table],
    )


def _convert(
    index: int, medication: Medication, drug: str, table: str, methadone_oral_mg: float
) -> MeddItem | NotConverted:
    key = normalize_drug_name(drug)
    route = medication.route

    def skip(reason: str) -> NotConverted:
        return NotConverted(index=index, drug=drug, reason=reason)

    if key == "buprenorphine":
        return skip("buprenorphine has no factor in the CDC tables (partial agonist)")
    if route is None:
        return skip("route not given (conversion factors are route-specific)")
    if key == "fentanyl":
        if route != "transdermal":
            return skip(f"no {table} factor for fentanyl by {route} route")
        if medication.mcg_per_hour is None:
            return skip("transdermal fentanyl needs mcg_per_hour")
        factor = FENTANYL_TRANSDERMAL[table]
        return _item(index, drug, route, medication.mcg_per_hour, "mcg/h", factor)
    if medication.daily_dose_mg is None:
        return skip("daily_dose_mg not given")
    factor_or_reason = _factor(key, route, table, methadone_oral_mg)
    if isinstance(factor_or_reason, str):
        return skip(factor_or_reason)
    return _item(index, drug, route, medication.daily_dose_mg, "mg/day", factor_or_reason)


def _factor(key: str, route: str, table: str, methadone_oral_mg: float) -> Factor | str:
    if route in PARENTERAL_ROUTES:
        if key == "morphine":
            return MORPHINE_PARENTERAL
        return f"no parenteral factor for {key} in the reference tables"
    if route != "oral":
        return f"no {table} factor for {key} by {route} route"
    if key == "methadone" and table == "CDC2016":
        banded = methadone_factor_cdc2016(methadone_oral_mg)
        return banded or "methadone above 80 mg/day: no CDC 2016 band"
    factor = ORAL_TABLES[table].get(key)
    return factor or f"no {table} factor for {key}"


def _item(
    index: int,
    drug: str,
    route: str,
    dose: float,
    unit: Literal["mg/day", "mcg/h"],
    factor: Factor,
) -> MeddItem:
    return MeddItem(
        index=index,
        drug=drug,
        route=route,
        dose=dose,
        dose_unit=unit,
        factor=factor.value,
        mme_mg_per_day=dose * factor.value,
        reliable=factor.reliable,
        note=factor.note,
        source=factor.source,
    )


def _flags(
    items: list[MeddItem], skipped: list[NotConverted], unrecognised: list[str]
) -> tuple[str, ...]:
    flags: list[str] = []
    drugs = [normalize_drug_name(entry.drug) for entry in items]
    drugs += [normalize_drug_name(entry.drug) for entry in skipped]
    if "methadone" in drugs or any(not item.reliable for item in items):
        flags.append(METHADONE_FLAG)
    if skipped:
        flags.append(INCOMPLETE_FLAG)
    if unrecognised:
        flags.append(UNRECOGNISED_FLAG)
    if any(item.route in PARENTERAL_ROUTES for item in items):
        flags.append(PARENTERAL_FLAG)
    return tuple(flags)
