"""User management for IT admins: add and remove local users, set their roles.

A user is a key slot in the key file (their passphrase unwraps the data key) plus role
rows in the encrypted database. Adding writes the slot first, then the roles (a crash in
between leaves a user who can sign in but do nothing); removing takes the slot first,
then the roles (a crash in between leaves rows naming nobody who can sign in, which are
replaced if that name is ever added again). Roles are never read from the key file.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from desktop.domain.errors import InvalidInput, Problem, UserFacingError
from desktop.services.roles import Permission, Role, UserRoles, describe_roles, parse_roles, require
from desktop.store import (
    CaseStore,
    Home,
    UnknownUser,
    UserAlreadyExists,
    add_user,
    list_users,
    remove_user,
)
from desktop.store.keys import check_passphrase_strength, check_user_name

#: The fields of a new user, as :meth:`UserAdminService.check_new_user` names them.
NAME_FIELD, PASSPHRASE_FIELD, ROLES_FIELD = "name", "passphrase", "roles"


@dataclass(frozen=True)
class UserAccount:
    name: str
    roles: frozenset[Role]

    def describe(self) -> str:
        return describe_roles(self.roles)


class UserAdminService:
    """Users of one store, managed by the signed-in user (who must be an IT admin)."""

    def __init__(self, home: Home, store: CaseStore, *, acting: UserRoles) -> None:
        self._home = home
        self._store = store
        self._acting = acting

    def check_allowed(self) -> None:
        """NotPermitted unless the signed-in user may manage users (ask before prompting)."""
        require(self._acting, Permission.MANAGE_USERS)

    def list_users(self) -> list[UserAccount]:
        """Every user who can sign in, with their roles (in key-file order)."""
        self.check_allowed()
        roles = self._store.users().all_roles()
        return [
            UserAccount(name, parse_roles(roles.get(name, frozenset())))
            for name in list_users(self._home)
        ]

    def add_user(
        self,
        name: str,
        passphrase: str,
        roles: Iterable[str],
        *,
        acting_passphrase: str,
    ) -> UserAccount:
        """A new user with a key slot of their own and ``roles`` (at least one)."""
        self.check_allowed()
        name = check_user_name(name)
        chosen = _at_least_one(roles)
        check_passphrase_strength(passphrase, user=name)
        add_user(self._home, self._acting.user, acting_passphrase, name, passphrase)
        self._store.users().set_roles(
            name, chosen, actor=self._acting.user, users_with_slots=list_users(self._home)
        )
        return UserAccount(name, chosen)

    def check_new_user(
        self, name: str, passphrase: str, roles: Iterable[str]
    ) -> list[FieldProblem]:
        """Every rule the new user breaks, by field, without storing anything (a form
        shows them all at once; :meth:`add_user` applies the same rules one at a time)."""
        self.check_allowed()
        problems: list[FieldProblem] = []
        try:
            name = check_user_name(name)
        except InvalidInput as error:
            problems.append(FieldProblem(NAME_FIELD, error))
        else:
            if name in list_users(self._home):
                problems.append(FieldProblem(NAME_FIELD, UserAlreadyExists(name)))
        try:
            check_passphrase_strength(passphrase, user=name)
        except UserFacingError as error:
            problems.append(FieldProblem(PASSPHRASE_FIELD, error))
        try:
            _at_least_one(roles)
        except InvalidInput as error:
            problems.append(FieldProblem(ROLES_FIELD, error))
        return problems

    def check_removable(self, name: str) -> str:
        """The user as stored, when the signed-in user may remove them now: not
        themselves (:class:`CannotRemoveYourself`), an existing user (UnknownUser), not
        the last IT admin (LastItAdmin). The screen asks before confirming; the command
        line, where removing yourself ends nothing in progress, does not."""
        self.check_allowed()
        name = self._existing(name)
        if name == self._acting.user:
            raise CannotRemoveYourself(name)
        self._store.users().check_removable(name, users_with_slots=list_users(self._home))
        return name

    def set_roles(self, name: str, roles: Iterable[str]) -> UserAccount:
        """Replace the roles of an existing user (the last IT admin keeps that role)."""
        self.check_allowed()
        name = self._existing(name)
        chosen = _at_least_one(roles)
        self._store.users().set_roles(
            name, chosen, actor=self._acting.user, users_with_slots=list_users(self._home)
        )
        return UserAccount(name, chosen)

    def remove_user(self, name: str, *, acting_passphrase: str) -> None:
        """Remove a user's key slot, then their roles (never the last IT admin)."""
        self.check_allowed()
        name = self._existing(name)
        directory = self._store.users()
        directory.check_removable(name, users_with_slots=list_users(self._home))
        remove_user(self._home, self._acting.user, acting_passphrase, name)
        directory.remove(name, actor=self._acting.user, users_with_slots=list_users(self._home))

    def _existing(self, name: str) -> str:
        name = check_user_name(name)
        if name not in list_users(self._home):
            raise UnknownUser(name)
        return name


@dataclass(frozen=True)
class FieldProblem:
    """A rule a form field breaks: ``field`` is one of NAME_FIELD, PASSPHRASE_FIELD,
    ROLES_FIELD; ``error`` says the rule."""

    field: str
    error: UserFacingError


class CannotRemoveYourself(UserFacingError):
    """The signed-in user asked to remove their own account. Nothing was done."""

    def __init__(self, user: str) -> None:
        self.user = user
        super().__init__(
            f"You are signed in as '{user}' and cannot remove yourself. Nothing was done; "
            "another IT admin can remove this user."
        )


def _at_least_one(roles: Iterable[str]) -> frozenset[Role]:
    chosen = parse_roles(roles)
    if not chosen:
        raise InvalidInput([Problem("role", "give at least one role: clinician or it_admin", None)])
    return chosen
