"""The Customers area: saved views on the left, the filter bar and the list on the right."""
from __future__ import annotations

import shiboken6
from PySide6.QtCore import QItemSelectionModel, QPoint, Qt, Signal
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (QAbstractItemView, QFrame, QHBoxLayout, QHeaderView, QLabel, QListWidget,
                               QListWidgetItem, QMenu, QPushButton, QScrollArea, QSizePolicy, QSplitter,
                               QTableView, QVBoxLayout, QWidget)

from gui.customers import columns as cols
from gui.common.icons import icon
from gui.customers.customer_filters import FilterBar
from gui.common import operations
from gui.common.operations import Changes
from model.customers.customer_filters import (CustomerFilter, SavedView, customer_count, filter_choices, load_views,
                                              remove_view, store_view)
from gui.customers.customer_table import CustomerTableModel
from gui.common.tasks import TaskHandle, run_task
from model.archive.database import Archive


class CustomerPage(QWidget):
    selection_changed = Signal()
    activated = Signal(int)            # a customer id: double-click
    counts_changed = Signal(int, int)  # shown, total
    lists_loaded = Signal()            # view counts and filter choices are current
    clear_search_requested = Signal()  # the "nothing found" note's button: the window clears its search

    def __init__(self, archive: Archive, language: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("customers_page")
        self._archive = archive
        operations.changes_of(archive).changed.connect(self.on_changes)
        conn = archive.conn
        self.columns = cols.customer_columns(language)
        self.model = CustomerTableModel(conn, self.columns, self, reader=archive.reader)
        self.model.busy_changed.connect(self._show_busy)

        self.views = QListWidget()
        self.views.setObjectName("views")
        self.views.setAccessibleName(self.tr("Saved views"))
        self.views.currentItemChanged.connect(self._view_chosen)
        self.views.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.views.customContextMenuRequested.connect(self._views_menu)
        views_title = QLabel(self.tr("Views"))
        views_title.setBuddy(self.views)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(views_title)
        left_layout.addWidget(self.views)

        self.filter_bar = FilterBar(language)
        self.filter_bar.changed.connect(self._filter_changed)

        self.table = QTableView()
        self.table.setObjectName("customer_table")
        self.table.setAccessibleName(self.tr("Customers"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)   # Tab leaves the list, as elsewhere
        self.table.verticalHeader().hide()
        rows = self.table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # uniform rows: fast at 100k
        rows.setDefaultSectionSize(QFontMetrics(self.table.font()).height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionsMovable(True)
        header.setHighlightSections(False)
        header.setSortIndicatorClearable(True)
        header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        header.setDefaultSectionSize(QFontMetrics(self.table.font()).horizontalAdvance("M") * 9)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._header_menu)
        self.table.setSortingEnabled(True)
        self.table.doubleClicked.connect(self._double_clicked)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self.selection_changed.emit())
        self.model.modelAboutToBeReset.connect(self._before_reset)
        self.model.modelReset.connect(self._after_reset)
        self._apply_columns(cols.load_choice(self.columns))

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        # On a narrow screen the filter bar scrolls sideways instead of widening the window.
        bar_area = QScrollArea()
        bar_area.setWidget(self.filter_bar)
        bar_area.setWidgetResizable(True)
        bar_area.setFrameShape(QFrame.Shape.NoFrame)
        bar_area.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        bar_area.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        bar_area.setFixedHeight(self.filter_bar.sizeHint().height()
                                + bar_area.horizontalScrollBar().sizeHint().height())
        right_layout.addWidget(bar_area)
        # Said when a search or the filters leave the list empty, with the way back.
        self.empty_note = QWidget()
        self.empty_note.setObjectName("empty_note")
        note_layout = QHBoxLayout(self.empty_note)
        note_layout.setContentsMargins(4, 4, 4, 4)
        self.empty_label = QLabel()
        self.empty_label.setObjectName("empty_label")
        self.empty_label.setWordWrap(True)
        self.clear_all_button = QPushButton(self.tr("Clear the search and filters"))
        self.clear_all_button.setObjectName("clear_all")
        self.clear_all_button.clicked.connect(self.clear_search_and_filters)
        note_layout.addWidget(self.empty_label, 1)
        note_layout.addWidget(self.clear_all_button)
        self.empty_note.hide()
        right_layout.addWidget(self.empty_note)
        right_layout.addWidget(self.table, 1)
        self.splitter = QSplitter()
        self.splitter.setObjectName("customers_splitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([self.views_width(), 900])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.addWidget(self.splitter)
        self.setFocusProxy(self.table)
        self._keep_id: int | None = None
        self._lists_task: TaskHandle | None = None
        self._load_views()
        self.load_lists()

    def views_width(self) -> int:
        """Wide enough for every view's title with a six-digit count."""
        metrics = self.views.fontMetrics()
        widest = max((metrics.horizontalAdvance(f"{self._view_title(v)}  (100,000)")
                      for v in load_views()), default=100)
        return widest + self.views.iconSize().width() + 4 * metrics.height()

    # -- columns --------------------------------------------------------------
    def _apply_columns(self, choice: list[cols.ColumnChoice]) -> None:
        cols.apply_choice(self.table.horizontalHeader(), self.columns, choice)

    def add_grade_features(self, columns: list[cols.Column], grade_menu: QWidget) -> None:
        """The grade columns and the grades filter menu, once grading is loaded."""
        self.model.add_columns(columns)
        self.columns = self.model.columns
        self._apply_columns(cols.load_choice(self.columns))
        self.filter_bar.add_grade_menu(grade_menu)

    def column_choice(self) -> list[cols.ColumnChoice]:
        return cols.read_choice(self.table.horizontalHeader(), self.columns)

    def choose_columns(self) -> None:
        chosen = cols.ColumnChooser.ask(self, self.columns, self.column_choice())
        if chosen is not None:
            self._apply_columns(chosen)
            cols.save_choice(self.column_choice())

    def _header_menu(self, pos: QPoint) -> None:
        header = self.table.horizontalHeader()
        menu = QMenu(self)
        for logical, column in enumerate(self.columns):
            action = menu.addAction(column.header)
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(logical))
            action.toggled.connect(lambda on, i=logical: self._toggle_column(i, on))
        menu.addSeparator()
        menu.addAction(icon("columns"), self.tr("Choose columns…"), self.choose_columns)
        menu.exec(header.mapToGlobal(pos))

    def _toggle_column(self, logical: int, shown: bool) -> None:
        header = self.table.horizontalHeader()
        if not shown and header.count() - header.hiddenSectionCount() <= 1:
            return   # keep at least one column
        header.setSectionHidden(logical, not shown)
        cols.save_choice(self.column_choice())

    def save_state(self) -> None:
        self._fit_deleted_names(False)     # the user's width, not the one for deleted hits
        cols.save_choice(self.column_choice())

    # -- views and filters ------------------------------------------------------
    def _view_title(self, view: SavedView) -> str:
        if view.builtin == "all":
            return self.tr("All customers")
        if view.builtin == "red_list":
            return self.tr("Red list (no phone)")
        return view.name

    def _load_views(self, select: str | None = None) -> None:
        self.views.blockSignals(True)
        self.views.clear()
        for view in load_views():
            item = QListWidgetItem(icon("red-list" if view.builtin == "red_list" else "view"),
                                   self._view_title(view))
            item.setData(Qt.ItemDataRole.UserRole, view)
            if view.builtin:
                item.setToolTip(self.tr("Built in"))
            self.views.addItem(item)
        self.views.blockSignals(False)
        self._select_matching_view(select)

    def busy(self) -> bool:
        return self.model.busy() or (self._lists_task is not None
                                     and not self._lists_task.finished)

    def on_changes(self, changes: Changes) -> None:
        """A change notice: the list reads its rows again when customers (or their grades) changed."""
        if changes.touches(Changes.CUSTOMERS, Changes.GRADES):
            self.refresh(data_changed=True)

    def _show_busy(self, busy: bool) -> None:
        if busy:
            self.table.viewport().setCursor(Qt.CursorShape.BusyCursor)
        else:
            self.table.viewport().unsetCursor()

    def load_lists(self) -> TaskHandle:
        """Count each view's customers and list the areas and managers for the filter
        bar, in the background (they are not needed for the first paint)."""
        archive = self._archive
        views = [self.views.item(r).data(Qt.ItemDataRole.UserRole)
                 for r in range(self.views.count())]

        def work(progress):
            conn = archive.reader()
            try:
                return [customer_count(conn, view.filter) for view in views], filter_choices(conn)
            finally:
                conn.close()

        def done(result) -> None:
            if not shiboken6.isValid(self):
                return   # the archive was closed meanwhile
            counts, choices = result
            self.filter_bar.set_choices(*choices)
            for row, count in enumerate(counts):
                item = self.views.item(row)
                if item is None:
                    break
                view: SavedView = item.data(Qt.ItemDataRole.UserRole)
                item.setText(f"{self._view_title(view)}  ({self.locale().toString(count)})")
            self.lists_loaded.emit()
        # No parent: the page may be closed before the work ends.
        self._lists_task = run_task(None, work, on_success=done)
        return self._lists_task

    def current_view(self) -> SavedView | None:
        item = self.views.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def _select_matching_view(self, name: str | None = None) -> None:
        flt = self.model.current_filter()
        self.views.blockSignals(True)
        self.views.setCurrentRow(-1)
        for row in range(self.views.count()):
            view: SavedView = self.views.item(row).data(Qt.ItemDataRole.UserRole)
            if view.filter == flt and (name is None or view.name == name):
                self.views.setCurrentRow(row)
                break
        self.views.blockSignals(False)
        self.selection_changed.emit()

    def _view_chosen(self, item: QListWidgetItem | None, _previous=None) -> None:
        if item is None:
            return
        view: SavedView = item.data(Qt.ItemDataRole.UserRole)
        self.filter_bar.set_filter(view.filter)
        self.model.set_filter(view.filter)
        if view.sort is not None:
            self.model.set_sort(*view.sort)
            self._show_sort_indicator()
        self.selection_changed.emit()

    def _filter_changed(self, flt: CustomerFilter) -> None:
        self.model.set_filter(flt)
        view = self.current_view()
        if view is None or view.filter != flt:
            self._select_matching_view()

    def apply_view(self, view: SavedView) -> None:
        for row in range(self.views.count()):
            if self.views.item(row).data(Qt.ItemDataRole.UserRole) == view:
                self.views.setCurrentRow(row)
                return

    def save_view(self, name: str) -> SavedView:
        view = SavedView(name, self.model.current_filter(), self.model.sort_key())
        store_view(view)
        self._load_views(select=name)
        self.load_lists()
        return view

    def delete_view(self) -> None:
        view = self.current_view()
        if view is not None and not view.builtin:
            remove_view(view.name)
            self._load_views()
            self.load_lists()

    def _views_menu(self, pos: QPoint) -> None:
        item = self.views.itemAt(pos)
        view = item.data(Qt.ItemDataRole.UserRole) if item else None
        if view is None or view.builtin:
            return
        menu = QMenu(self)
        menu.addAction(self.tr("Delete this view"), lambda: (self.views.setCurrentItem(item),
                                                             self.delete_view()))
        menu.exec(self.views.mapToGlobal(pos))

    # -- the list -----------------------------------------------------------------
    def _show_sort_indicator(self) -> None:
        key = self.model.sort_key()
        header = self.table.horizontalHeader()
        header.blockSignals(True)
        if key is None:
            header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        else:
            index = [c.key for c in self.columns].index(key[0])
            header.setSortIndicator(index, Qt.SortOrder.DescendingOrder if key[1]
                                    else Qt.SortOrder.AscendingOrder)
        header.blockSignals(False)

    def set_search(self, ranked_ids: list[int] | None, deleted: list[int] = ()) -> None:
        """Show search hits in rank order, or (None) the normal list again; ``deleted``
        are deleted customers among the hits (greyed, marked)."""
        was = self.model.searching()
        if ranked_ids is not None and not was:
            self._sort_before_search = self.model.sort_key()
            self.model.set_search(ranked_ids, deleted)
            self.model.set_sort(None)
        elif ranked_ids is not None:
            self.model.set_search(ranked_ids, deleted)
        elif was:
            self.model.set_search(None)
            before = getattr(self, "_sort_before_search", None)
            self.model.set_sort(*(before or ("name", False)))
        self._show_sort_indicator()
        self._fit_deleted_names(bool(ranked_ids and deleted))
        if ranked_ids and self.model.rowCount():
            self.table.selectRow(0)
        self._update_empty_note()

    def _fit_deleted_names(self, shown: bool) -> None:
        """Deleted hits read "张丽 (deleted)": the name column grows to show it whole while
        they are shown, and goes back to the user's width after."""
        column = [c.key for c in self.columns].index("name")
        header = self.table.horizontalHeader()
        before = getattr(self, "_name_width_before", None)
        if shown:
            wanted = self.table.sizeHintForColumn(column)
            if wanted > header.sectionSize(column):
                if before is None:
                    self._name_width_before = header.sectionSize(column)
                header.resizeSection(column, wanted)
        elif before is not None:
            header.resizeSection(column, before)
            self._name_width_before = None

    def refresh(self, data_changed: bool = True) -> None:
        self.model.refresh(data_changed=data_changed)
        if data_changed:
            self.load_lists()

    def _after_reset(self) -> None:
        # Keep the customer the user was on, when it is still shown.
        if self._keep_id is not None:
            self.select_customer(self._keep_id)
        self.counts_changed.emit(self.model.rowCount(), self.model.total())
        self.selection_changed.emit()
        self._update_empty_note()

    def _update_empty_note(self) -> None:
        searching = self.model.searching()
        filtered = not self.filter_bar.filter().is_empty()
        if self.model.rowCount() or not (searching or filtered):
            self.empty_note.hide()
            return
        if searching and filtered:
            text = self.tr("No customer matches the search with these filters.")
        elif searching:
            text = self.tr("No customer matches the search.")
        else:
            text = self.tr("No customer matches these filters.")
        self.empty_label.setText(text)
        self.empty_note.show()

    def clear_search_and_filters(self) -> None:
        self.clear_search_requested.emit()
        if not self.filter_bar.filter().is_empty():
            self.filter_bar.set_filter(CustomerFilter(), emit=True)
        self._update_empty_note()

    def _before_reset(self) -> None:
        self._keep_id = self.current_id()

    def select_customer(self, customer_id: int) -> bool:
        row = self.model.row_of(customer_id)
        if row is None:
            return False
        index = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)
        self.table.scrollTo(index)
        return True

    def selected_ids(self) -> list[int]:
        """The selected customers, deleted ones left out (they are only to open)."""
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [i for i in (self.model.customer_id(r) for r in rows if not self.model.is_deleted(r))
                if i is not None]

    def current_id(self) -> int | None:
        """The selected customer when exactly one is selected."""
        ids = self.selected_ids()
        return ids[0] if len(ids) == 1 else None

    def row_id(self) -> int | None:
        """The customer of the one selected row, a deleted one included (to open)."""
        rows = {i.row() for i in self.table.selectionModel().selectedRows()}
        return self.model.customer_id(rows.pop()) if len(rows) == 1 else None

    def _double_clicked(self, index) -> None:
        customer_id = self.model.customer_id(index.row())
        if customer_id is not None:
            self.activated.emit(customer_id)
