"""``painbridge hub rotate-data-key``: every stored case re-encrypted, resumable, old key gone."""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime

import httpx
import pytest
from sqlalchemy import select

from desktop.cli import main
from desktop.store import DeviceKey
from sync.hub.accounts import Account
from sync.hub.context import Hub
from sync.hub.enrollment import enroll, issue_code
from sync.hub.key_rotation import BatchDone, RotationStarted, data_key_status, rotate_data_key
from sync.hub.request_auth import DeviceIdentity
from sync.hub.review import review_queue, view_case
from sync.hub.schema import case_versions
from sync.hub.server import EmbeddedHub
from sync.hub.uploads import store_batch
from sync.protocol import (
    EnrollRequest,
    UploadBatch,
    UploadItem,
    b64encode,
    canonical_json,
    pseudonymize,
    sha256_hex,
)
from tests.sync.support import EXPERT, PASSWORD, case_document


class Interrupted(Exception):
    pass


def _upload(hub: Hub, indexes: range) -> None:
    key = DeviceKey.generate()
    answer = enroll(
        hub,
        EnrollRequest(
            code=issue_code(hub, "Riverside clinic").code,
            device_name="desk",
            public_key=b64encode(key.public_bytes()),
        ),
    )
    device = DeviceIdentity(answer.device_id, answer.clinic_id)
    items = []
    for index in indexes:
        document = pseudonymize(case_document(index))
        items.append(
            UploadItem(
                idempotency_key=secrets.token_hex(16),
                case_id=document["case_id"],
                version=1,
                document=document,
                document_sha256=sha256_hex(canonical_json(document)),
                saved_at=datetime(2026, 11, 20, tzinfo=UTC),
            )
        )
    results = store_batch(hub, device, UploadBatch(items=items)).results
    assert {result.outcome for result in results} == {"stored"}


def _key_ids(hub: Hub) -> list[str]:
    with hub.database.reading() as connection:
        rows = connection.execute(select(case_versions.c.key_id).order_by(case_versions.c.id))
        return [str(key_id) for key_id in rows.scalars()]


def _key_files(hub: Hub) -> set[str]:
    return {p.stem.removeprefix("data-") for p in hub.settings.keys_dir.glob("data-*.key")}


def _hub_args(hub: Hub, database: str | None) -> list[str]:
    return ["--hub-home", str(hub.settings.config_dir), *(["--db", database] if database else [])]


def _readable_in_process(hub: Hub) -> set[str]:
    expert = Account(EXPERT, "expert")
    return {view_case(hub, expert, e.case_ref).case_id for e in review_queue(hub).entries}


@contextmanager
def _expert(url: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=url) as client:
        token = client.post("/v1/sessions", json={"username": EXPERT, "password": PASSWORD})
        client.headers["Authorization"] = f"Bearer {token.json()['token']}"
        yield client


def test_rotation_reencrypts_every_row_and_the_running_hub_follows(
    live_hub: EmbeddedHub, hub_database: str | None, capsys: pytest.CaptureFixture[str]
) -> None:
    served = live_hub.hub
    _upload(served, range(1, 6))
    old = served.keys.data.current_id
    args = ["hub", "rotate-data-key", *_hub_args(served, hub_database)]

    assert main([*args, "--batch-size", "2"]) == 0
    out = capsys.readouterr().out
    new = (_key_files(served) - {old}).pop()
    assert f"new data key {new} (encrypts new uploads); re-encrypting 5" in out
    for line in ("re-encrypted 2/5", "re-encrypted 4/5", "re-encrypted 5/5"):
        assert line in out
    assert f"key {new} encrypts all 5 stored case version(s)" in out
    assert f"retired key(s): {old}" in out
    assert _key_files(served) == {new} and _key_ids(served) == [new] * 5

    with _expert(live_hub.url) as expert:  # the serving hub still had only the old key
        entries = expert.get("/v1/review/queue").json()["entries"]
        views = [expert.get(f"/v1/review/cases/{e['case_ref']}") for e in entries]
    assert [view.status_code for view in views] == [200] * 5
    assert {view.json()["case_id"] for view in views} == {
        case_document(index)["case_id"] for index in range(1, 6)
    }
    _upload(served, range(6, 7))  # sealed with the new key, though sealed by the old hub
    assert _key_ids(served) == [new] * 6 and old not in served.keys.data.key_ids

    assert main([*args, "--status"]) == 0
    status = capsys.readouterr().out
    assert new in status and "yes" in status and old not in status and "unfinished" not in status


def test_an_interrupted_rotation_resumes_and_completes(
    hub: Hub, hub_database: str | None, capsys: pytest.CaptureFixture[str]
) -> None:
    _upload(hub, range(1, 6))
    old = hub.keys.data.current_id
    events: list[RotationStarted | BatchDone] = []

    def interrupt_after_first_batch(event: RotationStarted | BatchDone) -> None:
        events.append(event)
        if isinstance(event, BatchDone):
            raise Interrupted()

    with pytest.raises(Interrupted):
        rotate_data_key(hub, batch_size=2, progress=interrupt_after_first_batch)
    new = hub.keys.data.current_id
    assert events == [RotationStarted(new, False, 5), BatchDone(2, 5)]
    assert sorted(_key_ids(hub)) == sorted([new] * 2 + [old] * 3)
    assert _key_files(hub) == {old, new}  # the old key stays until every row moved
    status = data_key_status(hub)
    assert status.rotating_to == new
    assert [(k.key_id, k.rows, k.current) for k in status.keys] == [
        (new, 2, True),
        (old, 3, False),
    ]
    expected = {case_document(index)["case_id"] for index in range(1, 7)}
    _upload(hub, range(6, 7))  # uploads keep working meanwhile, under the new key
    assert _readable_in_process(hub) == expected

    assert main(["hub", "rotate-data-key", *_hub_args(hub, hub_database), "--status"]) == 0
    assert f"a rotation to key {new} is unfinished" in capsys.readouterr().out
    assert main(["hub", "rotate-data-key", *_hub_args(hub, hub_database)]) == 0
    out = capsys.readouterr().out
    assert f"resuming the rotation to data key {new}" in out and "re-encrypting 3" in out
    assert f"3 re-encrypted now; retired key(s): {old}" in out
    assert _key_files(hub) == {new} and _key_ids(hub) == [new] * 6
    assert _readable_in_process(hub) == expected
    status = data_key_status(hub)
    assert status.rotating_to is None
    assert [(k.key_id, k.rows) for k in status.keys] == [(new, 6)]


def test_rotating_an_empty_hub_and_refusing_a_bad_batch_size(
    hub: Hub, hub_database: str | None, capsys: pytest.CaptureFixture[str]
) -> None:
    old = hub.keys.data.current_id
    summary = rotate_data_key(hub)
    assert (summary.reencrypted, summary.rows, summary.retired) == (0, 0, (old,))
    assert _key_files(hub) == {summary.key_id} != {old}
    with pytest.raises(SystemExit):
        main(["hub", "rotate-data-key", *_hub_args(hub, hub_database), "--batch-size", "0"])
    assert "must be a whole number of at least 1" in capsys.readouterr().err
