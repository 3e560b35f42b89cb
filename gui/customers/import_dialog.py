"""The import wizard: file → preview (and its header row) → column mapping → dry run → import.

A check that finds rejected rows never leads to an empty import: the user imports
the good rows (the rejects go to a file with their reasons) or fixes the file and
checks it again on the same page.

    result = ImportDialog.run(parent, archive)    # ImportResult, or None if nothing ran

The file is read once (in a worker) and the same table is previewed, checked
and imported (``importing.import_frame``), so what the user sees is what is
imported. The dry run and the import run in a worker thread on their own
connection (``archive.reader()``); the import is one transaction, so Cancel
leaves the archive as it was. The user's choices for headers the program did
not recognise are remembered per kind of import (``settings.IMPORT_MAPPINGS``).
"""
from __future__ import annotations

import html
from pathlib import Path

import pandas as pd
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (QAbstractItemView, QButtonGroup, QFileDialog, QFormLayout, QGridLayout,
                               QHBoxLayout, QHeaderView, QLabel, QLineEdit, QMessageBox, QPushButton,
                               QRadioButton, QScrollArea, QSpinBox, QTableView, QTabWidget,
                               QVBoxLayout, QWidget, QWizard, QWizardPage)

from gui.common import screen_fit
from gui.common.tasks import show_error
from gui.common.widgets import (ERROR_STYLE, ChoiceCombo, RecordsModel, TaskProgress, field_label,
                         fit_columns, show_failure)
from model.customers import importing
from model.core import settings
from model.archive.database import Archive, ArchiveError
from model.customers.importing import ImportResult

PREVIEW_ROWS = 50
SHOWN_REJECTS = 1000   # more are listed in the rejects file, not in the window
FILE_FILTER = "*.csv *.xlsx *.xlsm *.txt"


def remembered_mappings(kind: str) -> dict[str, str | None]:
    """The user's earlier choices for headers of this kind: header → field (None: left out)."""
    stored = settings.get(settings.IMPORT_MAPPINGS).get(kind) or {}
    return {str(h): (f or None) for h, f in dict(stored).items()}


def remember_mappings(kind: str, choices: dict[str, str | None]) -> None:
    everything = dict(settings.get(settings.IMPORT_MAPPINGS))
    mine = dict(everything.get(kind) or {})
    mine.update({header: field or "" for header, field in choices.items()})
    everything[kind] = mine
    settings.put(settings.IMPORT_MAPPINGS, everything)


def _table_view() -> QTableView:
    view = QTableView()
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.horizontalHeader().setDefaultSectionSize(120)
    return view


def _error_label() -> QLabel:
    label = QLabel()
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.hide()
    return label


class WorkPage(QWizardPage):
    """A page whose work runs in a worker: its progress, and an error line for failures."""

    def __init__(self, wizard: "ImportDialog"):
        super().__init__()
        self.wiz = wizard
        self.progress = TaskProgress(self)
        self.error = _error_label()
        self.error.setParent(self)   # each page puts it in its layout

    def cleanupPage(self) -> None:  # noqa: N802 - Qt naming (going Back)
        self.progress.forget()
        self.progress.hide()

    def _failed(self, exc: BaseException) -> None:
        self.progress.hide()
        show_failure(self.error, exc)


class FilePage(QWizardPage):
    def __init__(self, wizard: "ImportDialog"):
        super().__init__()
        self.setTitle(self.tr("Choose the file"))
        self.setSubTitle(self.tr("A CSV file or an Excel .xlsx workbook with a row of column headers "
                                 "(CSV in UTF-8 or GBK, as Excel and WPS save it); titles above "
                                 "the headers are fine."))
        self.path_edit = QLineEdit()
        self.path_edit.setPlaceholderText(self.tr("the file to import"))
        self.path_edit.textChanged.connect(self.completeChanged)
        browse = QPushButton(self.tr("&Browse…"))
        browse.clicked.connect(self.browse)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        self.kind_buttons = {
            "customers": QRadioButton(self.tr("&Customers: one row per customer")),
            "transactions": QRadioButton(self.tr("&Transactions: one row per purchase, with the "
                                                 "customer's phone or number")),
        }
        self.kind_buttons["customers"].setChecked(True)
        group = QButtonGroup(self)
        self.error = _error_label()
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("&File:"), buddy=self.path_edit))
        layout.addLayout(row)
        layout.addSpacing(12)
        layout.addWidget(QLabel(self.tr("What the file holds:")))
        for button in self.kind_buttons.values():
            group.addButton(button)
            layout.addWidget(button)
        layout.addWidget(self.error)
        layout.addStretch(1)

    def path(self) -> Path:
        return Path(self.path_edit.text().strip())

    def kind(self) -> str:
        return next(k for k, b in self.kind_buttons.items() if b.isChecked())

    def browse(self) -> None:
        start = self.path_edit.text().strip() or settings.get(settings.FILE_FOLDER)
        chosen, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import a file"), start,
            self.tr("Tables ({patterns})").format(patterns=FILE_FILTER) + ";;"
            + self.tr("All files (*)"))
        if chosen:
            self.path_edit.setText(chosen)
            settings.put(settings.FILE_FOLDER, str(Path(chosen).parent))

    def isComplete(self) -> bool:  # noqa: N802 - Qt naming
        return bool(self.path_edit.text().strip())

    def validatePage(self) -> bool:  # noqa: N802 - Qt naming
        path = self.path()
        if not path.is_file():
            self.error.setText(self.tr("There is no file {path}. Choose the file with Browse.")
                               .format(path=path))
            self.error.show()
            return False
        self.error.hide()
        return True


class PreviewPage(WorkPage):
    """Reads the whole file in a worker, then shows its first rows as the import reads them."""

    def __init__(self, wizard: "ImportDialog"):
        super().__init__(wizard)
        self.setTitle(self.tr("Preview"))
        self.setSubTitle(self.tr("The first rows as the import reads them; under each header is "
                                 "the field it goes into."))
        self.info = QLabel()
        self.info.setWordWrap(True)
        self.header_row = QSpinBox()
        self.header_row.setRange(1, 999)
        self.header_row.setObjectName("header_row")
        self.header_row.setToolTip(self.tr("The row of the file that holds the column headers; the "
                                           "rows above it (titles, notes) are left out."))
        self.header_row.valueChanged.connect(self._header_row_chosen)
        header_line = QHBoxLayout()
        header_label = QLabel(self.tr("&Headers on row:"))
        header_label.setBuddy(self.header_row)
        header_line.addWidget(header_label)
        header_line.addWidget(self.header_row)
        header_line.addWidget(self.info, 1)
        self.model = RecordsModel(parent=self)
        self.view = _table_view()
        self.view.setModel(self.model)
        layout = QVBoxLayout(self)
        layout.addWidget(self.progress)
        layout.addWidget(self.error)
        layout.addLayout(header_line)
        layout.addWidget(self.view, 1)

    def initializePage(self) -> None:  # noqa: N802 - Qt naming
        source = (self.wiz.file_page.path(), self.wiz.file_page.kind())
        if self.wiz.frame is not None and self.wiz.source == source:
            self.show_preview()
            return
        self.wiz.source = source
        self.read(None)

    def read(self, header_row: int | None) -> None:
        """Read the file in a worker, its headers on ``header_row`` (None: found)."""
        self.wiz.frame = None
        self.completeChanged.emit()
        self.model.set_rows([], [])
        self.info.clear()
        self.error.hide()
        path, kind = self.wiz.source
        self.progress.start(lambda progress: importing.read_import_table(path, kind, header_row),
                            self.tr("Reading {name}…").format(name=path.name),
                            on_success=self._read, on_failure=self._failed,
                            on_cancel=self._cancelled, cancellable=False)

    def _header_row_chosen(self, row: int) -> None:
        if self.wiz.source is not None and not self.progress.running():
            self.read(row)

    def _read(self, frame: pd.DataFrame) -> None:
        self.progress.hide()
        self.wiz.frame = frame
        self.header_row.blockSignals(True)
        self.header_row.setValue(int(frame.attrs.get("header_row", 1)))
        self.header_row.blockSignals(False)
        self.wiz.mapping = importing.match_headers(
            frame.columns, self.wiz.kind(), saved=remembered_mappings(self.wiz.kind())).mapping
        self.show_preview()
        self.completeChanged.emit()

    def _cancelled(self) -> None:
        self.progress.hide()

    def show_preview(self) -> None:
        frame = self.wiz.frame
        columns = [str(c) for c in frame.columns]
        headers, tips = [], {}
        for i, column in enumerate(columns):
            target = self.wiz.mapping.get(column)
            if target:
                headers.append(f"{column}\n→ {field_label(target)}")
            else:
                headers.append(column + "\n" + self.tr("(not imported)"))
                tips[i] = self.tr("Not recognised or left out: choose a field for it on the "
                                  "next page.")
        head = frame.head(PREVIEW_ROWS)
        self.model.set_rows(headers, head.to_numpy(dtype=object).tolist(), tips,
                            row_labels=head.index.tolist())
        fit_columns(self.view, 240, 80)
        blank = int(frame.attrs.get("blank_rows", 0))
        text = self.tr("Rows: {rows}; columns: {columns}.").format(rows=len(frame),
                                                                   columns=len(columns))
        above = int(frame.attrs.get("header_row", 1)) - 1
        if above:
            text += " " + self.tr("Rows above the headers, left out: {count}.").format(count=above)
        if blank:
            text += " " + self.tr("Blank rows skipped: {blank}.").format(blank=blank)
        if len(frame) > PREVIEW_ROWS:
            text += " " + self.tr("Shown: the first {shown}.").format(shown=PREVIEW_ROWS)
        self.info.setText(text)

    def isComplete(self) -> bool:  # noqa: N802 - Qt naming
        return self.wiz.frame is not None


class MappingPage(QWizardPage):
    """A choice of field for every column; the ones not recognised are marked."""

    def __init__(self, wizard: "ImportDialog"):
        super().__init__()
        self.wiz = wizard
        self.setTitle(self.tr("Columns"))
        self.setSubTitle(self.tr("Which field of the archive each column goes into."))
        self.combos: dict[str, ChoiceCombo] = {}
        self.automatic: dict[str, str | None] = {}
        self.unknown: list[str] = []
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.error = _error_label()
        self.grid_host = QWidget()
        self.grid = QGridLayout(self.grid_host)
        self.grid.setColumnStretch(1, 1)
        self.grid.setColumnStretch(2, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.grid_host)
        self.manager = QLineEdit()
        self.manager.setObjectName("import_manager")
        self.manager.setToolTip(self.tr("Customers whose row names no manager in charge get this one."))
        self.manager_form = QWidget()
        manager_form = QFormLayout(self.manager_form)
        manager_form.setContentsMargins(0, 0, 0, 0)
        manager_form.addRow(self.tr("&Manager in charge where the file names none:"), self.manager)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.manager_form)
        layout.addWidget(self.error)

    def initializePage(self) -> None:  # noqa: N802 - Qt naming
        frame, kind = self.wiz.frame, self.wiz.kind()
        self.manager_form.setVisible(kind == "customers")
        if not self.manager.text().strip():
            self.manager.setText(settings.user_name())
        columns = [str(c) for c in frame.columns]
        automatic = importing.match_headers(columns, kind)
        self.automatic, self.unknown = automatic.mapping, automatic.unknown
        remembered = remembered_mappings(kind)
        while self.grid.count():
            item = self.grid.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.combos.clear()
        choices = [(self.tr("Leave out"), None)] + [
            (field_label(f), f) for f in importing.fields_for(kind)]
        for column_index, title in enumerate((self.tr("Column in the file"), self.tr("Example"),
                                              self.tr("Import as"))):
            label = QLabel(f"<b>{html.escape(title)}</b>")
            self.grid.addWidget(label, 0, column_index)
        first = frame.head(20)
        for row, column in enumerate(columns, start=1):
            name = QLabel(html.escape(column))
            if column in remembered:
                name.setText(self.tr("{column} <i>(remembered)</i>").format(
                    column=html.escape(column)))
            elif column in self.unknown:
                name.setText(self.tr("<b>{column}</b> <i>(not recognised)</i>").format(
                    column=html.escape(column)))
            example = next((v for v in first[column].tolist() if v), "")
            example_label = QLabel(example if len(example) <= 40 else example[:39] + "…")
            example_label.setTextFormat(Qt.TextFormat.PlainText)
            combo = ChoiceCombo(choices)
            combo.setMinimumContentsLength(18)
            combo.set_value(self.wiz.mapping.get(column))
            combo.setObjectName(f"mapping:{column}")
            name.setBuddy(combo)
            self.grid.addWidget(name, row, 0)
            self.grid.addWidget(example_label, row, 1)
            self.grid.addWidget(combo, row, 2)
            self.combos[column] = combo
        self.grid.setRowStretch(len(columns) + 1, 1)
        waiting = [c for c in self.unknown if c not in remembered]
        if len(waiting) == 1:
            self.note.setText(self.tr("One column was not recognised: choose the field it goes into, "
                                      "or leave it out. Your choice is remembered for the next import."))
        elif waiting:
            self.note.setText(self.tr("{count} columns were not recognised: choose the field each "
                                      "one goes into, or leave it out. Your choices are remembered "
                                      "for the next import.").format(count=len(waiting)))
        else:
            self.note.setText(self.tr("Every column is matched. Check the fields, or go on."))
        self.error.hide()

    def chosen(self) -> dict[str, str | None]:
        return {column: combo.value() for column, combo in self.combos.items()}

    def import_without_phone(self) -> bool:
        """No column goes into Phone: say what that means and let the user choose."""
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("No phone column"),
                          self.tr("No column goes into Phone."), QMessageBox.StandardButton.NoButton,
                          self)
        box.setInformativeText(self.tr(
            "The customers will have no number to call (they go on the red list), and duplicates "
            "can be found only by name, address, area and birth date. Choose the phone column, "
            "or import without phones."))
        choose = box.addButton(self.tr("&Choose the phone column"), QMessageBox.ButtonRole.RejectRole)
        go = box.addButton(self.tr("Import &without phones"), QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(choose)
        box.exec()
        return box.clickedButton() is go

    def validatePage(self) -> bool:  # noqa: N802 - Qt naming
        mapping, kind = self.chosen(), self.wiz.kind()
        try:
            importing.check_mapping(mapping, kind)
        except ArchiveError as exc:
            self.error.setText(str(exc))
            self.error.show()
            return False
        missing = importing.match_headers(list(mapping), kind, saved=mapping).missing
        if missing:
            names = ", ".join(self.tr("the customer's phone or number") if key == "customer_id"
                              else field_label(key) for key in missing)
            self.error.setText(self.tr("No column is mapped to {fields}; the import needs it. "
                                       "Choose the column that holds it.").format(fields=names))
            self.error.show()
            return False
        if kind == "customers" and not any(f in ("phone", "phone2") for f in mapping.values()) \
                and not self.import_without_phone():
            return False
        # Remember the user's decisions: every column not recognised on its own, and
        # every automatic match the user changed.
        decisions = {c: f for c, f in mapping.items()
                     if c in self.unknown or f != self.automatic.get(c)}
        remember_mappings(kind, decisions)
        self.wiz.mapping = mapping
        self.wiz.manager = self.manager.text().strip() or settings.user_name()
        self.error.hide()
        return True


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
        self.rejects_view = _table_view()
        self.rejects_view.setModel(self.rejects_model)
        self.duplicates_model = RecordsModel(parent=self)
        self.duplicates_view = _table_view()
        self.duplicates_view.setModel(self.duplicates_model)
        self.skipped_model = RecordsModel(parent=self)
        self.skipped_view = _table_view()
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
        work = self.wiz.import_work(dry_run=True)
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
        work = self.wiz.import_work(dry_run=False)
        self.progress.start(work, self.tr("Importing…"), on_success=self._done,
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


class ImportDialog(QWizard):
    FILE, PREVIEW, MAPPING, CHECK, IMPORT = range(5)

    def __init__(self, parent: QWidget | None, archive: Archive):
        super().__init__(parent)
        self.archive = archive
        self.frame: pd.DataFrame | None = None
        self.source: tuple[Path, str] | None = None
        self.mapping: dict[str, str | None] = {}
        self.manager = settings.user_name()
        self.check: ImportResult | None = None
        self.outcome: ImportResult | None = None
        self.setWindowTitle(self.tr("Import customers or transactions"))
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoDefaultButton, False)
        self.file_page = FilePage(self)
        self.preview_page = PreviewPage(self)
        self.mapping_page = MappingPage(self)
        self.check_page = CheckPage(self)
        self.import_page = ImportPage(self)
        for page_id, page in ((self.FILE, self.file_page), (self.PREVIEW, self.preview_page),
                              (self.MAPPING, self.mapping_page), (self.CHECK, self.check_page),
                              (self.IMPORT, self.import_page)):
            self.setPage(page_id, page)
        # Wide enough for the rejects' reasons on a 1366×768 laptop.
        room = screen_fit.available_area(self)
        self.resize(min(1200, room.width() - 40), min(700, room.height() - 40))

    def kind(self) -> str:
        return self.file_page.kind()

    def import_work(self, *, dry_run: bool, partial: bool = True):
        """The dry run or the import, for a worker thread: its own connection, the table
        already read, the user's mapping and manager."""
        frame, kind, mapping = self.frame, self.kind(), dict(self.mapping)
        rejects_path = None if dry_run else importing.default_rejects_path(self.file_page.path())
        archive, by = self.archive, settings.user_name()
        manager = self.manager if kind == "customers" else None

        def work(progress):
            conn = archive.reader()
            try:
                return importing.import_frame(conn, frame, kind=kind, mapping=mapping,
                                              partial=partial, dry_run=dry_run,
                                              rejects_path=rejects_path, by=by,
                                              progress=progress, manager=manager)
            finally:
                conn.close()
        return work

    def reject(self) -> None:
        """Cancel (Esc): during the import it cancels the import and stays to say so;
        otherwise any check still running is stopped before the window closes."""
        if self.import_page.running():
            self.import_page.cancel()
            return
        for page in (self.preview_page, self.check_page):
            page.progress.forget()
            page.progress.wait()
        super().reject()

    @classmethod
    def run(cls, parent: QWidget | None, archive: Archive) -> ImportResult | None:
        """Run the wizard; the import's result, or None if no import ran."""
        wizard = cls(parent, archive)
        try:
            wizard.exec()
            return wizard.outcome
        finally:
            wizard.deleteLater()
