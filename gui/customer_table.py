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
import sqlite3
from array import array
from collections import OrderedDict
from typing import Any, Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from gui.columns import Column
from model import customers
from gui.customer_filters import CustomerFilter

FROM = " FROM customers c LEFT JOIN areas a ON a.id = c.area_id"

Index = QModelIndex | QPersistentModelIndex


class CustomerTableModel(QAbstractTableModel):
    PAGE_SIZE = 200
    CACHED_PAGES = 40        # 8,000 rows of text at most

    def __init__(self, conn: sqlite3.Connection, columns: list[Column],
                 parent: QObject | None = None):
        super().__init__(parent)
        self._conn = conn
        self._columns = list(columns)
        self._filter = CustomerFilter()
        self._search: list[int] | None = None     # ranked ids while a search is active
        self._sort: tuple[int, Qt.SortOrder] | None = (0, Qt.SortOrder.AscendingOrder)
        self._ids = array("q")
        self._pages: OrderedDict[int, list[tuple[str, ...]]] = OrderedDict()
        self._select_sql = "SELECT c.id, " + ", ".join(c.select for c in self._columns) + FROM
        self._total = 0
        self._build(recount=True)

    # -- what to show --------------------------------------------------------
    @property
    def columns(self) -> list[Column]:
        return list(self._columns)

    def set_filter(self, flt: CustomerFilter) -> None:
        if flt != self._filter:
            self._filter = flt
            self.refresh()

    def current_filter(self) -> CustomerFilter:
        return self._filter

    def set_search(self, ranked_ids: Sequence[int] | None) -> None:
        """Show only these customers, best first (None: leave search)."""
        self._search = None if ranked_ids is None else [int(i) for i in ranked_ids]
        self.refresh()

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
        after customers were added, changed or deleted."""
        self.beginResetModel()
        self._build(recount=data_changed)
        self.endResetModel()

    def _order_by(self) -> str:
        if self._sort is None:
            return "j.key" if self._search is not None else "+c.name, c.id"
        column, order = self._sort
        col = self._columns[column]
        direction = "DESC" if order == Qt.SortOrder.DescendingOrder else "ASC"
        nulls = " NULLS LAST" if col.nullable else ""
        return f"{col.sort_expression} {direction}{nulls}, c.id {direction}"

    def _build(self, recount: bool = True) -> None:
        where, params = self._filter.where()
        sql = "SELECT c.id" + FROM
        if self._search is not None:
            sql += " JOIN json_each(?) j ON j.value = c.id"
            params = [json.dumps(self._search), *params]
        sql += f" WHERE c.deleted_at IS NULL AND {where} ORDER BY {self._order_by()}"
        cursor = self._conn.cursor()
        cursor.row_factory = None
        # fetchall, chain and array all run in C: ~10 ms for 100,000 ids.
        self._ids = array("q", itertools.chain.from_iterable(cursor.execute(sql, params).fetchall()))
        self._pages.clear()
        if recount:
            self._total = customers.count(self._conn)

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
            return row[index.column()]
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
