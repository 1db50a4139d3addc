"""Missing data that would change the answer: say what to record and why (kind missing_data)."""

from __future__ import annotations

from desktop.domain import sources
from desktop.domain import sources_guidelines as guidelines
from desktop.domain.alerts.alert import Alert, make_inputs, worded
from desktop.domain.alerts.facts import Facts
from desktop.domain.derived import Cyp2d6Result
from desktop.domain.pharmacology.drug_groups import (
    ANALGESIC_NSAIDS,
    CYP2D6_PRODRUG_OPIOIDS,
    GABAPENTINOIDS,
    RENAL_AVOID_OPIOIDS,
    SNRIS,
)
from desktop.domain.results import NotComputable
from desktop.domain.scales.dn4 import DN4_CUTOFF_SCHEMES, EXAMINATION_ITEMS, Dn4Score
from desktop.domain.texts import (
    Listed,
    Term,
    TextArg,
    as_phrase,
    phrase,
    register_phrases,
    template,
)

DN4_EXAMINATION = template(
    "DN4 examination not complete ({missing} missing): with {points} points so far, the full "
    "DN4 is positive if at least {needed} of the {missing_count} missing findings is present "
    "(cut-off {cutoff}/10). Examine the painful area: light touch, pinprick, soft brush."
)
DN4_EXAMINATION_RULE = template(
    "Full DN4 undecided: interview + known examination < {cutoff} <= that + missing "
    "examination items"
)
NEUROPATHIC_SCREEN = template(
    "No neuropathic screening score (DN4 or LANSS): record the DN4 items; a neuropathic "
    "component changes the preferred treatment."
)
NEUROPATHIC_SCREEN_RULE = template("DN4-interview and LANSS both not computable")
CYP2D6_UNTESTED = template(
    "CYP2D6 not tested while {drugs} is considered: poor and ultrarapid metabolizers should "
    "avoid codeine and tramadol. Test if available, or watch for no effect or toxicity."
)
WEAK_OPIOID_OPTION = phrase("the weak-opioid option (codeine, tramadol)")
CYP2D6_UNTESTED_RULE = template("CYP2D6 phenotype unknown with codeine or tramadol")
KIDNEY_UNKNOWN = template(
    "No eGFR or creatinine clearance recorded while {treatments} is considered: NSAIDs, "
    "gabapentinoid dose, morphine/codeine and duloxetine depend on it."
)
KIDNEY_UNKNOWN_RULE = template("Kidney function unknown with a renally relevant drug")
QTC_METHADONE = template(
    "Methadone considered and no QTc recorded: obtain an ECG before starting (do not start "
    "if QTc > 500 ms; consider another opioid at 450-500 ms)."
)
QTC_METHADONE_RULE = template("Methadone without a baseline QTc")
PMI_INPUTS = template(
    "Pain Management Index not computable ({reason}): under-treatment cannot be checked."
)
PMI_INPUTS_RULE = template("PMI needs the worst pain and the medication list")
#: The usual reasons the PMI is not computable (desktop/domain/derivation.py).
register_phrases(
    (
        "analgesic level not computable: medications not recorded",
        "pain level not computable: worst pain not recorded",
    )
)


def dn4_examination(facts: Facts) -> list[Alert]:
    """DN4 examination items missing while the interview score leaves the full DN4 open
    (positive only if enough of the missing findings are present; Bouhassira 2005; §2)."""
    interview, answers = facts.derived.dn4_interview, facts.case.assessment.dn4
    if not isinstance(interview, Dn4Score) or not isinstance(facts.derived.dn4, NotComputable):
        return []
    missing = [i for i in EXAMINATION_ITEMS if getattr(answers, i, None) is None]
    present = sum(bool(getattr(answers, i, None)) for i in EXAMINATION_ITEMS)
    cutoff = DN4_CUTOFF_SCHEMES[facts.settings.dn4_cutoff_scheme].full
    have = interview.total + present
    if have >= cutoff or have + len(missing) < cutoff:
        return []
    return [
        Alert(
            code="MISSING_DN4_EXAMINATION",
            severity="caution",
            kind="missing_data",
            **worded(
                DN4_EXAMINATION.fill(
                    missing=Listed(items=tuple(Term(term=i, english=i) for i in missing)),
                    points=have,
                    needed=cutoff - have,
                    missing_count=len(missing),
                    cutoff=cutoff,
                ),
                DN4_EXAMINATION_RULE.fill(cutoff=cutoff),
            ),
            source=interview.source,
            inputs=make_inputs(*((f"assessment.dn4.{i}", None) for i in missing)),
        )
    ]


def neuropathic_screen(facts: Facts) -> list[Alert]:
    """Neither DN4-interview nor LANSS scorable, and no confident neuropathic call
    (Bouhassira 2005; Bennett 2001; §2-§3)."""
    derived, model = facts.derived, facts.model
    if not isinstance(derived.dn4_interview, NotComputable) or not isinstance(
        derived.lanss, NotComputable
    ):
        return []
    call = model.mechanism("neuropathic") if model else None
    if call is not None and len(call.prediction_set) == 1:
        return []
    return [
        Alert(
            code="MISSING_NEUROPATHIC_SCREEN",
            severity="info",
            kind="missing_data",
            **worded(NEUROPATHIC_SCREEN.fill(), NEUROPATHIC_SCREEN_RULE.fill()),
            source=sources.DN4_BOUHASSIRA_2005,
            inputs=make_inputs(("assessment.dn4", None), ("assessment.lanss", None)),
        )
    ]


def cyp2d6_genotype(facts: Facts) -> list[Alert]:
    """CYP2D6 not tested while codeine/tramadol is prescribed or ranked high (CPIC 2021)."""
    if isinstance(facts.derived.cyp2d6, Cyp2d6Result):
        return []
    prescribed = facts.prescribed(CYP2D6_PRODRUG_OPIOIDS)
    if not prescribed and not facts.proposed("weak_opioid"):
        return []
    what: TextArg = (
        Listed(items=tuple(m.name for m in prescribed)) if prescribed else WEAK_OPIOID_OPTION
    )
    return [
        Alert(
            code="MISSING_CYP2D6",
            severity="info",
            kind="missing_data",
            **worded(CYP2D6_UNTESTED.fill(drugs=what), CYP2D6_UNTESTED_RULE.fill()),
            source=sources.CPIC_CYP2D6_2021,
            inputs=make_inputs(
                ("pharmacogenomics.CYP2D6", None), *((m.path, m.name) for m in prescribed)
            ),
            affects=("weak_opioid",),
        )
    ]


def kidney_function(facts: Facts) -> list[Alert]:
    """No eGFR or CrCl while a renally relevant drug is prescribed or ranked high
    (KDIGO 2012; SIGN 106, 2008; §10)."""
    if facts.kidney() is not None:
        return []
    group = ANALGESIC_NSAIDS | GABAPENTINOIDS | RENAL_AVOID_OPIOIDS | SNRIS
    prescribed = facts.prescribed(group)
    options = ("nsaid", "gabapentinoid", "strong_opioid", "snri_duloxetine")
    proposed = tuple(o for o in options if facts.proposed(o))
    if not prescribed and not proposed:
        return []
    what = Listed(
        items=(
            *(m.name for m in prescribed),
            *(Term(term=option, english=option) for option in proposed),
        )
    )
    return [
        Alert(
            code="MISSING_KIDNEY_FUNCTION",
            severity="caution",
            kind="missing_data",
            **worded(KIDNEY_UNKNOWN.fill(treatments=what), KIDNEY_UNKNOWN_RULE.fill()),
            source=guidelines.KDIGO_2012,
            inputs=make_inputs(
                ("comorbidities.egfr", None), ("comorbidities.creatinine_clearance", None)
            ),
            affects=proposed,
        )
    ]


def qtc_for_methadone(facts: Facts) -> list[Alert]:
    """Methadone prescribed or ranked high with no QTc: ECG first (Chou 2014; §10)."""
    comorbidities = facts.case.comorbidities
    if comorbidities is not None and comorbidities.qtc_ms is not None:
        return []
    prescribed = facts.prescribed(frozenset({"methadone"}))
    if not prescribed and not facts.proposed("methadone"):
        return []
    return [
        Alert(
            code="MISSING_QTC_METHADONE",
            severity="caution",
            kind="missing_data",
            **worded(QTC_METHADONE.fill(), QTC_METHADONE_RULE.fill()),
            source=sources.METHADONE_QTC,
            inputs=make_inputs(
                ("comorbidities.qtc_ms", None), *((m.path, m.name) for m in prescribed)
            ),
            affects=("methadone",),
        )
    ]


def pmi_inputs(facts: Facts) -> list[Alert]:
    """PMI not computable: say what is missing (Cleeland 1994; §5)."""
    pmi = facts.derived.pmi
    if not isinstance(pmi, NotComputable):
        return []
    return [
        Alert(
            code="MISSING_PMI_INPUTS",
            severity="info",
            kind="missing_data",
            **worded(PMI_INPUTS.fill(reason=as_phrase(pmi.reason)), PMI_INPUTS_RULE.fill()),
            source=sources.PMI_CLEELAND_1994,
            inputs=make_inputs(*((path, None) for path in pmi.missing)),
        )
    ]


RULES = (
    dn4_examination,
    neuropathic_screen,
    cyp2d6_genotype,
    kidney_function,
    qtc_for_methadone,
    pmi_inputs,
)
