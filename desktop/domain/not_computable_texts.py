"""Why a derived value is not computable, as translatable texts.

A :class:`~desktop.domain.results.NotComputable` keeps its reason as English (stored in
reports; the CLI prints it). The reasons are written by the scales and pharmacology
modules; the fixed ones are registered here as phrases and the ones with values as
templates, so :func:`reason_text` gives the GUI a :class:`Text` (or phrase) to translate.
A reason not listed here stays English (tests/unit/test_clinical_texts.py checks that
every reason of the generated cases is listed).
"""

from __future__ import annotations

from desktop.domain.texts import Term, TextArg, as_phrase, match_text, register_phrases, template

INCOMPLETE = template("incomplete: {version} needs all {count:d} items")
INTERFERENCE_TOO_FEW = template(
    "BPI interference needs at least {minimum:d} of 7 items, {answered:d} answered"
)
SUBSCORE_TOO_FEW = template("BPI {name} interference needs at least {minimum:d} of {count:d}")
ANALGESIC_LEVEL = template("analgesic level not computable: {reason}")
PAIN_LEVEL = template("pain level not computable: {reason}")
FOLLOW_UP_ITEM = template("{item} pain needed at baseline and at the follow-up")
# Why an IMMPACT responder label is "not evaluable" (ImmpactResponse.reason)
BASELINE_BELOW = template("baseline below {min_baseline:d}: responder labels need moderate pain")
REASON_TEMPLATES = (
    INCOMPLETE,
    INTERFERENCE_TOO_FEW,
    SUBSCORE_TOO_FEW,
    ANALGESIC_LEVEL,
    PAIN_LEVEL,
    FOLLOW_UP_ITEM,
    BASELINE_BELOW,
)
NESTED = frozenset({ANALGESIC_LEVEL.text, PAIN_LEVEL.text})

register_phrases(
    (
        "BPI severity needs all four NRS items",
        "medications not recorded",
        "buprenorphine route or patch strength not given: weak (low-dose patch) or strong",
        "CYP2C9 activity score needed (intermediate 1.5 and 1 differ)",
        "CYP2C9 phenotype or activity score not known",
        "birth year not recorded",
        "worst pain not recorded",
        "BPI interference needed at baseline and at the follow-up",
        "Cockcroft-Gault needs age, sex (female or male), weight and serum creatinine",
        "Cockcroft-Gault is for adults (18 years and older)",
        "creatinine clearance neither recorded nor computable",
        "QTc not recorded",
        "CYP2D6 not tested",
        "CYP2C9 not tested",
        "baseline 0: percent change undefined",
    )
)


def reason_text(reason: str) -> TextArg:
    """The reason as a registered phrase or template text; else the English as it is."""
    text = match_text(reason, REASON_TEMPLATES)
    if text is None:
        return as_phrase(reason)
    if text.template in NESTED:
        inner = text.args["reason"]
        return text.model_copy(update={"args": {"reason": reason_text(str(inner))}})
    if text.template == FOLLOW_UP_ITEM.text:
        return FOLLOW_UP_ITEM.fill(item=Term(term=str(text.args["item"])))
    return text
