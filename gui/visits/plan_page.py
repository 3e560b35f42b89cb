"""The Visits area: what is due (gui.visits.due_panel) and the visit plan.

The plan screen shows a saved plan (``model.visits.visit_plan``) day by day: the visits
in route order with their time window, planned time, purpose, last result, what
is kept when re-optimising, and the outcome; per day how many are done. Beside it
the day's route (gui.visits.route_view) and below it what the plan leaves out, with why.

Every change goes through ``model.visits.visit_plan`` on the archive's writer
(gui.common.operations: ``write``, or ``run_write`` for the route searches) and the page
then reads the plan as stored in a worker with its own connection: the window never
freezes, and what it shows is what the archive holds. One change runs at a time; the
plan's controls wait meanwhile. The panel's actions and menus are in
gui.visits.plan_actions, how it shows a plan in gui.visits.plan_view, its printouts and
exports in gui.visits.plan_outputs.
"""
from __future__ import annotations

from datetime import date
from typing import Any, Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QLabel, QMessageBox,
                               QPushButton, QSplitter, QTabWidget, QTreeView, QVBoxLayout, QWidget)

from gui.common import operations, undo
from gui.common.operations import Changes, run_write, write
from gui.common.tasks import TaskHandle, run_task, show_error
from gui.common.icons import icon
from gui.visits.due_panel import DuePanel
from gui.visits.plan_actions import PlanActions
from gui.visits.plan_dialogs import CustomerPicker, NewPlanDialog, OutcomeDialog
from gui.visits.plan_models import PlanListModel, PlanTreeModel
from gui.visits.plan_outputs import PlanOutputs
from gui.visits.plan_view import PlanView
from gui.visits.route_view import RoutePanel
from gui.visits.visit_writes import PLANS, outcome_changes
from model.archive.database import Archive
from model.core import settings
from model.core.i18n import translate
from model.visits import visit_plan


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


class PlanPanel(PlanActions, PlanView, PlanOutputs, QWidget):
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
        self._writing = False                            # a small write runs (gui.common.operations.write)
        self._pending: list[Callable[[], Any]] = []      # changes queued meanwhile

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
        return self._writing or (self.task is not None and not self.task.finished)

    def show_plan(self, plan_id: int | None) -> TaskHandle | None:
        """Show a stored plan (None: the newest)."""
        return self._run(None, show=plan_id)

    def _run(self, change: Callable[..., Any] | None, *, title: str = "", select: int | None = None,
             message: str | Callable[[Any], str] = "", shows_result: bool = False,
             after: Callable[[], None] | None = None, queue: bool = False,
             failure: Callable[[BaseException], bool] | None = None,
             cancellable: bool = False, long: bool = False, changes: Changes = PLANS,
             show: int | None = None) -> TaskHandle | None:
        """Make a change through the write API (gui.common.operations), then show the plan as stored.

        ``change(conn)`` is a small write (``write``: one transaction, done when it returns);
        ``change(conn, progress)`` when ``long`` or ``cancellable`` is long work (``run_write``;
        with ``cancellable`` the progress dialog has Cancel); ``None`` changes nothing and shows
        the plan ``show``. ``message`` (a callable) words what the change returns; with
        ``shows_result`` it is the id of the plan to show, else the plan shown stays (the newest
        if it is gone). The visit ``select`` (default: the current one) stays current. The plan
        is read in a worker with its own connection. While other work runs a change is refused,
        or with ``queue`` made when it ends."""
        if self.busy():
            if queue:
                self._pending.append(lambda: self._run(change, title=title, select=select, message=message,
                                                       shows_result=shows_result, after=after, queue=True,
                                                       failure=failure, cancellable=cancellable, long=long,
                                                       changes=changes, show=show))
            return None
        self._loaded_once = True
        shown = self.plan.id if self.plan is not None else None
        current = self.current_visit()
        keep = select if select is not None else (current.id if current is not None else None)

        def failed(exc: BaseException) -> None:
            self._update_actions()
            if failure is None or not failure(exc):
                show_error(self, exc)
            self.plan_shown.emit()
            self._run_pending()

        def cancelled() -> None:
            self._update_actions()
            self.status.setText(self.tr("Cancelled; the plans are as they were."))
            self.plan_shown.emit()
            self._run_pending()

        def read(result) -> None:
            self._read(result if shows_result else shown, result, keep, message, after, failed)

        if change is None:
            self._read(show, None, keep, message, after, failed)
        elif long or cancellable:
            self.task = run_write(self, change, changes, archive=self.archive, on_success=read, on_failure=failed,
                                  on_cancel=cancelled, title=title, cancellable=cancellable)
        else:
            self._writing = True
            self._update_actions()
            try:
                result = write(self, change, changes, archive=self.archive, title=title)
            except Exception as exc:       # a failed change is shown like any failure of the panel
                self._writing = False
                failed(exc)
                return None
            self._writing = False
            read(result)
        self._update_actions()
        return self.task

    def _read(self, shown: int | None, result: Any, keep: int | None, message: str | Callable[[Any], str],
              after: Callable[[], None] | None, failed: Callable[[BaseException], None]) -> None:
        """Read the plans and show the plan ``shown`` (the newest if it is gone) as stored,
        after a change that returned ``result``."""
        archive = self.archive

        def work(progress):
            conn = archive.reader()
            try:
                plans = visit_plan.list_plans(conn)
                plan_id = shown if shown in {p.id for p in plans} else (plans[0].id if plans else None)
                return plans, visit_plan.load(conn, plan_id) if plan_id is not None else None
            finally:
                conn.close()

        def done(outcome) -> None:
            self.plans, plan = outcome
            self._show(plan, keep)
            if message:
                self.status.setText(message(result) if callable(message) else message)
            if after is not None:
                after()
            self.plan_shown.emit()
            self._run_pending()

        self.task = run_task(self, work, on_success=done, on_failure=failed, cancellable=False)

    def _run_pending(self) -> None:
        """The changes queued while other work ran, one at a time as each ends."""
        if self._pending and not self.busy():
            self._pending.pop(0)()

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
        return self._run(lambda conn, _progress: visit_plan.reoptimise(conn, plan_id, settings.user_name(), day=when),
                         title=self.tr("Re-optimising the day…"), long=True,
                         message=self.tr("Re-optimised {day}; the other days were kept as they were.")
                         .format(day=when.isoformat()))

    def _visit_change(self, change: Callable[[Any, int], Any], message: str = "") -> TaskHandle | None:
        visit = self.current_visit()
        if visit is None or visit.id is None:
            return None
        visit_id = visit.id
        return self._run(lambda conn: change(conn, visit_id), select=visit_id, message=message)

    def _undoable(self, text: str, visit_id: int, change: Callable[[Any], Any],
                  back: Callable[[Any], Any], after: Callable[[], None] | None = None,
                  changes: Changes = PLANS, **run: Any) -> TaskHandle | None:
        """A change of one visit that Edit → Undo takes back (``back(conn)``), once it is made."""
        def again(work):
            return lambda: self._run(work, select=visit_id, after=after, queue=True, changes=changes)

        def made() -> None:
            undo.record(self, text, again(change), again(back), after=lambda: None)
            if after is not None:
                after()
        return self._run(change, select=visit_id, after=made, changes=changes, **run)

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
            after=self.visits_logged.emit, changes=outcome_changes(visit),
            message=self.tr("{name}: done.").format(name=visit.name))

    def _log(self, visit, outcome, result, next_step, next_date, contact_date) -> TaskHandle | None:
        visit_id, name = visit.id, visit.name
        labels = {"done": self.tr("{name}: done."), "not_met": self.tr("{name}: not met; stays due."),
                  "rescheduled": self.tr("{name}: rescheduled to {date}.")}
        return self._run(
            lambda conn: visit_plan.log_outcome(conn, visit_id, outcome, result, next_step, next_date,
                                                settings.user_name(), contact_date),
            select=visit_id, after=self.visits_logged.emit, changes=outcome_changes(visit),
            message=labels[outcome].format(name=name, date=next_date.isoformat() if next_date else ""))

    # -- printing and exports --------------------------------------------------------------------

class PlanPage(QWidget):
    """The Visits area of the main window: what is due, and the visit plan."""

    def __init__(self, archive: Archive, language: str = "en", parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("visits_page")
        self.archive = archive
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
        """Customers, contacts or grades changed elsewhere (its own plan's changes it shows already)."""
        if not self.plans._writing and changes.touches(Changes.CUSTOMERS, Changes.CONTACTS, Changes.GRADES):
            self.mark_stale()

    def _plan_from_due(self, start: date, days: int, manager: str | None) -> None:
        self.tabs.setCurrentWidget(self.plans)
        self.plans.new_plan(start, days, manager)

    def _visits_logged(self) -> None:
        """A logged visit changes who is due: list them again when the list was shown."""
        if self.due.due is not None and not self.due.busy():
            self.due.load()

    def new_plan(self) -> None:
        self.tabs.setCurrentWidget(self.plans)
        self.plans.new_plan()

    def print_tracking_log(self) -> None:
        self.plans.print_tracking_log()
