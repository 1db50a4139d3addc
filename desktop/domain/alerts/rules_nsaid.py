"""NSAID alerts: kidney function, GI bleeding, antithrombotics, heart failure, platelets,
corticosteroid without gastroprotection (clinical_reference §10).

Each fires when an NSAID (aspirin excepted) is prescribed or the model ranks the NSAID
option, so the option is excluded or demoted with its reason.
"""

from __future__ import annotations

from desktop.domain import sources_guidelines as guidelines
from desktop.domain.alerts.alert import Alert, AlertInput, make_inputs, worded
from desktop.domain.alerts.facts import Facts
from desktop.domain.pharmacology.drug_groups import (
    ANALGESIC_NSAIDS,
    ANTICOAGULANTS,
    ANTIPLATELETS,
    CORTICOSTEROIDS,
    PROTON_PUMP_INHIBITORS,
)
from desktop.domain.texts import Listed, Phrase, Template, TextArg, phrase, template

NSAIDS = phrase("NSAIDs")
RENAL_AVOID = template("{drugs}: avoid with {measure} {value:g} (below {limit}).")
RENAL_AVOID_RULE = template("eGFR or CrCl < {limit} (setting nsaid_avoid_egfr_below): avoid NSAIDs")
RENAL_CAUTION = template(
    "{drugs} with {measure} {value:g} (below {limit}): avoid prolonged use; monitor kidney "
    "function; avoid with lithium and with an ACE inhibitor or ARB plus a diuretic."
)
RENAL_CAUTION_RULE = template(
    "eGFR or CrCl < {limit} (setting nsaid_caution_egfr_below): avoid prolonged NSAID use"
)
GI_BLEED = template(
    "{drugs} with a history of GI bleeding: avoid; if unavoidable, a COX-2 inhibitor with a PPI."
)
GI_BLEED_RULE = template(
    "GI bleed or ulcer history: avoid NSAIDs, or COX-2 selective NSAID plus PPI"
)
ANTITHROMBOTIC = template(
    "{drugs} with {antithrombotics}: bleeding risk; avoid, or use with gastroprotection and "
    "close monitoring."
)
ANTITHROMBOTIC_RULE = template(
    "NSAID with an anticoagulant or antiplatelet drug: avoid or strong caution"
)
HEART_FAILURE = template(
    "{drugs} with heart failure: sodium and water retention can decompensate it; avoid."
)
HEART_FAILURE_RULE = template("Heart failure: avoid NSAIDs")
PLATELETS = template("{drugs}: avoid with platelets {platelets:g} x 10^9/L (below {limit}).")
PLATELETS_RULE = template(
    "Platelets < {limit} x 10^9/L (setting nsaid_avoid_platelets_below): avoid NSAIDs "
    "(impaired platelet function)"
)
STEROID_NO_PPI = template(
    "NSAID with a corticosteroid ({drugs}) and no proton pump inhibitor: high GI bleeding "
    "risk; give a PPI."
)
STEROID_PROPOSED_NO_PPI = template(
    "NSAID with a corticosteroid ({drugs} + proposed option) and no proton pump inhibitor: "
    "high GI bleeding risk; give a PPI."
)
STEROID_NO_PPI_RULE = template("NSAID plus corticosteroid without a proton pump inhibitor")


def _subject(facts: Facts) -> tuple[TextArg, tuple[AlertInput, ...]]:
    """ "Ibuprofen" (and its input) when prescribed, else "NSAIDs"."""
    prescribed = facts.prescribed(ANALGESIC_NSAIDS)
    if not prescribed:
        return NSAIDS, ()
    names = Listed(items=tuple(m.name for m in prescribed))
    return names, make_inputs(*((m.path, m.name) for m in prescribed))


def nsaid_kidney(facts: Facts) -> list[Alert]:
    """eGFR/CrCl below ``nsaid_avoid_egfr_below`` (30): avoid; below
    ``nsaid_caution_egfr_below`` (60): avoid prolonged use (KDIGO 2012 ch. 4; §10)."""
    kidney = facts.kidney()
    if kidney is None or not facts.relevant("nsaid"):
        return []
    avoid, caution = facts.settings.nsaid_avoid_egfr_below, facts.settings.nsaid_caution_egfr_below
    subject, drug_inputs = _subject(facts)
    inputs = (*make_inputs((kidney.path, kidney.value)), *drug_inputs)
    if kidney.value < avoid:
        return [
            Alert(
                code="NSAID_RENAL_AVOID",
                severity="contraindication",
                kind="guideline",
                **worded(
                    RENAL_AVOID.fill(
                        drugs=subject,
                        measure=Phrase(phrase=kidney.label),
                        value=kidney.value,
                        limit=avoid,
                    ),
                    RENAL_AVOID_RULE.fill(limit=avoid),
                ),
                source=guidelines.KDIGO_2012,
                inputs=inputs,
                affects=("nsaid",),
                action="exclude",
            )
        ]
    if kidney.value < caution:
        return [
            Alert(
                code="NSAID_RENAL_CAUTION",
                severity="caution",
                kind="guideline",
                **worded(
                    RENAL_CAUTION.fill(
                        drugs=subject,
                        measure=Phrase(phrase=kidney.label),
                        value=kidney.value,
                        limit=caution,
                    ),
                    RENAL_CAUTION_RULE.fill(limit=caution),
                ),
                source=guidelines.KDIGO_2012,
                inputs=inputs,
                affects=("nsaid",),
                action="demote",
            )
        ]
    return []


def _nsaid_flag_alert(
    facts: Facts,
    code: str,
    message: tuple[Template, dict[str, TextArg]],
    inputs: tuple[AlertInput, ...],
    rule: Template,
    source: str,
) -> list[Alert]:
    subject, drug_inputs = _subject(facts)
    sentence, args = message
    return [
        Alert(
            code=code,
            severity="warning",
            kind="guideline",
            **worded(sentence.fill(drugs=subject, **args), rule.fill()),
            source=source,
            inputs=(*inputs, *drug_inputs),
            affects=("nsaid",),
            action="demote",
        )
    ]


def nsaid_gi_bleed(facts: Facts) -> list[Alert]:
    """GI bleed or ulcer history: avoid NSAIDs, or COX-2 inhibitor + PPI (ACG 2009; §10)."""
    if not facts.flag("gi_bleed_history") or not facts.relevant("nsaid"):
        return []
    return _nsaid_flag_alert(
        facts,
        "NSAID_GI_BLEED",
        (GI_BLEED, {}),
        make_inputs(("comorbidities.gi_bleed_history", True)),
        GI_BLEED_RULE,
        guidelines.ACG_LANZA_2009,
    )


def nsaid_antithrombotic(facts: Facts) -> list[Alert]:
    """Anticoagulant or antiplatelet with an NSAID: bleeding risk (ACG 2009; §10)."""
    drugs = facts.prescribed(ANTICOAGULANTS | ANTIPLATELETS)
    if not drugs or not facts.relevant("nsaid"):
        return []
    names = Listed(items=tuple(m.name for m in drugs))
    return _nsaid_flag_alert(
        facts,
        "NSAID_ANTITHROMBOTIC",
        (ANTITHROMBOTIC, {"antithrombotics": names}),
        make_inputs(*((m.path, m.name) for m in drugs)),
        ANTITHROMBOTIC_RULE,
        guidelines.ACG_LANZA_2009,
    )


def nsaid_heart_failure(facts: Facts) -> list[Alert]:
    """Heart failure: NSAIDs cause fluid retention and decompensation (AHA/ACC 2022; §10)."""
    if not facts.flag("heart_failure") or not facts.relevant("nsaid"):
        return []
    return _nsaid_flag_alert(
        facts,
        "NSAID_HEART_FAILURE",
        (HEART_FAILURE, {}),
        make_inputs(("comorbidities.heart_failure", True)),
        HEART_FAILURE_RULE,
        guidelines.AHA_ACC_HF_2022,
    )


def nsaid_platelets(facts: Facts) -> list[Alert]:
    """Platelets below ``nsaid_avoid_platelets_below`` (50 x 10^9/L, convention ⚠️; §10)."""
    platelets = facts.case.comorbidities.platelets if facts.case.comorbidities else None
    limit = facts.settings.nsaid_avoid_platelets_below
    if platelets is None or platelets >= limit or not facts.relevant("nsaid"):
        return []
    subject, drug_inputs = _subject(facts)
    return [
        Alert(
            code="NSAID_LOW_PLATELETS",
            severity="contraindication",
            kind="guideline",
            **worded(
                PLATELETS.fill(drugs=subject, platelets=platelets, limit=limit),
                PLATELETS_RULE.fill(limit=limit),
            ),
            source=guidelines.PLATELETS_CONVENTION,
            inputs=(*make_inputs(("comorbidities.platelets", platelets)), *drug_inputs),
            affects=("nsaid",),
            action="exclude",
        )
    ]


def nsaid_steroid_without_ppi(facts: Facts) -> list[Alert]:
    """NSAID with a corticosteroid and no PPI: GI bleeding risk (ACG 2009; §10).

    Both prescribed: warning. One prescribed and the other among the top-ranked options:
    caution. Nothing when a PPI is prescribed.
    """
    if facts.prescribed(PROTON_PUMP_INHIBITORS):
        return []
    nsaids, steroids = facts.prescribed(ANALGESIC_NSAIDS), facts.prescribed(CORTICOSTEROIDS)
    both = bool(nsaids and steroids)
    one_proposed = (nsaids and facts.proposed("corticosteroid")) or (
        steroids and facts.proposed("nsaid")
    )
    if not (both or one_proposed):
        return []
    names = Listed(items=tuple(m.name for m in (*nsaids, *steroids)))
    message = STEROID_NO_PPI if both else STEROID_PROPOSED_NO_PPI
    return [
        Alert(
            code="NSAID_STEROID_NO_PPI",
            severity="warning" if both else "caution",
            kind="guideline",
            **worded(message.fill(drugs=names), STEROID_NO_PPI_RULE.fill()),
            source=guidelines.ACG_LANZA_2009,
            inputs=make_inputs(*((m.path, m.name) for m in (*nsaids, *steroids))),
            affects=("nsaid", "corticosteroid"),
        )
    ]


RULES = (
    nsaid_kidney,
    nsaid_gi_bleed,
    nsaid_antithrombotic,
    nsaid_heart_failure,
    nsaid_platelets,
    nsaid_steroid_without_ppi,
)
