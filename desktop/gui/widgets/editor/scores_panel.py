"""The live scores next to the form, and the list of fields that need attention."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.gui.score_texts import score_rows
from desktop.gui.viewmodels.case_editor import CaseEditorViewModel
from desktop.services.case_forms import FormEvaluation

PATH_ROLE = Qt.ItemDataRole.UserRole + 1


class ScoresPanel(QWidget):
    """Derived scores of the form as typed; problems listed with their field path."""

    problem_activated = Signal(str)  # path of the field to show

    def __init__(self, editor: CaseEditorViewModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumWidth(260)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        scores = QGroupBox(self.tr("Scores (live)"))
        self.form = QFormLayout(scores)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self.values: dict[str, QLabel] = {}
        self.partial = QLabel()
        self.partial.setObjectName("hint")
        self.partial.setWordWrap(True)
        layout.addWidget(scores)
        layout.addWidget(self.partial)
        self.problems_box = QGroupBox(self.tr("Needs attention"))
        problems_layout = QVBoxLayout(self.problems_box)
        self.problems = QListWidget()
        self.problems.setWordWrap(True)
        self.problems.itemActivated.connect(self._activated)
        self.problems.itemClicked.connect(self._activated)
        problems_layout.addWidget(self.problems)
        layout.addWidget(self.problems_box, 1)
        editor.evaluated.connect(self.show_evaluation)
        self.show_evaluation(editor.evaluation)

    def show_evaluation(self, evaluation: FormEvaluation) -> None:
        derived = evaluation.derived
        if derived is None:
            for label in self.values.values():
                label.setText("—")
                label.setToolTip("")
        else:
            for name, text, source in score_rows(derived):
                value = self.values.get(name) or self._add_row(name)
                value.setText(text)
                value.setToolTip(source)
        self.partial.setText(
            self.tr("Scores leave out the fields marked ⚠ until they are corrected.")
            if evaluation.partial and derived is not None
            else ""
        )
        self.partial.setVisible(bool(self.partial.text()))
        self.problems.clear()
        for problem in evaluation.problems:
            item = QListWidgetItem(f"⚠ {problem.path or self.tr('(case)')}: {problem.rule}")
            item.setData(PATH_ROLE, problem.path)
            self.problems.addItem(item)
        self.problems_box.setVisible(bool(evaluation.problems))
        self.problems_box.setTitle(
            self.tr("Needs attention (%n field(s))", "", len(evaluation.problems))
        )

    def _add_row(self, name: str) -> QLabel:
        label = QLabel()
        label.setWordWrap(True)
        label.setObjectName("scoreValue")
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.form.addRow(name, label)
        self.values[name] = label
        return label

    def _activated(self, item: QListWidgetItem) -> None:
        self.problem_activated.emit(str(item.data(PATH_ROLE) or ""))
