"""Who may do what: local roles, the permissions they give, and the one check.

Two roles (stored in the encrypted store, desktop/store/users.py): a *clinician* works
with patient data; an *IT admin* manages users, the hub connection, models, recovery and
the audit log. A user may have both. The services call :func:`require` before every
action, so the CLI and the GUI (which also hides what a role cannot use) are held to the
same rules.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum, StrEnum

from desktop.domain.errors import UserFacingError
from desktop.store.users import CLINICIAN, IT_ADMIN, check_roles


class Role(StrEnum):
    CLINICIAN = CLINICIAN
    IT_ADMIN = IT_ADMIN

    @property
    def label(self) -> str:
        return {Role.CLINICIAN: "clinician", Role.IT_ADMIN: "IT admin"}[self]


class Permission(Enum):
    """An action; the value is how messages name it ("may not <value>")."""

    READ_CASES = "read patient cases"
    EDIT_CASES = "create or edit cases"
    ASSESS = "assess cases"
    FOLLOW_UP = "record follow-ups"
    SEND_TO_HUB = "send cases to the hub"
    READ_INBOX = "read the hub inbox"
    SYNC = "sync with the hub"
    VIEW_STATUS = "see the status"
    MANAGE_USERS = "manage users and their roles"
    MANAGE_HUB = "enroll with a hub or change the hub address"
    MANAGE_MODELS = "roll back or update the model"
    ADMINISTER_AUDIT = "verify the audit log or use IT recovery"


_CLINICAL = frozenset({Role.CLINICIAN})
_ADMINISTRATIVE = frozenset({Role.IT_ADMIN})
_EVERYONE = frozenset(Role)

#: The roles that give each permission (any one of them is enough).
GRANTED_BY: dict[Permission, frozenset[Role]] = {
    Permission.READ_CASES: _CLINICAL,
    Permission.EDIT_CASES: _CLINICAL,
    Permission.ASSESS: _CLINICAL,
    Permission.FOLLOW_UP: _CLINICAL,
    Permission.SEND_TO_HUB: _CLINICAL,
    Permission.READ_INBOX: _CLINICAL,
    # Syncing moves what is already queued and fetches model updates: either role.
    Permission.SYNC: _EVERYONE,
    Permission.VIEW_STATUS: _EVERYONE,
    Permission.MANAGE_USERS: _ADMINISTRATIVE,
    Permission.MANAGE_HUB: _ADMINISTRATIVE,
    Permission.MANAGE_MODELS: _ADMINISTRATIVE,
    Permission.ADMINISTER_AUDIT: _ADMINISTRATIVE,
}

PATIENT_DATA_HIDDEN = "Patient cases are not shown: your roles ({roles}) do not include clinician."


def parse_roles(names: Iterable[str]) -> frozenset[Role]:
    """Roles from their stored names; InvalidInput (field ``role``) for an unknown one."""
    return frozenset(Role(name) for name in check_roles(names))


def describe_roles(roles: Iterable[Role]) -> str:
    """ "clinician, IT admin" (or "no role"), in a fixed order."""
    chosen = set(roles)
    return ", ".join(role.label for role in Role if role in chosen) or "no role"


@dataclass(frozen=True)
class UserRoles:
    """The signed-in user and the roles the store gives them."""

    user: str
    roles: frozenset[Role]

    def allows(self, permission: Permission) -> bool:
        return bool(self.roles & GRANTED_BY[permission])

    def has(self, role: Role) -> bool:
        return role in self.roles

    def describe(self) -> str:
        return describe_roles(self.roles)


class NotPermitted(UserFacingError):
    """The signed-in user's roles do not allow this action. Nothing was done."""

    def __init__(self, user_roles: UserRoles, permission: Permission) -> None:
        self.user = user_roles.user
        self.roles = user_roles.roles
        self.permission = permission
        needed = " or ".join(role.label for role in Role if role in GRANTED_BY[permission])
        super().__init__(
            f"User '{user_roles.user}' ({user_roles.describe()}) may not {permission.value}: "
            f"that needs the {needed} role. Nothing was done; ask an IT admin if you need it."
        )


def require(user_roles: UserRoles | None, permission: Permission) -> None:
    """Raise :class:`NotPermitted` unless ``user_roles`` allow ``permission``.

    ``None`` means a caller outside any sign-in (tests, the demo loader, IT tools with
    the recovery key): nothing is checked.
    """
    if user_roles is not None and not user_roles.allows(permission):
        raise NotPermitted(user_roles, permission)


def allows(user_roles: UserRoles | None, permission: Permission) -> bool:
    return user_roles is None or user_roles.allows(permission)
