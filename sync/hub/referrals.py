"""Referrals: whether the clinic's report recommends hub review of a case version, and why.

An upload item may carry a :class:`ReferralSummary` (docs/protocol.md, "Referrals"). It
is stored in ``case_referrals`` once per device, Idempotency-Key and referral digest, in
the transaction (savepoint) of its item, so:

- a retry with the same key and the same referral gets the first answer (``duplicate``,
  with the first ``received_at``);
- an item for a version the hub already stored (the clinician pressed "Send to hub"
  after the version was uploaded; the clinic sends it again under a new key) stores its
  referral as an update of that version (``stored``), not as a duplicate of the document.

The newest referral of a case version is what experts see; a clinician's request raises
the case to at least *soon* in the queue (triage.py). Requests are per version: a newer
version is triaged afresh and carries its own referral.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, insert, select, update
from sqlalchemy.exc import IntegrityError

from sync.hub.schema import case_referrals, reviews
from sync.hub.triage import with_clinician_request
from sync.protocol import ReferralSummary, canonical_json, sha256_hex

VersionKey = tuple[str, str, int]  # clinic id, case id, version


@dataclass(frozen=True)
class ReferralStored:
    """``new``: stored now; otherwise stored before, at ``received_at``."""

    new: bool
    received_at: datetime


def referral_digest(referral: ReferralSummary) -> str:
    return sha256_hex(canonical_json(referral.model_dump(mode="json")))


def store_referral(
    connection: Connection,
    *,
    clinic_id: str,
    device_id: str,
    idempotency_key: str,
    case_id: str,
    version: int,
    referral: ReferralSummary,
    now: datetime,
) -> ReferralStored:
    """Store the referral of one upload item once; apply a clinician's request to the
    case's review row (its latest version only)."""
    digest = referral_digest(referral)
    before = _received_before(connection, device_id, idempotency_key, digest)
    if before is not None:
        return ReferralStored(False, before)
    try:
        with connection.begin_nested():
            connection.execute(
                insert(case_referrals).values(
                    clinic_id=clinic_id,
                    device_id=device_id,
                    idempotency_key=idempotency_key,
                    referral_sha256=digest,
                    case_id=case_id,
                    version=version,
                    clinician_requested=referral.clinician_requested,
                    recommended=referral.recommended,
                    reasons=json.dumps(list(referral.reasons)),
                    received_at=now,
                )
            )
            if referral.clinician_requested:
                _raise_urgency(connection, clinic_id, case_id, version)
    except IntegrityError:  # a concurrent request stored the same referral first
        before = _received_before(connection, device_id, idempotency_key, digest)
        if before is None:
            raise
        return ReferralStored(False, before)
    return ReferralStored(True, now)


def _received_before(
    connection: Connection, device_id: str, idempotency_key: str, digest: str
) -> datetime | None:
    found: datetime | None = connection.execute(
        select(case_referrals.c.received_at).where(
            case_referrals.c.device_id == device_id,
            case_referrals.c.idempotency_key == idempotency_key,
            case_referrals.c.referral_sha256 == digest,
        )
    ).scalar()
    return found


def _raise_urgency(connection: Connection, clinic_id: str, case_id: str, version: int) -> None:
    row = connection.execute(
        select(
            reviews.c.case_ref,
            reviews.c.latest_version,
            reviews.c.urgency,
            reviews.c.urgency_reasons,
        ).where(reviews.c.clinic_id == clinic_id, reviews.c.case_id == case_id)
    ).first()
    if row is None or row.latest_version != version:
        return  # a request about an older version: the expert sees a newer one
    urgency, reasons = with_clinician_request(row.urgency, tuple(json.loads(row.urgency_reasons)))
    connection.execute(
        update(reviews)
        .where(reviews.c.case_ref == row.case_ref)
        .values(urgency=urgency, urgency_reasons=json.dumps(list(reasons)))
    )


def latest_referrals(
    connection: Connection, versions: Iterable[VersionKey]
) -> dict[VersionKey, ReferralSummary]:
    """The newest referral stored for each of these case versions (absent: none)."""
    wanted = set(versions)
    if not wanted:
        return {}
    rows = connection.execute(
        select(case_referrals)
        .where(
            case_referrals.c.clinic_id.in_({clinic for clinic, _, _ in wanted}),
            case_referrals.c.case_id.in_({case for _, case, _ in wanted}),
        )
        .order_by(case_referrals.c.id)
    )
    found: dict[VersionKey, ReferralSummary] = {}
    for row in rows:
        key = (row.clinic_id, row.case_id, row.version)
        if key in wanted:
            found[key] = _summary(row)  # ordered by id: the newest wins
    return found


def _summary(row: Any) -> ReferralSummary:
    return ReferralSummary(
        clinician_requested=bool(row.clinician_requested),
        recommended=bool(row.recommended),
        reasons=tuple(json.loads(row.reasons)),
    )
