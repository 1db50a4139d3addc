"""The report (model output, options, alerts, send to hub, PDF, print) and follow-up."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter

from desktop.domain.report import compose_report
from desktop.domain.settings import ClinicalSettings
from desktop.gui.jobs import JobRunner
from desktop.gui.messages import CrashReporter, MessageBridge
from desktop.gui.store_thread import StoreThread
from desktop.gui.viewmodels.report import ReportViewModel
from desktop.gui.widgets.badges import Badge
from desktop.gui.widgets.charts import DriverChart, ProbabilityBar
from desktop.gui.widgets.dialogs import PdfPathDialog, PrinterDialog
from desktop.gui.widgets.report_view import ReportView
from tests.gui.helpers import unlock
from tests.unit.report_helpers import GENERATED_AT, make_case, make_model_output

pytestmark = pytest.mark.gui


def open_case(qtbot, gui, pseudonym_row: int) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(gui.clinic.editor.opened, timeout=10_000):
        gui.clinic.cases.open_row(pseudonym_row)


def row_of(gui, name: str) -> int:  # type: ignore[no-untyped-def]
    model = gui.clinic.cases.model
    return next(r for r in range(model.rowCount()) if model.index(r, 1).data() == name)


def assess(qtbot, gui) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(
        gui.clinic.report.report_changed, timeout=15_000, check_params_cb=lambda r: r is not None
    ):
        qtbot.keyClick(gui.window, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert gui.window.current_page() == "report"
    qtbot.waitUntil(lambda: gui.window.report.complete)  # sections are built progressively


def test_save_and_assess_shows_the_report_with_the_model(qtbot, gui) -> None:
    unlock(qtbot, gui)
    open_case(qtbot, gui, row_of(gui, "Demo Patient Two"))
    assess(qtbot, gui)
    view = gui.window.report
    report = gui.clinic.report.report
    assert report is not None and report.model is not None
    assert view.title.text().startswith(f"Report - {report.pseudonym} - assessment")
    bars = view.findChildren(ProbabilityBar)
    assert len(bars) >= len(report.mechanisms) + len(report.ranking.options)
    charts = view.findChildren(DriverChart)
    assert charts and all(not chart.isVisible() for chart in charts)
    badges = {b.text() for b in view.findChildren(Badge)}
    assert badges & {"Ranked", "Moved down", "Not recommended"}
    assert {a.severity for a in report.alerts} <= {"info", "caution", "warning", "contraindication"}
    # consent given, but no hub: "Send to hub" says why it is disabled
    assert view.send_button is not None and not view.send_button.isEnabled()
    assert view.send_reason is not None
    assert view.send_reason.text().startswith("The hub connection is not set up")
    assert view.send_button.toolTip() == view.send_reason.text()


def test_send_needs_consent(qtbot, gui) -> None:
    unlock(qtbot, gui)
    open_case(qtbot, gui, row_of(gui, "Demo Patient Four"))  # consent_to_share false
    assess(qtbot, gui)
    reason = gui.window.report.send_reason.text()
    assert reason.startswith("The patient has not consented to sharing.")


def test_export_pdf_and_print(qtbot, gui, tmp_path: Path, monkeypatch) -> None:
    unlock(qtbot, gui)
    open_case(qtbot, gui, 0)
    assess(qtbot, gui)
    target = tmp_path / "report.pdf"
    monkeypatch.setattr(PdfPathDialog, "ask", classmethod(lambda cls, suggested, parent: target))
    with qtbot.waitSignal(gui.clinic.report.exported, timeout=15_000):
        qtbot.keyClick(gui.window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert target.read_bytes().startswith(b"%PDF")
    assert gui.window.banner_text.text() == f"Report saved as {target}"
    printed = tmp_path / "printed.pdf"

    def printer(cls, parent):  # type: ignore[no-untyped-def]
        device = QPrinter(QPrinter.PrinterMode.ScreenResolution)
        device.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        device.setOutputFileName(str(printed))
        return device

    monkeypatch.setattr(PrinterDialog, "ask", classmethod(printer))
    gui.window.report.print_button.click()
    assert printed.read_bytes().startswith(b"%PDF")


def test_excluded_and_demoted_options_show_why(qtbot, tmp_path: Path) -> None:
    case = make_case(
        {"comorbidities": {"egfr": 20}, "assessment": {"nrs": {"worst": 8, "least": 3}}}
    )
    report = compose_report(
        case, ClinicalSettings(), make_model_output(), generated_at=GENERATED_AT
    )
    excluded = report.ranking.shown("excluded")
    assert excluded, "egfr 20 should exclude NSAIDs"
    store = StoreThread()
    jobs = JobRunner()
    try:
        view_model = ReportViewModel(jobs, store, MessageBridge(CrashReporter(tmp_path)))
        view = ReportView(view_model)
        qtbot.addWidget(view)
        with qtbot.waitSignal(view.built, timeout=5_000):
            view_model.present(report, case)
        texts = [b.text() for b in view.option_rows]
        assert texts.count("Not recommended") == len(excluded)
        details = " ".join(label.text() for label in view.findChildren(type(view.title)))
        assert "Why: " in details and excluded[0].reasons[0] in details
        assert view.send_reason is not None and view.send_reason.text()
    finally:
        jobs.shutdown()
        store.shutdown()


def test_follow_up_shows_trajectory_responder_and_reassessment(qtbot, gui) -> None:
    unlock(qtbot, gui)
    open_case(qtbot, gui, row_of(gui, "Demo Patient One"))  # worst 8 at baseline
    assess(qtbot, gui)
    qtbot.keyClick(gui.window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    view = gui.window.follow_up
    assert gui.window.current_page() == "follow_up"
    assert view.responders.text() == "No follow-up with pain scores yet."
    qtbot.mouseClick(view.new_button, Qt.MouseButton.LeftButton)
    assert view.choice.currentText() == "1 - 2026-11-21"
    form = view._form_holder
    worst = next(
        f for f in form.findChildren(object) if getattr(f, "path", "") == "follow_ups[0].nrs.worst"
    )
    with qtbot.waitSignal(gui.clinic.editor.evaluated, timeout=5_000):
        worst.spin.setValue(4)
    assert view.responders.text().startswith(
        "Follow-up 1 (2026-11-21): worst pain 8 → 4 (-50 %): substantial responder"
    )
    assert [p.worst for p in view.chart.points] == [8, 4]
    with qtbot.waitSignal(
        gui.clinic.report.report_changed,
        timeout=15_000,
        check_params_cb=lambda r: r is not None and r.changes is not None,
    ):
        qtbot.mouseClick(view.assess_button, Qt.MouseButton.LeftButton)
    report = gui.clinic.report.report
    assert report is not None and report.changes is not None
    assert report.changes.new_follow_ups == 1
    assert len(report.trajectory) == 2 and report.trajectory[1].responder == "substantial"


def test_the_trajectory_is_drawn_in_time_order_whatever_the_entry_order(qtbot) -> None:
    from datetime import date

    from desktop.domain.trajectory import TrajectoryPoint
    from desktop.gui.widgets.trajectory_chart import TrajectoryChart

    def point(label: str, day: int, worst: int) -> TrajectoryPoint:
        return TrajectoryPoint(
            label=label,
            date=date(2026, 11, 1 + day),
            days_since_baseline=day,
            worst=worst,
            average=None,
            medd_mg_per_day=None,
            medd_note=None,
        )

    chart = TrajectoryChart()
    qtbot.addWidget(chart)
    # follow-up 2 was entered later but happened earlier (day 6 before day 14)
    chart.set_points(
        [point("baseline", 0, 9), point("follow-up 1", 14, 6), point("follow-up 2", 6, 4)]
    )
    assert [p.label for p in chart.points] == ["baseline", "follow-up 2", "follow-up 1"]
    described = chart.accessibleDescription()
    assert described.index("ollow-up 2") < described.index("ollow-up 1")  # read in time order
