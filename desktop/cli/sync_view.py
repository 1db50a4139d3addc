"""Hub messages and receipts as terminal text (``inbox``, ``case show``)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop.store import CaseReceipt, HubMessage

RECEIPT_WORDS = {
    "queued": "queued (waiting to be sent)",
    "uploaded": "uploaded (sent, waiting for the hub to confirm)",
    "received": "received by the hub",
    "in_review": "in review by a hub expert",
    "answered": "answered by the hub",
    "delivered": "answer delivered to this clinic (unread)",
    "read": "answer read",
}


def format_message(message: HubMessage) -> str:
    """One hub message as text (recommendation, information request, visit, release)."""
    payload = message.payload
    head = f"#{message.seq} {message.kind.replace('_', ' ')}"
    if message.case_id:
        head += f" for case {message.case_id[:8]} (version {message.case_version})"
    head += f" from {payload.get('author', 'the hub')}, {payload.get('issued_at', '')}"
    lines = [head]
    if message.kind == "recommendation":
        mechanisms = payload.get("mechanisms", {})
        confirmed = [name for name, value in mechanisms.items() if value]
        lines.append(f"  mechanisms: {', '.join(confirmed) or 'none confirmed'}")
        lines.append(f"  regimen: {', '.join(payload.get('regimen', [])) or '-'}")
        if payload.get("follow_up_days"):
            lines.append(f"  follow up in {payload['follow_up_days']} days")
        lines.append(f"  {payload.get('summary', '')}")
    elif message.kind == "information_request":
        lines.extend(f"  ? {question}" for question in payload.get("questions", []))
        if payload.get("note"):
            lines.append(f"  {payload['note']}")
    elif message.kind == "planned_visit":
        lines.append(f"  visit on {payload.get('visit_date')}: {payload.get('purpose', '')}")
    elif message.kind == "model_release":
        lines.append(f"  {payload.get('name')} {payload.get('version')} ({payload.get('channel')})")
    lines.append(
        "  " + (f"read {message.read_at} by {message.read_by}" if message.read_at else "unread")
    )
    return "\n".join(lines)


def format_hub_part(receipt: CaseReceipt | None, messages: Sequence[HubMessage]) -> str:
    """The hub section of ``case show``: where the case is, and what the hub said."""
    if receipt is None and not messages:
        return "\nHub: not sent (no consent recorded, or not synced yet)"
    lines = [""]
    if receipt is not None:
        lines.append(
            f"Hub: version {receipt.version} {RECEIPT_WORDS.get(receipt.state, receipt.state)}"
        )
    lines.extend(format_message(message) for message in reversed(messages))
    return "\n".join(lines)
