"""Stored decision-support reports: append-only, one row per assessment.

Each row keeps the case version it was computed from, the model name, version and bundle
id, and the fingerprint of every input, so any past report can be reproduced exactly and
compared with a recomputation. The report itself is a JSON object (no patient name or
contact: the domain never puts them in a report).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from desktop.domain.errors import InvalidInput, Problem
from desktop.store.cases import canonical_document
from desktop.store.database import Database
from desktop.store.errors import CorruptPart, StoreCorrupt

_COLUMNS = (
    "report_id, case_id, case_version, created_at, actor, model_name, model_version, "
    "bundle_id, inputs_fingerprint, document, sha256"
)


@dataclass(frozen=True)
class NewReport:
    case_id: str
    case_version: int
    actor: str
    model_name: str | None
    model_version: str | None
    bundle_id: str | None
    inputs_fingerprint: str
    document: Mapping[str, Any]


@dataclass(frozen=True)
class StoredReport:
    report_id: int
    case_id: str
    case_version: int
    created_at: str
    actor: str
    model_name: str | None
    model_version: str | None
    bundle_id: str | None
    inputs_fingerprint: str
    document: dict[str, Any]
    sha256: str


def check_report(new: NewReport) -> str:
    """The canonical text of the report; InvalidInput when a field breaks its rule."""
    problems: list[Problem] = []
    if not (isinstance(new.case_version, int) and new.case_version >= 1):
        problems.append(Problem("case_version", "must be a version number >= 1", new.case_version))
    if not (isinstance(new.inputs_fingerprint, str) and 16 <= len(new.inputs_fingerprint) <= 128):
        problems.append(
            Problem("inputs_fingerprint", "must be 16 to 128 characters", new.inputs_fingerprint)
        )
    text = canonical_document(new.document)
    if problems:
        raise InvalidInput(problems)
    return text


def insert_report(database: Database, new: NewReport, text: str, now: str) -> StoredReport:
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    cursor = database.execute(
        "INSERT INTO reports (case_id, case_version, created_at, actor, model_name, "
        "model_version, bundle_id, inputs_fingerprint, document, sha256) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            new.case_id,
            new.case_version,
            now,
            new.actor,
            new.model_name,
            new.model_version,
            new.bundle_id,
            new.inputs_fingerprint,
            text,
            digest,
        ),
    )
    report_id = cursor.lastrowid
    assert report_id is not None  # an INSERT into a rowid table always has one
    return StoredReport(
        report_id,
        new.case_id,
        new.case_version,
        now,
        new.actor,
        new.model_name,
        new.model_version,
        new.bundle_id,
        new.inputs_fingerprint,
        json.loads(text),
        digest,
    )


def read_reports(database: Database, case_id: str) -> list[StoredReport]:
    """Every report of a case, oldest first (hashes verified)."""
    rows = database.execute(
        f"SELECT {_COLUMNS} FROM reports WHERE case_id = ? ORDER BY report_id", (case_id,)
    ).fetchall()
    return [_stored(row) for row in rows]


def read_latest_report(database: Database, case_id: str) -> StoredReport | None:
    row = database.execute(
        f"SELECT {_COLUMNS} FROM reports WHERE case_id = ? ORDER BY report_id DESC LIMIT 1",
        (case_id,),
    ).fetchone()
    return None if row is None else _stored(row)


def _stored(row: tuple[Any, ...]) -> StoredReport:
    text: str = row[9]
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    if digest != row[10]:
        raise StoreCorrupt(
            CorruptPart.REPORT,
            f"report {row[0]} of case {row[1]} does not match its stored sha256",
        )
    return StoredReport(
        row[0],
        row[1],
        row[2],
        row[3],
        row[4],
        row[5],
        row[6],
        row[7],
        row[8],
        json.loads(text),
        row[10],
    )
