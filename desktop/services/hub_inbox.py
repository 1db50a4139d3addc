"""The hub inbox as the clinician reads it: what the hub sent down, in full, and reading it.

Runs where the store is (the GUI's store thread, or the CLI): every call reads or writes
the store directly through its :class:`SyncLedger`, the same one the sync client stores
messages with. Opening a message marks it read (audited) and moves the case's receipt to
``read``; the next sync tells the hub (``SyncLedger.pending_acks``).

Each message shows whether its hub signature verifies, now, with the hub key pinned at
enrollment (the sync client checked it before storing; this check is repeated so the
screen never claims more than it can show).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any, Literal

from desktop.domain.errors import UserFacingError
from desktop.services.roles import Permission, UserRoles, allows, require
from desktop.store import CaseStore, CaseSummary, HubMessage
from desktop.store.case_index import CaseSyncState

SignatureCheck = Literal["verified", "failed", "no_key"]
MECHANISM_ORDER = ("nociceptive", "neuropathic", "nociplastic")
INBOX_HIDDEN = "The hub inbox is not shown: your roles ({roles}) do not include clinician."


class HubMessageNotFound(UserFacingError):
    def __init__(self, seq: int) -> None:
        super().__init__(f"There is no hub message {seq} on this computer.")


@dataclass(frozen=True)
class OnSiteVisit:
    visit_date: str
    purpose: str


@dataclass(frozen=True)
class InboxMessage:
    """One message from the hub, with everything a screen shows about it.

    ``pseudonym`` is None when the case is not on this computer; ``patient_name`` is the
    local name (it never came from the hub). Fields that the message's kind does not
    have are empty.
    """

    seq: int
    kind: str
    case_id: str | None
    case_version: int | None
    pseudonym: str | None
    patient_name: str
    received_at: str
    read_at: str | None
    read_by: str | None
    issued_at: str | None
    author: str | None
    signature: SignatureCheck
    mechanisms: tuple[tuple[str, bool | None], ...] = ()
    regimen: tuple[str, ...] = ()
    summary: str | None = None
    follow_up_days: int | None = None
    follow_up_due_on: str | None = None
    questions: tuple[str, ...] = ()
    note: str | None = None
    visit: OnSiteVisit | None = None
    release: str | None = None  # "name version (channel)" of a model release

    @property
    def unread(self) -> bool:
        return self.read_at is None


@dataclass(frozen=True)
class InboxListing:
    enrolled: bool
    messages: list[InboxMessage]
    unread: int
    notice: str | None = None  # why nothing is listed although messages may exist


@dataclass(frozen=True)
class CaseMessages:
    """What the hub sent about one case (newest first) and where the case stands."""

    enrolled: bool
    case_id: str
    messages: list[InboxMessage]
    sync: CaseSyncState


def signature_check(payload: dict[str, Any], signature: str, hub_key: str | None) -> SignatureCheck:
    """Does ``signature`` verify over the canonical JSON of ``payload`` with ``hub_key``?"""
    if not hub_key:
        return "no_key"
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    from sync.protocol import b64decode, canonical_json

    try:
        key = Ed25519PublicKey.from_public_bytes(b64decode(hub_key))
        key.verify(b64decode(signature), canonical_json(payload))
    except (InvalidSignature, ValueError, TypeError):
        return "failed"
    return "verified"


def _text(payload: dict[str, Any], name: str) -> str | None:
    value = payload.get(name)
    return value if isinstance(value, str) and value else None


def _due_on(issued_at: str | None, days: int | None) -> str | None:
    """The day the follow-up is due: the day the hub issued the recommendation + days
    (the same rule as the case list's "Needs follow-up", desktop/store/case_index.py)."""
    if issued_at is None or days is None:
        return None
    try:
        issued = date.fromisoformat(issued_at[:10])
    except ValueError:
        return None
    return (issued + timedelta(days=days)).isoformat()


def describe(message: HubMessage, summary: CaseSummary | None, hub_key: str | None) -> InboxMessage:
    """The screen's view of a stored message (no visit attached; see :func:`with_visits`)."""
    payload = message.payload
    days = payload.get("follow_up_days")
    follow_up_days = days if isinstance(days, int) and not isinstance(days, bool) else None
    issued_at = _text(payload, "issued_at")
    findings = payload.get("mechanisms")
    findings = findings if isinstance(findings, dict) else {}
    questions = payload.get("questions")
    regimen = payload.get("regimen")
    release = None
    if message.kind == "model_release":
        release = " ".join(
            part
            for part in (
                _text(payload, "name"),
                _text(payload, "version"),
                f"({payload['channel']})" if _text(payload, "channel") else None,
            )
            if part
        )
    return InboxMessage(
        seq=message.seq,
        kind=message.kind,
        case_id=message.case_id,
        case_version=message.case_version,
        pseudonym=summary.pseudonym if summary else None,
        patient_name=summary.patient_name if summary else "",
        received_at=message.received_at,
        read_at=message.read_at,
        read_by=message.read_by,
        issued_at=issued_at,
        author=_text(payload, "author"),
        signature=signature_check(payload, message.signature, hub_key),
        mechanisms=tuple(
            (name, findings.get(name))
            for name in MECHANISM_ORDER
            if name in findings and findings.get(name) in (True, False, None)
        ),
        regimen=tuple(str(option) for option in regimen) if isinstance(regimen, list) else (),
        summary=_text(payload, "summary"),
        follow_up_days=follow_up_days,
        follow_up_due_on=_due_on(issued_at, follow_up_days),
        questions=tuple(str(q) for q in questions) if isinstance(questions, list) else (),
        note=_text(payload, "note") or _text(payload, "notes"),
        visit=OnSiteVisit(str(payload["visit_date"]), _text(payload, "purpose") or "")
        if message.kind == "planned_visit" and _text(payload, "visit_date")
        else None,
        release=release,
    )


def with_visits(messages: Sequence[InboxMessage]) -> list[InboxMessage]:
    """Recommendations of a case get the newest on-site visit planned for that case."""
    visits: dict[str, OnSiteVisit] = {}
    for message in sorted(messages, key=lambda m: m.seq):
        if message.kind == "planned_visit" and message.case_id and message.visit:
            visits[message.case_id] = message.visit
    return [
        replace(message, visit=visits[message.case_id])
        if message.kind == "recommendation" and message.case_id in visits
        else message
        for message in messages
    ]


class HubInbox:
    """Lists, opens (marks read) and gathers per case what the hub sent down."""

    def __init__(self, store: CaseStore, *, actor: str, roles: UserRoles | None = None) -> None:
        self._store = store
        self._ledger = store.sync_ledger()
        self._actor = actor
        self._roles = roles

    def _hub_key(self) -> tuple[bool, str | None]:
        identity = self._ledger.identity()
        return identity is not None, identity.hub_public_key if identity else None

    def _describe(self, messages: Sequence[HubMessage], hub_key: str | None) -> list[InboxMessage]:
        case_ids = [message.case_id for message in messages if message.case_id]
        summaries = self._store.case_index().summaries(case_ids)
        return [
            describe(message, summaries.get(message.case_id or ""), hub_key) for message in messages
        ]

    def listing(self, *, limit: int = 200) -> InboxListing:
        """Newest first (receipts, which are bookkeeping, are not listed)."""
        enrolled, hub_key = self._hub_key()
        if not allows(self._roles, Permission.READ_INBOX):
            assert self._roles is not None
            return InboxListing(enrolled, [], 0, INBOX_HIDDEN.format(roles=self._roles.describe()))
        messages = self._ledger.messages(limit=limit)
        return InboxListing(
            enrolled, self._describe(messages, hub_key), self._ledger.unread_count()
        )

    def open(self, seq: int) -> InboxMessage:
        """The message in full; marks it read (audited; the hub is told at the next sync)."""
        require(self._roles, Permission.READ_INBOX)
        if self._ledger.message(seq) is None:
            raise HubMessageNotFound(seq)
        self._ledger.mark_read(seq, actor=self._actor)
        message = self._ledger.message(seq)
        assert message is not None  # messages are never deleted
        _, hub_key = self._hub_key()
        if message.case_id is None:
            return self._describe([message], hub_key)[0]
        related = self._describe(self._ledger.messages(case_id=message.case_id), hub_key)
        return next(m for m in with_visits(related) if m.seq == seq)

    def for_case(self, case_id: str) -> CaseMessages:
        """The messages about one case, newest first, and the case's sync state."""
        require(self._roles, Permission.READ_INBOX)
        enrolled, hub_key = self._hub_key()
        messages = self._describe(self._ledger.messages(case_id=case_id), hub_key)
        sync = self._store.case_index().sync_state(case_id)
        return CaseMessages(enrolled, case_id, with_visits(messages), sync)
