"""``painbridge init``, ``painbridge passphrase change``, ``painbridge recovery keygen |
reset-passphrase``."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from desktop.cli.session import (
    NEW_PASSPHRASE_ENV,
    read_passphrase,
    resolve_home,
    resolve_user,
)
from desktop.domain.errors import UserFacingError


def add_init(commands: Any, common: argparse.ArgumentParser) -> None:
    init = commands.add_parser(
        "init",
        parents=[common],
        help="create the encrypted store and the first user's key slot",
        description=(
            "Create an encrypted store in the data directory. A random 256-bit data key "
            "encrypts the database; the passphrase (from PAINBRIDGE_PASSPHRASE or a prompt) "
            "wraps it with Argon2id. With --recovery-public-key, or the recovery_public_key "
            "of the machine configuration, IT can recover the store."
        ),
    )
    init.add_argument(
        "--recovery-public-key",
        type=Path,
        help="IT recovery public key file (from `painbridge recovery keygen`; default: the "
        "machine configuration's recovery_public_key, if IT set one)",
    )
    init.set_defaults(handler=run_init)


def add_passphrase(commands: Any, common: argparse.ArgumentParser) -> None:
    passphrase = commands.add_parser("passphrase", parents=[common], help="manage passphrases")
    sub = passphrase.add_subparsers(title="passphrase commands", metavar="COMMAND", required=True)
    change = sub.add_parser(
        "change",
        parents=[common],
        help="change the user's passphrase (rewrites only the key slot)",
        description=(
            "Change the passphrase of --user. The current one comes from "
            "PAINBRIDGE_PASSPHRASE or a prompt, the new one from PAINBRIDGE_NEW_PASSPHRASE or "
            "a prompt. Only the key slot is rewritten; the database is untouched."
        ),
    )
    change.set_defaults(handler=run_change)


def add_recovery(commands: Any, common: argparse.ArgumentParser) -> None:
    recovery = commands.add_parser("recovery", parents=[common], help="IT recovery keys")
    sub = recovery.add_subparsers(title="recovery commands", metavar="COMMAND", required=True)
    keygen = sub.add_parser(
        "keygen",
        parents=[common],
        help="create an IT recovery key pair (X25519, for HPKE recovery slots)",
    )
    keygen.add_argument("--out", type=Path, required=True, help="directory for the two files")
    keygen.set_defaults(handler=run_keygen)
    reset = sub.add_parser(
        "reset-passphrase",
        parents=[common],
        help="give --user a new passphrase with the IT recovery private key (IT only)",
        description=(
            "Unlock the store with IT's recovery private key (only a store set up with the "
            "recovery public key has a recovery slot) and give --user a new passphrase, from "
            f"{NEW_PASSPHRASE_ENV} or a prompt. Only that user's key slot is rewritten; the "
            "reset is recorded in the audit log with the actor 'recovery'."
        ),
    )
    reset.add_argument(
        "--private-key",
        type=Path,
        required=True,
        metavar="FILE",
        help="the IT recovery private key (recovery-private.pem)",
    )
    reset.set_defaults(handler=run_reset_passphrase)


def run_init(args: argparse.Namespace) -> int:
    from desktop.app import initialise_clinic, load_recovery_public_key

    home = resolve_home(args)
    user = resolve_user(args)
    public_key: bytes | None
    if args.recovery_public_key is not None:
        public_key = load_recovery_public_key(args.recovery_public_key)
        origin = str(args.recovery_public_key)
    else:
        public_key, origin = _preset_recovery_key()
    passphrase = read_passphrase(f"New passphrase for {user}: ", confirm=True)
    with initialise_clinic(home, user=user, passphrase=passphrase, recovery_public_key=public_key):
        pass
    print(f"initialised an encrypted store for {user} in {home}")
    if public_key is not None:
        print(f"with an IT recovery slot for the recovery public key {origin}")
    return 0


def _preset_recovery_key() -> tuple[bytes | None, str]:
    """The machine configuration's recovery public key and where it came from. An unusable
    configuration stops here: the store would otherwise lack the slot IT intended."""
    from desktop.services.machine_config import load_machine_config

    machine = load_machine_config()
    where = f"{machine.recovery_public_key_file} (machine configuration {machine.source})"
    return machine.recovery_public_key, where


def run_change(args: argparse.Namespace) -> int:
    from desktop.app import change_passphrase

    home = resolve_home(args)
    user = resolve_user(args)
    old = read_passphrase(f"Current passphrase for {user}: ")
    new = read_passphrase(f"New passphrase for {user}: ", env=NEW_PASSPHRASE_ENV, confirm=True)
    change_passphrase(home, user=user, old=old, new=new)
    print(f"passphrase changed for {user}")
    return 0


def run_reset_passphrase(args: argparse.Namespace) -> int:
    from desktop.app import open_recovery

    if getattr(args, "user", None) is None:  # never a default user for this one
        raise UserFacingError("name the user whose passphrase is reset: --user NAME")
    home = resolve_home(args)
    with open_recovery(home, args.private_key) as recovery:
        user = recovery.existing_user(args.user)  # before asking for the passphrase
        new = read_passphrase(f"New passphrase for {user}: ", env=NEW_PASSPHRASE_ENV, confirm=True)
        recovery.reset_passphrase(user, new)
    print(
        f"passphrase reset for {user} with the IT recovery key (recorded in the audit log); "
        f"{user} signs in with it and changes it: painbridge passphrase change --user {user}"
    )
    return 0


def run_keygen(args: argparse.Namespace) -> int:
    from desktop.app import create_recovery_keypair

    private_path, public_path = create_recovery_keypair(args.out)
    print(f"public key (give to installers):  {public_path}")
    print(f"private key (keep offline, IT only): {private_path}")
    return 0
