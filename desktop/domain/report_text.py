"""The report as plain text (``painbridge assess``), for a busy clinician.

Headline first - likely mechanism(s) and how sure the model is, the top options, what is
not recommended, urgent alerts, referral - then the details: scores with their schemes,
mechanisms and options with their drivers, every alert with its rule and source, referral
reasons, trajectory, changes since the previous report, and provenance.
"""

from __future__ import annotations

from desktop.domain.report import Report
from desktop.domain.report_headline import headline_lines
from desktop.domain.report_text_history import change_lines, provenance_lines, trajectory_lines
from desktop.domain.report_text_scores import score_lines
from desktop.domain.report_text_sections import (
    alert_lines,
    mechanism_lines,
    option_lines,
    referral_lines,
)

__all__ = ["headline_lines", "render_report_text"]


def render_report_text(report: Report) -> str:
    """The whole report as text, headline first; ends with a newline."""
    sections: list[tuple[str, list[str]]] = [
        ("HEADLINE", headline_lines(report)),
        ("SCORES", score_lines(report.derived)),
        ("PAIN MECHANISM", mechanism_lines(report)),
        ("TREATMENT OPTIONS", option_lines(report)),
        ("ALERTS", alert_lines(report.alerts)),
        ("REFERRAL TO HUB", referral_lines(report.referral)),
        ("TRAJECTORY", trajectory_lines(report.trajectory)),
        ("CHANGES SINCE THE PREVIOUS REPORT", change_lines(report.changes)),
        ("PROVENANCE", provenance_lines(report)),
    ]
    out = _title_lines(report)
    for title, lines in sections:
        out += ["", f"== {title} ==", *lines]
    return "\n".join(out) + "\n"


def _title_lines(report: Report) -> list[str]:
    who = report.pseudonym or "(no pseudonym)"
    case = f"case {report.case_id}" if report.case_id else "case id not assigned"
    when = report.generated_at.strftime("%Y-%m-%d %H:%M %Z").strip()
    return [
        f"PAINBRIDGE REPORT - {who} ({case})",
        f"Assessment {report.assessment_date.isoformat()}; generated {when}",
        f"!! {report.disclaimer}",
        f"!! {report.model_disclaimer}",
    ]
