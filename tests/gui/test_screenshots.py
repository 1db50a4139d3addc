"""Every main screen rendered to PNG in docs/screenshots/ (what reviewers look at).

The shots use the synthetic demo cases and the test model of tests/gui/fake_model.py,
so they show every part of the screens without depending on the shipped bundle.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QGroupBox, QToolButton, QWidget

from desktop.gui.widgets.settings_dialog import SettingsDialog
from tests.gui.helpers import unlock

pytestmark = pytest.mark.gui
ROOT = Path(__file__).resolve().parents[2]
SHOTS = ROOT / "docs" / "screenshots"
SIZE = (1280, 820)


def shoot(widget: QWidget, name: str) -> Path:
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / f"{name}.png"
    assert widget.grab().save(str(path), "PNG")
    assert path.stat().st_size > 10_000
    return path


def row_of(app, name: str) -> int:  # type: ignore[no-untyped-def]
    model = app.clinic.cases.model
    return next(r for r in range(model.rowCount()) if model.index(r, 1).data() == name)


def test_render_every_main_screen(qtbot, launch, home: Path) -> None:
    app = launch(home)
    window = app.window
    window.resize(*SIZE)
    shoot(window, "01-sign-in")
    unlock(qtbot, app)
    window.case_list.table.selectRow(1)
    shoot(window, "02-case-list")

    with qtbot.waitSignal(app.clinic.editor.opened, timeout=10_000):
        app.clinic.cases.open_row(row_of(app, "Demo Patient Five"))
    editor = window.editor
    for index, name in enumerate(
        ("03-editor-patient", "04-editor-pain", "05-editor-screening", "06-editor-medications")
    ):
        editor.tabs.setCurrentIndex(index)
        shoot(window, name)
    pain = editor.pain
    least = next(
        f for f in pain.findChildren(QWidget) if getattr(f, "path", "") == "assessment.nrs.least"
    )
    with qtbot.waitSignal(app.clinic.editor.evaluated, timeout=5_000):
        least.spin.setValue(10)
    editor.tabs.setCurrentWidget(pain)
    shoot(window, "07-editor-inline-validation")
    with qtbot.waitSignal(app.clinic.editor.evaluated, timeout=5_000):
        least.spin.setValue(6)

    with qtbot.waitSignal(
        app.clinic.report.report_changed, timeout=15_000, check_params_cb=lambda r: r is not None
    ):
        app.clinic.save_and_assess()
    qtbot.waitUntil(lambda: window.report.complete)
    shoot(window, "08-report")
    report = window.report
    options = next(b for b in report.findChildren(QGroupBox) if b.title() == "Treatment options")
    buttons = [b for b in options.findChildren(QToolButton) if b.text() == "Drivers"]
    buttons[0].setChecked(True)
    report.scroller.ensureWidgetVisible(options, 0, 0)
    report.scroller.verticalScrollBar().setValue(options.y() - 10)
    shoot(window, "09-report-options")
    alerts = next(b for b in report.findChildren(QGroupBox) if b.title().startswith("Alerts"))
    report.scroller.verticalScrollBar().setValue(alerts.y() - 10)
    shoot(window, "10-report-alerts-referral")

    window.show_page("follow_up")
    shoot(window, "11-follow-up")
    window.show_page("model")
    qtbot.waitUntil(lambda: window.model_panel.version.text().startswith("Active"))
    shoot(window, "12-model")
    window.show_page("inbox")
    shoot(window, "13-inbox")

    dialog = SettingsDialog(app.clinic.preferences, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    shoot(dialog, "14-settings")
    dialog.close()

    if QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese):
        with qtbot.waitSignal(app.clinic.preferences.language_changed, timeout=5_000):
            app.clinic.preferences.update(language="zh_CN")
        qtbot.waitUntil(lambda: window.root.isVisible() and window.status.isVisible())
        window.show_page("case")
        window.editor.tabs.setCurrentIndex(1)
        shoot(window, "15-editor-pain-zh_CN")
        window.show_page("cases")
        shoot(window, "16-case-list-zh_CN")
        shoot_follow_up_and_changes_in_chinese(qtbot, app)
        with qtbot.waitSignal(app.clinic.preferences.language_changed, timeout=5_000):
            app.clinic.preferences.update(language="en")


def shoot_follow_up_and_changes_in_chinese(qtbot, app) -> None:  # type: ignore[no-untyped-def]
    """A follow-up with a lower worst pain, then the re-assessed report's history."""
    window = app.window
    window.show_page("follow_up")
    follow_up = window.follow_up
    index = follow_up.view_model.new_follow_up()
    worst = next(
        f
        for f in follow_up._form_holder.findChildren(QWidget)
        if getattr(f, "path", "") == f"follow_ups[{index}].nrs.worst"
    )
    with qtbot.waitSignal(app.clinic.editor.evaluated, timeout=5_000):
        worst.spin.setValue(4)
    shoot(window, "22-follow-up-zh_CN")
    with qtbot.waitSignal(
        app.clinic.report.report_changed,
        timeout=15_000,
        check_params_cb=lambda r: r is not None and r.changes is not None,
    ):
        app.clinic.save_and_assess()
    qtbot.waitUntil(lambda: window.report.complete)
    report = window.report
    changes = next(
        b for b in report.findChildren(QGroupBox) if b.title() == "与上一份报告相比的变化"
    )
    report.scroller.verticalScrollBar().setValue(changes.y() - 200)
    shoot(window, "23-report-changes-zh_CN")


SCALED = textwrap.dedent(
    """
    import sys
    sys.path.insert(0, {root!r})
    from pathlib import Path
    from PySide6.QtWidgets import QApplication
    from tests.gui.helpers import FakeClock, make_config, PASSPHRASE, USER
    from desktop.gui.application import apply_style
    from desktop.gui.shell import AppShell

    app = QApplication([])
    apply_style(app)
    home = Path({home!r})
    shell = AppShell(make_config(home, FakeClock(), home.parent))
    window = shell.show()
    window.resize(1280, 820)
    clinic = shell.clinic
    def shown(page):
        if page != "case":
            return
        window.editor.tabs.setCurrentIndex(1)
        window.grab().save({target!r}, "PNG")
        shell.shutdown()
        app.quit()
    clinic.page_requested.connect(shown)
    clinic.cases.model.page_loaded.connect(lambda: clinic.cases.open_row(0))
    clinic.session.unlock(USER, PASSPHRASE)
    app.exec()
    """
)


def test_render_at_150_percent_scaling(home: Path) -> None:
    """QT_SCALE_FACTOR must be set before Qt starts: a child process renders the editor."""
    target = SHOTS / "17-editor-pain-150-percent.png"
    SHOTS.mkdir(parents=True, exist_ok=True)
    script = SCALED.format(root=str(ROOT), home=str(home), target=str(target))
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QT_SCALE_FACTOR": "1.5"}
    subprocess.run([sys.executable, "-c", script], env=env, check=True, timeout=60)
    assert target.stat().st_size > 10_000


def test_render_hub_review(qtbot, launch, home: Path) -> None:
    from desktop.domain.settings import ClinicalSettings
    from desktop.services.hub_review import HubReviewService
    from tests.gui.test_hub_review import NOW, FakeHub

    app = launch(home, hub_review=HubReviewService(FakeHub(), ClinicalSettings, clock=lambda: NOW))
    app.window.resize(*SIZE)
    unlock(qtbot, app)
    review = app.clinic.hub_review
    app.window.show_page("hub_review")
    qtbot.waitUntil(lambda: review.queue.rowCount() == 3 and not review.busy)
    view = app.window.hub_review
    view.table.selectRow(0)
    with qtbot.waitSignal(review.case_opened, timeout=10_000):
        view.open_button.click()
    qtbot.waitUntil(lambda: view.report_view.complete)
    view.mechanisms["neuropathic"].setCurrentIndex(1)
    view.regimen["gabapentinoid"].setChecked(True)
    view.summary.setPlainText("Start pregabalin 75 mg at night; review in two weeks.")
    view.follow_up.setValue(14)
    shoot(app.window, "18-hub-review")


def test_render_inbox_and_filtered_case_list(
    qtbot, launch, seeded_home: Path, tmp_path: Path
) -> None:
    """Enrolled, with what the hub sent: the inbox with a message open, the case list
    filtered to the answered cases (badges, Hub column), and the case's hub panel."""
    from tests.gui.inbox_helpers import prepare_enrolled_home

    ids = prepare_enrolled_home(seeded_home, tmp_path / "enrolled", messages=True)
    app = launch(tmp_path / "enrolled")
    window = app.window
    window.resize(*SIZE)
    unlock(qtbot, app)
    inbox = app.clinic.inbox
    qtbot.waitUntil(lambda: inbox.model.rowCount() == 3)
    window.show_page("inbox")
    row = next(r for r in range(3) if inbox.model.message_at(r).kind == "recommendation")
    window.inbox.items.setCurrentIndex(inbox.model.index(row))
    with qtbot.waitSignal(inbox.message_opened, timeout=10_000):
        inbox.open_row(row)
    details = window.inbox.details
    qtbot.waitUntil(lambda: details.height() >= details.sizeHint().height() > 100)
    shoot(window, "19-inbox-message")

    model = app.clinic.cases.model
    window.show_page("cases")
    with qtbot.waitSignal(model.page_loaded, timeout=10_000):
        window.case_list.filter.setCurrentIndex(3)  # Answered by the hub
    window.case_list.table.selectRow(0)
    count = window.case_list.count
    qtbot.waitUntil(lambda: count.width() >= count.sizeHint().width())
    shoot(window, "20-case-list-filtered")

    with qtbot.waitSignal(app.clinic.editor.opened, timeout=10_000):
        app.clinic.open_case(ids["Demo Patient One"])
    panel = window.case_hub
    qtbot.waitUntil(lambda: panel.view_model.result is not None)
    window.show_page("report")
    qtbot.waitUntil(lambda: window.report.complete and panel.scroller.height() > 200)
    shoot(window, "21-report-hub-panel")
