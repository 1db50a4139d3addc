"""The ``painbridge`` command: headless use, scripting and administration.

This is the boundary where failures become messages (style.md habit 11): a
:class:`~desktop.domain.errors.UserFacingError` is printed as a readable message and
mapped to an exit code (docs/decisions.md D4); anything else is a bug, reported with a
crash report path.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

from desktop.cli.parser import build_parser
from desktop.cli.reporting import report_bug
from desktop.domain.errors import InvalidInput, UserFacingError

EXIT_OK = 0
EXIT_INVALID_INPUT = 1
EXIT_USER_ERROR = 3
EXIT_BUG = 70


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the process exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if getattr(args, "handler", None) is None:
        # No command: start the desktop application (``painbridge`` alone).
        from desktop.cli import gui_command

        args.handler = gui_command.start
    try:
        code: int = args.handler(args)
    except InvalidInput as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        return EXIT_INVALID_INPUT
    except UserFacingError as error:
        print(f"painbridge: {error}", file=sys.stderr)
        return EXIT_USER_ERROR
    except BrokenPipeError:
        # The reader went away (e.g. `painbridge models card B | head`): not an error.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    except KeyboardInterrupt:
        print("painbridge: interrupted", file=sys.stderr)
        return 130
    except Exception as error:
        report_bug(error)
        return EXIT_BUG
    return code


def run() -> None:
    """Console-script entry point."""
    sys.exit(main())
