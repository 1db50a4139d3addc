"""The report of the open case: assessed on the job runner, shown, exported, sent.

The previous report of each case is kept in memory for this session (until lock), so a
re-assessment after a follow-up shows what changed. "Send to hub" needs the patient's
consent and a configured hub; until the sync service exists the button says why not.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal

from desktop.domain.case import Case
from desktop.domain.report import Report
from desktop.gui.jobs import JobHandle, JobRunner
from desktop.gui.messages import MessageBridge
from desktop.gui.store_thread import StoreThread
from desktop.services.jobs import CancelToken, Progress, ProgressCallback
from desktop.services.reports import ReportService
from desktop.services.status import SyncStatus


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
        self._service: ReportService | None = None
        self._report: Report | None = None
        self._case: Case | None = None
        self._previous: dict[str, Report] = {}
        self._job: JobHandle | None = None
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
    def assessing(self) -> bool:
        return self._job is not None

    def use_service(self, service: ReportService | None) -> None:
        """The session's report service (set after unlock, cleared on lock)."""
        self._service = service

    def set_sync_status(self, status: SyncStatus) -> None:
        self._sync = status
        self.send_state_changed.emit()

    # --- assessing ------------------------------------------------------------------------

    def assess(self, case: Case) -> None:
        """Compose the report of ``case`` in the background (cancels a running one)."""
        service = self._service
        if service is None:
            return
        if self._job is not None:
            self._job.cancel()
        key = str(case.case_id)
        previous = self._previous.get(key) or (
            self._report if self._report and self._report.case_id == case.case_id else None
        )
        requested = self.clinician_requests_referral

        def work(token: CancelToken, progress: ProgressCallback) -> Report:
            progress(Progress(0, 1, "assessing"))
            report = service.assess(
                case, previous=previous, clinician_requests_referral=requested
            )
            token.raise_if_cancelled()
            progress(Progress(1, 1, "assessed"))
            return report

        job = self._jobs.submit(self.tr("Assessing the case"), work)
        self._job = job
        self.assessing_changed.emit(True)
        job.succeeded.connect(lambda report: self._assessed(job, case, report))
        job.failed.connect(self._messages.report)
        job.ended.connect(lambda: self._job_ended(job))

    def _assessed(self, job: JobHandle, case: Case, report: Report) -> None:
        if job is not self._job:
            return
        if self._report is not None and self._report.case_id == report.case_id:
            self._previous[str(report.case_id)] = self._report
        self._case = case
        self._report = report
        self.report_changed.emit(report)
        self.send_state_changed.emit()

    def _job_ended(self, job: JobHandle) -> None:
        if job is self._job:
            self._job = None
            self.assessing_changed.emit(False)

    def clear(self) -> None:
        """Forget every report (on lock)."""
        if self._job is not None:
            self._job.cancel()
            self._job = None
        self._report = None
        self._case = None
        self._previous.clear()
        self._service = None
        self.report_changed.emit(None)

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
                "Patient tab (\"Consents to sharing with the hub\") before sending."
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
        from desktop.gui.report_document import write_report_pdf

        def work(token: CancelToken, progress: ProgressCallback) -> str:
            write_report_pdf(report, path)
            return str(path)

        job = self._jobs.submit(self.tr("Exporting the report"), work)
        job.succeeded.connect(self.exported.emit)
        job.failed.connect(self._messages.report)
        return job
