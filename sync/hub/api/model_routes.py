"""The TUF model repository over HTTP (public: TUF signatures protect it, not the transport).

Bundles hold no patient data; what matters is that a clinic installs only what the hub's
keys signed, which the TUF client checks (docs/hub.md, "Model updates").
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path
from fastapi.responses import FileResponse
from starlette.concurrency import run_in_threadpool

from sync.hub.api.dependencies import HubDep
from sync.hub.api.device_routes import ERRORS
from sync.protocol import API_PREFIX, Channel

router = APIRouter(prefix=f"{API_PREFIX}/models", responses=ERRORS, tags=["models"])
MetadataName = Annotated[str, Path(pattern=r"^[0-9]{0,10}\.?[a-z]+\.json$", max_length=64)]


@router.get("/{channel}/metadata/{name}", response_class=FileResponse)
async def metadata(hub: HubDep, channel: Channel, name: MetadataName) -> FileResponse:
    path = await run_in_threadpool(hub.models.metadata_file, channel, name)
    return FileResponse(path, media_type="application/json")


@router.get("/{channel}/targets/{target:path}", response_class=FileResponse)
async def target(hub: HubDep, channel: Channel, target: str) -> FileResponse:
    path = await run_in_threadpool(hub.models.target_file, channel, target)
    return FileResponse(path, media_type="application/octet-stream")
