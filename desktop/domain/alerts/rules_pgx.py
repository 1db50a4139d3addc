"""Pharmacogenomic alerts: CYP2D6 with codeine/tramadol, CYP2C9 with NSAIDs (§9)."""

from __future__ import annotations

from desktop.domain import sources
from desktop.domain import sources_guidelines as guidelines
from desktop.domain.alerts.alert import Alert, InputValue, Severity, make_inputs, worded
from desktop.domain.alerts.facts import Facts
from desktop.domain.derived import Cyp2c9Result, Cyp2d6Result
from desktop.domain.pharmacology.cyp2c9 import recommend_nsaid
from desktop.domain.pharmacology.cyp2d6 import recommend_cyp2d6_opioid
from desktop.domain.pharmacology.drug_groups import (
    ANALGESIC_NSAIDS,
    CYP2D6_PRODRUG_OPIOIDS,
    MODERATE_CYP2D6_INHIBITORS,
    STRONG_CYP2D6_INHIBITORS,
)
from desktop.domain.pharmacology.drugs import NSAIDS
from desktop.domain.pharmacology.recommendation import Recommendation
from desktop.domain.texts import Listed, Phrase, Term, phrase, register_phrases, template

AVOID_PHENOTYPES = ("poor", "ultrarapid")
CYP2D6_RULE = template(
    "CYP2D6 poor (activity score 0) or ultrarapid (> 2.25) metabolizer: avoid codeine and "
    "tramadol; if an opioid is needed use one not activated by CYP2D6 (CPIC 2021 Tables 2-3)"
)
NON_CYP2D6_OPIOIDS = "morphine, hydromorphone, fentanyl or buprenorphine"
CYP2D6_DRUG = template("{drug} with CYP2D6 {phenotype} metabolizer: {advice}")
CYP2D6_WEAK_OPIOID = template(
    "CYP2D6 {phenotype} metabolizer: avoid codeine and tramadol. If an opioid is needed, use "
    f"one not activated by CYP2D6 ({NON_CYP2D6_OPIOIDS})."
)
CYP2D6_INTERMEDIATE = template("{drug} with CYP2D6 intermediate metabolizer: {advice}")
CYP2D6_INTERMEDIATE_RULE = template(
    "CYP2D6 intermediate metabolizer (0 < AS < 1.25): label dosing; if no response, switch "
    "to an opioid not activated by CYP2D6 (CPIC 2021)"
)
CYP2D6_INHIBITOR = template(
    "{inhibitors} inhibits CYP2D6: {target} may give little analgesia (the patient behaves "
    "like a poorer metabolizer). Prefer an opioid not activated by CYP2D6 "
    f"({NON_CYP2D6_OPIOIDS})."
)
CYP2D6_INHIBITOR_OPTION = phrase("codeine or tramadol (weak-opioid option)")
CYP2D6_INHIBITOR_RULE = template(
    "Strong CYP2D6 inhibitor (paroxetine, fluoxetine, bupropion, quinidine) or duloxetine "
    "(moderate) with codeine or tramadol: phenoconversion"
)
CYP2C9_DRUG = template("{drug} with CYP2C9 {phenotype} metabolizer: {advice}")
CYP2C9_DRUG_RULE = template("CYP2C9 activity score and NSAID ({table})")
_CYP2C9_OPTION_ADVICE = (
    "if an NSAID is chosen, prefer one not metabolized by CYP2C9 (naproxen, sulindac) or "
    "start celecoxib, ibuprofen or meloxicam at a reduced dose; avoid piroxicam and tenoxicam."
)
CYP2C9_OPTION = template(f"CYP2C9 {{phenotype}} metabolizer: {_CYP2C9_OPTION_ADVICE}")
CYP2C9_OPTION_NO_SCORE = template(
    "CYP2C9 {phenotype} metabolizer (activity score not given: 1.5 needs no change, 1 does): "
    + _CYP2C9_OPTION_ADVICE
)
CYP2C9_OPTION_RULE = template(
    "CYP2C9 activity score <= 1: reduced dose or alternative NSAID (CPIC 2020)"
)


def _cpic_recommendations() -> list[str]:
    """Every CPIC recommendation text the alerts can quote (catalogued as phrases)."""
    texts = [
        recommend_cyp2d6_opioid(drug, phenotype).recommendation
        for drug in ("codeine", "tramadol")
        for phenotype in ("poor", "intermediate", "normal", "ultrarapid", "indeterminate")
    ]
    for drug in sorted(NSAIDS):
        for score in (0.0, 0.5, 1.0, 1.5, 2.0, None):
            advice = recommend_nsaid(drug, activity_score=score, phenotype="indeterminate")
            if isinstance(advice, Recommendation):
                texts.append(advice.recommendation)
    return texts


register_phrases(_cpic_recommendations())


def _phenotype_input(result: Cyp2d6Result | Cyp2c9Result, gene: str) -> tuple[str, InputValue]:
    if result.basis == "activity_score":
        return f"pharmacogenomics.{gene}_activity_score", result.activity_score
    return f"pharmacogenomics.{gene}", result.phenotype


def cyp2d6_avoid(facts: Facts) -> list[Alert]:
    """CYP2D6 PM/UM: avoid codeine and tramadol (CPIC 2021, Crews 2021; §9).

    One alert per prescribed codeine or tramadol; otherwise one alert for the weak-opioid
    option (a genotype holds for life, so it is reported even without a model).
    """
    result = facts.derived.cyp2d6
    if not isinstance(result, Cyp2d6Result) or result.phenotype not in AVOID_PHENOTYPES:
        return []
    phenotype = _phenotype_input(result, "CYP2D6")
    alerts = []
    for med in facts.prescribed(CYP2D6_PRODRUG_OPIOIDS):
        advice = result.codeine if med.key == "codeine" else result.tramadol
        alerts.append(
            Alert(
                code=f"PGX_CYP2D6_{med.key.upper()}",
                severity="contraindication",
                kind="guideline",
                **worded(
                    CYP2D6_DRUG.fill(
                        drug=med.name,
                        phenotype=Term(term=result.phenotype),
                        advice=Phrase(phrase=advice.recommendation),
                    ),
                    CYP2D6_RULE.fill(),
                ),
                source=sources.CPIC_CYP2D6_2021,
                inputs=make_inputs(phenotype, (med.path, med.name)),
                affects=("weak_opioid",),
                action="exclude",
            )
        )
    if alerts:
        return alerts
    return [
        Alert(
            code="PGX_CYP2D6_WEAK_OPIOID",
            severity="contraindication",
            kind="guideline",
            **worded(
                CYP2D6_WEAK_OPIOID.fill(phenotype=Term(term=result.phenotype)),
                CYP2D6_RULE.fill(),
            ),
            source=sources.CPIC_CYP2D6_2021,
            inputs=make_inputs(phenotype),
            affects=("weak_opioid",),
            action="exclude",
        )
    ]


def cyp2d6_intermediate(facts: Facts) -> list[Alert]:
    """CYP2D6 IM with codeine/tramadol: label dosing, switch if no response (CPIC 2021)."""
    result = facts.derived.cyp2d6
    if not isinstance(result, Cyp2d6Result) or result.phenotype != "intermediate":
        return []
    return [
        Alert(
            code="PGX_CYP2D6_INTERMEDIATE",
            severity="info",
            kind="guideline",
            **worded(
                CYP2D6_INTERMEDIATE.fill(
                    drug=med.name,
                    advice=Phrase(
                        phrase=(
                            result.codeine if med.key == "codeine" else result.tramadol
                        ).recommendation
                    ),
                ),
                CYP2D6_INTERMEDIATE_RULE.fill(),
            ),
            source=sources.CPIC_CYP2D6_2021,
            inputs=make_inputs(_phenotype_input(result, "CYP2D6"), (med.path, med.name)),
            affects=("weak_opioid",),
        )
        for med in facts.prescribed(CYP2D6_PRODRUG_OPIOIDS)
    ]


def cyp2d6_inhibitor(facts: Facts) -> list[Alert]:
    """CYP2D6 inhibitors reduce codeine/tramadol activation (phenoconversion; CPIC 2021 🟡).

    Strong inhibitor with codeine/tramadol prescribed: warning; with the weak-opioid option
    ranked: caution (both demote it). Duloxetine (moderate) with codeine/tramadol: caution.
    """
    result = facts.derived.cyp2d6
    if isinstance(result, Cyp2d6Result) and result.phenotype in AVOID_PHENOTYPES:
        return []  # already excluded by cyp2d6_avoid
    prodrugs = facts.prescribed(CYP2D6_PRODRUG_OPIOIDS)
    strong = facts.prescribed(STRONG_CYP2D6_INHIBITORS)
    moderate = facts.prescribed(MODERATE_CYP2D6_INHIBITORS)
    inhibitors = strong or (moderate if prodrugs else ())
    if not inhibitors or not (prodrugs or facts.in_panel("weak_opioid")):
        return []
    names = Listed(items=tuple(m.name for m in inhibitors))
    target = Listed(items=tuple(m.name for m in prodrugs)) if prodrugs else CYP2D6_INHIBITOR_OPTION
    severity: Severity = "warning" if strong and prodrugs else "caution"
    return [
        Alert(
            code="PGX_CYP2D6_INHIBITOR",
            severity=severity,
            kind="guideline",
            **worded(
                CYP2D6_INHIBITOR.fill(inhibitors=names, target=target),
                CYP2D6_INHIBITOR_RULE.fill(),
            ),
            source=guidelines.CPIC_PHENOCONVERSION,
            inputs=make_inputs(*((m.path, m.name) for m in (*inhibitors, *prodrugs))),
            affects=("weak_opioid",),
            action="demote" if strong else "annotate",
        )
    ]


def cyp2c9_nsaid(facts: Facts) -> list[Alert]:
    """CYP2C9 and prescribed NSAIDs (CPIC 2020, Theken 2020, Tables 2-4; §9)."""
    result = facts.derived.cyp2c9
    if not isinstance(result, Cyp2c9Result):
        return []
    alerts = []
    nsaids = facts.prescribed(NSAIDS)  # the same order as derive_cyp2c9 listed them
    for med, advice in zip(nsaids, result.nsaids, strict=True):
        if not isinstance(advice, Recommendation) or advice.action in (
            "usual_start",
            "no_cyp2c9_action",
            "no_recommendation",
        ):
            continue
        alerts.append(
            Alert(
                code="PGX_CYP2C9_NSAID",
                severity="warning" if advice.action == "choose_alternative" else "caution",
                kind="guideline",
                **worded(
                    CYP2C9_DRUG.fill(
                        drug=med.name,
                        phenotype=Term(term=advice.phenotype),
                        advice=Phrase(phrase=advice.recommendation),
                    ),
                    CYP2C9_DRUG_RULE.fill(table=advice.table),
                ),
                source=sources.CPIC_CYP2C9_2020,
                inputs=make_inputs(_phenotype_input(result, "CYP2C9"), (med.path, med.name)),
                affects=("nsaid",),
            )
        )
    return alerts


def cyp2c9_nsaid_option(facts: Facts) -> list[Alert]:
    """Reduced CYP2C9 function and the NSAID option: prefer a non-CYP2C9 NSAID (CPIC 2020)."""
    result = facts.derived.cyp2c9
    if not isinstance(result, Cyp2c9Result) or not facts.in_panel("nsaid"):
        return []
    score = result.activity_score
    reduced = result.phenotype == "poor" or (score is not None and score <= 1)
    unknown_row = result.phenotype == "intermediate" and score is None
    if not (reduced or unknown_row) or facts.prescribed(ANALGESIC_NSAIDS):
        return []
    message = CYP2C9_OPTION_NO_SCORE if unknown_row else CYP2C9_OPTION
    return [
        Alert(
            code="PGX_CYP2C9_NSAID_OPTION",
            severity="caution",
            kind="guideline",
            **worded(
                message.fill(phenotype=Term(term=result.phenotype)),
                CYP2C9_OPTION_RULE.fill(),
            ),
            source=sources.CPIC_CYP2C9_2020,
            inputs=make_inputs(_phenotype_input(result, "CYP2C9")),
            affects=("nsaid",),
        )
    ]


RULES = (cyp2d6_avoid, cyp2d6_intermediate, cyp2d6_inhibitor, cyp2c9_nsaid, cyp2c9_nsaid_option)
