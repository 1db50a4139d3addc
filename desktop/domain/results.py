"""Shapes shared by every derived value: a computed result or an explicit "not computable".

A derived value never guesses: when an input is missing it is a :class:`NotComputable`
with the reason and the missing paths.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict


class ResultModel(BaseModel):
    """Base of every result: immutable and closed."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Computed(ResultModel):
    """A value that was computed; subclasses add the value, the scheme and the ``source``."""

    status: Literal["computed"] = "computed"


class NotComputable(ResultModel):
    """A derived value that cannot be computed from the case, and why."""

    status: Literal["not_computable"] = "not_computable"
    reason: str
    missing: tuple[str, ...] = ()
