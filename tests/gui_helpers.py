"""Helpers for driving real widgets in tests."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTimer
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


# Pollers of on_modal/on_modal_of belong to the test that started them: a poller still
# waiting when its test ends would answer a box of a later test (tests/conftest.py bumps this).
_generation = [0]


# Connections a test writes on behind the window's back (see own_connection).
_own: list = []


def end_of_test() -> None:
    """Stop every poller the test left waiting, close its own connections (after each test)."""
    _generation[0] += 1
    while _own:
        _own.pop().close()


def own_connection(archive):
    """A connection of the test's own, to write on as another program would: the window's
    connection only reads (``PRAGMA query_only``), its writes go through gui.common.operations."""
    conn = archive.reader()
    _own.append(conn)
    return conn


def on_modal(action) -> None:
    """Run ``action(dialog)`` on the modal dialog about to be shown (its exec blocks the test)."""
    from PySide6.QtWidgets import QApplication
    generation = _generation[0]

    def run():
        if generation != _generation[0]:
            return
        widget = QApplication.activeModalWidget()
        if widget is None:
            QTimer.singleShot(20, run)
            return
        action(widget)
    QTimer.singleShot(0, run)


def on_modal_of(kind, action) -> None:
    """Run ``action(widget)`` once a modal widget of class ``kind`` is shown (a box
    opened from within another modal dialog, for instance)."""
    from PySide6.QtWidgets import QApplication
    generation = _generation[0]

    def run():
        if generation != _generation[0]:
            return
        widget = QApplication.activeModalWidget()
        if not isinstance(widget, kind):
            QTimer.singleShot(20, run)
            return
        action(widget)
    QTimer.singleShot(0, run)


def open_window(qtbot, path):
    """A main window showing the archive at ``path``, once its first work is done."""
    from gui.main_window.main_window import MainWindow
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.archive_changed, timeout=15000):
        window.open_archive(path)
    qtbot.waitUntil(lambda: not window.busy(), timeout=15000)
    return window


def close_window(qtbot, window) -> None:
    """Close the window once its work is done (a task left running would report into the next test)."""
    qtbot.waitUntil(lambda: not window.busy(), timeout=15000)
    window.close()
    qtbot.waitUntil(lambda: window.archive is None, timeout=15000)


def table_cells(view, row: int) -> list:
    """The texts shown in one row of a table view."""
    from PySide6.QtCore import Qt
    model = view.model()
    return [model.index(row, c).data(Qt.ItemDataRole.DisplayRole) for c in range(model.columnCount())]
