"""Rotating the hub's data key (``painbridge hub rotate-data-key``; docs/hub.md).

1. **Start**: a new data key is written and made current, so new uploads use it at once
   (a running hub follows the key directory), then the rotation is recorded in
   ``hub_meta`` (``data_key_rotation`` = the new key's id).
2. **Re-encrypt**: in batches, each in its own transaction, every stored case version
   whose ``key_id`` is not the new key is decrypted with its key and sealed with the new
   one (new nonce, same associated data). Each row names the key that encrypts it, so an
   interrupted run leaves a consistent mix, and running the command again resumes the
   recorded rotation (no further key is created) with the rows still on an old key.
3. **Retire**: once no row names an old key (checked while uploads are held off, see
   ``HubDatabase.lock_data_keys``), every other key file is deleted, then the record is
   cleared. A crash in between is finished by the next run.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, delete, func, insert, select, update

from sync.hub.context import Hub
from sync.hub.errors import HubSetupError
from sync.hub.keys import Sealed, SealedDocumentDamaged
from sync.hub.schema import case_versions, hub_meta
from sync.hub.uploads import associated_data

ROTATION_RECORD = "data_key_rotation"
DEFAULT_BATCH_SIZE = 500
_MAX_PASSES = 5


@dataclass(frozen=True)
class KeyUsage:
    key_id: str
    rows: int
    current: bool
    on_disk: bool


@dataclass(frozen=True)
class KeyStatus:
    keys: list[KeyUsage]
    rotating_to: str | None  # an unfinished rotation's new key


@dataclass(frozen=True)
class RotationStarted:
    key_id: str
    resumed: bool
    to_reencrypt: int


@dataclass(frozen=True)
class BatchDone:
    done: int
    total: int


@dataclass(frozen=True)
class RotationSummary:
    key_id: str
    resumed: bool
    reencrypted: int
    rows: int
    retired: tuple[str, ...]


Progress = Callable[[RotationStarted | BatchDone], None]


def _ignore(event: RotationStarted | BatchDone) -> None:
    return None


def data_key_status(hub: Hub) -> KeyStatus:
    """Every data key (on disk, or named by a row), how many rows each encrypts."""
    keyring = hub.keys.data
    keyring.refresh()
    with hub.database.reading() as connection:
        counts: dict[str, int] = {
            str(row.key_id): int(row.rows)
            for row in connection.execute(
                select(case_versions.c.key_id, func.count().label("rows")).group_by(
                    case_versions.c.key_id
                )
            )
        }
        rotating = _recorded(connection)
    ids = sorted(set(keyring.key_ids) | set(counts))
    keys = [
        KeyUsage(
            key_id, counts.get(key_id, 0), key_id == keyring.current_id, key_id in keyring.key_ids
        )
        for key_id in ids
    ]
    keys.sort(key=lambda usage: (not usage.current, usage.key_id))
    return KeyStatus(keys, rotating)


def rotate_data_key(
    hub: Hub, *, batch_size: int = DEFAULT_BATCH_SIZE, progress: Progress = _ignore
) -> RotationSummary:
    """Start (or resume) a rotation, re-encrypt every row, retire the old keys."""
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    keyring = hub.keys.data
    keyring.refresh()
    with hub.database.reading() as connection:
        recorded = _recorded(connection)
    resumed = recorded is not None
    if not resumed:
        keyring.rotate()
    target = keyring.current_id
    if recorded != target:  # a new rotation, or the pointer moved since it was recorded
        _record(hub, target)
    total = _count_others(hub, target)
    progress(RotationStarted(target, resumed, total))
    done, retired = 0, None
    for _ in range(_MAX_PASSES):
        done += _reencrypt_all(hub, target, batch_size, done, total, progress)
        retired = _retire(hub, target)
        if retired is not None:
            break
        total = done + _count_others(hub, target)  # rows that raced in: one more pass
    if retired is None:
        raise HubSetupError(
            f"rows under an old data key keep appearing after {_MAX_PASSES} passes (is an "
            "older hub version serving?); the rotation is recorded: run the command again"
        )
    with hub.database.reading() as connection:
        rows = int(connection.execute(select(func.count()).select_from(case_versions)).scalar_one())
    return RotationSummary(target, resumed, done, rows, retired)


def _recorded(connection: Connection) -> str | None:
    value = connection.execute(
        select(hub_meta.c.value).where(hub_meta.c.name == ROTATION_RECORD)
    ).scalar_one_or_none()
    return None if value is None else str(value)


def _record(hub: Hub, target: str) -> None:
    with hub.database.transaction() as connection:
        connection.execute(delete(hub_meta).where(hub_meta.c.name == ROTATION_RECORD))
        connection.execute(insert(hub_meta).values(name=ROTATION_RECORD, value=target))


def _count_others(hub: Hub, target: str) -> int:
    with hub.database.reading() as connection:
        return int(
            connection.execute(
                select(func.count())
                .select_from(case_versions)
                .where(case_versions.c.key_id != target)
            ).scalar_one()
        )


def _reencrypt_all(
    hub: Hub, target: str, batch_size: int, done: int, total: int, progress: Progress
) -> int:
    """Walk the rows in id order, one transaction per batch; returns rows re-encrypted."""
    after, count = 0, 0
    while True:
        with hub.database.transaction() as connection:
            rows = connection.execute(
                select(
                    case_versions.c.id,
                    case_versions.c.clinic_id,
                    case_versions.c.case_id,
                    case_versions.c.version,
                    case_versions.c.key_id,
                    case_versions.c.nonce,
                    case_versions.c.ciphertext,
                )
                .where(case_versions.c.id > after, case_versions.c.key_id != target)
                .order_by(case_versions.c.id)
                .limit(batch_size)
            ).all()
            for row in rows:
                count += _reencrypt(hub, connection, row, target)
        if not rows:
            return count
        after = int(rows[-1].id)
        progress(BatchDone(done + count, max(total, done + count)))


def _reencrypt(hub: Hub, connection: Connection, row: Any, target: str) -> int:
    keyring = hub.keys.data
    associated = associated_data(row.clinic_id, row.case_id, row.version)
    try:
        plaintext = keyring.open(Sealed(row.key_id, row.nonce, row.ciphertext), associated)
    except SealedDocumentDamaged:
        raise HubSetupError(
            f"stored case version row {row.id} failed authentication under data key "
            f"{row.key_id}: the rotation stopped (rows done so far stay done); restore that "
            "row from a database backup, then run the command again"
        ) from None
    sealed = keyring.seal(plaintext, associated)
    if sealed.key_id != target:
        raise HubSetupError(
            f"the current data key changed to {sealed.key_id} during the rotation to "
            f"{target}; run the command again"
        )
    updated = connection.execute(
        update(case_versions)
        .where(case_versions.c.id == row.id, case_versions.c.key_id == row.key_id)
        .values(key_id=sealed.key_id, nonce=sealed.nonce, ciphertext=sealed.ciphertext)
    )
    return int(updated.rowcount)


def _retire(hub: Hub, target: str) -> tuple[str, ...] | None:
    """Delete every other key file once no row needs it; None when rows still do."""
    with hub.database.transaction() as connection:
        hub.database.lock_data_keys(connection, exclusive=True)
        remaining = connection.execute(
            select(func.count()).select_from(case_versions).where(case_versions.c.key_id != target)
        ).scalar_one()
        if remaining:
            return None
        old = tuple(key_id for key_id in hub.keys.data.key_ids if key_id != target)
        for key_id in old:
            hub.keys.data.retire(key_id)
        connection.execute(delete(hub_meta).where(hub_meta.c.name == ROTATION_RECORD))
    return old
