"""The only code touching SQLite, files with PHI and keys (SQLCipher via sqlite-utils).

Public API (see docs/storage.md)::

    home = Home(path)
    store = create_store(home, "alice", "a long passphrase", recovery_public_key=it_public)
    store = open_store(home, "alice", "a long passphrase")
    with store:
        stored = store.add_version(case_id, document, actor="alice", pseudonym="PB-0001",
                                   patient_name="Maria Keller", assessment_date=date.today())
"""

from desktop.store import driver as _driver  # noqa: F401  (binds sqlite-utils to SQLCipher first)
from desktop.store.audit import AuditEntry, AuditProblem, AuditReport, ProblemKind
from desktop.store.cases import CaseSummary, NewVersion, StoredVersion
from desktop.store.database import IntegrityScope
from desktop.store.device_identity import DeviceKey
from desktop.store.drafts import StoredDraft
from desktop.store.errors import (
    CaseNotFound,
    CorruptPart,
    DiskFull,
    LastUserSlot,
    NoRecoverySlot,
    ReadOnlyLocation,
    StorageFailure,
    StoreAlreadyExists,
    StoreCorrupt,
    StoreError,
    StoreLocked,
    StoreNotInitialised,
    StoreTooNew,
    UnknownUser,
    UnsupportedLocation,
    UserAlreadyExists,
    WeakPassphrase,
    WrongPassphrase,
    WrongRecoveryKey,
)
from desktop.store.home import Home
from desktop.store.hub_anchors import AuditPosition, HubAnchor, HubAnchorLedger, NewHubAnchor
from desktop.store.hub_messages import CaseReceipt, HubMessage, NewHubMessage, PendingAck
from desktop.store.key_file import KdfParams
from desktop.store.keys import generate_recovery_keypair
from desktop.store.lifecycle import (
    add_user,
    change_passphrase,
    create_store,
    list_users,
    open_store,
    open_store_with_recovery,
    remove_user,
    reset_passphrase_with_recovery,
)
from desktop.store.outbox import OutboxItem, OutboxState
from desktop.store.outbox_delivery import OutgoingItem, QuarantinedItem
from desktop.store.reports import NewReport, StoredReport
from desktop.store.store import CaseStore, StoreClosedError, StoreStats
from desktop.store.sync_ledger import Delivery, StoredIdentity, SyncLedger

__all__ = [
    "AuditEntry",
    "AuditPosition",
    "AuditProblem",
    "AuditReport",
    "CaseNotFound",
    "CaseReceipt",
    "CaseStore",
    "CaseSummary",
    "CorruptPart",
    "Delivery",
    "DeviceKey",
    "DiskFull",
    "Home",
    "HubAnchor",
    "HubAnchorLedger",
    "HubMessage",
    "IntegrityScope",
    "KdfParams",
    "LastUserSlot",
    "NewHubAnchor",
    "NewHubMessage",
    "NewReport",
    "NewVersion",
    "NoRecoverySlot",
    "OutboxItem",
    "OutboxState",
    "OutgoingItem",
    "PendingAck",
    "ProblemKind",
    "QuarantinedItem",
    "ReadOnlyLocation",
    "StorageFailure",
    "StoreAlreadyExists",
    "StoreClosedError",
    "StoreCorrupt",
    "StoreError",
    "StoreLocked",
    "StoreNotInitialised",
    "StoreStats",
    "StoreTooNew",
    "StoredDraft",
    "StoredIdentity",
    "StoredReport",
    "StoredVersion",
    "SyncLedger",
    "UnknownUser",
    "UnsupportedLocation",
    "UserAlreadyExists",
    "WeakPassphrase",
    "WrongPassphrase",
    "WrongRecoveryKey",
    "add_user",
    "change_passphrase",
    "create_store",
    "generate_recovery_keypair",
    "list_users",
    "open_store",
    "open_store_with_recovery",
    "remove_user",
    "reset_passphrase_with_recovery",
]
