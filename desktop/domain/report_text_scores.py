"""Plain-text lines of the derived scores, each with its scheme (part of the text report)."""

from __future__ import annotations

from desktop.domain.derived import Cyp2c9Result, Cyp2d6Result, DerivedScores
from desktop.domain.pharmacology.analgesic_level import AnalgesicLevel
from desktop.domain.pharmacology.gabapentinoid import RenalDoseBand
from desktop.domain.pharmacology.medd import Medd
from desktop.domain.pharmacology.methadone_qtc import MethadoneQtc
from desktop.domain.pharmacology.recommendation import Recommendation
from desktop.domain.pharmacology.renal import CreatinineClearance
from desktop.domain.results import NotComputable, ResultModel
from desktop.domain.scales.bpi import BpiInterferenceScore, BpiSeverity
from desktop.domain.scales.dn4 import Dn4Score
from desktop.domain.scales.immpact import ImmpactResponse
from desktop.domain.scales.lanss import LanssScore
from desktop.domain.scales.pmi import PainLevel, Pmi


def missing(value: ResultModel) -> str | None:
    """ "not computable: reason" for a NotComputable, else None."""
    if isinstance(value, NotComputable):
        return f"not computable ({value.reason})"
    return None


def score_lines(derived: DerivedScores) -> list[str]:
    """One line per derived value, in the order a clinician reads them."""
    lines = [_nrs(derived)]
    lines.append("BPI severity: " + _bpi_severity(derived.bpi_severity))
    lines.append("BPI interference: " + _interference(derived.bpi_interference))
    lines.append("DN4: " + _dn4(derived.dn4))
    lines.append("DN4-interview: " + _dn4(derived.dn4_interview))
    lines.append("LANSS: " + _lanss(derived.lanss))
    lines.append("MEDD: " + _medd(derived.medd))
    lines.append("Analgesic level / PMI: " + _pmi(derived))
    lines.append("Creatinine clearance: " + _crcl(derived.creatinine_clearance))
    lines.append("Gabapentin renal dose: " + _band(derived.gabapentin_renal_dose))
    lines.append("Pregabalin renal dose: " + _band(derived.pregabalin_renal_dose))
    lines.append("Methadone and QTc: " + _qtc(derived.methadone_qtc))
    lines.append("CYP2D6: " + _cyp2d6(derived.cyp2d6))
    lines.append("CYP2C9: " + _cyp2c9(derived.cyp2c9))
    for follow_up in derived.follow_ups:
        primary = follow_up.primary
        if isinstance(primary, ImmpactResponse):
            change = f"{primary.percent_change:.0f}%" if primary.percent_change is not None else "-"
            text = (
                f"{primary.item} {primary.baseline} -> {primary.follow_up} ({change} reduction): "
                f"{primary.label.replace('_', ' ')} (IMMPACT)"
            )
        else:
            text = missing(primary) or ""
        lines.append(f"Response at follow-up {follow_up.index + 1}: {text}")
    return lines


def _nrs(derived: DerivedScores) -> str:
    bands = derived.nrs_bands
    if not bands:
        return "NRS: not recorded"
    scheme = next(iter(bands.values())).scheme
    parts = [f"{item} {band.value} {band.band}" for item, band in bands.items()]
    return f"NRS (last 24 h): {', '.join(parts)} ({scheme} bands)"


def _bpi_severity(value: BpiSeverity | NotComputable) -> str:
    return (
        missing(value)
        or f"{getattr(value, 'score', 0):.1f}/10 (mean of worst, least, average, now)"
    )


def _interference(value: BpiInterferenceScore | NotComputable) -> str:
    if isinstance(value, BpiInterferenceScore):
        return f"{value.score:.1f}/10 (mean of {value.answered} of 7 items)"
    return missing(value) or ""


def _dn4(value: Dn4Score | NotComputable) -> str:
    if isinstance(value, Dn4Score):
        verdict = "positive" if value.positive else "negative"
        return f"{value.total}/{value.max_total} {verdict} (cut-off {value.cutoff}, {value.scheme})"
    return missing(value) or ""


def _lanss(value: LanssScore | NotComputable) -> str:
    if isinstance(value, LanssScore):
        verdict = "positive" if value.positive else "negative"
        return f"{value.form} {value.total}/24 {verdict} (cut-off {value.cutoff})"
    return missing(value) or ""


def _medd(value: Medd | NotComputable) -> str:
    if isinstance(value, Medd):
        flags = f"; {'; '.join(value.flags)}" if value.flags else ""
        return f"{value.total_mg_per_day:.0f} mg/day morphine equivalent ({value.table}{flags})"
    return missing(value) or ""


def _pmi(derived: DerivedScores) -> str:
    level, pain, pmi = derived.analgesic_level, derived.pain_level, derived.pmi
    if isinstance(level, AnalgesicLevel) and isinstance(pain, PainLevel) and isinstance(pmi, Pmi):
        drugs = f" ({', '.join(level.most_potent)})" if level.most_potent else ""
        return (
            f"analgesic level {level.level} {level.label.replace('_', ' ')}{drugs}; pain level "
            f"{pain.level} {pain.band} ({pain.scheme}); PMI {pmi.pmi:+d}".replace("PMI +0", "PMI 0")
        )
    return missing(pmi) or ""


def _crcl(value: CreatinineClearance | NotComputable) -> str:
    if isinstance(value, CreatinineClearance):
        return f"{value.value_ml_min:.0f} mL/min (Cockcroft-Gault)"
    return missing(value) or ""


def _band(value: RenalDoseBand | NotComputable) -> str:
    if isinstance(value, RenalDoseBand):
        if value.daily_dose_max_mg is None:
            return f"{value.band}: {value.note} ({value.scheme})"
        return (
            f"{value.daily_dose_min_mg:g}-{value.daily_dose_max_mg:g} mg/day for CrCl "
            f"{value.band} ({value.scheme}, {value.crcl_basis})"
        )
    return missing(value) or ""


def _qtc(value: MethadoneQtc | NotComputable) -> str:
    if isinstance(value, MethadoneQtc):
        return f"QTc {value.qtc_ms:g} ms: {value.message}"
    return missing(value) or ""


def _cyp2d6(value: Cyp2d6Result | NotComputable) -> str:
    if isinstance(value, Cyp2d6Result):
        return (
            f"{value.phenotype} metabolizer; codeine: {value.codeine.recommendation} "
            f"tramadol: {value.tramadol.recommendation}"
        )
    return missing(value) or ""


def _cyp2c9(value: Cyp2c9Result | NotComputable) -> str:
    if isinstance(value, Cyp2c9Result):
        advice = [
            f"{r.drug}: {r.recommendation}" for r in value.nsaids if isinstance(r, Recommendation)
        ]
        return f"{value.phenotype} metabolizer" + (f"; {' '.join(advice)}" if advice else "")
    return missing(value) or ""
