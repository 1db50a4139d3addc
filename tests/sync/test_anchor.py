"""The clinic's audit head anchored at the hub on every sync (real hub on 127.0.0.1).

The attacker in these tests holds the clinic's data key: they can rewrite the audit log,
its head and the anchor file so that every local check passes. The hub's anchors (and the
signed receipts the clinic keeps) are what still catch it.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import shutil
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest
from sqlalchemy import select

from desktop.cli import main
from desktop.store import ProblemKind
from desktop.store.audit import AnchorState, AuditAnchor
from desktop.store.keys import derive_audit_key
from desktop.store.lifecycle import read_key_file
from sync.client import HubClient
from sync.hub.dashboard import hub_status
from sync.hub.schema import audit_anchors
from sync.hub.server import EmbeddedHub
from sync.protocol import AuditAnchorIn, AuditHead
from sync.transport import HubRefused, HubTransport
from tests.sync.support import (
    ADMIN,
    EXPERT,
    FAST_TIMEOUTS,
    PASSWORD,
    Clinic,
    case_document,
    enroll,
    open_clinic,
)
from tests.unit.test_store_support import Template, raw_connection


def _anchored_seqs(hub: EmbeddedHub) -> list[int]:
    with hub.hub.database.reading() as connection:
        rows = connection.execute(select(audit_anchors.c.seq).order_by(audit_anchors.c.id))
        return [int(seq) for seq in rows.scalars()]


def _head_seq(clinic: Clinic) -> int:
    return clinic.store.stats().audit_entries


def test_the_audit_head_is_anchored_at_every_sync_and_only_moves_forward(
    clinic_template: Template, live_hub: EmbeddedHub, tmp_path: Path
) -> None:
    clinic = open_clinic(clinic_template, tmp_path / "clinic")
    try:
        enroll(clinic, live_hub.hub, live_hub.url)
        clinic.cases.add_case(case_document(1))
        head = _head_seq(clinic)
        first = clinic.sync.sync_now(update_models=False)
        assert first.ok and first.anchor_error is None, first
        assert first.sent == 1 and first.anchored_seq == head

        clinic.cases.add_case(case_document(2))
        second = clinic.sync.sync_now(update_models=False)
        assert second.anchored_seq == _head_seq(clinic) > head
        third = clinic.sync.sync_now(update_models=False)  # nothing new: the same anchor
        assert third.anchored_seq == second.anchored_seq
        assert _anchored_seqs(live_hub) == [head, second.anchored_seq]

        report = clinic.store.verify_audit()
        assert report.ok and report.hub_anchor is not None
        assert report.hub_anchor.seq == second.anchored_seq
        status = hub_status(live_hub.hub)
        assert status.clinics[0].last_anchor_at is not None
        assert status.clinics[0].audit_alarms == 0 and status.audit_alarms == []
    finally:
        clinic.close()


def test_a_restored_older_database_is_refused_and_raised_as_an_alarm(
    clinic_template: Template,
    live_hub: EmbeddedHub,
    tmp_path: Path,
    hub_database: str | None,
    capsys: pytest.CaptureFixture[str],
) -> None:
    home, backup = tmp_path / "clinic", tmp_path / "backup"
    clinic = open_clinic(clinic_template, home)
    enroll(clinic, live_hub.hub, live_hub.url)
    clinic.cases.add_case(case_document(1))
    clinic.sync.sync_now(update_models=False)
    clinic.close()
    shutil.copytree(home, backup)  # the backup the clinic will later restore

    clinic = open_clinic(clinic_template, home)
    for index in (2, 3):
        clinic.cases.add_case(case_document(index))
    anchored = clinic.sync.sync_now(update_models=False).anchored_seq
    clinic.close()
    shutil.rmtree(home)
    shutil.copytree(backup, home)

    clinic = open_clinic(clinic_template, home)
    try:
        assert clinic.store.verify_audit().ok  # locally the restored copy looks sound
        refused = clinic.sync.sync_now(update_models=False)
        assert refused.ok and refused.anchored_seq is None  # the rest of the round ran
        assert refused.anchor_error is not None and "(audit_rollback)" in refused.anchor_error
        assert f"from entry {anchored}" in refused.anchor_error

        for index in (4, 5, 6, 7):  # the restored chain grows past the anchored entry
            clinic.cases.add_case(case_document(index))
        assert anchored is not None and _head_seq(clinic) > anchored
        rewritten = clinic.sync.sync_now(update_models=False)
        assert rewritten.sent == 4 and rewritten.anchored_seq is None
        assert rewritten.anchor_error is not None
        assert "(audit_rewritten)" in rewritten.anchor_error
    finally:
        clinic.close()

    status = hub_status(live_hub.hub)
    assert [alarm.code for alarm in status.audit_alarms] == ["audit_rewritten", "audit_rollback"]
    assert {alarm.anchored_seq for alarm in status.audit_alarms} == {anchored}
    assert status.clinics[0].audit_alarms == 2
    hub_args = ["--hub-home", str(live_hub.hub.settings.config_dir)]
    if hub_database is not None:
        hub_args += ["--db", hub_database]
    assert main(["hub", "status", *hub_args]) == 0
    out = capsys.readouterr().out
    assert "AUDIT ALARM Riverside clinic" in out and "audit_rollback" in out
    assert "went back to entry" in out


def _signed_client(clinic: Clinic, url: str) -> tuple[HubClient, str]:
    identity = clinic.sync.identity()
    assert identity is not None
    client = HubClient(HubTransport(url, timeouts=FAST_TIMEOUTS))
    client.use_identity(identity.key)
    return client, identity.device_id


def test_the_anchor_endpoint_checks_who_asks_and_refuses_another_head(
    clinic_template: Template, live_hub: EmbeddedHub, tmp_path: Path
) -> None:
    clinic = open_clinic(clinic_template, tmp_path / "clinic")
    try:
        enroll(clinic, live_hub.hub, live_hub.url)
        seq = clinic.sync.sync_now(update_models=False).anchored_seq
        assert seq is not None
        client, device_id = _signed_client(clinic, live_hub.url)
        other = AuditAnchorIn(
            device_id=device_id,
            head=AuditHead(seq=seq, mac="1" * 64),
            at=datetime.now(UTC),
        )
        with client, pytest.raises(HubRefused) as refused:
            client.anchor_audit(other)
        assert (refused.value.status, refused.value.code) == (409, "audit_rewritten")
        assert refused.value.permanent
        stranger = other.model_copy(update={"device_id": "ab" * 8})
        with _signed_client(clinic, live_hub.url)[0] as client, pytest.raises(HubRefused) as why:
            client.anchor_audit(stranger)
        assert why.value.code == "forbidden"

        body = other.model_dump(mode="json")
        with httpx.Client(base_url=live_hub.url) as session:
            assert session.post("/v1/audit-anchors", json=body).json()["code"] == "unsigned"
            for user in (EXPERT, ADMIN):
                token = session.post(
                    "/v1/sessions", json={"username": user, "password": PASSWORD}
                ).json()["token"]
                answer = session.post(
                    "/v1/audit-anchors", json=body, headers={"Authorization": f"Bearer {token}"}
                )
                assert (answer.status_code, answer.json()["code"]) == (401, "unsigned")
        assert _anchored_seqs(live_hub) == [seq]
    finally:
        clinic.close()


# --- tampering below the anchored point --------------------------------------------------


def _entry_mac(key: bytes, row: tuple[object, ...], prev_mac: str) -> str:
    """docs/storage.md: HMAC(audit key, "entry\\0" || mac(n-1) || canonical(entry n))."""
    seq, at, actor, action, object_type, object_id, detail = row
    content = json.dumps(
        [seq, at, actor, action, object_type, object_id, detail],
        ensure_ascii=False,
        separators=(",", ":"),
    ).encode("utf-8")
    return hmac.new(
        key, b"entry\x00" + bytes.fromhex(prev_mac) + content, hashlib.sha256
    ).hexdigest()


def _forge(template: Template, clinic: Clinic, *, truncate_after: int = 0, edit: int = 0) -> None:
    """Truncate or rewrite the closed clinic's log *consistently*: entries, head and
    anchor file all agree again (only someone holding the data key can do this)."""
    home = clinic.home
    data_key = template.data_key(home)
    key = derive_audit_key(data_key)
    store_id = read_key_file(home).store_id
    connection = raw_connection(home, data_key)
    try:
        connection.execute("DROP TRIGGER audit_log_refuse_update")
        connection.execute("DROP TRIGGER audit_log_refuse_delete")
        if truncate_after:
            connection.execute("DELETE FROM audit_log WHERE seq > ?", (truncate_after,))
        if edit:
            connection.execute("UPDATE audit_log SET actor = 'mallory' WHERE seq = ?", (edit,))
            rows = connection.execute(
                "SELECT seq, at, actor, action, object_type, object_id, detail, prev_mac "
                "FROM audit_log WHERE seq >= ? ORDER BY seq",
                (edit,),
            ).fetchall()
            previous = rows[0][7]
            for row in rows:
                mac = _entry_mac(bytes(key), row[:7], previous)
                connection.execute(
                    "UPDATE audit_log SET prev_mac = ?, mac = ? WHERE seq = ?",
                    (previous, mac, row[0]),
                )
                previous = mac
        seq, mac = connection.execute(
            "SELECT seq, mac FROM audit_log ORDER BY seq DESC LIMIT 1"
        ).fetchone()
        head_mac = hmac.new(
            key, f"head\x00{store_id}\x00{seq}\x00{mac}".encode(), hashlib.sha256
        ).hexdigest()
        connection.execute(
            "UPDATE audit_head SET seq = ?, mac = ?, head_mac = ? WHERE id = 1",
            (seq, mac, head_mac),
        )
    finally:
        connection.close()
    AuditAnchor(home.audit_anchor).write(key, AnchorState(store_id, seq, mac))


def _two_anchors(template: Template, hub: EmbeddedHub, directory: Path) -> tuple[Clinic, int, int]:
    clinic = open_clinic(template, directory)
    enroll(clinic, hub.hub, hub.url)
    clinic.cases.add_case(case_document(1))
    first = clinic.sync.sync_now(update_models=False).anchored_seq
    for index in (2, 3, 4):
        clinic.cases.add_case(case_document(index))
    second = clinic.sync.sync_now(update_models=False).anchored_seq
    assert first is not None and second is not None and second > first + 2
    clinic.close()
    return clinic, first, second


def test_a_log_truncated_below_the_anchor_is_detected(
    clinic_template: Template, live_hub: EmbeddedHub, tmp_path: Path
) -> None:
    clinic, _, second = _two_anchors(clinic_template, live_hub, tmp_path / "clinic")
    _forge(clinic_template, clinic, truncate_after=second - 2)
    clinic = open_clinic(clinic_template, clinic.home.path)
    try:
        report = clinic.store.verify_audit()
        assert [(p.seq, p.kind) for p in report.problems] == [(second - 1, ProblemKind.TRUNCATED)]
        assert f"the log had {second} entries when it was anchored at the hub" in (
            report.problems[0].message
        )
        refused = clinic.sync.sync_now(update_models=False)
        assert refused.anchor_error is not None and "(audit_rollback)" in refused.anchor_error
    finally:
        clinic.close()


def test_a_log_rewritten_below_the_anchor_is_detected(
    clinic_template: Template, live_hub: EmbeddedHub, tmp_path: Path
) -> None:
    clinic, first, second = _two_anchors(clinic_template, live_hub, tmp_path / "clinic")
    _forge(clinic_template, clinic, edit=first + 1)
    clinic = open_clinic(clinic_template, clinic.home.path)
    try:
        report = clinic.store.verify_audit()
        assert [(p.seq, p.kind) for p in report.problems] == [(second, ProblemKind.EDITED)]
        assert "differs from the one anchored at the hub" in report.problems[0].message
        assert report.hub_anchor is not None and report.hub_anchor.seq == second
        refused = clinic.sync.sync_now(update_models=False)
        assert refused.anchor_error is not None and "(audit_rewritten)" in refused.anchor_error
    finally:
        clinic.close()


def test_audit_verify_reports_the_anchor(
    live_hub: EmbeddedHub,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from sync.hub.enrollment import issue_code

    monkeypatch.setenv("PAINBRIDGE_PASSPHRASE", "correct horse battery staple")
    for name in ("PAINBRIDGE_HOME", "PAINBRIDGE_USER", "PAINBRIDGE_HUB_CA"):
        monkeypatch.delenv(name, raising=False)
    home = ["--home", str(tmp_path / "clinic")]
    assert main([*home, "init"]) == 0
    assert main([*home, "audit", "verify"]) == 0
    assert "not anchored at a hub yet" in capsys.readouterr().out
    code = issue_code(live_hub.hub, "Lakeside clinic").code
    assert main([*home, "sync", "enroll", "--hub", live_hub.url, "--code", code]) == 0
    assert main([*home, "sync", "now", "--no-models"]) == 0
    capsys.readouterr()
    assert main([*home, "audit", "verify"]) == 0
    out = capsys.readouterr().out
    seq = _anchored_seqs(live_hub)[-1]
    assert out.startswith("audit log intact:")
    assert f"anchored at the hub up to entry {seq} at 20" in out
