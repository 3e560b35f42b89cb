"""How the plan screen (gui.visits.plan_page.PlanPanel) shows a plan: the days and their
visits in the tree, what is left out in the lists below, the route of the current day,
and which visit the actions act on. Its texts keep the context "PlanPanel" (``translate``),
the panel they are shown in."""
from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView

from gui.visits.plan_models import ID_ROLE, PlanTreeModel, day_title
from model.core.i18n import translate
from model.visits import visit_plan
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


class PlanView:
    """Showing a plan in :class:`gui.visits.plan_page.PlanPanel` (a part of it: it uses the
    panel's views and models)."""

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

    def _show(self, plan: visit_plan.Plan | None, keep: int | None = None) -> None:
        self.plan = plan
        self._fill_plan_combo()
        self.model.set_plan(plan)
        self.tree.expandAll()
        for row in range(self.model.rowCount()):
            self.tree.setFirstColumnSpanned(row, QModelIndex(), True)
        self.unplanned_model.set_items(plan.unplanned if plan else [])
        self.removed_model.set_items(plan.removed if plan else [])
        self.left_out.setTabText(0, translate("PlanPanel", "Not planned ({count})").format(
            count=len(self.unplanned_model.items)))
        self.left_out.setTabText(1, translate("PlanPanel", "Removed ({count})").format(
            count=len(self.removed_model.items)))
        for view in (self.unplanned_view, self.removed_view):
            view.resizeColumnsToContents()
            view.horizontalHeader().resizeSection(0, min(view.horizontalHeader().sectionSize(0),
                                                         self.fontMetrics().horizontalAdvance("M") * 10))
        self._fit_tree()
        if plan is None:
            self.summary.setText(translate("PlanPanel", "No visit plan yet. Make one with New plan…, or from the "
                                                        "visits due (What is due → Plan these visits…)."))
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
            title = summary.title or translate("PlanPanel", "Visit plan")
            who = f" · {summary.manager}" if summary.manager else ""
            text = translate("PlanPanel", "{title} · {start} – {end}{who} · {logged}/{planned} logged")
            self.plan_combo.addItem(text.format(
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
