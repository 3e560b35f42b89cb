"""The Visits area: what is due (gui.visits.due_panel) and the visit plan.

The plan screen shows a saved plan (``model.visits.visit_plan``) day by day: the visits
in route order with their time window, planned time, purpose, last result, what
is kept when re-optimising, and the outcome; per day how many are done. Beside it
the day's route (gui.visits.route_view) and below it what the plan leaves out, with why.

Every change goes through ``model.visits.visit_plan`` in a worker with its own
connection (gui.common.tasks) and the page then shows the plan as stored: the window
never freezes, and what it shows is what the archive holds. One change runs at a
time; the plan's controls wait meanwhile.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any, Callable

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QFileDialog, QHBoxLayout, QHeaderView, QLabel,
                               QMenu, QMessageBox, QPushButton, QSplitter, QTableView, QTabWidget, QToolBar,
                               QToolButton, QTreeView, QVBoxLayout, QWidget)

from gui.common import operations, undo
from gui.common.operations import Changes
from gui.main_window.actions import icon
from gui.visits.due_panel import DuePanel
from gui.visits.plan_dialogs import CustomerPicker, NewPlanDialog, OutcomeDialog, branch_name
from gui.visits.print_dialogs import PlanPrintDialog, TrackingLogDialog
from gui.visits.plan_models import ID_ROLE, PlanListModel, PlanTreeModel, day_title
from gui.visits.route_view import RoutePanel
from gui.common.tasks import TaskHandle, run_task, show_error
from model.archive import audit
from model.visits import calendar_export, visit_plan
from model.core import settings
from model.archive.database import Archive
from model.core.i18n import translate
from model.visits.planning_rules import clock


def plan_summary(plan: visit_plan.Plan) -> str:
    logged = sum(d.logged for d in plan.days)
    text = translate("PlanPage", "{planned} visits planned ({logged} logged), {unplanned} not planned; {km} km "
                          "by straight line; {start}-{end}, up to {per_day} a day.").format(
        planned=len(plan.planned()), logged=logged, unplanned=len(plan.unplanned),
        km=f"{plan.route_m / 1000:.1f}", start=clock(plan.settings.get("day_start", 540)),
        end=clock(plan.settings.get("day_end", 1080)), per_day=plan.settings.get("per_day", ""))
    if plan.unknown_legs:
        text += " " + translate("PlanPage", "{count} legs to or from customers without a position are "
                                     "estimated.").format(count=plan.unknown_legs)
    return text


def confirm_break(parent: QWidget, problems: list[str]) -> bool:
    """Ask whether to keep a change that breaks the day; the reasons in red."""
    from html import escape
    box = QMessageBox(QMessageBox.Icon.Warning, translate("PlanPage", "This change breaks the plan"),
                      translate("PlanPage", "The change breaks the rules of the day:"),
                      QMessageBox.StandardButton.Cancel, parent)
    keep = box.addButton(translate("PlanPage", "&Keep it anyway"), QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.setInformativeText("<br>".join(f'<span style="color:#b3261e">{escape(p)}</span>' for p in problems))
    box.setStyleSheet("QLabel { min-width: 26em; }")     # one reason a line, not wrapped word by word
    box.exec()
    return box.clickedButton() is keep


class PlanPanel(QWidget):
    """A saved plan by day, its route, what it leaves out, and the changes to it."""

    plan_shown = Signal()          # a plan (or none) is shown as stored, after any change
    visits_logged = Signal()       # an outcome was logged: who is due has changed

    def __init__(self, archive: Archive, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("plan_panel")
        self.archive = archive
        self.plan: visit_plan.Plan | None = None
        self.plans: list[visit_plan.PlanSummary] = []
        self.task: TaskHandle | None = None
        self._source: QAbstractItemView | None = None    # the view whose visit the actions act on
        self._loaded_once = False
        self._sized = False

        self.plan_combo = QComboBox(self)
        self.plan_combo.setObjectName("plan_choice")
        self.plan_combo.setMinimumContentsLength(36)
        self.plan_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.plan_combo.activated.connect(lambda _row: self.show_plan(self.plan_combo.currentData()))
        plan_label = QLabel(self.tr("P&lan:"), self)
        plan_label.setBuddy(self.plan_combo)
        self.new_button = QPushButton(icon("visits"), self.tr("&New plan…"), self)
        self.new_button.clicked.connect(lambda: self.new_plan())
        self.delete_button = QPushButton(self.tr("Delete plan…"), self)
        self.delete_button.clicked.connect(self.delete_plan)
        top = QHBoxLayout()
        top.addWidget(plan_label)
        top.addWidget(self.plan_combo, 1)
        top.addWidget(self.new_button)
        top.addWidget(self.delete_button)

        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self._build_actions()
        self.toolbar = self._build_toolbar()

        self.model = PlanTreeModel(self)
        self.model.drop_requested.connect(self._dropped)
        self.tree = QTreeView(self)
        self.tree.setObjectName("plan_tree")
        self.tree.setAccessibleName(self.tr("Visit plan by day"))
        self.tree.setModel(self.model)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setIndentation(self.fontMetrics().horizontalAdvance("M"))
        self.tree.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.tree.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.tree.setDropIndicatorShown(True)
        self.tree.setDragEnabled(True)
        self.tree.setAcceptDrops(True)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(lambda pos: self._context_menu(self.tree, pos))
        self.tree.doubleClicked.connect(lambda index: self.log_visit() if self.model.visit_at(index) else None)
        self.tree.header().setStretchLastSection(True)
        self.tree.header().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.tree.selectionModel().currentRowChanged.connect(lambda *_: self._selection_changed(self.tree))
        for action in self.visit_actions:
            self.tree.addAction(action)

        self.unplanned_model = PlanListModel(self)
        self.removed_model = PlanListModel(self)
        self.unplanned_view = self._list_view(self.unplanned_model, "unplanned")
        self.removed_view = self._list_view(self.removed_model, "removed")
        self.left_out = QTabWidget(self)
        self.left_out.addTab(self.unplanned_view, "")
        self.left_out.addTab(self.removed_view, "")

        self.route = RoutePanel(self)
        self.route.view.visit_clicked.connect(self.select_visit)

        left = QSplitter(Qt.Orientation.Vertical, self)
        left.addWidget(self.tree)
        left.addWidget(self.left_out)
        left.setStretchFactor(0, 3)
        left.setStretchFactor(1, 1)
        self.splitter = QSplitter(self)
        self.splitter.setObjectName("plan_splitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.route)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.status = QLabel(self)
        self.status.setObjectName("plan_status")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.summary)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.status)
        self.setFocusProxy(self.tree)
        self._show(None)

    # -- building -------------------------------------------------------------------
    def _action(self, text: str, handler: Callable, shortcut=None, tip: str = "",
                icon_name: str | None = None) -> QAction:
        action = QAction(text, self)
        if isinstance(shortcut, (list, tuple)):
            action.setShortcuts([QKeySequence(k) for k in shortcut])
        elif shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        if icon_name:
            action.setIcon(icon(icon_name))
        keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        action.setToolTip(f"{tip or text.replace('&', '')} ({keys})" if keys else (tip or text.replace("&", "")))
        action.triggered.connect(lambda _checked=False: handler())
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.log_action = self._action(self.tr("&Log visit…"), self.log_visit, ("Return", "Enter"),
                                       self.tr("Record how the visit went: done, not met or rescheduled"),
                                       "contact")
        self.done_action = self._action(self.tr("Mark &done"), self.mark_done, "Ctrl+D",
                                        self.tr("Log the visit as done, without a result"))
        self.up_action = self._action(self.tr("Move &up"), lambda: self.move_by(-1), "Alt+Up",
                                      self.tr("Visit earlier in the day (its place is then kept)"))
        self.down_action = self._action(self.tr("Move do&wn"), lambda: self.move_by(1), "Alt+Down",
                                        self.tr("Visit later in the day (its place is then kept)"))
        self.day_action = self._action(self.tr("Move to &day…"), self.choose_day, "Ctrl+M",
                                       self.tr("Put the visit on another day of the plan"))
        self.lock_action = self._action(self.tr("&Lock"), self.toggle_lock, "Ctrl+K",
                                        self.tr("Keep the visit on its day and in its place when "
                                                "re-optimising"))
        self.lock_action.setCheckable(True)
        self.remove_action = self._action(self.tr("&Remove"), self.remove_visit,
                                          QKeySequence.StandardKey.Delete,
                                          self.tr("Take the visit out of the plan"))
        self.restore_action = self._action(self.tr("Bring &back"), self.restore_visit, None,
                                           self.tr("Bring a removed visit back; re-optimise to place it"))
        self.add_action = self._action(self.tr("&Add customer…"), self.add_customer,
                                       ("Ctrl+Shift+A", "Insert"), self.tr("Add a customer to the plan"),
                                       "customer-new")
        self.reoptimise_action = self._action(self.tr("Re-&optimise"), self.reoptimise, "Ctrl+R",
                                              self.tr("Plan the open visits again, keeping your changes "
                                                      "and the logged visits"))
        self.day_reoptimise_action = self._action(self.tr("Re-optimise this &day"), self.reoptimise_day,
                                                  "Ctrl+Shift+R",
                                                  self.tr("Plan the chosen day again; every other day stays "
                                                          "as it is"))
        self.print_action = self._action(self.tr("&Print…"), self.print_plan,
                                         QKeySequence.StandardKey.Print,
                                         self.tr("Print the plan to carry (PDF)"), "print")
        self.ics_action = self._action(self.tr("Export to &calendar (.ics)…"), lambda: self.export("ics"),
                                       tip=self.tr("One calendar event per visit, for phone and "
                                                   "desktop calendars"))
        self.csv_action = self._action(self.tr("Export as C&SV…"), lambda: self.export("csv"),
                                       tip=self.tr("The plan as a spreadsheet table"))
        self.visit_actions = [self.log_action, self.done_action, self.up_action, self.down_action,
                              self.day_action, self.lock_action, self.remove_action]
        self.day_menu = QMenu(self)
        self.day_menu.aboutToShow.connect(self._fill_day_menu)

    def _build_toolbar(self) -> QToolBar:
        bar = QToolBar(self)
        bar.setObjectName("plan_toolbar")
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for action in (self.log_action, self.done_action):
            bar.addAction(action)
        bar.addSeparator()
        for action in (self.up_action, self.down_action):
            bar.addAction(action)
        day_button = QToolButton(bar)
        day_button.setDefaultAction(self.day_action)
        day_button.setMenu(self.day_menu)
        day_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        bar.addWidget(day_button)
        for action in (self.lock_action, self.remove_action, self.add_action):
            bar.addAction(action)
        bar.addSeparator()
        for action in (self.reoptimise_action, self.day_reoptimise_action, self.print_action):
            bar.addAction(action)
        export = QToolButton(bar)
        export.setText(self.tr("E&xport"))
        export.setIcon(icon("export"))
        export.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        export.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(export)
        menu.addAction(self.ics_action)
        menu.addAction(self.csv_action)
        export.setMenu(menu)
        bar.addWidget(export)
        return bar

    def _list_view(self, model: PlanListModel, name: str) -> QTableView:
        view = QTableView(self)
        view.setObjectName(name)
        view.setModel(model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setWordWrap(False)
        view.setTabKeyNavigation(False)
        view.verticalHeader().hide()
        view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        view.horizontalHeader().setStretchLastSection(True)
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.customContextMenuRequested.connect(lambda pos: self._context_menu(view, pos))
        view.selectionModel().currentRowChanged.connect(lambda *_: self._selection_changed(view))
        for action in (self.day_action, self.remove_action, self.restore_action):
            view.addAction(action)
        return view

    # -- which visit ------------------------------------------------------------------
    def current_visit(self) -> visit_plan.PlanVisit | None:
        if self.plan is None or self._source is None:
            return None
        index = self._source.currentIndex()
        visit_id = index.siblingAtColumn(0).data(ID_ROLE) if index.isValid() else None
        if visit_id is None:
            return None
        try:
            return self.plan.visit(visit_id)
        except KeyError:
            return None

    def current_day(self) -> visit_plan.PlanDay | None:
        if self.plan is None or not self.plan.days:
            return None
        visit = self.current_visit()
        if visit is not None and visit.status == "planned":
            return self.plan.day_of(visit.day)
        index = self.tree.currentIndex()
        day = self.model.day_at(index) if index.isValid() else None
        return day or self.plan.days[0]

    def _selection_changed(self, view: QAbstractItemView) -> None:
        if view.currentIndex().isValid():
            self._source = view
            for other in (self.tree, self.unplanned_view, self.removed_view):
                if other is not view:
                    other.selectionModel().clearSelection()
        self._update_actions()
        self._show_route()

    def select_visit(self, visit_id: int) -> None:
        """Make the visit current wherever it is (the tree or the lists below it)."""
        index = self.model.visit_index(visit_id)
        if index.isValid():
            self.tree.expand(index.parent())
            self.tree.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
            self.tree.scrollTo(index)
            return
        for view, model, tab in ((self.unplanned_view, self.unplanned_model, 0),
                                 (self.removed_view, self.removed_model, 1)):
            for row, visit in enumerate(model.items):
                if visit.id == visit_id:
                    self.left_out.setCurrentIndex(tab)
                    view.selectionModel().setCurrentIndex(
                        model.index(row, 0),
                        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
                    return

    def _update_actions(self) -> None:
        idle = not self.busy()
        has_plan = self.plan is not None and idle
        visit = self.current_visit() if idle else None
        planned = visit is not None and visit.status == "planned"
        open_visit = visit is not None and not visit.frozen
        day = self.plan.day_of(visit.day) if planned else None
        self.log_action.setEnabled(planned)
        self.done_action.setEnabled(planned and visit.outcome != "done")
        self.up_action.setEnabled(planned and open_visit and visit.position not in (None, 1))
        self.down_action.setEnabled(planned and open_visit and day is not None
                                    and visit.position is not None and visit.position < len(day.visits))
        self.day_action.setEnabled(open_visit and visit.status != "removed" and len(self.plan.days) > 0)
        self.lock_action.setEnabled(planned and open_visit)
        self.lock_action.setChecked(bool(visit and visit.locked))
        self.lock_action.setText(self.tr("Un&lock") if visit and visit.locked else self.tr("&Lock"))
        self.remove_action.setEnabled(open_visit and visit.status != "removed")
        self.restore_action.setEnabled(visit is not None and visit.status == "removed")
        for action in (self.add_action, self.reoptimise_action, self.print_action, self.ics_action,
                       self.csv_action):
            action.setEnabled(has_plan)
        self.day_reoptimise_action.setEnabled(has_plan and self.current_day() is not None)
        self.delete_button.setEnabled(has_plan)
        self.new_button.setEnabled(idle)
        self.plan_combo.setEnabled(idle and bool(self.plans))

    # -- showing ------------------------------------------------------------------------
    def showEvent(self, event) -> None:  # noqa: N802 - Qt naming
        super().showEvent(event)
        if not self._sized:
            self._sized = True
            self.splitter.setSizes([self.width() * 3 // 5, self.width() * 2 // 5])
        if not self._loaded_once and not self.busy():
            self.show_plan(self.plan.id if self.plan is not None else None)

    def mark_stale(self) -> None:
        """Customers changed elsewhere: show the plan as stored when next shown (now if shown)."""
        self._loaded_once = False
        self._sized = False
        if self.isVisible() and not self.busy():
            self.show_plan(self.plan.id if self.plan is not None else None)

    def busy(self) -> bool:
        return self.task is not None and not self.task.finished

    def show_plan(self, plan_id: int | None) -> TaskHandle | None:
        """Show a stored plan (None: the newest)."""
        return self._run(lambda conn: plan_id)

    def _run(self, change: Callable[[Any], Any], *, title: str = "", select: int | None = None,
             message: str | Callable[[Any], str] = "", shows_result: bool = False,
             after: Callable[[], None] | None = None, queue: bool = False,
             failure: Callable[[BaseException], bool] | None = None,
             cancellable: bool = False) -> TaskHandle | None:
        """Make a change in a worker with its own connection, then show the plan as stored.

        ``change(conn)`` (``change(conn, progress)`` when ``cancellable``: the progress
        dialog then has Cancel) returns what ``message`` (a callable) words; with ``shows_result``
        it is the id of the plan to show, else the plan shown stays (the newest if it
        is gone). The visit ``select`` (default: the current one) stays current. While
        other work runs a change is refused, or with ``queue`` made when it ends."""
        if self.busy():
            if queue:
                self.task.done.connect(lambda: self._run(change, title=title, select=select, message=message,
                                                         shows_result=shows_result, after=after, queue=True,
                                                         failure=failure, cancellable=cancellable))
            return None
        self._loaded_once = True
        archive = self.archive
        shown = self.plan.id if self.plan is not None else None
        current = self.current_visit()
        keep = select if select is not None else (current.id if current is not None else None)

        def work(progress):
            conn = archive.reader()
            try:
                result = change(conn, progress) if cancellable else change(conn)
                plan_id = result if shows_result else shown
                plans = visit_plan.list_plans(conn)
                if plan_id not in {p.id for p in plans}:
                    plan_id = plans[0].id if plans else None
                plan = visit_plan.load(conn, plan_id) if plan_id is not None else None
                return result, plans, plan
            finally:
                conn.close()

        def done(outcome) -> None:
            result, plans, plan = outcome
            self.plans = plans
            self._show(plan, keep)
            if message:
                self.status.setText(message(result) if callable(message) else message)
            if after is not None:
                after()
            self.plan_shown.emit()

        def failed(exc: BaseException) -> None:
            self._update_actions()
            if failure is None or not failure(exc):
                show_error(self, exc)
            self.plan_shown.emit()

        def cancelled() -> None:
            self._update_actions()
            self.status.setText(self.tr("Cancelled; the plans are as they were."))
            self.plan_shown.emit()

        self.task = run_task(self, work, on_success=done, on_failure=failed, on_cancel=cancelled, title=title,
                             cancellable=cancellable)
        self._update_actions()
        return self.task

    def _show(self, plan: visit_plan.Plan | None, keep: int | None = None) -> None:
        self.plan = plan
        self._fill_plan_combo()
        self.model.set_plan(plan)
        self.tree.expandAll()
        for row in range(self.model.rowCount()):
            self.tree.setFirstColumnSpanned(row, QModelIndex(), True)
        self.unplanned_model.set_items(plan.unplanned if plan else [])
        self.removed_model.set_items(plan.removed if plan else [])
        self.left_out.setTabText(0, self.tr("Not planned ({count})").format(count=len(self.unplanned_model.items)))
        self.left_out.setTabText(1, self.tr("Removed ({count})").format(count=len(self.removed_model.items)))
        for view in (self.unplanned_view, self.removed_view):
            view.resizeColumnsToContents()
            view.horizontalHeader().resizeSection(0, min(view.horizontalHeader().sectionSize(0),
                                                         self.fontMetrics().horizontalAdvance("M") * 10))
        self._fit_tree()
        if plan is None:
            self.summary.setText(self.tr("No visit plan yet. Make one with New plan…, or from the visits "
                                         "due (What is due → Plan these visits…)."))
        else:
            self.summary.setText(plan_summary(plan) + ("\n" + "\n".join(plan.warnings) if plan.warnings else ""))
        self._source = None
        if keep is not None and plan is not None:
            self.select_visit(keep)
        elif plan is not None and plan.days and self.model.rowCount():
            self.tree.setCurrentIndex(self.model.day_index(0))
        self._update_actions()
        self._show_route()

    def _fit_tree(self) -> None:
        """Columns as wide as their values and headers, within limits (tooltips show the rest)."""
        em = self.fontMetrics().horizontalAdvance("M")
        header = self.tree.header()
        limits = {PlanTreeModel.ORDER: 5, PlanTreeModel.AREA: 8, PlanTreeModel.PURPOSE: 13,
                  PlanTreeModel.LAST_RESULT: 9}
        for column in range(self.model.columnCount()):
            title = self.model.headerData(column, Qt.Orientation.Horizontal)
            wanted = max(self.tree.sizeHintForColumn(column), header.fontMetrics().horizontalAdvance(title))
            if column == PlanTreeModel.ORDER:
                wanted = self.tree.indentation() + em * 2.5      # the route's numbers, up to 99
                header.resizeSection(column, int(wanted + em))
                continue
            header.resizeSection(column, int(min(wanted + em, em * limits.get(column, 12))))

    def _fill_plan_combo(self) -> None:
        self.plan_combo.clear()
        for summary in self.plans:
            title = summary.title or self.tr("Visit plan")
            who = f" · {summary.manager}" if summary.manager else ""
            self.plan_combo.addItem(self.tr("{title} · {start} – {end}{who} · {logged}/{planned} logged").format(
                title=title, start=summary.start.isoformat(), end=summary.end.isoformat(), who=who,
                logged=summary.logged, planned=summary.planned), summary.id)
        if self.plan is not None:
            self.plan_combo.setCurrentIndex(max(0, self.plan_combo.findData(self.plan.id)))

    def _show_route(self) -> None:
        day = self.current_day()
        start = self.plan.start_point if self.plan else None
        self.route.set_route(day, start, day_title(day) if day else "")
        visit = self.current_visit()
        self.route.view.set_selected(visit.id if visit is not None else None)

    # -- changes -----------------------------------------------------------------------------
    def new_plan(self, start: date | None = None, days: int | None = None, manager: str | None = None
                 ) -> TaskHandle | None:
        request = NewPlanDialog.ask(self, self.archive, start, days, manager)
        if request is None:
            return None
        return self.build(request)

    def build(self, request: visit_plan.PlanRequest) -> TaskHandle | None:
        """Build, save and show a plan (the route search takes a few seconds)."""
        def change(conn, progress):
            plan = visit_plan.build(conn, request, progress)
            return visit_plan.save(conn, plan, settings.user_name())
        return self._run(change, title=self.tr("Planning the visits…"), shows_result=True, queue=True,
                         message=self.tr("Plan made and saved."), cancellable=True)

    def delete_plan(self) -> TaskHandle | None:
        if self.plan is None:
            return None
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Delete plan"),
                          self.tr("Delete this visit plan?"),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, self)
        box.setInformativeText(self.tr("The visits already logged stay in the customers' contacts."))
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        if box.exec() != QMessageBox.StandardButton.Yes:
            return None
        plan_id = self.plan.id

        def change(conn):
            visit_plan.delete_plan(conn, plan_id, settings.user_name())
            return None
        self.plan = None
        return self._run(change, message=self.tr("Plan deleted."))

    def reoptimise(self) -> TaskHandle | None:
        if self.plan is None:
            return None
        plan_id = self.plan.id
        return self._run(lambda conn, progress: visit_plan.reoptimise(conn, plan_id, settings.user_name(),
                                                                      progress=progress),
                         title=self.tr("Re-optimising the plan…"), cancellable=True,
                         message=self.tr("Re-optimised; your moves, locks and logged visits were kept."))

    def reoptimise_day(self) -> TaskHandle | None:
        day = self.current_day()
        if self.plan is None or day is None:
            return None
        plan_id, when = self.plan.id, day.day
        return self._run(lambda conn: visit_plan.reoptimise(conn, plan_id, settings.user_name(), day=when),
                         title=self.tr("Re-optimising the day…"),
                         message=self.tr("Re-optimised {day}; the other days were kept as they were.")
                         .format(day=when.isoformat()))

    def _checked(self, change: Callable[[Any, bool], Any], select: int, message: str = "") -> TaskHandle | None:
        """A move or reorder by hand: checked first (``confirmed=False``); a change that
        breaks the day is shown with its reasons and made only when the user confirms."""
        def failed(exc: BaseException) -> bool:
            if not isinstance(exc, visit_plan.PlanBreak):
                return False
            if confirm_break(self, exc.problems):
                self._run(lambda conn: change(conn, True), select=select, message=message, queue=True)
            else:
                self.status.setText(self.tr("Not changed."))
            return True
        return self._run(lambda conn: change(conn, False), select=select, message=message, failure=failed)

    def _visit_change(self, change: Callable[[Any, int], Any], message: str = "") -> TaskHandle | None:
        visit = self.current_visit()
        if visit is None or visit.id is None:
            return None
        visit_id = visit.id
        return self._run(lambda conn: change(conn, visit_id), select=visit_id, message=message)

    def _undoable(self, text: str, visit_id: int, change: Callable[[Any], Any],
                  back: Callable[[Any], Any], after: Callable[[], None] | None = None,
                  **run: Any) -> TaskHandle | None:
        """A change of one visit that Edit → Undo takes back (``back(conn)``), once it is made."""
        def again(work):
            return lambda: self._run(work, select=visit_id, after=after, queue=True)

        def made() -> None:
            undo.record(self, text, again(change), again(back), after=lambda: None)
            if after is not None:
                after()
        return self._run(change, select=visit_id, after=made, **run)

    def _checked_move(self, visit_id: int, name: str, change: Callable[[Any, bool], Any],
                      message: str = "") -> TaskHandle | None:
        """A move or reorder by hand: checked first (``change(conn, False)``); one that breaks
        the day is shown with its reasons and made only when the user confirms. Edit → Undo
        puts the visit back where it was."""
        place = visit_plan.place_of(self.archive.conn, visit_id)
        text = self.tr("Move {name}").format(name=name)

        def back(conn):
            return visit_plan.put_back(conn, visit_id, place, settings.user_name())

        def failed(exc: BaseException) -> bool:
            if not isinstance(exc, visit_plan.PlanBreak):
                return False
            if confirm_break(self, exc.problems):
                self._undoable(text, visit_id, lambda conn: change(conn, True), back, message=message, queue=True)
            else:
                self.status.setText(self.tr("Not changed."))
            return True
        return self._undoable(text, visit_id, lambda conn: change(conn, False), back, message=message,
                              failure=failed)

    def move_by(self, step: int) -> TaskHandle | None:
        visit = self.current_visit()
        if visit is None or visit.position is None or visit.id is None:
            return None
        position, visit_id, by = visit.position + step, visit.id, settings.user_name()
        return self._checked_move(visit_id, visit.name, lambda conn, ok: visit_plan.reorder(
            conn, visit_id, position, by, confirmed=ok))

    def move_to_day(self, day: date, position: int | None = None) -> TaskHandle | None:
        visit = self.current_visit()
        if visit is None or visit.id is None:
            return None
        visit_id, by = visit.id, settings.user_name()
        return self._checked_move(visit_id, visit.name, lambda conn, ok: visit_plan.move(
            conn, visit_id, day, by, position, confirmed=ok),
            self.tr("Moved to {day}; it stays on that day when re-optimised.").format(day=day.isoformat()))

    def choose_day(self) -> None:
        """Ctrl+M: the plan's days as a menu under the current visit."""
        view = self._source or self.tree
        rect = view.visualRect(view.currentIndex())
        self.day_menu.popup(view.viewport().mapToGlobal(rect.bottomLeft()))

    def _fill_day_menu(self) -> None:
        self.day_menu.clear()
        visit = self.current_visit()
        for day in (self.plan.days if self.plan else []):
            action = self.day_menu.addAction(day_title(day))
            action.setEnabled(visit is not None and (visit.status != "planned" or visit.day != day.day))
            action.triggered.connect(lambda _c=False, d=day.day: self.move_to_day(d))

    def toggle_lock(self) -> TaskHandle | None:
        visit = self.current_visit()
        if visit is None:
            return None
        locked = not visit.locked
        return self._visit_change(lambda conn, vid: visit_plan.lock(conn, vid, settings.user_name(), locked))

    def remove_visit(self) -> TaskHandle | None:
        return self._visit_change(lambda conn, vid: visit_plan.remove(conn, vid, settings.user_name()),
                                  self.tr("Removed; re-optimising will not bring it back (Bring back "
                                          "does)."))

    def restore_visit(self) -> TaskHandle | None:
        return self._visit_change(lambda conn, vid: visit_plan.restore(conn, vid, settings.user_name()))

    def _dropped(self, visit_id: int, day: date, position: int | None) -> None:
        if self.plan is None:
            return
        visit = self.plan.visit(visit_id)
        by = settings.user_name()
        if visit.status == "planned" and visit.day == day and position is not None:
            if position == visit.position:
                return
            change = lambda conn, ok: visit_plan.reorder(conn, visit_id, position, by, confirmed=ok)   # noqa: E731
        else:
            change = lambda conn, ok: visit_plan.move(conn, visit_id, day, by, position, confirmed=ok)  # noqa: E731
        self._checked_move(visit_id, visit.name, change)

    def add_customer(self) -> TaskHandle | None:
        if self.plan is None:
            return None
        picked = CustomerPicker.ask(self, self.archive, self.plan)
        if picked is None:
            return None
        plan_id = self.plan.id

        def change(conn):
            return visit_plan.add(conn, plan_id, picked.customer_id, settings.user_name(), picked.day,
                                  picked.purpose)
        return self._run(change, message=lambda visit: (
            self.tr("{name} added on {day}.").format(name=visit.name, day=visit.day.isoformat()) if visit.day
            else self.tr("{name} added; re-optimise to place it.").format(name=visit.name)))

    # -- logging visits ----------------------------------------------------------------------
    def log_visit(self, outcome: str | None = None) -> TaskHandle | None:
        visit = self.current_visit()
        if visit is None or visit.status != "planned":
            return None
        entry = OutcomeDialog.ask(self, visit, outcome)
        if entry is None:
            return None
        return self._log(visit, entry.outcome, entry.result, entry.next_step, entry.next_date, entry.contact_date)

    def mark_done(self) -> TaskHandle | None:
        visit = self.current_visit()
        if visit is None or visit.status != "planned":
            return None
        if visit.id is None or visit.partner_action_id is not None:
            return self._log(visit, "done", None, None, None, None)
        visit_id, by = visit.id, settings.user_name()
        return self._undoable(
            self.tr("Mark {name} done").format(name=visit.name), visit_id,
            lambda conn: visit_plan.log_outcome(conn, visit_id, "done", None, None, None, by),
            lambda conn: visit_plan.take_back_outcome(conn, visit_id, by),
            after=self.visits_logged.emit, message=self.tr("{name}: done.").format(name=visit.name))

    def _log(self, visit, outcome, result, next_step, next_date, contact_date) -> TaskHandle | None:
        visit_id, name = visit.id, visit.name
        labels = {"done": self.tr("{name}: done."), "not_met": self.tr("{name}: not met; stays due."),
                  "rescheduled": self.tr("{name}: rescheduled to {date}.")}
        return self._run(
            lambda conn: visit_plan.log_outcome(conn, visit_id, outcome, result, next_step, next_date,
                                                settings.user_name(), contact_date),
            select=visit_id, after=self.visits_logged.emit,
            message=labels[outcome].format(name=name, date=next_date.isoformat() if next_date else ""))

    # -- printing and exports --------------------------------------------------------------------
    def print_plan(self) -> Path | None:
        if self.plan is None:
            return None
        written = PlanPrintDialog.run(self, self.plan, branch_name(self.archive.conn), self.archive)
        if written is not None:
            self.status.setText(self.tr("Printed to {path}").format(path=written))
        return written

    def print_tracking_log(self, start: date | None = None, manager: str | None = None) -> Path | None:
        written = TrackingLogDialog.run(self, self.archive, manager if manager is not None
                                        else (self.plan.manager if self.plan else None), start)
        if written is not None:
            self.status.setText(self.tr("Printed to {path}").format(path=written))
        return written

    def export(self, kind: str) -> Path | None:
        """Write the plan as a calendar (.ics) or a CSV table, to a file the user names."""
        if self.plan is None:
            return None
        folder = Path(settings.get(settings.FILE_FOLDER) or Path.home())
        name = self.tr("visit-plan-{date}").format(date=self.plan.start.isoformat()) + f".{kind}"
        filters = self.tr("Calendar files (*.ics)") if kind == "ics" else self.tr("CSV files (*.csv)")
        chosen, _ = QFileDialog.getSaveFileName(self, self.tr("Export the plan"), str(folder / name), filters)
        if not chosen:
            return None
        path = Path(chosen)
        if path.suffix.lower() != f".{kind}":
            path = path.with_name(f"{path.name}.{kind}")
        full_phone = kind == "ics" and bool(settings.get(settings.PRINT_FULL_PHONE))
        try:
            if kind == "ics":
                calendar_export.write_ics(self.plan, path, show_full_phone=full_phone)
            else:
                calendar_export.write_csv(self.plan, path)
        except OSError as exc:
            show_error(self, OSError(self.tr("Could not write {path}: {problem}. Choose another place.")
                                     .format(path=path, problem=exc.strerror or exc)))
            return None
        audit.record(self.archive.conn, "export", audit.visit_plan_what(self.plan.start, self.plan.end),
                     len(self.plan.planned()), detail={"file": str(path.resolve()), "plan": self.plan.id,
                                                       "full_phone": full_phone})
        settings.put(settings.FILE_FOLDER, str(path.parent))
        self.status.setText(self.tr("Wrote {path}").format(path=path))
        return path

    def _context_menu(self, view: QAbstractItemView, pos) -> None:
        index = view.indexAt(pos)
        if index.isValid():
            view.setCurrentIndex(index)
        menu = QMenu(self)
        if view is self.tree:
            menu.addAction(self.log_action)
            menu.addAction(self.done_action)
            for outcome, text in (("not_met", self.tr("Not met…")), ("rescheduled", self.tr("Rescheduled…"))):
                action = menu.addAction(text)
                action.setEnabled(self.log_action.isEnabled())
                action.triggered.connect(lambda _c=False, o=outcome: self.log_visit(o))
            menu.addSeparator()
            menu.addAction(self.up_action)
            menu.addAction(self.down_action)
        day_menu = menu.addMenu(self.tr("Move to &day"))
        day_menu.setEnabled(self.day_action.isEnabled())
        day_menu.aboutToShow.connect(lambda: self._copy_day_menu(day_menu))
        if view is self.tree:
            menu.addAction(self.lock_action)
        menu.addAction(self.remove_action)
        if view is self.removed_view:
            menu.addAction(self.restore_action)
        menu.addSeparator()
        menu.addAction(self.add_action)
        menu.popup(view.viewport().mapToGlobal(pos))

    def _copy_day_menu(self, menu: QMenu) -> None:
        self._fill_day_menu()
        menu.clear()
        for action in self.day_menu.actions():
            menu.addAction(action)


class PlanPage(QWidget):
    """The Visits area of the main window: what is due, and the visit plan."""

    def __init__(self, archive: Archive, language: str = "en", parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("visits_page")
        self.archive = archive
        self._notifying = False
        operations.changes_of(archive).changed.connect(self.on_changes)
        self.due = DuePanel(archive, self)
        self.plans = PlanPanel(archive, self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.due, self.tr("What is &due"))
        self.tabs.addTab(self.plans, self.tr("Visit &plan"))
        self.due.plan_requested.connect(self._plan_from_due)
        self.due.tracking_log_requested.connect(lambda start, manager: self.plans.print_tracking_log(start, manager))
        self.plans.visits_logged.connect(self._visits_logged)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.addWidget(self.tabs)
        self.setFocusProxy(self.tabs)

    def busy(self) -> bool:
        return self.due.busy() or self.plans.busy()

    def mark_stale(self) -> None:
        """Customers, contacts or grades changed elsewhere in the window: who is due and
        the plan's customers are read again (now for what is shown, else when shown)."""
        self.due.mark_stale()
        self.plans.mark_stale()

    def on_changes(self, changes: Changes) -> None:
        if not self._notifying and changes.touches(Changes.CUSTOMERS, Changes.CONTACTS, Changes.GRADES,
                                                   Changes.PLANS):
            self.mark_stale()

    def _plan_from_due(self, start: date, days: int, manager: str | None) -> None:
        self.tabs.setCurrentWidget(self.plans)
        self.plans.new_plan(start, days, manager)

    def _visits_logged(self) -> None:
        """A logged visit changes who is due: list them again when the list was shown; the
        other pages hear of it from a notice."""
        if self.due.due is not None and not self.due.busy():
            self.due.load()
        self._notifying = True        # this page is current already
        try:
            operations.notify(self.archive, Changes.of(Changes.CONTACTS, Changes.PLANS))
        finally:
            self._notifying = False

    def new_plan(self) -> None:
        self.tabs.setCurrentWidget(self.plans)
        self.plans.new_plan()

    def print_tracking_log(self) -> None:
        self.plans.print_tracking_log()
