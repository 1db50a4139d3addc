"""Morphine-equivalent conversion factors, as named tables (CDC 2022, CDC 2016).

Factors multiply the daily dose in mg (transdermal fentanyl: the rate in µg/h). They are
rough population estimates for counting total exposure; CDC warns not to use them to
convert a patient from one opioid to another (clinical_reference §6).
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.domain import sources


@dataclass(frozen=True)
class Factor:
    """One conversion factor with its source; ``reliable`` is False for methadone."""

    value: float
    source: str
    reliable: bool = True
    note: str | None = None


@dataclass(frozen=True)
class MethadoneBand:
    """CDC 2016: the factor depends on the total methadone daily dose (upper mg inclusive)."""

    max_daily_mg: float
    factor: float


METHADONE_NOTE = (
    "methadone: conversion unreliable (long, variable half-life; ratio depends on dose); "
    "never convert to or from methadone with this number"
)
PARENTERAL_NOTE = "parenteral morphine: oral equivalent approximate (sources give 2-3x)"

CDC2022_ORAL: dict[str, Factor] = {
    "morphine": Factor(1, sources.MEDD_CDC_2022),
    "codeine": Factor(0.15, sources.MEDD_CDC_2022),
    "tramadol": Factor(0.2, sources.MEDD_CDC_2022),
    "tapentadol": Factor(0.4, sources.MEDD_CDC_2022),
    "hydrocodone": Factor(1, sources.MEDD_CDC_2022),
    "oxycodone": Factor(1.5, sources.MEDD_CDC_2022),
    "oxymorphone": Factor(3, sources.MEDD_CDC_2022),
    "hydromorphone": Factor(5, sources.MEDD_CDC_2022),
    "methadone": Factor(4.7, sources.MEDD_CDC_2022, reliable=False, note=METHADONE_NOTE),
}
CDC2016_ORAL: dict[str, Factor] = {
    "morphine": Factor(1, sources.MEDD_CDC_2016),
    "codeine": Factor(0.15, sources.MEDD_CDC_2016),
    "dihydrocodeine": Factor(0.25, sources.MEDD_VON_KORFF_2008),
    "tramadol": Factor(0.1, sources.MEDD_OLDER_TABLES),
    "tapentadol": Factor(0.4, sources.MEDD_OLDER_TABLES),
    "hydrocodone": Factor(1, sources.MEDD_CDC_2016),
    "oxycodone": Factor(1.5, sources.MEDD_CDC_2016),
    "oxymorphone": Factor(3, sources.MEDD_CDC_2016),
    "hydromorphone": Factor(4, sources.MEDD_OLDER_TABLES),
    "meperidine": Factor(0.1, sources.MEDD_OLDER_TABLES),
}
#: CDC 2016 methadone bands: 1-20 mg/d x4, 21-40 x8, 41-60 x10, 61-80 x12 (🟡); above
#: 80 mg/d the table gives no factor, so the dose is not converted.
CDC2016_METHADONE_BANDS: tuple[MethadoneBand, ...] = (
    MethadoneBand(20, 4),
    MethadoneBand(40, 8),
    MethadoneBand(60, 10),
    MethadoneBand(80, 12),
)
#: Transdermal fentanyl: MME per day = µg/h x 2.4 in both CDC tables.
FENTANYL_TRANSDERMAL = {
    "CDC2022": Factor(2.4, sources.MEDD_CDC_2022),
    "CDC2016": Factor(2.4, sources.MEDD_CDC_2016),
}
#: Parenteral (SC/IV/IM) morphine: 3x oral in both tables (equianalgesic tables 🟡).
MORPHINE_PARENTERAL = Factor(3, sources.MORPHINE_PARENTERAL, note=PARENTERAL_NOTE)

ORAL_TABLES: dict[str, dict[str, Factor]] = {"CDC2022": CDC2022_ORAL, "CDC2016": CDC2016_ORAL}
TABLE_SOURCES: dict[str, str] = {
    "CDC2022": sources.MEDD_CDC_2022,
    "CDC2016": sources.MEDD_CDC_2016,
}


def methadone_factor_cdc2016(total_daily_mg: float) -> Factor | None:
    """The CDC 2016 methadone factor for a total daily dose, or None above 80 mg/day."""
    for band in CDC2016_METHADONE_BANDS:
        if total_daily_mg <= band.max_daily_mg:
            return Factor(band.factor, sources.MEDD_CDC_2016, reliable=False, note=METHADONE_NOTE)
    return None
