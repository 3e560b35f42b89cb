"""Customers → Deleted customers…: the customers deleted and not purged, found by
name, pinyin or phone, opened (read-only until restored) or restored with their
history, contacts and grades.

    changed = DeletedDialog.run(parent, archive)   # True when a customer came back
"""
from __future__ import annotations

from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QHeaderView, QLabel,
                               QLineEdit, QTableView, QVBoxLayout, QWidget)

from gui.common.operations import Changes, write
from gui.common.tasks import show_error
from gui.common.widgets import RecordsModel, fit_columns
from model.customers import customers
from model.core import settings
from model.archive.database import Archive, ArchiveError


class DeletedDialog(QDialog):
    def __init__(self, parent: QWidget | None, archive: Archive):
        super().__init__(parent)
        self.archive = archive
        self.restored: list[int] = []
        self.rows: list[dict] = []
        self.setWindowTitle(self.tr("Deleted customers"))
        intro = QLabel(self.tr("Deleted customers leave the lists; their records, change history and "
                               "contacts stay until they are purged. Restore brings one back as it was."))
        intro.setWordWrap(True)
        self.find = QLineEdit()
        self.find.setObjectName("deleted_find")
        self.find.setPlaceholderText(self.tr("Find a deleted customer by name, pinyin or phone"))
        self.find.setClearButtonEnabled(True)
        self.find.textChanged.connect(lambda _text: self.fill())
        self.model = RecordsModel(parent=self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.verticalHeader().hide()
        self.view.doubleClicked.connect(lambda _index: self.open_current())
        self.empty = QLabel()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.open_button = self.buttons.addButton(self.tr("&Open…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.restore_button = self.buttons.addButton(self.tr("&Restore"),
                                                     QDialogButtonBox.ButtonRole.ActionRole)
        self.restore_button.setToolTip(self.tr("Bring the customer back into the lists, with the "
                                               "change history kept"))
        self.open_button.clicked.connect(self.open_current)
        self.restore_button.clicked.connect(self.restore_current)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.find)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.buttons)
        self.resize(self.fontMetrics().horizontalAdvance("M") * 60, self.fontMetrics().height() * 28)
        self.fill()

    def fill(self) -> None:
        self.rows = customers.deleted(self.archive.conn, self.find.text())
        self.model.set_rows(
            [self.tr("No."), self.tr("Name"), self.tr("Phone"), self.tr("Deleted"), self.tr("By")],
            [[r["id"], r["name"], r["phone"] or r["phone2"] or "",
              (r["deleted_at"] or "")[:16].replace("T", " "), r["deleted_by"] or ""] for r in self.rows])
        fit_columns(self.view, 240)
        if self.rows:
            self.view.selectRow(0)
        searching = bool(self.find.text().strip())
        self.empty.setText(self.tr("No deleted customer matches.") if searching
                           else self.tr("There are no deleted customers."))
        self.empty.setVisible(not self.rows)
        self.open_button.setEnabled(bool(self.rows))
        self.restore_button.setEnabled(bool(self.rows))

    def current_id(self) -> int | None:
        rows = self.view.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.rows):
            return None
        return self.rows[rows[0].row()]["id"]

    def open_current(self) -> None:
        """The customer in the editor (its Restore button brings it back too)."""
        from gui.customers.customer_editor import CustomerEditor
        customer_id = self.current_id()
        if customer_id is None:
            return
        CustomerEditor.edit(self, self.archive, customer_id)
        record = customers.get(self.archive.conn, customer_id)
        if record is not None and not record["deleted_at"]:
            self.restored.append(customer_id)
        self.fill()

    def restore_current(self) -> None:
        customer_id = self.current_id()
        if customer_id is None:
            return
        try:
            by = settings.user_name()
            write(self, lambda conn: customers.restore_deleted(conn, customer_id, by),
                  Changes.of(Changes.CUSTOMERS, ids=[customer_id]), archive=self.archive)
        except ArchiveError as exc:
            show_error(self, exc)
            return
        self.restored.append(customer_id)
        self.fill()

    @classmethod
    def run(cls, parent: QWidget | None, archive: Archive) -> list[int]:
        """Show the dialog (modal); the ids of the customers restored."""
        dialog = cls(parent, archive)
        dialog.exec()
        restored = list(dialog.restored)
        dialog.deleteLater()
        return restored
