"""The lock screen (gui/main_window/app_lock.py): what the window shows while locked, no
customer, only how to get back in."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from gui.common.widgets import ERROR_STYLE
from gui.common.icons import icon

WARNING_PANEL = ("QLabel { background: #fff4e0; color: #5c3b00; border: 1px solid #e8b860;"
                 " border-radius: 4px; padding: 8px; }")
NOTE_PANEL = ("QLabel { background: #e9f0fa; color: #1d3b5c; border: 1px solid #a9c1e0;"
              " border-radius: 4px; padding: 8px; }")


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
