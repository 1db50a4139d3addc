"""The protocol's name and version, the URL prefix, and the base of every wire model."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

#: Bumped on any breaking change of a message; the hub answers 400 ``unsupported_protocol``
#: to a client that speaks another version.
PROTOCOL: Literal["painbridge.sync/1"] = "painbridge.sync/1"
API_PREFIX = "/v1"

Channel = Literal["stable", "pilot"]
CHANNELS: tuple[Channel, ...] = ("stable", "pilot")


class WireModel(BaseModel):
    """Frozen and strict: an unknown field is an error on both sides (no silent drops)."""

    model_config = ConfigDict(extra="forbid", frozen=True)
