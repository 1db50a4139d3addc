"""Routes for experts: sign in/out, queue, claim, view, recommend, ask, plan a visit."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query
from fastapi.responses import Response

from sync.hub.accounts import sign_in, sign_out
from sync.hub.api.dependencies import ExpertDep, HubDep, TokenDep
from sync.hub.api.device_routes import ERRORS
from sync.hub.review import (
    claim_case,
    plan_visit,
    recommend,
    request_information,
    review_queue,
    view_case,
)
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
    WireModel,
)

router = APIRouter(prefix=API_PREFIX, responses=ERRORS)
CaseRef = Annotated[str, Path(pattern=r"^[0-9a-f]{16}$")]


class ChangeCreated(WireModel):
    seq: int


@router.post("/sessions", response_model=SessionOut, tags=["session"])
def create_session(hub: HubDep, login: LoginRequest) -> SessionOut:
    """Sign in with a user name and password; returns a short-lived bearer token."""
    return sign_in(hub, login.username, login.password)


@router.delete("/sessions", status_code=204, tags=["session"])
def delete_session(hub: HubDep, token: TokenDep) -> Response:
    """Sign out (the token stops working at once)."""
    sign_out(hub, token)
    return Response(status_code=204)


@router.get("/review/queue", response_model=ReviewQueue, tags=["review"])
def queue(
    hub: HubDep, account: ExpertDep, limit: Annotated[int, Query(ge=1, le=500)] = 100
) -> ReviewQueue:
    """Open cases, most urgent first, then longest waiting (role: expert or admin)."""
    return review_queue(hub, limit=limit)


@router.post("/review/cases/{case_ref}/claim", response_model=ClaimResult, tags=["review"])
def claim(hub: HubDep, account: ExpertDep, case_ref: CaseRef) -> ClaimResult:
    """Claim a case for review (role: expert or admin)."""
    return claim_case(hub, account, case_ref)


@router.get("/review/cases/{case_ref}", response_model=CaseView, tags=["review"])
def view(hub: HubDep, account: ExpertDep, case_ref: CaseRef) -> CaseView:
    """The decrypted, pseudonymized case (role: expert or admin)."""
    return view_case(hub, account, case_ref)


@router.post(
    "/review/cases/{case_ref}/recommendation", response_model=ChangeCreated, tags=["review"]
)
def post_recommendation(
    hub: HubDep, account: ExpertDep, case_ref: CaseRef, answer: RecommendationIn
) -> ChangeCreated:
    """Answer a claimed case; the clinic receives it signed (role: expert or admin)."""
    return ChangeCreated(seq=recommend(hub, account, case_ref, answer))


@router.post(
    "/review/cases/{case_ref}/information-request", response_model=ChangeCreated, tags=["review"]
)
def post_information_request(
    hub: HubDep, account: ExpertDep, case_ref: CaseRef, request: InformationRequestIn
) -> ChangeCreated:
    """Ask the clinic for more information (role: expert or admin)."""
    return ChangeCreated(seq=request_information(hub, account, case_ref, request))


@router.post("/review/cases/{case_ref}/visit", response_model=ChangeCreated, tags=["review"])
def post_visit(
    hub: HubDep, account: ExpertDep, case_ref: CaseRef, visit: PlannedVisitIn
) -> ChangeCreated:
    """Plan an on-site visit for a case (role: expert or admin)."""
    return ChangeCreated(seq=plan_visit(hub, account, case_ref, visit))
