"""The "Hub recommendation" panel of the open case (on the report screen).

Where the case stands with the hub, then what the hub sent about it, newest first. An
unread message shows its title and a button: reading it shows it in full and tells the
hub it was read (the same as opening it in the inbox).
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.gui.viewmodels.case_row_text import sync_explanation, sync_text
from desktop.gui.viewmodels.inbox import CaseHubViewModel
from desktop.gui.viewmodels.inbox_text import kind_text, no_messages_text, not_enrolled_text
from desktop.gui.widgets.message_details import MessageDetails
from desktop.services.hub_inbox import InboxMessage

PANEL_HEIGHT = 280


def _label(text: str, name: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    if name:
        label.setObjectName(name)
    return label


class CaseHubPanel(QGroupBox):
    def __init__(self, hub: CaseHubViewModel, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Hub recommendation"), parent)
        self.view_model = hub
        layout = QVBoxLayout(self)
        self.state = _label("")
        layout.addWidget(self.state)
        self.scroller = QScrollArea()
        self.scroller.setWidgetResizable(True)
        self.scroller.setFrameShape(QFrame.Shape.NoFrame)
        layout.addWidget(self.scroller)
        self.read_buttons: dict[int, QPushButton] = {}
        self.details: dict[int, MessageDetails] = {}
        hub.changed.connect(self._update)
        self._update()

    def _update(self) -> None:
        hub = self.view_model
        self.read_buttons = {}
        self.details = {}
        content = QWidget()
        column = QVBoxLayout(content)
        column.setContentsMargins(0, 0, 0, 0)
        self.setVisible(hub.case_id is not None)
        result = hub.result
        if result is None:
            self.state.setText(self.tr("Reading what the hub sent…"))
        elif not result.enrolled and not result.messages:
            self.state.setText(not_enrolled_text())
        else:
            sync = result.sync
            text = self.tr("Hub: %1").replace("%1", sync_text(sync.state, sync.reason))
            explanation = sync_explanation(sync.state)
            self.state.setText(f"{text}. {explanation}" if explanation else text)
            if not result.messages:
                column.addWidget(_label(no_messages_text(), "hint"))
            for message in result.messages:
                column.addWidget(self._message(message))
        column.addStretch(1)
        self.scroller.setWidget(content)  # deletes the previous content
        # As tall as what it shows, up to PANEL_HEIGHT (then it scrolls).
        frame = 2 * self.scroller.frameWidth()
        self.scroller.setFixedHeight(min(content.sizeHint().height() + frame, PANEL_HEIGHT))

    def _message(self, message: InboxMessage) -> QWidget:
        box = QFrame()
        box.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(box)
        title = kind_text(message.kind)
        if message.author:
            title += " · " + message.author
        if message.unread:
            title = self.tr("Unread: %1").replace("%1", title)
        heading = _label(title, "rowTitle")
        if not message.unread:
            layout.addWidget(heading)
            details = MessageDetails()
            details.show_message(message)
            self.details[message.seq] = details
            layout.addWidget(details)
            return box
        row = QHBoxLayout()
        row.addWidget(heading, 1)
        button = QPushButton(self.tr("&Read it"))
        button.setToolTip(self.tr("Show it in full; the hub is told that it was read"))
        button.clicked.connect(lambda _=False, seq=message.seq: self.view_model.read(seq))
        self.read_buttons[message.seq] = button
        row.addWidget(button)
        layout.addLayout(row)
        return box
