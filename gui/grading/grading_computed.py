"""The grading wizard's computed-grades page.

``model.grading.preparing.prepare`` (worker side, its own connection) computes value
tier, RFM type and persona for the scope and compares them with the stored grades; the
page shows them with the Pareto curve, the distributions and each customer's explanation.
"""
from __future__ import annotations

import html
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd
from PySide6.QtCore import QAbstractTableModel, QLocale, QModelIndex, Qt
from PySide6.QtWidgets import (QAbstractItemView, QHeaderView, QLabel, QSplitter, QTableView, QTabWidget,
                               QTextBrowser, QVBoxLayout, QWizardPage)

from gui.common.grade_charts import CountChart, ParetoChart
from gui.grading.grade_text import count_rows, scheme_text, value_text
from gui.common.widgets import ERROR_STYLE, TaskProgress, fit_columns, show_failure
from model import grading
from model.grading.preparing import SCHEMES, Prepared, prepare

if TYPE_CHECKING:
    from gui.grading.grading_wizard import GradingWizard


def error_label() -> QLabel:
    label = QLabel()
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    label.hide()
    return label


# -- computed grades ------------------------------------------------------------------------

class FrameModel(QAbstractTableModel):
    """Read-only rows of text from a DataFrame (100,000 rows: only visible cells are asked for)."""

    def __init__(self, headers: list[str], frame: pd.DataFrame | None = None, parent=None):
        super().__init__(parent)
        self._headers = headers
        self._values = np.empty((0, len(headers)), dtype=object)
        self._ids = np.empty(0, dtype=np.int64)
        if frame is not None:
            self.set_frame(frame)

    def set_frame(self, frame: pd.DataFrame) -> None:
        self.beginResetModel()
        self._values = frame.to_numpy(dtype=object)
        self._ids = frame.index.to_numpy(dtype=np.int64)
        self.endResetModel()

    def customer_id(self, row: int) -> int | None:
        return int(self._ids[row]) if 0 <= row < len(self._ids) else None

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._values)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            value = self._values[index.row(), index.column()]
            return "" if value is None else str(value)
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal \
                and section < len(self._headers):
            return self._headers[section]
        return None


def data_table() -> QTableView:
    view = QTableView()
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.setTabKeyNavigation(False)
    view.verticalHeader().hide()
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
    view.horizontalHeader().setStretchLastSection(True)
    return view


class ComputedPage(QWizardPage):
    def __init__(self, wizard: "GradingWizard"):
        super().__init__()
        self.wiz = wizard
        self.setTitle(self.tr("Computed grades"))
        self.setSubTitle(self.tr("Value tier, RFM type and persona for the customers in the scope. "
                                 "Select a customer to read why they got their grades; ✎ marks a "
                                 "grade set by hand, which is kept."))
        self.progress = TaskProgress(self)
        self.error = error_label()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.model = FrameModel([self.tr("Name"), self.tr("Area"), scheme_text(grading.VALUE_TIER),
                                 scheme_text(grading.RFM), scheme_text(grading.PERSONA)], parent=self)
        self.table = data_table()
        self.table.setObjectName("computed_table")
        self.table.setModel(self.model)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.explanation = QTextBrowser()
        self.explanation.setObjectName("explanation")
        self.explanation.setPlaceholderText(self.tr("Select a customer to see the explanation of "
                                                    "their grades."))
        self.pareto = ParetoChart(self.tr("Pareto curve of the value tiers"))
        self.charts = {s: CountChart(scheme_text(s), horizontal=s != grading.VALUE_TIER)
                       for s in SCHEMES}
        tabs = QTabWidget()
        tabs.addTab(self.pareto, self.tr("Pareto curve"))
        for scheme, chart in self.charts.items():
            tabs.addTab(chart, scheme_text(scheme))
        self.tabs = tabs
        left = QSplitter(Qt.Orientation.Vertical)
        left.addWidget(self.table)
        left.addWidget(self.explanation)
        left.setSizes([400, 160])
        body = QSplitter()
        body.addWidget(left)
        body.addWidget(tabs)
        body.setSizes([560, 480])
        self.body = body
        layout = QVBoxLayout(self)
        layout.addWidget(self.progress)
        layout.addWidget(self.error)
        layout.addWidget(self.summary)
        layout.addWidget(body, 1)

    def initializePage(self) -> None:  # noqa: N802
        self.error.hide()
        self.body.hide()
        self.summary.clear()
        self.wiz.prepared = None
        archive, spec, as_of, ids = self.wiz.archive, self.wiz.spec, self.wiz.as_of, self.wiz.fixed_ids

        def work(progress):
            conn = archive.reader()
            try:
                return prepare(conn, spec, as_of, ids, progress)
            finally:
                conn.close()
        self.progress.start(work, self.tr("Working out the grades…"), on_success=self._done,
                            on_failure=self._failed, on_cancel=self._cancelled)
        self.completeChanged.emit()

    def cleanupPage(self) -> None:  # noqa: N802 - going Back
        self.progress.forget()
        self.progress.hide()

    def _failed(self, exc: BaseException) -> None:
        self.progress.hide()
        show_failure(self.error, exc)

    def _cancelled(self) -> None:
        self.progress.hide()
        self.error.setText(self.tr("Stopped. Go back to choose the scope again."))
        self.error.show()

    def _done(self, prepared: Prepared) -> None:
        self.progress.hide()
        self.wiz.prepared = prepared
        rules = prepared.computed.rules
        self.model.set_frame(prepared.table[["name", "area", *SCHEMES]])
        fit_columns(self.table, widest=self.fontMetrics().horizontalAdvance("M") * 16)
        changed = prepared.changes.groupby("scheme").size().to_dict()
        locale = QLocale()
        comp = prepared.computed
        self.summary.setText(self.tr(
            "{count} customers graded as of {as_of} (transactions from {start} to {end}). Changes: "
            "value tier {tier}, RFM type {rfm}, persona {persona}. Grades set by hand kept: "
            "{kept}.").format(
            count=locale.toString(len(prepared.queue)), as_of=prepared.as_of.isoformat(),
            start=comp.window_start.isoformat(), end=comp.as_of.isoformat(),
            tier=locale.toString(changed.get(grading.VALUE_TIER, 0)),
            rfm=locale.toString(changed.get(grading.RFM, 0)),
            persona=locale.toString(changed.get(grading.PERSONA, 0)),
            kept=locale.toString(prepared.kept_overrides)))
        self.pareto.set_curve(comp.pareto_curve(), rules.value_tier.cutoffs)
        for scheme, chart in self.charts.items():
            chart.set_counts(count_rows(scheme, prepared.counts.get(scheme, {}), rules=rules))
        self.body.show()
        if self.model.rowCount():
            self.table.selectRow(0)
        resuming = self.wiz.resume
        self.wiz.queue_ready()
        self.completeChanged.emit()
        if resuming:      # straight on to where the manager stopped
            self.wiz.resume = False
            self.wiz.next()

    def _row_changed(self, current: QModelIndex, _previous=None) -> None:
        prepared = self.wiz.prepared
        cid = self.model.customer_id(current.row()) if current.isValid() else None
        if prepared is None or cid is None:
            self.explanation.clear()
            return
        self.explanation.setHtml(explanation_html(prepared.computed, cid,
                                                  self.model.data(self.model.index(current.row(), 0))))

    def isComplete(self) -> bool:  # noqa: N802
        return self.wiz.prepared is not None


def explanation_html(computed: grading.ComputedGrades, customer_id: int, name: str) -> str:
    parts = [f"<b>{html.escape(name)}</b>"]
    for scheme in SCHEMES:
        value = computed.frame(scheme).at[customer_id, "value"]
        parts.append(f"<p><b>{html.escape(scheme_text(scheme))}: "
                     f"{html.escape(value_text(scheme, value, long=True, rules=computed.rules))}</b><br>"
                     f"{html.escape(computed.explain(customer_id, scheme))}</p>")
    return "".join(parts)
