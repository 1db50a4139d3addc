"""IT recovery: a new passphrase for a user who forgot theirs, with IT's recovery key.

Only a store set up with IT's recovery public key has a recovery slot
(docs/storage.md, "Key slots"); IT keeps the private half offline. The store is unlocked
with it first, so a store without the slot, or a key that does not open it, is refused
before anything is asked or changed.
"""

from __future__ import annotations

from types import TracebackType

from desktop.store import (
    CaseStore,
    Home,
    UnknownUser,
    list_users,
    open_store_with_recovery,
    reset_passphrase_with_recovery,
)
from desktop.store.keys import check_passphrase_strength, check_user_name

#: The audit log's actor for what is done with the IT recovery key (no user signed in).
RECOVERY_ACTOR = "recovery"
PASSPHRASE_RESET = "user.passphrase_reset"


class StoreRecovery:
    """A store unlocked with IT's recovery private key (raw X25519), to reset passphrases.

    Raises NoRecoverySlot or WrongRecoveryKey (nothing changed) when it cannot unlock.
    """

    def __init__(self, home: Home, it_private_key: bytes) -> None:
        self._home = home
        self._private_key = it_private_key
        self._store: CaseStore = open_store_with_recovery(home, it_private_key)

    def existing_user(self, user: str) -> str:
        """The user name as stored; UnknownUser when nobody of that name can sign in."""
        name = check_user_name(user)
        if name not in list_users(self._home):
            raise UnknownUser(name)
        return name

    def reset_passphrase(self, user: str, new_passphrase: str) -> None:
        """Give ``user`` a new passphrase: only their key slot is rewritten.

        Audited (actor "recovery", object the user) once every rule is checked and before
        the key file is rewritten, so a reset is never unaudited; should the rewrite then
        fail (disk full), the command says so and running it again resets and audits again.
        """
        name = self.existing_user(user)
        check_passphrase_strength(new_passphrase, user=name)
        self._store.record_event(RECOVERY_ACTOR, PASSPHRASE_RESET, "user", name)
        reset_passphrase_with_recovery(self._home, self._private_key, name, new_passphrase)

    def close(self) -> None:
        self._store.close()

    def __enter__(self) -> StoreRecovery:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()
