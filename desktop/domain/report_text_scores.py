"""Lines of the derived scores, each with its scheme (part of the text report).

Each line is a registered template with its arguments (desktop/domain/texts.py):
:func:`score_texts` for the GUI (translated there), :func:`score_lines` in English.
"""

from __future__ import annotations

from desktop.domain.derived import Cyp2c9Result, Cyp2d6Result, DerivedScores
from desktop.domain.not_computable_texts import reason_text
from desktop.domain.pharmacology.analgesic_level import AnalgesicLevel
from desktop.domain.pharmacology.gabapentinoid import RenalDoseBand
from desktop.domain.pharmacology.medd import (
    INCOMPLETE_FLAG,
    METHADONE_FLAG,
    PARENTERAL_FLAG,
    UNRECOGNISED_FLAG,
    Medd,
)
from desktop.domain.pharmacology.methadone_qtc import MethadoneQtc
from desktop.domain.pharmacology.recommendation import Recommendation
from desktop.domain.pharmacology.renal import CreatinineClearance
from desktop.domain.results import NotComputable, ResultModel
from desktop.domain.scales.bpi import BpiInterferenceScore, BpiSeverity
from desktop.domain.scales.dn4 import Dn4Score
from desktop.domain.scales.immpact import ImmpactResponse
from desktop.domain.scales.lanss import LanssScore
from desktop.domain.scales.pmi import PainLevel, Pmi
from desktop.domain.texts import (
    Listed,
    Term,
    Text,
    TextArg,
    as_phrase,
    register_phrases,
    template,
)

NOT_COMPUTABLE = template("not computable ({reason})")
NRS_NOT_RECORDED = template("NRS: not recorded")
NRS = template("NRS (last 24 h): {items} ({scheme} bands)")
NRS_ITEM = template("{item} {value} {band}")
BPI_SEVERITY_LINE = template("BPI severity: {value}")
BPI_SEVERITY = template("{score:.1f}/10 (mean of worst, least, average, now)")
BPI_INTERFERENCE_LINE = template("BPI interference: {value}")
BPI_INTERFERENCE = template("{score:.1f}/10 (mean of {answered} of 7 items)")
DN4_LINE = template("DN4: {value}")
DN4_INTERVIEW_LINE = template("DN4-interview: {value}")
DN4 = template("{total}/{max_total} {verdict} (cut-off {cutoff}, {scheme})")
LANSS_LINE = template("LANSS: {value}")
LANSS = template("{form} {total}/24 {verdict} (cut-off {cutoff})")
MEDD_LINE = template("MEDD: {value}")
MEDD = template("{total:.0f} mg/day morphine equivalent ({table})")
MEDD_FLAGGED = template("{total:.0f} mg/day morphine equivalent ({table}; {flags})")
PMI_LINE = template("Analgesic level / PMI: {value}")
PMI = template("analgesic level {level} {label}; pain level {pain} {band} ({scheme}); PMI {pmi}")
PMI_WITH_DRUGS = template(
    "analgesic level {level} {label} ({drugs}); pain level {pain} {band} ({scheme}); PMI {pmi}"
)
CRCL_LINE = template("Creatinine clearance: {value}")
CRCL = template("{value:.0f} mL/min (Cockcroft-Gault)")
GABAPENTIN_LINE = template("Gabapentin renal dose: {value}")
PREGABALIN_LINE = template("Pregabalin renal dose: {value}")
BAND_NOTE = template("{band}: {note} ({scheme})")
BAND_RANGE = template("{low:g}-{high:g} mg/day for CrCl {band} ({scheme}, {basis})")
QTC_LINE = template("Methadone and QTc: {value}")
QTC = template("QTc {qtc:g} ms: {message}")
CYP2D6_LINE = template("CYP2D6: {value}")
CYP2D6 = template("{phenotype} metabolizer; codeine: {codeine} tramadol: {tramadol}")
CYP2C9_LINE = template("CYP2C9: {value}")
CYP2C9 = template("{phenotype} metabolizer")
CYP2C9_ADVICE = template("{phenotype} metabolizer; {advice}")
NSAID_ADVICE = template("{drug}: {recommendation}")
RESPONSE_LINE = template("Response at follow-up {number}: {value}")
IMMPACT = template("{item} {baseline} -> {follow_up} ({change:.0f}% reduction): {label} (IMMPACT)")
IMMPACT_NO_CHANGE = template("{item} {baseline} -> {follow_up} (- reduction): {label} (IMMPACT)")
register_phrases(("Cockcroft-Gault", "recorded comorbidities.creatinine_clearance"))
register_phrases((METHADONE_FLAG, INCOMPLETE_FLAG, UNRECOGNISED_FLAG, PARENTERAL_FLAG))


def missing(value: ResultModel) -> str | None:
    """ "not computable (reason)" for a NotComputable, else None."""
    text = _missing(value)
    return None if text is None else text.english


def _missing(value: ResultModel) -> Text | None:
    if isinstance(value, NotComputable):
        return NOT_COMPUTABLE.fill(reason=reason_text(value.reason))
    return None


def score_lines(derived: DerivedScores) -> list[str]:
    """One line per derived value, in the order a clinician reads them."""
    return [text.english for text in score_texts(derived)]


def score_texts(derived: DerivedScores) -> list[Text]:
    """:func:`score_lines` as texts (template and arguments) for the GUI."""
    texts = [
        _nrs(derived),
        BPI_SEVERITY_LINE.fill(value=_bpi_severity(derived.bpi_severity)),
        BPI_INTERFERENCE_LINE.fill(value=_interference(derived.bpi_interference)),
        DN4_LINE.fill(value=_dn4(derived.dn4)),
        DN4_INTERVIEW_LINE.fill(value=_dn4(derived.dn4_interview)),
        LANSS_LINE.fill(value=_lanss(derived.lanss)),
        MEDD_LINE.fill(value=_medd(derived.medd)),
        PMI_LINE.fill(value=_pmi(derived)),
        CRCL_LINE.fill(value=_crcl(derived.creatinine_clearance)),
        GABAPENTIN_LINE.fill(value=_band(derived.gabapentin_renal_dose)),
        PREGABALIN_LINE.fill(value=_band(derived.pregabalin_renal_dose)),
        QTC_LINE.fill(value=_qtc(derived.methadone_qtc)),
        CYP2D6_LINE.fill(value=_cyp2d6(derived.cyp2d6)),
        CYP2C9_LINE.fill(value=_cyp2c9(derived.cyp2c9)),
    ]
    for follow_up in derived.follow_ups:
        texts.append(
            RESPONSE_LINE.fill(number=follow_up.index + 1, value=_response(follow_up.primary))
        )
    return texts


def _or_missing(value: ResultModel) -> TextArg:
    return _missing(value) or ""


def _response(primary: ImmpactResponse | NotComputable) -> TextArg:
    if not isinstance(primary, ImmpactResponse):
        return _or_missing(primary)
    common: dict[str, TextArg] = {
        "item": Term(term=primary.item),
        "baseline": primary.baseline,
        "follow_up": primary.follow_up,
        "label": Term(term=f"immpact_{primary.label}", english=primary.label.replace("_", " ")),
    }
    if primary.percent_change is None:
        return IMMPACT_NO_CHANGE.fill(**common)
    return IMMPACT.fill(change=primary.percent_change, **common)


def band_term(band: str) -> Term:
    """An NRS or pain-level band ("moderate") as a term (``band_moderate``)."""
    return Term(term=f"band_{band}", english=band)


def _nrs(derived: DerivedScores) -> Text:
    bands = derived.nrs_bands
    if not bands:
        return NRS_NOT_RECORDED.fill()
    scheme = next(iter(bands.values())).scheme
    items = tuple(
        NRS_ITEM.fill(item=Term(term=item), value=band.value, band=band_term(band.band))
        for item, band in bands.items()
    )
    return NRS.fill(items=Listed(items=items), scheme=scheme)


def _bpi_severity(value: BpiSeverity | NotComputable) -> TextArg:
    if isinstance(value, BpiSeverity):
        return BPI_SEVERITY.fill(score=value.score)
    return _or_missing(value)


def _interference(value: BpiInterferenceScore | NotComputable) -> TextArg:
    if isinstance(value, BpiInterferenceScore):
        return BPI_INTERFERENCE.fill(score=value.score, answered=value.answered)
    return _or_missing(value)


def verdict_term(positive: bool) -> Term:
    return Term(term="positive" if positive else "negative")


def _dn4(value: Dn4Score | NotComputable) -> TextArg:
    if isinstance(value, Dn4Score):
        return DN4.fill(
            total=value.total,
            max_total=value.max_total,
            verdict=verdict_term(value.positive),
            cutoff=value.cutoff,
            scheme=value.scheme,
        )
    return _or_missing(value)


def _lanss(value: LanssScore | NotComputable) -> TextArg:
    if isinstance(value, LanssScore):
        return LANSS.fill(
            form=value.form,
            total=value.total,
            verdict=verdict_term(value.positive),
            cutoff=value.cutoff,
        )
    return _or_missing(value)


def _medd(value: Medd | NotComputable) -> TextArg:
    if not isinstance(value, Medd):
        return _or_missing(value)
    if not value.flags:
        return MEDD.fill(total=value.total_mg_per_day, table=value.table)
    flags = Listed(items=tuple(as_phrase(flag) for flag in value.flags), separator="; ")
    return MEDD_FLAGGED.fill(total=value.total_mg_per_day, table=value.table, flags=flags)


def _pmi(derived: DerivedScores) -> TextArg:
    level, pain, pmi = derived.analgesic_level, derived.pain_level, derived.pmi
    if isinstance(level, AnalgesicLevel) and isinstance(pain, PainLevel) and isinstance(pmi, Pmi):
        common: dict[str, TextArg] = {
            "level": level.level,
            "label": Term(term=f"level_{level.label}", english=level.label.replace("_", " ")),
            "pain": pain.level,
            "band": band_term(pain.band),
            "scheme": pain.scheme,
            "pmi": "0" if pmi.pmi == 0 else f"{pmi.pmi:+d}",
        }
        if level.most_potent:
            return PMI_WITH_DRUGS.fill(drugs=Listed(items=tuple(level.most_potent)), **common)
        return PMI.fill(**common)
    return _or_missing(pmi)


def _crcl(value: CreatinineClearance | NotComputable) -> TextArg:
    if isinstance(value, CreatinineClearance):
        return CRCL.fill(value=value.value_ml_min)
    return _or_missing(value)


def _band(value: RenalDoseBand | NotComputable) -> TextArg:
    if not isinstance(value, RenalDoseBand):
        return _or_missing(value)
    if value.daily_dose_max_mg is None:
        return BAND_NOTE.fill(
            band=as_phrase(value.band), note=as_phrase(str(value.note)), scheme=value.scheme
        )
    return BAND_RANGE.fill(
        low=value.daily_dose_min_mg or 0,
        high=value.daily_dose_max_mg,
        band=as_phrase(value.band),
        scheme=value.scheme,
        basis=as_phrase(value.crcl_basis),
    )


def _qtc(value: MethadoneQtc | NotComputable) -> TextArg:
    if isinstance(value, MethadoneQtc):
        return QTC.fill(qtc=value.qtc_ms, message=as_phrase(value.message))
    return _or_missing(value)


def _cyp2d6(value: Cyp2d6Result | NotComputable) -> TextArg:
    if isinstance(value, Cyp2d6Result):
        return CYP2D6.fill(
            phenotype=Term(term=value.phenotype),
            codeine=as_phrase(value.codeine.recommendation),
            tramadol=as_phrase(value.tramadol.recommendation),
        )
    return _or_missing(value)


def _cyp2c9(value: Cyp2c9Result | NotComputable) -> TextArg:
    if not isinstance(value, Cyp2c9Result):
        return _or_missing(value)
    advice = tuple(
        NSAID_ADVICE.fill(drug=r.drug, recommendation=as_phrase(r.recommendation))
        for r in value.nsaids
        if isinstance(r, Recommendation)
    )
    phenotype = Term(term=value.phenotype)
    if not advice:
        return CYP2C9.fill(phenotype=phenotype)
    return CYP2C9_ADVICE.fill(phenotype=phenotype, advice=Listed(items=advice, separator=" "))
