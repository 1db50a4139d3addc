"""The clinic's sync client: drain the outbox, pull the changes feed, fetch model updates.

No Qt, no store: what it needs from the clinic's database comes through the small ports in
:mod:`sync.client.ports`, which desktop/services implements over the store. Everything on
the network goes through :mod:`sync.transport`.
"""

from sync.client.anchoring import AnchorRejected, AnchorReport, anchor_audit_head
from sync.client.backoff import AdaptiveBatch, Backoff
from sync.client.changes import ChangesReport, pull_changes
from sync.client.drain import DrainReport, drain_outbox
from sync.client.hub_client import HubClient
from sync.client.ports import (
    AnchorPort,
    AuditClaim,
    DeliveryOutcome,
    InboxPort,
    OutboxPort,
    PendingUpload,
    ReceivedChange,
    VerifiedAnchor,
)
from sync.client.review_client import ReviewClient

__all__ = [
    "AdaptiveBatch",
    "AnchorPort",
    "AnchorRejected",
    "AnchorReport",
    "AuditClaim",
    "Backoff",
    "ChangesReport",
    "DeliveryOutcome",
    "DrainReport",
    "HubClient",
    "InboxPort",
    "OutboxPort",
    "PendingUpload",
    "ReceivedChange",
    "ReviewClient",
    "VerifiedAnchor",
    "anchor_audit_head",
    "drain_outbox",
    "pull_changes",
]
