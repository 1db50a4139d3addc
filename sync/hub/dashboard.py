"""Hub dashboard data: per clinic activity, queue, errors, model and quality indicators.

Quality indicators use each case's newest version at the hub: the share with a negative
Pain Management Index (undertreatment), the share with a completed DN4, the share of
evaluable follow-ups that respond (IMMPACT >= 30 %), and how often the clinic model's
mechanisms (probability >= 0.5) equal the expert's confirmed ones.
"""

from __future__ import annotations

import json
import statistics
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, select

from sync.hub.audit_anchors import list_alarms
from sync.hub.context import Hub
from sync.hub.reviews_state import OPEN_STATES
from sync.hub.schema import (
    audit_anchors,
    case_versions,
    changes,
    clinics,
    devices,
    rejections,
    reviews,
)
from sync.protocol import CHANNELS, AuditAlarm, ClinicStatus, HubStatus

MECHANISMS = ("nociceptive", "neuropathic", "nociplastic")


def _share(values: list[bool]) -> float | None:
    return round(sum(values) / len(values), 3) if values else None


def hub_status(hub: Hub) -> HubStatus:
    now = hub.now()
    with hub.database.reading() as connection:
        clinic_rows = connection.execute(select(clinics).order_by(clinics.c.name)).all()
        device_rows = connection.execute(select(devices)).all()
        review_rows = connection.execute(select(reviews)).all()
        latest = connection.execute(
            select(
                case_versions.c.clinic_id,
                case_versions.c.case_id,
                case_versions.c.version,
                case_versions.c.indicators,
                case_versions.c.model,
            ).order_by(case_versions.c.clinic_id, case_versions.c.case_id, case_versions.c.version)
        ).all()
        rejected: dict[str, int] = dict(
            connection.execute(
                select(rejections.c.clinic_id, func.count()).group_by(rejections.c.clinic_id)
            ).all()
        )
        answers = connection.execute(
            select(changes.c.clinic_id, changes.c.case_id, changes.c.payload).where(
                changes.c.kind == "recommendation"
            )
        ).all()
        alarms = list_alarms(connection)
        anchored: dict[str, datetime] = {
            row.clinic_id: row.last
            for row in connection.execute(
                select(
                    audit_anchors.c.clinic_id, func.max(audit_anchors.c.anchored_at).label("last")
                ).group_by(audit_anchors.c.clinic_id)
            )
        }
    newest: dict[tuple[str, str], Any] = {}
    versions: dict[tuple[str, str, int], Any] = {}
    for row in latest:
        newest[(row.clinic_id, row.case_id)] = row
        versions[(row.clinic_id, row.case_id, row.version)] = row
    statuses = [
        _with_audit(
            _clinic_status(
                clinic, now, device_rows, review_rows, newest, versions, answers, rejected
            ),
            alarms,
            anchored,
        )
        for clinic in clinic_rows
    ]
    open_reviews = [r for r in review_rows if r.state in OPEN_STATES]
    oldest = min((r.waiting_since for r in open_reviews), default=None)
    published: dict[str, str | None] = {}
    for channel in CHANNELS:
        release = hub.models.current_release(channel)
        published[channel] = None if release is None else f"{release.name} {release.version}"
    return HubStatus(
        generated_at=now,
        clinics=statuses,
        queue_depth=len(open_reviews),
        oldest_waiting_hours=None if oldest is None else _hours(now - oldest),
        published_models=published,
        audit_alarms=alarms,
    )


def _with_audit(
    status: ClinicStatus, alarms: list[AuditAlarm], anchored: dict[str, datetime]
) -> ClinicStatus:
    """The clinic's audit anchoring: refused anchors and the last accepted one."""
    return status.model_copy(
        update={
            "audit_alarms": sum(alarm.clinic_id == status.clinic_id for alarm in alarms),
            "last_anchor_at": anchored.get(status.clinic_id),
        }
    )


def _hours(delta: timedelta) -> float:
    return round(delta.total_seconds() / 3600, 2)


def _clinic_status(
    clinic: Any,
    now: datetime,
    device_rows: Sequence[Any],
    review_rows: Sequence[Any],
    newest: dict[tuple[str, str], Any],
    versions: dict[tuple[str, str, int], Any],
    answers: Sequence[Any],
    rejected: dict[str, int],
) -> ClinicStatus:
    clinic_id = clinic.clinic_id
    own_devices = [d for d in device_rows if d.clinic_id == clinic_id]
    seen = [d.last_seen_at for d in own_devices if d.last_seen_at is not None]
    models = sorted(
        (d for d in own_devices if d.model_version and d.revoked_at is None),
        key=lambda d: d.last_seen_at or d.enrolled_at,
    )
    own_reviews = [r for r in review_rows if r.clinic_id == clinic_id]
    review_hours = [
        _hours(r.answered_at - r.waiting_since) for r in own_reviews if r.answered_at is not None
    ]
    indicators = [json.loads(row.indicators) for key, row in newest.items() if key[0] == clinic_id]
    return ClinicStatus(
        clinic_id=clinic_id,
        clinic_name=clinic.name,
        devices=len(own_devices),
        revoked_devices=sum(d.revoked_at is not None for d in own_devices),
        last_sync=max(seen) if seen else None,
        cases=len(indicators),
        queue_depth=sum(r.state in OPEN_STATES for r in own_reviews),
        rejected_items=int(rejected.get(clinic_id, 0)),
        model_version=models[-1].model_version if models else None,
        median_review_hours=round(statistics.median(review_hours), 2) if review_hours else None,
        negative_pmi_share=_share(
            [i["negative_pmi"] for i in indicators if i.get("negative_pmi") is not None]
        ),
        dn4_completion_share=_share([bool(i.get("dn4_complete")) for i in indicators]),
        responder_share=_share(
            [i["responder"] for i in indicators if i.get("responder") is not None]
        ),
        model_expert_agreement=_agreement(clinic_id, versions, answers),
    )


def _agreement(
    clinic_id: str, versions: dict[tuple[str, str, int], Any], answers: Sequence[Any]
) -> float | None:
    matches: list[bool] = []
    for answer in answers:
        if answer.clinic_id != clinic_id:
            continue
        payload = json.loads(answer.payload)
        row = versions.get((clinic_id, payload["case_id"], payload["case_version"]))
        if row is None or row.model is None:
            continue
        model = json.loads(row.model)["mechanism_probabilities"]
        expert = payload["mechanisms"]
        if any(expert.get(name) is None for name in MECHANISMS):
            continue
        predicted = {name for name in MECHANISMS if model.get(name, 0.0) >= 0.5}
        confirmed = {name for name in MECHANISMS if expert.get(name)}
        matches.append(predicted == confirmed)
    return _share(matches)
