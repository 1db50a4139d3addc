"""Drafts: what a user typed into a case form and has not saved yet (autosave).

A draft is the form's state as a JSON object, possibly incomplete or invalid (it is what
the user typed, not a case). It lives in the encrypted database, in the ``drafts`` table
(migration ``0005_drafts``), so it is as protected at rest as the cases, including in the
WAL. Unlike case versions, a draft is replaced in place at each autosave and deleted when
the case is saved or the draft is discarded. Drafts are not audited: they are one user's
unsaved work; the audit chain records what was committed.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from desktop.domain.errors import InvalidInput, Problem
from desktop.store.cases import MAXIMUM_DOCUMENT_BYTES, canonical_document
from desktop.store.database import Database

_DRAFT_COLUMNS = "draft_id, actor, case_id, base_version, document, updated_at"


@dataclass(frozen=True)
class StoredDraft:
    draft_id: str
    actor: str
    case_id: str | None  # None: a case that was never saved
    base_version: int | None  # the stored version the form started from
    document: dict[str, Any]
    updated_at: str


def check_draft(
    draft_id: str, actor: str, case_id: str | None, base_version: int | None, document: object
) -> str:
    """Validate the draft's fields (all problems at once); return its document text."""
    problems = [
        Problem(name, "must be 1 to 128 printable characters", value)
        for name, value in (("draft_id", draft_id), ("actor", actor))
        if not (isinstance(value, str) and 1 <= len(value) <= 128 and value.isprintable())
    ]
    if case_id is not None and not (isinstance(case_id, str) and 1 <= len(case_id) <= 128):
        problems.append(Problem("case_id", "must be 1 to 128 characters or absent", case_id))
    if base_version is not None and not (isinstance(base_version, int) and base_version >= 1):
        problems.append(Problem("base_version", "must be a version number >= 1", base_version))
    try:
        text = canonical_document(document)
    except InvalidInput as invalid:
        problems += invalid.problems
        text = ""
    if problems:
        raise InvalidInput(problems)
    return text


def write_draft(
    database: Database,
    *,
    draft_id: str,
    actor: str,
    case_id: str | None,
    base_version: int | None,
    text: str,
    updated_at: str,
) -> StoredDraft:
    """Insert or replace one draft; call inside a transaction."""
    database.execute(
        f"INSERT INTO drafts ({_DRAFT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (draft_id) DO UPDATE SET actor = excluded.actor, "
        "case_id = excluded.case_id, base_version = excluded.base_version, "
        "document = excluded.document, updated_at = excluded.updated_at",
        (draft_id, actor, case_id, base_version, text, updated_at),
    )
    return StoredDraft(draft_id, actor, case_id, base_version, json.loads(text), updated_at)


def read_drafts(database: Database, actor: str) -> list[StoredDraft]:
    """The user's drafts, most recently changed first."""
    rows = database.execute(
        f"SELECT {_DRAFT_COLUMNS} FROM drafts WHERE actor = ? ORDER BY updated_at DESC",
        (actor,),
    ).fetchall()
    return [_draft(row) for row in rows]


def delete_draft(database: Database, draft_id: str) -> bool:
    """Remove one draft; call inside a transaction. True when it existed."""
    cursor = database.execute("DELETE FROM drafts WHERE draft_id = ?", (draft_id,))
    return bool(cursor.rowcount)


def _draft(row: tuple[Any, ...]) -> StoredDraft:
    draft_id, actor, case_id, base_version, text, updated_at = row
    document: Mapping[str, Any] = json.loads(text)
    return StoredDraft(
        draft_id=draft_id,
        actor=actor,
        case_id=case_id,
        base_version=None if base_version is None else int(base_version),
        document=dict(document),
        updated_at=updated_at,
    )


__all__ = [
    "MAXIMUM_DOCUMENT_BYTES",
    "StoredDraft",
    "check_draft",
    "delete_draft",
    "read_drafts",
    "write_draft",
]
