"""Pulling the changes feed: verify each change's hub signature, then store it.

A page is stored in one transaction with the new cursor, so a crash stores either the
whole page and its cursor or neither (and the page is fetched again). A change whose
signature does not verify with the hub key pinned at enrollment, that is addressed to
another clinic, or that does not parse, stops the pull with :class:`ChangeRejected`:
nothing of that page is stored and the cursor does not move.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from pydantic import ValidationError

from desktop.domain.errors import UserFacingError
from sync.client.hub_client import HubClient
from sync.client.ports import InboxPort, ReceivedChange
from sync.protocol import (
    Change,
    ChangePayload,
    ModelReleasePayload,
    ReceiptPayload,
    b64decode,
    canonical_json,
    parse_payload,
)

#: the receipt each kind of change moves its case to (None: no receipt change)
RECEIPT_OF_KIND = {
    "recommendation": "delivered",
    "information_request": "in_review",
    "planned_visit": None,
    "model_release": None,
}


class ChangeRejected(UserFacingError):
    """A change from the hub failed verification; nothing of its page was stored."""

    def __init__(self, seq: int, reason: str) -> None:
        self.seq = seq
        self.reason = reason
        super().__init__(
            f"A message from the hub (change {seq}) was refused: {reason}. Nothing was "
            "stored; tell IT (the hub's key or the connection may have been tampered with)."
        )


@dataclass
class ChangesReport:
    received: int = 0
    pages: int = 0
    model_releases: list[ModelReleasePayload] | None = None


def hub_key(text: str) -> Ed25519PublicKey:
    return Ed25519PublicKey.from_public_bytes(b64decode(text))


def verify_change(change: Change, key: Ed25519PublicKey, clinic_id: str) -> ReceivedChange:
    text = canonical_json(change.payload)
    try:
        key.verify(b64decode(change.signature), text)
    except (InvalidSignature, ValueError):
        raise ChangeRejected(change.seq, "its hub signature does not verify") from None
    try:
        payload: ChangePayload = parse_payload(change.payload)
    except ValidationError:
        raise ChangeRejected(change.seq, "it does not follow the protocol") from None
    if isinstance(payload, ModelReleasePayload):
        return ReceivedChange(
            change.seq, payload.kind, None, None, text.decode(), change.signature, None
        )
    if payload.clinic_id != clinic_id:
        raise ChangeRejected(change.seq, "it is addressed to another clinic")
    receipt = (
        payload.state if isinstance(payload, ReceiptPayload) else RECEIPT_OF_KIND[payload.kind]
    )
    return ReceivedChange(
        seq=change.seq,
        kind=payload.kind,
        case_id=payload.case_id,
        case_version=payload.case_version,
        payload_text=text.decode("utf-8"),
        signature=change.signature,
        receipt=receipt,
    )


def pull_changes(
    client: HubClient,
    inbox: InboxPort,
    *,
    hub_public_key: str,
    clinic_id: str,
    page_size: int = 200,
    cancelled: Callable[[], bool] = lambda: False,
) -> ChangesReport:
    """Fetch and store every change after the stored cursor; then report acknowledgements."""
    key = hub_key(hub_public_key)
    report = ChangesReport(model_releases=[])
    cursor = inbox.cursor()
    while not cancelled():
        page = client.changes(cursor, page_size)
        report.pages += 1
        verified = [verify_change(change, key, clinic_id) for change in page.changes]
        report.received += inbox.store(verified, page.cursor)
        for change in page.changes:
            if change.payload.get("kind") == "model_release" and report.model_releases is not None:
                report.model_releases.append(ModelReleasePayload.model_validate(change.payload))
        cursor = page.cursor
        if not page.has_more:
            break
    acks = inbox.pending_acks()
    if acks:
        client.acknowledge(acks)
        inbox.acks_reported(acks)
    return report
