"""The hub inbox and the hub panel of the open case.

:class:`InboxViewModel` lists what the hub sent (newest first; unread in bold and in
words), opens a message in full and, by opening it, marks it read: the store records it
and queues the read receipt that the next sync sends (desktop/services/hub_inbox.py).
:class:`CaseHubViewModel` shows the messages of the open case and its hub state; opening
one there goes through the same inbox, so the inbox, its count in the navigation and the
case panel always agree. All store work runs on the store thread.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont

from desktop.gui.messages import MessageBridge
from desktop.gui.store_thread import NotSignedIn, StoreThread
from desktop.gui.viewmodels.inbox_text import title_text
from desktop.services.hub_inbox import CaseMessages, InboxListing, InboxMessage
from desktop.services.session import ClinicSession
from desktop.services.status import SyncStatus

AnyIndex = QModelIndex | QPersistentModelIndex
SEQ_ROLE = Qt.ItemDataRole.UserRole + 1
UNREAD_ROLE = Qt.ItemDataRole.UserRole + 2


class InboxListModel(QAbstractListModel):
    """The inbox list: one row per message, newest first."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._messages: list[InboxMessage] = []

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._messages)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._messages):
            return None
        message = self._messages[index.row()]
        if role in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.AccessibleTextRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return title_text(message)
        if role == Qt.ItemDataRole.FontRole and message.unread:
            font = QFont()
            font.setBold(True)
            return font
        if role == SEQ_ROLE:
            return message.seq
        if role == UNREAD_ROLE:
            return message.unread
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def message_at(self, row: int) -> InboxMessage | None:
        return self._messages[row] if 0 <= row < len(self._messages) else None

    def row_of(self, seq: int) -> int:
        return next((row for row, m in enumerate(self._messages) if m.seq == seq), -1)

    def set_messages(self, messages: list[InboxMessage]) -> None:
        self.beginResetModel()
        self._messages = list(messages)
        self.endResetModel()

    def replace(self, message: InboxMessage) -> None:
        """A message changed (it was read): update its row in place."""
        row = self.row_of(message.seq)
        if row >= 0:
            self._messages[row] = message
            index = self.index(row, 0)
            self.dataChanged.emit(index, index)


class InboxViewModel(QObject):
    listing_changed = Signal()  # enrolled, notice or the messages changed
    unread_changed = Signal(int)
    message_opened = Signal(object)  # InboxMessage, now read
    case_requested = Signal(str)  # "Open case": the case id

    def __init__(
        self, store: StoreThread, messages: MessageBridge, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._messages = messages
        self.model = InboxListModel(self)
        self.enrolled: bool | None = None  # None: not read yet (locked)
        self.notice: str | None = None
        self.unread = 0
        self.current: InboxMessage | None = None
        self._newest_seq = 0
        self._opening: set[int] = set()

    # --- listing --------------------------------------------------------------------------

    def refresh(self, *_: object) -> None:
        """Read the inbox on the store thread."""
        self._store.call(
            lambda session: session.inbox.listing(), self._listed, self.report_failure, context=self
        )

    def status_changed(self, status: SyncStatus) -> None:
        """The sync status was read again: re-read the inbox when it tells of news."""
        if self.enrolled is None:
            return  # not unlocked (or not listed yet): refresh() comes at unlock
        if status.configured != self.enrolled or status.inbox_unread != self.unread:
            self.refresh()

    def _listed(self, listing: InboxListing) -> None:
        newest = max((m.seq for m in listing.messages), default=0)
        self.enrolled = listing.enrolled
        self.notice = listing.notice
        self._newest_seq = max(self._newest_seq, newest)
        self.model.set_messages(listing.messages)
        if self.current is not None:
            self.current = next(
                (m for m in listing.messages if m.seq == self.current.seq), self.current
            )
        self._set_unread(listing.unread)
        self.listing_changed.emit()

    def report_failure(self, error: BaseException) -> None:
        if isinstance(error, NotSignedIn):
            return  # locked while the request was queued: nothing to show
        self._messages.report(error)

    def _set_unread(self, unread: int) -> None:
        if unread != self.unread:
            self.unread = unread
            self.unread_changed.emit(unread)

    def clear(self) -> None:
        """Forget everything (on lock): nothing decrypted stays in memory."""
        self.enrolled = None
        self.notice = None
        self.current = None
        self._newest_seq = 0
        self._opening.clear()
        self.model.set_messages([])
        self._set_unread(0)
        self.listing_changed.emit()

    # --- reading --------------------------------------------------------------------------

    def open_row(self, row: int) -> None:
        message = self.model.message_at(row)
        if message is not None:
            self.open_message(message.seq)

    def open_message(self, seq: int) -> None:
        """Show the message in full and mark it read (the hub is told at the next sync)."""
        if seq in self._opening:
            return
        self._opening.add(seq)
        self._store.call(
            lambda session: session.inbox.open(seq),
            self._opened,
            lambda error: self._open_failed(seq, error),
            context=self,
        )

    def _opened(self, message: InboxMessage) -> None:
        self._opening.discard(message.seq)
        before = self.model.message_at(self.model.row_of(message.seq))
        self.model.replace(message)
        self.current = message
        if before is not None and before.unread and not message.unread:
            self._set_unread(max(0, self.unread - 1))
        self.message_opened.emit(message)

    def _open_failed(self, seq: int, error: BaseException) -> None:
        self._opening.discard(seq)
        self.report_failure(error)

    def open_case(self) -> None:
        """Go to the case of the message shown (if it is on this computer)."""
        message = self.current
        if message is not None and message.case_id and message.pseudonym is not None:
            self.case_requested.emit(message.case_id)


class CaseHubViewModel(QObject):
    """What the hub sent about the open case, and where the case stands with the hub."""

    changed = Signal()

    def __init__(
        self,
        store: StoreThread,
        messages: MessageBridge,
        inbox: InboxViewModel,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._messages = messages
        self._inbox = inbox
        self.case_id: str | None = None
        self.result: CaseMessages | None = None
        inbox.message_opened.connect(self._message_opened)
        inbox.listing_changed.connect(self._listing_changed)

    def show_case(self, case_id: str | None) -> None:
        """Follow the open case (None: no case is open)."""
        if case_id == self.case_id:
            return
        self.case_id = case_id
        self.result = None
        self.changed.emit()
        self.refresh()

    def refresh(self, *_: object) -> None:
        case_id = self.case_id
        if case_id is None:
            return

        def read(session: ClinicSession) -> CaseMessages:
            return session.inbox.for_case(case_id)

        self._store.call(read, self._loaded, self._inbox.report_failure, context=self)

    def _loaded(self, result: CaseMessages) -> None:
        if result.case_id == self.case_id:
            self.result = result
            self.changed.emit()

    def read(self, seq: int) -> None:
        """Open a message of this case: it is shown in full and acknowledged."""
        self._inbox.open_message(seq)

    def _message_opened(self, message: InboxMessage) -> None:
        if message.case_id is not None and message.case_id == self.case_id:
            self.refresh()  # the message and the case's receipt both changed

    def _listing_changed(self) -> None:
        if self._inbox.enrolled is None:
            self.clear()
        elif self.case_id is not None:
            self.refresh()

    def clear(self) -> None:
        if self.case_id is None and self.result is None:
            return
        self.case_id = None
        self.result = None
        self.changed.emit()
