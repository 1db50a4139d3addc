"""Where the data lives, who the user is, and how the passphrase is read."""

from __future__ import annotations

import argparse
import atexit
import getpass
import os
import shutil
import sys
import tempfile
from pathlib import Path

from desktop.domain.errors import UserFacingError

PASSPHRASE_ENV = "PAINBRIDGE_PASSPHRASE"
NEW_PASSPHRASE_ENV = "PAINBRIDGE_NEW_PASSPHRASE"
DEFAULT_USER = "clinician"


def resolve_home(args: argparse.Namespace) -> Path:
    """The data directory: --home, --temp-basedir, $PAINBRIDGE_HOME, or the per-user default."""
    if getattr(args, "temp_basedir", False):
        temp = Path(tempfile.mkdtemp(prefix="painbridge-"))
        atexit.register(shutil.rmtree, temp, True)
        args.home = temp
        args.temp_basedir = False
        return temp
    home = getattr(args, "home", None)
    if home is not None:
        return Path(home)
    env = os.environ.get("PAINBRIDGE_HOME")
    if env:
        return Path(env)
    from desktop.app import default_home

    return default_home()


def resolve_user(args: argparse.Namespace) -> str:
    user = getattr(args, "user", None) or os.environ.get("PAINBRIDGE_USER") or DEFAULT_USER
    return str(user)


def read_passphrase(prompt: str, *, env: str = PASSPHRASE_ENV, confirm: bool = False) -> str:
    """Read a passphrase from ``env`` or, on a terminal, a hidden prompt."""
    value = os.environ.get(env)
    if value is not None:
        return value
    if not sys.stdin.isatty():
        raise UserFacingError(
            f"no passphrase: set {env} or run the command in a terminal to be asked for it"
        )
    first = getpass.getpass(prompt)
    if confirm and getpass.getpass("Repeat to confirm: ") != first:
        raise UserFacingError("the two passphrases differ; nothing was changed")
    return first
