"""The passphrase dialogs of encrypted archives and the Archive-menu commands
that change the protection (change passphrase, encrypt, remove encryption).

* :class:`NewPassphraseDialog` chooses a passphrase (typed twice, live
  strength meter; a weak one needs an explicit tick). For a new archive it
  also offers "No encryption", which is not the default and says what it means.
* :class:`UnlockDialog` asks for the passphrase of an encrypted archive; a
  wrong one is said in the dialog, and after five wrong tries the wait before
  the next is shown and counted down.
* :func:`ask_key` uses a passphrase remembered in the OS keychain silently and
  asks only when there is none (or it no longer fits).
"""
from __future__ import annotations

import html

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (QApplication, QCheckBox, QDialog, QDialogButtonBox, QFormLayout,
                               QLabel, QLineEdit, QMessageBox, QProgressBar, QVBoxLayout, QWidget)

from gui.common.tasks import show_error
from model.archive import database, encryption
from model.archive import passphrase as passphrases
from model.archive.database import Archive, ArchiveError, Key
from model.core.i18n import translate

NEW, ENCRYPT, CHANGE = "new", "encrypt", "change"


def _secret_field(parent: QWidget) -> QLineEdit:
    field = QLineEdit(parent)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setMinimumWidth(field.fontMetrics().horizontalAdvance("M") * 22)
    return field


def _remember_box(parent: QWidget, text: str) -> QCheckBox:
    box = QCheckBox(text, parent)
    reason = passphrases.keychain_unavailable_reason()
    if reason:
        box.setEnabled(False)
        box.setToolTip(reason)
    else:
        box.setToolTip(translate("PassphraseDialogs", "Kept in this computer's keychain (not in a file "
                                 "and not in the settings); anyone who can log in as you can then "
                                 "open the archive without typing it."))
    return box


class StrengthMeter(QWidget):
    """A bar (0-4) and the level with its hint, updated as the passphrase is typed."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.bar = QProgressBar()
        self.bar.setRange(0, 4)
        self.bar.setTextVisible(False)
        self.bar.setMaximumHeight(self.fontMetrics().height() // 2)
        self.label = QLabel()
        self.label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.bar)
        layout.addWidget(self.label)
        self.rating = passphrases.strength("")
        self.show_for("")

    def show_for(self, text: str) -> passphrases.Strength:
        self.rating = passphrases.strength(text)
        self.bar.setValue(self.rating.score)
        level = {passphrases.WEAK: self.tr("Weak"), passphrases.FAIR: self.tr("Fair"),
                 passphrases.STRONG: self.tr("Strong")}[self.rating.level]
        colour = {passphrases.WEAK: "#b3261e", passphrases.FAIR: "#8a6d00",
                  passphrases.STRONG: "#1b6e20"}[self.rating.level]
        hint = html.escape(self.rating.hint)
        if not text:
            self.label.setText(hint)
        elif self.rating.level == passphrases.WEAK:
            self.label.setText(f"<b style='color:{colour}'>{level}</b> — {hint}")
        else:       # the hint starts with the level ("Strong. Write it down…"): said once
            self.label.setText(f"<span style='color:{colour}'>{hint}</span>")
        return self.rating


class NewPassphraseDialog(QDialog):
    """Choose a passphrase: for a new archive (``NEW``), to encrypt a plain one
    (``ENCRYPT``) or to replace the current one (``CHANGE``, which first asks
    for the current passphrase, checked against ``current_key``)."""

    def __init__(self, path: Path, mode: str = NEW, parent: QWidget | None = None,
                 current_key: Key | None = None):
        super().__init__(parent)
        self.path = Path(path)
        self.mode = mode
        self.current_key = current_key
        titles = {NEW: self.tr("Protect the new archive"), ENCRYPT: self.tr("Encrypt the archive"),
                  CHANGE: self.tr("Change the passphrase")}
        self.setWindowTitle(titles[mode])
        intro = {
            NEW: self.tr("{name} will be encrypted: without the passphrase nobody can read it, "
                         "not even from a lost laptop. Without it you cannot open it either — "
                         "keep it somewhere safe."),
            ENCRYPT: self.tr("{name} and its backups will be encrypted. A verified backup is taken "
                             "first. Copies you made yourself elsewhere stay readable: delete them."),
            CHANGE: self.tr("The new passphrase replaces the old one for {name} and its backups."),
        }[mode].format(name=self.path.name)
        text = QLabel(intro)
        text.setWordWrap(True)
        form = QFormLayout()
        self.current = None
        if mode == CHANGE:
            self.current = _secret_field(self)
            form.addRow(self.tr("&Current passphrase:"), self.current)
        self.first = _secret_field(self)
        self.second = _secret_field(self)
        form.addRow(self.tr("&Passphrase:") if mode != CHANGE else self.tr("&New passphrase:"), self.first)
        self.meter = StrengthMeter(self)
        form.addRow("", self.meter)
        form.addRow(self.tr("&Again:"), self.second)
        self.mismatch = QLabel(self.tr("The two passphrases differ."))
        self.mismatch.setStyleSheet("color: #b3261e")
        self.mismatch.setVisible(False)
        form.addRow("", self.mismatch)
        self.show_text = QCheckBox(self.tr("&Show the passphrase"))
        form.addRow("", self.show_text)
        self.weak_ok = QCheckBox(self.tr("Use this &weak passphrase anyway"))
        self.weak_ok.setVisible(False)
        form.addRow("", self.weak_ok)
        self.remember_box = _remember_box(self, self.tr("&Remember on this computer"))
        form.addRow("", self.remember_box)
        self.plain = None
        self.plain_warning = None
        if mode == NEW:
            self.plain = QCheckBox(self.tr("&No encryption (not recommended)"))
            self.plain_warning = QLabel(self.tr("Anyone who gets the file — a lost laptop, a copy "
                                                "on a stick — can read every customer in it."))
            self.plain_warning.setWordWrap(True)
            self.plain_warning.setStyleSheet("color: #b3261e")
            self.plain_warning.setVisible(False)
            form.addRow("", self.plain)
            form.addRow("", self.plain_warning)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b3261e")
        self.error.setVisible(False)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        # Wide enough that the strength hint and the warnings wrap in two lines, not five.
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 40)
        for field in filter(None, (self.current, self.first, self.second)):
            field.textChanged.connect(self._update)
        for box in filter(None, (self.weak_ok, self.plain)):
            box.toggled.connect(self._update)
        self.show_text.toggled.connect(self._show_text)
        (self.current or self.first).setFocus()
        self._update()

    def _show_text(self, shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        for field in filter(None, (self.current, self.first, self.second)):
            field.setEchoMode(mode)

    def plain_chosen(self) -> bool:
        return self.plain is not None and self.plain.isChecked()

    def _update(self) -> None:
        plain = self.plain_chosen()
        for widget in (self.first, self.second, self.meter, self.show_text, self.remember_box):
            widget.setEnabled(not plain and (widget is not self.remember_box
                                             or passphrases.keychain_available()))
        if self.plain_warning is not None:
            self.plain_warning.setVisible(plain)
        first, second = self.first.text(), self.second.text()
        rating = self.meter.show_for(first)
        weak = bool(first) and rating.level == passphrases.WEAK and not plain
        self.weak_ok.setVisible(weak)
        self.mismatch.setVisible(bool(second) and first != second and not plain)
        ready = plain or (bool(first) and first == second and (not weak or self.weak_ok.isChecked())
                          and (self.current is None or bool(self.current.text())))
        self.ok_button.setEnabled(ready)

    def accept(self) -> None:
        if not self.ok_button.isEnabled():
            return
        if self.current is not None and self.current_key is not None:
            given = database.derive_key(self.current.text(), self.current_key.salt)
            if given != self.current_key:
                self.error.setText(self.tr("The current passphrase is wrong."))
                self.error.setVisible(True)
                self.current.selectAll()
                self.current.setFocus()
                return
        if self.plain_chosen():
            answer = QMessageBox.warning(
                self, self.tr("No encryption"),
                self.tr("Create {name} without encryption? Anyone with the file can read it. You "
                        "can encrypt it later (Archive → Encrypt archive…).").format(name=self.path.name),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No)
            if answer != QMessageBox.StandardButton.Yes:
                return
        super().accept()

    def passphrase(self) -> str | None:
        """The chosen passphrase; None when "No encryption" was chosen."""
        return None if self.plain_chosen() else self.first.text()

    def remember(self) -> bool:
        return self.remember_box.isEnabled() and self.remember_box.isChecked()


class UnlockDialog(QDialog):
    """Ask for the passphrase of the encrypted archive at ``path`` until it fits
    or the user cancels; ``key`` holds the result."""

    def __init__(self, path: Path, parent: QWidget | None = None, note: str = "",
                 allow_remember: bool = True):
        super().__init__(parent)
        self.path = Path(path).resolve()
        self.key: Key | None = None
        self.damaged: database.ArchiveDamaged | None = None   # the passphrase fits only the backup
        self.setWindowTitle(self.tr("Encrypted archive"))
        text = QLabel(self.tr("{name} is encrypted. Enter its passphrase to open it.")
                      .format(name=self.path.name))
        text.setWordWrap(True)
        text.setToolTip(str(self.path))
        self.note = QLabel(note)
        self.note.setWordWrap(True)
        self.note.setVisible(bool(note))
        self.field = _secret_field(self)
        self.remember_box = _remember_box(self, self.tr("&Remember on this computer"))
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b3261e")
        self.error.setVisible(False)
        self.wait_label = QLabel()
        self.wait_label.setVisible(False)
        form = QFormLayout()
        form.addRow(self.tr("&Passphrase:"), self.field)
        form.addRow("", self.remember_box)
        self.remember_box.setVisible(allow_remember)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("&Open"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (text, self.note):
            layout.addWidget(widget)
        layout.addLayout(form)
        for widget in (self.error, self.wait_label, self.buttons):
            layout.addWidget(widget)
        self._timer = QTimer(self)
        self._timer.setInterval(200)
        self._timer.timeout.connect(self._tick)
        self.field.setFocus()
        self._tick()

    def _tick(self) -> None:
        left = passphrases.throttle.remaining(self.path)
        if left > 0:
            self.ok_button.setEnabled(False)
            self.wait_label.setText(self.tr("Too many wrong tries: you can try again in {seconds} s.")
                                    .format(seconds=max(1, round(left))))
            self.wait_label.setVisible(True)
            if not self._timer.isActive():
                self._timer.start()
        else:
            self._timer.stop()
            self.ok_button.setEnabled(True)
            self.wait_label.setVisible(False)

    def accept(self) -> None:
        text = self.field.text()
        if not text or not self.ok_button.isEnabled():
            return
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.key = database.unlock(self.path, text)
        except database.ArchiveDamaged as exc:
            # The passphrase opens the backup but no page of the archive: not a wrong
            # passphrase; the window says the archive is damaged and offers the backup.
            self.damaged = exc
            QTimer.singleShot(0, lambda: self.done(QDialog.DialogCode.Rejected))
            return
        except database.WrongPassphrase as exc:
            self.error.setText(str(exc))
            self.error.setVisible(True)
            self.field.selectAll()
            self.field.setFocus()
            self._tick()
            return
        except (ArchiveError, OSError) as exc:
            self.error.setText(str(exc))
            self.error.setVisible(True)
            return
        finally:
            QApplication.restoreOverrideCursor()
        if self.remember_box.isChecked() and self.remember_box.isEnabled() and self.remember_box.isVisibleTo(self):
            passphrases.remember(self.path, text)
        super().accept()


def ask_key(parent: QWidget | None, path: Path) -> Key | None:
    """The key of the encrypted archive at ``path``: from a passphrase remembered
    in the keychain when there is one that fits, else asked for; None when
    the user cancels. Raises ArchiveDamaged when the passphrase fits the
    archive's backup but not the archive."""
    path = Path(path).resolve()
    note = ""
    saved = passphrases.remembered(path)
    if saved:
        try:
            return database.unlock(path, saved)
        except database.WrongPassphrase:
            passphrases.forget(path)
            note = translate("PassphraseDialogs", "The passphrase remembered on this computer no longer "
                             "opens it, so it was forgotten.")
    dialog = UnlockDialog(path, parent, note)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        if dialog.damaged is not None:
            raise dialog.damaged
        return None
    return dialog.key


def ask_new(parent: QWidget | None, path: Path) -> tuple[bool, str | None, bool]:
    """For a new archive: (go on?, passphrase or None for a plain one, remember?)."""
    dialog = NewPassphraseDialog(path, NEW, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False, None, False
    return True, dialog.passphrase(), dialog.remember()


def create_archive(parent: QWidget | None, path: Path) -> Archive | None:
    """A new archive at ``path``, encrypted unless the user chose otherwise."""
    go_on, secret, keep = ask_new(parent, path)
    if not go_on:
        return None
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        archive = Archive.create(path, passphrase=secret)
    except ArchiveError as exc:
        QApplication.restoreOverrideCursor()
        show_error(parent, exc)
        return None
    QApplication.restoreOverrideCursor()
    if secret and keep:
        passphrases.remember(archive.path, secret)
    return archive


# -- the Archive menu -------------------------------------------------------------

def status_text(archive: Archive | None) -> tuple[str, str]:
    """The status bar's lock text and its tooltip."""
    if archive is None:
        return "", ""
    if archive.encrypted:
        return (translate("PassphraseDialogs", "Encrypted"),
                translate("PassphraseDialogs", "The archive, its journal and its backups are encrypted "
                          "with your passphrase."))
    if encryption.is_demo(archive.conn):
        return (translate("PassphraseDialogs", "Not encrypted (demo)"),
                translate("PassphraseDialogs", "The demo archive holds made-up customers and is not "
                          "encrypted."))
    return (translate("PassphraseDialogs", "Not encrypted"),
            translate("PassphraseDialogs", "Anyone with the file can read it. Archive → Encrypt "
                      "archive… protects it with a passphrase."))


def update_actions(actions: dict, archive: Archive | None) -> None:
    """Show "Encrypt archive…" or "Remove encryption…", whichever fits, and
    enable "Change passphrase…" for an encrypted archive only."""
    encrypted = archive is not None and archive.encrypted
    for key, visible in (("encrypt", archive is None or not encrypted), ("decrypt", encrypted),
                         ("change_passphrase", True)):
        if key in actions:
            action = actions[key][1]
            action.setVisible(visible)
            if key == "change_passphrase":
                action.setEnabled(action.isEnabled() and encrypted)


def change_passphrase(window) -> None:
    archive: Archive | None = window.archive
    if archive is None or not archive.encrypted:
        return
    dialog = NewPassphraseDialog(archive.path, CHANGE, window, archive.key)
    dialog.remember_box.setChecked(passphrases.remembered(archive.path) is not None)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return
    secret = dialog.passphrase()
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        left = encryption.change_passphrase(archive, secret)
    except ArchiveError as exc:
        QApplication.restoreOverrideCursor()
        show_error(window, exc)
        return
    QApplication.restoreOverrideCursor()
    if dialog.remember():
        passphrases.remember(archive.path, secret)
    else:
        passphrases.forget(archive.path)
    message = translate("PassphraseDialogs", "The passphrase was changed. The backups it could open "
                        "were re-keyed too.")
    if left:
        message += "\n\n" + translate("PassphraseDialogs", "These backups keep the passphrase they were "
                                      "taken with:") + "\n" + "\n".join(p.name for p in left)
    QMessageBox.information(window, translate("PassphraseDialogs", "Passphrase changed"), message)
    window.statusBar().showMessage(translate("PassphraseDialogs", "Passphrase changed."), 5000)


def _convert(window, work) -> None:
    """Close the archive in the window, run ``work(path, key) -> Archive``, and
    show the result; on failure the archive is opened again as it was."""
    archive: Archive = window.archive
    path, key = archive.path, archive.key
    window.save_window_state()
    window._close_archive()
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        opened = work(path, key)
    except ArchiveError as exc:
        QApplication.restoreOverrideCursor()
        show_error(window, exc)
        window.open_archive(path, key) if key is not None else window.open_archive(path)
        return
    QApplication.restoreOverrideCursor()
    window._set_archive(opened)


def encrypt_archive(window) -> None:
    archive: Archive | None = window.archive
    if archive is None or archive.encrypted:
        return
    dialog = NewPassphraseDialog(archive.path, ENCRYPT, window)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return
    secret = dialog.passphrase()
    left: list[Path] = []

    def work(path: Path, _key) -> Archive:
        nonlocal left
        opened, left = encryption.encrypt(Archive.open(path), secret)
        return opened
    _convert(window, work)
    if window.archive is None or not window.archive.encrypted:
        return
    if dialog.remember():
        passphrases.remember(window.archive.path, secret)
    message = translate("PassphraseDialogs", "The archive and its backups are now encrypted. Copies you "
                        "made yourself elsewhere stay readable: delete them.")
    if left:
        message += "\n\n" + translate("PassphraseDialogs", "These backups could not be encrypted and are "
                                      "still readable; delete them:") + "\n" + "\n".join(str(p) for p in left)
    QMessageBox.information(window, translate("PassphraseDialogs", "Archive encrypted"), message)


def decrypt_archive(window) -> None:
    archive: Archive | None = window.archive
    if archive is None or not archive.encrypted:
        return
    answer = QMessageBox.warning(
        window, translate("PassphraseDialogs", "Remove encryption"),
        translate("PassphraseDialogs", "Without encryption, anyone who gets {name} — a lost laptop, a "
                  "copy — can read every customer in it. Its earlier backups stay encrypted. Remove "
                  "the encryption?").format(name=archive.path.name),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
    if answer != QMessageBox.StandardButton.Yes:
        return
    _convert(window, lambda path, key: encryption.decrypt(Archive.open(path, key)))
    if window.archive is not None and not window.archive.encrypted:
        window.statusBar().showMessage(translate("PassphraseDialogs", "The archive is no longer "
                                                 "encrypted."), 8000)
