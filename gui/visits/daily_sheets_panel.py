"""The manager's day on the Today page (``model.visits.daily_sheets``, 晨会 / 夕会): the targets of
the day and the month to date against the actuals, the care calls due (birthdays and
festivals, ``model.customers.care``), and what moves to the next working day; the targets dialog;
and the morning and evening sheets printed (``reports.daily_sheets``)."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (QComboBox, QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QGroupBox,
                               QHBoxLayout, QLabel, QLineEdit, QPushButton, QTabWidget, QVBoxLayout, QWidget)

from gui.common.forms import error_label

from model.archive.page_header import branch_name
from gui.visits.print_dialogs import PrintDialog, reading
from gui.common.operations import Changes, write
from gui.common.tasks import TaskHandle, run_task, show_error
from gui.common.widgets import RecordsModel, fit_columns, records_view, show_failure
from model.customers import books
from model.visits import daily_sheets, targets
from model.archive import database
from model.core import settings
from model.archive.database import Archive
from model.core.i18n import translate


def managers_to_choose(conn) -> list[str]:
    """The managers holding customers; the user first when not among them (a new archive)."""
    names = books.managers(conn)
    me = settings.user_name()
    return names if me in names or names else [me]


class TargetsDialog(QDialog):
    """A manager's targets for a month, one field per kind (rules data), written in one step."""

    def __init__(self, parent: QWidget | None, archive: Archive, manager: str, month: str):
        super().__init__(parent)
        self.setObjectName("targets_dialog")
        self.archive, self.manager = archive, manager
        self.setWindowTitle(self.tr("Targets of {name}").format(name=manager))
        self.month = QDateEdit(self)
        self.month.setObjectName("targets_month")
        self.month.setDisplayFormat("yyyy-MM")
        first, _last = targets.month_days(month)
        self.month.setDate(QDate(first.year, first.month, 1))
        self.month.dateChanged.connect(lambda *_: self._load())
        self.days = QLabel(self)
        self.days.setWordWrap(True)
        self.fields: dict[str, QLineEdit] = {}
        form = QFormLayout()
        form.addRow(self.tr("&Month:"), self.month)
        form.addRow("", self.days)
        for kind in targets.kinds():
            edit = QLineEdit(self)
            edit.setObjectName(f"target_{kind.key}")
            edit.setPlaceholderText(self.tr("no target"))
            edit.setToolTip(kind.counted())
            edit.textChanged.connect(lambda *_: self._preview())
            self.fields[kind.key] = edit
            form.addRow(kind.label() + ":", edit)
        self.error = error_label(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 36)
        self._load()

    def month_key(self) -> str:
        chosen = self.month.date()
        return f"{chosen.year():04d}-{chosen.month():02d}"

    def _load(self) -> None:
        stored = targets.month_targets(self.archive.conn, self.manager, self.month_key())
        for kind in targets.kinds():
            value = stored.get(kind.key)
            self.fields[kind.key].setText("" if value is None else targets.number_text(value, kind.whole)
                                          .replace(",", ""))
        self._preview()

    def _preview(self) -> None:
        days = targets.working_days(self.month_key())
        shares = []
        for kind in targets.kinds():
            try:
                total = float(self.fields[kind.key].text().replace(",", "") or "nan")
            except ValueError:
                continue
            if total == total and days:
                shares.append(self.tr("{kind} about {share} a day").format(
                    kind=kind.label(), share=targets.number_text(total / len(days), False)))
        text = self.tr("{count} working days (holidays and make-up days counted).").format(count=len(days))
        self.days.setText(text + (" " + "; ".join(shares) if shares else ""))

    def save(self) -> None:
        values = {key: edit.text() for key, edit in self.fields.items()}
        try:
            manager, month, by = self.manager, self.month_key(), settings.user_name()
            write(self, lambda conn: targets.set_targets(conn, manager, month, values, by=by),
                  Changes.of(Changes.TARGETS), archive=self.archive)
        except database.ArchiveError as exc:
            show_failure(self.error, exc)
            return
        self.accept()


class SheetPrintDialog(PrintDialog):
    """Print the morning or the evening sheet of a day (``reports.daily_sheets``)."""

    def __init__(self, parent: QWidget | None, archive: Archive, day: date, manager: str, evening: bool):
        words = (translate("SheetPrintDialog", "evening-sheet") if evening
                 else translate("SheetPrintDialog", "morning-sheet"))
        super().__init__(parent, branch_name(archive.conn), f"{words}-{day.isoformat()}.pdf")
        self.archive = self.audit_archive = archive
        self.day, self.manager, self.evening = day, manager, evening
        self.setObjectName("sheet_print_dialog")
        self.setWindowTitle(self.tr("Print the evening sheet") if evening else self.tr("Print the morning sheet"))
        summary = QLabel(self.tr("{name}, {date}").format(name=manager, date=day.isoformat()), self)
        self.form.addRow(summary)

    def job(self, path: Path, branch: str | None, full_phone: bool):
        from reports.daily_sheets import evening_sheet_pdf, morning_sheet_pdf
        archive, day, manager, evening, printed = self.archive, self.day, self.manager, self.evening, self.printed
        what = (translate("Audit", "Evening sheet {date}") if evening else translate("Audit", "Morning sheet {date}"))

        def work(progress) -> Path:
            build = daily_sheets.evening if evening else daily_sheets.morning
            sheet = reading(archive, lambda conn: build(conn, day, manager))
            write = evening_sheet_pdf if evening else morning_sheet_pdf
            printed.update(what=what.format(date=day.isoformat()), detail={"manager": manager})
            return write(sheet, path, branch=branch, show_full_phone=full_phone)
        return work


class DailySheetsPanel(QGroupBox):
    customer_requested = Signal(int)
    loaded = Signal()

    def __init__(self, archive: Archive, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("daily_sheets")
        self.archive = archive
        self.day = date.today()
        self.task: TaskHandle | None = None
        self.morning: daily_sheets.MorningSheet | None = None
        self.evening: daily_sheets.EveningSheet | None = None
        self.manager = QComboBox(self)
        self.manager.setObjectName("sheets_manager")
        self.manager.activated.connect(lambda *_: self.load(self.day))
        self.targets_button = QPushButton(self.tr("&Targets…"), self)
        self.targets_button.setObjectName("sheets_targets")
        self.targets_button.clicked.connect(self.edit_targets)
        self.morning_button = QPushButton(self.tr("Print the &morning sheet…"), self)
        self.morning_button.setObjectName("sheets_print_morning")
        self.morning_button.clicked.connect(lambda: self.print_sheet(evening=False))
        self.evening_button = QPushButton(self.tr("Print the e&vening sheet…"), self)
        self.evening_button.setObjectName("sheets_print_evening")
        self.evening_button.clicked.connect(lambda: self.print_sheet(evening=True))
        self.tabs = QTabWidget(self)
        self.targets_model, self.targets_view = self._tab("sheets_targets_table")
        self.care_model, self.care_view = self._tab("sheets_care")
        self.moves_model, self.moves_view = self._tab("sheets_moves")
        self.care_view.activated.connect(lambda index: self._open(self.care_rows, index.row()))
        self.moves_view.activated.connect(lambda index: self._open(self.moves_rows, index.row()))
        self.care_rows: list[int] = []
        self.moves_rows: list[int | None] = []
        top = QHBoxLayout()
        label = QLabel(self.tr("Ma&nager:"), self)
        label.setBuddy(self.manager)
        top.addWidget(label)
        top.addWidget(self.manager)
        top.addStretch(1)
        for button in (self.targets_button, self.morning_button, self.evening_button):
            top.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 6)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        self._fill_managers()
        self._titles()

    def _tab(self, name: str):
        model = RecordsModel(parent=self)
        view = records_view(model)
        view.setObjectName(name)
        view.setMinimumHeight(self.fontMetrics().height() * 3)   # the Today page fits a 768-pixel screen
        self.tabs.addTab(view, "")
        return model, view

    def _fill_managers(self) -> None:
        current = self.manager.currentText() or settings.user_name()
        names = managers_to_choose(self.archive.conn)
        self.manager.clear()
        self.manager.addItems(names)
        self.manager.setCurrentIndex(max(0, self.manager.findText(current)))

    def manager_name(self) -> str:
        return self.manager.currentText() or settings.user_name()

    def busy(self) -> bool:
        return self.task is not None and not self.task.finished

    # -- reading ---------------------------------------------------------------------
    def load(self, day: date | None = None) -> TaskHandle | None:
        if self.busy():
            return None
        self.day = day or date.today()
        self._fill_managers()
        archive, when, manager = self.archive, self.day, self.manager_name()

        def work(progress):
            conn = archive.reader()
            try:
                return daily_sheets.both(conn, when, manager)
            finally:
                conn.close()

        def failed(exc: BaseException) -> None:
            if self.isVisible():
                show_error(self, exc)
            self.loaded.emit()
        self.task = run_task(self, work, on_success=self._show, on_failure=failed, cancellable=False)
        return self.task

    def _show(self, sheets) -> None:
        self.morning, self.evening = sheets
        standing = self.evening.standing
        n = targets.number_text
        self.targets_model.set_rows(
            [self.tr("Kind"), self.tr("Month"), self.tr("Today's target"), self.tr("Done today"),
             self.tr("Target to date"), self.tr("Done to date")],
            [[line.kind.label(), n(line.month_target, line.kind.whole),
              n(line.day_target, line.kind.whole) if line.month_target is not None else "",
              n(line.day_actual, line.kind.whole),
              n(line.to_date_target, line.kind.whole) if line.month_target is not None else "",
              n(line.to_date_actual, line.kind.whole)] for line in standing.lines])
        care = self.morning.care_calls
        self.care_rows = [c.customer_id for c in care]
        self.care_model.set_rows([self.tr("Occasion"), self.tr("Customer"), self.tr("Phone"), self.tr("Reason")],
                                 [[c.on.isoformat(), c.name, c.phone or "", c.reason] for c in care])
        moves: list[tuple[str, int | None, str, str]] = []
        for v in self.evening.open_visits:
            moves.append((self.tr("Visit"), v.customer_id, v.name, v.purpose or ""))
        for c in self.evening.open_calls:
            moves.append((self.tr("Call"), c.customer_id, c.name, c.reason))
        if self.evening.more_calls:
            moves.append((self.tr("Call"), None, "", self.tr("and {count} more calls due: the due list has them "
                                                             "all").format(count=self.evening.more_calls)))
        for c in self.evening.open_care:
            moves.append((self.tr("Care call"), c.customer_id, c.name, c.reason))
        self.moves_rows = [m[1] for m in moves]
        self.moves_model.set_rows([self.tr("What"), self.tr("Customer"), self.tr("Why")],
                                  [[m[0], m[2], m[3]] for m in moves])
        for view in (self.targets_view, self.care_view, self.moves_view):
            fit_columns(view, 240)
        self._titles()
        self.loaded.emit()

    def _titles(self) -> None:
        standing = self.evening.standing if self.evening else None
        if standing is None:
            day_text = self.tr("Targets")
        elif standing.working_day_number:
            day_text = self.tr("Targets: working day {number} of {days}").format(
                number=standing.working_day_number, days=standing.working_days)
        else:
            day_text = self.tr("Targets: not a working day")
        if standing is not None and not standing.has_targets:
            day_text += " " + self.tr("(none set)")
        self.tabs.setTabText(0, day_text)
        self.tabs.setTabText(1, self.tr("Care calls ({count})").format(count=len(self.care_rows)))
        moved = self.evening.next_day.isoformat() if self.evening else ""
        self.tabs.setTabText(2, self.tr("Moves to {date} ({count})").format(date=moved, count=len(self.moves_rows)))
        self.setTitle(self.tr("Morning and evening sheets (晨会 / 夕会)"))

    def _open(self, ids: list, row: int) -> None:
        if 0 <= row < len(ids) and ids[row] is not None:
            self.customer_requested.emit(int(ids[row]))

    # -- acting ------------------------------------------------------------------------
    def edit_targets(self) -> bool:
        dialog = TargetsDialog(self, self.archive, self.manager_name(), targets.month_of(self.day))
        try:
            saved = dialog.exec() == QDialog.DialogCode.Accepted
        finally:
            dialog.deleteLater()
        if saved:
            self.load(self.day)
        return saved

    def print_sheet(self, evening: bool) -> Path | None:
        return SheetPrintDialog.run(self, self.archive, self.day, self.manager_name(), evening)
