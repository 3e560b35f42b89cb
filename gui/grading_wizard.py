"""The grading wizard: scope → computed grades → opportunity answers → review → apply.

    changed = GradingWizard.run(parent, archive)    # True when grades were written

1. **Scope** and as-of date: my book (everyone, or one manager's customers), an
   area, a saved view, the ungraded customers, or those whose grade is older
   than N days. An unfinished session is offered first ("Continue where you
   stopped").
2. **Computed grades** (value tier, RFM type, persona) for the scope, worked
   out in a worker on its own connection; the Pareto curve with its cut
   lines, the distribution of each scheme, and the explanation of the
   selected customer's grades.
3. **Opportunity grading**, one customer at a time, by keys
   (:mod:`gui.opportunity_page`); saved as the manager goes, so the wizard
   can be closed and resumed (``model.grading_session``).
4. **Review** of every change, old → new with the reason; **Apply** writes
   the computed grades in one transaction and the opportunity answers in
   another, in a worker.
"""
from __future__ import annotations

import html
from dataclasses import dataclass, field
from datetime import date

import numpy as np
import pandas as pd
from PySide6.QtCore import QAbstractTableModel, QDate, QLocale, QModelIndex, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (QAbstractItemView, QButtonGroup, QCheckBox, QComboBox, QDateEdit,
                               QFrame, QGridLayout, QHBoxLayout, QHeaderView, QLabel, QPushButton,
                               QRadioButton, QSpinBox, QSplitter, QTableView, QTabWidget,
                               QTextBrowser, QVBoxLayout, QWidget, QWizard, QWizardPage)

from gui.customer_filters import filter_choices, load_views
from gui.grade_charts import CountChart, ParetoChart
from gui.grade_text import count_rows, scheme_text, value_text
from gui.opportunity_page import OpportunityPage
from gui.widgets import ERROR_STYLE, TaskProgress, fit_columns, show_failure
from model import database, grading, grading_session, settings
from model.database import Archive, ArchiveError
from model.grading import opportunity as opportunity_engine
from model.grading.store import last_contact
from model.i18n import translate

SCHEMES = grading.COMPUTED_SCHEMES


# -- scope ---------------------------------------------------------------------------

def saved_views() -> list:
    """The user's saved views of the customer list."""
    return [v for v in load_views() if not v.builtin]


def resolve_scope(conn, spec: str, as_of: date) -> list[int] | None:
    """The customers a scope names (None: everyone). Besides ``grading.scope_ids``'
    specs, ``view:NAME`` is a saved view of the customer list."""
    kind, _, name = spec.partition(":")
    if kind == "view":
        from gui.customer_table import FROM
        view = next((v for v in saved_views() if v.name == name), None)
        if view is None:
            raise ArchiveError(translate("GradingWizard", "There is no saved view named '{name}'; "
                                         "choose another scope.").format(name=name))
        where, params = view.filter.where()
        return [r[0] for r in conn.execute(f"SELECT c.id{FROM} WHERE c.deleted_at IS NULL AND {where}"
                                           " ORDER BY c.id", params)]
    return grading.scope_ids(conn, spec, as_of)


def _error_label() -> QLabel:
    label = QLabel()
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    label.hide()
    return label


class ScopePage(QWizardPage):
    def __init__(self, wizard: "GradingWizard"):
        super().__init__()
        self.wiz = wizard
        self.setTitle(self.tr("Whom to grade"))
        self.setSubTitle(self.tr("Choose the customers and the day to grade them for. Value tier, "
                                 "RFM type and persona are worked out from the archive; you then "
                                 "answer two questions per customer for the opportunity grade."))
        conn = wizard.archive.conn
        # An unfinished session: offered first.
        self.resume_box = QFrame()
        self.resume_box.setFrameShape(QFrame.Shape.StyledPanel)
        self.resume_text = QLabel()
        self.resume_text.setWordWrap(True)
        self.continue_button = QPushButton(self.tr("&Continue where you stopped"))
        self.continue_button.clicked.connect(self._continue)
        self.afresh_button = QPushButton(self.tr("Start &afresh"))
        self.afresh_button.setToolTip(self.tr("Choose a new scope; the answers not yet applied are "
                                              "forgotten when you go on"))
        self.afresh_button.clicked.connect(self._afresh)
        resume_buttons = QHBoxLayout()
        resume_buttons.addWidget(self.continue_button)
        resume_buttons.addWidget(self.afresh_button)
        resume_buttons.addStretch(1)
        resume_layout = QVBoxLayout(self.resume_box)
        resume_layout.addWidget(self.resume_text)
        resume_layout.addLayout(resume_buttons)

        areas, managers = filter_choices(conn)
        self.group = QButtonGroup(self)
        self.book = QRadioButton(self.tr("My &book:"))
        self.manager = QComboBox()
        self.manager.addItem(self.tr("All customers"), "")
        for name in managers:
            self.manager.addItem(name, name)
        me = self.manager.findData(settings.user_name())
        if me > 0:
            self.manager.setCurrentIndex(me)
        self.area_choice = QRadioButton(self.tr("An a&rea:"))
        self.area = QComboBox()
        for name in areas:
            self.area.addItem(name, name)
        self.view_choice = QRadioButton(self.tr("A saved &view:"))
        self.view = QComboBox()
        for view in saved_views():
            self.view.addItem(view.name, view.name)
        self.ungraded = QRadioButton(self.tr("&Ungraded customers (missing a value tier, RFM type or "
                                             "persona)"))
        self.older = QRadioButton(self.tr("Customers whose grade is &older than"))
        self.days = QSpinBox()
        self.days.setRange(1, 3650)
        self.days.setValue(90)
        self.days.setSuffix(self.tr(" days"))
        grid = QGridLayout()
        rows = [(self.book, self.manager), (self.area_choice, self.area), (self.view_choice, self.view),
                (self.ungraded, None), (self.older, self.days)]
        for row, (radio, widget) in enumerate(rows):
            self.group.addButton(radio, row)
            grid.addWidget(radio, row, 0, 1, 1 if widget is not None else 3)
            if widget is not None:
                grid.addWidget(widget, row, 1)
                if isinstance(widget, QComboBox):
                    widget.setMinimumContentsLength(16)
                    widget.currentIndexChanged.connect(lambda _i, r=radio: r.setChecked(True))
                else:
                    widget.valueChanged.connect(lambda _v, r=radio: r.setChecked(True))
        grid.setColumnStretch(2, 1)
        self.area_choice.setEnabled(bool(areas))
        self.area.setEnabled(bool(areas))
        self.view_choice.setVisible(self.view.count() > 0)
        self.view.setVisible(self.view.count() > 0)
        self.book.setChecked(True)
        self.group.idToggled.connect(lambda *_: self._update_count())
        for widget in (self.manager, self.area, self.view):
            widget.currentIndexChanged.connect(lambda *_: self._update_count())
        self.days.valueChanged.connect(lambda *_: self._update_count())

        self.as_of = QDateEdit(QDate.currentDate())
        self.as_of.setCalendarPopup(True)
        self.as_of.setDisplayFormat("yyyy-MM-dd")
        self.as_of.dateChanged.connect(lambda *_: self._update_count())
        as_of_label = QLabel(self.tr("Grade as of &date:"))
        as_of_label.setBuddy(self.as_of)
        as_of_row = QHBoxLayout()
        as_of_row.addWidget(as_of_label)
        as_of_row.addWidget(self.as_of)
        as_of_row.addStretch(1)
        self.count = QLabel()
        self.last_run = QLabel()
        self.last_run.setWordWrap(True)
        self.error = _error_label()

        layout = QVBoxLayout(self)
        layout.addWidget(self.resume_box)
        layout.addLayout(grid)
        layout.addSpacing(8)
        layout.addLayout(as_of_row)
        layout.addWidget(self.count)
        layout.addWidget(self.last_run)
        layout.addWidget(self.error)
        layout.addStretch(1)
        run = grading.last_run(conn)
        if run:
            self.last_run.setText(self.tr("Last grading run: as of {as_of}, on {when} by {by}.").format(
                as_of=run["as_of"], when=run["run_on"].replace("T", " "), by=run["run_by"]))
        self._show_session()
        self._update_count()

    # -- the saved session ------------------------------------------------------------
    def _show_session(self) -> None:
        session = self.wiz.session
        self.resume_box.setVisible(session is not None)
        if session is None:
            return
        self.resume_text.setText(self.tr(
            "You stopped grading <b>{scope}</b> (as of {as_of}) at customer {position} of {total}, "
            "with {answered} answers not yet applied. Saved {when}.").format(
            scope=html.escape(session.scope_label or session.scope), as_of=session.as_of.isoformat(),
            position=min(session.position + 1, len(session.queue)), total=len(session.queue),
            answered=len(session.answers), when=session.saved_on.replace("T", " ")))
        self.continue_button.setDefault(True)

    def _continue(self) -> None:
        self.wiz.resume = True
        self.wiz.next()

    def _afresh(self) -> None:
        self.wiz.resume = False
        self.wiz.session = None
        self.resume_box.hide()
        self.book.setFocus()

    # -- the choice ---------------------------------------------------------------------
    def spec(self) -> tuple[str, str]:
        """The scope spec and how to show it."""
        checked = self.group.checkedId()
        if checked == 0:
            name = self.manager.currentData()
            return (f"manager:{name}", self.tr("the customers of {name}").format(name=name)) if name \
                else ("all", self.tr("all customers"))
        if checked == 1:
            return f"area:{self.area.currentData()}", self.tr("area {name}").format(
                name=self.area.currentText())
        if checked == 2:
            return f"view:{self.view.currentData()}", self.tr("view {name}").format(
                name=self.view.currentText())
        if checked == 3:
            return "ungraded", self.tr("ungraded customers")
        days = self.days.value()
        return f"older:{days}", self.tr("customers graded more than {days} days ago").format(days=days)

    def as_of_date(self) -> date:
        d = self.as_of.date()
        return date(d.year(), d.month(), d.day())

    def _update_count(self) -> None:
        spec, _label = self.spec()
        try:
            ids = resolve_scope(self.wiz.archive.conn, spec, self.as_of_date())
        except ArchiveError as exc:
            self.count.setText(str(exc))
            return
        total = len(ids) if ids is not None else self.wiz.archive.conn.execute(
            "SELECT count(*) FROM customers WHERE deleted_at IS NULL").fetchone()[0]
        self.count.setText(self.tr("{count} customers in this scope.").format(
            count=QLocale().toString(total)))
        self.completeChanged.emit()

    def validatePage(self) -> bool:  # noqa: N802 - Qt naming
        self.error.hide()
        if self.wiz.resume and self.wiz.session is not None:
            return True
        spec, label = self.spec()
        try:
            ids = resolve_scope(self.wiz.archive.conn, spec, self.as_of_date())
        except ArchiveError as exc:
            show_failure(self.error, exc)
            return False
        if ids is not None and not ids:
            self.error.setText(self.tr("No customer is in this scope; choose another."))
            self.error.show()
            return False
        self.wiz.choose(spec, label, self.as_of_date(), ids if spec.startswith("view:") else None)
        return True


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


def _table() -> QTableView:
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
        self.error = _error_label()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.model = FrameModel([self.tr("Name"), self.tr("Area"), scheme_text(grading.VALUE_TIER),
                                 scheme_text(grading.RFM), scheme_text(grading.PERSONA)], parent=self)
        self.table = _table()
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


# -- review and apply ---------------------------------------------------------------------------

class ChangesModel(QAbstractTableModel):
    """Every change the apply would make; the reason is worked out for the rows shown."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[tuple] = []          # (customer_id, name, scheme, old, new, answer)
        self._reasons: dict[int, str] = {}
        self._computed: grading.ComputedGrades | None = None
        self._as_of = date.today()
        self._last_contacts: dict[int, date | None] = {}
        self.headers = [self.tr("Customer"), self.tr("Grade"), self.tr("Old"), self.tr("New"),
                        self.tr("Why")]

    def set_changes(self, rows: list[tuple], computed: grading.ComputedGrades | None, as_of: date,
                    last_contacts: dict[int, date | None] | None = None) -> None:
        self.beginResetModel()
        self._rows, self._computed, self._as_of, self._reasons = rows, computed, as_of, {}
        self._last_contacts = dict(last_contacts or {})
        self.endResetModel()

    def rows(self) -> list[tuple]:
        return list(self._rows)

    def reason(self, row: int) -> str:
        if row not in self._reasons:
            cid, _name, scheme, _old, new, answer = self._rows[row]
            if scheme == grading.OPPORTUNITY:
                self._reasons[row] = opportunity_sentence(answer, self._as_of, self._last_contacts.get(cid))
            else:
                self._reasons[row] = self._computed.explain(cid, scheme)
        return self._reasons[row]

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.headers)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        cid, name, scheme, old, new, _answer = self._rows[index.row()]
        column = index.column()
        if column == 0:
            return name
        if column == 1:
            return scheme_text(scheme)
        if column == 2:
            return value_text(scheme, old) if old else "–"
        if column == 3:
            return value_text(scheme, new)
        return self.reason(index.row())

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None


def opportunity_sentence(answer: tuple[str, str], as_of: date, last_contact: date | None = None) -> str:
    """Why the answers give their grade, with the next tracking date after the last contact."""
    rules = grading.load_rules()
    graded = opportunity_engine.grade(answer[0], answer[1], as_of, rules.opportunity, last_contact=last_contact)
    return grading.sentence(grading.OPPORTUNITY, graded.value, graded.detail(), rules=rules)


@dataclass
class ApplyOutcome:
    computed: grading.ApplyResult | None
    opportunity_written: int
    opportunity_unchanged: int
    missing: int


class ReviewPage(QWizardPage):
    def __init__(self, wizard: "GradingWizard"):
        super().__init__()
        self.wiz = wizard
        self.setTitle(self.tr("Review the changes"))
        self.setSubTitle(self.tr("Every grade that will change, with the reason. Apply writes the "
                                 "computed grades in one step and your answers in another."))
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("&Apply"))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.apply_computed = QCheckBox(self.tr("Write the &computed grades (value tier, RFM type, persona)"))
        self.apply_answers = QCheckBox(self.tr("Write the &opportunity grades from your answers"))
        for box in (self.apply_computed, self.apply_answers):
            box.setChecked(True)
            box.toggled.connect(lambda *_: self.completeChanged.emit())
        self.model = ChangesModel(self)
        self.table = _table()
        self.table.setObjectName("changes_table")
        self.table.setModel(self.model)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.why = QLabel()
        self.why.setWordWrap(True)
        self.why.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.progress = TaskProgress(self)
        self.progress.hide()
        self.error = _error_label()
        self.outcome: ApplyOutcome | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.why)
        layout.addWidget(self.apply_computed)
        layout.addWidget(self.apply_answers)
        layout.addWidget(self.progress)
        layout.addWidget(self.error)

    def initializePage(self) -> None:  # noqa: N802
        self.outcome = None
        self.error.hide()
        prepared, session = self.wiz.prepared, self.wiz.session
        names = prepared.table["name"].to_dict()
        changes = prepared.changes
        rows = [(cid, names.get(cid, ""), scheme, old if isinstance(old, str) else None, new, None)
                for cid, scheme, old, new in zip(changes["customer_id"].tolist(), changes["scheme"].tolist(),
                                                 changes["old"].tolist(), changes["new"].tolist())]
        current = self.wiz.current_opportunity()
        conn = self.wiz.archive.conn
        last_contacts = {cid: last_contact(conn, cid, prepared.as_of) for cid in session.answers}
        answered = 0
        for cid in session.queue:
            answer = session.answers.get(cid)
            if answer is None:
                continue
            answered += 1
            graded = opportunity_engine.grade(answer[0], answer[1], prepared.as_of,
                                              prepared.computed.rules.opportunity)
            rows.append((cid, names.get(cid, ""), grading.OPPORTUNITY, current.get(cid), graded.value, answer))
        self.model.set_changes(rows, prepared.computed, prepared.as_of, last_contacts)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)
        computed_changes = len(prepared.changes)
        locale = QLocale()
        self.summary.setText(self.tr(
            "{computed} computed grade changes for {customers} customers; {answers} opportunity "
            "grades from your answers ({skipped} customers skipped or not reached). {kept} grades "
            "set by hand are kept.").format(
            computed=locale.toString(computed_changes),
            customers=locale.toString(int(prepared.changes["customer_id"].nunique())),
            answers=locale.toString(answered),
            skipped=locale.toString(len(session.queue) - answered),
            kept=locale.toString(prepared.kept_overrides)))
        self.apply_computed.setEnabled(computed_changes > 0)
        self.apply_computed.setChecked(computed_changes > 0)
        self.apply_answers.setEnabled(answered > 0)
        self.apply_answers.setChecked(answered > 0)
        if rows:
            self.table.selectRow(0)

    def _row_changed(self, current: QModelIndex, _previous=None) -> None:
        self.why.setText(self.model.reason(current.row()) if current.isValid() else "")

    def isComplete(self) -> bool:  # noqa: N802
        return not self.progress.running() and (self.apply_computed.isChecked()
                                                 or self.apply_answers.isChecked())

    def validatePage(self) -> bool:  # noqa: N802
        if self.outcome is not None:
            return True
        if self.progress.running():
            return False
        self.error.hide()
        archive, prepared = self.wiz.archive, self.wiz.prepared
        answers = dict(self.wiz.session.answers) if self.apply_answers.isChecked() else {}
        computed = prepared.computed if self.apply_computed.isChecked() else None
        by, as_of = settings.user_name(), prepared.as_of

        def work(progress):
            conn = archive.reader()
            try:
                return apply_grades(conn, computed, answers, as_of, by, progress)
            finally:
                conn.close()
        self.progress.start(work, self.tr("Writing the grades…"), on_success=self._applied,
                            on_failure=self._failed, on_cancel=self._cancelled)
        self.completeChanged.emit()
        return False

    def _applied(self, outcome: ApplyOutcome) -> None:
        self.progress.hide()
        self.outcome = outcome
        self.wiz.outcome = outcome
        self.wiz.session = None
        self.completeChanged.emit()
        self.wiz.next()

    def _failed(self, exc: BaseException) -> None:
        self.progress.hide()
        self.completeChanged.emit()
        show_failure(self.error, exc)

    def _cancelled(self) -> None:
        self.progress.hide()
        self.completeChanged.emit()
        self.error.setText(self.tr("Cancelled: nothing was written."))
        self.error.show()


def apply_grades(conn, computed: grading.ComputedGrades | None, answers: dict[int, tuple[str, str]],
                 as_of: date, by: str, progress) -> ApplyOutcome:
    """Write the computed grades (one transaction) and the answers (another), then
    forget the session. Answers for customers deleted meanwhile are left out."""
    result = None
    if computed is not None:
        result = grading.apply(conn, computed, by=grading.RULES_BY, progress=progress)
    written = unchanged = missing = 0
    if answers:
        live = {r[0] for r in conn.execute("SELECT id FROM customers WHERE deleted_at IS NULL")}
        total = len(answers)
        with database.transaction(conn):
            for done, (cid, (need, close)) in enumerate(answers.items()):
                if done % 50 == 0:
                    progress.check()
                    progress.report(done, total, translate("GradingWizard", "Writing the opportunity "
                                                                            "grades…"))
                if cid not in live:
                    missing += 1
                    continue
                before = conn.execute("SELECT count(*) FROM grade_history WHERE customer_id = ?",
                                      (cid,)).fetchone()[0]
                grading.set_opportunity(conn, cid, need, close, by=by, as_of=as_of)
                after = conn.execute("SELECT count(*) FROM grade_history WHERE customer_id = ?",
                                     (cid,)).fetchone()[0]
                if after > before:
                    written += 1
                else:
                    unchanged += 1
            grading_session.discard(conn, by)
    else:
        grading_session.discard(conn, by)
    return ApplyOutcome(result, written, unchanged, missing)


class ResultPage(QWizardPage):
    def __init__(self, wizard: "GradingWizard"):
        super().__init__()
        self.wiz = wizard
        self.setTitle(self.tr("Grades written"))
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setObjectName("result_text")
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addStretch(1)

    def initializePage(self) -> None:  # noqa: N802
        outcome, locale = self.wiz.outcome, QLocale()
        lines = []
        if outcome.computed is not None:
            counts = outcome.computed.per_scheme_counts
            lines.append(self.tr("Computed grades: {changed} changes (value tier {tier}, RFM type {rfm}, "
                                 "persona {persona}); {kept} grades set by hand were kept.").format(
                changed=locale.toString(outcome.computed.changed_rows),
                tier=locale.toString(counts.get(grading.VALUE_TIER, 0)),
                rfm=locale.toString(counts.get(grading.RFM, 0)),
                persona=locale.toString(counts.get(grading.PERSONA, 0)),
                kept=locale.toString(outcome.computed.skipped_overrides)))
        lines.append(self.tr("Opportunity grades: {written} written, {same} already as answered.").format(
            written=locale.toString(outcome.opportunity_written),
            same=locale.toString(outcome.opportunity_unchanged)))
        if outcome.missing:
            lines.append(self.tr("{count} answered customers were deleted meanwhile and left out.")
                         .format(count=outcome.missing))
        lines.append(self.tr("Every grade is in the customer's grade history with its reason."))
        self.text.setText("<p>".join(html.escape(line) for line in lines))


# -- the wizard ---------------------------------------------------------------------------------

class GradingWizard(QWizard):
    SCOPE, COMPUTED, OPPORTUNITY, REVIEW, RESULT = range(5)

    def __init__(self, parent: QWidget | None, archive: Archive):
        super().__init__(parent)
        self.archive = archive
        self.user = settings.user_name()
        self.session: grading_session.GradingSession | None = grading_session.load(archive.conn, self.user)
        self.resume = False
        self.spec, self.scope_label, self.as_of, self.fixed_ids = "all", "", date.today(), None
        self.prepared: Prepared | None = None
        self.outcome: ApplyOutcome | None = None
        self.setWindowTitle(self.tr("Grade customers"))
        self.setObjectName("grading_wizard")
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.scope_page = ScopePage(self)
        self.computed_page = ComputedPage(self)
        self.opportunity_page = OpportunityPage(self)
        self.review_page = ReviewPage(self)
        self.result_page = ResultPage(self)
        for page_id, page in ((self.SCOPE, self.scope_page), (self.COMPUTED, self.computed_page),
                              (self.OPPORTUNITY, self.opportunity_page), (self.REVIEW, self.review_page),
                              (self.RESULT, self.result_page)):
            self.setPage(page_id, page)
        self.resize(1180, 760)

    # -- state shared by the pages ---------------------------------------------------
    def choose(self, spec: str, label: str, as_of: date, fixed_ids: list[int] | None) -> None:
        """A new scope: a new session (replacing an unfinished one once it is saved)."""
        self.spec, self.scope_label, self.as_of, self.fixed_ids = spec, label, as_of, fixed_ids
        s = self.session
        if s is None or (s.scope, s.as_of, s.scope_ids) != (spec, as_of, fixed_ids):
            self.session = grading_session.GradingSession(spec, as_of, label, fixed_ids)
        self.resume = False

    def validateCurrentPage(self) -> bool:  # noqa: N802
        if self.currentId() == self.SCOPE and self.resume and self.session is not None:
            s = self.session
            self.spec, self.scope_label, self.as_of, self.fixed_ids = s.scope, s.scope_label, s.as_of, s.scope_ids
        return super().validateCurrentPage()

    def queue_ready(self) -> None:
        """The computed page is done: a new session takes its queue; a resumed one (or one
        whose scope was not changed) keeps its own, and its position."""
        if not self.session.queue:
            self.session.queue = list(self.prepared.queue)
            self.session.position = 0

    def save_session(self) -> None:
        if self.session is not None and self.session.queue:
            grading_session.save(self.archive.conn, self.session, self.user)

    def current_opportunity(self) -> dict[int, str]:
        return {r[0]: r[1] for r in self.archive.conn.execute(
            "SELECT customer_id, value FROM grades WHERE scheme = ?", (grading.OPPORTUNITY,))}

    # -- keys and closing -------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt naming
        if self.currentId() == self.OPPORTUNITY and self.opportunity_page.handle_key(event):
            event.accept()
            return
        super().keyPressEvent(event)

    def reject(self) -> None:
        for page in (self.computed_page, self.review_page):
            if page.progress.running():
                page.progress.cancel()
            page.progress.forget()
            page.progress.wait()
        super().reject()

    @classmethod
    def run(cls, parent: QWidget | None, archive: Archive) -> bool:
        """Run the wizard; True when grades were written."""
        wizard = cls(parent, archive)
        try:
            wizard.exec()
            return wizard.outcome is not None
        finally:
            wizard.deleteLater()
