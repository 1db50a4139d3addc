"""The installation's preferences, as the views see them (settings dialog, auto-lock,
language, clinical schemes). Enrolling with the hub is the sync view model's.

Settings also shows what IT preset for this computer (:attr:`PreferencesViewModel.machine`,
read-only, with short key fingerprints: desktop/services/machine_summary.py).

A change is in force at once (on the GUI thread, so every reader sees the newest
value); writing the file runs on the job runner, one write at a time, always of the
newest value, so two quick changes can never be saved out of order.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal

from desktop.gui.jobs import JobRunner
from desktop.gui.messages import MessageBridge
from desktop.services.jobs import CancelToken, ProgressCallback
from desktop.services.machine_config import MachineConfig
from desktop.services.machine_summary import MachineSummary, summarize_machine_config
from desktop.services.preferences import CurrentPreferences, Preferences, updated_preferences


class PreferencesViewModel(QObject):
    changed = Signal()
    language_changed = Signal(str)
    saved = Signal()  # the file holds the newest value

    def __init__(
        self,
        current: CurrentPreferences,
        jobs: JobRunner,
        messages: MessageBridge,
        parent: QObject | None = None,
        *,
        machine: MachineConfig | None = None,
        machine_problem: str | None = None,
    ) -> None:
        super().__init__(parent)
        self._machine = summarize_machine_config(machine or MachineConfig(), machine_problem)
        self._current = current
        self._jobs = jobs
        self._messages = messages
        self._saving = False
        self._save_again = False
        if current.load_warning:
            messages.warning(current.load_warning)

    @property
    def value(self) -> Preferences:
        return self._current.value

    @property
    def machine(self) -> MachineSummary:
        """What IT preset for this computer (GuiConfig.machine) and why it was unusable."""
        return self._machine

    def update(self, **changes: Any) -> Preferences:
        """Validate (raises InvalidInput naming the field), apply now, save in the background."""
        new = updated_preferences(self._current.value, **changes)
        old_language = self._current.value.language
        self._current.value = new
        self.changed.emit()
        if new.language != old_language:
            self.language_changed.emit(new.language)
        self._save()
        return new

    def _save(self) -> None:
        if self._saving:
            self._save_again = True
            return
        self._saving = True
        snapshot = self._current.value
        file = self._current.file

        def save(token: CancelToken, progress: ProgressCallback) -> None:
            file.save(snapshot)

        handle = self._jobs.submit(self.tr("Saving settings"), save)
        handle.failed.connect(self._messages.report)
        handle.ended.connect(self._saved)

    def _saved(self) -> None:
        self._saving = False
        if self._save_again:
            self._save_again = False
            self._save()
        else:
            self.saved.emit()
