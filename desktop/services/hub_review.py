"""Hub expert mode: the review queue, claiming a case, reading it, answering it (Qt-free).

The GUI is written against :class:`HubReviewClient`, the expert's side of the hub's review
API (``sync.protocol.review``): ``sync.client.review_client.ReviewClient`` (signed in)
satisfies it; tests use a fake. The expert sees the pseudonymized case and the report
composed here from it (same domain rules as at the clinic), then sends a recommendation
and, when needed, plans an on-site visit.

:func:`sign_in_for_review` signs an expert in with a hub account (no clinic store is
needed) and says which field is wrong when it cannot; once signed in, a refused session
(expired, signed out elsewhere, account disabled) is :class:`HubSessionEnded`, so the GUI
can go back to the sign-in screen.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Literal, Protocol

from desktop.domain.case import Case
from desktop.domain.case_parsing import parse_case
from desktop.domain.errors import InvalidInput, Problem, UserFacingError
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
    SessionOut,
)
from sync.transport import HubRefused, HubUnreachable, HubUntrusted, TransportError

URGENCY_ORDER = {"urgent": 0, "soon": 1, "routine": 2}
SUMMARY_LIMIT = 8000
EXPERT_ROLE = "expert"
SignInField = Literal["hub", "username", "password"]


class HubReviewClient(Protocol):
    """What the expert does on the hub (each call is one HTTPS request)."""

    def queue(self) -> ReviewQueue: ...

    def claim(self, case_ref: str) -> ClaimResult: ...

    def view(self, case_ref: str) -> CaseView: ...

    def recommend(self, case_ref: str, answer: RecommendationIn) -> object: ...

    def plan_visit(self, case_ref: str, visit: PlannedVisitIn) -> object: ...

    def sign_out(self) -> None: ...

    def close(self) -> None: ...


class HubReviewAccount(HubReviewClient, Protocol):
    """A review client before sign-in (``ReviewClient``)."""

    def sign_in(self, username: str, password: str) -> SessionOut: ...


class HubSignInRefused(UserFacingError):
    """Signing in at the hub failed; ``field`` is the one to correct."""

    def __init__(self, field: SignInField, message: str) -> None:
        self.field: SignInField = field
        super().__init__(message)


class HubSessionEnded(UserFacingError):
    """The hub no longer accepts the expert's session (expired, signed out, disabled)."""

    def __init__(self, expired: bool) -> None:
        self.expired = expired
        super().__init__(
            "Your hub session has expired. Sign in again."
            if expired
            else "The hub ended your session (signed out or account disabled). Sign in again."
        )


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
        account: str = "",
        hub_url: str = "",
    ) -> None:
        self._client = client
        self._settings = settings
        self._clock = clock
        #: who is signed in, and where (shown on screen; empty for a preset service)
        self.account = account
        self.hub_url = hub_url

    def queue(self) -> list[QueueEntry]:
        """Most urgent first, then the longest waiting (whatever order the hub sent)."""
        with _session_checked():
            entries = self._client.queue().entries
        return sorted(entries, key=lambda e: (URGENCY_ORDER[e.urgency], -e.waiting_hours))

    def claim(self, case_ref: str) -> ClaimResult:
        with _session_checked():
            return self._client.claim(case_ref)

    def open_case(self, case_ref: str) -> ReviewedCase:
        """The case and its report (without a model: the hub's expert reads the rules)."""
        with _session_checked():
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
        with _session_checked():
            self._send(case_ref, draft, summary)

    def _send(self, case_ref: str, draft: RecommendationDraft, summary: str) -> None:
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

    def close(self) -> None:
        """Close the connection without signing out (at exit: the session expires)."""
        self._client.close()

    def sign_out(self) -> None:
        """End the hub session and close the connection (best effort: offline is fine)."""
        try:
            with suppress(TransportError):  # offline: the session expires at the hub anyway
                self._client.sign_out()
        finally:
            self._client.close()


class HubReviewOffline(UserFacingError):
    """The hub did not answer a review request."""

    def __init__(self, url: str, reason: str) -> None:
        super().__init__(
            f"The hub at {url} cannot be reached ({reason}). Check the network and try "
            "again; Refresh shows what the hub has."
        )


@contextmanager
def _session_checked() -> Iterator[None]:
    """A 401 from the hub after sign-in means the session is over; no answer is said in
    the expert's terms (the clinic's message speaks of its outbox)."""
    try:
        yield
    except HubRefused as error:
        if error.status == 401:
            raise HubSessionEnded(expired=error.code == "session_expired") from None
        raise
    except HubUnreachable as error:
        raise HubReviewOffline(error.url, error.reason) from None


def sign_in_for_review(
    connect: Callable[[str], HubReviewAccount],
    hub_url: str,
    username: str,
    password: str,
    settings: Callable[[], ClinicalSettings],
    *,
    clock: Callable[[], datetime] = _utc_now,
) -> HubReviewService:
    """Sign in with a hub expert account; :class:`HubSignInRefused` names the field."""
    hub_url, username = hub_url.strip().rstrip("/"), username.strip()
    _check_sign_in_fields(hub_url, username, password)
    client = connect(hub_url)
    try:
        session = _signed_in(client, hub_url, username, password)
        if session.role != EXPERT_ROLE:
            with suppress(TransportError):
                client.sign_out()
            raise HubSignInRefused(
                "username",
                f"'{username}' is a hub {session.role} account, not a hub expert account: "
                "hub review needs an expert account.",
            )
    except BaseException:
        client.close()
        raise
    return HubReviewService(client, settings, clock=clock, account=username, hub_url=hub_url)


def _check_sign_in_fields(hub_url: str, username: str, password: str) -> None:
    if not hub_url:
        raise HubSignInRefused("hub", "Enter the hub address.")
    local = hub_url.startswith(("http://127.0.0.1", "http://localhost"))
    if not (hub_url.startswith("https://") or local) or " " in hub_url:
        raise HubSignInRefused(
            "hub", "The hub address must start with https:// (http:// only for this computer)."
        )
    if not username:
        raise HubSignInRefused("username", "Enter your hub user name.")
    if not password:
        raise HubSignInRefused("password", "Enter your hub password.")


def _signed_in(client: HubReviewAccount, hub_url: str, username: str, password: str) -> SessionOut:
    try:
        return client.sign_in(username, password)
    except HubRefused as error:
        if error.status == 401:
            raise HubSignInRefused(
                "password",
                "The hub did not accept this user name and password. Check both and try again.",
            ) from None
        field: SignInField = "password" if error.code == "rate_limited" else "hub"
        raise HubSignInRefused(
            field, f"The hub refused the sign-in: {error.body.message}."
        ) from None
    except HubUntrusted as error:
        raise HubSignInRefused("hub", str(error)) from None
    except HubUnreachable as error:
        raise HubSignInRefused(
            "hub",
            f"The hub at {hub_url} cannot be reached ({error.reason}). Check the address "
            "and the network connection.",
        ) from None
