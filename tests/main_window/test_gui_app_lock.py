"""App lock with real widgets: idle time, what a locked window still shows, the archive
closed and its key dropped, unlocking back to where the user was, dialogs and running
work at lock time, and an archive that cannot be opened again."""
from __future__ import annotations

import gc
import shutil
import sys
import threading
import weakref
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QModelIndex, QPointF, Qt, QTimer
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QLabel, QLineEdit, QMessageBox,
                               QWidget)

from model.customers.customer_filters import CustomerFilter
from gui.main_window.main_window import MainWindow
from gui.main_window.preferences import PreferencesDialog
from gui.common.tasks import run_task
from model.customers import customers
from model.archive import database
from model.core import settings
from model.archive.database import Archive
from tests.gui_helpers import type_text
from tests.main_window.test_gui_main import windows  # noqa: F401 - the main window tests' fixture

pytestmark = pytest.mark.gui
BY = "tester"
SECRET = "Pearl-river 7 tea houses"


def make_book(path: Path, passphrase: str | None = None, extra: int = 120) -> Path:
    archive = Archive.create(path, passphrase=passphrase)
    try:
        with archive.transaction():
            customers.create(archive.conn, {"name": "张三丰", "phone": "13800001111",
                                            "area": "阳光小区", "manager": "李经理"}, BY)
            customers.create(archive.conn, {"name": "李四", "area": "阳光小区",
                                            "manager": "李经理"}, BY)
            for n in range(extra):
                customers.create(archive.conn, {"name": f"Customer {n:03d}",
                                                "phone": f"139{n:08d}", "manager": "王经理"}, BY)
    finally:
        archive.close()
    return path


@pytest.fixture
def book(tmp_path) -> Path:
    return make_book(tmp_path / "book.kehu")


def open_in(qtbot, window: MainWindow, path: Path) -> None:
    with qtbot.waitSignal(window.archive_changed, timeout=15000):
        window.open_archive(path)
    qtbot.waitUntil(lambda: window._searcher is not None and not window.busy(), timeout=15000)


def wait_locked(qtbot, window: MainWindow) -> None:
    lock = window.app_lock
    qtbot.waitUntil(lambda: lock.locked and not lock.closing, timeout=5000)


def unlock(qtbot, window: MainWindow, passphrase: str | None = None) -> None:
    screen = window.app_lock.screen
    with qtbot.waitSignal(window.app_lock.unlocked, timeout=15000):
        if passphrase is not None:
            type_text(screen.passphrase, passphrase)
        qtbot.mouseClick(screen.unlock_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.busy(), timeout=15000)


def visible_texts(root: QWidget) -> str:
    """Everything a person or a screen reader can read in the window."""
    texts = [root.windowTitle()]
    for label in root.findChildren(QLabel):
        if label.isVisibleTo(root):
            texts.append(label.text())
    for field in root.findChildren(QLineEdit):
        if field.isVisibleTo(root):
            texts.append(field.text())
    for view in root.findChildren(QAbstractItemView):
        model = view.model()
        if model is None:
            continue
        try:
            columns = model.columnCount(QModelIndex())
        except TypeError:      # a list model keeps it private
            columns = 1
        for row in range(min(model.rowCount(), 200)):
            for column in range(columns):
                texts.append(str(model.data(model.index(row, column)) or ""))
    return "\n".join(texts)


def lock_file(path: Path) -> Path:
    return path.resolve().with_name(path.name + ".lock")


# -- idle time ----------------------------------------------------------------------------

def test_idle_time_locks_and_input_restarts_it(qtbot, windows, book):
    window = windows()
    open_in(qtbot, window, book)
    lock = window.app_lock
    assert lock.idle_timer_active()                 # 10 minutes by default
    lock.set_idle_interval(400)
    table = window.page().table
    for _ in range(6):                              # 6 x 150 ms of typing: never idle for 400 ms
        qtbot.wait(150)
        qtbot.keyClick(table, Qt.Key.Key_Down)
        assert not lock.locked
    moved = QMouseEvent(QEvent.Type.MouseMove, QPointF(5, 5), QPointF(5, 5), Qt.MouseButton.NoButton,
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    qtbot.wait(250)
    QApplication.sendEvent(table.viewport(), moved)  # the mouse counts too
    qtbot.wait(250)
    assert not lock.locked
    wait_locked(qtbot, window)
    assert window.archive is None
    assert not lock.idle_timer_active()             # nothing to lock while locked


def test_the_setting_and_never(qtbot, windows, book):
    dialog = PreferencesDialog()
    qtbot.addWidget(dialog)
    assert dialog.lock_minutes.value() == 10
    dialog.lock_minutes.setValue(0)
    assert dialog.lock_minutes.text() == "Never"
    dialog.save()
    assert settings.get(settings.LOCK_IDLE_MINUTES) == 0
    window = windows()
    open_in(qtbot, window, book)
    assert not window.app_lock.idle_timer_active()
    settings.put(settings.LOCK_IDLE_MINUTES, 3)
    window.app_lock.apply_settings()
    assert window.app_lock.idle_timer_active()
    assert window.app_lock.idle_minutes() == 3


# -- locked -------------------------------------------------------------------------------

def test_locked_window_shows_no_customer_and_the_archive_is_closed(qtbot, windows, book):
    window = windows()
    open_in(qtbot, window, book)
    window.show_area("visits")
    window.show_area("customers")
    qtbot.waitUntil(lambda: not window.busy(), timeout=15000)
    archive = window.archive
    conn = archive.conn
    assert "张三丰" in visible_texts(window)
    assert lock_file(book).exists()
    gone = weakref.ref(archive)
    del archive
    window.action("lock").trigger()
    wait_locked(qtbot, window)

    assert window.central.currentWidget() is window.app_lock.screen
    shown = visible_texts(window)
    assert "张三丰" not in shown and "李四" not in shown and "Customer 0" not in shown
    assert "book.kehu" in shown                      # which archive unlocks
    assert window.windowTitle() == "Locked — Kehu"
    assert window.page() is None and window.pages == {}
    assert window._searcher is None and window.search_field.text() == ""
    with pytest.raises(database.sqlite3.ProgrammingError):
        conn.execute("SELECT 1")                     # the connection is closed
    assert not lock_file(book).exists()              # the OS lock is released

    def released() -> bool:
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
        gc.collect()
        return gone() is None
    qtbot.waitUntil(released, timeout=3000)         # the Archive (and any key) is let go
    assert [spec.key for spec, action in window._actions.values() if action.isEnabled()] \
        == ["quit", "about"]
    # Another program may open it meanwhile, and our own reopening is not refused by a lock.
    Archive.open(book).close()
    screen = window.app_lock.screen
    assert not screen.passphrase.isVisible() and screen.unlock_button.isVisible()
    assert screen.plain_note.isVisible() and "not encrypted" in screen.plain_note.text()
    unlock(qtbot, window)
    assert window.archive is not None and lock_file(book).exists()


def test_unlock_brings_back_the_list_as_it_was(qtbot, windows, book):
    window = windows()
    open_in(qtbot, window, book)
    page = window.page()
    page.filter_bar.set_filter(CustomerFilter(manager="王经理"), emit=True)
    keys = [c.key for c in page.columns]
    page.table.sortByColumn(keys.index("name"), Qt.SortOrder.DescendingOrder)
    window.resize(1000, 500)
    qtbot.waitUntil(lambda: page.table.verticalScrollBar().maximum() > 0)
    model = page.model
    chosen = [model.customer_id(r) for r in (40, 41, 43)]
    for customer_id in chosen:
        row = model.row_of(customer_id)
        page.table.selectionModel().select(model.index(row, 0),
                                           page.table.selectionModel().SelectionFlag.Select
                                           | page.table.selectionModel().SelectionFlag.Rows)
    page.table.verticalScrollBar().setValue(25)
    first = model.data(model.index(0, 0))
    assert first == "Customer 119"

    window.lock_now()
    wait_locked(qtbot, window)
    unlock(qtbot, window)

    page = window.page()
    assert window.nav.currentRow() == 0
    assert page.model.current_filter() == CustomerFilter(manager="王经理")
    assert page.filter_bar.filter() == CustomerFilter(manager="王经理")
    assert page.model.sort_key() == ("name", True)
    assert page.model.data(page.model.index(0, 0)) == "Customer 119"
    assert sorted(page.selected_ids()) == sorted(chosen)
    assert page.table.verticalScrollBar().value() == 25
    assert not window.app_lock.locked and window.app_lock.idle_timer_active()
    assert window.windowTitle() == "book — Kehu"


def test_unlock_brings_back_the_search_and_the_area(qtbot, windows, book):
    window = windows()
    open_in(qtbot, window, book)
    with qtbot.waitSignal(window.search_done, timeout=5000):
        type_text(window.search_field, "张三")
    page = window.page()
    hit = page.model.customer_id(0)
    assert page.model.rowCount() == 1 and page.selected_ids() == [hit]
    window.show_area("visits")
    visits = window.pages["visits"]
    visits.tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: not window.busy(), timeout=15000)

    window.lock_now()
    wait_locked(qtbot, window)
    unlock(qtbot, window)

    assert window.search_field.text() == "张三"
    page = window.page()
    assert page.model.rowCount() == 1 and page.selected_ids() == [hit]
    assert window.stack.currentWidget() is window.pages["visits"]
    assert window.pages["visits"].tabs.currentIndex() == 1


# -- encrypted archives -------------------------------------------------------------------

def test_encrypted_archive_unlocks_with_its_passphrase_and_says_when_it_is_wrong(
        qtbot, windows, tmp_path, monkeypatch):
    path = make_book(tmp_path / "secret.kehu", passphrase=SECRET, extra=3)
    window = windows()
    with qtbot.waitSignal(window.archive_changed, timeout=15000):
        window._set_archive(Archive.open(path, passphrase=SECRET))
    qtbot.waitUntil(lambda: not window.busy(), timeout=15000)
    assert window.archive.encrypted
    window.lock_now()
    wait_locked(qtbot, window)
    salt = window.app_lock.where.path.read_bytes()[:16]

    def keys_left() -> int:
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
        gc.collect()
        return sum(1 for o in gc.get_objects() if isinstance(o, database.Key) and o.salt == salt)
    qtbot.waitUntil(lambda: keys_left() == 0, timeout=3000)    # the key is dropped
    screen = window.app_lock.screen
    assert screen.passphrase.isVisible() and not screen.plain_note.isVisible()
    assert not screen.unlock_button.isEnabled()       # nothing typed yet
    type_text(screen.passphrase, "not it")
    qtbot.mouseClick(screen.unlock_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.message.isVisible(), timeout=15000)
    assert "passphrase" in screen.message.text().lower()
    assert window.archive is None and window.app_lock.locked
    assert screen.passphrase.text() == ""
    unlock(qtbot, window, SECRET)
    assert window.archive.encrypted
    assert "张三丰" in visible_texts(window)


# -- dialogs and work at lock time ------------------------------------------------------

def test_an_open_editor_keeps_its_unsaved_edits_through_the_lock(qtbot, windows, book):
    window = windows()
    open_in(qtbot, window, book)
    page = window.page()
    target = next(page.model.customer_id(r) for r in range(page.model.rowCount())
                  if page.model.data(page.model.index(r, 0)) == "李四")
    page.select_customer(target)
    seen = {}

    def while_editing() -> None:
        editor = QApplication.activeModalWidget()
        seen["editor"] = type(editor).__name__
        editor.inputs["notes"].setPlainText(SECRET)
        window.app_lock.lock()
    QTimer.singleShot(300, while_editing)
    window.run_action("edit_customer")                   # modal: returns when the lock closed it
    assert seen["editor"] == "CustomerEditor"
    wait_locked(qtbot, window)
    assert QApplication.activeModalWidget() is None
    assert SECRET not in visible_texts(window)
    assert window.app_lock.screen.draft_note.isVisible()
    with Archive.open(book) as plain:        # nothing was written behind the user's back
        assert customers.get(plain.conn, target)["notes"] is None

    unlock(qtbot, window)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is not None, timeout=5000)
    editor = QApplication.activeModalWidget()
    assert editor.customer_id == target
    assert editor.value("notes") == SECRET and editor.is_dirty()
    assert editor.save()
    editor.done(0)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
    assert customers.get(window.archive.conn, target)["notes"] == SECRET


def test_a_question_open_at_lock_time_is_cancelled(qtbot, windows, book):
    window = windows()
    open_in(qtbot, window, book)
    page = window.page()
    page.table.selectRow(0)
    chosen = page.selected_ids()

    def while_asking() -> None:
        assert isinstance(QApplication.activeModalWidget(), QMessageBox)
        window.app_lock.lock()
    QTimer.singleShot(300, while_asking)
    window.run_action("delete_customer")                 # "Delete the customer …?" stays unanswered
    wait_locked(qtbot, window)
    unlock(qtbot, window)
    assert customers.get(window.archive.conn, chosen[0])["deleted_at"] is None


def test_running_work_holds_the_lock_until_it_ends(qtbot, windows, book):
    window = windows()
    open_in(qtbot, window, book)
    lock = window.app_lock
    release = threading.Event()
    archive = window.archive

    def work(progress):
        conn = archive.reader()
        try:
            release.wait(10)
            return conn.execute("SELECT count(*) FROM customers").fetchone()[0]
        finally:
            conn.close()
    results = []
    run_task(window, work, on_success=results.append)
    lock.set_idle_interval(100)
    qtbot.waitUntil(lock.pending, timeout=3000)
    qtbot.wait(300)
    assert not lock.locked and window.archive is archive
    qtbot.keyClick(window.page().table, Qt.Key.Key_Down)    # back before it ended: no lock
    assert not lock.pending()
    lock.set_idle_interval(0)
    lock.lock()                                  # "Lock now" waits too, whatever the input
    assert lock.pending() and "as soon as" in window.statusBar().currentMessage()
    qtbot.keyClick(window.page().table, Qt.Key.Key_Down)
    assert lock.pending()
    release.set()
    wait_locked(qtbot, window)
    assert results == [122]


def test_an_archive_that_cannot_be_opened_again_offers_open_and_restore(qtbot, windows, book,
                                                                         tmp_path):
    window = windows()
    open_in(qtbot, window, book)
    window.lock_now()
    wait_locked(qtbot, window)
    shutil.move(book, tmp_path / "moved.kehu")
    screen = window.app_lock.screen
    qtbot.mouseClick(screen.unlock_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.message.isVisible(), timeout=15000)
    assert "There is no archive at" in screen.message.text()
    assert screen.open_button.isVisible() and screen.restore_button.isVisible()
    assert screen.unlock_button.text() == "Try &again"
    shutil.move(tmp_path / "moved.kehu", book)
    unlock(qtbot, window)                     # Try again, now that it is back
    assert window.archive is not None and not screen.open_button.isVisible()


def test_quitting_while_locked_asks_about_kept_edits(qtbot, windows, book, monkeypatch):
    window = windows()
    open_in(qtbot, window, book)
    window.page().table.selectRow(0)

    def while_editing() -> None:
        QApplication.activeModalWidget().inputs["notes"].setPlainText("call back")
        window.app_lock.lock()
    QTimer.singleShot(300, while_editing)
    window.run_action("edit_customer")
    wait_locked(qtbot, window)
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kw: (
        asked.append(args[2]), QMessageBox.StandardButton.Cancel)[1])
    window.close()
    assert asked and "not saved" in asked[0]
    assert window.isVisible()
    window.app_lock.where = None           # the fixture closes it without asking


@pytest.mark.skipif(sys.platform == "win32", reason="holds the lock file with flock")
def test_an_archive_opened_elsewhere_meanwhile_is_not_taken_over(qtbot, windows, book):
    import fcntl
    window = windows()
    open_in(qtbot, window, book)
    window.lock_now()
    wait_locked(qtbot, window)
    with open(lock_file(book), "a+b") as other:       # another Kehu has it open now
        fcntl.flock(other.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        screen = window.app_lock.screen
        qtbot.mouseClick(screen.unlock_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: screen.message.isVisible(), timeout=15000)
        assert "open in another Kehu window" in screen.message.text()
        assert window.archive is None
        fcntl.flock(other.fileno(), fcntl.LOCK_UN)
    unlock(qtbot, window)
    assert window.archive is not None


def test_input_after_the_machine_slept_locks_instead_of_going_through(qtbot, windows, book):
    window = windows()
    open_in(qtbot, window, book)
    lock = window.app_lock
    page = window.page()
    page.table.selectRow(0)
    before = page.selected_ids()
    lock._last_input -= 11 * 60        # the timer's clock stood still while the laptop slept
    qtbot.keyClick(page.table, Qt.Key.Key_Down)
    wait_locked(qtbot, window)
    unlock(qtbot, window)
    assert window.page().selected_ids() == before  # the key press did not reach the list


def test_lock_now_has_a_shortcut_of_its_own(qtbot, windows):
    window = windows()
    lock = window.action("lock")
    assert lock.shortcut().toString() == "Ctrl+Shift+K"
    assert not lock.isEnabled()                       # nothing to lock without an archive
    taken = [key.toString() for spec, action in window._actions.values() if spec.key != "lock"
             for key in action.shortcuts()]
    assert "Ctrl+Shift+K" not in taken
