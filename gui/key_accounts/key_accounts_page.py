"""The "Key accounts" area (KA, 重点客户, DOMAIN §4 and the volume rewards of §2a).

Two tabs:

- **Accounts**: every key account (search by name, channel or head office) with its
  stores, the year's volume, the reward tier reached and the last store check's score;
  beside the one chosen, its page:
  *Account & team* (details, KeyMan, the KA team; print the dossier),
  *Stores* (head office → regions → stores; import stores from CSV/.xlsx),
  *Contacts* (the KeyMan marked, set with one click),
  *Commitments* (merchandising commitments for all stores or one),
  *Store checks* (score trend per store or for the account, the checks and a check's
  results with photos; a new check; print one),
  *Volume* (periods against target as a table and chart, the tier reached and what is
  missing for the next).
- **Ranking**: the accounts ranked by a year's volume (the rules' "top ten").

The account's page is :class:`gui.key_accounts.account_view.AccountView`. Reads are small
queries on the archive's connection; writes are operations of ``gui.common.operations``.
"""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QSplitter, QTabWidget, QVBoxLayout, QWidget

from gui.common import forms, operations
from gui.common.operations import Changes
from gui.common.forms import table_view
from gui.key_accounts.account_view import AccountView
from gui.key_accounts.ka_dialogs import AccountDialog
from gui.key_accounts.ka_widgets import RecordsTable, confirm, named_button, volume_years, write_or_show
from gui.common.widgets import NameFilterProxy, RecordsModel, fit_columns, is_chinese
from model.key_accounts import ka_volumes, ka_rewards, key_accounts as ka, store_checks as sc
from model.core import settings
from model.archive.database import Archive
from model.key_accounts.ka_rewards import number_text


def _language() -> str:
    return "zh_CN" if is_chinese() else "en"


class RankingView(QWidget):
    """The accounts ranked by a year's volume; the rules' top ten marked."""

    def __init__(self, archive: Archive, parent: QWidget | None = None):
        super().__init__(parent)
        self.archive = archive
        self.year = QComboBox(self)
        self.year.setObjectName("ranking_year")
        self.year.currentIndexChanged.connect(lambda _: self.refresh())
        self.title = QLabel(self)
        self.title.setObjectName("ranking_title")
        self.table = RecordsTable(self, "ka_ranking", [])
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("&Year:"), self))
        row.itemAt(0).widget().setBuddy(self.year)
        row.addWidget(self.year)
        row.addWidget(self.title, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)

    def fill_years(self) -> None:
        current = self.year.currentData()
        self.year.blockSignals(True)
        self.year.clear()
        for year in volume_years(self.archive.conn):
            self.year.addItem(str(year), year)
        self.year.setCurrentIndex(max(0, self.year.findData(current)))
        self.year.blockSignals(False)
        self.refresh()

    def refresh(self) -> None:
        year = self.year.currentData()
        if year is None:
            return
        rules = ka_rewards.load()
        ranked = ka_volumes.ranking(self.archive.conn, year, rules.ranking_size)
        self.title.setText(self.tr("{title} {year}: accounts by the year's volume; equal volumes share a rank.")
                           .format(title=rules.ranking_title(), year=year))
        top = self.tr("★ {title}").format(title=rules.ranking_title())
        rows = []
        for r in ranked:
            standing = ka_rewards.standing(r.volume, rules)
            rows.append((r.rank, r.name, ka.scope_label(r.scope), number_text(r.volume), number_text(r.target),
                         standing.reached.label() if standing.reached else "-", top if r.in_top else ""))
        self.table.set_rows([self.tr("Rank"), self.tr("Key account"), self.tr("Type"),
                             self.tr("Volume ({unit})").format(unit=rules.unit()), self.tr("Target"),
                             self.tr("Reward tier"), self.tr("Honour")], rows, [r.account_id for r in ranked])


class KeyAccountsPage(QWidget):
    """The area: the accounts with each one's page, and the yearly ranking."""

    def __init__(self, archive: Archive, language: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("key_accounts_page")
        self.archive = archive
        operations.changes_of(archive).changed.connect(self.on_changes)
        self.search = QLineEdit(self)
        self.search.setObjectName("ka_search")
        self.search.setPlaceholderText(self.tr("Search key accounts (name, channel, head office)"))
        self.search.setClearButtonEnabled(True)
        new = named_button(self, self.tr("&New key account…"), "new_account", self.new_account)
        self.delete_button = named_button(self, self.tr("De&lete…"), "delete_account", self.delete_account)
        self.model = RecordsModel(parent=self)
        self.proxy = NameFilterProxy(self, person=False)      # pinyin search and order
        self.proxy.setSourceModel(self.model)
        self.search.textChanged.connect(self.proxy.set_query)
        self.list = table_view(self, "ka_list")
        self.list.setModel(self.proxy)
        self.list.setSortingEnabled(True)
        # Qt's header starts at "descending" (鑫隆 before 吉祥): the list opens A to Z, by pinyin.
        self.list.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.list.selectionModel().currentRowChanged.connect(lambda *_: self._chosen())
        self.ids: list[int] = []
        self.empty = QLabel(self.tr("No key accounts yet. A key account (KA) is a retail chain served at its head "
                                    "office: create one with New key account, then add its stores, contacts, team "
                                    "and commitments."), self)
        self.empty.setWordWrap(True)
        self.account = AccountView(archive, self)
        self.account.changed.connect(self.refresh)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(forms.buttons(self, new, self.delete_button))
        left_layout.addWidget(self.search)
        left_layout.addWidget(self.list, 1)
        left_layout.addWidget(self.empty)
        self.splitter = QSplitter(self)
        self.splitter.setObjectName("ka_splitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.account)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([self.fontMetrics().horizontalAdvance("M") * 42, 1000])
        self.ranking = RankingView(archive, self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.splitter, self.tr("Accounts"))
        self.tabs.addTab(self.ranking, self.tr("Ranking"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self.refresh()

    def current_id(self) -> int | None:
        index = self.list.currentIndex()
        if not index.isValid():
            return None
        row = self.proxy.mapToSource(index).row()
        return self.ids[row] if row < len(self.ids) else None

    def refresh(self, select: int | None = None) -> None:
        select = select if select is not None else self.current_id()
        conn = self.archive.conn
        rules = ka_rewards.load()
        year = date.today().year
        last = sc.last_scores(conn)
        counts = ka.store_counts(conn)
        found = ka.accounts(conn)
        rows = []
        for a in found:
            total = ka_volumes.year_total(ka_volumes.volumes(conn, a.id, year), year)
            standing = ka_rewards.standing(total.volume, rules)
            day, score = last.get(a.id, (None, None))
            rows.append((a.name, ka.scope_label(a.scope), a.channel or "", counts.get(a.id, 0),
                         number_text(total.volume or 0),
                         standing.reached.label() if standing.reached else "-",
                         f"{sc.score_text(score)} ({day})" if day else "", a.head_office or ""))
        self.ids = [a.id for a in found]
        self.model.set_rows([self.tr("Key account"), self.tr("Type"), self.tr("Channel"), self.tr("Stores"),
                             self.tr("Volume {year}").format(year=year), self.tr("Reward tier"),
                             self.tr("Last check"), self.tr("Head office")], rows)
        fit_columns(self.list, self.fontMetrics().horizontalAdvance("M") * 14)
        self.empty.setVisible(not found)
        self.delete_button.setEnabled(bool(found))
        if found:
            wanted = self.ids.index(select) if select in self.ids else 0
            self.list.selectRow(self.proxy.mapFromSource(self.model.index(wanted, 0)).row())
        else:
            self.account.show_account(None)
        self.ranking.fill_years()

    def _chosen(self) -> None:
        account_id = self.current_id()
        if account_id != self.account.account_id:
            self.account.show_account(account_id)

    def new_account(self) -> None:
        account_id = AccountDialog.edit(self, self.archive)
        if account_id is not None:
            self.refresh(account_id)
            self.account.show_account(account_id)

    def delete_account(self) -> None:
        account_id = self.current_id()
        if account_id is None:
            return
        name = ka.get_account(self.archive.conn, account_id).name
        if confirm(self, self.tr("Delete key account"), self.tr(
                "Delete {name} with its stores, contacts, team, commitments, store checks and volumes?").format(
                name=name)) and self._delete(account_id):
            self.account.account_id = None
            self.refresh()

    def _delete(self, account_id: int) -> bool:
        by = settings.user_name()
        return write_or_show(self, self.archive, lambda conn: ka.delete_account(conn, account_id, by))

    def mark_stale(self) -> None:
        self.refresh()

    def on_changes(self, changes: Changes) -> None:
        if changes.touches(Changes.CUSTOMERS, Changes.CONTACTS):
            self.mark_stale()

    def save_state(self) -> None:
        """Nothing beyond the window's splitters to keep."""

