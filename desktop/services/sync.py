"""Syncing with the hub: enroll, sync now, status, inbox (Qt-free use cases).

:class:`SyncService` is the clinic's side of issue 5. It owns no thread: ``sync_now`` runs
where it is called (the CLI's main thread, or :class:`BackgroundSync`'s thread); every
store access goes through ``run_on_store`` (see desktop/services/sync_ports.py). It is
also the ``SyncStatusSource`` the GUI polls (``current()``).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from desktop.domain.errors import UserFacingError
from desktop.services.anchor_port import StoreAnchors
from desktop.services.jobs import CancelToken, Progress, ProgressCallback, ignore_progress
from desktop.services.model_updates import ModelUpdateReport, ModelUpdateService
from desktop.services.roles import Permission, UserRoles, require
from desktop.services.status import NOT_CONFIGURED_DETAIL, SyncState, SyncStatus
from desktop.services.sync_ports import StoreCall, StoreInbox, StoreOutbox, direct, store_time
from desktop.services.sync_texts import (
    CHECKING_MODEL_UPDATE,
    CONNECTED,
    NOT_SYNCED_YET,
    RECEIVING_ANSWERS,
    SENDING_CASES,
)
from desktop.store import (
    CaseReceipt,
    CaseStore,
    DeviceKey,
    HubMessage,
    OutboxState,
    QuarantinedItem,
    StoredIdentity,
)
from sync.client import HubClient, anchor_audit_head, drain_outbox, pull_changes
from sync.client.changes import ChangeRejected
from sync.client.drain import DrainCancelled
from sync.transport import HubRefused, HubUnreachable, HubUntrusted

#: Builds a client for a hub address (the composition root decides trust and timeouts).
HubConnector = Callable[[str], HubClient]
OFFLINE_MARK = "[offline] "
DEFAULT_DEVICE_NAME = "clinic computer"


class NotEnrolled(UserFacingError):
    """This installation has not been enrolled with a hub yet."""

    def __init__(self) -> None:
        super().__init__(
            "This computer is not enrolled with a hub yet. Ask IT for an enrollment code, "
            "then run `painbridge sync enroll --hub URL --code CODE`."
        )


class MessageNotFound(UserFacingError):
    def __init__(self, seq: int) -> None:
        super().__init__(f"There is no hub message {seq} on this computer.")


@dataclass(frozen=True)
class Enrollment:
    device_id: str
    clinic_name: str
    hub_url: str


@dataclass
class SyncReport:
    """What one sync round did."""

    sent: int = 0
    duplicates: int = 0
    quarantined: int = 0
    deferred: int = 0
    received: int = 0
    requests: int = 0
    offline: bool = False
    error: str | None = None
    models: ModelUpdateReport | None = None
    finished_at: datetime | None = None
    batch_sizes: list[int] = field(default_factory=list)
    #: the audit entry the hub confirmed this round (None: not anchored, see anchor_error)
    anchored_seq: int | None = None
    #: why the audit head could not be anchored (the rest of the round still ran)
    anchor_error: str | None = None

    @property
    def ok(self) -> bool:
        return not self.offline and self.error is None


def _utc_now() -> datetime:
    return datetime.now(UTC)


class SyncService:
    """Enrolls this installation and syncs its outbox and inbox with the hub."""

    def __init__(
        self,
        store: CaseStore,
        *,
        actor: str,
        connect: HubConnector,
        run_on_store: StoreCall[Any] = direct,
        models: ModelUpdateService | None = None,
        clock: Callable[[], datetime] = _utc_now,
        max_failures: int = 5,
        sleep: Callable[[float], None] | None = None,
        roles: UserRoles | None = None,
    ) -> None:
        self._roles = roles  # None: no sign-in to check (tests, tools)
        self._store = store
        self._ledger = store.sync_ledger()
        self._actor = actor
        self._connect = connect
        self._run = run_on_store
        self._models = models
        self._clock = clock
        self._max_failures = max_failures
        self._sleep = sleep
        self._lock = threading.Lock()
        self._progress: Progress | None = None

    # --- identity -----------------------------------------------------------------------

    def identity(self) -> StoredIdentity | None:
        identity: StoredIdentity | None = self._run(self._ledger.identity)
        return identity

    def enroll(self, hub_url: str, code: str, device_name: str = DEFAULT_DEVICE_NAME) -> Enrollment:
        """Generate this device's key, enroll with the one-time code, keep the identity."""
        require(self._roles, Permission.MANAGE_HUB)
        key = DeviceKey.generate()
        client = self._connect(hub_url)
        try:
            response = client.enroll(code.strip(), device_name, key.public_bytes())
        finally:
            client.close()
        self._run(
            lambda: self._ledger.save_identity(
                actor=self._actor,
                hub_url=hub_url.rstrip("/"),
                device_name=device_name,
                key=key.for_device(response.device_id),
                device_id=response.device_id,
                clinic_id=response.clinic_id,
                clinic_name=response.clinic_name,
                hub_public_key=response.hub_public_key,
                tuf_roots={str(k): v for k, v in response.tuf_roots.items()},
            )
        )
        return Enrollment(response.device_id, response.clinic_name, hub_url.rstrip("/"))

    # --- one round ----------------------------------------------------------------------

    def sync_now(
        self,
        *,
        progress: ProgressCallback = ignore_progress,
        cancel: CancelToken | None = None,
        update_models: bool = True,
    ) -> SyncReport:
        """Upload what is due, pull what the hub sent, check for a model update.

        Offline is not an error: the report says ``offline`` and nothing is lost. A
        refusal the user must act on (device revoked, certificate not trusted, a change
        that fails its signature) is recorded and raised.
        """
        require(self._roles, Permission.SYNC)
        identity = self.identity()
        if identity is None:
            raise NotEnrolled()
        token = cancel or CancelToken()
        report = SyncReport()
        with self._lock:
            self._set_progress(progress, Progress(0, None, SENDING_CASES.phrase))
            client = self._connect(identity.hub_url)
            client.use_identity(identity.key)
            try:
                self._round(client, identity, report, token, progress)
            except HubUnreachable as error:
                report.offline, report.error = True, str(error)
            except (HubRefused, HubUntrusted, ChangeRejected) as error:
                report.error = str(error)
                self._record(success=False, error=str(error))
                raise
            except DrainCancelled:
                report.error = "cancelled"
            finally:
                client.close()
                self._progress = None
            report.finished_at = self._clock()
            if report.offline:
                self._record(success=False, error=OFFLINE_MARK + (report.error or "offline"))
            elif report.error is None:
                self._record(success=True)
        return report

    def _round(
        self,
        client: HubClient,
        identity: StoredIdentity,
        report: SyncReport,
        token: CancelToken,
        progress: ProgressCallback,
    ) -> None:
        outbox = StoreOutbox(self._ledger, self._run, report_for=self._report_for)
        drained = drain_outbox(
            client,
            outbox,
            clock=self._clock,
            max_failures=self._max_failures,
            cancelled=lambda: token.cancelled,
            progress=lambda done, text: self._set_progress(progress, Progress(done, None, text)),
            sleep=self._sleep or time.sleep,
        )
        report.sent, report.duplicates = drained.sent, drained.duplicates
        report.quarantined, report.deferred = drained.quarantined, drained.deferred
        report.requests, report.batch_sizes = drained.requests, drained.batch_sizes
        if drained.stopped_offline:
            report.offline, report.error = True, drained.last_error
            return
        self._anchor_audit(client, identity, report)
        self._set_progress(progress, Progress(0, None, RECEIVING_ANSWERS.phrase))
        pulled = pull_changes(
            client,
            StoreInbox(self._ledger, self._run),
            hub_public_key=identity.hub_public_key,
            clinic_id=identity.clinic_id,
            cancelled=lambda: token.cancelled,
        )
        report.received = pulled.received
        if self._models is not None:
            self._set_progress(progress, Progress(0, None, CHECKING_MODEL_UPDATE.phrase))
            report.models = self._models.update(client, identity.hub_url, identity.tuf_roots)

    def _anchor_audit(
        self, client: HubClient, identity: StoredIdentity, report: SyncReport
    ) -> None:
        """Anchor the audit head at the hub; a failure is reported, never fatal."""
        try:
            anchored = anchor_audit_head(
                client,
                StoreAnchors(self._store.hub_anchors(), self._run),
                device_id=identity.device_id,
                clinic_id=identity.clinic_id,
                hub_public_key=identity.hub_public_key,
                clock=self._clock,
            )
        except UserFacingError as error:  # refused (audit alarm), offline, bad receipt
            report.anchor_error = str(error)
        else:
            report.anchored_seq = anchored.seq

    def _report_for(self, case_id: str, version: int) -> Any:
        for stored in reversed(self._store.reports(case_id)):
            if stored.case_version == version:
                return stored
        return None

    def _set_progress(self, callback: ProgressCallback, progress: Progress) -> None:
        self._progress = progress
        callback(progress)

    def _record(self, *, success: bool, error: str | None = None) -> None:
        self._run(lambda: self._ledger.record_attempt(success=success, error=error))

    # --- status (the GUI's SyncStatusSource) --------------------------------------------

    def current(self) -> SyncStatus:
        """The status bar's snapshot (reads the store: call it on the store thread)."""
        counts = self._store.stats().outbox
        identity = self._ledger.identity()
        queued, quarantined = counts[OutboxState.PENDING], counts[OutboxState.QUARANTINED]
        if identity is None:
            return SyncStatus(
                state="not_configured",
                queued=queued,
                quarantined=quarantined,
                detail=NOT_CONFIGURED_DETAIL,
            )
        state: SyncState = "online"
        detail = CONNECTED.fill(clinic=identity.clinic_name, url=identity.hub_url).english
        error = identity.last_error
        if self._progress is not None:
            state, detail = "syncing", self._progress.message
        elif identity.last_attempt_at is None:
            state, detail = "offline", NOT_SYNCED_YET.phrase
        elif error:
            offline = error.startswith(OFFLINE_MARK)
            state = "offline" if offline else "error"
            detail = error.removeprefix(OFFLINE_MARK)
        return SyncStatus(
            state=state,
            queued=queued,
            quarantined=quarantined,
            last_success=None
            if identity.last_success_at is None
            else store_time(identity.last_success_at),
            progress=self._progress,
            detail=detail,
            inbox_unread=self._ledger.unread_count(),
        )

    # --- inbox, receipts, quarantine ----------------------------------------------------

    def inbox(self, *, unread_only: bool = False, limit: int = 100) -> list[HubMessage]:
        require(self._roles, Permission.READ_INBOX)
        messages: list[HubMessage] = self._run(
            lambda: self._ledger.messages(unread_only=unread_only, limit=limit)
        )
        return messages

    def messages_for_case(self, case_id: str) -> list[HubMessage]:
        require(self._roles, Permission.READ_INBOX)
        messages: list[HubMessage] = self._run(lambda: self._ledger.messages(case_id=case_id))
        return messages

    def read_message(self, seq: int) -> HubMessage:
        """Open a message: it is marked read (audited) and the hub gets a read receipt."""
        require(self._roles, Permission.READ_INBOX)
        message: HubMessage | None = self._run(lambda: self._ledger.message(seq))
        if message is None:
            raise MessageNotFound(seq)
        self._run(lambda: self._ledger.mark_read(seq, actor=self._actor))
        updated: HubMessage | None = self._run(lambda: self._ledger.message(seq))
        return updated or message

    def receipt(self, case_id: str) -> CaseReceipt | None:
        require(self._roles, Permission.READ_CASES)
        receipt: CaseReceipt | None = self._run(lambda: self._ledger.receipt(case_id))
        return receipt

    def quarantined(self) -> list[QuarantinedItem]:
        require(self._roles, Permission.SEND_TO_HUB)
        items: list[QuarantinedItem] = self._run(self._ledger.quarantined)
        return items

    def requeue(self, outbox_id: int) -> bool:
        require(self._roles, Permission.SEND_TO_HUB)
        done: bool = self._run(lambda: self._ledger.requeue(outbox_id, actor=self._actor))
        return done
