"""The common configuration of every case-document model."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class CaseModel(BaseModel):
    """Frozen, and strict about unknown fields: nothing in a case is silently dropped."""

    model_config = ConfigDict(extra="forbid", frozen=True)
