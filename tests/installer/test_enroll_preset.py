"""``painbridge sync enroll`` takes the hub, code and device name IT preset in the
machine configuration when they are not given (docs/it-guide.md, "Preconfigure")."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.cli import EXIT_USER_ERROR, main
from sync.hub.devices import list_devices
from sync.hub.enrollment import issue_code
from sync.hub.server import EmbeddedHub
from sync.hub.settings import HubSettings

PASSPHRASE = "correct horse battery staple"


@pytest.fixture
def clinic_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("PAINBRIDGE_PASSPHRASE", PASSPHRASE)
    for name in ("PAINBRIDGE_HOME", "PAINBRIDGE_USER"):
        monkeypatch.delenv(name, raising=False)
    home = tmp_path / "clinic"
    assert main(["--home", str(home), "init"]) == 0
    return home


def test_enroll_uses_the_preset_hub_code_and_name(
    tmp_path: Path,
    clinic_home: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    with EmbeddedHub(HubSettings(config_dir=tmp_path / "hub")) as hub:
        code = issue_code(hub.hub, "Lakeside clinic").code
        config = tmp_path / "painbridge.conf"
        config.write_text(
            f"[hub]\nurl = {hub.url}\nenrollment_code = {code}\ndevice_name = Reception PC\n",
            encoding="utf-8",
        )
        monkeypatch.setenv("PAINBRIDGE_CONFIG", str(config))
        capsys.readouterr()
        assert main(["--home", str(clinic_home), "sync", "enroll"]) == 0
        assert f"enrolled with the hub at {hub.url} as a device of Lakeside clinic" in (
            capsys.readouterr().out
        )
        assert main(["--home", str(clinic_home), "sync", "status"]) == 0
        assert f"hub: {hub.url} (Lakeside clinic" in capsys.readouterr().out
        assert [d.name for d in list_devices(hub.hub)] == ["Reception PC"]


def test_enroll_without_preset_or_options_says_what_is_missing(
    tmp_path: Path,
    clinic_home: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    absent = tmp_path / "absent.conf"
    monkeypatch.setenv("PAINBRIDGE_CONFIG", str(absent))
    capsys.readouterr()
    assert main(["--home", str(clinic_home), "sync", "enroll"]) == EXIT_USER_ERROR
    assert capsys.readouterr().err == (
        f"painbridge: no hub address: give --hub URL, or have IT preset it in {absent}\n"
    )
    assert (
        main(["--home", str(clinic_home), "sync", "enroll", "--hub", "https://h.example.org"])
        == EXIT_USER_ERROR
    )
    assert "no enrollment code: give --code CODE" in capsys.readouterr().err


def test_enroll_with_an_invalid_preset_names_the_file_and_rule(
    tmp_path: Path,
    clinic_home: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    config = tmp_path / "painbridge.conf"
    config.write_text("[hub]\nurl = hub.example.org\n", encoding="utf-8")
    monkeypatch.setenv("PAINBRIDGE_CONFIG", str(config))
    capsys.readouterr()
    assert main(["--home", str(clinic_home), "sync", "enroll"]) == EXIT_USER_ERROR
    assert f"{config}: [hub] url must be an http:// or https:// address" in (
        capsys.readouterr().err
    )
