"""Storing uploaded case versions exactly once.

Each item is checked and stored in its own transaction, so one bad item never holds up
the others. The rules (docs/protocol.md, "Exactly once"):

- the same Idempotency-Key with the same document: the answer stored the first time
  (``duplicate``, with the original ``received_at``);
- the same key with a different document: refused, permanently (``idempotency_conflict``);
- a case version already stored under another key: ``duplicate`` when the document is
  the same, refused (``version_conflict``) when it differs (versions are append-only);
- a document that is invalid, still identifying, without consent, or whose SHA-256 does
  not match: refused, permanently; nothing of it is stored.

On PostgreSQL two concurrent requests may race on the same key: the unique constraints
decide and the loser re-reads the winner's row.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, insert, select, update
from sqlalchemy.exc import IntegrityError

from desktop.domain.case_parsing import parse_case
from sync.hub.context import Hub
from sync.hub.errors import HubError
from sync.hub.request_auth import DeviceIdentity
from sync.hub.reviews_state import note_new_version
from sync.hub.schema import case_versions, devices, rejections
from sync.hub.triage import triage_case
from sync.protocol import (
    ErrorBody,
    ItemResult,
    ProblemOut,
    UploadBatch,
    UploadBatchResult,
    UploadItem,
    canonical_json,
    sha256_hex,
    sharing_problems,
)


class ItemRefused(HubError):
    """One item of a batch is refused (reported in its result, not as an HTTP error)."""


def associated_data(clinic_id: str, case_id: str, version: int) -> bytes:
    """What a stored ciphertext is bound to: moving it to another row fails to decrypt."""
    return f"painbridge-case/1\n{clinic_id}\n{case_id}\n{version}".encode()


def store_batch(hub: Hub, device: DeviceIdentity, batch: UploadBatch) -> UploadBatchResult:
    results = [store_item(hub, device, item) for item in batch.items]
    return UploadBatchResult(results=results, hub_time=hub.now())


def store_item(hub: Hub, device: DeviceIdentity, item: UploadItem) -> ItemResult:
    try:
        return _store(hub, device, item)
    except ItemRefused as refused:
        _record_rejection(hub, device, item, refused)
        return ItemResult(
            idempotency_key=item.idempotency_key,
            outcome="rejected",
            error=ErrorBody(
                code=refused.code,
                message=refused.message,
                permanent=refused.permanent,
                problems=tuple(ProblemOut(path=p.path, rule=p.rule) for p in refused.problems),
            ),
        )


def _refuse(code: Any, message: str, problems: list[Any] | None = None) -> ItemRefused:
    refused = ItemRefused(message, problems=problems or [])
    refused.code = code
    return refused


def _store(hub: Hub, device: DeviceIdentity, item: UploadItem) -> ItemResult:
    text = canonical_json(item.document)
    digest = sha256_hex(text)
    if digest != item.document_sha256:
        raise _refuse("digest_wrong", "document_sha256 is not the SHA-256 of the document")
    previous = _find_previous(hub, device, item)
    if previous is not None:
        return _answer_again(item, previous, digest)
    problems = sharing_problems(item.document)
    if problems:
        codes = {p.path for p in problems}
        code = (
            "identifying_data"
            if codes & {"patient.name", "patient.contact"}
            else ("no_consent" if "patient.consent_to_share" in codes else "invalid_case")
        )
        raise _refuse(code, "the case cannot be stored: " + "; ".join(map(str, problems)), problems)
    if str(item.document.get("case_id")) != item.case_id:
        raise _refuse("invalid_case", "case_id differs from the document's case_id")
    triage = triage_case(parse_case(item.document))
    now = hub.now()
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
    try:
        with hub.database.transaction() as connection:
            connection.execute(insert(case_versions).values(**row))
            note_new_version(
                hub, connection, device.clinic_id, item.case_id, item.version, triage, now
            )
            if item.model is not None:
                connection.execute(
                    update(devices)
                    .where(devices.c.device_id == device.device_id)
                    .values(model_version=f"{item.model.name} {item.model.version}")
                )
    except IntegrityError:
        previous = _find_previous(hub, device, item)
        if previous is None:
            raise
        return _answer_again(item, previous, digest)
    return ItemResult(idempotency_key=item.idempotency_key, outcome="stored", received_at=now)


def _find_previous(hub: Hub, device: DeviceIdentity, item: UploadItem) -> Any:
    """The stored row with this key (this device), else with this case version (clinic)."""
    columns = (
        case_versions.c.idempotency_key,
        case_versions.c.document_sha256,
        case_versions.c.received_at,
    )
    with hub.database.reading() as connection:
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


def _answer_again(item: UploadItem, previous: Any, digest: str) -> ItemResult:
    if previous.document_sha256 != digest:
        if previous.idempotency_key == item.idempotency_key:
            raise _refuse(
                "idempotency_conflict",
                "this Idempotency-Key was used before with a different document",
            )
        raise _refuse(
            "version_conflict",
            f"version {item.version} of this case is already stored with other content",
        )
    received_at: datetime = previous.received_at
    return ItemResult(
        idempotency_key=item.idempotency_key, outcome="duplicate", received_at=received_at
    )


def _record_rejection(
    hub: Hub, device: DeviceIdentity, item: UploadItem, refused: HubError
) -> None:
    with hub.database.transaction() as connection:
        _insert_rejection(connection, device, item, refused.code, hub.now())


def _insert_rejection(
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
