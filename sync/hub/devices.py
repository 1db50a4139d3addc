"""Enrolled devices: list and revoke (``painbridge hub revoke DEVICE``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select, update

from sync.hub.context import Hub
from sync.hub.errors import UnknownName
from sync.hub.schema import clinics, devices


@dataclass(frozen=True)
class DeviceRow:
    device_id: str
    clinic_name: str
    name: str
    enrolled_at: datetime
    revoked_at: datetime | None
    last_seen_at: datetime | None


def list_devices(hub: Hub) -> list[DeviceRow]:
    query = (
        select(
            devices.c.device_id,
            clinics.c.name.label("clinic_name"),
            devices.c.name,
            devices.c.enrolled_at,
            devices.c.revoked_at,
            devices.c.last_seen_at,
        )
        .join(clinics, clinics.c.clinic_id == devices.c.clinic_id)
        .order_by(clinics.c.name, devices.c.enrolled_at)
    )
    with hub.database.reading() as connection:
        return [DeviceRow(*row) for row in connection.execute(query)]


def revoke_device(hub: Hub, device_id: str) -> DeviceRow:
    """Revoke a device (a unique prefix of its id is enough); its requests fail from now on."""
    with hub.database.transaction() as connection:
        matches = (
            connection.execute(
                select(devices.c.device_id).where(
                    devices.c.device_id.startswith(device_id, autoescape=True)
                )
            )
            .scalars()
            .all()
        )
        if len(matches) != 1 or not device_id:
            found = "no device" if not matches else f"{len(matches)} devices"
            raise UnknownName(f"{found} match {device_id!r}; give more of the device id")
        connection.execute(
            update(devices)
            .where(devices.c.device_id == matches[0], devices.c.revoked_at.is_(None))
            .values(revoked_at=hub.now())
        )
    return next(row for row in list_devices(hub) if row.device_id == matches[0])
