"""Hub dashboard data (``GET /v1/admin/status`` and ``painbridge hub status``)."""

from __future__ import annotations

from datetime import datetime

from pydantic import Field

from sync.protocol.anchors import AuditAlarm
from sync.protocol.version import WireModel


class ClinicStatus(WireModel):
    """One clinic: activity, queue, errors, model, review times and quality indicators.

    Shares are fractions 0-1 over the clinic's latest case versions (None: no data).
    ``model_expert_agreement`` compares the clinic model's top mechanism recorded in the
    case with the expert's confirmed mechanisms (None until both exist).
    """

    clinic_id: str
    clinic_name: str
    devices: int
    revoked_devices: int
    last_sync: datetime | None
    cases: int
    queue_depth: int
    rejected_items: int
    model_version: str | None
    median_review_hours: float | None
    negative_pmi_share: float | None
    dn4_completion_share: float | None
    responder_share: float | None
    model_expert_agreement: float | None
    #: refused audit anchors of this clinic's devices (docs/hub.md, "Audit anchors")
    audit_alarms: int = 0
    #: when a device of this clinic last anchored its audit head at the hub
    last_anchor_at: datetime | None = None


class HubStatus(WireModel):
    generated_at: datetime
    clinics: list[ClinicStatus]
    queue_depth: int
    oldest_waiting_hours: float | None
    published_models: dict[str, str | None]
    #: every audit alarm, newest first
    audit_alarms: list[AuditAlarm] = Field(default_factory=list)
