"""The model panel: which model produces the predictions, its card, updates, roll back."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.gui.viewmodels.status import StatusViewModel
from desktop.services.status import ModelStatus


class ModelPanel(QWidget):
    def __init__(self, status: StatusViewModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("Model"))
        title.setObjectName("screenTitle")
        layout.addWidget(title)
        box = QGroupBox(self.tr("Active model"))
        form = QVBoxLayout(box)
        self.version = QLabel()
        self.version.setObjectName("rowTitle")
        self.version.setWordWrap(True)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setObjectName("hint")
        form.addWidget(self.version)
        form.addWidget(self.note)
        self.update_text = QLabel()
        self.update_text.setWordWrap(True)
        form.addWidget(self.update_text)
        buttons = QHBoxLayout()
        self.update_button = QPushButton(self.tr("Install update"))
        self.rollback_button = QPushButton(self.tr("Roll back to the previous model"))
        buttons.addWidget(self.update_button)
        buttons.addWidget(self.rollback_button)
        buttons.addStretch(1)
        form.addLayout(buttons)
        layout.addWidget(box)
        card_box = QGroupBox(self.tr("Model card"))
        card_layout = QVBoxLayout(card_box)
        self.card = QPlainTextEdit()
        self.card.setReadOnly(True)
        card_layout.addWidget(self.card)
        layout.addWidget(card_box, 1)
        status.model_changed.connect(self.show_model)
        self.show_model(status.model)

    def show_model(self, model: ModelStatus) -> None:
        if model.loaded:
            self.version.setText(self.tr("Active: %1").replace("%1", str(model.active_version)))
        else:
            self.version.setText(self.tr("No model loaded"))
        self.note.setText(
            model.note
            + "\n"
            + self.tr(
                "Decision support, not a diagnosis: the bundled models are trained on a "
                "synthetic cohort and are not for clinical use until a hub validates them."
            )
        )
        self.card.setPlainText(model.card_text or self.tr("No model card available."))
        if model.update_available:
            self.update_text.setText(
                self.tr("Update available: %1").replace("%1", model.update_available)
            )
        else:
            self.update_text.setText(self.tr("No update available (updates come from the hub)."))
        self.update_button.setEnabled(False)
        self.update_button.setToolTip(
            self.tr("Model updates are installed by the hub connection, which is not set up yet.")
        )
        self.rollback_button.setEnabled(False)
        self.rollback_button.setToolTip(
            self.tr("There is no previous model on this computer.")
            if model.previous_version is None
            else self.tr("Roll back is done by the model service, which is not installed yet.")
        )
