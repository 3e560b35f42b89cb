"""The Today area, the first of the window (``model.visits.today``): today's visits in route
order with one-key outcome logging (Ctrl+D done, Ctrl+L the outcome dialog), the calls
due today (and, in one line, the A-tier customers due only for the market news, whose
numbers copy for one group message), overdue customers per value tier, the open 101 follow-ups, the activities
running and the birthdays of the week. Enter or a double click opens an item: its
customer in the editor, the partner's or activity's area for the others.

The visits on the left, the other lists in tabs beside them, and the manager's day
(``gui.visits.daily_sheets_panel``) a tab of the page: whole on a 1366×768 laptop at 150 %."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Callable, Sequence

from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (QAbstractItemView, QGroupBox, QHBoxLayout, QLabel, QPushButton, QSplitter,
                               QTableView, QTabWidget, QVBoxLayout, QWidget)

from gui.common import operations
from gui.common.lazy_load import LoadsWhenShown
from gui.common.operations import Changes, write
from gui.common.tasks import TaskHandle, run_task, show_error
from gui.common.widgets import records_view
from gui.visits.visit_writes import outcome_changes
from model.core import settings
from model.visits import today, visit_plan
from model.archive.database import Archive

LATE = "#b3261e"


@dataclass
class Row:
    cells: Sequence[str]
    opens: tuple[str, Any]          # ('customer', id) / ('partners', id) / ('marketing', id)
    payload: Any = None
    late: bool = False


class RowsModel(QAbstractTableModel):
    """A short list of rows under fixed headers (a section of the Today page)."""

    def __init__(self, headers: Callable[[], list[str]], parent=None):
        super().__init__(parent)
        self._headers = headers
        self.rows: list[Row] = []

    def set_rows(self, rows: list[Row]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._headers())

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            headers = self._headers()
            return headers[section] if 0 <= section < len(headers) else None
        return None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        row = self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return row.cells[index.column()] if index.column() < len(row.cells) else ""
        if role == Qt.ItemDataRole.ForegroundRole and row.late:
            return QBrush(QColor(LATE))
        return None


class TodayPage(LoadsWhenShown, QWidget):
    customer_requested = Signal(int)       # open this customer in the editor
    area_requested = Signal(str)           # show this area of the window ('partners', 'marketing', 'visits')
    loaded = Signal()
    visits_logged = Signal()

    def on_changes(self, changes: Changes) -> None:
        if not self._notifying:
            super().on_changes(changes)

    def __init__(self, archive: Archive, language: str = "en", parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("today_page")
        self.archive = archive
        self._notifying = False
        operations.changes_of(archive).changed.connect(self.on_changes)
        self.task: TaskHandle | None = None
        self.today: today.Today | None = None
        self._shown_once = False
        self.title = QLabel(self)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.overdue_label = QLabel(self)
        self.overdue_label.setObjectName("today_overdue")
        self.overdue_label.setWordWrap(True)
        self.refresh_button = QPushButton(self.tr("&Refresh"), self)
        self.refresh_button.setToolTip(self.tr("Read today's lists again (F5)"))
        self.refresh_button.clicked.connect(self.load)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Refresh), self, self.load,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.status = QLabel(self)
        self.status.setWordWrap(True)

        self.visits = self._section("today_visits", lambda: [
            "#", self.tr("Time"), self.tr("Customer"), self.tr("Area"), self.tr("Purpose"), self.tr("Outcome")],
            boxed=True)
        self.calls = self._section("today_calls", lambda: [
            self.tr("Customer"), self.tr("Phone"), self.tr("Grade"), self.tr("Why due")])
        self.follow_ups = self._section("today_follow_ups", lambda: [
            self.tr("Partner"), self.tr("Action"), self.tr("Owner"), self.tr("Due")])
        self.activities = self._section("today_activities", lambda: [
            self.tr("Activity"), self.tr("Starts"), self.tr("Ends")])
        self.birthdays = self._section("today_birthdays", lambda: [
            self.tr("Birthday"), self.tr("Customer"), self.tr("Age"), self.tr("Phone")])

        self.done_action = QAction(self.tr("Mark &done"), self)
        self.done_action.setShortcut(QKeySequence("Ctrl+D"))
        self.done_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.done_action.triggered.connect(lambda: self.log_current("done"))
        self.log_action = QAction(self.tr("&Log visit…"), self)
        self.log_action.setShortcut(QKeySequence("Ctrl+L"))
        self.log_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.log_action.triggered.connect(lambda: self.log_current(None))
        view = self.visits[1]
        view.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        view.addAction(self.done_action)
        view.addAction(self.log_action)
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.done_button = QPushButton(self.tr("Done (Ctrl+D)"), self)
        self.done_button.clicked.connect(lambda: self.log_current("done"))
        self.log_button = QPushButton(self.tr("Log outcome… (Ctrl+L)"), self)
        self.log_button.clicked.connect(lambda: self.log_current(None))
        self.plan_button = QPushButton(self.tr("Open the plan"), self)
        self.plan_button.clicked.connect(lambda: self.area_requested.emit("visits"))
        # A-tier customers due only for the market news: one group message, not calls
        self.news_label = QLabel(self)
        self.news_label.setObjectName("today_news")
        self.news_label.setWordWrap(True)
        self.news_button = QPushButton(self.tr("Copy their numbers"), self)
        self.news_button.setToolTip(self.tr("Copy the phone numbers for one group message"))
        self.news_button.clicked.connect(self.copy_news_numbers)

        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.refresh_button)
        visits_box = self.visits[2]
        buttons = QHBoxLayout()
        buttons.addWidget(self.done_button)
        buttons.addWidget(self.log_button)
        buttons.addStretch(1)
        buttons.addWidget(self.plan_button)
        visits_box.layout().addLayout(buttons)
        news_row = QHBoxLayout()
        news_row.addWidget(self.news_label, 1)
        news_row.addWidget(self.news_button)
        self.calls[2].layout().addLayout(news_row)
        # On a 1366×768 laptop at 150 % the page has about 760×350 pixels: the visits on the
        # left, the other lists of the day one at a time in tabs beside them (each as tall as
        # the page allows), and the manager's day a tab of the page of its own.
        self.lists = QTabWidget(self)
        self.lists.setObjectName("today_lists")
        for section in (self.calls, self.follow_ups, self.birthdays, self.activities):
            self.lists.addTab(section[2], "")
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("today_splitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(visits_box)
        self.splitter.addWidget(self.lists)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self._splitter_moved = False          # the user's sharing is kept, else _share_splitter's
        self.splitter.splitterMoved.connect(self._user_moved_splitter)
        self.splitter.installEventFilter(self)
        day_page = QWidget(self)
        day_page.setObjectName("today_day_page")
        day_layout = QVBoxLayout(day_page)
        day_layout.setContentsMargins(4, 4, 4, 4)
        day_layout.addWidget(self.splitter)
        from gui.visits.daily_sheets_panel import DailySheetsPanel      # targets, care calls, the sheets (issue 20)
        self.sheets = DailySheetsPanel(archive, self)
        self.sheets.customer_requested.connect(self.customer_requested)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("today_tabs")
        self.tabs.addTab(day_page, self.tr("Today's lists"))
        self.tabs.addTab(self.sheets, "")
        self.sheets.setFlat(True)
        self.sheets.loaded.connect(self._sheets_title)
        self._sheets_title()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.addLayout(top)
        layout.addWidget(self.overdue_label)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.status)
        self.setFocusProxy(view)
        self._show(None)

    def _section(self, name: str, headers: Callable[[], list[str]],
                 boxed: bool = False) -> tuple[RowsModel, QTableView, QWidget]:
        """A list of the page: its model, its view and what holds them (a titled box for the
        visits, a tab's page for the others: the tab says the title)."""
        model = RowsModel(headers, self)
        view = records_view(model)
        view.setParent(self)
        view.setObjectName(name)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setTabKeyNavigation(False)
        view.activated.connect(lambda index, m=model: self.open_row(m, index.row()))
        box = QGroupBox(self) if boxed else QWidget(self)
        column = QVBoxLayout(box)
        column.setContentsMargins(*((6, 4, 6, 6) if boxed else (4, 4, 4, 4)))
        column.addWidget(view, 1)
        return model, view, box

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if watched is self.splitter and event.type() == QEvent.Type.Resize:
            self._share_splitter()
        return super().eventFilter(watched, event)

    def _sheets_title(self) -> None:
        """The manager's day says its title on its tab, not again above itself."""
        if self.sheets.title():
            self.tabs.setTabText(self.tabs.indexOf(self.sheets), self.sheets.title())
            self.sheets.setTitle("")

    def _user_moved_splitter(self, *_args) -> None:
        self._splitter_moved = True

    def _share_splitter(self) -> None:
        """The lists' tabs get room for their titles whole (two fifths at least), as far as
        the visits' own minimum leaves it."""
        if self._splitter_moved:
            return
        total = self.splitter.width() - self.splitter.handleWidth()
        if total <= 0:
            return
        wanted = max(total * 2 // 5, self.lists.tabBar().sizeHint().width() + 8)
        right = max(self.lists.minimumSizeHint().width(),
                    min(wanted, total - self.visits[2].minimumSizeHint().width()))
        if self.splitter.sizes() != [total - right, right]:
            self.splitter.setSizes([total - right, right])

    # -- loading -------------------------------------------------------------------
    def load(self, day: date | None = None) -> TaskHandle | None:
        if self.busy():
            return None
        archive, when = self.archive, day or date.today()
        self.status.setText(self.tr("Reading today's lists…"))

        def work(progress):
            conn = archive.reader()
            try:
                return today.today(conn, when)
            finally:
                conn.close()

        self.task = run_task(self, work, on_success=self._loaded, on_failure=self._failed, cancellable=False)
        self.sheets.load(when)
        return self.task

    def _loaded(self, result: today.Today) -> None:
        self._show(result)
        self.status.setText("")
        self.loaded.emit()

    def _failed(self, exc: BaseException) -> None:
        self.status.setText("")
        if self.isVisible():        # not while the window closes the archive under a running read
            show_error(self, exc)
        else:
            self._shown_once = False
        self.loaded.emit()

    def _show(self, data: today.Today | None) -> None:
        self.today = data
        from gui.visits.plan_models import outcome_text, weekday_short
        when = data.day if data else date.today()
        self.title.setText(self.tr("Today, {weekday} {date}").format(weekday=weekday_short(when),
                                                                    date=when.isoformat()))
        if data is None:
            for model, _view, _box in self._sections():
                model.set_rows([])
            self._show_news([])
            self._titles()
            return
        self.visits[0].set_rows([
            Row([str(v.position or ""), v.time_text, v.name, v.area or "", v.purpose or "", outcome_text(v)],
                ("customer", v.customer_id) if v.customer_id is not None else ("partners", v.partner_action_id),
                v, late=not v.fits_window and not v.outcome) for v in data.visits])
        self.calls[0].set_rows([
            Row([c.name, c.phone or "", " / ".join(g for g in (c.tier, c.opportunity_grade) if g), c.reason],
                ("customer", c.customer_id), c, late=c.overdue) for c in data.calls])
        self.follow_ups[0].set_rows([
            Row([f.partner, f.text, f.owner, f.due_on.isoformat()], ("partners", f.partner_id), f,
                late=f.overdue_days > 0) for f in data.follow_ups])
        self.activities[0].set_rows([
            Row([a.title, a.starts_at or "", a.ends_at or ""], ("marketing", a.plan_id), a) for a in data.activities])
        self.birthdays[0].set_rows([
            Row([b.on.isoformat() + (" " + self.tr("today") if b.on == data.day else ""), b.name,
                 str(b.age) if b.age is not None else "", b.phone or ""], ("customer", b.customer_id), b)
            for b in data.birthdays])
        self._show_news(data.news)
        tiers = [(t, n) for t, n in sorted(data.overdue.items(), key=lambda kv: (kv[0] == "", kv[0]))]
        if tiers:
            parts = [(self.tr("tier {tier}: {count}").format(tier=t, count=n) if t
                      else self.tr("ungraded: {count}").format(count=n)) for t, n in tiers]
            self.overdue_label.setText(self.tr("Overdue or never visited — {counts}").format(counts=", ".join(parts)))
        else:
            self.overdue_label.setText(self.tr("Nobody is overdue."))
        self._titles()
        for _model, view, _box in self._sections():
            view.resizeColumnsToContents()
            header = view.horizontalHeader()
            for column in range(header.count()):
                widest = self.fontMetrics().horizontalAdvance("M") * 16
                header.resizeSection(column, min(header.sectionSize(column), widest))
        if data.visits and not self.visits[1].currentIndex().isValid():
            first_open = next((n for n, v in enumerate(data.visits) if not v.outcome), 0)
            self.visits[1].setCurrentIndex(self.visits[0].index(first_open, 0))
        self._update_buttons()

    def _show_news(self, news) -> None:
        self.news_label.setText(self.tr("Market news to send: {count} A-tier customers (SMS)")
                                .format(count=len(news)) if news else "")
        self.news_label.setToolTip("、".join(n.name for n in news))
        self.news_label.setVisible(bool(news))
        self.news_button.setVisible(bool(news))
        self.news_button.setEnabled(any(n.phone for n in news))

    def copy_news_numbers(self) -> str:
        """The phone numbers of the customers due only for the market news, on the clipboard."""
        from PySide6.QtWidgets import QApplication
        numbers = "; ".join(n.phone for n in (self.today.news if self.today else []) if n.phone)
        QApplication.clipboard().setText(numbers)
        self.status.setText(self.tr("{count} numbers copied.").format(count=len(numbers.split("; ")) if numbers else 0))
        return numbers

    def _sections(self):
        return (self.visits, self.calls, self.follow_ups, self.activities, self.birthdays)

    def _titles(self) -> None:
        data = self.today
        count = (lambda items: len(items)) if data else (lambda items: 0)
        if data is not None and data.plan_id is None:
            visits_title = self.tr("Today's visits: no saved plan has today")
        else:
            visits_title = self.tr("Today's visits, in route order ({count})").format(
                count=count(data.visits if data else []))
        self.visits[2].setTitle(visits_title)
        # The tabs beside the visits say little (a laptop at 150 % has room for four short
        # titles); their tooltips say it whole.
        calls, follow_ups = count(data.calls if data else []), count(data.follow_ups if data else [])
        birthdays, activities = count(data.birthdays if data else []), count(data.activities if data else [])
        titles = ((self.calls, self.tr("Calls ({count})").format(count=calls),
                   self.tr("Calls due today ({count})").format(count=calls)),
                  (self.follow_ups, self.tr("101 follow-ups ({count})").format(count=follow_ups),
                   self.tr("Open 101 follow-ups ({count})").format(count=follow_ups)),
                  (self.birthdays, self.tr("Birthdays ({count})").format(count=birthdays),
                   self.tr("Birthdays this week ({count})").format(count=birthdays)),
                  (self.activities, self.tr("Activities ({count})").format(count=activities),
                   self.tr("Activities running ({count})").format(count=activities)))
        for section, short, whole in titles:
            tab = self.lists.indexOf(section[2])
            self.lists.setTabText(tab, short)
            self.lists.setTabToolTip(tab, whole)
        self._share_splitter()

    def section_title(self, section) -> str:
        """The title a list of the page shows (its box's or its tab's)."""
        box = section[2]
        return box.title() if isinstance(box, QGroupBox) else self.lists.tabToolTip(self.lists.indexOf(box))

    def _update_buttons(self) -> None:
        visit = self.current_visit()
        can = visit is not None and not self.busy()
        for widget in (self.done_button, self.done_action):
            widget.setEnabled(can and visit.outcome != "done")
        for widget in (self.log_button, self.log_action):
            widget.setEnabled(can)
        self.plan_button.setEnabled(bool(self.today and self.today.plan_id))

    # -- acting on items ------------------------------------------------------------
    def current_visit(self) -> visit_plan.PlanVisit | None:
        index = self.visits[1].currentIndex()
        if not index.isValid() or index.row() >= len(self.visits[0].rows):
            return None
        return self.visits[0].rows[index.row()].payload

    def open_row(self, model: RowsModel, row: int) -> None:
        if not 0 <= row < len(model.rows):
            return
        kind, ident = model.rows[row].opens
        if kind == "customer" and ident is not None:
            self.customer_requested.emit(int(ident))
        elif kind in ("partners", "marketing"):
            self.area_requested.emit(kind)

    def log_current(self, outcome: str | None) -> TaskHandle | None:
        """Log the chosen visit: done at once, or through the outcome dialog."""
        visit = self.current_visit()
        if visit is None or self.busy():
            return None
        if outcome == "done" and visit.outcome == "done":
            return None
        result = next_step = next_date = contact_date = None
        if outcome is None:
            from gui.visits.plan_dialogs import OutcomeDialog
            entry = OutcomeDialog.ask(self, visit)
            if entry is None:
                return None
            outcome, result, next_step, next_date, contact_date = (
                entry.outcome, entry.result, entry.next_step, entry.next_date, entry.contact_date)
        archive, visit_id, by, when = self.archive, visit.id, settings.user_name(), self.today.day
        row = self.visits[1].currentIndex().row()

        self._notifying = True          # its notice: this page reads today again below
        try:
            write(self, lambda conn: visit_plan.log_outcome(conn, visit_id, outcome, result, next_step, next_date,
                                                            by, contact_date),
                  outcome_changes(visit), archive=archive)
        except Exception as exc:        # shown as any failure of the page is
            self._failed(exc)
            return None
        finally:
            self._notifying = False

        def work(progress):
            conn = archive.reader()
            try:
                return today.today(conn, when)
            finally:
                conn.close()

        def done(data) -> None:
            self._show(data)
            following = min(row + 1, len(data.visits) - 1)
            if following >= 0:
                self.visits[1].setCurrentIndex(self.visits[0].index(following, 0))
            self.status.setText(self.tr("{name}: logged.").format(name=visit.name))
            self._update_buttons()
            self.visits_logged.emit()

        self.task = run_task(self, work, on_success=done, on_failure=self._failed, cancellable=False)
        return self.task
