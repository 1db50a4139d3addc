"""sync.transport with an injected mock transport (unit level), and TLS trust for real."""

from __future__ import annotations

import datetime as dt
import ipaddress
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from cryptography.x509.oid import NameOID

from desktop.store import DeviceKey
from sync.hub.server import EmbeddedHub, TlsFiles
from sync.protocol import HealthResponse, signing_string
from sync.protocol.signing import b64decode
from sync.transport import (
    HubRefused,
    HubTransport,
    HubUnreachable,
    HubUntrusted,
    PayloadTooLarge,
    UnexpectedResponse,
)
from tests.sync.support import hub_settings

NOW = dt.datetime(2026, 11, 21, 10, 0, tzinfo=dt.UTC)


def _transport(
    handler: Callable[[httpx.Request], httpx.Response], **kwargs: object
) -> HubTransport:
    return HubTransport("http://hub.test", transport=httpx.MockTransport(handler), **kwargs)  # type: ignore[arg-type]


def _health() -> httpx.Response:
    return httpx.Response(
        200, json={"status": "ok", "protocol": "painbridge.sync/1", "hub_time": NOW.isoformat()}
    )


def _error(status: int, code: str, **extra: object) -> httpx.Response:
    body = {"code": code, "message": code.replace("_", " "), "permanent": True} | extra
    return httpx.Response(status, json=body)


def test_a_captive_portal_is_not_mistaken_for_the_hub() -> None:
    portal = _transport(lambda r: httpx.Response(200, html="<html>Sign in to WiFi</html>"))
    with pytest.raises(UnexpectedResponse, match="captive portal"):
        portal.get("/v1/health", HealthResponse, signed=False)
    garbled = _transport(lambda r: httpx.Response(200, json={"status": "something else"}))
    with pytest.raises(UnexpectedResponse):
        garbled.get("/v1/health", HealthResponse, signed=False)


def test_refusals_carry_the_hub_error_body() -> None:
    with pytest.raises(PayloadTooLarge) as too_large:
        _transport(lambda r: _error(413, "too_large", permanent=False)).get(
            "/v1/health", HealthResponse, signed=False
        )
    assert too_large.value.status == 413 and not too_large.value.permanent
    with pytest.raises(HubRefused) as revoked:
        _transport(lambda r: _error(403, "device_revoked")).get(
            "/v1/health", HealthResponse, signed=False
        )
    assert revoked.value.code == "device_revoked" and revoked.value.permanent
    with pytest.raises(HubRefused) as bug:
        _transport(lambda r: _error(500, "internal")).get(
            "/v1/health", HealthResponse, signed=False
        )
    assert not bug.value.permanent  # a 5xx is always worth retrying


def test_network_failures_are_could_not_reach() -> None:
    def fail(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("refused", request=request)

    with pytest.raises(HubUnreachable, match="connection failed"):
        _transport(fail).get("/v1/health", HealthResponse, signed=False)


def test_requests_are_signed_and_a_stale_clock_is_corrected_once() -> None:
    key = DeviceKey.generate().for_device("d" * 32)
    seen: list[httpx.Request] = []

    def hub(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        stamp = int(request.headers["PB-Timestamp"])
        if abs(stamp - NOW.timestamp()) > 300:
            return _error(401, "stale_request", hub_time=NOW.isoformat())
        return _health()

    transport = _transport(hub, signer=key, clock=lambda: NOW.timestamp() + 7200)
    assert transport.get("/v1/health", HealthResponse).status == "ok"
    assert len(seen) == 2 and abs(transport.clock_offset + 7200) < 1
    last = seen[-1]
    message = signing_string(
        "GET",
        "/v1/health",
        int(last.headers["PB-Timestamp"]),
        last.headers["PB-Nonce"],
        last.headers["PB-Content-SHA256"],
    )
    Ed25519PublicKey.from_public_bytes(key.public_bytes()).verify(
        b64decode(last.headers["PB-Signature"]), message
    )
    assert seen[0].headers["PB-Nonce"] != seen[1].headers["PB-Nonce"]


def _self_signed(directory: Path) -> TlsFiles:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "PainBridge test hub")])
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(dt.datetime.now(dt.UTC) - dt.timedelta(days=1))
        .not_valid_after(dt.datetime.now(dt.UTC) + dt.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    files = TlsFiles(directory / "hub.pem", directory / "hub.key")
    files.certificate.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    files.key.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return files


def test_tls_hub_is_trusted_only_with_its_certificate(tmp_path: Path) -> None:
    tls = _self_signed(tmp_path)
    with EmbeddedHub(hub_settings(tmp_path / "hub"), tls=tls) as hub:
        assert hub.url.startswith("https://")
        with HubTransport(hub.url, trust=str(tls.certificate)) as trusted:
            assert trusted.get("/v1/health", HealthResponse, signed=False).status == "ok"
        with HubTransport(hub.url) as untrusted, pytest.raises(HubUntrusted):
            untrusted.get("/v1/health", HealthResponse, signed=False)
