"""Documentation is tested (style.md habit 14): every command and option is in docs/cli.md."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from pathlib import Path

from desktop.cli.parser import build_parser

ROOT = Path(__file__).resolve().parents[2]
CLI_DOC = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")


def _commands(
    parser: argparse.ArgumentParser, path: tuple[str, ...] = ()
) -> Iterator[tuple[tuple[str, ...], argparse.ArgumentParser]]:
    yield path, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from _commands(sub, (*path, name))


def test_every_command_has_a_section() -> None:
    missing = [
        " ".join(path)
        for path, parser in _commands(build_parser())
        if path
        and not any(isinstance(a, argparse._SubParsersAction) for a in parser._actions)
        and f"`painbridge {' '.join(path)}" not in CLI_DOC
    ]
    assert missing == [], f"commands missing from docs/cli.md: {missing}"


def test_every_option_is_documented() -> None:
    missing = sorted(
        {
            option
            for _, parser in _commands(build_parser())
            for action in parser._actions
            for option in action.option_strings
            if option.startswith("--")
            and option not in ("--help", "--version")
            and f"`{option}" not in CLI_DOC
            and f" {option} " not in CLI_DOC
            and f"[{option}" not in CLI_DOC
        }
    )
    assert missing == [], f"options missing from docs/cli.md: {missing}"


def test_readme_quick_start_is_exactly_two_commands() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    quick_start = readme.split("## Quick start", 1)[1].split("```sh", 1)[1].split("```", 1)[0]
    assert [line for line in quick_start.splitlines() if line.strip()] == ["make run", "make test"]


def test_the_cli_case_filters_are_the_stores() -> None:
    from desktop.cli.case_commands import CASE_LIST_FILTERS
    from desktop.store.case_index import CASE_FILTERS

    assert CASE_LIST_FILTERS == CASE_FILTERS
