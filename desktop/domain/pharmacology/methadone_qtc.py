"""Methadone and the QTc interval: whether a baseline ECG allows starting methadone."""

from __future__ import annotations

from typing import Literal

from desktop.domain import sources
from desktop.domain.results import Computed

QtcFlag = Literal["none", "caution", "strong"]
CAUTION_FROM_MS = 450.0
STRONG_ABOVE_MS = 500.0
MESSAGES: dict[QtcFlag, str] = {
    "none": "no QTc flag for methadone",
    "caution": (
        "QTc 450-500 ms: consider another opioid; correct reversible causes "
        "(low potassium or magnesium) first"
    ),
    "strong": "QTc above 500 ms: do not start methadone",
}


class MethadoneQtc(Computed):
    """QTc classification for methadone: none, caution or strong alert."""

    qtc_ms: float
    flag: QtcFlag
    message: str
    rule: str = "< 450 ms none; 450-500 ms caution (both inclusive); > 500 ms strong"
    source: str = sources.METHADONE_QTC


def classify_methadone_qtc(qtc_ms: float) -> MethadoneQtc:
    """< 450 ms no flag; 450-500 ms (inclusive) caution; > 500 ms strong: do not start.

    Sources: Chou R, Cruciani RA, Fiellin DA, et al. J Pain 2014;15:321-337 (APS/CPDD/HRS
    methadone safety guideline); Krantz MJ et al. Ann Intern Med 2009;150:387-395;
    clinical_reference §10. 500 ms exactly is "caution" (the guideline's strong rule is
    "> 500 ms").
    """
    if qtc_ms != qtc_ms or qtc_ms <= 0:
        raise ValueError(f"QTc must be a positive number of ms, got {qtc_ms!r}")
    flag: QtcFlag = "none"
    if qtc_ms > STRONG_ABOVE_MS:
        flag = "strong"
    elif qtc_ms >= CAUTION_FROM_MS:
        flag = "caution"
    return MethadoneQtc(qtc_ms=qtc_ms, flag=flag, message=MESSAGES[flag])
