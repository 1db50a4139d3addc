"""Preferences of this installation: hub address, language, auto-lock, clinical schemes.

They are needed before the store is unlocked (the sign-in screen's language and user),
so they live in a small JSON file next to the store, ``<home>/settings.json``, which
must never hold patient data: only the fields of :class:`Preferences`. The one-time
enrollment code is deliberately not a field (it is handed to enrollment and forgotten).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from desktop.domain.errors import InvalidInput, Problem, UserFacingError
from desktop.domain.settings import ClinicalSettings, MeddTable, NrsBandScheme, PainLevelScheme
from desktop.store.home import write_file_atomically

PREFERENCES_FILE = "settings.json"
Language = Literal["en", "zh_CN"]
LANGUAGES: dict[Language, str] = {"en": "English", "zh_CN": "简体中文"}
DEFAULT_AUTO_LOCK_MINUTES = 15


class Preferences(BaseModel):
    """Non-PHI settings; every field has a safe default."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    version: Literal["painbridge.preferences/1"] = "painbridge.preferences/1"
    hub_address: str | None = None
    language: Language = "en"
    auto_lock_minutes: Annotated[int, Field(ge=1, le=240)] = DEFAULT_AUTO_LOCK_MINUTES
    nrs_band_scheme: NrsBandScheme = "NCCN"
    pain_level_scheme: PainLevelScheme = "NCCN"
    medd_table: MeddTable = "CDC2022"
    last_user: str | None = None

    @field_validator("hub_address")
    @classmethod
    def _https_address(cls, value: str | None) -> str | None:
        if value is None or not value.strip():
            return None
        value = value.strip()
        local = value.startswith(("http://127.0.0.1", "http://localhost"))
        if not (value.startswith("https://") or local) or " " in value:
            raise ValueError("must start with https:// (http:// only for this computer)")
        return value.rstrip("/")

    def clinical_settings(self) -> ClinicalSettings:
        """The clinical settings with this installation's scheme choices."""
        return ClinicalSettings(
            nrs_band_scheme=self.nrs_band_scheme,
            pain_level_scheme=self.pain_level_scheme,
            medd_table=self.medd_table,
        )


class PreferencesUnreadable(UserFacingError):
    """The settings file exists but cannot be used; defaults are in force."""


class PreferencesFile:
    """Reads and atomically replaces ``<home>/settings.json``."""

    def __init__(self, home: Path) -> None:
        self.path = Path(home) / PREFERENCES_FILE

    def load(self) -> Preferences:
        """The saved preferences, defaults when there are none; raises
        PreferencesUnreadable (with defaults still usable) when the file is damaged."""
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return Preferences()
        except OSError as error:
            raise PreferencesUnreadable(
                f"The settings file {self.path} cannot be read ({error.strerror}); "
                "default settings are used."
            ) from None
        try:
            return Preferences.model_validate(json.loads(raw))
        except (ValueError, ValidationError):
            raise PreferencesUnreadable(
                f"The settings file {self.path} is damaged; default settings are used. "
                "Saving the settings again replaces it."
            ) from None

    def load_or_default(self) -> tuple[Preferences, str | None]:
        """(preferences, warning): never raises for a damaged file."""
        try:
            return self.load(), None
        except PreferencesUnreadable as error:
            return Preferences(), str(error)

    def save(self, preferences: Preferences) -> None:
        self.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        text = json.dumps(preferences.model_dump(mode="json"), indent=2, sort_keys=True)
        write_file_atomically(self.path, (text + "\n").encode("utf-8"))


def updated_preferences(preferences: Preferences, **changes: object) -> Preferences:
    """A validated copy with ``changes``; raises InvalidInput naming each bad field."""
    data = preferences.model_dump() | changes
    try:
        return Preferences.model_validate(data)
    except ValidationError as error:
        raise InvalidInput(
            Problem(
                ".".join(str(part) for part in detail["loc"]),
                detail["msg"].removeprefix("Value error, "),
                detail["input"],
            )
            for detail in error.errors(include_url=False)
        ) from None


class CurrentPreferences:
    """The preferences in force, shared by the GUI and the services' settings source.

    ``value`` is replaced as a whole (never mutated), so readers on other threads always
    see one consistent set.
    """

    def __init__(self, file: PreferencesFile) -> None:
        self.file = file
        self.value, self.load_warning = file.load_or_default()

    def clinical_settings(self) -> ClinicalSettings:
        return self.value.clinical_settings()

    def replace(self, preferences: Preferences) -> None:
        """Save, then put in force (a failed save changes nothing)."""
        self.file.save(preferences)
        self.value = preferences
