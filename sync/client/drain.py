"""Draining the outbox: batches to the hub until nothing is due, exactly once.

Each item keeps the Idempotency-Key of its outbox row on every retry, so the hub stores
it once whatever happens to the connection. The attempt is recorded *before* the request
(receipt ``uploaded``); the hub's answer is recorded after it in one transaction. A crash
in between leaves the row pending and the next drain sends it again with the same key,
which the hub answers with ``duplicate``.

Per item: ``stored``/``duplicate`` -> sent; a permanent refusal -> quarantined with the
hub's reason; a temporary refusal -> retried later (per-item backoff). Per batch: 413 ->
smaller batches (one item alone still too large is quarantined); could not reach the hub
or a 5xx -> retry with backoff up to ``max_failures`` times, then stop (offline is normal:
the items stay queued).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sync.client.backoff import AdaptiveBatch, Backoff
from sync.client.hub_client import HubClient
from sync.client.ports import DeliveryOutcome, OutboxPort, PendingUpload
from sync.protocol import (
    ItemResult,
    NotShareable,
    UploadItem,
    canonical_json,
    pseudonymize,
    sha256_hex,
)
from sync.transport import HubRefused, HubUnreachable, PayloadTooLarge

Sleep = Callable[[float], None]
Progress = Callable[[int, str], None]
Clock = Callable[[], datetime]


class DrainCancelled(Exception):
    """The caller asked to stop; everything recorded so far is consistent."""


@dataclass
class DrainReport:
    sent: int = 0
    duplicates: int = 0
    quarantined: int = 0
    deferred: int = 0
    requests: int = 0
    failures: int = 0
    last_error: str | None = None
    stopped_offline: bool = False
    batch_sizes: list[int] = field(default_factory=list)


def prepare(item: PendingUpload) -> UploadItem:
    """The wire item: pseudonymized document and its digest (raises NotShareable)."""
    shared = pseudonymize(item.document)
    return UploadItem(
        idempotency_key=item.idempotency_key,
        case_id=item.case_id,
        version=item.version,
        document=shared,
        document_sha256=sha256_hex(canonical_json(shared)),
        saved_at=item.saved_at,
        model=item.model,
        referral=item.referral,
    )


def drain_outbox(
    client: HubClient,
    outbox: OutboxPort,
    *,
    batch: AdaptiveBatch | None = None,
    backoff: Backoff | None = None,
    max_failures: int = 5,
    sleep: Sleep = time.sleep,
    clock: Clock,
    cancelled: Callable[[], bool] = lambda: False,
    progress: Progress | None = None,
) -> DrainReport:
    """Send every due item; returns what happened (never raises for offline)."""
    batch = batch or AdaptiveBatch()
    backoff = backoff or Backoff(base_seconds=1.0, cap_seconds=60.0)
    report = DrainReport()
    consecutive = 0
    while True:
        if cancelled():
            raise DrainCancelled()
        due = outbox.due(batch.size)
        if not due:
            return report
        sendable, refused = _split_shareable(due)
        if refused:
            outbox.record(refused)
            report.quarantined += len(refused)
        if not sendable:
            continue
        outbox.mark_attempted([item for item, _ in sendable])
        started = time.monotonic()
        report.requests += 1
        report.batch_sizes.append(len(sendable))
        try:
            answer = client.upload([wire for _, wire in sendable])
        except PayloadTooLarge as error:
            if len(sendable) == 1:
                outbox.record(
                    [DeliveryOutcome(sendable[0][0].outbox_id, "quarantined", error.body.message)]
                )
                report.quarantined += 1
            batch.too_large()
            continue
        except (HubUnreachable, HubRefused) as error:
            if isinstance(error, HubRefused) and error.permanent:
                raise  # the request as a whole is refused (e.g. revoked): not retryable here
            consecutive += 1
            report.failures += 1
            report.last_error = str(error)
            if consecutive >= max_failures:
                report.stopped_offline = True
                return report
            sleep(backoff.delay(consecutive))
            continue
        consecutive = 0
        batch.finished(time.monotonic() - started, len(sendable))
        outcomes = _outcomes(sendable, answer.results, backoff, clock(), report)
        outbox.record(outcomes)
        if progress is not None:
            progress(report.sent + report.duplicates, f"{report.sent + report.duplicates} sent")


def _split_shareable(
    due: list[PendingUpload],
) -> tuple[list[tuple[PendingUpload, UploadItem]], list[DeliveryOutcome]]:
    sendable: list[tuple[PendingUpload, UploadItem]] = []
    refused: list[DeliveryOutcome] = []
    for item in due:
        try:
            sendable.append((item, prepare(item)))
        except NotShareable as reason:
            refused.append(DeliveryOutcome(item.outbox_id, "quarantined", reason.reason))
    return sendable, refused


def _outcomes(
    sent: list[tuple[PendingUpload, UploadItem]],
    results: list[ItemResult],
    backoff: Backoff,
    now: datetime,
    report: DrainReport,
) -> list[DeliveryOutcome]:
    by_key = {result.idempotency_key: result for result in results}
    outcomes: list[DeliveryOutcome] = []
    for item, _ in sent:
        result = by_key.get(item.idempotency_key)
        if result is None:  # the hub skipped it: try again later
            outcomes.append(_deferred(item, "no answer for this item", backoff, now))
            report.deferred += 1
        elif result.outcome in ("stored", "duplicate"):
            outcomes.append(DeliveryOutcome(item.outbox_id, "sent"))
            if result.outcome == "stored":
                report.sent += 1
            else:
                report.duplicates += 1
        elif result.error is not None and result.error.permanent:
            outcomes.append(
                DeliveryOutcome(
                    item.outbox_id, "quarantined", f"{result.error.code}: {result.error.message}"
                )
            )
            report.quarantined += 1
        else:
            reason = result.error.message if result.error else "refused for now"
            outcomes.append(_deferred(item, reason, backoff, now))
            report.deferred += 1
    return outcomes


def _deferred(item: PendingUpload, reason: str, backoff: Backoff, now: datetime) -> DeliveryOutcome:
    delay = backoff.delay(item.attempts + 1)
    return DeliveryOutcome(item.outbox_id, "deferred", reason, now + timedelta(seconds=delay))
