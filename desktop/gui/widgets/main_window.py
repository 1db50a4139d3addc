"""The main window: sign-in screen or workspace (navigation, pages, message bar, status).

Dumb like every view: it receives the clinic view model, shows what it says and calls
its methods. Keyboard first: every page and action has a shortcut (see docs/user-guide.md).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.gui.messages import Level, Message
from desktop.gui.report_document import print_report
from desktop.gui.viewmodels.clinic import ClinicViewModel
from desktop.gui.viewmodels.session import SessionMode, SessionState
from desktop.gui.widgets.case_hub_panel import CaseHubPanel
from desktop.gui.widgets.case_list_view import CaseListView
from desktop.gui.widgets.dialogs import (
    DraftChoice,
    DraftRecoveryDialog,
    PdfPathDialog,
    PrinterDialog,
)
from desktop.gui.widgets.editor.case_editor import CaseEditorView
from desktop.gui.widgets.follow_up_view import FollowUpView
from desktop.gui.widgets.hub_review_view import HubReviewView
from desktop.gui.widgets.inbox_view import InboxView
from desktop.gui.widgets.model_panel import ModelPanel
from desktop.gui.widgets.report_view import ReportView
from desktop.gui.widgets.settings_dialog import SettingsDialog
from desktop.gui.widgets.status_bar import StatusBar
from desktop.gui.widgets.unlock_view import UnlockView
from desktop.gui.widgets.users_dialog import UsersDialog
from desktop.store import StoredDraft

INFO_VISIBLE_MS = 8_000


class MainWindow(QMainWindow):
    def __init__(self, clinic: ClinicViewModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.clinic = clinic
        self.workspace_actions: list[QAction] = []
        self._message_timer = QTimer(self)
        self._message_timer.setSingleShot(True)
        self._message_timer.timeout.connect(self._hide_info)
        self._workspace_timer = QTimer(self)
        self._workspace_timer.setSingleShot(True)
        self._workspace_timer.setInterval(0)
        self._workspace_timer.timeout.connect(self._next_workspace_step)
        self._build()
        clinic.session.state_changed.connect(self._session_state)
        clinic.page_requested.connect(self.show_page)
        clinic.drafts_found.connect(self._offer_drafts)
        clinic.report.exported.connect(self._exported)
        clinic.messages.attach(self.show_message)
        clinic.inbox.unread_changed.connect(self._show_unread)

    def _build(self) -> None:
        """Create the views from the view models (again after a language switch).

        The sign-in screen, menus and status bar come first; the workspace pages are
        then built one per event-loop turn, so the window is usable at once (the pages
        are ready long before a passphrase is typed; :meth:`ensure_workspace` finishes
        them immediately when they are needed sooner).
        """
        clinic = self.clinic
        self.setWindowTitle(self.tr("PainBridge - cancer pain decision support"))
        self.root = QStackedWidget()
        self.unlock = UnlockView(clinic.session, clinic.config.demo)
        self.root.addWidget(self.unlock)
        self.workspace = self._build_workspace_frame()
        self.root.addWidget(self.workspace)
        self.setCentralWidget(self.root)  # deletes the previous one
        self.status = StatusBar(clinic.status)
        self.setStatusBar(self.status)
        self._build_actions()
        self._workspace_steps = self._page_builders()
        self._workspace_timer.start()
        self._session_state(clinic.session.state)
        self._show_unread(clinic.inbox.unread)

    def retranslate(self) -> None:
        """Rebuild the views in the newly installed language, on the same page."""
        page = self.current_page()
        banner = self.banner_text.text() if self.banner.isVisible() else ""
        for act in self.workspace_actions:
            self.removeAction(act)
            act.deleteLater()
        self.workspace_actions = []
        self.menuBar().clear()
        self._build()
        self.show_page(page)
        if banner:
            self.banner_text.setText(banner)
            self.banner.show()

    # --- layout ---------------------------------------------------------------------------

    def _page_list(self) -> list[tuple[str, str]]:
        """(name, title) of each page, in navigation order."""
        pages = [
            ("cases", self.tr("Cases")),
            ("case", self.tr("Case")),
            ("report", self.tr("Report")),
            ("follow_up", self.tr("Follow-up")),
            ("inbox", self.tr("Hub inbox")),
            ("model", self.tr("Model")),
        ]
        # Hub expert mode; like every page, shown only when the session allows it.
        pages.append(("hub_review", self.tr("Hub review")))
        return pages

    def _build_workspace_frame(self) -> QWidget:
        workspace = QWidget()
        layout = QVBoxLayout(workspace)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.banner = QWidget()
        self.banner.setObjectName("banner")
        banner_layout = QHBoxLayout(self.banner)
        self.banner_text = QLabel()
        self.banner_text.setWordWrap(True)
        self.banner_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        dismiss = QPushButton(self.tr("Dismiss"))
        dismiss.setFlat(True)
        dismiss.clicked.connect(self.banner.hide)
        banner_layout.addWidget(self.banner_text, 1)
        banner_layout.addWidget(dismiss)
        self.banner.hide()
        layout.addWidget(self.banner)
        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setMaximumWidth(180)
        self.pages = QStackedWidget()
        self._page_names = [name for name, _ in self._page_list()]
        for _, title in self._page_list():
            self.navigation.addItem(QListWidgetItem(title))
        self.navigation.currentRowChanged.connect(self._navigate)
        left = QVBoxLayout()
        left.setContentsMargins(0, 0, 0, 0)
        self.account = QLabel()  # who is signed in, with their roles
        self.account.setObjectName("account")
        self.account.setWordWrap(True)
        self.account.setMaximumWidth(180)
        self.account.setContentsMargins(16, 8, 8, 8)
        left.addWidget(self.account)
        left.addWidget(self.navigation, 1)
        body.addLayout(left)
        body.addWidget(self.pages, 1)
        layout.addLayout(body, 1)
        self.hub_review: HubReviewView | None = None
        return workspace

    def _page_builders(self) -> list[Callable[[], object]]:
        clinic = self.clinic

        def case_list() -> None:
            self.case_list = CaseListView(clinic.cases)
            self.pages.addWidget(self.case_list)

        def editor() -> None:
            self.editor = CaseEditorView(clinic.editor, build_pages=False)
            self.editor.assess_button.clicked.connect(clinic.save_and_assess)
            self.pages.addWidget(self.editor)

        def others() -> None:
            self.report = ReportView(clinic.report)
            self.report.export_button.clicked.connect(self.export_pdf)
            self.report.print_button.clicked.connect(self.print_report)
            self.follow_up = FollowUpView(clinic.follow_up)
            self.follow_up.assess_button.clicked.connect(clinic.save_and_assess)
            self.inbox = InboxView(clinic.inbox, clinic.status)
            self.case_hub = CaseHubPanel(clinic.case_hub)
            self.report.add_panel(self.case_hub)
            self.model_panel = ModelPanel(clinic.status, clinic.model_updates)
            for page in (self.report, self.follow_up, self.inbox, self.model_panel):
                self.pages.addWidget(page)
            if clinic.hub_review is not None:
                self.hub_review = HubReviewView(clinic.hub_review, clinic.hub_report)
                self.pages.addWidget(self.hub_review)
            self.pages.setCurrentIndex(max(0, self.navigation.currentRow()))

        tabs = [lambda: self.editor.build_next_page() for _ in range(5)]
        return [case_list, editor, *tabs, others]

    def _next_workspace_step(self) -> None:
        if self._workspace_steps:
            self._workspace_steps.pop(0)()
        if self._workspace_steps:
            self._workspace_timer.start()

    @property
    def workspace_ready(self) -> bool:
        return not self._workspace_steps

    def ensure_workspace(self) -> None:
        """Build whatever pages are still missing, now."""
        self._workspace_timer.stop()
        while self._workspace_steps:
            self._workspace_steps.pop(0)()

    def _navigate(self, row: int) -> None:
        if row >= self.pages.count():
            self.ensure_workspace()
        self.pages.setCurrentIndex(row)

    def _build_actions(self) -> None:
        clinic = self.clinic
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        go_menu = self.menuBar().addMenu(self.tr("&Go"))
        tools = self.menuBar().addMenu(self.tr("&Tools"))

        # What an action needs visible (a page name); actions not named here need nothing.
        needs: dict[Callable[..., object], str] = {
            clinic.new_case: "case",
            clinic.editor.save: "case",
            clinic.save_and_assess: "case",
            self.export_pdf: "report",
            self.print_report: "report",
            self.focus_search: "cases",
            self.focus_filter: "cases",
            clinic.sync.sync_now: "model",  # any clinic session, not hub expert mode
        }
        self._action_pages: dict[QAction, str] = {}

        def action(
            menu_name: str,
            text: str,
            shortcut: QKeySequence | QKeySequence.StandardKey | str,
            slot: Callable[..., object],
        ) -> QAction:
            act = QAction(text, self)
            act.setShortcut(QKeySequence(shortcut))
            act.triggered.connect(slot)
            {"file": file_menu, "go": go_menu, "tools": tools}[menu_name].addAction(act)
            self.addAction(act)
            self.workspace_actions.append(act)
            if slot in needs:
                self._action_pages[act] = needs[slot]
            return act

        action("file", self.tr("&New case"), "Ctrl+N", clinic.new_case)
        action("file", self.tr("&Save"), QKeySequence.StandardKey.Save, clinic.editor.save)
        action("file", self.tr("Save and &assess"), "Ctrl+Return", clinic.save_and_assess)
        action("file", self.tr("&Export report as PDF…"), "Ctrl+E", self.export_pdf)
        action("file", self.tr("&Print report…"), QKeySequence.StandardKey.Print, self.print_report)
        action("file", self.tr("&Lock"), "Ctrl+L", clinic.lock)
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Quit))
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        self.addAction(quit_action)
        self.workspace_actions.append(quit_action)
        for index, (name, title) in enumerate(self._page_list()):
            go = action("go", title, f"Ctrl+{index + 1}", lambda _=False, n=name: self.show_page(n))
            self._action_pages[go] = name
        action("go", self.tr("&Find a case"), QKeySequence.StandardKey.Find, self.focus_search)
        action("go", self.tr("Filter the case &list"), "Ctrl+Shift+F", self.focus_filter)
        action("tools", self.tr("S&ync now"), "Ctrl+Shift+S", clinic.sync.sync_now)
        action("tools", self.tr("&Settings…"), "Ctrl+,", self.open_settings)
        # Only for IT admins: shown and enabled by _session_state (the service checks too).
        self.users_action = action("tools", self.tr("&Users…"), "Ctrl+Shift+U", self.open_users)

    # --- pages ----------------------------------------------------------------------------

    def show_page(self, name: str) -> None:
        self.ensure_workspace()
        unlocked = self.clinic.session.state is SessionState.UNLOCKED
        if unlocked and name not in self.clinic.visible_pages():
            return  # not for this user's roles (or not in hub expert mode)
        if name in self._page_names:
            index = self._page_names.index(name)
            self.navigation.setCurrentRow(index)
            page = self.editor.tabs.currentWidget() if name == "case" else self.pages.widget(index)
            if name == "hub_review" and self.clinic.hub_review is not None:
                self.clinic.hub_review.refresh()
            if page is not None:
                page.setFocus()

    def current_page(self) -> str:
        return self._page_names[max(0, self.pages.currentIndex())]

    def focus_search(self) -> None:
        self.show_page("cases")  # builds the pages if needed
        self.case_list.search.setFocus()
        self.case_list.search.selectAll()

    def focus_filter(self) -> None:
        self.show_page("cases")
        self.case_list.filter.setFocus()

    def _show_unread(self, unread: int) -> None:
        """The navigation counts the unread hub messages: "Hub inbox (2)"."""
        if "inbox" not in self._page_names:
            return
        item = self.navigation.item(self._page_names.index("inbox"))
        title = self.tr("Hub inbox")
        if unread:
            title = self.tr("%1 (%2)").replace("%1", title).replace("%2", str(unread))
        item.setText(title)
        item.setToolTip(self.tr("%n unread message(s) from the hub", "", unread) if unread else "")

    def _session_state(self, state: SessionState) -> None:
        unlocked = state is SessionState.UNLOCKED
        if unlocked:
            self.ensure_workspace()
        self.root.setCurrentWidget(self.workspace if unlocked else self.unlock)
        visible = self.clinic.visible_pages() if unlocked else frozenset()
        for act in self.workspace_actions:
            needed = self._action_pages.get(act)
            act.setEnabled(unlocked and (needed is None or needed in visible))
        may_manage_users = unlocked and self.clinic.users.allowed
        self.users_action.setEnabled(may_manage_users)
        self.users_action.setVisible(may_manage_users)
        for row, name in enumerate(self._page_names):
            self.navigation.setRowHidden(row, name not in visible)
        self.account.setText(self._account_text() if unlocked else "")
        if state is SessionState.LOCKED:
            self.banner.hide()

    def _account_text(self) -> str:
        """The signed-in user and what they are: roles, or hub expert at an address."""
        session = self.clinic.session
        user = session.user or ""
        hub = session.hub_service
        if session.mode is SessionMode.HUB and hub is not None:
            return f"{user}\n" + self.tr("Hub expert at %1").replace("%1", hub.hub_url)
        roles = session.roles
        labels = {"clinician": self.tr("Clinician"), "it_admin": self.tr("IT admin")}
        named = [labels[role.value] for role in sorted(roles.roles)] if roles else []
        return f"{user}\n" + (self.tr(", ").join(named) or self.tr("No role"))

    # --- messages -------------------------------------------------------------------------

    def show_message(self, message: Message) -> None:
        prefix = {
            Level.INFO: "",
            Level.WARNING: self.tr("Warning: "),
            Level.ERROR: self.tr("Error: "),
        }[message.level]
        self.banner.setProperty("level", message.level.value)
        self.banner.style().unpolish(self.banner)
        self.banner.style().polish(self.banner)
        self.banner_text.setText(prefix + message.text)
        self.banner.show()
        if message.level is Level.INFO:
            self._message_timer.start(INFO_VISIBLE_MS)
        else:
            self._message_timer.stop()

    def _exported(self, path: str) -> None:
        self.clinic.messages.info(self.tr("Report saved as %1").replace("%1", path))

    def _hide_info(self) -> None:
        self.banner.hide()

    # --- dialogs --------------------------------------------------------------------------

    def _offer_drafts(self, drafts: list[StoredDraft]) -> None:
        draft = drafts[0]
        choice = DraftRecoveryDialog.ask(draft, len(drafts) - 1, self)
        if choice is DraftChoice.RESTORE:
            self.clinic.restore_draft(draft)
        elif choice is DraftChoice.DISCARD:
            self.clinic.discard_draft(draft)

    def open_users(self) -> None:
        """Tools > Users… (IT admins): the local users and their roles."""
        if self.clinic.users.allowed:
            UsersDialog.ask(self.clinic.users, self)

    def open_settings(self) -> None:
        SettingsDialog.ask(
            self.clinic.preferences,
            self,
            enrollment=self.clinic.sync,
            sections=self.clinic.settings_sections(),
        )

    def export_pdf(self) -> None:
        report = self.clinic.report.report
        if report is None:
            self.clinic.messages.info(
                self.tr("Assess the case first: there is no report to export.")
            )
            return
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        suggested = Path(folder) / f"painbridge-report-{report.pseudonym or 'case'}.pdf"
        path = PdfPathDialog.ask(suggested, self)
        if path is not None:
            self.clinic.report.export_pdf(path)

    def print_report(self) -> None:
        report = self.clinic.report.report
        if report is None:
            self.clinic.messages.info(
                self.tr("Assess the case first: there is no report to print.")
            )
            return
        printer = PrinterDialog.ask(self)
        if printer is not None:
            print_report(report, printer)

    # --- closing --------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        """Keep what was typed: the draft is flushed before the store thread stops."""
        self.clinic.editor.flush_draft()
        self.clinic.messages.detach()
        event.accept()
