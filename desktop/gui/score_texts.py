"""Short texts for derived scores, in the interface language (for forms and panels).

Each function takes a domain result (or NotComputable) and returns what a busy clinician
reads at a glance: the value, its interpretation and the scheme; the full source citation
is available separately (:func:`source_of`) for tooltips.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.domain.derived import DerivedScores
from desktop.domain.pharmacology.analgesic_level import AnalgesicLevel
from desktop.domain.pharmacology.medd import Medd
from desktop.domain.results import NotComputable
from desktop.domain.scales.bpi import BpiInterferenceScore, BpiSeverity
from desktop.domain.scales.dn4 import Dn4Score
from desktop.domain.scales.lanss import LanssScore
from desktop.domain.scales.pmi import Pmi
from desktop.services.case_forms import FormEvaluation


def _tr(text: str) -> str:
    return QCoreApplication.translate("Scores", text)


def band_text(band: str) -> str:
    return {
        "none": _tr("no pain"),
        "mild": _tr("mild"),
        "moderate": _tr("moderate"),
        "severe": _tr("severe"),
    }.get(band, band)


def not_computable(result: NotComputable) -> str:
    return _tr("not computable: %1").replace("%1", result.reason)


def nrs_note(evaluation: FormEvaluation, item: str) -> str:
    derived = evaluation.derived
    if derived is None or item not in derived.nrs_bands:
        return ""
    band = derived.nrs_bands[item]
    return f"{band_text(band.band)} ({band.scheme})"


def bpi_severity_text(result: BpiSeverity | NotComputable) -> str:
    if isinstance(result, NotComputable):
        return not_computable(result)
    return _tr("%1 / 10 (mean of 4 items)").replace("%1", f"{result.score:.1f}")


def bpi_interference_text(result: BpiInterferenceScore | NotComputable) -> str:
    if isinstance(result, NotComputable):
        return not_computable(result)
    return (
        _tr("%1 / 10 (%2 of 7 items answered)")
        .replace("%1", f"{result.score:.1f}")
        .replace("%2", str(result.answered))
    )


def dn4_text(result: Dn4Score | NotComputable) -> str:
    if isinstance(result, NotComputable):
        return not_computable(result)
    verdict = _tr("positive") if result.positive else _tr("negative")
    return (
        _tr("%1 / %2: %3 (cut-off ≥ %4, %5)")
        .replace("%1", str(result.total))
        .replace("%2", str(result.max_total))
        .replace("%3", verdict)
        .replace("%4", str(result.cutoff))
        .replace("%5", result.scheme)
    )


def lanss_text(result: LanssScore | NotComputable) -> str:
    if isinstance(result, NotComputable):
        return not_computable(result)
    verdict = _tr("positive") if result.positive else _tr("negative")
    return (
        _tr("%1 %2 / %3: %4 (cut-off ≥ %5)")
        .replace("%1", result.form)
        .replace("%2", str(result.total))
        .replace("%3", str(result.max_total))
        .replace("%4", verdict)
        .replace("%5", str(result.cutoff))
    )


def medd_text(result: Medd | NotComputable) -> str:
    if isinstance(result, NotComputable):
        return not_computable(result)
    text = _tr("%1 mg/day oral morphine equivalent (%2)").replace(
        "%1", f"{result.total_mg_per_day:g}"
    ).replace("%2", result.table)
    if not result.complete:
        text += " - " + _tr("incomplete: some opioids could not be converted")
    return text


def analgesic_level_text(result: AnalgesicLevel | NotComputable) -> str:
    if isinstance(result, NotComputable):
        return not_computable(result)
    labels = {
        "none": _tr("no analgesic"),
        "non_opioid": _tr("non-opioid"),
        "weak_opioid": _tr("weak opioid"),
        "strong_opioid": _tr("strong opioid"),
    }
    return f"{result.level} - {labels.get(result.label, result.label)}"


def pmi_text(result: Pmi | NotComputable) -> str:
    if isinstance(result, NotComputable):
        return not_computable(result)
    if result.negative:
        return _tr("%1: possible under-treatment (a prompt, not a verdict)").replace(
            "%1", str(result.pmi)
        )
    return _tr("%1: analgesia matches the pain level").replace("%1", str(result.pmi))


def source_of(result: object) -> str:
    """The citation of a computed result (for tooltips), or ""."""
    return str(getattr(result, "source", "") or "")


def score_rows(derived: DerivedScores) -> list[tuple[str, str, str]]:
    """(name, text, source) rows of the live scores panel, in reading order."""
    return [
        (_tr("BPI severity"), bpi_severity_text(derived.bpi_severity), source_of(derived.bpi_severity)),
        (
            _tr("BPI interference"),
            bpi_interference_text(derived.bpi_interference),
            source_of(derived.bpi_interference),
        ),
        (_tr("DN4"), dn4_text(derived.dn4), source_of(derived.dn4)),
        (_tr("DN4 interview"), dn4_text(derived.dn4_interview), source_of(derived.dn4_interview)),
        (_tr("LANSS"), lanss_text(derived.lanss), source_of(derived.lanss)),
        (_tr("MEDD"), medd_text(derived.medd), source_of(derived.medd)),
        (
            _tr("Analgesic level"),
            analgesic_level_text(derived.analgesic_level),
            source_of(derived.analgesic_level),
        ),
        (_tr("PMI"), pmi_text(derived.pmi), source_of(derived.pmi)),
    ]
