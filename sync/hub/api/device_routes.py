"""Routes for clinic devices: enroll (one-time code), upload, changes, receipts, anchors."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from sync.hub.api.dependencies import DeviceDep, HubDep
from sync.hub.audit_anchors import anchor_audit_head
from sync.hub.enrollment import enroll
from sync.hub.feed import changes_page
from sync.hub.receipts import acknowledge
from sync.hub.uploads import store_batch
from sync.protocol import (
    API_PREFIX,
    AuditAnchorIn,
    AuditAnchorResult,
    ChangesPage,
    EnrollRequest,
    EnrollResponse,
    ErrorBody,
    HealthResponse,
    ReceiptBatch,
    ReceiptBatchResult,
    UploadBatch,
    UploadBatchResult,
)

ERRORS: dict[int | str, dict[str, object]] = {
    status: {"model": ErrorBody} for status in (400, 401, 403, 409, 413, 422, 429)
}
router = APIRouter(prefix=API_PREFIX, responses=ERRORS)


@router.get("/health", response_model=HealthResponse, tags=["public"])
def health(hub: HubDep) -> HealthResponse:
    """Reachability and the hub's clock (public)."""
    return HealthResponse(hub_time=hub.now())


@router.post("/enroll", response_model=EnrollResponse, tags=["device"])
def enroll_device(hub: HubDep, request: EnrollRequest) -> EnrollResponse:
    """Enroll a device with a one-time code (public: the code is the credential)."""
    return enroll(hub, request)


@router.post("/uploads", response_model=UploadBatchResult, tags=["device"])
def upload(hub: HubDep, device: DeviceDep, batch: UploadBatch) -> UploadBatchResult:
    """Store a batch of case versions, each exactly once (role: device)."""
    return store_batch(hub, device, batch)


@router.get("/changes", response_model=ChangesPage, tags=["device"])
def changes(
    hub: HubDep,
    device: DeviceDep,
    after: Annotated[int, Query(ge=0, le=2**62)] = 0,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
) -> ChangesPage:
    """This clinic's changes after the cursor ``after`` (role: device)."""
    return changes_page(hub, device.clinic_id, after, limit)


@router.post("/receipts", response_model=ReceiptBatchResult, tags=["device"])
def receipts(hub: HubDep, device: DeviceDep, batch: ReceiptBatch) -> ReceiptBatchResult:
    """Delivered / read acknowledgements of the hub's answers (role: device)."""
    return acknowledge(hub, device, batch)


@router.post("/audit-anchors", response_model=AuditAnchorResult, tags=["device"])
def audit_anchor(hub: HubDep, device: DeviceDep, request: AuditAnchorIn) -> AuditAnchorResult:
    """Anchor the head of this device's audit log; a head that went backwards is refused
    (409 ``audit_rollback`` / ``audit_rewritten``) and shown as an audit alarm (role: device)."""
    return anchor_audit_head(hub, device, request)
