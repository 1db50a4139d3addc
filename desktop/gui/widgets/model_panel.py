"""The model panel: which model produces the predictions, its card, updates, roll back."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.gui.clinical_texts import status_message
from desktop.gui.i18n import translate
from desktop.gui.viewmodels.model_updates import ModelUpdatesViewModel
from desktop.gui.viewmodels.status import StatusViewModel
from desktop.services.status import ModelStatus

if TYPE_CHECKING:  # imports the model runtime: loaded at the first unlock, not at start
    from desktop.services.model_release import ModelReleaseStatus


class RollbackConfirmation:
    """The "roll back the model?" question (a modal dialog; tests patch :meth:`ask`)."""

    @classmethod
    def ask(cls, active: str, previous: str, parent: QWidget | None = None) -> bool:
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(translate("Dialogs", "Roll back the model"))
        box.setText(
            translate(
                "Dialogs",
                "Use model %1 again instead of %2? Reports made from now on use %1; "
                "reports already made keep the model they were made with.",
            )
            .replace("%1", previous)
            .replace("%2", active)
        )
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        try:
            return box.exec() == QMessageBox.StandardButton.Yes
        finally:
            box.deleteLater()


class ModelPanel(QWidget):
    def __init__(
        self,
        status: StatusViewModel,
        updates: ModelUpdatesViewModel | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.updates = updates
        self._model = status.model
        self._release: ModelReleaseStatus | None = None
        self._card_text: str | None = None
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
        self.overdue = QLabel()
        self.overdue.setWordWrap(True)
        self.overdue.setObjectName("errorText")
        self.overdue.hide()
        form.addWidget(self.overdue)
        buttons = QHBoxLayout()
        self.check_button = QPushButton(self.tr("Check for update"))
        self.update_button = QPushButton(self.tr("Update now"))
        self.rollback_button = QPushButton(self.tr("Roll back to previous"))
        for button in (self.check_button, self.update_button, self.rollback_button):
            buttons.addWidget(button)
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
        if updates is not None:
            self.check_button.clicked.connect(updates.check)
            self.update_button.clicked.connect(updates.install)
            self.rollback_button.clicked.connect(self.roll_back)
            updates.release_changed.connect(self.show_release)
            # bound methods, not lambdas: Qt drops them with the panel (a language switch
            # rebuilds the window while the view models live on)
            updates.busy_changed.connect(self._state_changed)
            status.sync_changed.connect(self._state_changed)
            self._release = updates.release
        self.show_model(status.model)

    # --- showing --------------------------------------------------------------------------

    def show_model(self, model: ModelStatus) -> None:
        self._model = model
        if model.loaded:
            self.version.setText(self.tr("Active: %1").replace("%1", str(model.active_version)))
        else:
            self.version.setText(self.tr("No model loaded"))
        self.note.setText(
            status_message(model.note)
            + "\n"
            + self.tr(
                "Decision support, not a diagnosis: the bundled models are trained on a "
                "synthetic cohort and are not for clinical use until a hub validates them."
            )
        )
        card = model.card_text or self.tr("No model card available.")
        if card != self._card_text:  # a card is long: lay it out only when it changed
            self._card_text = card
            self.card.setPlainText(card)
        self._show_actions()

    def show_release(self, release: ModelReleaseStatus | None) -> None:
        self._release = release
        self._show_actions()

    def _state_changed(self, _state: object) -> None:
        self._show_actions()

    def _show_actions(self) -> None:
        release, updates = self._release, self.updates
        enrolled = updates is not None and updates.enrolled and release is not None
        busy = updates is not None and updates.busy
        available = release.available if release is not None else None
        previous = release.previous if release is not None else self._model.previous_version
        if available:
            self.update_text.setText(self.tr("Update available: %1").replace("%1", available))
        elif enrolled:
            self.update_text.setText(
                self.tr("No update available (last check: %1).").replace(
                    "%1", self._verified_text(release)
                )
            )
        else:
            self.update_text.setText(
                self.tr("Model updates come from the hub once this computer is enrolled.")
            )
        self._show_overdue(release)
        self.check_button.setEnabled(enrolled and not busy)
        self.check_button.setToolTip(
            "" if enrolled else self.tr("Enroll this computer with a hub first (Settings).")
        )
        manageable = release is None or release.manageable
        only_it = self.tr("Only an IT admin may update or roll back the model.")
        self.update_button.setEnabled(
            enrolled and not busy and available is not None and manageable
        )
        self.update_button.setToolTip(
            only_it
            if not manageable
            else self.tr("Download, verify and activate model %1.").replace("%1", available)
            if available
            else self.tr("Check for an update first: there is nothing to install.")
        )
        self.rollback_button.setEnabled(
            updates is not None and not busy and previous is not None and manageable
        )
        self.rollback_button.setToolTip(
            self.tr("There is no previous model on this computer.")
            if previous is None
            else only_it
            if not manageable
            else self.tr("Use model %1 again.").replace("%1", previous)
        )

    def _verified_text(self, release: ModelReleaseStatus | None) -> str:
        if release is None or release.last_verified is None:
            return self.tr("never")
        return release.last_verified.astimezone().strftime("%Y-%m-%d %H:%M")

    def _show_overdue(self, release: ModelReleaseStatus | None) -> None:
        if release is None or not release.overdue:
            self.overdue.hide()
            return
        days = int(release.overdue_days)
        self.overdue.setText(
            self.tr(
                "Overdue: the hub's last verified model list expired %n day(s) ago "
                "(last verified %1). The model in use stays until the hub can be checked "
                "again.",
                "",
                days,
            ).replace("%1", self._verified_text(release))
        )
        self.overdue.show()

    # --- actions --------------------------------------------------------------------------

    def roll_back(self) -> None:
        release, updates = self._release, self.updates
        if updates is None or release is None or release.previous is None:
            return
        active = release.installed or str(self._model.active_version)
        if RollbackConfirmation.ask(active, release.previous, self):
            updates.rollback()
