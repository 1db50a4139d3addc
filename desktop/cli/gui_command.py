"""Starting the desktop application from the command line (``painbridge`` alone, and
``painbridge demo``). Qt is imported only when the GUI really starts."""

from __future__ import annotations

import argparse
import os
import sys

from desktop.cli.session import resolve_home
from desktop.domain.errors import UserFacingError


class NoDisplay(UserFacingError):
    """There is no screen to show the application on (e.g. an SSH session)."""


def display_available() -> bool:
    """False on Linux/BSD without X11, Wayland or an explicit Qt platform."""
    if not sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        return True
    return any(os.environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))


def require_display() -> None:
    if not display_available():
        raise NoDisplay(
            "no display found (DISPLAY and WAYLAND_DISPLAY are not set), so the application "
            "window cannot open; run PainBridge in a desktop session, or use the commands "
            "listed by 'painbridge --help'"
        )


def start(args: argparse.Namespace) -> int:
    """``painbridge`` with no command: open the application on the data directory."""
    require_display()
    from desktop.app import run_gui

    return run_gui(resolve_home(args))
