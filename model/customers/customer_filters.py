"""Which customers the list shows: the filter and the saved views (the model's part;
``gui.customers.customer_filters`` holds the filter bar).

A :class:`CustomerFilter` is plain data that turns into an SQL condition over
``customers c LEFT JOIN areas a``. Dimension codes combine the way personas do:
codes of the same dimension are alternatives (OR), different dimensions must all
hold (AND).

Saved views are kept in QSettings (``customers/saved_views``), i.e. per user
and machine, not in the archive: a view is a manager's way of looking, and the
same views then work on any archive they open (a filter naming an area or
manager an archive lacks simply shows no one). Two views are built in and
cannot be deleted: all customers and the red list (红名单: no usable phone).
The CLI takes a user's view by name (``export --view``, ``plan --view``,
``handover --view``).
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field

from model.customers import customers
from model.archive import database
from model.core import name_order, rules, settings
from model.archive.database import sqlite3
from model.core.i18n import translate


class UnknownView(database.ArchiveError):
    """No saved view has the name given."""


NONE = ""   # in a filter: "the field is empty" (no area / no manager)


@dataclass(frozen=True)
class CustomerFilter:
    area: str | None = None          # area name; NONE = customers without an area
    area_type: str | None = None     # area-type key; NONE = area without a type
    manager: str | None = None       # NONE = no manager in charge
    codes: tuple[str, ...] = ()      # dimension value codes
    red_list: bool = False
    grades: tuple[str, ...] = ()     # "scheme:value" ("scheme:" = not graded), see model.grading.list_sql
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
            from model.grading.list_sql import grade_condition
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


def find_view(name: str) -> SavedView:
    """The user's saved view of this name; an :class:`UnknownView` error when there is none."""
    view = next((v for v in load_views() if v.name == name and not v.builtin), None)
    if view is None:
        raise UnknownView(translate("CLI", "There is no saved view named '{name}'.").format(name=name))
    return view


def view_where(name: str) -> tuple[str, list]:
    """The SQL condition of the saved view ``name`` (see :meth:`CustomerFilter.where`)."""
    return find_view(name).filter.where()


def customer_ids(conn: sqlite3.Connection, flt: CustomerFilter) -> list[int]:
    """The ids of the customers (not deleted) the filter lets through, in id order."""
    where, params = flt.where()
    return [r[0] for r in conn.execute(
        f"SELECT c.id FROM customers c LEFT JOIN areas a ON a.id = c.area_id"
        f" WHERE c.deleted_at IS NULL AND {where} ORDER BY c.id", params)]


def customer_count(conn: sqlite3.Connection, flt: CustomerFilter) -> int:
    """How many customers (not deleted) the filter lets through: a saved view's count."""
    where, params = flt.where()
    return conn.execute(f"SELECT count(*) FROM customers c LEFT JOIN areas a ON a.id = c.area_id"
                        f" WHERE c.deleted_at IS NULL AND {where}", params).fetchone()[0]


def view_customer_ids(conn: sqlite3.Connection, name: str) -> list[int]:
    """The customers of the saved view ``name``, in id order."""
    return customer_ids(conn, find_view(name).filter)
