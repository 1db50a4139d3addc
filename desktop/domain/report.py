"""The report: ONE frozen structure with everything a clinician acts on, and its provenance.

``compose_report`` is pure: the same case, settings, model output, previous report, request
flag and ``generated_at`` give an identical report (the clock is read by the caller, never
here). The report never holds the patient's name or contact: only the case id and the
pseudonym. Render it with :func:`desktop.domain.report_text.render_report_text`, or as
JSON with ``report.model_dump(mode="json")``.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal
from uuid import UUID

from pydantic import AwareDatetime

from desktop.domain.alerts.alert import Alert
from desktop.domain.alerts.evaluate import evaluate_alerts
from desktop.domain.case import Case
from desktop.domain.derivation import derive_scores
from desktop.domain.derived import DerivedScores
from desktop.domain.model_output import ModelOutput, OodResult
from desktop.domain.ranking import Ranking, rank_options
from desktop.domain.referral import Referral, recommend_referral
from desktop.domain.report_changes import ReportChanges, diff_reports
from desktop.domain.report_parts import (
    DISCLAIMER,
    NO_MODEL_NOTE,
    MechanismCall,
    ModelInfo,
    call_mechanism,
    fingerprint_inputs,
    model_disclaimer,
    model_info,
)
from desktop.domain.results import ResultModel
from desktop.domain.settings import ClinicalSettings
from desktop.domain.trajectory import TrajectoryPoint, build_trajectory

REPORT_FORMAT = "painbridge.report/1"


class Report(ResultModel):
    """Everything the report shows, and what it was computed from."""

    format: Literal["painbridge.report/1"] = "painbridge.report/1"
    generated_at: AwareDatetime
    case_id: UUID | None
    pseudonym: str | None
    assessment_date: date
    inputs_fingerprint: str
    previous_fingerprint: str | None
    clinician_requested_referral: bool
    disclaimer: str
    model_disclaimer: str
    model: ModelInfo | None
    model_note: str | None
    settings: ClinicalSettings
    derived: DerivedScores
    mechanisms: tuple[MechanismCall, ...]
    ood: OodResult | None
    missing_features: tuple[str, ...]
    ranking: Ranking
    alerts: tuple[Alert, ...]
    referral: Referral
    trajectory: tuple[TrajectoryPoint, ...]
    changes: ReportChanges | None


def compose_report(
    case: Case,
    settings: ClinicalSettings,
    model_output: ModelOutput | None,
    *,
    generated_at: datetime,
    previous: Report | None = None,
    clinician_requests_referral: bool = False,
) -> Report:
    """The report of ``case``; ``previous`` (same case) adds the changes since it.

    Raises ValueError when ``previous`` belongs to another case or ``generated_at`` has
    no time zone.
    """
    if previous is not None and previous.case_id != case.case_id:
        raise ValueError("the previous report belongs to another case")
    derived = derive_scores(case, settings)
    alerts = evaluate_alerts(case, derived, model_output, settings)
    trajectory = build_trajectory(case, derived, previous.trajectory if previous else ())
    referral = recommend_referral(
        derived, alerts, trajectory, settings, clinician_request=clinician_requests_referral
    )
    previous_fingerprint = previous.inputs_fingerprint if previous else None
    report = Report(
        generated_at=generated_at,
        case_id=case.case_id,
        pseudonym=case.patient.pseudonym if case.patient else None,
        assessment_date=case.assessment.date,
        inputs_fingerprint=fingerprint_inputs(
            case,
            settings,
            model_output,
            previous_fingerprint=previous_fingerprint,
            clinician_requests_referral=clinician_requests_referral,
        ),
        previous_fingerprint=previous_fingerprint,
        clinician_requested_referral=clinician_requests_referral,
        disclaimer=DISCLAIMER,
        model_disclaimer=model_disclaimer(model_output),
        model=model_info(model_output) if model_output else None,
        model_note=None if model_output else NO_MODEL_NOTE,
        settings=settings,
        derived=derived,
        mechanisms=tuple(call_mechanism(m) for m in model_output.mechanisms)
        if model_output
        else (),
        ood=model_output.ood if model_output else None,
        missing_features=model_output.missing_features if model_output else (),
        ranking=rank_options(model_output, alerts),
        alerts=alerts,
        referral=referral,
        trajectory=trajectory,
        changes=None,
    )
    if previous is None:
        return report
    changes: ReportChanges = diff_reports(previous, report)
    return report.model_copy(update={"changes": changes})
