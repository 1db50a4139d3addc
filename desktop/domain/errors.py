"""The two kinds of failure (style.md habit 1).

A :class:`UserFacingError` is the user's or the environment's fault (invalid field,
wrong passphrase, disk full, hub unreachable) and becomes a clear message. Anything
else is a bug and reaches a crash report.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


class UserFacingError(Exception):
    """An error whose message is written for the user; never a bug."""


@dataclass(frozen=True)
class Problem:
    """One invalid value: where it is (JSON path), the rule it breaks, what it was."""

    path: str
    rule: str
    value: object = None

    def __str__(self) -> str:
        where = self.path or "(document)"
        return f"{where}: {self.rule}, got {_show(self.value)}"


def _show(value: object) -> str:
    text = repr(value) if isinstance(value, str) else str(value)
    if value is None:
        text = "nothing"
    return text if len(text) <= 80 else text[:77] + "..."


class InvalidInput(UserFacingError):
    """Input that breaks one or more rules; nothing of it is stored."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))
