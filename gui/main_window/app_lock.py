"""App lock: after an idle time the window hides every customer, closes the archive and
drops its key; the passphrase (or, for a plain archive, a button) opens it again where
the user was.

    window.app_lock = AppLock(window)   # made by MainWindow; Archive → Lock now calls lock()

Idle means no mouse, key, wheel, touch or tablet input to any window of the program:
an application-wide event filter restarts one single-shot QTimer, nothing polls. The
time is ``settings.LOCK_IDLE_MINUTES`` (0: never). QTimer counts on a clock that stops
while the laptop sleeps, so the first input after a sleep longer than the idle time
locks instead of going through.

Decisions, for whoever carries this on:

* **Work running holds the archive** (an import, a grading run, a plan being saved, the
  search being indexed: any unfinished task of the window or of a dialog, or a page
  that says it is busy). The lock waits for it to end and then locks at once; input
  meanwhile cancels an idle lock (the user is back) but not a "Lock now".
* **Dialogs open at lock time are cancelled**: a message box by its Esc button, any
  other dialog by ``done(Rejected)``, so none stops to ask a question in front of
  whoever finds the laptop. The customer editor's unsaved edits are kept in memory
  (never on disk, never shown while locked) and the editor opens again with them
  after unlocking, still unsaved: nothing is written without the user. Quitting from
  the lock screen while such edits are kept asks first.
* **Locking** shows the lock screen in place of the window's content at once. When the
  dialogs' event loops have unwound and no work runs, the window state is saved, every
  page is deleted (the customer list model with it), the search is dropped and the
  archive is closed: its connections, the OS lock file, and the Archive object that
  holds the key. The window title and status bar name no customer.
* **Unlocking** opens the archive again in a worker (integrity check, key derivation)
  and puts back the area, the list's view, filter, sort, search, selection and scroll
  position, the visit plan shown and the editor. If the archive cannot be opened
  (moved, damaged, opened elsewhere) the lock screen says why and offers Open… and
  Restore from backup… like the normal open path.
"""
from __future__ import annotations

import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

import shiboken6
from PySide6.QtCore import QEvent, QItemSelection, QItemSelectionModel, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QDialog, QHBoxLayout, QLabel,
                               QLineEdit, QListWidget, QMainWindow, QMessageBox, QPushButton,
                               QSizePolicy, QTableWidget, QTreeWidget, QVBoxLayout, QWidget)

from gui.main_window.actions import icon
from gui.common.tasks import TaskHandle, run_task
from gui.common.widgets import ERROR_STYLE
from model.core import settings
from model.archive.database import Archive, ArchiveError, PassphraseNeeded, WrongPassphrase
from model.core.i18n import translate

_INPUT = frozenset({
    QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick, QEvent.Type.MouseMove,
    QEvent.Type.KeyPress, QEvent.Type.Wheel, QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate,
    QEvent.Type.TabletPress, QEvent.Type.TabletMove, QEvent.Type.InputMethod,
})
SLEEP_SLACK_S = 5.0        # a timer this late was asleep with the machine
RETRY_MS = 150             # how soon a waiting lock looks again whether work has ended
RESTORE_PATIENCE_MS = 8000  # the list is put back by then even if a signal never came
WARNING_PANEL = ("QLabel { background: #fff4e0; color: #5c3b00; border: 1px solid #e8b860;"
                 " border-radius: 4px; padding: 8px; }")
NOTE_PANEL = ("QLabel { background: #e9f0fa; color: #1d3b5c; border: 1px solid #a9c1e0;"
              " border-radius: 4px; padding: 8px; }")


# -- where the user was ---------------------------------------------------------------

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


def _once(signal, slot: Callable[[], None]) -> None:
    """Call ``slot`` the next time ``signal`` fires, then forget it."""
    def fire(*_args) -> None:
        signal.disconnect(fire)
        slot()
    signal.connect(fire)


class _Restorer(QObject):
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


def _detach(view: QAbstractItemView) -> None:
    """Empty a view of a page about to be deleted, without its handlers running."""
    selection = view.selectionModel()
    for sender in (view, selection):
        if sender is not None:
            sender.blockSignals(True)
    if isinstance(view, (QListWidget, QTableWidget, QTreeWidget)):
        view.clear()           # they own their model
    else:
        view.setModel(None)


# -- the lock screen --------------------------------------------------------------------

class LockScreen(QWidget):
    """What the window shows while locked: no customer, only how to get back in."""

    unlock_requested = Signal(str)      # the passphrase ("" for a plain archive)
    open_requested = Signal()
    restore_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("lock_screen")
        self.setAccessibleName(self.tr("Kehu is locked"))
        self.encrypted = False
        picture = QLabel()
        picture.setPixmap(icon("lock").pixmap(64, 64))
        picture.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.title = QLabel(self.tr("Kehu is locked"))
        self.title.setObjectName("lock_title")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        self.title.setFont(font)
        self.title.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.text = QLabel()
        self.text.setObjectName("lock_text")
        self.text.setWordWrap(True)
        self.text.setAlignment(Qt.AlignmentFlag.AlignHCenter)

        self.passphrase = QLineEdit()
        self.passphrase.setObjectName("lock_passphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setPlaceholderText(self.tr("Passphrase"))
        self.passphrase.setAccessibleName(self.tr("Passphrase of the archive"))
        self.passphrase.returnPressed.connect(self._unlock)
        self.passphrase.textChanged.connect(lambda _text: self._update_button())
        self.unlock_button = QPushButton(icon("lock"), self.tr("&Unlock"))
        self.unlock_button.setObjectName("lock_unlock")
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self._unlock)
        unlock_row = QHBoxLayout()
        unlock_row.addWidget(self.passphrase, 1)
        unlock_row.addWidget(self.unlock_button)

        self.message = QLabel()
        self.message.setObjectName("lock_message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_button = QPushButton(icon("archive-open"), self.tr("&Open another archive…"))
        self.open_button.setObjectName("lock_open")
        self.open_button.clicked.connect(self.open_requested)
        self.restore_button = QPushButton(icon("restore"), self.tr("&Restore from backup…"))
        self.restore_button.setObjectName("lock_restore")
        self.restore_button.clicked.connect(self.restore_requested)
        recovery_row = QHBoxLayout()
        recovery_row.addWidget(self.open_button)
        recovery_row.addWidget(self.restore_button)
        recovery_row.addStretch(1)

        self.plain_note = QLabel(self.tr(
            "This archive is not encrypted: while Kehu is locked nobody can see it in this "
            "window, but anyone who can use this computer can still read its file. To protect "
            "it, give it a passphrase with Archive → Encrypt archive… after unlocking."))
        self.plain_note.setObjectName("lock_plain_note")
        self.plain_note.setWordWrap(True)
        self.plain_note.setStyleSheet(WARNING_PANEL)
        self.draft_note = QLabel(self.tr(
            "Changes to a customer that were not saved yet are kept; the editor opens again "
            "with them when you unlock."))
        self.draft_note.setObjectName("lock_draft_note")
        self.draft_note.setWordWrap(True)
        self.draft_note.setStyleSheet(NOTE_PANEL)

        column = QVBoxLayout()
        column.addStretch(2)
        column.addWidget(picture)
        column.addWidget(self.title)
        column.addSpacing(8)
        column.addWidget(self.text)
        column.addSpacing(12)
        column.addLayout(unlock_row)
        column.addWidget(self.message)
        column.addLayout(recovery_row)
        column.addSpacing(16)
        column.addWidget(self.plain_note)
        column.addSpacing(6)
        column.addWidget(self.draft_note)
        column.addStretch(3)
        box = QWidget()
        box.setLayout(column)
        em = self.fontMetrics().horizontalAdvance("M")
        box.setMaximumWidth(em * 38)
        box.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(box, 4)
        outer.addStretch(1)
        self._busy = True
        self._draft = False
        self._locked_text = ""
        self.show_closing()

    # states
    def show_closing(self) -> None:
        """Locked, the archive not yet closed (dialogs unwinding, work ending)."""
        self._set(busy=True, text=self.tr("Closing the archive…"))

    def show_locked(self, name: str, encrypted: bool, reason: str, minutes: int,
                    draft: bool, message: str = "") -> None:
        self.encrypted, self._draft = encrypted, draft
        if reason == "idle" and minutes > 0:
            why = self.tr("Kehu locked itself after {minutes} minutes without use. The archive "
                          "{name} is closed and no customer is shown.").format(
                minutes=minutes, name=name)
        else:
            why = self.tr("The archive {name} is closed and no customer is shown.").format(
                name=name)
        how = (self.tr("Enter the archive's passphrase to go on where you left off.") if encrypted
               else self.tr("Unlock to go on where you left off."))
        self._locked_text = f"{why}\n{how}"
        self._set(busy=False, text=self._locked_text, message=message)
        if encrypted:
            self.passphrase.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.unlock_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_opening(self) -> None:
        self._set(busy=True, text=self.tr("Checking the passphrase and opening the archive…")
                  if self.encrypted else self.tr("Opening the archive…"))

    def show_wrong_passphrase(self, message: str) -> None:
        self._set(busy=False, text=self._locked_text, message=message)
        self.passphrase.clear()
        self.passphrase.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_failure(self, message: str) -> None:
        """The archive cannot be opened again: say why, offer the normal ways out."""
        self._set(busy=False, text=self._locked_text, message=message, recovery=True)
        self.unlock_button.setText(self.tr("Try &again"))

    def _set(self, *, busy: bool, text: str, message: str = "", recovery: bool = False) -> None:
        self._busy = busy
        self.text.setText(text)
        self.message.setText(message)
        self.message.setVisible(bool(message))
        self.open_button.setVisible(recovery)
        self.restore_button.setVisible(recovery)
        self.unlock_button.setText(self.tr("&Unlock"))
        self.unlock_button.setVisible(not busy)
        self.passphrase.setVisible(self.encrypted and not busy)
        self.plain_note.setVisible(not busy and not self.encrypted)
        self.draft_note.setVisible(not busy and self._draft)
        self._update_button()

    def _update_button(self) -> None:
        self.unlock_button.setEnabled(not self._busy and (not self.encrypted
                                                          or bool(self.passphrase.text())))

    def _unlock(self) -> None:
        if not self.unlock_button.isEnabled():
            return
        passphrase = self.passphrase.text() if self.encrypted else ""
        self.passphrase.clear()
        self.unlock_requested.emit(passphrase)


# -- the lock ----------------------------------------------------------------------------

class AppLock(QObject):
    """Locks ``window`` after the idle time or on request; see the module's text."""

    locked_changed = Signal(bool)
    unlocked = Signal()          # the window is back where it was (tests wait on it)

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.locked = False
        self.where: WhereYouWere | None = None
        self.closing = False            # locked, the archive not closed yet
        self.opening: TaskHandle | None = None
        self._pending: str | None = None  # "idle" / "manual": waiting for work to end
        self._armed = False
        self._idle_ms = 0
        self._last_input = time.time()
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.timeout.connect(lambda: self._lock("idle"))
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.setInterval(RETRY_MS)
        self._retry.timeout.connect(self._try_again)
        self.screen = LockScreen()
        self.screen.unlock_requested.connect(self.unlock)
        self.screen.open_requested.connect(self._open_other)
        self.screen.restore_requested.connect(self._restore)
        window.central.addWidget(self.screen)
        window.archive_changed.connect(self._arm)
        self.apply_settings()
        QApplication.instance().installEventFilter(self)

    # -- idle time ----------------------------------------------------------------------
    def apply_settings(self) -> None:
        """Read the idle time from the settings (after Preferences)."""
        minutes = max(0, int(settings.get(settings.LOCK_IDLE_MINUTES)))
        self.set_idle_interval(minutes * 60_000)

    def set_idle_interval(self, ms: int) -> None:
        self._idle_ms = max(0, int(ms))
        self._arm()

    def idle_minutes(self) -> int:
        return round(self._idle_ms / 60_000)

    def _arm(self) -> None:
        self._armed = (self._idle_ms > 0 and self.window.archive is not None
                       and not self.locked)
        if self._armed:
            self._last_input = time.time()
            self._idle.start(self._idle_ms)
        else:
            self._idle.stop()

    def idle_timer_active(self) -> bool:
        return self._idle.isActive()

    def eventFilter(self, watched, event) -> bool:
        if self._armed and event.type() in _INPUT:
            now = time.time()
            if self._idle.isActive() and now - self._last_input > self._idle_ms / 1000 + SLEEP_SLACK_S:
                # The machine slept through the timer: lock rather than let this input in.
                self._idle.stop()
                QTimer.singleShot(0, lambda: self._lock("idle"))
                return True
            self._last_input = now
            self._idle.start(self._idle_ms)
            if self._pending == "idle":
                self._pending = None      # the user is back before the work ended
                self._retry.stop()
        return False

    # -- locking --------------------------------------------------------------------------
    def lock(self) -> None:
        """Lock now (Archive → Lock now)."""
        self._lock("manual")

    def pending(self) -> bool:
        """A lock waits for running work to end."""
        return self._pending is not None

    def work_running(self) -> bool:
        """Work that holds the archive: the window's tasks, its pages', any dialog's."""
        if self.window.busy():
            return True
        for top in QApplication.topLevelWidgets():
            if any(not handle.finished for handle in top.findChildren(TaskHandle)):
                return True
        return False

    def _try_again(self) -> None:
        if self.closing:
            self._finish_locking()
        elif self._pending is not None:
            self._lock(self._pending)

    def _lock(self, reason: str) -> None:
        window = self.window
        if self.locked or window.archive is None:
            self._pending = None
            return
        if self.work_running():
            if reason == "manual" and self._pending != "manual":
                window.statusBar().showMessage(
                    self.tr("Kehu locks as soon as the work running now ends."), 8000)
            if self._pending != "manual":
                self._pending = reason
            self._retry.start()
            return
        self._pending = None
        self.where = capture(window, reason)
        self.locked = True
        self.closing = True
        self._arm()
        self.screen.show_closing()
        window.central.setCurrentWidget(self.screen)
        window.setWindowTitle(self.tr("Locked — Kehu"))
        window.statusBar().clearMessage()
        self._dismiss_windows()
        window._update_actions()
        self.locked_changed.emit(True)
        self._retry.start()       # closes the archive once the dialogs' loops have unwound

    def _dismiss_windows(self) -> None:
        """Close every popup, dialog and other window of the program but the main one."""
        for _ in range(20):
            popup = QApplication.activePopupWidget()
            if popup is None:
                break
            popup.close()
        for _ in range(50):
            modal = QApplication.activeModalWidget()
            if modal is None or modal is self.window:
                break
            self._dismiss(modal)
        for top in QApplication.topLevelWidgets():
            if top is not self.window and top.isVisible() and not isinstance(top, QMainWindow):
                self._dismiss(top)

    def _dismiss(self, widget: QWidget) -> None:
        editor_type = getattr(sys.modules.get("gui.customers.customer_editor"), "CustomerEditor", None)
        if editor_type is not None and isinstance(widget, editor_type) \
                and self.where is not None and self.where.editor is None:
            self.where.editor = EditorDraft(
                widget.customer_id, {f: widget.value(f) for f in widget.changed_fields()},
                widget.tabs.currentIndex())
        if isinstance(widget, QMessageBox) and widget.escapeButton() is not None:
            widget.escapeButton().click()
        elif isinstance(widget, QDialog):
            widget.done(QDialog.DialogCode.Rejected)
        if widget.isVisible():
            widget.close()
        if widget.isVisible():
            widget.hide()

    def _finish_locking(self) -> None:
        """Close the archive, once no dialog's event loop and no work can still use it."""
        window = self.window
        if not self.locked or not self.closing:
            return
        if QApplication.activeModalWidget() is not None or QApplication.activePopupWidget() \
                is not None or self.work_running():
            self._dismiss_windows()
            self._retry.start()
            return
        if window.archive is not None:
            window.save_window_state()
            pages = list(window.pages.values())
            window._close_archive()
            for page in pages:     # deleted later; meanwhile nothing in them can be read
                page.hide()
                for view in page.findChildren(QAbstractItemView):
                    _detach(view)
        self.closing = False
        window._update_status()
        window.setWindowTitle(self.tr("Locked — Kehu"))
        window.archive_label.setText(self.tr("Locked"))
        window._update_actions()
        self._show_locked()

    def _show_locked(self, message: str = "") -> None:
        where = self.where
        self.screen.show_locked(where.path.name, where.encrypted, where.reason,
                                self.idle_minutes(), where.editor is not None
                                and bool(where.editor.values), message)

    def restrict(self, actions: dict) -> None:
        """While locked only Quit and About work (called by the window's action update)."""
        for spec, action in actions.values():
            if self.locked and spec.key not in ("quit", "about"):
                action.setEnabled(False)
        recent = getattr(self.window, "recent_menu", None)
        if recent is not None:
            recent.menuAction().setEnabled(not self.locked)

    def may_close(self) -> bool:
        """Asked before the window closes: edits kept from the editor would be lost."""
        if not self.locked or self.where is None or self.where.editor is None \
                or not self.where.editor.values:
            return True
        answer = QMessageBox.question(
            self.window, self.tr("Quit Kehu"),
            self.tr("Changes to a customer were not saved when Kehu locked. Quit anyway and "
                    "lose them? To keep them, unlock first and save them."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        return answer == QMessageBox.StandardButton.Yes

    # -- unlocking ------------------------------------------------------------------------
    def unlock(self, passphrase: str = "") -> TaskHandle | None:
        """Open the archive again (in a worker) and put the window back as it was."""
        if not self.locked or self.closing or self.where is None \
                or (self.opening is not None and not self.opening.finished):
            return None
        self.screen.show_opening()
        path = self.where.path
        key = passphrase or None
        self.opening = run_task(self.window, lambda progress: Archive.open(path, passphrase=key),
                                on_success=self._reopened, on_failure=self._reopen_failed)
        return self.opening

    def _reopened(self, archive: Archive) -> None:
        window = self.window
        if not self.locked or window.archive is not None:
            archive.close()
            return
        where, self.where = self.where, None
        self.locked = False
        window._set_archive(archive)
        self.locked_changed.emit(False)
        if where.area is not None and where.area != "customers":
            page = window.show_area(where.area)
            if page is None:
                page = window.pages.get(where.area)
            self._restore_area(page, where)
        if window.page() is None:
            self._restored(where)
            return
        _Restorer(window, where, lambda: self._restored(where))

    def _restore_area(self, page: QWidget | None, where: WhereYouWere) -> None:
        if page is None:
            return
        if where.area == "marketing" and where.marketing_tab is not None:
            page.tabs.setCurrentIndex(where.marketing_tab)
        if where.area != "visits" or where.visits_tab is None:
            return
        page.tabs.setCurrentIndex(where.visits_tab)
        panel = page.plans
        if page.tabs.currentWidget() is not panel or where.plan_id is None:
            return

        def shown() -> None:
            if not shiboken6.isValid(panel):
                return
            if panel.plan is not None and panel.plan.id != where.plan_id \
                    and where.plan_id in {p.id for p in panel.plans}:
                _once(panel.plan_shown, shown)
                panel.show_plan(where.plan_id)
                return
            if where.visit_id is not None:
                panel.select_visit(where.visit_id)
        if panel.busy():
            _once(panel.plan_shown, shown)
        else:
            shown()

    def _restored(self, where: WhereYouWere) -> None:
        if where.editor is not None:
            QTimer.singleShot(0, lambda: self._reopen_editor(where.editor))
        self.unlocked.emit()

    def _reopen_editor(self, draft: EditorDraft) -> None:
        """The editor as it was at lock time, its unsaved edits in place (still unsaved)."""
        from gui.customers.customer_editor import CustomerEditor
        window = self.window
        if window.archive is None or self.locked:
            return
        editor = CustomerEditor(window, window.archive, draft.customer_id)
        editor.setObjectName("customer_editor")
        for name, value in draft.values.items():
            editor.set_value(name, value)
        editor.tabs.setCurrentIndex(draft.tab)

        def closed(_result: int) -> None:
            saved, customer_id = editor.saved, editor.customer_id
            editor.deleteLater()
            if saved and window.archive is not None and not self.locked:
                window._after_customer_change(customer_id)
        editor.finished.connect(closed)
        editor.open()

    def _reopen_failed(self, exc: BaseException) -> None:
        if not self.locked or self.where is None:
            return
        if isinstance(exc, WrongPassphrase):
            self.screen.show_wrong_passphrase(str(exc))
        elif isinstance(exc, PassphraseNeeded):
            self.where.encrypted = True       # it was encrypted while locked
            self._show_locked(str(exc))
        elif isinstance(exc, ArchiveError):
            self.screen.show_failure(str(exc))
        else:
            self.screen.show_failure(translate("Errors", "Something went wrong; nothing was saved.")
                                     + "\n\n" + str(exc))

    def _leave(self) -> Path | None:
        """Give up the locked archive (it cannot be opened): the window's start page."""
        path = self.where.path if self.where is not None else None
        self.where = None
        self.locked = False
        window = self.window
        window.central.setCurrentWidget(window.welcome)
        window._update_status()
        window._update_actions()
        self.locked_changed.emit(False)
        return path

    def _open_other(self) -> None:
        self._leave()
        self.window.open_archive()

    def _restore(self) -> None:
        path = self._leave()
        self.window.restore_backup(path)
