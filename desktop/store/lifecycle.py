"""Setting up, unlocking and re-keying a store; the only code that reads the key file.

Order matters for the guarantees in docs/storage.md:

- ``open_store`` verifies the passphrase before it opens the database, so a wrong
  passphrase changes nothing on disk.
- ``create_store`` writes the key file last: a store is "initialised" exactly when its
  key file exists. If setup fails earlier, the files it created are removed again.
- passphrase and user changes rewrite only the key file; the database is not opened.
"""

from __future__ import annotations

import contextlib
import uuid
from pathlib import Path

from desktop.store.audit import AuditAnchor, AuditChain
from desktop.store.boundary import translate_failures
from desktop.store.clock import Clock, format_timestamp, utc_now
from desktop.store.database import (
    DEFAULT_BUSY_TIMEOUT_SECONDS,
    Database,
    IntegrityScope,
    open_encrypted_database,
)
from desktop.store.errors import (
    CorruptPart,
    StoreAlreadyExists,
    StoreCorrupt,
    StoreNotInitialised,
)
from desktop.store.home import Home, write_file_atomically
from desktop.store.key_file import KdfParams, KeyFile
from desktop.store.keys import (
    DataKey,
    check_passphrase_strength,
    check_user_name,
    derive_audit_key,
    new_key_file,
    open_passphrase_slot,
    open_recovery_slot,
    with_replaced_passphrase,
    with_user_slot,
    without_user_slot,
)
from desktop.store.migrations import MigrationStarted, apply_migrations
from desktop.store.store import CaseStore

SYSTEM_ACTOR = "painbridge"


def create_store(
    home: Home,
    user: str,
    passphrase: str,
    *,
    recovery_public_key: bytes | None = None,
    kdf: KdfParams | None = None,
    clock: Clock = utc_now,
    busy_timeout: float = DEFAULT_BUSY_TIMEOUT_SECONDS,
) -> CaseStore:
    """Set up a new encrypted store in ``home`` for its first user; return it unlocked.

    Refuses (StoreAlreadyExists) if any store file is present. ``recovery_public_key``
    (32-byte X25519, from :func:`generate_recovery_keypair`) adds the IT recovery slot.
    """
    with translate_failures(home.path):
        user = check_user_name(user)
        check_passphrase_strength(passphrase, user=user)
        _refuse_existing(home)
        home.make_directories()
        data_key = DataKey.generate()
        created: list[Path] = []
        try:
            store_id = uuid.uuid4().hex
            key_file = new_key_file(
                store_id,
                data_key,
                user=user,
                passphrase=passphrase,
                kdf=kdf or KdfParams(),
                recovery_public_key=recovery_public_key,
                created_at=format_timestamp(clock()),
            )
            created += [home.database, home.database_wal, home.database_shm, home.audit_anchor]
            database = open_encrypted_database(
                home.database, data_key, create=True, busy_timeout=busy_timeout
            )
            try:
                store = _assemble(database, data_key, home, store_id, clock)
            except BaseException:
                database.close()
                raise
            try:
                store.users().record_creation(user, store_id)  # first user: every role
                write_file_atomically(home.key_file, key_file.to_bytes())
            except BaseException:
                store.close()
                raise
            return store
        except BaseException:
            for path in created:
                with contextlib.suppress(OSError):
                    path.unlink()
            raise
        finally:
            data_key.wipe()


def open_store(
    home: Home,
    user: str,
    passphrase: str,
    *,
    clock: Clock = utc_now,
    busy_timeout: float = DEFAULT_BUSY_TIMEOUT_SECONDS,
    on_migrating: MigrationStarted | None = None,
) -> CaseStore:
    """Unlock with a user's passphrase. WrongPassphrase/UnknownUser change nothing on disk.

    ``on_migrating(name)``: called before each pending migration is applied (the first
    unlock after an update), from the calling thread."""
    with translate_failures(home.path):
        key_file = read_key_file(home)
        data_key = open_passphrase_slot(key_file, check_user_name(user), passphrase)
        return _open_with_key(home, key_file, data_key, clock, busy_timeout, on_migrating)


def open_store_with_recovery(
    home: Home,
    it_private_key: bytes,
    *,
    clock: Clock = utc_now,
    busy_timeout: float = DEFAULT_BUSY_TIMEOUT_SECONDS,
) -> CaseStore:
    """Unlock with IT's recovery private key (raw 32-byte X25519)."""
    with translate_failures(home.path):
        key_file = read_key_file(home)
        data_key = open_recovery_slot(key_file, it_private_key)
        return _open_with_key(home, key_file, data_key, clock, busy_timeout)


def change_passphrase(
    home: Home, user: str, old_passphrase: str, new_passphrase: str, *, clock: Clock = utc_now
) -> None:
    """Re-wrap the data key for ``user``; only the key file changes, not the database."""
    with translate_failures(home.path):
        user = check_user_name(user)
        key_file = read_key_file(home)
        check_passphrase_strength(new_passphrase, user=user)
        data_key = open_passphrase_slot(key_file, user, old_passphrase)
        _rewrap(home, key_file, data_key, user, new_passphrase, clock)


def _rewrap(
    home: Home, key_file: KeyFile, data_key: DataKey, user: str, passphrase: str, clock: Clock
) -> None:
    """Write ``user``'s slot anew around ``data_key`` (wiped afterwards); key file only."""
    try:
        updated = with_replaced_passphrase(
            key_file,
            data_key,
            user=user,
            passphrase=passphrase,
            created_at=format_timestamp(clock()),
        )
    finally:
        data_key.wipe()
    _write_key_file(home, updated)


def reset_passphrase_with_recovery(
    home: Home, it_private_key: bytes, user: str, new_passphrase: str, *, clock: Clock = utc_now
) -> None:
    """IT sets a new passphrase for a user who forgot theirs (key file only)."""
    with translate_failures(home.path):
        user = check_user_name(user)
        key_file = read_key_file(home)
        key_file.slot_for(user)  # UnknownUser before any expensive work
        check_passphrase_strength(new_passphrase, user=user)
        data_key = open_recovery_slot(key_file, it_private_key)
        _rewrap(home, key_file, data_key, user, new_passphrase, clock)


def add_user(
    home: Home,
    user: str,
    passphrase: str,
    new_user: str,
    new_passphrase: str,
    *,
    kdf: KdfParams | None = None,
    clock: Clock = utc_now,
) -> None:
    """An existing user (``user``) adds a key slot for ``new_user``."""
    with translate_failures(home.path):
        user, new_user = check_user_name(user), check_user_name(new_user)
        key_file = read_key_file(home)
        check_passphrase_strength(new_passphrase, user=new_user)
        data_key = open_passphrase_slot(key_file, user, passphrase)
        try:
            updated = with_user_slot(
                key_file,
                data_key,
                user=new_user,
                passphrase=new_passphrase,
                kdf=kdf or KdfParams(),
                created_at=format_timestamp(clock()),
            )
        finally:
            data_key.wipe()
        _write_key_file(home, updated)


def remove_user(home: Home, user: str, passphrase: str, removed_user: str) -> None:
    """An existing user (``user``) removes ``removed_user``'s key slot (not the last one)."""
    with translate_failures(home.path):
        user, removed_user = check_user_name(user), check_user_name(removed_user)
        key_file = read_key_file(home)
        data_key = open_passphrase_slot(key_file, user, passphrase)
        try:
            updated = without_user_slot(key_file, data_key, user=removed_user)
        finally:
            data_key.wipe()
        _write_key_file(home, updated)


def list_users(home: Home) -> list[str]:
    """User names with a key slot (readable without unlocking; not secret)."""
    with translate_failures(home.path):
        return read_key_file(home).user_names()


def read_key_file(home: Home) -> KeyFile:
    try:
        raw = home.key_file.read_bytes()
    except FileNotFoundError:
        if home.database.exists():
            raise StoreCorrupt(
                CorruptPart.KEY_FILE,
                f"the key file {home.key_file} is missing, so the database cannot be "
                "decrypted; restore it from the backup IT made at installation",
            ) from None
        raise StoreNotInitialised(home.path) from None
    return KeyFile.from_bytes(raw)


# --- internals ----------------------------------------------------------------------------


def _refuse_existing(home: Home) -> None:
    if home.key_file.exists():
        raise StoreAlreadyExists(home.path, "a key file is present")
    for path in (home.database, home.database_wal, home.audit_anchor):
        if path.exists():
            raise StoreAlreadyExists(home.path, f"{path.name} is present without a key file")


def _write_key_file(home: Home, key_file: KeyFile) -> None:
    write_file_atomically(home.key_file, key_file.to_bytes())


def _open_with_key(
    home: Home,
    key_file: KeyFile,
    data_key: DataKey,
    clock: Clock,
    busy_timeout: float,
    on_migrating: MigrationStarted | None = None,
) -> CaseStore:
    try:
        if not home.database.exists():
            raise StoreCorrupt(
                CorruptPart.DATABASE,
                f"the database file {home.database} is missing (the key file is present)",
            )
        home.remove_stale_temp_files()
        database = open_encrypted_database(
            home.database, data_key, create=False, busy_timeout=busy_timeout
        )
        try:
            with translate_failures(home.path, database.describe_corruption):
                problems = database.check_integrity(IntegrityScope.UNLOCK)
                if problems:
                    raise StoreCorrupt(CorruptPart.DATABASE, "; ".join(problems[:3]))
                store = _assemble(database, data_key, home, key_file.store_id, clock, on_migrating)
        except BaseException:
            database.close()
            raise
        try:
            # A store from before roles existed: its users keep every role.
            store.users().grant_to_existing_users(key_file.user_names(), actor=SYSTEM_ACTOR)
        except BaseException:
            store.close()
            raise
        return store
    finally:
        data_key.wipe()


def _assemble(
    database: Database,
    data_key: DataKey,
    home: Home,
    store_id: str,
    clock: Clock,
    on_migrating: MigrationStarted | None = None,
) -> CaseStore:
    """Audit chain + migrations + CaseStore over an open database (shared with the bench)."""
    audit = AuditChain(
        database,
        derive_audit_key(data_key),
        AuditAnchor(home.audit_anchor),
        store_id=store_id,
        now=lambda: format_timestamp(clock()),
    )
    try:
        return assemble_store(database, audit, clock=clock, on_migrating=on_migrating)
    except BaseException:
        audit.wipe()
        raise


def assemble_store(
    database: Database,
    audit: AuditChain,
    *,
    clock: Clock = utc_now,
    on_migrating: MigrationStarted | None = None,
) -> CaseStore:
    """Check the anchor, apply pending migrations (each audited), return the CaseStore.

    The anchor is inspected *before* migrations write anything, so an anchor that shows
    truncation is never overwritten.
    """
    audit.inspect_anchor()
    try:
        apply_migrations(
            database,
            now=lambda: format_timestamp(clock()),
            on_applied=lambda name: audit.append(
                actor=SYSTEM_ACTOR,
                action="schema.migrated",
                object_type="schema",
                object_id=name,
                detail={},
            ),
            on_start=on_migrating,
        )
    except BaseException:
        audit.discard_unpublished()
        raise
    audit.publish_anchor()
    return CaseStore(database, audit, clock=clock)
