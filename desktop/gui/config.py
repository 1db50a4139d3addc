"""What the GUI needs from the composition root (desktop/app.py), as one plain value."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from desktop.services.hub_review import HubReviewService
from desktop.services.machine_config import MachineConfig
from desktop.services.preferences import CurrentPreferences
from desktop.services.session import SessionOpener

#: (hub address, user name, password) -> a signed-in review service; raises
#: HubSignInRefused naming the field to correct. Runs on the job runner (network).
HubReviewSignIn = Callable[[str, str, str], HubReviewService]


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
    #: hub expert mode: signs in at the hub (address, user name, password) and returns the
    #: review service (desktop.app.sign_in_hub_review); None: no "Hub expert sign-in"
    hub_review_signin: HubReviewSignIn | None = None
    #: a review service already signed in, shown next to the clinic pages (tests, screenshots)
    hub_review: HubReviewService | None = None
    machine: MachineConfig = field(default_factory=MachineConfig)  # what IT preset
    machine_problem: str | None = None  # why the machine configuration was not usable
    idle_clock: Callable[[], float] = time.monotonic
    today: Callable[[], date] = date.today
    idle_check_interval_ms: int = 5_000
    status_poll_interval_ms: int = 30_000
    autosave_delay_ms: int = 1_500
    search_delay_ms: int = 250
    page_size: int = 100
    sync_interval_seconds: float = 300.0  # background sync: regular rounds
    sync_backoff_seconds: tuple[float, float] = (10.0, 900.0)  # while offline: base, cap
