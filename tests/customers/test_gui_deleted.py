"""Delete → find among the deleted → restore, in the window (issue 17, point 2)."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from gui.customers.customer_editor import CustomerEditor
from gui.customers.deleted_dialog import DeletedDialog
from gui.archive.purge_dialog import PurgeDialog
from model.customers import customers
from model.archive.database import Archive
from tests.gui_helpers import close_window, on_modal_of, open_window, type_text

pytestmark = pytest.mark.gui


@pytest.fixture
def book(tmp_path):
    path = tmp_path / "book.kehu"
    with Archive.create(path) as archive:
        for name, phone in (("张伟", "13800000001"), ("李娜", "13800000002"), ("王强", "13800000003")):
            customers.create(archive.conn, {"name": name, "phone": phone}, by="t")
    return path


def test_delete_then_restore_from_the_deleted_view(qtbot, book):
    window = open_window(qtbot, book)
    page = window.page()
    qtbot.waitUntil(lambda: page.model.rowCount() == 3, timeout=15000)
    assert page.select_customer(1)
    on_modal_of(QMessageBox, lambda box: box.button(QMessageBox.StandardButton.Yes).click())
    window.action("delete_customer").trigger()
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=15000)

    def in_the_dialog(dialog: DeletedDialog):
        assert dialog.model.rowCount() == 1 and dialog.model.index(0, 1).data() == "张伟"
        type_text(dialog.find, "李")
        assert dialog.model.rowCount() == 0 and dialog.empty.isVisibleTo(dialog)
        dialog.find.clear()
        type_text(dialog.find, "zw")          # pinyin initials find the deleted customer
        assert dialog.model.rowCount() == 1
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
        assert dialog.model.rowCount() == 0
        dialog.reject()
    on_modal_of(DeletedDialog, in_the_dialog)
    window.action("deleted_customers").trigger()
    qtbot.waitUntil(lambda: page.model.rowCount() == 3, timeout=15000)
    assert customers.get(window.archive.conn, 1)["deleted_at"] is None
    assert customers.history(window.archive.conn, 1)[0]["field"] == "*restored"
    close_window(qtbot, window)


def test_the_purge_dialog_opens_a_deleted_customer(qtbot, archive, monkeypatch):
    ident = customers.create(archive.conn, {"name": "张伟", "phone": "13800000001"}, by="t")
    customers.delete(archive.conn, ident, by="t")
    dialog = PurgeDialog(None, archive)
    qtbot.addWidget(dialog)
    opened = []

    def restore_in_editor(editor: CustomerEditor):
        opened.append(editor.customer_id)
        assert editor.restore_button.isVisibleTo(editor)
        editor.restore_button.click()
        editor.reject()
    on_modal_of(CustomerEditor, restore_in_editor)
    item = dialog.list.item(0)
    dialog.list.itemDoubleClicked.emit(item)
    assert opened == [ident] and dialog.opened_changed
    assert dialog.list.count() == 0 and customers.get(archive.conn, ident)["deleted_at"] is None


def test_the_search_finds_deleted_customers_with_its_toggle_and_opens_one_to_restore(qtbot, book):
    with Archive.open(book) as archive:
        customers.delete(archive.conn, 1, by="t")
        customers.create(archive.conn, {"name": "张伟明", "phone": "13800000009"}, by="t")
    window = open_window(qtbot, book)
    page = window.page()
    qtbot.waitUntil(lambda: window.search_field.isEnabled(), timeout=15000)
    with qtbot.waitSignal(window.search_done, timeout=5000):
        type_text(window.search_field, "张伟")
    names = [page.model.index(r, 0).data() for r in range(page.model.rowCount())]
    assert names == ["张伟明"]                                    # not the deleted one
    with qtbot.waitSignal(window.search_done, timeout=5000):
        qtbot.mouseClick(window.search_deleted, Qt.MouseButton.LeftButton)
    assert window.search_deleted.isChecked()
    names = [page.model.index(r, 0).data() for r in range(page.model.rowCount())]
    assert names == ["张伟明", "张伟 (deleted)"]                  # live hits first
    deleted = page.model.index(1, 0)
    assert page.model.is_deleted(1) and not page.model.is_deleted(0)
    assert deleted.data(Qt.ItemDataRole.ForegroundRole) is not None
    assert page.model.index(0, 0).data(Qt.ItemDataRole.ForegroundRole) is None
    assert "restore" in deleted.data(Qt.ItemDataRole.ToolTipRole)
    name_width = page.table.columnWidth(0)
    assert name_width >= page.table.sizeHintForColumn(0)       # "张伟 (deleted)" whole
    # Selected, the deleted row is only to open: Delete and Log contact stay off.
    page.table.selectRow(1)
    assert page.selected_ids() == [] and page.row_id() == 1
    assert window.action("edit_customer").isEnabled()
    assert not window.action("delete_customer").isEnabled()

    def restore(editor: CustomerEditor):
        assert editor.restore_button.isVisibleTo(editor) and not editor.save_button.isEnabled()
        qtbot.mouseClick(editor.restore_button, Qt.MouseButton.LeftButton)
        assert not editor.restore_button.isVisibleTo(editor)
        editor.reject()
    on_modal_of(CustomerEditor, restore)
    with qtbot.waitSignal(window.search_done, timeout=15000):
        window.action("edit_customer").trigger()            # Enter opens it
    assert customers.get(window.archive.conn, 1)["deleted_at"] is None
    assert customers.history(window.archive.conn, 1)[0]["field"] == "*restored"
    names = [page.model.index(r, 0).data() for r in range(page.model.rowCount())]
    assert names == ["张伟", "张伟明"]                            # back among the live hits
    with qtbot.waitSignal(window.search_done, timeout=5000):
        window.search_deleted.setChecked(False)
    close_window(qtbot, window)
