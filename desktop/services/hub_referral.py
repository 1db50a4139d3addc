"""Sending a case to the hub from its report ("Send to hub"): who may, and where it stands.

Pressing "Send to hub" re-assesses the case with the clinician's request and, in the
transaction that stores that report, queues the version as a *referral* (outbox kind
``referral``, desktop/store/outbox.py). The next sync round sends the version with the
report's referral (``UploadItem.referral``) under that row's own Idempotency-Key; the hub
stores the version if it has not yet, and the referral either way (docs/protocol.md,
"Referrals"). Only a case whose patient consented may go, and only once this computer
is enrolled with a hub.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.domain.case import Case
from desktop.domain.errors import UserFacingError
from desktop.store import CaseStore
from desktop.store.case_index import CaseSyncState

NO_CONSENT = (
    "The patient has not consented to sharing: record the consent on the Patient tab "
    '("Consents to sharing with the hub") before sending the case to the hub.'
)
NOT_ENROLLED = (
    "This computer is not enrolled with a hub yet, so the case cannot be sent: ask IT "
    "for the hub address and an enrollment code (Settings)."
)


class NotSendable(UserFacingError):
    """The case may not be sent to the hub (no consent, or no hub)."""


@dataclass(frozen=True)
class HubState:
    """Where a case stands with the hub, for the report screen.

    ``sync``: the case-list state of its latest version (queued, uploaded, received ...);
    ``referral``: ``"queued"`` or ``"uploaded"`` while a referral waits in the outbox
    (attempted once: uploaded), else None.
    """

    sync: CaseSyncState
    referral: str | None = None


def check_sendable(case: Case, *, enrolled: bool) -> None:
    """Raise NotSendable when the case may not be sent to the hub."""
    if case.patient is None or case.patient.consent_to_share is not True:
        raise NotSendable(NO_CONSENT)
    if not enrolled:
        raise NotSendable(NOT_ENROLLED)


def hub_state(store: CaseStore, case_id: str) -> HubState:
    """The case's hub state (reads the store: call it on the store thread)."""
    sync = store.case_index().sync_state(case_id)
    waiting = store.pending_referral(case_id)
    if waiting is None:
        return HubState(sync)
    return HubState(sync, "uploaded" if waiting.attempts > 0 else "queued")
