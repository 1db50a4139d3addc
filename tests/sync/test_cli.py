"""The `painbridge sync ...`, `inbox` and `hub ...` commands end to end."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
import pytest

from desktop.cli import main
from sync.hub.server import EmbeddedHub
from sync.hub.settings import HubSettings
from tests.sync.support import case_document

PASSPHRASE = "correct horse battery staple"
HUB_PASSWORD = "hub password for tests"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def test_enroll_sync_answer_read_and_administer_from_the_command_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("PAINBRIDGE_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("PAINBRIDGE_HUB_PASSWORD", HUB_PASSWORD)
    for name in ("PAINBRIDGE_HOME", "PAINBRIDGE_USER", "PAINBRIDGE_HUB_HOME", "PAINBRIDGE_HUB_DB"):
        monkeypatch.delenv(name, raising=False)
    hub_home, home = tmp_path / "hub", tmp_path / "clinic"
    hub_args = ["--hub-home", str(hub_home)]

    code, out = run(capsys, "hub", "enroll-code", "--clinic", "Lakeside clinic", *hub_args)
    assert code == 0
    enrollment_code = out.splitlines()[0]
    assert run(capsys, "hub", "add-user", "dr.lee", "--role", "expert", *hub_args)[0] == 0
    code, out = run(capsys, "hub", "add-user", "Bad Name", "--role", "expert", *hub_args)
    assert code == 3 and "user name" in out

    case_file = tmp_path / "case.json"
    case_file.write_text(json.dumps(case_document(3)), encoding="utf-8")
    assert run(capsys, "--home", str(home), "init")[0] == 0
    code, out = run(capsys, "--home", str(home), "case", "add", str(case_file))
    case_id = out.strip()
    code, out = run(capsys, "--home", str(home), "sync", "now")
    assert code == 3 and "not enrolled" in out

    with EmbeddedHub(HubSettings(config_dir=hub_home)) as hub:
        code, out = run(
            capsys,
            "--home",
            str(home),
            "sync",
            "enroll",
            "--hub",
            hub.url,
            "--code",
            enrollment_code,
        )
        assert code == 0 and "Lakeside clinic" in out, out
        code, out = run(capsys, "--home", str(home), "sync", "now", "--no-models")
        assert code == 0 and "sent 1 case version(s)" in out, out

        with httpx.Client(base_url=hub.url) as expert:
            token = expert.post(
                "/v1/sessions", json={"username": "dr.lee", "password": HUB_PASSWORD}
            ).json()["token"]
            expert.headers["Authorization"] = f"Bearer {token}"
            ref = expert.get("/v1/review/queue").json()["entries"][0]["case_ref"]
            expert.post(f"/v1/review/cases/{ref}/claim").raise_for_status()
            expert.post(
                f"/v1/review/cases/{ref}/recommendation",
                json={
                    "mechanisms": {"nociceptive": True, "neuropathic": False, "nociplastic": False},
                    "regimen": ["radiotherapy_bone"],
                    "summary": "Bone pain: single-fraction radiotherapy.",
                },
            ).raise_for_status()

        code, out = run(capsys, "--home", str(home), "sync", "now", "--json")
        assert code == 0 and json.loads(out)["received"] == 2
        code, out = run(capsys, "--home", str(home), "case", "show", case_id[:8])
        assert "answer delivered to this clinic (unread)" in out
        assert "single-fraction radiotherapy" in out and "regimen: radiotherapy_bone" in out
        code, out = run(capsys, "--home", str(home), "inbox", "--unread")
        seq = out.split()[0].lstrip("#")
        code, out = run(capsys, "--home", str(home), "inbox", "--read", seq)
        assert code == 0 and "read " in out
        assert "(no messages" not in run(capsys, "--home", str(home), "inbox")[1]
        code, out = run(capsys, "--home", str(home), "sync", "status")
        assert code == 0 and "state: online" in out and "queued: 0" in out
        code, out = run(capsys, "--home", str(home), "sync", "quarantine")
        assert code == 0
        code, out = run(capsys, "hub", "devices", *hub_args)
        device = out.splitlines()[2].split()[0]
        assert run(capsys, "hub", "revoke", device[:10], *hub_args)[0] == 0
        code, out = run(capsys, "--home", str(home), "sync", "now")
        assert code == 3 and "revoked" in out

    code, out = run(capsys, "hub", "status", *hub_args)
    assert code == 0 and "Lakeside clinic" in out and "review queue: 0 case(s)" in out
    code, out = run(capsys, "hub", "status", "--json", *hub_args)
    assert json.loads(out)["clinics"][0]["cases"] == 1
    export = tmp_path / "export.jsonl"
    code, out = run(capsys, "hub", "export-training-set", "--out", str(export), *hub_args)
    record = json.loads(export.read_text().splitlines()[0])
    assert record["labels"] == {"nociceptive": 1, "neuropathic": 0, "nociplastic": 0}
    assert "name" not in record["case"]["patient"]
    code, out = run(capsys, "hub", "openapi", "--out", str(tmp_path / "o.json"), *hub_args)
    assert "/v1/uploads" in json.loads((tmp_path / "o.json").read_text())["paths"]
    code, out = run(capsys, "--home", str(home), "sync", "now")
    assert code == 6 and "cannot be reached" in out
