"""The sync client's AnchorPort, implemented over the store's HubAnchorLedger.

Every call goes through ``run_on_store`` (see desktop/services/sync_ports.py).
"""

from __future__ import annotations

from datetime import UTC
from typing import Any

from desktop.services.sync_ports import StoreCall, direct
from desktop.store import AuditPosition, HubAnchorLedger, NewHubAnchor
from sync.client import AuditClaim, VerifiedAnchor
from sync.protocol import AuditHead


def _wire(position: AuditPosition) -> AuditHead:
    return AuditHead(seq=position.seq, mac=position.mac)


class StoreAnchors:
    """AnchorPort over the ledger."""

    def __init__(self, ledger: HubAnchorLedger, run_on_store: StoreCall[Any] = direct) -> None:
        self._ledger = ledger
        self._run = run_on_store

    def claim(self) -> AuditClaim:
        head, checkpoint = self._run(self._ledger.claim)
        return AuditClaim(_wire(head), None if checkpoint is None else _wire(checkpoint))

    def mac_at(self, seq: int) -> str | None:
        mac: str | None = self._run(lambda: self._ledger.mac_at(seq))
        return mac

    def record(self, anchor: VerifiedAnchor) -> None:
        new = NewHubAnchor(
            seq=anchor.seq,
            mac=anchor.mac,
            anchored_at=anchor.anchored_at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ"),
            device_id=anchor.device_id,
            receipt=anchor.payload_text,
            signature=anchor.signature,
        )
        self._run(lambda: self._ledger.record(new))
