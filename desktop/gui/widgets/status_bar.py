"""The status bar: hub connection, outbox, last sync, running work (with cancel), user.

Offline is shown as a calm state (what waits, when the last sync was), never as an error.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QProgressBar, QPushButton, QStatusBar, QWidget

from desktop.gui.clinical_texts import status_message
from desktop.gui.viewmodels.status import StatusViewModel
from desktop.services.status import SyncStatus


class StatusBar(QStatusBar):
    def __init__(self, status: StatusViewModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view_model = status
        self.hub = QLabel()
        self.hub.setObjectName("statusHub")
        self.queued = QLabel()
        self.last_sync = QLabel()
        self.work = QLabel()
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(160)
        self.progress.setTextVisible(False)
        self.cancel = QPushButton(self.tr("Cancel"))
        self.cancel.setFlat(True)
        self.cancel.clicked.connect(status.cancel_work)
        self.user = QLabel()
        self._shown_work: tuple[str, int | None] | bool | None = False  # False: never shown
        for label in (self.hub, self.queued, self.last_sync):
            self.addWidget(label)
        permanent: tuple[QWidget, ...] = (self.work, self.progress, self.cancel, self.user)
        for widget in permanent:
            self.addPermanentWidget(widget)
        status.sync_changed.connect(self.show_sync)
        status.work_changed.connect(self.show_work)
        status.user_changed.connect(self.show_user)
        self.show_sync(status.sync)
        self.show_work()
        self.show_user(status.user)

    def show_sync(self, sync: SyncStatus) -> None:
        hub_expert_at = self.view_model.hub_expert_at
        if hub_expert_at is not None:  # hub expert mode: no outbox, no clinic sync
            self.hub.setText(self.tr("● Hub: signed in as a hub expert"))
            self.hub.setToolTip(hub_expert_at)
            self.queued.setText("")
            self.last_sync.setText("")
            return
        texts = {
            "not_configured": self.tr("● Hub: not configured (working offline)"),
            "offline": self.tr("○ Hub: offline - will retry"),
            "online": self.tr("● Hub: online"),
            "syncing": self.tr("⟳ Hub: syncing…"),
            "error": self.tr("⚠ Hub: sync problem"),
        }
        self.hub.setText(texts.get(sync.state, sync.state))
        self.hub.setToolTip(status_message(sync.detail))
        queued = self.tr("%n item(s) waiting to send", "", sync.queued)
        if sync.quarantined:
            queued += " · " + self.tr("%n refused by the hub", "", sync.quarantined)
        self.queued.setText(queued if self.view_model.user else "")
        if sync.last_success is None:
            last = self.tr("Last sync: never")
        else:
            last = self.tr("Last sync: %1").replace(
                "%1", sync.last_success.astimezone().strftime("%Y-%m-%d %H:%M")
            )
        self.last_sync.setText(last if self.view_model.user else "")

    def show_work(self) -> None:
        """The oldest job (with Cancel), else the background sync round's step."""
        progress = self.view_model.overall_progress()
        handles = self.view_model.running()
        shown = (
            None
            if progress is None
            else (
                handles[0].title
                if handles
                else self.tr("Hub sync: %1").replace("%1", status_message(progress.message)),
                None if progress.fraction is None else int(progress.fraction * 100),
            )
        )
        if shown == self._shown_work:
            return  # nothing new: do not touch the widgets (each change relayouts)
        self._shown_work = shown
        running = shown is not None
        self.work.setVisible(running)
        self.progress.setVisible(running)
        self.cancel.setVisible(bool(handles))  # a sync round stops by itself at lock
        if shown is None:
            return
        title, percent = shown
        self.work.setText(title)
        if percent is None:
            self.progress.setRange(0, 0)  # busy indicator
        else:
            self.progress.setRange(0, 100)
            self.progress.setValue(percent)

    def show_user(self, user: str) -> None:
        self.user.setText(
            self.tr("Signed in: %1").replace("%1", user) if user else self.tr("Locked")
        )
        self.show_sync(self.view_model.sync)
