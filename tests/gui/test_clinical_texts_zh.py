"""Clinical sentences in the Chinese interface: alerts, referral reasons, the PDF text and
the status bar's sync step are Chinese with the case's numbers; citations stay as published."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel

from desktop.domain.derivation import derive_scores
from desktop.domain.not_computable_texts import reason_text
from desktop.domain.report import Report, compose_report
from desktop.domain.report_headline import headline_parts
from desktop.domain.report_text_scores import score_texts
from desktop.domain.scales.immpact import classify_response
from desktop.domain.settings import ClinicalSettings
from desktop.gui.clinical_texts import (
    alert_message,
    headline_line,
    phrase_text,
    referral_reason,
    show,
    show_arg,
    status_message,
)
from desktop.gui.jobs import JobRunner
from desktop.gui.messages import CrashReporter, MessageBridge
from desktop.gui.report_document import report_document
from desktop.gui.store_thread import StoreThread
from desktop.gui.translations import Translations
from desktop.gui.viewmodels.follow_up import responder_line
from desktop.gui.viewmodels.report import ReportViewModel
from desktop.gui.viewmodels.status import StatusViewModel
from desktop.gui.widgets.report_view import ReportView
from desktop.gui.widgets.status_bar import StatusBar
from desktop.gui.widgets.trajectory_chart import TrajectoryChart
from desktop.services.jobs import Progress
from desktop.services.model_texts import BUNDLE_NOTE
from desktop.services.status import NO_MODEL_STATUS
from tests.unit.alert_scenarios import combine, med, meds, nrs
from tests.unit.report_helpers import (
    GENERATED_AT,
    example_case,
    example_model_output,
    make_case,
    make_model_output,
)

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
        "3 条“警告”及以上级别的指南警示涉及非甾体抗炎药、弱阿片类药物、强阿片类药物、"
        "阿片类药物轮换、SNRI（度洛西汀）（见“警示”）。"
    )
    assert "RENAL" not in referral_reason(reason)  # codes stay in the structured field
    assert reason.alerts == ("DULOXETINE_RENAL_HEPATIC", "NSAID_RENAL_AVOID", "OPIOID_RENAL_AVOID")


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
    assert any(t.startswith("• 3 条“警告”及以上级别的指南警示") for t in texts)
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


SCORE_LINES = (
    "NRS（过去 24 小时）：最重 9 重度、最轻 1 轻度、平均 8 重度、当前 1 轻度（NCCN 分级）",
    "BPI 疼痛严重程度：4.8/10（最重、最轻、平均、当前的平均值）",
    "BPI 疼痛干扰：无法计算（BPI 疼痛干扰需至少回答 7 项中的 4 项，已回答 0 项）",
    "镇痛级别 / PMI：镇痛级别 3（强阿片类药物：morphine）；疼痛级别 3（重度，NCCN）；PMI 0",
    "肌酐清除率：无法计算（Cockcroft-Gault 公式需要年龄、性别（女或男）、体重和血清肌酐）",
    "CYP2C9：正常代谢型",
)
HEADLINE = (
    "疼痛：最重 9/10，平均 8/10（基线，过去 24 小时）",
    "不推荐：非甾体抗炎药；SNRI（度洛西汀）",
    "紧急警示：3 条",
    "转诊至中心：是",
)


def test_scores_and_at_a_glance_read_in_chinese_with_the_case_numbers(chinese) -> None:  # type: ignore[no-untyped-def]
    report = _report()
    scores = [show(text) for text in score_texts(report.derived)]
    assert set(SCORE_LINES) <= set(scores)
    assert scores[6].startswith("MEDD：吗啡当量 60 mg/日（CDC2022；")
    headline = [headline_line(part) for part in headline_parts(report)]
    assert set(HEADLINE) <= set(headline)
    assert headline[2].startswith(
        "首选方案：1. 对乙酰氨基酚 57%；2. 弱阿片类药物（codeine、tramadol）"
    )
    assert headline[0].startswith("疼痛机制：伤害感受性：不太可能（20%，在 90% 覆盖率下为不存在）")
    assert "[禁忌] Morphine，估算肾小球滤过率 (eGFR) 22（低于 30）" in headline[7]
    assert phrase_text(report.disclaimer).startswith("本报告为决策支持，并非诊断。")
    assert phrase_text(report.model_disclaimer).startswith("内置模型基于【合成】队列训练")
    assert phrase_text("a sentence nobody registered") == "a sentence nobody registered"


def test_the_report_page_and_pdf_show_chinese_scores_headline_and_options(  # type: ignore[no-untyped-def]
    qtbot, chinese, runtime, tmp_path: Path
) -> None:
    report = _report()
    store, jobs = runtime
    view_model = ReportViewModel(jobs, store, MessageBridge(CrashReporter(tmp_path)))
    view = ReportView(view_model)
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.built, timeout=5_000):
        view_model.present(report, make_case())
    texts = [label.text() for label in view.findChildren(QLabel)]
    assert set(SCORE_LINES) <= set(texts)
    assert set(HEADLINE) <= set(texts)
    assert "⚠ 本报告为决策支持，并非诊断。" in "\n".join(texts)
    assert "对乙酰氨基酚" in texts  # an option's label
    assert any(t.startswith("按开始治疗后疼痛减轻至少 30% 的预测概率排序") for t in texts)
    assert any("副作用：便秘（持续存在：需给予通便药）" in t for t in texts)
    document = report_document(report).toPlainText()
    for line in (*SCORE_LINES, *HEADLINE):
        assert line in document
    assert "本报告为决策支持，并非诊断。" in document
    assert "Decision support" not in document


def _follow_up_report() -> Report:
    """The example case, then its follow-up under other settings: every history section."""
    first = compose_report(
        example_case(False),
        ClinicalSettings(),
        example_model_output(False),
        generated_at=GENERATED_AT,
    )
    return compose_report(
        example_case(True),
        ClinicalSettings(tca_avoid_age=70),
        example_model_output(True),
        generated_at=GENERATED_AT,
        previous=first,
    )


CHANGES = (
    "新增随访：1 次",
    "MEDD mg/日：60 -> 40",
    "神经病理性机制：74% -> 70%",
    "设置：painbridge.clinical-settings/1；除 tca_avoid_age=70 外均为默认值",
    "报告格式：painbridge.report/1",
)


def test_changes_provenance_mechanisms_and_options_read_in_chinese(  # type: ignore[no-untyped-def]
    qtbot, chinese, runtime, tmp_path: Path
) -> None:
    report = _follow_up_report()
    store, jobs = runtime
    view_model = ReportViewModel(jobs, store, MessageBridge(CrashReporter(tmp_path)))
    view = ReportView(view_model)
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.built, timeout=5_000):
        view_model.present(report, example_case(True))
    texts = [label.text() for label in view.findChildren(QLabel)]
    assert set(CHANGES) <= set(texts)
    resolved = next(t for t in texts if t.startswith("已解除警示 TCA_OLDER_ADULT："))
    assert "患者 68 岁，使用三环类抗抑郁药" in resolved  # the previous report's alert
    assert any(
        t.startswith("已变更警示 [注意] OPIOID_GABAPENTINOID：Morphine与pregabalin") for t in texts
    )
    assert "预测集 {存在、不存在}（覆盖率 90%）：模型无法判断" in texts  # the page's mechanism row
    document = report_document(report).toPlainText()
    for line in (
        *CHANGES,
        "- 神经病理性：70%；在 90% 覆盖率下预测集为 {存在} -> 存在",
        "输入检查：在训练数据范围内（距离 2.40，阈值 4.10）",
        "1. 强阿片类药物（morphine、oxycodone、hydromorphone、fentanyl）："
        "疼痛减轻 >= 30% 的概率 66%（模型排名 1）",
        "- 第 1 次随访（2026-12-04）：最重 5，平均 3；MEDD 40 mg/日；开始强阿片类药物；"
        "依从性：完全；不良事件：dizziness；IMMPACT：中度缓解",
    ):
        assert line in document
    assert (
        "驱动因素（logit）：+0.92 DN4-interview total = 3" in document
    )  # feature names as published
    assert "原因：TCA_CARDIAC：三环类抗抑郁药合并QTc 452 ms" in document
    for english in ("Previous report", "chance of", "coverage ->", "Provenance", "drivers ("):
        assert english not in document


def test_follow_up_responder_status_and_chart_read_in_chinese(chinese) -> None:  # type: ignore[no-untyped-def]
    derived = derive_scores(example_case(True), ClinicalSettings())
    assert responder_line(derived.follow_ups[0]) == (
        "第 1 次随访（2026-12-04）：最重疼痛 8 → 5（-38 %）：中度缓解（疼痛减轻 ≥ 30%）（IMMPACT）"
    )
    low = classify_response(3, 2)
    assert low.reason is not None and show_arg(reason_text(low.reason)) == (
        "基线低于 4：应答分级要求基线至少为中度疼痛"
    )
    chart = TrajectoryChart()
    chart.set_points(_follow_up_report().trajectory)
    assert chart.accessibleDescription() == "基线：最重 8，平均 6；第 1 次随访：最重 5，平均 3"
    chart.deleteLater()


def test_model_steps_and_notes_read_in_chinese(chinese) -> None:  # type: ignore[no-untyped-def]
    assert status_message("downloading model 1.2.0") == "正在下载模型 1.2.0"
    assert status_message("checking the hub's model list") == "正在检查中心的模型列表"
    assert status_message("Model list verified 2026-11-21 09:30 UTC.") == (
        "模型列表已于 2026-11-21 09:30 UTC 验证。"
    )
    assert status_message(f"{BUNDLE_NOTE.phrase}\nbundle file damaged") == (
        "基于合成队列训练；未经临床验证。\nbundle file damaged"
    )
    assert status_message(NO_MODEL_STATUS.note).startswith("未加载模型")
