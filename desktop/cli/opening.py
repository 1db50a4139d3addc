"""Opening the clinic's store for a command."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from desktop.cli.session import read_passphrase, resolve_home, resolve_user

if TYPE_CHECKING:
    from desktop.app import Clinic


def open_clinic_from(args: argparse.Namespace) -> Clinic:
    """Unlock the store named by the command's options (caller closes it: ``with``)."""
    home = resolve_home(args)
    user = resolve_user(args)
    passphrase = read_passphrase(f"Passphrase for {user}: ")
    from desktop.app import open_clinic  # heavy (store, models): only when a command needs it

    return open_clinic(home, user=user, passphrase=passphrase)
