"""The case list screen: search box, filter, the lazily loaded table, and a count."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.gui.viewmodels.case_list import CaseListViewModel
from desktop.gui.viewmodels.case_row_text import FILTERS, filter_text
from desktop.gui.viewmodels.case_table import COLUMNS
from desktop.gui.widgets.badges import StatusBadgeDelegate


class CaseListView(QWidget):
    def __init__(self, cases: CaseListViewModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view_model = cases
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        title = QLabel(self.tr("Cases"))
        title.setObjectName("screenTitle")
        top.addWidget(title)
        top.addStretch(1)
        self.new_button = QPushButton(self.tr("&New case"))
        self.new_button.setToolTip(self.tr("Start a new case (Ctrl+N)"))
        self.new_button.clicked.connect(cases.request_new_case)
        top.addWidget(self.new_button)
        layout.addLayout(top)

        search_row = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setPlaceholderText(self.tr("Search by pseudonym or name (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.textEdited.connect(cases.set_search_text)
        self.search.returnPressed.connect(self._search_now)
        search_label = QLabel(self.tr("&Search"))
        search_label.setBuddy(self.search)
        search_row.addWidget(search_label)
        search_row.addWidget(self.search, 1)
        self.filter = QComboBox()
        self.filter.setObjectName("caseFilter")
        for case_filter in FILTERS:
            self.filter.addItem(filter_text(case_filter), case_filter)
        self.filter.setCurrentIndex(FILTERS.index(cases.case_filter))
        self.filter.setToolTip(self.tr("Show only some cases (Ctrl+Shift+F)"))
        self.filter.currentIndexChanged.connect(self._filter_chosen)
        cases.filter_changed.connect(self._filter_changed)
        filter_label = QLabel(self.tr("Fi&lter"))
        filter_label.setBuddy(self.filter)
        search_row.addWidget(filter_label)
        search_row.addWidget(self.filter)
        self.count = QLabel()
        self.count.setObjectName("hint")
        search_row.addWidget(self.count)
        layout.addLayout(search_row)

        self.table = QTableView()
        self.table.setModel(cases.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setSortingEnabled(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        widths = (140, 200, 100, 140, 70, 220, 160)
        for column, width in zip(range(len(COLUMNS)), widths, strict=True):
            self.table.setColumnWidth(column, width)
        self.table.setItemDelegateForColumn(
            COLUMNS.index("status"), StatusBadgeDelegate(self.table)
        )
        self.table.activated.connect(self._open)
        self.table.doubleClicked.connect(self._open)
        layout.addWidget(self.table, 1)
        self.empty = QLabel()
        self.empty.setObjectName("hint")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.empty)
        cases.model.total_changed.connect(self._update_count)
        cases.model.loading_changed.connect(self._update_count)
        cases.model.modelReset.connect(self._update_count)
        cases.model.page_loaded.connect(self._update_count)
        self.setFocusProxy(self.search)
        self._update_count()

    def _search_now(self) -> None:
        self.view_model.search_now()
        self.table.setFocus()
        if self.view_model.model.rowCount() > 0:
            self.table.selectRow(0)

    def _filter_chosen(self, index: int) -> None:
        self.view_model.set_filter(FILTERS[index])

    def _filter_changed(self, case_filter: str) -> None:
        self.filter.setCurrentIndex(FILTERS.index(case_filter))

    def _open(self, index: QModelIndex) -> None:
        self.view_model.open_row(index.row())

    def _update_count(self, *_: object) -> None:
        model = self.view_model.model
        if model.loading and model.rowCount() == 0:
            self.count.setText(self.tr("Loading…"))
        elif model.search or model.case_filter != "all":
            self.count.setText(self.tr("%n case(s) found", "", model.total))
        else:
            self.count.setText(self.tr("%n case(s)", "", model.total))
        no_rows = not model.loading and model.rowCount() == 0
        self.empty.setVisible(no_rows)
        if no_rows:
            if model.case_filter != "all":
                text = (
                    self.tr('No case matches "%1" and this search.')
                    if model.search
                    else self.tr('No case matches "%1".')
                )
                self.empty.setText(text.replace("%1", filter_text(model.case_filter)))
            elif model.search:
                self.empty.setText(self.tr("No case matches this search."))
            else:
                self.empty.setText(self.tr('No cases yet. Start one with "New case" (Ctrl+N).'))
