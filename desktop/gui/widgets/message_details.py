"""A hub message in full: one labelled row per thing it says (text, selectable)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QWidget

from desktop.gui.viewmodels.inbox_text import detail_rows
from desktop.services.hub_inbox import InboxMessage


class MessageDetails(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = QFormLayout(self)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.values: dict[str, QLabel] = {}

    def show_message(self, message: InboxMessage | None) -> None:
        while self.form.rowCount():
            self.form.removeRow(0)
        self.values = {}
        if message is None:
            return
        for title, value in detail_rows(message):
            label = QLabel(value)
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            heading = QLabel(title)
            heading.setObjectName("rowTitle")
            self.form.addRow(heading, label)
            self.values[title] = label

    def text(self) -> str:
        """Everything shown, one "label: value" per line (for tests and screen readers)."""
        return "\n".join(f"{title}: {label.text()}" for title, label in self.values.items())
