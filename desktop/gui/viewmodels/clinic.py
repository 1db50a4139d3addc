"""The clinic workflow: wires the screens' view models to each other and to the session.

Unlock -> case list, status, drafts check. Open or new case -> editor. Save and assess ->
new version, then the report. Lock (manual or idle) -> drafts flushed, store closed,
every decrypted view cleared.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

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
from desktop.gui.viewmodels.inbox import CaseHubViewModel, InboxViewModel
from desktop.gui.viewmodels.model_updates import ModelUpdatesViewModel
from desktop.gui.viewmodels.preferences import PreferencesViewModel
from desktop.gui.viewmodels.report import ReportViewModel
from desktop.gui.viewmodels.session import LockReason, SessionMode, SessionViewModel
from desktop.gui.viewmodels.status import StatusViewModel
from desktop.gui.viewmodels.sync import SyncViewModel
from desktop.gui.viewmodels.users import UsersViewModel
from desktop.services.cases import SavedCase
from desktop.services.roles import Permission
from desktop.store import StoredDraft

if TYPE_CHECKING:
    from desktop.services.background_sync import RoundOutcome

PAGES = ("cases", "case", "report", "follow_up", "model", "inbox")
#: What a clinic user's roles must allow to see each page (desktop/services/roles.py).
PAGE_PERMISSIONS = {
    "cases": Permission.READ_CASES,
    "case": Permission.READ_CASES,
    "report": Permission.READ_CASES,
    "follow_up": Permission.READ_CASES,
    "inbox": Permission.READ_INBOX,
    "model": Permission.VIEW_STATUS,
}
HUB_REVIEW_PAGE = "hub_review"


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
        self.preferences = PreferencesViewModel(
            config.preferences,
            jobs,
            messages,
            self,
            machine=config.machine,
            machine_problem=config.machine_problem,
        )
        self.idle = IdleMonitor(
            config.preferences.value.auto_lock_minutes * 60.0,
            clock=config.idle_clock,
            check_interval_ms=config.idle_check_interval_ms,
            parent=self,
        )
        self.session = SessionViewModel(
            config.opener,
            store,
            self.idle,
            self.preferences,
            messages,
            self,
            jobs=jobs,
            hub_signin=config.hub_review_signin,
        )
        self.users = UsersViewModel(self.session, store, messages, self)  # Tools > Users…
        self.cases = CaseListViewModel(
            store,
            messages,
            page_size=config.page_size,
            search_delay_ms=config.search_delay_ms,
            today=config.today,
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
        self.sync = SyncViewModel(config, store, jobs, messages, self.status, self)
        self.model_updates = ModelUpdatesViewModel(
            store, jobs, messages, self.status, self.sync, self
        )
        # Hub expert mode: attached at a hub sign-in (or preset by config.hub_review).
        self.hub_review = HubReviewViewModel(config.hub_review, jobs, messages, self)
        self.hub_report = ReportViewModel(jobs, store, messages, self)
        self.inbox = InboxViewModel(store, messages, self)
        self.case_hub = CaseHubViewModel(store, messages, self.inbox, self)
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
        self.report.assessing_changed.connect(self._assessing_changed)
        self.preferences.changed.connect(self.editor.reevaluate)
        self.preferences.changed.connect(self._preferences_changed)
        self.hub_review.session_ended.connect(self.session.end_hub_session)
        self._wire_inbox()

    def _wire_inbox(self) -> None:
        """The hub inbox, the open case's hub panel and the case list's sync column."""
        self.inbox.case_requested.connect(self.open_case)
        self.inbox.message_opened.connect(lambda _message: self.cases.refresh())
        self.status.sync_changed.connect(self.inbox.status_changed)
        self.sync.round_finished.connect(self._round_finished)
        self.sync.enrolled.connect(self.inbox.refresh)
        self.report.report_changed.connect(self._report_changed)
        self.editor.saved.connect(self.case_hub.refresh)
        self.report.sent_to_hub.connect(self._sent_to_hub)

    def _report_changed(self, *_: object) -> None:
        """The hub panel follows the case the report screen shows."""
        self.case_hub.show_case(self.report.case_id)

    def _round_finished(self, outcome: RoundOutcome) -> None:
        """A sync round ended: the inbox (and with it the case's hub panel) may have news,
        and the case list's sync column when something moved."""
        self.inbox.refresh()
        report = outcome.report
        if report is not None and (report.sent or report.received or report.quarantined):
            self.cases.refresh()
            self.report.refresh_hub_state()

    def _sent_to_hub(self, *_: object) -> None:
        """The case was queued by "Send to hub": sync now, show it queued in the list."""
        self.sync.trigger()
        self.cases.refresh()
        self.case_hub.refresh()

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

    # --- what the signed-in user may see ------------------------------------------------

    def visible_pages(self) -> frozenset[str]:
        """The pages the session shows: hub expert mode only the hub review; a clinic
        user those their roles allow (nothing while locked)."""
        session = self.session
        if session.mode is SessionMode.HUB:
            return frozenset({HUB_REVIEW_PAGE})
        pages = {name for name, needed in PAGE_PERMISSIONS.items() if session.allows(needed)}
        if session.mode is SessionMode.CLINIC and self.hub_review.attached:
            pages.add(HUB_REVIEW_PAGE)  # a preset review service (config.hub_review)
        return frozenset(pages)

    def home_page(self) -> str:
        """The first page after sign-in."""
        visible = self.visible_pages()
        return next((name for name in (*PAGES, HUB_REVIEW_PAGE) if name in visible), "model")

    def settings_sections(self) -> frozenset[str]:
        """Settings the session may change: the hub connection for IT admins, the clinical
        schemes for clinicians and hub experts, the general ones for everyone."""
        session = self.session
        sections = {"general"}
        if session.allows(Permission.MANAGE_HUB):
            sections.add("hub")
        if session.allows(Permission.ASSESS) or session.mode is SessionMode.HUB:
            sections.add("clinical")
        return frozenset(sections)

    # --- session events -------------------------------------------------------------------

    def _unlocked(self, user: str) -> None:
        if self.session.mode is SessionMode.HUB:
            self._hub_signed_in(user)
            return
        self.cases.reload()  # empty, with the reason, for a user who is not a clinician
        self.status.start(user)
        self.sync.start()
        self.inbox.refresh()
        problem = self.config.opener.model_problem
        self.status.set_model_problem(problem)
        if problem:
            self.messages.warning(
                self.tr(
                    "The model could not be loaded, so reports show scores and guideline "
                    "alerts only (no mechanism probabilities or ranking). Details: %1"
                ).replace("%1", problem)
            )
        if self.session.allows(Permission.EDIT_CASES):
            self.store.call(
                lambda session: session.drafts.list(),
                self._drafts_listed,
                self.messages.report,
                context=self,
            )
        self.page_requested.emit(self.home_page())

    def _hub_signed_in(self, user: str) -> None:
        """Hub expert mode: no clinic store, only the review queue."""
        service = self.session.hub_service
        if service is not None:
            self.hub_review.attach(service)
        self.status.start_hub_expert(user, service.hub_url if service is not None else "")
        self.page_requested.emit(HUB_REVIEW_PAGE)

    def _drafts_listed(self, drafts: list[StoredDraft]) -> None:
        if drafts:
            self.drafts_found.emit(drafts)

    def _locking(self, reason: LockReason) -> None:
        self.editor.flush_draft()  # queued before the close: nothing typed is lost
        self.sync.stop()  # the round ends at its next step; nothing waits for it

    def _locked(self, reason: LockReason) -> None:
        self.editor.close()
        self.cases.clear()
        self.report.clear()
        self.status.stop()
        self.inbox.clear()
        self.hub_report.clear()
        if self.hub_review.service is self.config.hub_review:
            self.hub_review.clear()  # a preset service stays for the next sign-in
        else:
            self.hub_review.detach()
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
            self.report.assess(case)  # the sync round follows the stored report
            self.page_requested.emit("report")
        else:
            self.sync.trigger()

    def _assessing_changed(self, assessing: bool) -> None:
        """An assessment ended: its report is stored, send the case with it."""
        if not assessing:
            self.sync.trigger()

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
