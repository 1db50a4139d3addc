"""Clinical sentences in the Chinese interface: alerts, referral reasons, the PDF text and
the status bar's sync step are Chinese with the case's numbers; citations stay as published."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel

from desktop.domain.report import Report, compose_report
from desktop.domain.settings import ClinicalSettings
from desktop.gui.clinical_texts import alert_message, referral_reason, status_message
from desktop.gui.jobs import JobRunner
from desktop.gui.messages import CrashReporter, MessageBridge
from desktop.gui.report_document import report_document
from desktop.gui.store_thread import StoreThread
from desktop.gui.translations import Translations
from desktop.gui.viewmodels.report import ReportViewModel
from desktop.gui.viewmodels.status import StatusViewModel
from desktop.gui.widgets.report_view import ReportView
from desktop.gui.widgets.status_bar import StatusBar
from desktop.services.jobs import Progress
from tests.unit.alert_scenarios import combine, med, meds, nrs
from tests.unit.report_helpers import GENERATED_AT, make_case, make_model_output

pytestmark = pytest.mark.gui


@pytest.fixture
def chinese(qapp) -> Iterator[Translations]:  # type: ignore[no-untyped-def]
    translations = Translations()
    assert translations.switch("zh_CN")
    yield translations
    translations.switch("en")


@pytest.fixture
def runtime() -> Iterator[tuple[StoreThread, JobRunner]]:
    store, jobs = StoreThread(), JobRunner()
    yield store, jobs
    jobs.shutdown()
    store.shutdown()


def _report() -> Report:
    """Renal failure on morphine with a negative PMI: renal, PMI and referral texts."""
    case = make_case(
        combine(
            {"comorbidities": {"egfr": 22}},
            meds(med("morphine", 60), med("senna", 15)),
            nrs(9),
        )
    )
    return compose_report(case, ClinicalSettings(), make_model_output(), generated_at=GENERATED_AT)


def test_alerts_and_referral_reasons_read_in_chinese_with_the_numbers(chinese) -> None:  # type: ignore[no-untyped-def]
    report = _report()
    renal = next(a for a in report.alerts if a.code == "OPIOID_RENAL_AVOID")
    assert renal.message.startswith("Morphine with eGFR 22 (below 30)")
    shown = alert_message(renal)
    assert shown.startswith("Morphine，估算肾小球滤过率 (eGFR) 22（低于 30）：代谢物蓄积")
    assert "fentanyl" in shown  # drug names stay as written
    reason = next(r for r in report.referral.reasons if r.code == "REFER_GUIDELINE_CONFLICT")
    assert referral_reason(reason) == (
        "“警告”及以上级别的指南警示：DULOXETINE_RENAL_HEPATIC、NSAID_RENAL_AVOID、"
        "OPIOID_RENAL_AVOID。"
    )


def test_the_report_page_and_pdf_show_chinese_alerts_and_english_citations(  # type: ignore[no-untyped-def]
    qtbot, chinese, runtime, tmp_path: Path
) -> None:
    report = _report()
    renal = next(a for a in report.alerts if a.code == "OPIOID_RENAL_AVOID")
    store, jobs = runtime
    view_model = ReportViewModel(jobs, store, MessageBridge(CrashReporter(tmp_path)))
    view = ReportView(view_model)
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.built, timeout=5_000):
        view_model.present(report, make_case())
    texts = [label.text() for label in view.findChildren(QLabel)]
    assert alert_message(renal) in texts
    rule = next(t for t in texts if t.startswith("规则：CrCl 或 eGFR < 30"))
    assert renal.source in rule  # the citation as published
    assert any(t.startswith("• “警告”及以上级别的指南警示") for t in texts)
    document = report_document(report).toPlainText()
    assert alert_message(renal) in document
    assert "规则：CrCl 或 eGFR < 30" in document
    assert f"来源：{renal.source}" in document
    assert "警示" in document and "Alerts" not in document.splitlines()


def test_the_status_bar_shows_the_sync_step_in_chinese(qtbot, chinese, runtime) -> None:  # type: ignore[no-untyped-def]
    store, jobs = runtime
    status = StatusViewModel(store, jobs)
    bar = StatusBar(status)
    qtbot.addWidget(bar)
    status.set_sync_progress(Progress(0, None, "receiving answers"))
    qtbot.waitUntil(lambda: bar.work.text() == "中心同步：正在接收答复")
    status.set_sync_progress(Progress(3, None, "3 sent"))
    qtbot.waitUntil(lambda: bar.work.text() == "中心同步：已发送 3 个")
    status.set_sync_progress(None)
    qtbot.waitUntil(lambda: bar.work.isHidden())
    assert status_message("Not synced yet.") == "尚未同步。"
    assert status_message("an error the hub sent") == "an error the hub sent"


def test_the_english_interface_shows_the_stored_english(qapp) -> None:  # type: ignore[no-untyped-def]
    report = _report()
    assert [alert_message(a) for a in report.alerts] == [a.message for a in report.alerts]
    reasons = report.referral.reasons
    assert [referral_reason(r) for r in reasons] == [r.reason for r in reasons]
