"""Charts of grades (QtCharts): counts per grade as bars one can click or pick
with the keyboard, and the Pareto curve of the value tiers.

- :class:`CountChart`: one bar per value, the count in the axis label; a bar
  can be marked (e.g. a target persona) in a second colour. Clicking a bar,
  or moving to it with the arrow keys and pressing Enter, emits ``activated``
  with the value's key.
- :class:`ParetoChart`: the cumulative share of the total against the share
  of customers, largest first, with the cut-off lines (80%, 95%) and where
  the curve crosses them.
"""
from __future__ import annotations

from typing import Sequence

import numpy as np
import pandas as pd
from PySide6.QtCharts import (QBarCategoryAxis, QBarSet, QChart, QChartView, QHorizontalStackedBarSeries,
                              QLineSeries, QScatterSeries, QStackedBarSeries, QValueAxis)
from PySide6.QtCore import QLocale, QMargins, QPointF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QKeyEvent, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

BAR = QColor("#4c78a8")
MARKED = QColor("#f58518")
CURRENT = QColor("#1f3b5c")
CUT = QColor("#b3261e")


def new_chart(title: str) -> QChart:
    chart = QChart()
    chart.setTitle(title)
    font = QFont(chart.titleFont())
    font.setBold(True)
    chart.setTitleFont(font)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.setBackgroundRoundness(0)
    chart.setMargins(QMargins(4, 4, 4, 4))
    return chart


class CountChart(QChartView):
    """Counts per value as bars. ``set_counts`` with (key, label, count[, tooltip label]) rows
    in order."""

    activated = Signal(str)      # the key of the bar clicked or chosen with Enter

    def __init__(self, title: str, horizontal: bool = False, parent: QWidget | None = None):
        super().__init__(parent)
        self._title = title
        self._horizontal = horizontal
        self._keys: list[str] = []
        self._labels: list[str] = []
        self._counts: list[int] = []
        self._tips: list[str] = []
        self._marked: set[str] = set()
        self._current = -1
        self._sets: tuple[QBarSet, QBarSet] | None = None
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(220)
        self.setChart(new_chart(title))
        self.setAccessibleName(title)
        self.setToolTip(self.tr("Click a bar, or pick one with the arrow keys and press Enter, "
                                "to list those customers"))

    # -- data ---------------------------------------------------------------------
    def keys(self) -> list[str]:
        return list(self._keys)

    def counts(self) -> dict[str, int]:
        return dict(zip(self._keys, self._counts))

    def set_counts(self, rows: Sequence[tuple], marked: set[str] | None = None,
                   subtitle: str = "") -> None:
        self._keys = [r[0] for r in rows]
        self._labels = [r[1] for r in rows]
        self._counts = [int(r[2]) for r in rows]
        self._tips = [r[3] if len(r) > 3 else r[1] for r in rows]
        self._marked = set(marked or ())
        self._current = -1
        chart = new_chart(self._title + (f"<br><small>{subtitle}</small>" if subtitle else ""))
        chart.legend().setVisible(bool(self._marked))
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        locale = QLocale()
        plain, marked_set = QBarSet(self.tr("Customers")), QBarSet(self.tr("Target"))
        plain.setColor(BAR)
        marked_set.setColor(MARKED)
        for bar_set in (plain, marked_set):
            bar_set.setSelectedColor(CURRENT)
            bar_set.clicked.connect(self._clicked)
            bar_set.hovered.connect(self._hovered)
        for key, count in zip(self._keys, self._counts):
            plain.append(0 if key in self._marked else count)
            marked_set.append(count if key in self._marked else 0)
        series = QHorizontalStackedBarSeries() if self._horizontal else QStackedBarSeries()
        series.append(plain)
        if self._marked:
            series.append(marked_set)
        series.setBarWidth(0.7)
        chart.addSeries(series)
        categories = QBarCategoryAxis()
        categories.append([f"{label}  ({locale.toString(count)})"
                           for label, count in zip(self._labels, self._counts)] or [""])
        values = QValueAxis()
        values.setLabelFormat("%d")
        top, step = nice_range(max(self._counts, default=0))
        values.setRange(0, top)
        values.setTickCount(int(round(top / step)) + 1)
        if self._horizontal:
            # Top to bottom in the given order.
            categories.setCategories(list(reversed(categories.categories())))
            plain_values = [plain.at(i) for i in range(plain.count())]
            marked_values = [marked_set.at(i) for i in range(marked_set.count())]
            plain.remove(0, plain.count())
            marked_set.remove(0, marked_set.count())
            plain.append(list(reversed(plain_values)))
            marked_set.append(list(reversed(marked_values)))
            chart.addAxis(categories, Qt.AlignmentFlag.AlignLeft)
            chart.addAxis(values, Qt.AlignmentFlag.AlignBottom)
        else:
            chart.addAxis(categories, Qt.AlignmentFlag.AlignBottom)
            chart.addAxis(values, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(categories)
        series.attachAxis(values)
        self._sets = (plain, marked_set)
        old = self.chart()
        self.setChart(chart)
        old.deleteLater()
        if self._horizontal:
            self.setMinimumHeight(max(220, 100 + 32 * len(self._keys)))   # CJK labels need the height

    def _position(self, index: int) -> int:
        """Bar position in the series for a row index (horizontal charts are reversed)."""
        return len(self._keys) - 1 - index if self._horizontal else index

    def _row(self, position: int) -> int:
        return len(self._keys) - 1 - position if self._horizontal else position

    # -- interaction --------------------------------------------------------------
    def _clicked(self, position: int) -> None:
        row = self._row(position)
        if 0 <= row < len(self._keys):
            self.set_current(row)
            self.activated.emit(self._keys[row])

    def _hovered(self, status: bool, position: int) -> None:
        row = self._row(position)
        if status and 0 <= row < len(self._keys):
            QToolTip.showText(self.cursor().pos(), self.tr("{label}: {count} customers — click to "
                                                           "list them").format(
                label=self._tips[row], count=QLocale().toString(self._counts[row])), self)
        else:
            QToolTip.hideText()

    def current(self) -> int:
        return self._current

    def set_current(self, row: int) -> None:
        if self._sets is None or not self._keys:
            return
        row = min(max(row, 0), len(self._keys) - 1)
        for bar_set in self._sets:
            bar_set.deselectAllBars()
        self._current = row
        bar_set = self._sets[1] if self._keys[row] in self._marked else self._sets[0]
        bar_set.selectBar(self._position(row))
        self.setAccessibleDescription(f"{self._labels[row]}: {self._counts[row]}")

    def activate_current(self) -> None:
        if 0 <= self._current < len(self._keys):
            self.activated.emit(self._keys[self._current])

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt naming
        step = {Qt.Key.Key_Right: 1, Qt.Key.Key_Down: 1, Qt.Key.Key_Left: -1, Qt.Key.Key_Up: -1}
        if event.key() in step and self._keys:
            self.set_current(max(self._current, 0) + step[event.key()] if self._current >= 0 else 0)
            event.accept()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.activate_current()
            event.accept()
            return
        super().keyPressEvent(event)

    def focusInEvent(self, event) -> None:  # noqa: N802 - Qt naming
        if self._current < 0 and self._keys:
            self.set_current(0)
        super().focusInEvent(event)


def nice_range(largest: int) -> tuple[float, float]:
    """An axis end and tick step in whole numbers (1, 2 or 5 times a power of ten),
    about five ticks, the end at or above ``largest``."""
    rough = max(largest, 1) / 5
    power = 10 ** max(len(str(int(rough))) - 1, 0)
    step = next((m * power for m in (1, 2, 5, 10) if m * power >= rough), 10 * power)
    step = max(step, 1)
    return step * max(1, -(-largest // step)), step


def _sample(frame: pd.DataFrame, points: int = 400) -> pd.DataFrame:
    """At most ``points`` rows of the curve, always with its first and last."""
    if len(frame) <= points:
        return frame
    index = np.unique(np.linspace(0, len(frame) - 1, points).round().astype(int))
    return frame.iloc[index]


class ParetoChart(QChartView):
    """Cumulative share of the total (y) against the share of customers (x)."""

    def __init__(self, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self._title = title
        self.crossings: dict[float, float] = {}     # cut-off -> share of customers reaching it
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(240)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setChart(new_chart(title))
        self.setAccessibleName(title)

    def set_curve(self, curve: pd.DataFrame, cutoffs: Sequence[tuple[str, float]]) -> None:
        """``curve``: columns customer_share and value_share in [0, 1], in rank order
        (see ``ComputedGrades.pareto_curve``); ``cutoffs``: (tier, share) pairs."""
        chart = new_chart(self._title)
        chart.legend().setVisible(False)
        x_axis, y_axis = QValueAxis(), QValueAxis()
        for axis in (x_axis, y_axis):
            axis.setRange(0, 100)
            axis.setLabelFormat("%.0f%%")
            axis.setTickCount(6)
        x_axis.setTitleText(self.tr("Share of customers, largest first"))
        y_axis.setTitleText(self.tr("Share of the total"))
        chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
        self.crossings = {}
        line = QLineSeries()
        line.setName(self.tr("Cumulative share"))
        line.setPen(QPen(BAR, 2))
        if len(curve):
            sampled = _sample(curve)
            line.append([QPointF(0, 0)] + [QPointF(100 * x, 100 * y) for x, y in
                                           zip(sampled["customer_share"], sampled["value_share"])])
            if line.at(line.count() - 1).x() < 100:   # customers with nothing add nothing
                line.append(100, 100)
        chart.addSeries(line)
        line.attachAxis(x_axis)
        line.attachAxis(y_axis)
        marks = QScatterSeries()
        marks.setMarkerSize(8)
        marks.setColor(CUT)
        values = curve["value_share"].to_numpy() if len(curve) else np.array([])
        shares = curve["customer_share"].to_numpy() if len(curve) else np.array([])
        for tier, cut in cutoffs:
            guide = QLineSeries()
            guide.setName(self.tr("{tier} cut-off ({share:.0f}%)").format(tier=tier, share=100 * cut))
            guide.setPen(QPen(CUT, 1, Qt.PenStyle.DashLine))
            guide.append([QPointF(0, 100 * cut), QPointF(100, 100 * cut)])
            chart.addSeries(guide)
            guide.attachAxis(x_axis)
            guide.attachAxis(y_axis)
            reached = np.flatnonzero(values >= cut - 1e-9)
            if len(reached):
                x = float(shares[reached[0]])
                self.crossings[cut] = x
                marks.append(round(100 * x, 1), round(100 * cut, 1))
        chart.addSeries(marks)
        marks.attachAxis(x_axis)
        marks.attachAxis(y_axis)
        if self.crossings:
            lines = [self.tr("{cut:.0f}% of the total from the first {share:.1f}% of customers")
                     .format(cut=100 * cut, share=100 * share) for cut, share in self.crossings.items()]
            chart.setTitle(f"{self._title}<br><small>{'<br>'.join(lines)}</small>")
            self.setToolTip("\n".join(lines))
        old = self.chart()
        self.setChart(chart)
        old.deleteLater()
