"""Hub anchor receipts in the clinic store: recorded once, append-only, checked by verify."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.store import AuditPosition, Home, NewHubAnchor, ProblemKind
from desktop.store.driver import dbapi2
from desktop.store.hub_anchors import NO_ENTRY_MAC
from desktop.store.migrations import MIGRATIONS
from tests.unit.test_store_support import Template, add_case, make_template, raw_connection


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Template:
    return make_template(tmp_path_factory.mktemp("hub-anchors"))


@pytest.fixture
def home(template: Template, tmp_path: Path) -> Home:
    return template.copy_to(tmp_path / "home")


def _receipt(seq: int, mac: str) -> NewHubAnchor:
    return NewHubAnchor(
        seq=seq,
        mac=mac,
        anchored_at="2026-11-20T10:00:00.000000Z",
        device_id="d" * 32,
        receipt='{"kind":"audit_anchor"}',
        signature="sig",
    )


def test_receipts_are_recorded_once_and_name_the_checkpoint(template: Template, home: Home) -> None:
    assert "0009_audit_anchors" in {migration.name for migration in MIGRATIONS}
    with template.open(home) as store:
        ledger = store.hub_anchors()
        head, checkpoint = ledger.claim()
        assert checkpoint is None and ledger.latest() is None
        assert head.seq == store.stats().audit_entries and len(head.mac) == 64
        assert ledger.record(_receipt(head.seq, head.mac))
        assert not ledger.record(_receipt(head.seq, head.mac))  # the same receipt again
        add_case(store, "case-1")
        new_head, checkpoint = ledger.claim()
        assert checkpoint == AuditPosition(head.seq, head.mac) and new_head.seq == head.seq + 1
        assert ledger.mac_at(head.seq) == head.mac and ledger.mac_at(10_000) is None
        latest = ledger.latest()
        assert latest is not None and (latest.seq, latest.anchored_at[:4]) == (head.seq, "2026")
        report = store.verify_audit()
        assert report.ok and report.hub_anchor == latest

        assert ledger.record(_receipt(new_head.seq + 5, "f" * 64))  # ahead of the log
        assert ledger.claim()[1] == AuditPosition(new_head.seq + 5, NO_ENTRY_MAC)
        problems = store.verify_audit().problems
        assert [(p.seq, p.kind) for p in problems] == [(new_head.seq + 1, ProblemKind.TRUNCATED)]


def test_receipts_cannot_be_changed_or_removed(template: Template, home: Home) -> None:
    with template.open(home) as store:
        head, _ = store.hub_anchors().claim()
        store.hub_anchors().record(_receipt(head.seq, head.mac))
    connection = raw_connection(home, template.data_key(home))
    try:
        for statement in (
            "UPDATE audit_hub_anchors SET mac = 'x'",
            "DELETE FROM audit_hub_anchors",
        ):
            with pytest.raises(dbapi2.IntegrityError, match="append-only"):
                connection.execute(statement)
    finally:
        connection.close()


def test_an_anchored_entry_that_was_edited_is_reported(template: Template, home: Home) -> None:
    with template.open(home) as store:
        head, _ = store.hub_anchors().claim()
        store.hub_anchors().record(_receipt(head.seq, "e" * 64))
        problems = store.verify_audit().problems
    assert [(p.seq, p.kind) for p in problems] == [(head.seq, ProblemKind.EDITED)]
    assert f"entry {head.seq} differs from the one anchored at the hub" in problems[0].message
