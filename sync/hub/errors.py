"""What the hub refuses, as typed errors; mapped once to HTTP error bodies (api/app.py).

Each error is a :class:`UserFacingError` with the protocol's error ``code``, an HTTP
status and whether retrying can ever help (``permanent``). Anything else raised inside
the hub is a bug: the client sees a generic 500 ``internal`` body, the log the traceback.
"""

from __future__ import annotations

from collections.abc import Sequence

from desktop.domain.errors import Problem, UserFacingError
from sync.protocol import ErrorCode


class HubError(UserFacingError):
    """A refusal the client can understand and act on."""

    status = 400
    code: ErrorCode = "validation"
    permanent = True

    def __init__(self, message: str, *, problems: Sequence[Problem] = ()) -> None:
        self.message = message
        self.problems = tuple(problems)
        super().__init__(message)


class Unauthenticated(HubError):
    """No valid device signature or session: who is asking is not known."""

    status = 401
    code: ErrorCode = "unauthenticated"

    def __init__(self, message: str, *, code: ErrorCode = "unauthenticated") -> None:
        super().__init__(message)
        self.code = code


class Forbidden(HubError):
    """Known caller, but this role may not do this."""

    status = 403
    code: ErrorCode = "forbidden"


class DeviceRevoked(HubError):
    """The device was revoked by an administrator; it must enroll again."""

    status = 403
    code: ErrorCode = "device_revoked"


class EnrollmentRefused(HubError):
    """The one-time code cannot be used (wrong, expired, used, or locked)."""

    status = 403
    code: ErrorCode = "invalid_code"

    def __init__(self, message: str, *, code: ErrorCode) -> None:
        super().__init__(message)
        self.code = code


class NotFound(HubError):
    status = 404
    code: ErrorCode = "not_found"


class Conflict(HubError):
    status = 409
    code: ErrorCode = "conflict"

    def __init__(self, message: str, *, code: ErrorCode = "conflict") -> None:
        super().__init__(message)
        self.code = code


class TooLarge(HubError):
    status = 413
    code: ErrorCode = "too_large"
    permanent = False  # a smaller batch can pass


class RateLimited(HubError):
    status = 429
    code: ErrorCode = "rate_limited"
    permanent = False


class UnsupportedProtocol(HubError):
    status = 400
    code: ErrorCode = "unsupported_protocol"


class InvalidRequest(HubError):
    """A request body or parameter breaks a rule (problems name the fields)."""

    status = 422
    code: ErrorCode = "validation"


class HubSetupError(UserFacingError):
    """The hub cannot start or run an admin command (config, keys, database)."""


class UnknownName(NotFound):
    """An admin command names a clinic, device or user the hub does not have."""


__all__ = [
    "Conflict",
    "DeviceRevoked",
    "EnrollmentRefused",
    "Forbidden",
    "HubError",
    "HubSetupError",
    "InvalidRequest",
    "NotFound",
    "RateLimited",
    "TooLarge",
    "Unauthenticated",
    "UnknownName",
    "UnsupportedProtocol",
]
