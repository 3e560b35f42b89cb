"""The "Circles & activities" area (DOMAIN §5 and §6).

Three tabs:

- **Circles**: every circle with its centre, kind of centre, members and activities;
  beside the one chosen, its members, the activities held and its evaluation (size
  over time, the members' market results since they joined, stored evaluations with
  the staff's perception and an overall rating).
- **Activities**: promotion plans with their status; the chosen plan's audience and
  its before / during / closing checklists, ticked as the activity runs (each tick
  is written at once). Status moves draft → approved → running → done.
- **Compare**: every finished activity side by side.

Reads are small queries on the archive's connection; every write goes through
``gui.common.operations.write``; PDFs are written in a worker (``gui.visits.print_dialogs``)
and opened with the system's viewer. The Circles tab is ``gui.marketing.circles_panel``.
"""
from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (QGroupBox, QLabel, QMessageBox, QPushButton, QSplitter, QTabWidget, QTreeWidget,
                               QTreeWidgetItem, QVBoxLayout, QWidget)

from gui.common import operations
from gui.common.forms import buttons, table_view
from gui.common.operations import Changes, write
from gui.common.tasks import show_error
from gui.common.widgets import RecordsModel, fit_columns
from gui.marketing.circles_panel import CirclesPanel, rules_language
from gui.marketing.promotion_dialogs import NewPlanDialog, PlanDialog, PromotionPrintDialog, money
from gui.marketing.promotion_evaluation import CompareTable, OutcomeDialog, html_text
from model.marketing import circles, promotions
from model.core import settings
from model.archive.database import Archive

__all__ = ["ActivitiesPanel", "CirclesPanel", "MarketingPage"]   # CirclesPanel: gui.marketing.circles_panel


class ActivitiesPanel(QWidget):
    """Promotion plans: status, audience, checklists ticked as the activity runs, printing, outcome."""

    changed = Signal()

    def __init__(self, archive: Archive, parent: QWidget | None = None):
        super().__init__(parent)
        self.archive = archive
        self.ids: list[int] = []
        self.new_button = QPushButton(self.tr("&New plan…"), self)
        self.new_button.setObjectName("new_promotion")
        self.new_button.clicked.connect(lambda: self.new_plan())
        self.edit_button = QPushButton(self.tr("&Edit…"), self)
        self.edit_button.setObjectName("edit_promotion")
        self.edit_button.clicked.connect(self.edit_plan)
        self.status_button = QPushButton(self)
        self.status_button.setObjectName("advance_status")
        self.status_button.clicked.connect(self.advance)
        self.back_button = QPushButton(self.tr("Back to &draft"), self)
        self.back_button.setObjectName("back_to_draft")
        self.back_button.clicked.connect(lambda: self.set_status(promotions.DRAFT))
        self.print_button = QPushButton(self.tr("&Print plan…"), self)
        self.print_button.setObjectName("print_promotion")
        self.print_button.clicked.connect(lambda: self.print_plan(False))
        self.outcome_button = QPushButton(self.tr("Record &outcome…"), self)
        self.outcome_button.setObjectName("record_outcome")
        self.outcome_button.clicked.connect(self.record_outcome)
        self.print_eval_button = QPushButton(self.tr("Print e&valuation…"), self)
        self.print_eval_button.setObjectName("print_evaluation")
        self.print_eval_button.clicked.connect(lambda: self.print_plan(True))
        self.delete_button = QPushButton(self.tr("&Delete…"), self)
        self.delete_button.clicked.connect(self.delete_plan)

        self.model = RecordsModel(parent=self)
        self.table = table_view(self, "promotions_table")
        self.table.setModel(self.model)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_details())
        self.table.doubleClicked.connect(lambda _index: self.edit_plan())
        self.empty = QLabel(self.tr("No activity plans yet: start one from a template with New plan, or from a "
                                    "circle with Plan an activity."), self)
        self.empty.setWordWrap(True)
        self.details = QLabel(self)
        self.details.setObjectName("promotion_details")
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.RichText)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.checklist = QTreeWidget(self)
        self.checklist.setObjectName("promotion_checklist")
        self.checklist.setHeaderLabels([self.tr("Checklist"), self.tr("Ticked by")])
        self.checklist.itemChanged.connect(self._ticked)
        checklist_box = QGroupBox(self.tr("Checklists (tick as the activity runs)"), self)
        QVBoxLayout(checklist_box).addWidget(self.checklist)

        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.empty)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.details)
        right_layout.addWidget(checklist_box, 1)
        split = QSplitter(self)
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons(self, self.new_button, self.edit_button, self.status_button, self.back_button,
                                  self.print_button, self.outcome_button, self.print_eval_button,
                                  self.delete_button))
        layout.addWidget(split, 1)

    def current_id(self) -> int | None:
        index = self.table.currentIndex()
        return self.ids[index.row()] if index.isValid() and index.row() < len(self.ids) else None

    def refresh(self, select: int | None = None) -> None:
        select = select if select is not None else self.current_id()
        conn = self.archive.conn
        language = rules_language()
        plans = promotions.list_plans(conn)
        names = circles.names(conn)
        self.ids = [p.id for p in plans]
        yes = self.tr("yes")
        self.model.set_rows(
            [self.tr("Activity"), self.tr("Status"), self.tr("Starts"), self.tr("Type"), self.tr("Goal"),
             self.tr("Area type"), self.tr("Circle"), self.tr("Budget"), self.tr("Outcome recorded")],
            [(p.title, promotions.status_label(p.status),
              p.starts_at.strftime("%Y-%m-%d %H:%M") if p.starts_at else "",
              promotions.activity_type_label(p.activity_type, language),
              promotions.goal_label(p.goal, language), promotions.area_type_label(p.area_type, language),
              names.get(p.circle_id, ""), money(p.budget_total), yes if p.evaluated else "") for p in plans])
        fit_columns(self.table, self.fontMetrics().horizontalAdvance("M") * 16)
        self.empty.setVisible(not plans)
        if plans:
            self.table.selectRow(self.ids.index(select) if select in self.ids else 0)
        self._show_details()

    def _status(self) -> str | None:
        plan_id = self.current_id()
        if plan_id is None:
            return None
        return promotions.status(self.archive.conn, plan_id)

    def _show_details(self) -> None:
        plan_id = self.current_id()
        status = self._status()
        forward = [s for s in promotions.TRANSITIONS.get(status, ()) if s != promotions.DRAFT]
        texts = {promotions.APPROVED: self.tr("&Approve"), promotions.RUNNING: self.tr("&Start (running)"),
                 promotions.DONE: self.tr("&Mark done")}
        self.status_button.setText(texts[forward[0]] if forward else self.tr("&Approve"))
        self.status_button.setEnabled(bool(forward))
        self.back_button.setEnabled(status == promotions.APPROVED)
        self.edit_button.setEnabled(plan_id is not None)
        self.print_button.setEnabled(plan_id is not None)
        self.outcome_button.setEnabled(status in (promotions.RUNNING, promotions.DONE))
        self.delete_button.setEnabled(status == promotions.DRAFT)
        self.checklist.blockSignals(True)
        self.checklist.clear()
        if plan_id is None:
            self.details.setText("")
            self.print_eval_button.setEnabled(False)
            self.checklist.blockSignals(False)
            return
        conn = self.archive.conn
        sheet = promotions.plan_sheet(conn, plan_id)
        plan = sheet.plan
        evaluation = promotions.evaluate(conn, plan_id)
        self.print_eval_button.setEnabled(evaluation.evaluated_at is not None)
        lines = [f"<b>{html_text(plan.title)}</b> ({html_text(promotions.status_label(plan.status))})",
                 html_text(self.tr("Theme: {theme}").format(theme=plan.theme or "-")),
                 html_text(self.tr("Place: {place}").format(place=plan.place or "-")),
                 html_text(self.tr("Target audience: {count} customers ({audience})").format(
                     count=sheet.audience_size, audience=sheet.audience_text)),
                 html_text(self.tr("Budget: {total}").format(total=money(plan.budget_total)))]
        if evaluation.evaluated_at is not None:
            lines.append(html_text(self.tr("Outcome: {participants} participants, reach {reach}, {deals} deals, amount "
                                       "{amount}").format(
                participants=evaluation.participants,
                reach="-" if evaluation.reach is None else f"{100 * evaluation.reach:.1f}%",
                deals=evaluation.deals, amount=money(evaluation.amount))))
        self.details.setText("<br>".join(lines))
        tickable = plan.status != promotions.DRAFT
        for phase in promotions.PHASES:
            items = plan.items(phase)
            done = sum(1 for c in items if c.done)
            top = QTreeWidgetItem(self.checklist, [f"{promotions.phase_label(phase)} ({done}/{len(items)})"])
            for c in items:
                child = QTreeWidgetItem(top, [c.label, c.done_by or ""])
                child.setData(0, Qt.ItemDataRole.UserRole, (phase, c.key))
                flags = child.flags() | Qt.ItemFlag.ItemIsUserCheckable
                if not tickable:
                    flags &= ~Qt.ItemFlag.ItemIsEnabled
                child.setFlags(flags)
                child.setCheckState(0, Qt.CheckState.Checked if c.done else Qt.CheckState.Unchecked)
                if c.done_at:
                    child.setToolTip(0, c.done_at)
            top.setExpanded(True)
        self.checklist.resizeColumnToContents(0)
        self.checklist.setToolTip("" if tickable else self.tr("Approve the plan to tick off its checklists."))
        self.checklist.blockSignals(False)

    def _ticked(self, item: QTreeWidgetItem, column: int) -> None:
        key = item.data(0, Qt.ItemDataRole.UserRole)
        plan_id = self.current_id()
        if column != 0 or not key or plan_id is None:
            return
        done, by = item.checkState(0) == Qt.CheckState.Checked, settings.user_name()
        try:
            write(self, lambda conn: promotions.tick(conn, plan_id, key[0], key[1], done, by),
                  Changes.of(Changes.MARKETING), archive=self.archive)
        except Exception as exc:  # noqa: BLE001 - shown; the tick is not kept
            show_error(self, exc)
        # Rebuilt once the item's own signal has returned (clearing the tree deletes the item).
        QTimer.singleShot(0, self._show_details)

    def new_plan(self, circle_id: int | None = None) -> int | None:
        plan = NewPlanDialog.ask(self, self.archive, circle_id)
        if plan is None:
            return None
        plan_id = PlanDialog.edit(self, self.archive, plan)
        if plan_id is not None:
            self.refresh(plan_id)
            self.changed.emit()
        return plan_id

    def edit_plan(self) -> None:
        plan_id = self.current_id()
        if plan_id is None:
            return
        plan = promotions.get(self.archive.conn, plan_id)
        if plan.status == promotions.DONE:
            self.record_outcome()
            return
        if PlanDialog.edit(self, self.archive, plan) is not None:
            self.refresh(plan_id)
            self.changed.emit()

    def set_status(self, status: str) -> None:
        plan_id = self.current_id()
        if plan_id is None:
            return
        try:
            by = settings.user_name()
            write(self, lambda conn: promotions.set_status(conn, plan_id, status, by), Changes.of(Changes.MARKETING),
                  archive=self.archive)
        except Exception as exc:  # noqa: BLE001 - shown; the status stays
            show_error(self, exc)
        self.refresh(plan_id)
        self.changed.emit()

    def advance(self) -> None:
        forward = [s for s in promotions.TRANSITIONS.get(self._status(), ()) if s != promotions.DRAFT]
        if forward:
            self.set_status(forward[0])

    def print_plan(self, evaluation: bool) -> None:
        plan_id = self.current_id()
        if plan_id is not None:
            PromotionPrintDialog.run(self, self.archive, plan_id, evaluation)

    def record_outcome(self) -> None:
        plan_id = self.current_id()
        if plan_id is not None and OutcomeDialog.record(self, self.archive, plan_id):
            self.refresh(plan_id)
            self.changed.emit()

    def delete_plan(self) -> None:
        plan_id = self.current_id()
        if plan_id is None:
            return
        title = promotions.get(self.archive.conn, plan_id).title
        answer = QMessageBox.question(self, self.tr("Delete plan"), self.tr("Delete the draft plan {title}?")
                                      .format(title=title),
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                                      QMessageBox.StandardButton.Cancel)
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            by = settings.user_name()
            write(self, lambda conn: promotions.delete(conn, plan_id, by), Changes.of(Changes.MARKETING),
                  archive=self.archive)
        except Exception as exc:  # noqa: BLE001 - shown; nothing deleted
            show_error(self, exc)
            return
        self.refresh()
        self.changed.emit()


class MarketingPage(QWidget):
    """The area: circles, activity plans, and past activities compared."""

    def __init__(self, archive: Archive, language: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("marketing_page")
        self.archive = archive
        operations.changes_of(archive).changed.connect(self.on_changes)
        self.circles = CirclesPanel(archive, self)
        self.activities = ActivitiesPanel(archive, self)
        self.compare = CompareTable(self)
        compare_page = QWidget(self)
        compare_layout = QVBoxLayout(compare_page)
        note = QLabel(self.tr("Every finished activity side by side: which kind works for which audience. "
                              "Reach is the share of the target audience that took part."), compare_page)
        note.setWordWrap(True)
        compare_layout.addWidget(note)
        compare_layout.addWidget(self.compare, 1)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.circles, self.tr("Circles"))
        self.tabs.addTab(self.activities, self.tr("Activities"))
        self.tabs.addTab(compare_page, self.tr("Compare"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self.circles.plan_requested.connect(self.plan_for_circle)
        self.circles.changed.connect(self.activities.refresh)
        self.activities.changed.connect(self._activities_changed)
        self.refresh()

    def refresh(self) -> None:
        self.circles.refresh()
        self.activities.refresh()
        self.compare.show_plans(self.archive.conn)

    def mark_stale(self) -> None:
        """Customers changed (names, deletions): show them as they are now."""
        self.refresh()

    def on_changes(self, changes: Changes) -> None:
        if changes.touches(Changes.CUSTOMERS, Changes.CONTACTS):
            self.mark_stale()

    def _activities_changed(self) -> None:
        self.circles.refresh()
        self.compare.show_plans(self.archive.conn)

    def plan_for_circle(self, circle_id: int) -> None:
        self.tabs.setCurrentWidget(self.activities)
        self.activities.new_plan(circle_id)

