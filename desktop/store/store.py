"""CaseStore: the unlocked store the rest of the application talks to.

Built by :mod:`desktop.store.lifecycle` (``create_store``, ``open_store`` ...). Every
method runs inside the error boundary; every change is one transaction that also writes
its audit entry (and, for case versions, its outbox row).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from types import TracebackType
from typing import Any

from desktop.domain.errors import InvalidInput, Problem
from desktop.store.audit import AuditChain, AuditEntry, AuditReport
from desktop.store.boundary import translate_failures
from desktop.store.case_index import CaseIndex
from desktop.store.cases import (
    CaseSummary,
    NewVersion,
    StoredVersion,
    case_ids_with_prefix,
    check_new_version,
    count_summaries,
    count_versions,
    insert_version,
    list_summaries,
    read_latest,
    read_versions,
)
from desktop.store.clock import Clock, format_timestamp, utc_now
from desktop.store.database import Database, IntegrityScope
from desktop.store.drafts import (
    StoredDraft,
    check_draft,
    delete_draft,
    read_drafts,
    write_draft,
)
from desktop.store.hub_anchors import HubAnchorLedger
from desktop.store.migrations import applied_migrations
from desktop.store.outbox import (
    CASE_VERSION_KIND,
    REFERRAL_KIND,
    OutboxItem,
    OutboxState,
    count_by_state,
    enqueue,
    newest_pending,
    pending_items,
)
from desktop.store.reports import (
    NewReport,
    StoredReport,
    check_report,
    insert_report,
    read_latest_report,
    read_reports,
)
from desktop.store.sync_ledger import SyncLedger
from desktop.store.users import UserDirectory

VERSION_ADDED = "case.version_added"
REPORT_STORED = "report.stored"
REFERRAL_QUEUED = "hub.referral_queued"


@dataclass(frozen=True)
class StoreStats:
    cases: int
    versions: int
    outbox: dict[OutboxState, int]
    audit_entries: int
    database_bytes: int
    wal_bytes: int
    migrations: tuple[str, ...]
    encrypted: bool
    audit_anchor_trusted: bool


class StoreClosedError(RuntimeError):
    """A CaseStore was used after close() (a bug in the caller)."""


class CaseStore:
    """Append-only case versions, the case list, the outbox and the audit chain.

    Not thread-safe: use it from one thread (the application's store thread).
    """

    def __init__(self, database: Database, audit: AuditChain, *, clock: Clock = utc_now) -> None:
        self._database = database
        self._audit = audit
        self._clock = clock
        self._closed = False

    # --- lifetime -------------------------------------------------------------------------

    def __enter__(self) -> CaseStore:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Close the database and wipe the audit key. Safe to call twice."""
        if self._closed:
            return
        self._closed = True
        self._audit.wipe()
        with translate_failures(self._location):
            self._database.close()

    @property
    def closed(self) -> bool:
        return self._closed

    @property
    def _location(self) -> Path:
        return self._database.path

    @contextmanager
    def _boundary(self) -> Iterator[None]:
        if self._closed:
            raise StoreClosedError("this CaseStore has been closed")
        with translate_failures(self._location, self._database.describe_corruption):
            yield

    @contextmanager
    def _changing(self) -> Iterator[None]:
        """One write transaction; the audit anchor is published only after COMMIT."""
        with self._boundary():
            try:
                with self._database.transaction():
                    yield
            except BaseException:
                self._audit.discard_unpublished()
                raise
            self._audit.publish_anchor()

    def _now(self) -> str:
        return format_timestamp(self._clock())

    # --- cases ----------------------------------------------------------------------------

    def add_version(
        self,
        case_id: str,
        document: Mapping[str, Any],
        *,
        actor: str,
        pseudonym: str,
        patient_name: str,
        assessment_date: date,
        status: str = "open",
        announce: bool = True,
    ) -> StoredVersion:
        """Append the next version of a case (version 1 creates it), in one transaction.

        The transaction holds: the version row, the case-list row, an outbox row when
        ``announce`` is true, and an audit entry. Raises InvalidInput (nothing stored)
        when a field breaks its rule.
        """
        new = NewVersion(
            case_id=case_id,
            document=document,
            actor=actor,
            pseudonym=pseudonym,
            patient_name=patient_name,
            assessment_date=assessment_date,
            status=status,
            announce=announce,
        )
        return self.add_versions([new])[0]

    def add_versions(self, batch: Iterable[NewVersion]) -> list[StoredVersion]:
        """Several versions in ONE transaction (imports): all are stored or none."""
        items = list(batch)
        texts = [check_new_version(new) for new in items]
        stored: list[StoredVersion] = []
        with self._changing():
            for new, text in zip(items, texts, strict=True):
                version = insert_version(self._database, new, text, self._now())
                if new.announce:
                    enqueue(
                        self._database,
                        case_id=version.case_id,
                        version=version.version,
                        kind=CASE_VERSION_KIND,
                        created_at=version.created_at,
                    )
                self._audit.append(
                    actor=new.actor,
                    action=VERSION_ADDED,
                    object_type="case",
                    object_id=version.case_id,
                    detail={
                        "version": version.version,
                        "sha256": version.sha256,
                        "announced": new.announce,
                    },
                )
                stored.append(version)
        return stored

    def latest(self, case_id: str) -> StoredVersion:
        """The newest version; raises CaseNotFound."""
        with self._boundary():
            return read_latest(self._database, case_id)

    def versions(self, case_id: str) -> list[StoredVersion]:
        """All versions, oldest first; raises CaseNotFound."""
        with self._boundary():
            return read_versions(self._database, case_id)

    def list_cases(
        self, *, search: str | None = None, offset: int = 0, limit: int = 50
    ) -> list[CaseSummary]:
        """Case list, most recently updated first; ``search`` is a prefix of the
        pseudonym, the full name or any word of the name (case and accents ignored)."""
        with self._boundary():
            return list_summaries(self._database, search=search, offset=offset, limit=limit)

    def count_cases(self, search: str | None = None) -> int:
        with self._boundary():
            return count_summaries(self._database, search=search)

    def case_index(self) -> CaseIndex:
        """The case list with filters, flags and sync state (desktop/store/case_index.py)."""
        return CaseIndex(self._database, boundary=self._boundary)

    def case_ids_with_prefix(self, prefix: str, *, limit: int = 10) -> list[str]:
        """Ids of cases whose id starts with ``prefix`` (for typing a short id)."""
        with self._boundary():
            return case_ids_with_prefix(self._database, prefix, limit=limit)

    # --- outbox ---------------------------------------------------------------------------

    def pending_outbox(self, limit: int = 100) -> list[OutboxItem]:
        with self._boundary():
            return pending_items(self._database, limit)

    def sync_ledger(self) -> SyncLedger:
        """The sync side of the store: device identity, delivery, hub messages, receipts
        (desktop/store/sync_ledger.py). Shares this store's connection and audit chain."""
        return SyncLedger(
            self._database,
            self._audit,
            boundary=self._boundary,
            changing=self._changing,
            now=self._now,
        )

    def hub_anchors(self) -> HubAnchorLedger:
        """The audit heads the hub confirmed (desktop/store/hub_anchors.py)."""
        return HubAnchorLedger(self._database, boundary=self._boundary, now=self._now)

    def users(self) -> UserDirectory:
        """The users' local roles (desktop/store/users.py); same connection and audit chain."""
        return UserDirectory(
            self._database,
            self._audit,
            boundary=self._boundary,
            changing=self._changing,
            now=self._now,
        )

    # --- drafts (autosaved form state; see desktop/store/drafts.py) ------------------------

    def save_draft(
        self,
        draft_id: str,
        document: Mapping[str, Any],
        *,
        actor: str,
        case_id: str | None = None,
        base_version: int | None = None,
    ) -> StoredDraft:
        """Insert or replace the draft ``draft_id`` (one transaction, not audited)."""
        text = check_draft(draft_id, actor, case_id, base_version, document)
        with self._boundary(), self._database.transaction():
            return write_draft(
                self._database,
                draft_id=draft_id,
                actor=actor,
                case_id=case_id,
                base_version=base_version,
                text=text,
                updated_at=self._now(),
            )

    def drafts(self, actor: str) -> list[StoredDraft]:
        """The drafts of ``actor``, most recently changed first."""
        with self._boundary():
            return read_drafts(self._database, actor)

    def discard_draft(self, draft_id: str) -> bool:
        """Delete a draft (after its case was saved, or on the user's request)."""
        with self._boundary(), self._database.transaction():
            return delete_draft(self._database, draft_id)

    # --- reports (decision-support reports; see desktop/store/reports.py) -------------------

    def add_report(self, new: NewReport, *, refer_to_hub: bool = False) -> StoredReport:
        """Store a report with its model version and inputs fingerprint (one transaction,
        audited as ``report.stored``). The case version it names must exist.

        ``refer_to_hub``: in the same transaction, queue the version for the hub as a
        referral (outbox kind ``referral``, audited as ``hub.referral_queued``) unless
        one is waiting already."""
        text = check_report(new)
        with self._changing():
            stored = insert_report(self._database, new, text, self._now())
            if refer_to_hub:
                self._queue_referral(new)
            self._audit.append(
                actor=new.actor,
                action=REPORT_STORED,
                object_type="case",
                object_id=new.case_id,
                detail={
                    "report_id": stored.report_id,
                    "case_version": new.case_version,
                    "model_version": new.model_version,
                    "sha256": stored.sha256,
                },
            )
        return stored

    def _queue_referral(self, new: NewReport) -> None:
        case_id, version = new.case_id, new.case_version
        waiting = newest_pending(
            self._database, case_id=case_id, kind=REFERRAL_KIND, version=version
        )
        if waiting is not None:
            return
        outbox_id = enqueue(
            self._database,
            case_id=case_id,
            version=version,
            kind=REFERRAL_KIND,
            created_at=self._now(),
        )
        self._audit.append(
            actor=new.actor,
            action=REFERRAL_QUEUED,
            object_type="case",
            object_id=new.case_id,
            detail={"case_version": new.case_version, "outbox_id": outbox_id},
        )

    def pending_referral(self, case_id: str) -> OutboxItem | None:
        """The case's newest referral still waiting to be sent (None: none waits)."""
        with self._boundary():
            return newest_pending(self._database, case_id=case_id, kind=REFERRAL_KIND)

    def reports(self, case_id: str) -> list[StoredReport]:
        """Every stored report of a case, oldest first."""
        with self._boundary():
            return read_reports(self._database, case_id)

    def latest_report(self, case_id: str) -> StoredReport | None:
        with self._boundary():
            return read_latest_report(self._database, case_id)

    # --- audit ----------------------------------------------------------------------------

    def record_event(
        self,
        actor: str,
        action: str,
        object_type: str,
        object_id: str,
        detail: Mapping[str, Any] | None = None,
    ) -> AuditEntry:
        """An audit-only entry (e.g. "report.printed"). ``detail`` must hold no PHI."""
        problems = [
            Problem(name, "must be 1 to 128 printable characters", value)
            for name, value in (
                ("actor", actor),
                ("action", action),
                ("object_type", object_type),
                ("object_id", object_id),
            )
            if not (isinstance(value, str) and 1 <= len(value) <= 128 and value.isprintable())
        ]
        if problems:
            raise InvalidInput(problems)
        with self._changing():
            return self._audit.append(
                actor=actor,
                action=action,
                object_type=object_type,
                object_id=object_id,
                detail=detail or {},
            )

    def verify_audit(self) -> AuditReport:
        """Recompute the whole audit chain, head and anchor (about 1 s per 100k entries)."""
        with self._boundary():
            return self._audit.verify()

    # --- maintenance ----------------------------------------------------------------------

    def check_integrity(self, scope: IntegrityScope = IntegrityScope.FULL) -> list[str]:
        """Problems found by SQLite/SQLCipher; empty when sound. FULL reads every page."""
        with self._boundary():
            return self._database.check_integrity(scope)

    def stats(self) -> StoreStats:
        with self._boundary():
            database = self._database
            return StoreStats(
                cases=count_summaries(database, search=None),
                versions=count_versions(database),
                outbox=count_by_state(database),
                audit_entries=self._audit.head_seq(),
                database_bytes=_size(database.path),
                wal_bytes=_size(database.path.with_name(database.path.name + "-wal")),
                migrations=tuple(name for name, _ in applied_migrations(database)),
                encrypted=database.encrypted,
                audit_anchor_trusted=self._audit.anchor_trusted,
            )


def _size(path: Path) -> int:
    try:
        return os.stat(path).st_size
    except FileNotFoundError:
        return 0
