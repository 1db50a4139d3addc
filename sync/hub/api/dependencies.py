"""Who is asking: a signed device, or a signed-in expert or admin (roles per endpoint)."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from starlette.concurrency import run_in_threadpool

from sync.hub.accounts import Account, Role, session_account
from sync.hub.context import Hub
from sync.hub.errors import Unauthenticated
from sync.hub.request_auth import DeviceIdentity, NoncePruner, verify_request

_bearer = HTTPBearer(auto_error=False, description="session token from POST /v1/sessions")


def get_hub(request: Request) -> Hub:
    hub: Hub = request.app.state.hub
    return hub


HubDep = Annotated[Hub, Depends(get_hub)]


async def signed_device(request: Request, hub: HubDep) -> DeviceIdentity:
    """The enrolled device that signed this request (refused otherwise)."""
    body = await request.body()
    path = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    pruner: NoncePruner = request.app.state.nonce_pruner
    await run_in_threadpool(pruner.maybe_prune, hub, hub.now())
    return await run_in_threadpool(verify_request, hub, request.method, path, request.headers, body)


DeviceDep = Annotated[DeviceIdentity, Depends(signed_device)]


def _session(roles: tuple[Role, ...]) -> object:
    def dependency(
        hub: HubDep,
        credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
    ) -> Account:
        if credentials is None or credentials.scheme.lower() != "bearer":
            raise Unauthenticated("sign in first (POST /v1/sessions)")
        return session_account(hub, credentials.credentials, roles)

    return dependency


ExpertDep = Annotated[Account, Depends(_session(("expert", "admin")))]
AdminDep = Annotated[Account, Depends(_session(("admin",)))]


def bearer_token(
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> str:
    if credentials is None:
        raise Unauthenticated("sign in first (POST /v1/sessions)")
    return credentials.credentials


TokenDep = Annotated[str, Depends(bearer_token)]
