"""The Users screen for IT admins: list the local users and their roles, add a user,
change roles, remove a user (desktop/services/users.py does the work and the checks).

Everything runs on the store thread: adding and removing rewrite the key file, which
needs the data key, so the IT admin types their own passphrase for them (Argon2id, about
0.4 s, never on the GUI thread). A refusal is announced with the form field it concerns
(``name``, ``passphrase``, ``repeat``, ``roles``, ``acting_passphrase``; ``""`` for the
form as a whole), so the view shows it there; nothing refused is stored.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from desktop.domain.errors import InvalidInput, UserFacingError
from desktop.gui.messages import MessageBridge, describe_error
from desktop.gui.store_thread import StoreThread
from desktop.gui.viewmodels.session import SessionState, SessionViewModel
from desktop.services.roles import Permission, Role
from desktop.services.session import ClinicSession
from desktop.services.users import (
    NAME_FIELD,
    PASSPHRASE_FIELD,
    ROLES_FIELD,
    CannotRemoveYourself,
    FieldProblem,
    UserAccount,
)
from desktop.store import UserAlreadyExists, WeakPassphrase, WrongPassphrase
from desktop.store.keys import MAXIMUM_USER_NAME_CHARACTERS
from desktop.store.users import LastItAdmin

AnyIndex = QModelIndex | QPersistentModelIndex
REPEAT_FIELD, ACTING_FIELD, FORM = "repeat", "acting_passphrase", ""
NAME_ROLE = Qt.ItemDataRole.UserRole + 1
Problems = dict[str, str]  # form field -> message


class UsersTableModel(QAbstractTableModel):
    """One row per user who can sign in: name (marked when it is you) and roles."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._accounts: list[UserAccount] = []
        self._you: str | None = None

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._accounts)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 2

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("User"), self.tr("Roles"))[section] if 0 <= section < 2 else None
        return super().headerData(section, orientation, role)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._accounts):
            return None
        account = self._accounts[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._name_text(account) if index.column() == 0 else self.roles_text(account)
        if role == NAME_ROLE:
            return account.name
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def roles_text(self, account: UserAccount) -> str:
        """The roles in the user's language, in a fixed order: "Clinician, IT admin"."""
        labels = {Role.CLINICIAN: self.tr("Clinician"), Role.IT_ADMIN: self.tr("IT admin")}
        named = [labels[role] for role in Role if role in account.roles]
        return self.tr(", ").join(named) or self.tr("No role")

    def _name_text(self, account: UserAccount) -> str:
        if account.name == self._you:
            return self.tr("%1 (you)").replace("%1", account.name)
        return account.name

    def account_at(self, row: int) -> UserAccount | None:
        return self._accounts[row] if 0 <= row < len(self._accounts) else None

    def row_of(self, name: str) -> int:
        return next((row for row, a in enumerate(self._accounts) if a.name == name), -1)

    def set_accounts(self, accounts: Iterable[UserAccount], you: str | None) -> None:
        self.beginResetModel()
        self._accounts, self._you = list(accounts), you
        self.endResetModel()


@dataclass(frozen=True)
class _AddOutcome:
    """What adding did: refused (``problems``) or added ``name`` (``accounts``: now)."""

    problems: list[FieldProblem]
    name: str = ""
    accounts: list[UserAccount] = field(default_factory=list)


class UsersViewModel(QObject):
    loaded = Signal()  # the table holds the current users
    busy_changed = Signal(bool)  # a change is on its way through the store thread
    added = Signal(str)  # the new user's name
    add_refused = Signal(object)  # Problems: field -> message
    roles_saved = Signal(str, str)  # user, message
    roles_refused = Signal(str)  # message
    removal_allowed = Signal(str)  # the user: ask for confirmation (and the passphrase)
    removed = Signal(str)  # the user
    remove_refused = Signal(object)  # Problems: "" or "acting_passphrase" -> message
    cleared = Signal()  # locked: the list is forgotten (an open dialog closes)

    def __init__(
        self,
        session: SessionViewModel,
        store: StoreThread,
        messages: MessageBridge,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._store = store
        self._messages = messages
        self.model = UsersTableModel(self)
        self._busy = False
        session.locking.connect(self.clear)

    @property
    def allowed(self) -> bool:
        """Whether the signed-in user may manage users (the service checks it anyway)."""
        return self._session.allows(Permission.MANAGE_USERS)

    @property
    def busy(self) -> bool:
        return self._busy

    def _ready(self) -> bool:
        """Nothing runs while a change is on its way, or once the session is locking (a
        dialog answered after an auto-lock must not reach the closed store)."""
        return not self._busy and self._session.state is SessionState.UNLOCKED

    # --- reading ------------------------------------------------------------------------

    def load(self) -> None:
        """Read the users and their roles on the store thread."""
        self._store.call(
            lambda session: session.users.list_users(),
            self._listed,
            self._report,
            context=self,
        )

    def clear(self, *_: object) -> None:
        self.model.set_accounts([], None)
        self.cleared.emit()

    def _listed(self, accounts: list[UserAccount]) -> None:
        self.model.set_accounts(accounts, self._session.user)
        self.loaded.emit()

    # --- adding -------------------------------------------------------------------------

    def add_user(
        self,
        name: str,
        passphrase: str,
        repeated: str,
        roles: Iterable[str],
        acting_passphrase: str,
    ) -> None:
        """Check every field (all problems at once), then add the user and their roles."""
        if not self._ready():
            return
        chosen = list(roles)
        local: Problems = {}
        if passphrase != repeated:
            local[REPEAT_FIELD] = self.tr(
                "The two passphrases differ. Type the same passphrase twice."
            )
        if not acting_passphrase:
            local[ACTING_FIELD] = self.tr(
                "Type your own passphrase: it gives the new user their key to the data."
            )

        def work(session: ClinicSession) -> _AddOutcome:
            admin = session.users
            problems = admin.check_new_user(name, passphrase, chosen)
            if problems or local:
                return _AddOutcome(problems)
            account = admin.add_user(name, passphrase, chosen, acting_passphrase=acting_passphrase)
            return _AddOutcome([], account.name, admin.list_users())

        def done(outcome: _AddOutcome) -> None:
            self._set_busy(False)
            if outcome.problems or local:
                found = {p.field: self._field_message(p.error) for p in outcome.problems}
                self.add_refused.emit(found | local)
                return
            self._listed(outcome.accounts)
            self.added.emit(outcome.name)

        self._set_busy(True)
        self._store.call(work, done, self._failed(self.add_refused.emit), context=self)

    # --- roles --------------------------------------------------------------------------

    def set_roles(self, name: str, roles: Iterable[str]) -> None:
        """Replace the user's roles (the last IT admin keeps it_admin)."""
        if not self._ready():
            return
        chosen = list(roles)

        def work(session: ClinicSession) -> list[UserAccount]:
            admin = session.users
            admin.set_roles(name, chosen)
            return admin.list_users()

        def done(accounts: list[UserAccount]) -> None:
            self._set_busy(False)
            self._listed(accounts)
            row = self.model.row_of(name)
            account = self.model.account_at(row)
            text = self.model.roles_text(account) if account else ""
            message = self.tr("%1 now has: %2.").replace("%1", name).replace("%2", text)
            if name == self._session.user:
                message += " " + self.tr("Your own roles change at your next sign-in.")
            self.roles_saved.emit(name, message)

        def failed(error: BaseException) -> None:
            self._set_busy(False)
            if isinstance(error, UserFacingError):
                self.roles_refused.emit(self._field_message(error))
            else:
                self._messages.report(error)

        self._set_busy(True)
        self._store.call(work, done, failed, context=self)

    # --- removing -----------------------------------------------------------------------

    def request_removal(self, name: str) -> None:
        """Check that ``name`` may be removed (not yourself, not the last IT admin);
        :attr:`removal_allowed` asks the view to confirm."""
        if not self._ready():
            return
        self._set_busy(True)

        def done(stored: str) -> None:
            self._set_busy(False)
            self.removal_allowed.emit(stored)

        self._store.call(
            lambda session: session.users.check_removable(name),
            done,
            self._failed(self.remove_refused.emit),
            context=self,
        )

    def remove_user(self, name: str, acting_passphrase: str) -> None:
        """Remove the user (confirmed, with the IT admin's own passphrase)."""
        if not self._ready():
            return
        if not acting_passphrase:
            self.remove_refused.emit(
                {ACTING_FIELD: self.tr("Type your own passphrase to confirm.")}
            )
            return

        def work(session: ClinicSession) -> list[UserAccount]:
            admin = session.users
            stored = admin.check_removable(name)
            admin.remove_user(stored, acting_passphrase=acting_passphrase)
            return admin.list_users()

        def done(accounts: list[UserAccount]) -> None:
            self._set_busy(False)
            self._listed(accounts)
            self.removed.emit(name)

        self._set_busy(True)
        self._store.call(work, done, self._failed(self.remove_refused.emit), context=self)

    # --- errors -------------------------------------------------------------------------

    def _failed(self, refused: Callable[[Problems], None]) -> Callable[[BaseException], None]:
        """A refusal goes to the field it concerns; anything else is a bug (reported)."""

        def failed(error: BaseException) -> None:
            self._set_busy(False)
            if isinstance(error, UserFacingError):
                refused({_field_of(error): self._field_message(error)})
            else:
                self._messages.report(error)

        return failed

    def _field_message(self, error: UserFacingError) -> str:
        """The service's message in the user's language (where we have it)."""
        if isinstance(error, UserAlreadyExists):
            return self.tr("User '%1' already exists on this computer.").replace("%1", error.user)
        if isinstance(error, LastItAdmin):
            return self.tr(
                "'%1' is the last IT admin of this computer, so that role cannot be taken "
                "away and the user cannot be removed. Give another user the IT admin role first."
            ).replace("%1", error.user)
        if isinstance(error, CannotRemoveYourself):
            return self.tr(
                "You are signed in as '%1' and cannot remove yourself. Nothing was done; "
                "another IT admin can remove this user."
            ).replace("%1", error.user)
        if isinstance(error, InvalidInput):
            if any(p.path == "role" for p in error.problems):
                return self.tr("Choose at least one role.")
            return self.tr("Type a name of 1 to %1 printable characters.").replace(
                "%1", str(MAXIMUM_USER_NAME_CHARACTERS)
            )
        return describe_error(error)

    def _report(self, error: BaseException) -> None:
        self._messages.report(error)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.busy_changed.emit(busy)


def _field_of(error: UserFacingError) -> str:
    """The form field a refusal concerns ("": the form as a whole)."""
    if isinstance(error, WrongPassphrase):
        return ACTING_FIELD
    if isinstance(error, UserAlreadyExists):
        return NAME_FIELD
    if isinstance(error, WeakPassphrase):
        return PASSPHRASE_FIELD
    if isinstance(error, InvalidInput):
        return ROLES_FIELD if any(p.path == "role" for p in error.problems) else NAME_FIELD
    return FORM
