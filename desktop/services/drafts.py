"""Autosaved drafts of case forms, so nothing typed is lost on a crash or an auto-lock.

Thin use-case layer over :meth:`CaseStore.save_draft` and friends: it fixes the actor to
the signed-in user, so one user never sees another user's unsaved work.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import Any

from desktop.store import CaseStore, StoredDraft


def new_draft_id() -> str:
    return uuid.uuid4().hex


class DraftService:
    """Saves, lists and discards the signed-in user's drafts."""

    def __init__(self, store: CaseStore, *, actor: str) -> None:
        self._store = store
        self._actor = actor

    def save(
        self,
        draft_id: str,
        document: Mapping[str, Any],
        *,
        case_id: str | None = None,
        base_version: int | None = None,
    ) -> StoredDraft:
        return self._store.save_draft(
            draft_id, document, actor=self._actor, case_id=case_id, base_version=base_version
        )

    def list(self) -> list[StoredDraft]:
        """This user's drafts, most recent first."""
        return self._store.drafts(self._actor)

    def discard(self, draft_id: str) -> bool:
        return self._store.discard_draft(draft_id)
