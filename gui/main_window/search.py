"""The main window's customer search: the toolbar's field, "Deleted too", the index
prepared in the background, and the keys (Esc clears; the window's shortcuts pass).

:class:`SearchBox` is a part of :class:`gui.main_window.main_window.MainWindow` (a base
of it): it uses the window's ``archive``, ``page()``, ``_actions``, ``_track`` and
``_update_status``; the window declares its ``search_done`` and ``search_ready`` signals.
"""
from __future__ import annotations

import importlib
import importlib.util

import shiboken6
from PySide6.QtCore import QEvent, QLocale, Qt, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QCheckBox, QLineEdit, QSizePolicy, QToolBar, QWidget

from gui.common.tasks import run_task, show_error
from gui.common.icons import icon
from model.core.i18n import translate
from model.customers import customers


class SearchBox:
    """The search part of the main window."""

    SEARCH_DELAY_MS = 150

    def _build_search(self, bar: QToolBar) -> None:
        """The search field (and "Deleted too") at the toolbar's right end."""
        self.search_field: QLineEdit | None = None
        if self._search_available:
            spacer = QWidget()
            spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
            bar.addWidget(spacer)
            field = QLineEdit()
            field.setObjectName("search_field")
            field.setClearButtonEnabled(True)
            field.setPlaceholderText(translate("MainWindow", "Search: name, pinyin, phone digits, area"))
            field.setAccessibleName(translate("MainWindow", "Search customers"))
            field.setToolTip(translate("MainWindow", "Search as you type ({keys}); Enter goes to the list, "
                                                     "Esc clears").format(
                keys=QKeySequence(QKeySequence.StandardKey.Find).toString(
                    QKeySequence.SequenceFormat.NativeText)))
            field.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
            field.setMinimumWidth(field.fontMetrics().horizontalAdvance("M") * 22)
            field.setEnabled(False)
            self._search_timer = QTimer(self)
            self._search_timer.setSingleShot(True)
            self._search_timer.setInterval(self.SEARCH_DELAY_MS)
            self._search_timer.timeout.connect(self._run_search)
            field.textChanged.connect(lambda _text: self._search_timer.start())
            field.returnPressed.connect(self._search_to_list)
            field.installEventFilter(self)
            bar.addWidget(field)
            self.search_field = field
            # The deleted customers too (issue 17): greyed and marked, opened to restore.
            self.search_deleted = QCheckBox(translate("MainWindow", "Deleted too"))
            self.search_deleted.setObjectName("search_deleted")
            self.search_deleted.setToolTip(translate("MainWindow", "The search also finds deleted customers: "
                                                                   "they show greyed, marked deleted; open one "
                                                                   "to restore it"))
            self.search_deleted.toggled.connect(lambda _on: self._run_search())
            bar.addWidget(self.search_deleted)

    def _prepare_search(self) -> None:
        """Bring the search index up to date and load the searcher, in the background.

        Importing the search (pinyin dictionaries), indexing customers that wait
        for it and loading the index all happen in a worker with its own
        connection; the searcher is then attached to the GUI thread's connection.
        """
        if not self._search_available or self.archive is None:
            return
        archive, existing = self.archive, self._searcher
        if existing is None:
            self.search_field.setPlaceholderText(translate("MainWindow", "Preparing the search…"))

        def work(progress):
            search = importlib.import_module("model.customers.search")
            conn = archive.reader()
            try:
                indexed = search.refresh(conn, progress) if search.pending(conn) else 0
                if existing is None:
                    return search.CustomerSearch(conn), indexed   # keeps conn until attached
            except BaseException:
                conn.close()
                raise
            conn.close()
            return None, indexed

        def done(outcome) -> None:
            if not shiboken6.isValid(self) or self.archive is not archive:
                return
            searcher, indexed = outcome
            page = self.page()
            if indexed and page is not None:
                page.model.refresh()   # names just indexed move into their pinyin place
            if searcher is not None:
                reader = searcher.conn
                searcher.attach(archive.conn)
                reader.close()
                self._searcher = searcher
            else:
                self._searcher.update()
            self.search_field.setEnabled(True)
            self.search_field.setPlaceholderText(translate("MainWindow", "Search: name, pinyin, phone digits, "
                                                                         "area"))
            if self.search_field.text().strip():
                self._run_search()
            self.search_ready.emit()
        def failed(exc: BaseException) -> None:
            if not shiboken6.isValid(self) or self.archive is not archive:
                return
            self.search_field.setPlaceholderText(translate("MainWindow", "Search is not available"))
            show_error(self, exc)
        # No parent: the window may close before the work ends.
        self._track(run_task(None, work, on_success=done, on_failure=failed), background=True)

    def focus_search(self) -> None:
        if self.search_field is not None:
            self.search_field.setFocus(Qt.FocusReason.ShortcutFocusReason)
            self.search_field.selectAll()

    def _run_search(self) -> None:
        page = self.page()
        if page is None or self.search_field is None:
            return
        text = self.search_field.text().strip()
        if not text or self._searcher is None:
            page.set_search(None)
        else:
            result = self._searcher.find(text, limit=500)
            deleted = [r["id"] for r in customers.deleted(self.archive.conn, text)] \
                if self.search_deleted.isChecked() else []
            page.set_search(list(result.ids) + deleted, deleted)
            if result.total > len(result.ids):
                self.statusBar().showMessage(translate("MainWindow", "{total} found; showing the best {shown}.")
                                             .format(total=QLocale().toString(result.total),
                                                     shown=len(result.ids)), 5000)
        self._update_status()
        self.search_done.emit()

    def _search_to_list(self) -> None:
        self._search_timer.stop()
        self._run_search()
        page = self.page()
        if page is not None and page.model.rowCount():
            page.table.setFocus()

    def _clear_search(self) -> None:
        if self.search_field is not None and self.search_field.text():
            self.search_field.clear()
            self._search_to_list()

    def eventFilter(self, watched, event) -> bool:
        if watched is self.search_field and event.type() == QEvent.Type.KeyPress \
                and event.key() == Qt.Key.Key_Escape and self.search_field.text():
            self.search_field.clear()
            return True
        if watched is self.search_field and event.type() == QEvent.Type.ShortcutOverride \
                and self._window_shortcut(event):
            return True         # left unaccepted: the window's action (Ctrl+E export) runs
        return super().eventFilter(watched, event)

    def _window_shortcut(self, event) -> bool:
        """Whether a key pressed in the search field is one of the window's own action
        shortcuts that the field would otherwise take as a line-editing key (Ctrl+E is
        "end of line" in Qt's line edits on Linux); the editing keys stay the field's."""
        pressed = QKeySequence(event.keyCombination())
        editing = {QKeySequence(k) for k in ("Ctrl+A", "Ctrl+C", "Ctrl+V", "Ctrl+X", "Ctrl+Z",
                                              "Ctrl+Y", "Ctrl+Shift+Z", "Ctrl+Backspace", "Ctrl+Delete",
                                              "Ctrl+Left", "Ctrl+Right", "Ctrl+Home", "Ctrl+End")}
        if pressed in editing or not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            return False
        return any(action.isEnabled() and pressed in action.shortcuts()
                   for _spec, action in self._actions.values())
