"""The clinic workflow: wires the screens' view models to each other and to the session.

Unlock -> case list, status, drafts check. Open or new case -> editor. Save and assess ->
new version, then the report. Lock (manual or idle) -> drafts flushed, store closed,
every decrypted view cleared.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from desktop.domain.case import Case
from desktop.gui.config import GuiConfig
from desktop.gui.idle import IdleMonitor
from desktop.gui.jobs import JobRunner
from desktop.gui.messages import MessageBridge
from desktop.gui.store_thread import StoreThread
from desktop.gui.viewmodels.case_editor import CaseEditorViewModel
from desktop.gui.viewmodels.case_list import CaseListViewModel
from desktop.gui.viewmodels.follow_up import FollowUpViewModel
from desktop.gui.viewmodels.hub_review import HubReviewViewModel
from desktop.gui.viewmodels.preferences import PreferencesViewModel
from desktop.gui.viewmodels.report import ReportViewModel
from desktop.gui.viewmodels.session import LockReason, SessionViewModel
from desktop.gui.viewmodels.status import StatusViewModel
from desktop.services.cases import SavedCase
from desktop.store import StoredDraft

PAGES = ("cases", "case", "report", "follow_up", "model", "inbox")


class ClinicViewModel(QObject):
    page_requested = Signal(str)  # one of PAGES
    drafts_found = Signal(object)  # list[StoredDraft]: ask whether to restore

    def __init__(
        self,
        config: GuiConfig,
        messages: MessageBridge,
        store: StoreThread,
        jobs: JobRunner,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.config = config
        self.messages = messages
        self.store = store
        self.jobs = jobs
        self.preferences = PreferencesViewModel(config.preferences, jobs, messages, self)
        self.idle = IdleMonitor(
            config.preferences.value.auto_lock_minutes * 60.0,
            clock=config.idle_clock,
            check_interval_ms=config.idle_check_interval_ms,
            parent=self,
        )
        self.session = SessionViewModel(
            config.opener, store, self.idle, self.preferences, messages, self
        )
        self.cases = CaseListViewModel(
            store,
            messages,
            page_size=config.page_size,
            search_delay_ms=config.search_delay_ms,
            parent=self,
        )
        self.editor = CaseEditorViewModel(
            store,
            messages,
            config.preferences.clinical_settings,
            today=config.today,
            autosave_delay_ms=config.autosave_delay_ms,
            parent=self,
        )
        self.follow_up = FollowUpViewModel(self.editor, today=config.today, parent=self)
        self.report = ReportViewModel(jobs, store, messages, self)
        self.status = StatusViewModel(
            store, jobs, poll_interval_ms=config.status_poll_interval_ms, parent=self
        )
        # Hub expert mode, when this installation has a hub account.
        self.hub_review = (
            HubReviewViewModel(config.hub_review, jobs, messages, self)
            if config.hub_review is not None
            else None
        )
        self.hub_report = ReportViewModel(jobs, store, messages, self)
        self._assess_after_save = False
        self._clinical_settings = config.preferences.clinical_settings()
        self._wire()

    def _wire(self) -> None:
        self.session.unlocked.connect(self._unlocked)
        self.session.locking.connect(self._locking)
        self.session.locked.connect(self._locked)
        self.cases.open_requested.connect(self.open_case)
        self.cases.new_case_requested.connect(self.new_case)
        self.editor.saved.connect(self._saved)
        self.editor.save_refused.connect(self._cancel_assess)
        self.status.sync_changed.connect(self.report.set_sync_status)
        self.preferences.changed.connect(self.editor.reevaluate)
        self.preferences.changed.connect(self._preferences_changed)

    # --- navigation and actions -----------------------------------------------------------

    def open_case(self, case_id: str) -> None:
        self.editor.load_case(case_id, done=self._case_opened)

    def _case_opened(self) -> None:
        case = self.editor.evaluation.case
        if case is not None:
            self.report.show_case(case)
        self.page_requested.emit("case")

    def new_case(self) -> None:
        self.editor.new_case()
        self.report.clear()
        self.page_requested.emit("case")

    def save_and_assess(self) -> None:
        """Save the case (if changed), then compose and show its report."""
        evaluation = self.editor.evaluation
        if not self.editor.is_open:
            return
        if not self.editor.dirty and evaluation.case is not None and self.editor.case_id:
            self.report.assess(evaluation.case)
            self.page_requested.emit("report")
            return
        self._assess_after_save = True
        self.editor.save()

    def restore_draft(self, draft: StoredDraft) -> None:
        self.editor.restore_draft(draft)
        self.page_requested.emit("case")

    def discard_draft(self, draft: StoredDraft) -> None:
        draft_id = draft.draft_id
        self.store.call(
            lambda session: session.drafts.discard(draft_id),
            None,
            self.messages.report,
            context=self,
        )

    def lock(self) -> None:
        self.session.lock(LockReason.MANUAL)

    # --- session events -------------------------------------------------------------------

    def _unlocked(self, user: str) -> None:
        self.cases.reload()
        self.status.start(user)
        problem = self.config.opener.model_problem
        self.status.set_model_problem(problem)
        if problem:
            self.messages.warning(
                self.tr(
                    "The model could not be loaded, so reports show scores and guideline "
                    "alerts only (no mechanism probabilities or ranking). Details: %1"
                ).replace("%1", problem)
            )
        self.store.call(
            lambda session: session.drafts.list(),
            self._drafts_listed,
            self.messages.report,
            context=self,
        )
        self.page_requested.emit("cases")

    def _drafts_listed(self, drafts: list[StoredDraft]) -> None:
        if drafts:
            self.drafts_found.emit(drafts)

    def _locking(self, reason: LockReason) -> None:
        self.editor.flush_draft()  # queued before the close: nothing typed is lost

    def _locked(self, reason: LockReason) -> None:
        self.editor.close()
        self.cases.clear()
        self.report.clear()
        self.status.stop()
        self._assess_after_save = False

    def _saved(self, saved: SavedCase, case: Case) -> None:
        self.cases.reload()
        self.status.refresh()
        self.messages.info(
            self.tr("Saved %1 as version %2.")
            .replace("%1", saved.pseudonym)
            .replace("%2", str(saved.version))
        )
        if self._assess_after_save:
            self._assess_after_save = False
            self.report.assess(case)
            self.page_requested.emit("report")

    def _cancel_assess(self, *_: object) -> None:
        self._assess_after_save = False

    def _preferences_changed(self) -> None:
        """New scheme choices: the open report is re-assessed under them."""
        settings = self.config.preferences.clinical_settings()
        if settings == self._clinical_settings:
            return
        self._clinical_settings = settings
        case = self.report.case
        if case is not None and self.report.report is not None:
            self.report.assess(case)
