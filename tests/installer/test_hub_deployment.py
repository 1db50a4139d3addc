"""Hub deployment files (installers/hub): their command lines are ones the real CLI
accepts, and the systemd unit, nginx example, Dockerfile and environment file agree with
each other and with the hub's settings. (Docker is not available in CI: the image itself
is not built here.)"""

from __future__ import annotations

import json
import re
import shlex
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from desktop.cli import hub_commands
from desktop.cli.parser import build_parser
from sync.hub.settings import HubSettings
from sync.protocol import API_PREFIX

ROOT = Path(__file__).resolve().parents[2]
HUB = ROOT / "installers" / "hub"
UNIT = (HUB / "painbridge-hub.service").read_text(encoding="utf-8")
NGINX = (HUB / "nginx-painbridge-hub.conf").read_text(encoding="utf-8")
DOCKERFILE = (HUB / "Dockerfile").read_text(encoding="utf-8")


def _unit_value(key: str) -> str:
    (value,) = re.findall(rf"^{key}=(.*)$", UNIT, re.MULTILINE)
    return value


def _docker_json(instruction: str) -> list[str]:
    (value,) = re.findall(rf"^{instruction} (\[.*\])$", DOCKERFILE, re.MULTILINE)
    parsed: list[str] = json.loads(value)
    return parsed


def test_unit_starts_hub_serve_on_the_loopback_interface() -> None:
    program, *argv = shlex.split(_unit_value("ExecStart"))
    assert program.endswith("/bin/painbridge")
    args = build_parser().parse_args(argv)
    assert args.handler is hub_commands.run_serve
    assert (args.host, args.port, args.tls_cert) == ("127.0.0.1", 8443, None)
    assert _unit_value("User") == "painbridge-hub"
    assert _unit_value("StateDirectory") == "painbridge-hub"


def test_environment_file_sets_what_the_cli_reads() -> None:
    assert _unit_value("EnvironmentFile") == "/etc/painbridge-hub/hub.env"
    names = re.findall(r"^#?([A-Z_]+)=", (HUB / "hub.env").read_text(encoding="utf-8"), re.M)
    assert set(names) == {hub_commands.HUB_HOME_ENV, hub_commands.HUB_DB_ENV}
    assert "PAINBRIDGE_HUB_HOME=/var/lib/painbridge-hub" in (HUB / "hub.env").read_text("utf-8")


def test_nginx_proxies_to_the_unit_and_lets_the_hub_answer_large_bodies() -> None:
    (upstream,) = re.findall(r"server (127\.0\.0\.1:\d+);", NGINX)
    args = build_parser().parse_args(shlex.split(_unit_value("ExecStart"))[1:])
    assert upstream == f"{args.host}:{args.port}"
    # proxy_pass without a URI part: the signed request path reaches the hub unchanged.
    assert set(re.findall(r"proxy_pass (\S+);", NGINX)) == {"http://painbridge_hub"}
    (body_limit,) = re.findall(r"client_max_body_size (\d+)m;", NGINX)
    assert int(body_limit) * 1024 * 1024 > HubSettings(config_dir=ROOT).max_request_bytes
    assert "ssl_protocols TLSv1.2 TLSv1.3;" in NGINX


def test_dockerfile_runs_hub_serve_as_a_non_root_user() -> None:
    args = build_parser().parse_args([*_docker_json("ENTRYPOINT")[1:], *_docker_json("CMD")])
    assert _docker_json("ENTRYPOINT") == ["painbridge"]
    assert args.handler is hub_commands.run_serve
    assert (args.host, args.port) == ("0.0.0.0", 8443)
    assert re.search(rf"^EXPOSE {args.port}$", DOCKERFILE, re.MULTILINE)
    (user,) = re.findall(r"^USER (\S+)$", DOCKERFILE, re.MULTILINE)
    assert user not in ("root", "0")
    assert f"http://127.0.0.1:{args.port}{API_PREFIX}/health" in DOCKERFILE
    assert DOCKERFILE.startswith("# syntax=docker/dockerfile:1")
    assert re.search(r"^FROM python:3\.11-slim$", DOCKERFILE, re.MULTILINE)
    extras = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"][
        "optional-dependencies"
    ]
    assert "hub" in extras and "pip install '.[hub]'" in DOCKERFILE
    ignored = (HUB / "Dockerfile.dockerignore").read_text(encoding="utf-8")
    assert "models_onnx/bundles/DEVELOPMENT-SIGNING-KEY.pem" in ignored


def test_systemd_accepts_the_unit(tmp_path: Path) -> None:
    if shutil.which("systemd-analyze") is None:
        pytest.skip("systemd-analyze is not installed")
    painbridge = Path(sys.executable).parent / "painbridge"
    if not painbridge.exists():
        pytest.skip("the painbridge command is not installed next to this interpreter")
    unit = tmp_path / "painbridge-hub.service"
    unit.write_text(
        UNIT.replace("/opt/painbridge-hub/venv/bin/painbridge", str(painbridge)),
        encoding="utf-8",
    )
    result = subprocess.run(
        ["systemd-analyze", "verify", str(unit)], capture_output=True, text=True, check=False
    )
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")
