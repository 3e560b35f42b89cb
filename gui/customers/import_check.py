"""The import wizard's last pages: the check (a dry run over every row, with the rejects,
duplicates and skipped rows) and the import itself (through the write API)."""
from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (QButtonGroup, QHBoxLayout, QLabel, QPushButton, QRadioButton, QTabWidget,
                               QVBoxLayout, QWidget, QWizard)

from gui.common.tasks import show_error
from gui.common.widgets import RecordsModel, fit_columns
from gui.customers.import_pages import SHOWN_REJECTS, WorkPage, import_table_view
from model.archive.database import ArchiveError
from model.customers import importing
from model.customers.importing import ImportResult

if TYPE_CHECKING:
    from gui.customers.import_dialog import ImportDialog


class CheckPage(WorkPage):
    """The dry run: what would be imported, rejected, skipped. With rejects the user
    imports the good rows (the rejects go to a file) or fixes the file and checks again."""

    def __init__(self, wizard: "ImportDialog"):
        super().__init__(wizard)
        self.setTitle(self.tr("Check"))
        self.setSubTitle(self.tr("Every row is checked; nothing is written yet."))
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("&Import"))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.rejects_model = RecordsModel(parent=self)
        self.rejects_view = import_table_view()
        self.rejects_view.setModel(self.rejects_model)
        self.duplicates_model = RecordsModel(parent=self)
        self.duplicates_view = import_table_view()
        self.duplicates_view.setModel(self.duplicates_model)
        self.skipped_model = RecordsModel(parent=self)
        self.skipped_view = import_table_view()
        self.skipped_view.setModel(self.skipped_model)
        for view in (self.rejects_view, self.duplicates_view, self.skipped_view):
            view.verticalHeader().hide()     # the file's row number is the first column
        self.tabs = QTabWidget()
        self.tabs.addTab(self.rejects_view, self.tr("Rejected"))
        self.tabs.addTab(self.duplicates_view, self.tr("Duplicates"))
        self.tabs.addTab(self.skipped_view, self.tr("Skipped"))
        self.write_good = QRadioButton()
        self.write_good.setObjectName("import_good_rows")
        self.fix_first = QRadioButton(self.tr("&Fix the file and check again: correct the rejected "
                                              "rows in the spreadsheet, save it, then check"))
        self.fix_first.setObjectName("fix_and_check")
        self.check_again = QPushButton(self.tr("&Check again"))
        self.check_again.clicked.connect(self.check_file_again)
        self.write_good.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.write_good)
        group.addButton(self.fix_first)
        for button in (self.write_good, self.fix_first):
            button.toggled.connect(self._choice_changed)
        fix_row = QHBoxLayout()
        fix_row.addWidget(self.fix_first, 1)
        fix_row.addWidget(self.check_again)
        self.choice = QWidget()
        choice_layout = QVBoxLayout(self.choice)
        choice_layout.setContentsMargins(0, 0, 0, 0)
        choice_layout.addWidget(self.write_good)
        choice_layout.addLayout(fix_row)
        layout = QVBoxLayout(self)
        layout.addWidget(self.progress)
        layout.addWidget(self.error)
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.choice)

    def initializePage(self) -> None:  # noqa: N802 - Qt naming
        self.wiz.check = None
        self.summary.clear()
        self.error.hide()
        self.tabs.hide()
        self.choice.hide()
        for model in (self.rejects_model, self.duplicates_model, self.skipped_model):
            model.set_rows([], [])
        work = self.wiz.check_work()
        self.progress.start(work, self.tr("Checking the rows…"), on_success=self._checked,
                            on_failure=self._failed, on_cancel=self._cancelled)
        self.completeChanged.emit()

    def check_file_again(self) -> None:
        """Read the file again (the user fixed it) with the same header row, then check it."""
        if self.progress.running():
            return
        path, kind = self.wiz.file_page.path(), self.wiz.kind()
        header_row = self.wiz.preview_page.header_row.value()
        self.wiz.check = None
        self.completeChanged.emit()
        self.error.hide()

        def reread(frame: pd.DataFrame) -> None:
            self.wiz.frame = frame
            self.initializePage()
        self.progress.start(lambda progress: importing.read_import_table(path, kind, header_row),
                            self.tr("Reading {name}…").format(name=path.name),
                            on_success=reread, on_failure=self._failed, on_cancel=self._cancelled,
                            cancellable=False)

    def _checked(self, result: ImportResult) -> None:
        self.progress.hide()
        self.wiz.check = result
        good = (self.tr("Customers to import: {count}") if result.kind == "customers"
                else self.tr("Transactions to import: {count}"))
        lines = [self.tr("Rows checked: {count}").format(count=result.rows),
                 good.format(count=result.imported),
                 self.tr("Rejected: {count}").format(count=result.rejected),
                 self.tr("Duplicates, to be skipped: {count}").format(count=result.duplicates)]
        if result.skipped:
            lines.append(self.tr("Not records (totals, notes), skipped: {count}")
                         .format(count=result.skipped))
        if result.ignored_columns:
            lines.append(self.tr("Columns left out: {columns}.")
                         .format(columns=", ".join(result.ignored_columns)))
        if result.imported == 0 and result.rejected == 0:
            lines.append(self.tr("There is nothing new to import."))
        elif result.imported == 0:
            lines.append(self.tr("No row can be imported yet: correct the rejected rows in the file "
                                 "(the reasons are listed below), save it and check again."))
        self.summary.setText("\n".join(lines))
        columns = [str(c) for c in self.wiz.frame.columns]
        shown = result.rejects[:SHOWN_REJECTS]
        self.rejects_model.set_rows(
            [self.tr("Row"), self.tr("Reasons"), *columns],
            [[r.row_number, "; ".join(r.reasons), *(r.values.get(c, "") for c in columns)]
             for r in shown])
        self.duplicates_model.set_rows(
            [self.tr("Row"), self.tr("Phone"), self.tr("Reason")],
            [[row, phone or "", reason] for row, phone, reason in result.duplicate_rows])
        self.skipped_model.set_rows([self.tr("Row"), self.tr("Reason")],
                                    [[row, reason] for row, reason in result.skipped_rows])
        self.tabs.setTabText(0, self.tr("Rejected ({count})").format(count=result.rejected))
        self.tabs.setTabText(1, self.tr("Duplicates ({count})").format(count=result.duplicates))
        self.tabs.setTabText(2, self.tr("Skipped ({count})").format(count=result.skipped))
        if result.rejected > len(shown):
            self.tabs.setTabText(0, self.tr("Rejected ({count}, first {shown} shown)")
                                 .format(count=result.rejected, shown=len(shown)))
        self.tabs.setCurrentIndex(0 if result.rejected else 1 if result.duplicates else 2)
        self.tabs.setVisible(bool(result.rejected or result.duplicates or result.skipped))
        # The reasons are what the user reads: room for most of them (the tooltip has all).
        for view in (self.rejects_view, self.duplicates_view, self.skipped_view):
            fit_columns(view, max(360, self.width() // 2))
        self.write_good.setText(self.tr("&Import the {count} good rows and write the rejected rows "
                                        "to a file with their reasons").format(count=result.imported))
        self.write_good.setEnabled(result.imported > 0)
        (self.write_good if result.imported > 0 else self.fix_first).setChecked(True)
        self.choice.setVisible(result.rejected > 0)
        self.completeChanged.emit()

    def _choice_changed(self, _checked: bool = False) -> None:
        self.completeChanged.emit()

    def _cancelled(self) -> None:
        self.progress.hide()
        self.error.setText(self.tr("The check was stopped. Go back and forward again to check "
                                   "the file."))
        self.error.show()

    def isComplete(self) -> bool:  # noqa: N802 - Qt naming
        check = self.wiz.check
        if check is None or check.imported == 0:
            return False
        return not (check.rejected and self.fix_first.isChecked())

    def validatePage(self) -> bool:  # noqa: N802 - Qt naming
        return self.isComplete()


class ImportPage(WorkPage):
    """The import itself, with progress and Cancel, then what it did."""

    def __init__(self, wizard: "ImportDialog"):
        super().__init__(wizard)
        self.setTitle(self.tr("Import"))
        self.setSubTitle(self.tr("The rows are written in one step: if the import is cancelled "
                                 "or fails, the archive stays as it was."))
        self.finished = False
        self.progress.cancel_button.setText(self.tr("&Cancel import"))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.rejects_button = QPushButton(self.tr("&Open the rejects file"))
        self.rejects_button.clicked.connect(self.open_rejects)
        self.rejects_button.hide()
        row = QHBoxLayout()
        row.addWidget(self.rejects_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.progress)
        layout.addWidget(self.summary)
        layout.addLayout(row)
        layout.addStretch(1)

    def initializePage(self) -> None:  # noqa: N802 - Qt naming
        self.finished = False
        self.wiz.outcome = None
        self.summary.clear()
        self.rejects_button.hide()
        # Only the good rows go in (the rejects to their file): the user chose so on the
        # check page, or there were none.
        self.progress.follow(lambda *callbacks: self.wiz.begin_import(self.progress, *callbacks),
                             self.tr("Importing…"), on_success=self._done,
                             on_failure=self._failed, on_cancel=self._cancelled)

    def running(self) -> bool:
        return self.progress.running()

    def _end(self, text: str) -> None:
        self.progress.hide()
        self.summary.setText(text)
        self.finished = True
        self.completeChanged.emit()

    def _done(self, result: ImportResult) -> None:
        self.wiz.outcome = result
        added = (self.tr("Customers imported: {count}") if result.kind == "customers"
                 else self.tr("Transactions imported: {count}"))
        # Every row of the file is accounted for: imported + rejected + duplicates + skipped.
        rows = self.tr("Rows read below the headers: {count}").format(count=result.rows)
        if result.written:
            lines = [rows, added.format(count=result.added)]
            if result.rejected:
                lines.append(self.tr("Rejected, not imported: {count}")
                             .format(count=result.rejected))
        else:
            lines = [rows, self.tr("Nothing was imported: some rows were rejected (rejected: {count}) and "
                             "you chose all or nothing. Correct them (the reasons are in the "
                             "rejects file) and import the file again.").format(count=result.rejected)]
        if result.duplicates:
            lines.append(self.tr("Duplicates skipped: {count}").format(count=result.duplicates))
        if result.skipped:
            lines.append(self.tr("Not records (totals, notes), skipped: {count}")
                         .format(count=result.skipped))
        if result.rejects_path:
            lines.append(self.tr("Rejected rows: {path}").format(path=result.rejects_path))
            self.rejects_button.show()
        self._end("\n".join(lines))

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, ArchiveError):
            self._end(self.tr("Nothing was imported: {reason}").format(reason=exc))
        else:
            self._end(self.tr("Nothing was imported; the archive is as it was."))
            show_error(self, exc)

    def _cancelled(self) -> None:
        self._end(self.tr("The import was cancelled. Nothing was imported; the archive is as "
                          "it was."))

    def cancel(self) -> None:
        self.progress.cancel()

    def open_rejects(self) -> None:
        outcome = self.wiz.outcome
        if outcome is not None and outcome.rejects_path:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(outcome.rejects_path)))

    def isComplete(self) -> bool:  # noqa: N802 - Qt naming
        return self.finished
