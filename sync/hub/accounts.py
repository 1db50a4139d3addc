"""Expert and admin accounts: Argon2id passwords and short-lived bearer sessions.

A password is stored as its Argon2id PHC string (parameters and salt included, so the cost
can be raised later). A session token is 32 random bytes; only its SHA-256 is stored, and
it expires ``settings.session_lifetime`` after sign-in. Failed sign-ins are counted per
user name; too many in the window refuse further attempts (``rate_limited``).
"""

from __future__ import annotations

import functools
import hashlib
import re
import secrets
from dataclasses import dataclass
from typing import Literal

from cryptography.exceptions import InvalidKey
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
from sqlalchemy import delete, func, insert, select

from sync.hub.context import Hub
from sync.hub.errors import (
    Conflict,
    Forbidden,
    InvalidRequest,
    RateLimited,
    Unauthenticated,
)
from sync.hub.schema import login_failures, sessions, users
from sync.protocol import SessionOut, b64decode, b64encode

Role = Literal["expert", "admin"]
ROLES: tuple[Role, ...] = ("expert", "admin")
MIN_PASSWORD_LENGTH = 12
_USERNAME = re.compile(r"^[a-z][a-z0-9._-]{1,63}$")


@dataclass(frozen=True)
class Account:
    username: str
    role: Role


def hash_password(hub: Hub, password: str) -> str:
    kdf = Argon2id(
        salt=secrets.token_bytes(16),
        length=32,
        iterations=hub.settings.password_iterations,
        lanes=4,
        memory_cost=hub.settings.password_memory_kib,
    )
    return kdf.derive_phc_encoded(password.encode("utf-8"))


def _password_holds(password: str, encoded: str) -> bool:
    try:
        Argon2id.verify_phc_encoded(password.encode("utf-8"), encoded)
    except InvalidKey:
        return False
    return True


def add_user(hub: Hub, username: str, role: str, password: str) -> Account:
    """Create an account; refuses a weak password or a taken name."""
    if not _USERNAME.match(username):
        raise InvalidRequest(
            "a user name is 2-64 characters: lower-case letters, digits, '.', '_' or '-', "
            "starting with a letter"
        )
    if role not in ROLES:
        raise InvalidRequest(f"role must be one of {', '.join(ROLES)}")
    if len(password) < MIN_PASSWORD_LENGTH:
        raise InvalidRequest(f"a password needs at least {MIN_PASSWORD_LENGTH} characters")
    encoded = hash_password(hub, password)
    with hub.database.transaction() as connection:
        taken = connection.execute(select(users.c.username).where(users.c.username == username))
        if taken.first() is not None:
            raise Conflict(f"user {username!r} already exists")
        connection.execute(
            insert(users).values(
                username=username, role=role, password_hash=encoded, created_at=hub.now()
            )
        )
    return Account(username, role)


def sign_in(hub: Hub, username: str, password: str) -> SessionOut:
    """A new session for correct credentials; the same refusal for unknown user or password."""
    now = hub.now()
    window_start = now - hub.settings.login_window
    with hub.database.reading() as connection:
        failures = connection.execute(
            select(func.count())
            .select_from(login_failures)
            .where(login_failures.c.username == username, login_failures.c.at >= window_start)
        ).scalar_one()
        row = connection.execute(select(users).where(users.c.username == username)).first()
    if failures >= hub.settings.login_attempts_per_window:
        raise RateLimited("too many failed sign-ins for this user; wait a few minutes")
    valid = (
        row is not None and row.disabled_at is None and _password_holds(password, row.password_hash)
    )
    if row is None:
        _password_holds(password, _dummy_hash(hub))
    if not valid or row is None:
        with hub.database.transaction() as connection:
            connection.execute(insert(login_failures).values(username=username, at=now))
        raise Unauthenticated("the user name or password is not correct")
    token = secrets.token_bytes(32)
    expires_at = now + hub.settings.session_lifetime
    with hub.database.transaction() as connection:
        connection.execute(delete(sessions).where(sessions.c.expires_at < now))
        connection.execute(delete(login_failures).where(login_failures.c.username == username))
        connection.execute(
            insert(sessions).values(
                token_sha256=_token_hash(token),
                username=username,
                created_at=now,
                expires_at=expires_at,
            )
        )
    return SessionOut(
        token=b64encode(token), username=username, role=row.role, expires_at=expires_at
    )


@functools.lru_cache(maxsize=4)
def _dummy_hash_for(memory_kib: int, iterations: int) -> str:
    kdf = Argon2id(
        salt=secrets.token_bytes(16),
        length=32,
        iterations=iterations,
        lanes=4,
        memory_cost=memory_kib,
    )
    return kdf.derive_phc_encoded(secrets.token_bytes(16))


def _dummy_hash(hub: Hub) -> str:
    """A real hash to check against when the user does not exist (same timing either way)."""
    return _dummy_hash_for(hub.settings.password_memory_kib, hub.settings.password_iterations)


def _token_hash(token: bytes) -> str:
    return hashlib.sha256(token).hexdigest()


def session_account(hub: Hub, token_text: str, allowed: tuple[Role, ...]) -> Account:
    """The account of a valid bearer token whose role is in ``allowed``."""
    try:
        token = b64decode(token_text)
    except ValueError:
        raise Unauthenticated("sign in first (the session token is malformed)") from None
    now = hub.now()
    with hub.database.reading() as connection:
        row = connection.execute(
            select(sessions.c.expires_at, users.c.username, users.c.role, users.c.disabled_at)
            .join(users, users.c.username == sessions.c.username)
            .where(sessions.c.token_sha256 == _token_hash(token))
        ).first()
    if row is None:
        raise Unauthenticated("sign in first (no such session)")
    if row.expires_at <= now:
        raise Unauthenticated("the session has expired; sign in again", code="session_expired")
    if row.disabled_at is not None:
        raise Unauthenticated("this account is disabled")
    if row.role not in allowed:
        raise Forbidden(f"this needs the {' or '.join(allowed)} role")
    return Account(row.username, row.role)


def sign_out(hub: Hub, token_text: str) -> None:
    try:
        token = b64decode(token_text)
    except ValueError:
        return
    with hub.database.transaction() as connection:
        connection.execute(delete(sessions).where(sessions.c.token_sha256 == _token_hash(token)))
