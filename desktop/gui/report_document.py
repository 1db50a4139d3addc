"""The report as a printable document (QTextDocument): PDF export and printing.

The content is the domain's text report, section by section (the same words the CLI
prints), laid out as HTML with the disclaimers boxed at the top. Usable off the GUI
thread: it builds its own QTextDocument and paints on a QPdfWriter.
"""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument
from PySide6.QtPrintSupport import QPrinter

from desktop.domain.report import Report
from desktop.domain.report_text import headline_lines
from desktop.domain.report_text_history import change_lines, provenance_lines, trajectory_lines
from desktop.domain.report_text_scores import score_lines
from desktop.domain.report_text_sections import (
    alert_lines,
    mechanism_lines,
    option_lines,
    referral_lines,
)

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
    who = html.escape(report.pseudonym or "(no pseudonym)")
    when = report.generated_at.strftime("%Y-%m-%d %H:%M %Z").strip()
    parts = [
        f"<html><head><style>{_STYLE}</style></head><body>",
        f"<h1>PainBridge report - {who}</h1>",
        f"<p>Case {html.escape(str(report.case_id or 'not assigned'))}; assessment "
        f"{report.assessment_date.isoformat()}; generated {html.escape(when)}</p>",
        '<table class="warn" width="100%" cellpadding="6"><tr><td>',
        f"<p><b>{html.escape(report.disclaimer)}</b></p>",
        f"<p><b>{html.escape(report.model_disclaimer)}</b></p>",
        "</td></tr></table>",
    ]
    sections = [
        ("Headline", headline_lines(report)),
        ("Scores", score_lines(report.derived)),
        ("Pain mechanism", mechanism_lines(report)),
        ("Treatment options", option_lines(report)),
        ("Alerts", alert_lines(report.alerts)),
        ("Referral to hub", referral_lines(report.referral)),
        ("Trajectory", trajectory_lines(report.trajectory)),
        ("Changes since the previous report", change_lines(report.changes)),
        ("Provenance", provenance_lines(report)),
    ]
    for title, lines in sections:
        parts.append(f"<h2>{html.escape(title)}</h2>")
        parts += [_line(line) for line in lines]
    parts.append("</body></html>")
    return "\n".join(parts)


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
