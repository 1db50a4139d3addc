"""The store's sync ledger: idempotency keys, delivery states, receipts, messages."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.store import CaseStore, Delivery, NewHubMessage
from tests.sync.support import add_many, open_clinic
from tests.unit.test_store_support import Template


@pytest.fixture
def store(clinic_template: Template, tmp_path: Path) -> Iterator[CaseStore]:
    clinic = open_clinic(clinic_template, tmp_path / "clinic")
    add_many(clinic, range(3))
    yield clinic.store
    clinic.close()


def test_every_outbox_row_gets_its_own_stable_idempotency_key(store: CaseStore) -> None:
    ledger = store.sync_ledger()
    first = ledger.due(10)
    again = ledger.due(10)
    keys = [item.idempotency_key for item in first]
    assert len(set(keys)) == 3 and all(len(key) == 32 for key in keys)
    assert keys == [item.idempotency_key for item in again]


def test_deliveries_move_rows_and_receipts_forward_only(store: CaseStore) -> None:
    ledger = store.sync_ledger()
    items = ledger.due(10)
    ledger.mark_attempted(items)
    assert ledger.receipt(items[0].case_id).state == "uploaded"  # type: ignore[union-attr]
    ledger.record_deliveries(
        [
            Delivery(items[0].outbox_id, "sent"),
            Delivery(items[1].outbox_id, "quarantined", "no_consent: no consent"),
            Delivery(items[2].outbox_id, "deferred", "busy", retry_at="2999-01-01T00:00:00Z"),
        ]
    )
    assert ledger.due(10) == []  # sent, quarantined, and deferred into the future
    assert [q.reason for q in ledger.quarantined()] == ["no_consent: no consent"]
    assert ledger.receipt(items[0].case_id).state == "received"  # type: ignore[union-attr]
    ledger.record_deliveries([Delivery(items[0].outbox_id, "quarantined", "late")])
    assert ledger.quarantined()[0].outbox_id == items[1].outbox_id  # sent stays sent
    assert ledger.requeue(items[1].outbox_id, actor="alice")
    assert [i.outbox_id for i in ledger.due(10)] == [items[1].outbox_id]
    assert store.verify_audit().ok


def test_messages_are_stored_once_and_reads_are_audited(store: CaseStore) -> None:
    ledger = store.sync_ledger()
    case_id = ledger.due(1)[0].case_id
    message = NewHubMessage(7, "recommendation", case_id, 1, '{"summary":"x"}', "sig")
    assert ledger.store_messages([message], cursor=7, receipts=[(case_id, 1, "delivered")]) == 1
    assert ledger.store_messages([message], cursor=7, receipts=[]) == 0
    assert ledger.unread_count() == 1
    assert [a.state for a in ledger.pending_acks()] == ["delivered"]
    assert ledger.mark_read(7, actor="alice") and not ledger.mark_read(7, actor="alice")
    assert [a.state for a in ledger.pending_acks()] == ["delivered", "read"]
    ledger.acks_reported(ledger.pending_acks())
    assert ledger.pending_acks() == []
    assert ledger.receipt(case_id).state == "read"  # type: ignore[union-attr]
    assert store.verify_audit().ok
