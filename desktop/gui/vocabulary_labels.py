"""Labels of the case-format vocabularies, in the interface language.

The stored words stay English identifiers (``head_and_neck``); only what is shown is
translated. A word without a label here is shown with underscores as spaces.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

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


def _tr(text: str) -> str:
    return QCoreApplication.translate("Vocabulary", text)


def _labels() -> dict[str, str]:
    return {
        # sex
        "female": _tr("female"),
        "male": _tr("male"),
        "other": _tr("other"),
        "unknown": _tr("unknown"),
        # primary sites
        "breast": _tr("breast"),
        "lung": _tr("lung"),
        "prostate": _tr("prostate"),
        "colorectal": _tr("colorectal"),
        "head_and_neck": _tr("head and neck"),
        "pancreas": _tr("pancreas"),
        "stomach": _tr("stomach"),
        "esophagus": _tr("oesophagus"),
        "liver": _tr("liver"),
        "kidney": _tr("kidney"),
        "bladder": _tr("bladder"),
        "ovary": _tr("ovary"),
        "cervix": _tr("cervix"),
        "uterus": _tr("uterus"),
        "brain": _tr("brain"),
        "melanoma": _tr("melanoma"),
        "sarcoma": _tr("sarcoma"),
        "myeloma": _tr("myeloma"),
        "lymphoma": _tr("lymphoma"),
        "leukemia": _tr("leukaemia"),
        "unknown_primary": _tr("unknown primary"),
        # metastases
        "bone": _tr("bone"),
        "nodes": _tr("lymph nodes"),
        # treatments
        "chemotherapy": _tr("chemotherapy"),
        "radiotherapy": _tr("radiotherapy"),
        "surgery": _tr("surgery"),
        "immunotherapy": _tr("immunotherapy"),
        "hormone_therapy": _tr("hormone therapy"),
        "targeted_therapy": _tr("targeted therapy"),
        # routes
        "oral": _tr("oral"),
        "sublingual": _tr("sublingual"),
        "buccal": _tr("buccal"),
        "transmucosal": _tr("transmucosal"),
        "intranasal": _tr("intranasal"),
        "transdermal": _tr("transdermal (patch)"),
        "topical": _tr("topical"),
        "rectal": _tr("rectal"),
        "subcutaneous": _tr("subcutaneous"),
        "intravenous": _tr("intravenous"),
        "intramuscular": _tr("intramuscular"),
        "intrathecal": _tr("intrathecal"),
        "epidural": _tr("epidural"),
        # adherence
        "full": _tr("full"),
        "partial": _tr("partial"),
        "none": _tr("none"),
        # pharmacogenomic phenotypes
        "poor": _tr("poor metabolizer"),
        "intermediate": _tr("intermediate metabolizer"),
        "normal": _tr("normal metabolizer"),
        "ultrarapid": _tr("ultrarapid metabolizer"),
        "indeterminate": _tr("indeterminate"),
        # treatment options
        "nsaid": _tr("NSAID"),
        "paracetamol": _tr("paracetamol"),
        "weak_opioid": _tr("weak opioid"),
        "strong_opioid": _tr("strong opioid"),
        "opioid_rotation": _tr("opioid rotation"),
        "methadone": _tr("methadone"),
        "gabapentinoid": _tr("gabapentinoid"),
        "snri_duloxetine": _tr("SNRI (duloxetine)"),
        "tricyclic": _tr("tricyclic antidepressant"),
        "corticosteroid": _tr("corticosteroid"),
        "topical_lidocaine": _tr("topical lidocaine"),
        "radiotherapy_bone": _tr("radiotherapy for bone metastasis"),
        "nerve_block": _tr("nerve block"),
        "non_pharmacological": _tr("non-pharmacological care"),
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
