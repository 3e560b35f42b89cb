"""The Managers area (归户 and book size, ``model.customers.books``): each manager's book against the
reasonable standard of the rules data (500-800, seed 002) with its tier mix; the chosen
book's customers; and the hand-over of the customers chosen, or of the whole book, to
another manager (one transaction, with the customers' history and an audit entry)."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDialog, QDialogButtonBox, QFormLayout,
                               QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QSplitter,
                               QVBoxLayout, QWidget)

from gui.common import operations
from gui.common.lazy_load import LoadsWhenShown
from gui.common.operations import Changes, run_write
from gui.common.tasks import TaskHandle, run_task, show_error
from gui.common.widgets import NameFilterProxy, RecordsModel, fit_columns, records_view
from model.customers import books
from model.core import settings
from model.archive.database import Archive


class HandoverDialog(QDialog):
    """Whom the customers go to: ``HandoverDialog.ask(parent, old, count, managers) -> str | None``."""

    def __init__(self, parent: QWidget | None, old: str, count: int, managers: list[str]):
        super().__init__(parent)
        self.setObjectName("handover_dialog")
        self.setWindowTitle(self.tr("Hand customers over"))
        self.old = old
        self.to = QComboBox(self)
        self.to.setObjectName("handover_to")
        self.to.setEditable(True)
        self.to.addItems([m for m in managers if m != old])
        self.to.setCurrentIndex(-1)
        self.to.lineEdit().setPlaceholderText(self.tr("a manager's name"))
        who = old or self.tr("(no manager)")
        self.summary = QLabel(self.tr("{count} customers of {name} go to the manager you name. Each "
                                      "customer's history and the audit trail record the hand-over.")
                              .format(count=count, name=who), self)
        self.summary.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Hand over"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.to.currentTextChanged.connect(self._update)
        form = QFormLayout()
        form.addRow(self.tr("&To manager:"), self.to)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 36)
        self._update()

    def _update(self, *_args) -> None:
        name = self.to.currentText().strip()
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(name) and name != self.old)

    def manager(self) -> str:
        return self.to.currentText().strip()

    @classmethod
    def ask(cls, parent: QWidget | None, old: str, count: int, managers: list[str]) -> str | None:
        dialog = cls(parent, old, count, managers)
        return dialog.manager() if dialog.exec() == QDialog.DialogCode.Accepted else None


class ManagersPage(LoadsWhenShown, QWidget):
    customers_changed = Signal()        # a hand-over moved customers: the list reads them again
    loaded = Signal()

    def __init__(self, archive: Archive, language: str = "en", parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("managers_page")
        self.archive = archive
        operations.changes_of(archive).changed.connect(self.on_changes)
        self.task: TaskHandle | None = None
        self.books: list[books.Book] = []
        self.members: list[dict] = []
        self.rule = QLabel(books.standard_sentence(), self)
        self.rule.setObjectName("managers_rule")
        self.rule.setWordWrap(True)

        self.books_model = RecordsModel(parent=self)
        self.books_view = records_view(self.books_model)
        self.books_view.setObjectName("managers_books")
        self.books_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.books_view.selectionModel().currentRowChanged.connect(lambda *_: self._show_book())
        books_box = QGroupBox(self.tr("Books"), self)
        column = QVBoxLayout(books_box)
        column.addWidget(self.books_view)

        self.members_model = RecordsModel(parent=self)
        self.proxy = NameFilterProxy(self)
        self.proxy.setSourceModel(self.members_model)
        self.members_view = records_view(self.proxy)
        self.members_view.setObjectName("managers_customers")
        self.members_view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.members_view.setSortingEnabled(True)
        self.members_view.sortByColumn(0, Qt.SortOrder.AscendingOrder)     # pinyin order (Qt starts descending)
        self.members_view.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.filter = QLineEdit(self)
        self.filter.setObjectName("managers_filter")
        self.filter.setPlaceholderText(self.tr("Find in this book: name, pinyin, phone"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self.proxy.set_query)
        self.hand_chosen = QPushButton(self.tr("Hand over the &chosen…"), self)
        self.hand_chosen.setObjectName("handover_chosen")
        self.hand_chosen.clicked.connect(lambda: self.hand_over(chosen=True))
        self.hand_book = QPushButton(self.tr("Hand over the &whole book…"), self)
        self.hand_book.setObjectName("handover_book")
        self.hand_book.clicked.connect(lambda: self.hand_over(chosen=False))
        self.members_box = QGroupBox(self)
        right = QVBoxLayout(self.members_box)
        right.addWidget(self.filter)
        right.addWidget(self.members_view, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.hand_chosen)
        buttons.addWidget(self.hand_book)
        buttons.addStretch(1)
        right.addLayout(buttons)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(books_box)
        splitter.addWidget(self.members_box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        self.status = QLabel(self)
        self.status.setObjectName("managers_status")
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.addWidget(self.rule)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status)
        self.setFocusProxy(self.books_view)
        self._update_buttons()

    # -- reading -----------------------------------------------------------------
    def load(self) -> TaskHandle | None:
        if self.busy():
            return None
        archive = self.archive

        def work(progress):
            conn = archive.reader()
            try:
                return books.books(conn)
            finally:
                conn.close()
        self.task = run_task(self, work, on_success=self._loaded, on_failure=self._failed, cancellable=False)
        return self.task

    def _failed(self, exc: BaseException) -> None:
        if self.isVisible():
            show_error(self, exc)
        self.loaded.emit()

    def _name(self, manager: str) -> str:
        return manager or self.tr("(no manager)")

    def _loaded(self, found: list[books.Book]) -> None:
        chosen = self.current_book()
        self.books = found
        std = books.standard()
        headers = [self.tr("Manager"), self.tr("Customers"), self.tr("Standard {low}-{high}").format(
            low=std.low, high=std.high), *(self.tr("Tier {tier}").format(tier=t) for t in std.tiers),
            self.tr("Ungraded")]
        rows = []
        for book in found:
            ungraded = sum(n for t, n in book.tiers.items() if t not in std.tiers)
            rows.append([self._name(book.manager), book.size,
                         books.status_text(book.status, std) if book.manager else self.tr("to hand over"),
                         *(book.tiers.get(t, 0) for t in std.tiers), ungraded])
        self.books_model.set_rows(headers, rows)
        fit_columns(self.books_view, 200)
        names = [b.manager for b in found]
        row = names.index(chosen.manager) if chosen is not None and chosen.manager in names else 0
        if found:
            self.books_view.setCurrentIndex(self.books_model.index(row, 0))
        self._show_book()
        self.loaded.emit()

    def current_book(self) -> books.Book | None:
        index = self.books_view.currentIndex()
        return self.books[index.row()] if index.isValid() and index.row() < len(self.books) else None

    def _show_book(self) -> None:
        book = self.current_book()
        self.members = books.book_customers(self.archive.conn, book.manager) if book is not None else []
        self.members_model.set_rows(
            [self.tr("Customer"), self.tr("Phone"), self.tr("Area"), self.tr("Tier")],
            [[m["name"], m["phone"] or "", m["area"] or "", m["tier"] or ""] for m in self.members])
        fit_columns(self.members_view, 180)
        self.members_box.setTitle(self.tr("Customers of {name} ({count})").format(
            name=self._name(book.manager), count=len(self.members)) if book is not None else self.tr("Customers"))
        self._update_buttons()

    def chosen_ids(self) -> list[int]:
        rows = sorted({self.proxy.mapToSource(i).row() for i in self.members_view.selectionModel().selectedRows()})
        return [self.members[r]["id"] for r in rows if r < len(self.members)]

    def _update_buttons(self) -> None:
        idle = not self.busy()
        self.hand_chosen.setEnabled(idle and bool(self.chosen_ids()))
        self.hand_book.setEnabled(idle and bool(self.members))

    # -- the hand-over -----------------------------------------------------------------
    def hand_over(self, chosen: bool, to: str | None = None) -> TaskHandle | None:
        """Hand the chosen customers (or the whole book) over; ``to`` skips the dialog."""
        book = self.current_book()
        if book is None or self.busy():
            return None
        ids = self.chosen_ids() if chosen else None
        count = len(ids) if ids is not None else book.size
        if not count:
            return None
        if to is None:
            to = HandoverDialog.ask(self, book.manager, count, [b.manager for b in self.books if b.manager])
            if not to:
                return None
        archive, old, by = self.archive, book.manager, settings.user_name()


        def done(result: books.Handover) -> None:
            self.status.setText(self.tr("{count} customers handed over from {old} to {new}.").format(
                count=result.count, old=self._name(result.from_manager), new=result.to_manager))
            self.task = None
            self.customers_changed.emit()
            self.load()

        def failed(exc: BaseException) -> None:
            self.task = None
            self._update_buttons()
            show_error(self, exc)
        self.task = run_write(self, lambda conn, progress: books.handover(conn, old, to, customer_ids=ids, by=by,
                                                                          progress=progress),
                              Changes.of(Changes.CUSTOMERS, ids=ids), archive=archive, on_success=done,
                              on_failure=failed, title=self.tr("Handing the customers over"))
        self._update_buttons()
        return self.task
