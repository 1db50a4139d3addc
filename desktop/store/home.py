"""The store's home directory: which file holds what, and how files are replaced safely.

Layout (see docs/storage.md)::

    <home>/painbridge.db        SQLCipher database (+ -wal and -shm while open)
    <home>/keys.json            key slots wrapping the data key (no secret in plaintext)
    <home>/audit-anchor         MACed copy of the audit head, written after each commit
    <home>/drafts/              reserved for encrypted drafts (created, unused by the store)
"""

from __future__ import annotations

import contextlib
import os
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

_TEMP_SUFFIX = ".tmp"


@dataclass(frozen=True)
class Home:
    """Paths of one store. Creating a ``Home`` touches nothing on disk."""

    path: Path

    def __post_init__(self) -> None:
        object.__setattr__(self, "path", Path(self.path))

    @property
    def database(self) -> Path:
        return self.path / "painbridge.db"

    @property
    def database_wal(self) -> Path:
        return self.path / "painbridge.db-wal"

    @property
    def database_shm(self) -> Path:
        return self.path / "painbridge.db-shm"

    @property
    def key_file(self) -> Path:
        return self.path / "keys.json"

    @property
    def audit_anchor(self) -> Path:
        return self.path / "audit-anchor"

    @property
    def drafts(self) -> Path:
        return self.path / "drafts"

    def is_initialised(self) -> bool:
        """True when the key file exists: it is written last by ``create_store``."""
        return self.key_file.exists()

    def make_directories(self) -> None:
        """Create the home and drafts folders, readable by the owner only (POSIX)."""
        self.path.mkdir(mode=0o700, parents=True, exist_ok=True)
        self.drafts.mkdir(mode=0o700, exist_ok=True)

    def remove_stale_temp_files(self, *, older_than_seconds: float = 60.0) -> None:
        """Delete temp files left by a write that was interrupted (crash, power cut).

        Recent ones are left alone: another PainBridge process may be writing them now.
        """
        now = time.time()
        for leftover in self.path.glob(f".*{_TEMP_SUFFIX}"):
            with contextlib.suppress(FileNotFoundError):
                if now - leftover.stat().st_mtime > older_than_seconds:
                    leftover.unlink()


def write_file_atomically(path: Path, data: bytes, *, durable_rename: bool = True) -> None:
    """Replace ``path`` with ``data`` so that a crash leaves either the old or new file.

    Temp file in the same folder, fsync, rename over the target, then fsync the folder so
    the rename itself survives a power cut (skipped when ``durable_rename`` is False, for
    files where losing the rename only means keeping the previous valid version).
    """
    fd, temp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=_TEMP_SUFFIX)
    try:
        with os.fdopen(fd, "wb") as temp:
            temp.write(data)
            temp.flush()
            os.fsync(temp.fileno())
        os.replace(temp_name, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        raise
    if durable_rename:
        sync_directory(path.parent)


def sync_directory(directory: Path) -> None:
    """fsync a directory so renames and new files in it are durable (no-op on Windows)."""
    if os.name == "nt":  # Windows cannot open a directory; NTFS journals renames itself
        return
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
