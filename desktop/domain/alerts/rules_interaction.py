"""Drug-drug interaction alerts: opioid + benzodiazepine or gabapentinoid, tramadol +
serotonergic drugs (clinical_reference §10).

Both drugs prescribed: the full severity. One prescribed and the other among the options
the model ranks highest (``settings.top_options_count``): one step lower.
"""

from __future__ import annotations

from desktop.domain import sources_guidelines as guidelines
from desktop.domain.alerts.alert import Alert, make_inputs, worded
from desktop.domain.alerts.facts import Facts, Prescribed
from desktop.domain.pharmacology.drug_groups import (
    ANY_OPIOID,
    BENZODIAZEPINES,
    GABAPENTINOIDS,
    OPIOID_OPTIONS,
    SEROTONERGIC,
)
from desktop.domain.texts import Listed, Phrase, Term, Text, TextArg, phrase, template

BENZODIAZEPINE = template(
    "{opioids} with {benzodiazepines}: risk of respiratory depression and death; avoid the "
    "combination or taper, use the lowest doses and monitor."
)
PROPOSED_OPIOID_OPTION = phrase("a proposed opioid option")
BENZODIAZEPINE_RULE = template("Opioid with a benzodiazepine (FDA boxed warning)")
GABAPENTINOID = template(
    "{opioids} with {gabapentinoids}: added sedation and respiratory depression; start low, "
    "titrate slowly, watch breathing (more so with lung disease or older age)."
)
PROPOSED_OPIOID = phrase("a proposed opioid")
PROPOSED_GABAPENTINOID = phrase("a proposed gabapentinoid")
GABAPENTINOID_RULE = template("Opioid with gabapentin or pregabalin (FDA 2019 warning)")
SEROTONERGIC_TEXT = template(
    "{tramadol} with {serotonergic}: risk of serotonin syndrome and seizures; prefer a "
    "non-serotonergic opioid."
)
TRAMADOL_IF_CHOSEN = phrase("tramadol (if the weak-opioid option is chosen)")
PROPOSED_OPTIONS = template("{options} (proposed)")
SEROTONERGIC_RULE = template("Tramadol with an SNRI, SSRI, tricyclic or MAOI")


def _names(meds: tuple[Prescribed, ...], otherwise: Phrase | Text) -> TextArg:
    """The prescribed drugs as written, or ``otherwise`` when there are none."""
    return Listed(items=tuple(m.name for m in meds)) if meds else otherwise


def _proposed(facts: Facts, options: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(o for o in options if facts.proposed(o))


def opioid_benzodiazepine(facts: Facts) -> list[Alert]:
    """Opioid + benzodiazepine: respiratory depression (FDA boxed warning 2016; CDC 2022)."""
    benzodiazepines = facts.prescribed(BENZODIAZEPINES)
    opioids = facts.prescribed(ANY_OPIOID)
    proposed = _proposed(facts, OPIOID_OPTIONS)
    if not benzodiazepines or not (opioids or proposed):
        return []
    partner = _names(opioids, PROPOSED_OPIOID_OPTION)
    return [
        Alert(
            code="OPIOID_BENZODIAZEPINE",
            severity="warning" if opioids else "caution",
            kind="guideline",
            **worded(
                BENZODIAZEPINE.fill(
                    opioids=partner,
                    benzodiazepines=Listed(items=tuple(m.name for m in benzodiazepines)),
                ),
                BENZODIAZEPINE_RULE.fill(),
            ),
            source=guidelines.FDA_OPIOID_BENZODIAZEPINE_2016,
            inputs=make_inputs(*((m.path, m.name) for m in (*opioids, *benzodiazepines))),
            affects=OPIOID_OPTIONS,
        )
    ]


def opioid_gabapentinoid(facts: Facts) -> list[Alert]:
    """Opioid + gabapentinoid: breathing difficulties (FDA 2019 🟡; §10)."""
    opioids, gabapentinoids = facts.prescribed(ANY_OPIOID), facts.prescribed(GABAPENTINOIDS)
    both = bool(opioids and gabapentinoids)
    proposed = (opioids and facts.proposed("gabapentinoid")) or (
        gabapentinoids and _proposed(facts, OPIOID_OPTIONS)
    )
    if not (both or proposed):
        return []
    first = _names(opioids, PROPOSED_OPIOID)
    second = _names(gabapentinoids, PROPOSED_GABAPENTINOID)
    return [
        Alert(
            code="OPIOID_GABAPENTINOID",
            severity="caution" if both else "info",
            kind="guideline",
            **worded(
                GABAPENTINOID.fill(opioids=first, gabapentinoids=second),
                GABAPENTINOID_RULE.fill(),
            ),
            source=guidelines.FDA_GABAPENTINOID_2019,
            inputs=make_inputs(*((m.path, m.name) for m in (*opioids, *gabapentinoids))),
            affects=("gabapentinoid",),
        )
    ]


def tramadol_serotonergic(facts: Facts) -> list[Alert]:
    """Tramadol + SNRI/SSRI/TCA/MAOI: serotonin syndrome, seizures (Boyer 2005; §10)."""
    tramadol = facts.prescribed(frozenset({"tramadol"}))
    serotonergic = facts.prescribed(SEROTONERGIC)
    both = bool(tramadol and serotonergic)
    adjuvants = _proposed(facts, ("snri_duloxetine", "tricyclic"))
    proposed = (tramadol and adjuvants) or (serotonergic and facts.proposed("weak_opioid"))
    if not (both or proposed):
        return []
    first = _names(tramadol, TRAMADOL_IF_CHOSEN)
    proposed_adjuvants = Listed(
        items=tuple(Term(term=o, english=o) for o in adjuvants), separator=" / "
    )
    second = _names(serotonergic, PROPOSED_OPTIONS.fill(options=proposed_adjuvants))
    return [
        Alert(
            code="TRAMADOL_SEROTONERGIC",
            severity="warning" if both else "caution",
            kind="guideline",
            **worded(
                SEROTONERGIC_TEXT.fill(tramadol=first, serotonergic=second),
                SEROTONERGIC_RULE.fill(),
            ),
            source=guidelines.SEROTONIN_SYNDROME,
            inputs=make_inputs(*((m.path, m.name) for m in (*tramadol, *serotonergic))),
            affects=("weak_opioid", "snri_duloxetine", "tricyclic"),
        )
    ]


RULES = (opioid_benzodiazepine, opioid_gabapentinoid, tramadol_serotonergic)
