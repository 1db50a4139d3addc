"""What an unlocked session offers, as interfaces the GUI is written against.

desktop/app.py builds the concrete objects (``Clinic``); the GUI only sees these
protocols, so it never imports the composition root and tests can pass their own.
Every method of a session touches the database and runs on the GUI's store thread.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:  # the model runtime is heavy to import; the GUI needs only the names
    from desktop.services.assessment import AssessmentService
    from desktop.services.cases import CaseService
    from desktop.services.drafts import DraftService
    from desktop.services.hub_inbox import HubInbox
    from desktop.services.hub_services import HubServices
    from desktop.services.models import ModelService
    from desktop.services.roles import UserRoles
    from desktop.services.status import SyncStatusSource
    from desktop.services.sync_ports import StoreCall
    from desktop.services.users import UserAdminService


class ClinicSession(Protocol):
    """An unlocked store and the services working on it, for one signed-in user."""

    @property
    def user(self) -> str: ...

    @property
    def roles(self) -> UserRoles:
        """The user's local roles: the GUI shows only what they allow (the services
        refuse the rest anyway)."""
        ...

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

    @property
    def inbox(self) -> HubInbox: ...

    @property
    def users(self) -> UserAdminService:
        """The local users and their roles (IT admins manage them; the service checks)."""
        ...

    def hub_services(
        self, run_on_store: StoreCall[Any], *, channel: str | None = None
    ) -> HubServices:
        """Sync and model updates for threads other than the store thread: every store
        access (and loading a new model) goes through ``run_on_store``."""
        ...

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

    def open(
        self,
        user: str,
        passphrase: str,
        *,
        on_migrating: Callable[[str], object] | None = None,
    ) -> ClinicSession:
        """Unlock; ``on_migrating(name)`` before each pending migration of the store (the
        first unlock after an update may take seconds), called on the opening thread."""
        ...

    def create(self, user: str, passphrase: str) -> ClinicSession: ...
