"""The plan screen's actions (gui.visits.plan_page.PlanPanel): the shortcuts, the toolbar,
the lists' and context menus, and which of them the current visit allows. Their texts
keep the context "PlanPanel" (``translate``), the panel they are shown in."""
from __future__ import annotations

from typing import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QMenu, QTableView, QToolBar, QToolButton

from gui.common.icons import icon
from gui.visits.plan_models import PlanListModel, day_title
from model.core.i18n import translate


class PlanActions:
    """The actions of :class:`gui.visits.plan_page.PlanPanel` (a part of it: it calls the
    panel's changes, ``current_visit`` and views)."""

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
        self.log_action = self._action(
            translate("PlanPanel", "&Log visit…"), self.log_visit, ("Return", "Enter"),
            translate("PlanPanel", "Record how the visit went: done, not met or rescheduled"), "contact")
        self.done_action = self._action(translate("PlanPanel", "Mark &done"), self.mark_done, "Ctrl+D",
                                        translate("PlanPanel", "Log the visit as done, without a result"))
        self.up_action = self._action(translate("PlanPanel", "Move &up"), lambda: self.move_by(-1), "Alt+Up",
                                      translate("PlanPanel", "Visit earlier in the day (its place is then kept)"))
        self.down_action = self._action(translate("PlanPanel", "Move do&wn"), lambda: self.move_by(1), "Alt+Down",
                                        translate("PlanPanel", "Visit later in the day (its place is then kept)"))
        self.day_action = self._action(translate("PlanPanel", "Move to &day…"), self.choose_day, "Ctrl+M",
                                       translate("PlanPanel", "Put the visit on another day of the plan"))
        self.lock_action = self._action(translate("PlanPanel", "&Lock"), self.toggle_lock, "Ctrl+K",
                                        translate("PlanPanel", "Keep the visit on its day and in its place when "
                                                "re-optimising"))
        self.lock_action.setCheckable(True)
        self.remove_action = self._action(translate("PlanPanel", "&Remove"), self.remove_visit,
                                          QKeySequence.StandardKey.Delete,
                                          translate("PlanPanel", "Take the visit out of the plan"))
        self.restore_action = self._action(
            translate("PlanPanel", "Bring &back"), self.restore_visit, None,
            translate("PlanPanel", "Bring a removed visit back; re-optimise to place it"))
        self.add_action = self._action(translate("PlanPanel", "&Add customer…"), self.add_customer,
                                       ("Ctrl+Shift+A", "Insert"), translate("PlanPanel", "Add a customer to the plan"),
                                       "customer-new")
        self.reoptimise_action = self._action(translate("PlanPanel", "Re-&optimise"), self.reoptimise, "Ctrl+R",
                                              translate("PlanPanel", "Plan the open visits again, keeping your changes "
                                                      "and the logged visits"))
        self.day_reoptimise_action = self._action(
            translate("PlanPanel", "Re-optimise this &day"), self.reoptimise_day, "Ctrl+Shift+R",
            translate("PlanPanel", "Plan the chosen day again; every other day stays as it is"))
        self.print_action = self._action(translate("PlanPanel", "&Print…"), self.print_plan,
                                         QKeySequence.StandardKey.Print,
                                         translate("PlanPanel", "Print the plan to carry (PDF)"), "print")
        self.ics_action = self._action(translate("PlanPanel", "Export to &calendar (.ics)…"),
                                       lambda: self.export("ics"),
                                       tip=translate("PlanPanel", "One calendar event per visit, for phone and "
                                                   "desktop calendars"))
        self.csv_action = self._action(translate("PlanPanel", "Export as C&SV…"), lambda: self.export("csv"),
                                       tip=translate("PlanPanel", "The plan as a spreadsheet table"))
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
        export.setText(translate("PlanPanel", "E&xport"))
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
        self.lock_action.setText(translate("PlanPanel", "Un&lock") if visit and visit.locked
                                 else translate("PlanPanel", "&Lock"))
        self.remove_action.setEnabled(open_visit and visit.status != "removed")
        self.restore_action.setEnabled(visit is not None and visit.status == "removed")
        for action in (self.add_action, self.reoptimise_action, self.print_action, self.ics_action,
                       self.csv_action):
            action.setEnabled(has_plan)
        self.day_reoptimise_action.setEnabled(has_plan and self.current_day() is not None)
        self.delete_button.setEnabled(has_plan)
        self.new_button.setEnabled(idle)
        self.plan_combo.setEnabled(idle and bool(self.plans))

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

    def _context_menu(self, view: QAbstractItemView, pos) -> None:
        index = view.indexAt(pos)
        if index.isValid():
            view.setCurrentIndex(index)
        menu = QMenu(self)
        if view is self.tree:
            menu.addAction(self.log_action)
            menu.addAction(self.done_action)
            for outcome, text in (("not_met", translate("PlanPanel", "Not met…")),
                                  ("rescheduled", translate("PlanPanel", "Rescheduled…"))):
                action = menu.addAction(text)
                action.setEnabled(self.log_action.isEnabled())
                action.triggered.connect(lambda _c=False, o=outcome: self.log_visit(o))
            menu.addSeparator()
            menu.addAction(self.up_action)
            menu.addAction(self.down_action)
        day_menu = menu.addMenu(translate("PlanPanel", "Move to &day"))
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
