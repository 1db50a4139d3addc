"""``painbridge user add | list | remove | roles``: local users and their roles (IT admins)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from desktop.cli.session import NEW_PASSPHRASE_ENV, read_passphrase, resolve_home, resolve_user
from desktop.cli.tables import print_table

if TYPE_CHECKING:
    from desktop.app import Clinic

ROLE_CHOICES = ("clinician", "it_admin")


def add(commands: Any, common: argparse.ArgumentParser) -> None:
    user = commands.add_parser(
        "user",
        parents=[common],
        help="local users and their roles (IT admins only)",
        description=(
            "Manage who can sign in on this computer and what they may do. --user names the "
            "IT admin doing it (their passphrase from PAINBRIDGE_PASSPHRASE or a prompt)."
        ),
    )
    sub = user.add_subparsers(title="user commands", metavar="COMMAND", required=True)

    add_cmd = sub.add_parser(
        "add",
        parents=[common],
        help="add a user with a passphrase of their own and one or more roles",
        description=(
            "Add a key slot for NAME and give the roles. The new user's first passphrase "
            f"comes from {NEW_PASSPHRASE_ENV} or a prompt; they change it with "
            "`painbridge passphrase change`."
        ),
    )
    add_cmd.add_argument("name", metavar="NAME", help="the new user's name")
    _role_option(add_cmd)
    add_cmd.set_defaults(handler=run_add)

    list_cmd = sub.add_parser("list", parents=[common], help="list the users and their roles")
    list_cmd.set_defaults(handler=run_list)

    remove = sub.add_parser(
        "remove",
        parents=[common],
        help="remove a user (their key slot and roles; never the last IT admin)",
    )
    remove.add_argument("name", metavar="NAME", help="the user to remove")
    remove.set_defaults(handler=run_remove)

    roles = sub.add_parser(
        "roles", parents=[common], help="replace a user's roles (the last IT admin keeps it_admin)"
    )
    roles.add_argument("name", metavar="NAME", help="the user whose roles change")
    _role_option(roles)
    roles.set_defaults(handler=run_roles)


def _role_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--role",
        dest="roles",
        action="append",
        required=True,
        choices=ROLE_CHOICES,
        help="clinician or it_admin; repeat for both",
    )


def _open(args: argparse.Namespace) -> tuple[Clinic, str]:
    """The store unlocked by the acting user, and that user's passphrase (re-used to
    rewrite the key file)."""
    from desktop.app import open_clinic

    acting = resolve_user(args)
    passphrase = read_passphrase(f"Passphrase for {acting}: ")
    return open_clinic(resolve_home(args), user=acting, passphrase=passphrase), passphrase


def run_add(args: argparse.Namespace) -> int:
    clinic, passphrase = _open(args)
    with clinic:
        clinic.users.check_allowed()  # before asking for the new user's passphrase
        new_passphrase = read_passphrase(
            f"First passphrase for {args.name}: ", env=NEW_PASSPHRASE_ENV, confirm=True
        )
        account = clinic.users.add_user(
            args.name, new_passphrase, args.roles, acting_passphrase=passphrase
        )
    print(f"added user {account.name} ({account.describe()})")
    return 0


def run_list(args: argparse.Namespace) -> int:
    clinic, _ = _open(args)
    with clinic:
        accounts = clinic.users.list_users()
    print_table(["user", "roles"], [[a.name, a.describe()] for a in accounts])
    return 0


def run_remove(args: argparse.Namespace) -> int:
    clinic, passphrase = _open(args)
    with clinic:
        clinic.users.remove_user(args.name, acting_passphrase=passphrase)
    print(f"removed user {args.name}")
    return 0


def run_roles(args: argparse.Namespace) -> int:
    clinic, _ = _open(args)
    with clinic:
        account = clinic.users.set_roles(args.name, args.roles)
    print(f"user {account.name} now has: {account.describe()}")
    return 0
