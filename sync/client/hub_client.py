"""Typed calls to the hub (one method per endpoint the clinic uses)."""

from __future__ import annotations

from collections.abc import Sequence

from sync.protocol import (
    API_PREFIX,
    AuditAnchorIn,
    AuditAnchorResult,
    ChangesPage,
    EnrollRequest,
    EnrollResponse,
    HealthResponse,
    ReceiptAck,
    ReceiptBatch,
    ReceiptBatchResult,
    UploadBatch,
    UploadBatchResult,
    UploadItem,
    b64encode,
)
from sync.transport import HubTransport, RequestSigner


class HubClient:
    """The clinic's view of the hub API over one transport."""

    def __init__(self, transport: HubTransport) -> None:
        self.transport = transport

    @property
    def base_url(self) -> str:
        return self.transport.base_url

    def use_identity(self, signer: RequestSigner) -> None:
        self.transport.with_signer(signer)

    def health(self) -> HealthResponse:
        return self.transport.get(f"{API_PREFIX}/health", HealthResponse, signed=False)

    def enroll(self, code: str, device_name: str, public_key: bytes) -> EnrollResponse:
        request = EnrollRequest(
            code=code, device_name=device_name, public_key=b64encode(public_key)
        )
        return self.transport.post(f"{API_PREFIX}/enroll", request, EnrollResponse, signed=False)

    def upload(self, items: Sequence[UploadItem]) -> UploadBatchResult:
        batch = UploadBatch(items=list(items))
        return self.transport.post(f"{API_PREFIX}/uploads", batch, UploadBatchResult)

    def changes(self, after: int, limit: int = 200) -> ChangesPage:
        return self.transport.get(
            f"{API_PREFIX}/changes", ChangesPage, params={"after": after, "limit": limit}
        )

    def acknowledge(self, acks: Sequence[ReceiptAck]) -> ReceiptBatchResult:
        return self.transport.post(
            f"{API_PREFIX}/receipts", ReceiptBatch(acks=list(acks)), ReceiptBatchResult
        )

    def anchor_audit(self, request: AuditAnchorIn) -> AuditAnchorResult:
        return self.transport.post(f"{API_PREFIX}/audit-anchors", request, AuditAnchorResult)

    def close(self) -> None:
        self.transport.close()

    def __enter__(self) -> HubClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
