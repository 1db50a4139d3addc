"""Short texts for derived scores, in the interface language (for forms and panels).

Each function takes a domain result (or NotComputable) and returns what a busy clinician
reads at a glance: the value, its interpretation and the scheme; the full source citation
is available separately (:func:`source_of`) for tooltips.
"""

from __future__ import annotations

from desktop.domain.derived import DerivedScores
from desktop.domain.pharmacology.analgesic_level import AnalgesicLevel
from desktop.domain.pharmacology.medd import Medd
from desktop.domain.results import NotComputable
from desktop.domain.scales.bpi import BpiInterferenceScore, BpiSeverity
from desktop.domain.scales.dn4 import Dn4Score
from desktop.domain.scales.lanss import LanssScore
from desktop.domain.scales.pmi import Pmi
from desktop.gui.i18n import translate
from desktop.services.case_forms import FormEvaluation


def band_text(band: str) -> str:
    return {
        "none": translate("Scores", "no pain"),
        "mild": translate("Scores", "mild"),
        "moderate": translate("Scores", "moderate"),
        "severe": translate("Scores", "severe"),
    }.get(band, band)


def not_computable(result: NotComputable) -> str:
    return translate("Scores", "not computable: %1").replace("%1", result.reason)


def nrs_note(evaluation: FormEvaluation, item: str) -> str:
    derived = evaluation.derived
    if derived is None or item not in derived.nrs_bands:
        return ""
    band = derived.nrs_bands[item]
    return f"{band_text(band.band)} ({band.scheme})"


def bpi_severity_text(result: BpiSeverity | NotComputable) -> str:
    if isinstance(result, NotComputable):
        return not_computable(result)
    return translate("Scores", "%1 / 10 (mean of 4 items)").replace("%1", f"{result.score:.1f}")


def bpi_interference_text(result: BpiInterferenceScore | NotComputable) -> str:
    if isinstance(result, NotComputable):
        return not_computable(result)
    return (
        translate("Scores", "%1 / 10 (%2 of 7 items answered)")
        .replace("%1", f"{result.score:.1f}")
        .replace("%2", str(result.answered))
    )


def dn4_text(result: Dn4Score | NotComputable) -> str:
    if isinstance(result, NotComputable):
        return not_computable(result)
    verdict = (
        translate("Scores", "positive") if result.positive else translate("Scores", "negative")
    )
    return (
        translate("Scores", "%1 / %2: %3 (cut-off ≥ %4, %5)")
        .replace("%1", str(result.total))
        .replace("%2", str(result.max_total))
        .replace("%3", verdict)
        .replace("%4", str(result.cutoff))
        .replace("%5", result.scheme)
    )


def lanss_text(result: LanssScore | NotComputable) -> str:
    if isinstance(result, NotComputable):
        return not_computable(result)
    verdict = (
        translate("Scores", "positive") if result.positive else translate("Scores", "negative")
    )
    return (
        translate("Scores", "%1 %2 / %3: %4 (cut-off ≥ %5)")
        .replace("%1", result.form)
        .replace("%2", str(result.total))
        .replace("%3", str(result.max_total))
        .replace("%4", verdict)
        .replace("%5", str(result.cutoff))
    )


def medd_text(result: Medd | NotComputable) -> str:
    if isinstance(result, NotComputable):
        return not_computable(result)
    text = (
        translate("Scores", "%1 mg/day oral morphine equivalent (%2)")
        .replace("%1", f"{result.total_mg_per_day:g}")
        .replace("%2", result.table)
    )
    if not result.complete:
        text += " - " + translate("Scores", "incomplete: some opioids could not be converted")
    return text


def analgesic_level_text(result: AnalgesicLevel | NotComputable) -> str:
    if isinstance(result, NotComputable):
        return not_computable(result)
    labels = {
        "none": translate("Scores", "no analgesic"),
        "non_opioid": translate("Scores", "non-opioid"),
        "weak_opioid": translate("Scores", "weak opioid"),
        "strong_opioid": translate("Scores", "strong opioid"),
    }
    return f"{result.level} - {labels.get(result.label, result.label)}"


def pmi_text(result: Pmi | NotComputable) -> str:
    if isinstance(result, NotComputable):
        return not_computable(result)
    if result.negative:
        return translate(
            "Scores", "%1: possible under-treatment (a prompt, not a verdict)"
        ).replace("%1", str(result.pmi))
    return translate("Scores", "%1: analgesia matches the pain level").replace(
        "%1", str(result.pmi)
    )


def source_of(result: object) -> str:
    """The citation of a computed result (for tooltips), or ""."""
    return str(getattr(result, "source", "") or "")


def score_rows(derived: DerivedScores) -> list[tuple[str, str, str]]:
    """(name, text, source) rows of the live scores panel, in reading order."""
    return [
        (
            translate("Scores", "BPI severity"),
            bpi_severity_text(derived.bpi_severity),
            source_of(derived.bpi_severity),
        ),
        (
            translate("Scores", "BPI interference"),
            bpi_interference_text(derived.bpi_interference),
            source_of(derived.bpi_interference),
        ),
        (translate("Scores", "DN4"), dn4_text(derived.dn4), source_of(derived.dn4)),
        (
            translate("Scores", "DN4 interview"),
            dn4_text(derived.dn4_interview),
            source_of(derived.dn4_interview),
        ),
        (translate("Scores", "LANSS"), lanss_text(derived.lanss), source_of(derived.lanss)),
        (translate("Scores", "MEDD"), medd_text(derived.medd), source_of(derived.medd)),
        (
            translate("Scores", "Analgesic level"),
            analgesic_level_text(derived.analgesic_level),
            source_of(derived.analgesic_level),
        ),
        (translate("Scores", "PMI"), pmi_text(derived.pmi), source_of(derived.pmi)),
    ]
