"""The main window's archive session: opening, creating and closing archives, the
recent ones, backups (now, automatic, on close), restore, check, passphrases, locking,
and asking before quitting while work runs.

:class:`ArchiveSession` is a part of :class:`gui.main_window.main_window.MainWindow` (a
base of it): it keeps ``archive``, ``tasks`` and the recent lists, and makes the areas'
pages when an archive opens.
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable

from PySide6.QtCore import QSignalBlocker, Qt, QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QListWidgetItem, QMessageBox

from gui.archive import archive_dialogs, passphrase_dialogs
from gui.common import operations
from gui.common.tasks import TaskHandle, run_task
from gui.customers import actions as customer_actions
from gui.common.icons import icon
from gui.main_window.areas import AREAS
from model.archive import audit, backup_policy, database, restore_loss, storage_location
from model.archive.database import Archive
from model.core import settings
from model.core.i18n import translate

MAX_RECENT = 8


class ArchiveSession:
    """The archive session part of the main window."""

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.app_lock.may_close():
            event.ignore()
            return
        if any(not t.finished for t in self._user_tasks):
            answer = QMessageBox.question(
                self, translate("MainWindow", "Quit Kehu"),
                translate("MainWindow", "Work is still running. Quit anyway? What it was writing is not saved."))
            if answer != QMessageBox.StandardButton.Yes:
                event.ignore()
                return
            for task in self._user_tasks:
                task.cancel()
        if self._backing_up_before_close(event):
            return
        self.save_window_state()
        self._close_archive()
        event.accept()

    def _backing_up_before_close(self, event: QCloseEvent) -> bool:
        """Back a changed archive up before closing (setting backup/on_close): a small one
        on the spot; a big one in the background, the window closing when it is done (True)."""
        if self.archive is None or self._close_backup_done or not settings.get(settings.BACKUP_ON_CLOSE):
            return False
        self._close_backup_done = True
        waiting = []
        handle = archive_dialogs.auto_backup(
            self, self.archive, "on-close", lambda _made: waiting and QTimer.singleShot(0, self.close))
        if handle is None:
            return False
        waiting.append(self._track(handle, background=True))
        event.ignore()
        return True

    def _auto_backup(self, reason: str, then: Callable[[], None]) -> None:
        """An automatic backup (when the archive changed since its last one), then ``then()``."""
        archive = self.archive

        def done(made: Path | None) -> None:
            if made is not None and self.archive is archive:
                self._update_status()
                self.statusBar().showMessage(translate("MainWindow", "Backed up first: {name}").format(
                    name=made.name), 8000)
            then()
        handle = archive_dialogs.auto_backup(self, archive, reason, done)
        if handle is not None:
            self._track(handle)

    def _needs_backup(self) -> bool:
        try:
            return backup_policy.needs_backup(self.archive)
        except Exception:       # noqa: BLE001 - a connection already broken: assume changed
            return True

    def _track(self, handle: TaskHandle, background: bool = False) -> TaskHandle:
        """Keep a task for busy() and, unless it is quiet ``background`` work (search,
        loading modules), for asking before quitting while it runs."""
        self.tasks = [t for t in self.tasks if not t.finished] + [handle]
        if not background:
            self._user_tasks = [t for t in self._user_tasks if not t.finished] + [handle]
        return handle

    def _remember(self, path: Path) -> None:
        recent = [p for p in settings.get(settings.RECENT_ARCHIVES) if p != str(path)]
        settings.put(settings.RECENT_ARCHIVES, [str(path), *recent][:MAX_RECENT])
        settings.put(settings.LAST_ARCHIVE, str(path))

    def _recent_paths(self) -> list[Path]:
        return [Path(p) for p in settings.get(settings.RECENT_ARCHIVES) if p]

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        paths = self._recent_paths()
        for path in paths:
            action = self.recent_menu.addAction(path.name)
            action.setToolTip(str(path))
            action.setStatusTip(str(path))
            action.setEnabled(path.exists())
            action.triggered.connect(lambda _c=False, p=path: self.open_archive(p))
        if not paths:
            self.recent_menu.addAction(translate("MainWindow", "No recent archives")).setEnabled(False)
        else:
            self.recent_menu.addSeparator()
            self.recent_menu.addAction(translate("MainWindow", "Clear this list"), self._clear_recent)

    def _clear_recent(self) -> None:
        settings.put(settings.RECENT_ARCHIVES, [])
        self._fill_recent_list()

    def _fill_recent_list(self) -> None:
        self.recent_list.clear()
        for path in self._recent_paths():
            if path.exists():
                item = QListWidgetItem(icon("archive-open"), f"{path.name}  —  {path.parent}")
                item.setData(Qt.ItemDataRole.UserRole, str(path))
                self.recent_list.addItem(item)
        shown = self.recent_list.count() > 0
        self.recent_list.setVisible(shown)
        self.recent_title.setVisible(shown)

    def _folder(self) -> str:
        if self.archive is not None:
            return str(self.archive.path.parent)
        recent = self._recent_paths()
        return str(recent[0].parent) if recent else str(Path.home())

    def new_archive(self) -> None:
        path = archive_dialogs.ask_new_path(self, self._folder())
        if path is None:
            return
        archive = archive_dialogs.create_archive(self, path)
        if archive is not None:
            self._set_archive(archive)
            self.statusBar().showMessage(translate("MainWindow", "Created {path}").format(path=path), 5000)

    def open_archive(self, path: Path | str | None = None, key=None) -> TaskHandle | None:
        """Open an archive (asking which when no path is given, and its passphrase
        when it is encrypted and ``key`` is not given); the check and any
        migration run in the background."""
        if path is None:
            path = archive_dialogs.ask_open_path(self, self._folder())
            if path is None:
                return None
        path = Path(path)
        if self.archive is not None and self.archive.path == path.resolve():
            return None
        if key is None and database.is_encrypted(path):
            try:
                key = passphrase_dialogs.ask_key(self, path)
            except database.ArchiveDamaged as exc:
                self._open_failed(path, exc)
                return None
            if key is None:
                return None
        self.statusBar().showMessage(translate("MainWindow", "Opening {name}…").format(name=path.name))
        return self._track(run_task(
            self, lambda progress: Archive.open(path, key), on_success=self._set_archive,
            on_failure=lambda exc: self._open_failed(path, exc),
            title=translate("MainWindow", "Opening {name}…").format(name=path.name), cancellable=False))

    def _open_failed(self, path: Path, exc: BaseException) -> None:
        self.statusBar().clearMessage()
        if archive_dialogs.offer_restore_after_failure(self, exc):
            self.restore_backup(path)

    def _close_archive(self) -> None:
        self.undo_stack.clear()     # its steps belong to the archive being closed
        self.areas = []
        with QSignalBlocker(self.nav):   # removing rows would "choose" the areas left
            self.nav.clear()
        for page in self.pages.values():
            self.stack.removeWidget(page)
            page.deleteLater()
        self.pages.clear()
        if self._notices is not None:
            self._notices.changed.disconnect(self._on_changes)
            self._notices = None
        self._searcher = None
        if self.search_field is not None:
            self.search_field.blockSignals(True)
            self.search_field.clear()
            self.search_field.blockSignals(False)
            self.search_field.setEnabled(False)
        if self.archive is not None:
            path, clean = self.archive.path, not self._needs_backup()
            self.archive.close()
            self.archive = None
            backup_policy.note_closed(path, clean)   # so the next opening knows it is unchanged
        # Finished tasks' callbacks hold the archive (and its key): let them go.
        self.tasks = [t for t in self.tasks if not t.finished]
        self._user_tasks = [t for t in self._user_tasks if not t.finished]

    def _set_archive(self, archive: Archive) -> None:
        if self.page() is not None:
            self.save_window_state()
        self._close_archive()
        self.archive = archive
        # The window's own connection only reads (the list, the pages): every write goes
        # through gui.common.operations on the archive's writer. SQLite holds us to it: a
        # write on this connection fails at once instead of slipping past the write API.
        database.reads_only(archive.conn)
        backup_policy.watch(archive)
        risk = storage_location.check(archive.path)
        self._location_note = risk.message if risk else ""
        QTimer.singleShot(0, lambda: self._remember(archive.path))
        self.areas = [area for area in AREAS if area.available()]
        for area in self.areas:
            self.nav.addItem(QListWidgetItem(icon(area.icon), area.title()))
        for area in self.areas:          # the customer list always (the window's actions use it), and the first area
            if area.key == "customers":
                self._make_page(area)
        self._make_page(self.areas[0])
        self._notices = operations.changes_of(archive)
        self._notices.changed.connect(self._on_changes)   # after the first pages' own
        page = self.page()
        if page is not None:
            self._restore_splitter(page.splitter, [page.views_width(), 1000])
            page.selection_changed.connect(self._update_actions)
            page.counts_changed.connect(lambda *_: self._update_status())
            page.clear_search_requested.connect(self._clear_search)
            page.activated.connect(lambda customer_id: customer_actions.edit_customer(self, customer_id))
            for spec, action in self._actions.values():
                if spec.list_shortcut:
                    page.table.addAction(action)
        self.nav.setCurrentRow(0)
        self.stack.setCurrentWidget(self._make_page(self.areas[0]))
        self.central.setCurrentWidget(self.splitter)
        if self.stack.currentWidget() is page and page is not None:
            page.table.setFocus()
        else:
            self.stack.currentWidget().setFocus()
        self._update_status()
        self._update_actions()
        self._prepare_search()
        self._load_deferred()
        self.statusBar().showMessage(translate("MainWindow", "Opened {path}").format(path=archive.path), 5000)
        pending, self._pending_restore = getattr(self, "_pending_restore", None), None
        if pending is not None and pending[0] == archive.path:
            # The replaced archive's trail carried over, the restore recorded: no page shows them.
            operations.write(self, lambda conn: restore_loss.after_restore(conn, pending[1], pending[2]),
                             operations.Changes(), archive=archive)
        if risk is not None and archive.path not in self._location_warned:
            self._location_warned.add(archive.path)        # once a session, not at every opening
            archive_dialogs.show_location_warning(self, risk)
        self.archive_changed.emit()

    def backup_now(self) -> TaskHandle | None:
        if self.archive is None:
            return None

        def done(path: Path) -> None:
            if self.archive is not None:
                # After the copy: the next close backs up again. No page shows the audit trail.
                operations.write(self, lambda conn: audit.record_backup(conn, path), operations.Changes(),
                                 archive=self.archive)
                backup_policy.mark_backed_up(self.archive)
            self._update_status()
            self.statusBar().showMessage(translate("MainWindow", "Backed up to {path}").format(path=path), 8000)
        return self._track(archive_dialogs.start_backup(self, self.archive, done))

    def change_passphrase(self) -> None:
        passphrase_dialogs.change_passphrase(self)

    def encrypt_archive(self) -> None:
        passphrase_dialogs.encrypt_archive(self)
        self._update_actions()

    def decrypt_archive(self) -> None:
        passphrase_dialogs.decrypt_archive(self)
        self._update_actions()

    def check_archive(self) -> TaskHandle | None:
        if self.archive is None:
            return None
        return self._track(archive_dialogs.start_check(self, self.archive.path, key=self.archive.key))

    def restore_backup(self, path: Path | None = None) -> TaskHandle | None:
        """Choose a backup of the open archive (or of ``path``) and put it in its place."""
        if path is None:
            if self.archive is not None:
                path = self.archive.path
            else:
                path = archive_dialogs.ask_open_path(self, self._folder())
                if path is None:
                    return None
        path = Path(path).resolve()
        open_key = self.archive.key if self.archive is not None and self.archive.path == path else None
        picked = archive_dialogs.RestoreDialog.choose(self, path, open_key)
        if picked is None:
            return None
        chosen, key = picked
        if self.archive is not None and self.archive.path == path:
            self.save_window_state()
            self._close_archive()
            self.central.setCurrentWidget(self.welcome)
            self._update_status()
            self._update_actions()

        def restored(kept: Path | None) -> None:
            self._pending_restore = (path, chosen, kept)
            if kept is not None:
                self.statusBar().showMessage(
                    translate("MainWindow", "Restored. The file it replaced was kept as {kept}.")
                    .format(kept=kept.name), 10000)
            self.open_archive(path, key)
        return self._track(archive_dialogs.start_restore(self, path, chosen, restored, key=key))

    def lock_now(self) -> None:
        self.app_lock.lock()
