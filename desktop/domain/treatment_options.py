"""The treatment-option panel: a label and the main side effects of each class, cited.

Side effects are the class lists of clinical_reference §10 (paraphrased); options the
reference does not tabulate (nerve block, intrathecal) say so instead of guessing.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.domain import sources_guidelines as guidelines
from desktop.domain.texts import Term, register_phrases
from desktop.domain.vocabulary import TreatmentOption, values_of

PANEL: tuple[str, ...] = values_of(TreatmentOption)


@dataclass(frozen=True)
class OptionClass:
    """What a clinician needs to know about an option before the patient-specific cautions."""

    label: str
    side_effects: tuple[str, ...]
    source: str


_OPIOID_EFFECTS = (
    "constipation (persistent: give a laxative)",
    "nausea and vomiting (usually transient)",
    "sedation, delirium",
    "myoclonus / neurotoxicity",
    "pruritus, urinary retention",
    "respiratory depression (with sedatives, renal or hepatic impairment)",
    "tolerance, opioid-use disorder, hypogonadism",
)

OPTION_CLASSES: dict[str, OptionClass] = {
    "nsaid": OptionClass(
        "NSAID",
        (
            "dyspepsia, peptic ulcer and GI bleeding",
            "acute kidney injury, hyperkalaemia",
            "fluid retention, hypertension",
            "myocardial infarction and stroke (all non-aspirin NSAIDs)",
        ),
        f"{guidelines.ACG_LANZA_2009}; {guidelines.KDIGO_2012}",
    ),
    "paracetamol": OptionClass(
        "Paracetamol",
        ("hepatotoxicity above the daily maximum (4 g; 3 g for chronic use or liver risk)",),
        guidelines.PARACETAMOL_LABEL,
    ),
    "weak_opioid": OptionClass(
        "Weak opioid (codeine, tramadol)",
        (
            *_OPIOID_EFFECTS[:3],
            "tramadol: serotonin syndrome, lower seizure threshold",
            "codeine and tramadol depend on CYP2D6 activation",
        ),
        f"{guidelines.OPIOID_SIDE_EFFECTS}; {guidelines.SEROTONIN_SYNDROME}",
    ),
    "strong_opioid": OptionClass(
        "Strong opioid (morphine, oxycodone, hydromorphone, fentanyl)",
        _OPIOID_EFFECTS,
        guidelines.OPIOID_SIDE_EFFECTS,
    ),
    "opioid_rotation": OptionClass(
        "Opioid rotation (switch to another strong opioid)",
        (*_OPIOID_EFFECTS[:3], "incomplete cross-tolerance: start the new opioid lower"),
        guidelines.OPIOID_SIDE_EFFECTS,
    ),
    "methadone": OptionClass(
        "Methadone",
        (
            *_OPIOID_EFFECTS[:3],
            "QTc prolongation and arrhythmia (ECG first)",
            "long, variable half-life: accumulation; many drug interactions",
        ),
        f"{guidelines.OPIOID_SIDE_EFFECTS}; Chou R et al. J Pain 2014;15:321-337",
    ),
    "gabapentinoid": OptionClass(
        "Gabapentinoid (gabapentin, pregabalin)",
        (
            "dizziness, somnolence, ataxia",
            "peripheral oedema, weight gain",
            "confusion (older or renally impaired patients)",
            "respiratory depression with opioids",
            "misuse; taper rather than stop abruptly",
        ),
        guidelines.GABAPENTINOID_LABELS,
    ),
    "snri_duloxetine": OptionClass(
        "SNRI (duloxetine)",
        (
            "nausea, dizziness, somnolence, dry mouth, constipation, sweating",
            "raised blood pressure; hyponatraemia (older patients)",
            "serotonin syndrome with other serotonergic drugs",
            "bleeding risk with NSAIDs or anticoagulants",
        ),
        guidelines.DULOXETINE_LABEL,
    ),
    "tricyclic": OptionClass(
        "Tricyclic antidepressant (amitriptyline, nortriptyline)",
        (
            "anticholinergic: urinary retention, constipation, glaucoma, confusion",
            "orthostatic hypotension and falls; sedation",
            "arrhythmia; dangerous in overdose",
        ),
        f"{guidelines.TCA_CARDIAC_LABEL}; {guidelines.BEERS_2023}",
    ),
    "corticosteroid": OptionClass(
        "Corticosteroid (dexamethasone)",
        (
            "hyperglycaemia",
            "infection, oral thrush",
            "GI bleeding (more so with NSAIDs: give a PPI)",
            "insomnia, agitation, psychosis, delirium",
            "proximal myopathy, osteoporosis, fluid retention",
            "adrenal suppression: taper after more than 2-3 weeks",
        ),
        guidelines.CORTICOSTEROID_LABEL,
    ),
    "topical_lidocaine": OptionClass(
        "Topical lidocaine",
        ("local skin reactions at the application site",),
        "Lidocaine plaster product information 🟡; clinical_reference §11",
    ),
    "radiotherapy_bone": OptionClass(
        "Radiotherapy for painful bone metastasis",
        (
            "pain flare in the days after treatment (dexamethasone can prevent it)",
            "retreatment more often after a single fraction",
        ),
        guidelines.ASTRO_LUTZ_2017,
    ),
    "nerve_block": OptionClass(
        "Nerve block (e.g. coeliac plexus)",
        ("procedure-specific risks: ask the treating team",),
        guidelines.NOT_TABULATED,
    ),
    "intrathecal": OptionClass(
        "Intrathecal analgesia",
        ("procedure- and device-specific risks: ask the treating team",),
        guidelines.NOT_TABULATED,
    ),
    "non_pharmacological": OptionClass(
        "Non-pharmacological care (education, exercise, CBT, sleep)",
        (),
        guidelines.NOCIPLASTIC_FITZCHARLES_EULAR,
    ),
}


register_phrases(entry.label for entry in OPTION_CLASSES.values())
register_phrases(effect for entry in OPTION_CLASSES.values() for effect in entry.side_effects)

#: How an English sentence names an option in passing (the GUI shows its vocabulary label).
OPTION_WORDS: dict[str, str] = {
    "nsaid": "NSAID",
    "snri_duloxetine": "SNRI (duloxetine)",
    "tricyclic": "tricyclic antidepressant",
    "radiotherapy_bone": "radiotherapy for bone metastasis",
    "intrathecal": "intrathecal analgesia",
    "non_pharmacological": "non-pharmacological care",
}


def option_term(option: str) -> Term:
    """An option named in a sentence ("tricyclic antidepressant"), translated by the GUI."""
    return Term(term=option, english=OPTION_WORDS.get(option, option.replace("_", " ")))


def option_class(option: str) -> OptionClass:
    """The class entry of an option; an option a bundle added is labelled as such."""
    return OPTION_CLASSES.get(
        option,
        OptionClass(option, (), "Option added by the model bundle: not in the reference table"),
    )
