"""What the case list says about a case: status badges, sync state, filters (translated)."""

from __future__ import annotations

from datetime import datetime

from desktop.gui.i18n import translate
from desktop.services.cases import CaseRow

#: The case list's filters, in the order the selector lists them (desktop/store/case_index.py).
FILTERS = ("all", "needs_follow_up", "sent", "answered", "alerts")


def filter_text(case_filter: str) -> str:
    return {
        "all": translate("CaseTable", "All cases"),
        "needs_follow_up": translate("CaseTable", "Needs follow-up"),
        "sent": translate("CaseTable", "Sent to hub"),
        "answered": translate("CaseTable", "Answered by the hub"),
        "alerts": translate("CaseTable", "Has alerts"),
    }.get(case_filter, case_filter)


def status_text(status: str) -> str:
    """The badge text of a case status (unknown statuses are shown as stored)."""
    known = {
        "open": translate("CaseTable", "Open"),
        "follow_up_due": translate("CaseTable", "Follow-up due"),
        "sent": translate("CaseTable", "Sent to hub"),
        "answered": translate("CaseTable", "Hub answered"),
        "closed": translate("CaseTable", "Closed"),
        "alerts": translate("CaseTable", "Alerts"),
    }
    return known.get(status, status.replace("_", " "))


def badge_keys(row: CaseRow) -> tuple[str, ...]:
    """The status badges of a row: where the case is in its work, then "alerts".

    A status the clinician set (anything but "open") is shown as it is; otherwise the
    most pressing of follow-up due, answered by the hub, sent to the hub.
    """
    if row.status != "open":
        keys = [row.status]
    elif row.needs_follow_up:
        keys = ["follow_up_due"]
    elif row.answered:
        keys = ["answered"]
    elif row.sent:
        keys = ["sent"]
    else:
        keys = ["open"]
    if row.alerting:
        keys.append("alerts")
    return tuple(keys)


def sync_text(state: str, reason: str = "") -> str:
    """The sync column: where the case's latest version stands with the hub."""
    if state == "quarantined":
        return translate("CaseTable", "Quarantined: %1").replace(
            "%1", reason or translate("CaseTable", "no reason given")
        )
    known = {
        "not_sent": translate("CaseTable", "Not sent"),
        "queued": translate("CaseTable", "Queued"),
        "uploaded": translate("CaseTable", "Uploaded"),
        "received": translate("CaseTable", "Received"),
        "in_review": translate("CaseTable", "In review"),
        "answered": translate("CaseTable", "Answered"),
        "delivered": translate("CaseTable", "Answered"),
        "read": translate("CaseTable", "Read"),
    }
    return known.get(state, state.replace("_", " "))


def sync_explanation(state: str) -> str:
    """One sentence for the sync column's tooltip."""
    return {
        "not_sent": translate("CaseTable", "Not in the outbox: this case is not sent."),
        "queued": translate("CaseTable", "Waiting in the outbox for the next sync."),
        "uploaded": translate("CaseTable", "Sent; the hub has not confirmed it yet."),
        "received": translate("CaseTable", "The hub stored it; waiting for an expert."),
        "in_review": translate("CaseTable", "A hub expert is reviewing it."),
        "answered": translate("CaseTable", "The hub answered; the answer is on its way."),
        "delivered": translate("CaseTable", "The hub's recommendation is here, not read yet."),
        "read": translate("CaseTable", "The hub's recommendation was read here."),
        "quarantined": translate(
            "CaseTable", "Not sent, for the reason shown; the other cases keep flowing."
        ),
    }.get(state, "")


def local_time(stamp: str) -> str:
    """``2026-11-21T09:30:00.000000Z`` -> local ``2026-11-21 10:30``."""
    try:
        moment = datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    except ValueError:
        return stamp
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")
