"""Numeric rating scale 0-10 and its severity bands (none / mild / moderate / severe).

Published cut-offs differ, so the band scheme is named and reported with every band
(clinical_reference §1, §5).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from desktop.domain import sources
from desktop.domain.results import Computed
from desktop.domain.settings import NrsBandScheme

NrsBandName = Literal["none", "mild", "moderate", "severe"]
BAND_NAMES: tuple[NrsBandName, ...] = ("none", "mild", "moderate", "severe")


@dataclass(frozen=True)
class BandScheme:
    """Upper bounds (inclusive) of the mild and moderate bands; 0 is none, above is severe."""

    name: str
    mild_max: int
    moderate_max: int
    source: str

    def level(self, value: int) -> int:
        """Band index 0 (none) .. 3 (severe) of a valid NRS value."""
        require_nrs(value)
        if value == 0:
            return 0
        if value <= self.mild_max:
            return 1
        if value <= self.moderate_max:
            return 2
        return 3


#: NCCN Adult Cancer Pain: mild 1-3, moderate 4-6, severe 7-10.
NCCN = BandScheme("NCCN", 3, 6, sources.NRS_NCCN)
#: Serlin 1995 (Pain 61:277-284): mild 1-4, moderate 5-6, severe 7-10.
SERLIN_1995 = BandScheme("Serlin1995", 4, 6, sources.NRS_SERLIN_1995)
#: Cleeland 1994 PMI (N Engl J Med 330:592-596): mild 1-3, moderate 4-7, severe 8-10.
CLEELAND_1994 = BandScheme("Cleeland1994", 3, 7, sources.PMI_CLEELAND_1994)

NRS_BAND_SCHEMES: dict[str, BandScheme] = {"NCCN": NCCN, "Serlin1995": SERLIN_1995}


class NrsBand(Computed):
    """The band of one NRS item under a named scheme."""

    item: str
    value: int
    band: NrsBandName
    scheme: str
    source: str


def require_nrs(value: object) -> int:
    """``value`` as an NRS rating, or ValueError: a single item is a whole number 0-10.

    Source: numeric rating scale 0-10 (11 whole-number points), e.g. Fallon M et al.
    Ann Oncol 2018;29(Suppl 4):iv166-iv191 (ESMO); clinical_reference §1. Averages such as
    the BPI severity may be decimals, single items may not.
    """
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 10:
        raise ValueError(f"an NRS item must be an integer 0-10, got {value!r}")
    return value


def band_nrs(value: int, scheme: NrsBandScheme = "NCCN", *, item: str = "nrs") -> NrsBand:
    """Band a single NRS rating under ``scheme`` ("NCCN" default, or "Serlin1995").

    NCCN Adult Cancer Pain guideline: 1-3 mild, 4-6 moderate, 7-10 severe. Serlin RC et al.
    Pain 1995;61:277-284: 1-4 mild, 5-6 moderate, 7-10 severe. 0 is none in both.
    clinical_reference §1.
    """
    bands = NRS_BAND_SCHEMES[scheme]
    level = bands.level(value)
    return NrsBand(
        item=item, value=value, band=BAND_NAMES[level], scheme=bands.name, source=bands.source
    )
