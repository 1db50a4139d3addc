"""What can go wrong with the local store, in words a clinician or IT person can act on.

Every class here is a :class:`~desktop.domain.errors.UserFacingError`: the user's or the
environment's fault (wrong passphrase, full disk, damaged file), never a bug. Library
exceptions (sqlcipher3, OSError) become one of these in exactly one place,
:mod:`desktop.store.boundary`; anything that is not translated there is a bug.
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path

from desktop.domain.errors import UserFacingError


class StoreError(UserFacingError):
    """Base class of every store error a user can be told about."""


class WrongPassphrase(StoreError):
    """The passphrase does not unlock the user's key slot. Nothing was changed."""

    def __init__(self, user: str) -> None:
        self.user = user
        super().__init__(
            f"The passphrase for user '{user}' is not correct. Nothing was changed. "
            "Check Caps Lock and the keyboard layout, then try again."
        )


class WrongRecoveryKey(StoreError):
    """The IT recovery private key does not open the recovery slot."""

    def __init__(self) -> None:
        super().__init__(
            "The recovery key does not match this clinic's data. Nothing was changed. "
            "Check that you are using the recovery key issued for this installation."
        )


class NoRecoverySlot(StoreError):
    """The store was created without an IT recovery key."""

    def __init__(self) -> None:
        super().__init__(
            "This installation was set up without an IT recovery key, so it can only be "
            "unlocked with a user's passphrase."
        )


class UnknownUser(StoreError):
    """No key slot exists for this user name."""

    def __init__(self, user: str) -> None:
        self.user = user
        super().__init__(
            f"There is no user '{user}' on this computer. Check the spelling, or ask IT to add you."
        )


class UserAlreadyExists(StoreError):
    """A key slot for this user name exists already."""

    def __init__(self, user: str) -> None:
        self.user = user
        super().__init__(f"User '{user}' already exists on this computer.")


class LastUserSlot(StoreError):
    """Removing this user would leave no passphrase able to unlock the data."""

    def __init__(self, user: str) -> None:
        self.user = user
        super().__init__(
            f"User '{user}' is the only user who can unlock the data on this computer and "
            "cannot be removed. Add another user first."
        )


class WeakPassphrase(StoreError):
    """The new passphrase breaks the passphrase rule; nothing was stored."""

    def __init__(self, rule: str) -> None:
        self.rule = rule
        super().__init__(f"This passphrase is too weak: {rule}.")


class StoreNotInitialised(StoreError):
    """There is no PainBridge data in this location yet."""

    def __init__(self, location: Path) -> None:
        self.location = location
        super().__init__(
            f"No PainBridge data was found in {location}. Set up PainBridge first, or "
            "check that the data folder setting points to the right place."
        )


class StoreAlreadyExists(StoreError):
    """Refused to set up a store where one (or part of one) exists already."""

    def __init__(self, location: Path, detail: str) -> None:
        self.location = location
        super().__init__(
            f"PainBridge data already exists in {location} ({detail}). Nothing was "
            "overwritten. Open the existing data, or choose an empty folder."
        )


class StoreTooNew(StoreError):
    """The database was upgraded by a newer PainBridge than this one."""

    def __init__(self, unknown_migrations: list[str]) -> None:
        self.unknown_migrations = unknown_migrations
        super().__init__(
            "This data was saved by a newer version of PainBridge. Install the latest "
            "version to open it. Nothing was changed."
        )


class StoreLocked(StoreError):
    """Another program holds the database lock for longer than we are willing to wait."""

    def __init__(self, location: Path) -> None:
        self.location = location
        super().__init__(
            f"The PainBridge data in {location} is busy: another PainBridge window or "
            "program is saving. Nothing was saved. Close the other program or wait a "
            "moment, then try again."
        )


class CorruptPart(Enum):
    """Which part of the store failed its integrity check."""

    DATABASE = "database"
    DATABASE_PAGE = "database page"
    KEY_FILE = "key file"
    CASE_VERSION = "case version"
    REPORT = "stored report"


class StoreCorrupt(StoreError):
    """An integrity check failed; ``part`` says which check and ``detail`` what it found."""

    def __init__(self, part: CorruptPart, detail: str) -> None:
        self.part = part
        self.detail = detail
        super().__init__(
            f"PainBridge found damaged or altered data ({part.value}): {detail}. Nothing "
            "was changed. Contact IT: the data can be restored from the hub or a backup."
        )


class DiskFull(StoreError):
    """The disk holding the store has no space left; the change was not saved."""

    def __init__(self, location: Path) -> None:
        self.location = location
        super().__init__(
            f"The disk holding {location} is full. The last change was NOT saved; "
            "everything saved before it is safe. Free some disk space, then save again."
        )


class ReadOnlyLocation(StoreError):
    """The store's folder or disk cannot be written to."""

    def __init__(self, location: Path) -> None:
        self.location = location
        super().__init__(
            f"PainBridge cannot write to {location} (the folder or disk is read-only or "
            "not permitted). Nothing was saved. Ask IT to check the data folder."
        )


class StorageFailure(StoreError):
    """The operating system reported an input/output error that is neither of the above."""

    def __init__(self, location: Path, detail: str) -> None:
        self.location = location
        self.detail = detail
        super().__init__(
            f"The disk holding {location} reported an error ({detail}). The last change "
            "was NOT saved. Ask IT to check the disk."
        )


class UnsupportedLocation(StoreError):
    """The folder's file system cannot provide the guarantees the store relies on."""

    def __init__(self, location: Path, setting: str) -> None:
        self.location = location
        self.setting = setting
        super().__init__(
            f"The data folder {location} is on a drive that cannot provide safe saving "
            f"({setting} could not be enabled), for example a network drive. Ask IT to "
            "move the PainBridge data folder to a local disk."
        )


class CaseNotFound(StoreError):
    """No case with this id exists in the store."""

    def __init__(self, case_id: str) -> None:
        self.case_id = case_id
        super().__init__(f"Case {case_id} was not found on this computer.")
