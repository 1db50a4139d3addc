"""The case list screen: search (debounced) and filters over the lazily loaded table model."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QObject, QTimer, Signal

from desktop.gui.messages import MessageBridge
from desktop.gui.store_thread import StoreThread
from desktop.gui.viewmodels.case_row_text import FILTERS
from desktop.gui.viewmodels.case_table import CaseQuery, CaseTableModel
from desktop.services.cases import CasePage


class CaseListViewModel(QObject):
    open_requested = Signal(str)  # case id
    new_case_requested = Signal()
    filter_changed = Signal(str)  # one of FILTERS

    def __init__(
        self,
        store: StoreThread,
        messages: MessageBridge,
        *,
        page_size: int = 100,
        search_delay_ms: int = 250,
        today: Callable[[], date] = date.today,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._messages = messages
        self._today = today
        self._filter = "all"
        self.model = CaseTableModel(self._fetch_page, page_size=page_size, parent=self)
        self.model.load_failed.connect(messages.report)
        self._search_text = ""
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(search_delay_ms)
        self._debounce.timeout.connect(self._apply_search)

    @property
    def search_text(self) -> str:
        return self._search_text

    def set_search_text(self, text: str) -> None:
        """Search as the user types; the query runs after a short pause."""
        self._search_text = text
        self._debounce.start()

    def search_now(self) -> None:
        """Enter pressed: search without waiting for the pause."""
        self._debounce.stop()
        self._apply_search()

    @property
    def case_filter(self) -> str:
        return self._filter

    def set_filter(self, case_filter: str) -> None:
        """Show only the cases a filter matches (with the search); "all": every case."""
        if case_filter not in FILTERS:
            raise ValueError(f"unknown case filter {case_filter!r}")
        if case_filter == self._filter:
            return
        self._filter = case_filter
        self.filter_changed.emit(case_filter)
        self._debounce.stop()
        self.model.reload(self._search_text, case_filter)

    def reload(self) -> None:
        self.model.reload(self._search_text, self._filter)

    def refresh(self) -> None:
        """The rows shown, read again (keeps the scroll position; see CaseTableModel)."""
        self.model.refresh()

    def clear(self) -> None:
        self._debounce.stop()
        self._search_text = ""
        self.model.clear()

    def open_row(self, row: int) -> None:
        case_id = self.model.case_id_at(row)
        if case_id is not None:
            self.open_requested.emit(case_id)

    def request_new_case(self) -> None:
        self.new_case_requested.emit()

    def _apply_search(self) -> None:
        text = self._search_text.strip()
        if text != (self.model.search or ""):
            self.model.reload(text, self._filter)

    def _fetch_page(
        self,
        query: CaseQuery,
        offset: int,
        limit: int,
        done: Callable[[CasePage], None],
        failed: Callable[[BaseException], None],
    ) -> None:
        today = self._today()
        self._store.call(
            lambda session: session.cases.list_cases(
                search=query.search,
                case_filter=query.case_filter,
                today=today,
                offset=offset,
                limit=limit,
            ),
            done,
            failed,
            context=self,
        )
