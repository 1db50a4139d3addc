"""Enrollment IT preset for this computer: when to enroll by itself, and doing it.

IT can preset a hub address and a one-time enrollment code when installing
(desktop/services/machine_config.py). At the first unlock of an installation that is not
enrolled yet, the app then enrolls in the background, with the code, before its first
sync round; it never asks the clinician for anything. The decisions live here, not in
the GUI:

- enroll only when both the address and the code are preset and no identity is stored
  (a computer enrolled by hand, or already enrolled, is left alone);
- the hub cannot be reached: try again at the next round (the sync backoff);
- the hub refuses the code for good (unknown, wrong, expired, used, locked): stop using
  it, because each wrong try counts against the code on the hub, and say so at every
  round until someone enrolls by hand in Settings.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from desktop.domain.errors import UserFacingError
from desktop.services.machine_config import MachineConfig

if TYPE_CHECKING:  # the sync client imports httpx and tuf: not at the GUI's start-up
    from desktop.services.sync import Enrollment, SyncService


@dataclass(frozen=True)
class EnrollmentPreset:
    """A hub address and one-time code IT preset for this computer, and where from."""

    hub_url: str
    code: str
    device_name: str | None  # None: the sync service's default name
    source: str


def enrollment_preset(config: MachineConfig) -> EnrollmentPreset | None:
    """The preset to enroll with, when IT set both the address and the code."""
    if not config.hub_url or not config.enrollment_code:
        return None
    return EnrollmentPreset(
        hub_url=config.hub_url,
        code=config.enrollment_code,
        device_name=config.device_name,
        source=config.source or "machine configuration",
    )


def should_auto_enroll(enrolled: bool, preset: EnrollmentPreset | None) -> bool:
    """Enroll by itself only when preset and not enrolled yet."""
    return preset is not None and not enrolled


def should_sync_in_background(enrolled: bool, preset: EnrollmentPreset | None) -> bool:
    """Background rounds are useful once enrolled, or while a preset enrollment waits."""
    return enrolled or preset is not None


class PresetCodeRefused(UserFacingError):
    """The hub refused the preset enrollment code for good; it is not tried again."""

    def __init__(self, preset: EnrollmentPreset, reason: str) -> None:
        self.preset = preset
        self.reason = reason
        super().__init__(
            f"Automatic enrollment with the hub at {preset.hub_url} (preset by IT in "
            f"{preset.source}) did not work: {reason}. Cases stay on this computer. Ask IT "
            "for a new enrollment code and enter it in Settings."
        )


class AutoEnrollment:
    """Enrolls with the preset before a sync round when this computer is not enrolled.

    Runs on the background sync thread; the store is reached through the sync service's
    ``run_on_store``.
    """

    def __init__(self, sync: SyncService, preset: EnrollmentPreset) -> None:
        self._sync = sync
        self.preset = preset
        self._refused: PresetCodeRefused | None = None

    def enroll_if_needed(self) -> Enrollment | None:
        """Enroll when needed (None: nothing to do). Raises HubUnreachable while offline,
        :class:`PresetCodeRefused` when the hub refused the code (now or before)."""
        if not should_auto_enroll(self._sync.identity() is not None, self.preset):
            return None
        if self._refused is not None:
            raise self._refused
        from sync.transport import HubRefused

        preset = self.preset
        try:
            if preset.device_name is None:
                return self._sync.enroll(preset.hub_url, preset.code)
            return self._sync.enroll(preset.hub_url, preset.code, preset.device_name)
        except HubRefused as error:
            if not error.permanent:
                raise  # e.g. the hub is busy (5xx): the next round tries again
            self._refused = PresetCodeRefused(self.preset, error.body.message)
            raise self._refused from None
