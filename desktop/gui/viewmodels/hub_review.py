"""Hub expert mode: the review queue as a table model, and the claim / open / send flow.

Every call to the hub is a network request, so it runs on the job runner; one at a time
(the screen says "working…" meanwhile). Nothing here touches the clinic's database.

The review service is attached when an expert signs in at the hub and detached at sign-out
(answers still on their way are then dropped); a session the hub no longer accepts is
announced by :attr:`HubReviewViewModel.session_ended`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from desktop.domain.errors import InvalidInput
from desktop.gui.i18n import translate
from desktop.gui.jobs import JobRunner
from desktop.gui.messages import MessageBridge
from desktop.services.hub_review import (
    HubReviewService,
    HubSessionEnded,
    RecommendationDraft,
    ReviewedCase,
)
from desktop.services.jobs import CancelToken, ProgressCallback
from sync.protocol.review import QueueEntry

AnyIndex = QModelIndex | QPersistentModelIndex
URGENCY_ROLE = Qt.ItemDataRole.UserRole + 1
QUEUE_COLUMNS = ("urgency", "waiting", "pseudonym", "clinic", "state", "claimed")


def urgency_text(urgency: str) -> str:
    return {
        "urgent": translate("HubReview", "Urgent"),
        "soon": translate("HubReview", "Soon"),
        "routine": translate("HubReview", "Routine"),
    }.get(urgency, urgency)


def state_text(state: str) -> str:
    return {
        "received": translate("HubReview", "Waiting"),
        "in_review": translate("HubReview", "In review"),
        "answered": translate("HubReview", "Answered"),
    }.get(state, state.replace("_", " "))


class ReviewQueueModel(QAbstractTableModel):
    """The queue, most urgent and longest waiting first."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._entries: list[QueueEntry] = []

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(QUEUE_COLUMNS)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._entries):
            return None
        entry = self._entries[index.row()]
        column = QUEUE_COLUMNS[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._display(entry, column)
        if role == Qt.ItemDataRole.ToolTipRole and column == "urgency":
            return "\n".join(entry.urgency_reasons)
        if role == URGENCY_ROLE:
            return entry.urgency
        return None

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(QUEUE_COLUMNS)
        ):
            return (
                translate("HubReview", "Urgency"),
                translate("HubReview", "Waiting"),
                translate("HubReview", "Pseudonym"),
                translate("HubReview", "Clinic"),
                translate("HubReview", "State"),
                translate("HubReview", "Claimed by"),
            )[section]
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def set_entries(self, entries: list[QueueEntry]) -> None:
        self.beginResetModel()
        self._entries = list(entries)
        self.endResetModel()

    def entry(self, row: int) -> QueueEntry | None:
        return self._entries[row] if 0 <= row < len(self._entries) else None

    def _display(self, entry: QueueEntry, column: str) -> str:
        if column == "urgency":
            return urgency_text(entry.urgency)
        if column == "waiting":
            hours = entry.waiting_hours
            if hours < 48:
                return translate("HubReview", "%1 h").replace("%1", f"{hours:.0f}")
            return translate("HubReview", "%1 days").replace("%1", f"{hours / 24:.0f}")
        if column == "pseudonym":
            return entry.pseudonym
        if column == "clinic":
            return entry.clinic_name
        if column == "state":
            return state_text(entry.state)
        return entry.claimed_by or "—"


class HubReviewViewModel(QObject):
    busy_changed = Signal(bool)
    case_opened = Signal(object)  # ReviewedCase
    sent = Signal(str)  # case_ref
    send_refused = Signal(object)  # InvalidInput
    session_ended = Signal(object)  # HubSessionEnded: sign in again
    cleared = Signal()  # signed out: the case and the form are gone

    def __init__(
        self,
        service: HubReviewService | None,
        jobs: JobRunner,
        messages: MessageBridge,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._jobs = jobs
        self._messages = messages
        self.queue = ReviewQueueModel(self)
        self.current: ReviewedCase | None = None
        self._busy = False
        self._refresh_when_done = False
        self._generation = 0  # answers of an earlier sign-in are dropped

    @property
    def busy(self) -> bool:
        return self._busy

    @property
    def attached(self) -> bool:
        return self._service is not None

    @property
    def service(self) -> HubReviewService | None:
        return self._service

    def attach(self, service: HubReviewService) -> None:
        """An expert signed in: work on their session from now on."""
        self.clear()
        self._service = service

    def detach(self) -> None:
        """Signed out: forget the session, the queue and the open case."""
        self._service = None
        self.clear()

    def clear(self) -> None:
        self._generation += 1
        self.current = None
        self._refresh_when_done = False
        self.queue.set_entries([])
        self._set_busy(False)
        self.cleared.emit()

    def refresh(self) -> None:
        service = self._service
        if service is None:
            return
        self._run(self.tr("Loading the review queue"), lambda: service.queue(), self._queued)

    def claim_and_open(self, row: int) -> None:
        entry = self.queue.entry(row)
        if entry is None or self._service is None:
            return
        service, case_ref = self._service, entry.case_ref

        def claim_then_open() -> ReviewedCase:
            if entry.state != "in_review":
                service.claim(case_ref)
            return service.open_case(case_ref)

        self._run(self.tr("Opening the case"), claim_then_open, self._opened)

    def send(self, draft: RecommendationDraft) -> None:
        current, service = self.current, self._service
        if current is None or service is None:
            return
        case_ref = current.view.case_ref

        def send() -> str:
            service.send(case_ref, draft)
            return case_ref

        self._run(self.tr("Sending the recommendation"), send, self._sent)

    def _run(self, title: str, call: Callable[[], Any], done: Callable[[Any], None]) -> None:
        if self._busy:
            return
        self._set_busy(True)
        generation = self._generation

        def work(token: CancelToken, progress: ProgressCallback) -> Any:
            return call()

        def current(callback: Callable[[Any], None]) -> Callable[[Any], None]:
            return lambda value: callback(value) if generation == self._generation else None

        handle = self._jobs.submit(title, work)
        handle.succeeded.connect(current(done))
        handle.failed.connect(current(self._failed))
        handle.ended.connect(lambda: self._ended() if generation == self._generation else None)

    def _queued(self, entries: list[QueueEntry]) -> None:
        self.queue.set_entries(entries)

    def _opened(self, reviewed: ReviewedCase) -> None:
        self.current = reviewed
        self.case_opened.emit(reviewed)

    def _sent(self, case_ref: str) -> None:
        self._messages.info(self.tr("Recommendation sent to the clinic."))
        self.current = None
        self._refresh_when_done = True
        self.sent.emit(case_ref)

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, InvalidInput):
            self.send_refused.emit(error)
        elif isinstance(error, HubSessionEnded):
            self.session_ended.emit(error)
        else:
            self._messages.report(error)

    def _ended(self) -> None:
        self._set_busy(False)
        if self._refresh_when_done:
            self._refresh_when_done = False
            self.refresh()

    def _set_busy(self, busy: bool) -> None:
        if busy != self._busy:
            self._busy = busy
            self.busy_changed.emit(busy)
