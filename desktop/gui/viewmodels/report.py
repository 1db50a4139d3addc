"""The report of the open case: assessed and stored by the AssessmentService, shown,
exported, printed and sent to the hub.

Assessing reads the stored case, runs the model, composes the report and stores it, so
it runs on the store thread; the model itself is loaded in a background job at sign-in.
"Send to hub" needs a report, the patient's consent and an enrolled hub (otherwise the
button is disabled and says why). It re-assesses with the clinician's request and queues
the case as a referral, on the store thread (desktop/services/hub_referral.py);
:attr:`ReportViewModel.sent_to_hub` then asks for a sync round, and the case's hub state
("Queued for the hub", "Received by the hub" ...) is shown beside the button.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from desktop.domain.case import Case
from desktop.domain.report import Report
from desktop.gui.clinical_texts import referral_reason
from desktop.gui.jobs import JobHandle, JobRunner
from desktop.gui.messages import MessageBridge
from desktop.gui.report_document import write_report_pdf
from desktop.gui.store_thread import NotSignedIn, StoreThread
from desktop.services.jobs import CancelToken, Progress, ProgressCallback
from desktop.services.session import ClinicSession
from desktop.services.status import SyncStatus

if TYPE_CHECKING:
    from desktop.services.assessment import Assessment, SentToHub
    from desktop.services.hub_referral import HubState


class ReportViewModel(QObject):
    report_changed = Signal(object)  # Report | None
    assessing_changed = Signal(bool)
    send_state_changed = Signal()
    sent_to_hub = Signal(str)  # case id: a referral is queued, a sync round may send it
    exported = Signal(str)  # path of the PDF

    def __init__(
        self,
        jobs: JobRunner,
        store: StoreThread,
        messages: MessageBridge,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._jobs = jobs
        self._store = store
        self._messages = messages
        self._report: Report | None = None
        self._case: Case | None = None
        self._case_id: str | None = None
        self._assessing = 0
        self._sync = SyncStatus(state="not_configured")
        self._hub: HubState | None = None  # the open case's state with the hub
        self._sending = False
        self.clinician_requests_referral = False

    # --- state ----------------------------------------------------------------------------

    @property
    def report(self) -> Report | None:
        return self._report

    @property
    def case(self) -> Case | None:
        return self._case

    @property
    def case_id(self) -> str | None:
        return self._case_id

    @property
    def assessing(self) -> bool:
        return self._assessing > 0

    @property
    def sending(self) -> bool:
        return self._sending

    @property
    def hub_state(self) -> HubState | None:
        return self._hub

    def set_sync_status(self, status: SyncStatus) -> None:
        self._sync = status
        self.send_state_changed.emit()

    # --- loading and assessing ------------------------------------------------------------

    def show_case(self, case: Case) -> None:
        """Show the latest stored report of a case (none: the report screen says so)."""
        case_id = str(case.case_id)
        if case_id != self._case_id:
            self._hub = None
        self._case_id = case_id
        self._case = case
        self.clinician_requests_referral = False
        self._store.call(
            lambda session: session.assessments.latest_report(case_id),
            self._loaded,
            self._messages.report,
            context=self,
        )
        self.refresh_hub_state()

    def _loaded(self, report: Report | None) -> None:
        if report is None or str(report.case_id) == self._case_id:
            self._set_report(report)

    def assess(self, case: Case) -> None:
        """Assess the latest stored version of the case and store the report."""
        case_id = str(case.case_id)
        self._case_id = case_id
        self._case = case
        requested = self.clinician_requests_referral

        def assess(session: ClinicSession) -> Assessment:
            return session.assessments.assess_case(case_id, clinician_requests_referral=requested)

        self._set_assessing(+1)
        self._store.call(assess, self._assessed, self._assess_failed, context=self)

    def request_review(self, requested: bool) -> None:
        """The clinician asks for (or withdraws) a hub review: re-assess with it."""
        self.clinician_requests_referral = requested
        if self._case is not None:
            self.assess(self._case)

    def _assessed(self, assessment: Assessment) -> None:
        self._set_assessing(-1)
        if str(assessment.report.case_id) == self._case_id:
            self._set_report(assessment.report)
            self.refresh_hub_state()

    def _assess_failed(self, error: BaseException) -> None:
        self._set_assessing(-1)
        self._messages.report(error)

    def present(self, report: Report, case: Case) -> None:
        """Show a report composed elsewhere (a stored one, or one a hub expert reviews)."""
        self._case_id = str(report.case_id)
        self._case = case
        self._set_report(report)

    def _set_report(self, report: Report | None) -> None:
        self._report = report
        self.report_changed.emit(report)
        self.send_state_changed.emit()

    def _set_assessing(self, step: int) -> None:
        before = self.assessing
        self._assessing += step
        if self.assessing != before:
            self.assessing_changed.emit(self.assessing)

    def clear(self) -> None:
        """Forget the report and the case (on lock)."""
        self._case = None
        self._case_id = None
        self._assessing = 0
        self._hub = None
        self._sending = False
        self.clinician_requests_referral = False
        self._set_report(None)

    # --- sending to the hub ---------------------------------------------------------------

    def send_blocked_reason(self) -> str | None:
        """Why "Send to hub" is disabled, or None when it may be used."""
        case = self._case
        if case is None or self._report is None:
            return self.tr("Assess the case first: the report is what is sent.")
        consent = case.patient.consent_to_share if case.patient else None
        if consent is not True:
            return self.tr(
                "The patient has not consented to sharing. Record the consent on the "
                'Patient tab ("Consents to sharing with the hub") before sending.'
            )
        if not self._sync.configured:
            return self.tr(
                "The hub connection is not set up on this computer yet (Settings: hub "
                "address and enrollment). The case stays here; nothing is lost."
            )
        if self._sending:
            return self.tr("Queuing the case for the hub…")
        return None

    def send_to_hub(self) -> None:
        """Re-assess with the clinician's request and queue the case as a referral (on
        the store thread); :attr:`sent_to_hub` follows."""
        case_id = self._case_id
        if case_id is None or self.send_blocked_reason() is not None:
            return

        def send(session: ClinicSession) -> SentToHub:
            return session.assessments.send_to_hub(case_id)

        self._sending = True
        self.send_state_changed.emit()
        self._store.call(send, self._sent, self._send_failed, context=self)

    def _sent(self, sent: SentToHub) -> None:
        self._sending = False
        case_id = str(sent.assessment.report.case_id)
        if case_id == self._case_id:
            self.clinician_requests_referral = True
            self._hub = sent.hub
            self._set_report(sent.assessment.report)
        self.sent_to_hub.emit(case_id)

    def _send_failed(self, error: BaseException) -> None:
        self._sending = False
        self.send_state_changed.emit()
        self._messages.report(error)

    def refresh_hub_state(self, *_: object) -> None:
        """Read the open case's state with the hub again (after a sync round)."""
        case_id = self._case_id
        if case_id is None:
            return

        def read(session: ClinicSession) -> HubState:
            return session.assessments.hub_state(case_id)

        self._store.call(
            read,
            lambda state: self._hub_loaded(case_id, state),
            self._hub_failed,
            context=self,
        )

    def _hub_loaded(self, case_id: str, state: HubState) -> None:
        if case_id == self._case_id:
            self._hub = state
            self.send_state_changed.emit()

    def _hub_failed(self, error: BaseException) -> None:
        if not isinstance(error, NotSignedIn):  # locked meanwhile: nothing to show
            self._messages.report(error)

    def referral_text(self) -> str:
        """What the report says about referral, for the line beside "Send to hub"."""
        report = self._report
        if report is None:
            return ""
        reasons = [referral_reason(reason) for reason in report.referral.reasons]
        if report.referral.recommended:
            return self.tr("Hub referral recommended: %1").replace("%1", " ".join(reasons))
        return self.tr("Hub referral not recommended by the rules; you may still send the case.")

    def hub_state_text(self) -> str:
        """Where the open case stands with the hub ("" before it is known)."""
        hub = self._hub
        if hub is None:
            return ""
        if hub.referral == "queued":
            return self.tr("Hub: referral queued for the hub.")
        if hub.referral == "uploaded":
            return self.tr("Hub: referral sent; waiting for the hub to confirm.")
        if hub.sync.state == "quarantined":
            return self.tr("Hub: not sent (%1).").replace("%1", hub.sync.reason)
        text = {
            "not_sent": self.tr("Hub: not sent yet."),
            "queued": self.tr("Hub: queued for the hub."),
            "uploaded": self.tr("Hub: sent; waiting for the hub to confirm."),
            "received": self.tr("Hub: received by the hub; waiting for an expert."),
            "in_review": self.tr("Hub: in review at the hub."),
            "answered": self.tr("Hub: answered; the answer is on its way."),
            "delivered": self.tr("Hub: the hub's answer is here (Inbox)."),
            "read": self.tr("Hub: the hub's answer was read."),
        }
        return text.get(hub.sync.state, hub.sync.state.replace("_", " "))

    # --- export ---------------------------------------------------------------------------

    def export_pdf(self, path: Path) -> JobHandle | None:
        """Write the report as PDF in the background; emits :attr:`exported`."""
        report = self._report
        if report is None:
            return None

        def work(token: CancelToken, progress: ProgressCallback) -> str:
            progress(Progress(0, 1, "pdf"))
            write_report_pdf(report, path)
            progress(Progress(1, 1, "pdf"))
            return str(path)

        job = self._jobs.submit(self.tr("Exporting the report"), work)
        job.succeeded.connect(self.exported.emit)
        job.failed.connect(self._messages.report)
        return job
