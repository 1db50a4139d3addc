"""The GUI's Qt objects for one run: message bridge, store thread, job runner, view models,
translations and the main window; and their orderly shutdown.

desktop/app.py builds the Qt-free collaborators (:class:`GuiConfig`); this is the only
place that builds the Qt ones, in the one order that works: the bridge first (so nothing
said at start-up is lost), the threads, the view models, then the window.
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from desktop.gui.config import GuiConfig
from desktop.gui.jobs import JobRunner
from desktop.gui.messages import CrashReporter, MessageBridge
from desktop.gui.store_thread import StoreThread
from desktop.gui.translations import Translations
from desktop.gui.viewmodels.clinic import ClinicViewModel
from desktop.gui.widgets.main_window import MainWindow


class AppShell(QObject):
    """Owns everything the GUI runs on; :meth:`shutdown` stops it all."""

    def __init__(self, config: GuiConfig, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.config = config
        self.messages = MessageBridge(CrashReporter(config.crash_directory), self)
        self.translations = Translations(self)
        self.store = StoreThread(self)
        self.jobs = JobRunner(parent=self)
        self.clinic = ClinicViewModel(config, self.messages, self.store, self.jobs, self)
        language = config.preferences.value.language
        if not self.translations.switch(language):
            self.messages.warning(
                self.tr("The interface language %1 is not installed; English is used.").replace(
                    "%1", language
                )
            )
        self.window = MainWindow(self.clinic)
        self.clinic.preferences.language_changed.connect(self.switch_language)
        self._stopped = False

    def show(self) -> MainWindow:
        self.window.resize(1280, 820)
        self.window.show()
        return self.window

    def switch_language(self, language: str) -> None:
        """Install the language and rebuild the views from the same view models."""
        self.translations.switch(language)
        self.clinic.cases.model.retranslate()
        self.window.retranslate()

    @property
    def stopped(self) -> bool:
        return self._stopped

    def shutdown(self) -> None:
        """Flush the draft, close the store, stop the threads (at exit; idempotent)."""
        if self._stopped:
            return
        self._stopped = True
        self.clinic.idle.stop()
        self.clinic.editor.flush_draft()
        self.messages.detach()
        self.window.close()
        self.window.deleteLater()
        self.jobs.shutdown()
        self.store.shutdown()
        self.clinic.deleteLater()  # its timers and view models go with it
