"""Settings: hub address, enrollment, language, auto-lock, clinical scheme choices.

Enrolling asks the hub in the background (the sync view model's job); its result, the
device id or the hub's reason, is shown under the code field. Values IT preset for this
computer (desktop/services/machine_config.py) fill the hub fields and say where from;
"Set by IT" lists them read-only, for every user, with short fingerprints of the two keys.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.errors import InvalidInput
from desktop.gui.viewmodels.preferences import PreferencesViewModel
from desktop.gui.viewmodels.sync import SyncViewModel
from desktop.services.machine_summary import MachineSummary
from desktop.services.preferences import LANGUAGES

if TYPE_CHECKING:  # the sync client is loaded at the first unlock, not at start
    from desktop.services.sync import Enrollment


class SettingsDialog(QDialog):
    def __init__(
        self,
        preferences: PreferencesViewModel,
        parent: QWidget | None = None,
        *,
        enrollment: SyncViewModel | None = None,
        sections: frozenset[str] | None = None,
    ) -> None:
        super().__init__(parent)
        self.preferences = preferences
        self.enrollment_model = enrollment
        self._accept_when_enrolled = False
        value = preferences.value
        self.setWindowTitle(self.tr("Settings"))
        # Wide enough for the scheme names; the wrapped hints then need no more than
        # three lines, which the form layout gives them (it under-sizes wrapped labels
        # in narrow dialogs).
        self.setMinimumWidth(620)
        layout = QVBoxLayout(self)
        self.hub_box = self._build_hub(value.hub_address)
        layout.addWidget(self.hub_box)

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
        self.general_box = general

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
        self.schemes_box = schemes
        self.machine_box = self._build_machine(preferences.machine)
        layout.addWidget(self.machine_box)

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
        if enrollment is not None:
            enrollment.enrolled.connect(self._enrolled)
            enrollment.enroll_failed.connect(self._enroll_failed)
        if sections is not None:
            self._show_only(sections)

    def _show_only(self, sections: frozenset[str]) -> None:
        """Hide what the signed-in user's roles do not allow ("hub", "general",
        "clinical"); a hidden section keeps its saved values and enrolls nothing."""
        for name, box in (
            ("hub", self.hub_box),
            ("general", self.general_box),
            ("clinical", self.schemes_box),
        ):
            box.setVisible(name in sections)
        if "hub" not in sections:
            self.hub_address.setText(self.preferences.value.hub_address or "")
            self.enrollment.clear()

    def _build_hub(self, saved_address: str | None) -> QGroupBox:
        hub = QGroupBox(self.tr("Hub connection"))
        form = QFormLayout(hub)
        model = self.enrollment_model
        preset = model.preset if model else None
        enrolled = model is not None and model.hub_status.configured
        self.hub_address = QLineEdit(preset.hub_url if preset else saved_address or "")
        self.hub_address.setPlaceholderText("https://hub.example.org")
        form.addRow(self.tr("Hub &address"), self.hub_address)
        # A preset code is offered only while it can still be used.
        self.enrollment = QLineEdit(preset.code if preset and not enrolled else "")
        self.enrollment.setPlaceholderText(self.tr("one-time code from IT"))
        self.enroll_button = QPushButton(self.tr("En&roll"))
        self.enroll_button.clicked.connect(self.enroll)
        self.enroll_button.setEnabled(self.enrollment_model is not None)
        row = QHBoxLayout()
        row.addWidget(self.enrollment, 1)
        row.addWidget(self.enroll_button)
        # A layout has no buddy: link the label to the code field so Alt+E reaches it.
        code_label = QLabel(self.tr("&Enrollment code"))
        code_label.setBuddy(self.enrollment)
        form.addRow(code_label, row)
        self.enroll_result = QLabel()
        self.enroll_result.setWordWrap(True)
        self.enroll_result.setObjectName("hint")
        self.enroll_result.setVisible(False)  # shown with a result
        form.addRow("", self.enroll_result)
        self.preset_note = _hint(
            self.tr("Preset by IT (%1).").replace("%1", preset.source) if preset else ""
        )
        self.preset_note.setVisible(preset is not None)
        form.addRow("", self.preset_note)
        form.addRow(  # spans the form: a wrapped label in the field column is cut short
            _hint(
                self.tr(
                    "The enrollment code is used once and never stored: enrolling creates "
                    "this computer's own key, which signs everything it sends to the hub."
                )
            )
        )
        if model is not None and enrolled:
            self.enroll_result.setText(
                self.tr("Enrolled: %1").replace("%1", model.hub_status.detail)
            )
            self.enroll_result.setVisible(True)
        return hub

    def _build_machine(self, machine: MachineSummary) -> QGroupBox:
        """What IT preset for this computer: read-only, never a field to edit."""
        box = QGroupBox(self.tr("Set by IT (read-only)"))
        form = QFormLayout(box)
        not_set = self.tr("not set")
        self.machine_values: dict[str, QLabel] = {}
        rows = (
            ("hub_url", self.tr("Hub address"), machine.hub_url or not_set),
            ("device_name", self.tr("Device name"), machine.device_name or not_set),
            ("model_channel", self.tr("Model channel"), machine.model_channel),
            ("recovery_key", self.tr("IT recovery key"), machine.recovery_key_fingerprint),
            ("model_key", self.tr("Model-signing key"), machine.model_key_fingerprint),
            ("source", self.tr("Configured in"), machine.source),
        )
        for name, title, given in rows:
            text = given or (self.tr("no machine configuration") if name == "source" else not_set)
            value = QLabel(text)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setWordWrap(True)
            value.setObjectName(f"machine_{name}")
            self.machine_values[name] = value
            form.addRow(title, value)
        explained = self.tr(
            "Key fingerprints: the first 16 hex digits of the key's SHA-256, for "
            "comparing with IT's records."
        )
        for name in ("recovery_key", "model_key"):
            self.machine_values[name].setToolTip(explained)
            self.machine_values[name].setAccessibleDescription(explained)
        self.machine_problem = QLabel()
        self.machine_problem.setObjectName("errorText")
        self.machine_problem.setWordWrap(True)
        self.machine_problem.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        if machine.problem:
            self.machine_problem.setText(
                self.tr(
                    "⚠ The machine configuration could not be used, so nothing of it applies: %1"
                ).replace("%1", machine.problem)
            )
        self.machine_problem.setVisible(bool(machine.problem))
        form.addRow(self.machine_problem)
        return box

    # --- enrollment -----------------------------------------------------------------------

    def enroll(self) -> None:
        """Enroll with the address and code in the fields (the result appears below)."""
        model = self.enrollment_model
        if model is None:
            return
        self._show_result(self.tr("Enrolling with the hub…"), error=False)
        if model.enroll(self.hub_address.text(), self.enrollment.text()):
            self.enroll_button.setEnabled(False)

    def _enrolled(self, enrollment: Enrollment) -> None:
        self.enroll_button.setEnabled(True)
        self.enrollment.clear()
        self._show_result(
            self.tr("✓ Enrolled with %1's hub: this computer is device %2.")
            .replace("%1", enrollment.clinic_name)
            .replace("%2", enrollment.device_id),
            error=False,
        )
        if self._accept_when_enrolled:
            self.accept()

    def _enroll_failed(self, reason: str) -> None:
        self.enroll_button.setEnabled(True)
        self._accept_when_enrolled = False
        self._show_result("⚠ " + reason, error=True)

    def _show_result(self, text: str, *, error: bool) -> None:
        self.enroll_result.setObjectName("errorText" if error else "hint")
        self.enroll_result.style().unpolish(self.enroll_result)
        self.enroll_result.style().polish(self.enroll_result)
        self.enroll_result.setText(text)
        self.enroll_result.setVisible(bool(text))

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
        if code and self.enrollment_model is not None and self.enroll_button.isEnabled():
            self._accept_when_enrolled = True  # stay open to show a refusal at the field
            self.enroll()
            return
        self.accept()

    @classmethod
    def ask(
        cls,
        preferences: PreferencesViewModel,
        parent: QWidget | None = None,
        *,
        enrollment: SyncViewModel | None = None,
        sections: frozenset[str] | None = None,
    ) -> bool:
        """Show the dialog modally; True when saved. Tests patch this method.
        ``sections``: only these ("hub", "general", "clinical"; None: all)."""
        dialog = cls(preferences, parent, enrollment=enrollment, sections=sections)
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
