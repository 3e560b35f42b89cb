"""Which customers the list shows: the filter, the filter bar and saved views.

A :class:`CustomerFilter` is plain data that turns into an SQL condition; the
table model runs it. Dimension codes combine the way personas do: codes of the
same dimension are alternatives (OR), different dimensions must all hold (AND).

Saved views are kept in QSettings (``customers/saved_views``), i.e. per user
and machine, not in the archive: a view is a manager's way of looking, and the
same views then work on any archive they open (a filter naming an area or
manager an archive lacks simply shows no one). Two views are built in and
cannot be deleted: all customers and the red list (红名单: no usable phone).
"""
from __future__ import annotations

import json
from model.database import sqlite3
from dataclasses import dataclass, field

from PySide6.QtCore import QSignalBlocker, Signal
from PySide6.QtWidgets import (QCheckBox, QComboBox, QHBoxLayout, QLabel, QMenu, QPushButton,
                               QToolButton, QWidget)

from gui.widgets import whole_choices
from model import customers, name_order, rules, settings

NONE = ""   # in a filter: "the field is empty" (no area / no manager)


@dataclass(frozen=True)
class CustomerFilter:
    area: str | None = None          # area name; NONE = customers without an area
    area_type: str | None = None     # area-type key; NONE = area without a type
    manager: str | None = None       # NONE = no manager in charge
    codes: tuple[str, ...] = ()      # dimension value codes
    red_list: bool = False
    grades: tuple[str, ...] = ()     # "scheme:value" ("scheme:" = not graded), see gui.grade_columns
    overdue: bool = False            # the next tracking date has passed

    def is_empty(self) -> bool:
        return self == CustomerFilter()

    def where(self) -> tuple[str, list]:
        """An SQL condition over ``customers c LEFT JOIN areas a`` and its parameters."""
        parts: list[str] = []
        params: list = []
        for value, column, empty in (
                (self.area, "a.name", "c.area_id IS NULL"),
                (self.area_type, "a.area_type", "(a.area_type IS NULL OR a.area_type = '')"),
                (self.manager, "c.manager", "(c.manager IS NULL OR c.manager = '')")):
            if value == NONE:
                parts.append(empty)
            elif value is not None:
                parts.append(f"{column} = ?")
                params.append(value)
        for column, codes in self.codes_by_dimension().items():
            parts.append(f"c.{column} IN ({', '.join('?' * len(codes))})")
            params.extend(codes)
        if self.red_list:
            parts.append(customers.RED_LIST_WHERE)
        if self.grades or self.overdue:
            # Imported only when used: the grading package loads pandas.
            from gui.grade_columns import grade_condition
            more, more_params = grade_condition(self.grades, self.overdue)
            parts.extend(more)
            params.extend(more_params)
        return " AND ".join(parts) or "1", params

    def codes_by_dimension(self) -> dict[str, list[str]]:
        grouped: dict[str, list[str]] = {}
        for dim in rules.dimensions():
            chosen = [v.code for v in dim.values if v.code in self.codes]
            if chosen:
                grouped[dim.column] = chosen
        return grouped

    def to_dict(self) -> dict:
        return {"area": self.area, "area_type": self.area_type, "manager": self.manager,
                "codes": list(self.codes), "red_list": self.red_list,
                "grades": list(self.grades), "overdue": self.overdue}

    @classmethod
    def from_dict(cls, data: dict) -> "CustomerFilter":
        def text(key):
            value = data.get(key)
            return value if isinstance(value, str) else None
        def strings(key):
            return tuple(c for c in data.get(key) or [] if isinstance(c, str))
        return cls(text("area"), text("area_type"), text("manager"), strings("codes"),
                   bool(data.get("red_list")), strings("grades"), bool(data.get("overdue")))


@dataclass(frozen=True)
class SavedView:
    name: str                         # shown as is (a user's view) or a builtin key
    filter: CustomerFilter = field(default_factory=CustomerFilter)
    sort: tuple[str, bool] | None = None   # (column key, descending)
    builtin: str = ""                 # "all" / "red_list" for the built-in views


def builtin_views() -> list[SavedView]:
    return [SavedView("", CustomerFilter(), None, "all"),
            SavedView("", CustomerFilter(red_list=True), None, "red_list")]


def load_views() -> list[SavedView]:
    """The built-in views, then the user's, in the order they were saved."""
    try:
        stored = json.loads(settings.get(settings.SAVED_VIEWS) or "[]")
    except ValueError:
        stored = []
    views = builtin_views()
    for item in stored if isinstance(stored, list) else []:
        if not isinstance(item, dict) or not isinstance(item.get("name"), str):
            continue
        sort = item.get("sort")
        sort = (str(sort[0]), bool(sort[1])) if isinstance(sort, list) and len(sort) == 2 else None
        views.append(SavedView(item["name"], CustomerFilter.from_dict(item.get("filter") or {}),
                               sort))
    return views


def save_views(views: list[SavedView]) -> None:
    settings.put(settings.SAVED_VIEWS, json.dumps(
        [{"name": v.name, "filter": v.filter.to_dict(), "sort": list(v.sort) if v.sort else None}
         for v in views if not v.builtin], ensure_ascii=False))


def store_view(view: SavedView) -> None:
    """Add a user's view, replacing one of the same name."""
    views = [v for v in load_views() if v.builtin or v.name != view.name]
    save_views([*views, view])


def remove_view(name: str) -> None:
    save_views([v for v in load_views() if v.builtin or v.name != name])


def filter_choices(conn: sqlite3.Connection) -> tuple[list[str], list[str]]:
    """The areas and managers the archive's customers have, for the filter bar (pinyin order)."""
    return name_order.area_names_in_use(conn), name_order.managers(conn)


class FilterBar(QWidget):
    """Area, area type, manager and dimension-code choices above the customer list."""

    changed = Signal(object)     # the new CustomerFilter

    def __init__(self, language: str, parent: QWidget | None = None):
        super().__init__(parent)
        self._language = language
        self._code_actions: dict = {}
        self.area = self._combo(self.tr("Filter by area"))
        self.area_type = self._combo(self.tr("Filter by area type"))
        # A few fixed types, some long in English ("Residential community"): each whole.
        whole_choices(self.area_type)
        self.manager = self._combo(self.tr("Filter by the manager in charge"))
        self.area_type.addItem(self.tr("All area types"), None)
        self.area_type.addItem(self.tr("(no area type)"), NONE)
        for kind in rules.area_types():
            self.area_type.addItem(kind.label(language), kind.key)
        self.dimensions = QPushButton()
        self.dimensions.setToolTip(self.tr("Filter by segmentation codes: codes of one dimension "
                                           "are alternatives; different dimensions must all match"))
        self._menu = QMenu(self.dimensions)
        for dim in rules.dimensions():
            sub = self._menu.addMenu(f"{dim.number}. {dim.label(language)}")
            for value in dim.values:
                action = sub.addAction(f"{value.code} {value.label(language)}")
                action.setCheckable(True)
                action.toggled.connect(self._emit)
                self._code_actions[value.code] = action
        self._menu.addSeparator()
        self._menu.addAction(self.tr("Clear segment choices"), self._clear_codes)
        self.dimensions.setMenu(self._menu)
        self.grades = None          # the grade menu, once grading is loaded (add_grade_menu)
        self._grade_choice: tuple[tuple[str, ...], bool] = ((), False)
        self.red_list = QCheckBox(self.tr("&Red list only"))
        self.red_list.setToolTip(self.tr("Customers without a usable phone number (红名单), "
                                         "for data clean-up"))
        self.clear_button = QToolButton()
        self.clear_button.setText(self.tr("Clear filters"))
        self.clear_button.clicked.connect(lambda: self.set_filter(CustomerFilter(), emit=True))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        label = QLabel(self.tr("Show:"))
        layout.addWidget(label)
        for widget in (self.area, self.area_type, self.manager, self.dimensions,
                       self.red_list, self.clear_button):
            layout.addWidget(widget)
        layout.addStretch(1)
        self.set_choices([], [])
        for combo in (self.area, self.area_type, self.manager):
            combo.currentIndexChanged.connect(self._emit)
        self.red_list.toggled.connect(self._emit)
        self._update_texts()

    def _combo(self, tip: str) -> QComboBox:
        combo = QComboBox()
        combo.setToolTip(tip)
        # Wide enough for short names; the list that drops down shows long ones whole,
        # and the bar still fits a small screen.
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(9)
        combo.setMaxVisibleItems(25)
        return combo

    def set_choices(self, areas: list[str], managers: list[str]) -> None:
        """Fill the area and manager lists (see :func:`filter_choices`), keeping the
        current choice."""
        current = self.filter()
        with QSignalBlocker(self.area), QSignalBlocker(self.manager):
            self.area.clear()
            self.area.addItem(self.tr("All areas"), None)
            self.area.addItem(self.tr("(no area)"), NONE)
            for name in areas:
                self.area.addItem(name, name)
            self.manager.clear()
            self.manager.addItem(self.tr("All managers"), None)
            self.manager.addItem(self.tr("(no manager)"), NONE)
            for name in managers:
                self.manager.addItem(name, name)
        self.set_filter(current)

    def add_grade_menu(self, button) -> None:
        """Add the grades menu (``gui.grade_columns.GradeFilterButton``) after the segments."""
        self.grades = button
        layout = self.layout()
        layout.insertWidget(layout.indexOf(self.dimensions) + 1, button)
        button.changed.connect(self._emit)
        button.set_choice(*self._grade_choice)

    def filter(self) -> CustomerFilter:
        codes = tuple(code for code, action in self._code_actions.items() if action.isChecked())
        grades, overdue = ((self.grades.grades(), self.grades.overdue()) if self.grades
                           else self._grade_choice)
        return CustomerFilter(self.area.currentData(), self.area_type.currentData(),
                              self.manager.currentData(), codes, self.red_list.isChecked(),
                              grades, overdue)

    def set_filter(self, flt: CustomerFilter, emit: bool = False) -> None:
        blockers = [QSignalBlocker(w) for w in (self.area, self.area_type, self.manager,
                                                self.red_list, *self._code_actions.values())]
        for combo, value in ((self.area, flt.area), (self.area_type, flt.area_type),
                             (self.manager, flt.manager)):
            index = combo.findData(value) if value is not None else 0
            if index < 0 and value is not None:   # e.g. an area this archive lacks
                combo.addItem(value, value)
                index = combo.count() - 1
            combo.setCurrentIndex(max(index, 0))
        for code, action in self._code_actions.items():
            action.setChecked(code in flt.codes)
        self.red_list.setChecked(flt.red_list)
        self._grade_choice = (flt.grades, flt.overdue)
        if self.grades is not None:
            self.grades.set_choice(flt.grades, flt.overdue)
        del blockers
        self._update_texts()
        if emit:
            self.changed.emit(self.filter())

    def _clear_codes(self) -> None:
        for action in self._code_actions.values():
            with QSignalBlocker(action):
                action.setChecked(False)
        self._emit()

    def _emit(self, *_args) -> None:
        self._update_texts()
        self.changed.emit(self.filter())

    def _update_texts(self) -> None:
        chosen = sum(a.isChecked() for a in self._code_actions.values())
        self.dimensions.setText(self.tr("Segments ({count})").format(count=chosen) if chosen
                                else self.tr("Segments"))
        self.clear_button.setEnabled(not self.filter().is_empty())

