"""The "Partners" area (合作伙伴101, DOMAIN §3).

On the left the partners (search by name, territory or manager), each with its
outlets, last checklist score, open actions and a flag when it was below target in
the last two periods. On the right the chosen partner's page, in tabs:

- **Details & agreement**: the partner and its 101 agreement (what each side commits to);
- **Outlets**: the retail outlets it covers (added by hand or imported from CSV / .xlsx,
  all or nothing like every import), linked to customers where they are ones;
- **Contacts**: its people, the KeyMan marked;
- **Checklist runs**: the score over time and every run; New checklist run…, Print…;
- **Open actions**: follow-up actions (they are due visits in the visit planning);
- **Performance**: targets against actuals per period, as a table and a chart.

Reads are small queries on the archive's connection; PDFs are written in a worker.
"""
from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import QTimer, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (QCheckBox, QFrame, QHBoxLayout, QLabel, QLineEdit, QMessageBox, QPushButton,
                               QScrollArea, QSplitter, QTabWidget, QVBoxLayout, QWidget)

from gui.common.operations import Changes, write
from gui.partners import partner_imports
from gui.partners.partner_details import details_html
from gui.partners.checklist_run_dialog import ChecklistRunDialog
from gui.common.forms import buttons, table_view
from gui.partners.partner_charts import PerformanceChart, ScoreTrendChart
from gui.partners.partner_dialogs import (ActionDialog, ActionDoneDialog, AgreementDialog, ChecklistPrintDialog,
                                          OutletDialog,
                                 PartnerDialog, TargetDialog)
from gui.common import operations
from gui.common.people_table import PeopleTable, Person
from gui.common.tasks import show_error
from gui.common.widgets import RecordsModel, fit_columns
from model.partners import checklists, partner_outlets, partners
from model.archive import database
from model.customers import importing
from model.archive.database import Archive


def _money(value: float | None) -> str:
    return "—" if value is None else f"{value:,.0f}"


class PartnerView(QWidget):
    """One partner's page (tabs); ``changed`` when something shown in the list changed."""

    changed = Signal()
    imported = Signal(object)   # an import's ImportResult when it ended (not when cancelled)

    def __init__(self, archive: Archive, parent: QWidget | None = None):
        super().__init__(parent)
        self.archive = archive
        self.partner_id: int | None = None
        self.run_ids: list[int] = []
        self.outlet_ids: list[int] = []
        self.action_ids: list[int] = []
        self.periods: list[str] = []

        self.title = QLabel(self)
        self.title.setObjectName("partner_title")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("partner_tabs")
        self.tabs.addTab(self._details_tab(), self.tr("Details && agreement"))
        self.tabs.addTab(self._outlets_tab(), self.tr("Outlets"))
        self.tabs.addTab(self._contacts_tab(), self.tr("Contacts"))
        self.tabs.addTab(self._runs_tab(), self.tr("Checklist runs"))
        self.tabs.addTab(self._actions_tab(), self.tr("Open actions"))
        self.tabs.addTab(self._performance_tab(), self.tr("Performance"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.tabs, 1)
        self.show_partner(None)

    # -- tabs -----------------------------------------------------------------------------
    def _details_tab(self) -> QWidget:
        page = QWidget(self)
        self.details = QLabel(page)
        self.details.setObjectName("partner_details")
        self.details.setTextFormat(Qt.TextFormat.RichText)
        self.details.setWordWrap(True)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.edit_button = QPushButton(self.tr("&Edit partner…"), page)
        self.edit_button.clicked.connect(self.edit_partner)
        self.agreement_button = QPushButton(self.tr("101 a&greement…"), page)
        self.agreement_button.setObjectName("edit_agreement")
        self.agreement_button.clicked.connect(self.edit_agreement)
        self.delete_button = QPushButton(self.tr("&Delete partner…"), page)
        self.delete_button.clicked.connect(self.delete_partner)
        layout = QVBoxLayout(page)
        layout.addLayout(buttons(page, self.edit_button, self.agreement_button, self.delete_button))
        scroll = QScrollArea(page)          # a long agreement scrolls (a laptop at 125 %)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.details)
        layout.addWidget(scroll, 1)
        return page

    def _outlets_tab(self) -> QWidget:
        page = QWidget(self)
        self.outlets_model = RecordsModel(parent=self)
        self.outlets_view = table_view(page, "partner_outlets")
        self.outlets_view.setModel(self.outlets_model)
        self.add_outlet_button = QPushButton(self.tr("&Add outlet…"), page)
        self.add_outlet_button.clicked.connect(self.add_outlet)
        self.import_button = QPushButton(self.tr("&Import outlets…"), page)
        self.import_button.setObjectName("import_outlets")
        self.import_button.setToolTip(self.tr("From a CSV or Excel file with a column for the outlet's name "
                                              "(网点名称) and optionally address, phone, kind and customer number"))
        self.import_button.clicked.connect(self.import_outlets)
        self.remove_outlet_button = QPushButton(self.tr("&Remove outlet"), page)
        self.remove_outlet_button.clicked.connect(self.remove_outlet)
        self.outlets_note = QLabel(page)
        self.outlets_note.setWordWrap(True)
        layout = QVBoxLayout(page)
        layout.addLayout(buttons(page, self.add_outlet_button, self.import_button, self.remove_outlet_button))
        layout.addWidget(self.outlets_note)
        layout.addWidget(self.outlets_view, 1)
        return page

    def _contacts_tab(self) -> QWidget:
        page = QWidget(self)
        self.people = PeopleTable(page)
        self.save_people_button = QPushButton(self.tr("&Save contacts"), page)
        self.save_people_button.setObjectName("save_contacts")
        self.save_people_button.clicked.connect(self.save_contacts)
        self.people_status = QLabel(page)
        self.people_status.setWordWrap(True)
        layout = QVBoxLayout(page)
        layout.addWidget(self.people, 1)
        layout.addLayout(buttons(page, self.save_people_button))
        layout.addWidget(self.people_status)
        return page

    def _runs_tab(self) -> QWidget:
        page = QWidget(self)
        self.trend = ScoreTrendChart(self.tr("Weighted score of each 101 checklist run"), page)
        self.trend.setObjectName("score_trend")
        self.runs_model = RecordsModel(parent=self)
        self.runs_view = table_view(page, "checklist_runs")
        self.runs_view.setModel(self.runs_model)
        self.runs_view.doubleClicked.connect(lambda _index: self.print_run())
        self.new_run_button = QPushButton(self.tr("&New checklist run…"), page)
        self.new_run_button.setObjectName("new_checklist_run")
        self.new_run_button.clicked.connect(self.new_run)
        self.print_button = QPushButton(self.tr("&Print run…"), page)
        self.print_button.setObjectName("print_checklist")
        self.print_button.setToolTip(self.tr("Print the chosen run (the latest if none is chosen) for sign-off"))
        self.print_button.clicked.connect(self.print_run)
        splitter = QSplitter(Qt.Orientation.Vertical, page)
        splitter.addWidget(self.trend)
        splitter.addWidget(self.runs_view)
        layout = QVBoxLayout(page)
        layout.addLayout(buttons(page, self.new_run_button, self.print_button))
        layout.addWidget(splitter, 1)
        return page

    def _actions_tab(self) -> QWidget:
        page = QWidget(self)
        self.actions_model = RecordsModel(parent=self)
        self.actions_view = table_view(page, "partner_actions")
        self.actions_view.setModel(self.actions_model)
        self.actions_view.doubleClicked.connect(lambda _index: self.mark_done())
        self.done_button = QPushButton(self.tr("Mark &done…"), page)
        self.done_button.setObjectName("mark_action_done")
        self.done_button.clicked.connect(self.mark_done)
        self.new_action_button = QPushButton(self.tr("New a&ction…"), page)
        self.new_action_button.clicked.connect(self.new_action)
        self.show_done = QCheckBox(self.tr("Show &done actions too"), page)
        self.show_done.toggled.connect(lambda _on: self._show_actions())
        note = QLabel(self.tr("Open actions are due visits in Visits → Due: plan them like customer visits; logging "
                              "the visit as done closes the action."), page)
        note.setWordWrap(True)
        row = buttons(page, self.done_button, self.new_action_button)
        row.addWidget(self.show_done)
        layout = QVBoxLayout(page)
        layout.addLayout(row)
        layout.addWidget(note)
        layout.addWidget(self.actions_view, 1)
        return page

    def _performance_tab(self) -> QWidget:
        page = QWidget(self)
        self.flag_label = QLabel(page)
        self.flag_label.setObjectName("performance_flag")
        self.flag_label.setWordWrap(True)
        self.performance_model = RecordsModel(parent=self)
        self.performance_view = table_view(page, "partner_performance")
        self.performance_view.setModel(self.performance_model)
        self.performance_view.doubleClicked.connect(lambda _index: self.set_target(self._current_period()))
        self.performance_chart = PerformanceChart(self.tr("Target and actual per period"), self.tr("Target"),
                                                  self.tr("Actual"), page)
        self.performance_chart.setObjectName("performance_chart")
        self.target_button = QPushButton(self.tr("Set &target…"), page)
        self.target_button.setObjectName("set_target")
        self.target_button.clicked.connect(lambda: self.set_target(None))
        self.remove_target_button = QPushButton(self.tr("Remove target"), page)
        self.remove_target_button.clicked.connect(self.remove_target)
        self.import_targets_button = QPushButton(self.tr("Import targets…"), page)
        self.import_targets_button.setToolTip(self.tr("From a CSV or Excel file with the columns period (期间), "
                                                      "target (目标) and optionally actual (实际)"))
        self.import_targets_button.clicked.connect(self.import_targets)
        splitter = QSplitter(Qt.Orientation.Vertical, page)
        splitter.addWidget(self.performance_view)
        splitter.addWidget(self.performance_chart)
        layout = QVBoxLayout(page)
        layout.addLayout(buttons(page, self.target_button, self.remove_target_button, self.import_targets_button))
        layout.addWidget(self.flag_label)
        layout.addWidget(splitter, 1)
        return page

    # -- showing ---------------------------------------------------------------------------
    def show_partner(self, partner_id: int | None) -> None:
        self.partner_id = partner_id
        has = partner_id is not None
        self.tabs.setEnabled(has)
        if not has:
            self.title.setText(self.tr("No partner chosen"))
            self.details.setText(self.tr("Choose a partner on the left, or add one with New partner. A partner "
                                         "(distributor, wholesaler) covers retail outlets under a 101 agreement and "
                                         "is reviewed against the 101 checklist."))
            for model in (self.outlets_model, self.runs_model, self.actions_model, self.performance_model):
                model.set_rows([], [])
            self.people.set_people([])
            self.trend.set_runs([])
            self.performance_chart.set_periods([])
            return
        conn = self.archive.conn
        try:
            partner = partners.get(conn, partner_id)
        except database.ArchiveError:
            self.show_partner(None)
            return
        self.title.setText(f"{partner.name}  ·  {partners.kind_label(partner.kind)}")
        self._show_details(partner)
        self._show_outlets()
        self.people.set_people([Person(c.name, c.role, c.phone, c.keyman) for c in partners.contacts(conn, partner_id)])
        self.people_status.clear()
        self._show_runs()
        self._show_actions()
        self._show_performance()

    def _show_details(self, partner: partners.Partner) -> None:
        self.details.setText(details_html(self.archive.conn, partner))

    def _show_outlets(self) -> None:
        items = partner_outlets.outlets(self.archive.conn, self.partner_id)
        self.outlet_ids = [o.id for o in items]
        self.outlets_model.set_rows(
            [self.tr("Outlet"), self.tr("Address"), self.tr("Phone"), self.tr("Kind"), self.tr("Customer")],
            [[o.name, o.address, o.phone, o.channel, o.customer_name or ""] for o in items])
        linked = sum(1 for o in items if o.customer_id)
        self.outlets_note.setText(self.tr("{count} outlets, {linked} linked to customers (their transactions are "
                                          "the partner's actuals).").format(count=len(items), linked=linked))
        fit_columns(self.outlets_view, 260)

    def _show_runs(self) -> None:
        found = checklists.runs(self.archive.conn, self.partner_id)
        self.run_ids = [r.id for r in reversed(found)]
        self.runs_model.set_rows(
            [self.tr("Date"), self.tr("Reviewer"), self.tr("Score"), self.tr("Met"), self.tr("Not met"), self.tr("N/A"),
             self.tr("Open actions"), self.tr("Checklist version")],
            [[r.run_on.isoformat(), r.reviewer, checklists.score_text(r.score), r.met, r.not_met, r.na,
              r.open_actions, r.template_label] for r in reversed(found)])
        self.trend.set_runs([(r.run_on, r.score) for r in found])
        fit_columns(self.runs_view, 200)
        self.print_button.setEnabled(bool(found))

    def _show_actions(self) -> None:
        if self.partner_id is None:
            return
        conn = self.archive.conn
        found = partners.actions(conn, self.partner_id, include_done=self.show_done.isChecked())
        self.action_ids = [a.id for a in found]
        run_dates = {r.id: r.run_on.isoformat() for r in checklists.runs(conn, self.partner_id)}
        rows = []
        for a in found:
            status = self.tr("open") if a.status == "open" else self.tr("done {date}").format(date=a.done_on or "")
            origin = self.tr("run of {date}").format(date=run_dates[a.run_id]) if a.run_id in run_dates else ""
            rows.append([a.due_on.isoformat(), a.text, a.owner, status, origin, a.done_note or ""])
        self.actions_model.set_rows([self.tr("Due"), self.tr("Action"), self.tr("Owner"), self.tr("Status"),
                                     self.tr("From"), self.tr("Note")], rows)
        fit_columns(self.actions_view, 280)
        self.done_button.setEnabled(any(a.status == "open" for a in found))

    def _show_performance(self) -> None:
        figures = partners.performance(self.archive.conn, self.partner_id)
        self.periods = [f.period for f in figures]
        sources = {"entered": self.tr("entered"), "transactions": self.tr("from outlets' transactions"),
                   None: self.tr("no actual yet")}
        rows = []
        for f in figures:
            share = "—" if f.ratio is None else f"{100 * f.ratio:.0f}%"
            state = self.tr("below target") if f.below else ("" if f.actual is None else self.tr("reached"))
            if not f.ended:
                state = self.tr("running")
            rows.append([f.period, _money(f.target), _money(f.actual), share, state, sources[f.source]])
        self.performance_model.set_rows([self.tr("Period"), self.tr("Target"), self.tr("Actual"), self.tr("Reached"),
                                         self.tr("State"), self.tr("Actual from")], rows)
        fit_columns(self.performance_view, 200)
        self.performance_chart.set_periods([(f.period, f.target, f.actual, f.ended) for f in figures])
        if partners.is_flagged(figures):
            self.flag_label.setText("<b style='color:#b3261e'>⚑ " + escape(self.tr(
                "Below target in the last two periods: review the partnership and agree actions.")) + "</b>")
        elif not figures:
            self.flag_label.setText(escape(self.tr("No targets yet: set a target per month or quarter.")))
        else:
            self.flag_label.setText("")

    def refresh(self) -> None:
        self.show_partner(self.partner_id)

    def _after_change(self) -> None:
        self.refresh()
        self.changed.emit()

    def _write(self, op) -> bool:
        """``op(conn)`` as one write operation (a PARTNERS change); a problem is shown."""
        try:
            write(self, op, Changes.of(Changes.PARTNERS), archive=self.archive)
        except Exception as exc:  # noqa: BLE001 - shown; the write rolled back
            show_error(self, exc)
            return False
        return True

    # -- details -------------------------------------------------------------------------
    def edit_partner(self) -> None:
        if self.partner_id is not None and PartnerDialog.ask(self, self.archive, self.partner_id):
            self._after_change()

    def edit_agreement(self) -> None:
        if self.partner_id is not None and AgreementDialog.ask(self, self.archive, self.partner_id):
            self._after_change()

    def delete_partner(self) -> None:
        if self.partner_id is None:
            return
        partner = partners.get(self.archive.conn, self.partner_id)
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Delete the partner"),
                          self.tr("Delete {name} with its outlets, contacts, agreement, checklist runs, actions and "
                                  "targets?").format(name=partner.name),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, self)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        if box.exec() != QMessageBox.StandardButton.Yes:
            return
        partner_id = self.partner_id
        if not self._write(lambda conn: partners.delete(conn, partner_id)):
            return
        self.show_partner(None)
        self.changed.emit()

    # -- outlets -------------------------------------------------------------------------
    def add_outlet(self) -> None:
        if self.partner_id is not None and OutletDialog.ask(self, self.archive, self.partner_id):
            self._after_change()

    def remove_outlet(self) -> None:
        row = self.outlets_view.currentIndex().row()
        if 0 <= row < len(self.outlet_ids):
            outlet_id = self.outlet_ids[row]
            if self._write(lambda conn: partner_outlets.delete_outlet(conn, outlet_id)):
                self._after_change()

    def import_outlets(self, path: Path | None = None) -> None:
        """Import the outlets from a file (asked for when not given) with progress and
        cancel; all or nothing, then the result and, when rows were rejected, the choice to
        add the good ones. ``imported`` is sent with the last result."""
        if self.partner_id is None:
            return
        path = path or partner_imports.choose_table(self, self.tr("Import outlets"))
        if path is not None:
            partner_imports.import_outlets(self, self.partner_id, Path(path), self._imported)

    def _imported(self, result: importing.ImportResult) -> None:
        self._after_change()
        self.outlets_note.setText(partner_imports.import_report(result))
        self.imported.emit(result)

    # -- contacts ------------------------------------------------------------------------
    def save_contacts(self) -> None:
        if self.partner_id is None:
            return
        people = [partners.PartnerContact(p.name, p.role, p.phone, p.keyman) for p in self.people.people()]
        partner_id = self.partner_id
        try:
            write(self, lambda conn: partners.set_contacts(conn, partner_id, people), Changes.of(Changes.PARTNERS),
                  archive=self.archive)
        except database.ArchiveError as exc:
            self.people_status.setText(str(exc))
            return
        self.people_status.setText(self.tr("Contacts saved."))

    # -- runs ----------------------------------------------------------------------------
    def new_run(self) -> int | None:
        if self.partner_id is None:
            return None
        run_id = ChecklistRunDialog.ask(self, self.archive, self.partner_id)
        if run_id is not None:
            self._after_change()
            self.tabs.setCurrentIndex(3)
        return run_id

    def current_run_id(self) -> int | None:
        row = self.runs_view.currentIndex().row()
        if 0 <= row < len(self.run_ids):
            return self.run_ids[row]
        return self.run_ids[0] if self.run_ids else None

    def print_run(self) -> Path | None:
        run_id = self.current_run_id()
        if run_id is None:
            return None
        return ChecklistPrintDialog.run(self, self.archive, run_id)

    # -- actions -------------------------------------------------------------------------
    def mark_done(self) -> None:
        row = self.actions_view.currentIndex().row()
        if not 0 <= row < len(self.action_ids):
            row = 0 if self.action_ids else -1
        if row < 0:
            return
        if partners.action(self.archive.conn, self.action_ids[row]).status != "open":
            return
        if ActionDoneDialog.ask(self, self.archive, self.action_ids[row]):
            self._after_change()

    def new_action(self) -> None:
        if self.partner_id is not None and ActionDialog.ask(self, self.archive, self.partner_id):
            self._after_change()

    # -- performance ---------------------------------------------------------------------
    def _current_period(self) -> str | None:
        row = self.performance_view.currentIndex().row()
        return self.periods[row] if 0 <= row < len(self.periods) else None

    def set_target(self, period: str | None) -> None:
        if self.partner_id is not None and TargetDialog.ask(self, self.archive, self.partner_id, period):
            self._after_change()

    def remove_target(self) -> None:
        period = self._current_period()
        if period is not None:
            partner_id = self.partner_id
            if self._write(lambda conn: partners.delete_target(conn, partner_id, period)):
                self._after_change()

    def import_targets(self, path: Path | None = None) -> None:
        """Targets and actuals per period from a file, with progress and cancel."""
        if self.partner_id is None:
            return
        path = path or partner_imports.choose_table(self, self.tr("Import targets"))
        if path is not None:
            partner_imports.import_targets(self, self.partner_id, Path(path), self._targets_imported)

    def _targets_imported(self, result: importing.ImportResult) -> None:
        self._after_change()
        self.imported.emit(result)


class PartnersPage(QWidget):
    """The area: the partner list and the chosen partner's page."""

    def __init__(self, archive: Archive, language: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("partners_page")
        self.archive = archive
        operations.changes_of(archive).changed.connect(self.on_changes)
        self.ids: list[int] = []
        self.search = QLineEdit(self)
        self.search.setObjectName("partner_search")
        self.search.setPlaceholderText(self.tr("Search name, territory or manager"))
        self.search.setClearButtonEnabled(True)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(200)
        self._search_timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(lambda _text: self._search_timer.start())
        self.new_button = QPushButton(self.tr("&New partner…"), self)
        self.new_button.setObjectName("new_partner")
        self.new_button.setAutoDefault(False)
        self.new_button.clicked.connect(self.new_partner)
        self.model = RecordsModel(parent=self)
        self.table = table_view(self, "partners_table")
        self.table.setModel(self.model)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_current())
        self.empty = QLabel(self.tr("No partners yet. Add a distributor or wholesaler with New partner."), self)
        self.empty.setWordWrap(True)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.new_button)
        left_layout.addLayout(top)
        left_layout.addWidget(self.empty)
        left_layout.addWidget(self.table, 1)
        self.view = PartnerView(archive, self)
        self.view.changed.connect(self.refresh)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("partners_splitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.view)
        self.splitter.setStretchFactor(1, 2)
        em = self.fontMetrics().horizontalAdvance("M")
        self.splitter.setSizes([em * 34, em * 70])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)
        QShortcut(QKeySequence.StandardKey.Find, self, self.search.setFocus,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.refresh()

    def current_id(self) -> int | None:
        row = self.table.currentIndex().row()
        return self.ids[row] if 0 <= row < len(self.ids) else None

    def refresh(self) -> None:
        """List the partners again, keeping the one chosen."""
        chosen = self.current_id()
        found = partners.list_partners(self.archive.conn, self.search.text())
        self.ids = [p.id for p in found]
        flag = "⚑ " + self.tr("below target")
        self.model.set_rows(
            [self.tr("Partner"), self.tr("Flag"), self.tr("Last score"), self.tr("Last run"), self.tr("Open actions"),
             self.tr("Outlets"), self.tr("Kind"), self.tr("Territory")],
            [[p.name, flag if p.flagged else "", checklists.score_text(p.last_score),
              p.last_run_on.isoformat() if p.last_run_on else "—", p.open_actions, p.outlets,
              partners.kind_label(p.kind), p.territory] for p in found])
        fit_columns(self.table, 180)
        self.empty.setVisible(not found and not self.search.text())
        if chosen in self.ids:
            self.table.selectRow(self.ids.index(chosen))
        elif self.ids:
            self.table.selectRow(0)
        else:
            self.view.show_partner(None)
        self._show_current()

    def _show_current(self) -> None:
        current = self.current_id()
        if current != self.view.partner_id:
            self.view.show_partner(current)

    def show_partner(self, partner_id: int) -> None:
        if partner_id in self.ids:
            self.table.selectRow(self.ids.index(partner_id))

    def new_partner(self) -> int | None:
        partner_id = PartnerDialog.ask(self, self.archive)
        if partner_id is not None:
            self.search.clear()
            self.refresh()
            self.show_partner(partner_id)
        return partner_id

    def mark_stale(self) -> None:
        """Customers changed (the outlets' links, the actuals): show them as they are now."""
        self.refresh()
        self.view.refresh()

    def on_changes(self, changes: Changes) -> None:
        if changes.touches(Changes.CUSTOMERS, Changes.CONTACTS):
            self.mark_stale()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt naming
        # A follow-up visit logged in the visit plan may have closed an action.
        super().showEvent(event)
        self.refresh()
        self.view.refresh()
