"""Drug names and analgesic classes (WHO ladder step of each recognised drug).

Names are matched after :func:`normalize_drug_name` (lower case, spaces and hyphens to
underscores, common synonyms). A name in none of the lists is *unrecognised*: it is reported
as such, never assumed to be or not to be an opioid.
"""

from __future__ import annotations

from typing import Literal

DrugClass = Literal[
    "non_opioid", "weak_opioid", "strong_opioid", "ambiguous_opioid", "adjuvant", "unrecognised"
]

SYNONYMS: dict[str, str] = {
    "acetaminophen": "paracetamol",
    "apap": "paracetamol",
    "dipyrone": "metamizole",
    "pethidine": "meperidine",
    "propoxyphene": "dextropropoxyphene",
    "acetylsalicylic_acid": "aspirin",
    "heroin": "diamorphine",
}

#: WHO step I: paracetamol, metamizole and NSAIDs (clinical_reference §5).
NSAIDS: frozenset[str] = frozenset(
    {
        "aspirin",
        "celecoxib",
        "dexketoprofen",
        "diclofenac",
        "etodolac",
        "etoricoxib",
        "flurbiprofen",
        "ibuprofen",
        "indomethacin",
        "ketoprofen",
        "ketorolac",
        "lornoxicam",
        "mefenamic_acid",
        "meloxicam",
        "nabumetone",
        "naproxen",
        "nimesulide",
        "parecoxib",
        "piroxicam",
        "sulindac",
        "tenoxicam",
    }
)
NON_OPIOIDS: frozenset[str] = NSAIDS | {"paracetamol", "metamizole"}

#: WHO step II weak opioids (ESMO 2009 list; clinical_reference §5).
WEAK_OPIOIDS: frozenset[str] = frozenset(
    {"codeine", "dihydrocodeine", "tramadol", "dextropropoxyphene"}
)
#: Weak or strong depending on the setting (hydrocodone, tapentadol) or the dose
#: (buprenorphine: low-dose patches <= 20 µg/h); clinical_reference §5 ⚠️.
AMBIGUOUS_OPIOIDS: frozenset[str] = frozenset({"hydrocodone", "tapentadol", "buprenorphine"})
#: WHO step III strong opioids (ESMO 2018; clinical_reference §5).
STRONG_OPIOIDS: frozenset[str] = frozenset(
    {
        "morphine",
        "oxycodone",
        "hydromorphone",
        "fentanyl",
        "methadone",
        "oxymorphone",
        "levorphanol",
        "diamorphine",
        "alfentanil",
        "meperidine",
    }
)
OPIOIDS: frozenset[str] = WEAK_OPIOIDS | AMBIGUOUS_OPIOIDS | STRONG_OPIOIDS

#: Adjuvants: do not change the analgesic level of the PMI (clinical_reference §5).
ADJUVANTS: frozenset[str] = frozenset(
    {
        "gabapentin",
        "pregabalin",
        "duloxetine",
        "venlafaxine",
        "amitriptyline",
        "nortriptyline",
        "imipramine",
        "desipramine",
        "carbamazepine",
        "oxcarbazepine",
        "dexamethasone",
        "prednisolone",
        "prednisone",
        "methylprednisolone",
        "lidocaine",
        "capsaicin",
        "ketamine",
        "zoledronic_acid",
        "pamidronate",
        "denosumab",
    }
)


def normalize_drug_name(name: str) -> str:
    """Canonical key of a drug name: ``"Zoledronic acid"`` -> ``"zoledronic_acid"``."""
    key = "_".join(name.strip().lower().replace("-", " ").split())
    return SYNONYMS.get(key, key)


def classify_drug(name: str) -> DrugClass:
    """The analgesic class of a drug name (WHO ladder; clinical_reference §5)."""
    key = normalize_drug_name(name)
    if key in NON_OPIOIDS:
        return "non_opioid"
    if key in WEAK_OPIOIDS:
        return "weak_opioid"
    if key in STRONG_OPIOIDS:
        return "strong_opioid"
    if key in AMBIGUOUS_OPIOIDS:
        return "ambiguous_opioid"
    if key in ADJUVANTS:
        return "adjuvant"
    return "unrecognised"
