"""Shared helpers for the store tests (imported by test_store_*.py and tests/fault).

Argon2id stays real (m = 64 MiB, t = 3): one store is created per test module and its
directory copied for each test. Tests that are not about passphrases unlock the copy with
the IT recovery key (HPKE, milliseconds) instead of the passphrase (about 0.3 s).
"""

from __future__ import annotations

import hashlib
import random
import shutil
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from desktop.store import (
    CaseStore,
    Home,
    StoredVersion,
    create_store,
    generate_recovery_keypair,
    open_store_with_recovery,
)
from desktop.store.driver import Connection, sqlcipher3
from desktop.store.keys import DataKey, open_recovery_slot
from desktop.store.lifecycle import read_key_file

USER = "alice"
PASSPHRASE = "correct horse battery staple"


@dataclass(frozen=True)
class Template:
    """An initialised, closed store to copy, with its IT recovery key pair."""

    home: Home
    private_key: bytes
    public_key: bytes

    def copy_to(self, destination: Path) -> Home:
        shutil.copytree(self.home.path, destination)
        return Home(destination)

    def open(self, home: Home | None = None) -> CaseStore:
        return open_store_with_recovery(home or self.home, self.private_key)

    def data_key(self, home: Home | None = None) -> DataKey:
        return open_recovery_slot(read_key_file(home or self.home), self.private_key)


def make_template(directory: Path) -> Template:
    private_key, public_key = generate_recovery_keypair()
    home = Home(directory / "template")
    create_store(home, USER, PASSPHRASE, recovery_public_key=public_key).close()
    return Template(home, private_key, public_key)


def realistic_document(rng: random.Random, index: int, **extra: Any) -> dict[str, Any]:
    """A 2-3 KB pain assessment shaped like the real case documents."""
    words = ["burning", "aching", "shooting", "stabbing", "dull", "pressing", "electric"]
    return {
        "schema": "painbridge.case/1",
        "assessment": {
            "nrs_now": rng.randint(0, 10),
            "nrs_worst_24h": rng.randint(0, 10),
            "bpi_interference": {
                item: rng.randint(0, 10)
                for item in ("activity", "mood", "walking", "work", "relations", "sleep", "joy")
            },
            "dn4": {f"item_{number}": rng.random() < 0.5 for number in range(1, 11)},
            "descriptors": rng.sample(words, 3),
            "sites": [{"region": f"region-{rng.randint(1, 40)}", "side": "left"}] * 3,
        },
        "medications": [
            {
                "name": rng.choice(["morphine", "oxycodone", "paracetamol", "pregabalin"]),
                "dose_mg": rng.choice([5, 10, 20, 75, 500]),
                "route": "oral",
                "frequency": "every 4 hours",
                "started": f"2025-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}",
            }
            for _ in range(4)
        ],
        "history": " ".join(rng.choice(words) for _ in range(180)),
        "index": index,
        **extra,
    }


def add_case(store: CaseStore, case_id: str, **overrides: Any) -> StoredVersion:
    arguments: dict[str, Any] = {
        "document": {"case": case_id, "nrs": 5},
        "actor": USER,
        "pseudonym": f"PB-{case_id}",
        "patient_name": f"Patient {case_id}",
        "assessment_date": date(2025, 3, 1),
    }
    arguments.update(overrides)
    document = arguments.pop("document")
    return store.add_version(case_id, document, **arguments)


def raw_connection(home: Home, data_key: DataKey) -> Connection:
    """A bare SQLCipher connection: the tests play the attacker who holds the key."""
    connection: Connection = sqlcipher3.connect(str(home.database), isolation_level=None)
    key = data_key.sqlcipher_key()
    connection.set_key(key)
    connection.execute("SELECT count(*) FROM sqlite_schema").fetchone()
    return connection


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def snapshot(home: Home) -> dict[str, str]:
    """sha256 of every file under the home directory."""
    return {
        str(path.relative_to(home.path)): sha256_of(path)
        for path in sorted(home.path.rglob("*"))
        if path.is_file()
    }


def test_realistic_document_is_two_to_three_kilobytes() -> None:
    import json

    sizes = [len(json.dumps(realistic_document(random.Random(n), n))) for n in range(20)]
    assert min(sizes) >= 2000 and max(sizes) <= 3200


def undo_case_list_migration(connection: Connection) -> None:
    """Make the store behind ``connection`` look as before ``0010_case_list_filters`` (as
    after an update from an older version): its triggers, index, table and record go."""
    objects = connection.execute(
        "SELECT type, name FROM sqlite_schema WHERE name LIKE 'case_list_flags%'"
    ).fetchall()
    connection.execute("BEGIN")
    for kind, name in objects:
        if kind == "trigger":
            connection.execute(f"DROP TRIGGER {name}")
    connection.execute("DROP INDEX outbox_by_case")
    connection.execute("DROP TABLE case_list_flags")
    connection.execute("DELETE FROM migrations WHERE name = '0010_case_list_filters'")
    connection.execute("COMMIT")
