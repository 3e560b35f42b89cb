"""Dialogs of the Visits area, each with a small result API (STYLE.md pattern 6):

    request = NewPlanDialog.ask(parent, archive, start=..., days=..., manager=...)
    entry = OutcomeDialog.ask(parent, visit, outcome="done")        # -> OutcomeEntry | None
    picked = CustomerPicker.ask(parent, archive, plan)               # -> PickedCustomer | None

The printouts' dialogs are in gui.visits.print_dialogs.
"""
from __future__ import annotations

import html
from dataclasses import dataclass
from datetime import date, timedelta

from PySide6.QtCore import Qt, QTime
from PySide6.QtWidgets import (QAbstractItemView, QButtonGroup, QComboBox, QDialog, QDialogButtonBox, QFormLayout,
                               QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPushButton, QRadioButton, QSpinBox,
                               QTableView, QTimeEdit, QVBoxLayout, QWidget)

from gui.visits.plan_models import outcome_labels
from gui.common.tasks import run_task
from gui.common.forms import date_edit, error_label, from_qdate, manager_combo
from gui.common.widgets import DateField, NameFilterProxy, RecordsModel, fit_columns, show_failure
from model.visits import due, planning_rules, visit_plan
from model.core import name_order, normalize, settings
from model.archive.database import Archive


# -- shared pieces -----------------------------------------------------------------

def parse_point(text: str) -> tuple[float, float] | None:
    """'30.27, 120.15' → (30.27, 120.15); '' → None; ValueError when not a position."""
    text = text.replace("，", ",").strip()
    if not text:
        return None
    parts = [p for p in text.replace(" ", ",").split(",") if p]
    if len(parts) != 2:
        raise ValueError(text)
    lat, lon = (float(p) for p in parts)
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise ValueError(text)
    return lat, lon


def parse_dates(text: str) -> tuple[date, ...]:
    """Dates separated by commas, semicolons or spaces; normalize.Invalid when one is not a date."""
    parts = [p for p in text.replace("，", ",").replace(";", ",").replace(" ", ",").split(",") if p]
    return tuple(sorted({normalize.to_date(p) for p in parts} - {None}))


def start_point_of(conn, manager: str | None) -> tuple[float, float] | None:
    """Middle of the manager's customers (of everyone's when no manager is chosen) with a
    position; the first customer's when they are too few to have a middle."""
    points = [due.position(row)[:2] for row in due.customer_rows(conn, manager)]
    points = [p for p in points if p[0] is not None]
    if not points:
        return None
    if len(points) < 3:
        return points[0]
    return (round(sum(p[0] for p in points) / len(points), 6),
            round(sum(p[1] for p in points) / len(points), 6))


# -- a new plan ----------------------------------------------------------------------

class NewPlanDialog(QDialog):
    """The questions of a plan (``visit_plan.PlanRequest``): dates, capacity, hours, start point."""

    def __init__(self, parent: QWidget | None, archive: Archive, start: date | None = None,
                 days: int | None = None, manager: str | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("New visit plan"))
        self.archive = archive
        self.request: visit_plan.PlanRequest | None = None
        self._rules = planning_rules.planning_rules()
        start = start or date.today()

        self.title_edit = QLineEdit(self)
        self.title_edit.setPlaceholderText(self.tr("optional, e.g. week 48"))
        self.manager = manager_combo(archive.conn, manager, self, self.tr("All managers"))
        self.start_edit = date_edit(start, self)
        self.days_spin = QSpinBox(self)
        self.days_spin.setRange(1, 62)
        self.days_spin.setValue(days or 7)
        self.days_spin.setSuffix(self.tr(" calendar days"))
        self.span_label = QLabel(self)
        self.per_day_spin = QSpinBox(self)
        self.per_day_spin.setRange(1, 40)
        self.per_day_spin.setValue(self._rules.visits_per_day)
        self.day_start_edit = QTimeEdit(QTime(self._rules.day_start // 60, self._rules.day_start % 60), self)
        self.day_end_edit = QTimeEdit(QTime(self._rules.day_end // 60, self._rules.day_end % 60), self)
        for edit in (self.day_start_edit, self.day_end_edit):
            edit.setDisplayFormat("HH:mm")
        hours = QWidget(self)
        hours_row = QHBoxLayout(hours)
        hours_row.setContentsMargins(0, 0, 0, 0)
        hours_row.addWidget(self.day_start_edit)
        hours_row.addWidget(QLabel("–", hours))
        hours_row.addWidget(self.day_end_edit)
        hours_row.addStretch(1)
        self.minutes_spin = QSpinBox(self)
        self.minutes_spin.setRange(0, 240)
        self.minutes_spin.setSingleStep(5)
        self.minutes_spin.setSpecialValueText(self.tr("by value tier ({a} min for A, else {other})")
                                              .format(a=self._rules.minutes_for("A"),
                                                      other=self._rules.visit_minutes))
        self.minutes_spin.setSuffix(self.tr(" min"))
        self.point_edit = QLineEdit(self)
        self.point_edit.setPlaceholderText(self.tr("latitude, longitude, e.g. 30.27, 120.15"))
        self.point_button = QPushButton(self.tr("&Middle of the customers"), self)
        self.point_button.setToolTip(self.tr("Start from the middle of the chosen manager's customers"))
        self.point_button.setAutoDefault(False)
        self.point_button.clicked.connect(self._find_start_point)
        point = QWidget(self)
        point_row = QHBoxLayout(point)
        point_row.setContentsMargins(0, 0, 0, 0)
        point_row.addWidget(self.point_edit, 1)
        point_row.addWidget(self.point_button)
        self.days_off_edit = QLineEdit(self)
        self.days_off_edit.setPlaceholderText(self.tr("dates, comma separated, e.g. 2026-11-25, 2026-11-26"))

        self.errors: dict[str, QLabel] = {}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._row(form, "title", self.tr("&Title:"), self.title_edit)
        self._row(form, "manager", self.tr("&Manager:"), self.manager)
        self._row(form, "start", self.tr("&First day:"), self.start_edit)
        self._row(form, "days", self.tr("&Length:"), self.days_spin)
        form.addRow("", self.span_label)
        self._row(form, "per_day", self.tr("&Visits per day:"), self.per_day_spin)
        self._row(form, "hours", self.tr("Working &hours:"), hours)
        form.labelForField(hours).setBuddy(self.day_start_edit)
        self._row(form, "minutes", self.tr("Visit &duration:"), self.minutes_spin)
        self._row(form, "start_point", self.tr("&Start point:"), point)
        form.labelForField(point).setBuddy(self.point_edit)
        self._row(form, "days_off", self.tr("Days &off:"), self.days_off_edit)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("&Plan"))
        self.ok_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        note = QLabel(self.tr("The visits due in these days are planned, most urgent first; weekends, "
                              "holidays and days off are left out."), self)
        note.setWordWrap(True)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 44)

        remembered = settings.get(settings.PLAN_START_POINT)
        self.point_edit.setText(remembered)
        self._point_task = None
        if not remembered:
            self._find_start_point()
        self._fill_days_off()
        self.start_edit.dateChanged.connect(self._dates_changed)
        self.days_spin.valueChanged.connect(self._dates_changed)
        self._show_span()
        self.title_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def _row(self, form: QFormLayout, key: str, label: str, widget: QWidget) -> None:
        form.addRow(label, widget)
        buddy = form.labelForField(widget)
        if isinstance(buddy, QLabel):
            buddy.setBuddy(widget)
        self.errors[key] = error_label(self)
        form.addRow("", self.errors[key])

    def first_day(self) -> date:
        return from_qdate(self.start_edit.date())

    def last_day(self) -> date:
        return self.first_day() + timedelta(days=self.days_spin.value() - 1)

    def _fill_days_off(self) -> None:
        """The remembered days off that fall within the plan's dates."""
        first, last = self.first_day(), self.last_day()
        chosen = []
        for text in settings.get(settings.DAYS_OFF):
            try:
                day = date.fromisoformat(str(text))
            except ValueError:
                continue
            if first <= day <= last:
                chosen.append(day.isoformat())
        self.days_off_edit.setText(", ".join(sorted(chosen)))

    def _dates_changed(self) -> None:
        self._fill_days_off()
        self._show_span()

    def _show_span(self) -> None:
        try:
            off = parse_dates(self.days_off_edit.text())
        except normalize.Invalid:
            off = ()
        working = self._rules.working_days(self.first_day(), self.last_day(), off)
        self.span_label.setText(self.tr("to {end}: {count} working days").format(
            end=self.last_day().isoformat(), count=len(working)))

    def _find_start_point(self) -> None:
        archive, manager = self.archive, self.manager.currentData()
        self.point_button.setEnabled(False)

        def work(progress):
            conn = archive.reader()
            try:
                return start_point_of(conn, manager)
            finally:
                conn.close()

        def done(point) -> None:
            self.point_button.setEnabled(True)
            if point is not None:
                self.point_edit.setText(f"{point[0]:.6f}, {point[1]:.6f}")
            else:
                self.point_edit.setPlaceholderText(self.tr("no customer has a position: type one, "
                                                           "or leave empty"))

        self._point_task = run_task(self, work, on_success=done,
                                    on_failure=lambda exc: self.point_button.setEnabled(True))

    def busy(self) -> bool:
        return self._point_task is not None and not self._point_task.finished

    def show_problems(self, problems: dict[str, str]) -> None:
        for key, label in self.errors.items():
            label.setText(problems.get(key, ""))
            label.setVisible(key in problems)

    def build_request(self) -> visit_plan.PlanRequest | None:
        problems = {}
        try:
            point = parse_point(self.point_edit.text())
        except ValueError:
            point = None
            problems["start_point"] = self.tr("Give the start point as latitude, longitude (e.g. "
                                              "30.27, 120.15), or leave it empty.")
        try:
            days_off = parse_dates(self.days_off_edit.text())
        except normalize.Invalid as exc:
            days_off = ()
            problems["days_off"] = self.tr("{problem} Give dates such as 2026-11-25, separated by "
                                           "commas.").format(problem=exc)
        start_time, end_time = self.day_start_edit.time(), self.day_end_edit.time()
        if end_time <= start_time:
            problems["hours"] = self.tr("The working day must end after it starts.")
        self.show_problems(problems)
        if problems:
            return None
        return visit_plan.PlanRequest(
            start=self.first_day(), days=self.days_spin.value(), manager=self.manager.currentData(),
            per_day=self.per_day_spin.value(), day_start=start_time.toString("HH:mm"),
            day_end=end_time.toString("HH:mm"), visit_minutes=self.minutes_spin.value() or None,
            start_point=point, days_off=days_off, title=self.title_edit.text().strip() or None)

    def accept(self) -> None:
        request = self.build_request()
        if request is None:
            return
        self.request = request
        settings.put(settings.PLAN_START_POINT, self.point_edit.text().strip())
        first, last = request.start, request.last_day
        kept = [d for d in settings.get(settings.DAYS_OFF)
                if not (first.isoformat() <= str(d) <= last.isoformat())]
        settings.put(settings.DAYS_OFF, sorted(kept + [d.isoformat() for d in request.days_off]))
        super().accept()

    @classmethod
    def ask(cls, parent: QWidget | None, archive: Archive, start: date | None = None,
            days: int | None = None, manager: str | None = None) -> visit_plan.PlanRequest | None:
        dialog = cls(parent, archive, start, days, manager)
        try:
            return dialog.request if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()


# -- logging a visit ---------------------------------------------------------------------

@dataclass
class OutcomeEntry:
    outcome: str               # visit_plan.OUTCOMES
    result: str | None
    next_step: str | None
    next_date: date | None
    contact_date: date | None


class OutcomeDialog(QDialog):
    """How a planned visit went: done, not met or rescheduled, the result, the next step and date."""

    def __init__(self, parent: QWidget | None, visit: visit_plan.PlanVisit, outcome: str | None = None):
        super().__init__(parent)
        self.visit = visit
        self.entry: OutcomeEntry | None = None
        self.setWindowTitle(self.tr("Log visit: {name}").format(name=visit.name))
        labels = outcome_labels()
        mnemonic = {"done": self.tr("&Done"), "not_met": self.tr("&Not met"),
                    "rescheduled": self.tr("&Rescheduled")}
        self.buttons = {key: QRadioButton(mnemonic[key], self) for key in visit_plan.OUTCOMES}
        for key, button in self.buttons.items():
            button.setToolTip(labels[key])
        group = QButtonGroup(self)
        row = QWidget(self)
        row_layout = QHBoxLayout(row)
        row_layout.setContentsMargins(0, 0, 0, 0)
        for button in self.buttons.values():
            group.addButton(button)
            row_layout.addWidget(button)
        row_layout.addStretch(1)
        self.buttons[outcome or visit.outcome or "done"].setChecked(True)

        self.result_edit = QLineEdit(visit.outcome_result or "", self)
        self.result_edit.setPlaceholderText(self.tr("e.g. bought the savings plan; wants to think"))
        self.next_step_edit = QLineEdit(visit.outcome_next_step or "", self)
        self.next_step_edit.setPlaceholderText(self.tr("e.g. phone back with the rates"))
        self.next_date_edit = DateField(self)
        self.next_date_edit.setText(visit.outcome_next_date or "")
        self.date_edit = DateField(self)
        day = visit.day or date.today()
        self.date_edit.setText(min(day, date.today()).isoformat())
        self.next_date_label = QLabel(self)

        when = visit.day.isoformat() if visit.day else ""
        head = QLabel(self.tr("<b>{name}</b> · {area} · {day} {time}").format(
            name=html.escape(visit.name), area=html.escape(visit.area or "-"), day=when,
            time=visit.time_text), self)
        purpose = QLabel(self.tr("Purpose: {purpose}").format(purpose=visit.purpose or "-"), self)
        purpose.setWordWrap(True)
        self.error = error_label(self)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Outcome:"), row)
        form.addRow(self.tr("&Result:"), self.result_edit)
        form.addRow(self.tr("Ne&xt step:"), self.next_step_edit)
        form.addRow(self.next_date_label, self.next_date_edit)
        form.addRow(self.tr("Visit d&ate:"), self.date_edit)
        form.labelForField(self.result_edit).setBuddy(self.result_edit)
        form.labelForField(self.next_step_edit).setBuddy(self.next_step_edit)
        form.labelForField(self.date_edit).setBuddy(self.date_edit)
        self.next_date_label.setBuddy(self.next_date_edit)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Save).setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(head)
        layout.addWidget(purpose)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 40)
        group.buttonToggled.connect(lambda *_: self._outcome_changed())
        self._outcome_changed()
        self.result_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def outcome(self) -> str:
        return next(key for key, button in self.buttons.items() if button.isChecked())

    def _outcome_changed(self) -> None:
        texts = {"done": self.tr("Next &date:"), "not_met": self.tr("Try again &on:"),
                 "rescheduled": self.tr("New &date:")}
        self.next_date_label.setText(texts[self.outcome()])
        placeholder = {"done": self.tr("optional: when to contact next"),
                       "not_met": self.tr("optional: the next working day if empty"),
                       "rescheduled": self.tr("required, e.g. 2026-11-27")}
        self.next_date_edit.line.setPlaceholderText(placeholder[self.outcome()])

    def accept(self) -> None:
        try:
            next_date = normalize.to_date(self.next_date_edit.text())
            contact_date = normalize.to_date(self.date_edit.text())
        except normalize.Invalid as exc:
            self._fail(str(exc))
            return
        if self.outcome() == "rescheduled" and next_date is None:
            self._fail(self.tr("A rescheduled visit needs its new date."))
            self.next_date_edit.setFocus()
            return
        if contact_date and contact_date > date.today():
            self._fail(self.tr("The visit date is in the future; give the day the visit was made."))
            return
        if next_date and contact_date and next_date < contact_date:
            self._fail(self.tr("The next date is before the visit date."))
            return
        self.entry = OutcomeEntry(self.outcome(), self.result_edit.text().strip() or None,
                                  self.next_step_edit.text().strip() or None, next_date, contact_date)
        super().accept()

    def _fail(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    @classmethod
    def ask(cls, parent: QWidget | None, visit: visit_plan.PlanVisit,
            outcome: str | None = None) -> OutcomeEntry | None:
        dialog = cls(parent, visit, outcome)
        try:
            return dialog.entry if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()


# -- adding a customer ---------------------------------------------------------------------

@dataclass
class PickedCustomer:
    customer_id: int
    day: date | None           # None: the next re-optimisation places it
    purpose: str | None


class CustomerPicker(QDialog):
    """Find a customer (name, area, phone digits) to add to the plan, on a day or for the optimiser."""

    def __init__(self, parent: QWidget | None, archive: Archive, plan: visit_plan.Plan):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add a customer to the plan"))
        self.picked: PickedCustomer | None = None
        self._ids: list[int] = []
        taken = {v.customer_id for v in plan.planned() + plan.unplanned if not v.outcome}
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("name, area or phone digits"))
        self.search.setClearButtonEnabled(True)
        self.model = RecordsModel(parent=self)
        self.proxy = NameFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.search.textChanged.connect(self.proxy.set_query)
        self.table = QTableView(self)
        self.table.setObjectName("picker_table")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.setAlternatingRowColors(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda _index: self.accept())
        self.search.returnPressed.connect(self._to_table)
        self.day_combo = QComboBox(self)
        self.day_combo.addItem(self.tr("Let re-optimising choose the day"), None)
        for day in plan.days:
            self.day_combo.addItem(day.day.isoformat(), day.day)
        self.purpose_edit = QLineEdit(self)
        self.purpose_edit.setPlaceholderText(self.tr("optional, e.g. deliver the new card"))
        self.status = QLabel(self.tr("Loading the customers…"), self)
        self.error = error_label(self)
        search_label = QLabel(self.tr("&Find:"), self)
        search_label.setBuddy(self.search)
        form = QFormLayout()
        form.addRow(self.tr("&Day:"), self.day_combo)
        form.labelForField(self.day_combo).setBuddy(self.day_combo)
        form.addRow(self.tr("&Purpose:"), self.purpose_edit)
        form.labelForField(self.purpose_edit).setBuddy(self.purpose_edit)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("&Add"))
        self.ok_button.setEnabled(False)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(search_label)
        top.addWidget(self.search, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(self.fontMetrics().horizontalAdvance("M") * 56, self.fontMetrics().height() * 30)
        manager = plan.manager

        def work(progress):
            conn = archive.reader()
            try:
                return name_order.by_pinyin(
                    [(r["id"], r["name"], r["area"] or "", r["phone"] or r["phone2"] or "",
                      (r["last_contact"] or "")[:10])
                     for r in due.customer_rows(conn, manager) if r["id"] not in taken], lambda r: r[1], person=True)
            finally:
                conn.close()
        self.task = run_task(self, work, on_success=self._loaded,
                             on_failure=lambda exc: show_failure(self.error, exc))

    def _loaded(self, rows) -> None:
        self._ids = [r[0] for r in rows]
        self.model.set_rows([self.tr("Customer"), self.tr("Area"), self.tr("Phone"), self.tr("Last contact")],
                            [r[1:] for r in rows])
        fit_columns(self.table, self.fontMetrics().horizontalAdvance("M") * 18)
        self.status.setText(self.tr("{count} customers not yet in the plan.").format(count=len(rows)))
        self.ok_button.setEnabled(bool(rows))
        if rows:
            self.table.selectRow(0)
        self.search.setFocus(Qt.FocusReason.OtherFocusReason)

    def _to_table(self) -> None:
        if self.proxy.rowCount():
            self.table.setFocus()
            self.table.selectRow(0)

    def current_id(self) -> int | None:
        index = self.table.currentIndex()
        if not index.isValid():
            rows = self.table.selectionModel().selectedRows()
            if not rows:
                return None
            index = rows[0]
        return self._ids[self.proxy.mapToSource(index).row()]

    def accept(self) -> None:
        customer_id = self.current_id()
        if customer_id is None:
            self.error.setText(self.tr("Choose a customer in the list."))
            self.error.show()
            return
        self.picked = PickedCustomer(customer_id, self.day_combo.currentData(),
                                     self.purpose_edit.text().strip() or None)
        super().accept()

    @classmethod
    def ask(cls, parent: QWidget | None, archive: Archive, plan: visit_plan.Plan) -> PickedCustomer | None:
        dialog = cls(parent, archive, plan)
        try:
            return dialog.picked if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()
