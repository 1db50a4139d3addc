"""What an unlocked session offers, as interfaces the GUI is written against.

desktop/app.py builds the concrete objects (``Clinic``); the GUI only sees these
protocols, so it never imports the composition root and tests can pass their own.
Every method of a session touches the database and runs on the GUI's store thread.
"""

from __future__ import annotations

from typing import Protocol

from desktop.services.cases import CaseService
from desktop.services.drafts import DraftService
from desktop.services.reports import ReportService
from desktop.services.status import SyncStatusSource


class ClinicSession(Protocol):
    """An unlocked store and the services working on it, for one signed-in user."""

    @property
    def user(self) -> str: ...

    @property
    def cases(self) -> CaseService: ...

    @property
    def drafts(self) -> DraftService: ...

    @property
    def reports(self) -> ReportService: ...

    @property
    def sync(self) -> SyncStatusSource: ...

    def close(self) -> None: ...


class SessionOpener(Protocol):
    """Unlocks (or, on first run, creates) the store of one installation."""

    def is_initialised(self) -> bool: ...

    def users(self) -> list[str]:
        """User names that can sign in (not secret; empty before set-up)."""
        ...

    def open(self, user: str, passphrase: str) -> ClinicSession: ...

    def create(self, user: str, passphrase: str) -> ClinicSession: ...
