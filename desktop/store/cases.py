"""Case versions (append-only) and the case index used by the case list.

A case document arrives as a JSON-ready dict; it is stored as canonical JSON text
(sorted keys, no whitespace, UTF-8) with the SHA-256 of exactly that text. The index
fields (pseudonym, patient name, assessment date, status) are passed by the caller; the
store does not look inside documents, except for the case-list flags, which a trigger of
migration ``0010_case_list_filters`` keeps (``follow_ups[].date``; see case_index.py).
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from desktop.domain.errors import InvalidInput, Problem
from desktop.store.database import Database
from desktop.store.errors import CaseNotFound, CorruptPart, StoreCorrupt

MAXIMUM_DOCUMENT_BYTES = 1024 * 1024
MAXIMUM_PAGE_SIZE = 500
_TOP_OF_UNICODE = "\U0010ffff"
_DENSE_SEARCH_ROWS = 2000
_WORD_SEPARATORS = re.compile(r"[\s\-'’,.;/]+")


@dataclass(frozen=True)
class NewVersion:
    """One version to add, with the index fields the case list shows."""

    case_id: str
    document: Mapping[str, Any]
    actor: str
    pseudonym: str
    patient_name: str
    assessment_date: date
    status: str = "open"
    announce: bool = True


@dataclass(frozen=True)
class StoredVersion:
    case_id: str
    version: int
    created_at: str
    actor: str
    sha256: str
    document: dict[str, Any]


@dataclass(frozen=True)
class CaseSummary:
    case_id: str
    pseudonym: str
    patient_name: str
    assessment_date: date
    latest_version: int
    updated_at: str
    status: str


# --- validation ---------------------------------------------------------------------------


def _text_problem(
    field: str, value: object, maximum: int, *, allow_empty: bool = False
) -> Problem | None:
    minimum = 0 if allow_empty else 1
    if (
        isinstance(value, str)
        and minimum <= len(value) <= maximum
        and value == value.strip()
        and all(character.isprintable() for character in value)
    ):
        return None
    rule = f"must be {minimum} to {maximum} printable characters without surrounding spaces"
    return Problem(field, rule, value)


def canonical_document(document: object) -> str:
    """The exact text stored and hashed; raises InvalidInput for non-JSON content."""
    if not isinstance(document, Mapping):
        raise InvalidInput([Problem("document", "must be a JSON object (dict)", type(document))])
    try:
        text = json.dumps(
            document, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
        )
    except (TypeError, ValueError) as error:
        raise InvalidInput(
            [Problem("document", "must contain only JSON values (no NaN/infinity)", str(error))]
        ) from None
    if len(text.encode("utf-8")) > MAXIMUM_DOCUMENT_BYTES:
        raise InvalidInput(
            [Problem("document", f"must be at most {MAXIMUM_DOCUMENT_BYTES} bytes", len(text))]
        )
    return text


def check_new_version(new: NewVersion) -> str:
    """Validate every field (all problems at once); return the canonical document text."""
    problems = [
        problem
        for problem in (
            _text_problem("case_id", new.case_id, 128),
            _text_problem("actor", new.actor, 64),
            _text_problem("pseudonym", new.pseudonym, 128),
            _text_problem("patient_name", new.patient_name, 200, allow_empty=True),
            _text_problem("status", new.status, 32),
        )
        if problem is not None
    ]
    if not isinstance(new.assessment_date, date) or isinstance(new.assessment_date, datetime):
        problems.append(Problem("assessment_date", "must be a date", new.assessment_date))
    try:
        text = canonical_document(new.document)
    except InvalidInput as invalid:
        problems += invalid.problems
        text = ""
    if problems:
        raise InvalidInput(problems)
    return text


def document_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


# --- search -------------------------------------------------------------------------------


def fold_for_search(text: str) -> str:
    """Case- and accent-insensitive form: 'Müller' and 'MULLER' both become 'muller'."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).strip()


def search_terms(pseudonym: str, patient_name: str) -> set[str]:
    """Terms a prefix search matches: pseudonym, full name, and each later word of the name
    (the first word's prefixes are already prefixes of the full name)."""
    name = fold_for_search(patient_name)
    terms = {fold_for_search(pseudonym), name}
    terms.update(word for word in _WORD_SEPARATORS.split(name)[1:])
    return {term for term in terms if term}


def search_bounds(search: str | None) -> tuple[str, str] | None:
    """The range of folded terms a search matches (None: no search)."""
    term = fold_for_search(search or "")
    return (term, term + _TOP_OF_UNICODE) if term else None


def count_term_rows(database: Database, bounds: tuple[str, str], cap: int) -> int:
    """How many term rows a search matches, counting no further than ``cap``."""
    return int(
        database.scalar(
            "SELECT count(*) FROM (SELECT 1 FROM case_search_terms "
            "WHERE term >= ? AND term < ? LIMIT ?)",
            (*bounds, cap),
        )
    )


def search_condition(
    database: Database, search: str | None, column: str = "cases.case_id"
) -> tuple[str, tuple[str, ...]]:
    """Condition on a case id ``column`` for a prefix search (empty: no search), shaped
    for how many cases match.

    Few matches: collect them through the term index, then sort (cost ~ matches).
    Many matches: walk the case list in display order and stop after one page
    (cost ~ page x cases/matches). A capped count of term rows decides.
    """
    bounds = search_bounds(search)
    if bounds is None:
        return "", ()
    if count_term_rows(database, bounds, _DENSE_SEARCH_ROWS) >= _DENSE_SEARCH_ROWS:
        return matching_terms_exist(column), bounds
    return (
        f"{column} IN (SELECT case_id FROM case_search_terms WHERE term >= ? AND term < ?)",
        bounds,
    )


def matching_terms_exist(column: str) -> str:
    """Condition: the case in ``column`` has a term in the range (?, ?): one index probe."""
    return (
        "EXISTS (SELECT 1 FROM case_search_terms AS t "
        f"WHERE t.case_id = {column} AND t.term >= ? AND t.term < ?)"
    )


# --- writing ------------------------------------------------------------------------------


def insert_version(
    database: Database, new: NewVersion, text: str, created_at: str
) -> StoredVersion:
    """Version row + index row + search terms; call inside a transaction."""
    latest = database.scalar(
        "SELECT max(version) FROM case_versions WHERE case_id = ?", (new.case_id,)
    )
    version = 1 + int(latest or 0)
    sha256 = document_sha256(text)
    database.execute(
        "INSERT INTO case_versions (case_id, version, created_at, actor, document, sha256) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        (new.case_id, version, created_at, new.actor, text, sha256),
    )
    database.execute(
        "INSERT INTO cases (case_id, pseudonym, patient_name, assessment_date, "
        "latest_version, updated_at, status) VALUES (?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (case_id) DO UPDATE SET pseudonym = excluded.pseudonym, "
        "patient_name = excluded.patient_name, assessment_date = excluded.assessment_date, "
        "latest_version = excluded.latest_version, updated_at = excluded.updated_at, "
        "status = excluded.status",
        (
            new.case_id,
            new.pseudonym,
            new.patient_name,
            new.assessment_date.isoformat(),
            version,
            created_at,
            new.status,
        ),
    )
    _update_search_terms(database, new.case_id, search_terms(new.pseudonym, new.patient_name))
    return StoredVersion(new.case_id, version, created_at, new.actor, sha256, json.loads(text))


def _update_search_terms(database: Database, case_id: str, wanted: set[str]) -> None:
    existing = {
        str(row[0])
        for row in database.execute(
            "SELECT term FROM case_search_terms WHERE case_id = ?", (case_id,)
        )
    }
    database.executemany(
        "DELETE FROM case_search_terms WHERE term = ? AND case_id = ?",
        [(term, case_id) for term in sorted(existing - wanted)],
    )
    database.executemany(
        "INSERT INTO case_search_terms (term, case_id) VALUES (?, ?)",
        [(term, case_id) for term in sorted(wanted - existing)],
    )


# --- reading ------------------------------------------------------------------------------

_VERSION_COLUMNS = "case_id, version, created_at, actor, sha256, document"


def _stored_version(row: tuple[Any, ...]) -> StoredVersion:
    case_id, version, created_at, actor, sha256, text = row
    if document_sha256(text) != sha256:
        raise StoreCorrupt(
            CorruptPart.CASE_VERSION,
            f"version {version} of case {case_id} does not match its recorded SHA-256",
        )
    return StoredVersion(case_id, int(version), created_at, actor, sha256, json.loads(text))


def read_latest(database: Database, case_id: str) -> StoredVersion:
    row = database.execute(
        f"SELECT {_VERSION_COLUMNS} FROM case_versions WHERE case_id = ? "
        "ORDER BY version DESC LIMIT 1",
        (case_id,),
    ).fetchone()
    if row is None:
        raise CaseNotFound(case_id)
    return _stored_version(row)


def read_versions(database: Database, case_id: str) -> list[StoredVersion]:
    rows = database.execute(
        f"SELECT {_VERSION_COLUMNS} FROM case_versions WHERE case_id = ? ORDER BY version",
        (case_id,),
    ).fetchall()
    if not rows:
        raise CaseNotFound(case_id)
    return [_stored_version(row) for row in rows]


SUMMARY_COLUMNS = (
    "cases.case_id, cases.pseudonym, cases.patient_name, cases.assessment_date, "
    "cases.latest_version, cases.updated_at, cases.status"
)


def summary_of(row: Sequence[Any]) -> CaseSummary:
    """A CaseSummary from the first seven columns of ``row`` (:data:`SUMMARY_COLUMNS`)."""
    return CaseSummary(
        case_id=row[0],
        pseudonym=row[1],
        patient_name=row[2],
        assessment_date=date.fromisoformat(row[3]),
        latest_version=int(row[4]),
        updated_at=row[5],
        status=row[6],
    )


def check_page(offset: int, limit: int) -> None:
    if not (offset >= 0 and 1 <= limit <= MAXIMUM_PAGE_SIZE):
        raise ValueError(f"need offset >= 0 and 1 <= limit <= {MAXIMUM_PAGE_SIZE}")


def list_summaries(
    database: Database, *, search: str | None, offset: int, limit: int
) -> list[CaseSummary]:
    check_page(offset, limit)
    condition, parameters = search_condition(database, search)
    where = f"WHERE {condition}" if condition else ""
    rows = database.execute(
        f"SELECT {SUMMARY_COLUMNS} FROM cases {where} "
        "ORDER BY cases.updated_at DESC, cases.case_id DESC LIMIT ? OFFSET ?",
        (*parameters, limit, offset),
    ).fetchall()
    return [summary_of(row) for row in rows]


def count_summaries(database: Database, *, search: str | None) -> int:
    bounds = search_bounds(search)
    if bounds is None:
        return int(database.scalar("SELECT count(*) FROM cases"))
    return int(
        database.scalar(
            "SELECT count(DISTINCT case_id) FROM case_search_terms WHERE term >= ? AND term < ?",
            bounds,
        )
    )


def case_ids_with_prefix(database: Database, prefix: str, *, limit: int) -> list[str]:
    """Case ids starting with ``prefix`` (exact, case-sensitive), in id order."""
    if not prefix or limit < 1:
        raise ValueError("need a non-empty prefix and limit >= 1")
    rows = database.execute(
        "SELECT case_id FROM cases WHERE case_id >= ? AND case_id < ? ORDER BY case_id LIMIT ?",
        (prefix, prefix + _TOP_OF_UNICODE, limit),
    ).fetchall()
    return [str(row[0]) for row in rows]


def count_versions(database: Database) -> int:
    return int(database.scalar("SELECT count(*) FROM case_versions"))
