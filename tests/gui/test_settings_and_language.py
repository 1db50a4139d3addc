"""Settings (saved in the home, validated), auto-lock minutes, language switch, and the
translations: every tr() string has a Simplified Chinese entry, compiled into the .qm."""

from __future__ import annotations

import json
import subprocess
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLineEdit

from desktop.gui.translations import TRANSLATIONS_DIR
from desktop.gui.widgets.settings_dialog import SettingsDialog
from desktop.services.machine_config import MachineConfig
from desktop.services.machine_summary import fingerprint
from desktop.store import generate_recovery_keypair
from models_onnx.signing import key_id
from tests.gui.helpers import unlock
from tests.hub_fixtures import CLINIC_NAME, LocalHub

pytestmark = pytest.mark.gui
ROOT = Path(__file__).resolve().parents[2]
BIN = ROOT / ".venv" / "bin"
TS = TRANSLATIONS_DIR / "painbridge_zh_CN.ts"


def _messages(ts: Path) -> dict[tuple[str, str], list[str]]:
    """(context, source) -> translations (empty when unfinished)."""
    found: dict[tuple[str, str], list[str]] = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            texts = (
                [translation.text or ""]
                if translation.find("numerusform") is None
                else [form.text or "" for form in translation.iter("numerusform")]
            )
            if translation.get("type") in ("unfinished", "vanished", "obsolete"):
                texts = []
            found[(name, message.findtext("source", ""))] = [t for t in texts if t.strip()]
    return found


def _tool(name: str) -> str:
    path = BIN / name
    return str(path) if path.exists() else name


def test_every_string_has_a_chinese_translation(tmp_path: Path) -> None:
    sources = sorted(str(p) for p in (ROOT / "desktop" / "gui").rglob("*.py"))
    fresh = tmp_path / "fresh.ts"
    subprocess.run(
        [_tool("pyside6-lupdate"), "-locations", "none", *sources, "-ts", str(fresh)],
        check=True,
        capture_output=True,
    )
    extracted = _messages(fresh)
    committed = _messages(TS)
    assert len(extracted) > 400
    missing = sorted(key for key in extracted if not committed.get(key))
    assert missing == [], (
        f"strings without a zh_CN translation (run scripts/update-translations.sh): {missing}"
    )


def test_the_compiled_qm_matches_the_ts_source(tmp_path: Path) -> None:
    compiled = tmp_path / "zh.qm"
    subprocess.run(
        [_tool("pyside6-lrelease"), str(TS), "-qm", str(compiled)], check=True, capture_output=True
    )
    assert compiled.read_bytes() == (TRANSLATIONS_DIR / "painbridge_zh_CN.qm").read_bytes()


def test_settings_are_validated_saved_and_applied(qtbot, gui) -> None:
    unlock(qtbot, gui)
    dialog = SettingsDialog(gui.clinic.preferences, gui.window)
    qtbot.addWidget(dialog)
    dialog.hub_address.setText("ftp://hub.example.org")
    dialog.apply()
    assert dialog.error.text() == (
        "⚠ hub_address: must start with https:// (http:// only for this computer)"
    )
    dialog.hub_address.setText("https://hub.example.org/")
    dialog.auto_lock.setValue(5)
    dialog.nrs_band.setCurrentIndex(dialog.nrs_band.findData("Serlin1995"))
    with qtbot.waitSignal(gui.clinic.preferences.saved, timeout=5_000):
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    saved = json.loads((gui.home / "settings.json").read_text())
    assert saved["hub_address"] == "https://hub.example.org"
    assert saved["auto_lock_minutes"] == 5
    assert saved["nrs_band_scheme"] == "Serlin1995"
    assert gui.clinic.idle.timeout_seconds == 300
    assert gui.clinic.config.preferences.clinical_settings().nrs_band_scheme == "Serlin1995"


@pytest.fixture
def hub(tmp_path: Path) -> Iterator[LocalHub]:
    running = LocalHub(tmp_path / "hub")
    yield running
    running.stop()


def test_save_with_a_code_enrolls_and_stays_open_when_the_hub_refuses(
    qtbot, hub: LocalHub, gui
) -> None:
    unlock(qtbot, gui)
    sync = gui.clinic.sync
    dialog = SettingsDialog(gui.clinic.preferences, gui.window, enrollment=sync)
    qtbot.addWidget(dialog)
    save = dialog.buttons.button(dialog.buttons.StandardButton.Save)
    dialog.hub_address.setText(hub.url)
    dialog.enrollment.setText("ABCDE-FGHJK")
    with qtbot.waitSignal(sync.enroll_failed, timeout=20_000):
        save.click()
    assert dialog.result() != QDialog.DialogCode.Accepted  # open, saying why at the field
    assert dialog.enroll_result.text() == (
        "⚠ The hub refused the request: this is not an enrollment code (invalid_code)"
    )
    code = hub.code()
    dialog.enrollment.setText(code)
    with qtbot.waitSignal(sync.enrolled, timeout=20_000):
        save.click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    text = (gui.home / "settings.json").read_text()
    assert json.loads(text)["hub_address"] == hub.url
    assert code not in text  # the code is used once, never stored
    qtbot.waitUntil(lambda: gui.window.status.hub.text() == "● Hub: online", timeout=20_000)
    assert gui.window.status.hub.toolTip() == f"Connected to {CLINIC_NAME}'s hub at {hub.url}."


def test_it_presets_fill_the_hub_fields(qtbot, launch, home: Path) -> None:
    machine = MachineConfig(
        hub_url="http://127.0.0.1:9",  # nothing listens: the automatic enrollment waits
        enrollment_code="ABCDE-FGHJK-LMNPQ",
        source="/etc/painbridge/painbridge.conf",
    )
    app = launch(home, machine=machine)
    unlock(qtbot, app)
    dialog = SettingsDialog(app.clinic.preferences, app.window, enrollment=app.clinic.sync)
    qtbot.addWidget(dialog)
    assert dialog.hub_address.text() == "http://127.0.0.1:9"
    assert dialog.enrollment.text() == "ABCDE-FGHJK-LMNPQ"
    assert dialog.preset_note.text() == "Preset by IT (/etc/painbridge/painbridge.conf)."
    assert not dialog.preset_note.isHidden()


def test_language_switches_without_restarting(qtbot, gui) -> None:
    unlock(qtbot, gui)
    with qtbot.waitSignal(gui.clinic.preferences.language_changed, timeout=5_000):
        gui.clinic.preferences.update(language="zh_CN")
    window = gui.window
    assert window.windowTitle() == "PainBridge - 癌痛决策支持"
    assert window.navigation.item(0).text() == "病例"
    assert window.case_list.count.text() == "5 个病例"
    assert window.status.hub.text() == "● 中心：未配置（离线工作）"
    assert gui.clinic.cases.model.headerData(0, Qt.Orientation.Horizontal) == "化名编号"
    assert gui.clinic.cases.model.index(0, 5).data() == "进行中"
    with qtbot.waitSignal(gui.clinic.preferences.language_changed, timeout=5_000):
        gui.clinic.preferences.update(language="en")
    assert gui.window.navigation.item(0).text() == "Cases"


def test_settings_show_what_it_set_with_key_fingerprints(qtbot, launch, home: Path) -> None:
    _private, recovery_public = generate_recovery_keypair()
    model_key = Ed25519PrivateKey.generate().public_key()
    machine = MachineConfig(
        hub_url="http://127.0.0.1:9",  # nothing listens; not signed in, so nothing enrolls
        device_name="Reception PC",
        model_channel="pilot",
        source="/etc/painbridge/painbridge.conf",
        recovery_public_key=recovery_public,
        model_trusted_key=model_key,
    )
    app = launch(home, machine=machine)
    dialog = SettingsDialog(app.clinic.preferences, app.window)
    qtbot.addWidget(dialog)
    shown = {name: label.text() for name, label in dialog.machine_values.items()}
    model_digits = key_id(model_key)
    assert shown == {
        "hub_url": "http://127.0.0.1:9",
        "device_name": "Reception PC",
        "model_channel": "pilot",
        "recovery_key": fingerprint(recovery_public),
        "model_key": " ".join(model_digits[i : i + 4] for i in range(0, 16, 4)),
        "source": "/etc/painbridge/painbridge.conf",
    }
    assert len(shown["recovery_key"]) == 19  # 16 hex digits in 4 groups
    assert dialog.machine_box.title() == "Set by IT (read-only)"
    assert not dialog.machine_box.isHidden()
    assert dialog.machine_problem.isHidden()
    assert not [w for w in dialog.machine_box.findChildren(QLineEdit)]  # nothing to edit


def test_settings_say_what_it_did_not_set_and_why_the_configuration_was_unusable(
    qtbot, launch, home: Path
) -> None:
    problem = "/etc/painbridge/painbridge.conf: [hub] url must be an http:// or https:// address"
    app = launch(home, machine=MachineConfig(), machine_problem=problem)
    unlock(qtbot, app)  # a clinician without the hub section still sees what IT set
    dialog = SettingsDialog(app.clinic.preferences, app.window, sections=frozenset({"general"}))
    qtbot.addWidget(dialog)
    shown = {name: label.text() for name, label in dialog.machine_values.items()}
    assert shown == {
        "hub_url": "not set",
        "device_name": "not set",
        "model_channel": "stable",
        "recovery_key": "not set",
        "model_key": "not set",
        "source": "no machine configuration",
    }
    assert not dialog.machine_box.isHidden()
    assert not dialog.machine_problem.isHidden()
    assert dialog.machine_problem.text() == (
        "⚠ The machine configuration could not be used, so nothing of it applies: " + problem
    )
