"""Store benchmark: SQLCipher store vs the same store code on plain SQLite.

Run ``python bench/store.py`` (about 3 minutes; ``--cases``/``--large`` to change sizes).
Prints a table; results and the machine are recorded in docs/benchmarks.md ("Store").

Goals: encrypted insert/read <= 2x plain; unlock <= 1 s; first page (50 rows) of the case
list with 100,000 cases <= 100 ms.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from desktop.store import (
    CaseStore,
    Home,
    IntegrityScope,
    NewVersion,
    create_store,
    open_store,
)
from desktop.store.audit import AuditAnchor, AuditChain
from desktop.store.database import (
    open_encrypted_database,
    open_plaintext_database,
)
from desktop.store.driver import sqlcipher3
from desktop.store.keys import open_passphrase_slot
from desktop.store.lifecycle import assemble_store, read_key_file

USER = "bench"
PASSPHRASE = "benchmark passphrase only"
WORDS = ["burning", "aching", "shooting", "stabbing", "dull", "pressing", "electric"]


@dataclass
class Row:
    metric: str
    encrypted: float
    plain: float | None
    unit: str
    goal: str
    met: bool | None


def realistic_document(rng: random.Random, index: int) -> dict[str, Any]:
    """A ~2.5 KB pain assessment shaped like the real case documents."""
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
            "descriptors": rng.sample(WORDS, 3),
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
        "history": " ".join(rng.choice(WORDS) for _ in range(180)),
        "index": index,
    }


def new_version(rng: random.Random, index: int) -> NewVersion:
    surname = "".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(7)).title()
    return NewVersion(
        case_id=f"case-{index:07d}",
        document=realistic_document(rng, index),
        actor=USER,
        pseudonym=f"PB-{index:07d}",
        patient_name=f"Maria {surname}",
        assessment_date=date(2025, 1, 1),
    )


@contextmanager
def timer(results: list[float]) -> Iterator[None]:
    start = time.perf_counter()
    yield
    results.append(time.perf_counter() - start)


def median_seconds(action: Callable[[], object], repeats: int) -> float:
    times: list[float] = []
    for _ in range(repeats):
        with timer(times):
            action()
    return statistics.median(times)


# --- the two stores -----------------------------------------------------------------------


PLAIN_AUDIT_KEY = bytes(range(32))  # the baseline has no data key to derive one from


def encrypted_store(directory: Path, *, create: bool = True) -> CaseStore:
    home = Home(directory / "encrypted")
    return create_store(home, USER, PASSPHRASE) if create else open_store(home, USER, PASSPHRASE)


def plain_store(directory: Path, *, create: bool = True) -> CaseStore:
    """Same CaseStore code, unencrypted file: the baseline (benchmark only)."""
    home = Home(directory / "plain")
    home.make_directories()
    database = open_plaintext_database(home.database, create=create)
    audit = AuditChain(
        database,
        bytearray(PLAIN_AUDIT_KEY),
        AuditAnchor(home.audit_anchor),
        store_id="plain-baseline",
        now=lambda: time.strftime("%Y-%m-%dT%H:%M:%S.000000Z", time.gmtime()),
    )
    return assemble_store(database, audit)


def compare_insert_read(directory: Path, count: int, batch: int) -> list[Row]:
    """Insert, then read back, ``count`` cases in both stores, interleaved block by block.

    The disk's fsync latency drifts a lot on a VM (4-12 ms here); alternating the two
    stores every block (and which goes first) spreads that drift over both equally.
    """
    rng = random.Random(1)
    versions = [new_version(rng, index) for index in range(count)]
    block = max(batch, 100)
    inserted = {"encrypted": 0.0, "plain": 0.0}
    read = {"encrypted": 0.0, "plain": 0.0}
    target = directory / f"compare-{batch}"
    target.mkdir()
    with encrypted_store(target) as encrypted, plain_store(target) as plain:
        stores = {"encrypted": encrypted, "plain": plain}
        order = list(stores)
        for first in range(0, count, block):
            chunk = versions[first : first + block]
            order.reverse()
            for name in order:
                start = time.perf_counter()
                for offset in range(0, len(chunk), batch):
                    stores[name].add_versions(chunk[offset : offset + batch])
                inserted[name] += time.perf_counter() - start
    # Read back through fresh connections: every page is read (and, for SQLCipher,
    # HMAC-checked and decrypted) again; the OS file cache is warm for both.
    with (
        encrypted_store(target, create=False) as encrypted,
        plain_store(target, create=False) as plain,
    ):
        stores = {"encrypted": encrypted, "plain": plain}
        for first in range(0, count, block):
            order.reverse()
            for name in order:
                start = time.perf_counter()
                for version in versions[first : first + block]:
                    stores[name].latest(version.case_id)
                read[name] += time.perf_counter() - start
    mode = "one transaction each" if batch == 1 else f"batches of {batch}"
    return [
        Row(
            f"insert {count:,} cases ({mode})",
            inserted["encrypted"],
            inserted["plain"],
            "s",
            "<= 2x plain",
            inserted["encrypted"] <= 2 * inserted["plain"],
        ),
        Row(
            f"read back {count:,} cases (latest)",
            read["encrypted"],
            read["plain"],
            "s",
            "<= 2x plain",
            read["encrypted"] <= 2 * read["plain"],
        ),
    ]


# --- the large store ----------------------------------------------------------------------


def build_large(directory: Path, count: int) -> tuple[Home, float]:
    home = Home(directory / "large")
    rng = random.Random(2)
    start = time.perf_counter()
    with create_store(home, USER, PASSPHRASE) as store:
        for first in range(0, count, 1000):
            store.add_versions(
                [new_version(rng, index) for index in range(first, min(first + 1000, count))]
            )
    return home, time.perf_counter() - start


def unlock_breakdown(home: Home) -> dict[str, float]:
    """Median of 3: the whole open_store, and its parts measured separately."""
    parts: dict[str, list[float]] = {
        "unlock": [],
        "argon2id": [],
        "open": [],
        "unlock_check": [],
    }
    for _ in range(3):
        with timer(parts["unlock"]):
            open_store(home, USER, PASSPHRASE).close()
        with timer(parts["argon2id"]):
            data_key = open_passphrase_slot(read_key_file(home), USER, PASSPHRASE)
        with timer(parts["open"]):
            database = open_encrypted_database(home.database, data_key, create=False)
        with timer(parts["unlock_check"]):
            database.check_integrity(IntegrityScope.UNLOCK)
        database.close()
        data_key.wipe()
    return {name: statistics.median(values) for name, values in parts.items()}


def full_check_costs(home: Home) -> dict[str, float]:
    data_key = open_passphrase_slot(read_key_file(home), USER, PASSPHRASE)
    database = open_encrypted_database(home.database, data_key, create=False)
    data_key.wipe()
    costs = {}
    try:
        for pragma in ("quick_check", "integrity_check", "cipher_integrity_check"):
            start = time.perf_counter()
            database.execute(f"PRAGMA {pragma}").fetchall()
            costs[pragma] = time.perf_counter() - start
    finally:
        database.close()
    return costs


def large_store_rows(directory: Path, count: int) -> tuple[list[Row], list[str]]:
    home, build_seconds = build_large(directory, count)
    notes = [
        f"built {count:,} cases in {build_seconds:.1f} s (batches of 1,000); "
        f"database {home.database.stat().st_size / 1e6:.0f} MB"
    ]
    unlock = unlock_breakdown(home)
    rows = [
        Row(
            f"unlock (open_store) with {count:,} cases",
            unlock["unlock"],
            None,
            "s",
            "<= 1 s",
            unlock["unlock"] <= 1.0,
        )
    ]
    notes.append(
        "unlock parts: "
        + ", ".join(f"{name} {seconds * 1000:.0f} ms" for name, seconds in unlock.items())
    )
    with open_store(home, USER, PASSPHRASE) as store:
        first_page = median_seconds(lambda: store.list_cases(limit=50), 21)
        # Every name starts with "Maria ": "maria" matches all cases, "maria k" about 4%.
        search_page = median_seconds(lambda: store.list_cases(search="maria k", limit=50), 21)
        dense_page = median_seconds(lambda: store.list_cases(search="maria", limit=50), 21)
        count_all = median_seconds(lambda: store.count_cases(), 5)
        count_dense = median_seconds(lambda: store.count_cases("maria"), 5)
        verify = median_seconds(store.verify_audit, 1)
    rows += [
        Row(
            f"case list first page (50) of {count:,}",
            first_page,
            None,
            "ms",
            "<= 100 ms",
            first_page <= 0.1,
        ),
        Row(
            f"search 'maria k' first page of {count:,}",
            search_page,
            None,
            "ms",
            "<= 100 ms",
            search_page <= 0.1,
        ),
        Row(
            f"search 'maria' (matches all) first page of {count:,}",
            dense_page,
            None,
            "ms",
            "<= 100 ms",
            dense_page <= 0.1,
        ),
        Row(f"count_cases() of {count:,}", count_all, None, "ms", "-", None),
        Row(f"count_cases('maria') of {count:,}", count_dense, None, "ms", "-", None),
        Row(f"verify_audit() over {count:,}+ entries", verify, None, "s", "-", None),
    ]
    checks = full_check_costs(home)
    rows += [
        Row(f"PRAGMA {name} (not at unlock)", seconds, None, "s", "-", None)
        for name, seconds in checks.items()
    ]
    return rows, notes


# --- report -------------------------------------------------------------------------------


def machine() -> list[str]:
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo") as info:
            names = [line.split(":", 1)[1].strip() for line in info if "model name" in line]
        cpu = names[0] if names else cpu
    except OSError:
        pass
    memory = ""
    if hasattr(os, "sysconf") and "SC_PHYS_PAGES" in os.sysconf_names:
        memory = f", {os.sysconf('SC_PHYS_PAGES') * os.sysconf('SC_PAGE_SIZE') / 2**30:.0f} GiB RAM"
    connection = sqlcipher3.connect(":memory:")
    versions = connection.execute("SELECT sqlite_version()").fetchone()[0]
    cipher = connection.execute("PRAGMA cipher_version").fetchone()[0]
    connection.close()
    return [
        f"{platform.platform()}; {cpu}; {os.cpu_count()} cores{memory}",
        f"Python {platform.python_version()}; SQLite {versions}; SQLCipher {cipher}",
    ]


def show(value: float | None, unit: str) -> str:
    if value is None:
        return "-"
    return f"{value * 1000:.1f}" if unit == "ms" else f"{value:.3f}"


def print_table(rows: list[Row]) -> None:
    print("| measurement | SQLCipher | plain SQLite | ratio | unit | goal | met |")
    print("|---|---:|---:|---:|---|---|---|")
    for row in rows:
        ratio = f"{row.encrypted / row.plain:.2f}x" if row.plain else "-"
        met = "-" if row.met is None else ("yes" if row.met else "NO")
        print(
            f"| {row.metric} | {show(row.encrypted, row.unit)} | {show(row.plain, row.unit)} "
            f"| {ratio} | {row.unit} | {row.goal} | {met} |"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--large", type=int, default=100_000)
    parser.add_argument("--dir", type=Path, default=None, help="where to build the stores")
    arguments = parser.parse_args()
    directory = Path(tempfile.mkdtemp(prefix="painbridge-bench-", dir=arguments.dir))
    try:
        rows = compare_insert_read(directory, arguments.cases, batch=1)
        rows += compare_insert_read(directory, arguments.cases, batch=500)
        large_rows, notes = large_store_rows(directory, arguments.large)
        rows += large_rows
        print_table(rows)
        print()
        for line in machine() + notes:
            print(f"- {line}")
    finally:
        shutil.rmtree(directory, ignore_errors=True)


if __name__ == "__main__":
    main()
