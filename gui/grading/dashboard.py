"""The Dashboard area: how the archive (or one manager's or area's customers) is graded.

- the distribution of each scheme (value tier, opportunity grade, RFM type,
  persona), the persona mix with the branch's target personas marked
  (``target_personas`` in personas.json), the Pareto curve of the stored value
  tiers, how many tracking dates are overdue per opportunity grade, and the
  customers per lifecycle stage (model.customers.lifecycle, worked out as of today);
- every bar opens the customer list filtered to those customers
  (``customers_requested`` carries the :class:`CustomerFilter`); the charts
  take the keyboard too (arrow keys, Enter).

The figures are read in a worker on its own connection (:mod:`model.grading.dashboard_data`).
"""
from __future__ import annotations

import html
from datetime import date

import shiboken6
from PySide6.QtCore import QLocale, Signal
from PySide6.QtWidgets import (QComboBox, QGridLayout, QHBoxLayout, QLabel, QPushButton, QScrollArea,
                               QVBoxLayout, QWidget)

from gui.common import operations
from gui.common.operations import Changes
from gui.common.grade_charts import CountChart, ParetoChart
from gui.grading.grade_text import count_rows, scheme_text
from gui.common.tasks import TaskHandle, run_task
from model import grading
from model.customers import lifecycle
from model.customers.customer_filters import CustomerFilter, filter_choices
from model.archive.database import Archive
from model.grading.dashboard_data import DashboardData, load_data
from model.core.datetime_text import datetime_text


class DashboardPage(QWidget):
    customers_requested = Signal(object)    # a CustomerFilter
    grade_requested = Signal()              # "Grade customers…"
    loaded = Signal()

    def __init__(self, archive: Archive, language: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("dashboard_page")
        self.archive = archive
        operations.changes_of(archive).changed.connect(self.on_changes)
        self.language = language
        self.data: DashboardData | None = None
        self._task: TaskHandle | None = None
        self._stale = True
        self.scope = QComboBox()
        self.scope.setObjectName("dashboard_scope")
        self.scope.setAccessibleName(self.tr("Whose customers"))
        self.scope.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.scope.currentIndexChanged.connect(lambda *_: self.refresh())
        scope_label = QLabel(self.tr("&Show:"))
        scope_label.setBuddy(self.scope)
        self.refresh_button = QPushButton(self.tr("&Refresh"))
        self.refresh_button.clicked.connect(lambda: self.refresh(reload_scopes=True))
        self.grade_button = QPushButton(self.tr("&Grade customers…"))
        self.grade_button.clicked.connect(self.grade_requested)
        self.summary = QLabel()
        self.summary.setObjectName("dashboard_summary")
        self.summary.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(scope_label)
        top.addWidget(self.scope)
        top.addWidget(self.refresh_button)
        top.addStretch(1)
        top.addWidget(self.grade_button)

        self.charts: dict[str, CountChart] = {
            grading.VALUE_TIER: CountChart(scheme_text(grading.VALUE_TIER)),
            grading.OPPORTUNITY: CountChart(scheme_text(grading.OPPORTUNITY)),
            grading.RFM: CountChart(scheme_text(grading.RFM), horizontal=True),
            grading.PERSONA: CountChart(self.tr("Persona mix (target personas marked)"), horizontal=True),
        }
        self.overdue = CountChart(self.tr("Overdue tracking dates per opportunity grade"))
        self.pareto = ParetoChart(self.tr("Pareto curve of the value tiers"))
        self.lifecycle = CountChart(self.tr("Customers per lifecycle stage"))
        self.lifecycle.setObjectName("chart_lifecycle")
        self.lifecycle.activated.connect(lambda key: self.show_customers("lifecycle", key))
        for scheme, chart in self.charts.items():
            chart.setObjectName(f"chart_{scheme}")
            chart.activated.connect(lambda key, s=scheme: self.show_customers(s, key))
        self.overdue.setObjectName("chart_overdue")
        self.overdue.activated.connect(lambda key: self.show_customers(grading.OPPORTUNITY, key, overdue=True))
        grid = QGridLayout()
        grid.addWidget(self.charts[grading.VALUE_TIER], 0, 0)
        grid.addWidget(self.pareto, 0, 1)
        grid.addWidget(self.charts[grading.OPPORTUNITY], 1, 0)
        grid.addWidget(self.overdue, 1, 1)
        grid.addWidget(self.charts[grading.RFM], 2, 0)
        grid.addWidget(self.charts[grading.PERSONA], 2, 1)
        grid.addWidget(self.lifecycle, 3, 0)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        for row in range(4):
            grid.setRowMinimumHeight(row, 300)
        inner = QWidget()
        inner.setLayout(grid)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(scroll, 1)
        self._fill_scopes()

    # -- scope ----------------------------------------------------------------------------
    def _fill_scopes(self) -> None:
        conn = self.archive.conn
        current = self.scope.currentData()
        self.scope.blockSignals(True)
        self.scope.clear()
        self.scope.addItem(self.tr("The whole archive"), None)
        areas, managers = filter_choices(conn)
        if managers:
            self.scope.insertSeparator(self.scope.count())
        for name in managers:
            self.scope.addItem(self.tr("Manager: {name}").format(name=name), f"manager:{name}")
        if areas:
            self.scope.insertSeparator(self.scope.count())
        for name in areas:
            self.scope.addItem(self.tr("Area: {name}").format(name=name), f"area:{name}")
        index = self.scope.findData(current) if current is not None else 0
        self.scope.setCurrentIndex(max(index, 0))
        self.scope.blockSignals(False)

    def current_scope(self) -> tuple[str, str] | None:
        """("manager" or "area", name), or None for the whole archive."""
        data = self.scope.currentData()
        if not data:
            return None
        kind, _, name = data.partition(":")
        return kind, name

    def set_scope(self, kind: str | None, name: str = "") -> None:
        index = 0 if kind is None else self.scope.findData(f"{kind}:{name}")
        if index >= 0:
            self.scope.setCurrentIndex(index)

    # -- loading --------------------------------------------------------------------------
    def busy(self) -> bool:
        return self._task is not None and not self._task.finished

    def mark_stale(self) -> None:
        """Grades or customers changed: reload when next shown (now, if shown)."""
        self._stale = True
        if self.isVisible():
            self.refresh(reload_scopes=True)

    def on_changes(self, changes: Changes) -> None:
        if changes.touches(Changes.CUSTOMERS, Changes.CONTACTS, Changes.GRADES):
            self.mark_stale()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt naming
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def refresh(self, reload_scopes: bool = False) -> TaskHandle:
        if reload_scopes:
            self._fill_scopes()
        self._stale = False
        archive, scope, today = self.archive, self.current_scope(), date.today()
        self.summary.setText(self.tr("Counting…"))

        def work(progress):
            conn = archive.reader()
            try:
                return load_data(conn, scope, today)
            finally:
                conn.close()

        def done(data: DashboardData) -> None:
            if shiboken6.isValid(self) and scope == self.current_scope():
                self.show_data(data)
        self._task = run_task(None, work, on_success=done)
        return self._task

    def show_data(self, data: DashboardData) -> None:
        self.data = data
        rules = grading.load_rules()
        locale = QLocale()
        targets = set(rules.persona.target_personas)
        for scheme, chart in self.charts.items():
            counts = data.distribution.get(scheme, {})
            rows = count_rows(scheme, counts, rules=rules)
            if scheme == grading.PERSONA:
                with_persona = sum(n for k, n in counts.items()
                                   if k not in (grading.NOT_ENOUGH_INFORMATION, grading.NO_MATCH))
                in_target = sum(counts.get(k, 0) for k in targets)
                share = 100 * in_target / with_persona if with_persona else 0
                chart.set_counts(rows, marked=targets, subtitle=self.tr(
                    "{share:.0f}% of the customers with a persona are in a target persona").format(share=share))
            elif not counts:
                chart.set_counts(rows, subtitle=self.tr("Nobody has this grade yet: use Grade customers…"))
            else:
                chart.set_counts(rows)
        graded_values = [v for v in rules.opportunity.values if rules.opportunity.cadences[v].days]
        self.overdue.set_counts([(v, v, data.overdue.get(v, 0)) for v in graded_values],
                                subtitle=self.tr("as of {date}").format(date=data.as_of.isoformat()))
        self.pareto.set_curve(data.pareto, rules.value_tier.cutoffs)
        self.lifecycle.set_counts([(key, lifecycle.stage_label(key, self.language), n)
                                   for key, n in data.lifecycle.items()],
                                  subtitle=self.tr("as of {date}").format(date=data.as_of.isoformat()))
        graded = sum(data.distribution.get(grading.VALUE_TIER, {}).values())
        text = self.tr("{count} customers; {graded} with a value tier; {overdue} tracking dates overdue.").format(
            count=locale.toString(data.customers), graded=locale.toString(graded),
            overdue=locale.toString(sum(data.overdue.values())))
        if data.last_run:
            text += " " + self.tr("Last grading run: as of {as_of}, on {when} by {by}.").format(
                as_of=data.last_run["as_of"], when=datetime_text(data.last_run["run_on"]),
                by=grading.set_by_label(data.last_run["run_by"]))
        else:
            text += " " + self.tr("Nobody has been graded yet: use Grade customers….")
        self.summary.setText(html.escape(text))
        self.loaded.emit()

    # -- into the list -----------------------------------------------------------------------
    def list_filter(self, scheme: str, value: str, overdue: bool = False) -> CustomerFilter:
        scope = self.current_scope()
        return CustomerFilter(area=scope[1] if scope and scope[0] == "area" else None,
                              manager=scope[1] if scope and scope[0] == "manager" else None,
                              grades=(f"{scheme}:{value}",), overdue=overdue)

    def show_customers(self, scheme: str, value: str, overdue: bool = False) -> None:
        self.customers_requested.emit(self.list_filter(scheme, value, overdue))
