"""``painbridge`` alone and ``painbridge demo`` start the GUI; without a display they say so.
Non-GUI test: run_gui is replaced, so Qt is never imported here."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

import desktop.app
from desktop.cli import EXIT_USER_ERROR, main
from desktop.services.demo import DEMO_PASSPHRASE


@pytest.fixture
def started(monkeypatch: pytest.MonkeyPatch) -> list[tuple[Path, dict[str, object]]]:
    calls: list[tuple[Path, dict[str, object]]] = []

    def run_gui(home: Path, **kwargs: object) -> int:
        calls.append((Path(home), kwargs))
        return 0

    monkeypatch.setattr(desktop.app, "run_gui", run_gui)
    return calls


@pytest.fixture
def display(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture
def no_display(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)


def test_no_command_starts_the_application(tmp_path: Path, started, display) -> None:
    qt_before = "PySide6" in sys.modules
    assert main(["--home", str(tmp_path / "home")]) == 0
    assert started == [(tmp_path / "home", {})]
    assert ("PySide6" in sys.modules) == qt_before  # the CLI itself never imports Qt


def test_no_command_without_a_display_says_so(tmp_path: Path, started, no_display, capsys) -> None:
    assert main(["--home", str(tmp_path)]) == EXIT_USER_ERROR
    assert started == []
    assert "no display found" in capsys.readouterr().err


def test_demo_opens_the_application_signed_in_details_filled(
    tmp_path: Path, started, display
) -> None:
    home = tmp_path / "demo"
    assert main(["demo", "--home", str(home)]) == 0
    assert started == [(home, {"demo_user": "demo", "demo_passphrase": DEMO_PASSPHRASE})]


def test_demo_no_gui_lists_the_cases(tmp_path: Path, started, display, capsys) -> None:
    assert main(["demo", "--home", str(tmp_path / "demo"), "--no-gui"]) == 0
    assert started == []
    assert "Demo data only" in capsys.readouterr().out
