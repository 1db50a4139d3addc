"""Sign-in, first-run set-up and locking (manual or after idle time).

Unlocking runs on the store thread (Argon2id takes about 0.4 s and the SQLCipher
connection must belong to that thread); the user's local roles are read there too, before
:attr:`SessionViewModel.unlocked` is announced, so every view knows what to show. Locking
first tells every view to flush its draft and forget decrypted data
(:attr:`SessionViewModel.locking`, delivered synchronously, so their last store requests
are queued before the close), then closes the store, then announces
:attr:`SessionViewModel.locked`.

Hub expert mode is the other kind of session: a hub account (address, user name,
password) instead of the clinic store, signed in on the job runner (it is a network call).
Its "lock" signs out at the hub; the hub ending the session (it expired) locks it too.
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QObject, Signal

from desktop.domain.errors import UserFacingError
from desktop.gui.config import HubReviewSignIn
from desktop.gui.idle import IdleMonitor
from desktop.gui.jobs import JobRunner
from desktop.gui.messages import MessageBridge, describe_error
from desktop.gui.store_thread import StoreThread
from desktop.gui.viewmodels.preferences import PreferencesViewModel
from desktop.services.hub_review import HubReviewService, HubSessionEnded, HubSignInRefused
from desktop.services.jobs import CancelToken, ProgressCallback
from desktop.services.roles import Permission, UserRoles
from desktop.services.session import ClinicSession, SessionOpener


class SessionState(Enum):
    LOCKED = "locked"
    UNLOCKING = "unlocking"
    UNLOCKED = "unlocked"
    LOCKING = "locking"


class LockReason(Enum):
    MANUAL = "manual"
    IDLE = "idle"
    EXIT = "exit"
    HUB_SESSION_ENDED = "hub_session_ended"  # the hub no longer accepts the session


class SessionMode(Enum):
    CLINIC = "clinic"  # the clinic store, unlocked with a passphrase
    HUB = "hub"  # hub expert mode: a hub account, no clinic store


class SessionViewModel(QObject):
    state_changed = Signal(object)  # SessionState
    unlock_failed = Signal(str)  # message for the sign-in screen
    #: the first unlock after an update: the stored data is being updated (emitted from the
    #: store thread; receivers on the GUI thread get it queued)
    migrating = Signal()
    unlocked = Signal(str)  # user (mode, roles and hub service are set by then)
    locking = Signal(object)  # LockReason: flush drafts, clear decrypted views NOW
    locked = Signal(object)  # LockReason
    hub_sign_in_failed = Signal(str, str)  # field ("hub", "username", "password"), message

    def __init__(
        self,
        opener: SessionOpener,
        store: StoreThread,
        idle: IdleMonitor,
        preferences: PreferencesViewModel,
        messages: MessageBridge,
        parent: QObject | None = None,
        *,
        jobs: JobRunner | None = None,
        hub_signin: HubReviewSignIn | None = None,
    ) -> None:
        super().__init__(parent)
        self._opener = opener
        self._store = store
        self._idle = idle
        self._preferences = preferences
        self._messages = messages
        self._jobs = jobs
        self._hub_signin = hub_signin
        self._state = SessionState.LOCKED
        self._user: str | None = None
        self._roles: UserRoles | None = None
        self._mode: SessionMode | None = None
        self._hub: HubReviewService | None = None
        self.last_lock_reason: LockReason | None = None
        self.last_lock_message = ""  # why the hub ended the session
        idle.idle_timed_out.connect(self._idle_timed_out)
        store.stopping.connect(self._close_hub_connection)  # exiting while signed in
        preferences.changed.connect(self._apply_auto_lock)
        self._apply_auto_lock()

    # --- state ----------------------------------------------------------------------------

    @property
    def state(self) -> SessionState:
        return self._state

    @property
    def user(self) -> str | None:
        return self._user

    @property
    def mode(self) -> SessionMode | None:
        """CLINIC or HUB while unlocked; None while locked."""
        return self._mode

    @property
    def roles(self) -> UserRoles | None:
        """The clinic user's local roles (None while locked and in hub expert mode)."""
        return self._roles

    @property
    def hub_service(self) -> HubReviewService | None:
        """Hub expert mode: the signed-in review service."""
        return self._hub

    @property
    def hub_sign_in_available(self) -> bool:
        return self._hub_signin is not None and self._jobs is not None

    def allows(self, permission: Permission) -> bool:
        """Whether the clinic user's roles allow ``permission`` (False in hub mode)."""
        return self._roles is not None and self._roles.allows(permission)

    def suggested_hub_address(self) -> str:
        return self._preferences.value.hub_address or ""

    @property
    def auto_lock_minutes(self) -> int:
        return self._preferences.value.auto_lock_minutes

    def needs_setup(self) -> bool:
        """First run: no store exists yet in this home."""
        return not self._opener.is_initialised()

    def known_users(self) -> list[str]:
        try:
            return self._opener.users()
        except UserFacingError:
            return []

    def suggested_user(self) -> str:
        last = self._preferences.value.last_user
        users = self.known_users()
        if last and (last in users or not users):
            return last
        return users[0] if users else ""

    # --- actions --------------------------------------------------------------------------

    def unlock(self, user: str, passphrase: str) -> None:
        user = user.strip()
        if not user or not passphrase:
            self.unlock_failed.emit(self.tr("Enter your user name and passphrase."))
            return
        if self._state is not SessionState.LOCKED:
            return
        self._set_state(SessionState.UNLOCKING)
        opener = self._opener
        migrating = self.migrating

        self._store.open_session(
            lambda: opener.open(user, passphrase, on_migrating=lambda _name: migrating.emit()),
            self._on_unlocked,
            self._on_unlock_failed,
            context=self,
        )

    def create(self, user: str, passphrase: str, repeated: str) -> None:
        """First run: create the encrypted store for its first user."""
        user = user.strip()
        if not user:
            self.unlock_failed.emit(self.tr("Enter a user name."))
            return
        if passphrase != repeated:
            self.unlock_failed.emit(
                self.tr("The two passphrases differ. Type the same passphrase twice.")
            )
            return
        if self._state is not SessionState.LOCKED:
            return
        self._set_state(SessionState.UNLOCKING)
        opener = self._opener
        self._store.open_session(
            lambda: opener.create(user, passphrase),
            self._on_unlocked,
            self._on_unlock_failed,
            context=self,
        )

    def hub_sign_in(self, hub_url: str, username: str, password: str) -> None:
        """Hub expert mode: sign in at the hub (in the background; no clinic store)."""
        signin, jobs = self._hub_signin, self._jobs
        if signin is None or jobs is None or self._state is not SessionState.LOCKED:
            return
        self._set_state(SessionState.UNLOCKING)

        def work(token: CancelToken, progress: ProgressCallback) -> HubReviewService:
            return signin(hub_url, username, password)

        handle = jobs.submit(self.tr("Signing in at the hub"), work)
        handle.succeeded.connect(self._on_hub_signed_in)
        handle.failed.connect(self._on_hub_sign_in_failed)
        handle.cancelled.connect(self._on_hub_sign_in_cancelled)

    def lock(self, reason: LockReason = LockReason.MANUAL) -> None:
        if self._state is not SessionState.UNLOCKED:
            return
        self._set_state(SessionState.LOCKING)
        self._idle.stop()
        self.last_lock_reason = reason
        self.locking.emit(reason)  # views queue their last saves before the close
        if self._mode is SessionMode.HUB:
            self._sign_out_at_hub()
            self._on_locked(reason)
            return
        self._store.close_session(lambda _: self._on_locked(reason), context=self)

    def end_hub_session(self, error: HubSessionEnded) -> None:
        """The hub refused the session (expired, signed out elsewhere): back to sign-in."""
        if self._mode is SessionMode.HUB and self._state is SessionState.UNLOCKED:
            self.last_lock_message = str(error)
            self.lock(LockReason.HUB_SESSION_ENDED)

    def _idle_timed_out(self) -> None:
        self.lock(LockReason.IDLE)

    def _sign_out_at_hub(self) -> None:
        """Forget the service now; the sign-out request runs in the background."""
        service, self._hub = self._hub, None
        if service is None or self._jobs is None:
            return

        def work(token: CancelToken, progress: ProgressCallback) -> None:
            service.sign_out()

        handle = self._jobs.submit(self.tr("Signing out at the hub"), work)
        handle.failed.connect(self._messages.report)

    def _close_hub_connection(self) -> None:
        """At exit (the job runner has stopped): close the connection, no network."""
        service, self._hub = self._hub, None
        if service is not None:
            service.close()

    # --- results --------------------------------------------------------------------------

    def _on_unlocked(self, user: str) -> None:
        """The store is open: read the user's roles there, then announce the session."""

        def read_roles(session: ClinicSession) -> UserRoles:
            return session.roles

        self._store.call(read_roles, self._on_roles_read, self._on_roles_unreadable, context=self)

    def _on_roles_read(self, roles: UserRoles) -> None:
        user = roles.user
        self._user, self._roles, self._mode = user, roles, SessionMode.CLINIC
        self._set_state(SessionState.UNLOCKED)
        self._idle.start()
        if self._preferences.value.last_user != user:
            self._preferences.update(last_user=user)
        self.unlocked.emit(user)

    def _on_roles_unreadable(self, error: BaseException) -> None:
        self._store.close_session(lambda _: self._on_unlock_failed(error), context=self)

    def _on_hub_signed_in(self, service: HubReviewService) -> None:
        self._hub = service
        self._user, self._roles, self._mode = service.account, None, SessionMode.HUB
        self.last_lock_message = ""
        self._set_state(SessionState.UNLOCKED)
        self._idle.start()
        self.unlocked.emit(service.account)

    def _on_hub_sign_in_cancelled(self) -> None:
        self._set_state(SessionState.LOCKED)
        self.hub_sign_in_failed.emit("hub", self.tr("Signing in was cancelled."))

    def _on_hub_sign_in_failed(self, error: BaseException) -> None:
        self._set_state(SessionState.LOCKED)
        if isinstance(error, HubSignInRefused):
            self.hub_sign_in_failed.emit(error.field, str(error))
        elif isinstance(error, UserFacingError):
            self.hub_sign_in_failed.emit("hub", describe_error(error))
        else:
            self.hub_sign_in_failed.emit(
                "hub", self.tr("PainBridge could not sign in at the hub (internal error).")
            )
            self._messages.report(error)

    def _on_unlock_failed(self, error: BaseException) -> None:
        self._set_state(SessionState.LOCKED)
        if isinstance(error, UserFacingError):
            self.unlock_failed.emit(describe_error(error))
        else:
            self.unlock_failed.emit(self.tr("PainBridge could not open the data (internal error)."))
            self._messages.report(error)

    def _on_locked(self, reason: LockReason) -> None:
        self._user, self._roles, self._mode, self._hub = None, None, None, None
        self._set_state(SessionState.LOCKED)
        self.locked.emit(reason)

    def _set_state(self, state: SessionState) -> None:
        self._state = state
        self.state_changed.emit(state)

    def _apply_auto_lock(self) -> None:
        self._idle.set_timeout(self._preferences.value.auto_lock_minutes * 60.0)
