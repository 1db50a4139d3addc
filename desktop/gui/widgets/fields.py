"""Form fields bound to one path of the case document in the editor's view model.

Each field shows the value at its path, writes every change back through
``CaseEditorViewModel.set_value`` and shows the rule broken at its path right under
itself (the inline validation message), with a warning sign, not just a colour. Fields
reload from the view model when a document is opened and when their path changes from
elsewhere.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, QSignalBlocker, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QSizePolicy,
    QSlider,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.gui.viewmodels.case_editor import CaseEditorViewModel
from desktop.services.case_forms import FormEvaluation

NOT_RECORDED = "—"


class FieldError(QLabel):
    """The validation message of one path; hidden while the field is fine."""

    def __init__(
        self, editor: CaseEditorViewModel, path: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._editor = editor
        self.path = path
        self.setObjectName("fieldError")
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hide()
        editor.evaluated.connect(self._show)
        self._show(editor.evaluation)

    def _show(self, evaluation: FormEvaluation) -> None:
        rules = [p.rule for p in evaluation.problems if p.path == self.path]
        self.setText("\n".join(f"⚠ {rule}" for rule in rules))
        self.setVisible(bool(rules))


class BoundField(QWidget):
    """Base: a control plus its inline error, bound to ``path``."""

    def __init__(
        self, editor: CaseEditorViewModel, path: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.editor = editor
        self.path = path
        self._row = QHBoxLayout()
        self._row.setContentsMargins(0, 0, 0, 0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(self._row)
        self.error = FieldError(editor, path, self)
        layout.addWidget(self.error)
        editor.opened.connect(self.reload)
        editor.closed.connect(self.reload)  # on lock: nothing decrypted stays on screen
        editor.value_changed.connect(self._maybe_reload)

    def add_control(self, widget: QWidget, stretch: int = 0) -> None:
        self._row.addWidget(widget, stretch)

    def add_stretch(self) -> None:
        self._row.addStretch(1)

    def write(self, value: Any) -> None:
        self.editor.set_value(self.path, value)

    def reload(self) -> None:
        """Show the view model's value (subclasses block their signals while doing so)."""

    def _maybe_reload(self, path: str) -> None:
        if path == self.path:
            self.reload()


class TextField(BoundField):
    def __init__(
        self,
        editor: CaseEditorViewModel,
        path: str,
        *,
        placeholder: str = "",
        read_only: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(editor, path, parent)
        self.line = QLineEdit()
        self.line.setPlaceholderText(placeholder)
        self.line.setReadOnly(read_only)
        self.line.textEdited.connect(lambda text: self.write(text.strip() or None))
        self.add_control(self.line, 1)
        self.setFocusProxy(self.line)
        self.reload()

    def reload(self) -> None:
        value = self.editor.value(self.path)
        text = "" if value is None else str(value)
        if self.line.text().strip() != text:
            with QSignalBlocker(self.line):
                self.line.setText(text)


class ListTextField(TextField):
    """Comma-separated text for a list of names (agents, adverse events)."""

    def __init__(self, editor: CaseEditorViewModel, path: str, **kwargs: Any) -> None:
        super().__init__(editor, path, **kwargs)
        self.line.textEdited.disconnect()
        self.line.textEdited.connect(self._edited)

    def _edited(self, text: str) -> None:
        items = [part.strip() for part in text.split(",") if part.strip()]
        self.write(items or None)

    def reload(self) -> None:
        value = self.editor.value(self.path)
        text = ", ".join(str(v) for v in value) if isinstance(value, list) else ""
        current = [p.strip() for p in self.line.text().split(",") if p.strip()]
        if current != (value or []):
            with QSignalBlocker(self.line):
                self.line.setText(text)


class NumberField(BoundField):
    """A number typed as text: empty means not recorded; anything else goes to validation
    as typed, so "abc" or "250" outside the range gets the field's rule shown under it."""

    def __init__(
        self,
        editor: CaseEditorViewModel,
        path: str,
        *,
        unit: str = "",
        integer: bool = False,
        placeholder: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(editor, path, parent)
        self._integer = integer
        self.line = QLineEdit()
        self.line.setPlaceholderText(placeholder or NOT_RECORDED)
        self.line.setMaximumWidth(110)
        self.line.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.line.textEdited.connect(lambda text: self.write(parse_number(text, self._integer)))
        self.add_control(self.line)
        if unit:
            self.add_control(QLabel(unit))
        self.add_stretch()
        self.setFocusProxy(self.line)
        self.reload()

    def reload(self) -> None:
        value = self.editor.value(self.path)
        if parse_number(self.line.text(), self._integer) == value:
            return
        with QSignalBlocker(self.line):
            self.line.setText(format_number(value))


def parse_number(text: str, integer: bool = False) -> int | float | str | None:
    """ "" -> None; "12" -> 12; "12.5" -> 12.5 ("12.5" stays a float for integer fields,
    so validation says "must be an integer"); not a number -> the text itself."""
    text = text.strip().replace(",", ".")
    if not text:
        return None
    try:
        number = float(text)
    except ValueError:
        return text
    if number.is_integer() and ("." not in text or integer) and abs(number) < 1e15:
        return int(number)
    return number


def format_number(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


class ChoiceField(BoundField):
    """A closed vocabulary; the first entry means "not recorded"."""

    def __init__(
        self,
        editor: CaseEditorViewModel,
        path: str,
        choices: Sequence[tuple[str, str]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(editor, path, parent)
        self.combo = QComboBox()
        self.combo.addItem(NOT_RECORDED, None)
        for value, label in choices:
            self.combo.addItem(label, value)
        self.combo.currentIndexChanged.connect(lambda _: self.write(self.combo.currentData()))
        self.add_control(self.combo)
        self.add_stretch()
        self.setFocusProxy(self.combo)
        self.reload()

    def reload(self) -> None:
        index = self.combo.findData(self.editor.value(self.path))
        with QSignalBlocker(self.combo):
            self.combo.setCurrentIndex(max(index, 0))


class YesNoField(BoundField):
    """Yes / No / not recorded, as radio buttons (arrow keys move between them)."""

    def __init__(
        self,
        editor: CaseEditorViewModel,
        path: str,
        *,
        yes: str = "",
        no: str = "",
        unknown: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(editor, path, parent)
        self.buttons = QButtonGroup(self)
        self.yes = QRadioButton(yes or self.tr("Yes"))
        self.no = QRadioButton(no or self.tr("No"))
        self.unknown = QRadioButton(unknown or self.tr("Not recorded"))
        for button, value in ((self.yes, 1), (self.no, 0), (self.unknown, -1)):
            self.buttons.addButton(button, value)
            self.add_control(button)
        self.add_stretch()
        self.buttons.idClicked.connect(self._clicked)
        self.setFocusProxy(self.yes)
        self.reload()

    def _clicked(self, button_id: int) -> None:
        self.write(None if button_id < 0 else bool(button_id))

    def reload(self) -> None:
        value = self.editor.value(self.path)
        button = self.yes if value is True else self.no if value is False else self.unknown
        with QSignalBlocker(self.buttons):
            button.setChecked(True)


class ScaleField(BoundField):
    """A 0-10 item: spin box ("—" = not recorded) with a slider, and an optional note
    (e.g. the NRS band) that a callback fills in after each evaluation."""

    def __init__(
        self,
        editor: CaseEditorViewModel,
        path: str,
        *,
        maximum: int = 10,
        note: Callable[[FormEvaluation], str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(editor, path, parent)
        self.spin = QSpinBox()
        self.spin.setRange(-1, maximum)
        self.spin.setSpecialValueText(NOT_RECORDED)
        self.spin.setMinimumWidth(64)
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setRange(0, maximum)
        self.slider.setPageStep(1)
        self.slider.setTickPosition(QSlider.TickPosition.TicksBelow)
        self.slider.setTickInterval(1)
        self.slider.setMinimumWidth(160)
        self.slider.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the spin box has the keyboard
        self.slider.setAccessibleName(path)
        self.note = QLabel()
        self.note.setObjectName("scoreNote")
        self.note.setMinimumWidth(110)
        self._note = note
        self.spin.valueChanged.connect(self._spun)
        self.slider.valueChanged.connect(self._slid)
        self.add_control(self.spin)
        self.add_control(self.slider, 1)
        self.add_control(self.note)
        self.setFocusProxy(self.spin)
        if note is not None:
            editor.evaluated.connect(self._update_note)
            self._update_note(editor.evaluation)
        self.reload()

    def _spun(self, value: int) -> None:
        with QSignalBlocker(self.slider):
            self.slider.setValue(max(value, 0))
        self.write(None if value < 0 else value)

    def _slid(self, value: int) -> None:
        with QSignalBlocker(self.spin):
            self.spin.setValue(value)
        self.write(value)

    def reload(self) -> None:
        value = self.editor.value(self.path)
        number = value if isinstance(value, int) and not isinstance(value, bool) else -1
        with QSignalBlocker(self.spin), QSignalBlocker(self.slider):
            self.spin.setValue(number)
            self.slider.setValue(max(number, 0))

    def _update_note(self, evaluation: FormEvaluation) -> None:
        if self._note is not None:
            self.note.setText(self._note(evaluation))


class DateField(BoundField):
    def __init__(
        self,
        editor: CaseEditorViewModel,
        path: str,
        *,
        optional: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(editor, path, parent)
        self.date = QDateEdit()
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.date.setMinimumDate(QDate(1900, 1, 1))
        if optional:
            self.date.setSpecialValueText(NOT_RECORDED)
        self._optional = optional
        self.date.dateChanged.connect(self._changed)
        self.add_control(self.date)
        self.add_stretch()
        self.setFocusProxy(self.date)
        self.reload()

    def _changed(self, value: QDate) -> None:
        if self._optional and value == self.date.minimumDate():
            self.write(None)
            return
        self.write(value.toString("yyyy-MM-dd"))

    def reload(self) -> None:
        value = self.editor.value(self.path)
        with QSignalBlocker(self.date):
            if isinstance(value, str) and QDate.fromString(value, "yyyy-MM-dd").isValid():
                self.date.setDate(QDate.fromString(value, "yyyy-MM-dd"))
            elif self._optional:
                self.date.setDate(self.date.minimumDate())
            else:
                today = date.today()
                self.date.setDate(QDate(today.year, today.month, today.day))


class NotesField(BoundField):
    def __init__(
        self, editor: CaseEditorViewModel, path: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(editor, path, parent)
        self.text = QPlainTextEdit()
        self.text.setTabChangesFocus(True)
        self.text.setMinimumHeight(70)
        self.text.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.text.textChanged.connect(lambda: self.write(self.text.toPlainText() or None))
        self.add_control(self.text, 1)
        self.setFocusProxy(self.text)
        self.reload()

    def reload(self) -> None:
        value = self.editor.value(self.path) or ""
        if self.text.toPlainText() != value:
            with QSignalBlocker(self.text):
                self.text.setPlainText(str(value))


class MultiChoiceField(BoundField):
    """A list of words from a closed vocabulary, as check boxes (e.g. metastases)."""

    def __init__(
        self,
        editor: CaseEditorViewModel,
        path: str,
        choices: Sequence[tuple[str, str]],
        *,
        columns: int = 3,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(editor, path, parent)
        box = QWidget()
        grid = QGridLayout(box)
        grid.setContentsMargins(0, 0, 0, 0)
        self.boxes: dict[str, QCheckBox] = {}
        for index, (value, label) in enumerate(choices):
            check = QCheckBox(label)
            check.toggled.connect(self._toggled)
            grid.addWidget(check, index // columns, index % columns)
            self.boxes[value] = check
        self.add_control(box, 1)
        first = next(iter(self.boxes.values()), None)
        if first is not None:
            self.setFocusProxy(first)
        self.reload()

    def _toggled(self, _checked: bool) -> None:
        chosen = [value for value, box in self.boxes.items() if box.isChecked()]
        existing = self.editor.value(self.path)
        self.write(chosen if chosen or existing is not None else None)

    def reload(self) -> None:
        value = self.editor.value(self.path)
        chosen = set(value) if isinstance(value, list) else set()
        for word, box in self.boxes.items():
            with QSignalBlocker(box):
                box.setChecked(word in chosen)
