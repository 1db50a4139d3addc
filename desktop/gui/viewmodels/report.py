"""The report of the open case: assessed and stored by the AssessmentService, shown,
exported, printed and (once the hub connection exists) sent.

Assessing reads the stored case, runs the model, composes the report and stores it, so
it runs on the store thread; the model itself is loaded in a background job at sign-in.
"Send to hub" needs the patient's consent and a configured hub; until the sync service
exists the button stays disabled and says why.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from desktop.domain.case import Case
from desktop.domain.report import Report
from desktop.gui.jobs import JobHandle, JobRunner
from desktop.gui.messages import MessageBridge
from desktop.gui.report_document import write_report_pdf
from desktop.gui.store_thread import StoreThread
from desktop.services.jobs import CancelToken, Progress, ProgressCallback
from desktop.services.session import ClinicSession
from desktop.services.status import SyncStatus

if TYPE_CHECKING:
    from desktop.services.assessment import Assessment


class ReportViewModel(QObject):
    report_changed = Signal(object)  # Report | None
    assessing_changed = Signal(bool)
    send_state_changed = Signal()
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

    def set_sync_status(self, status: SyncStatus) -> None:
        self._sync = status
        self.send_state_changed.emit()

    # --- loading and assessing ------------------------------------------------------------

    def show_case(self, case: Case) -> None:
        """Show the latest stored report of a case (none: the report screen says so)."""
        case_id = str(case.case_id)
        self._case_id = case_id
        self._case = case
        self.clinician_requests_referral = False
        self._store.call(
            lambda session: session.assessments.latest_report(case_id),
            self._loaded,
            self._messages.report,
            context=self,
        )

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
        return self.tr("Sending to the hub will be available when the hub connection is ready.")

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
