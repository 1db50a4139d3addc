"""Uploads: exactly once per Idempotency-Key, poison items quarantined, 413 adapts."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import func, select

from sync.client import HubClient
from sync.hub.schema import case_versions
from sync.hub.server import EmbeddedHub
from sync.protocol import UploadItem, canonical_json, pseudonymize, sha256_hex
from sync.transport import HubTransport
from tests.sync.support import Clinic, case_document, enroll, hub_settings, open_clinic
from tests.unit.test_store_support import Template


def _stored_count(hub: EmbeddedHub) -> int:
    with hub.hub.database.reading() as connection:
        return int(connection.execute(select(func.count()).select_from(case_versions)).scalar_one())


def _client_of(clinic: Clinic) -> HubClient:
    identity = clinic.sync.identity()
    assert identity is not None
    client = HubClient(HubTransport(identity.hub_url))
    client.use_identity(identity.key)
    return client


def _item(index: int, key: str, **changes: object) -> UploadItem:
    document = pseudonymize(case_document(index))
    document.update(changes)
    return UploadItem(
        idempotency_key=key,
        case_id=document["case_id"],
        version=1,
        document=document,
        document_sha256=sha256_hex(canonical_json(document)),
        saved_at=datetime(2026, 11, 20, tzinfo=UTC),
    )


def test_same_key_same_body_gets_the_stored_answer(
    clinic_template: Template, live_hub: EmbeddedHub, tmp_path: Path
) -> None:
    clinic = open_clinic(clinic_template, tmp_path / "clinic")
    try:
        enroll(clinic, live_hub.hub, live_hub.url)
        with _client_of(clinic) as client:
            first = client.upload([_item(1, "k" * 32)]).results[0]
            again = client.upload([_item(1, "k" * 32)]).results[0]
            assert (first.outcome, again.outcome) == ("stored", "duplicate")
            assert again.received_at == first.received_at
            other = client.upload([_item(1, "k" * 32, cancer={"stage": "II"})]).results[0]
            assert other.outcome == "rejected" and other.error is not None
            assert (other.error.code, other.error.permanent) == ("idempotency_conflict", True)
        assert _stored_count(live_hub) == 1
    finally:
        clinic.close()


def test_identifying_data_is_refused_by_the_hub(
    clinic_template: Template, live_hub: EmbeddedHub, tmp_path: Path
) -> None:
    clinic = open_clinic(clinic_template, tmp_path / "clinic")
    try:
        enroll(clinic, live_hub.hub, live_hub.url)
        with _client_of(clinic) as client:
            named = _item(2, "n" * 32)
            document = dict(named.document) | {"patient": case_document(2)["patient"]}
            leaked = named.model_copy(
                update={
                    "document": document,
                    "document_sha256": sha256_hex(canonical_json(document)),
                }
            )
            result = client.upload([leaked]).results[0]
            assert result.error is not None and result.error.code == "identifying_data"
            wrong_digest = _item(3, "d" * 32).model_copy(update={"document_sha256": "0" * 64})
            assert client.upload([wrong_digest]).results[0].error.code == "digest_wrong"  # type: ignore[union-attr]
        assert _stored_count(live_hub) == 0
    finally:
        clinic.close()


def test_poison_item_is_quarantined_while_the_rest_flows(
    clinic_template: Template, live_hub: EmbeddedHub, tmp_path: Path
) -> None:
    first = open_clinic(clinic_template, tmp_path / "first")
    second = open_clinic(clinic_template, tmp_path / "second")
    try:
        enroll(first, live_hub.hub, live_hub.url, "Riverside clinic")
        enroll(second, live_hub.hub, live_hub.url, "Riverside clinic")
        first.cases.add_case(case_document(7))
        assert first.sync.sync_now().sent == 1
        # the same case id and version with other content from a second computer
        second.cases.add_case(case_document(7, cancer={"stage": "II"}))
        for index in range(20, 30):
            second.cases.add_case(case_document(index))
        no_consent = second.cases.add_case(case_document(40, consent=False))
        report = second.sync.sync_now()
        assert (report.sent, report.quarantined) == (10, 2), report
        reasons = {item.case_id: item.reason for item in second.sync.quarantined()}
        assert "version_conflict" in reasons[case_document(7)["case_id"]]
        assert "consent" in reasons[no_consent.case_id]
        assert second.sync.current().quarantined == 2
        assert _stored_count(live_hub) == 11
    finally:
        first.close()
        second.close()


def test_batches_shrink_on_413_and_a_lone_oversized_item_is_quarantined(
    clinic_template: Template, tmp_path: Path
) -> None:
    settings = hub_settings(tmp_path / "hub", max_request_bytes=20_000)
    with EmbeddedHub(settings) as hub:
        clinic = open_clinic(clinic_template, tmp_path / "clinic")
        try:
            enroll(clinic, hub.hub, hub.url)
            for index in range(60):
                clinic.cases.add_case(case_document(index))
            report = clinic.sync.sync_now()
            assert report.sent == 60 and report.quarantined == 0
            assert report.batch_sizes[:3] == [50, 25, 12] and max(report.batch_sizes[3:]) <= 11
        finally:
            clinic.close()
    settings = hub_settings(tmp_path / "hub2", max_request_bytes=1_000)
    with EmbeddedHub(settings) as hub:
        clinic = open_clinic(clinic_template, tmp_path / "clinic2")
        try:
            enroll(clinic, hub.hub, hub.url)
            clinic.cases.add_case(case_document(1))
            report = clinic.sync.sync_now()
            assert (report.sent, report.quarantined) == (0, 1)
            assert "larger than" in clinic.sync.quarantined()[0].reason
        finally:
            clinic.close()


def test_offline_is_a_normal_state(clinic_template: Template, tmp_path: Path) -> None:
    with EmbeddedHub(hub_settings(tmp_path / "hub")) as hub:
        clinic = open_clinic(clinic_template, tmp_path / "clinic", max_failures=2)
        enroll(clinic, hub.hub, hub.url)
    try:
        clinic.cases.add_case(case_document(1))
        report = clinic.sync.sync_now()
        assert report.offline and report.sent == 0
        status = clinic.sync.current()
        assert (status.state, status.queued) == ("offline", 1)
        assert "cannot be reached" in status.detail
    finally:
        clinic.close()
