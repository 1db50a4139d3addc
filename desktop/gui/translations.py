"""Loading the interface language (Qt .qm files) and switching it while running.

Our strings are in ``desktop/gui/translations/painbridge_<language>.qm`` (compiled with
``pyside6-lrelease`` from the committed ``.ts`` sources); Qt's own strings (standard
buttons, dialogs) come from Qt's ``qtbase`` translations. English is the source language
and needs no file. Switching installs the new translators; the main window rebuilds its
views, which read every text through ``tr()`` again.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QObject, QTranslator

TRANSLATIONS_DIR = Path(__file__).resolve().parent / "translations"
SOURCE_LANGUAGE = "en"


def translation_file(language: str) -> Path:
    return TRANSLATIONS_DIR / f"painbridge_{language}.qm"


class Translations(QObject):
    """Holds the installed translators of the application."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._installed: list[QTranslator] = []
        self.language = SOURCE_LANGUAGE

    def switch(self, language: str) -> bool:
        """Install ``language``; False (and English) when its file is missing."""
        app = QCoreApplication.instance()
        for translator in self._installed:
            if app is not None:
                QCoreApplication.removeTranslator(translator)
        self._installed = []
        self.language = SOURCE_LANGUAGE
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
        if language == SOURCE_LANGUAGE:
            return True
        ours = QTranslator(self)
        if not ours.load(str(translation_file(language))):
            return False
        qt_own = QTranslator(self)
        qt_path = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        translators = [ours]
        if qt_own.load(f"qtbase_{language}", qt_path) or qt_own.load(f"qt_{language}", qt_path):
            translators.insert(0, qt_own)
        for translator in translators:
            QCoreApplication.installTranslator(translator)
            self._installed.append(translator)
        QLocale.setDefault(QLocale(language))
        self.language = language
        return True
