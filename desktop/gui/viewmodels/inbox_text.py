"""What the inbox and the case's hub panel say about a hub message (translated)."""

from __future__ import annotations

from desktop.gui.i18n import translate
from desktop.gui.viewmodels.case_row_text import local_time
from desktop.gui.vocabulary_labels import label
from desktop.services.hub_inbox import InboxMessage


def kind_text(kind: str) -> str:
    return {
        "recommendation": translate("Inbox", "Recommendation"),
        "information_request": translate("Inbox", "Request for information"),
        "planned_visit": translate("Inbox", "Planned on-site visit"),
        "model_release": translate("Inbox", "Model release"),
    }.get(kind, kind.replace("_", " "))


def mechanism_text(name: str) -> str:
    return {
        "nociceptive": translate("Inbox", "nociceptive"),
        "neuropathic": translate("Inbox", "neuropathic"),
        "nociplastic": translate("Inbox", "nociplastic"),
    }.get(name, name)


def finding_text(finding: bool | None) -> str:
    if finding is None:
        return translate("Inbox", "not sure")
    return translate("Inbox", "present") if finding else translate("Inbox", "absent")


def signature_text(check: str) -> str:
    return {
        "verified": translate(
            "Inbox", "Verified: signed by the hub this computer is enrolled with."
        ),
        "failed": translate(
            "Inbox",
            "⚠ NOT verified: the hub signature does not match the hub key this computer "
            "trusts. Do not act on it; tell IT.",
        ),
        "no_key": translate(
            "Inbox", "Not checked: this computer is not enrolled with a hub any more."
        ),
    }.get(check, check)


def case_text(message: InboxMessage) -> str:
    """``PB-7K3M9Q2D (Maria Lopez)``; a case not on this computer by its short id."""
    if message.case_id is None:
        return translate("Inbox", "all clinics")
    if message.pseudonym is None:
        return translate("Inbox", "case %1 (not on this computer)").replace(
            "%1", message.case_id[:8]
        )
    if message.patient_name:
        return f"{message.pseudonym} ({message.patient_name})"
    return message.pseudonym


def title_text(message: InboxMessage) -> str:
    """One line of the inbox list; unread ones say so in words."""
    parts = [kind_text(message.kind), case_text(message)]
    if message.author:
        parts.append(message.author)
    parts.append(local_time(message.issued_at or message.received_at))
    line = " · ".join(parts)
    return translate("Inbox", "Unread: %1").replace("%1", line) if message.unread else line


def follow_up_text(message: InboxMessage) -> str:
    if message.follow_up_days is None:
        return translate("Inbox", "no interval given")
    text = translate("Inbox", "in %n day(s)", "", message.follow_up_days)
    if message.follow_up_due_on:
        text += " " + translate("Inbox", "(due %1)").replace("%1", message.follow_up_due_on)
    return text


def read_text(message: InboxMessage) -> str:
    if message.read_at is None:
        return translate("Inbox", "Not read yet.")
    return (
        translate("Inbox", "Read by %1 on %2; the hub is told at the next sync.")
        .replace("%1", message.read_by or "?")
        .replace("%2", local_time(message.read_at))
    )


def detail_rows(message: InboxMessage) -> list[tuple[str, str]]:
    """(label, value) of everything the message says, in reading order."""
    rows = [
        (translate("Inbox", "Message"), kind_text(message.kind)),
        (translate("Inbox", "Case"), case_text(message)),
    ]
    if message.case_version is not None:
        rows.append((translate("Inbox", "Case version"), str(message.case_version)))
    if message.author:
        rows.append((translate("Inbox", "Hub expert"), message.author))
    if message.issued_at:
        rows.append((translate("Inbox", "Issued"), local_time(message.issued_at)))
    rows.append((translate("Inbox", "Received"), local_time(message.received_at)))
    if message.kind == "recommendation":
        rows += _recommendation_rows(message)
    if message.questions:
        rows.append(
            (translate("Inbox", "Questions"), "\n".join(f"• {q}" for q in message.questions))
        )
    if message.kind == "planned_visit" and message.visit is not None:
        rows.append((translate("Inbox", "Visit date"), message.visit.visit_date))
        rows.append((translate("Inbox", "Purpose"), message.visit.purpose))
    if message.release:
        rows.append((translate("Inbox", "Model"), message.release))
    if message.note:
        rows.append((translate("Inbox", "Notes"), message.note))
    rows.append((translate("Inbox", "Hub signature"), signature_text(message.signature)))
    rows.append((translate("Inbox", "Read"), read_text(message)))
    return rows


def _recommendation_rows(message: InboxMessage) -> list[tuple[str, str]]:
    mechanisms = "; ".join(
        f"{mechanism_text(name)}: {finding_text(finding)}" for name, finding in message.mechanisms
    )
    visit = (
        translate("Inbox", "%1: %2")
        .replace("%1", message.visit.visit_date)
        .replace("%2", message.visit.purpose)
        if message.visit is not None
        else translate("Inbox", "none planned")
    )
    return [
        (
            translate("Inbox", "Confirmed mechanisms"),
            mechanisms or translate("Inbox", "none stated"),
        ),
        (
            translate("Inbox", "Regimen"),
            "; ".join(label(option) for option in message.regimen)
            or translate("Inbox", "no change"),
        ),
        (translate("Inbox", "Recommendation"), message.summary or ""),
        (translate("Inbox", "Follow up"), follow_up_text(message)),
        (translate("Inbox", "On-site visit"), visit),
    ]


def not_enrolled_text() -> str:
    return translate(
        "Inbox",
        "The hub connection is not set up on this computer, so no recommendations can "
        "arrive yet. Cases are kept here and queued in the outbox; nothing is lost. IT sets "
        "the hub address and enrollment code in Settings.",
    )


def enrolled_text() -> str:
    return translate(
        "Inbox",
        "Recommendations from hub experts appear here and in their case. Opening one "
        "tells the hub that it was read.",
    )


def no_messages_text() -> str:
    return translate("Inbox", "No recommendations yet.")
