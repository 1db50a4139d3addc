"""The pain trajectory: worst and average pain (NRS) at baseline and each follow-up.

Worst pain is a solid line with round markers, average pain a dashed line with square
markers, each named in the legend; each follow-up point carries its responder label as
text. The background bands (mild / moderate / severe) are labelled too.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from desktop.domain.referral import point_label
from desktop.domain.trajectory import TrajectoryPoint
from desktop.gui.clinical_texts import show_arg
from desktop.gui.i18n import translate
from desktop.gui.score_texts import band_text

WORST = QColor("#b03a2e")
AVERAGE = QColor("#2f6eb5")
GRID = QColor("#d5dbe3")
INK = QColor("#1a1a1a")
BANDS = (  # NCCN bands: (low, high, colour, name)
    (0.0, 3.5, QColor("#eef6ee"), "mild"),
    (3.5, 6.5, QColor("#fbf6e6"), "moderate"),
    (6.5, 10.0, QColor("#fbecea"), "severe"),
)


def responder_short(label: str) -> str:
    """The responder label under a follow-up point (IMMPACT thresholds)."""
    return {
        "substantial": translate("TrajectoryChart", "≥50% less"),
        "moderate": translate("TrajectoryChart", "≥30% less"),
        "non_responder": translate("TrajectoryChart", "<30% less"),
        "worsened": translate("TrajectoryChart", "worse"),
        "not_evaluable": translate("TrajectoryChart", "not evaluable"),
    }.get(label, label)


class TrajectoryChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.points: tuple[TrajectoryPoint, ...] = ()
        self.setMinimumHeight(220)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(self.tr("Pain trajectory chart"))

    def set_points(self, points: Sequence[TrajectoryPoint]) -> None:
        """The case's points, drawn in time order: follow-ups are numbered as entered,
        and one entered later may have an earlier date (a stable sort keeps entry order
        for points of the same day; undated points keep their place at day 0)."""
        self.points = tuple(sorted(points, key=lambda p: p.days_since_baseline or 0))
        self.setAccessibleDescription(
            self.tr("; ", "list separator").join(
                self.tr("%1: worst %2, average %3")
                .replace("%1", show_arg(point_label(p.label)))
                .replace("%2", _show(p.worst))
                .replace("%3", _show(p.average))
                for p in self.points
            )
        )
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(560, 260)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = QFontMetrics(self.font())
        line = metrics.height()
        left = metrics.horizontalAdvance("10") + 14
        plot = QRectF(left, line * 2 + 6, self.width() - left - 90, self.height() - line * 4 - 12)
        if plot.width() < 40 or plot.height() < 40:
            painter.end()
            return
        self._draw_bands(painter, plot)
        self._draw_axes(painter, plot, metrics)
        self._draw_legend(painter, plot, line)
        if not self.points:
            painter.setPen(INK)
            painter.drawText(
                plot, int(Qt.AlignmentFlag.AlignCenter), self.tr("No pain scores yet.")
            )
            painter.end()
            return
        days = [p.days_since_baseline or 0 for p in self.points]
        span = max(max(days), 1)

        def x_of(day: int) -> float:
            return plot.left() + 20 + (plot.width() - 40) * day / span

        def y_of(value: int) -> float:
            return plot.bottom() - plot.height() * value / 10

        self._draw_series(
            painter,
            [(x_of(d), p.worst) for d, p in zip(days, self.points, strict=True)],
            WORST,
            y_of,
            round_marker=True,
        )
        self._draw_series(
            painter,
            [(x_of(d), p.average) for d, p in zip(days, self.points, strict=True)],
            AVERAGE,
            y_of,
            round_marker=False,
        )
        painter.setPen(INK)
        for day, point in zip(days, self.points, strict=True):
            x = x_of(day)
            caption = self.tr("day %1").replace("%1", str(day))
            painter.drawText(
                QRectF(x - 40, plot.bottom() + 4, 80, line),
                int(Qt.AlignmentFlag.AlignHCenter),
                caption,
            )
            if point.responder:
                text = responder_short(point.responder)
                painter.drawText(
                    QRectF(x - 40, plot.bottom() + 4 + line, 80, line),
                    int(Qt.AlignmentFlag.AlignHCenter),
                    text,
                )
        painter.end()

    def _draw_bands(self, painter: QPainter, plot: QRectF) -> None:
        painter.setPen(Qt.PenStyle.NoPen)
        for low, high, colour, name in BANDS:
            top = plot.bottom() - plot.height() * high / 10
            bottom = plot.bottom() - plot.height() * low / 10
            painter.setBrush(colour)
            painter.drawRect(QRectF(plot.left(), top, plot.width(), bottom - top))
            painter.setPen(QColor("#6b7280"))
            painter.drawText(
                QRectF(plot.right() + 6, top, 84, bottom - top),
                int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
                band_text(name),
            )
            painter.setPen(Qt.PenStyle.NoPen)

    def _draw_axes(self, painter: QPainter, plot: QRectF, metrics: QFontMetrics) -> None:
        for value in range(0, 11, 2):
            y = plot.bottom() - plot.height() * value / 10
            painter.setPen(QPen(GRID, 1))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(INK)
            painter.drawText(
                QRectF(0, y - metrics.height() / 2, plot.left() - 6, metrics.height()),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                str(value),
            )
        painter.setPen(QPen(INK, 1))
        painter.drawLine(plot.bottomLeft(), plot.bottomRight())
        painter.drawLine(plot.bottomLeft(), plot.topLeft())

    def _draw_legend(self, painter: QPainter, plot: QRectF, line: int) -> None:
        x = plot.left()
        for colour, text, style, round_marker in (
            (WORST, self.tr("Worst pain (NRS)"), Qt.PenStyle.SolidLine, True),
            (AVERAGE, self.tr("Average pain (NRS)"), Qt.PenStyle.DashLine, False),
        ):
            y = line
            painter.setPen(QPen(colour, 2, style))
            painter.drawLine(QPointF(x, y), QPointF(x + 28, y))
            _marker(painter, QPointF(x + 14, y), colour, round_marker)
            painter.setPen(INK)
            width = QFontMetrics(self.font()).horizontalAdvance(text)
            painter.drawText(
                QRectF(x + 34, y - line / 2 - 1, width + 4, line + 2),
                int(Qt.AlignmentFlag.AlignVCenter),
                text,
            )
            x += 34 + width + 24

    def _draw_series(
        self,
        painter: QPainter,
        points: list[tuple[float, int | None]],
        colour: QColor,
        y_of: Callable[[int], float],
        *,
        round_marker: bool,
    ) -> None:
        shown = [(x, value) for x, value in points if value is not None]
        painter.setPen(
            QPen(colour, 2, Qt.PenStyle.SolidLine if round_marker else Qt.PenStyle.DashLine)
        )
        for (x1, v1), (x2, v2) in itertools.pairwise(shown):
            painter.drawLine(QPointF(x1, y_of(v1)), QPointF(x2, y_of(v2)))
        for x, value in shown:
            centre = QPointF(x, y_of(value))
            _marker(painter, centre, colour, round_marker)
            painter.setPen(INK)
            offset = -16 if round_marker else 6
            painter.drawText(
                QRectF(x + 6, y_of(value) + offset, 30, 16),
                int(Qt.AlignmentFlag.AlignLeft),
                str(value),
            )


def _marker(painter: QPainter, centre: QPointF, colour: QColor, round_marker: bool) -> None:
    painter.setPen(QPen(colour, 2))
    painter.setBrush(QColor("white"))
    if round_marker:
        painter.drawEllipse(centre, 4.5, 4.5)
    else:
        painter.drawRect(QRectF(centre.x() - 4, centre.y() - 4, 8, 8))


def _show(value: int | None) -> str:
    return "—" if value is None else str(value)
