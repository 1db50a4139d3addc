"""What an unlocked session offers, as interfaces the GUI is written against.

desktop/app.py builds the concrete objects (``Clinic``); the GUI only sees these
protocols, so it never imports the composition root and tests can pass their own.
Every method of a session touches the database and runs on the GUI's store thread.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:  # the model runtime is heavy to import; the GUI needs only the names
    from desktop.services.assessment import AssessmentService
    from desktop.services.cases import CaseService
    from desktop.services.drafts import DraftService
    from desktop.services.models import ModelService
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
    def assessments(self) -> AssessmentService: ...

    @property
    def models(self) -> ModelService: ...

    @property
    def sync(self) -> SyncStatusSource: ...

    def close(self) -> None: ...


class SessionOpener(Protocol):
    """Unlocks (or, on first run, creates) the store of one installation."""

    @property
    def model_problem(self) -> str | None:
        """Why the model bundle could not be loaded at the last unlock (None: it loaded)."""
        ...

    def is_initialised(self) -> bool: ...

    def users(self) -> list[str]:
        """User names that can sign in (not secret; empty before set-up)."""
        ...

    def open(self, user: str, passphrase: str) -> ClinicSession: ...

    def create(self, user: str, passphrase: str) -> ClinicSession: ...
