"""The app syncs with a real hub on 127.0.0.1 in the background: enrollment (by hand and
preset by IT), uploads after a save, the status bar, offline with backoff, "Sync now",
stopping at lock, and the store thread's blocking call for other threads."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop.gui.messages import Level
from desktop.gui.store_thread import SessionClosed
from desktop.gui.widgets.settings_dialog import SettingsDialog
from desktop.services.machine_config import MachineConfig
from tests.gui.helpers import PASSPHRASE, USER, unlock, wait_store_idle
from tests.hub_fixtures import CLINIC_NAME, LocalHub, enroll_home

pytestmark = pytest.mark.gui
SYNC_NOW = (Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
ROUND_TIMEOUT_MS = 20_000


@pytest.fixture
def hub(tmp_path: Path) -> Iterator[LocalHub]:
    running = LocalHub(tmp_path / "hub")
    yield running
    running.stop()


def wait_online(qtbot, app) -> None:  # type: ignore[no-untyped-def]
    """The first round has run: nothing waits in the outbox, the hub answered."""
    status = app.window.status
    qtbot.waitUntil(
        lambda: (
            status.hub.text() == "● Hub: online"
            and status.queued.text().startswith("0 item(s) waiting to send")
            and status.last_sync.text().startswith("Last sync: 20")
        ),
        timeout=ROUND_TIMEOUT_MS,
    )


def sync_now(qtbot, app) -> None:  # type: ignore[no-untyped-def]
    """Press Ctrl+Shift+S and wait for the round it asked for."""
    with qtbot.waitSignal(
        app.clinic.sync.round_finished,
        timeout=ROUND_TIMEOUT_MS,
        check_params_cb=lambda outcome: outcome.requested,
    ):
        qtbot.keyClick(app.window, *SYNC_NOW)


def background_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == "background-sync"]


def test_enroll_from_settings_with_a_real_code(qtbot, hub: LocalHub, gui) -> None:
    unlock(qtbot, gui)
    status = gui.window.status
    qtbot.waitUntil(lambda: status.queued.text() == "5 item(s) waiting to send")
    assert status.hub.text() == "● Hub: not configured (working offline)"
    assert not gui.clinic.sync.background_running  # nothing to sync with yet
    dialog = SettingsDialog(gui.clinic.preferences, gui.window, enrollment=gui.clinic.sync)
    qtbot.addWidget(dialog)
    sync = gui.clinic.sync

    def enroll(address: str, code: str, signal):  # type: ignore[no-untyped-def]
        dialog.hub_address.setText(address)
        dialog.enrollment.setText(code)
        with qtbot.waitSignal(signal, timeout=ROUND_TIMEOUT_MS) as answered:
            qtbot.mouseClick(dialog.enroll_button, Qt.MouseButton.LeftButton)
        return answered.args[0]

    enroll(hub.url, "ABCDE-FGHJK", sync.enroll_failed)
    assert dialog.enroll_result.text() == (
        "⚠ The hub refused the request: this is not an enrollment code (invalid_code)"
    )
    used = hub.code()
    enroll(hub.url, used, sync.enrolled)
    enroll(hub.url, used, sync.enroll_failed)
    assert dialog.enroll_result.text() == (
        "⚠ The hub refused the request: this enrollment code was already used (code_used)"
    )
    enroll("http://127.0.0.1:9", hub.code(), sync.enroll_failed)  # nothing listens there
    assert dialog.enroll_result.text().startswith(
        "⚠ The hub at http://127.0.0.1:9/v1/enroll cannot be reached (connection failed)."
    )
    enrollment = enroll(hub.url, hub.code(), sync.enrolled)
    assert dialog.enroll_result.text() == (
        f"✓ Enrolled with {CLINIC_NAME}'s hub: this computer is device {enrollment.device_id}."
    )
    assert dialog.enrollment.text() == ""  # the code is used once and forgotten
    assert sync.background_running
    wait_online(qtbot, gui)
    assert status.hub.toolTip() == f"Connected to {CLINIC_NAME}'s hub at {hub.url}."
    assert hub.stored_versions() >= 1  # the consented demo cases arrived
    assert any(
        m.text.startswith(f"This computer is enrolled with {CLINIC_NAME}'s hub at {hub.url}")
        for m in gui.shell.messages.history
    )


def test_a_saved_case_is_uploaded_by_a_background_round(
    qtbot, hub: LocalHub, launch, home: Path
) -> None:
    enroll_home(home, hub, user=USER, passphrase=PASSPHRASE)
    app = launch(home)
    unlock(qtbot, app)
    wait_online(qtbot, app)
    before = hub.stored_versions()
    model = app.clinic.cases.model

    def row_of_patient_two() -> int | None:  # the list reloads after a round that sent
        rows = range(model.rowCount())
        return next((r for r in rows if model.index(r, 1).data() == "Demo Patient Two"), None)

    qtbot.waitUntil(lambda: row_of_patient_two() is not None)
    with qtbot.waitSignal(app.clinic.editor.opened, timeout=10_000):
        app.clinic.cases.open_row(row_of_patient_two())
    pain = app.window.editor.pain
    now = next(
        f for f in pain.findChildren(object) if getattr(f, "path", "") == "assessment.nrs.now"
    )
    with qtbot.waitSignal(app.clinic.editor.evaluated, timeout=5_000):
        now.slider.setValue((now.slider.value() + 1) % 11)
    with qtbot.waitSignal(
        app.clinic.sync.round_finished,
        timeout=ROUND_TIMEOUT_MS,
        check_params_cb=lambda outcome: outcome.report is not None and outcome.report.sent == 1,
    ):
        qtbot.keyClick(app.window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert hub.stored_versions() == before + 1
    wait_online(qtbot, app)


def test_offline_is_calm_backs_off_and_recovers(qtbot, hub: LocalHub, launch, home: Path) -> None:
    enroll_home(home, hub, user=USER, passphrase=PASSPHRASE)
    app = launch(home, sync_backoff_seconds=(30.0, 60.0))
    unlock(qtbot, app)
    wait_online(qtbot, app)
    status = app.window.status
    last_sync = status.last_sync.text()
    hub.stop()
    sync_now(qtbot, app)
    qtbot.waitUntil(lambda: status.hub.text() == "○ Hub: offline - will retry")
    assert "cannot be reached" in status.hub.toolTip()
    assert status.last_sync.text() == last_sync  # the last *successful* sync
    banner = app.window.banner_text.text()
    assert banner.startswith("Hub offline — 0 item(s) queued, last sync at 20"), banner
    assert banner.endswith("Nothing is lost: PainBridge keeps trying in the background.")
    state = app.clinic.sync.background_state()
    assert state is not None and state.consecutive_failures == 1
    assert state.next_round_in is not None and 0 <= state.next_round_in <= 30  # backoff
    assert QApplication.activeModalWidget() is None  # no error dialog
    assert all(m.level is Level.INFO for m in app.shell.messages.history)
    sync_now(qtbot, app)  # still offline: the wait grows (full jitter, capped)
    state = app.clinic.sync.background_state()
    assert state is not None and state.consecutive_failures == 2
    assert state.next_round_in is not None and state.next_round_in <= 60
    hub.start()
    sync_now(qtbot, app)
    qtbot.waitUntil(lambda: status.hub.text() == "● Hub: online")
    assert app.window.banner_text.text() == (
        "Synced with the hub: 0 case version(s) sent, 0 message(s) received."
    )
    state = app.clinic.sync.background_state()
    assert state is not None and state.consecutive_failures == 0


def test_lock_stops_the_background_sync(qtbot, hub: LocalHub, launch, home: Path) -> None:
    enroll_home(home, hub, user=USER, passphrase=PASSPHRASE)
    app = launch(home)
    unlock(qtbot, app)
    wait_online(qtbot, app)
    assert len(background_threads()) == 1
    app.clinic.sync.sync_now()  # a round may be running while the store closes
    with qtbot.waitSignal(app.clinic.sync.stopped, timeout=ROUND_TIMEOUT_MS):
        app.clinic.lock()
    assert background_threads() == []
    assert app.window.status.hub.text() == "● Hub: not configured (working offline)"
    with qtbot.waitSignal(app.clinic.sync.round_finished, timeout=ROUND_TIMEOUT_MS):
        unlock(qtbot, app)  # a new session gets a new background sync
    assert len(background_threads()) == 1


def test_a_preset_enrolls_at_the_first_unlock(qtbot, hub: LocalHub, launch, home: Path) -> None:
    machine = MachineConfig(
        hub_url=hub.url,
        enrollment_code=hub.code(),
        device_name="Reception PC",
        source="/etc/painbridge/painbridge.conf",
    )
    app = launch(home, machine=machine)
    with qtbot.waitSignal(app.clinic.sync.enrolled, timeout=ROUND_TIMEOUT_MS) as enrolled:
        unlock(qtbot, app)
    assert enrolled.args[0].clinic_name == CLINIC_NAME
    wait_online(qtbot, app)
    assert hub.stored_versions() >= 1
    dialog = SettingsDialog(app.clinic.preferences, app.window, enrollment=app.clinic.sync)
    qtbot.addWidget(dialog)
    assert dialog.hub_address.text() == hub.url
    assert dialog.enrollment.text() == ""  # used: not offered again
    assert dialog.preset_note.text() == "Preset by IT (/etc/painbridge/painbridge.conf)."
    assert dialog.enroll_result.text() == (
        f"Enrolled: Connected to {CLINIC_NAME}'s hub at {hub.url}."
    )


def test_a_refused_preset_code_is_reported_calmly(qtbot, hub: LocalHub, launch, home: Path) -> None:
    machine = MachineConfig(hub_url=hub.url, enrollment_code="ABCDE-FGHJK", source="test.conf")
    app = launch(home, machine=machine, sync_backoff_seconds=(30.0, 60.0))
    unlock(qtbot, app)
    qtbot.waitUntil(
        lambda: app.window.banner_text.text().startswith("Warning: Automatic enrollment"),
        timeout=ROUND_TIMEOUT_MS,
    )
    assert app.window.banner_text.text() == (
        f"Warning: Automatic enrollment with the hub at {hub.url} (preset by IT in test.conf) "
        "did not work: this is not an enrollment code. Cases stay on this computer. Ask IT "
        "for a new enrollment code and enter it in Settings."
    )
    assert QApplication.activeModalWidget() is None
    assert app.window.status.hub.text() == "● Hub: not configured (working offline)"
    state = app.clinic.sync.background_state()
    assert state is not None and state.consecutive_failures == 1
    assert state.next_round_in is not None and state.next_round_in <= 30
    warnings = [m for m in app.shell.messages.history if m.level is Level.WARNING]
    sync_now(qtbot, app)  # the same refusal is not repeated in the message bar
    assert [m for m in app.shell.messages.history if m.level is Level.WARNING] == warnings


def test_run_blocking_is_only_for_other_threads(qtbot, gui) -> None:
    unlock(qtbot, gui)
    store = gui.shell.store
    with pytest.raises(RuntimeError, match="called on the GUI thread"):
        store.run_blocking(lambda session: session.user)
    failures: list[BaseException] = []
    store.call(lambda session: store.run_blocking(lambda s: s.user), None, failures.append)
    wait_store_idle(qtbot, gui)
    assert len(failures) == 1 and "on the store thread itself" in str(failures[0])
    generation = store.session_generation
    answers: list[object] = []

    def ask() -> None:
        try:
            answers.append(store.run_blocking(lambda s: s.user, generation=generation))
        except SessionClosed as error:
            answers.append(error)

    worker = threading.Thread(target=ask)
    worker.start()
    qtbot.waitUntil(lambda: not worker.is_alive())
    assert answers == [USER]
    with qtbot.waitSignal(gui.clinic.session.locked, timeout=10_000):
        gui.clinic.lock()
    worker = threading.Thread(target=ask)
    worker.start()
    qtbot.waitUntil(lambda: not worker.is_alive())
    assert isinstance(answers[-1], SessionClosed)
    unlock(qtbot, gui)  # a new session: work meant for the old one is still refused
    worker = threading.Thread(target=ask)
    worker.start()
    qtbot.waitUntil(lambda: not worker.is_alive())
    assert isinstance(answers[-1], SessionClosed)
