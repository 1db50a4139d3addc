"""A case document (``painbridge.case/1``) as the fixed feature vector the models read.

The feature schema below is the one contract between training and run time: the training
pipeline builds its matrices with :func:`extract_feature_matrix`, the runtime builds the
single row of a prediction with :func:`extract_features`, and every bundle's manifest
carries a copy of the schema that must equal this one before the bundle is used.

Conventions
- One float32 per feature, ``NaN`` when the case does not say (clinics often lack data).
- Yes/no items are 1.0 / 0.0; ordinal items are small integers (see each unit).
- Totals are computed here from the raw items with the published rules
  (clinical_reference.md section 2 for DN4, section 3 for LANSS, section 4 for BPI) and are
  missing when an item they need is missing; the items themselves are features too.
- ``follow_ups`` are never read: they happen after the decision the models support.
- A value of the wrong type or outside its allowed range is an error naming the JSON path
  and the rule (:class:`~desktop.domain.errors.InvalidInput`), never a silent ``NaN``.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from desktop.domain.errors import InvalidInput, Problem

FEATURE_SCHEMA_VERSION = "painbridge.features/1"

#: The pain mechanisms the subtype model scores (multi-label: mixed pain is allowed).
MECHANISMS: tuple[str, ...] = ("nociceptive", "neuropathic", "nociplastic")

#: The treatment panel the response model scores (case-format.md), in a fixed order: the
#: response model reads the option as its index in this tuple.
TREATMENT_OPTIONS: tuple[str, ...] = (
    "nsaid",
    "paracetamol",
    "weak_opioid",
    "strong_opioid",
    "opioid_rotation",
    "methadone",
    "gabapentinoid",
    "snri_duloxetine",
    "tricyclic",
    "corticosteroid",
    "topical_lidocaine",
    "radiotherapy_bone",
    "nerve_block",
    "intrathecal",
    "non_pharmacological",
)

#: Name of the extra input column of the response model (index into TREATMENT_OPTIONS).
OPTION_FEATURE = "treatment_option"

FloatArray = npt.NDArray[np.float32]


@dataclass(frozen=True)
class FeatureSpec:
    """One model input: what it is, its unit and the values it may take."""

    name: str
    label: str
    unit: str
    minimum: float
    maximum: float
    description: str


def _spec(name: str, label: str, unit: str, low: float, high: float, text: str) -> FeatureSpec:
    return FeatureSpec(name, label, unit, float(low), float(high), text)


_YES_NO = "1 yes / 0 no"
_SITES = ("breast", "lung", "prostate", "colorectal", "head_and_neck", "pancreas")
_HEMATOLOGIC_SITES = frozenset({"myeloma", "lymphoma", "leukemia"})
_METASTASES = ("bone", "liver", "lung", "brain", "nodes")
_NRS = ("worst", "least", "average", "now")
_BPI_ITEMS = ("general_activity", "mood", "walking", "work", "relations", "sleep", "enjoyment")
DN4_ITEMS: tuple[str, ...] = (
    "burning",
    "painful_cold",
    "electric_shocks",
    "tingling",
    "pins_and_needles",
    "numbness",
    "itching",
    "hypoesthesia_touch",
    "hypoesthesia_pinprick",
    "brushing",
)
#: LANSS / S-LANSS items with their weights (clinical_reference.md section 3).
LANSS_WEIGHTS: tuple[tuple[str, int], ...] = (
    ("dysaesthesia", 5),
    ("autonomic", 5),
    ("evoked", 3),
    ("paroxysmal", 2),
    ("thermal", 1),
    ("allodynia", 5),
    ("pinprick", 3),
)
_PATTERN_FLAGS = ("widespread", "movement_related", "localized")
_COMORBIDITY_FLAGS = (
    "hepatic_impairment",
    "gi_bleed_history",
    "heart_failure",
    "diabetes",
    "respiratory_disease",
)

#: Note descriptors: words a clinician writes for each kind of pain (section 11).
NOTE_DESCRIPTORS: dict[str, str] = {
    "note_burning": r"burn\w*|scald\w*|on fire",
    "note_shooting": r"shoot\w*|electric\w*|shock\w*|stab\w*|lancinat\w*|jolt\w*",
    "note_tingling": r"tingl\w*|pins and needles|prickl\w*|numb\w*|crawl\w*",
    "note_aching": r"ach\w*|throb\w*|gnaw\w*|dull|sore\w*",
    "note_cramping": r"cramp\w*|colick?y|squeez\w*|pressure|bloat\w*",
    "note_widespread": r"all over|everywhere|whole body|widespread|head to toe",
}
_NOTE_LABELS = {
    "note_burning": "Notes: burning",
    "note_shooting": "Notes: shooting / electric",
    "note_tingling": "Notes: tingling / numb",
    "note_aching": "Notes: aching / throbbing",
    "note_cramping": "Notes: cramping / pressure",
    "note_widespread": "Notes: hurts all over",
}
_NEGATIONS = frozenset({"no", "not", "denies", "denied", "without", "nor", "never"})

#: Opioids and their CDC 2022 MEDD factors for a daily oral dose in mg (section 6);
#: transdermal fentanyl uses 2.4 per µg/h. ``None``: no reliable factor (dose not counted).
OPIOID_FACTORS: dict[str, float | None] = {
    "morphine": 1.0,
    "codeine": 0.15,
    "dihydrocodeine": 0.25,
    "tramadol": 0.2,
    "tapentadol": 0.4,
    "hydrocodone": 1.0,
    "oxycodone": 1.5,
    "oxymorphone": 3.0,
    "hydromorphone": 5.0,
    "methadone": 4.7,
    "fentanyl": None,
    "buprenorphine": None,
}
FENTANYL_MCG_PER_HOUR_FACTOR = 2.4
WEAK_OPIOIDS = frozenset({"codeine", "dihydrocodeine", "tramadol", "hydrocodone"})
NON_OPIOIDS = frozenset(
    {
        "paracetamol",
        "acetaminophen",
        "ibuprofen",
        "naproxen",
        "diclofenac",
        "celecoxib",
        "meloxicam",
        "piroxicam",
        "ketorolac",
        "metamizole",
        "aspirin",
        "etoricoxib",
    }
)
ADJUVANTS = frozenset(
    {
        "gabapentin",
        "pregabalin",
        "duloxetine",
        "venlafaxine",
        "amitriptyline",
        "nortriptyline",
        "dexamethasone",
        "lidocaine",
    }
)
ANTICOAGULANTS = frozenset(
    {
        "warfarin",
        "apixaban",
        "rivaroxaban",
        "dabigatran",
        "edoxaban",
        "heparin",
        "enoxaparin",
        "dalteparin",
        "clopidogrel",
    }
)
BENZODIAZEPINES = frozenset(
    {"alprazolam", "lorazepam", "diazepam", "clonazepam", "midazolam", "temazepam"}
)
#: Strong or moderate CYP2D6 inhibitors: phenoconversion of codeine/tramadol (section 9).
CYP2D6_INHIBITORS = frozenset(
    {"paroxetine", "fluoxetine", "bupropion", "duloxetine", "quinidine", "terbinafine"}
)
#: Chemotherapy agents that cause painful neuropathy (section 11: platinum, taxanes,
#: vinca alkaloids, bortezomib) and two close relatives.
NEUROTOXIC_AGENTS = frozenset(
    {
        "oxaliplatin",
        "cisplatin",
        "paclitaxel",
        "nab-paclitaxel",
        "docetaxel",
        "cabazitaxel",
        "vincristine",
        "vinblastine",
        "vinorelbine",
        "eribulin",
        "bortezomib",
        "thalidomide",
    }
)
CYP2D6_PHENOTYPES = {"poor": 0.0, "intermediate": 1.0, "normal": 2.0, "ultrarapid": 3.0}
CYP2C9_PHENOTYPES = {"poor": 0.0, "intermediate": 1.0, "normal": 2.0}
_STAGES = {"I": 1.0, "II": 2.0, "III": 3.0, "IV": 4.0}


def _build_schema() -> tuple[FeatureSpec, ...]:
    specs: list[FeatureSpec] = [
        _spec("age_years", "Age", "years", 0, 120, "assessment year minus patient.birth_year"),
        _spec("sex_female", "Sex female", _YES_NO, 0, 1, "patient.sex; other/unknown missing"),
    ]
    specs += [
        _spec(f"site_{s}", f"Primary: {s.replace('_', ' ')}", _YES_NO, 0, 1,
              f"cancer.primary_site is {s}")
        for s in _SITES
    ]
    specs += [
        _spec("site_hematologic", "Primary: myeloma/lymphoma/leukaemia", _YES_NO, 0, 1,
              "cancer.primary_site is myeloma, lymphoma or leukemia"),
        _spec("stage", "Stage", "1-4 (I-IV)", 1, 4, "cancer.stage; unknown missing"),
    ]
    specs += [
        _spec(f"metastases_{m}", f"{m.capitalize()} metastases", _YES_NO, 0, 1,
              f"'{m}' in cancer.metastases")
        for m in _METASTASES
    ]
    specs += [
        _spec("perineural_invasion", "Perineural invasion", _YES_NO, 0, 1,
              "cancer.perineural_invasion"),
        _spec("nerve_plexus_involvement", "Nerve plexus involvement", _YES_NO, 0, 1,
              "cancer.nerve_plexus_involvement"),
        _spec("chemotherapy_received", "Chemotherapy received", _YES_NO, 0, 1,
              "a cancer.treatments entry of type chemotherapy"),
        _spec("neurotoxic_chemotherapy", "Neurotoxic chemotherapy", _YES_NO, 0, 1,
              "a platinum, taxane, vinca alkaloid, bortezomib or thalidomide agent"),
        _spec("radiotherapy_received", "Radiotherapy received", _YES_NO, 0, 1,
              "a cancer.treatments entry of type radiotherapy"),
        _spec("surgery_received", "Surgery received", _YES_NO, 0, 1,
              "a cancer.treatments entry of type surgery"),
    ]
    specs += [
        _spec(f"nrs_{item}", f"NRS {item}", "0-10", 0, 10, f"assessment.nrs.{item} (24 h)")
        for item in _NRS
    ]
    specs += [
        _spec("bpi_interference", "BPI interference", "mean 0-10", 0, 10,
              "mean of the answered BPI items 9A-9G, when at least 4 of 7 are answered"),
        _spec("bpi_sleep", "BPI sleep interference", "0-10", 0, 10,
              "assessment.bpi_interference.sleep"),
        _spec("bpi_mood", "BPI mood interference", "0-10", 0, 10,
              "assessment.bpi_interference.mood"),
        _spec("bpi_relief_percent", "Relief from current treatment", "%", 0, 100,
              "assessment.bpi_relief_percent"),
    ]
    specs += [
        _spec(f"dn4_{item}", f"DN4 {item.replace('_', ' ')}", _YES_NO, 0, 1,
              f"assessment.dn4.{item}")
        for item in DN4_ITEMS
    ]
    specs += [
        _spec("dn4_total", "DN4 total", "0-10", 0, 10,
              "DN4 items 1-10 summed; missing unless all 10 answered"),
        _spec("dn4_interview_total", "DN4 interview total", "0-7", 0, 7,
              "DN4 items 1-7 summed; missing unless all 7 answered"),
    ]
    specs += [
        _spec(f"lanss_{item}", f"LANSS {item}", _YES_NO, 0, 1, f"assessment.lanss.{item}")
        for item, _ in LANSS_WEIGHTS
    ]
    specs += [
        _spec("lanss_total", "LANSS total", "0-24", 0, 24,
              "LANSS items weighted 5,5,3,2,1,5,3; missing unless all 7 answered"),
    ]
    specs += [
        _spec(f"pattern_{flag}", f"Pain {flag.replace('_', ' ')}", _YES_NO, 0, 1,
              f"assessment.pattern.{flag}")
        for flag in _PATTERN_FLAGS
    ]
    specs += [
        _spec("breakthrough_per_day", "Breakthrough episodes per day", "per day", 0, 100,
              "assessment.pattern.breakthrough_per_day"),
        _spec("duration_months", "Pain duration", "months", 0, 1200,
              "assessment.pattern.duration_months"),
        _spec("phq2", "PHQ-2", "0-6", 0, 6, "assessment.psychosocial.phq2"),
        _spec("gad2", "GAD-2", "0-6", 0, 6, "assessment.psychosocial.gad2"),
        _spec("sleep_disturbance", "Sleep disturbance", _YES_NO, 0, 1,
              "assessment.psychosocial.sleep_disturbance"),
        _spec("fatigue", "Fatigue", _YES_NO, 0, 1, "assessment.psychosocial.fatigue"),
    ]
    specs += [
        _spec(name, _NOTE_LABELS[name], _YES_NO, 0, 1,
              f"assessment.notes mentions /{pattern}/ (not negated); missing without notes")
        for name, pattern in NOTE_DESCRIPTORS.items()
    ]
    specs += [
        _spec("egfr", "eGFR", "mL/min/1.73 m²", 0, 200, "comorbidities.egfr"),
        _spec("creatinine_clearance", "Creatinine clearance", "mL/min", 0, 300,
              "comorbidities.creatinine_clearance"),
        _spec("qtc_ms", "QTc", "ms", 200, 800, "comorbidities.qtc_ms"),
        _spec("platelets", "Platelets", "×10⁹/L", 0, 2000, "comorbidities.platelets"),
    ]
    specs += [
        _spec(flag, flag.replace("_", " ").capitalize(), _YES_NO, 0, 1,
              f"comorbidities.{flag}")
        for flag in _COMORBIDITY_FLAGS
    ]
    specs += [
        _spec("medd_mg", "MEDD", "mg/day oral morphine equivalent", 0, 100_000,
              "sum over current opioids with CDC 2022 factors; missing if a dose is unknown"),
        _spec("analgesic_level", "Analgesic level", "0 none - 3 strong opioid", 0, 3,
              "most potent current analgesic (PMI level, section 5)"),
        _spec("on_adjuvant", "On an adjuvant", _YES_NO, 0, 1,
              "gabapentinoid, antidepressant, dexamethasone or lidocaine in medications"),
        _spec("on_anticoagulant", "On an anticoagulant", _YES_NO, 0, 1,
              "anticoagulant or antiplatelet in medications"),
        _spec("on_benzodiazepine", "On a benzodiazepine", _YES_NO, 0, 1,
              "benzodiazepine in medications"),
        _spec("on_cyp2d6_inhibitor", "On a CYP2D6 inhibitor", _YES_NO, 0, 1,
              "paroxetine, fluoxetine, bupropion, duloxetine, quinidine or terbinafine"),
        _spec("cyp2d6_phenotype", "CYP2D6 phenotype", "0 poor, 1 IM, 2 normal, 3 UM", 0, 3,
              "pharmacogenomics.CYP2D6, else from CYP2D6_activity_score (section 9)"),
        _spec("cyp2c9_phenotype", "CYP2C9 phenotype", "0 poor, 1 IM, 2 normal", 0, 2,
              "pharmacogenomics.CYP2C9, else from CYP2C9_activity_score (section 9)"),
    ]
    return tuple(specs)


FEATURE_SCHEMA: tuple[FeatureSpec, ...] = _build_schema()
FEATURE_NAMES: tuple[str, ...] = tuple(spec.name for spec in FEATURE_SCHEMA)
FEATURE_INDEX: dict[str, int] = {name: i for i, name in enumerate(FEATURE_NAMES)}


class _CaseReader:
    """Reads values by JSON path, collecting a Problem for each value that breaks a rule."""

    def __init__(self, case: Mapping[str, object]) -> None:
        self.case = case
        self.problems: list[Problem] = []

    def get(self, path: str) -> object:
        node: object = self.case
        walked: list[str] = []
        for key in path.split("."):
            if node is None:
                return None
            if not isinstance(node, Mapping):
                self.problems.append(Problem(".".join(walked), "must be an object", node))
                return None
            node = node.get(key)
            walked.append(key)
        return node

    def flag(self, path: str) -> float:
        value = self.get(path)
        if value is None:
            return math.nan
        if not isinstance(value, bool):
            self.problems.append(Problem(path, "must be true or false", value))
            return math.nan
        return 1.0 if value else 0.0

    def number(self, path: str, low: float, high: float, *, integer: bool = False) -> float:
        value = self.get(path)
        if value is None:
            return math.nan
        kind = "an integer" if integer else "a number"
        number = _plain_number(value)
        if number is not None and integer and not number.is_integer():
            number = None
        if number is not None and low <= number <= high:
            return number
        self.problems.append(Problem(path, f"must be {kind} {_show(low)}-{_show(high)}", value))
        return math.nan

    def text(self, path: str) -> str | None:
        value = self.get(path)
        if value is None:
            return None
        if not isinstance(value, str):
            self.problems.append(Problem(path, "must be text", value))
            return None
        return value

    def entries(self, path: str) -> list[object] | None:
        value = self.get(path)
        if value is None:
            return None
        if not isinstance(value, list):
            self.problems.append(Problem(path, "must be a list", value))
            return None
        return value

    def choice(self, path: str, allowed: Mapping[str, float], ignored: Sequence[str]) -> float:
        value = self.text(path)
        if value is None or value in ignored:
            return math.nan
        if value not in allowed:
            words = ", ".join([*allowed, *ignored])
            self.problems.append(Problem(path, f"must be one of: {words}", value))
            return math.nan
        return allowed[value]


def _plain_number(value: object) -> float | None:
    """A finite int or float (never a bool) as a float; None for anything else."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    number = float(value)
    return number if math.isfinite(number) else None


def _show(number: float) -> str:
    return str(int(number)) if float(number).is_integer() else str(number)


def _patient(reader: _CaseReader, out: dict[str, float]) -> None:
    birth_year = reader.number("patient.birth_year", 1900, 2100, integer=True)
    date = reader.text("assessment.date")
    dated = date is not None and re.fullmatch(r"\d{4}-\d\d-\d\d", date) is not None
    year = float(date[:4]) if dated and date is not None else math.nan
    age = year - birth_year
    if math.isfinite(age) and not 0 <= age <= 120:
        reader.problems.append(
            Problem("patient.birth_year", "must give an age 0-120 at the assessment date",
                    int(birth_year))
        )
        age = math.nan
    out["age_years"] = age
    out["sex_female"] = reader.choice(
        "patient.sex", {"female": 1.0, "male": 0.0}, ("other", "unknown")
    )


def _cancer(reader: _CaseReader, out: dict[str, float]) -> None:
    site = reader.text("cancer.primary_site")
    for name in _SITES:
        out[f"site_{name}"] = math.nan if site is None else float(site == name)
    out["site_hematologic"] = math.nan if site is None else float(site in _HEMATOLOGIC_SITES)
    out["stage"] = reader.choice("cancer.stage", _STAGES, ("unknown",))
    metastases = reader.entries("cancer.metastases")
    for name in _METASTASES:
        out[f"metastases_{name}"] = math.nan if metastases is None else float(name in metastases)
    out["perineural_invasion"] = reader.flag("cancer.perineural_invasion")
    out["nerve_plexus_involvement"] = reader.flag("cancer.nerve_plexus_involvement")
    _cancer_treatments(reader, out)


def _cancer_treatments(reader: _CaseReader, out: dict[str, float]) -> None:
    treatments = reader.entries("cancer.treatments")
    names = ("chemotherapy_received", "neurotoxic_chemotherapy", "radiotherapy_received",
             "surgery_received")
    if treatments is None:
        out.update(dict.fromkeys(names, math.nan))
        return
    kinds: set[str] = set()
    agents: set[str] = set()
    for i, entry in enumerate(treatments):
        if not isinstance(entry, Mapping):
            reader.problems.append(Problem(f"cancer.treatments[{i}]", "must be an object", entry))
            continue
        kind = entry.get("type")
        if isinstance(kind, str):
            kinds.add(kind)
        listed = entry.get("agents")
        if isinstance(listed, list):
            agents.update(a.strip().lower() for a in listed if isinstance(a, str))
    out["chemotherapy_received"] = float("chemotherapy" in kinds)
    out["neurotoxic_chemotherapy"] = float(bool(agents & NEUROTOXIC_AGENTS))
    out["radiotherapy_received"] = float("radiotherapy" in kinds)
    out["surgery_received"] = float("surgery" in kinds)


def _assessment(reader: _CaseReader, out: dict[str, float]) -> None:
    for item in _NRS:
        out[f"nrs_{item}"] = reader.number(f"assessment.nrs.{item}", 0, 10, integer=True)
    items = [
        reader.number(f"assessment.bpi_interference.{item}", 0, 10, integer=True)
        for item in _BPI_ITEMS
    ]
    answered = [v for v in items if not math.isnan(v)]
    out["bpi_interference"] = sum(answered) / len(answered) if len(answered) >= 4 else math.nan
    out["bpi_sleep"] = items[_BPI_ITEMS.index("sleep")]
    out["bpi_mood"] = items[_BPI_ITEMS.index("mood")]
    out["bpi_relief_percent"] = reader.number("assessment.bpi_relief_percent", 0, 100)
    dn4 = [reader.flag(f"assessment.dn4.{item}") for item in DN4_ITEMS]
    for item, value in zip(DN4_ITEMS, dn4, strict=True):
        out[f"dn4_{item}"] = value
    out["dn4_total"] = sum(dn4)  # NaN when any item is missing
    out["dn4_interview_total"] = sum(dn4[:7])
    lanss = [reader.flag(f"assessment.lanss.{item}") for item, _ in LANSS_WEIGHTS]
    for (item, _), value in zip(LANSS_WEIGHTS, lanss, strict=True):
        out[f"lanss_{item}"] = value
    out["lanss_total"] = sum(w * v for (_, w), v in zip(LANSS_WEIGHTS, lanss, strict=True))
    for flag in _PATTERN_FLAGS:
        out[f"pattern_{flag}"] = reader.flag(f"assessment.pattern.{flag}")
    out["breakthrough_per_day"] = reader.number(
        "assessment.pattern.breakthrough_per_day", 0, 100, integer=True
    )
    out["duration_months"] = reader.number("assessment.pattern.duration_months", 0, 1200)
    out["phq2"] = reader.number("assessment.psychosocial.phq2", 0, 6, integer=True)
    out["gad2"] = reader.number("assessment.psychosocial.gad2", 0, 6, integer=True)
    out["sleep_disturbance"] = reader.flag("assessment.psychosocial.sleep_disturbance")
    out["fatigue"] = reader.flag("assessment.psychosocial.fatigue")
    out.update(describe_notes(reader.text("assessment.notes")))


_DESCRIPTOR_PATTERNS = {
    name: re.compile(rf"\b(?:{pattern})") for name, pattern in NOTE_DESCRIPTORS.items()
}
_CLAUSE_SPLIT = re.compile(r"[.;,:!?\n()]|\bbut\b")


def describe_notes(notes: str | None) -> dict[str, float]:
    """Pain-descriptor flags found in free-text notes; all missing when there are no notes.

    A word counts unless one of the three words before it in the same clause negates it
    ("denies burning", "no tingling"). English only: other languages give all zeros.
    """
    if notes is None:
        return dict.fromkeys(NOTE_DESCRIPTORS, math.nan)
    flags = dict.fromkeys(NOTE_DESCRIPTORS, 0.0)
    for clause in _CLAUSE_SPLIT.split(notes.lower()):
        for name, pattern in _DESCRIPTOR_PATTERNS.items():
            for match in pattern.finditer(clause):
                before = clause[: match.start()].split()[-3:]
                if not _NEGATIONS.intersection(before):
                    flags[name] = 1.0
                    break
    return flags


def _comorbidities(reader: _CaseReader, out: dict[str, float]) -> None:
    out["egfr"] = reader.number("comorbidities.egfr", 0, 200)
    out["creatinine_clearance"] = reader.number("comorbidities.creatinine_clearance", 0, 300)
    out["qtc_ms"] = reader.number("comorbidities.qtc_ms", 200, 800)
    out["platelets"] = reader.number("comorbidities.platelets", 0, 2000)
    for flag in _COMORBIDITY_FLAGS:
        out[flag] = reader.flag(f"comorbidities.{flag}")


def _medications(reader: _CaseReader, out: dict[str, float]) -> None:
    names = ("medd_mg", "analgesic_level", "on_adjuvant", "on_anticoagulant",
             "on_benzodiazepine", "on_cyp2d6_inhibitor")
    medications = reader.entries("medications")
    if medications is None:
        out.update(dict.fromkeys(names, math.nan))
        return
    drugs: set[str] = set()
    medd = 0.0
    level = 0.0
    for i, entry in enumerate(medications):
        path = f"medications[{i}]"
        if not isinstance(entry, Mapping):
            reader.problems.append(Problem(path, "must be an object", entry))
            continue
        drug = entry.get("drug")
        if not isinstance(drug, str):
            continue
        drug = drug.strip().lower()
        drugs.add(drug)
        level = max(level, _analgesic_level(drug))
        medd += _medd_of(reader, path, drug, entry)
    out["medd_mg"] = medd
    out["analgesic_level"] = level
    out["on_adjuvant"] = float(bool(drugs & ADJUVANTS))
    out["on_anticoagulant"] = float(bool(drugs & ANTICOAGULANTS))
    out["on_benzodiazepine"] = float(bool(drugs & BENZODIAZEPINES))
    out["on_cyp2d6_inhibitor"] = float(bool(drugs & CYP2D6_INHIBITORS))


def _analgesic_level(drug: str) -> float:
    if drug in WEAK_OPIOIDS:
        return 2.0
    if drug in OPIOID_FACTORS:
        return 3.0
    return 1.0 if drug in NON_OPIOIDS else 0.0


def _medd_of(reader: _CaseReader, path: str, drug: str, entry: Mapping[str, object]) -> float:
    """Morphine-equivalent mg/day of one medication (NaN when it cannot be counted)."""
    if drug not in OPIOID_FACTORS:
        return 0.0
    dose = _dose(reader, f"{path}.daily_dose_mg", entry.get("daily_dose_mg"), 100_000)
    rate = _dose(reader, f"{path}.mcg_per_hour", entry.get("mcg_per_hour"), 10_000)
    factor = OPIOID_FACTORS[drug]
    if drug == "fentanyl" and entry.get("route") == "transdermal" and rate is not None:
        return rate * FENTANYL_MCG_PER_HOUR_FACTOR
    if factor is None or dose is None:
        return math.nan
    return dose * factor


def _dose(reader: _CaseReader, path: str, value: object, high: float) -> float | None:
    if value is None:
        return None
    number = _plain_number(value)
    if number is not None and 0 < number <= high:
        return number
    reader.problems.append(Problem(path, f"must be a number above 0 and at most {high:g}", value))
    return None


def _pharmacogenomics(reader: _CaseReader, out: dict[str, float]) -> None:
    cyp2d6 = reader.choice("pharmacogenomics.CYP2D6", CYP2D6_PHENOTYPES, ("indeterminate",))
    if math.isnan(cyp2d6):
        score = reader.number("pharmacogenomics.CYP2D6_activity_score", 0, 6)
        cyp2d6 = cyp2d6_phenotype_of_score(score)
    cyp2c9 = reader.choice("pharmacogenomics.CYP2C9", CYP2C9_PHENOTYPES, ("indeterminate",))
    if math.isnan(cyp2c9):
        score = reader.number("pharmacogenomics.CYP2C9_activity_score", 0, 2)
        cyp2c9 = cyp2c9_phenotype_of_score(score)
    out["cyp2d6_phenotype"] = cyp2d6
    out["cyp2c9_phenotype"] = cyp2c9


def cyp2d6_phenotype_of_score(score: float) -> float:
    """CPIC 2021 CYP2D6 phenotype code from the activity score (section 9)."""
    if math.isnan(score):
        return math.nan
    if score > 2.25:
        return 3.0
    if score >= 1.25:
        return 2.0
    return 1.0 if score > 0 else 0.0


def cyp2c9_phenotype_of_score(score: float) -> float:
    """CPIC 2020 CYP2C9 phenotype code from the activity score (section 9)."""
    if math.isnan(score):
        return math.nan
    if score >= 2:
        return 2.0
    return 1.0 if score >= 1 else 0.0


def extract_named_features(case: Mapping[str, object]) -> dict[str, float]:
    """The features of one case by name; raises InvalidInput naming every bad value."""
    if not isinstance(case, Mapping):
        raise InvalidInput([Problem("", "must be a case object", type(case).__name__)])
    reader = _CaseReader(case)
    out: dict[str, float] = {}
    _patient(reader, out)
    _cancer(reader, out)
    _assessment(reader, out)
    _comorbidities(reader, out)
    _medications(reader, out)
    _pharmacogenomics(reader, out)
    if reader.problems:
        raise InvalidInput(reader.problems)
    return out


def extract_features(case: Mapping[str, object]) -> FloatArray:
    """One case as a float32 vector in FEATURE_SCHEMA order (NaN where the case is silent)."""
    named = extract_named_features(case)
    return np.array([named[name] for name in FEATURE_NAMES], dtype=np.float32)


def extract_feature_matrix(cases: Sequence[Mapping[str, object]]) -> FloatArray:
    """Many cases as an (n_cases, n_features) float32 matrix."""
    matrix = np.full((len(cases), len(FEATURE_NAMES)), np.nan, dtype=np.float32)
    for row, case in enumerate(cases):
        matrix[row] = extract_features(case)
    return matrix
