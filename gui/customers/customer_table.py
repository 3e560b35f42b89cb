"""The customer list's item model: 100,000 customers without 100,000 Python objects.

The model keeps one thing per row: the customer id, in an ``array('q')`` ordered
by the current sort and limited by the current filter or search (one SQL query
with ``ORDER BY`` builds it). The text of the rows is fetched only for the
pages the view asks for (``WHERE c.id IN (...)`` over one page of ids) and a
small LRU cache keeps the pages around the visible ones.

Sorting and filtering happen here, in SQL, rather than in a
``QSortFilterProxyModel``: a proxy has to see every row, which is exactly the
loading this model avoids. ``sort()`` is the Qt entry point, so a
``QTableView`` with sorting enabled drives it from its header.
"""
from __future__ import annotations

import itertools
import json
from model.archive.database import sqlite3
from array import array
from collections import OrderedDict
from typing import Any, Callable, Sequence

import shiboken6
from PySide6.QtCore import (QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt,
                            Signal)
from PySide6.QtGui import QGuiApplication, QPalette

from gui.customers.columns import Column
from model.customers import customers
from model.customers.customer_filters import CustomerFilter
from gui.common.tasks import run_task, show_error

FROM = " FROM customers c LEFT JOIN areas a ON a.id = c.area_id"

Index = QModelIndex | QPersistentModelIndex


def _fetch_ids(conn: sqlite3.Connection, sql: str, params: list) -> array:
    cursor = conn.cursor()
    cursor.row_factory = None
    # fetchall, chain and array all run in C: ~10 ms for 100,000 ids.
    return array("q", itertools.chain.from_iterable(cursor.execute(sql, params).fetchall()))


class CustomerTableModel(QAbstractTableModel):
    PAGE_SIZE = 200
    CACHED_PAGES = 40        # 8,000 rows of text at most

    # Above this many customers a new sort or filter is worked out in a worker
    # (sorting 100,000 rows takes a few hundred ms); the list keeps its old order
    # until the new one is ready. Below it the query is quicker than a thread hop.
    ASYNC_ABOVE = 20_000

    busy_changed = Signal(bool)     # a new order is being worked out in the background

    def __init__(self, conn: sqlite3.Connection, columns: list[Column],
                 parent: QObject | None = None,
                 reader: Callable[[], sqlite3.Connection] | None = None):
        """``reader`` makes connections for a worker thread (``archive.reader``);
        without it every query runs on the calling thread."""
        super().__init__(parent)
        self._conn = conn
        self._reader = reader
        self._generation = 0          # drops results of queries overtaken by newer ones
        self._busy = False
        self._columns = list(columns)
        self._filter = CustomerFilter()
        self._search: list[int] | None = None     # ranked ids while a search is active
        self._deleted: frozenset[int] = frozenset()  # deleted customers among them (shown greyed)
        self._sort: tuple[int, Qt.SortOrder] | None = (0, Qt.SortOrder.AscendingOrder)
        self._pages: OrderedDict[int, list[tuple[str, ...]]] = OrderedDict()
        self._select_sql = "SELECT c.id, " + ", ".join(c.select for c in self._columns) + FROM
        self._total = customers.count(conn)
        self._ids = _fetch_ids(conn, *self._ids_query())

    # -- what to show --------------------------------------------------------
    @property
    def columns(self) -> list[Column]:
        return list(self._columns)

    def add_columns(self, more: list[Column]) -> None:
        """Append columns (e.g. the grades, once grading is loaded)."""
        sort_key = self.sort_key()
        self.beginResetModel()
        self._columns.extend(more)
        self._select_sql = "SELECT c.id, " + ", ".join(c.select for c in self._columns) + FROM
        self._pages.clear()
        self.endResetModel()
        if sort_key is not None:   # the sort column's index is unchanged: appended after it
            self._sort = ([c.key for c in self._columns].index(sort_key[0]), self._sort[1])

    def set_filter(self, flt: CustomerFilter) -> None:
        if flt != self._filter:
            self._filter = flt
            self.refresh()

    def current_filter(self) -> CustomerFilter:
        return self._filter

    def set_search(self, ranked_ids: Sequence[int] | None, deleted: Sequence[int] = ()) -> None:
        """Show only these customers, best first (None: leave search). ``deleted``: the
        deleted customers among them (the search's "deleted too"), shown greyed and
        marked; without them deleted customers never show."""
        self._search = None if ranked_ids is None else [int(i) for i in ranked_ids]
        self._deleted = frozenset(int(i) for i in deleted) if ranked_ids is not None else frozenset()
        self.refresh()

    def is_deleted(self, row: int) -> bool:
        """A deleted customer shown by the search (opening it offers Restore)."""
        return bool(self._deleted) and self.customer_id(row) in self._deleted

    def searching(self) -> bool:
        return self._search is not None

    def set_sort(self, key: str | None, descending: bool = False) -> None:
        """Sort by a column key (None: rank order while searching, else by name)."""
        keys = [c.key for c in self._columns]
        if key in keys:
            order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
            self.sort(keys.index(key), order)
        else:
            self.sort(-1)

    def sort_key(self) -> tuple[str, bool] | None:
        if self._sort is None:
            return None
        column, order = self._sort
        return self._columns[column].key, order == Qt.SortOrder.DescendingOrder

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        new = (column, order) if 0 <= column < len(self._columns) else None
        if new == self._sort:
            return
        self._sort = new
        self.refresh()

    def refresh(self, data_changed: bool = False) -> None:
        """Run the query again: after a filter or sort change, or (``data_changed``)
        after customers were added, changed or deleted (then at once, so the
        change shows as soon as the editor closes)."""
        self._generation += 1
        sql, params = self._ids_query()
        if self._reader is not None and not data_changed and self._search is None \
                and self._total > self.ASYNC_ABOVE:
            self._in_background(self._generation, sql, params)
            return
        if data_changed:
            self._total = customers.count(self._conn)
        self._show(self._generation, _fetch_ids(self._conn, sql, params))

    def busy(self) -> bool:
        return self._busy

    def _in_background(self, generation: int, sql: str, params: list) -> None:
        reader = self._reader

        def work(progress):
            conn = reader()
            try:
                return _fetch_ids(conn, sql, params)
            finally:
                conn.close()

        def failed(exc: BaseException) -> None:
            if shiboken6.isValid(self) and generation == self._generation:
                self._set_busy(False)
            show_error(None, exc)
        self._set_busy(True)
        run_task(None, work, on_success=lambda ids: self._show(generation, ids),
                 on_failure=failed)

    def _set_busy(self, busy: bool) -> None:
        if busy != self._busy:
            self._busy = busy
            self.busy_changed.emit(busy)

    def _show(self, generation: int, ids: array) -> None:
        if not shiboken6.isValid(self) or generation != self._generation:
            return    # closed meanwhile, or a newer sort or filter was asked for
        self.beginResetModel()
        self._ids = ids
        self._pages.clear()
        self.endResetModel()
        self._set_busy(False)

    def _order_by(self) -> str:
        if self._sort is None:
            return "j.key" if self._search is not None else "+c.name, c.id"
        column, order = self._sort
        col = self._columns[column]
        direction = "DESC" if order == Qt.SortOrder.DescendingOrder else "ASC"
        nulls = " NULLS LAST" if col.nullable else ""
        return f"{col.sort_expression} {direction}{nulls}, c.id {direction}"

    def _ids_query(self) -> tuple[str, list]:
        where, params = self._filter.where()
        sql = "SELECT c.id" + FROM
        if self._search is not None:
            sql += " JOIN json_each(?) j ON j.value = c.id"
            params = [json.dumps(self._search), *params]
        # Deleted customers only as search hits the search was asked to include.
        live = "(c.deleted_at IS NULL OR c.id IN (SELECT value FROM json_each(?)))"
        if self._deleted:
            params = [*params[:1], json.dumps(sorted(self._deleted)), *params[1:]]
        else:
            live = "c.deleted_at IS NULL"
        sql += f" WHERE {live} AND {where} ORDER BY {self._order_by()}"
        return sql, params

    # -- facts for the window ------------------------------------------------
    def total(self) -> int:
        """Customers in the archive (not only those shown)."""
        return self._total

    def customer_id(self, row: int) -> int | None:
        return int(self._ids[row]) if 0 <= row < len(self._ids) else None

    def row_of(self, customer_id: int) -> int | None:
        try:
            return self._ids.index(customer_id)
        except ValueError:
            return None

    def view_ids(self) -> list[int] | None:
        """The shown ids in order, or None when every customer is shown."""
        if self._filter.is_empty() and self._search is None:
            return None
        return self._ids.tolist()

    # -- Qt's side -----------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else int(len(self._ids))

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._columns):
            return None
        column = self._columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.header
        if role == Qt.ItemDataRole.ToolTipRole:
            return column.tooltip or None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._ids):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            row = self._page(index.row() // self.PAGE_SIZE)[index.row() % self.PAGE_SIZE]
            text = row[index.column()]
            if self.is_deleted(index.row()):
                if role == Qt.ItemDataRole.ToolTipRole:
                    return self.tr("Deleted. Open the customer to restore them.")
                if self._columns[index.column()].key == "name":
                    return self.tr("{name} (deleted)").format(name=text)
            return text
        if role == Qt.ItemDataRole.ForegroundRole and self.is_deleted(index.row()):
            return QGuiApplication.palette().color(QPalette.ColorGroup.Disabled,
                                                   QPalette.ColorRole.Text)
        if role == Qt.ItemDataRole.UserRole:
            return int(self._ids[index.row()])
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | \
            Qt.ItemFlag.ItemNeverHasChildren

    def _page(self, number: int) -> list[tuple[str, ...]]:
        page = self._pages.get(number)
        if page is not None:
            self._pages.move_to_end(number)
            return page
        ids = self._ids[number * self.PAGE_SIZE:(number + 1) * self.PAGE_SIZE].tolist()
        cursor = self._conn.cursor()
        cursor.row_factory = None
        found = {}
        for raw in cursor.execute(self._select_sql + " WHERE c.id IN (SELECT value FROM"
                                  " json_each(?))", (json.dumps(ids),)):
            found[raw[0]] = tuple(col.format(value) for col, value in zip(self._columns, raw[1:]))
        blank = ("",) * len(self._columns)   # deleted since the list was built
        page = [found.get(i, blank) for i in ids]
        self._pages[number] = page
        if len(self._pages) > self.CACHED_PAGES:
            self._pages.popitem(last=False)
        return page
