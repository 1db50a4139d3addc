"""Assess stored cases, record follow-ups, and reproduce any past report exactly.

Every stored report keeps the case version, the model name, version and bundle id, and
the fingerprint of its inputs. :meth:`AssessmentService.reproduce` recomputes a stored
report from those inputs; with the same bundle the result is identical.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from desktop.domain.case import Case
from desktop.domain.case_parsing import dump_case, parse_case
from desktop.domain.errors import InvalidInput, Problem, UserFacingError
from desktop.domain.model_output import ModelOutput
from desktop.domain.report import Report, compose_report
from desktop.domain.settings import ClinicalSettings
from desktop.services.cases import CaseService, SavedCase
from desktop.services.hub_referral import HubState, check_sendable, hub_state
from desktop.services.roles import Permission, UserRoles, require
from desktop.store import CaseStore, NewReport, StoredReport

ModelRunner = Callable[[Case], ModelOutput]
FOLLOW_UP_FILE = "(follow-up file)"


class ModelVersionUnavailable(UserFacingError):
    """A past report was made with a model bundle that is no longer loaded."""


@dataclass(frozen=True)
class Assessment:
    report: Report
    report_id: int
    case_version: int


def _utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class SentToHub:
    """The report stored with the clinician's request, and the case's state after it."""

    assessment: Assessment
    hub: HubState


class AssessmentService:
    """Runs the decision-support report on stored cases and keeps every report."""

    def __init__(
        self,
        store: CaseStore,
        cases: CaseService,
        *,
        actor: str,
        settings: Callable[[], ClinicalSettings],
        model: ModelRunner | None = None,
        model_bundle_id: Callable[[], str | None] = lambda: None,
        clock: Callable[[], datetime] = _utc_now,
        roles: UserRoles | None = None,
    ) -> None:
        self._roles = roles  # None: no sign-in to check (tests, tools)
        self._store = store
        self._cases = cases
        self._actor = actor
        self._settings = settings
        self._model = model
        self._bundle_id = model_bundle_id
        self._clock = clock

    def assess_case(self, case_id: str, *, clinician_requests_referral: bool = False) -> Assessment:
        """Assess the latest version of a stored case and store the report."""
        require(self._roles, Permission.ASSESS)
        full_id = self._cases.resolve_case_id(case_id)
        return self._assess(full_id, clinician_requests_referral=clinician_requests_referral)

    def send_to_hub(self, case_id: str) -> SentToHub:
        """The "Send to hub" action: re-assess with the clinician's request and, with that report,
        queue the latest version as a referral (desktop/services/hub_referral.py).
        Raises NotSendable without the patient's consent or an enrolled hub."""
        require(self._roles, Permission.SEND_TO_HUB)
        require(self._roles, Permission.ASSESS)
        full_id = self._cases.resolve_case_id(case_id)
        case = parse_case(self._store.latest(full_id).document)
        check_sendable(case, enrolled=self._store.sync_ledger().identity() is not None)
        assessment = self._assess(full_id, clinician_requests_referral=True, refer_to_hub=True)
        return SentToHub(assessment, hub_state(self._store, full_id))

    def hub_state(self, case_id: str) -> HubState:
        """Where the case stands with the hub (queued, sent, received ...)."""
        require(self._roles, Permission.READ_CASES)
        return hub_state(self._store, self._cases.resolve_case_id(case_id))

    def _assess(
        self, full_id: str, *, clinician_requests_referral: bool, refer_to_hub: bool = False
    ) -> Assessment:
        stored_case = self._store.latest(full_id)
        case = parse_case(stored_case.document)
        previous = self.latest_report(full_id)
        report = compose_report(
            case,
            self._settings(),
            self._model(case) if self._model is not None else None,
            generated_at=self._clock(),
            previous=previous,
            clinician_requests_referral=clinician_requests_referral,
        )
        stored = self._store.add_report(
            NewReport(
                case_id=full_id,
                case_version=stored_case.version,
                actor=self._actor,
                model_name=report.model.name if report.model else None,
                model_version=report.model.version if report.model else None,
                bundle_id=report.model.bundle_id if report.model else None,
                inputs_fingerprint=report.inputs_fingerprint,
                document=report.model_dump(mode="json"),
            ),
            refer_to_hub=refer_to_hub,
        )
        return Assessment(report, stored.report_id, stored_case.version)

    def add_follow_up(
        self, case_id: str, follow_up: dict[str, Any] | str | bytes
    ) -> tuple[SavedCase, Assessment]:
        """Append a follow-up to the case (a new version), then re-assess it."""
        require(self._roles, Permission.FOLLOW_UP)
        full_id = self._cases.resolve_case_id(case_id)
        document = dump_case(parse_case(self._store.latest(full_id).document))
        entry = _follow_up_object(follow_up)
        index = len(document.get("follow_ups", []))
        document["follow_ups"] = [*document.get("follow_ups", []), entry]
        try:
            case = parse_case(document)
        except InvalidInput as error:
            raise InvalidInput(_relative(error.problems, f"follow_ups[{index}]")) from None
        saved = self._cases.save(case)
        return saved, self.assess_case(full_id)

    def latest_report(self, case_id: str) -> Report | None:
        require(self._roles, Permission.READ_CASES)
        stored = self._store.latest_report(case_id)
        return None if stored is None else Report.model_validate(stored.document)

    def stored_reports(self, case_id: str) -> list[StoredReport]:
        require(self._roles, Permission.READ_CASES)
        return self._store.reports(self._cases.resolve_case_id(case_id))

    def reproduce(self, case_id: str, report_id: int) -> Report:
        """Recompute a stored report from its recorded inputs (same case version, settings,
        time, previous report and model bundle); raises ModelVersionUnavailable when that
        report used a bundle other than the one loaded now."""
        require(self._roles, Permission.READ_CASES)
        full_id = self._cases.resolve_case_id(case_id)
        history = self._store.reports(full_id)
        position = next((i for i, r in enumerate(history) if r.report_id == report_id), None)
        if position is None:
            raise InvalidInput(
                [Problem("report_id", f"case {full_id} has no such report", report_id)]
            )
        stored = history[position]
        original = Report.model_validate(stored.document)
        previous = Report.model_validate(history[position - 1].document) if position else None
        case = parse_case(self._cases.case_version(full_id, stored.case_version).document)
        model_output = None
        if stored.bundle_id is not None:
            model_output = self._model(case) if self._model is not None else None
            if model_output is None or self._bundle_id() != stored.bundle_id:
                raise ModelVersionUnavailable(
                    f"report {report_id} was made with model {stored.model_name} "
                    f"{stored.model_version} (bundle {stored.bundle_id[:12]}), which is not "
                    "the model loaded now; load that bundle to reproduce it"
                )
        return compose_report(
            case,
            original.settings,
            model_output,
            generated_at=original.generated_at,
            previous=previous,
            clinician_requests_referral=original.clinician_requested_referral,
        )


def _follow_up_object(data: dict[str, Any] | str | bytes) -> dict[str, Any]:
    if isinstance(data, dict):
        return data
    try:
        value = json.loads(data)
    except (ValueError, UnicodeDecodeError) as error:
        raise InvalidInput(
            [Problem("(follow-up file)", "must be valid JSON", str(error))]
        ) from None
    if not isinstance(value, dict):
        raise InvalidInput(
            [Problem("(follow-up file)", "must be a JSON object", type(value).__name__)]
        )
    return value


def _relative(problems: tuple[Problem, ...], prefix: str) -> list[Problem]:
    """Problems inside the new follow-up, with paths relative to the follow-up file."""
    relative = []
    for problem in problems:
        path = problem.path
        if path.startswith(prefix + "."):
            path = path[len(prefix) + 1 :]
        elif path == prefix:
            path = "(follow-up)"
        relative.append(Problem(path, problem.rule, problem.value))
    return relative
