"""Status bar (hub state, outbox, work in progress), model panel, inbox; a model that
fails to load is reported and the reports fall back to scores and guideline alerts."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from desktop.services.jobs import CancelToken, JobCancelled, Progress, ProgressCallback
from tests.gui.fake_model import FakeModels
from tests.gui.helpers import unlock

pytestmark = pytest.mark.gui


def test_status_bar_tells_the_truth_about_the_hub_and_the_outbox(qtbot, gui) -> None:
    assert gui.window.status.user.text() == "Locked"
    unlock(qtbot, gui)
    status = gui.window.status
    qtbot.waitUntil(lambda: status.queued.text() == "5 item(s) waiting to send")
    assert status.hub.text() == "● Hub: not configured (working offline)"
    assert status.last_sync.text() == "Last sync: never"
    assert status.hub.toolTip().startswith("No hub address is set")
    gui.window.show_page("inbox")
    assert gui.window.inbox.state.text().startswith("The hub connection is not set up")


def test_long_work_shows_progress_and_can_be_cancelled(qtbot, gui) -> None:
    unlock(qtbot, gui)
    status = gui.window.status

    def slow(token: CancelToken, progress: ProgressCallback) -> None:
        progress(Progress(1, 4, "step"))
        while not token.wait(0.01):  # a real task would work between the checks
            pass
        raise JobCancelled()

    started = gui.shell.jobs.submit("Test work", slow)
    qtbot.waitUntil(lambda: status.progress.isVisible() and status.progress.value() == 25)
    assert status.work.text() == "Test work"
    with qtbot.waitSignal(started.cancelled, timeout=5_000):
        qtbot.mouseClick(status.cancel, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not status.progress.isVisible())


def test_model_panel_shows_the_active_model_and_its_card(qtbot, gui) -> None:
    unlock(qtbot, gui)
    panel = gui.window.model_panel
    qtbot.waitUntil(lambda: panel.version.text() == "Active: painbridge-test 0.0.1")
    assert panel.card.toPlainText().startswith("Model card of the test model")
    assert not panel.rollback_button.isEnabled()
    assert panel.rollback_button.toolTip() == "There is no previous model on this computer."


def test_a_model_that_fails_its_checks_is_reported(qtbot, launch, home: Path) -> None:
    app = launch(home, models=FakeModels(broken=True))
    unlock(qtbot, app)
    assert app.window.banner_text.text() == (
        "Warning: The model could not be loaded, so reports show scores and guideline alerts "
        "only (no mechanism probabilities or ranking). Details: Model bundle 'test' cannot be "
        "used: its signature is invalid"
    )
    panel = app.window.model_panel
    qtbot.waitUntil(lambda: "its signature is invalid" in panel.note.text())
    assert panel.version.text() == "No model loaded"
    with qtbot.waitSignal(app.clinic.editor.opened, timeout=10_000):
        app.clinic.cases.open_row(0)
    with qtbot.waitSignal(
        app.clinic.report.report_changed, timeout=10_000, check_params_cb=lambda r: r is not None
    ):
        app.clinic.save_and_assess()
    report = app.clinic.report.report
    assert report.model is None and report.model_note.startswith("No model loaded")
