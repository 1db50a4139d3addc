"""A full disk and a read-only disk give DiskFull / ReadOnlyLocation and lose nothing.

Root ignores file permissions, so the tests mount a small tmpfs (full disk) and remount
it read-only (read-only disk). Where mounting is not permitted (not root, no
CAP_SYS_ADMIN, not Linux) they are skipped with the reason.
"""

from __future__ import annotations

import os
import random
import shutil
import subprocess
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from desktop.store import (
    CaseStore,
    DiskFull,
    Home,
    IntegrityScope,
    ReadOnlyLocation,
    change_passphrase,
    create_store,
    open_store,
)
from tests.unit.test_store_support import PASSPHRASE, USER, snapshot

pytestmark = [pytest.mark.fault]


def _mount(*arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["mount", *arguments], capture_output=True, text=True, check=False)


@pytest.fixture
def tmpfs(tmp_path: Path) -> Iterator[Path]:
    """A 3 MiB tmpfs mounted for this test only."""
    if os.name != "posix" or shutil.which("mount") is None:
        pytest.skip("needs Linux mount(8) to build a small or read-only file system")
    mount_point = tmp_path / "disk"
    mount_point.mkdir()
    result = _mount("-t", "tmpfs", "-o", "size=3m,mode=0700", "tmpfs", str(mount_point))
    if result.returncode != 0:
        pytest.skip(f"mounting a tmpfs is not permitted here: {result.stderr.strip()}")
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", "-l", str(mount_point)], check=False)


def _remount(mount_point: Path, options: str) -> None:
    result = _mount("-o", f"remount,{options}", str(mount_point))
    assert result.returncode == 0, result.stderr


def _document(rng: random.Random, number: int) -> dict[str, object]:
    letters = "abcdefghijklmnopqrstuvwxyz"
    return {"number": number, "history": "".join(rng.choice(letters) for _ in range(3000))}


def _save(store: CaseStore, number: int, rng: random.Random) -> tuple[str, str]:
    stored = store.add_version(
        f"case-{number}",
        _document(rng, number),
        actor=USER,
        pseudonym=f"PB-{number}",
        patient_name=f"Patient {number}",
        assessment_date=date(2025, 1, 1),
    )
    return stored.case_id, stored.sha256


def _assert_all_present(home: Home, saved: list[tuple[str, str]]) -> None:
    with open_store(home, USER, PASSPHRASE) as store:
        for case_id, sha256 in saved:
            assert store.latest(case_id).sha256 == sha256
        assert store.count_cases() == len(saved)
        assert store.check_integrity(IntegrityScope.FULL) == []
        assert store.verify_audit().ok


def test_disk_full_is_reported_and_no_saved_case_is_lost(tmpfs: Path) -> None:
    home = Home(tmpfs / "home")
    rng = random.Random(3)
    saved: list[tuple[str, str]] = []
    store = create_store(home, USER, PASSPHRASE)
    with pytest.raises(DiskFull, match=r"is full\. The last change was NOT saved") as raised:
        for number in range(10_000):
            saved.append(_save(store, number, rng))
    assert len(saved) > 10
    assert store.count_cases() == len(saved)  # still readable after the failed save
    with pytest.raises(DiskFull):
        _save(store, 99_999, rng)
    store.close()
    assert raised.value.location == home.database

    _remount(tmpfs, "size=64m")  # space freed
    _assert_all_present(home, saved)
    with open_store(home, USER, PASSPHRASE) as store:  # and saving works again
        _save(store, 100_000, rng)


def test_setup_on_a_full_disk_leaves_no_partial_store(tmpfs: Path) -> None:
    with (tmpfs / "filler").open("wb") as filler, pytest.raises(OSError):
        while True:
            filler.write(os.urandom(64 * 1024))
            filler.flush()
    home = Home(tmpfs / "home")
    with pytest.raises(DiskFull):
        create_store(home, USER, PASSPHRASE)
    left = {path.name for path in home.path.iterdir()} if home.path.exists() else set()
    assert left <= {"drafts"}
    (tmpfs / "filler").unlink()
    create_store(home, USER, PASSPHRASE).close()  # retry succeeds once there is space


def test_read_only_disk_is_reported_and_changes_nothing(tmpfs: Path) -> None:
    home = Home(tmpfs / "home")
    rng = random.Random(4)
    with create_store(home, USER, PASSPHRASE) as store:
        saved = [_save(store, number, rng) for number in range(20)]
    before = snapshot(home)

    _remount(tmpfs, "ro")
    with pytest.raises(ReadOnlyLocation, match="cannot write to"):
        open_store(home, USER, PASSPHRASE)
    with pytest.raises(ReadOnlyLocation):
        change_passphrase(home, USER, PASSPHRASE, "another long passphrase")
    with pytest.raises(ReadOnlyLocation):
        create_store(Home(tmpfs / "second"), USER, PASSPHRASE)
    assert snapshot(home) == before

    _remount(tmpfs, "rw")
    _assert_all_present(home, saved)
