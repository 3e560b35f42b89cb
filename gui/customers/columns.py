"""The customer list's columns: declared once, chosen and ordered by the user.

A column is a declaration (key, header, SQL expression, formatter); adding
one, e.g. a grade, is adding a :class:`Column` to :func:`customer_columns`.
SQL expressions see ``customers c LEFT JOIN areas a ON a.id = c.area_id``.

Which columns show, their order and widths are kept in QSettings by column
key (not by position), so a column added in a later version simply appears
at its default place.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QHBoxLayout, QHeaderView, QLabel,
                               QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget)

from model.core import rules, settings
from model.core.i18n import translate


def _text(value: Any) -> str:
    return "" if value is None else str(value)


@dataclass(frozen=True)
class Column:
    key: str
    header: str                       # already translated
    select: str                       # SQL expression giving the raw value
    format: Callable[[Any], str] = _text
    sort: str | None = None           # SQL expression to order by (default: ``select``)
    nullable: bool = True             # NULLs sort last whichever the direction
    visible_by_default: bool = True
    tooltip: str = ""
    chars: int = 9                    # default width, in digits (headers never clip)

    @property
    def sort_expression(self) -> str:
        return self.sort or self.select


# One primary-key lookup per row; the key counts only while it is for the current name.
NAME_SORT = ("coalesce((SELECT s.sort_key FROM search_index s"
             " WHERE s.customer_id = c.id AND s.name = c.name), c.name)")
AREA_SORT = ("coalesce((SELECT s.sort_key FROM area_sort s"
             " WHERE s.area_id = a.id AND s.name = a.name), a.name)")

KEY_PERSON = "(SELECT group_concat(ci.name, '、') FROM circles ci WHERE ci.centre_id = c.id)"


def sort_case(column: str, mapping: dict[str, int]) -> str:
    """An ORDER BY expression putting stored keys in a chosen order (cheap, no join)."""
    whens = " ".join(f"WHEN '{key}' THEN {rank}" for key, rank in mapping.items())
    return f"CASE {column} {whens} ELSE NULL END"


def lookup(labels: dict[str, str]) -> Callable[[Any], str]:
    return lambda value: "" if value is None else labels.get(value, str(value))


def _birth_date(value: Any) -> str:
    from gui.common.widgets import birth_date_text   # not at import: gui.common.widgets loads model.customers.search
    return birth_date_text(value)


def customer_columns(language: str) -> list[Column]:
    """Every column the customer list can show, in default order."""
    genders = {"male": translate("Columns", "Male"), "female": translate("Columns", "Female")}
    area_types = {a.key: a.label(language) for a in rules.area_types()}
    columns = [
        # Pinyin order (model.customers.search.sort_key, kept by search.refresh()); a customer
        # added or renamed since the last refresh sorts by its name meanwhile.
        Column("name", translate("Columns", "Name"), "c.name", sort=NAME_SORT, nullable=False,
               chars=8),
        # The centre (圆心) of a circle is a key person: the column names their circles.
        Column("key_person", translate("Columns", "Key person"), KEY_PERSON, chars=10,
               tooltip=translate("Columns", "The circles the customer is the centre (圆心) of")),
        Column("gender", translate("Columns", "Gender"), "c.gender", lookup(genders), chars=6),
        Column("phone", translate("Columns", "Phone"), "c.phone", chars=12),
        Column("area", translate("Columns", "Area"), "a.name", sort=AREA_SORT, chars=12),
        Column("area_type", translate("Columns", "Area type"), "a.area_type", lookup(area_types),
               sort=sort_case("a.area_type", {k: i for i, k in enumerate(area_types)}), chars=19),
        Column("manager", translate("Columns", "Manager"), "c.manager"),
        Column("birth_date", translate("Columns", "Birth date"), "c.birth_date",
               _birth_date, chars=10),
        Column("occupation", translate("Columns", "Occupation"), "c.occupation", chars=10),
        Column("created_on", translate("Columns", "Created"), "c.created_on", nullable=False, chars=10),
        Column("last_contact", translate("Columns", "Last contact"),
               # One index seek per row on contacts(customer_id, contact_date).
               "(SELECT max(contact_date) FROM contacts WHERE customer_id = c.id)", chars=10),
    ]
    for dim in rules.dimensions():
        labels = {v.code: v.label(language) for v in dim.values}
        columns.append(Column(
            dim.column, dim.label(language), f"c.{dim.column}", lookup(labels),
            visible_by_default=not dim.sensitive, chars=12,
            tooltip=(translate("Columns", "Sensitive: hidden unless you choose to show it.")
                     if dim.sensitive else "")))
    return columns


# -- the user's choice ---------------------------------------------------------

@dataclass
class ColumnChoice:
    key: str
    visible: bool
    width: int = 0       # 0: the view's default


def default_choice(columns: list[Column]) -> list[ColumnChoice]:
    return [ColumnChoice(c.key, c.visible_by_default) for c in columns]


def load_choice(columns: list[Column]) -> list[ColumnChoice]:
    """The remembered choice, completed with columns it does not know yet."""
    try:
        stored = json.loads(settings.get(settings.CUSTOMER_COLUMNS) or "[]")
    except ValueError:
        stored = []
    known = {c.key: c for c in columns}
    choice: list[ColumnChoice] = []
    for item in stored if isinstance(stored, list) else []:
        if isinstance(item, dict) and item.get("key") in known and \
                item["key"] not in {c.key for c in choice}:
            choice.append(ColumnChoice(item["key"], bool(item.get("visible", True)),
                                       int(item.get("width", 0) or 0)))
    if not choice:
        return default_choice(columns)
    seen = {c.key for c in choice}
    for position, column in enumerate(columns):
        if column.key not in seen:   # new in this version: at its default place
            choice.insert(min(position, len(choice)),
                          ColumnChoice(column.key, column.visible_by_default))
    return choice


def save_choice(choice: list[ColumnChoice]) -> None:
    settings.put(settings.CUSTOMER_COLUMNS, json.dumps(
        [{"key": c.key, "visible": c.visible, "width": c.width} for c in choice]))


def default_width(header: QHeaderView, column: Column) -> int:
    metrics = header.fontMetrics()
    # Room for the header text and the sort arrow, so no label is clipped.
    return max(metrics.horizontalAdvance("0") * column.chars,
               metrics.horizontalAdvance(column.header) + 3 * metrics.height()) + 8


def apply_choice(header: QHeaderView, columns: list[Column], choice: list[ColumnChoice]) -> None:
    """Show, hide, order and size the header's sections as chosen."""
    logical = {c.key: i for i, c in enumerate(columns)}
    for index, column in enumerate(columns):
        header.resizeSection(index, default_width(header, column))
    for visual, item in enumerate(choice):
        index = logical[item.key]
        header.moveSection(header.visualIndex(index), visual)
        header.setSectionHidden(index, not item.visible)
        if item.width > 0:
            header.resizeSection(index, item.width)
    if all(header.isSectionHidden(i) for i in range(header.count())):
        header.setSectionHidden(logical.get("name", 0), False)


def read_choice(header: QHeaderView, columns: list[Column]) -> list[ColumnChoice]:
    """The header's current order, visibility and widths."""
    order = sorted(range(header.count()), key=header.visualIndex)
    return [ColumnChoice(columns[i].key, not header.isSectionHidden(i),
                         header.sectionSize(i)) for i in order]


class ColumnChooser(QDialog):
    """Tick the columns to show and put them in order."""

    def __init__(self, columns: list[Column], choice: list[ColumnChoice], parent: QWidget | None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Choose columns"))
        self._columns = {c.key: c for c in columns}
        self._widths = {c.key: c.width for c in choice}
        self.list = QListWidget()
        self.list.setDragDropMode(QListWidget.DragDropMode.InternalMove)
        for item in choice:
            self._add_row(item.key, item.visible)
        self.list.setCurrentRow(0)
        up, down = QPushButton(self.tr("Move &up")), QPushButton(self.tr("Move &down"))
        reset = QPushButton(self.tr("&Default columns"))
        up.clicked.connect(lambda: self._move(-1))
        down.clicked.connect(lambda: self._move(1))
        reset.clicked.connect(self._reset)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        side = QVBoxLayout()
        for button in (up, down, reset):
            side.addWidget(button)
        side.addStretch(1)
        body = QHBoxLayout()
        body.addWidget(self.list, 1)
        body.addLayout(side)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Tick the columns to show; drag or move them to "
                                        "change their order.")))
        layout.addLayout(body)
        layout.addWidget(buttons)

    def _add_row(self, key: str, visible: bool) -> None:
        column = self._columns[key]
        row = QListWidgetItem(column.header)
        row.setData(Qt.ItemDataRole.UserRole, key)
        row.setFlags(row.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        row.setCheckState(Qt.CheckState.Checked if visible else Qt.CheckState.Unchecked)
        if column.tooltip:
            row.setToolTip(column.tooltip)
        self.list.addItem(row)

    def _move(self, step: int) -> None:
        row = self.list.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.list.count():
            return
        item = self.list.takeItem(row)
        self.list.insertItem(target, item)
        self.list.setCurrentRow(target)

    def _reset(self) -> None:
        self.list.clear()
        for column in self._columns.values():
            self._add_row(column.key, column.visible_by_default)
        self.list.setCurrentRow(0)

    def choice(self) -> list[ColumnChoice]:
        items = [self.list.item(i) for i in range(self.list.count())]
        result = [ColumnChoice(item.data(Qt.ItemDataRole.UserRole),
                               item.checkState() == Qt.CheckState.Checked,
                               self._widths.get(item.data(Qt.ItemDataRole.UserRole), 0))
                  for item in items]
        if not any(c.visible for c in result):
            result[0].visible = True
        return result

    @classmethod
    def ask(cls, parent: QWidget | None, columns: list[Column],
            choice: list[ColumnChoice]) -> list[ColumnChoice] | None:
        dialog = cls(columns, choice, parent)
        return dialog.choice() if dialog.exec() == QDialog.DialogCode.Accepted else None
