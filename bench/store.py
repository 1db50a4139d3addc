"""Store benchmark: SQLCipher store vs the same store code on plain SQLite.

Run ``python bench/store.py`` (about 3 minutes; ``--cases``/``--large`` to change sizes;
``--only filters`` for the case-list filters alone). Prints a table; results and the
machine are recorded in docs/benchmarks.md ("Store", "Case-list filters").

Goals: encrypted insert/read <= 2x plain; unlock <= 1 s; first page (50 rows) of the case
list with 100,000 cases <= 100 ms; a filtered page (count + rows + sync states) <= 200 ms.
"""

from __future__ import annotations

import argparse
import json
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
from desktop.store.case_index import CASE_FILTERS
from desktop.store.cases import canonical_document
from desktop.store.database import (
    Database,
    open_encrypted_database,
    open_plaintext_database,
)
from desktop.store.driver import sqlcipher3
from desktop.store.hub_messages import NewHubMessage, advance_receipt, insert_message
from desktop.store.keys import open_passphrase_slot
from desktop.store.lifecycle import assemble_store, read_key_file
from desktop.store.outbox_delivery import mark_quarantined, mark_sent
from desktop.store.reports import NewReport, insert_report

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


# --- case-list filters --------------------------------------------------------------------

FILTER_TODAY = date(2026, 11, 21)
HISTORY_TIME = "2026-11-10T09:00:00.000000Z"


def report_document(rng: random.Random, serious: bool) -> dict[str, Any]:
    """About 6 KB, shaped like a stored report: alerts, ranked options, derived scores."""
    severities = ["info", "caution"] + (["warning"] if serious else [])
    return {
        "format": "painbridge.report/1",
        "alerts": [
            {"code": f"rule.{index}", "severity": severity, "message": "x" * 120}
            for index, severity in enumerate(severities)
        ],
        "ranking": {
            "options": [
                {"option": f"option-{n}", "probability": rng.random(), "reasons": ["y" * 150]}
                for n in range(15)
            ]
        },
        "derived": {f"score_{n}": rng.randint(0, 40) for n in range(60)},
        "history": " ".join(rng.choice(WORDS) for _ in range(250)),
    }


def open_database(home: Home) -> Database:
    data_key = open_passphrase_slot(read_key_file(home), USER, PASSPHRASE)
    try:
        return open_encrypted_database(home.database, data_key, create=False)
    finally:
        data_key.wipe()


def add_history(home: Home, count: int) -> dict[str, int]:
    """Hub history written with the store's own functions in a few big transactions (the
    triggers of 0010_case_list_filters keep the filter flags as they do for a sync):
    30 % of the cases at the hub, 1 % quarantined, 10 % answered (15 % of those with a
    14-day follow-up that is due), 20 % with a report (half of them with a warning)."""
    rng = random.Random(3)
    database = open_database(home)
    made = {"sent": 0, "quarantined": 0, "recommendations": 0, "due": 0, "reports": 0}
    try:
        with database.transaction():
            outbox = database.execute("SELECT id, case_id, version FROM outbox").fetchall()
            seq = 0
            for outbox_id, case_id, version in outbox:
                draw = rng.random()
                if 0.30 <= draw < 0.31:
                    mark_quarantined(database, outbox_id, "no_consent: no recorded consent")
                    made["quarantined"] += 1
                if draw >= 0.30:
                    continue
                mark_sent(database, outbox_id, sent_at=HISTORY_TIME)
                advance_receipt(database, case_id, version, "received", HISTORY_TIME)
                made["sent"] += 1
                if draw < 0.10:
                    due = rng.random() < 0.15
                    seq += 1
                    payload = {
                        "kind": "recommendation",
                        "case_id": case_id,
                        "case_version": version,
                        "issued_at": "2026-11-01T09:00:00Z",
                        "follow_up_days": 14 if due else 60,
                        "summary": "z" * 400,
                    }
                    text = json.dumps(payload, sort_keys=True, separators=(",", ":"))
                    message = NewHubMessage(seq, "recommendation", case_id, version, text, "-")
                    insert_message(database, message, HISTORY_TIME)
                    advance_receipt(database, case_id, version, "delivered", HISTORY_TIME)
                    made["recommendations"] += 1
                    made["due"] += due
            for case_id, version in database.execute(
                "SELECT case_id, latest_version FROM cases"
            ).fetchall():
                if rng.random() >= 0.20:
                    continue
                new = NewReport(
                    case_id,
                    version,
                    USER,
                    None,
                    None,
                    None,
                    "f" * 64,
                    report_document(rng, serious=rng.random() < 0.5),
                )
                insert_report(database, new, canonical_document(new.document), HISTORY_TIME)
                made["reports"] += 1
    finally:
        database.close()
    return made


def parse_alerts_without_flags(home: Home) -> float:
    """What "Has alerts" would cost without 0010: parse every latest report's JSON."""
    database = open_database(home)
    try:
        return median_seconds(
            lambda: database.scalar(
                "SELECT count(*) FROM reports AS r WHERE r.report_id IN "
                "(SELECT max(report_id) FROM reports GROUP BY case_id) AND EXISTS "
                "(SELECT 1 FROM json_each(r.document, '$.alerts') AS j WHERE "
                "json_extract(j.value, '$.severity') IN ('warning', 'contraindication'))"
            ),
            3,
        )
    finally:
        database.close()


def filter_rows(directory: Path, count: int) -> tuple[list[Row], list[str]]:
    home, build_seconds = build_large(directory, count)
    start = time.perf_counter()
    made = add_history(home, count)
    notes = [
        f"filters: built {count:,} cases in {build_seconds:.1f} s, then the hub history in "
        f"{time.perf_counter() - start:.1f} s: "
        + ", ".join(f"{value:,} {name}" for name, value in made.items())
    ]
    rows: list[Row] = []
    with open_store(home, USER, PASSPHRASE) as store:
        index = store.case_index()
        for case_filter in CASE_FILTERS:
            for search in (None, "maria k", "maria"):
                page = index.page(case_filter=case_filter, search=search, today=FILTER_TODAY)
                seconds = median_seconds(
                    lambda f=case_filter, s=search: index.page(  # type: ignore[misc]
                        case_filter=f, search=s, today=FILTER_TODAY, limit=50
                    ),
                    11,
                )
                label = f"filter {case_filter}" + (f" + search '{search}'" if search else "")
                rows.append(
                    Row(
                        f"{label}: first page ({page.total:,} of {count:,})",
                        seconds,
                        None,
                        "ms",
                        "<= 200 ms",
                        seconds <= 0.2,
                    )
                )
            deep = median_seconds(
                lambda f=case_filter: index.page(  # type: ignore[misc]
                    case_filter=f, today=FILTER_TODAY, offset=5_000, limit=50
                ),
                5,
            )
            rows.append(
                Row(f"filter {case_filter}: page at offset 5,000", deep, None, "ms", "-", None)
            )
    without = parse_alerts_without_flags(home)
    rows.append(
        Row("'has alerts' by parsing the latest reports (no 0010)", without, None, "ms", "-", None)
    )
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
    parser.add_argument(
        "--only", choices=["store", "filters"], default=None, help="run one part only"
    )
    arguments = parser.parse_args()
    directory = Path(tempfile.mkdtemp(prefix="painbridge-bench-", dir=arguments.dir))
    try:
        rows: list[Row] = []
        notes: list[str] = []
        if arguments.only != "filters":
            rows += compare_insert_read(directory, arguments.cases, batch=1)
            rows += compare_insert_read(directory, arguments.cases, batch=500)
            large_rows, notes = large_store_rows(directory, arguments.large)
            rows += large_rows
        if arguments.only != "store":
            filtered, filter_notes = filter_rows(directory / "filters", arguments.large)
            rows += filtered
            notes += filter_notes
        print_table(rows)
        print()
        for line in machine() + notes:
            print(f"- {line}")
    finally:
        shutil.rmtree(directory, ignore_errors=True)


if __name__ == "__main__":
    main()
