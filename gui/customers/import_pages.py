"""The import wizard's first pages: the file, its preview (and header row), the column
mapping; and what every page shares (the remembered mappings, the work page with its
progress). The wizard itself is ``gui.customers.import_dialog.ImportDialog``."""
from __future__ import annotations

import html
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractItemView, QButtonGroup, QFileDialog, QFormLayout, QGridLayout,
                               QHBoxLayout, QHeaderView, QLabel, QLineEdit, QMessageBox, QPushButton,
                               QRadioButton, QScrollArea, QSpinBox, QTableView, QVBoxLayout, QWidget, QWizardPage)

from gui.common.widgets import (ERROR_STYLE, ChoiceCombo, RecordsModel, TaskProgress, field_label,
                                fit_columns, show_failure)
from model.customers import importing
from model.core import settings
from model.archive.database import ArchiveError

if TYPE_CHECKING:
    from gui.customers.import_dialog import ImportDialog

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


def import_table_view() -> QTableView:
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
        self.view = import_table_view()
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
