"""Hub settings: one object built at start-up and passed to everything (tests override it)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

Clock = Callable[[], datetime]

#: Argon2id cost for expert and admin passwords (the store's floor: 64 MiB, t = 3, p = 4).
PASSWORD_MEMORY_KIB = 64 * 1024
PASSWORD_ITERATIONS = 3


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class HubSettings:
    """Where the hub keeps its data and keys, and the limits it enforces.

    ``config_dir`` holds the keys (docs/hub.md, "Key management") and, unless
    ``database_url`` says otherwise, the SQLite database ``hub.db``.
    """

    config_dir: Path
    database_url: str | None = None
    clock: Clock = utc_now
    #: a signed request may be this far from the hub's clock (either way)
    request_skew: timedelta = timedelta(minutes=5)
    enrollment_code_lifetime: timedelta = timedelta(hours=72)
    enrollment_code_attempts: int = 5
    session_lifetime: timedelta = timedelta(minutes=30)
    max_request_bytes: int = 8 * 1024 * 1024
    max_batch_items: int = 500
    changes_page_limit: int = 500
    login_attempts_per_window: int = 10
    login_window: timedelta = timedelta(minutes=15)
    password_memory_kib: int = PASSWORD_MEMORY_KIB
    password_iterations: int = PASSWORD_ITERATIONS
    tuf_timestamp_lifetime: timedelta = timedelta(days=7)
    tuf_snapshot_lifetime: timedelta = timedelta(days=30)
    tuf_targets_lifetime: timedelta = timedelta(days=90)
    tuf_root_lifetime: timedelta = timedelta(days=365)

    def __post_init__(self) -> None:
        object.__setattr__(self, "config_dir", Path(self.config_dir))

    @property
    def url(self) -> str:
        """The SQLAlchemy URL of the hub database."""
        if self.database_url:
            return self.database_url
        return f"sqlite:///{(self.config_dir / 'hub.db').resolve()}"

    @property
    def keys_dir(self) -> Path:
        return self.config_dir / "keys"

    @property
    def tuf_dir(self) -> Path:
        return self.config_dir / "tuf"

    def now(self) -> datetime:
        return self.clock()
