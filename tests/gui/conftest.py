"""Fixtures of the GUI tests: real SQLCipher homes, the whole app shell, leak checks.

* ``seeded_home`` (one per module): a store with the synthetic demo cases. Argon2id
  makes set-up cost ~0.4 s, so each test copies the directory instead (``home``).
* ``gui``: the real AppShell on a copied home with a fake idle clock and short timers;
  shut down after the test, which must not have reported a bug.
* ``no_leaks`` (autouse): fails a test that leaves a running QThread, an active thread
  pool, an active QTimer, a Python thread or a top-level widget behind (style habit 8).
"""

from __future__ import annotations

import gc
import shutil
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QThread, QThreadPool, QTimer
from PySide6.QtWidgets import QApplication

from desktop.app import initialise_clinic
from desktop.services.demo import load_demo_cases
from tests.gui.helpers import PASSPHRASE, USER, FakeClock, Gui, make_config, start_gui, stop_gui


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/gui/" in str(item.fspath).replace("\\", "/"):
            # The offscreen platform plugin warns that it cannot do what a real window
            # system does (size hints, raising a popup, grabbing the keyboard for a
            # completer popup): the plugin's limits, not our bugs.
            item.add_marker(
                pytest.mark.qt_log_ignore(
                    r"This plugin does not support (propagateSizeHints|raise|grabbing)"
                )
            )


# --- leak checks -------------------------------------------------------------------------


def _qt_objects(kind: type) -> list[object]:
    return [o for o in gc.get_objects() if isinstance(o, kind) and shiboken6.isValid(o)]


@pytest.fixture(autouse=True)
def no_leaks(qapp: QApplication) -> Iterator[None]:
    threads_before = {t for t in threading.enumerate() if not isinstance(t, threading._DummyThread)}
    yield
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()
    problems = []
    running = [t for t in _qt_objects(QThread) if t.isRunning()]  # type: ignore[attr-defined]
    if running:
        problems.append(f"QThreads still running: {running}")
    pools = [
        p
        for p in _qt_objects(QThreadPool)
        if p.activeThreadCount() and p is not QThreadPool.globalInstance()  # type: ignore[attr-defined]
    ]
    if pools or QThreadPool.globalInstance().activeThreadCount():
        problems.append("a thread pool still has active threads")
    timers = [t for t in _qt_objects(QTimer) if t.isActive()]  # type: ignore[attr-defined]
    if timers:
        problems.append(f"active QTimers: {[t.parent() for t in timers]}")  # type: ignore[attr-defined]
    widgets = QApplication.topLevelWidgets()
    if widgets:
        problems.append(f"top-level widgets left: {[type(w).__name__ for w in widgets]}")
    threads_after = {t for t in threading.enumerate() if not isinstance(t, threading._DummyThread)}
    if threads_after - threads_before:
        problems.append(f"Python threads left: {threads_after - threads_before}")
    for widget in widgets:  # do not let one test's leak fail the next one too
        widget.close()
        widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not problems, "; ".join(problems)


# --- homes -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seeded_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    home = tmp_path_factory.mktemp("seed") / "home"
    with initialise_clinic(home, user=USER, passphrase=PASSPHRASE) as clinic:
        load_demo_cases(clinic.cases)
    return home


@pytest.fixture
def home(seeded_home: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "home"
    shutil.copytree(seeded_home, copy)
    return copy


# --- the application ---------------------------------------------------------------------


@pytest.fixture
def launch(qtbot, tmp_path: Path) -> Iterator[Callable[..., Gui]]:  # type: ignore[no-untyped-def]
    """Start the app on a home; every app started is shut down after the test, even
    when the test fails half-way."""
    started: list[Gui] = []

    def start(home: Path, **overrides: object) -> Gui:
        clock = FakeClock()
        app = start_gui(qtbot, make_config(home, clock, tmp_path, **overrides), home, clock)  # type: ignore[arg-type]
        started.append(app)
        return app

    yield start
    for app in started:
        stop_gui(qtbot, app)


@pytest.fixture
def gui(launch: Callable[..., Gui], home: Path) -> Gui:
    return launch(home)


_EXIT_STATUS: list[int] = []


@pytest.hookimpl(trylast=True)
def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    _EXIT_STATUS.append(int(exitstatus))


@pytest.hookimpl(trylast=True)
def pytest_unconfigure(config: pytest.Config) -> None:
    """End the GUI test process without interpreter finalization.

    Every result has been reported by now. On Python 3.11, PySide6 6.12's objects can be
    garbage-collected during finalization with a refcount error on a bool
    ("Fatal Python error: bool_dealloc", exit 134) after all tests passed; skipping the
    finalization keeps the run's real exit status. See docs/decisions.md D12.
    """
    import os
    import sys

    status = _EXIT_STATUS[0] if _EXIT_STATUS else 0
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(status)
