"""Gabapentin and pregabalin daily dose ranges by creatinine clearance (renal bands).

Two named schemes (clinical_reference §10 ⚠️): ``US_label`` (default) and ``UK``. Band
boundaries are explicit: each band holds CrCl values from its ``lower`` bound (inclusive
unless ``lower_inclusive`` is False) up to the next band's lower bound (exclusive).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from desktop.domain import sources
from desktop.domain.results import Computed
from desktop.domain.settings import RenalDoseScheme

Gabapentinoid = Literal["gabapentin", "pregabalin"]


@dataclass(frozen=True)
class DoseBand:
    """One CrCl band: lowest and highest recommended total daily dose in mg."""

    label: str
    lower: float
    daily_min_mg: float
    daily_max_mg: float
    regimen: str | None = None
    note: str | None = None
    lower_inclusive: bool = True

    def holds(self, crcl: float) -> bool:
        """Whether ``crcl`` is at or above this band's lower bound."""
        return crcl > self.lower or (crcl == self.lower and self.lower_inclusive)


@dataclass(frozen=True)
class DoseTable:
    """Bands from the highest CrCl down, the haemodialysis advice and the source."""

    bands: tuple[DoseBand, ...]
    haemodialysis: str
    source: str


_GABAPENTIN_LOW = "reduce further in proportion to CrCl (e.g. CrCl 7.5 mL/min: half)"
_GABAPENTIN_HD = (
    "haemodialysis: maintenance dose by CrCl band plus a supplemental dose after each "
    "4-hour session (label: 125-350 mg)"
)
_PREGABALIN_HD = "haemodialysis: supplementary single dose after each session (25-100 mg)"

TABLES: dict[tuple[str, Gabapentinoid], DoseTable] = {
    ("US_label", "gabapentin"): DoseTable(
        (
            DoseBand(">= 60 mL/min", 60, 900, 3600, "three times daily"),
            DoseBand("30-59 mL/min", 30, 400, 1400, "twice daily"),
            DoseBand("15-29 mL/min", 15, 200, 700, "once daily"),
            DoseBand("< 15 mL/min", 0, 100, 300, "once daily", _GABAPENTIN_LOW),
        ),
        _GABAPENTIN_HD,
        sources.GABAPENTIN_US_LABEL,
    ),
    ("US_label", "pregabalin"): DoseTable(
        (
            DoseBand(">= 60 mL/min", 60, 150, 600, "in 2-3 doses"),
            DoseBand("30 to < 60 mL/min", 30, 75, 300, "in 2-3 doses"),
            DoseBand("15 to < 30 mL/min", 15, 25, 150, "in 1-2 doses; start 25-50 mg/day"),
            DoseBand("< 15 mL/min", 0, 25, 75, "once daily"),
        ),
        _PREGABALIN_HD,
        sources.PREGABALIN_US_LABEL,
    ),
    ("UK", "gabapentin"): DoseTable(
        (
            DoseBand(">= 80 mL/min", 80, 900, 3600, None, "usual dose: no renal reduction"),
            DoseBand("50-79 mL/min", 50, 600, 1800),
            DoseBand("30-49 mL/min", 30, 300, 900),
            DoseBand("15-29 mL/min", 15, 150, 600),
            DoseBand("< 15 mL/min", 0, 150, 300),
        ),
        _GABAPENTIN_HD,
        sources.GABAPENTINOID_UK,
    ),
    ("UK", "pregabalin"): DoseTable(
        (
            DoseBand("> 60 mL/min", 60, 150, 600, "in 2-3 doses", lower_inclusive=False),
            DoseBand("30-60 mL/min", 30, 75, 300),
            DoseBand("15 to < 30 mL/min", 15, 25, 150, "in 1-2 doses; start 25-50 mg/day"),
            DoseBand("< 15 mL/min", 0, 25, 75, "once daily"),
        ),
        _PREGABALIN_HD,
        sources.GABAPENTINOID_UK,
    ),
}


class RenalDoseBand(Computed):
    """The renal dose band of a gabapentinoid for a creatinine clearance."""

    drug: Gabapentinoid
    crcl_ml_min: float | None
    crcl_basis: str
    band: str
    daily_dose_min_mg: float | None
    daily_dose_max_mg: float | None
    regimen: str | None = None
    note: str | None = None
    scheme: str
    source: str


def band_renal_dose(
    drug: Gabapentinoid,
    crcl_ml_min: float,
    scheme: RenalDoseScheme = "US_label",
    *,
    crcl_basis: str = "given",
) -> RenalDoseBand:
    """Daily dose range of gabapentin or pregabalin for a CrCl (mL/min).

    Sources: Neurontin (gabapentin) and Lyrica (pregabalin) US prescribing information
    (scheme "US_label", default); Br J Pain 2020 doi:10.1177/2049463720912496 Table 1 and the
    Canterbury DHB palliative care pregabalin sheet (scheme "UK"); clinical_reference §10.
    Boundaries: US gabapentin >= 60 / 30-<60 / 15-<30 / <15; US pregabalin >= 60 / 30-<60 /
    15-<30 / <15; UK gabapentin >= 80 / 50-<80 / 30-<50 / 15-<30 / <15; UK pregabalin
    > 60 / 30-60 (60 inclusive) / 15-<30 / <15.
    """
    if crcl_ml_min != crcl_ml_min or crcl_ml_min < 0:
        raise ValueError(f"creatinine clearance must be a number >= 0, got {crcl_ml_min!r}")
    table = TABLES[(scheme, drug)]
    band = next(band for band in table.bands if band.holds(crcl_ml_min))
    return RenalDoseBand(
        drug=drug,
        crcl_ml_min=crcl_ml_min,
        crcl_basis=crcl_basis,
        band=band.label,
        daily_dose_min_mg=band.daily_min_mg,
        daily_dose_max_mg=band.daily_max_mg,
        regimen=band.regimen,
        note=band.note,
        scheme=scheme,
        source=table.source,
    )


def band_haemodialysis_dose(
    drug: Gabapentinoid, scheme: RenalDoseScheme = "US_label"
) -> RenalDoseBand:
    """Dosing advice for a patient on haemodialysis (same sources as :func:`band_renal_dose`)."""
    table = TABLES[(scheme, drug)]
    return RenalDoseBand(
        drug=drug,
        crcl_ml_min=None,
        crcl_basis="haemodialysis",
        band="haemodialysis",
        daily_dose_min_mg=None,
        daily_dose_max_mg=None,
        note=table.haemodialysis,
        scheme=scheme,
        source=table.source,
    )
