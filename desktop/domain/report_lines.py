"""A line of the text report as a translatable text, with the prefix the report indents it by.

The detail sections (mechanisms, options, trajectory, changes, provenance) are made of
:class:`Line` s: the text report writes :attr:`Line.english`; the GUI (report page, PDF)
shows the same text in the interface language after the same prefix.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from desktop.domain.alerts.alert import Alert
from desktop.domain.texts import ENGLISH, TextArg, Worded, render_arg, template

SUB = "    "  # the indent of a detail under the line above (a driver, a caution)
ITEM = "- "  # a list item
ALERT_REASON = template("{code}: {message}")


class Line(NamedTuple):
    """One line: its text (a :class:`Text`, a phrase, a list or words as they are)."""

    text: TextArg
    prefix: str = ""

    @property
    def english(self) -> str:
        return self.prefix + render_arg(self.text, "", ENGLISH)


def english_lines(lines: Iterable[Line]) -> list[str]:
    """The lines as the text report writes them."""
    return [line.english for line in lines]


def alert_words(alert: Alert) -> Worded:
    """An alert's message as stored, with its template for the GUI."""
    return Worded(
        english=alert.message,
        template=alert.message_template,
        args=alert.message_args,
        sentence=True,
    )


def quoted_alert(alerts: Iterable[Alert], code: str, message: str) -> TextArg:
    """The message of the alert ``code`` with ``message`` among ``alerts`` (translatable),
    else the words as they are."""
    found = next((a for a in alerts if a.code == code and a.message == message), None)
    return message if found is None else alert_words(found)


def alert_reason(alerts: Iterable[Alert], reason: str) -> TextArg:
    """An option's ``"CODE: message"`` reason with the message translatable."""
    code, separator, message = reason.partition(": ")
    if not separator:
        return reason
    quoted = quoted_alert(alerts, code, message)
    return reason if isinstance(quoted, str) else ALERT_REASON.fill(code=code, message=quoted)
