"""Where the user was when the window locked (gui/main_window/app_lock.py), and putting
it back after unlocking: the area, the list's view, filter, sort, search, selection and
scroll position, the editor's unsaved edits (kept in memory only)."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

import shiboken6
from PySide6.QtCore import QItemSelection, QItemSelectionModel, QObject, Qt, QTimer
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QTableWidget, QTreeWidget

RESTORE_PATIENCE_MS = 8000  # the list is put back by then even if a signal never came


@dataclass
class EditorDraft:
    """The customer editor as it was: which customer, and the edits not yet saved."""
    customer_id: int | None
    values: dict[str, Any]
    tab: int = 0


@dataclass
class WhereYouWere:
    path: Path
    encrypted: bool
    reason: str                                   # "idle" or "manual"
    area: str | None = None
    view: Any = None                              # the saved view selected (SavedView)
    filter: Any = None                            # CustomerFilter
    sort: tuple[str, bool] | None = None          # the list's sort (before any search)
    search: str = ""
    selected: list[int] = field(default_factory=list)
    current: int | None = None
    scroll: tuple[int, int] = (0, 0)
    visits_tab: int | None = None
    plan_id: int | None = None
    visit_id: int | None = None
    marketing_tab: int | None = None
    editor: EditorDraft | None = None


def capture(window, reason: str) -> WhereYouWere:
    """What the window shows now, to put back after unlocking."""
    archive = window.archive
    row = window.nav.currentRow()
    where = WhereYouWere(archive.path, archive.encrypted, reason,
                         area=window.areas[row].key if 0 <= row < len(window.areas) else None)
    page = window.page()
    if page is not None:
        model = page.model
        where.view = page.current_view()
        where.filter = model.current_filter()
        where.sort = (getattr(page, "_sort_before_search", None) if model.searching()
                      else model.sort_key())
        where.search = window.search_field.text() if window.search_field is not None else ""
        where.selected = page.selected_ids()
        current = page.table.currentIndex()
        where.current = model.customer_id(current.row()) if current.isValid() else None
        where.scroll = (page.table.verticalScrollBar().value(),
                        page.table.horizontalScrollBar().value())
    visits = window.pages.get("visits")
    if visits is not None and hasattr(visits, "plans"):
        where.visits_tab = visits.tabs.currentIndex()
        plan = visits.plans.plan
        where.plan_id = plan.id if plan is not None else None
        visit = visits.plans.current_visit()
        where.visit_id = visit.id if visit is not None else None
    marketing = window.pages.get("marketing")
    if marketing is not None and hasattr(marketing, "tabs"):
        where.marketing_tab = marketing.tabs.currentIndex()
    return where


def once(signal, slot: Callable[[], None]) -> None:
    """Call ``slot`` the next time ``signal`` fires, then forget it."""
    def fire(*_args) -> None:
        signal.disconnect(fire)
        slot()
    signal.connect(fire)


class Restorer(QObject):
    """Puts the customer list back as it was once the reopened window has settled: the
    grade columns loaded (a sort may be on one), the search ready, the list's rows read."""

    def __init__(self, window, where: WhereYouWere, then: Callable[[], None]):
        super().__init__(window)
        self.window, self.where, self.then = window, where, then
        self.page = window.page()
        self.columns_ready = False
        self.search_ready = False
        self.list_set = False
        self.searched = not where.search or window.search_field is None
        self.finished = False
        window.deferred_loaded.connect(self._columns_loaded)
        window.search_ready.connect(self._search_loaded)
        window.search_done.connect(self._search_finished)
        self.page.model.modelReset.connect(self._step)
        self.page.model.busy_changed.connect(self._step)
        self._patience = QTimer(self)
        self._patience.setSingleShot(True)
        self._patience.timeout.connect(self._give_up_waiting)
        self._patience.start(RESTORE_PATIENCE_MS)

    def _columns_loaded(self) -> None:
        self.columns_ready = True
        self._step()

    def _search_loaded(self) -> None:
        self.search_ready = True
        self._step()

    def _search_finished(self) -> None:
        if self.list_set and self.search_ready and self.window.search_field is not None \
                and self.window.search_field.text() == self.where.search:
            self.searched = True
        self._step()

    def _give_up_waiting(self) -> None:
        self.columns_ready = self.search_ready = self.searched = True
        self._step()

    def _step(self, *_args) -> None:
        if self.finished or not shiboken6.isValid(self.page):
            return
        if self.columns_ready and not self.list_set:
            self.list_set = True
            self._set_list()
        if self.list_set and self.search_ready and self.where.search \
                and self.window.search_field is not None \
                and self.window.search_field.text() != self.where.search:
            self.window.search_field.setText(self.where.search)   # searched after its delay
        if self.list_set and self.searched and not self.page.model.busy():
            self.finished = True
            self._patience.stop()
            self._set_selection()
            self.then()
            self.deleteLater()

    def _set_list(self) -> None:
        page, where = self.page, self.where
        if where.view is not None:
            page.apply_view(where.view)
        if where.filter is not None:
            page.filter_bar.set_filter(where.filter, emit=True)
        keys = [c.key for c in page.columns]
        if where.sort is not None and where.sort[0] in keys:
            page.table.sortByColumn(keys.index(where.sort[0]), Qt.SortOrder.DescendingOrder
                                    if where.sort[1] else Qt.SortOrder.AscendingOrder)

    def _set_selection(self) -> None:
        page, where = self.page, self.where
        model, table = page.model, page.table
        wanted = set(where.selected)
        if len(wanted) > 20:
            rows = [r for r in range(model.rowCount()) if model.customer_id(r) in wanted]
        else:
            rows = sorted(r for r in (model.row_of(i) for i in wanted) if r is not None)
        selection = QItemSelection()
        last = model.columnCount() - 1
        for row in rows:
            selection.select(model.index(row, 0), model.index(row, last))
        flags = QItemSelectionModel.SelectionFlag
        table.selectionModel().select(selection, flags.ClearAndSelect | flags.Rows)
        current = model.row_of(where.current) if where.current is not None else None
        if current is not None:
            table.selectionModel().setCurrentIndex(model.index(current, 0), flags.NoUpdate)
        vertical, horizontal = where.scroll
        table.verticalScrollBar().setValue(vertical)
        table.horizontalScrollBar().setValue(horizontal)
        if where.area == "customers":
            table.setFocus(Qt.FocusReason.OtherFocusReason)


def detach(view: QAbstractItemView) -> None:
    """Empty a view of a page about to be deleted, without its handlers running."""
    selection = view.selectionModel()
    for sender in (view, selection):
        if sender is not None:
            sender.blockSignals(True)
    if isinstance(view, (QListWidget, QTableWidget, QTreeWidget)):
        view.clear()           # they own their model
    else:
        view.setModel(None)
