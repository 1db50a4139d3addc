"""The machine configuration IT presets: read from the file, plist or registry each
installer writes; invalid values (and key files that do not hold the right key) are
refused with the file, key and rule named."""

from __future__ import annotations

import plistlib
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from desktop.services import machine_config
from desktop.services.machine_config import (
    MachineConfig,
    MachineConfigError,
    load_machine_config,
    machine_config_location,
)
from desktop.store import generate_recovery_keypair
from desktop.store.recovery_files import write_recovery_keypair

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


# --- the IT keys: the recovery public key and the trusted model-signing key -----------------


def _recovery_public_pem(directory: Path) -> tuple[Path, bytes]:
    """A recovery key pair as `painbridge recovery keygen` writes it: (public PEM, raw key)."""
    private_key, public_key = generate_recovery_keypair()
    _private_path, public_path = write_recovery_keypair(directory, private_key, public_key)
    return public_path, public_key


def _model_public_pem(path: Path) -> tuple[Path, Ed25519PublicKey]:
    key = Ed25519PrivateKey.generate().public_key()
    path.write_bytes(key.public_bytes(Encoding.PEM, PublicFormat.SubjectPublicKeyInfo))
    return path, key


def test_key_files_are_read_at_load(tmp_path: Path) -> None:
    recovery_pem, recovery_raw = _recovery_public_pem(tmp_path / "it")
    model_pem, model_key = _model_public_pem(tmp_path / "model-signing-public.pem")
    path = _write(
        tmp_path / "c.conf",
        FULL_INI
        + f"\n[keys]\nrecovery_public_key = {recovery_pem}\nmodel_trusted_key = {model_pem}\n",
    )
    config = load_machine_config({"PAINBRIDGE_CONFIG": str(path)}, "Linux")
    assert (config.recovery_public_key_file, config.model_trusted_key_file) == (
        recovery_pem,
        model_pem,
    )
    assert config.recovery_public_key == recovery_raw
    assert config.model_trusted_key == model_key
    assert config.hub_url == "https://hub.example.org:8443"  # [hub] still read


def test_key_files_from_the_registry_and_a_plist(tmp_path: Path) -> None:
    recovery_pem, recovery_raw = _recovery_public_pem(tmp_path / "it")
    model_pem, model_key = _model_public_pem(tmp_path / "model.pem")
    values = {"RecoveryPublicKey": str(recovery_pem), "ModelTrustedKey": str(model_pem)}
    from_registry = load_machine_config({}, "Windows", registry=lambda key: values)
    assert from_registry.recovery_public_key == recovery_raw
    assert from_registry.model_trusted_key == model_key
    plist = tmp_path / "org.painbridge.PainBridge.plist"
    plist.write_bytes(plistlib.dumps(values))
    from_plist = load_machine_config({"PAINBRIDGE_CONFIG": str(plist)}, "Darwin")
    assert from_plist.recovery_public_key_file == recovery_pem
    assert from_plist.model_trusted_key == model_key


def test_empty_key_settings_mean_not_set(tmp_path: Path) -> None:
    path = _write(tmp_path / "c.conf", "[keys]\nrecovery_public_key =\nmodel_trusted_key =\n")
    config = load_machine_config({"PAINBRIDGE_CONFIG": str(path)}, "Linux")
    assert config == MachineConfig(source=str(path))
    assert config.recovery_public_key is None and config.model_trusted_key is None


def test_invalid_key_files_name_file_key_and_rule(tmp_path: Path) -> None:
    recovery_pem, _ = _recovery_public_pem(tmp_path / "it")
    model_pem, _ = _model_public_pem(tmp_path / "model.pem")
    garbage = _write(tmp_path / "garbage.pem", "-----BEGIN PUBLIC KEY-----\nnot base64\n")
    cases = [
        ("recovery_public_key", tmp_path / "absent.pem", "cannot read"),
        ("recovery_public_key", model_pem, "is not an X25519 public key"),  # the other key
        ("recovery_public_key", garbage, "is not a readable PEM key"),
        ("recovery_public_key", Path("recovery-public.pem"), "must be an absolute path"),
        ("model_trusted_key", recovery_pem, "is not an Ed25519 key"),
        ("model_trusted_key", tmp_path / "absent.pem", "cannot read the trusted key"),
        ("model_trusted_key", garbage, "is not a readable PEM public key"),
    ]
    for key, value, reason in cases:
        path = _write(tmp_path / "bad.conf", f"[keys]\n{key} = {value}\n")
        with pytest.raises(MachineConfigError) as raised:
            load_machine_config({"PAINBRIDGE_CONFIG": str(path)}, "Linux")
        message = str(raised.value)
        assert message.startswith(f"{path}: [keys] {key} must "), message
        assert reason in message, message


def test_registry_key_errors_name_the_value(tmp_path: Path) -> None:
    with pytest.raises(MachineConfigError, match=r"PainBridge: ModelTrustedKey must name"):
        load_machine_config(
            {},
            "Windows",
            registry=lambda key: {"ModelTrustedKey": str(tmp_path / "absent.pem")},
        )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "[hub]\nrecovery_public_key = /k.pem\n",
            "[hub] recovery_public_key is not a known setting (it belongs in [keys])",
        ),
        ("[keys]\nurl = https://hub\n", "[keys] url is not a known setting (it belongs in [hub])"),
        (
            "[Keys]\nrecovery_public_key = /k.pem\n",
            "[Keys] is not a known section (known: hub, keys)",
        ),
    ],
)
def test_misplaced_settings_and_unknown_sections_are_refused(
    tmp_path: Path, text: str, expected: str
) -> None:
    path = _write(tmp_path / "bad.conf", text)
    with pytest.raises(MachineConfigError) as raised:
        load_machine_config({"PAINBRIDGE_CONFIG": str(path)}, "Linux")
    assert str(raised.value) == f"{path}: {expected}"


def test_the_example_configuration_profile_names_every_setting() -> None:
    profile = Path(__file__).resolve().parents[2] / "installers" / "macos"
    loaded = plistlib.loads((profile / "org.painbridge.PainBridge.mobileconfig").read_bytes())
    (payload,) = loaded["PayloadContent"]
    assert payload["PayloadType"] == "org.painbridge.PainBridge"
    settings = {key for key in payload if not key.startswith("Payload")}
    assert settings == set(machine_config.SETTING_NAMES.values())
