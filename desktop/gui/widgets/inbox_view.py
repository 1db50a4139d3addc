"""The inbox: recommendations from the hub experts (truthful while no hub is set up)."""

from __future__ import annotations

from PySide6.QtWidgets import QGroupBox, QLabel, QListWidget, QVBoxLayout, QWidget

from desktop.gui.viewmodels.status import StatusViewModel
from desktop.services.status import SyncStatus


class InboxView(QWidget):
    def __init__(self, status: StatusViewModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("Hub inbox"))
        title.setObjectName("screenTitle")
        layout.addWidget(title)
        self.state = QLabel()
        self.state.setWordWrap(True)
        layout.addWidget(self.state)
        box = QGroupBox(self.tr("Recommendations from the hub"))
        box_layout = QVBoxLayout(box)
        self.items = QListWidget()
        box_layout.addWidget(self.items)
        self.empty = QLabel(self.tr("No recommendations yet."))
        self.empty.setObjectName("hint")
        box_layout.addWidget(self.empty)
        layout.addWidget(box, 1)
        status.sync_changed.connect(self.show_status)
        self.show_status(status.sync)

    def show_status(self, sync: SyncStatus) -> None:
        if not sync.configured:
            self.state.setText(
                self.tr(
                    "The hub connection is not set up on this computer, so no recommendations "
                    "can arrive yet. Cases are kept here and queued in the outbox; nothing is "
                    "lost. IT sets the hub address and enrollment code in Settings."
                )
            )
        else:
            self.state.setText(
                self.tr(
                    "Recommendations from hub experts appear here and in their case. Opening "
                    "one tells the hub that it was read."
                )
            )
