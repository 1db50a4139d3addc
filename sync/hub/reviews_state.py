"""The review row of each case: created at its first upload, moved on by experts/clinics."""

from __future__ import annotations

import json
import secrets
from datetime import datetime

from sqlalchemy import Connection, insert, select, update

from sync.hub.context import Hub
from sync.hub.schema import reviews
from sync.hub.triage import Triage

#: states in which a case waits in the experts' queue
OPEN_STATES = ("received", "in_review")


def note_new_version(
    hub: Hub,
    connection: Connection,
    clinic_id: str,
    case_id: str,
    version: int,
    triage: Triage,
    now: datetime,
) -> None:
    """Create or update the case's review row for a newly stored version.

    A new version of a case whose expert asked for more information puts it back in the
    queue (``received``, waiting from now); otherwise the state is kept and the expert
    sees the newest version.
    """
    row = connection.execute(
        select(reviews.c.case_ref, reviews.c.latest_version, reviews.c.awaiting_information).where(
            reviews.c.clinic_id == clinic_id, reviews.c.case_id == case_id
        )
    ).first()
    reasons = json.dumps(list(triage.reasons))
    if row is None:
        connection.execute(
            insert(reviews).values(
                case_ref=secrets.token_hex(8),
                clinic_id=clinic_id,
                case_id=case_id,
                latest_version=version,
                state="received",
                urgency=triage.urgency,
                urgency_reasons=reasons,
                waiting_since=now,
                awaiting_information=False,
            )
        )
        return
    if version < row.latest_version:
        return  # an older version arriving late changes nothing
    values: dict[str, object] = {
        "latest_version": version,
        "urgency": triage.urgency,
        "urgency_reasons": reasons,
    }
    if row.awaiting_information:
        values.update(
            state="received",
            waiting_since=now,
            awaiting_information=False,
            claimed_by=None,
            claimed_at=None,
        )
    connection.execute(update(reviews).where(reviews.c.case_ref == row.case_ref).values(**values))
