"""Helpers of the GUI tests: the app on a home, signing in, waiting for the store."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop.app import ClinicOpener
from desktop.gui.application import apply_style
from desktop.gui.config import GuiConfig
from desktop.gui.shell import AppShell
from desktop.gui.viewmodels.session import SessionState
from desktop.services.preferences import CurrentPreferences, PreferencesFile
from tests.gui.fake_model import FakeModels

USER = "clinician"
PASSPHRASE = "a test passphrase only"
TODAY = date(2026, 11, 21)


# --- the application ---------------------------------------------------------------------


@dataclass
class FakeClock:
    """Monotonic seconds that only move when a test says so."""

    now: float = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@dataclass
class Gui:
    shell: AppShell
    clock: FakeClock
    home: Path

    @property
    def window(self):  # type: ignore[no-untyped-def]
        return self.shell.window

    @property
    def clinic(self):  # type: ignore[no-untyped-def]
        return self.shell.clinic


def make_config(
    home: Path,
    clock: FakeClock,
    tmp_path: Path,
    *,
    models: FakeModels | None = None,
    **overrides: object,
) -> GuiConfig:
    preferences = CurrentPreferences(PreferencesFile(home))
    opener = ClinicOpener(home, preferences.clinical_settings, models or FakeModels())  # type: ignore[arg-type]
    values: dict[str, object] = {
        "opener": opener,
        "preferences": preferences,
        "home": home,
        "crash_directory": tmp_path / "crash",
        "idle_clock": clock,
        "today": lambda: TODAY,
        "idle_check_interval_ms": 20,
        "status_poll_interval_ms": 60_000,
        "autosave_delay_ms": 50,
        "search_delay_ms": 30,
        "page_size": 50,
    }
    values.update(overrides)
    return GuiConfig(**values)  # type: ignore[arg-type]


def start_gui(qtbot, config: GuiConfig, home: Path, clock: FakeClock) -> Gui:  # type: ignore[no-untyped-def]
    apply_style(QApplication.instance())  # type: ignore[arg-type]
    shell = AppShell(config)
    window = shell.show()
    qtbot.addWidget(window)
    qtbot.waitExposed(window)
    return Gui(shell, clock, home)


def stop_gui(qtbot, app: Gui) -> None:  # type: ignore[no-untyped-def]
    if app.shell.stopped:
        return
    bugs = list(app.shell.messages.bugs)
    app.shell.shutdown()
    assert not bugs, f"bugs reported during the test: {bugs!r}"


def unlock(qtbot, app: Gui, user: str = USER, passphrase: str = PASSPHRASE) -> None:  # type: ignore[no-untyped-def]
    """Sign in through the sign-in screen and wait for the first page of cases."""
    view = app.window.unlock
    view.user.setText(user)
    view.passphrase.setText(passphrase)
    model = app.clinic.cases.model
    with qtbot.waitSignal(model.page_loaded, timeout=10_000):
        qtbot.mouseClick(view.button, Qt.MouseButton.LeftButton)
    assert app.clinic.session.state is SessionState.UNLOCKED


def wait_store_idle(qtbot, app: Gui) -> None:  # type: ignore[no-untyped-def]
    """Wait until the store thread has answered every request."""
    qtbot.waitUntil(lambda: app.shell.store.pending == 0, timeout=10_000)
