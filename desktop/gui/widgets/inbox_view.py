"""The hub inbox: what the hub sent (newest first), and the message opened, in full.

Opening a message (Enter, a click) shows it on the right and marks it read; "Open case"
(Alt+O) goes to its case. While this computer is not enrolled the screen says so.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.gui.viewmodels.inbox import InboxViewModel
from desktop.gui.viewmodels.inbox_text import enrolled_text, no_messages_text, not_enrolled_text
from desktop.gui.viewmodels.status import StatusViewModel
from desktop.gui.widgets.message_details import MessageDetails
from desktop.services.hub_inbox import InboxMessage
from desktop.services.status import SyncStatus


class InboxView(QWidget):
    def __init__(
        self, inbox: InboxViewModel, status: StatusViewModel, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.view_model = inbox
        self._status = status
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("Hub inbox"))
        title.setObjectName("screenTitle")
        layout.addWidget(title)
        self.state = QLabel()
        self.state.setWordWrap(True)
        layout.addWidget(self.state)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        list_label = QLabel(self.tr("&Messages (newest first)"))
        self.items = QListView()
        self.items.setObjectName("inboxList")
        self.items.setModel(inbox.model)
        self.items.setUniformItemSizes(True)
        self.items.activated.connect(self._open)
        self.items.clicked.connect(self._open)
        list_label.setBuddy(self.items)
        left_layout.addWidget(list_label)
        left_layout.addWidget(self.items, 1)
        self.empty = QLabel(no_messages_text())
        self.empty.setObjectName("hint")
        left_layout.addWidget(self.empty)
        splitter.addWidget(left)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        self.details = MessageDetails()
        scroller = QScrollArea()
        scroller.setWidgetResizable(True)
        scroller.setFrameShape(QFrame.Shape.NoFrame)
        scroller.setWidget(self.details)
        self.hint = QLabel(self.tr("Choose a message and press Enter to read it."))
        self.hint.setObjectName("hint")
        right_layout.addWidget(self.hint)
        right_layout.addWidget(scroller, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.open_case_button = QPushButton(self.tr("&Open case"))
        self.open_case_button.setToolTip(self.tr("Go to the case this message is about"))
        self.open_case_button.clicked.connect(inbox.open_case)
        buttons.addWidget(self.open_case_button)
        right_layout.addLayout(buttons)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([440, 660])
        layout.addWidget(splitter, 1)
        self.setFocusProxy(self.items)
        inbox.listing_changed.connect(self._update)
        inbox.message_opened.connect(self._show)
        status.sync_changed.connect(self._status_changed)
        self._show(inbox.current)
        self._update()

    def _open(self, index: QModelIndex) -> None:
        self.view_model.open_row(index.row())

    def _status_changed(self, _: SyncStatus) -> None:
        self._update()

    def _update(self) -> None:
        inbox = self.view_model
        enrolled = inbox.enrolled if inbox.enrolled is not None else self._status.sync.configured
        self.state.setText(inbox.notice or (enrolled_text() if enrolled else not_enrolled_text()))
        self.empty.setVisible(enrolled and inbox.notice is None and inbox.model.rowCount() == 0)
        if inbox.current is None:
            self._show(None)

    def _show(self, message: InboxMessage | None) -> None:
        self.details.show_message(message)
        self.hint.setVisible(message is None)
        can_open = message is not None and message.case_id is not None and bool(message.pseudonym)
        self.open_case_button.setEnabled(can_open)
        self.open_case_button.setToolTip(
            self.tr("Go to the case this message is about")
            if can_open
            else self.tr("This message is not about a case on this computer")
        )
