"""The sync client's ports, implemented over the store's SyncLedger.

Every call goes through ``run_on_store`` so that, in the app, the background sync thread
hands store work to the store thread (SQLCipher connections belong to the thread that
opened them); the CLI passes a direct call.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import Any, TypeVar

from desktop.store import (
    Delivery,
    NewHubMessage,
    OutgoingItem,
    PendingAck,
    StoredReport,
    SyncLedger,
)
from sync.client import DeliveryOutcome, PendingUpload, ReceivedChange
from sync.protocol import ModelSummary, ReceiptAck, ReferralSummary
from sync.protocol.uploads import MAX_REFERRAL_REASONS

T = TypeVar("T")
StoreCall = Callable[[Callable[[], T]], T]
ReportLookup = Callable[[str, int], StoredReport | None]
MECHANISMS = ("nociceptive", "neuropathic", "nociplastic")
MAX_REASON_CHARACTERS = 500


def direct(work: Callable[[], T]) -> T:
    """``run_on_store`` for callers already on the store's thread (CLI, tests)."""
    return work()


def store_time(text: str) -> datetime:
    """A store time stamp (``...Z``) as an aware datetime."""
    return datetime.fromisoformat(text.replace("Z", "+00:00")) if text else datetime.now(UTC)


def _format(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def model_summary(report: StoredReport | None) -> ModelSummary | None:
    """What the clinic's model said about a case version, from its stored report."""
    if report is None or not report.model_name or not report.model_version:
        return None
    found: dict[str, float] = {}

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            mechanism, probability = node.get("mechanism"), node.get("probability")
            if mechanism in MECHANISMS and isinstance(probability, int | float):
                found.setdefault(str(mechanism), float(probability))
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(report.document)
    if not found:
        return None
    return ModelSummary.model_validate(
        {
            "name": report.model_name[:200],
            "version": report.model_version[:64],
            "mechanism_probabilities": found,
        }
    )


def referral_summary(report: StoredReport | None) -> ReferralSummary | None:
    """Whether a version's stored report recommends hub referral and why (None: no
    report, or one without a referral section)."""
    document = report.document if report is not None else None
    referral = document.get("referral") if isinstance(document, dict) else None
    if not isinstance(referral, dict) or document is None:
        return None
    reasons = [
        str(reason.get("reason", "")).strip()[:MAX_REASON_CHARACTERS]
        for reason in referral.get("reasons", ())
        if isinstance(reason, dict)
    ]
    return ReferralSummary(
        clinician_requested=document.get("clinician_requested_referral") is True,
        recommended=referral.get("recommended") is True,
        reasons=tuple(reason for reason in reasons if reason)[:MAX_REFERRAL_REASONS],
    )


class StoreOutbox:
    """OutboxPort over the ledger. Each item carries what the newest stored report of its
    version says (``report_for``): the model's mechanisms and the referral."""

    def __init__(
        self,
        ledger: SyncLedger,
        run_on_store: StoreCall[Any] = direct,
        *,
        report_for: ReportLookup | None = None,
    ) -> None:
        self._ledger = ledger
        self._run = run_on_store
        self._report_for = report_for

    def due(self, limit: int) -> list[PendingUpload]:
        items: list[OutgoingItem] = self._run(lambda: self._ledger.due(limit))
        return [self._pending(item) for item in items]

    def _pending(self, item: OutgoingItem) -> PendingUpload:
        report = None
        if self._report_for is not None:
            lookup = self._report_for
            report = self._run(lambda: lookup(item.case_id, item.version))
        return PendingUpload(
            outbox_id=item.outbox_id,
            idempotency_key=item.idempotency_key,
            case_id=item.case_id,
            version=item.version,
            saved_at=store_time(item.created_at),
            attempts=item.attempts,
            document=item.document,
            model=model_summary(report),
            referral=referral_summary(report),
        )

    def mark_attempted(self, items: Sequence[PendingUpload]) -> None:
        outgoing = [
            OutgoingItem(i.outbox_id, i.idempotency_key, i.case_id, i.version, "", i.attempts, {})
            for i in items
        ]
        self._run(lambda: self._ledger.mark_attempted(outgoing))

    def record(self, outcomes: Sequence[DeliveryOutcome]) -> None:
        deliveries = [
            Delivery(
                outbox_id=o.outbox_id,
                outcome=o.outcome,
                reason=o.reason,
                retry_at=None if o.retry_at is None else _format(o.retry_at),
            )
            for o in outcomes
        ]
        self._run(lambda: self._ledger.record_deliveries(deliveries))


class StoreInbox:
    """InboxPort over the ledger."""

    def __init__(self, ledger: SyncLedger, run_on_store: StoreCall[Any] = direct) -> None:
        self._ledger = ledger
        self._run = run_on_store
        self._reported: dict[tuple[int, str], PendingAck] = {}

    def cursor(self) -> int:
        identity = self._run(self._ledger.identity)
        return 0 if identity is None else int(identity.changes_cursor)

    def store(self, changes: Sequence[ReceivedChange], cursor: int) -> int:
        messages = [
            NewHubMessage(
                seq=c.seq,
                kind=c.kind,
                case_id=c.case_id,
                case_version=c.case_version,
                payload_text=c.payload_text,
                signature=c.signature,
            )
            for c in changes
        ]
        receipts = [
            (c.case_id, c.case_version or 1, c.receipt)
            for c in changes
            if c.case_id is not None and c.receipt is not None
        ]
        stored: int = self._run(
            lambda: self._ledger.store_messages(messages, cursor=cursor, receipts=receipts)
        )
        return stored

    def pending_acks(self) -> list[ReceiptAck]:
        pending: list[PendingAck] = self._run(self._ledger.pending_acks)
        self._reported = {(ack.seq, ack.state): ack for ack in pending}
        return [
            ReceiptAck(
                case_id=ack.case_id,
                change_seq=ack.seq,
                state="delivered" if ack.state == "delivered" else "read",
                at=store_time(ack.at),
            )
            for ack in pending
        ]

    def acks_reported(self, acks: Sequence[ReceiptAck]) -> None:
        reported = [
            self._reported[(ack.change_seq, ack.state)]
            for ack in acks
            if (ack.change_seq, ack.state) in self._reported
        ]
        self._run(lambda: self._ledger.acks_reported(reported))
