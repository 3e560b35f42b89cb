"""A day's route drawn on the customers' coordinates: no map tiles (the program
works offline), just the start point, the visits numbered in route order, the
legs between them and a scale bar.

Positions are projected onto a flat plane around the middle of the points
(equirectangular: a degree of longitude is shortened by the cosine of the
latitude), which is exact enough over the few kilometres of a day's route, and
scaled so that one pixel is the same distance across and up.

Stops that coincide or crowd (the same building, neighbours a few metres apart)
are drawn apart: their markers are spread on a small ring around where they are,
each with a thin line to its true spot, and each name goes where it overlaps no
marker and no other name (right, left, above or below), or is left to the tooltip.
The scale bar and the legend have a line each at the bottom.

:class:`RoutePanel` puts the drawing beside the list of the day's customers
whose position is unknown (they cannot be drawn).
"""
from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import (QLabel, QListWidget, QListWidgetItem, QSizePolicy, QToolTip, QVBoxLayout,
                               QWidget)

from model.core.i18n import translate
from model.visits.visit_plan import PlanDay, PlanVisit

METRES_PER_DEGREE = 111_320.0
OPEN_COLOUR = "#2f5d8a"
FILL = {None: OPEN_COLOUR, "done": "#2e7d32", "not_met": "#c25700", "rescheduled": "#8a8a8a"}
RADIUS = 11.0
MARGIN = 28.0


def nice_length(metres: float) -> float:
    """The largest 1, 2 or 5 × 10^k metres not longer than ``metres`` (for the scale bar)."""
    if metres <= 0:
        return 0.0
    power = 10 ** math.floor(math.log10(metres))
    for step in (5, 2, 1):
        if step * power <= metres:
            return step * power
    return power


def _dist(a: QPointF, b: QPointF) -> float:
    return math.hypot(a.x() - b.x(), a.y() - b.y())


def km_text(metres: float) -> str:
    km = metres / 1000
    if km >= 0.1:
        return translate("RouteView", "{km} km").format(km=f"{km:g}")
    return translate("RouteView", "{m} m").format(m=f"{metres:g}")


class RouteView(QWidget):
    """One day's route; click a point to choose its visit."""

    visit_clicked = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("route_view")
        self.setAccessibleName(self.tr("Route of the day"))
        self.setMinimumSize(260, 220)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMouseTracking(False)
        self.day: PlanDay | None = None
        self.start_point: tuple[float, float] | None = None
        self.selected: int | None = None
        self.title = ""

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt naming
        return QSize(420, 380)

    # -- contents -----------------------------------------------------------------
    def set_route(self, day: PlanDay | None, start_point: tuple[float, float] | None, title: str = "") -> None:
        self.day, self.start_point, self.title = day, start_point, title
        self.update()

    def set_selected(self, visit_id: int | None) -> None:
        self.selected = visit_id
        self.update()

    def placed(self) -> list[PlanVisit]:
        return [v for v in (self.day.visits if self.day else []) if v.lat is not None and v.lon is not None]

    def unplaced(self) -> list[PlanVisit]:
        return [v for v in (self.day.visits if self.day else []) if v.lat is None or v.lon is None]

    # -- geometry -------------------------------------------------------------------
    def _area(self) -> QRectF:
        """Where points go: inside the margins, above the scale bar, below the title."""
        line = self.fontMetrics().height()
        names = max((self.fontMetrics().horizontalAdvance(v.name) for v in self.placed()), default=0)
        right = MARGIN + min(names, self.width() / 4)       # room for the names right of the points
        return QRectF(MARGIN, MARGIN + line, max(1.0, self.width() - MARGIN - right),
                      max(1.0, self.height() - 2 * MARGIN - 3 * line))

    def _frame(self):
        """(centre lat, centre lon, metres per pixel, area) for the points shown, or None."""
        points = [(v.lat, v.lon) for v in self.placed()]
        if self.start_point:
            points.append(self.start_point)
        if not points:
            return None
        lats, lons = [p[0] for p in points], [p[1] for p in points]
        lat0, lon0 = (min(lats) + max(lats)) / 2, (min(lons) + max(lons)) / 2
        shrink = math.cos(math.radians(lat0))
        width_m = (max(lons) - min(lons)) * METRES_PER_DEGREE * shrink
        height_m = (max(lats) - min(lats)) * METRES_PER_DEGREE
        area = self._area()
        span = max(width_m / area.width(), height_m / area.height())
        return lat0, lon0, max(span, 1000.0 / max(area.width(), area.height())), area

    def metres_per_pixel(self) -> float | None:
        frame = self._frame()
        return frame[2] if frame else None

    def to_screen(self, lat: float, lon: float) -> QPointF:
        lat0, lon0, per_pixel, area = self._frame()
        x = (lon - lon0) * METRES_PER_DEGREE * math.cos(math.radians(lat0)) / per_pixel
        y = (lat - lat0) * METRES_PER_DEGREE / per_pixel
        return QPointF(area.center().x() + x, area.center().y() - y)   # north is up

    def positions(self) -> dict[int, QPointF]:
        """Each drawn visit's true point on the widget, by visit id."""
        if self._frame() is None:
            return {}
        return {v.id: self.to_screen(v.lat, v.lon) for v in self.placed()}

    def markers(self) -> dict[int, QPointF]:
        """Where each visit's marker is drawn: its true point, or spread on a ring around
        the middle of a group of markers that would overlap (in route order)."""
        true = self.positions()
        ids = [v.id for v in self.placed()]
        groups: list[list[int]] = []
        for vid in ids:                        # single-link groups of markers closer than two radii
            near = [g for g in groups if any(_dist(true[vid], true[o]) < 2 * RADIUS + 2 for o in g)]
            merged = [vid] + [o for g in near for o in g]
            groups = [g for g in groups if g not in near] + [merged]
        out = dict(true)
        for group in groups:
            if len(group) < 2:
                continue
            group.sort(key=ids.index)
            cx = sum(true[o].x() for o in group) / len(group)
            cy = sum(true[o].y() for o in group) / len(group)
            ring = max(2 * RADIUS + 2, (2 * RADIUS + 3) * len(group) / (2 * math.pi))
            area = self._area()       # the ring stays above the scale bar and the legend
            cx = min(max(cx, area.left() + ring), area.right() - ring)
            cy = min(max(cy, area.top() + ring), area.bottom() - ring)
            for k, vid in enumerate(group):
                angle = -math.pi / 2 + 2 * math.pi * k / len(group)
                out[vid] = QPointF(cx + ring * math.cos(angle), cy + ring * math.sin(angle))
        return out

    def labels(self) -> dict[int, QRectF]:
        """Where each visit's name goes: beside its marker where it overlaps no marker and
        no name placed before it (route order); a name with no free place is left out."""
        metrics = self._small_metrics()
        markers = self.markers()
        taken = [QRectF(p.x() - RADIUS, p.y() - RADIUS, 2 * RADIUS, 2 * RADIUS) for p in markers.values()]
        line = self.fontMetrics().height()
        bounds = QRectF(0, line, self.width(), self.height() - MARGIN / 2 - 2 * line - 8 - line)
        out: dict[int, QRectF] = {}
        for visit in self.placed():
            p = markers[visit.id]
            w, h = metrics.horizontalAdvance(visit.name) + 2, metrics.height()
            for rect in (QRectF(p.x() + RADIUS + 3, p.y() - h / 2, w, h),
                         QRectF(p.x() - RADIUS - 3 - w, p.y() - h / 2, w, h),
                         QRectF(p.x() - w / 2, p.y() - RADIUS - 2 - h, w, h),
                         QRectF(p.x() - w / 2, p.y() + RADIUS + 2, w, h)):
                if bounds.contains(rect) and not any(rect.intersects(t) for t in taken):
                    out[visit.id] = rect
                    taken.append(rect)
                    break
        return out

    def _small_font(self) -> QFont:
        small = QFont(self.font())
        small.setPointSizeF(max(6.0, small.pointSizeF() * 0.85))
        return small

    def _small_metrics(self):
        from PySide6.QtGui import QFontMetricsF
        return QFontMetricsF(self._small_font())

    def scale_bar(self) -> tuple[float, float]:
        """(metres, pixels) of the scale bar: a round distance about a quarter of the width."""
        per_pixel = self.metres_per_pixel()
        if not per_pixel:
            return 0.0, 0.0
        metres = nice_length(per_pixel * self.width() / 4)
        return metres, metres / per_pixel

    # -- painting ---------------------------------------------------------------------
    def paintEvent(self, event) -> None:  # noqa: N802 - Qt naming
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("#fbfbf8"))
        painter.setPen(QPen(QColor("#c8c8c0")))
        painter.drawRect(self.rect().adjusted(0, 0, -1, -1))
        line = self.fontMetrics().height()
        painter.setPen(QPen(QColor("#303030")))
        if self.title:
            painter.drawText(QRectF(8, 4, self.width() - 16, line + 4), Qt.AlignmentFlag.AlignLeft,
                             self.fontMetrics().elidedText(self.title, Qt.TextElideMode.ElideRight,
                                                           self.width() - 16))
        frame = self._frame()
        if frame is None:
            painter.setPen(QPen(QColor("#606060")))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                             self._empty_text())
            painter.end()
            return
        self._paint_legs(painter)
        self._paint_start(painter)
        self._paint_points(painter)
        self._paint_scale(painter)
        self._paint_legend(painter)
        painter.end()

    def _empty_text(self) -> str:
        if self.day is None:
            return self.tr("Choose a day of the plan to see its route.")
        if not self.day.visits:
            return self.tr("No visits on this day.")
        return self.tr("None of this day's customers has a position; they are listed beside.")

    def _paint_legs(self, painter: QPainter) -> None:
        """Start → 1 → 2 …; a leg that passes a customer without a position is dashed."""
        previous = self.to_screen(*self.start_point) if self.start_point else None
        skipped = False
        for visit in self.day.visits:
            if visit.lat is None or visit.lon is None:
                skipped = True
                continue
            point = self.to_screen(visit.lat, visit.lon)
            if previous is not None:
                pen = QPen(QColor("#7a8ea3"), 2.0)
                if skipped:
                    pen.setStyle(Qt.PenStyle.DashLine)
                painter.setPen(pen)
                painter.drawLine(previous, point)
            previous, skipped = point, False

    def _paint_start(self, painter: QPainter) -> None:
        if not self.start_point:
            return
        centre = self.to_screen(*self.start_point)
        path = QPainterPath()
        path.moveTo(centre + QPointF(0, -10))
        path.lineTo(centre + QPointF(9, -2))
        path.lineTo(centre + QPointF(6, -2))
        path.lineTo(centre + QPointF(6, 8))
        path.lineTo(centre + QPointF(-6, 8))
        path.lineTo(centre + QPointF(-6, -2))
        path.lineTo(centre + QPointF(-9, -2))
        path.closeSubpath()
        painter.setPen(QPen(QColor("#303030"), 1.5))
        painter.setBrush(QBrush(QColor("#f2c14e")))
        painter.drawPath(path)
        painter.setPen(QPen(QColor("#303030")))
        painter.drawText(centre + QPointF(12, 4), self.tr("Start"))

    def _paint_points(self, painter: QPainter) -> None:
        small = self._small_font()
        bold = QFont(self.font())
        bold.setBold(True)
        true, markers, labels = self.positions(), self.markers(), self.labels()
        for visit in self.placed():
            centre = markers[visit.id]
            if _dist(centre, true[visit.id]) > 1:      # spread from a crowded spot: a line to where it is
                painter.setPen(QPen(QColor("#9a9a9a"), 1.0))
                painter.drawLine(true[visit.id], centre)
                painter.setBrush(QBrush(QColor("#606060")))
                painter.drawEllipse(true[visit.id], 2, 2)
        for visit in self.placed():
            centre = markers[visit.id]
            colour = QColor(FILL.get(visit.outcome, OPEN_COLOUR))
            if visit.id is not None and visit.id == self.selected:
                painter.setPen(QPen(QColor("#f2a900"), 4.0))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawEllipse(centre, RADIUS + 4, RADIUS + 4)
            approximate = visit.coord_source != "customer"
            pen = QPen(colour, 2.0)
            if approximate:
                pen.setStyle(Qt.PenStyle.DashLine)
                painter.setBrush(QBrush(QColor("#ffffff")))
            else:
                painter.setBrush(QBrush(colour))
            painter.setPen(pen)
            painter.drawEllipse(centre, RADIUS, RADIUS)
            painter.setFont(bold)
            painter.setPen(QPen(colour if approximate else QColor("#ffffff")))
            painter.drawText(QRectF(centre.x() - RADIUS, centre.y() - RADIUS, 2 * RADIUS, 2 * RADIUS),
                             Qt.AlignmentFlag.AlignCenter, str(visit.position or ""))
            if visit.id in labels:
                painter.setFont(small)
                painter.setPen(QPen(QColor("#303030")))
                painter.drawText(labels[visit.id], Qt.AlignmentFlag.AlignCenter, visit.name)
        painter.setFont(self.font())

    def _paint_scale(self, painter: QPainter) -> None:
        metres, pixels = self.scale_bar()
        if not pixels:
            return
        y = self.height() - MARGIN / 2 - self.fontMetrics().height() - 6     # its own line, above the legend
        x = 12.0
        painter.setPen(QPen(QColor("#303030"), 2.0))
        painter.drawLine(QPointF(x, y), QPointF(x + pixels, y))
        painter.drawLine(QPointF(x, y - 5), QPointF(x, y + 1))
        painter.drawLine(QPointF(x + pixels, y - 5), QPointF(x + pixels, y + 1))
        painter.drawText(QPointF(x + pixels + 6, y + 4), km_text(metres))

    def _paint_legend(self, painter: QPainter) -> None:
        metrics = self.fontMetrics()
        entries = [(FILL[None], self.tr("open")), (FILL["done"], self.tr("done")),
                   (FILL["not_met"], self.tr("not met")), (None, self.tr("approximate position"))]
        x = self.width() - 8.0
        y = self.height() - MARGIN / 2
        for colour, label in reversed(entries):
            x -= metrics.horizontalAdvance(label)
            painter.setPen(QPen(QColor("#303030")))
            painter.drawText(QPointF(x, y), label)
            x -= 14
            pen = QPen(QColor(colour or OPEN_COLOUR), 1.5)
            if colour is None:
                pen.setStyle(Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.setBrush(QBrush(QColor(colour)) if colour else Qt.BrushStyle.NoBrush)
            painter.drawEllipse(QPointF(x + 5, y - metrics.ascent() / 3), 5, 5)
            x -= 10

    # -- mouse ------------------------------------------------------------------------
    def visit_at(self, point: QPointF) -> PlanVisit | None:
        best, best_d = None, (RADIUS + 4) ** 2
        positions = self.markers()
        for visit in self.placed():
            p = positions[visit.id]
            d = (p.x() - point.x()) ** 2 + (p.y() - point.y()) ** 2
            if d <= best_d:
                best, best_d = visit, d
        return best

    def mousePressEvent(self, event) -> None:  # noqa: N802 - Qt naming
        visit = self.visit_at(event.position())
        if visit is not None and visit.id is not None:
            self.visit_clicked.emit(visit.id)
        super().mousePressEvent(event)

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            visit = self.visit_at(QPointF(event.pos()))
            if visit is not None:
                text = f"{visit.position}. {visit.name}  {visit.time_text}"
                if visit.area:
                    text += f"\n{visit.area}"
                if visit.coord_source != "customer":
                    text += "\n" + self.tr("Position approximate (the area's)")
                QToolTip.showText(event.globalPos(), text, self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)


class RoutePanel(QWidget):
    """The route drawing and, beside it, the day's customers without a position."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.view = RouteView(self)
        self.missing_label = QLabel(self)
        self.missing_label.setWordWrap(True)
        self.missing = QListWidget(self)
        self.missing.setObjectName("route_missing")
        self.missing.setAccessibleName(self.tr("Customers without a position"))
        self.missing_label.setBuddy(self.missing)
        self.missing.setMaximumHeight(self.fontMetrics().height() * 7)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.missing_label)
        layout.addWidget(self.missing)
        self.set_route(None, None)

    def set_route(self, day: PlanDay | None, start_point, title: str = "") -> None:
        self.view.set_route(day, start_point, title)
        self.missing.clear()
        unplaced = self.view.unplaced()
        for visit in unplaced:
            item = QListWidgetItem(f"{visit.position}. {visit.name}  [{visit.area or '-'}]")
            item.setData(Qt.ItemDataRole.UserRole, visit.id)
            self.missing.addItem(item)
        self.missing_label.setText(self.tr("Without a position ({count}): not drawn; the route "
                                           "estimates the travel to them.").format(count=len(unplaced)))
        self.missing_label.setVisible(bool(unplaced))
        self.missing.setVisible(bool(unplaced))
