"""The expert review API from the desktop app's hub mode (no Qt; over sync.transport).

An expert signs in with a password for a short-lived session, then lists the queue,
claims a case, reads it (decrypted by the hub) and answers. Errors are the transport's
(:class:`~sync.transport.HubRefused` with the hub's code, e.g. ``session_expired``).
"""

from __future__ import annotations

from pydantic import BaseModel

from sync.protocol import (
    API_PREFIX,
    CaseView,
    ClaimResult,
    InformationRequestIn,
    LoginRequest,
    PlannedVisitIn,
    RecommendationIn,
    ReviewQueue,
    SessionOut,
)
from sync.transport import HubTransport


class ChangeSeq(BaseModel):
    seq: int


class ReviewClient:
    def __init__(self, transport: HubTransport) -> None:
        self.transport = transport
        self.session: SessionOut | None = None

    def sign_in(self, username: str, password: str) -> SessionOut:
        session = self.transport.post(
            f"{API_PREFIX}/sessions",
            LoginRequest(username=username, password=password),
            SessionOut,
            signed=False,
        )
        self.session = session
        self.transport.with_session(session.token)
        return session

    def sign_out(self) -> None:
        if self.session is not None:
            self.transport.delete(f"{API_PREFIX}/sessions")
        self.session = None
        self.transport.with_session(None)

    def queue(self, limit: int = 100) -> ReviewQueue:
        return self.transport.get(
            f"{API_PREFIX}/review/queue", ReviewQueue, params={"limit": limit}, signed=False
        )

    def claim(self, case_ref: str) -> ClaimResult:
        return self.transport.post_empty(
            f"{API_PREFIX}/review/cases/{case_ref}/claim", ClaimResult, signed=False
        )

    def view(self, case_ref: str) -> CaseView:
        return self.transport.get(f"{API_PREFIX}/review/cases/{case_ref}", CaseView, signed=False)

    def recommend(self, case_ref: str, answer: RecommendationIn) -> int:
        path = f"{API_PREFIX}/review/cases/{case_ref}/recommendation"
        return self.transport.post(path, answer, ChangeSeq, signed=False).seq

    def request_information(self, case_ref: str, request: InformationRequestIn) -> int:
        path = f"{API_PREFIX}/review/cases/{case_ref}/information-request"
        return self.transport.post(path, request, ChangeSeq, signed=False).seq

    def plan_visit(self, case_ref: str, visit: PlannedVisitIn) -> int:
        path = f"{API_PREFIX}/review/cases/{case_ref}/visit"
        return self.transport.post(path, visit, ChangeSeq, signed=False).seq

    def close(self) -> None:
        self.transport.close()

    def __enter__(self) -> ReviewClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
