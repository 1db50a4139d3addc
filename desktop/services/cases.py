"""Case use cases: add (validate, identify, store), list, show, audit.

Every write goes through :class:`CaseService`, so a stored version is always a valid
``painbridge.case/1`` document with an id and a pseudonym, announced in the outbox in
the same transaction and recorded in the audit log.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

from desktop.domain.case import Case
from desktop.domain.case_identity import complete_identity, make_pseudonym
from desktop.domain.case_parsing import dump_case, parse_case
from desktop.domain.derivation import derive_scores
from desktop.domain.errors import InvalidInput, Problem, UserFacingError
from desktop.domain.settings import ClinicalSettings
from desktop.services.roles import PATIENT_DATA_HIDDEN, Permission, UserRoles, require
from desktop.store import AuditReport, CaseNotFound, CaseStore, StoredVersion
from desktop.store.case_index import CASE_FILTERS, CaseListEntry
from desktop.store.cases import MAXIMUM_PAGE_SIZE

CASE_VIEWED = "case.viewed"
MINIMUM_ID_PREFIX = 4


@dataclass(frozen=True)
class SavedCase:
    case_id: str
    version: int
    pseudonym: str
    created_at: str


@dataclass(frozen=True)
class CaseRow:
    """One row of the case list (the patient's name stays on this machine)."""

    case_id: str
    pseudonym: str
    patient_name: str
    assessment_date: str
    latest_version: int
    updated_at: str
    status: str
    needs_follow_up: bool = False
    follow_up_due_on: str | None = None
    sent: bool = False
    answered: bool = False
    alerting: bool = False
    sync_state: str = "not_sent"
    sync_reason: str = ""

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class CasePage:
    rows: list[CaseRow]
    total: int
    #: why the list is empty although cases may exist (the user's roles hide them)
    notice: str | None = None


@dataclass(frozen=True)
class CaseRecord:
    case_id: str
    version: int
    created_at: str
    actor: str
    document: dict[str, Any]
    derived: dict[str, Any]


class AmbiguousCaseId(UserFacingError):
    """A shortened case id matches more than one case."""


class CaseService:
    """Adds, lists and shows cases for one signed-in user."""

    def __init__(
        self,
        store: CaseStore,
        *,
        actor: str,
        settings: ClinicalSettings | None = None,
        new_uuid: Callable[[], uuid.UUID] = uuid.uuid4,
        new_pseudonym: Callable[[], str] = make_pseudonym,
        roles: UserRoles | None = None,
    ) -> None:
        self._store = store
        self._actor = actor
        self._roles = roles  # None: no sign-in to check (tests, the demo loader)
        self._settings = settings or ClinicalSettings()
        self._new_uuid = new_uuid
        self._new_pseudonym = new_pseudonym

    def add_case(self, data: dict[str, Any] | str | bytes) -> SavedCase:
        """Validate and store a document: a new case, or the next version of a stored one."""
        require(self._roles, Permission.EDIT_CASES)
        case = complete_identity(
            parse_case(data), new_uuid=self._new_uuid, new_pseudonym=self._new_pseudonym
        )
        return self.save(case)

    def save(self, case: Case) -> SavedCase:
        """Store an already validated case that has its identity."""
        require(self._roles, Permission.EDIT_CASES)
        if case.case_id is None or case.patient is None or case.patient.pseudonym is None:
            raise InvalidInput([Problem("case_id", "is required before saving", case.case_id)])
        stored = self._store.add_version(
            str(case.case_id),
            dump_case(case),
            actor=self._actor,
            pseudonym=case.patient.pseudonym,
            patient_name=case.patient.name or "",
            assessment_date=case.assessment.date,
        )
        return SavedCase(stored.case_id, stored.version, case.patient.pseudonym, stored.created_at)

    def list_cases(
        self,
        *,
        search: str | None = None,
        offset: int = 0,
        limit: int = 50,
        case_filter: str = "all",
        today: date | None = None,
    ) -> CasePage:
        """A page of the case list; empty, with a ``notice``, for a user who may not read
        patient data (an IT admin who is not a clinician).

        Most recently changed first, matching ``search`` and ``case_filter`` (one of
        CASE_FILTERS, desktop/store/case_index.py), with each case's flags and sync state;
        ``today`` decides which follow-ups are due."""
        if self._roles is not None and not self._roles.allows(Permission.READ_CASES):
            return CasePage([], 0, PATIENT_DATA_HIDDEN.format(roles=self._roles.describe()))
        problems = []
        if limit < 1 or offset < 0:
            problems.append(
                Problem("limit/offset", "must be limit >= 1 and offset >= 0", f"{limit}/{offset}")
            )
        if case_filter not in CASE_FILTERS:
            problems.append(
                Problem("filter", f"must be one of {', '.join(CASE_FILTERS)}", case_filter)
            )
        if problems:
            raise InvalidInput(problems)
        page = self._store.case_index().page(
            search=search,
            case_filter=case_filter,
            today=today or date.today(),
            offset=offset,
            limit=min(limit, MAXIMUM_PAGE_SIZE),
        )
        return CasePage([_row(entry) for entry in page.entries], page.total)

    def show_case(self, case_id: str, *, version: int | None = None) -> CaseRecord:
        """One case (a unique id prefix is enough) with its derived scores; audited."""
        full_id = self.resolve_case_id(case_id)
        stored = self.case_version(full_id, version)
        case = parse_case(stored.document)
        derived = derive_scores(case, self._settings).model_dump(mode="json")
        self._store.record_event(
            self._actor, CASE_VIEWED, "case", full_id, {"version": stored.version}
        )
        return CaseRecord(
            stored.case_id,
            stored.version,
            stored.created_at,
            stored.actor,
            stored.document,
            derived,
        )

    def resolve_case_id(self, case_id: str) -> str:
        """The full id for an exact id or a unique prefix of at least 4 characters."""
        require(self._roles, Permission.READ_CASES)
        wanted = case_id.strip().lower()
        try:
            return self._store.latest(wanted).case_id
        except CaseNotFound:
            if len(wanted) < MINIMUM_ID_PREFIX:
                raise
        matches = self._store.case_ids_with_prefix(wanted, limit=2)
        if not matches:
            raise CaseNotFound(wanted)
        if len(matches) > 1:
            raise AmbiguousCaseId(
                f"case id {case_id!r} matches more than one case; type more characters"
            )
        return matches[0]

    def verify_audit(self) -> AuditReport:
        require(self._roles, Permission.ADMINISTER_AUDIT)
        return self._store.verify_audit()

    def case_version(self, case_id: str, version: int | None) -> StoredVersion:
        """A stored version of a case (None: the latest); InvalidInput when absent."""
        require(self._roles, Permission.READ_CASES)
        if version is None:
            return self._store.latest(case_id)
        for stored in self._store.versions(case_id):
            if stored.version == version:
                return stored
        raise InvalidInput([Problem("version", f"case {case_id} has no such version", version)])


def _row(entry: CaseListEntry) -> CaseRow:
    summary = entry.summary
    due = entry.follow_up_due_on
    return CaseRow(
        case_id=summary.case_id,
        pseudonym=summary.pseudonym,
        patient_name=summary.patient_name,
        assessment_date=summary.assessment_date.isoformat(),
        latest_version=summary.latest_version,
        updated_at=summary.updated_at,
        status=summary.status,
        needs_follow_up=entry.needs_follow_up,
        follow_up_due_on=None if due is None else due.isoformat(),
        sent=entry.sent,
        answered=entry.answered,
        alerting=entry.alerting,
        sync_state=entry.sync.state,
        sync_reason=entry.sync.reason,
    )
