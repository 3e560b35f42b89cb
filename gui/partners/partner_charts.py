"""Charts of a partner (QtCharts, in the house way of ``gui.common.grade_charts``):

- :class:`ScoreTrendChart`: the weighted score of each 101 checklist run over time
  (a line with a point per run, 0-100%); runs with no score (all N/A) are left out.
- :class:`PerformanceChart`: target and actual per period as bars side by side; a
  period below target has its actual bar in the warning colour.
"""
from __future__ import annotations

from datetime import date, datetime, time
from typing import Sequence

from PySide6.QtCharts import (QBarCategoryAxis, QBarSeries, QBarSet, QChartView, QDateTimeAxis, QLineSeries,
                              QScatterSeries, QValueAxis)
from PySide6.QtCore import QDateTime, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from gui.common.grade_charts import BAR, CUT, MARKED, new_chart, nice_range

LINE = QColor("#1f3b5c")


def _msecs(day: date) -> float:
    return float(QDateTime(datetime.combine(day, time(12))).toMSecsSinceEpoch())


def _period_labels(periods: list[str]) -> list[str]:
    """Periods under the bars: of one year ("2026-01" … "2026-12", "2026-Q3") without the
    year, which the chart's year choice says (twelve "2026-…" do not fit beside each other)."""
    if len(periods) > 1 and all(len(p) > 5 and p[4] == "-" for p in periods) and \
            len({p[:5] for p in periods}) == 1:
        return [p[5:] for p in periods]
    return periods


class _Chart(QChartView):
    def __init__(self, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(160)     # beside a table on a laptop at 125 % (gui/common/screen_fit.py)
        self._title = title
        self.setChart(new_chart(title))
        self.setAccessibleName(title)

    def _fresh(self):
        """A new chart for new data (as gui.common.grade_charts does): nothing of the old one lingers."""
        chart = new_chart(self._title)
        chart.legend().hide()
        return chart

    def _show(self, chart) -> None:
        old = self.chart()
        self.setChart(chart)
        old.deleteLater()


class ScoreTrendChart(_Chart):
    """Score per run over time. ``set_runs`` with (date, score or None) pairs, oldest first."""

    def __init__(self, title: str, parent: QWidget | None = None):
        super().__init__(title, parent)
        self.points: list[tuple[date, float]] = []

    def set_runs(self, runs: Sequence[tuple[date, float | None]]) -> None:
        chart = self._fresh()
        self.points = [(d, float(s)) for d, s in runs if s is not None]
        line, dots = QLineSeries(), QScatterSeries()
        line.setPen(QPen(LINE, 2))
        dots.setColor(LINE)
        dots.setMarkerSize(8)
        for day, value in self.points:
            line.append(_msecs(day), value)
            dots.append(_msecs(day), value)
        chart.addSeries(line)
        chart.addSeries(dots)
        x = QDateTimeAxis()
        x.setFormat("yyyy-MM")
        if self.points:
            first, last = self.points[0][0], self.points[-1][0]
            x.setRange(QDateTime.fromMSecsSinceEpoch(int(_msecs(first) - 20 * 86400000)),
                       QDateTime.fromMSecsSinceEpoch(int(_msecs(last) + 20 * 86400000)))
        x.setTickCount(min(6, max(2, len(self.points))))
        y = QValueAxis()
        y.setRange(0, 100)
        y.setLabelFormat("%d%%")
        y.setTickCount(6)
        chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
        for series in (line, dots):
            series.attachAxis(x)
            series.attachAxis(y)
        self._show(chart)


class PerformanceChart(_Chart):
    """Target and actual per period. ``set_periods`` with (period, target, actual or None[, ended])
    rows; an ended period below target has its actual bar in the warning colour."""

    def __init__(self, title: str, target_label: str, actual_label: str, parent: QWidget | None = None):
        super().__init__(title, parent)
        self.target_label, self.actual_label = target_label, actual_label
        self.rows: list[tuple] = []

    def set_periods(self, rows: Sequence[tuple]) -> None:
        chart = self._fresh()
        self.rows = list(rows)
        targets, actuals = QBarSet(self.target_label), QBarSet(self.actual_label)
        targets.setColor(BAR.lighter(150))
        actuals.setColor(MARKED)
        below = []
        for n, row in enumerate(self.rows):
            _period, target, actual = row[:3]
            ended = row[3] if len(row) > 3 else True
            targets.append(target)
            actuals.append(actual or 0.0)
            if ended and actual is not None and actual < target:
                below.append(n)
        for n in below:
            actuals.setBarSelected(n, True)
        actuals.setSelectedColor(CUT)
        series = QBarSeries()
        series.append(targets)
        series.append(actuals)
        chart.addSeries(series)
        x = QBarCategoryAxis()
        x.append(_period_labels([str(r[0]) for r in self.rows]) or [""])
        largest = max([r[1] for r in self.rows] + [r[2] or 0 for r in self.rows] + [1])
        end, step = nice_range(int(largest))
        y = QValueAxis()
        y.setRange(0, end)
        y.setTickCount(int(end // step) + 1)
        y.setLabelFormat("%.0f")
        chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(x)
        series.attachAxis(y)
        chart.legend().show()
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self._show(chart)
