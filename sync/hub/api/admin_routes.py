"""Routes for administrators: dashboard, enrollment codes, devices (role: admin)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Path
from pydantic import Field

from sync.hub.api.dependencies import AdminDep, HubDep
from sync.hub.api.device_routes import ERRORS
from sync.hub.dashboard import hub_status
from sync.hub.devices import list_devices, revoke_device
from sync.hub.enrollment import issue_code
from sync.protocol import API_PREFIX, HubStatus, WireModel

router = APIRouter(prefix=f"{API_PREFIX}/admin", responses=ERRORS, tags=["admin"])


class CodeRequest(WireModel):
    clinic: Annotated[str, Field(min_length=1, max_length=200)]


class CodeOut(WireModel):
    code: str
    clinic_id: str
    clinic_name: str
    expires_at: datetime


class DeviceOut(WireModel):
    device_id: str
    clinic_name: str
    name: str
    enrolled_at: datetime
    revoked_at: datetime | None
    last_seen_at: datetime | None


@router.get("/status", response_model=HubStatus)
def status(hub: HubDep, account: AdminDep) -> HubStatus:
    """Dashboard data for every clinic."""
    return hub_status(hub)


@router.post("/enrollment-codes", response_model=CodeOut)
def create_code(hub: HubDep, account: AdminDep, request: CodeRequest) -> CodeOut:
    """A one-time enrollment code for a clinic (shown once)."""
    issued = issue_code(hub, request.clinic)
    return CodeOut(
        code=issued.code,
        clinic_id=issued.clinic_id,
        clinic_name=issued.clinic_name,
        expires_at=issued.expires_at,
    )


@router.get("/devices", response_model=list[DeviceOut])
def devices(hub: HubDep, account: AdminDep) -> list[DeviceOut]:
    return [DeviceOut(**vars(row)) for row in list_devices(hub)]


@router.post("/devices/{device_id}/revoke", response_model=DeviceOut)
def revoke(
    hub: HubDep, account: AdminDep, device_id: Annotated[str, Path(pattern=r"^[0-9a-f]{4,32}$")]
) -> DeviceOut:
    """Revoke a device: its signed requests are refused from now on."""
    return DeviceOut(**vars(revoke_device(hub, device_id)))
