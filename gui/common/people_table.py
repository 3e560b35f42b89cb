"""An editable list of contact people: name, role, phone and the KeyMan (the decision
maker, DOMAIN §2a) marked, at most one. Used for a partner's contacts; shared so other
records with people (e.g. a key account's) edit them the same way.

    table = PeopleTable(parent)
    table.set_people([Person("王老板", "总经理", "13800138000", True)])
    people = table.people()
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QHeaderView, QPushButton, QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QWidget)


@dataclass
class Person:
    name: str
    role: str | None = None
    phone: str | None = None
    keyman: bool = False


class PeopleTable(QWidget):
    """Rows of people, edited in place (F2 or typing); the KeyMan column is a check box."""

    NAME, ROLE, PHONE, KEYMAN = range(4)
    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.table = QTableWidget(0, 4, self)
        self.table.setObjectName("people_table")
        self.table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Role"), self.tr("Phone"), self.tr("KeyMan")])
        self.table.horizontalHeaderItem(self.KEYMAN).setToolTip(self.tr("The decision maker; at most one"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setTabKeyNavigation(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        em = self.fontMetrics().horizontalAdvance("M")
        for column, width in ((self.NAME, 10), (self.ROLE, 10), (self.PHONE, 10)):
            header.resizeSection(column, em * width)
        self.table.itemChanged.connect(self._item_changed)
        self.add_button = QPushButton(self.tr("Add &person"), self)
        self.add_button.setObjectName("add_person")
        self.add_button.clicked.connect(lambda: self.add_person())
        self.remove_button = QPushButton(self.tr("Re&move person"), self)
        self.remove_button.clicked.connect(self.remove_current)
        for button in (self.add_button, self.remove_button):
            button.setAutoDefault(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self._loading = False

    def set_people(self, people: Sequence[Person]) -> None:
        self._loading = True
        self.table.setRowCount(0)
        for person in people:
            self._append(person)
        self._loading = False

    def _append(self, person: Person) -> int:
        row = self.table.rowCount()
        self.table.insertRow(row)
        for column, value in ((self.NAME, person.name), (self.ROLE, person.role), (self.PHONE, person.phone)):
            self.table.setItem(row, column, QTableWidgetItem(value or ""))
        mark = QTableWidgetItem()
        mark.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
        mark.setCheckState(Qt.CheckState.Checked if person.keyman else Qt.CheckState.Unchecked)
        self.table.setItem(row, self.KEYMAN, mark)
        return row

    def add_person(self, person: Person | None = None) -> int:
        """Add a row (empty: ready to type the name) and go to it."""
        self._loading = True
        row = self._append(person or Person(""))
        self._loading = False
        self.table.setCurrentCell(row, self.NAME)
        if person is None:
            self.table.editItem(self.table.item(row, self.NAME))
        self.changed.emit()
        return row

    def remove_current(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)
            self.changed.emit()

    def _item_changed(self, item: QTableWidgetItem) -> None:
        if self._loading:
            return
        if item.column() == self.KEYMAN and item.checkState() == Qt.CheckState.Checked:
            self._loading = True
            for row in range(self.table.rowCount()):
                if row != item.row():
                    self.table.item(row, self.KEYMAN).setCheckState(Qt.CheckState.Unchecked)
            self._loading = False
        self.changed.emit()

    def people(self) -> list[Person]:
        """The rows as typed (blank rows left out); the model checks them."""
        out = []
        for row in range(self.table.rowCount()):
            cells = [(self.table.item(row, c).text().strip() if self.table.item(row, c) else "")
                     for c in (self.NAME, self.ROLE, self.PHONE)]
            keyman = self.table.item(row, self.KEYMAN).checkState() == Qt.CheckState.Checked
            if any(cells) or keyman:
                out.append(Person(cells[0], cells[1] or None, cells[2] or None, keyman))
        return out
