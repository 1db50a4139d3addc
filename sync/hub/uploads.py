"""Storing uploaded case versions exactly once.

The rules (docs/protocol.md, "Uploads: exactly once"):

- the same Idempotency-Key with the same document: the answer stored the first time
  (``duplicate``, with the original ``received_at``);
- the same key with a different document: refused, permanently (``idempotency_conflict``);
- a case version already stored under another key: ``duplicate`` when the document is
  the same, refused (``version_conflict``) when it differs (versions are append-only);
- a document that is invalid, still identifying, without consent, or whose SHA-256 does
  not match: refused, permanently; nothing of it is stored.
- an item with a referral (referrals.py) whose version is stored already, identical, is a
  referral update: ``stored`` the first time its key brings that referral, ``duplicate``
  (with the first answer) on a retry.

Checks that need no database (digest, sharing rules, triage, encryption) run first; then
the whole batch is written in ONE transaction (one commit, one fsync) with a savepoint per
item, so one bad item never holds up the others. On PostgreSQL two concurrent requests may
race on the same key: the unique constraints decide, and the loser's savepoint is rolled
back and the winner's row read instead.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, insert, select, update
from sqlalchemy.exc import IntegrityError

from desktop.domain.errors import Problem
from sync.hub.context import Hub
from sync.hub.referrals import ReferralStored, store_referral
from sync.hub.request_auth import DeviceIdentity
from sync.hub.reviews_state import note_new_version
from sync.hub.schema import case_versions, devices, rejections
from sync.hub.triage import Triage, triage_case
from sync.protocol import (
    ErrorBody,
    ErrorCode,
    ItemResult,
    ProblemOut,
    UploadBatch,
    UploadBatchResult,
    UploadItem,
    canonical_json,
    check_shared,
    sha256_hex,
)


class ItemRefused(Exception):
    """One item of a batch is refused (reported in its result, not as an HTTP error)."""

    def __init__(
        self, code: ErrorCode, message: str, problems: list[Problem] | None = None
    ) -> None:
        super().__init__(message)
        self.code: ErrorCode = code
        self.message = message
        self.problems = tuple(problems or ())


@dataclass(frozen=True)
class _Checked:
    item: UploadItem
    digest: str
    row: dict[str, Any]
    triage: Triage
    text: bytes  # the canonical document, kept to seal it again after a key rotation


def associated_data(clinic_id: str, case_id: str, version: int) -> bytes:
    """What a stored ciphertext is bound to: moving it to another row fails to decrypt."""
    return f"painbridge-case/1\n{clinic_id}\n{case_id}\n{version}".encode()


def store_batch(hub: Hub, device: DeviceIdentity, batch: UploadBatch) -> UploadBatchResult:
    now = hub.now()
    checked: list[_Checked | ItemRefused] = []
    for item in batch.items:
        try:
            checked.append(_check(hub, device, item, now))
        except ItemRefused as refused:
            checked.append(refused)
    results: list[ItemResult] = []
    with hub.database.transaction() as connection:
        # Seal with the key that is current now: a rotation may have started since the
        # checks above, and its old key is retired once no row names it.
        hub.database.lock_data_keys(connection, exclusive=False)
        hub.keys.data.refresh()
        known = _stored_before(connection, device, batch.items)
        for item, outcome in zip(batch.items, checked, strict=True):
            try:
                if isinstance(outcome, ItemRefused):
                    raise outcome
                previous = known.get(("key", item.idempotency_key)) or known.get(
                    ("version", item.case_id, item.version)
                )
                if previous is not None:
                    results.append(
                        _answer_again(connection, device, item, previous, outcome.digest, now)
                    )
                    continue
                results.append(_store(hub, connection, device, _current(hub, outcome), now))
            except ItemRefused as refused:
                _record_rejection(connection, device, item, refused.code, now)
                results.append(_rejected(item, refused))
    return UploadBatchResult(results=results, hub_time=now)


def _rejected(item: UploadItem, refused: ItemRefused) -> ItemResult:
    return ItemResult(
        idempotency_key=item.idempotency_key,
        outcome="rejected",
        error=ErrorBody(
            code=refused.code,
            message=refused.message,
            permanent=True,
            problems=tuple(ProblemOut(path=p.path, rule=p.rule) for p in refused.problems),
        ),
    )


def _check(hub: Hub, device: DeviceIdentity, item: UploadItem, now: datetime) -> _Checked:
    """Everything that needs no database: digest, sharing rules, triage, encryption."""
    text = canonical_json(item.document)
    digest = sha256_hex(text)
    if digest != item.document_sha256:
        raise ItemRefused("digest_wrong", "document_sha256 is not the SHA-256 of the document")
    case, problems = check_shared(item.document)
    if problems or case is None:
        paths = {p.path for p in problems}
        code: ErrorCode = "invalid_case"
        if paths & {"patient.name", "patient.contact"}:
            code = "identifying_data"
        elif "patient.consent_to_share" in paths:
            code = "no_consent"
        message = "the case cannot be stored: " + "; ".join(map(str, problems))
        raise ItemRefused(code, message, problems)
    if str(item.document.get("case_id")) != item.case_id:
        raise ItemRefused("invalid_case", "case_id differs from the document's case_id")
    triage = triage_case(case)
    sealed = hub.keys.data.seal(text, associated_data(device.clinic_id, item.case_id, item.version))
    row: dict[str, Any] = {
        "clinic_id": device.clinic_id,
        "device_id": device.device_id,
        "idempotency_key": item.idempotency_key,
        "case_id": item.case_id,
        "version": item.version,
        "document_sha256": digest,
        "key_id": sealed.key_id,
        "nonce": sealed.nonce,
        "ciphertext": sealed.ciphertext,
        "pseudonym": str(item.document["patient"]["pseudonym"]),
        "urgency": triage.urgency,
        "indicators": json.dumps(triage.indicators),
        "model": None if item.model is None else item.model.model_dump_json(),
        "saved_at": item.saved_at,
        "received_at": now,
    }
    return _Checked(item, digest, row, triage, text)


def _current(hub: Hub, checked: _Checked) -> _Checked:
    """``checked``, sealed again if the data key was rotated after it was sealed."""
    if checked.row["key_id"] == hub.keys.data.current_id:
        return checked
    item = checked.item
    sealed = hub.keys.data.seal(
        checked.text, associated_data(checked.row["clinic_id"], item.case_id, item.version)
    )
    row = {**checked.row, "key_id": sealed.key_id, "nonce": sealed.nonce}
    row["ciphertext"] = sealed.ciphertext
    return _Checked(item, checked.digest, row, checked.triage, checked.text)


def _store(
    hub: Hub, connection: Connection, device: DeviceIdentity, checked: _Checked, now: datetime
) -> ItemResult:
    item = checked.item
    try:
        with connection.begin_nested():
            connection.execute(insert(case_versions).values(**checked.row))
            note_new_version(
                hub, connection, device.clinic_id, item.case_id, item.version, checked.triage, now
            )
            if item.model is not None:
                connection.execute(
                    update(devices)
                    .where(devices.c.device_id == device.device_id)
                    .values(model_version=f"{item.model.name} {item.model.version}")
                )
            if item.referral is not None:
                _store_referral(connection, device, item, now)
    except IntegrityError:
        previous = _find_previous(connection, device, item)
        if previous is None:
            raise
        return _answer_again(connection, device, item, previous, checked.digest, now)
    return ItemResult(idempotency_key=item.idempotency_key, outcome="stored", received_at=now)


_PREVIOUS_COLUMNS = (
    case_versions.c.idempotency_key,
    case_versions.c.case_id,
    case_versions.c.version,
    case_versions.c.document_sha256,
    case_versions.c.received_at,
)


def _stored_before(
    connection: Connection, device: DeviceIdentity, items: list[UploadItem]
) -> dict[tuple[Any, ...], Any]:
    """Rows stored earlier for this batch's keys (this device) or case ids (this clinic),
    looked up with two queries for the whole batch."""
    found: dict[tuple[Any, ...], Any] = {}
    by_key = connection.execute(
        select(*_PREVIOUS_COLUMNS).where(
            case_versions.c.device_id == device.device_id,
            case_versions.c.idempotency_key.in_({item.idempotency_key for item in items}),
        )
    )
    for row in by_key:
        found[("key", row.idempotency_key)] = row
    by_case = connection.execute(
        select(*_PREVIOUS_COLUMNS).where(
            case_versions.c.clinic_id == device.clinic_id,
            case_versions.c.case_id.in_({item.case_id for item in items}),
        )
    )
    for row in by_case:
        found[("version", row.case_id, row.version)] = row
    return found


def _find_previous(connection: Connection, device: DeviceIdentity, item: UploadItem) -> Any:
    """The stored row with this key (this device), else with this case version (clinic)."""
    columns = (
        case_versions.c.idempotency_key,
        case_versions.c.document_sha256,
        case_versions.c.received_at,
    )
    by_key = connection.execute(
        select(*columns).where(
            case_versions.c.device_id == device.device_id,
            case_versions.c.idempotency_key == item.idempotency_key,
        )
    ).first()
    if by_key is not None:
        return by_key
    return connection.execute(
        select(*columns).where(
            case_versions.c.clinic_id == device.clinic_id,
            case_versions.c.case_id == item.case_id,
            case_versions.c.version == item.version,
        )
    ).first()


def _answer_again(
    connection: Connection,
    device: DeviceIdentity,
    item: UploadItem,
    previous: Any,
    digest: str,
    now: datetime,
) -> ItemResult:
    """The answer for an item whose key or case version was stored before."""
    if previous.document_sha256 != digest:
        if previous.idempotency_key == item.idempotency_key:
            raise ItemRefused(
                "idempotency_conflict",
                "this Idempotency-Key was used before with a different document",
            )
        raise ItemRefused(
            "version_conflict",
            f"version {item.version} of this case is already stored with other content",
        )
    received_at: datetime = previous.received_at
    if item.referral is not None:  # a referral update of the stored version
        stored = _store_referral(connection, device, item, now)
        return ItemResult(
            idempotency_key=item.idempotency_key,
            outcome="stored" if stored.new else "duplicate",
            received_at=stored.received_at,
        )
    return ItemResult(
        idempotency_key=item.idempotency_key, outcome="duplicate", received_at=received_at
    )


def _store_referral(
    connection: Connection, device: DeviceIdentity, item: UploadItem, now: datetime
) -> ReferralStored:
    assert item.referral is not None
    return store_referral(
        connection,
        clinic_id=device.clinic_id,
        device_id=device.device_id,
        idempotency_key=item.idempotency_key,
        case_id=item.case_id,
        version=item.version,
        referral=item.referral,
        now=now,
    )


def _record_rejection(
    connection: Connection, device: DeviceIdentity, item: UploadItem, code: str, now: datetime
) -> None:
    connection.execute(
        insert(rejections).values(
            clinic_id=device.clinic_id,
            device_id=device.device_id,
            idempotency_key=item.idempotency_key,
            code=code,
            at=now,
        )
    )
