"""The installation's preferences, as the views see them (settings dialog, auto-lock,
language, clinical schemes). Saving writes a small file: it runs on the job runner."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal

from desktop.gui.jobs import JobRunner
from desktop.gui.messages import MessageBridge
from desktop.services.jobs import CancelToken, ProgressCallback
from desktop.services.preferences import CurrentPreferences, Preferences, updated_preferences


class PreferencesViewModel(QObject):
    changed = Signal()  # after a successful save
    language_changed = Signal(str)

    def __init__(
        self,
        current: CurrentPreferences,
        jobs: JobRunner,
        messages: MessageBridge,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._current = current
        self._jobs = jobs
        self._messages = messages
        if current.load_warning:
            messages.warning(current.load_warning)

    @property
    def value(self) -> Preferences:
        return self._current.value

    def update(self, **changes: Any) -> Preferences:
        """Validate now (raises InvalidInput naming the field), save in the background."""
        new = updated_preferences(self._current.value, **changes)
        old_language = self._current.value.language
        current = self._current

        def save(token: CancelToken, progress: ProgressCallback) -> Preferences:
            current.replace(new)
            return new

        handle = self._jobs.submit(self.tr("Saving settings"), save)
        handle.succeeded.connect(lambda _: self._saved(old_language))
        handle.failed.connect(self._messages.report)
        return new

    def enroll(self, code: str) -> None:
        """Enroll this computer with the hub (the sync service, issue 5, will do this)."""
        self._messages.warning(
            self.tr(
                "Enrollment is not available in this version yet: the hub connection is "
                "still being built. The code was not stored; keep it for later."
            )
        )

    def _saved(self, old_language: str) -> None:
        self.changed.emit()
        if self._current.value.language != old_language:
            self.language_changed.emit(self._current.value.language)
