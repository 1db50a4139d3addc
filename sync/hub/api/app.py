"""The hub's FastAPI application (the OpenAPI schema is at ``/openapi.json``)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from starlette.concurrency import run_in_threadpool

from desktop import __version__
from sync.hub.api import admin_routes, device_routes, model_routes, review_routes
from sync.hub.api.errors import install_error_handlers
from sync.hub.api.limits import BodyLimit
from sync.hub.context import Hub
from sync.hub.request_auth import NoncePruner

DESCRIPTION = (
    "PainBridge hub: enrollment, exactly-once case uploads, expert review, a signed changes "
    "feed and the TUF model repository. Device requests are signed (docs/protocol.md); "
    "expert and admin requests carry a bearer session token."
)


def create_app(hub: Hub) -> FastAPI:
    """The ASGI app over an opened hub (the caller closes the hub)."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        await run_in_threadpool(hub.models.refresh_all)
        yield

    app = FastAPI(
        title="PainBridge hub",
        version=__version__,
        description=DESCRIPTION,
        lifespan=lifespan,
    )
    app.state.hub = hub
    app.state.nonce_pruner = NoncePruner()
    install_error_handlers(app)
    for module in (device_routes, review_routes, admin_routes, model_routes):
        app.include_router(module.router)
    app.add_middleware(BodyLimit, limit=hub.settings.max_request_bytes)
    return app
