"""Alerts where the clinical picture and the treatment (prescribed or ranked) disagree:
under-treatment (negative PMI), opioids for neuropathic or nociplastic pain, painful bone
metastasis without radiotherapy (clinical_reference §5, §10, §11)."""

from __future__ import annotations

from desktop.domain import sources_guidelines as guidelines
from desktop.domain.alerts.alert import Alert, make_inputs, worded
from desktop.domain.alerts.facts import Facts
from desktop.domain.pharmacology.drug_groups import (
    NEUROPATHIC_ADJUVANT_OPTIONS,
    OPIOID_OPTIONS,
    STRONG_OPIOID_OPTIONS,
)
from desktop.domain.pharmacology.drugs import STRONG_OPIOIDS
from desktop.domain.scales.pmi import Pmi
from desktop.domain.texts import Listed, Term, TextArg, template

NEGATIVE_PMI = template(
    "Pain Management Index {pmi} (analgesic level {analgesic_level}, pain level "
    "{pain_level}): the strongest analgesic prescribed may be weaker than the worst pain "
    "warrants. Review analgesia; a negative PMI is a prompt, not a verdict."
)
NEGATIVE_PMI_RULE = template("PMI = analgesic level - pain level < 0 (pain level scheme {scheme})")
NEUROPATHIC_OPIOID = template(
    "Predominantly neuropathic picture, yet {options} ranks above the neuropathic adjuvants: "
    "an opioid alone is less effective for neuropathic pain; combine it with a "
    "gabapentinoid, duloxetine or a tricyclic."
)
NEUROPATHIC_OPIOID_RULE = template("Neuropathic pain: opioid plus an adjuvant, not an opioid alone")
NOCIPLASTIC_OPIOID = template(
    "Predominantly nociplastic picture with {treatments} as main therapy: strong opioids are "
    "not recommended; non-drug care first (education, exercise, CBT, sleep), then "
    "duloxetine, a low-dose tricyclic or pregabalin."
)
NOCIPLASTIC_OPIOID_RULE = template(
    "Nociplastic-dominant pain: avoid strong opioids as main therapy"
)
BONE_METASTASIS = template(
    "Localised painful bone metastasis and no radiotherapy recorded: consider palliative "
    "radiotherapy (8 Gy single fraction relieves pain as well as longer courses). Spinal "
    "cord compression or an impending fracture needs urgent referral."
)
BONE_METASTASIS_RULE = template("Localised painful bone metastasis: consider radiotherapy")


def _names(options: tuple[str, ...]) -> Listed:
    return Listed(items=tuple(Term(term=o) for o in options))


def negative_pmi(facts: Facts) -> list[Alert]:
    """Negative PMI: a prompt to review analgesia, not a verdict (Cleeland 1994;
    Sakakibara 2018; §5). -1 caution, -2 or below warning."""
    pmi = facts.derived.pmi
    if not isinstance(pmi, Pmi) or not pmi.negative:
        return []
    worst = facts.case.assessment.nrs.worst if facts.case.assessment.nrs else None
    return [
        Alert(
            code="UNDERTREATMENT_NEGATIVE_PMI",
            severity="caution" if pmi.pmi == -1 else "warning",
            kind="undertreatment",
            **worded(
                NEGATIVE_PMI.fill(
                    pmi=pmi.pmi,
                    analgesic_level=pmi.analgesic_level,
                    pain_level=pmi.pain_level,
                ),
                NEGATIVE_PMI_RULE.fill(scheme=pmi.scheme),
            ),
            source=guidelines.SAKAKIBARA_2018,
            inputs=make_inputs(("assessment.nrs.worst", worst), ("derived.pmi", pmi.pmi)),
        )
    ]


def neuropathic_opioid_ranked_high(facts: Facts) -> list[Alert]:
    """Predominantly neuropathic pain with an opioid ranked above every neuropathic adjuvant
    and among the top options: opioids alone are less effective; add an adjuvant
    (ESMO 2018; NeuPSIG, Finnerup 2015; §11)."""
    if facts.predominant_mechanism() != "neuropathic":
        return []
    ranks = [facts.model_rank(o) for o in NEUROPATHIC_ADJUVANT_OPTIONS]
    best_adjuvant = min((r for r in ranks if r is not None), default=None)
    high = tuple(
        o
        for o in OPIOID_OPTIONS
        if facts.proposed(o)
        and (best_adjuvant is None or (facts.model_rank(o) or 99) < best_adjuvant)
    )
    if not high:
        return []
    neuropathic = facts.model.mechanism("neuropathic") if facts.model else None
    probability = neuropathic.probability if neuropathic else None
    return [
        Alert(
            code="NEUROPATHIC_OPIOID_RANKED_HIGH",
            severity="caution",
            kind="guideline",
            **worded(NEUROPATHIC_OPIOID.fill(options=_names(high)), NEUROPATHIC_OPIOID_RULE.fill()),
            source=guidelines.NEUROPATHIC_ESMO_NEUPSIG,
            inputs=make_inputs(
                ("model.mechanisms.neuropathic.probability", probability),
                *((f"model.options.{o}.rank", facts.model_rank(o)) for o in high),
            ),
            affects=high,
        )
    ]


def nociplastic_strong_opioid(facts: Facts) -> list[Alert]:
    """Nociplastic-dominant pain with a strong opioid ranked high or prescribed: strong
    opioids are not recommended (Fitzcharles 2021; EULAR 2017; §11)."""
    if facts.predominant_mechanism() != "nociplastic":
        return []
    proposed = tuple(o for o in STRONG_OPIOID_OPTIONS if facts.proposed(o))
    prescribed = facts.prescribed(STRONG_OPIOIDS)
    if not proposed and not prescribed:
        return []
    nociplastic = facts.model.mechanism("nociplastic") if facts.model else None
    what: list[TextArg] = [m.name for m in prescribed]
    if proposed:
        what.append(_names(proposed))
    return [
        Alert(
            code="NOCIPLASTIC_STRONG_OPIOID",
            severity="warning",
            kind="guideline",
            **worded(
                NOCIPLASTIC_OPIOID.fill(treatments=Listed(items=tuple(what))),
                NOCIPLASTIC_OPIOID_RULE.fill(),
            ),
            source=guidelines.NOCIPLASTIC_FITZCHARLES_EULAR,
            inputs=make_inputs(
                (
                    "model.mechanisms.nociplastic.probability",
                    nociplastic.probability if nociplastic else None,
                ),
                *((m.path, m.name) for m in prescribed),
            ),
            affects=STRONG_OPIOID_OPTIONS,
            action="demote",
        )
    ]


def bone_metastasis_without_radiotherapy(facts: Facts) -> list[Alert]:
    """Localised painful bone metastasis with no radiotherapy recorded, started or ranked
    high: consider palliative RT (ASTRO, Lutz 2017; §10-§11). Any radiotherapy on record
    counts as considered (the site cannot be matched to the painful lesion)."""
    case = facts.case
    metastases = case.cancer.metastases if case.cancer and case.cancer.metastases else ()
    pattern = case.assessment.pattern
    worst = case.assessment.nrs.worst if case.assessment.nrs else None
    if "bone" not in metastases or not (pattern and pattern.localized) or (worst or 0) < 4:
        return []
    treated = (
        any(t.type == "radiotherapy" for t in (case.cancer.treatments or ()))
        if case.cancer
        else False
    )
    started = any(f.treatment_started == "radiotherapy_bone" for f in case.follow_ups or ())
    if treated or started or facts.proposed("radiotherapy_bone"):
        return []
    return [
        Alert(
            code="BONE_METASTASIS_NO_RT",
            severity="caution",
            kind="guideline",
            **worded(BONE_METASTASIS.fill(), BONE_METASTASIS_RULE.fill()),
            source=guidelines.ASTRO_LUTZ_2017,
            inputs=make_inputs(
                ("cancer.metastases", "bone"),
                ("assessment.pattern.localized", True),
                ("assessment.nrs.worst", worst),
            ),
            affects=("radiotherapy_bone",),
        )
    ]


RULES = (
    negative_pmi,
    neuropathic_opioid_ranked_high,
    nociplastic_strong_opioid,
    bone_metastasis_without_radiotherapy,
)
