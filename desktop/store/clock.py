"""Time stamps as the store writes them: UTC, ISO 8601, microseconds, sortable as text."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(UTC)


def format_timestamp(moment: datetime) -> str:
    """``2025-03-01T09:30:00.000000Z``: fixed width, so text order is time order."""
    if moment.tzinfo is None:
        raise ValueError("store time stamps must be timezone-aware")
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
