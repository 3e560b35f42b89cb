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
from pathlib import Path

import shiboken6
from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QAbstractItemView, QApplication, QDialog, QMainWindow, QMessageBox, QWidget

from gui.common.tasks import TaskHandle, run_task
from gui.main_window.lock_screen import LockScreen
from gui.main_window.lock_where import EditorDraft, Restorer, WhereYouWere, capture, detach, once
from model.archive.database import Archive, ArchiveError, PassphraseNeeded, WrongPassphrase
from model.core import settings
from model.core.i18n import translate

_INPUT = frozenset({
    QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick, QEvent.Type.MouseMove,
    QEvent.Type.KeyPress, QEvent.Type.Wheel, QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate,
    QEvent.Type.TabletPress, QEvent.Type.TabletMove, QEvent.Type.InputMethod,
})
SLEEP_SLACK_S = 5.0        # a timer this late was asleep with the machine
RETRY_MS = 150             # how soon a waiting lock looks again whether work has ended


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
                    detach(view)
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
        Restorer(window, where, lambda: self._restored(where))

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
                once(panel.plan_shown, shown)
                panel.show_plan(where.plan_id)
                return
            if where.visit_id is not None:
                panel.select_visit(where.visit_id)
        if panel.busy():
            once(panel.plan_shown, shown)
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
