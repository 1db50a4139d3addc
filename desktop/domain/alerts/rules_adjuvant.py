"""Adjuvant alerts: gabapentinoid renal dose, tricyclics in older or cardiac patients,
corticosteroids in diabetes, duloxetine in renal or hepatic impairment (§10)."""

from __future__ import annotations

from desktop.domain import sources_guidelines as guidelines
from desktop.domain.alerts.alert import Alert, InputValue, make_inputs, worded
from desktop.domain.alerts.facts import Facts, Prescribed
from desktop.domain.pharmacology.drug_groups import GABAPENTINOIDS
from desktop.domain.pharmacology.gabapentinoid import TABLES, RenalDoseBand
from desktop.domain.texts import (
    Listed,
    Phrase,
    Text,
    TextArg,
    as_phrase,
    phrase,
    register_phrases,
    template,
)

DULOXETINE_MIN_CRCL = 30
TCA_CARDIAC_QTC_MS = 450

BAND_NOTE = template("{drug}: {note}")
BAND_RANGE = template("{drug} {min_mg:g}-{max_mg:g} mg/day (CrCl {band})")
BAND_RANGE_REGIMEN = template("{drug} {min_mg:g}-{max_mg:g} mg/day, {regimen} (CrCl {band})")
DOSE_HIGH = template("{drug} {dose:g} mg/day is above the renal maximum: {band}.")
DOSE_HIGH_RULE = template(
    "Gabapentinoid daily dose within the creatinine clearance band ({scheme})"
)
RENAL_BAND = template("Reduced kidney function: {bands}.")
RENAL_BAND_RULE = template("Gabapentinoid dose by creatinine clearance ({scheme})")
TCA_OLDER = template(
    "Tricyclic antidepressant at age {age}: avoid amitriptyline (anticholinergic effects, "
    "sedation, orthostatic hypotension and falls)."
)
TCA_OLDER_RULE = template(
    "Age >= {limit} (setting tca_avoid_age): avoid amitriptyline (Beers criteria)"
)
HEART_FAILURE = phrase("heart failure")
QTC_MS = template("QTc {qtc_ms:g} ms")
TCA_CARDIAC = template(
    "Tricyclic antidepressant with {findings}: arrhythmia risk; avoid, or ask cardiology first."
)
TCA_CARDIAC_RULE = template("Heart failure or QTc >= {qtc_ms} ms: avoid tricyclics")
STEROID_DIABETES = template(
    "Corticosteroid with diabetes: expect hyperglycaemia; monitor glucose and adjust diabetes "
    "treatment."
)
STEROID_DIABETES_RULE = template("Corticosteroid in a patient with diabetes: monitor glucose")
HEPATIC_IMPAIRMENT = phrase("hepatic impairment")
KIDNEY_VALUE = template("{measure} {value:g}")
DULOXETINE = template("Duloxetine: avoid with {findings}.")
DULOXETINE_RULE = template("CrCl < {min_crcl} mL/min or hepatic impairment: avoid duloxetine")
register_phrases(
    text
    for table in TABLES.values()
    for text in (
        table.haemodialysis,
        *(b.label for b in table.bands),
        *(b.regimen for b in table.bands),
        *(b.note for b in table.bands),
    )
)


def _reduced(band: RenalDoseBand) -> bool:
    """Whether the band is below the usual (top-band) maximum, or is haemodialysis."""
    if band.daily_dose_max_mg is None:
        return True
    top = TABLES[(band.scheme, band.drug)].bands[0]
    return band.daily_dose_max_mg < top.daily_max_mg


def _band_text(band: RenalDoseBand) -> Text:
    if band.daily_dose_max_mg is None:
        return BAND_NOTE.fill(drug=band.drug, note=as_phrase(str(band.note)))
    common: dict[str, TextArg] = {
        "drug": band.drug,
        "min_mg": band.daily_dose_min_mg or 0,
        "max_mg": band.daily_dose_max_mg,
        "band": as_phrase(band.band),
    }
    if band.regimen:
        return BAND_RANGE_REGIMEN.fill(regimen=as_phrase(band.regimen), **common)
    return BAND_RANGE.fill(**common)


def _crcl_input(band: RenalDoseBand) -> tuple[str, InputValue]:
    if band.crcl_basis == "haemodialysis":
        return "comorbidities.haemodialysis", True
    if band.crcl_basis == "Cockcroft-Gault":
        value = None if band.crcl_ml_min is None else round(band.crcl_ml_min, 1)
        return "derived.creatinine_clearance", value
    return "comorbidities.creatinine_clearance", band.crcl_ml_min


def gabapentinoid_renal(facts: Facts) -> list[Alert]:
    """Gabapentinoid dose by creatinine clearance band (gabapentin and pregabalin US
    prescribing information, or the UK bands of Br J Pain 2020; §10).

    Prescribed dose above the band maximum: warning. Otherwise, when the band is reduced
    and a gabapentinoid is prescribed or ranked: the band(s), as info.
    """
    derived = facts.derived
    candidates = (derived.gabapentin_renal_dose, derived.pregabalin_renal_dose)
    band_of: dict[str, RenalDoseBand] = {
        b.drug: b for b in candidates if isinstance(b, RenalDoseBand) and _reduced(b)
    }
    prescribed = facts.prescribed(GABAPENTINOIDS)
    if not band_of or not (prescribed or facts.in_panel("gabapentinoid")):
        return []
    high = [m for m in prescribed if m.key in band_of and _above_band(m, band_of[m.key])]
    if high:
        return [
            Alert(
                code="GABAPENTINOID_RENAL_DOSE_HIGH",
                severity="warning",
                kind="guideline",
                **worded(
                    DOSE_HIGH.fill(
                        drug=med.name,
                        dose=med.daily_dose_mg or 0,
                        band=_band_text(band_of[med.key]),
                    ),
                    DOSE_HIGH_RULE.fill(scheme=band_of[med.key].scheme),
                ),
                source=band_of[med.key].source,
                inputs=make_inputs(_crcl_input(band_of[med.key]), (med.path, med.name)),
                affects=("gabapentinoid",),
            )
            for med in high
        ]
    keys = [m.key for m in prescribed if m.key in band_of] or list(band_of)
    shown = [band_of[key] for key in dict.fromkeys(keys)]
    return [
        Alert(
            code="GABAPENTINOID_RENAL_BAND",
            severity="info",
            kind="guideline",
            **worded(
                RENAL_BAND.fill(
                    bands=Listed(items=tuple(_band_text(b) for b in shown), separator="; ")
                ),
                RENAL_BAND_RULE.fill(scheme=shown[0].scheme),
            ),
            source="; ".join(dict.fromkeys(b.source for b in shown)),
            inputs=make_inputs(_crcl_input(shown[0]), *((m.path, m.name) for m in prescribed)),
            affects=("gabapentinoid",),
        )
    ]


def _above_band(med: Prescribed, band: RenalDoseBand) -> bool:
    maximum = band.daily_dose_max_mg
    return med.daily_dose_mg is not None and maximum is not None and med.daily_dose_mg > maximum


def tricyclic_older_adult(facts: Facts) -> list[Alert]:
    """Amitriptyline at age >= ``tca_avoid_age`` (65): avoid (AGS Beers 2023; §10)."""
    age, limit = facts.age_years(), facts.settings.tca_avoid_age
    if age is None or age < limit or not facts.relevant("tricyclic"):
        return []
    return [
        Alert(
            code="TCA_OLDER_ADULT",
            severity="warning",
            kind="guideline",
            **worded(TCA_OLDER.fill(age=age), TCA_OLDER_RULE.fill(limit=limit)),
            source=guidelines.BEERS_2023,
            inputs=make_inputs(("derived.age", age)),
            affects=("tricyclic",),
            action="demote",
        )
    ]


def tricyclic_cardiac(facts: Facts) -> list[Alert]:
    """Tricyclics with heart failure or QTc >= 450 ms: avoid (product information; §10)."""
    qtc = facts.case.comorbidities.qtc_ms if facts.case.comorbidities else None
    long_qt = qtc is not None and qtc >= TCA_CARDIAC_QTC_MS
    if not (facts.flag("heart_failure") or long_qt) or not facts.relevant("tricyclic"):
        return []
    found: list[tuple[str, InputValue]] = []
    shown: list[TextArg] = []
    if facts.flag("heart_failure"):
        found.append(("comorbidities.heart_failure", True))
        shown.append(HEART_FAILURE)
    if qtc is not None and long_qt:
        found.append(("comorbidities.qtc_ms", qtc))
        shown.append(QTC_MS.fill(qtc_ms=qtc))
    return [
        Alert(
            code="TCA_CARDIAC",
            severity="warning",
            kind="guideline",
            **worded(
                TCA_CARDIAC.fill(findings=Listed(items=tuple(shown), separator=" and ")),
                TCA_CARDIAC_RULE.fill(qtc_ms=TCA_CARDIAC_QTC_MS),
            ),
            source=guidelines.TCA_CARDIAC_LABEL,
            inputs=make_inputs(*found),
            affects=("tricyclic",),
            action="demote",
        )
    ]


def corticosteroid_diabetes(facts: Facts) -> list[Alert]:
    """Corticosteroid with diabetes: hyperglycaemia, monitor glucose (dexamethasone
    prescribing information; §10 🟡)."""
    if not facts.flag("diabetes") or not facts.relevant("corticosteroid"):
        return []
    return [
        Alert(
            code="CORTICOSTEROID_DIABETES",
            severity="caution",
            kind="guideline",
            **worded(STEROID_DIABETES.fill(), STEROID_DIABETES_RULE.fill()),
            source=guidelines.CORTICOSTEROID_LABEL,
            inputs=make_inputs(("comorbidities.diabetes", True)),
            affects=("corticosteroid",),
        )
    ]


def duloxetine_renal_hepatic(facts: Facts) -> list[Alert]:
    """Duloxetine: avoid with CrCl < 30 mL/min or hepatic impairment (duloxetine
    prescribing information 🟡; §10)."""
    kidney = facts.kidney()
    low_kidney = kidney is not None and kidney.value < DULOXETINE_MIN_CRCL
    hepatic = facts.flag("hepatic_impairment")
    if not (low_kidney or hepatic) or not facts.relevant("snri_duloxetine"):
        return []
    found: list[tuple[str, InputValue]] = []
    if kidney is not None and low_kidney:
        found.append((kidney.path, kidney.value))
    if hepatic:
        found.append(("comorbidities.hepatic_impairment", True))
    reasons: list[TextArg] = []
    if hepatic:
        reasons.append(HEPATIC_IMPAIRMENT)
    if kidney is not None and low_kidney:
        reasons.append(KIDNEY_VALUE.fill(measure=Phrase(phrase=kidney.label), value=kidney.value))
    return [
        Alert(
            code="DULOXETINE_RENAL_HEPATIC",
            severity="contraindication",
            kind="guideline",
            **worded(
                DULOXETINE.fill(findings=Listed(items=tuple(reasons), separator=" and ")),
                DULOXETINE_RULE.fill(min_crcl=DULOXETINE_MIN_CRCL),
            ),
            source=guidelines.DULOXETINE_LABEL,
            inputs=make_inputs(*found),
            affects=("snri_duloxetine",),
            action="exclude",
        )
    ]


RULES = (
    gabapentinoid_renal,
    tricyclic_older_adult,
    tricyclic_cardiac,
    corticosteroid_diabetes,
    duloxetine_renal_hepatic,
)
