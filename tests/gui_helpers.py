"""Helpers for driving real widgets in tests."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QWidget


def type_text(widget: QWidget, text: str) -> None:
    """Type any text, Chinese included, as an input method would commit it.

    ``qtbot.keyClicks`` with non-ASCII text aborts the process; this sends a
    QInputMethodEvent with a commit string instead.
    """
    widget.setFocus()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QCoreApplication.sendEvent(widget, event)
