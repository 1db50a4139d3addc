"""The core's clinical sentences in the interface language (Qt context ``ClinicalText``).

The domain stores each sentence in English with its template and arguments
(desktop/domain/texts.py). :func:`show_text` translates the template, fills in the same
arguments (vocabulary codes shown with their labels, phrases translated, numbers as the
placeholder formats them) and falls back to the stored English when there is no template
(a report stored before templates existed) or no translation (the English interface).
The templates reach the .ts files through the generated clinical_texts_catalog.py.
"""

from __future__ import annotations

from collections.abc import Mapping

from desktop.domain.alerts.alert import Alert
from desktop.domain.ranking import OptionCaution
from desktop.domain.referral import ReferralReason
from desktop.domain.report import Report
from desktop.domain.report_headline import HeadlinePart
from desktop.domain.report_lines import Line
from desktop.domain.texts import (
    Term,
    Text,
    TextArg,
    Worded,
    Wording,
    is_registered,
    match_text,
    render_arg,
    render_template,
)
from desktop.gui import vocabulary_labels
from desktop.gui.i18n import translate
from desktop.gui.widgets.badges import severity_text
from desktop.services.model_texts import MODEL_TEMPLATES
from desktop.services.sync_texts import SYNC_TEMPLATES

CONTEXT = "ClinicalText"


def _term_labels() -> dict[str, str]:
    """Words of the clinical sentences that vocabulary_labels does not cover."""
    return {
        "nociceptive": translate("ClinicalText", "nociceptive"),
        "neuropathic": translate("ClinicalText", "neuropathic"),
        "nociplastic": translate("ClinicalText", "nociplastic"),
        "not known": translate("ClinicalText", "not known"),
        "info": translate("ClinicalText", "info"),
        "caution": translate("ClinicalText", "caution"),
        "warning": translate("ClinicalText", "warning"),
        "contraindication": translate("ClinicalText", "contraindication"),
        "hypoesthesia_touch": translate("ClinicalText", "hypoaesthesia to touch"),
        "hypoesthesia_pinprick": translate("ClinicalText", "hypoaesthesia to pinprick"),
        "brushing": translate("ClinicalText", "pain on brushing"),
        "intrathecal": translate("ClinicalText", "intrathecal analgesia"),
        # NRS items, bands and screening verdicts (score lines, headline)
        "worst": translate("ClinicalText", "worst"),
        "least": translate("ClinicalText", "least"),
        "average": translate("ClinicalText", "average"),
        "now": translate("ClinicalText", "now"),
        "band_none": translate("ClinicalText", "none", "pain band"),
        "band_mild": translate("ClinicalText", "mild"),
        "band_moderate": translate("ClinicalText", "moderate"),
        "band_severe": translate("ClinicalText", "severe"),
        "positive": translate("ClinicalText", "positive"),
        "negative": translate("ClinicalText", "negative"),
        "level_none": translate("ClinicalText", "none", "analgesic level"),
        "level_non_opioid": translate("ClinicalText", "non-opioid"),
        "level_weak_opioid": translate("ClinicalText", "weak opioid"),
        "level_strong_opioid": translate("ClinicalText", "strong opioid"),
        "immpact_substantial": translate("ClinicalText", "substantial"),
        "immpact_moderate": translate("ClinicalText", "moderate", "IMMPACT response"),
        "immpact_non_responder": translate("ClinicalText", "non-responder"),
        "immpact_worsened": translate("ClinicalText", "worsened"),
        "immpact_not_evaluable": translate("ClinicalText", "not evaluable"),
        "call_present": translate("ClinicalText", "likely"),
        "call_absent": translate("ClinicalText", "unlikely"),
        "call_uncertain": translate("ClinicalText", "uncertain"),
        "call_no_answer": translate("ClinicalText", "no answer fits"),
        "status_demoted": translate("ClinicalText", "moved down"),
        "status_excluded": translate("ClinicalText", "not recommended"),
        "status_ranked": translate("ClinicalText", "ranked"),
        # conformal prediction sets and the model's call on a mechanism
        "answer_present": translate("ClinicalText", "present", "prediction set"),
        "answer_absent": translate("ClinicalText", "absent", "prediction set"),
        "verdict_present": translate("ClinicalText", "present", "mechanism call"),
        "verdict_absent": translate("ClinicalText", "absent", "mechanism call"),
        "verdict_uncertain": translate("ClinicalText", "uncertain", "mechanism call"),
        "verdict_no_answer": translate("ClinicalText", "no answer", "mechanism call"),
    }


def _separators() -> dict[str, str]:
    return {
        ", ": translate("ClinicalText", ", ", "list separator"),
        "; ": translate("ClinicalText", "; ", "list separator"),
        " and ": translate("ClinicalText", " and ", "list separator"),
    }


def _term(term: Term) -> str:
    labels = _term_labels()
    if term.term in labels:
        return labels[term.term]
    return vocabulary_labels.label(term.term)


def _phrase(text: str) -> str:
    return translate(CONTEXT, text)


def _separator(separator: str) -> str:
    return _separators().get(separator, separator)


def _worded(worded: Worded) -> str:
    return show_text(worded.template, worded.args, worded.english, sentence=worded.sentence)


WORDING = Wording(
    template=_phrase, term=_term, phrase=_phrase, separator=_separator, worded=_worded
)


def show_text(
    template: str | None, args: Mapping[str, TextArg], english: str, *, sentence: bool = False
) -> str:
    """The sentence in the interface language, else the stored ``english``; ``sentence``
    capitalizes a leading drug name as the core does for alert messages ("Morphine...")."""
    if template is None:
        return english
    translated = translate(CONTEXT, template)
    if translated == template:
        return english  # no translation: the English interface, or a new template
    try:
        text = render_template(translated, dict(args), WORDING)
    except (KeyError, ValueError, IndexError):  # a translation that lost a placeholder
        return english
    if sentence and text[1:2].islower():  # "morphine, ..." but never "eGFR"
        return text[:1].upper() + text[1:]
    return text


def show(text: Text) -> str:
    """A core :class:`Text` in the interface language (else its English)."""
    return show_text(text.template, text.args, text.english)


def show_arg(value: TextArg) -> str:
    """Any argument of a text (a text, a term, a phrase, a list, words) in the interface
    language."""
    if isinstance(value, Text):
        return show(value)
    return render_arg(value, "", WORDING)


def show_line(line: Line) -> str:
    """A line of a report section (desktop/domain/report_lines.py) in the interface
    language, after the same prefix as the text report."""
    return line.prefix + show_arg(line.text)


def answer_word(answer: str) -> str:
    """A word of a conformal prediction set (``present``/``absent``) in the interface
    language."""
    return _term(Term(term=f"answer_{answer}", english=answer))


def phrase_text(english: str) -> str:
    """A fixed sentence of the core (a disclaimer, the ranking note, an option's label or
    side effect) translated when it is registered; else as stored."""
    return translate(CONTEXT, english) if is_registered(english) else english


def alert_message(alert: Alert) -> str:
    return show_text(alert.message_template, alert.message_args, alert.message, sentence=True)


def alert_rule(alert: Alert) -> str:
    return show_text(alert.rule_template, alert.rule_args, alert.rule)


def referral_reason(reason: ReferralReason) -> str:
    return show_text(reason.reason_template, reason.reason_args, reason.reason)


def _alert_with(report: Report, code: str, message: str) -> Alert | None:
    return next((a for a in report.alerts if a.code == code and a.message == message), None)


def option_reason(report: Report, reason: str) -> str:
    """An option's "CODE: message" reason with the message translated."""
    code, _, message = reason.partition(": ")
    alert = _alert_with(report, code, message)
    return reason if alert is None else f"{code}: {alert_message(alert)}"


def caution_message(report: Report, caution: OptionCaution) -> str:
    alert = _alert_with(report, caution.code, caution.message)
    return caution.message if alert is None else alert_message(alert)


def headline_line(part: HeadlinePart) -> str:
    """One "At a glance" line: a text, an urgent alert or a referral reason."""
    if isinstance(part, Alert):
        return f"[{severity_text(part.severity).upper()}] {alert_message(part)}"
    if isinstance(part, ReferralReason):
        return f"- {referral_reason(part)}"
    return show(part)


def status_message(message: str) -> str:
    """A sync or model step, a status detail or a model note (plain English from the
    services) translated; several lines each on its own."""
    if "\n" in message:
        return "\n".join(status_message(line) for line in message.split("\n"))
    if is_registered(message):
        return translate(CONTEXT, message)
    text = match_text(message, (*SYNC_TEMPLATES, *MODEL_TEMPLATES))
    if text is None:
        return message
    return show_text(text.template, text.args, message)
