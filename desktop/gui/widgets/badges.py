"""Badges: a word on a tinted background (never colour alone), and the case-list delegate
that paints the status column as badges (one per key of ``BADGES_ROLE``)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QIcon, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from desktop.gui.i18n import translate
from desktop.gui.viewmodels.case_row_text import status_text
from desktop.gui.viewmodels.case_table import BADGES_ROLE

# (background, text) per tone; text colours keep >= 4.5:1 contrast on their background.
TONES = {
    "neutral": ("#e8ecf1", "#23303f"),
    "info": ("#e1ecf8", "#123c69"),
    "good": ("#e3f1e5", "#1d5a2a"),
    "caution": ("#fdf0d5", "#6b4400"),
    "warning": ("#fbe1cf", "#7a2e00"),
    "danger": ("#f6d5d5", "#7d1414"),
}
STATUS_TONES = {
    "open": "neutral",
    "follow_up_due": "caution",
    "sent": "info",
    "answered": "good",
    "closed": "neutral",
    "alerts": "warning",
}
SEVERITY_TONES = {
    "info": "info",
    "caution": "caution",
    "warning": "warning",
    "contraindication": "danger",
}


def severity_text(severity: str) -> str:
    return {
        "info": translate("Badges", "Info"),
        "caution": translate("Badges", "Caution"),
        "warning": translate("Badges", "Warning"),
        "contraindication": translate("Badges", "Contraindication"),
    }.get(severity, severity)


def severity_icon(severity: str) -> QIcon:
    style = QApplication.style()
    pixmap = {
        "info": QStyle.StandardPixmap.SP_MessageBoxInformation,
        "caution": QStyle.StandardPixmap.SP_MessageBoxWarning,
        "warning": QStyle.StandardPixmap.SP_MessageBoxWarning,
        "contraindication": QStyle.StandardPixmap.SP_MessageBoxCritical,
    }.get(severity, QStyle.StandardPixmap.SP_MessageBoxInformation)
    return style.standardIcon(pixmap)


class Badge(QLabel):
    """A short word on a tinted, rounded background (painted: no per-widget style sheet,
    which would make every badge re-polish the style)."""

    def __init__(self, text: str, tone: str = "neutral", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        background, ink = TONES.get(tone, TONES["neutral"])
        self.tone = tone
        self._background = QColor(background)
        self._ink = QColor(ink)
        self.setObjectName("badge")
        self.setSizePolicy(self.sizePolicy().Policy.Maximum, self.sizePolicy().Policy.Fixed)

    def sizeHint(self) -> QSize:  # noqa: N802
        metrics = QFontMetrics(self._bold())
        return QSize(metrics.horizontalAdvance(self.text()) + 16, metrics.height() + 6)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return self.sizeHint()

    def _bold(self) -> QFont:
        font = QFont(self.font())
        font.setBold(True)
        return font

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        hint = self.sizeHint()
        rect = QRectF(0, (self.height() - hint.height()) / 2, hint.width(), hint.height())
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self._background)
        painter.drawRoundedRect(rect, 4, 4)
        painter.setPen(self._ink)
        painter.setFont(self._bold())
        painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), self.text())
        painter.end()


class StatusBadgeDelegate(QStyledItemDelegate):
    """Paints a case's status as badges, side by side (their words joined are also the
    cell's display and accessible text)."""

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        self.initStyleOption(option, index)
        style = option.widget.style() if option.widget else QApplication.style()
        text = option.text
        option.text = ""
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        keys = index.data(BADGES_ROLE) or ()
        metrics = QFontMetrics(option.font)
        height = metrics.height() + 4
        left = option.rect.left() + 6
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for key in keys if keys else (text,):
            word = status_text(key) if keys else text
            background, ink = TONES[STATUS_TONES.get(key, "neutral")]
            width = min(metrics.horizontalAdvance(word) + 14, option.rect.right() - 2 - left)
            if width <= 0:
                break
            rect = QRectF(left, option.rect.center().y() - height / 2 + 1, width, height)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(background))
            painter.drawRoundedRect(rect, 4, 4)
            painter.setPen(QColor(ink))
            painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), word)
            left += width + 4
        painter.restore()

    def sizeHint(  # noqa: N802
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width() + 20, size.height() + 6)
