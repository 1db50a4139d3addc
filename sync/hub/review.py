"""The expert review workflow: queue, claim, view (decrypted), answer.

Every answer becomes a signed change in the clinic's feed (feed.py) in the same
transaction as the review row's new state, so a clinic either sees the answer and the
state or neither. Only the expert who claimed a case may answer it.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, case, not_, select, update

from sync.hub.accounts import Account
from sync.hub.context import Hub
from sync.hub.errors import Conflict, NotFound
from sync.hub.feed import append_change, new_change_id
from sync.hub.keys import Sealed
from sync.hub.referrals import latest_referrals
from sync.hub.reviews_state import OPEN_STATES
from sync.hub.schema import case_versions, clinics, reviews
from sync.hub.uploads import associated_data
from sync.protocol import (
    CaseView,
    ClaimResult,
    InformationRequestIn,
    InformationRequestPayload,
    PlannedVisitIn,
    PlannedVisitPayload,
    QueueEntry,
    ReceiptPayload,
    RecommendationIn,
    RecommendationPayload,
    ReviewQueue,
)

_URGENCY_RANK = case({"urgent": 0, "soon": 1, "routine": 2}, value=reviews.c.urgency, else_=3)


def review_queue(hub: Hub, *, limit: int = 100) -> ReviewQueue:
    """Open cases, most urgent first, then longest waiting (a case whose expert asked the
    clinic for more information waits outside the queue until a new version arrives)."""
    now = hub.now()
    with hub.database.reading() as connection:
        rows = connection.execute(
            select(reviews, clinics.c.name.label("clinic_name"), case_versions.c.pseudonym)
            .join(clinics, clinics.c.clinic_id == reviews.c.clinic_id)
            .join(
                case_versions,
                (case_versions.c.clinic_id == reviews.c.clinic_id)
                & (case_versions.c.case_id == reviews.c.case_id)
                & (case_versions.c.version == reviews.c.latest_version),
            )
            .where(reviews.c.state.in_(OPEN_STATES), not_(reviews.c.awaiting_information))
            .order_by(_URGENCY_RANK, reviews.c.waiting_since, reviews.c.case_ref)
            .limit(max(1, min(limit, 500)))
        ).all()
        referrals = latest_referrals(
            connection, [(row.clinic_id, row.case_id, row.latest_version) for row in rows]
        )
    return ReviewQueue(
        entries=[
            QueueEntry(
                case_ref=row.case_ref,
                clinic_name=row.clinic_name,
                pseudonym=row.pseudonym,
                case_version=row.latest_version,
                urgency=row.urgency,
                urgency_reasons=tuple(json.loads(row.urgency_reasons)),
                waiting_since=row.waiting_since,
                waiting_hours=round((now - row.waiting_since).total_seconds() / 3600, 2),
                state=row.state,
                claimed_by=row.claimed_by,
                referral=referrals.get((row.clinic_id, row.case_id, row.latest_version)),
            )
            for row in rows
        ]
    )


def _review(connection: Connection, case_ref: str) -> Any:
    row = connection.execute(select(reviews).where(reviews.c.case_ref == case_ref)).first()
    if row is None:
        raise NotFound(f"there is no case {case_ref!r} at this hub")
    return row


def claim_case(hub: Hub, account: Account, case_ref: str) -> ClaimResult:
    """Take a case for review (``in_review``); the clinic gets an ``in_review`` receipt."""
    now = hub.now()
    with hub.database.transaction() as connection:
        row = _review(connection, case_ref)
        if row.claimed_by is not None and row.claimed_by != account.username:
            raise Conflict(f"this case is already claimed by {row.claimed_by}")
        if row.state not in OPEN_STATES:
            raise Conflict(f"this case is already {row.state.replace('_', ' ')}")
        if row.claimed_by == account.username:
            return ClaimResult(
                case_ref=case_ref, claimed_by=row.claimed_by, claimed_at=row.claimed_at
            )
        connection.execute(
            update(reviews)
            .where(reviews.c.case_ref == case_ref)
            .values(state="in_review", claimed_by=account.username, claimed_at=now)
        )
        payload = ReceiptPayload(
            change_id=new_change_id(),
            clinic_id=row.clinic_id,
            case_id=row.case_id,
            case_version=row.latest_version,
            issued_at=now,
            author=account.username,
            state="in_review",
        )
        append_change(
            hub, connection, payload, clinic_id=row.clinic_id, case_id=row.case_id, now=now
        )
    return ClaimResult(case_ref=case_ref, claimed_by=account.username, claimed_at=now)


def view_case(hub: Hub, account: Account, case_ref: str) -> CaseView:
    """The newest version of a case, decrypted, for an expert (viewing does not claim)."""
    with hub.database.reading() as connection:
        row = _review(connection, case_ref)
        stored = connection.execute(
            select(case_versions, clinics.c.name.label("clinic_name"))
            .join(clinics, clinics.c.clinic_id == case_versions.c.clinic_id)
            .where(
                case_versions.c.clinic_id == row.clinic_id,
                case_versions.c.case_id == row.case_id,
                case_versions.c.version == row.latest_version,
            )
        ).one()
        version = (row.clinic_id, row.case_id, row.latest_version)
        referral = latest_referrals(connection, [version]).get(version)
    plaintext = hub.keys.data.open(
        Sealed(stored.key_id, stored.nonce, stored.ciphertext),
        associated_data(row.clinic_id, row.case_id, row.latest_version),
    )
    return CaseView(
        case_ref=case_ref,
        clinic_name=stored.clinic_name,
        case_id=row.case_id,
        case_version=row.latest_version,
        document=json.loads(plaintext),
        urgency=row.urgency,
        urgency_reasons=tuple(json.loads(row.urgency_reasons)),
        state=row.state,
        claimed_by=row.claimed_by,
        received_at=stored.received_at,
        referral=referral,
    )


def _claimed_row(connection: Connection, account: Account, case_ref: str) -> Any:
    row = _review(connection, case_ref)
    if row.claimed_by != account.username:
        raise Conflict(
            "claim this case before answering it"
            if row.claimed_by is None
            else f"this case is claimed by {row.claimed_by}",
            code="not_claimed",
        )
    return row


def _answer(
    hub: Hub,
    account: Account,
    case_ref: str,
    payload: Callable[[Any, datetime], Any],
    review_values: Callable[[datetime], dict[str, Any]],
) -> int:
    """Append the expert's answer to the clinic's feed and move the review on, in one
    transaction; ``payload(row, now)`` builds the signed change for the claimed row."""
    now = hub.now()
    with hub.database.transaction() as connection:
        row = _claimed_row(connection, account, case_ref)
        seq = append_change(
            hub,
            connection,
            payload(row, now),
            clinic_id=row.clinic_id,
            case_id=row.case_id,
            now=now,
        )
        connection.execute(
            update(reviews).where(reviews.c.case_ref == case_ref).values(**review_values(now))
        )
    return seq


def recommend(hub: Hub, account: Account, case_ref: str, answer: RecommendationIn) -> int:
    """Send the expert's recommendation to the clinic; the case becomes ``answered``."""
    return _answer(
        hub,
        account,
        case_ref,
        lambda row, now: RecommendationPayload(
            change_id=new_change_id(),
            clinic_id=row.clinic_id,
            case_id=row.case_id,
            case_version=row.latest_version,
            issued_at=now,
            author=account.username,
            mechanisms=answer.mechanisms,
            regimen=answer.regimen,
            summary=answer.summary,
            follow_up_days=answer.follow_up_days,
        ),
        lambda now: {"state": "answered", "answered_at": now, "awaiting_information": False},
    )


def request_information(
    hub: Hub, account: Account, case_ref: str, request: InformationRequestIn
) -> int:
    """Ask the clinic for more; the case leaves the queue until a new version arrives."""
    return _answer(
        hub,
        account,
        case_ref,
        lambda row, now: InformationRequestPayload(
            change_id=new_change_id(),
            clinic_id=row.clinic_id,
            case_id=row.case_id,
            case_version=row.latest_version,
            issued_at=now,
            author=account.username,
            questions=request.questions,
            note=request.note,
        ),
        lambda now: {"state": "in_review", "awaiting_information": True},
    )


def plan_visit(hub: Hub, account: Account, case_ref: str, visit: PlannedVisitIn) -> int:
    """Announce an on-site visit for co-management (the review state is unchanged)."""
    now = hub.now()
    with hub.database.transaction() as connection:
        row = _review(connection, case_ref)
        payload = PlannedVisitPayload(
            change_id=new_change_id(),
            clinic_id=row.clinic_id,
            case_id=row.case_id,
            case_version=row.latest_version,
            issued_at=now,
            author=account.username,
            visit_date=visit.visit_date,
            purpose=visit.purpose,
        )
        return append_change(
            hub, connection, payload, clinic_id=row.clinic_id, case_id=row.case_id, now=now
        )
