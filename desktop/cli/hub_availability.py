"""Whether the hub can run here: its code (``sync.hub``) and its server libraries (the
``hub`` extra) are left out of the clinic application's frozen build and of a plain
``pip install painbridge``.

``painbridge hub ...`` and the demo's embedded hub check before they import any of it,
so a build without the hub says so (exit code 3) instead of crashing.
"""

from __future__ import annotations

import functools
import importlib.util
from collections.abc import Callable
from typing import TypeVar

from desktop.domain.errors import UserFacingError

#: What the hub needs that a clinic installation may lack (its code, then the extra).
HUB_MODULES = ("sync.hub", "fastapi", "uvicorn", "sqlalchemy")
#: Also of the extra, needed only for some uses (PostgreSQL) or inside the others.
OPTIONAL_HUB_MODULES = ("psycopg", "starlette")

Args = TypeVar("Args")


class HubNotInstalled(UserFacingError):
    """This installation has no hub: the clinic build, or the package without its extra."""

    def __init__(self, missing: str, *, hint: str = "") -> None:
        self.missing = missing
        super().__init__(
            "the hub is not installed in this build; install the hub package "
            "(pip install 'painbridge[hub]') or use the hub server"
            f" ({missing} is missing){hint}"
        )


def _importable(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except ImportError:  # a parent package is missing too
        return False


def require_hub(*, hint: str = "") -> None:
    """Raise :class:`HubNotInstalled` unless the hub and its libraries can be imported.

    Looks the modules up without importing them (importing the server stack takes about
    half a second)."""
    for name in HUB_MODULES:
        if not _importable(name):
            raise HubNotInstalled(name, hint=hint)


def _is_hub_module(name: str | None) -> bool:
    return name is not None and any(
        name == module or name.startswith(module + ".")
        for module in HUB_MODULES + OPTIONAL_HUB_MODULES
    )


def needs_hub(handler: Callable[[Args], int]) -> Callable[[Args], int]:
    """A command handler that first checks the hub is installed, and reports a hub module
    that is still missing when imported (an incomplete installation) the same way."""

    @functools.wraps(handler)
    def checked(args: Args) -> int:
        require_hub()
        try:
            return handler(args)
        except ModuleNotFoundError as error:
            if _is_hub_module(error.name):
                raise HubNotInstalled(str(error.name)) from None
            raise

    return checked
