"""Opioid alerts: renal impairment, laxative, methadone and QTc (clinical_reference §10)."""

from __future__ import annotations

from desktop.domain import sources
from desktop.domain import sources_guidelines as guidelines
from desktop.domain.alerts.alert import Alert, make_inputs, worded
from desktop.domain.alerts.facts import Facts, KidneyFunction
from desktop.domain.pharmacology.drug_groups import LAXATIVES, RENAL_AVOID_OPIOIDS
from desktop.domain.pharmacology.drugs import STRONG_OPIOIDS
from desktop.domain.pharmacology.methadone_qtc import MESSAGES, MethadoneQtc
from desktop.domain.texts import Listed, Phrase, Text, phrase, register_phrases, template

RENAL_OPIOID_SOURCE = f"{guidelines.SIGN_106}; {guidelines.KING_2011}"
RENAL_PREFERRED = "prefer fentanyl, buprenorphine or alfentanil"
TRAMADOL_RENAL_MAX_MG = 200

KIDNEY_BELOW = template("{measure} {value:g} (below {limit})")
RENAL_RULE = template(
    "CrCl or eGFR < {limit} (setting opioid_renal_avoid_below): avoid morphine, codeine "
    f"and pethidine (active metabolites accumulate); {RENAL_PREFERRED}"
)
RENAL_AVOID = template(
    f"{{drugs}} with {{kidney}}: metabolites accumulate; switch opioid ({RENAL_PREFERRED})."
)
RENAL_TRAMADOL = template("{drug} with {kidney}: at most {max_mg} mg/day, 12-hourly.")
RENAL_TRAMADOL_RULE = template("CrCl < {limit}: tramadol at most {max_mg} mg/day (label)")
RENAL_CHOICE = template(
    "{kidney}: if an opioid is started, avoid morphine, codeine and pethidine; "
    f"{RENAL_PREFERRED}."
)
NO_LAXATIVE = template(
    "{drugs} without a laxative: prescribe a regular laxative (opioid constipation persists)."
)
PROPOSED_STRONG_OPIOID = phrase("a strong opioid (proposed option)")
NO_LAXATIVE_RULE = template("Strong opioid: co-prescribe a laxative")
METHADONE_QTC = template("Methadone with QTc {qtc_ms:g} ms: {advice}.")
METHADONE_PRESCRIBED_QTC = template("Methadone (prescribed) with QTc {qtc_ms:g} ms: {advice}.")
METHADONE_QTC_RULE = template(MethadoneQtc.model_fields["rule"].default)
#: How the kidney measure is named (facts.KidneyFunction.label).
KIDNEY_LABELS = ("eGFR", "CrCl (Cockcroft-Gault)", "CrCl")
register_phrases((*MESSAGES.values(), *KIDNEY_LABELS))


def kidney_text(kidney: KidneyFunction, limit: float) -> Text:
    """ "eGFR 25 (below 30)"."""
    return KIDNEY_BELOW.fill(measure=Phrase(phrase=kidney.label), value=kidney.value, limit=limit)


def opioid_renal(facts: Facts) -> list[Alert]:
    """CrCl/eGFR below ``opioid_renal_avoid_below`` (30): avoid morphine, codeine and
    pethidine; reduce tramadol (max 200 mg/day); prefer fentanyl, buprenorphine, alfentanil
    (SIGN 106; King 2011; §10)."""
    kidney = facts.kidney()
    limit = facts.settings.opioid_renal_avoid_below
    if kidney is None or kidney.value >= limit:
        return []
    kidney_input = (kidney.path, kidney.value)
    where = kidney_text(kidney, limit)
    rule = RENAL_RULE.fill(limit=limit)
    alerts = []
    avoid = facts.prescribed(RENAL_AVOID_OPIOIDS)
    if avoid:
        names = Listed(items=tuple(m.name for m in avoid))
        alerts.append(
            Alert(
                code="OPIOID_RENAL_AVOID",
                severity="contraindication",
                kind="guideline",
                **worded(RENAL_AVOID.fill(drugs=names, kidney=where), rule),
                source=RENAL_OPIOID_SOURCE,
                inputs=make_inputs(kidney_input, *((m.path, m.name) for m in avoid)),
                affects=("strong_opioid", "weak_opioid", "opioid_rotation"),
            )
        )
    for med in facts.prescribed(frozenset({"tramadol"})):
        over = med.daily_dose_mg is not None and med.daily_dose_mg > TRAMADOL_RENAL_MAX_MG
        alerts.append(
            Alert(
                code="OPIOID_RENAL_TRAMADOL",
                severity="warning" if over else "caution",
                kind="guideline",
                **worded(
                    RENAL_TRAMADOL.fill(drug=med.name, kidney=where, max_mg=TRAMADOL_RENAL_MAX_MG),
                    RENAL_TRAMADOL_RULE.fill(limit=limit, max_mg=TRAMADOL_RENAL_MAX_MG),
                ),
                source=guidelines.SIGN_106,
                inputs=make_inputs(kidney_input, (med.path, med.name)),
                affects=("weak_opioid",),
            )
        )
    options = [o for o in ("strong_opioid", "weak_opioid", "opioid_rotation") if facts.in_panel(o)]
    if not avoid and options:
        alerts.append(
            Alert(
                code="OPIOID_RENAL_CHOICE",
                severity="caution",
                kind="guideline",
                **worded(RENAL_CHOICE.fill(kidney=where), rule),
                source=RENAL_OPIOID_SOURCE,
                inputs=make_inputs(kidney_input),
                affects=tuple(options),
            )
        )
    return alerts


def opioid_laxative(facts: Facts) -> list[Alert]:
    """Every patient on a strong opioid should get a laxative (NICE CG140, 2012;
    SIGN 106, 2008; §10).

    Strong opioid prescribed without a laxative: caution; strong-opioid option among the
    top-ranked and no laxative: info.
    """
    if facts.prescribed(LAXATIVES):
        return []
    strong = facts.prescribed(STRONG_OPIOIDS)
    if not strong and not facts.proposed("strong_opioid"):
        return []
    names = Listed(items=tuple(m.name for m in strong)) if strong else PROPOSED_STRONG_OPIOID
    return [
        Alert(
            code="OPIOID_NO_LAXATIVE",
            severity="caution" if strong else "info",
            kind="guideline",
            **worded(NO_LAXATIVE.fill(drugs=names), NO_LAXATIVE_RULE.fill()),
            source=guidelines.NICE_CG140,
            inputs=make_inputs(*((m.path, m.name) for m in strong))
            or make_inputs(("model.options.strong_opioid.rank", facts.model_rank("strong_opioid"))),
            affects=("strong_opioid",),
        )
    ]


def methadone_qtc(facts: Facts) -> list[Alert]:
    """Methadone and QTc: 450-500 ms consider another opioid; > 500 ms do not start
    (Chou 2014; Krantz 2009; §10)."""
    qtc = facts.derived.methadone_qtc
    if not isinstance(qtc, MethadoneQtc) or qtc.flag == "none" or not facts.relevant("methadone"):
        return []
    prescribed = facts.prescribed(frozenset({"methadone"}))
    inputs = make_inputs(
        ("comorbidities.qtc_ms", qtc.qtc_ms), *((m.path, m.name) for m in prescribed)
    )
    strong = qtc.flag == "strong"
    message = METHADONE_PRESCRIBED_QTC if prescribed else METHADONE_QTC
    return [
        Alert(
            code="METHADONE_QTC_PROLONGED" if strong else "METHADONE_QTC_BORDERLINE",
            severity="contraindication" if strong else "warning",
            kind="guideline",
            **worded(
                message.fill(qtc_ms=qtc.qtc_ms, advice=Phrase(phrase=qtc.message)),
                METHADONE_QTC_RULE.fill(),
            ),
            source=sources.METHADONE_QTC,
            inputs=inputs,
            affects=("methadone",),
            action="exclude" if strong else "demote",
        )
    ]


RULES = (opioid_renal, opioid_laxative, methadone_qtc)
