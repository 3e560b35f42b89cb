"""Export customers to CSV or .xlsx: the current view or everyone.

    path = ExportDialog.run(parent, archive, view_ids)   # None: nothing was exported

``view_ids`` are the ids of the customers the main window shows, in its
order; None means no filter is active, and then only "every customer" is
offered. The export runs in a worker on its own connection; a cancelled or
failed export leaves no file behind (``exporting.export_customers`` writes
under a temporary name).
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (QButtonGroup, QCheckBox, QDialog, QFileDialog, QFormLayout,
                               QHBoxLayout, QLabel, QLineEdit, QMessageBox, QPushButton,
                               QRadioButton, QVBoxLayout, QWidget)

from gui.common.operations import Changes, run_write
from gui.common.widgets import ERROR_STYLE, TaskProgress, show_failure
from model.archive import audit
from model.customers import customers, exporting
from model.core import settings
from model.archive.database import Archive

SUFFIXES = {"csv": ".csv", "xlsx": ".xlsx"}


class ExportDialog(QDialog):
    def __init__(self, parent: QWidget | None, archive: Archive, view_ids: list[int] | None):
        super().__init__(parent)
        self.archive = archive
        self.view_ids = list(view_ids) if view_ids is not None else None
        self.exported: Path | None = None
        self.setWindowTitle(self.tr("Export customers"))

        self.format_buttons = {
            "csv": QRadioButton(self.tr("&CSV: opens in Excel, WPS and any spreadsheet")),
            "xlsx": QRadioButton(self.tr("E&xcel workbook (.xlsx)")),
        }
        self.format_buttons["csv"].setChecked(True)
        formats = QButtonGroup(self)
        format_box = QVBoxLayout()
        for button in self.format_buttons.values():
            formats.addButton(button)
            format_box.addWidget(button)
            button.toggled.connect(self._format_changed)

        total = customers.count(archive.conn)
        self.view_button = QRadioButton()
        self.all_button = QRadioButton(self.tr("&Every customer ({count})").format(count=total))
        scopes = QButtonGroup(self)
        scopes.addButton(self.view_button)
        scopes.addButton(self.all_button)
        scope_box = QVBoxLayout()
        if self.view_ids is not None:
            self.view_button.setText(self.tr("The customers in the current &view ({count})")
                                     .format(count=len(self.view_ids)))
            self.view_button.setChecked(True)
            scope_box.addWidget(self.view_button)
        else:
            self.view_button.hide()
            self.all_button.setChecked(True)
        scope_box.addWidget(self.all_button)
        self.view_button.toggled.connect(self._scope_changed)

        self.sensitive_box = QCheckBox(self.tr("Include &sensitive fields (financial assets, "
                                               "property, risk appetite)"))
        self.sensitive_warning = QLabel(self.tr(
            "The file will hold each customer's financial-asset band, property band and risk "
            "appetite. Export them only when the work needs them, and keep the file safe."))
        self.sensitive_warning.setStyleSheet(ERROR_STYLE)
        self.sensitive_warning.setWordWrap(True)
        self.sensitive_warning.hide()
        self.sensitive_box.toggled.connect(self.sensitive_warning.setVisible)
        sensitive_col = QVBoxLayout()
        sensitive_col.addWidget(self.sensitive_box)
        sensitive_col.addWidget(self.sensitive_warning)

        self.reason_edit = QLineEdit()
        self.reason_edit.setPlaceholderText(self.tr("e.g. year-end review for the branch"))
        self.reason_edit.textChanged.connect(self._reset_result)
        self.reason_label = QLabel(self.tr("&Reason:"))
        self.reason_label.setBuddy(self.reason_edit)
        self.reason_note = QLabel()
        self.reason_note.setWordWrap(True)
        reason_col = QVBoxLayout()
        reason_col.addWidget(self.reason_edit)
        reason_col.addWidget(self.reason_note)

        self.path_edit = QLineEdit()
        self.path_edit.setText(str(self._default_path()))
        self.path_edit.textChanged.connect(self._reset_result)
        browse = QPushButton(self.tr("&Browse…"))
        browse.setAutoDefault(False)
        browse.clicked.connect(self.browse)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(browse)

        form = QFormLayout()
        form.addRow(self.tr("Format:"), format_box)
        form.addRow(self.tr("Customers:"), scope_box)
        file_label = QLabel(self.tr("&File:"))
        file_label.setBuddy(self.path_edit)
        form.addRow(file_label, path_row)
        form.addRow(self.tr("Fields:"), sensitive_col)
        form.addRow(self.reason_label, reason_col)
        self.form = form

        self.progress = TaskProgress(self)
        self.progress.hide()
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        self.result_label.hide()
        self.folder_button = QPushButton(self.tr("Open &folder"))
        self.folder_button.setAutoDefault(False)
        self.folder_button.clicked.connect(self.open_folder)
        self.folder_button.hide()
        result_row = QHBoxLayout()
        result_row.addWidget(self.result_label, 1)
        result_row.addWidget(self.folder_button)

        self.export_button = QPushButton(self.tr("&Export"))
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.export)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.error)
        layout.addLayout(result_row)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.setMinimumWidth(640)
        self._scope_changed()

    # -- choices -------------------------------------------------------------
    def format(self) -> str:
        return "xlsx" if self.format_buttons["xlsx"].isChecked() else "csv"

    def customer_ids(self) -> list[int] | None:
        """The ids to export in order, or None for every customer."""
        return self.view_ids if self.view_button.isChecked() else None

    def count(self) -> int:
        """How many customers the chosen scope exports."""
        ids = self.customer_ids()
        if ids is None:
            return customers.count(self.archive.conn)
        return exporting.export_count(self.archive.conn, ids)

    def reason_needed(self) -> bool:
        return exporting.needs_reason(self.count())

    def _scope_changed(self) -> None:
        """More than a hundred customers: the reason is asked for (and required)."""
        needed = self.reason_needed()
        self.form.setRowVisible(self.reason_label, needed)
        self.reason_note.setText(self.tr(
            "More than {limit} customers: say why they are exported. The reason is kept in the "
            "audit trail.").format(limit=audit.REASON_THRESHOLD))

    def path(self) -> Path:
        """The chosen file, with the format's ending."""
        text = self.path_edit.text().strip()
        path = Path(text).expanduser()
        suffix = SUFFIXES[self.format()]
        if path.suffix.lower() != suffix:
            path = path.with_name(path.name + suffix) if path.suffix.lower() not in (
                ".csv", ".xlsx") else path.with_suffix(suffix)
        return path

    def _default_path(self) -> Path:
        folder = Path(settings.get(settings.FILE_FOLDER) or Path.home())
        name = self.tr("customers-{date}").format(date=date.today().isoformat())
        return folder / (name + SUFFIXES[self.format()])

    def _format_changed(self) -> None:
        text = self.path_edit.text().strip()
        if text:
            self.path_edit.setText(str(self.path()))

    def browse(self) -> None:
        filters = {"csv": self.tr("CSV files (*.csv)"), "xlsx": self.tr("Excel workbooks (*.xlsx)")}
        chosen, _ = QFileDialog.getSaveFileName(self, self.tr("Export to"), str(self.path()),
                                                filters[self.format()])
        if chosen:
            self.path_edit.setText(chosen)
            self.path_edit.setText(str(self.path()))

    def _reset_result(self) -> None:
        self.result_label.hide()
        self.folder_button.hide()
        self.error.hide()

    # -- the export ----------------------------------------------------------
    def export(self) -> None:
        if self.progress.running() or not self.path_edit.text().strip():
            return
        path = self.path()
        self._reset_result()
        if path.exists() and QMessageBox.question(
                self, self.tr("Replace the file?"),
                self.tr("{path} already exists. Replace it?").format(path=path),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No) != QMessageBox.StandardButton.Yes:
            return
        reason = self.reason_edit.text().strip()
        if self.reason_needed() and not reason:
            self.error.setText(self.tr("Give a reason: more than {limit} customers are exported, "
                                       "and the reason is kept in the audit trail.")
                               .format(limit=audit.REASON_THRESHOLD))
            self.error.show()
            self.reason_edit.setFocus()
            return
        ids, archive = self.customer_ids(), self.archive
        sensitive, by = self.sensitive_box.isChecked(), settings.user_name()

        # Through the write API: the export writes its audit entry (no page shows those).
        def begin(succeeded, failed, cancelled):
            return run_write(self.progress, lambda conn, progress: exporting.export_customers(
                conn, path, ids, progress, reason=reason or None, include_sensitive=sensitive, by=by),
                Changes(), archive=archive, on_success=succeeded, on_failure=failed, on_cancel=cancelled)

        self.export_button.setEnabled(False)
        self.progress.follow(begin, self.tr("Exporting to {name}…").format(name=path.name),
                             on_success=lambda written: self._done(path, written),
                             on_failure=self._failed, on_cancel=self._cancelled)

    def _done(self, path: Path, written: int) -> None:
        self.progress.hide()
        self.export_button.setEnabled(True)
        self.exported = path
        settings.put(settings.FILE_FOLDER, str(path.parent))
        text = self.tr("Exported to {path} (customers: {count}).").format(count=written, path=path)
        note = exporting.damaged_note(written)
        self.result_label.setText(text + ("\n" + note if note else ""))
        self.result_label.show()
        self.folder_button.show()
        self.close_button.setFocus()

    def _failed(self, exc: BaseException) -> None:
        self.progress.hide()
        self.export_button.setEnabled(True)
        show_failure(self.error, exc)

    def _cancelled(self) -> None:
        self.progress.hide()
        self.export_button.setEnabled(True)
        self.error.setText(self.tr("The export was cancelled; no file was written."))
        self.error.show()

    def open_folder(self) -> None:
        if self.exported is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.exported.parent)))

    def reject(self) -> None:
        """Close (Esc): an export still running is cancelled first."""
        if self.progress.running():
            self.progress.cancel()
            self.progress.wait()
        super().reject()

    @classmethod
    def run(cls, parent: QWidget | None, archive: Archive,
            view_ids: list[int] | None) -> Path | None:
        """Show the dialog; the file written, or None if nothing was exported."""
        dialog = cls(parent, archive, view_ids)
        try:
            dialog.exec()
            return dialog.exported
        finally:
            dialog.deleteLater()
