"""The changes feed: append a signed change for a clinic; page through a clinic's changes."""

from __future__ import annotations

import json
import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, insert, or_, select

from sync.hub.context import Hub
from sync.hub.schema import changes
from sync.protocol import Change, ChangesPage, WireModel, canonical_json


def new_change_id() -> str:
    return uuid.uuid4().hex


def append_change(
    hub: Hub,
    connection: Connection,
    payload: WireModel,
    *,
    clinic_id: str | None,
    case_id: str | None,
    now: datetime,
) -> int:
    """Sign ``payload`` and append it to the feed inside the caller's transaction."""
    data = payload.model_dump(mode="json")
    text = canonical_json(data)
    hub.database.lock_feed(connection)
    result = connection.execute(
        insert(changes)
        .values(
            clinic_id=clinic_id,
            kind=str(data["kind"]),
            case_id=case_id,
            payload=text.decode("utf-8"),
            signature=hub.keys.feed.sign(text),
            created_at=now,
        )
        .returning(changes.c.seq)
    )
    return int(result.scalar_one())


def changes_page(hub: Hub, clinic_id: str, after: int, limit: int) -> ChangesPage:
    """This clinic's changes (and those for every clinic) with seq > ``after``."""
    limit = max(1, min(limit, hub.settings.changes_page_limit))
    with hub.database.reading() as connection:
        rows = connection.execute(
            select(changes.c.seq, changes.c.payload, changes.c.signature)
            .where(
                changes.c.seq > after,
                or_(changes.c.clinic_id == clinic_id, changes.c.clinic_id.is_(None)),
            )
            .order_by(changes.c.seq)
            .limit(limit + 1)
        ).all()
    page = rows[:limit]
    items = [
        Change(seq=int(row.seq), payload=_loads(row.payload), signature=row.signature)
        for row in page
    ]
    cursor = items[-1].seq if items else after
    return ChangesPage(changes=items, cursor=cursor, has_more=len(rows) > limit, hub_time=hub.now())


def _loads(text: str) -> dict[str, Any]:
    value = json.loads(text)
    if not isinstance(value, dict):
        raise TypeError("a stored change payload is not a JSON object")
    return value
