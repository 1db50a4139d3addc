"""Settings: hub address, enrollment, language, auto-lock, clinical scheme choices."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.errors import InvalidInput
from desktop.gui.viewmodels.preferences import PreferencesViewModel
from desktop.services.preferences import LANGUAGES


class SettingsDialog(QDialog):
    def __init__(self, preferences: PreferencesViewModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.preferences = preferences
        value = preferences.value
        self.setWindowTitle(self.tr("Settings"))
        layout = QVBoxLayout(self)

        hub = QGroupBox(self.tr("Hub connection"))
        form = QFormLayout(hub)
        self.hub_address = QLineEdit(value.hub_address or "")
        self.hub_address.setPlaceholderText("https://hub.example.org")
        form.addRow(self.tr("Hub &address"), self.hub_address)
        self.enrollment = QLineEdit()
        self.enrollment.setPlaceholderText(self.tr("one-time code from IT"))
        form.addRow(self.tr("&Enrollment code"), self.enrollment)
        form.addRow(
            "",
            _hint(
                self.tr(
                    "The enrollment code is used once and never stored. Enrollment becomes "
                    "available when the hub connection is installed."
                )
            ),
        )
        layout.addWidget(hub)

        general = QGroupBox(self.tr("General"))
        form = QFormLayout(general)
        self.language = QComboBox()
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(value.language)))
        form.addRow(self.tr("&Language"), self.language)
        self.auto_lock = QSpinBox()
        self.auto_lock.setRange(1, 240)
        self.auto_lock.setSuffix(self.tr(" min"))
        self.auto_lock.setValue(value.auto_lock_minutes)
        form.addRow(self.tr("Lock after &idle"), self.auto_lock)
        layout.addWidget(general)

        schemes = QGroupBox(self.tr("Clinical schemes (where published sources disagree)"))
        form = QFormLayout(schemes)
        self.nrs_band = _combo(
            [
                ("NCCN", self.tr("NCCN: mild 1-3, moderate 4-6, severe 7-10")),
                ("Serlin1995", self.tr("Serlin 1995: mild 1-4, moderate 5-6, severe 7-10")),
            ],
            value.nrs_band_scheme,
        )
        form.addRow(self.tr("&NRS bands"), self.nrs_band)
        self.pmi_band = _combo(
            [
                ("NCCN", self.tr("NCCN (same as the NRS bands)")),
                ("Cleeland1994", self.tr("Cleeland 1994: 1-3 / 4-7 / 8-10")),
                ("Serlin1995", self.tr("Serlin 1995: 1-4 / 5-6 / 7-10")),
            ],
            value.pain_level_scheme,
        )
        form.addRow(self.tr("&PMI pain level"), self.pmi_band)
        self.medd_table = _combo(
            [
                ("CDC2022", self.tr("CDC 2022 (current)")),
                ("CDC2016", self.tr("CDC 2016 (older factors)")),
            ],
            value.medd_table,
        )
        form.addRow(self.tr("&MEDD table"), self.medd_table)
        layout.addWidget(schemes)

        self.error = QLabel()
        self.error.setObjectName("errorText")
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.apply)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def apply(self) -> None:
        """Validate and save; stays open naming the field when a value is refused."""
        try:
            self.preferences.update(
                hub_address=self.hub_address.text().strip() or None,
                language=self.language.currentData(),
                auto_lock_minutes=self.auto_lock.value(),
                nrs_band_scheme=self.nrs_band.currentData(),
                pain_level_scheme=self.pmi_band.currentData(),
                medd_table=self.medd_table.currentData(),
            )
        except InvalidInput as error:
            self.error.setText("\n".join(f"⚠ {p.path}: {p.rule}" for p in error.problems))
            return
        code = self.enrollment.text().strip()
        self.enrollment.clear()
        if code:
            self.preferences.enroll(code)
        self.accept()

    @classmethod
    def ask(cls, preferences: PreferencesViewModel, parent: QWidget | None = None) -> bool:
        """Show the dialog modally; True when saved. Tests patch this method."""
        dialog = cls(preferences, parent)
        try:
            return dialog.exec() == QDialog.DialogCode.Accepted
        finally:
            dialog.deleteLater()


def _combo(items: list[tuple[str, str]], current: str) -> QComboBox:
    combo = QComboBox()
    for value, label in items:
        combo.addItem(label, value)
    combo.setCurrentIndex(max(0, combo.findData(current)))
    return combo


def _hint(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setObjectName("hint")
    return label
