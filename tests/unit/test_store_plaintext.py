"""No plaintext on disk: patient data, the data key and the passphrase never hit a file."""

from __future__ import annotations

import random
import uuid
from datetime import date
from pathlib import Path

import pytest

from desktop.store import CaseStore, Home, create_store, open_store
from desktop.store.cases import fold_for_search
from tests.unit.test_store_support import (
    PASSPHRASE,
    USER,
    Template,
    make_template,
    realistic_document,
)

CASES = 200


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Template:
    return make_template(tmp_path_factory.mktemp("plaintext"))


def _write_marked_cases(store: CaseStore) -> list[str]:
    """200 cases whose name, pseudonym and notes each carry a unique marker."""
    rng = random.Random(7)
    markers: list[str] = []
    for number in range(CASES):
        tag = uuid.uuid4().hex[:12]
        name, pseudonym, notes = f"Zqname{tag}", f"ZQPSEUDO{tag}", f"zqnote{tag}"
        store.add_version(
            f"case-{number}",
            realistic_document(rng, number, notes=f"patient says {notes} at night"),
            actor=USER,
            pseudonym=pseudonym,
            patient_name=f"Maria {name}",
            assessment_date=date(2025, 5, 1),
        )
        markers += [name, pseudonym, notes]
    return markers


def _needles(markers: list[str], secrets: list[bytes]) -> list[bytes]:
    needles = list(secrets)
    for marker in markers:
        # as written, folded for search, and as UTF-16 (in case anything re-encodes)
        for form in {marker, fold_for_search(marker), marker.upper()}:
            needles += [form.encode("utf-8"), form.encode("utf-16-le")]
    return needles


def _hits(home: Home, needles: list[bytes]) -> list[str]:
    files = [path for path in home.path.rglob("*") if path.is_file()]
    assert files, "nothing to scan"
    hits = []
    for path in files:
        content = path.read_bytes()
        hits += [f"{path.name}: {needle!r}" for needle in needles if needle in content]
    return hits


def test_no_marker_key_or_passphrase_in_any_file(template: Template, tmp_path: Path) -> None:
    home = template.copy_to(tmp_path / "home")
    data_key = template.data_key(home)
    secrets = [
        bytes(data_key.buffer),
        bytes(data_key.buffer).hex().encode(),
        bytes(data_key.buffer).hex().upper().encode(),
        PASSPHRASE.encode(),
    ]
    store = open_store(home, USER, PASSPHRASE)
    markers = _write_marked_cases(store)
    needles = _needles(markers, secrets)

    # While open, before any checkpoint: the pages are in the -wal file.
    assert home.database_wal.exists() and home.database_wal.stat().st_size > 100_000
    assert _hits(home, needles) == []

    store.close()
    assert not home.database_wal.exists()  # checkpointed into the main file on close
    assert _hits(home, needles) == []

    with open_store(home, USER, PASSPHRASE) as store:  # and the data is really there
        assert store.count_cases() == CASES
        assert store.count_cases(search=markers[0][:10]) >= 1


def test_new_store_files_hold_no_passphrase(tmp_path: Path) -> None:
    home = Home(tmp_path / "fresh")
    create_store(home, USER, PASSPHRASE).close()
    assert _hits(home, [PASSPHRASE.encode(), PASSPHRASE.encode("utf-16-le")]) == []


def test_the_scan_does_find_markers_in_an_unencrypted_file(tmp_path: Path) -> None:
    """Control: the same store code on the plaintext baseline leaks every marker."""
    from desktop.store.audit import AuditAnchor, AuditChain
    from desktop.store.database import open_plaintext_database
    from desktop.store.lifecycle import assemble_store

    home = Home(tmp_path / "plain")
    home.make_directories()
    database = open_plaintext_database(home.database, create=True)
    audit = AuditChain(
        database,
        bytearray(32),
        AuditAnchor(home.audit_anchor),
        store_id="control",
        now=lambda: "2025-01-01T00:00:00.000000Z",
    )
    with assemble_store(database, audit) as store:
        markers = _write_marked_cases(store)[:30]
    hits = _hits(home, _needles(markers, []))
    assert len({hit.split(": ", 1)[1] for hit in hits}) >= 30
