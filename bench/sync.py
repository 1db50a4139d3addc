"""Sync benchmark: batched vs one request per case, concurrent clinics, bytes per case.

Run ``python bench/sync.py`` (about 1-2 minutes; ``--cases``, ``--clients`` to change sizes;
``--postgres URL`` or $PAINBRIDGE_BENCH_POSTGRES_URL adds the PostgreSQL run). Prints
tables; results and the machine are recorded in docs/benchmarks.md ("Sync").

1. 1,000 queued cases in a real clinic store (SQLCipher) drained to a loopback hub: the
   adaptive batches of ``drain_outbox`` vs one request per case (same client, same
   store). Goals: >= 100 cases/s batched and >= 10x the one-by-one rate.
2. ``--clients`` concurrent clinic devices (threads, each with its own device key)
   uploading to ONE hub process (``painbridge hub serve`` in a subprocess), on SQLite and
   on PostgreSQL: throughput, p50/p99 request latency, errors (goal: zero).
3. Bytes on the wire per case (counted by a TCP relay between client and hub: HTTP
   headers and bodies both ways), batched and one by one.
"""

from __future__ import annotations

import argparse
import os
import platform
import secrets
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import json

from desktop.domain.case_identity import make_pseudonym
from desktop.services.sync_ports import StoreOutbox
from desktop.store import DeviceKey, Home, NewVersion, create_store
from desktop.store.key_file import KdfParams
from sync.client import AdaptiveBatch, HubClient, drain_outbox
from sync.hub.context import open_hub
from sync.hub.enrollment import issue_code
from sync.hub.server import EmbeddedHub
from sync.hub.settings import HubSettings
from sync.protocol import UploadItem, canonical_json, pseudonymize, sha256_hex
from sync.transport import HubTransport

ROOT = Path(__file__).resolve().parents[1]
CASE = json.loads((ROOT / "tests" / "data" / "case_full.json").read_text(encoding="utf-8"))
PASSPHRASE = "benchmark passphrase only"


def case_document(index: int) -> dict[str, Any]:
    document: dict[str, Any] = json.loads(json.dumps(CASE))
    document["case_id"] = str(uuid.UUID(int=(0xBE4C << 64) | index))
    document["patient"]["pseudonym"] = make_pseudonym(lambda n: index.to_bytes(n, "big"))
    return document


# --- a byte-counting TCP relay ----------------------------------------------------------


class CountingRelay:
    """127.0.0.1 relay to ``port`` that counts the bytes in each direction."""

    def __init__(self, port: int) -> None:
        self._upstream = port
        self.sent = 0
        self.received = 0
        self._lock = threading.Lock()
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = self._listener.getsockname()[1]
        self._closing = False
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while not self._closing:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            upstream = socket.create_connection(("127.0.0.1", self._upstream))
            for sock in (client, upstream):  # forward each write at once, as a router does
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            threading.Thread(target=self._pump, args=(client, upstream, True), daemon=True).start()
            threading.Thread(target=self._pump, args=(upstream, client, False), daemon=True).start()

    def _pump(self, source: socket.socket, target: socket.socket, outgoing: bool) -> None:
        try:
            while chunk := source.recv(65536):
                with self._lock:
                    if outgoing:
                        self.sent += len(chunk)
                    else:
                        self.received += len(chunk)
                target.sendall(chunk)
        except OSError:
            pass
        finally:
            for sock in (source, target):
                with suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)
                sock.close()

    def close(self) -> None:
        self._closing = True
        self._listener.close()


# --- 1. batched vs one by one -----------------------------------------------------------


@dataclass
class DrainResult:
    label: str
    cases: int
    seconds: float
    requests: int
    bytes_per_case: float


def _clinic_with_cases(directory: Path, cases: int) -> Any:
    store = create_store(Home(directory), "bench", PASSPHRASE, kdf=KdfParams())
    documents = [case_document(index) for index in range(cases)]
    for start in range(0, cases, 500):
        store.add_versions(
            NewVersion(
                case_id=d["case_id"],
                document=d,
                actor="bench",
                pseudonym=d["patient"]["pseudonym"],
                patient_name=d["patient"]["name"],
                assessment_date=date(2026, 11, 20),
            )
            for d in documents[start : start + 500]
        )
    return store


def drain_once(hub: EmbeddedHub, directory: Path, cases: int, *, one_by_one: bool) -> DrainResult:
    store = _clinic_with_cases(directory, cases)
    key = DeviceKey.generate()
    relay = CountingRelay(hub.port)
    client = HubClient(HubTransport(f"http://127.0.0.1:{relay.port}"))
    try:
        code = issue_code(hub.hub, f"Bench clinic {directory.name}").code
        enrolled = client.enroll(code, "bench", key.public_bytes())
        client.use_identity(key.for_device(enrolled.device_id))
        relay.sent = relay.received = 0
        batch = AdaptiveBatch(size=1, maximum=1) if one_by_one else AdaptiveBatch()
        started = time.perf_counter()
        report = drain_outbox(
            client,
            StoreOutbox(store.sync_ledger()),
            batch=batch,
            clock=lambda: datetime.now(UTC),
        )
        seconds = time.perf_counter() - started
        assert report.sent == cases, report
    finally:
        client.close()
        relay.close()
        store.close()
    label = "one request per case" if one_by_one else "batched (adaptive)"
    return DrainResult(
        label, cases, seconds, report.requests, (relay.sent + relay.received) / cases
    )


# --- 2. concurrent clinics against one hub process --------------------------------------


@dataclass
class LoadResult:
    backend: str
    clients: int
    cases: int
    seconds: float
    p50_ms: float
    p99_ms: float
    errors: int


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def hub_process(home: Path, database_url: str | None) -> Iterator[str]:
    port = _free_port()
    command = [
        sys.executable,
        "-m",
        "desktop",
        "hub",
        "serve",
        "--hub-home",
        str(home),
        "--port",
        str(port),
    ]
    if database_url:
        command += ["--db", database_url]
    process = subprocess.Popen(
        command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                    break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(
                        f"hub did not start: {process.stderr.read() if process.stderr else ''}"
                    ) from None
                time.sleep(0.1)
        yield url
    finally:
        process.terminate()
        process.wait(20)
        if process.stderr is not None:
            process.stderr.close()


def _items(device: int, count: int) -> list[UploadItem]:
    items = []
    for index in range(count):
        document = pseudonymize(case_document(device * 100_000 + index))
        items.append(
            UploadItem(
                idempotency_key=secrets.token_hex(16),
                case_id=document["case_id"],
                version=1,
                document=document,
                document_sha256=sha256_hex(canonical_json(document)),
                saved_at=datetime(2026, 11, 20, tzinfo=UTC),
            )
        )
    return items


def concurrent_load(
    home: Path, backend: str, database_url: str | None, clients: int, requests: int, batch: int
) -> LoadResult:
    settings = HubSettings(config_dir=home, database_url=database_url)
    hub = open_hub(settings)
    codes = [issue_code(hub, "Load clinic").code for _ in range(clients)]
    hub.close()
    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    with hub_process(home, database_url) as url:
        workers: list[tuple[HubClient, list[list[UploadItem]]]] = []
        for number, code in enumerate(codes):
            key = DeviceKey.generate()
            client = HubClient(HubTransport(url))
            client.use_identity(
                key.for_device(client.enroll(code, "load", key.public_bytes()).device_id)
            )
            items = _items(number, requests * batch)
            workers.append((client, [items[i : i + batch] for i in range(0, len(items), batch)]))
        barrier = threading.Barrier(clients + 1)

        def run(client: HubClient, batches: list[list[UploadItem]]) -> None:
            barrier.wait()
            for chunk in batches:
                started = time.perf_counter()
                try:
                    result = client.upload(chunk)
                    bad = [r for r in result.results if r.outcome != "stored"]
                    if bad:
                        raise RuntimeError(f"{len(bad)} items not stored: {bad[0]}")
                except Exception as error:  # counted, the run goes on
                    with lock:
                        errors.append(str(error))
                    continue
                with lock:
                    latencies.append(time.perf_counter() - started)

        threads = [threading.Thread(target=run, args=worker) for worker in workers]
        for thread in threads:
            thread.start()
        barrier.wait()
        started = time.perf_counter()
        for thread in threads:
            thread.join()
        seconds = time.perf_counter() - started
        for client, _ in workers:
            client.close()
    latencies.sort()
    return LoadResult(
        backend=backend,
        clients=clients,
        cases=len(latencies) * batch,
        seconds=seconds,
        p50_ms=1000 * statistics.median(latencies) if latencies else float("nan"),
        p99_ms=1000 * latencies[min(len(latencies) - 1, int(0.99 * len(latencies)))]
        if latencies
        else float("nan"),
        errors=len(errors),
    )


def _fresh_postgres_database(base: str) -> tuple[str, str]:
    import psycopg
    from sqlalchemy.engine import make_url

    name = f"pb_bench_{uuid.uuid4().hex[:10]}"
    server = make_url(base)
    admin = server.set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    return server.set(database=name).render_as_string(hide_password=False), name


def _drop_postgres_database(base: str, name: str) -> None:
    import psycopg
    from sqlalchemy.engine import make_url

    admin = make_url(base).set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=1000)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--requests", type=int, default=10, help="requests per client")
    parser.add_argument("--batch", type=int, default=10, help="cases per request (load test)")
    parser.add_argument("--postgres", default=os.environ.get("PAINBRIDGE_BENCH_POSTGRES_URL"))
    args = parser.parse_args()
    python = platform.python_version()
    print(f"machine: {platform.platform()}, {os.cpu_count()} cores, Python {python}")
    work = Path(tempfile.mkdtemp(prefix="painbridge-bench-sync-"))
    try:
        with EmbeddedHub(HubSettings(config_dir=work / "hub")) as hub:
            batched = drain_once(hub, work / "clinic-batched", args.cases, one_by_one=False)
            single = drain_once(hub, work / "clinic-single", args.cases, one_by_one=True)
        print(f"\n1. {args.cases} queued cases to a loopback hub (SQLite), clinic store SQLCipher")
        print("| mode | time | cases/s | requests | bytes on the wire per case |")
        print("|---|---:|---:|---:|---:|")
        for result in (batched, single):
            print(
                f"| {result.label} | {result.seconds:.2f} s | {result.cases / result.seconds:,.0f} "
                f"| {result.requests} | {result.bytes_per_case:,.0f} |"
            )
        speedup = single.seconds / batched.seconds
        rate = batched.cases / batched.seconds
        print(
            f"batched is {speedup:.1f}x the one-by-one rate (goal >= 10x: "
            f"{'met' if speedup >= 10 else 'NOT met'}); {rate:,.0f} cases/s (goal >= 100: "
            f"{'met' if rate >= 100 else 'NOT met'})"
        )

        loads = [
            concurrent_load(
                work / "load-sqlite", "SQLite", None, args.clients, args.requests, args.batch
            )
        ]
        if args.postgres:
            url, name = _fresh_postgres_database(args.postgres)
            try:
                loads.append(
                    concurrent_load(
                        work / "load-pg", "PostgreSQL", url, args.clients, args.requests, args.batch
                    )
                )
            finally:
                _drop_postgres_database(args.postgres, name)
        print(
            f"\n2. {args.clients} concurrent clinic devices, {args.requests} uploads of "
            f"{args.batch} cases each, one hub process (uvicorn, 1 worker)"
        )
        print("| hub database | cases | time | cases/s | p50 request | p99 request | errors |")
        print("|---|---:|---:|---:|---:|---:|---:|")
        for load in loads:
            print(
                f"| {load.backend} | {load.cases:,} | {load.seconds:.1f} s | "
                f"{load.cases / load.seconds:,.0f} | {load.p50_ms:.0f} ms | {load.p99_ms:.0f} ms "
                f"| {load.errors} |"
            )
        if not args.postgres:
            print("PostgreSQL: skipped (give --postgres URL or PAINBRIDGE_BENCH_POSTGRES_URL)")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
