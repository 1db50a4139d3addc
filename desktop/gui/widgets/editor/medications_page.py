"""Editor page: current medications, one row each, with the MEDD computed live."""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QWidget,
)

from desktop.domain.pharmacology.drugs import ADJUVANTS, NON_OPIOIDS, OPIOIDS
from desktop.domain.pharmacology.medd import Medd
from desktop.gui import vocabulary_labels as words
from desktop.gui.score_texts import medd_text
from desktop.gui.viewmodels.case_editor import CaseEditorViewModel
from desktop.gui.widgets.editor.form import ScrollPage, hint, section
from desktop.gui.widgets.fields import BoundField, ChoiceField, NumberField
from desktop.services.case_forms import FormEvaluation

KNOWN_DRUGS = sorted(name.replace("_", " ") for name in NON_OPIOIDS | OPIOIDS | ADJUVANTS)
LIST_PATH = "medications"


class DrugField(BoundField):
    """A drug name: known names are offered as you type; any name may be entered."""

    def __init__(
        self, editor: CaseEditorViewModel, path: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(editor, path, parent)
        self.combo = QComboBox()
        self.combo.setEditable(True)
        self.combo.addItems(["", *KNOWN_DRUGS])
        self.combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        completer = QCompleter(KNOWN_DRUGS, self.combo)
        completer.setCaseSensitivity(completer.caseSensitivity().CaseInsensitive)
        self.combo.setCompleter(completer)
        self.combo.setMinimumWidth(170)
        self.combo.editTextChanged.connect(lambda text: self.write(text.strip() or None))
        self.add_control(self.combo, 1)
        self.setFocusProxy(self.combo)
        self.reload()

    def reload(self) -> None:
        value = self.editor.value(self.path) or ""
        if self.combo.currentText().strip() != value:
            with QSignalBlocker(self.combo):
                self.combo.setEditText(str(value))


class MedicationsPage(ScrollPage):
    def __init__(self, editor: CaseEditorViewModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._editor = editor
        box, form = section(self.tr("Morphine equivalent daily dose (MEDD)"))
        self.medd = QLabel("—")
        self.medd.setObjectName("scoreTotal")
        self.medd.setWordWrap(True)
        form.addRow(self.tr("MEDD"), self.medd)
        form.addRow(
            "",
            hint(
                self.tr(
                    "Computed from the list below as you type. Patches and infusions: "
                    "give µg/h; everything else: mg per day."
                )
            ),
        )
        self.column.addWidget(box)

        self.list_box, _ = section(self.tr("Current medications"))
        self.rows_holder = QWidget()
        self.rows = QGridLayout(self.rows_holder)
        self.rows.setContentsMargins(0, 0, 0, 0)
        list_layout = self.list_box.layout()
        assert list_layout is not None
        list_layout.addWidget(self.rows_holder)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("&Add medication"))
        self.add_button.clicked.connect(self._add)
        self.none_button = QPushButton(self.tr("Record: no current medications"))
        self.none_button.clicked.connect(lambda: editor.set_value(LIST_PATH, []))
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.none_button)
        buttons.addStretch(1)
        holder = QWidget()
        holder.setLayout(buttons)
        list_layout.addWidget(holder)
        self.column.addWidget(self.list_box)
        self.finish()
        self.setFocusProxy(self.add_button)
        self._row_mme: list[QLabel] = []
        editor.opened.connect(self._rebuild)
        editor.closed.connect(self._rebuild)
        editor.structure_changed.connect(self._structure_changed)
        editor.value_changed.connect(self._maybe_rebuild)
        editor.evaluated.connect(self._show_medd)
        self._rebuild()

    def _add(self) -> None:
        index = self._editor.add_item(LIST_PATH, {"route": "oral"})
        item = self.rows.itemAtPosition(index + 1, 0)
        widget = item.widget() if item is not None else None
        if widget is not None:
            widget.setFocus()

    def _structure_changed(self, path: str) -> None:
        if path == LIST_PATH:
            self._rebuild()

    def _maybe_rebuild(self, path: str) -> None:
        if path == LIST_PATH:
            self._rebuild()

    def _rebuild(self) -> None:
        while self.rows.count():
            item = self.rows.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self._row_mme = []
        editor = self._editor
        headers = (
            self.tr("Drug"),
            self.tr("Route"),
            self.tr("mg per day"),
            self.tr("µg per hour"),
            self.tr("MME mg/day"),
            "",
        )
        for column, title in enumerate(headers):
            label = QLabel(title)
            label.setObjectName("columnTitle")
            self.rows.addWidget(label, 0, column)
        for index, _item in enumerate(editor.items(LIST_PATH)):
            path = f"{LIST_PATH}[{index}]"
            row = index + 1
            self.rows.addWidget(DrugField(editor, f"{path}.drug"), row, 0)
            self.rows.addWidget(
                ChoiceField(editor, f"{path}.route", words.choices(words.ROUTE)), row, 1
            )
            self.rows.addWidget(NumberField(editor, f"{path}.daily_dose_mg"), row, 2)
            self.rows.addWidget(NumberField(editor, f"{path}.mcg_per_hour"), row, 3)
            mme = QLabel("—")
            self.rows.addWidget(mme, row, 4)
            self._row_mme.append(mme)
            remove = QPushButton(self.tr("Remove"))
            remove.setToolTip(self.tr("Remove this medication from the list"))
            remove.clicked.connect(lambda _=False, i=index: editor.remove_item(LIST_PATH, i))
            self.rows.addWidget(remove, row, 5)
        self.none_button.setVisible(editor.value(LIST_PATH) is None)
        self._show_medd(editor.evaluation)

    def _show_medd(self, evaluation: FormEvaluation) -> None:
        derived = evaluation.derived
        if derived is None:
            self.medd.setText("—")
            return
        self.medd.setText(medd_text(derived.medd))
        by_index: dict[int, str] = {}
        if isinstance(derived.medd, Medd):
            for item in derived.medd.items:
                by_index[item.index] = f"{item.mme_mg_per_day:g}"
            for skipped in derived.medd.not_converted:
                by_index[skipped.index] = self.tr("not converted: %1").replace("%1", skipped.reason)
        for index, label in enumerate(self._row_mme):
            label.setText(by_index.get(index, "—"))
