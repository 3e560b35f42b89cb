"""One key account's page in the Key accounts area (its tabs):
*Account & team* (details, KeyMan, the KA team; print the dossier),
*Stores* (head office → regions → stores; import stores from CSV/.xlsx),
*Contacts* (the KeyMan marked, set with one click),
*Commitments* (merchandising commitments for all stores or one),
*Store checks* (score trend per store or for the account, the checks and a check's
results with photos; a new check; print one),
*Volume* (periods against target as a table and chart, the tier reached and what is
missing for the next).

Reads are small queries on the archive's connection; every write is an operation of
``gui.common.operations`` (the imports run with progress and cancel).
"""
from __future__ import annotations

from datetime import date
from html import escape
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QComboBox, QFileDialog, QHBoxLayout, QLabel, QMessageBox, QSplitter, QTabWidget,
                               QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget)

from gui.common.evidence_widgets import EvidenceThumb
from gui.common.operations import Changes, run_write
from gui.common.widgets import whole_choices
from gui.key_accounts.ka_dialogs import (AccountDialog, CommitmentDialog, ContactDialog, KaPrintDialog,
                                         StoreCheckPrintDialog, StoreDialog, TeamDialog, VolumeDialog)
from gui.key_accounts.ka_widgets import RecordsTable, confirm, named_button, volume_years, write_or_show
from gui.key_accounts.store_check_dialog import StoreCheckDialog
from gui.common import forms
from gui.partners.partner_charts import PerformanceChart, ScoreTrendChart
from model.archive.database import Archive
from model.core import settings
from model.key_accounts import ka_rewards, ka_volumes, key_accounts as ka, store_checks as sc
from model.key_accounts.ka_rewards import number_text


class AccountView(QWidget):
    """One key account's page: its tabs."""

    changed = Signal()          # something shown in the account list changed
    imported = Signal(object)   # an import's ImportResult when it ended (written or not; not when cancelled)

    def __init__(self, archive: Archive, parent: QWidget | None = None):
        super().__init__(parent)
        self.archive = archive
        self.account_id: int | None = None
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("ka_tabs")
        self._make_account_tab()
        self._make_stores_tab()
        self._make_contacts_tab()
        self._make_commitments_tab()
        self._make_checks_tab()
        self._make_volume_tab()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)

    @property
    def conn(self):
        return self.archive.conn

    def _write(self, function, *args) -> bool:
        """``function(conn, *args, by)`` as one write operation; a problem is shown and
        nothing changes."""
        by = settings.user_name()
        return write_or_show(self, self.archive, lambda conn: function(conn, *args, by))

    # -- account & team ----------------------------------------------------------------
    def _make_account_tab(self) -> None:
        page = QWidget(self)
        self.edit_button = named_button(page, self.tr("&Edit account…"), "edit_account", self.edit_account)
        self.team_button = named_button(page, self.tr("Edit &team…"), "edit_team", self.edit_team)
        self.print_button = named_button(page, self.tr("&Print dossier…"), "print_dossier", self.print_dossier)
        self.details = QLabel(page)
        self.details.setObjectName("ka_details")
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.RichText)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.team = RecordsTable(page, "ka_team", [])
        layout = QVBoxLayout(page)
        layout.addLayout(forms.buttons(page, self.edit_button, self.team_button, self.print_button))
        layout.addWidget(self.details)
        layout.addWidget(QLabel(self.tr("KA team"), page))
        layout.addWidget(self.team, 1)
        self.tabs.addTab(page, self.tr("Account && team"))

    def _show_account(self) -> None:
        a = ka.get_account(self.conn, self.account_id)
        rules = ka_rewards.load()
        year = date.today().year
        total = ka_volumes.year_total(ka_volumes.volumes(self.conn, a.id, year), year)
        keyman = ka.keyman(self.conn, a.id)
        stores = ka.stores(self.conn, a.id)
        lines = [f"<h3>{escape(a.name)}</h3>",
                 escape(self.tr("{scope} · {channel}").format(scope=ka.scope_label(a.scope), channel=a.channel or "-")),
                 escape(self.tr("Head office: {address}").format(address=a.head_office or "-")),
                 escape(self.tr("KeyMan: {name}").format(
                     name=f"{keyman.name} ({keyman.role or '-'})" if keyman else self.tr("not marked yet"))),
                 escape(self.tr("{stores} stores in {regions} regions").format(
                     stores=sum(1 for s in stores if not s.is_region), regions=sum(1 for s in stores if s.is_region))),
                 "<b>" + escape(self.tr("{year}: {volume} {unit} — {standing}").format(
                     year=year, volume=number_text(total.volume or 0), unit=rules.unit(),
                     standing=ka_rewards.standing(total.volume, rules).text(rules))) + "</b>"]
        if a.notes:
            lines.append(escape(a.notes))
        self.details.setText(lines[0] + "<br>".join(lines[1:]))    # a heading is a line of its own
        team = ka.team(self.conn, a.id)
        self.team.set_rows([self.tr("Role"), self.tr("Person")], [(ka.role_label(r), p) for r, p in team],
                           range(len(team)))

    def edit_account(self) -> None:
        if self.account_id is not None and AccountDialog.edit(self, self.archive, self.account_id) is not None:
            self.refresh()
            self.changed.emit()

    def edit_team(self) -> None:
        if self.account_id is not None and TeamDialog.edit(self, self.archive, self.account_id):
            self.refresh()

    def print_dossier(self) -> None:
        if self.account_id is not None:
            KaPrintDialog.run(self, self.archive, self.account_id, self.volume_year.currentData())

    # -- stores ------------------------------------------------------------------------
    def _make_stores_tab(self) -> None:
        page = QWidget(self)
        self.add_store_button = named_button(page, self.tr("Add &store…"), "add_store",
                                             lambda: self.add_store(ka.STORE))
        add_region = named_button(page, self.tr("Add &region…"), "add_region", lambda: self.add_store(ka.REGION))
        edit = named_button(page, self.tr("&Edit…"), "edit_store", self.edit_store)
        delete = named_button(page, self.tr("&Delete…"), "delete_store", self.delete_store)
        self.import_button = named_button(page, self.tr("&Import stores…"), "import_stores", self.import_stores)
        self.tree = QTreeWidget(page)
        self.tree.setObjectName("store_tree")
        self.tree.setHeaderLabels([self.tr("Store"), self.tr("Code"), self.tr("City"), self.tr("Address"),
                                   self.tr("Last check")])
        self.tree.itemDoubleClicked.connect(lambda *_: self.edit_store())
        layout = QVBoxLayout(page)
        layout.addLayout(forms.buttons(page, self.add_store_button, add_region, edit, delete, self.import_button))
        layout.addWidget(self.tree, 1)
        self.tabs.addTab(page, self.tr("Stores"))

    def _show_stores(self) -> None:
        a = ka.get_account(self.conn, self.account_id)
        last = {}
        for check in sc.checks(self.conn, account_id=a.id):
            last.setdefault(check.store_id, check)
        self.tree.clear()
        root = QTreeWidgetItem(self.tree, [self.tr("{name} (head office)").format(name=a.name), "", "",
                                           a.head_office or "", ""])
        items = {}
        outlets = ka.stores(self.conn, a.id)
        for s in outlets:
            check = last.get(s.id)
            text = f"{check.checked_on}: {sc.score_text(check.score)}" if check else ""
            parent = items.get(s.parent_id, root)
            item = QTreeWidgetItem(parent, [s.name, s.code, s.city or "", s.address or "", text])
            item.setData(0, Qt.ItemDataRole.UserRole, s.id)
            items[s.id] = item
        self.tree.expandAll()
        for column in range(5):
            self.tree.resizeColumnToContents(column)

    def _current_store(self) -> int | None:
        item = self.tree.currentItem()
        return item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None

    def add_store(self, kind: str) -> None:
        if self.account_id is not None and StoreDialog.edit(self, self.archive, self.account_id, None, kind):
            self.refresh()
            self.changed.emit()

    def edit_store(self) -> None:
        store_id = self._current_store()
        if store_id is not None and StoreDialog.edit(self, self.archive, self.account_id, store_id) is not None:
            self.refresh()

    def delete_store(self) -> None:
        store_id = self._current_store()
        if store_id is None:
            return
        store = ka.get_store(self.conn, store_id)
        if confirm(self, self.tr("Delete store"), self.tr(
                "Delete {name} ({code}) with its own commitments and its store checks?").format(
                name=store.name, code=store.code)) and self._write(ka.delete_store, store_id):
            self.refresh()
            self.changed.emit()

    def import_stores(self, path: str | None = None) -> None:
        """Import regions and stores from a file, with progress and cancel: all or nothing,
        with the rejected rows listed (then the choice to import the good ones)."""
        self._import_file(path, self.tr("Import stores"), "import_file", self.tr(
            "{imported} regions and stores imported; {duplicates} already in the account were skipped."))

    def import_volume(self, path: str | None = None) -> None:
        """Import volume and target per period from a file, by the same rules."""
        self._import_file(path, self.tr("Import volume"), "import_volumes",
                          self.tr("{imported} periods of volume and target entered."))

    def _import_file(self, path: str | None, title: str, function: str, done: str) -> None:
        """Run ``store_import.<function>`` on the writer thread; when rows are rejected
        (nothing written), ask, then run it again for the good rows. ``imported`` is sent
        with the last result."""
        if self.account_id is None:
            return
        if not path:
            folder = settings.get(settings.FILE_FOLDER) or str(Path.home())
            path, _ = QFileDialog.getOpenFileName(self, title, folder, self.tr("Tables (*.csv *.xlsx *.txt)"))
            if not path:
                return
        settings.put(settings.FILE_FOLDER, str(Path(path).parent))
        account_id, by = self.account_id, settings.user_name()

        def start(partial: bool) -> None:
            from model.key_accounts import store_import
            run = getattr(store_import, function)
            run_write(self, lambda conn, progress: run(conn, account_id, path, partial=partial, by=by,
                                                       progress=progress),
                      Changes.of(Changes.KEY_ACCOUNTS), archive=self.archive, title=title, cancellable=True,
                      on_success=lambda result: finished(result, partial))

        def finished(result, partial: bool) -> None:
            if not result.written:
                if not partial and self._take_good_rows(title, result):
                    start(True)
                else:
                    self.imported.emit(result)
                return
            QMessageBox.information(self, title, done.format(imported=result.imported,
                                                             duplicates=result.duplicates))
            self.refresh()
            self.changed.emit()
            self.imported.emit(result)
        start(False)

    def _take_good_rows(self, title: str, result) -> bool:
        """Rows were rejected, so nothing was written: import the good ones, or nothing?"""
        shown = "\n".join(self.tr("row {row}: {reasons}").format(row=r.row_number, reasons="; ".join(r.reasons))
                          for r in result.rejects[:12])
        box = QMessageBox(QMessageBox.Icon.Warning, title, self.tr(
            "{rejected} of {rows} rows cannot be imported; the list with the reasons is in {file}. Import "
            "the {good} good rows now, or nothing (correct the file and import it again)?").format(
            rejected=result.rejected, rows=result.rows, file=result.rejects_path, good=result.imported),
            QMessageBox.StandardButton.Cancel, self)
        box.setDetailedText(shown)
        good = box.addButton(self.tr("Import the good rows"), QMessageBox.ButtonRole.AcceptRole)
        box.exec()
        return box.clickedButton() is good

    # -- contacts ----------------------------------------------------------------------
    def _make_contacts_tab(self) -> None:
        add = named_button(self, self.tr("&Add contact…"), "add_contact", self.add_contact)
        edit = named_button(self, self.tr("&Edit…"), "edit_contact", self.edit_contact)
        self.keyman_button = named_button(self, self.tr("Set as &KeyMan"), "set_keyman", self.set_keyman)
        self.keyman_button.setToolTip(self.tr("The KeyMan is the decision maker who opens the account's needs; "
                                              "one per account"))
        delete = named_button(self, self.tr("&Delete…"), "delete_contact", self.delete_contact)
        self.contacts = RecordsTable(self, "ka_contacts", [add, edit, self.keyman_button, delete])
        self.contacts.view.doubleClicked.connect(lambda *_: self.edit_contact())
        self.tabs.addTab(self.contacts, self.tr("Contacts"))

    def _show_contacts(self) -> None:
        names = {s.id: f"{s.code} {s.name}" for s in ka.stores(self.conn, self.account_id)}
        found = ka.contacts(self.conn, self.account_id)
        keyman = self.tr("★ KeyMan")
        self.contacts.set_rows(
            [self.tr("Name"), self.tr("KeyMan"), self.tr("Role"), self.tr("Phone"), self.tr("Works at"),
             self.tr("Notes")],
            [(c.name, keyman if c.is_keyman else "", c.role or "", c.phone or "",
              names.get(c.store_id, self.tr("Head office")), c.notes or "") for c in found], [c.id for c in found])

    def add_contact(self) -> None:
        if self.account_id is not None:
            saved = ContactDialog.edit(self, self.archive, self.account_id)
            if saved is not None:
                self.refresh()
                self.contacts.select(saved)

    def edit_contact(self) -> None:
        contact_id = self.contacts.current_id()
        if contact_id is not None and ContactDialog.edit(self, self.archive, self.account_id, contact_id) is not None:
            self.refresh()

    def set_keyman(self) -> None:
        contact_id = self.contacts.current_id()
        if contact_id is not None and self._write(ka.set_keyman, contact_id):
            self.refresh()
            self.contacts.select(contact_id)

    def delete_contact(self) -> None:
        contact_id = self.contacts.current_id()
        if contact_id is not None and confirm(self, self.tr("Delete contact"), self.tr("Delete this contact?")) \
                and self._write(ka.delete_contact, contact_id):
            self.refresh()

    # -- commitments -------------------------------------------------------------------
    def _make_commitments_tab(self) -> None:
        add = named_button(self, self.tr("&Add commitment…"), "add_commitment", self.add_commitment)
        edit = named_button(self, self.tr("&Edit…"), "edit_commitment", self.edit_commitment)
        delete = named_button(self, self.tr("&Delete…"), "delete_commitment", self.delete_commitment)
        note = QLabel(self.tr("One package of in-store merchandising (生动化) for all the account's stores, and "
                              "what is agreed for single stores. Store checks check these."), self)
        note.setWordWrap(True)
        self.commitments = RecordsTable(self, "ka_commitments", [add, edit, delete], note)
        self.commitments.view.doubleClicked.connect(lambda *_: self.edit_commitment())
        self.tabs.addTab(self.commitments, self.tr("Commitments"))

    def _show_commitments(self) -> None:
        names = {s.id: f"{s.code} {s.name}" for s in ka.stores(self.conn, self.account_id)}
        found = ka.commitments(self.conn, self.account_id)
        self.commitments.set_rows(
            [self.tr("Kind"), self.tr("What"), self.tr("For"), self.tr("Period")],
            [(ka.kind_label(c.kind), c.description, names.get(c.store_id, self.tr("All stores")), c.period_text())
             for c in found], [c.id for c in found])

    def add_commitment(self) -> None:
        if self.account_id is not None and CommitmentDialog.edit(self, self.archive, self.account_id) is not None:
            self.refresh()

    def edit_commitment(self) -> None:
        commitment_id = self.commitments.current_id()
        if commitment_id is not None and CommitmentDialog.edit(self, self.archive, self.account_id,
                                                               commitment_id) is not None:
            self.refresh()

    def delete_commitment(self) -> None:
        commitment_id = self.commitments.current_id()
        if commitment_id is not None and confirm(self, self.tr("Delete commitment"), self.tr(
                "Delete this commitment? Store checks made against it keep what it said.")) \
                and self._write(ka.delete_commitment, commitment_id):
            self.refresh()

    # -- store checks ------------------------------------------------------------------
    def _make_checks_tab(self) -> None:
        page = QWidget(self)
        self.new_check_button = named_button(page, self.tr("&New store check…"), "new_store_check", self.new_check)
        self.print_check_button = named_button(page, self.tr("&Print check…"), "print_store_check", self.print_check)
        delete = named_button(page, self.tr("&Delete check…"), "delete_store_check", self.delete_check)
        self.check_store = QComboBox(page)
        self.check_store.setObjectName("check_store_filter")
        whole_choices(self.check_store)      # "All stores (account average)" whole
        self.check_store.currentIndexChanged.connect(lambda _: self._show_checks())
        self.trend = ScoreTrendChart(self.tr("Store check score (for all stores: the month's average)"), page)
        self.trend.setObjectName("check_trend")
        self.checks = RecordsTable(page, "ka_checks", [])
        self.checks.view.selectionModel().currentRowChanged.connect(lambda *_: self._show_check_items())
        self.results = RecordsTable(page, "ka_check_results", [])
        self.results.view.selectionModel().currentRowChanged.connect(lambda *_: self._show_photo())
        self.photo = EvidenceThumb(page, 160)
        self.photo.setObjectName("check_photo")
        filter_row = forms.buttons(page, self.new_check_button, self.print_check_button, delete)
        filter_row.insertWidget(0, self.check_store)
        lower = QSplitter(page)
        lower.addWidget(self.checks)
        results = QWidget(lower)
        results_layout = QHBoxLayout(results)
        results_layout.setContentsMargins(0, 0, 0, 0)
        results_layout.addWidget(self.results, 1)
        results_layout.addWidget(self.photo, 0, Qt.AlignmentFlag.AlignTop)
        lower.addWidget(results)
        split = QSplitter(Qt.Orientation.Vertical, page)
        split.addWidget(self.trend)
        split.addWidget(lower)
        layout = QVBoxLayout(page)
        layout.addLayout(filter_row)
        layout.addWidget(split, 1)
        self.tabs.addTab(page, self.tr("Store checks"))

    def _fill_store_filter(self) -> None:
        current = self.check_store.currentData()
        self.check_store.blockSignals(True)
        self.check_store.clear()
        self.check_store.addItem(self.tr("All stores (account average)"), None)
        for s in ka.stores(self.conn, self.account_id, ka.STORE):
            self.check_store.addItem(f"{s.code} {s.name}", s.id)
        self.check_store.setCurrentIndex(max(0, self.check_store.findData(current)))
        self.check_store.blockSignals(False)

    def _show_checks(self) -> None:
        if self.account_id is None:
            return
        store_id = self.check_store.currentData()
        self.trend.set_runs([(date.fromisoformat(d), 100 * s) for d, s in sc.trend(self.conn, self.account_id,
                                                                                    store_id)])
        found = sc.checks(self.conn, store_id=store_id) if store_id else sc.checks(self.conn,
                                                                                   account_id=self.account_id)
        self.checks.set_rows(
            [self.tr("No."), self.tr("Date"), self.tr("Store"), self.tr("Checked by"), self.tr("Score"),
             self.tr("Note")],
            [(c.id, c.checked_on, f"{c.store_code} {c.store_name}", c.checker, sc.score_text(c.score), c.note or "")
             for c in found], [c.id for c in found])
        self._show_check_items()

    def _show_check_items(self) -> None:
        check_id = self.checks.current_id()
        self.print_check_button.setEnabled(check_id is not None)
        items = sc.get(self.conn, check_id).items if check_id is not None else []
        self._items = items
        self.results.set_rows([self.tr("Commitment"), self.tr("What"), self.tr("Result"), self.tr("Note"),
                               self.tr("Photo")],
                              [(ka.kind_label(i.kind), i.description, sc.result_label(i.result), i.note or "",
                                "✓" if i.evidence_id else "") for i in items], range(len(items)))
        self._show_photo()

    def _show_photo(self) -> None:
        row = self.results.current_id()
        evidence_id = self._items[row].evidence_id if row is not None and row < len(self._items) else None
        if evidence_id is None:
            evidence_id = next((i.evidence_id for i in self._items if i.evidence_id), None)
        self.photo.show_evidence(self.conn, evidence_id)

    def new_check(self) -> None:
        if self.account_id is None:
            return
        if not ka.stores(self.conn, self.account_id, ka.STORE):
            QMessageBox.information(self, self.tr("New store check"),
                                    self.tr("The account has no stores yet: add or import them on the Stores tab."))
            return
        saved = StoreCheckDialog.record(self, self.archive, self.account_id, self.check_store.currentData())
        if saved is not None:
            self.refresh()
            self.checks.select(saved)
            self.changed.emit()

    def print_check(self) -> None:
        check_id = self.checks.current_id()
        if check_id is not None:
            StoreCheckPrintDialog.run(self, self.archive, check_id)

    def delete_check(self) -> None:
        check_id = self.checks.current_id()
        if check_id is not None and confirm(self, self.tr("Delete store check"), self.tr(
                "Delete this store check with its results? Its photos stay in the archive.")) \
                and self._write(sc.delete, check_id):
            self.refresh()
            self.changed.emit()

    # -- volume ------------------------------------------------------------------------
    def _make_volume_tab(self) -> None:
        page = QWidget(self)
        enter = named_button(page, self.tr("&Enter volume…"), "enter_volume", self.enter_volume)
        edit = named_button(page, self.tr("&Change…"), "edit_volume", self.edit_volume)
        self.import_volume_button = named_button(page, self.tr("&Import volume…"), "import_volume", self.import_volume)
        self.import_volume_button.setToolTip(self.tr("From a CSV or Excel file with the columns 期间 (period), 销量 "
                                                     "(volume) and 目标 (target)"))
        self.volume_year = QComboBox(page)
        self.volume_year.setObjectName("volume_year")
        self.volume_year.currentIndexChanged.connect(lambda _: self._show_volume())
        self.standing = QLabel(page)
        self.standing.setObjectName("ka_standing")
        self.standing.setWordWrap(True)
        self.standing.setTextFormat(Qt.TextFormat.RichText)
        self.volume_table = RecordsTable(page, "ka_volumes", [])
        self.volume_table.view.doubleClicked.connect(lambda *_: self.edit_volume())
        self.volume_chart = PerformanceChart(self.tr("Volume against target"), self.tr("Target"), self.tr("Volume"),
                                             page)
        row = forms.buttons(page, enter, edit, self.import_volume_button)
        row.insertWidget(0, self.volume_year)
        split = QSplitter(page)
        split.addWidget(self.volume_table)
        split.addWidget(self.volume_chart)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(page)
        layout.addLayout(row)
        layout.addWidget(self.standing)
        layout.addWidget(split, 1)
        self.tabs.addTab(page, self.tr("Volume"))

    def _fill_years(self) -> None:
        current = self.volume_year.currentData()
        self.volume_year.blockSignals(True)
        self.volume_year.clear()
        for year in volume_years(self.conn, self.account_id):
            self.volume_year.addItem(str(year), year)
        self.volume_year.setCurrentIndex(max(0, self.volume_year.findData(current)))
        self.volume_year.blockSignals(False)

    def _show_volume(self) -> None:
        year = self.volume_year.currentData()
        if self.account_id is None or year is None:
            return
        rules = ka_rewards.load()
        rows = ka_volumes.volumes(self.conn, self.account_id, year)
        total = ka_volumes.year_total(rows, year)
        standing = ka_rewards.standing(total.volume, rules)
        reward = standing.reached.reward() if standing.reached else ""
        self.standing.setText("<b>" + escape(self.tr("{year}: {volume} of {target} {unit} ({share})").format(
            year=year, volume=number_text(total.volume or 0), target=number_text(total.target), unit=rules.unit(),
            share="-" if total.share is None else f"{100 * total.share:.0f}%")) + "</b><br>" +
            escape(standing.text(rules)) + (f"<br>{escape(reward)}" if reward else ""))
        self.volume_table.set_rows(
            [self.tr("Period"), self.tr("Volume"), self.tr("Target"), self.tr("Achieved")],
            [(v.period, number_text(v.volume), number_text(v.target),
              "-" if v.share is None else f"{100 * v.share:.0f}%") for v in rows], [v.period for v in rows])
        self.volume_chart.set_periods([(v.period, v.target or 0.0, v.volume) for v in rows
                                       if v.target is not None or v.volume is not None])

    def enter_volume(self) -> None:
        if self.account_id is not None and VolumeDialog.edit(self, self.archive, self.account_id) is not None:
            self.refresh()
            self.changed.emit()

    def edit_volume(self) -> None:
        period = self.volume_table.current_id()
        if period is not None and VolumeDialog.edit(self, self.archive, self.account_id, period) is not None:
            self.refresh()
            self.changed.emit()

    # -- the whole page ----------------------------------------------------------------
    def show_account(self, account_id: int | None) -> None:
        self.account_id = account_id
        self.setEnabled(account_id is not None)
        self.refresh()

    def refresh(self) -> None:
        if self.account_id is None:
            self.details.setText(self.tr("No key account chosen."))
            return
        self._show_account()
        self._show_stores()
        self._show_contacts()
        self._show_commitments()
        self._fill_store_filter()
        self._show_checks()
        self._fill_years()
        self._show_volume()

