"""Archive files from the window: new, open, back up, check, restore with a preview.

Anything that may take long on a big archive (checking, backing up, reading a
backup for its preview, restoring) runs through :func:`gui.common.tasks.run_task`.
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (QApplication, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QGroupBox,
                               QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QMessageBox,
                               QVBoxLayout, QWidget)

from gui.common.tasks import TaskHandle, run_task, show_error
from model.archive import backup, backup_policy, database, restore_loss, storage_location
from model.archive.database import Archive, ArchiveDamaged, ArchiveError
from model.core.i18n import translate
from model.core.datetime_text import datetime_text

SUFFIX = ".kehu"


def _file_filter(widget: QWidget) -> str:
    return translate("ArchiveDialogs", "Kehu archives (*.kehu);;All files (*)")


def ask_new_path(parent: QWidget, folder: str = "") -> Path | None:
    """Where to create a new archive (the .kehu suffix is added if missing)."""
    name, _ = QFileDialog.getSaveFileName(parent, translate("ArchiveDialogs", "New archive"),
                                          str(Path(folder) / translate("ArchiveDialogs", "customers.kehu")),
                                          _file_filter(parent))
    if not name:
        return None
    path = Path(name)
    return path if path.suffix == SUFFIX else path.with_name(path.name + SUFFIX)


def ask_open_path(parent: QWidget, folder: str = "") -> Path | None:
    name, _ = QFileDialog.getOpenFileName(parent, translate("ArchiveDialogs", "Open archive"), folder,
                                          _file_filter(parent))
    return Path(name) if name else None


def start_backup(parent: QWidget, archive: Archive,
                 on_done: Callable[[Path], None]) -> TaskHandle:
    """A verified backup beside the archive, made from a worker's own connection."""
    path = archive.path

    def work(progress):
        conn = archive.reader()
        try:
            return backup.make_backup(conn, path)
        finally:
            conn.close()
    return run_task(parent, work, on_success=on_done,
                    title=translate("ArchiveDialogs", "Backing up the archive…"), cancellable=False)


def auto_backup(parent: QWidget, archive: Archive, reason: str,
                on_done: Callable[[Path | None], None]) -> TaskHandle | None:
    """An automatic backup (``reason``: on-close, before-import, ...) when the archive
    changed since its last backup; then ``on_done(the backup or None)``, also after a
    failure, which is shown. A small archive is backed up on the spot (None is returned,
    ``on_done`` has run); a big one in a worker with its progress (its handle is returned)."""
    try:
        if not backup_policy.needs_backup(archive):
            on_done(None)
            return None
        if backup_policy.quick_enough(archive):
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            try:
                made = backup_policy.auto_backup(archive, reason, force=True)
            finally:
                QApplication.restoreOverrideCursor()
            on_done(made)
            return None
    except ArchiveError as exc:
        show_error(parent, exc)
        on_done(None)
        return None

    def work(progress):
        conn = archive.reader()
        try:
            return backup_policy.backup_and_rotate(archive, conn, reason)
        finally:
            conn.close()

    def done(made: Path) -> None:
        backup_policy.mark_backed_up(archive)
        on_done(made)

    def failed(exc: BaseException) -> None:
        show_error(parent, exc)
        on_done(None)
    return run_task(parent, work, on_success=done, on_failure=failed, cancellable=False,
                    title=translate("ArchiveDialogs", "Backing up the archive…"), show_after_ms=0)


def show_location_warning(parent: QWidget, risk: storage_location.LocationRisk) -> QMessageBox:
    """A non-modal warning that the archive is on a network share or in a cloud-sync folder."""
    box = QMessageBox(QMessageBox.Icon.Warning, translate("ArchiveDialogs", "Archive in a risky place"),
                      risk.message, QMessageBox.StandardButton.Ok, parent)
    box.setWindowModality(Qt.WindowModality.NonModal)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.show()
    return box


def start_check(parent: QWidget, path: Path,
                on_done: Callable[[database.HealthReport], None] | None = None,
                key: database.Key | None = None) -> TaskHandle:
    """Check the file read-only, then say what was found."""
    def done(report: database.HealthReport) -> None:
        show_check_result(parent, path, report)
        if on_done is not None:
            on_done(report)
    return run_task(parent, lambda progress: database.check_file(path, key), on_success=done,
                    title=translate("ArchiveDialogs", "Checking the archive…"), cancellable=False)


def show_check_result(parent: QWidget, path: Path, report: database.HealthReport) -> None:
    box = QMessageBox(parent)
    box.setWindowTitle(translate("ArchiveDialogs", "Check archive"))
    if report.ok:
        box.setIcon(QMessageBox.Icon.Information)
        box.setText(translate("ArchiveDialogs", "The archive {name} is healthy: no damage was found.")
                    .format(name=path.name))
    else:
        box.setIcon(QMessageBox.Icon.Warning)
        last = backup.latest_backup(path)
        hint = (translate("ArchiveDialogs",
                          "The last backup is {backup}. Use Archive → Restore from backup.")
                .format(backup=last.name) if last else
                translate("ArchiveDialogs", "There is no backup of it. Copy the file somewhere safe before "
                          "changing anything."))
        box.setText(translate("ArchiveDialogs", "The archive {name} is damaged.").format(name=path.name)
                    + "\n\n" + hint)
        box.setDetailedText("\n".join(report.problems[:50]))
    box.exec()


def offer_restore_after_failure(parent: QWidget, exc: BaseException) -> bool:
    """Explain why an archive did not open; True when the user asks to restore its backup."""
    if isinstance(exc, ArchiveDamaged) and exc.last_backup is not None:
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(translate("ArchiveDialogs", "The archive is damaged"))
        box.setText(str(exc))
        box.setInformativeText(translate("ArchiveDialogs", "Restore from a backup now? You can look at "
                                         "what each backup holds before choosing."))
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        box.setDefaultButton(QMessageBox.StandardButton.Yes)
        return box.exec() == QMessageBox.StandardButton.Yes
    show_error(parent, exc)
    return False


class RestoreDialog(QDialog):
    """The backups of an archive, newest first, with what the chosen one holds."""

    def __init__(self, archive_path: Path, parent: QWidget | None = None,
                 backups: list[Path] | None = None, key: database.Key | None = None):
        super().__init__(parent)
        self.archive_path = Path(archive_path)
        self.key = key   # opens encrypted backups; asked for when it does not fit
        self.current_key = key   # opens the archive itself, to say what a restore takes away
        self.setWindowTitle(self.tr("Restore from backup"))
        self._previews: dict[Path, backup.BackupPreview] = {}
        self._changes: dict[Path, list[restore_loss.Change] | None] = {}
        self._pending: set[Path] = set()
        self.list = QListWidget()
        self.list.setMinimumWidth(260)
        locale = QLocale()
        for path in backups if backups is not None else backup.list_backups(self.archive_path):
            item = QListWidgetItem(self._label(path, self.archive_path.stem, locale))
            item.setData(Qt.ItemDataRole.UserRole, str(path))
            item.setToolTip(str(path))
            self.list.addItem(item)
        self.list.currentItemChanged.connect(self._show_preview)
        self.details = QGroupBox(self.tr("What this backup holds"))
        form = QFormLayout(self.details)
        self.fields = {}
        for key, label in (("taken", self.tr("Taken")), ("healthy", self.tr("Health")),
                           ("schema", self.tr("Format version")),
                           ("customers", self.tr("Customers")),
                           ("contacts", self.tr("Contacts")),
                           ("transactions", self.tr("Transactions")),
                           ("newest", self.tr("Newest change"))):
            value = QLabel()
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(label, value)
            self.fields[key] = value
        self.lost_box = QGroupBox(self.tr("Changed since this backup: leaves the archive"))
        self.lost = QLabel()
        self.lost.setWordWrap(True)
        self.lost.setObjectName("restore_lost")
        self.lost.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        QVBoxLayout(self.lost_box).addWidget(self.lost)
        self.note = QLabel(self.tr("The archive is closed while it is restored, then opened "
                                   "again. The current file is first kept as a backup of its "
                                   "own, so a restore can be undone."))
        self.note.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.restore_button = self.buttons.addButton(self.tr("&Restore this backup"),
                                                     QDialogButtonBox.ButtonRole.AcceptRole)
        self.restore_button.setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.passphrase_button = self.buttons.addButton(self.tr("&Passphrase…"),
                                                        QDialogButtonBox.ButtonRole.ActionRole)
        self.passphrase_button.setVisible(False)
        self.passphrase_button.clicked.connect(self._ask_passphrase)
        body = QHBoxLayout()
        body.addWidget(self.list, 1)
        body.addWidget(self.details, 1)
        layout = QVBoxLayout(self)
        if self.list.count():
            layout.addWidget(QLabel(self.tr("Backups of {name}, newest first:")
                                    .format(name=self.archive_path.name)))
            layout.addLayout(body)
            layout.addWidget(self.lost_box)
            layout.addWidget(self.note)
            self.list.setCurrentRow(0)
        else:
            empty = QLabel(self.tr("There are no backups of {name} yet. Back up with "
                                   "Archive → Back up now.").format(name=self.archive_path.name))
            empty.setWordWrap(True)
            layout.addWidget(empty)
        layout.addWidget(self.buttons)

    @staticmethod
    def _label(path: Path, stem: str, locale: QLocale) -> str:
        """When it was taken, and why when the name says (e.g. before-upgrade-v1)."""
        found = backup_policy.entry(path, stem)
        text = datetime_text(found.taken)
        reason = backup_policy.reason_label(found.reason)
        return f"{text}  ({reason})" if reason else text

    def chosen(self) -> Path | None:
        item = self.list.currentItem()
        return Path(item.data(Qt.ItemDataRole.UserRole)) if item else None

    def _show_preview(self, current: QListWidgetItem | None, _previous=None) -> None:
        path = self.chosen()
        self.restore_button.setEnabled(False)
        if path is None:
            return
        if path in self._previews:
            self._fill(self._previews[path])
            return
        for value in self.fields.values():
            value.setText("")
        self.fields["healthy"].setText(self.tr("Reading…"))
        if path in self._pending:
            return
        self._pending.add(path)
        # Reading a backup checks it end to end; on a big archive that takes a moment.
        key, archive_path, current_key = self.key, self.archive_path, self.current_key

        def read(progress):
            info = backup.preview(path, key)
            return info, _changes_since(archive_path, current_key, path, key) if info.healthy else None
        run_task(self, read,
                 on_success=self._previewed,
                 on_failure=lambda exc: self._preview_failed(path, exc))

    def _previewed(self, found: tuple) -> None:
        info, changes = found
        self._pending.discard(info.path)
        self._previews[info.path] = info
        self._changes[info.path] = changes
        if info.path == self.chosen():
            self._fill(info)

    def _preview_failed(self, path: Path, exc: BaseException) -> None:
        self._pending.discard(path)
        if path == self.chosen():
            self.fields["healthy"].setText(self.tr("Cannot be read: {error}").format(error=exc))
            self.fields["healthy"].setWordWrap(True)
            self.passphrase_button.setVisible(
                isinstance(exc, (database.PassphraseNeeded, database.WrongPassphrase)))

    def _ask_passphrase(self) -> None:
        """An encrypted backup the current key does not open: ask for its passphrase."""
        from gui.archive.passphrase_dialogs import UnlockDialog
        path = self.chosen()
        if path is None:
            return
        dialog = UnlockDialog(path, self, allow_remember=False)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.key = dialog.key
            self.passphrase_button.setVisible(False)
            self._show_preview(self.list.currentItem())

    def _fill(self, info: backup.BackupPreview) -> None:
        number = QLocale().toString
        self.fields["taken"].setText(datetime_text(info.taken, seconds=True))
        self.fields["healthy"].setText(self.tr("Healthy") if info.healthy
                                       else self.tr("Damaged: cannot be restored"))
        self.fields["schema"].setText(str(info.schema_version))
        for key in ("customers", "contacts", "transactions"):
            count = info.counts.get(key)
            self.fields[key].setText(number(count) if count is not None else "–")
        self.fields["newest"].setText(datetime_text(info.newest_change) or "–")
        self.passphrase_button.setVisible(False)
        changes = self._changes.get(info.path)
        if changes is None:
            self.lost.setText(self.tr("The archive cannot be compared with this backup; what "
                                      "changed since is kept in the replaced file."))
        else:
            self.lost.setText(restore_loss.describe(changes))
        self.restore_button.setEnabled(info.healthy)

    def accept(self) -> None:
        """Restore only once the user has confirmed what leaves the archive."""
        path = self.chosen()
        if path is None:
            return
        changes = self._changes.get(path)
        if changes:
            box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Restore from backup"),
                              self.tr("Restoring this backup takes these changes out of the archive:"),
                              QMessageBox.StandardButton.Cancel, self)
            box.setInformativeText(restore_loss.describe(changes) + "\n\n" + self.tr(
                "They stay in the replaced file, kept as a backup of its own; the audit trail "
                "is carried over."))
            go = box.addButton(self.tr("&Restore and take them out"), QMessageBox.ButtonRole.AcceptRole)
            box.setDefaultButton(QMessageBox.StandardButton.Cancel)
            box.exec()
            if box.clickedButton() is not go:
                return
        super().accept()

    @classmethod
    def ask(cls, parent: QWidget | None, archive_path: Path) -> Path | None:
        """The backup the user chose to restore, or None."""
        chosen = cls.choose(parent, archive_path)
        return chosen[0] if chosen else None

    @classmethod
    def choose(cls, parent: QWidget | None, archive_path: Path,
               key: database.Key | None = None) -> tuple[Path, database.Key | None] | None:
        """The backup chosen and the key that opens it (None for a plain one), or None."""
        dialog = cls(archive_path, parent, key=key)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.chosen() is None:
            return None
        chosen = dialog.chosen()
        return chosen, (dialog.key if database.is_encrypted(chosen) else None)


def _changes_since(archive_path: Path, current_key, backup_path: Path,
                   key) -> list[restore_loss.Change] | None:
    """What the archive holds that the backup does not; None when it cannot be read
    (it does not open, or its passphrase is not known here)."""
    if not Path(archive_path).exists():
        return None
    try:
        if database.is_encrypted(archive_path) and current_key is None:
            return None
        conn = database.connect(Path(archive_path), read_only=True, passphrase=current_key)
        try:
            return restore_loss.changes_since(conn, backup_path, key)
        finally:
            conn.close()
    except (database.sqlite3.Error, ArchiveError):
        return None


def start_restore(parent: QWidget, archive_path: Path, chosen: Path,
                  on_done: Callable[[Path | None], None],
                  key: database.Key | None = None) -> TaskHandle:
    """Put ``chosen`` in place of the (closed) archive; ``on_done(kept)`` gets the copy
    of the replaced file. ``key`` opens an encrypted backup."""
    return run_task(parent, lambda progress: backup.restore(archive_path, chosen, passphrase=key),
                    on_success=on_done, title=translate("ArchiveDialogs", "Restoring the backup…"),
                    cancellable=False)


def create_archive(parent: QWidget, path: Path) -> Archive | None:
    """A new archive, encrypted unless the user chooses otherwise (its passphrase asked here)."""
    from gui.archive.passphrase_dialogs import create_archive as create_protected
    return create_protected(parent, path)
