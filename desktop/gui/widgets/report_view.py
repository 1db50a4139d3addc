"""The report screen: headline, mechanisms, ranked options, alerts, referral, history.

Rebuilt from the view model's :class:`Report` whenever it changes. Clinical sentences
(alert messages and rules, referral reasons) come from the domain and are shown in the
interface language (desktop/gui/clinical_texts.py); sources are shown as published.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.alerts.alert import Alert
from desktop.domain.model_output import Explanation
from desktop.domain.ranking import RankedOption
from desktop.domain.referral import ReferralReason
from desktop.domain.report import Report
from desktop.domain.report_headline import headline_parts
from desktop.domain.report_parts import MechanismCall
from desktop.domain.report_text_history import change_texts, provenance_texts
from desktop.domain.report_text_scores import score_texts
from desktop.gui.clinical_texts import (
    alert_message,
    alert_rule,
    answer_word,
    caution_message,
    headline_line,
    option_reason,
    phrase_text,
    referral_reason,
    show,
    show_line,
)
from desktop.gui.viewmodels.report import ReportViewModel
from desktop.gui.widgets.badges import Badge, severity_icon, severity_text
from desktop.gui.widgets.charts import DriverChart, ProbabilityBar
from desktop.gui.widgets.trajectory_chart import TrajectoryChart

OPTION_TONES = {"ranked": "good", "demoted": "caution", "excluded": "danger"}
OPTIONS_PER_STEP = 4


def _label(text: str, *, name: str = "", selectable: bool = False) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    if name:
        label.setObjectName(name)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class ReportView(QWidget):
    built = Signal()  # every section of the report is on screen

    def __init__(
        self, report: ReportViewModel, *, show_send: bool = True, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.view_model = report
        self._show_send = show_send  # False on the hub expert's screen
        outer = QVBoxLayout(self)
        header = QHBoxLayout()
        self.title = _label(self.tr("Report"), name="screenTitle", selectable=False)
        self.busy = _label("", name="hint", selectable=False)
        header.addWidget(self.title, 1)
        header.addWidget(self.busy)
        outer.addLayout(header)
        self.scroller = QScrollArea()
        self.scroller.setWidgetResizable(True)
        self.scroller.setFrameShape(QFrame.Shape.NoFrame)
        outer.addWidget(self.scroller, 1)
        buttons = QHBoxLayout()
        self.export_button = QPushButton(self.tr("&Export PDF…"))
        self.export_button.setToolTip(self.tr("Save the report as a PDF file (Ctrl+E)"))
        self.print_button = QPushButton(self.tr("&Print…"))
        self.print_button.setToolTip(self.tr("Print the report (Ctrl+P)"))
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.print_button)
        outer.addLayout(buttons)
        self.send_button: QPushButton | None = None
        self.send_reason: QLabel | None = None
        self.option_rows: list[QWidget] = []
        self.alert_rows: list[QWidget] = []
        self._generation = 0
        self._built_generation = -1
        self._steps: list[Callable[[], object]] = []
        self._trash: list[QWidget] = []
        content = QWidget()
        self.column = QVBoxLayout(content)
        self.column.setContentsMargins(12, 8, 12, 12)
        self.column.setSpacing(12)
        self.column.addStretch(1)
        self.scroller.setWidget(content)
        self._step_timer = QTimer(self)
        self._step_timer.setSingleShot(True)
        self._step_timer.setInterval(0)
        self._step_timer.timeout.connect(self._next_step)
        report.report_changed.connect(self.show_report)
        report.assessing_changed.connect(self._assessing)
        report.send_state_changed.connect(self._update_send)
        self.show_report(report.report)

    def add_panel(self, panel: QWidget) -> None:
        """Show ``panel`` between the title and the report (the open case's hub panel)."""
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(1, panel)

    # --- building -------------------------------------------------------------------------

    def show_report(self, report: Report | None) -> None:
        """Start showing ``report``; the sections are built one per event-loop turn, so a
        long report never freezes the window (:attr:`built` says when it is complete)."""
        self._generation += 1
        self.option_rows = []
        self.alert_rows = []
        self.send_button = None
        self.send_reason = None
        has_report = report is not None
        self.export_button.setEnabled(has_report)
        self.print_button.setEnabled(has_report)
        # The previous sections go one per event-loop turn too (deleting a big widget
        # tree at once would stall the window as much as building it).
        for index in range(self.column.count() - 1):
            item = self.column.itemAt(index)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()
                self._trash.append(widget)
        for widget in self._trash:
            self.column.removeWidget(widget)
        if report is None:
            self.title.setText(self.tr("Report"))
            text = self.tr('No report yet. Open a case and choose "Save and assess" (Ctrl+Return).')
            self._steps = [lambda: self._add(_label(text, name="hint"))]
        else:
            self.title.setText(
                self.tr("Report - %1 - assessment %2")
                .replace("%1", report.pseudonym or self.tr("(no pseudonym)"))
                .replace("%2", report.assessment_date.isoformat())
            )
            self._steps = [
                lambda: self._disclaimer(report),
                lambda: self._headline(report),
                lambda: self._mechanisms(report),
                lambda: self._options(report),
                lambda: self._alerts(report.alerts),
                lambda: self._referral(report),
                lambda: self._history(report),
            ]
        self._step_timer.start()

    def _next_step(self) -> None:
        if self._trash:
            self._trash.pop().deleteLater()
        if not self._steps:
            if self._trash:
                self._step_timer.start()
            return
        self._steps.pop(0)()
        if self._steps or self._trash:
            self._step_timer.start()
        if not self._steps and self._built_generation != self._generation:
            self._built_generation = self._generation
            self._update_send()
            self.built.emit()

    @property
    def complete(self) -> bool:
        """Every section of the current report is on screen."""
        return not self._steps

    def _add(self, widget: QWidget) -> None:
        self.column.insertWidget(self.column.count() - 1, widget)

    def _box(self, title: str) -> QVBoxLayout:
        box = QGroupBox(title)
        layout = QVBoxLayout(box)
        self._add(box)
        return layout

    def _disclaimer(self, report: Report) -> None:
        frame = QFrame()
        frame.setObjectName("disclaimer")
        layout = QVBoxLayout(frame)
        layout.addWidget(_label("⚠ " + phrase_text(report.disclaimer)))
        layout.addWidget(_label("⚠ " + phrase_text(report.model_disclaimer)))
        model = report.model.identity if report.model else self.tr("no model loaded")
        layout.addWidget(_label(self.tr("Model: %1").replace("%1", model), name="hint"))
        self._add(frame)

    def _headline(self, report: Report) -> None:
        layout = self._box(self.tr("At a glance"))
        for part in headline_parts(report):
            indented = isinstance(part, Alert | ReferralReason)
            layout.addWidget(_label(headline_line(part), name="" if indented else "headline"))

    def _mechanisms(self, report: Report) -> None:
        layout = self._box(self.tr("Pain mechanism"))
        if not report.mechanisms:
            note = (
                phrase_text(report.model_note) if report.model_note else self.tr("No model loaded.")
            )
            layout.addWidget(_label(note, name="hint"))
            return
        layout.addWidget(
            _label(self.tr("Each mechanism may be present alongside the others."), name="hint")
        )
        grid = QGridLayout()
        threshold = report.settings.mechanism_threshold
        for row, call in enumerate(sorted(report.mechanisms, key=lambda m: -m.probability)):
            grid.addWidget(
                _label(self._mechanism_name(call.mechanism), name="rowTitle"), row * 2, 0
            )
            grid.addWidget(ProbabilityBar(call.probability, threshold=threshold), row * 2, 1)
            grid.addWidget(_label(self._call_text(call)), row * 2, 2)
            grid.addWidget(self._drivers_toggle(call.explanation, grid, row * 2 + 1), row * 2, 3)
        grid.setColumnStretch(1, 2)
        grid.setColumnStretch(2, 3)
        layout.addLayout(grid)
        ood = report.ood
        if ood is not None:
            text = (
                self.tr(
                    "⚠ Unusual case: unlike the cases the model was trained on "
                    "(distance %1, threshold %2)."
                )
                if ood.out_of_distribution
                else self.tr("Input check: within the training data (distance %1, threshold %2).")
            )
            layout.addWidget(
                _label(text.replace("%1", f"{ood.score:.2f}").replace("%2", f"{ood.threshold:.2f}"))
            )

    def _mechanism_name(self, mechanism: str) -> str:
        return {
            "nociceptive": self.tr("Nociceptive"),
            "neuropathic": self.tr("Neuropathic"),
            "nociplastic": self.tr("Nociplastic"),
        }.get(mechanism, mechanism)

    def _call_text(self, call: MechanismCall) -> str:
        separator = self.tr(", ", "list separator")
        answers = "{" + separator.join(answer_word(a) for a in call.prediction_set) + "}"
        verdict = {
            "present": self.tr("likely present"),
            "absent": self.tr("likely absent"),
            "uncertain": self.tr("model cannot decide"),
            "no_answer": self.tr("no answer fits"),
        }[call.call]
        return (
            self.tr("prediction set %1 at %2 coverage: %3")
            .replace("%1", answers)
            .replace("%2", f"{call.coverage:.0%}")
            .replace("%3", verdict)
        )

    def _drivers_toggle(self, explanation: Explanation, grid: QGridLayout, row: int) -> QToolButton:
        chart = DriverChart(explanation)
        chart.hide()
        grid.addWidget(chart, row, 0, 1, 4)
        button = QToolButton()
        button.setText(self.tr("Drivers"))
        button.setCheckable(True)
        button.setToolTip(self.tr("Show what raised or lowered this prediction"))
        button.toggled.connect(chart.setVisible)
        return button

    def _options(self, report: Report) -> None:
        layout = self._box(self.tr("Treatment options"))
        ranking = report.ranking
        layout.addWidget(_label(phrase_text(ranking.note), name="hint"))
        if not ranking.options:
            return
        grid = QGridLayout()
        grid.setColumnStretch(2, 1)
        grid.setColumnStretch(4, 3)
        grid.setColumnMinimumWidth(1, 190)
        layout.addLayout(grid)
        options = list(ranking.options)
        chunks = [
            options[start : start + OPTIONS_PER_STEP]
            for start in range(0, len(options), OPTIONS_PER_STEP)
        ]
        # Rows come in small groups, one group per event-loop turn (see show_report).
        self._steps[0:0] = [
            lambda chunk=chunk: self._option_rows(report, grid, chunk)  # type: ignore[misc]
            for chunk in chunks
        ]

    def _option_rows(self, report: Report, grid: QGridLayout, options: list[RankedOption]) -> None:
        for option in options:
            self._option_row(report, grid, grid.rowCount(), option)

    def _option_row(self, report: Report, grid: QGridLayout, row: int, option: RankedOption) -> int:
        status = {
            "ranked": self.tr("Ranked"),
            "demoted": self.tr("Moved down"),
            "excluded": self.tr("Not recommended"),
        }[option.status]
        grid.addWidget(_label(f"{option.position}.", name="rowTitle"), row, 0)
        grid.addWidget(_label(phrase_text(option.label), name="rowTitle"), row, 1)
        grid.addWidget(ProbabilityBar(option.probability), row, 2)
        badge = Badge(status, OPTION_TONES[option.status])
        self.option_rows.append(badge)
        grid.addWidget(badge, row, 3)
        details = []
        details += [
            self.tr("Why: %1").replace("%1", option_reason(report, reason))
            for reason in option.reasons
        ]
        details += [
            f"⚠ {severity_text(c.severity)}: {caution_message(report, c)}"
            for c in option.cautions
            if c.action == "annotate"
        ]
        if option.side_effects:
            details.append(
                self.tr("Side effects: %1").replace(
                    "%1", "; ".join(phrase_text(effect) for effect in option.side_effects)
                )
            )
        grid.addWidget(_label("\n".join(details), name="detail"), row, 4)
        grid.addWidget(self._drivers_toggle(option.explanation, grid, row + 1), row, 5)
        return row + 2

    def _alerts(self, alerts: tuple[Alert, ...]) -> None:
        layout = self._box(self.tr("Alerts (%n)", "", len(alerts)))
        if not alerts:
            layout.addWidget(_label(self.tr("No alerts."), name="hint"))
        for alert in alerts:
            row = QHBoxLayout()
            icon = QLabel()
            icon.setPixmap(severity_icon(alert.severity).pixmap(20, 20))
            row.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
            tone = {"info": "info", "caution": "caution", "warning": "warning"}.get(
                alert.severity, "danger"
            )
            badge = Badge(severity_text(alert.severity), tone)
            self.alert_rows.append(badge)
            row.addWidget(badge, 0, Qt.AlignmentFlag.AlignTop)
            text = _label(alert_message(alert))
            text.setToolTip(f"{alert.code}\n{alert_rule(alert)}\n{alert.source}")
            row.addWidget(text, 1)
            holder = QWidget()
            holder.setLayout(row)
            layout.addWidget(holder)
            layout.addWidget(
                _label(
                    self.tr("Rule: %1 - Source: %2")
                    .replace("%1", alert_rule(alert))
                    .replace("%2", alert.source),
                    name="detail",
                )
            )

    def _referral(self, report: Report) -> None:
        layout = self._box(self.tr("Referral to the hub"))
        referral = report.referral
        if referral.recommended:
            layout.addWidget(_label(self.tr("Recommended, because:"), name="rowTitle"))
            for reason in referral.reasons:
                layout.addWidget(_label(f"• {referral_reason(reason)}"))
        else:
            layout.addWidget(
                _label(self.tr("Not recommended by the referral rules (you may still refer)."))
            )
        if not self._show_send:
            return
        request = QCheckBox(self.tr("I request a hub review for this case"))
        request.setChecked(report.clinician_requested_referral)
        request.toggled.connect(self._request_review)
        layout.addWidget(request)
        row = QHBoxLayout()
        self.send_button = QPushButton(self.tr("Send to &hub"))
        self.send_button.clicked.connect(self.view_model.send_to_hub)
        self.send_reason = _label("", name="hint")
        row.addWidget(self.send_button)
        row.addWidget(self.send_reason, 1)
        holder = QWidget()
        holder.setLayout(row)
        layout.addWidget(holder)

    def _request_review(self, requested: bool) -> None:
        self.view_model.request_review(requested)

    def _history(self, report: Report) -> None:
        layout = self._box(self.tr("Scores"))
        for text in score_texts(report.derived):
            layout.addWidget(_label(show(text)))
        layout = self._box(self.tr("Pain trajectory"))
        chart = TrajectoryChart()
        chart.set_points(report.trajectory)
        chart.setMinimumHeight(220)
        layout.addWidget(chart)
        layout = self._box(self.tr("Changes since the previous report"))
        for line in change_texts(report.changes):
            layout.addWidget(_label(show_line(line)))
        layout = self._box(self.tr("Provenance"))
        for line in provenance_texts(report):
            layout.addWidget(_label(show_line(line), name="detail"))

    # --- state ----------------------------------------------------------------------------

    def _assessing(self, busy: bool) -> None:
        self.busy.setText(self.tr("Assessing…") if busy else "")

    def _update_send(self) -> None:
        if self.send_button is None or self.send_reason is None:
            return
        reason = self.view_model.send_blocked_reason()
        self.send_button.setEnabled(reason is None)
        if reason is None:  # what goes with the case, and where the case stands
            lines = [self.view_model.referral_text(), self.view_model.hub_state_text()]
            text = "\n".join(line for line in lines if line)
        else:
            text = reason
        self.send_button.setToolTip(text)
        self.send_reason.setText(text)
