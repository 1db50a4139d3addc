"""kill -9 at random moments loses no acknowledged save and corrupts nothing.

A child process (crash_writer.py) saves cases in a loop and reports each save after
add_version returned. The parent SIGKILLs it at a random moment, reopens the store and
checks: every reported save is there with the same SHA-256, the file passes
``PRAGMA integrity_check`` and ``cipher_integrity_check``, the case index agrees with
the versions, and the audit chain verifies. PAINBRIDGE_CRASH_ROUNDS raises the number
of rounds (default 20); PAINBRIDGE_CRASH_SEED replays a run.

This simulates a process crash, not a power cut: the OS page cache survives SIGKILL.
Power-cut safety rests on synchronous=FULL (see docs/storage.md).
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from desktop.store import Home, IntegrityScope, create_store, generate_recovery_keypair
from desktop.store import open_store_with_recovery as open_with_recovery

WRITER = Path(__file__).with_name("crash_writer.py")
REPOSITORY = Path(__file__).resolve().parents[2]


def _start_writer(home: Home, round_number: int, private_key: bytes) -> subprocess.Popen[str]:
    environment = dict(os.environ, PYTHONPATH=str(REPOSITORY))
    process = subprocess.Popen(
        [sys.executable, str(WRITER), str(home.path), str(round_number)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=REPOSITORY,
        env=environment,
    )
    assert process.stdin is not None
    process.stdin.write(private_key.hex() + "\n")
    process.stdin.flush()
    return process


def _kill_at_random_moment(process: subprocess.Popen[str], rng: random.Random) -> list[str]:
    """SIGKILL the writer (sometimes while it is still unlocking); return its output."""
    assert process.stdout is not None
    lines: list[str] = []
    if rng.random() < 0.15:
        time.sleep(rng.uniform(0.0, 0.4))  # may land during start-up and unlock
    else:
        ready = process.stdout.readline()
        if ready != "ready\n":
            process.kill()
            _, error = process.communicate()
            pytest.fail(f"writer did not start: {ready!r}\n{error}")
        time.sleep(rng.uniform(0.0, 0.5))
    process.send_signal(signal.SIGKILL)
    output, _ = process.communicate()
    assert process.returncode == -signal.SIGKILL
    lines += output.splitlines(keepends=True)
    return lines


def _acknowledged(lines: list[str]) -> list[tuple[str, str]]:
    saves = []
    for line in lines:
        parts = line.split()
        # Only complete lines: a kill in the middle of print() leaves a partial one.
        if line.endswith("\n") and len(parts) == 3 and parts[0] == "committed":
            saves.append((parts[1], parts[2]))
    return saves


@pytest.mark.fault
@pytest.mark.slow
def test_sigkill_loses_no_acknowledged_save(tmp_path: Path) -> None:
    rounds = int(os.environ.get("PAINBRIDGE_CRASH_ROUNDS", "20"))
    seed = int(os.environ.get("PAINBRIDGE_CRASH_SEED", str(random.randrange(2**32))))
    rng = random.Random(seed)
    private_key, public_key = generate_recovery_keypair()
    home = Home(tmp_path / "home")
    create_store(
        home, "crash-writer", "crash test passphrase", recovery_public_key=public_key
    ).close()

    acknowledged: list[tuple[str, str]] = []
    for round_number in range(rounds):
        context = f"seed {seed}, round {round_number}"
        process = _start_writer(home, round_number, private_key)
        acknowledged += _acknowledged(_kill_at_random_moment(process, rng))

        with open_with_recovery(home, private_key) as store:
            for case_id, sha256 in acknowledged:
                hashes = {version.sha256 for version in store.versions(case_id)}
                assert sha256 in hashes, f"{context}: lost save of {case_id}"
            for offset in range(0, store.count_cases(), 500):
                for summary in store.list_cases(offset=offset, limit=500):
                    assert store.latest(summary.case_id).version == summary.latest_version
            assert store.check_integrity(IntegrityScope.FULL) == [], context
            report = store.verify_audit()
            assert report.ok, f"{context}: {report.problems}"
    saved_cases = {case_id for case_id, _ in acknowledged}
    assert len(saved_cases) >= rounds, f"seed {seed}: too few saves to mean anything"
