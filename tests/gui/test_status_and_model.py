"""Status bar (hub state, outbox, work in progress), model panel, inbox; a model that
fails to load is reported and the reports fall back to scores and guideline alerts; model
updates from a real hub are checked, installed (the next report uses them) and rolled
back from the model panel."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from desktop.gui.widgets.model_panel import RollbackConfirmation
from desktop.services.jobs import CancelToken, JobCancelled, Progress, ProgressCallback
from desktop.services.model_release import ModelReleaseStatus
from desktop.services.models import ModelService
from tests.gui.fake_model import FakeModels
from tests.gui.helpers import PASSPHRASE, USER, unlock
from tests.hub_fixtures import LocalHub, enroll_home

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


# --- model updates from a real hub -------------------------------------------------------


@pytest.fixture
def hub(tmp_path: Path) -> Iterator[LocalHub]:
    running = LocalHub(tmp_path / "hub")
    yield running
    running.stop()


def click(qtbot, button) -> None:  # type: ignore[no-untyped-def]
    assert button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_a_hub_model_update_is_installed_used_and_rolled_back(
    qtbot, hub: LocalHub, launch, home: Path, tmp_path: Path
) -> None:
    enroll_home(home, hub, user=USER, passphrase=PASSPHRASE)
    app = launch(home, models=ModelService())  # the real runtime with the shipped bundle
    unlock(qtbot, app)
    app.window.show_page("model")
    panel, updates = app.window.model_panel, app.clinic.model_updates
    qtbot.waitUntil(lambda: panel.check_button.isEnabled(), timeout=20_000)
    shipped = panel.version.text()
    assert panel.update_text.text().startswith("No update available (last check: ")
    assert not panel.update_button.isEnabled() and not panel.rollback_button.isEnabled()
    hub.publish(tmp_path, "0.2.0")
    with qtbot.waitSignal(updates.busy_changed, timeout=20_000, check_params_cb=lambda b: not b):
        click(qtbot, panel.check_button)
    assert panel.update_text.text() == "Update available: 0.2.0"
    assert app.window.banner_text.text() == (
        "Model 0.2.0 is available from the hub: use Update now to install it."
    )
    steps: list[Progress] = []
    app.shell.jobs.job_progressed.connect(lambda _job, progress: steps.append(progress))
    with qtbot.waitSignal(updates.busy_changed, timeout=60_000, check_params_cb=lambda b: not b):
        click(qtbot, panel.update_button)
    qtbot.waitUntil(lambda: panel.version.text().endswith(" 0.2.0"))
    assert app.window.banner_text.text() == (
        "Model 0.2.0 is installed and in use: the next report uses it."
    )
    assert any(s.message == "downloading model 0.2.0" and s.total for s in steps)
    assert panel.card.toPlainText()  # the card of the new bundle
    # the next report is made with the new model
    model = app.clinic.cases.model
    qtbot.waitUntil(lambda: model.case_id_at(0) is not None)  # reloaded after a round
    with qtbot.waitSignal(app.clinic.editor.opened, timeout=10_000):
        app.clinic.cases.open_row(0)
    with qtbot.waitSignal(
        app.clinic.report.report_changed, timeout=20_000, check_params_cb=lambda r: r is not None
    ):
        app.clinic.save_and_assess()
    report = app.clinic.report.report
    assert report.model is not None and report.model.version == "0.2.0"
    assert model.rowCount() == 5
    # the shipped bundle is not a hub release: the first update has nothing to roll back to
    app.window.show_page("model")
    assert not panel.rollback_button.isEnabled()
    hub.publish(tmp_path, "0.3.0")
    with qtbot.waitSignal(updates.busy_changed, timeout=20_000, check_params_cb=lambda b: not b):
        click(qtbot, panel.check_button)
    with qtbot.waitSignal(updates.busy_changed, timeout=60_000, check_params_cb=lambda b: not b):
        click(qtbot, panel.update_button)
    qtbot.waitUntil(lambda: panel.version.text().endswith(" 0.3.0"))
    # roll back, after saying yes (and nothing happens after no)
    qtbot.waitUntil(lambda: panel.rollback_button.isEnabled())
    assert panel.rollback_button.toolTip() == "Use model 0.2.0 again."
    asked: list[tuple[str, str]] = []

    def answer(yes: bool):  # type: ignore[no-untyped-def]
        def ask(cls, active: str, previous: str, parent=None) -> bool:  # type: ignore[no-untyped-def]
            asked.append((active, previous))
            return yes

        return classmethod(ask)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(RollbackConfirmation, "ask", answer(False))
        click(qtbot, panel.rollback_button)
        assert panel.version.text().endswith(" 0.3.0") and not updates.busy
        patch.setattr(RollbackConfirmation, "ask", answer(True))
        with qtbot.waitSignal(
            updates.busy_changed, timeout=20_000, check_params_cb=lambda b: not b
        ):
            click(qtbot, panel.rollback_button)
    assert asked == [("0.3.0", "0.2.0")] * 2
    qtbot.waitUntil(lambda: panel.version.text().endswith(" 0.2.0"))
    assert panel.version.text() != shipped
    assert app.window.banner_text.text() == "Model 0.2.0 is in use again: the next report uses it."
    qtbot.waitUntil(lambda: panel.update_text.text() == "Update available: 0.3.0")  # offered again


def test_the_panel_says_when_the_model_list_is_overdue(qtbot, gui) -> None:
    unlock(qtbot, gui)
    panel = gui.window.model_panel
    verified = datetime(2026, 11, 1, 12, 0, tzinfo=UTC)
    panel.show_release(
        ModelReleaseStatus(
            installed="0.2.0",
            previous=None,
            available=None,
            last_verified=verified,
            overdue_days=3.5,
            channel="stable",
        )
    )
    assert not panel.overdue.isHidden()
    assert panel.overdue.text() == (
        "Overdue: the hub's last verified model list expired 3 day(s) ago (last verified "
        f"{verified.astimezone():%Y-%m-%d %H:%M}). The model in use stays until the hub can "
        "be checked again."
    )
