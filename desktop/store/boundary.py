"""The one place where sqlcipher3 and OS exceptions become typed store errors.

Every public entry point of the store (``CaseStore`` methods, ``create_store``,
``open_store`` ...) runs inside :func:`translate_failures`. What is the environment's
fault (full disk, read-only folder, lock held by another program, damaged file) becomes
a :class:`~desktop.store.errors.StoreError`; everything else (constraint violations,
programming errors) propagates unchanged because it is a bug.
"""

from __future__ import annotations

import errno
import os
import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from desktop.store.driver import dbapi2
from desktop.store.errors import (
    CorruptPart,
    DiskFull,
    ReadOnlyLocation,
    StorageFailure,
    StoreCorrupt,
    StoreError,
    StoreLocked,
)

# Primary SQLite result codes (https://sqlite.org/rescode.html).
SQLITE_PERM = 3
SQLITE_BUSY = 5
SQLITE_LOCKED = 6
SQLITE_READONLY = 8
SQLITE_IOERR = 10
SQLITE_CORRUPT = 11
SQLITE_FULL = 13
SQLITE_CANTOPEN = 14
SQLITE_NOTADB = 26

# Below this much free space an I/O error is reported as a full disk.
_NEARLY_FULL_BYTES = 1024 * 1024

Diagnose = Callable[[], tuple[CorruptPart, str]]


@contextmanager
def translate_failures(location: Path, diagnose: Diagnose | None = None) -> Iterator[None]:
    """Turn environment failures raised inside the block into StoreErrors.

    ``diagnose`` (optional) is asked, only when SQLite reports corruption, which part is
    damaged: e.g. which page failed its HMAC check.
    """
    try:
        yield
    except dbapi2.Error as error:
        translated = translate_database_error(error, location, diagnose)
        if translated is None:
            raise
        raise translated from error
    except OSError as error:
        translated_os = translate_os_error(error, location)
        if translated_os is None:
            raise
        raise translated_os from error


def translate_database_error(
    error: dbapi2.Error, location: Path, diagnose: Diagnose | None = None
) -> StoreError | None:
    code = getattr(error, "sqlite_errorcode", None)
    if not isinstance(code, int):
        return None
    primary = code & 0xFF
    if primary == SQLITE_FULL:
        return DiskFull(location)
    if primary in (SQLITE_READONLY, SQLITE_PERM):
        return ReadOnlyLocation(location)
    if primary in (SQLITE_BUSY, SQLITE_LOCKED):
        return StoreLocked(location)
    if primary == SQLITE_NOTADB:
        return StoreCorrupt(
            CorruptPart.DATABASE,
            "the database file cannot be decrypted with the key from the key file (the "
            "database or the key file was replaced, or the file's first page is damaged)",
        )
    if primary == SQLITE_CORRUPT:
        part, detail = (
            diagnose() if diagnose else (CorruptPart.DATABASE, "the database is malformed")
        )
        return StoreCorrupt(part, detail)
    if primary in (SQLITE_IOERR, SQLITE_CANTOPEN):
        return _explain_io_failure(location, str(error))
    return None


def translate_os_error(error: OSError, location: Path) -> StoreError | None:
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        return DiskFull(location)
    if error.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return ReadOnlyLocation(location)
    if error.errno in (errno.EIO, errno.ENXIO, errno.ENODEV):
        return StorageFailure(location, error.strerror or str(error))
    return None


def _explain_io_failure(location: Path, detail: str) -> StoreError:
    """SQLite reports many causes as a generic I/O error; look at the folder to say which."""
    folder = location if location.is_dir() else location.parent
    try:
        if shutil.disk_usage(folder).free < _NEARLY_FULL_BYTES:
            return DiskFull(location)
    except OSError:
        pass
    if _is_read_only(folder):
        return ReadOnlyLocation(location)
    return StorageFailure(location, detail)


def _is_read_only(folder: Path) -> bool:
    if hasattr(os, "statvfs"):
        try:
            if os.statvfs(folder).f_flag & os.ST_RDONLY:
                return True
        except OSError:
            pass
    return not os.access(folder, os.W_OK)
