"""schemathesis against the hub's OpenAPI schema: no request makes the hub fail (5xx).

Every operation gets bounded, schema-driven requests (valid and invalid) over HTTP to a real
hub on 127.0.0.1: device endpoints signed by an enrolled device, the others with an admin
session (admins may do everything experts may), so the fuzzing reaches the handlers
instead of stopping at authentication. Responses must also match their documented schema.
"""

from __future__ import annotations

import secrets
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from desktop.store import DeviceKey
from sync.hub.enrollment import issue_code
from sync.hub.server import EmbeddedHub
from sync.protocol import (
    DEVICE_HEADER,
    DIGEST_HEADER,
    NONCE_HEADER,
    SIGNATURE_HEADER,
    TIMESTAMP_HEADER,
    b64encode,
    sha256_hex,
    signing_string,
)
from tests.sync.support import ADMIN, PASSWORD, hub_settings, make_users

schemathesis = pytest.importorskip("schemathesis", reason="needs schemathesis (dev extra)")

import requests  # noqa: E402  (installed with schemathesis)
from hypothesis import HealthCheck, given, settings  # noqa: E402
from schemathesis.checks import not_a_server_error  # noqa: E402
from schemathesis.specs.openapi.checks import response_schema_conformance  # noqa: E402

DEVICE_PATHS = ("/v1/uploads", "/v1/changes", "/v1/receipts")
EXAMPLES_PER_OPERATION = 20


class DeviceAuth(requests.auth.AuthBase):
    """Signs each prepared request as the enrolled device does."""

    def __init__(self, key: DeviceKey) -> None:
        self.key = key

    def __call__(self, request: requests.PreparedRequest) -> requests.PreparedRequest:
        body = request.body or b""
        if isinstance(body, str):
            body = body.encode("utf-8")
        stamp, nonce = int(time.time()), secrets.token_urlsafe(18)
        digest = sha256_hex(body)
        message = signing_string(str(request.method), str(request.path_url), stamp, nonce, digest)
        request.headers.update(
            {
                DEVICE_HEADER: self.key.device_id,
                TIMESTAMP_HEADER: str(stamp),
                NONCE_HEADER: nonce,
                DIGEST_HEADER: digest,
                SIGNATURE_HEADER: b64encode(self.key.sign(message)),
            }
        )
        return request


@pytest.fixture(scope="module")
def target(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    with EmbeddedHub(hub_settings(tmp_path_factory.mktemp("fuzz") / "hub")) as hub:
        make_users(hub.hub)
        key = DeviceKey.generate()
        enrolled = requests.post(
            f"{hub.url}/v1/enroll",
            json={
                "code": issue_code(hub.hub, "Fuzz clinic").code,
                "device_name": "fuzz",
                "public_key": b64encode(key.public_bytes()),
            },
            timeout=10,
        )
        device = key.for_device(enrolled.json()["device_id"])
        token = requests.post(
            f"{hub.url}/v1/sessions", json={"username": ADMIN, "password": PASSWORD}, timeout=10
        ).json()["token"]
        schema = requests.get(f"{hub.url}/openapi.json", timeout=10).json()
        with requests.Session() as signed, requests.Session() as admin:
            signed.auth = DeviceAuth(device)
            admin.headers["Authorization"] = f"Bearer {token}"
            yield {"url": hub.url, "schema": schema, "signed": signed, "admin": admin}


def test_no_request_makes_the_hub_fail(target: dict[str, Any], tmp_path: Path) -> None:
    schema = schemathesis.openapi.from_dict(target["schema"])
    failures: list[str] = []
    checked = 0

    def fuzz(operation: Any, session: requests.Session) -> None:
        @given(case=operation.as_strategy())
        @settings(
            max_examples=EXAMPLES_PER_OPERATION,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def exercise(case: Any) -> None:
            nonlocal checked
            checked += 1
            try:
                case.call_and_validate(
                    base_url=target["url"],
                    session=session,
                    checks=[not_a_server_error, response_schema_conformance],
                    timeout=10,
                )
            except Exception as error:  # collect, so one run reports every operation
                failures.append(f"{operation.label}: {type(error).__name__}: {error}"[:2000])

        exercise()

    for result in schema.get_all_operations():
        operation = result.ok()
        if operation.path.startswith("/v1/sessions"):
            with requests.Session() as anonymous:
                fuzz(operation, anonymous)
        elif operation.path in DEVICE_PATHS:
            fuzz(operation, target["signed"])
        else:
            fuzz(operation, target["admin"])
    assert checked >= EXAMPLES_PER_OPERATION
    assert failures == [], "\n\n".join(failures[:5])
