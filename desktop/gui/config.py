"""What the GUI needs from the composition root (desktop/app.py), as one plain value."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from desktop.services.hub_review import HubReviewService
from desktop.services.preferences import CurrentPreferences
from desktop.services.session import SessionOpener


@dataclass(frozen=True)
class DemoSignIn:
    """Demo homes only: the sign-in screen is filled in (synthetic data, no secret)."""

    user: str
    passphrase: str


@dataclass(frozen=True)
class GuiConfig:
    """Collaborators and tunables of the GUI; tests override the timing ones."""

    opener: SessionOpener
    preferences: CurrentPreferences
    home: Path
    crash_directory: Path | None = None
    demo: DemoSignIn | None = None
    hub_review: HubReviewService | None = None  # hub expert mode (a hub account)
    idle_clock: Callable[[], float] = time.monotonic
    today: Callable[[], date] = date.today
    idle_check_interval_ms: int = 5_000
    status_poll_interval_ms: int = 30_000
    autosave_delay_ms: int = 1_500
    search_delay_ms: int = 250
    page_size: int = 100
