"""The one message bridge: everything the user is told goes through here (style habit 2).

Messages posted before a window listens are queued and delivered when one attaches, so
an error during start-up is never lost. :meth:`MessageBridge.report` splits failures in
two (habit 1): a :class:`UserFacingError` becomes its (translated) message; anything else
is a bug, written to a crash report, and the user is told so in one calm sentence.
"""

from __future__ import annotations

import logging
import tempfile
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import Enum
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from desktop.domain.errors import InvalidInput, UserFacingError
from desktop.gui.i18n import translate
from desktop.store import (
    DiskFull,
    StoreCorrupt,
    StoreLocked,
    UnknownUser,
    WeakPassphrase,
    WrongPassphrase,
)

logger = logging.getLogger(__name__)


class Level(Enum):
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"


@dataclass(frozen=True)
class Message:
    level: Level
    text: str


def describe_error(error: UserFacingError) -> str:
    """The message for a user-facing error, in the user's language where we have it."""
    if isinstance(error, WrongPassphrase):
        return translate(
            "Messages",
            "The passphrase for user '%1' is not correct. Nothing was changed. "
            "Check Caps Lock and the keyboard layout, then try again.",
        ).replace("%1", error.user)
    if isinstance(error, UnknownUser):
        return translate(
            "Messages",
            "There is no user '%1' on this computer. Check the spelling, or ask IT to add you.",
        ).replace("%1", error.user)
    if isinstance(error, StoreCorrupt):
        return (
            translate(
                "Messages",
                "PainBridge found damaged or altered data (%1). Nothing was changed. "
                "Contact IT: the data can be restored from the hub or a backup.",
            ).replace("%1", error.part.value)
            + f"\n{error.detail}"
        )
    if isinstance(error, DiskFull):
        return translate(
            "Messages",
            "The disk is full. The last change was NOT saved; everything saved before it "
            "is safe. Free some disk space, then save again.",
        )
    if isinstance(error, StoreLocked):
        return translate(
            "Messages",
            "The data is busy: another PainBridge window or program is saving. Nothing was "
            "saved. Close the other program or wait a moment, then try again.",
        )
    if isinstance(error, WeakPassphrase):
        return translate("Messages", "This passphrase is too weak: %1.").replace("%1", error.rule)
    if isinstance(error, InvalidInput):
        return translate("Messages", "Some fields need attention:") + "\n" + str(error)
    return str(error)


class CrashReporter:
    """Writes the traceback of a bug to a file on this machine (never sent anywhere)."""

    def __init__(self, directory: Path | None = None) -> None:
        self.directory = directory or Path(tempfile.gettempdir())

    def write(self, error: BaseException) -> Path:
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
        self.directory.mkdir(parents=True, exist_ok=True)
        path = self.directory / f"painbridge-crash-{stamp}.txt"
        path.write_text("".join(traceback.format_exception(error)), encoding="utf-8")
        return path


class MessageBridge(QObject):
    """Collects messages; delivers them to the attached listener (the main window)."""

    posted = Signal(object)  # Message

    def __init__(self, crash_reporter: CrashReporter, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._crash_reporter = crash_reporter
        self._queue: list[Message] = []
        self._listener: Callable[[Message], None] | None = None
        self.history: list[Message] = []
        self.bugs: list[BaseException] = []

    def attach(self, listener: Callable[[Message], None]) -> None:
        """Deliver queued messages to ``listener``, then every new one."""
        self._listener = listener
        queued, self._queue = self._queue, []
        for message in queued:
            listener(message)

    def detach(self) -> None:
        self._listener = None

    def info(self, text: str) -> None:
        self._post(Message(Level.INFO, text))

    def warning(self, text: str) -> None:
        self._post(Message(Level.WARNING, text))

    def error(self, text: str) -> None:
        self._post(Message(Level.ERROR, text))

    def report(self, error: BaseException) -> None:
        """A failure from any job: the user's/environment's fault, or a bug."""
        if isinstance(error, UserFacingError):
            self.error(describe_error(error))
            return
        self.bugs.append(error)
        logger.error("bug", exc_info=error)
        try:
            where = str(self._crash_reporter.write(error))
        except OSError:
            where = translate("Messages", "(the crash report could not be written)")
        self.error(
            translate(
                "Messages",
                "Internal error (%1): this is a bug in PainBridge, not something you did. "
                "Your saved data is safe. A crash report was written to %2",
            )
            .replace("%1", type(error).__name__)
            .replace("%2", where)
        )

    def _post(self, message: Message) -> None:
        self.history.append(message)
        self.posted.emit(message)
        if self._listener is None:
            self._queue.append(message)
        else:
            self._listener(message)
