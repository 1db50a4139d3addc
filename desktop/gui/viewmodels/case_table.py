"""The case list as a Qt table model that loads pages lazily (fetchMore/canFetchMore).

Rows come from ``CaseService.list_cases`` through a page source (the store thread), a
page at a time, as the view scrolls. A reload (new search or filter) bumps a generation
counter so a page that arrives for an older query is ignored. A refresh (after a sync
round) reads the rows already shown again and, when the same cases come back in the same
order, only their cells change: the scroll position and the selection stay.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from desktop.gui.i18n import translate
from desktop.gui.viewmodels.case_row_text import (
    badge_keys,
    local_time,
    status_text,
    sync_explanation,
    sync_text,
)
from desktop.services.cases import CasePage, CaseRow

__all__ = ["CaseQuery", "CaseTableModel", "local_time", "status_text"]

AnyIndex = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class CaseQuery:
    """What the list shows: a search (None: none) and a filter (see case_row_text.FILTERS)."""

    search: str | None = None
    case_filter: str = "all"


PageSource = Callable[
    [CaseQuery, int, int, Callable[[CasePage], None], Callable[[BaseException], None]], None
]
"""``source(query, offset, limit, done, failed)``: fetch one page asynchronously."""

CASE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
STATUS_ROLE = Qt.ItemDataRole.UserRole + 2  # the first badge's key
BADGES_ROLE = Qt.ItemDataRole.UserRole + 3  # every badge's key (tuple[str, ...])
SYNC_ROLE = Qt.ItemDataRole.UserRole + 4  # the sync state's key

#: A refresh reads the shown rows again in one request of at most this many (the store's
#: largest page); with more rows shown it reloads instead.
REFRESH_LIMIT = 500

COLUMNS = ("pseudonym", "patient", "assessed", "updated", "version", "status", "sync")


def column_titles() -> tuple[str, ...]:
    return (
        translate("CaseTable", "Pseudonym"),
        translate("CaseTable", "Patient"),
        translate("CaseTable", "Assessed"),
        translate("CaseTable", "Last change"),
        translate("CaseTable", "Version"),
        translate("CaseTable", "Status"),
        translate("CaseTable", "Hub"),
    )


class CaseTableModel(QAbstractTableModel):
    loading_changed = Signal(bool)
    total_changed = Signal(int)
    page_loaded = Signal()
    load_failed = Signal(object)  # exception

    def __init__(
        self, source: PageSource, *, page_size: int = 100, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._source = source
        self._page_size = page_size
        self._rows: list[CaseRow] = []
        self._total = 0
        self._query = CaseQuery()
        self._generation = 0
        self._loading = False
        self._titles = column_titles()

    # --- Qt model API ---------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = COLUMNS[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._display(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        if role == CASE_ID_ROLE:
            return row.case_id
        if role == STATUS_ROLE:
            return badge_keys(row)[0]
        if role == BADGES_ROLE:
            return badge_keys(row)
        if role == SYNC_ROLE:
            return row.sync_state
        if role == Qt.ItemDataRole.TextAlignmentRole and column == "version":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(COLUMNS)
        ):
            return self._titles[section]
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def canFetchMore(self, parent: AnyIndex) -> bool:  # noqa: N802
        return not parent.isValid() and not self._loading and len(self._rows) < self._total

    def fetchMore(self, parent: AnyIndex) -> None:  # noqa: N802
        if self.canFetchMore(parent):
            self._request(len(self._rows))

    # --- our API --------------------------------------------------------------------------

    @property
    def total(self) -> int:
        return self._total

    @property
    def loading(self) -> bool:
        return self._loading

    @property
    def search(self) -> str | None:
        return self._query.search

    @property
    def case_filter(self) -> str:
        return self._query.case_filter

    @property
    def query(self) -> CaseQuery:
        return self._query

    def retranslate(self) -> None:
        """Column titles and badge texts in the newly installed language."""
        self._titles = column_titles()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        if self._rows:
            last = self.index(len(self._rows) - 1, len(COLUMNS) - 1)
            self.dataChanged.emit(self.index(0, 0), last)

    def case_id_at(self, row: int) -> str | None:
        return self._rows[row].case_id if 0 <= row < len(self._rows) else None

    def reload(self, search: str | None = None, case_filter: str = "all") -> None:
        """Forget the rows and load the first page for ``search`` (None: no search) and
        ``case_filter`` ("all": every case)."""
        self._query = CaseQuery(search.strip() if search and search.strip() else None, case_filter)
        self._generation += 1
        self.beginResetModel()
        self._rows = []
        self._total = 0
        self._loading = True  # no fetchMore while the first page is on its way
        self.endResetModel()
        self._loading = False
        self._request(0)

    def refresh(self) -> None:
        """Read the rows already shown again, for the same query (after a sync round).

        The same cases in the same order: their cells are updated in place (scroll
        position and selection stay). Otherwise, or with a page still on its way or more
        than :data:`REFRESH_LIMIT` rows shown, the list reloads from the first page."""
        count = len(self._rows)
        if self._loading or not 0 < count <= REFRESH_LIMIT:
            self.reload(self._query.search, self._query.case_filter)
            return
        self._generation += 1
        generation = self._generation
        self._set_loading(True)
        self._source(
            self._query,
            0,
            max(count, self._page_size),
            lambda page: self._refreshed(generation, page),
            lambda error: self._fail(generation, error),
        )

    def _refreshed(self, generation: int, page: CasePage) -> None:
        if generation != self._generation:
            return
        shown = len(self._rows)
        if [r.case_id for r in page.rows[:shown]] == [r.case_id for r in self._rows]:
            self._rows[:] = page.rows[:shown]  # the same cases: only their cells change
            self.dataChanged.emit(self.index(0, 0), self.index(shown - 1, len(COLUMNS) - 1))
            self._append(page.rows[shown:], page.total)
        else:
            self.beginResetModel()
            self._rows = []
            self.endResetModel()
            self._append(page.rows, page.total)

    def clear(self) -> None:
        """Drop every row (on lock): nothing decrypted stays in memory."""
        self._generation += 1
        self.beginResetModel()
        self._rows = []
        self._total = 0
        self.endResetModel()
        self._set_loading(False)
        self.total_changed.emit(0)

    def _request(self, offset: int) -> None:
        generation = self._generation
        self._set_loading(True)
        self._source(
            self._query,
            offset,
            self._page_size,
            lambda page: self._receive(generation, offset, page),
            lambda error: self._fail(generation, error),
        )

    def _receive(self, generation: int, offset: int, page: CasePage) -> None:
        if generation != self._generation or offset != len(self._rows):
            return
        self._append(page.rows, page.total)

    def _append(self, rows: Sequence[CaseRow], total: int) -> None:
        """Add the rows a page brought after the shown ones; announce the page."""
        total_changed = total != self._total
        self._total = max(total, len(self._rows) + len(rows))
        if rows:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()
        # Only now: a view reacting to the insert must not fetch the next page re-entrantly.
        self._set_loading(False)
        if total_changed:
            self.total_changed.emit(self._total)
        self.page_loaded.emit()

    def _fail(self, generation: int, error: BaseException) -> None:
        if generation == self._generation:
            self._set_loading(False)
            self.load_failed.emit(error)

    def _set_loading(self, loading: bool) -> None:
        if loading != self._loading:
            self._loading = loading
            self.loading_changed.emit(loading)

    def _display(self, row: CaseRow, column: str) -> str:
        if column == "pseudonym":
            return row.pseudonym
        if column == "patient":
            return row.patient_name or translate("CaseTable", "(no name)")
        if column == "assessed":
            return row.assessment_date
        if column == "updated":
            return local_time(row.updated_at)
        if column == "version":
            return str(row.latest_version)
        if column == "sync":
            return sync_text(row.sync_state, row.sync_reason)
        return " · ".join(status_text(key) for key in badge_keys(row))

    def _tooltip(self, row: CaseRow, column: str) -> str | None:
        if column == "pseudonym":
            return (
                translate("CaseTable", "Case %1, version %2")
                .replace("%1", row.case_id)
                .replace("%2", str(row.latest_version))
            )
        if column == "sync":
            explanation = sync_explanation(row.sync_state)
            return f"{sync_text(row.sync_state, row.sync_reason)}\n{explanation}".strip()
        if column == "status" and row.needs_follow_up and row.follow_up_due_on:
            return translate("CaseTable", "Follow-up due since %1 (hub recommendation)").replace(
                "%1", row.follow_up_due_on
            )
        return None
