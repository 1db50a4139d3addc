"""``translate(context, text)``: the form of a translatable string outside a QObject.

``pyside6-lupdate`` extracts ``self.tr("...")`` and ``translate("Context", "...")`` with
literal arguments; this function keeps call sites short and extractable.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    return QCoreApplication.translate(context, text, disambiguation, n)
