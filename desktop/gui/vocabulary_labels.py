"""Labels of the case-format vocabularies, in the interface language.

The stored words stay English identifiers (``head_and_neck``); only what is shown is
translated. A word without a label here is shown with underscores as spaces.
"""

from __future__ import annotations

from desktop.domain.vocabulary import (
    Adherence,
    CancerTreatmentType,
    ComtGenotype,
    Cyp2c9Phenotype,
    Cyp2d6Phenotype,
    MetastasisSite,
    Oprm1Genotype,
    PrimarySite,
    Route,
    Sex,
    Stage,
    TreatmentOption,
    values_of,
)
from desktop.gui.i18n import translate


def _labels() -> dict[str, str]:
    return {
        # sex
        "female": translate("Vocabulary", "female"),
        "male": translate("Vocabulary", "male"),
        "other": translate("Vocabulary", "other"),
        "unknown": translate("Vocabulary", "unknown"),
        # primary sites
        "breast": translate("Vocabulary", "breast"),
        "lung": translate("Vocabulary", "lung"),
        "prostate": translate("Vocabulary", "prostate"),
        "colorectal": translate("Vocabulary", "colorectal"),
        "head_and_neck": translate("Vocabulary", "head and neck"),
        "pancreas": translate("Vocabulary", "pancreas"),
        "stomach": translate("Vocabulary", "stomach"),
        "esophagus": translate("Vocabulary", "oesophagus"),
        "liver": translate("Vocabulary", "liver"),
        "kidney": translate("Vocabulary", "kidney"),
        "bladder": translate("Vocabulary", "bladder"),
        "ovary": translate("Vocabulary", "ovary"),
        "cervix": translate("Vocabulary", "cervix"),
        "uterus": translate("Vocabulary", "uterus"),
        "brain": translate("Vocabulary", "brain"),
        "melanoma": translate("Vocabulary", "melanoma"),
        "sarcoma": translate("Vocabulary", "sarcoma"),
        "myeloma": translate("Vocabulary", "myeloma"),
        "lymphoma": translate("Vocabulary", "lymphoma"),
        "leukemia": translate("Vocabulary", "leukaemia"),
        "unknown_primary": translate("Vocabulary", "unknown primary"),
        # metastases
        "bone": translate("Vocabulary", "bone"),
        "nodes": translate("Vocabulary", "lymph nodes"),
        # treatments
        "chemotherapy": translate("Vocabulary", "chemotherapy"),
        "radiotherapy": translate("Vocabulary", "radiotherapy"),
        "surgery": translate("Vocabulary", "surgery"),
        "immunotherapy": translate("Vocabulary", "immunotherapy"),
        "hormone_therapy": translate("Vocabulary", "hormone therapy"),
        "targeted_therapy": translate("Vocabulary", "targeted therapy"),
        # routes
        "oral": translate("Vocabulary", "oral"),
        "sublingual": translate("Vocabulary", "sublingual"),
        "buccal": translate("Vocabulary", "buccal"),
        "transmucosal": translate("Vocabulary", "transmucosal"),
        "intranasal": translate("Vocabulary", "intranasal"),
        "transdermal": translate("Vocabulary", "transdermal (patch)"),
        "topical": translate("Vocabulary", "topical"),
        "rectal": translate("Vocabulary", "rectal"),
        "subcutaneous": translate("Vocabulary", "subcutaneous"),
        "intravenous": translate("Vocabulary", "intravenous"),
        "intramuscular": translate("Vocabulary", "intramuscular"),
        "intrathecal": translate("Vocabulary", "intrathecal"),
        "epidural": translate("Vocabulary", "epidural"),
        # adherence
        "full": translate("Vocabulary", "full"),
        "partial": translate("Vocabulary", "partial"),
        "none": translate("Vocabulary", "none"),
        # pharmacogenomic phenotypes
        "poor": translate("Vocabulary", "poor metabolizer"),
        "intermediate": translate("Vocabulary", "intermediate metabolizer"),
        "normal": translate("Vocabulary", "normal metabolizer"),
        "ultrarapid": translate("Vocabulary", "ultrarapid metabolizer"),
        "indeterminate": translate("Vocabulary", "indeterminate"),
        # treatment options
        "nsaid": translate("Vocabulary", "NSAID"),
        "paracetamol": translate("Vocabulary", "paracetamol"),
        "weak_opioid": translate("Vocabulary", "weak opioid"),
        "strong_opioid": translate("Vocabulary", "strong opioid"),
        "opioid_rotation": translate("Vocabulary", "opioid rotation"),
        "methadone": translate("Vocabulary", "methadone"),
        "gabapentinoid": translate("Vocabulary", "gabapentinoid"),
        "snri_duloxetine": translate("Vocabulary", "SNRI (duloxetine)"),
        "tricyclic": translate("Vocabulary", "tricyclic antidepressant"),
        "corticosteroid": translate("Vocabulary", "corticosteroid"),
        "topical_lidocaine": translate("Vocabulary", "topical lidocaine"),
        "radiotherapy_bone": translate("Vocabulary", "radiotherapy for bone metastasis"),
        "nerve_block": translate("Vocabulary", "nerve block"),
        "non_pharmacological": translate("Vocabulary", "non-pharmacological care"),
    }


def label(word: str) -> str:
    return _labels().get(word, word.replace("_", " "))


def choices(vocabulary: object) -> list[tuple[str, str]]:
    """(stored word, shown label) of a case-format vocabulary, in declared order."""
    labels = _labels()
    return [(word, labels.get(word, word.replace("_", " "))) for word in values_of(vocabulary)]


SEX = Sex
STAGE = Stage
PRIMARY_SITE = PrimarySite
METASTASIS = MetastasisSite
TREATMENT_TYPE = CancerTreatmentType
ROUTE = Route
ADHERENCE = Adherence
TREATMENT_OPTION = TreatmentOption
CYP2D6 = Cyp2d6Phenotype
CYP2C9 = Cyp2c9Phenotype
OPRM1 = Oprm1Genotype
COMT = ComtGenotype
