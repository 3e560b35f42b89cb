"""Archive → Audit trail…: every export, print, backup, restore, branch-pack
import, bulk delete and purge, newest first, filtered by date range and
action, and exported to CSV or .xlsx.

    AuditDialog.show_for(parent, archive)
"""
from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QDialog, QDialogButtonBox,
                               QFileDialog, QHBoxLayout, QLabel, QTableView, QVBoxLayout, QWidget)

from gui.common.operations import Changes, write
from gui.common.forms import date_edit, error_label, from_qdate
from gui.common.widgets import RecordsModel, fit_columns, show_failure
from model.archive import audit
from model.core import settings
from model.archive.database import Archive


class AuditDialog(QDialog):
    def __init__(self, parent: QWidget | None, archive: Archive):
        super().__init__(parent)
        self.archive = archive
        self.items: list[audit.Entry] = []
        self.exported: Path | None = None
        self.setWindowTitle(self.tr("Audit trail"))

        intro = QLabel(self.tr("Every export, print, backup you made, restore, branch-pack import, "
                               "bulk delete and purge of this archive. Entries cannot be changed or "
                               "removed."), self)
        intro.setWordWrap(True)

        today = date.today()
        self.since_box = QCheckBox(self.tr("&From:"), self)
        self.since_edit = date_edit(today - timedelta(days=30), self)
        self.until_box = QCheckBox(self.tr("&To:"), self)
        self.until_edit = date_edit(today, self)
        self.action_combo = QComboBox(self)
        self.action_combo.addItem(self.tr("All actions"), None)
        for key in audit.ACTIONS:
            self.action_combo.addItem(audit.action_label(key), key)
        for box, edit in ((self.since_box, self.since_edit), (self.until_box, self.until_edit)):
            edit.setEnabled(False)
            box.toggled.connect(edit.setEnabled)
            box.toggled.connect(self.refresh)
            edit.dateChanged.connect(self.refresh)
        self.action_combo.currentIndexChanged.connect(self.refresh)
        action_label = QLabel(self.tr("&Action:"), self)
        action_label.setBuddy(self.action_combo)
        filters = QHBoxLayout()
        for widget in (self.since_box, self.since_edit, self.until_box, self.until_edit):
            filters.addWidget(widget)
        filters.addSpacing(12)
        filters.addWidget(action_label)
        filters.addWidget(self.action_combo)
        filters.addStretch(1)

        self.model = RecordsModel(parent=self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.count_label = QLabel(self)
        self.error = error_label(self)
        self.error.hide()

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.export_button = self.buttons.addButton(self.tr("&Export…"),
                                                    QDialogButtonBox.ButtonRole.ActionRole)
        self.export_button.clicked.connect(self.export)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(self.fontMetrics().horizontalAdvance("M") * 100,
                    self.fontMetrics().height() * 32)
        self.refresh()

    # -- the entries ---------------------------------------------------------------
    def since(self) -> date | None:
        return from_qdate(self.since_edit.date()) if self.since_box.isChecked() else None

    def until(self) -> date | None:
        return from_qdate(self.until_edit.date()) if self.until_box.isChecked() else None

    def refresh(self) -> None:
        self.items = audit.entries(self.archive.conn, self.since(), self.until(),
                                   self.action_combo.currentData())
        self.model.set_rows(audit.headers(), [audit.row_cells(e) for e in self.items])
        fit_columns(self.table, self.fontMetrics().horizontalAdvance("M") * 22)
        self.count_label.setText(self.tr("Entries shown: {count}").format(count=len(self.items)))
        self.export_button.setEnabled(bool(self.items))

    # -- export --------------------------------------------------------------------
    def export(self) -> Path | None:
        folder = Path(settings.get(settings.FILE_FOLDER) or Path.home())
        name = self.tr("audit-trail-{date}").format(date=date.today().isoformat()) + ".csv"
        chosen, chosen_filter = QFileDialog.getSaveFileName(
            self, self.tr("Export the audit trail"), str(folder / name),
            self.tr("CSV files (*.csv)") + ";;" + self.tr("Excel workbooks (*.xlsx)"))
        if not chosen:
            return None
        path = Path(chosen)
        if path.suffix.lower() not in (".csv", ".xlsx"):
            path = path.with_name(path.name + (".xlsx" if "xlsx" in chosen_filter else ".csv"))
        self.error.hide()
        try:
            items = self.items    # the export writes an entry of its own (no page shows those)
            written = write(self, lambda conn: audit.export(conn, path, items), Changes(), archive=self.archive)
        except Exception as exc:  # noqa: BLE001 - a known error in the line, a bug in a box
            show_failure(self.error, exc)
            return None
        settings.put(settings.FILE_FOLDER, str(path.parent))
        self.exported = path
        self.refresh()   # the export itself is now an entry
        self.count_label.setText(self.tr("Exported {count} entries to {path}.")
                                 .format(count=written, path=path))
        return path

    @classmethod
    def show_for(cls, parent: QWidget | None, archive: Archive) -> None:
        dialog = cls(parent, archive)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.exec()
