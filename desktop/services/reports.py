"""The decision-support report of a case: scores, alerts, ranking, referral, trajectory.

:class:`ReportService` composes the report from the case, the clinical settings in force
and, when a model predictor is wired in (desktop/app.py), the model's output. Without a
predictor the report says "no model loaded" and shows scores and guideline alerts only.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from desktop.domain.case import Case
from desktop.domain.model_output import ModelOutput
from desktop.domain.report import Report, compose_report
from desktop.domain.settings import ClinicalSettings
from desktop.services.status import NO_MODEL_STATUS, ModelStatus

Predictor = Callable[[Case], ModelOutput]
"""Runs the models on one case (may take milliseconds to seconds; never on the GUI thread)."""


def _utc_now() -> datetime:
    return datetime.now(UTC)


class ReportService:
    """Assesses cases. Stateless apart from its collaborators; safe on any one thread."""

    def __init__(
        self,
        settings: Callable[[], ClinicalSettings],
        *,
        predictor: Predictor | None = None,
        model_status: Callable[[], ModelStatus] | None = None,
        clock: Callable[[], datetime] = _utc_now,
    ) -> None:
        self._settings = settings
        self._predictor = predictor
        self._model_status = model_status
        self._clock = clock

    @property
    def has_model(self) -> bool:
        return self._predictor is not None

    def assess(
        self,
        case: Case,
        *,
        previous: Report | None = None,
        clinician_requests_referral: bool = False,
    ) -> Report:
        """The report of ``case``; ``previous`` (same case) adds "changes since"."""
        output = self._predictor(case) if self._predictor is not None else None
        if previous is not None and previous.case_id != case.case_id:
            previous = None
        return compose_report(
            case,
            self._settings(),
            output,
            generated_at=self._clock(),
            previous=previous,
            clinician_requests_referral=clinician_requests_referral,
        )

    def model_status(self) -> ModelStatus:
        """What the model panel shows (no model loaded until the runtime is wired in)."""
        if self._model_status is not None:
            return self._model_status()
        return NO_MODEL_STATUS
