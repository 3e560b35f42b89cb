"""The restore dialog says what leaves the archive, asks first, and the trail is carried (issue 17)."""
from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QMessageBox

from gui.archive import archive_dialogs
from model.archive import audit, backup
from model.customers import customers
from model.archive.database import Archive
from tests.gui_helpers import close_window, on_modal_of, open_window


def _book(tmp_path):
    path = tmp_path / "book.kehu"
    with Archive.create(path) as archive:
        customers.create(archive.conn, {"name": "王芳", "phone": "13800000001"}, by="t")
        made = backup.make_backup(archive.conn, archive.path)
        for i in range(4):
            customers.create(archive.conn, {"name": f"新客户{i}", "phone": f"1390000000{i}"}, by="t")
        audit.record(archive.conn, "export", "客户.csv", 804, by="王芳", reason="年度核对")
        for n in range(6):
            audit.record(archive.conn, "print", f"打印{n}", 1, by="王芳")
    return path, made


def _pick(dialog, qtbot, made, answer: str):
    row = next(i for i in range(dialog.list.count())
               if dialog.list.item(i).data(Qt.ItemDataRole.UserRole) == str(made))
    dialog.list.setCurrentRow(row)
    qtbot.waitUntil(lambda: dialog.restore_button.isEnabled(), timeout=15000)
    assert "Customers added: 4" in dialog.lost.text() and "新客户3" in dialog.lost.text()

    def confirm(box):
        assert "Customers added: 4" in box.informativeText()
        if answer == "go":
            next(b for b in box.buttons() if "take them out" in b.text()).click()
        else:
            box.button(QMessageBox.StandardButton.Cancel).click()
            QTimer.singleShot(0, dialog.reject)
    on_modal_of(QMessageBox, confirm)
    dialog.restore_button.click()


def test_restore_asks_first_and_cancel_changes_nothing(qtbot, tmp_path):
    path, made = _book(tmp_path)
    window = open_window(qtbot, path)
    on_modal_of(archive_dialogs.RestoreDialog, lambda d: _pick(d, qtbot, made, "cancel"))
    assert window.restore_backup() is None
    assert window.archive is not None and customers.count(window.archive.conn) == 5
    close_window(qtbot, window)


def test_restore_confirmed_keeps_the_whole_trail(qtbot, tmp_path):
    path, made = _book(tmp_path)
    window = open_window(qtbot, path)
    on_modal_of(archive_dialogs.RestoreDialog, lambda d: _pick(d, qtbot, made, "go"))
    with qtbot.waitSignal(window.archive_changed, timeout=20000):
        window.restore_backup()
    qtbot.waitUntil(lambda: not window.busy(), timeout=15000)
    conn = window.archive.conn
    assert customers.count(conn) == 1
    got = audit.entries(conn)
    assert [e.action for e in got] == ["restore"] + ["print"] * 6 + ["export"]
    assert got[-1].reason == "年度核对" and got[0].detail["carried"] == 7
    close_window(qtbot, window)
