"""What is due: the customers to visit and to call in a date range, ranked, with why
(``model.visits.due.due_list``); from here a visit plan is made and a tracking log printed."""
from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QFontMetrics, QKeySequence, QShortcut
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QPushButton,
                               QSplitter, QTableView, QVBoxLayout, QWidget)

from gui.common.icons import icon
from gui.common.forms import date_edit, from_qdate, manager_combo
from gui.visits.plan_models import SORT_ROLE, DueTableModel
from gui.common.lazy_load import LoadsWhenShown
from gui.common.tasks import TaskHandle, run_task, show_error
from model.visits import due
from model.archive.database import Archive


class DuePanel(LoadsWhenShown, QWidget):
    plan_requested = Signal(object, int, object)    # first day, calendar days, manager (None: all)
    tracking_log_requested = Signal(object, object)  # first day, manager
    loaded = Signal()

    def __init__(self, archive: Archive, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("due_panel")
        self.archive = archive
        self.task: TaskHandle | None = None
        self.due: due.DueList | None = None
        today = date.today()
        self.from_edit = date_edit(today, self)
        self.to_edit = date_edit(today + timedelta(days=6), self)
        self.manager = manager_combo(archive.conn, None, self, self.tr("All managers"))
        self.show_button = QPushButton(self.tr("&Show"), self)
        self.show_button.setToolTip(self.tr("List who is due in these days (F5)"))
        self.show_button.clicked.connect(self.load)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Refresh), self, self.load,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.plan_button = QPushButton(icon("visits"), self.tr("Pla&n these visits…"), self)
        self.plan_button.setToolTip(self.tr("Make a visit plan for these days from the visits due"))
        self.plan_button.clicked.connect(self._plan)
        self.log_button = QPushButton(icon("print"), self.tr("Print tracking &log…"), self)
        self.log_button.setToolTip(self.tr("The tracking log of an opportunity grade: A daily, B weekly, "
                                           "C half-monthly, D monthly"))
        self.log_button.clicked.connect(
            lambda: self.tracking_log_requested.emit(from_qdate(self.from_edit.date()),
                                                     self.manager.currentData()))
        self.print_button = QPushButton(icon("print"), self.tr("Print &due list…"), self)
        self.print_button.setToolTip(self.tr("Print who is due in these days, visits and calls"))
        self.print_button.clicked.connect(self.print_due_list)
        bar = QHBoxLayout()
        for text, widget in ((self.tr("&From:"), self.from_edit), (self.tr("&To:"), self.to_edit),
                             (self.tr("&Manager:"), self.manager)):
            label = QLabel(text, self)
            label.setBuddy(widget)
            bar.addWidget(label)
            bar.addWidget(widget)
        bar.addWidget(self.show_button)
        bar.addStretch(1)
        outputs = QHBoxLayout()     # a second row: one row is wider than a laptop at 125 %
        outputs.addWidget(self.plan_button)
        outputs.addWidget(self.print_button)
        outputs.addWidget(self.log_button)
        outputs.addStretch(1)

        self.visits_model = DueTableModel(self)
        self.calls_model = DueTableModel(self)
        self.visits_table = self._table(self.visits_model, "due_visits")
        self.calls_table = self._table(self.calls_model, "due_calls")
        self.visits_label = QLabel(self)
        self.visits_label.setBuddy(self.visits_table)
        self.calls_label = QLabel(self)
        self.calls_label.setBuddy(self.calls_table)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        for label, table in ((self.visits_label, self.visits_table), (self.calls_label, self.calls_table)):
            box = QWidget(splitter)
            column = QVBoxLayout(box)
            column.setContentsMargins(0, 4, 0, 0)
            column.addWidget(label)
            column.addWidget(table, 1)
            splitter.addWidget(box)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addLayout(bar)
        layout.addLayout(outputs)
        layout.addWidget(self.status)
        layout.addWidget(splitter, 1)
        self._show_counts()
        self._shown_once = False

    def _table(self, model: DueTableModel, name: str) -> QTableView:
        proxy = QSortFilterProxyModel(self)
        proxy.setSourceModel(model)
        proxy.setSortRole(SORT_ROLE)
        table = QTableView(self)
        table.setObjectName(name)
        table.setModel(proxy)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.setTabKeyNavigation(False)
        table.setSortingEnabled(True)
        table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(QFontMetrics(table.font()).height() + 8)
        header = table.horizontalHeader()
        header.setHighlightSections(False)
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        return table

    def print_due_list(self):
        """Print the due list of the chosen days (the PDF written, or None)."""
        from gui.visits.print_dialogs import DueListDialog
        first, last = self.range()
        if last < first:
            self.status.setText(self.tr("The last day is before the first; choose a later last day."))
            return None
        written = DueListDialog.run(self, self.archive, first, last, self.manager.currentData())
        if written is not None:
            self.status.setText(self.tr("Printed to {path}").format(path=written))
        return written

    def range(self) -> tuple[date, date]:
        return from_qdate(self.from_edit.date()), from_qdate(self.to_edit.date())

    def load(self) -> TaskHandle | None:
        """List who is due (in a worker: grading data for every customer is read)."""
        first, last = self.range()
        if last < first:
            self.status.setText(self.tr("The last day is before the first; choose a later last day."))
            return None
        if self.busy():
            return None
        archive, manager = self.archive, self.manager.currentData()
        self.status.setText(self.tr("Finding who is due…"))
        self.show_button.setEnabled(False)

        def work(progress):
            conn = archive.reader()
            try:
                return due.due_list(conn, first, last, manager)
            finally:
                conn.close()

        self.task = run_task(self, work, on_success=self._loaded, on_failure=self._failed)
        return self.task

    def _loaded(self, result: due.DueList) -> None:
        self.show_button.setEnabled(True)
        self.due = result
        self.visits_model.set_items(result.visits)
        self.calls_model.set_items(result.calls)
        for table in (self.visits_table, self.calls_table):
            table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
            self._fit(table)
        self._show_counts()
        overdue = sum(1 for item in result.visits + result.calls if item.overdue)
        self.status.setText(self.tr("{start} to {end}: {overdue} overdue; ranked most urgent first "
                                    "(overdue value tier A, then overdue or tier A, then the rest).")
                            .format(start=result.start.isoformat(), end=result.end.isoformat(),
                                    overdue=overdue))
        self.loaded.emit()

    def _failed(self, exc: BaseException) -> None:
        self.show_button.setEnabled(True)
        self.status.clear()
        if self.isVisible():        # not while the window closes the archive under a running read
            show_error(self, exc)
        else:
            self._shown_once = False

    def _fit(self, table: QTableView) -> None:
        em = table.fontMetrics().horizontalAdvance("M")
        table.resizeColumnsToContents()
        header = table.horizontalHeader()
        limits = {1: 9, 2: 10, 7: 12, 8: 16, 9: 40}
        for column in range(header.count()):
            header.resizeSection(column, min(header.sectionSize(column), em * limits.get(column, 9)))

    def _show_counts(self) -> None:
        self.visits_label.setText(self.tr("&Visits due ({count})").format(count=self.visits_model.rowCount()))
        self.calls_label.setText(self.tr("&Calls due ({count}): by phone, SMS or online")
                                 .format(count=self.calls_model.rowCount()))
        self.plan_button.setEnabled(self.visits_model.rowCount() > 0 or self.due is None)

    def _plan(self) -> None:
        first, last = self.range()
        days = max(1, (last - first).days + 1)
        self.plan_requested.emit(first, days, self.manager.currentData())
