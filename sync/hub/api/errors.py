"""The one place where hub failures become HTTP error bodies (style.md habit 11)."""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from sync.hub.errors import HubError
from sync.protocol import ErrorBody, ErrorCode, ProblemOut

logger = logging.getLogger(__name__)

_STATUS_CODES: dict[int, ErrorCode] = {
    400: "validation",
    401: "unauthenticated",
    403: "forbidden",
    404: "not_found",
    405: "not_found",
    409: "conflict",
    413: "too_large",
    422: "validation",
    429: "rate_limited",
}


def error_response(status: int, body: ErrorBody) -> JSONResponse:
    return JSONResponse(status_code=status, content=body.model_dump(mode="json"))


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(HubError)
    async def _hub_error(request: Request, error: HubError) -> JSONResponse:
        hub_time = request.app.state.hub.now()
        body = ErrorBody(
            code=error.code,
            message=error.message,
            permanent=error.permanent,
            problems=tuple(ProblemOut(path=p.path, rule=p.rule) for p in error.problems),
            hub_time=hub_time,
        )
        return error_response(error.status, body)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, error: RequestValidationError) -> JSONResponse:
        problems = tuple(
            ProblemOut(
                path=".".join(str(part) for part in detail.get("loc", ())),
                rule=str(detail.get("msg", "invalid")),
            )
            for detail in error.errors()[:50]
        )
        body = ErrorBody(
            code="validation",
            message="the request does not follow the protocol: see problems",
            permanent=True,
            problems=problems,
        )
        return error_response(422, body)

    @app.exception_handler(HTTPException)
    async def _http(request: Request, error: HTTPException) -> JSONResponse:
        code = _STATUS_CODES.get(error.status_code, "validation")
        body = ErrorBody(code=code, message=str(error.detail), permanent=True)
        return error_response(error.status_code, body)

    @app.exception_handler(Exception)
    async def _bug(request: Request, error: Exception) -> JSONResponse:
        logger.exception("hub bug while serving %s %s", request.method, request.url.path)
        body = ErrorBody(
            code="internal",
            message="the hub failed to process this request (a bug); it was logged",
            permanent=False,
        )
        return error_response(500, body)
