"""Sign-in, first-run set-up and locking (manual or after idle time).

Unlocking runs on the store thread (Argon2id takes about 0.4 s and the SQLCipher
connection must belong to that thread). Locking first tells every view to flush its
draft and forget decrypted data (:attr:`SessionViewModel.locking`, delivered
synchronously, so their last store requests are queued before the close), then closes
the store, then announces :attr:`SessionViewModel.locked`.
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QObject, Signal

from desktop.domain.errors import UserFacingError
from desktop.gui.idle import IdleMonitor
from desktop.gui.messages import MessageBridge, describe_error
from desktop.gui.store_thread import StoreThread
from desktop.gui.viewmodels.preferences import PreferencesViewModel
from desktop.services.session import SessionOpener


class SessionState(Enum):
    LOCKED = "locked"
    UNLOCKING = "unlocking"
    UNLOCKED = "unlocked"
    LOCKING = "locking"


class LockReason(Enum):
    MANUAL = "manual"
    IDLE = "idle"
    EXIT = "exit"


class SessionViewModel(QObject):
    state_changed = Signal(object)  # SessionState
    unlock_failed = Signal(str)  # message for the sign-in screen
    unlocked = Signal(str)  # user
    locking = Signal(object)  # LockReason: flush drafts, clear decrypted views NOW
    locked = Signal(object)  # LockReason

    def __init__(
        self,
        opener: SessionOpener,
        store: StoreThread,
        idle: IdleMonitor,
        preferences: PreferencesViewModel,
        messages: MessageBridge,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._opener = opener
        self._store = store
        self._idle = idle
        self._preferences = preferences
        self._messages = messages
        self._state = SessionState.LOCKED
        self._user: str | None = None
        self.last_lock_reason: LockReason | None = None
        idle.idle_timed_out.connect(self._idle_timed_out)
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
        self._store.open_session(
            lambda: opener.open(user, passphrase),
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

    def lock(self, reason: LockReason = LockReason.MANUAL) -> None:
        if self._state is not SessionState.UNLOCKED:
            return
        self._set_state(SessionState.LOCKING)
        self._idle.stop()
        self.last_lock_reason = reason
        self.locking.emit(reason)  # views queue their last saves before the close
        self._store.close_session(lambda _: self._on_locked(reason), context=self)

    def _idle_timed_out(self) -> None:
        self.lock(LockReason.IDLE)

    # --- results --------------------------------------------------------------------------

    def _on_unlocked(self, user: str) -> None:
        self._user = user
        self._set_state(SessionState.UNLOCKED)
        self._idle.start()
        if self._preferences.value.last_user != user:
            self._preferences.update(last_user=user)
        self.unlocked.emit(user)

    def _on_unlock_failed(self, error: BaseException) -> None:
        self._set_state(SessionState.LOCKED)
        if isinstance(error, UserFacingError):
            self.unlock_failed.emit(describe_error(error))
        else:
            self.unlock_failed.emit(self.tr("PainBridge could not open the data (internal error)."))
            self._messages.report(error)

    def _on_locked(self, reason: LockReason) -> None:
        self._user = None
        self._set_state(SessionState.LOCKED)
        self.locked.emit(reason)

    def _set_state(self, state: SessionState) -> None:
        self._state = state
        self.state_changed.emit(state)

    def _apply_auto_lock(self) -> None:
        self._idle.set_timeout(self._preferences.value.auto_lock_minutes * 60.0)
