"""Identity at the hub: enrollment codes, signed requests, revocation, roles."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import httpx
import pytest

from desktop.store import DeviceKey
from sync.hub.devices import revoke_device
from sync.hub.enrollment import issue_code
from sync.hub.server import EmbeddedHub
from sync.protocol import b64encode
from tests.sync.signing_helpers import SignedRequest, sign
from tests.sync.support import ADMIN, EXPERT, PASSWORD, hub_settings, make_users


@pytest.fixture
def client(live_hub: EmbeddedHub) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=live_hub.url) as http:
        yield http


def _enroll(client: httpx.Client, code: str, key: DeviceKey) -> httpx.Response:
    return client.post(
        "/v1/enroll",
        json={"code": code, "device_name": "desk", "public_key": b64encode(key.public_bytes())},
    )


def _enrolled(client: httpx.Client, live_hub: EmbeddedHub) -> DeviceKey:
    key = DeviceKey.generate()
    response = _enroll(client, issue_code(live_hub.hub, "Clinic A").code, key)
    assert response.status_code == 200, response.text
    return key.for_device(response.json()["device_id"])


def _send(client: httpx.Client, request: SignedRequest) -> httpx.Response:
    return client.request(
        request.method, request.path, headers=request.headers, content=request.body
    )


def test_a_code_is_single_use(client: httpx.Client, live_hub: EmbeddedHub) -> None:
    code = issue_code(live_hub.hub, "Clinic A").code
    assert _enroll(client, code, DeviceKey.generate()).status_code == 200
    second = _enroll(client, code, DeviceKey.generate())
    assert second.status_code == 403 and second.json()["code"] == "code_used"


def test_wrong_secrets_lock_the_code(client: httpx.Client, live_hub: EmbeddedHub) -> None:
    code = issue_code(live_hub.hub, "Clinic A").code
    code_id, *groups = code.split("-")
    wrong = "-".join([code_id, *(["00000"] * len(groups))])
    for _ in range(live_hub.hub.settings.enrollment_code_attempts):
        answer = _enroll(client, wrong, DeviceKey.generate())
        assert answer.json()["code"] == "invalid_code"
    locked = _enroll(client, code, DeviceKey.generate())
    assert locked.status_code == 403 and locked.json()["code"] == "code_locked"


def test_codes_expire_and_are_stored_hashed(tmp_path: Path) -> None:
    settings = hub_settings(tmp_path / "hub", enrollment_code_lifetime=timedelta(seconds=-1))
    with EmbeddedHub(settings) as hub, httpx.Client(base_url=hub.url) as http:
        code = issue_code(hub.hub, "Clinic A").code
        expired = _enroll(http, code, DeviceKey.generate())
        assert expired.json()["code"] == "code_expired"
        database = (tmp_path / "hub" / "hub.db").read_bytes()
        assert code.split("-", 1)[1].replace("-", "").encode() not in database


def test_lowercase_and_spaces_in_a_code_are_forgiven(
    client: httpx.Client, live_hub: EmbeddedHub
) -> None:
    code = issue_code(live_hub.hub, "Clinic A").code
    assert _enroll(client, code.lower().replace("-", " "), DeviceKey.generate()).status_code == 200


def test_unsigned_stale_replayed_tampered_and_revoked_requests_are_refused(
    client: httpx.Client, live_hub: EmbeddedHub
) -> None:
    key = _enrolled(client, live_hub)
    ok = sign(key, "GET", "/v1/changes?after=0&limit=10")
    assert _send(client, ok).status_code == 200

    replay = _send(client, ok)
    assert (replay.status_code, replay.json()["code"]) == (401, "replayed_request")

    unsigned = client.get("/v1/changes")
    assert (unsigned.status_code, unsigned.json()["code"]) == (401, "unsigned")

    stale = sign(key, "GET", "/v1/changes", timestamp=int(time.time()) - 3600)
    answer = _send(client, stale)
    assert (answer.status_code, answer.json()["code"]) == (401, "stale_request")
    assert answer.json()["hub_time"] is not None

    body = json.dumps(
        {"acks": [{"case_id": "x", "change_seq": 1, "state": "read", "at": "2026-01-01T00:00:00Z"}]}
    ).encode()
    tampered = sign(key, "POST", "/v1/receipts", body)
    altered = SignedRequest(
        tampered.method, tampered.path, tampered.headers, body.replace(b'"read"', b'"delivered"')
    )
    answer = _send(client, altered)
    assert (answer.status_code, answer.json()["code"]) == (401, "digest_mismatch")

    other_path = SignedRequest(
        "GET", "/v1/changes?after=5", ok.headers | {"PB-Nonce": "n" * 24}, b""
    )
    answer = _send(client, other_path)
    assert (answer.status_code, answer.json()["code"]) == (401, "bad_signature")

    stranger = DeviceKey.generate().for_device(key.device_id)
    answer = _send(client, sign(stranger, "GET", "/v1/changes"))
    assert (answer.status_code, answer.json()["code"]) == (401, "bad_signature")

    revoke_device(live_hub.hub, key.device_id[:8])
    answer = _send(client, sign(key, "GET", "/v1/changes"))
    assert (answer.status_code, answer.json()["code"]) == (403, "device_revoked")


def _session(client: httpx.Client, username: str) -> dict[str, str]:
    answer = client.post("/v1/sessions", json={"username": username, "password": PASSWORD})
    assert answer.status_code == 200, answer.text
    return {"Authorization": f"Bearer {answer.json()['token']}"}


def test_roles_are_enforced_on_every_endpoint(client: httpx.Client, live_hub: EmbeddedHub) -> None:
    expert, admin = _session(client, EXPERT), _session(client, ADMIN)
    assert client.get("/v1/review/queue").status_code == 401
    assert client.get("/v1/review/queue", headers=expert).status_code == 200
    assert client.get("/v1/admin/status", headers=expert).status_code == 403
    assert client.get("/v1/admin/status", headers=admin).status_code == 200
    assert client.get("/v1/admin/status").status_code == 401
    # a device signature is no session, and a session is no device signature
    key = _enrolled(client, live_hub)
    signed = sign(key, "GET", "/v1/review/queue")
    assert _send(client, signed).status_code == 401
    assert client.get("/v1/changes", headers=expert).json()["code"] == "unsigned"


def test_sessions_expire_and_sign_out_ends_them(tmp_path: Path) -> None:
    settings = hub_settings(tmp_path / "hub", session_lifetime=timedelta(seconds=-1))
    with EmbeddedHub(settings) as hub, httpx.Client(base_url=hub.url) as http:
        make_users(hub.hub)
        expired = _session(http, EXPERT)
        answer = http.get("/v1/review/queue", headers=expired)
        assert answer.json()["code"] == "session_expired"
    with (
        EmbeddedHub(hub_settings(tmp_path / "hub2")) as hub,
        httpx.Client(base_url=hub.url) as http,
    ):
        make_users(hub.hub)
        session = _session(http, EXPERT)
        assert http.delete("/v1/sessions", headers=session).status_code == 204
        assert http.get("/v1/review/queue", headers=session).status_code == 401


def test_wrong_passwords_are_refused_then_rate_limited(
    client: httpx.Client, live_hub: EmbeddedHub
) -> None:
    for _ in range(live_hub.hub.settings.login_attempts_per_window):
        answer = client.post("/v1/sessions", json={"username": EXPERT, "password": "wrong!"})
        assert answer.status_code == 401
    limited = client.post("/v1/sessions", json={"username": EXPERT, "password": PASSWORD})
    assert (limited.status_code, limited.json()["code"]) == (429, "rate_limited")
    unknown = client.post("/v1/sessions", json={"username": "nobody", "password": "x"})
    assert unknown.status_code == 401


def test_admin_can_issue_codes_and_revoke_over_the_api(
    client: httpx.Client, live_hub: EmbeddedHub
) -> None:
    admin = _session(client, ADMIN)
    code = client.post("/v1/admin/enrollment-codes", json={"clinic": "Hill clinic"}, headers=admin)
    assert code.status_code == 200
    key = DeviceKey.generate()
    device_id = _enroll(client, code.json()["code"], key).json()["device_id"]
    listed = client.get("/v1/admin/devices", headers=admin).json()
    assert [d["device_id"] for d in listed] == [device_id]
    revoked = client.post(f"/v1/admin/devices/{device_id}/revoke", headers=admin)
    assert revoked.status_code == 200 and revoked.json()["revoked_at"] is not None
