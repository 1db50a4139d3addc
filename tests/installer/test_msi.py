"""The Windows installer source (installers/wix/painbridge.wxs) built with wixl against a
small fake payload (PyInstaller cannot build a Windows bundle on Linux; CI builds the MSI
from the real Windows bundle the same way). The MSI's tables must hold the silent-install
properties, write them exactly where the application reads its machine configuration,
install per machine, upgrade in place and add a Start-menu entry."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from desktop import __version__
from desktop.services import machine_config

ROOT = Path(__file__).resolve().parents[2]
HKLM = "2"  # msidbRegistryRootLocalMachine
#: The msiexec properties and the registry values they are written to.
PROPERTIES = {
    "HUBURL": "HubURL",
    "ENROLLMENTCODE": "EnrollmentCode",
    "DEVICENAME": "DeviceName",
    "MODELCHANNEL": "ModelChannel",
    "RECOVERYKEY": "RecoveryPublicKey",
    "MODELKEY": "ModelTrustedKey",
}


def _table(msi: Path, name: str) -> list[dict[str, str]]:
    text = subprocess.run(
        ["msiinfo", "export", str(msi), name], capture_output=True, text=True, check=True
    ).stdout
    header, _types, _keys, *rows = text.splitlines()
    columns = header.split("\t")
    return [dict(zip(columns, row.split("\t"), strict=False)) for row in rows]


@pytest.fixture(scope="module")
def msi(tmp_path_factory: pytest.TempPathFactory) -> Path:
    for tool in ("wixl", "wixl-heat", "msiinfo", "msibuild"):
        if shutil.which(tool) is None:
            pytest.skip(
                f"{tool} is not installed: apt-get install wixl msitools "
                "(scripts/system-deps.sh test installs them)"
            )
    payload = tmp_path_factory.mktemp("payload")
    (payload / "painbridge.exe").write_bytes(b"MZ fake console executable")
    (payload / "painbridge-gui.exe").write_bytes(b"MZ fake windowed executable")
    (payload / "_internal" / "models_onnx" / "bundles" / "default").mkdir(parents=True)
    (payload / "_internal" / "python311.dll").write_bytes(b"fake dll")
    (payload / "_internal" / "models_onnx" / "bundles" / "default" / "manifest.json").write_text(
        "{}", encoding="utf-8"
    )
    out = tmp_path_factory.mktemp("msi")
    result = subprocess.run(
        ["bash", str(ROOT / "installers" / "wix" / "build-msi.sh"), str(payload), str(out)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return Path(result.stdout.splitlines()[-1])


def test_configuration_properties_go_where_the_application_reads(msi: Path) -> None:
    registry = {
        row["Name"]: row
        for row in _table(msi, "Registry")
        if row["Key"] == machine_config.WINDOWS_REGISTRY_KEY and row["Root"] == HKLM
    }
    expected = {
        "HubURL": "[HUBURL]",
        "EnrollmentCode": "[ENROLLMENTCODE]",
        "DeviceName": "[DEVICENAME]",
        "ModelChannel": "[MODELCHANNEL]",
        "RecoveryPublicKey": "[RECOVERYKEY]",
        "ModelTrustedKey": "[MODELKEY]",
    }
    assert set(machine_config.SETTING_NAMES.values()) == set(expected)
    assert {name: registry[name]["Value"] for name in expected} == expected
    components = {row["Component"]: row for row in _table(msi, "Component")}
    machine = components[registry["HubURL"]["Component_"]]
    assert int(machine["Attributes"]) & 256  # 64-bit component: the 64-bit registry view


def test_properties_survive_upgrades_and_reach_the_elevated_install(msi: Path) -> None:
    searches = {row["Property"]: row["Signature_"] for row in _table(msi, "AppSearch")}
    assert set(searches) == set(PROPERTIES)
    locators = {row["Signature_"]: row for row in _table(msi, "RegLocator")}
    for prop, signature in searches.items():
        locator = locators[signature]
        assert (locator["Root"], locator["Key"], locator["Name"]) == (
            HKLM,
            machine_config.WINDOWS_REGISTRY_KEY,
            PROPERTIES[prop],
        )
        assert int(locator["Type"]) & 16  # msidbLocatorType64bit
    properties = {row["Property"]: row["Value"] for row in _table(msi, "Property")}
    secure = properties["SecureCustomProperties"].split(";")
    assert set(PROPERTIES) <= set(secure)
    assert "WIX_UPGRADE_DETECTED" in secure


def test_per_machine_major_upgrade_with_a_fixed_upgrade_code(msi: Path) -> None:
    properties = {row["Property"]: row["Value"] for row in _table(msi, "Property")}
    assert properties["ALLUSERS"] == "1"
    assert properties["ProductVersion"] == __version__
    wxs = (ROOT / "installers" / "wix" / "painbridge.wxs").read_text(encoding="utf-8")
    upgrade_code = re.search(r'UpgradeCode="([0-9A-F-]{36})"', wxs)
    assert upgrade_code is not None
    assert properties["UpgradeCode"] == "{" + upgrade_code.group(1) + "}"
    upgrades = _table(msi, "Upgrade")
    assert {row["ActionProperty"] for row in upgrades} == {
        "WIX_UPGRADE_DETECTED",
        "WIX_DOWNGRADE_DETECTED",
    }
    sequence = {row["Action"] for row in _table(msi, "InstallExecuteSequence")}
    assert {"FindRelatedProducts", "AppSearch", "RemoveExistingProducts"} <= sequence


def test_start_menu_entry_and_program_files(msi: Path) -> None:
    (shortcut,) = _table(msi, "Shortcut")
    assert shortcut["Directory_"] == "ProgramMenuFolder"
    assert shortcut["Name"] == "PainBridge"
    assert shortcut["Target"] == "[INSTALLDIR]painbridge-gui.exe"  # windowed: no console
    directories = {row["Directory"]: row for row in _table(msi, "Directory")}
    assert directories["INSTALLDIR"]["Directory_Parent"] == "ProgramFiles64Folder"
    assert directories["INSTALLDIR"]["DefaultDir"] == "PainBridge"
    files = {row["FileName"].split("|")[-1] for row in _table(msi, "File")}
    assert {"painbridge.exe", "painbridge-gui.exe", "python311.dll", "manifest.json"} <= files
