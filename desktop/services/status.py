"""Snapshots of the hub connection and the model, as plain values the GUI shows.

The sync client (issue 5) and the model runtime fill these later; until then the sources
here tell the truth: the hub is not configured, and no model is loaded. A snapshot is
immutable and cheap; the GUI polls it on the store thread and after every save.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal, Protocol

from desktop.domain.report_parts import NO_MODEL_NOTE
from desktop.services.jobs import Progress
from desktop.store import CaseStore, OutboxState

SyncState = Literal["not_configured", "offline", "online", "syncing", "error"]

NOT_CONFIGURED_DETAIL = (
    "No hub address is set: cases are kept on this computer and wait in the outbox."
)


@dataclass(frozen=True)
class SyncStatus:
    """What the status bar and the inbox show about the hub connection.

    ``queued`` counts outbox items waiting to be sent and ``quarantined`` those the hub
    refused permanently; ``last_success`` is the end of the last complete sync (None:
    never); ``progress`` is set while a sync runs; ``detail`` is one sentence for a
    tooltip (e.g. the reason of the last failure).
    """

    state: SyncState
    queued: int = 0
    quarantined: int = 0
    last_success: datetime | None = None
    progress: Progress | None = None
    detail: str = ""
    inbox_unread: int = 0

    @property
    def configured(self) -> bool:
        return self.state != "not_configured"


class SyncStatusSource(Protocol):
    """Anything that can tell the current sync status (called on the store thread)."""

    def current(self) -> SyncStatus: ...


class UnconfiguredSync:
    """The truthful status while no hub is configured: the outbox just fills up."""

    def __init__(self, store: CaseStore) -> None:
        self._store = store

    def current(self) -> SyncStatus:
        counts = self._store.stats().outbox
        return SyncStatus(
            state="not_configured",
            queued=counts[OutboxState.PENDING],
            quarantined=counts[OutboxState.QUARANTINED],
            detail=NOT_CONFIGURED_DETAIL,
        )


@dataclass(frozen=True)
class ModelStatus:
    """The model panel: which bundle is active, its card, and what can be done about it."""

    active_version: str | None
    card_text: str | None
    previous_version: str | None = None
    update_available: str | None = None
    note: str = ""

    @property
    def loaded(self) -> bool:
        return self.active_version is not None


NO_MODEL_STATUS = ModelStatus(active_version=None, card_text=None, note=NO_MODEL_NOTE)
