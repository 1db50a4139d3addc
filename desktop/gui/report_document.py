"""The report as a printable document (QTextDocument): PDF export and printing.

The content is the domain's text report, section by section (the same words the CLI
prints), laid out as HTML with the disclaimers boxed at the top. Every section is in the
interface language (desktop/gui/clinical_texts.py); citations and the model bundle's
feature names stay as published. Usable off the GUI thread: it builds its own QTextDocument
and paints on a QPdfWriter.
"""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument
from PySide6.QtPrintSupport import QPrinter

from desktop.domain.alerts.alert import Alert
from desktop.domain.referral import REFERRAL_RULE, Referral, ReferralReason
from desktop.domain.report import Report
from desktop.domain.report_headline import headline_parts
from desktop.domain.report_lines import Line
from desktop.domain.report_text_history import change_texts, provenance_texts, trajectory_texts
from desktop.domain.report_text_scores import score_texts
from desktop.domain.report_text_sections import mechanism_texts, option_texts
from desktop.gui import vocabulary_labels
from desktop.gui.clinical_texts import (
    alert_message,
    alert_rule,
    headline_line,
    phrase_text,
    referral_reason,
    show,
    show_line,
)
from desktop.gui.i18n import translate
from desktop.gui.widgets.badges import severity_text

_STYLE = """
body { font-family: 'DejaVu Sans', sans-serif; font-size: 9.5pt; color: #1a1a1a; }
h1 { font-size: 15pt; margin-bottom: 2pt; }
h2 { font-size: 11.5pt; margin-top: 12pt; margin-bottom: 3pt; color: #123c69; }
p { margin: 1pt 0; }
p.sub { margin-left: 14pt; color: #333333; }
table.warn { border: 1px solid #8a5a00; background: #fff6e0; }
"""


def report_html(report: Report) -> str:
    """The report as HTML for QTextDocument (no patient name: the report has none)."""
    who = report.pseudonym or translate("ReportDocument", "(no pseudonym)")
    when = report.generated_at.strftime("%Y-%m-%d %H:%M %Z").strip()
    parts = [
        f"<html><head><style>{_STYLE}</style></head><body>",
        "<h1>"
        + html.escape(translate("ReportDocument", "PainBridge report - %1").replace("%1", who))
        + "</h1>",
        "<p>"
        + html.escape(
            translate("ReportDocument", "Case %1; assessment %2; generated %3")
            .replace("%1", str(report.case_id or translate("ReportDocument", "not assigned")))
            .replace("%2", report.assessment_date.isoformat())
            .replace("%3", when)
        )
        + "</p>",
        '<table class="warn" width="100%" cellpadding="6"><tr><td>',
        f"<p><b>{html.escape(phrase_text(report.disclaimer))}</b></p>",
        f"<p><b>{html.escape(phrase_text(report.model_disclaimer))}</b></p>",
        "</td></tr></table>",
    ]
    sections = [
        (translate("ReportDocument", "Headline"), headline(report)),
        (translate("ReportDocument", "Scores"), [show(t) for t in score_texts(report.derived)]),
        (translate("ReportDocument", "Pain mechanism"), _shown(mechanism_texts(report))),
        (translate("ReportDocument", "Treatment options"), _shown(option_texts(report))),
        (translate("ReportDocument", "Alerts"), alert_lines(report.alerts)),
        (translate("ReportDocument", "Referral to hub"), referral_lines(report.referral)),
        (translate("ReportDocument", "Trajectory"), _shown(trajectory_texts(report.trajectory))),
        (
            translate("ReportDocument", "Changes since the previous report"),
            _shown(change_texts(report.changes)),
        ),
        (translate("ReportDocument", "Provenance"), _shown(provenance_texts(report))),
    ]
    for title, lines in sections:
        parts.append(f"<h2>{html.escape(title)}</h2>")
        parts += [_line(line) for line in lines]
    parts.append("</body></html>")
    return "\n".join(parts)


def _shown(lines: list[Line]) -> list[str]:
    return [show_line(line) for line in lines]


def headline(report: Report) -> list[str]:
    """The headline in the interface language (urgent alerts and reasons indented)."""
    return [
        ("    " if isinstance(part, Alert | ReferralReason) else "") + headline_line(part)
        for part in headline_parts(report)
    ]


def alert_lines(alerts: tuple[Alert, ...]) -> list[str]:
    """Every alert with its rule, source (as published) and inputs, in the interface
    language (the domain's report_text_sections.alert_lines in English)."""
    if not alerts:
        return [translate("ReportDocument", "No alerts.")]
    lines = []
    for alert in alerts:
        lines.append(
            f"[{severity_text(alert.severity).upper()}] {alert.code}: {alert_message(alert)}"
        )
        lines.append(
            "    " + translate("ReportDocument", "rule: %1").replace("%1", alert_rule(alert))
        )
        lines.append("    " + translate("ReportDocument", "source: %1").replace("%1", alert.source))
        if alert.inputs:
            missing = translate("ReportDocument", "missing")
            shown = ", ".join(
                f"{i.path}={missing if i.value is None else i.value}" for i in alert.inputs
            )
            lines.append("    " + translate("ReportDocument", "inputs: %1").replace("%1", shown))
        if alert.affects:
            affects = ", ".join(vocabulary_labels.label(option) for option in alert.affects)
            action = {
                "exclude": translate("ReportDocument", "excluded"),
                "demote": translate("ReportDocument", "moved down"),
                "annotate": translate("ReportDocument", "noted"),
            }[alert.action]
            lines.append(
                "    "
                + translate("ReportDocument", "affects: %1 (%2)")
                .replace("%1", affects)
                .replace("%2", action)
            )
    return lines


def referral_lines(referral: Referral) -> list[str]:
    """The recommendation and each reason (with its setting), in the interface language."""
    if not referral.recommended:
        return [
            translate(
                "ReportDocument",
                "Not recommended by the referral rules (a clinician may still refer).",
            )
        ]
    lines = [translate("ReportDocument", "Recommended:")]
    lines += [f"- {referral_reason(r)} [{r.code}; {r.setting}]" for r in referral.reasons]
    rule = referral.rule
    if rule == REFERRAL_RULE:
        rule = translate(
            "ReportDocument", "Refer when any enabled referral rule fires (settings refer_on_*)"
        )
    lines.append(translate("ReportDocument", "rule: %1").replace("%1", rule))
    lines.append(translate("ReportDocument", "source: %1").replace("%1", referral.source))
    return lines


def _line(line: str) -> str:
    if line.startswith("    "):
        return f'<p class="sub">{html.escape(line.strip())}</p>'
    return f"<p>{html.escape(line)}</p>"


def report_document(report: Report) -> QTextDocument:
    document = QTextDocument()
    document.setHtml(report_html(report))
    return document


def write_report_pdf(report: Report, path: Path) -> None:
    """A4 PDF of the report at ``path`` (replaced if present)."""
    writer = QPdfWriter(str(path))
    writer.setTitle(f"PainBridge report {report.pseudonym or ''}".strip())
    writer.setCreator("PainBridge")
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(15, 15, 15, 15),
            QPageLayout.Unit.Millimeter,
        )
    )
    writer.setResolution(300)
    report_document(report).print_(writer)


def print_report(report: Report, printer: QPrinter) -> None:
    """Print on a printer the user chose (GUI thread: the print dialog is modal)."""
    report_document(report).print_(printer)
