"""The machine configuration IT presets: read from the file, plist or registry each
installer writes; invalid values are refused with the file, key and rule named."""

from __future__ import annotations

import plistlib
from pathlib import Path

import pytest

from desktop.services import machine_config
from desktop.services.machine_config import (
    MachineConfig,
    MachineConfigError,
    load_machine_config,
    machine_config_location,
)

FULL_INI = """\
# written by the PainBridge installer
[hub]
url = https://hub.example.org:8443/
enrollment_code = K7Q2-M4XD-9PLA-3ZTR
device_name = Reception PC
model_channel = pilot
"""


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_config_file_named_by_the_environment_is_read(tmp_path: Path) -> None:
    path = _write(tmp_path / "painbridge.conf", FULL_INI)
    config = load_machine_config({"PAINBRIDGE_CONFIG": str(path)}, "Linux")
    assert config == MachineConfig(
        hub_url="https://hub.example.org:8443",
        enrollment_code="K7Q2-M4XD-9PLA-3ZTR",
        device_name="Reception PC",
        model_channel="pilot",
        source=str(path),
    )


def test_environment_overrides_every_platform(tmp_path: Path) -> None:
    path = _write(tmp_path / "c.conf", "[hub]\nurl = http://10.0.0.5:8443\n")

    def registry(key: str) -> dict[str, str]:
        raise AssertionError("the registry must not be read when PAINBRIDGE_CONFIG is set")

    for system in ("Linux", "Windows", "Darwin"):
        config = machine_config.load_machine_config(
            {"PAINBRIDGE_CONFIG": str(path)}, system, registry=registry
        )
        assert config.hub_url == "http://10.0.0.5:8443"
        assert config.model_channel == "stable"  # the default


def test_missing_file_presets_nothing(tmp_path: Path) -> None:
    config = load_machine_config({"PAINBRIDGE_CONFIG": str(tmp_path / "absent.conf")}, "Linux")
    assert config == MachineConfig()


def test_linux_reads_etc_painbridge(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _write(tmp_path / "painbridge.conf", "[hub]\nurl = https://hub.example.org\n")
    monkeypatch.setattr(machine_config, "LINUX_CONFIG_FILE", path)
    config = load_machine_config({}, "Linux")
    assert (config.hub_url, config.source) == ("https://hub.example.org", str(path))


def test_default_locations_are_the_ones_the_installers_write() -> None:
    assert str(machine_config.LINUX_CONFIG_FILE) == "/etc/painbridge/painbridge.conf"
    assert machine_config.WINDOWS_REGISTRY_KEY == r"SOFTWARE\PainBridge"
    assert str(machine_config.MACOS_MANAGED_PREFERENCES) == (
        "/Library/Managed Preferences/org.painbridge.PainBridge.plist"
    )


def test_location_names_where_the_configuration_is_looked_for() -> None:
    assert machine_config_location({}, "Linux") == "/etc/painbridge/painbridge.conf"
    assert machine_config_location({}, "Windows") == r"HKEY_LOCAL_MACHINE\SOFTWARE\PainBridge"
    assert machine_config_location({}, "Darwin").startswith("/Library/Managed Preferences/")
    assert machine_config_location({"PAINBRIDGE_CONFIG": "/x.conf"}, "Windows") == "/x.conf"


def test_empty_values_mean_not_set(tmp_path: Path) -> None:
    # The .deb and the MSI write every key, empty when IT gave no answer.
    path = _write(
        tmp_path / "c.conf",
        "[hub]\nurl =\nenrollment_code =   \ndevice_name =\nmodel_channel =\n",
    )
    config = load_machine_config({"PAINBRIDGE_CONFIG": str(path)}, "Linux")
    assert config == MachineConfig(source=str(path))


def test_file_without_hub_section_presets_nothing(tmp_path: Path) -> None:
    path = _write(tmp_path / "c.conf", "# nothing preset yet\n")
    assert load_machine_config({"PAINBRIDGE_CONFIG": str(path)}, "Linux").hub_url is None


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("url = ftp://hub.example.org", "[hub] url must be an http:// or https:// address"),
        ("url = hub.example.org", "[hub] url must be an http:// or https:// address"),
        ("url = https://", "[hub] url must be an http:// or https:// address"),
        ("model_channel = beta", "[hub] model_channel must be one of stable, pilot"),
        ("enrollment_code = " + "x" * 201, "[hub] enrollment_code must be at most 200"),
        ("colour = blue", "[hub] colour is not a known setting"),
    ],
)
def test_invalid_values_name_file_key_and_rule(tmp_path: Path, line: str, expected: str) -> None:
    path = _write(tmp_path / "bad.conf", f"[hub]\n{line}\n")
    with pytest.raises(MachineConfigError) as raised:
        load_machine_config({"PAINBRIDGE_CONFIG": str(path)}, "Linux")
    assert str(raised.value).startswith(f"{path}: ")
    assert expected in str(raised.value)


def test_a_file_that_is_not_ini_is_refused(tmp_path: Path) -> None:
    path = _write(tmp_path / "bad.conf", "url = https://hub.example.org\n")
    with pytest.raises(MachineConfigError, match="is not a valid INI file"):
        load_machine_config({"PAINBRIDGE_CONFIG": str(path)}, "Linux")


def test_unreadable_file_is_refused_with_its_path(tmp_path: Path) -> None:
    directory = tmp_path / "a-directory.conf"
    directory.mkdir()
    with pytest.raises(MachineConfigError, match="cannot read the machine configuration"):
        load_machine_config({"PAINBRIDGE_CONFIG": str(directory)}, "Linux")


def test_windows_reads_the_registry_values_the_msi_writes() -> None:
    asked: list[str] = []

    def registry(key: str) -> dict[str, str] | None:
        asked.append(key)
        return {
            "HubURL": "https://hub.example.org",
            "EnrollmentCode": "K7Q2-M4XD",
            "DeviceName": "",  # the MSI writes empty values for properties not given
            "ModelChannel": "",
            "InstallDir": r"C:\Program Files\PainBridge\\",  # other values are ignored
        }

    config = load_machine_config({}, "Windows", registry=registry)
    assert asked == [r"SOFTWARE\PainBridge"]
    assert config == MachineConfig(
        hub_url="https://hub.example.org",
        enrollment_code="K7Q2-M4XD",
        source=r"HKEY_LOCAL_MACHINE\SOFTWARE\PainBridge",
    )


def test_windows_without_the_registry_key_presets_nothing() -> None:
    assert load_machine_config({}, "Windows", registry=lambda key: None) == MachineConfig()


def test_windows_registry_errors_name_the_value() -> None:
    with pytest.raises(MachineConfigError, match=r"PainBridge: ModelChannel must be one of"):
        load_machine_config({}, "Windows", registry=lambda key: {"ModelChannel": "nightly"})


def test_registry_reader_is_windows_only() -> None:
    if machine_config.sys.platform != "win32":
        assert machine_config.read_windows_registry(r"SOFTWARE\PainBridge") is None


def test_macos_managed_preferences(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "org.painbridge.PainBridge.plist"
    path.write_bytes(
        plistlib.dumps(
            {
                "HubURL": "https://hub.example.org",
                "EnrollmentCode": "K7Q2-M4XD",
                "DeviceName": "Consulting room 2",
                "ModelChannel": "stable",
                "PayloadUUID": "added by the MDM server",
            }
        )
    )
    monkeypatch.setattr(machine_config, "MACOS_MANAGED_PREFERENCES", path)
    assert load_machine_config({}, "Darwin") == MachineConfig(
        hub_url="https://hub.example.org",
        enrollment_code="K7Q2-M4XD",
        device_name="Consulting room 2",
        source=str(path),
    )


def test_plist_named_by_the_environment_is_read_as_a_plist(tmp_path: Path) -> None:
    path = tmp_path / "preset.plist"
    path.write_bytes(plistlib.dumps({"HubURL": "http://hub.local"}, fmt=plistlib.FMT_BINARY))
    assert load_machine_config({"PAINBRIDGE_CONFIG": str(path)}, "Linux").hub_url == (
        "http://hub.local"
    )


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"<?xml version='1.0'?><plist><dict><key>", "not a valid property list"),
        (plistlib.dumps(["a list"]), "must hold a dictionary"),
        (plistlib.dumps({"HubURL": 8443}), "HubURL must be a string"),
        (plistlib.dumps({"HubURL": "smb://hub"}), "HubURL must be an http:// or https://"),
    ],
)
def test_invalid_managed_preferences_are_refused(
    tmp_path: Path, content: bytes, expected: str
) -> None:
    path = tmp_path / "org.painbridge.PainBridge.plist"
    path.write_bytes(content)
    with pytest.raises(MachineConfigError, match=expected):
        load_machine_config({"PAINBRIDGE_CONFIG": str(path)}, "Darwin")
