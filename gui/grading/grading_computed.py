"""The grading wizard's computed-grades page and the work behind it.

``prepare`` (worker side, its own connection) computes value tier, RFM type and
persona for the scope and compares them with the stored grades; the page shows
them with the Pareto curve, the distributions and each customer's explanation.
"""
from __future__ import annotations

import html
from dataclasses import dataclass, field
from datetime import date
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
from model.customers.customer_filters import load_views
from model.archive.database import ArchiveError
from model.core.i18n import translate

if TYPE_CHECKING:
    from gui.grading.grading_wizard import GradingWizard

SCHEMES = grading.COMPUTED_SCHEMES


def saved_views() -> list:
    """The user's saved views of the customer list."""
    return [v for v in load_views() if not v.builtin]


def resolve_scope(conn, spec: str, as_of: date) -> list[int] | None:
    """The customers a scope names (None: everyone). Besides ``grading.scope_ids``'
    specs, ``view:NAME`` is a saved view of the customer list."""
    kind, _, name = spec.partition(":")
    if kind == "view":
        from gui.customers.customer_table import FROM
        view = next((v for v in saved_views() if v.name == name), None)
        if view is None:
            raise ArchiveError(translate("GradingWizard", "There is no saved view named '{name}'; "
                                         "choose another scope.").format(name=name))
        where, params = view.filter.where()
        return [r[0] for r in conn.execute(f"SELECT c.id{FROM} WHERE c.deleted_at IS NULL AND {where}"
                                           " ORDER BY c.id", params)]
    return grading.scope_ids(conn, spec, as_of)


def error_label() -> QLabel:
    label = QLabel()
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    label.hide()
    return label


# -- computed grades ------------------------------------------------------------------------

@dataclass
class Prepared:
    """What the computed-grades page worked out (pure data, from the worker)."""
    as_of: date
    computed: grading.ComputedGrades
    table: pd.DataFrame                 # display rows in queue order: name, area, the 3 schemes
    changes: pd.DataFrame               # customer_id, scheme, old, new (computed grades that change)
    kept_overrides: int
    queue: list[int]
    counts: dict[str, dict[str, int]] = field(default_factory=dict)


def prepare(conn, spec: str, as_of: date, fixed_ids: list[int] | None, progress) -> Prepared:
    """Compute the scope's grades and compare them with the stored ones (worker side)."""
    ids = fixed_ids if fixed_ids is not None else resolve_scope(conn, spec, as_of)
    progress.report(0, 4, translate("GradingWizard", "Reading customers and transactions…"))
    inputs = grading.load_inputs(conn, as_of, ids)
    progress.check()
    progress.report(1, 4, translate("GradingWizard", "Working out value tiers, RFM types and personas…"))
    computed = grading.compute(inputs)
    progress.check()
    progress.report(2, 4, translate("GradingWizard", "Comparing with the grades in the archive…"))
    scope = computed.customer_ids
    cursor = conn.cursor()
    cursor.row_factory = None
    people = pd.DataFrame(cursor.execute(
        "SELECT c.id, c.name, a.name FROM customers c LEFT JOIN areas a ON a.id = c.area_id"
        " WHERE c.deleted_at IS NULL").fetchall(), columns=["id", "name", "area"]).set_index("id")
    stored = pd.DataFrame(cursor.execute(
        "SELECT customer_id, scheme, value, override FROM grades").fetchall(),
        columns=["customer_id", "scheme", "value", "override"])
    rules = computed.rules
    table = pd.DataFrame(index=scope)
    table["name"] = people["name"].reindex(scope).fillna("").to_numpy()
    table["area"] = people["area"].reindex(scope).fillna("").to_numpy()
    changes, kept = [], 0
    for scheme in SCHEMES:
        new = computed.frame(scheme)["value"]
        mine = stored[stored["scheme"] == scheme].set_index("customer_id").reindex(scope)
        old = mine["value"].astype(object)
        overridden = mine["override"].fillna(0).astype(int).to_numpy() == 1
        kept += int(overridden.sum())
        differs = (old.isna() | (old.astype(object) != new.astype(object))).to_numpy() & ~overridden
        labels = {v: value_text(scheme, v, rules=rules) for v in pd.unique(new)}
        old_labels = {v: value_text(scheme, v, rules=rules) for v in pd.unique(old.dropna())}
        shown = new.map(labels).astype(object).to_numpy()
        before = np.array([old_labels.get(v, "") if isinstance(v, str) else "" for v in old.tolist()],
                          dtype=object)
        shown = np.where(differs & old.notna().to_numpy(), before + " → " + shown, shown)
        shown = np.where(overridden, before + " ✎", shown)
        table[scheme] = shown
        where = np.flatnonzero(differs)
        changes.append(pd.DataFrame({"customer_id": scope.to_numpy()[where], "scheme": scheme,
                                     "old": old.to_numpy(dtype=object)[where],
                                     "new": new.to_numpy(dtype=object)[where]}))
    progress.report(3, 4, translate("GradingWizard", "Ordering the customers…"))
    # The opportunity queue: the best value tier first, customers without an opportunity
    # grade before those with one, larger amounts first.
    tier_rank = {t: i for i, t in enumerate(rules.value_tier.values)}
    has_opportunity = scope.isin(stored.loc[stored["scheme"] == grading.OPPORTUNITY, "customer_id"])
    order = pd.DataFrame({"tier": computed.value_tier["value"].map(tier_rank).to_numpy(),
                          "graded": has_opportunity.astype(int),
                          "amount": -computed.value_tier["basis_value"].to_numpy(),
                          "cid": scope.to_numpy()}, index=scope)
    order = order.sort_values(["tier", "graded", "amount", "cid"], kind="stable")
    table = table.loc[order.index]
    progress.report(4, 4)
    return Prepared(as_of, computed, table, pd.concat(changes, ignore_index=True), kept,
                    [int(i) for i in order.index], computed.distribution())


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
