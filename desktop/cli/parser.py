"""Argument parsing for the ``painbridge`` command (every command documented in docs/cli.md)."""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop import __version__
from desktop.cli import (
    assess_commands,
    audit_commands,
    case_commands,
    demo_command,
    hub_commands,
    key_commands,
    model_commands,
    score_command,
    self_test,
    sync_commands,
    user_commands,
)


def _location_options() -> argparse.ArgumentParser:
    """Options every command accepts, before or after the command name."""
    common = argparse.ArgumentParser(add_help=False)
    where = common.add_mutually_exclusive_group()
    where.add_argument(
        "--home",
        type=Path,
        default=argparse.SUPPRESS,
        help="data directory (default: the per-user data directory, or $PAINBRIDGE_HOME)",
    )
    where.add_argument(
        "--temp-basedir",
        action="store_true",
        default=argparse.SUPPRESS,
        help="use a fresh temporary data directory, deleted on exit (tests, demos)",
    )
    common.add_argument(
        "--user",
        default=argparse.SUPPRESS,
        help="user whose key slot unlocks the store (default: $PAINBRIDGE_USER or 'clinician')",
    )
    return common


def build_parser() -> argparse.ArgumentParser:
    common = _location_options()
    parser = argparse.ArgumentParser(
        prog="painbridge",
        description=(
            "PainBridge: offline-first decision support for cancer pain. Decision support, "
            "not a diagnosis; bundled models are trained on a synthetic cohort and are not "
            "clinically validated."
        ),
        parents=[common],
    )
    parser.set_defaults(handler=None)
    parser.add_argument("--version", action="version", version=f"painbridge {__version__}")
    self_test.add_options(parser)
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")

    key_commands.add_init(commands, common)
    case_commands.add(commands, common)
    score_command.add(commands, common)
    assess_commands.add(commands, common)
    audit_commands.add(commands, common)
    key_commands.add_passphrase(commands, common)
    key_commands.add_recovery(commands, common)
    user_commands.add(commands, common)
    model_commands.add(commands, common)
    sync_commands.add(commands, common)
    hub_commands.add(commands, common)
    demo_command.add(commands, common)
    return parser
