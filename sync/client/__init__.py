"""The clinic's sync client: drain the outbox, pull the changes feed, fetch model updates.

No Qt, no store: what it needs from the clinic's database comes through the small ports in
:mod:`sync.client.ports`, which desktop/services implements over the store. Everything on
the network goes through :mod:`sync.transport`.
"""

from sync.client.backoff import AdaptiveBatch, Backoff
from sync.client.changes import ChangesReport, pull_changes
from sync.client.drain import DrainReport, drain_outbox
from sync.client.hub_client import HubClient
from sync.client.ports import (
    DeliveryOutcome,
    InboxPort,
    OutboxPort,
    PendingUpload,
    ReceivedChange,
)
from sync.client.review_client import ReviewClient

__all__ = [
    "AdaptiveBatch",
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
    "drain_outbox",
    "pull_changes",
]
