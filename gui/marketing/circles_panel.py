"""The Circles tab of the "Circles & activities" area (DOMAIN §5).

    panel = CirclesPanel(archive, parent); panel.refresh(select=circle_id)
    panel.changed -> a circle was created, changed or deleted; panel.plan_requested(circle_id)

Every circle with its centre, kind of centre, members and activities; beside the one
chosen, its members, the activities held and its evaluation (size over time, the
members' market results since they joined, stored evaluations with the staff's
perception and an overall rating). Every write goes through ``gui.common.operations.write``.
"""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QComboBox, QDialog, QFormLayout, QLabel, QLineEdit, QMessageBox, QPlainTextEdit,
                               QPushButton, QSpinBox, QSplitter, QTabWidget, QVBoxLayout, QWidget)

from gui.common.forms import buttons, date_edit, form_dialog, from_qdate, show_problem, table_view
from gui.common.operations import Changes, write
from gui.common.tasks import show_error
from gui.common.widgets import RecordsModel, fit_columns, is_chinese
from gui.marketing.circle_dialogs import CircleDialog
from gui.marketing.promotion_dialogs import money
from gui.marketing.promotion_evaluation import html_text
from model.archive.database import Archive
from model.core import settings
from model.marketing import circles, promotions


def rules_language() -> str:
    """The language the rules' labels are shown in."""
    return "zh_CN" if is_chinese() else "en"


class CircleEvaluationDialog(QDialog):
    """Store a dated evaluation: the figures of the day plus the staff's perception and ratings."""

    def __init__(self, parent: QWidget | None, archive: Archive, circle_id: int):
        super().__init__(parent)
        self.archive, self.circle_id = archive, circle_id
        self.setWindowTitle(self.tr("Evaluate the circle"))
        self.day = date_edit(date.today(), self)
        self.perception = QPlainTextEdit(self)
        self.perception.setObjectName("staff_perception")
        self.perception.setTabChangesFocus(True)
        self.perception.setPlaceholderText(self.tr("How the staff see the circle: active, cooling, growing…"))
        self.staff_score = QSpinBox(self)
        self.overall = QSpinBox(self)
        for box in (self.staff_score, self.overall):
            box.setRange(0, 5)
            box.setSpecialValueText(self.tr("not rated"))
        self.staff_score.setObjectName("staff_score")
        self.overall.setObjectName("overall_rating")
        form = QFormLayout()
        form.addRow(self.tr("&Day:"), self.day)
        form.addRow(self.tr("Staff &perception:"), self.perception)
        form.addRow(self.tr("&Staff rating (1-5):"), self.staff_score)
        form.addRow(self.tr("&Overall rating (1-5):"), self.overall)
        self.error = form_dialog(self, form, 40)

    def accept(self) -> None:
        circle_id, by = self.circle_id, settings.user_name()
        values = {"staff_perception": self.perception.toPlainText(), "staff_score": self.staff_score.value() or None,
                  "overall": self.overall.value() or None, "evaluated_on": from_qdate(self.day.date())}
        try:
            write(self, lambda conn: circles.save_evaluation(conn, circle_id, by, **values),
                  Changes.of(Changes.MARKETING), archive=self.archive)
        except Exception as exc:  # noqa: BLE001 - shown; nothing saved
            show_problem(self.error, exc)
            return
        super().accept()


class CircleActivityDialog(QDialog):
    """Record an activity the circle held (a get-together, a visit, a promotion)."""

    def __init__(self, parent: QWidget | None, archive: Archive, circle_id: int):
        super().__init__(parent)
        self.archive, self.circle_id = archive, circle_id
        self.setWindowTitle(self.tr("Record an activity of the circle"))
        self.day = date_edit(date.today(), self)
        self.description = QLineEdit(self)
        self.description.setObjectName("activity_description")
        self.description.setPlaceholderText(self.tr("e.g. mid-autumn get-together in the square"))
        self.plan_combo = QComboBox(self)
        self.plan_combo.addItem(self.tr("None"), None)
        for p in promotions.list_plans(archive.conn):
            self.plan_combo.addItem(p.title, p.id)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("&Held on:"), self.day)
        form.addRow(self.tr("&What:"), self.description)
        form.addRow(self.tr("&Promotion plan:"), self.plan_combo)
        self.error = form_dialog(self, form, 44)

    def accept(self) -> None:
        circle_id, held_on, what, by = (self.circle_id, from_qdate(self.day.date()), self.description.text(),
                                        settings.user_name())
        plan_id = self.plan_combo.currentData()
        try:
            write(self, lambda conn: circles.add_activity(conn, circle_id, held_on, what, by, plan_id=plan_id),
                  Changes.of(Changes.MARKETING), archive=self.archive)
        except Exception as exc:  # noqa: BLE001 - shown; nothing saved
            show_problem(self.error, exc)
            return
        super().accept()


class CirclesPanel(QWidget):
    """The circles and, beside the one chosen, its members, activities and evaluation."""

    changed = Signal()                 # a circle was created, changed or deleted
    plan_requested = Signal(int)       # plan an activity for this circle

    def __init__(self, archive: Archive, parent: QWidget | None = None):
        super().__init__(parent)
        self.archive = archive
        self.ids: list[int] = []
        self.new_button = QPushButton(self.tr("&New circle…"), self)
        self.new_button.setObjectName("new_circle")
        self.new_button.clicked.connect(lambda: self.new_circle())
        self.edit_button = QPushButton(self.tr("&Edit…"), self)
        self.edit_button.setObjectName("edit_circle")
        self.edit_button.clicked.connect(self.edit_circle)
        self.plan_button = QPushButton(self.tr("&Plan an activity…"), self)
        self.plan_button.setObjectName("plan_for_circle")
        self.plan_button.clicked.connect(lambda: self.current_id() and self.plan_requested.emit(self.current_id()))
        self.activity_button = QPushButton(self.tr("Record an &activity…"), self)
        self.activity_button.clicked.connect(self.record_activity)
        self.evaluate_button = QPushButton(self.tr("E&valuate…"), self)
        self.evaluate_button.setObjectName("evaluate_circle")
        self.evaluate_button.clicked.connect(self.evaluate)
        self.delete_button = QPushButton(self.tr("&Delete…"), self)
        self.delete_button.clicked.connect(self.delete_circle)
        self.selection_buttons = (self.edit_button, self.plan_button, self.activity_button, self.evaluate_button,
                                  self.delete_button)

        self.model = RecordsModel(parent=self)
        self.table = table_view(self, "circles_table")
        self.table.setModel(self.model)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_details())
        self.table.doubleClicked.connect(lambda _index: self.edit_circle())
        self.empty = QLabel(self.tr("No circles yet. A circle is a group of people who know each other, with a "
                                    "centre (圆心), a pull (向心力) and continuing activity: create one with "
                                    "New circle."), self)
        self.empty.setWordWrap(True)

        self.details = QLabel(self)
        self.details.setObjectName("circle_details")
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.RichText)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.members_model = RecordsModel(parent=self)
        self.members_view = table_view(self, "circle_member_list")
        self.members_view.setModel(self.members_model)
        self.activities_model = RecordsModel(parent=self)
        self.activities_view = table_view(self, "circle_activities")
        self.activities_view.setModel(self.activities_model)
        self.evaluations_model = RecordsModel(parent=self)
        self.evaluations_view = table_view(self, "circle_evaluations")
        self.evaluations_view.setModel(self.evaluations_model)
        self.detail_tabs = QTabWidget(self)
        self.detail_tabs.addTab(self.members_view, self.tr("Members"))
        self.detail_tabs.addTab(self.activities_view, self.tr("Activities held"))
        self.detail_tabs.addTab(self.evaluations_view, self.tr("Evaluations"))

        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.empty)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.details)
        right_layout.addWidget(self.detail_tabs, 1)
        split = QSplitter(self)
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons(self, self.new_button, self.edit_button, self.plan_button, self.activity_button,
                                  self.evaluate_button, self.delete_button))
        layout.addWidget(split, 1)

    def current_id(self) -> int | None:
        index = self.table.currentIndex()
        return self.ids[index.row()] if index.isValid() and index.row() < len(self.ids) else None

    def refresh(self, select: int | None = None) -> None:
        select = select if select is not None else self.current_id()
        conn = self.archive.conn
        language = rules_language()
        rows = circles.list_circles(conn)
        counts = circles.activity_counts(conn)
        self.ids = [c.id for c in rows]
        self.model.set_rows(
            [self.tr("Circle"), self.tr("Area"), self.tr("Area type"), self.tr("Centre (圆心)"),
             self.tr("Kind of centre"), self.tr("Members"), self.tr("Activities"), self.tr("Contact mode")],
            [(c.name, c.area or "", promotions.area_type_label(c.area_type, language) if c.area_type else "",
              c.centre_name or "", circles.centre_kind_label(c.centre_kind, language), c.member_count,
              counts.get(c.id, 0), c.contact_mode) for c in rows])
        fit_columns(self.table, self.fontMetrics().horizontalAdvance("M") * 16)
        self.empty.setVisible(not rows)
        row = self.ids.index(select) if select in self.ids else 0
        if rows:
            self.table.selectRow(row)
        self._show_details()

    def _show_details(self) -> None:
        circle_id = self.current_id()
        for button in self.selection_buttons:
            button.setEnabled(circle_id is not None)
        if circle_id is None:
            self.details.setText("")
            for model in (self.members_model, self.activities_model, self.evaluations_model):
                model.set_rows([], [])
            return
        conn = self.archive.conn
        circle = circles.get(conn, circle_id)
        figures = circles.evaluate(conn, circle_id)
        results = figures.results
        sizes = ", ".join(f"{month}: {count}" for month, count in figures.size_over_time[-6:])
        new_products = "-" if results.new_products is None else str(results.new_products)
        lines = [
            f"<b>{html_text(circle.name)}</b>",
            html_text(self.tr("Pull (向心力): {pull}").format(pull=circle.pull or "-")),
            html_text(self.tr("Size over time (members at month end): {sizes}").format(sizes=sizes or "-")),
            html_text(self.tr("Since they joined: {buyers} of {members} members bought, {count} transactions, "
                          "amount {amount}; new products {products}; grades up {up}, down {down}.").format(
                buyers=results.members_with_transactions, members=results.members, count=results.transactions,
                amount=money(results.amount), products=new_products, up=results.grades_up,
                down=results.grades_down)),
        ]
        self.details.setText("<br>".join(lines))
        centre = self.tr("centre (圆心)")
        self.members_model.set_rows(
            [self.tr("Member"), self.tr("Joined"), self.tr("Role")],
            [(m.name, m.joined_on.isoformat(), centre if m.is_centre else "")
             for m in circles.members(conn, circle_id)])
        self.activities_model.set_rows(
            [self.tr("Held on"), self.tr("What"), self.tr("Plan"), self.tr("Status")],
            [(a.held_on.isoformat(), a.description, a.plan_title or "",
              promotions.status_label(a.plan_status) if a.plan_status else "")
             for a in circles.activities(conn, circle_id)])
        self.evaluations_model.set_rows(
            [self.tr("Day"), self.tr("Size"), self.tr("Amount since joining"), self.tr("Staff rating"),
             self.tr("Overall"), self.tr("Staff perception")],
            [(e.evaluated_on.isoformat(), e.size, money(e.results.amount), e.staff_score or "", e.overall or "",
              e.staff_perception) for e in circles.evaluations(conn, circle_id)])
        for view in (self.members_view, self.activities_view, self.evaluations_view):
            fit_columns(view, self.fontMetrics().horizontalAdvance("M") * 14)

    def new_circle(self, members=()) -> int | None:
        circle_id = CircleDialog.edit(self, self.archive, None, members)
        if circle_id is not None:
            self.refresh(circle_id)
            self.changed.emit()
        return circle_id

    def edit_circle(self) -> None:
        circle_id = self.current_id()
        if circle_id is not None and CircleDialog.edit(self, self.archive, circle_id) is not None:
            self.refresh(circle_id)
            self.changed.emit()

    def record_activity(self) -> None:
        circle_id = self.current_id()
        if circle_id is not None and CircleActivityDialog(self, self.archive, circle_id).exec():
            self.refresh(circle_id)
            self.detail_tabs.setCurrentWidget(self.activities_view)

    def evaluate(self) -> None:
        circle_id = self.current_id()
        if circle_id is not None and CircleEvaluationDialog(self, self.archive, circle_id).exec():
            self.refresh(circle_id)
            self.detail_tabs.setCurrentWidget(self.evaluations_view)

    def delete_circle(self) -> None:
        circle_id = self.current_id()
        if circle_id is None:
            return
        circle = circles.get(self.archive.conn, circle_id)
        answer = QMessageBox.question(self, self.tr("Delete circle"), self.tr(
            "Delete the circle {name} with its members list, activities and evaluations? The customers and "
            "promotion plans stay.").format(name=circle.name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Cancel)
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            by = settings.user_name()
            write(self, lambda conn: circles.delete(conn, circle_id, by), Changes.of(Changes.MARKETING),
                  archive=self.archive)
        except Exception as exc:  # noqa: BLE001 - shown; nothing deleted
            show_error(self, exc)
            return
        self.refresh()
        self.changed.emit()
