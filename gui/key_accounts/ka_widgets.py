"""The small pieces the Key accounts area's views share: a named button, a yes/cancel
question, a write operation whose problem is shown, the years to choose from, and a
read-only table with its buttons."""
from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QLabel, QMessageBox, QPushButton, QVBoxLayout, QWidget

from gui.common.operations import Changes, write
from gui.common.tasks import show_error
from gui.common.widgets import RecordsModel, fit_columns
from gui.common import forms
from gui.common.forms import table_view
from model.archive.database import Archive
from model.key_accounts import ka_volumes


def named_button(parent: QWidget, text: str, name: str, slot) -> QPushButton:
    button = QPushButton(text, parent)
    button.setObjectName(name)
    button.clicked.connect(lambda _=False: slot())
    return button


def confirm(parent: QWidget, title: str, text: str) -> bool:
    answer = QMessageBox.question(parent, title, text,
                                  QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                                  QMessageBox.StandardButton.Cancel)
    return answer == QMessageBox.StandardButton.Yes


def write_or_show(parent: QWidget, archive: Archive, op) -> bool:
    """Run ``op(conn)`` as one write operation (a KEY_ACCOUNTS change); a problem is
    shown and nothing changes."""
    try:
        write(parent, op, Changes.of(Changes.KEY_ACCOUNTS), archive=archive)
    except Exception as exc:  # noqa: BLE001 - shown; the write rolled back
        show_error(parent, exc)
        return False
    return True


def volume_years(conn, account_id: int | None = None) -> list[int]:
    """The years with volume entered, and this year, latest first."""
    return sorted(set(ka_volumes.years(conn, account_id)) | {date.today().year}, reverse=True)


class RecordsTable(QWidget):
    """A read-only table with its buttons above."""

    def __init__(self, parent: QWidget, name: str, buttons: list[QPushButton], note: QLabel | None = None):
        super().__init__(parent)
        self.model = RecordsModel(parent=self)
        self.view = table_view(self, name)
        self.view.setModel(self.model)
        self.ids: list[int] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(forms.buttons(self, *buttons))
        if note is not None:
            layout.addWidget(note)
        layout.addWidget(self.view, 1)

    def set_rows(self, headers, rows, ids) -> None:
        current = self.current_id()
        self.ids = list(ids)
        self.model.set_rows(headers, rows)
        fit_columns(self.view, self.fontMetrics().horizontalAdvance("M") * 22)
        if current in self.ids:
            self.view.selectRow(self.ids.index(current))
        elif self.ids:
            self.view.selectRow(0)

    def current_id(self):
        index = self.view.currentIndex()
        return self.ids[index.row()] if index.isValid() and index.row() < len(self.ids) else None

    def select(self, item_id) -> None:
        if item_id in self.ids:
            self.view.selectRow(self.ids.index(item_id))
