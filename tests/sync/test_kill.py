"""The clinic process SIGKILLed in the middle of syncing, then restarted: still exactly once."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from sync.hub.schema import case_versions
from sync.hub.server import EmbeddedHub
from tests.sync.fault_proxy import FaultProxy
from tests.sync.support import add_many, enroll, open_clinic, point_at
from tests.unit.test_store_support import Template

ROOT = Path(__file__).resolve().parents[2]
CASES = 300


def _stored(hub: EmbeddedHub) -> tuple[int, int]:
    """(rows, distinct case versions) at the hub."""
    with hub.hub.database.reading() as connection:
        rows = connection.execute(select(func.count()).select_from(case_versions)).scalar_one()
        distinct = connection.execute(
            select(func.count()).select_from(
                select(case_versions.c.case_id, case_versions.c.version).distinct().subquery()
            )
        ).scalar_one()
    return int(rows), int(distinct)


def _start(home: Path, private_key: bytes) -> subprocess.Popen[str]:
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.sync.sync_worker", str(home)],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stdin is not None and process.stdout is not None
    process.stdin.write(private_key.hex() + "\n")
    process.stdin.close()
    assert process.stdout.readline().strip() == "ready"
    return process


@pytest.mark.fault
@pytest.mark.slow
def test_sigkill_during_sync_then_restart_still_stores_each_case_once(
    clinic_template: Template, live_hub: EmbeddedHub, tmp_path: Path
) -> None:
    clinic = open_clinic(clinic_template, tmp_path / "clinic")
    enroll(clinic, live_hub.hub, live_hub.url)
    add_many(clinic, range(CASES))
    weights = {"pass": 0.6, "delay": 0.2, "reset_after": 0.2}
    with FaultProxy(live_hub.port, weights=weights, seed=11, delay_seconds=0.3) as proxy:
        point_at(clinic, proxy.url)
        clinic.close()
        kills = 0
        for target in (40, 120, 220):
            process = _start(tmp_path / "clinic", clinic_template.private_key)
            deadline = time.monotonic() + 60
            while _stored(live_hub)[0] < target and process.poll() is None:
                assert time.monotonic() < deadline, "the worker made no progress"
                time.sleep(0.01)
            if process.poll() is None:
                process.kill()  # SIGKILL: no cleanup, mid-request or mid-transaction
                kills += 1
            process.wait(10)
            process.stdout.close()  # type: ignore[union-attr]
            process.stderr.close()  # type: ignore[union-attr]
        assert kills >= 2
        process = _start(tmp_path / "clinic", clinic_template.private_key)
        assert process.stdout is not None and process.stderr is not None
        out, err = process.stdout.read(), process.stderr.read()
        process.stdout.close()
        process.stderr.close()
        assert process.wait(120) == 0, err
        assert out.strip().endswith("done")
    assert _stored(live_hub) == (CASES, CASES)
    reopened = open_clinic(clinic_template, tmp_path / "clinic")
    try:
        status = reopened.sync.current()
        assert (status.queued, status.quarantined) == (0, 0)
        assert reopened.store.verify_audit().ok
    finally:
        reopened.close()
