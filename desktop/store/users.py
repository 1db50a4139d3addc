"""Local roles of the store's users (``CaseStore.users()``): clinician and IT admin.

Roles live in the encrypted database (table ``user_roles``, migration 0008), never in the
key file: editing the key file cannot grant a role (its MAC is checked at unlock, and it
names no roles at all). A user's roles are the rows that name the user; a user with a key
slot and no rows may sign in but do nothing. Every change is one transaction with its
audit entry, and no change may leave the store without an IT admin who can sign in.

Who may change roles is decided above this layer (desktop/services/roles.py); this
module keeps the data and the one invariant the data itself must hold.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable
from contextlib import AbstractContextManager

from desktop.domain.errors import InvalidInput, Problem
from desktop.store.audit import AuditChain
from desktop.store.database import Database
from desktop.store.errors import StoreError

CLINICIAN = "clinician"
IT_ADMIN = "it_admin"
KNOWN_ROLES: tuple[str, ...] = (CLINICIAN, IT_ADMIN)
#: The first user of a store may do everything (a one-person clinic works).
FIRST_USER_ROLES = frozenset(KNOWN_ROLES)
ROLES_SET = "user.roles_set"
ROLES_REMOVED = "user.roles_removed"
STORE_CREATED = "store.created"


class LastItAdmin(StoreError):
    """The change would leave no user who can manage users (and hence fix it)."""

    def __init__(self, user: str) -> None:
        self.user = user
        super().__init__(
            f"'{user}' is the last IT admin of this computer, so that role cannot be taken "
            "away and the user cannot be removed. Give another user the it_admin role first."
        )


def check_roles(roles: Iterable[str]) -> frozenset[str]:
    """The roles as a set, or InvalidInput naming the unknown one (field ``role``)."""
    chosen = frozenset(roles)
    unknown = sorted(chosen - set(KNOWN_ROLES))
    if unknown:
        raise InvalidInput(
            [Problem("role", f"must be one of: {', '.join(KNOWN_ROLES)}", name) for name in unknown]
        )
    return chosen


class UserDirectory:
    """Reads and changes the role rows; shares the CaseStore's connection and audit chain."""

    def __init__(
        self,
        database: Database,
        audit: AuditChain,
        *,
        boundary: Callable[[], AbstractContextManager[None]],
        changing: Callable[[], AbstractContextManager[None]],
        now: Callable[[], str],
    ) -> None:
        self._database = database
        self._audit = audit
        self._boundary = boundary
        self._changing = changing
        self._now = now

    # --- reading ------------------------------------------------------------------------

    def roles(self, user: str) -> frozenset[str]:
        with self._boundary():
            return self._roles_of(user)

    def all_roles(self) -> dict[str, frozenset[str]]:
        """Every user that has a role, with their roles."""
        with self._boundary():
            rows = self._database.execute("SELECT user, role FROM user_roles").fetchall()
        found: dict[str, set[str]] = {}
        for user, role in rows:
            found.setdefault(str(user), set()).add(str(role))
        return {user: frozenset(roles) for user, roles in sorted(found.items())}

    # --- changing -----------------------------------------------------------------------

    def set_roles(
        self, user: str, roles: Iterable[str], *, actor: str, users_with_slots: Collection[str]
    ) -> None:
        """Give ``user`` exactly ``roles`` (replacing any earlier ones), audited.

        ``users_with_slots``: who can sign in now (the key file's users); at least one
        of them must keep the it_admin role (:class:`LastItAdmin`).
        """
        chosen = check_roles(roles)
        with self._changing():
            self._replace(user, chosen, actor)
            self._require_an_it_admin(user, users_with_slots)
            self._audit.append(
                actor=actor,
                action=ROLES_SET,
                object_type="user",
                object_id=user,
                detail={"roles": sorted(chosen)},
            )

    def check_removable(self, user: str, *, users_with_slots: Collection[str]) -> None:
        """LastItAdmin when no other user who can sign in is an IT admin."""
        remaining = [name for name in users_with_slots if name != user]
        with self._boundary():
            self._require_an_it_admin(user, remaining)

    def remove(self, user: str, *, actor: str, users_with_slots: Collection[str]) -> None:
        """Take every role from ``user`` (whose key slot is gone or going), audited."""
        remaining = [name for name in users_with_slots if name != user]
        with self._changing():
            self._replace(user, frozenset(), actor)
            self._require_an_it_admin(user, remaining)
            self._audit.append(
                actor=actor, action=ROLES_REMOVED, object_type="user", object_id=user, detail={}
            )

    def record_creation(self, user: str, store_id: str) -> None:
        """A new store: its first user gets every role, in the "store.created" entry."""
        with self._changing():
            self._replace(user, FIRST_USER_ROLES, user)
            self._audit.append(
                actor=user,
                action=STORE_CREATED,
                object_type="store",
                object_id=store_id,
                detail={"first_user_roles": sorted(FIRST_USER_ROLES)},
            )

    def grant_to_existing_users(self, users: Iterable[str], *, actor: str) -> list[str]:
        """A store made before roles existed has no role rows: every user who can sign in
        keeps doing what they could (both roles). Does nothing once any role is stored."""
        with self._changing():
            if self._database.scalar("SELECT count(*) FROM user_roles"):
                return []
            granted = sorted(set(users))
            for user in granted:
                self._replace(user, FIRST_USER_ROLES, actor)
                self._audit.append(
                    actor=actor,
                    action=ROLES_SET,
                    object_type="user",
                    object_id=user,
                    detail={"roles": sorted(FIRST_USER_ROLES), "reason": "store before roles"},
                )
        return granted

    # --- internals ----------------------------------------------------------------------

    def _roles_of(self, user: str) -> frozenset[str]:
        rows = self._database.execute(
            "SELECT role FROM user_roles WHERE user = ?", (user,)
        ).fetchall()
        return frozenset(str(row[0]) for row in rows)

    def _replace(self, user: str, roles: frozenset[str], actor: str) -> None:
        self._database.execute("DELETE FROM user_roles WHERE user = ?", (user,))
        at = self._now()
        self._database.executemany(
            "INSERT INTO user_roles (user, role, granted_at, granted_by) VALUES (?, ?, ?, ?)",
            [(user, role, at, actor) for role in sorted(roles)],
        )

    def _require_an_it_admin(self, user: str, users_with_slots: Collection[str]) -> None:
        placeholders = ", ".join("?" for _ in users_with_slots)
        admins = (
            self._database.scalar(
                f"SELECT count(*) FROM user_roles WHERE role = ? AND user IN ({placeholders})",
                (IT_ADMIN, *users_with_slots),
            )
            if users_with_slots
            else 0
        )
        if not admins:
            raise LastItAdmin(user)
