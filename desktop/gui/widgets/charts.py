"""Small QPainter charts: a probability bar and a driver chart (QtCharts is not in
PySide6-Essentials). Every chart writes its numbers as text too, and says in its
accessible description what it shows, so colour is never the only signal."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from desktop.domain.model_output import Explanation
from desktop.gui.i18n import translate

RAISES = QColor("#c0504d")
LOWERS = QColor("#2f6eb5")
BAR = QColor("#2f6eb5")
TRACK = QColor("#e4e8ee")
INK = QColor("#1a1a1a")
MUTED = QColor("#5f6b7a")


class ProbabilityBar(QWidget):
    """``probability`` as a bar with its percentage; an optional threshold tick."""

    def __init__(
        self,
        probability: float,
        *,
        threshold: float | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.probability = max(0.0, min(1.0, probability))
        self.threshold = threshold
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumWidth(120)
        text = self.tr("%1 percent").replace("%1", f"{self.probability * 100:.0f}")
        self.setAccessibleName(text)
        self.setToolTip(f"{self.probability:.0%}")

    def sizeHint(self) -> QSize:  # noqa: N802
        height = QFontMetrics(self.font()).height() + 8
        return QSize(220, height)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(120, QFontMetrics(self.font()).height() + 8)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = QFontMetrics(self.font())
        label = f"{self.probability:.0%}"
        text_width = metrics.horizontalAdvance("100%") + 8
        track = QRectF(0, 3, max(10, self.width() - text_width), self.height() - 6)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(TRACK)
        painter.drawRoundedRect(track, 3, 3)
        filled = QRectF(track.left(), track.top(), track.width() * self.probability, track.height())
        painter.setBrush(BAR)
        painter.drawRoundedRect(filled, 3, 3)
        if self.threshold is not None:
            x = track.left() + track.width() * self.threshold
            painter.setPen(QPen(INK, 1, Qt.PenStyle.DashLine))
            painter.drawLine(QPointF(x, track.top() - 2), QPointF(x, track.bottom() + 2))
        painter.setPen(INK)
        painter.drawText(
            QRectF(track.right() + 6, 0, text_width, self.height()),
            int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
            label,
        )
        painter.end()


class DriverChart(QWidget):
    """What pushed one prediction up or down: a diverging bar per driver (logit units).

    Each row reads ``label = value   +0.84 ▲`` (raises) or ``-0.31 ▼`` (lowers); the last
    row sums the contributions not shown. Bars share one scale within the chart.
    """

    ROW_PADDING = 6

    def __init__(self, explanation: Explanation, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.explanation = explanation
        self.rows = _rows(explanation)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(self.tr("Drivers of this prediction"))
        self.setAccessibleDescription(
            "; ".join(f"{label} {value:+.2f}" for label, value in self.rows)
        )

    def _row_height(self) -> int:
        return QFontMetrics(self.font()).height() + self.ROW_PADDING

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(520, self._row_height() * max(1, len(self.rows)) + 4)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(300, self.sizeHint().height())

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = QFontMetrics(self.font())
        row_height = self._row_height()
        if not self.rows:
            painter.setPen(MUTED)
            painter.drawText(
                self.rect(),
                int(Qt.AlignmentFlag.AlignVCenter),
                self.tr("No single feature stands out."),
            )
            painter.end()
            return
        label_width = min(
            int(self.width() * 0.45), max(metrics.horizontalAdvance(r[0]) for r in self.rows) + 10
        )
        number_width = metrics.horizontalAdvance("+00.00 ▲") + 10
        chart = QRectF(label_width, 0, max(40, self.width() - label_width - number_width), 0)
        centre = chart.left() + chart.width() / 2
        scale = max(abs(value) for _, value in self.rows) or 1.0
        painter.setPen(QPen(MUTED, 1))
        painter.drawLine(QPointF(centre, 0), QPointF(centre, row_height * len(self.rows)))
        for index, (label, value) in enumerate(self.rows):
            top = index * row_height
            painter.setPen(INK)
            elided = metrics.elidedText(label, Qt.TextElideMode.ElideRight, label_width - 10)
            painter.drawText(
                QRectF(0, top, label_width - 8, row_height),
                int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight),
                elided,
            )
            length = chart.width() / 2 * abs(value) / scale
            bar_top = top + self.ROW_PADDING / 2 + 1
            bar_height = row_height - self.ROW_PADDING - 2
            left = centre if value >= 0 else centre - length
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(RAISES if value > 0 else LOWERS)
            painter.drawRect(QRectF(left, bar_top, length, bar_height))
            painter.setPen(INK)
            arrow = "▲" if value > 0 else "▼" if value < 0 else ""
            painter.drawText(
                QRectF(chart.right() + 6, top, number_width, row_height),
                int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
                f"{value:+.2f} {arrow}",
            )
        painter.end()


def _rows(explanation: Explanation) -> list[tuple[str, float]]:
    rows = []
    for driver in explanation.drivers:
        value = "—" if driver.value is None else f"{driver.value:g}"
        rows.append((f"{driver.label} = {value}", driver.contribution))
    if abs(explanation.other_contributions) >= 0.005:
        rows.append((translate("DriverChart", "(other features)"), explanation.other_contributions))
    return rows
