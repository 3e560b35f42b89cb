"""Archive → Purge deleted customers…: choose deleted customers, give the reason,
confirm, and they are removed for good from the archive and its backups.

    purged = PurgeDialog.run(parent, archive)    # how many were purged (0: none)

The purge (``model.archive.purge``) runs in a worker on its own connection; it cleans
the backups first, then the archive, then rewrites the file (VACUUM).
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel,
                               QLineEdit, QListWidget, QListWidgetItem, QMessageBox, QPushButton,
                               QVBoxLayout, QWidget)

from gui.common.operations import Changes, run_write
from gui.common.forms import error_label
from gui.common.widgets import TaskProgress, show_failure
from model.archive import backup, purge
from model.core import settings
from model.archive.database import Archive


class PurgeDialog(QDialog):
    def __init__(self, parent: QWidget | None, archive: Archive):
        super().__init__(parent)
        self.archive = archive
        self.purged = 0
        self.opened_changed = False   # a customer opened from the list was restored or edited
        self.result: purge.PurgeResult | None = None
        self.setWindowTitle(self.tr("Purge deleted customers"))

        intro = QLabel(self.tr(
            "Purging removes the customers you tick for good: their record, change history, contacts, "
            "purchases, grades, visits, circle memberships and search entries, in this archive and in "
            "its backups in {folder}. It cannot be undone. Customers must be deleted first.")
            .format(folder=backup.backup_dir(archive.path)), self)
        intro.setWordWrap(True)

        self.list = QListWidget(self)
        self.list.itemChanged.connect(self._changed)
        self.list.itemDoubleClicked.connect(self.open_customer)
        self.list.setToolTip(self.tr("Double-click a customer to open the record"))
        self.empty_label = QLabel(self.tr("There are no deleted customers."), self)
        self.all_button = QPushButton(self.tr("Tick &all"), self)
        self.all_button.setAutoDefault(False)
        self.all_button.clicked.connect(lambda: self._tick_all(True))
        self.none_button = QPushButton(self.tr("Tick &none"), self)
        self.none_button.setAutoDefault(False)
        self.none_button.clicked.connect(lambda: self._tick_all(False))
        ticks = QHBoxLayout()
        ticks.addWidget(self.all_button)
        ticks.addWidget(self.none_button)
        ticks.addStretch(1)

        self.reason_edit = QLineEdit(self)
        self.reason_edit.setPlaceholderText(self.tr("e.g. the customer asked for their data to be removed"))
        self.reason_edit.textChanged.connect(self._changed)
        form = QFormLayout()
        reason_label = QLabel(self.tr("&Reason (kept in the audit trail):"), self)
        reason_label.setBuddy(self.reason_edit)
        form.addRow(reason_label, self.reason_edit)

        self.progress = TaskProgress(self)
        self.progress.hide()
        self.error = error_label(self)
        self.error.hide()
        self.result_label = QLabel(self)
        self.result_label.setWordWrap(True)
        self.result_label.hide()

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.purge_button = self.buttons.addButton(self.tr("&Purge…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.purge_button.clicked.connect(self.start)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty_label)
        layout.addLayout(ticks)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.error)
        layout.addWidget(self.result_label)
        layout.addWidget(self.buttons)
        self.resize(self.fontMetrics().horizontalAdvance("M") * 56, self.fontMetrics().height() * 28)
        self.fill()

    def open_customer(self, item: QListWidgetItem) -> None:
        """The customer's record in the editor (it can be restored there); the list follows."""
        from gui.customers.customer_editor import CustomerEditor
        if CustomerEditor.edit(self, self.archive, item.data(Qt.ItemDataRole.UserRole)):
            self.opened_changed = True
        self.fill()

    def fill(self) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        for customer in purge.deleted_customers(self.archive.conn):
            item = QListWidgetItem(self.tr("{name} (no. {id}), deleted {date}").format(
                name=customer.name, id=customer.id, date=customer.deleted_at[:10]))
            item.setData(Qt.ItemDataRole.UserRole, customer.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.list.addItem(item)
        self.list.blockSignals(False)
        empty = self.list.count() == 0
        self.empty_label.setVisible(empty)
        self.list.setVisible(not empty)
        for button in (self.all_button, self.none_button):
            button.setEnabled(not empty)
        self._changed()

    def chosen_ids(self) -> list[int]:
        return [self.list.item(row).data(Qt.ItemDataRole.UserRole) for row in range(self.list.count())
                if self.list.item(row).checkState() == Qt.CheckState.Checked]

    def _tick_all(self, on: bool) -> None:
        state = Qt.CheckState.Checked if on else Qt.CheckState.Unchecked
        for row in range(self.list.count()):
            self.list.item(row).setCheckState(state)

    def _changed(self, *_args) -> None:
        self.purge_button.setEnabled(bool(self.chosen_ids()) and bool(self.reason_edit.text().strip())
                                     and not self.progress.running())

    # -- the purge -------------------------------------------------------------------
    def confirm(self, count: int) -> bool:
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Purge deleted customers"),
                          self.tr("Purge {count} customers for good?").format(count=count),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, self)
        box.setInformativeText(self.tr("They are removed from the archive and its backups; this cannot "
                                       "be undone."))
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        return box.exec() == QMessageBox.StandardButton.Yes

    def start(self) -> None:
        ids, reason = self.chosen_ids(), self.reason_edit.text().strip()
        if not ids or not reason or self.progress.running() or not self.confirm(len(ids)):
            return
        self.error.hide()
        self.result_label.hide()
        archive, by = self.archive, settings.user_name()
        # On the archive's writer connection (the write API); every row that mentions
        # the customers goes, in every part of the archive.
        changes = Changes.of(Changes.EVERYTHING, ids=ids)

        def begin(succeeded, failed, cancelled):
            return run_write(self, lambda conn, progress: purge.purge(conn, ids, by, reason, progress),
                             changes, archive=archive, on_success=succeeded, on_failure=failed,
                             on_cancel=cancelled)

        self.purge_button.setEnabled(False)
        self.progress.follow(begin, self.tr("Purging…"), on_success=self._done,
                             on_failure=self._failed, on_cancel=self._cancelled)

    def _done(self, result: purge.PurgeResult) -> None:
        self.progress.hide()
        self.result = result
        self.purged += result.customers
        self.reason_edit.clear()
        self.fill()
        self.result_label.setText(purge.summary(result))
        self.result_label.show()

    def _failed(self, exc: BaseException) -> None:
        self.progress.hide()
        self._changed()
        show_failure(self.error, exc)

    def _cancelled(self) -> None:
        self.progress.hide()
        self._changed()
        self.error.setText(self.tr("The purge was stopped before the archive was changed; backups "
                                   "already cleaned stay clean."))
        self.error.show()

    def reject(self) -> None:
        if self.progress.running():
            return      # the purge finishes first (the archive is being rewritten)
        super().reject()

    @classmethod
    def run(cls, parent: QWidget | None, archive: Archive) -> int:
        """How many were purged (True when none was but a customer opened from the list changed)."""
        dialog = cls(parent, archive)
        try:
            dialog.exec()
            return dialog.purged or dialog.opened_changed
        finally:
            dialog.deleteLater()
