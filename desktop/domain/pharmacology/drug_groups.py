"""Drug groups the guideline alerts look for, and the drugs behind each treatment option.

Names are canonical keys from :func:`desktop.domain.pharmacology.drugs.normalize_drug_name`.
Lists are the examples named in clinical_reference §9-§10 plus common members of each class
(🟡: to be reviewed with the clinical lead). Aspirin is treated as an antiplatelet, not as an
analgesic NSAID, because low-dose cardioprotective aspirin is common in this population.
"""

from __future__ import annotations

from desktop.domain.pharmacology.drugs import (
    AMBIGUOUS_OPIOIDS,
    NSAIDS,
    OPIOIDS,
    STRONG_OPIOIDS,
    WEAK_OPIOIDS,
)

ANALGESIC_NSAIDS: frozenset[str] = NSAIDS - {"aspirin"}
CYP2C9_RELEVANT_NSAIDS: frozenset[str] = frozenset(
    {"celecoxib", "flurbiprofen", "ibuprofen", "lornoxicam", "meloxicam", "piroxicam", "tenoxicam"}
)
CYP2D6_PRODRUG_OPIOIDS: frozenset[str] = frozenset({"codeine", "tramadol"})
#: Avoid when CrCl/eGFR < 30: active metabolites accumulate (SIGN 106; King 2011).
RENAL_AVOID_OPIOIDS: frozenset[str] = frozenset({"morphine", "codeine", "meperidine"})
ANY_OPIOID: frozenset[str] = OPIOIDS
BENZODIAZEPINES: frozenset[str] = frozenset(
    {
        "alprazolam",
        "bromazepam",
        "chlordiazepoxide",
        "clobazam",
        "clonazepam",
        "diazepam",
        "flurazepam",
        "lorazepam",
        "lormetazepam",
        "midazolam",
        "nitrazepam",
        "oxazepam",
        "temazepam",
        "triazolam",
    }
)
GABAPENTINOIDS: frozenset[str] = frozenset({"gabapentin", "pregabalin"})
ANTICOAGULANTS: frozenset[str] = frozenset(
    {
        "apixaban",
        "dabigatran",
        "dalteparin",
        "edoxaban",
        "enoxaparin",
        "fondaparinux",
        "heparin",
        "rivaroxaban",
        "tinzaparin",
        "warfarin",
        "acenocoumarol",
        "phenprocoumon",
    }
)
ANTIPLATELETS: frozenset[str] = frozenset(
    {"aspirin", "clopidogrel", "prasugrel", "ticagrelor", "dipyridamole"}
)
CORTICOSTEROIDS: frozenset[str] = frozenset(
    {"dexamethasone", "prednisolone", "prednisone", "methylprednisolone", "hydrocortisone"}
)
PROTON_PUMP_INHIBITORS: frozenset[str] = frozenset(
    {"omeprazole", "esomeprazole", "lansoprazole", "pantoprazole", "rabeprazole"}
)
LAXATIVES: frozenset[str] = frozenset(
    {
        "bisacodyl",
        "docusate",
        "lactulose",
        "macrogol",
        "polyethylene_glycol",
        "senna",
        "sennosides",
        "sodium_picosulfate",
        "magnesium_hydroxide",
        "methylnaltrexone",
        "naloxegol",
        "naldemedine",
    }
)
SNRIS: frozenset[str] = frozenset({"duloxetine", "venlafaxine", "milnacipran"})
TRICYCLICS: frozenset[str] = frozenset(
    {"amitriptyline", "nortriptyline", "imipramine", "desipramine", "clomipramine"}
)
SSRIS: frozenset[str] = frozenset(
    {"citalopram", "escitalopram", "fluoxetine", "fluvoxamine", "paroxetine", "sertraline"}
)
MAOIS: frozenset[str] = frozenset({"phenelzine", "tranylcypromine", "moclobemide", "selegiline"})
SEROTONERGIC: frozenset[str] = SNRIS | TRICYCLICS | SSRIS | MAOIS
#: Strong CYP2D6 inhibitors named in clinical_reference §9 (phenoconversion 🟡).
STRONG_CYP2D6_INHIBITORS: frozenset[str] = frozenset(
    {"paroxetine", "fluoxetine", "bupropion", "quinidine"}
)
MODERATE_CYP2D6_INHIBITORS: frozenset[str] = frozenset({"duloxetine"})

#: The drugs that count as "this option is already prescribed".
OPTION_DRUGS: dict[str, frozenset[str]] = {
    "nsaid": ANALGESIC_NSAIDS,
    "paracetamol": frozenset({"paracetamol"}),
    "weak_opioid": WEAK_OPIOIDS,
    "strong_opioid": (STRONG_OPIOIDS | AMBIGUOUS_OPIOIDS) - {"methadone"},
    "methadone": frozenset({"methadone"}),
    "gabapentinoid": GABAPENTINOIDS,
    "snri_duloxetine": SNRIS,
    "tricyclic": TRICYCLICS,
    "corticosteroid": CORTICOSTEROIDS,
    "topical_lidocaine": frozenset({"lidocaine"}),
}
OPIOID_OPTIONS: tuple[str, ...] = ("weak_opioid", "strong_opioid", "opioid_rotation", "methadone")
STRONG_OPIOID_OPTIONS: tuple[str, ...] = ("strong_opioid", "opioid_rotation", "methadone")
NEUROPATHIC_ADJUVANT_OPTIONS: tuple[str, ...] = ("gabapentinoid", "snri_duloxetine", "tricyclic")
