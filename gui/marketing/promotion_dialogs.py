"""The promotion-activity plan editor (促销活动方案, DOMAIN §6).

    plan_id = PlanDialog.edit(parent, archive, plan)         # the saved plan's id, or None
    plan = new_plan_for(archive.conn, area_type, circle_id)  # an unsaved plan from the template

A new plan starts from the template of an area type (community, industrial park,
campus, office building, commercial district): goal (提粘守破立), activity type,
theme, time, place, supporting resources, organisation, daily contact and other key
points are filled in and can be changed. The target audience is a filter (grades,
personas, areas, area types, circles) whose size is counted as it changes. Budget
lines (item, quantity, unit cost, total) add up to the budget total; staffing and
the schedule are simple tables. The checklists and the status are worked on the Activities
page, as the activity runs. Saving is one ``promotions.save`` call (``operations.write``).
"""
from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import (QAbstractItemView, QDateTimeEdit, QDialog, QDialogButtonBox,
                               QFormLayout, QGridLayout, QGroupBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
                               QListWidget, QListWidgetItem, QPlainTextEdit, QPushButton, QScrollArea, QStyle,
                               QTableWidget, QTableWidgetItem, QTabWidget, QVBoxLayout, QWidget)

from gui.common.forms import error_label, show_problem
from gui.common.operations import Changes, write
from model.archive.page_header import branch_name
from gui.visits.print_dialogs import PrintDialog
from gui.common.widgets import ChoiceCombo, is_chinese
from model.archive import audit
from model.marketing import circles, promotions
from model.core import name_order, rules, settings
from model.archive.database import Archive
from model.core.i18n import translate


def new_plan_for(conn, area_type: str, circle_id: int | None = None, day: date | None = None) -> promotions.Plan:
    """An unsaved plan from the area type's template, in the program's language; for a
    circle, the audience is the circle and the plan is tied to it and its area."""
    language = "zh_CN" if is_chinese() else "en"
    plan = promotions.new_plan(area_type, day, language=language)
    if circle_id is not None:
        circle = circles.get(conn, circle_id)
        if circle is not None:
            plan = replace(plan, circle_id=circle_id, area_id=circle.area_id,
                           audience=promotions.Audience(circle_ids=(circle_id,)),
                           title=f"{circle.name}: {plan.title}")
    return plan


def to_qdatetime(value: datetime | None) -> QDateTime:
    value = value or datetime.combine(date.today() + timedelta(days=7), datetime.min.time()).replace(hour=19)
    return QDateTime(value.year, value.month, value.day, value.hour, value.minute, 0)


def from_qdatetime(value: QDateTime) -> datetime:
    d, t = value.date(), value.time()
    return datetime(d.year(), d.month(), d.day(), t.hour(), t.minute())


def _number(text: str) -> float | None:
    text = (text or "").strip().replace(",", "").replace("，", "")
    if not text:
        return 0.0
    try:
        return float(text)
    except ValueError:
        return None


def money(value: float) -> str:
    return f"{value:,.2f}"


class LinesTable(QTableWidget):
    """Editable lines (budget, staffing, schedule) with add and remove buttons beside."""

    def __init__(self, headers: list[str], name: str, parent: QWidget | None = None, stretch: int = 0):
        super().__init__(0, len(headers), parent)
        self.setObjectName(name)
        self.setHorizontalHeaderLabels(headers)
        self.verticalHeader().hide()
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.horizontalHeader().setStretchLastSection(False)
        self.horizontalHeader().setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        self.setTabKeyNavigation(True)

    def add_line(self, values: list[str]) -> int:
        row = self.rowCount()
        self.insertRow(row)
        for column, value in enumerate(values):
            self.setItem(row, column, QTableWidgetItem(value))
        return row

    def remove_selected(self) -> None:
        for row in sorted({i.row() for i in self.selectedIndexes()}, reverse=True):
            self.removeRow(row)

    def cell(self, row: int, column: int) -> str:
        item = self.item(row, column)
        return item.text().strip() if item is not None else ""

    def lines(self) -> list[list[str]]:
        """The rows that are not wholly empty."""
        rows = ([self.cell(row, c) for c in range(self.columnCount())] for row in range(self.rowCount()))
        return [values for values in rows if any(values)]


def lines_box(title: str, table: LinesTable, add_text: str, remove_text: str, parent: QWidget,
              extra: QWidget | None = None) -> QGroupBox:
    box = QGroupBox(title, parent)
    add = QPushButton(add_text, box)
    add.setAutoDefault(False)
    add.setObjectName(f"add_{table.objectName()}")
    add.clicked.connect(lambda: (table.add_line([""] * table.columnCount()),
                                 table.setCurrentCell(table.rowCount() - 1, 0),
                                 table.editItem(table.item(table.rowCount() - 1, 0))))
    remove = QPushButton(remove_text, box)
    remove.setAutoDefault(False)
    remove.clicked.connect(table.remove_selected)
    row = QHBoxLayout()
    if extra is not None:
        row.addWidget(extra, 1)
    else:
        row.addStretch(1)
    row.addWidget(add)
    row.addWidget(remove)
    layout = QVBoxLayout(box)
    layout.addWidget(table, 1)
    layout.addLayout(row)
    return box


class AudienceEditor(QWidget):
    """The target audience as a filter: ticked values of each kind; its size counted live."""

    def __init__(self, archive: Archive, parent: QWidget | None = None):
        super().__init__(parent)
        self.archive = archive
        from model import grading
        language = "zh_CN" if is_chinese() else "en"
        grading_rules = grading.load_rules()
        conn = archive.conn
        kinds = [
            ("circle_ids", self.tr("Circles"), [(c.name, c.id) for c in circles.list_circles(conn)]),
            ("value_tiers", grading.scheme_label(grading.VALUE_TIER),
             [(v, v) for v in grading.value_order(grading.VALUE_TIER, grading_rules)]),
            ("opportunity_grades", grading.scheme_label(grading.OPPORTUNITY),
             [(v, v) for v in grading.value_order(grading.OPPORTUNITY, grading_rules)]),
            ("rfm_types", grading.scheme_label(grading.RFM),
             [(grading.value_label(grading.RFM, v, language, grading_rules), v)
              for v in grading.value_order(grading.RFM, grading_rules)]),
            ("personas", grading.scheme_label(grading.PERSONA),
             [(grading.value_label(grading.PERSONA, v, language, grading_rules), v)
              for v in grading.value_order(grading.PERSONA, grading_rules)]),
            ("area_types", self.tr("Area types"), [(a.label(language), a.key) for a in rules.area_types()]),
            ("area_ids", self.tr("Areas"), [(name, area_id) for name, area_id, _type in name_order.areas(conn)]),
        ]
        self.lists: dict[str, QListWidget] = {}
        grid = QGridLayout()
        for n, (key, title, choices) in enumerate(kinds):
            box = QGroupBox(title, self)
            listing = QListWidget(box)
            listing.setObjectName(f"audience_{key}")
            for label, value in choices:
                item = QListWidgetItem(str(label), listing)
                item.setToolTip(str(label))
                item.setData(Qt.ItemDataRole.UserRole, value)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Unchecked)
            listing.itemChanged.connect(lambda _item: self.update_size())
            # Its longest choice whole (the RFM types), beside a vertical scroll bar.
            listing.setMinimumWidth(listing.sizeHintForColumn(0) + 2 * listing.frameWidth()
                                    + listing.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent) + 4)
            listing.setMinimumHeight(listing.fontMetrics().height() * 3)   # longer lists scroll
            QVBoxLayout(box).addWidget(listing)
            self.lists[key] = listing
            grid.addWidget(box, n // 3, n % 3)     # three a row: the RFM types are long (150 %)
        self.size_label = QLabel(self)
        self.size_label.setObjectName("audience_size")
        self.size_label.setWordWrap(True)
        note = QLabel(self.tr("Ticked values of one kind are alternatives; kinds ticked together must all hold. "
                              "Nothing ticked: every customer."), self)
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(grid, 1)
        layout.addWidget(self.size_label)

    def audience(self) -> promotions.Audience:
        values = {}
        for key, listing in self.lists.items():
            values[key] = tuple(listing.item(i).data(Qt.ItemDataRole.UserRole) for i in range(listing.count())
                                if listing.item(i).checkState() == Qt.CheckState.Checked)
        return promotions.Audience(**values)

    def set_audience(self, audience: promotions.Audience) -> None:
        for key, listing in self.lists.items():
            chosen = set(getattr(audience, key))
            listing.blockSignals(True)
            for i in range(listing.count()):
                item = listing.item(i)
                item.setCheckState(Qt.CheckState.Checked if item.data(Qt.ItemDataRole.UserRole) in chosen
                                   else Qt.CheckState.Unchecked)
            listing.blockSignals(False)
        self.update_size()

    def size(self) -> int:
        return promotions.audience_size(self.archive.conn, self.audience())

    def update_size(self) -> None:
        audience = self.audience()
        self.size_label.setText(self.tr("Target audience: {count} customers ({audience})").format(
            count=self.size(), audience=audience.describe(self.archive.conn)))


class PlanDialog(QDialog):
    """Edit a promotion plan (new from a template, or saved)."""

    def __init__(self, parent: QWidget | None, archive: Archive, plan: promotions.Plan):
        super().__init__(parent)
        self.archive = archive
        self.plan = plan
        self.saved_id: int | None = None
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.setWindowTitle(self.tr("New activity plan") if plan.id is None
                            else self.tr("Activity plan: {title}").format(title=plan.title))
        language = "zh_CN" if is_chinese() else "en"
        conn = archive.conn

        self.title_edit = QLineEdit(self)
        self.title_edit.setObjectName("plan_title")
        self.template_combo = ChoiceCombo([(a.label(language), a.key) for a in rules.area_types()
                                           if any(t.area_type == a.key for t in promotions.templates())], self)
        self.template_combo.setObjectName("plan_template")
        self.template_combo.setToolTip(self.tr("The area type (商圈类型) whose template the plan starts from"))
        self.template_combo.activated.connect(self._template_chosen)
        self.goal_combo = ChoiceCombo([(self.tr("Not set"), None)] + [
            (f"{g.label_zh} · {g.description(language)}", g.key) for g in promotions.goals()], self)
        self.goal_combo.setObjectName("plan_goal")
        self.type_combo = ChoiceCombo([(self.tr("Not set"), None)] + [
            (t.label(language), t.key) for t in promotions.activity_types()], self)
        self.type_combo.setObjectName("plan_activity_type")
        self.type_combo.activated.connect(self._type_chosen)
        # How the chosen type is done (a promotion means' 方式, seed 004), read-only.
        self.type_note = QLabel(self)
        self.type_note.setObjectName("plan_type_note")
        self.type_note.setWordWrap(True)
        self.type_note.setStyleSheet("color: palette(placeholder-text);")
        # The key principles (锦囊, seed 003), read-only: every plan keeps them in mind.
        self.principles = QLabel(promotions.principles_text(language), self)
        self.principles.setObjectName("plan_principles")
        self.principles.setWordWrap(True)
        self.principles.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.principles.setToolTip(self.tr("The key principles of seed 003 (锦囊), for every activity"))
        self.circle_combo = ChoiceCombo([(self.tr("None"), None)] + [
            (c.name, c.id) for c in circles.list_circles(conn)], self)
        self.circle_combo.setObjectName("plan_circle")
        self.area_combo = ChoiceCombo([(self.tr("None"), None)] + [
            (name, area_id) for name, area_id, _type in name_order.areas(conn)], self)
        self.area_combo.setObjectName("plan_area")
        self.theme_edit = QLineEdit(self)
        self.theme_edit.setObjectName("plan_theme")
        self.starts_edit = QDateTimeEdit(self)
        self.ends_edit = QDateTimeEdit(self)
        for edit in (self.starts_edit, self.ends_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.starts_edit.setObjectName("plan_starts")
        self.ends_edit.setObjectName("plan_ends")
        self.time_note = QLineEdit(self)
        self.time_note.setObjectName("plan_time_note")
        self.time_note.setPlaceholderText(self.tr("the time in words, e.g. evening after dinner"))
        self.place_edit = QLineEdit(self)
        self.place_edit.setObjectName("plan_place")
        self.texts: dict[str, QPlainTextEdit] = {}
        for key in ("resources", "organisation", "daily_contact", "key_points"):
            edit = QPlainTextEdit(self)
            edit.setObjectName(f"plan_{key}")
            edit.setTabChangesFocus(True)
            edit.setMaximumHeight(self.fontMetrics().height() * 4)
            self.texts[key] = edit

        times = QWidget(self)
        times_row = QHBoxLayout(times)
        times_row.setContentsMargins(0, 0, 0, 0)
        times_row.addWidget(self.starts_edit)
        times_row.addWidget(QLabel("–", times))
        times_row.addWidget(self.ends_edit)
        times_row.addStretch(1)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        rows = [(self.tr("&Title:"), self.title_edit), (self.tr("Te&mplate (area type):"), self.template_combo),
                (self.tr("&Goal (提粘守破立):"), self.goal_combo), (self.tr("Activity t&ype:"), self.type_combo),
                ("", self.type_note),
                (self.tr("T&heme:"), self.theme_edit), (self.tr("T&ime:"), times),
                (self.tr("Time in &words:"), self.time_note),
                (self.tr("&Place:"), self.place_edit), (self.tr("&Circle:"), self.circle_combo),
                (self.tr("A&rea:"), self.area_combo),
                (self.tr("Supporting &resources:"), self.texts["resources"]),
                (self.tr("&Organisation:"), self.texts["organisation"]),
                (self.tr("&Daily contact:"), self.texts["daily_contact"]),
                (self.tr("Other &key points:"), self.texts["key_points"]),
                (self.tr("Key principles:"), self.principles)]
        for label, widget in rows:
            form.addRow(label, widget)
            if label and widget is not self.principles:
                form.labelForField(widget).setBuddy(self.starts_edit if widget is times else widget)
        plan_page = QWidget(self)
        plan_page.setLayout(form)
        scroll = QScrollArea(self)
        scroll.setWidget(plan_page)
        scroll.setWidgetResizable(True)

        self.audience = AudienceEditor(archive, self)

        self.budget = LinesTable([self.tr("Item"), self.tr("Quantity"), self.tr("Unit cost"), self.tr("Total")],
                                 "budget_lines", self)
        self.budget.itemChanged.connect(self._budget_changed)
        self.budget_total = QLabel(self)
        self.budget_total.setObjectName("budget_total")
        self.staff = LinesTable([self.tr("Who"), self.tr("Role")], "staff_lines", self)
        self.schedule = LinesTable([self.tr("When"), self.tr("What")], "schedule_lines", self, stretch=1)
        lines_page = QWidget(self)
        lines_layout = QGridLayout(lines_page)
        lines_layout.addWidget(lines_box(self.tr("Budget"), self.budget, self.tr("Add &line"), self.tr("Remove"),
                                         lines_page, self.budget_total), 0, 0, 1, 2)
        lines_layout.addWidget(lines_box(self.tr("Staffing"), self.staff, self.tr("Add &person"), self.tr("Remove"),
                                         lines_page), 1, 0)
        lines_layout.addWidget(lines_box(self.tr("Schedule"), self.schedule, self.tr("Add &step"),
                                         self.tr("Remove"), lines_page), 1, 1)

        self.tabs = QTabWidget(self)
        self.tabs.addTab(scroll, self.tr("Plan"))
        self.tabs.addTab(self.audience, self.tr("Target audience"))
        self.tabs.addTab(lines_page, self.tr("Budget, staffing, schedule"))
        self.error = error_label(self)
        self.error.setObjectName("plan_error")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel,
                                   self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.circle_combo.activated.connect(self._circle_chosen)
        self._load(plan)
        self.template_combo.setEnabled(plan.id is None)
        self.resize(self.fontMetrics().horizontalAdvance("M") * 84, self.fontMetrics().height() * 44)

    # -- loading ---------------------------------------------------------------------
    def _load(self, plan: promotions.Plan) -> None:
        self.title_edit.setText(plan.title)
        self.template_combo.set_value(plan.area_type)
        self.goal_combo.set_value(plan.goal)
        self.type_combo.set_value(plan.activity_type)
        self._show_type_note()
        self.circle_combo.set_value(plan.circle_id)
        self.area_combo.set_value(plan.area_id)
        self.theme_edit.setText(plan.theme)
        self.starts_edit.setDateTime(to_qdatetime(plan.starts_at))
        self.ends_edit.setDateTime(to_qdatetime(plan.ends_at or plan.starts_at))
        self.time_note.setText(plan.time_note)
        self.place_edit.setText(plan.place)
        for key, edit in self.texts.items():
            edit.setPlainText(getattr(plan, key))
        self.audience.set_audience(plan.audience)
        self.budget.blockSignals(True)
        self.budget.setRowCount(0)
        for line in plan.budget:
            self.budget.add_line([line.item, f"{line.quantity:g}", f"{line.unit_cost:g}", ""])
        self.budget.blockSignals(False)
        self._budget_changed()
        self.staff.setRowCount(0)
        for line in plan.staff:
            self.staff.add_line([line.who, line.role])
        self.schedule.setRowCount(0)
        for line in plan.schedule:
            self.schedule.add_line([line.at, line.what])

    def _template_chosen(self) -> None:
        """A new plan takes the texts, goal, type and time of the area type's template
        chosen; the audience, circle, budget, staffing and schedule stay as they are."""
        start = self.starts_edit.date()
        t = new_plan_for(self.archive.conn, self.template_combo.value(),
                         day=date(start.year(), start.month(), start.day()))
        self.goal_combo.set_value(t.goal)
        self.type_combo.set_value(t.activity_type)
        self._show_type_note()
        self.theme_edit.setText(t.theme)
        self.starts_edit.setDateTime(to_qdatetime(t.starts_at))
        self.ends_edit.setDateTime(to_qdatetime(t.ends_at))
        self.time_note.setText(t.time_note)
        self.place_edit.setText(t.place)
        for key, edit in self.texts.items():
            edit.setPlainText(getattr(t, key))

    def _show_type_note(self) -> None:
        text = promotions.activity_type_description(self.type_combo.value())
        self.type_note.setText(text)
        self.type_note.setVisible(bool(text))

    def _type_chosen(self) -> None:
        """A new plan takes the theme and key points of the type chosen (the six promotion
        means have templates); a saved plan keeps its words."""
        self._show_type_note()
        if self.plan.id is not None or not self.template_combo.value():
            return
        language = "zh_CN" if is_chinese() else "en"
        theme, key_points = promotions.activity_texts(self.template_combo.value(), self.type_combo.value(), language)
        self.theme_edit.setText(theme)
        self.texts["key_points"].setPlainText(key_points)

    def _circle_chosen(self) -> None:
        circle_id = self.circle_combo.value()
        if circle_id is None:
            return
        circle = circles.get(self.archive.conn, circle_id)
        self.audience.set_audience(promotions.Audience(circle_ids=(circle_id,)))
        if circle is not None and circle.area_id is not None:
            self.area_combo.set_value(circle.area_id)

    # -- budget ----------------------------------------------------------------------
    def _budget_changed(self, _item=None) -> None:
        self.budget.blockSignals(True)
        total = 0.0
        for row in range(self.budget.rowCount()):
            quantity, unit = _number(self.budget.cell(row, 1)), _number(self.budget.cell(row, 2))
            line_total = quantity * unit if quantity is not None and unit is not None else None
            item = self.budget.item(row, 3)
            if item is None:
                item = QTableWidgetItem()
                self.budget.setItem(row, 3, item)
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            item.setText(money(line_total) if line_total is not None else "?")
            total += line_total or 0.0
        self.budget.blockSignals(False)
        self.budget_total.setText(self.tr("Budget total: {total}").format(total=money(total)))

    def _budget_lines(self, strict: bool = True) -> list[promotions.BudgetLine]:
        out = []
        for n, (item, quantity, unit, _total) in enumerate(self.budget.lines(), 1):
            q, u = _number(quantity), _number(unit)
            if strict and (q is None or u is None):
                raise ValueError(self.tr("Budget line {n}: the quantity and unit cost must be numbers, "
                                         "e.g. 20 and 15.5.").format(n=n))
            out.append(promotions.BudgetLine(item, q or 0.0, u or 0.0))
        return out

    def _staff_lines(self) -> list[promotions.StaffLine]:
        return [promotions.StaffLine(who, role) for who, role in self.staff.lines()]

    def _schedule_lines(self) -> list[promotions.ScheduleLine]:
        return [promotions.ScheduleLine(at, what) for at, what in self.schedule.lines()]

    # -- saving ----------------------------------------------------------------------
    def current_plan(self) -> promotions.Plan:
        return replace(
            self.plan, title=self.title_edit.text(), area_type=self.template_combo.value(),
            goal=self.goal_combo.value(), activity_type=self.type_combo.value(), theme=self.theme_edit.text().strip(),
            starts_at=from_qdatetime(self.starts_edit.dateTime()), ends_at=from_qdatetime(self.ends_edit.dateTime()),
            time_note=self.time_note.text().strip(), place=self.place_edit.text().strip(),
            **{key: edit.toPlainText().strip() for key, edit in self.texts.items()},
            audience=self.audience.audience(), circle_id=self.circle_combo.value(), area_id=self.area_combo.value(),
            budget=self._budget_lines(), staff=self._staff_lines(), schedule=self._schedule_lines())

    def accept(self) -> None:
        self.error.hide()
        try:
            plan = self.current_plan()
        except ValueError as exc:
            self.error.setText(str(exc))
            self.error.show()
            return
        try:
            by = settings.user_name()
            self.saved_id = write(self, lambda conn: promotions.save(conn, plan, by), Changes.of(Changes.MARKETING),
                                  archive=self.archive)
        except Exception as exc:  # noqa: BLE001 - shown; the transaction rolled back
            show_problem(self.error, exc)
            return
        super().accept()

    @classmethod
    def edit(cls, parent: QWidget | None, archive: Archive, plan: promotions.Plan) -> int | None:
        dialog = cls(parent, archive, plan)
        try:
            return dialog.saved_id if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()


class NewPlanDialog(QDialog):
    """Which template (area type) and which circle a new plan starts from."""

    def __init__(self, parent: QWidget | None, archive: Archive, circle_id: int | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("New activity plan"))
        language = "zh_CN" if is_chinese() else "en"
        self.archive = archive
        self.template_combo = ChoiceCombo([(a.label(language), a.key) for a in rules.area_types()
                                           if any(t.area_type == a.key for t in promotions.templates())], self)
        self.template_combo.setObjectName("new_plan_template")
        self.circle_combo = ChoiceCombo([(self.tr("None: choose the audience yourself"), None)] + [
            (c.name, c.id) for c in circles.list_circles(archive.conn)], self)
        self.circle_combo.setObjectName("new_plan_circle")
        self.circle_combo.activated.connect(self._circle_chosen)
        self.preview = QLabel(self)
        self.preview.setWordWrap(True)
        self.template_combo.activated.connect(self._preview)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("&Circle:"), self.circle_combo)
        form.labelForField(self.circle_combo).setBuddy(self.circle_combo)
        form.addRow(self.tr("&Template for:"), self.template_combo)
        form.labelForField(self.template_combo).setBuddy(self.template_combo)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Start the plan"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.preview)
        layout.addStretch(1)
        layout.addWidget(buttons)
        if circle_id is not None:
            self.circle_combo.set_value(circle_id)
            self._circle_chosen()
        self._preview()
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 44)

    def _circle_chosen(self) -> None:
        circle_id = self.circle_combo.value()
        circle = circles.get(self.archive.conn, circle_id) if circle_id is not None else None
        if circle is not None and circle.area_type and self.template_combo.findData(circle.area_type) >= 0:
            self.template_combo.set_value(circle.area_type)
        self._preview()

    def _preview(self) -> None:
        template = promotions.template_for(self.template_combo.value())
        language = "zh_CN" if is_chinese() else "en"
        self.preview.setText(self.tr("Theme: {theme}\nTime: {time}\nPlace: {place}").format(
            theme=template.text("theme", language), time=template.text("time", language),
            place=template.text("place", language)))

    def plan(self) -> promotions.Plan:
        return new_plan_for(self.archive.conn, self.template_combo.value(), self.circle_combo.value())

    @classmethod
    def ask(cls, parent: QWidget | None, archive: Archive, circle_id: int | None = None) -> promotions.Plan | None:
        dialog = cls(parent, archive, circle_id)
        try:
            return dialog.plan() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()


class PromotionPrintDialog(PrintDialog):
    """Print a plan sheet, or the evaluation report after the activity (``reports.promotion``)."""

    def __init__(self, parent: QWidget | None, archive: Archive, plan_id: int, evaluation: bool = False):
        plan = promotions.get(archive.conn, plan_id)
        day = plan.starts_at.date().isoformat() if plan.starts_at else ""
        name = (translate("PromotionDialogs", "activity-evaluation-{date}") if evaluation
                else translate("PromotionDialogs", "activity-plan-{date}")).format(date=day)
        super().__init__(parent, branch_name(archive.conn), name + ".pdf")
        self.archive, self.plan_id, self.evaluation = archive, plan_id, evaluation
        self.audit_archive = archive
        self.full_phone.hide()
        self.setWindowTitle(self.tr("Print the activity evaluation") if evaluation
                            else self.tr("Print the activity plan"))
        summary = QLabel(plan.title, self)
        summary.setWordWrap(True)
        self.form.addRow(summary)

    def job(self, path: Path, branch: str | None, full_phone: bool):
        archive, plan_id, evaluation = self.archive, self.plan_id, self.evaluation
        manager = settings.user_name()
        printed = self.printed

        def work(progress) -> Path:
            from reports.promotion import evaluation_pdf, plan_pdf
            conn = archive.reader()
            try:
                sheet = promotions.plan_sheet(conn, plan_id, with_evaluation=evaluation)
            finally:
                conn.close()
            printed.update(what=audit.promotion_what(sheet.plan.title, evaluation),
                           count=None if evaluation else sheet.audience_size, detail={"plan": plan_id})
            write = evaluation_pdf if evaluation else plan_pdf
            return write(sheet, path, branch=branch, manager=manager)
        return work
