"""Receipts a clinic sends back: the hub's answer was ``delivered`` and then ``read``."""

from __future__ import annotations

from sqlalchemy import select, update

from sync.hub.context import Hub
from sync.hub.request_auth import DeviceIdentity
from sync.hub.schema import changes, reviews
from sync.protocol import ReceiptBatch, ReceiptBatchResult


def acknowledge(hub: Hub, device: DeviceIdentity, batch: ReceiptBatch) -> ReceiptBatchResult:
    """Record delivered/read for answers of this clinic; unknown or foreign changes are
    ignored (an acknowledgement is idempotent and can never move a receipt backwards)."""
    accepted = 0
    with hub.database.transaction() as connection:
        for ack in batch.acks:
            change = connection.execute(
                select(changes.c.case_id).where(
                    changes.c.seq == ack.change_seq,
                    changes.c.clinic_id == device.clinic_id,
                    changes.c.kind == "recommendation",
                )
            ).first()
            if change is None or change.case_id != ack.case_id:
                continue
            column = reviews.c.delivered_at if ack.state == "delivered" else reviews.c.read_at
            allowed = ("answered",) if ack.state == "delivered" else ("answered", "delivered")
            values: dict[str, object] = {column.name: ack.at}
            connection.execute(
                update(reviews)
                .where(
                    reviews.c.clinic_id == device.clinic_id,
                    reviews.c.case_id == ack.case_id,
                    reviews.c.state.in_(allowed),
                )
                .values(state=ack.state, **values)
            )
            accepted += 1
    return ReceiptBatchResult(accepted=accepted)
