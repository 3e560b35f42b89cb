"""Small building blocks every area's forms and lists share.

    layout.addLayout(buttons(self, new_button, edit_button))    # a row of buttons, then a stretch
    self.error = form_dialog(self, form, 40)                     # form, error line, Save / Cancel
    view = table_view(self, "circles_table")                     # a read-only list of records
    show_problem(self.error, exc)                                # a failed save, said in the error line
    self.start = date_edit(date.today(), self)                   # a date field (from_qdate reads it)
    self.manager = manager_combo(conn, None, self, self.tr("All managers"))
"""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDateEdit, QDialog, QDialogButtonBox, QFormLayout,
                               QHBoxLayout, QHeaderView, QLabel, QPushButton, QTableView, QVBoxLayout, QWidget)

from gui.common.widgets import ERROR_STYLE, show_failure
from model.core import settings
from model.customers.customer_filters import filter_choices
from model.customers.customers import ValidationError


def error_label(parent: QWidget) -> QLabel:
    """A hidden, word-wrapped error line in the error style."""
    label = QLabel(parent)
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    label.hide()
    return label


def show_problem(label: QLabel, exc: BaseException) -> None:
    """A validation problem as its reasons alone (not the field keys); anything else as usual."""
    if isinstance(exc, ValidationError):
        label.setText("\n".join(exc.problems.values()))
        label.show()
    else:
        show_failure(label, exc)


def buttons(parent: QWidget, *buttons: QPushButton) -> QHBoxLayout:
    """A row of buttons (none the default), then a stretch."""
    row = QHBoxLayout()
    for button in buttons:
        button.setAutoDefault(False)
        row.addWidget(button)
    row.addStretch(1)
    return row


def form_dialog(dialog: QDialog, form: QFormLayout, width_chars: int) -> QLabel:
    """Lay out a small dialog: its form (each label the buddy of its field), an error line,
    Save and Cancel. Returns the error line."""
    for row in range(form.rowCount()):
        label = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
        field = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
        if label is not None and field is not None and field.widget() is not None:
            label.widget().setBuddy(field.widget())
    error = error_label(dialog)
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, dialog)
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addLayout(form)
    layout.addWidget(error)
    layout.addWidget(box)
    dialog.setMinimumWidth(dialog.fontMetrics().horizontalAdvance("M") * width_chars)
    return error


def table_view(parent: QWidget, name: str, several: bool = False) -> QTableView:
    """A read-only list of records, whole rows selected."""
    view = QTableView(parent)
    view.setObjectName(name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection if several
                          else QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
    view.setAlternatingRowColors(True)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.horizontalHeader().setStretchLastSection(True)
    return view


# -- dates and managers ---------------------------------------------------------------

def to_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


def date_edit(day: date, parent: QWidget) -> QDateEdit:
    edit = QDateEdit(to_qdate(day), parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


def manager_combo(conn, chosen: str | None, parent: QWidget, everyone: str) -> QComboBox:
    """'All managers' and each manager of the archive; the chosen one, else the user if a manager."""
    combo = QComboBox(parent)
    combo.addItem(everyone, None)
    _areas, managers = filter_choices(conn)
    for name in managers:
        combo.addItem(name, name)
    wanted = chosen if chosen is not None else settings.user_name()
    combo.setCurrentIndex(max(0, combo.findData(wanted)))
    if chosen is None and combo.currentIndex() == 0 and len(managers) == 1:
        combo.setCurrentIndex(1)
    return combo
