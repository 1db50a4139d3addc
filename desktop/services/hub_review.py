"""Hub expert mode: the review queue, claiming a case, reading it, answering it (Qt-free).

The GUI is written against :class:`HubReviewClient`, the expert's side of the hub's review
API (``sync.protocol.review``): ``sync.client.review_client.ReviewClient`` (signed in)
satisfies it; tests use a fake. The expert sees the pseudonymized case and the report
composed here from it (same domain rules as at the clinic), then sends a recommendation
and, when needed, plans an on-site visit.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Protocol

from desktop.domain.case import Case
from desktop.domain.case_parsing import parse_case
from desktop.domain.errors import InvalidInput, Problem
from desktop.domain.report import Report, compose_report
from desktop.domain.settings import ClinicalSettings
from desktop.domain.vocabulary import TreatmentOption
from sync.protocol.changes import MechanismFindings
from sync.protocol.review import (
    CaseView,
    ClaimResult,
    PlannedVisitIn,
    QueueEntry,
    RecommendationIn,
    ReviewQueue,
)

URGENCY_ORDER = {"urgent": 0, "soon": 1, "routine": 2}
SUMMARY_LIMIT = 8000


class HubReviewClient(Protocol):
    """What the expert does on the hub (each call is one HTTPS request)."""

    def queue(self) -> ReviewQueue: ...

    def claim(self, case_ref: str) -> ClaimResult: ...

    def view(self, case_ref: str) -> CaseView: ...

    def recommend(self, case_ref: str, answer: RecommendationIn) -> object: ...

    def plan_visit(self, case_ref: str, visit: PlannedVisitIn) -> object: ...


@dataclass(frozen=True)
class ReviewedCase:
    """A claimed case as the expert reads it."""

    view: CaseView
    case: Case
    report: Report


@dataclass
class RecommendationDraft:
    """The expert's answer as typed (validated by :meth:`HubReviewService.send`)."""

    nociceptive: bool | None = None
    neuropathic: bool | None = None
    nociplastic: bool | None = None
    regimen: list[TreatmentOption] = field(default_factory=list)
    summary: str = ""
    follow_up_days: int | None = None
    visit_date: date | None = None
    visit_purpose: str = ""

    @property
    def visit_needed(self) -> bool:
        return self.visit_date is not None


def _utc_now() -> datetime:
    return datetime.now(UTC)


class HubReviewService:
    def __init__(
        self,
        client: HubReviewClient,
        settings: Callable[[], ClinicalSettings],
        *,
        clock: Callable[[], datetime] = _utc_now,
    ) -> None:
        self._client = client
        self._settings = settings
        self._clock = clock

    def queue(self) -> list[QueueEntry]:
        """Most urgent first, then the longest waiting (whatever order the hub sent)."""
        entries = self._client.queue().entries
        return sorted(entries, key=lambda e: (URGENCY_ORDER[e.urgency], -e.waiting_hours))

    def claim(self, case_ref: str) -> ClaimResult:
        return self._client.claim(case_ref)

    def open_case(self, case_ref: str) -> ReviewedCase:
        """The case and its report (without a model: the hub's expert reads the rules)."""
        view = self._client.view(case_ref)
        case = parse_case(view.document)
        report = compose_report(case, self._settings(), None, generated_at=self._clock())
        return ReviewedCase(view, case, report)

    def send(self, case_ref: str, draft: RecommendationDraft) -> None:
        """Validate and send the recommendation (and the visit when one is planned)."""
        problems = []
        summary = draft.summary.strip()
        if not summary:
            problems.append(Problem("summary", "is required: write the recommendation", ""))
        elif len(summary) > SUMMARY_LIMIT:
            problems.append(
                Problem("summary", f"must be at most {SUMMARY_LIMIT} characters", len(summary))
            )
        if draft.follow_up_days is not None and not 1 <= draft.follow_up_days <= 365:
            problems.append(Problem("follow_up_days", "must be 1-365 days", draft.follow_up_days))
        if draft.visit_needed and not draft.visit_purpose.strip():
            problems.append(Problem("visit_purpose", "is required for an on-site visit", ""))
        if problems:
            raise InvalidInput(problems)
        self._client.recommend(
            case_ref,
            RecommendationIn(
                mechanisms=MechanismFindings(
                    nociceptive=draft.nociceptive,
                    neuropathic=draft.neuropathic,
                    nociplastic=draft.nociplastic,
                ),
                regimen=tuple(draft.regimen),
                summary=summary,
                follow_up_days=draft.follow_up_days,
            ),
        )
        if draft.visit_date is not None:
            self._client.plan_visit(
                case_ref,
                PlannedVisitIn(visit_date=draft.visit_date, purpose=draft.visit_purpose.strip()),
            )
