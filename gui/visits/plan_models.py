"""Item models of the Visits area: the due list and the visit plan by day.

- :class:`DueTableModel`: due visits or calls (``model.visits.due.DueVisit``), ranked.
- :class:`PlanTreeModel`: a plan's working days, each with its visits in route
  order, as a two-level tree; visits can be dragged to another place or day.
  The model never changes the plan itself: a drop asks for the change
  (:attr:`PlanTreeModel.drop_requested`) and the page makes it through
  ``model.visits.visit_plan`` and shows the plan it gets back.
- :class:`PlanListModel`: the visits a plan leaves out (not planned, removed).
"""
from __future__ import annotations

from datetime import date
from typing import Any, Sequence

from PySide6.QtCore import QAbstractItemModel, QAbstractTableModel, QMimeData, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont

from model.visits.due import DueVisit
from model.core.i18n import translate
from model.visits.visit_plan import Plan, PlanDay, PlanVisit, visit_problems

MIME = "application/x-kehu-plan-visit"
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2

OUTCOME_COLOURS = {"done": "#2e7d32", "not_met": "#c25700", "rescheduled": "#6a6a6a"}
LATE_COLOUR = "#b3261e"


def outcome_labels() -> dict[str, str]:
    return {"done": translate("PlanModels", "Done"),
            "not_met": translate("PlanModels", "Not met"),
            "rescheduled": translate("PlanModels", "Rescheduled")}


def weekday_short(day: date) -> str:
    names = (translate("PlanModels", "Mon"), translate("PlanModels", "Tue"),
             translate("PlanModels", "Wed"), translate("PlanModels", "Thu"),
             translate("PlanModels", "Fri"), translate("PlanModels", "Sat"),
             translate("PlanModels", "Sun"))
    return names[day.weekday()]


def day_title(day: PlanDay) -> str:
    """'Mon 2026-11-23 · 3/8 done · 5.6 km' (the day row of the plan and the route view)."""
    km = sum(v.leg_m or 0 for v in day.visits) / 1000
    parts = [f"{weekday_short(day.day)} {day.day.isoformat()}",
             translate("PlanModels", "{done}/{count} done").format(done=day.done, count=len(day.visits))]
    other = day.logged - day.done
    if other:
        parts.append(translate("PlanModels", "{count} not met or moved").format(count=other))
    if day.visits:
        parts.append(translate("PlanModels", "{km} km").format(km=f"{km:.1f}"))
    else:
        parts.append(translate("PlanModels", "no visits"))
    return " · ".join(parts)


def outcome_text(visit: PlanVisit) -> str:
    if not visit.outcome:
        return ""
    label = outcome_labels().get(visit.outcome, visit.outcome)
    if visit.outcome in ("rescheduled", "not_met") and visit.outcome_next_date:
        return translate("PlanModels", "{outcome} → {date}").format(
            outcome=label, date=visit.outcome_next_date[5:10])
    return label


def lock_text(visit: PlanVisit) -> str:
    if visit.locked:
        return translate("PlanModels", "Locked")
    if visit.pinned_day:
        return translate("PlanModels", "Day kept")
    if visit.added:
        return translate("PlanModels", "Added")
    return ""


def grade_text(item) -> str:
    return " / ".join(g for g in (item.tier, item.opportunity_grade) if g)


def column_title(headers: list[str], section: int, orientation: Qt.Orientation, role: int):
    if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
        return headers[section] if 0 <= section < len(headers) else None
    return None


class _RowsModel(QAbstractTableModel):
    """A flat table over ``self.items`` under ``headers()``."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.items: list = []

    def headers(self) -> list[str]:
        return []

    def set_items(self, items: Sequence) -> None:
        self.beginResetModel()
        self.items = list(items)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.headers())

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole):
        return column_title(self.headers(), section, orientation, role)


# -- the due list -----------------------------------------------------------------

class DueTableModel(_RowsModel):
    """Due visits or due calls (``DueVisit``), in rank order (the proxy may sort by any column)."""

    OVERDUE = 5

    def headers(self) -> list[str]:
        return [self.tr("Rank"), self.tr("Customer"), self.tr("Area"), self.tr("Tier / grade"),
                self.tr("Due on"), self.tr("Overdue"), self.tr("Last visit"), self.tr("Last contact"),
                self.tr("Last result"), self.tr("Purpose"), self.tr("Why due")]

    def _values(self, rank: int, item: DueVisit) -> list[tuple[str, Any]]:
        """(text, sort key) per column."""
        if item.never:
            overdue, overdue_key = self.tr("never"), 100_000
            due_on = self.tr("never visited") if item.channel == "visit" else self.tr("never contacted")
        else:
            overdue = self.tr("{days} d").format(days=item.overdue_days) if item.overdue_days else ""
            overdue_key = item.overdue_days
            due_on = item.due_date.isoformat() if item.due_date else ""
        last_visit = (item.last_visit or "")[:10]
        if item.customer_id is not None and not last_visit:
            last_visit = self.tr("never")
        return [(str(rank + 1), rank), (item.name, item.name), (item.area or "", item.area or ""),
                (grade_text(item), grade_text(item) or "~"), (due_on, due_on),
                (overdue, overdue_key), (last_visit, item.last_visit or ""),
                ((item.last_contact or "")[:10], item.last_contact or ""),
                (item.last_result or "", item.last_result or ""), (item.purpose, item.purpose),
                (item.reason, item.reason)]

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self.items):
            return None
        item = self.items[index.row()]
        if role == ID_ROLE:
            return item.customer_id
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, SORT_ROLE):
            text, key = self._values(index.row(), item)[index.column()]
            if role == SORT_ROLE:
                return key
            if role == Qt.ItemDataRole.ToolTipRole and index.column() == 1:
                return item.reason
            return text
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == self.OVERDUE and item.overdue:
            return QBrush(QColor(LATE_COLOUR))
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in (0, self.OVERDUE):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


# -- the plan by day ----------------------------------------------------------------

class _Node:
    """What an index points at: a day (visit None) or a visit of a day."""
    __slots__ = ("day", "visit")

    def __init__(self, day: int, visit: PlanVisit | None = None):
        self.day, self.visit = day, visit


class PlanTreeModel(QAbstractItemModel):
    ORDER, CUSTOMER, AREA, WINDOW, TIME, PURPOSE, LAST_RESULT, LOCK, OUTCOME = range(9)

    drop_requested = Signal(int, object, object)   # visit id, day (date), position (int | None)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.plan: Plan | None = None
        self.problems: dict[int, list[str]] = {}      # visit id -> what breaks the day (model.visits.visit_plan)
        self._days: list[_Node] = []
        self._visits: list[list[_Node]] = []

    def headers(self) -> list[str]:
        return ["#", self.tr("Customer"), self.tr("Area"), self.tr("Window"), self.tr("Time"),
                self.tr("Purpose"), self.tr("Last result"), self.tr("Kept"), self.tr("Outcome")]

    def set_plan(self, plan: Plan | None) -> None:
        self.beginResetModel()
        self.plan = plan
        self.problems = visit_problems(plan) if plan else {}
        days = plan.days if plan else []
        self._days = [_Node(k) for k in range(len(days))]
        self._visits = [[_Node(k, v) for v in d.visits] for k, d in enumerate(days)]
        self.endResetModel()

    # -- navigation ---------------------------------------------------------------
    def index(self, row: int, column: int, parent: QModelIndex = QModelIndex()) -> QModelIndex:
        if column < 0 or column >= len(self.headers()):
            return QModelIndex()
        if not parent.isValid():
            if 0 <= row < len(self._days):
                return self.createIndex(row, column, self._days[row])
            return QModelIndex()
        node: _Node = parent.internalPointer()
        if node.visit is None and 0 <= row < len(self._visits[node.day]):
            return self.createIndex(row, column, self._visits[node.day][row])
        return QModelIndex()

    def parent(self, index: QModelIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]
        if not index.isValid():
            return QModelIndex()
        node: _Node = index.internalPointer()
        if node.visit is None:
            return QModelIndex()
        return self.createIndex(node.day, 0, self._days[node.day])

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        if not parent.isValid():
            return len(self._days)
        if parent.column() != 0:
            return 0
        node: _Node = parent.internalPointer()
        return len(self._visits[node.day]) if node.visit is None else 0

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        return len(self.headers())

    def day_index(self, row: int) -> QModelIndex:
        return self.index(row, 0)

    def visit_index(self, visit_id: int, column: int = 0) -> QModelIndex:
        for k, nodes in enumerate(self._visits):
            for row, node in enumerate(nodes):
                if node.visit.id == visit_id:
                    return self.index(row, column, self.day_index(k))
        return QModelIndex()

    def visit_at(self, index: QModelIndex) -> PlanVisit | None:
        if not index.isValid():
            return None
        return index.internalPointer().visit

    def day_at(self, index: QModelIndex) -> PlanDay | None:
        if not index.isValid() or self.plan is None:
            return None
        return self.plan.days[index.internalPointer().day]

    # -- contents -----------------------------------------------------------------
    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or self.plan is None:
            return None
        node: _Node = index.internalPointer()
        day = self.plan.days[node.day]
        if node.visit is None:
            broken = sum(1 for v in day.visits if v.id in self.problems)
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole) and index.column() == 0:
                if broken:
                    return day_title(day) + " · " + translate("PlanModels", "{count} against the rules").format(
                        count=broken)
                return day_title(day)
            if role == Qt.ItemDataRole.ForegroundRole and broken:
                return QBrush(QColor(LATE_COLOUR))
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
            return None
        visit = node.visit
        column = index.column()
        if role == ID_ROLE:
            return visit.id
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(visit, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if visit.id in self.problems:
                return "\n".join(self.problems[visit.id])
            return self._tooltip(visit, column)
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == self.OUTCOME and visit.outcome:
                return QBrush(QColor(OUTCOME_COLOURS.get(visit.outcome, "#000000")))
            if visit.id in self.problems or (column == self.TIME and not visit.fits_window):
                return QBrush(QColor(LATE_COLOUR))
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.ORDER:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _text(self, visit: PlanVisit, column: int) -> str:
        return [str(visit.position or ""), visit.name, visit.area or "", visit.window_text,
                visit.time_text, visit.purpose or "", visit.last_result or "", lock_text(visit),
                outcome_text(visit)][column]

    def _tooltip(self, visit: PlanVisit, column: int) -> str:
        if column == self.CUSTOMER:
            lines = [visit.name, self.tr("Why: {reason}").format(reason=visit.reason)]
            if visit.coord_source is None:
                lines.append(self.tr("No position known: travel to and from it is estimated."))
            return "\n".join(lines)
        if column == self.TIME and not visit.fits_window:
            return self.tr("Outside the customer's free time ({window})").format(window=visit.window_text)
        if column == self.OUTCOME and visit.outcome:
            lines = [outcome_text(visit)]
            if visit.outcome_result:
                lines.append(self.tr("Result: {text}").format(text=visit.outcome_result))
            if visit.outcome_next_step:
                lines.append(self.tr("Next step: {text}").format(text=visit.outcome_next_step))
            return "\n".join(lines)
        if column == self.LOCK and (visit.locked or visit.pinned_day):
            return (self.tr("Kept on its day and in its place when re-optimised") if visit.locked
                    else self.tr("Kept on its day when re-optimised; the order may change"))
        return self._text(visit, column)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole):
        return column_title(self.headers(), section, orientation, role)

    # -- drag and drop ----------------------------------------------------------------
    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDropEnabled
        visit = index.internalPointer().visit
        if visit is not None and not visit.frozen:
            flags |= Qt.ItemFlag.ItemIsDragEnabled
        return flags

    def supportedDropActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:  # noqa: N802
        return [MIME]

    def mimeData(self, indexes) -> QMimeData:  # noqa: N802
        data = QMimeData()
        for index in indexes:
            visit = self.visit_at(index)
            if visit is not None and visit.id is not None:
                data.setData(MIME, str(visit.id).encode())
                break
        return data

    def canDropMimeData(self, data, action, row, column, parent) -> bool:  # noqa: N802
        return data.hasFormat(MIME) and parent.isValid()

    def drop_target(self, row: int, parent: QModelIndex, visit_id: int) -> tuple[date, int | None] | None:
        """Where a visit dropped at (row, parent) goes: its day and place (1-based, as
        ``visit_plan.move``/``reorder`` take it; None: at the end of the day)."""
        if not parent.isValid() or self.plan is None:
            return None
        node: _Node = parent.internalPointer()
        day = self.plan.days[node.day]
        if node.visit is not None:            # dropped onto a visit: take its place
            row = day.visits.index(node.visit)
        elif row < 0:                         # dropped onto the day: at the end
            return day.day, None
        current = next((k for k, v in enumerate(day.visits) if v.id == visit_id), None)
        if current is not None:               # the same day: a new place in the order
            place = row if row > current else row + 1
            if node.visit is not None:
                place = row + 1
            return day.day, max(1, min(place, len(day.visits)))
        return day.day, row + 1

    def dropMimeData(self, data, action, row, column, parent) -> bool:  # noqa: N802
        if not data.hasFormat(MIME):
            return False
        try:
            visit_id = int(bytes(data.data(MIME)).decode())
        except ValueError:
            return False
        target = self.drop_target(row, parent, visit_id)
        if target is not None:
            self.drop_requested.emit(visit_id, target[0], target[1])
        # The page changes the plan and reloads it; the view must not remove the dragged row.
        return False


class PlanListModel(_RowsModel):
    """Visits a plan leaves out: not planned (with why) or removed by hand."""

    def headers(self) -> list[str]:
        return [self.tr("Customer"), self.tr("Area"), self.tr("Tier / grade"), self.tr("Why")]

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self.items):
            return None
        visit = self.items[index.row()]
        if role == ID_ROLE:
            return visit.id
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            removed = self.tr("Removed by hand") if visit.status == "removed" else ""
            why = visit.unplanned_detail or removed
            return [visit.name, visit.area or "", grade_text(visit), why][index.column()]
        return None
