"""The wire contract between clinic and hub (``painbridge.sync/1``), shared by both sides.

Only pydantic, the standard library and :mod:`desktop.domain` are imported here: the clinic
client and the hub service depend on this package and on nothing of each other's.
docs/protocol.md describes every message, header and error code.
"""

from sync.protocol.canonical import canonical_json, sha256_hex
from sync.protocol.changes import (
    Change,
    ChangePayload,
    ChangesPage,
    InformationRequestPayload,
    MechanismFindings,
    ModelReleasePayload,
    PlannedVisitPayload,
    ReceiptPayload,
    RecommendationPayload,
    parse_payload,
)
from sync.protocol.errors import ErrorBody, ErrorCode, ProblemOut
from sync.protocol.identity import EnrollRequest, EnrollResponse, HealthResponse
from sync.protocol.receipts import (
    CLINIC_ACKNOWLEDGEMENTS,
    RECEIPT_ORDER,
    ReceiptAck,
    ReceiptBatch,
    ReceiptBatchResult,
    ReceiptState,
    later_receipt,
)
from sync.protocol.review import (
    CaseView,
    ClaimResult,
    InformationRequestIn,
    LoginRequest,
    PlannedVisitIn,
    QueueEntry,
    RecommendationIn,
    ReviewQueue,
    SessionOut,
    Urgency,
)
from sync.protocol.sharing import NotShareable, check_shared, pseudonymize, sharing_problems
from sync.protocol.signing import (
    DEVICE_HEADER,
    DIGEST_HEADER,
    NONCE_HEADER,
    SIGNATURE_HEADER,
    SIGNED_HEADERS,
    TIMESTAMP_HEADER,
    b64decode,
    b64encode,
    signing_string,
)
from sync.protocol.status import ClinicStatus, HubStatus
from sync.protocol.uploads import (
    MAX_BATCH_ITEMS,
    ItemOutcome,
    ItemResult,
    ModelSummary,
    UploadBatch,
    UploadBatchResult,
    UploadItem,
)
from sync.protocol.version import API_PREFIX, CHANNELS, PROTOCOL, Channel, WireModel

__all__ = [
    "API_PREFIX",
    "CHANNELS",
    "CLINIC_ACKNOWLEDGEMENTS",
    "DEVICE_HEADER",
    "DIGEST_HEADER",
    "MAX_BATCH_ITEMS",
    "NONCE_HEADER",
    "PROTOCOL",
    "RECEIPT_ORDER",
    "SIGNATURE_HEADER",
    "SIGNED_HEADERS",
    "TIMESTAMP_HEADER",
    "CaseView",
    "Change",
    "ChangePayload",
    "ChangesPage",
    "Channel",
    "ClaimResult",
    "ClinicStatus",
    "EnrollRequest",
    "EnrollResponse",
    "ErrorBody",
    "ErrorCode",
    "HealthResponse",
    "HubStatus",
    "InformationRequestIn",
    "InformationRequestPayload",
    "ItemOutcome",
    "ItemResult",
    "LoginRequest",
    "MechanismFindings",
    "ModelReleasePayload",
    "ModelSummary",
    "NotShareable",
    "PlannedVisitIn",
    "PlannedVisitPayload",
    "ProblemOut",
    "QueueEntry",
    "ReceiptAck",
    "ReceiptBatch",
    "ReceiptBatchResult",
    "ReceiptPayload",
    "ReceiptState",
    "RecommendationIn",
    "RecommendationPayload",
    "ReviewQueue",
    "SessionOut",
    "UploadBatch",
    "UploadBatchResult",
    "UploadItem",
    "Urgency",
    "WireModel",
    "b64decode",
    "b64encode",
    "canonical_json",
    "check_shared",
    "later_receipt",
    "parse_payload",
    "pseudonymize",
    "sha256_hex",
    "sharing_problems",
    "signing_string",
]
