"""The follow-up screen: trajectory chart, responder status, and the follow-up form."""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.gui import vocabulary_labels as words
from desktop.gui.viewmodels.follow_up import LIST_PATH, FollowUpViewModel
from desktop.gui.widgets.editor.form import ScrollPage, hint, section
from desktop.gui.widgets.fields import ChoiceField, DateField, ListTextField, NotesField, ScaleField
from desktop.gui.widgets.trajectory_chart import TrajectoryChart
from desktop.services.case_forms import FormEvaluation


class FollowUpView(QWidget):
    def __init__(self, follow_up: FollowUpViewModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view_model = follow_up
        editor = follow_up.editor
        layout = QVBoxLayout(self)
        self.title = QLabel(self.tr("Follow-up"))
        self.title.setObjectName("screenTitle")
        layout.addWidget(self.title)

        top = QHBoxLayout()
        chart_box = QGroupBox(self.tr("Pain trajectory"))
        chart_layout = QVBoxLayout(chart_box)
        self.chart = TrajectoryChart()
        chart_layout.addWidget(self.chart)
        top.addWidget(chart_box, 3)
        status_box = QGroupBox(self.tr("Responder status"))
        box_layout = QVBoxLayout(status_box)
        # One line per follow-up: in a scroll area, so many follow-ups never clip the box.
        scroller = QScrollArea()
        scroller.setWidgetResizable(True)
        scroller.setFrameShape(QFrame.Shape.NoFrame)
        content = QWidget()
        status_layout = QVBoxLayout(content)
        self.responders = QLabel()
        self.responders.setWordWrap(True)
        self.responders.setObjectName("detail")
        self.responders.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        status_layout.addWidget(self.responders)
        status_layout.addWidget(
            hint(
                self.tr(
                    "IMMPACT: at least 30 % less pain is a moderate, at least 50 % a "
                    "substantial improvement, compared with the baseline assessment."
                )
            )
        )
        status_layout.addStretch(1)
        scroller.setWidget(content)
        box_layout.addWidget(scroller)
        top.addWidget(status_box, 2)
        layout.addLayout(top, 2)

        chooser = QHBoxLayout()
        chooser.addWidget(QLabel(self.tr("Follow-up:")))
        self.choice = QComboBox()
        self.choice.setMinimumWidth(220)
        self.choice.currentIndexChanged.connect(follow_up.select)
        chooser.addWidget(self.choice)
        self.new_button = QPushButton(self.tr("&New follow-up"))
        self.new_button.clicked.connect(follow_up.new_follow_up)
        chooser.addWidget(self.new_button)
        self.remove_button = QPushButton(self.tr("Remove this follow-up"))
        self.remove_button.clicked.connect(follow_up.remove_selected)
        chooser.addWidget(self.remove_button)
        chooser.addStretch(1)
        self.assess_button = QPushButton(self.tr("Save and &re-assess"))
        self.assess_button.setDefault(True)
        chooser.addWidget(self.assess_button)
        layout.addLayout(chooser)

        self.form_page = ScrollPage()
        self.form_page.finish()
        layout.addWidget(self.form_page, 3)
        self._form_holder: QWidget | None = None
        follow_up.selection_changed.connect(self._build_form)
        follow_up.trajectory_changed.connect(self.chart.set_points)
        editor.evaluated.connect(self._evaluated)
        editor.structure_changed.connect(self._fill_choice)
        editor.opened.connect(self._fill_choice)
        self._fill_choice()
        self._build_form(follow_up.selected)
        self.chart.set_points(follow_up.trajectory)
        self._evaluated(editor.evaluation)

    def _fill_choice(self, *_: object) -> None:
        editor = self.view_model.editor
        with QSignalBlocker(self.choice):
            self.choice.clear()
            for index, item in enumerate(editor.items(LIST_PATH)):
                when = item.get("date") if isinstance(item, dict) else None
                self.choice.addItem(
                    self.tr("%1 - %2")
                    .replace("%1", str(index + 1))
                    .replace("%2", str(when or self.tr("no date")))
                )
            self.choice.setCurrentIndex(self.view_model.selected)
        has_any = self.choice.count() > 0
        self.choice.setEnabled(has_any)
        self.remove_button.setEnabled(has_any)
        self.assess_button.setEnabled(editor.is_open)
        self.new_button.setEnabled(editor.is_open)

    def _build_form(self, index: int) -> None:
        with QSignalBlocker(self.choice):
            self.choice.setCurrentIndex(index)
        if self._form_holder is not None:
            self._form_holder.deleteLater()
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        editor = self.view_model.editor
        if index < 0:
            column.addWidget(
                hint(self.tr('No follow-up recorded yet. Choose "New follow-up" (Alt+N).'))
            )
        else:
            path = f"{LIST_PATH}[{index}]"
            box, form = section(self.tr("Follow-up %1").replace("%1", str(index + 1)))
            form.addRow(self.tr("Date"), DateField(editor, f"{path}.date", optional=True))
            for item, label in (
                ("worst", self.tr("Worst pain")),
                ("least", self.tr("Least pain")),
                ("average", self.tr("Average pain")),
                ("now", self.tr("Pain now")),
            ):
                form.addRow(label, ScaleField(editor, f"{path}.nrs.{item}"))
            form.addRow(
                self.tr("Treatment started"),
                ChoiceField(
                    editor, f"{path}.treatment_started", words.choices(words.TREATMENT_OPTION)
                ),
            )
            form.addRow(
                self.tr("Adherence"),
                ChoiceField(editor, f"{path}.adherence", words.choices(words.ADHERENCE)),
            )
            form.addRow(
                self.tr("Adverse events"),
                ListTextField(
                    editor, f"{path}.adverse_events", placeholder=self.tr("comma-separated")
                ),
            )
            form.addRow(self.tr("Notes"), NotesField(editor, f"{path}.notes"))
            column.addWidget(box)
        self.form_page.column.insertWidget(0, holder)
        self._form_holder = holder
        self._fill_choice()

    def _evaluated(self, evaluation: FormEvaluation) -> None:
        lines = self.view_model.responder_lines()
        self.responders.setText(
            "\n\n".join(lines) if lines else self.tr("No follow-up with pain scores yet.")
        )
