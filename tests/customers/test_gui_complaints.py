"""Complaints in the window: the editor's Complaints tab records one and moves it on, a
wrong move shows why; the window's list of open complaints (gui.customers.complaints)."""
from __future__ import annotations

from datetime import date, timedelta

import pytest

from gui.customers.complaints import ComplaintDialog, ComplaintsDialog, MoveDialog
from gui.customers.customer_editor import CustomerEditor
from gui.common.forms import to_qdate
from model.customers import complaints, customers
from model.core import settings
from tests.gui_helpers import on_modal_of, table_cells, type_text

pytestmark = pytest.mark.gui


@pytest.fixture
def customer(archive):
    settings.put(settings.USER_NAME, "李经理")
    return customers.create(archive.conn, {"name": "张三丰", "phone": "13800138000", "manager": "王经理"}, "李经理")


def test_record_a_complaint_in_the_editor_and_move_it_on(qtbot, archive, customer):
    editor = CustomerEditor(None, archive, customer)
    qtbot.addWidget(editor)
    panel = editor.complaints_panel
    index = editor.tabs.indexOf(panel)
    assert editor.tabs.tabText(index) == "Complaints (0)"
    editor.tabs.setCurrentIndex(index)
    assert panel.record_button.isEnabled() and not panel.move_button.isEnabled()
    day = date.today() - timedelta(days=5)

    def fill(dialog: ComplaintDialog):
        assert dialog.owner.text() == "王经理"              # the customer's manager by default
        dialog.date.setDate(to_qdate(day))
        assert dialog.due.date() == to_qdate(day + timedelta(days=3))     # date + due_days
        dialog.category.setCurrentIndex(dialog.category.findData("fees"))
        dialog.channel.setCurrentIndex(dialog.channel.findData("counter"))
        dialog.save_button.click()                         # nothing said: refused, stays open
        assert dialog.isVisible() and "Say what the complaint is about" in dialog.error.text()
        type_text(dialog.what, "年费扣得不明白")
        dialog.save_button.click()
    on_modal_of(ComplaintDialog, fill)
    made = panel.record()
    assert made is not None and editor.saved
    assert editor.tabs.tabText(index) == "Complaints (1)"
    row = table_cells(panel.view, 0)
    assert row[:3] == [day.isoformat(), "Fees and charges", "At the branch counter"]
    assert row[3] == "年费扣得不明白" and row[6] == "Open" and row[7] == "2 d"
    assert panel.chosen().id == made and "李经理: Open" in panel.history.text()

    # open → confirmed is refused in the dialog, which stays open with the reason
    def refuse_then_resolve(dialog: MoveDialog):
        assert [dialog.to.itemData(i) for i in range(dialog.to.count())] == ["in_hand", "resolved"]
        assert not dialog.satisfaction.isEnabled()
        dialog.to.setCurrentIndex(dialog.to.findData("resolved"))
        dialog.on.setDate(to_qdate(day - timedelta(days=1)))
        dialog.save_button.click()
        assert dialog.isVisible() and "before the complaint's date" in dialog.error.text()
        dialog.on.setDate(to_qdate(date.today()))
        type_text(dialog.note, "已退还年费")
        dialog.save_button.click()
    on_modal_of(MoveDialog, refuse_then_resolve)
    assert panel.move_selected()
    assert complaints.get(archive.conn, made).status == "resolved"
    assert table_cells(panel.view, 0)[6] == "Resolved" and table_cells(panel.view, 0)[7] == ""
    assert "Open → Resolved (已退还年费)" in panel.history.text()

    def confirm(dialog: MoveDialog):
        assert [dialog.to.itemData(i) for i in range(dialog.to.count())] == ["confirmed", "in_hand"]
        assert dialog.to.itemText(1) == "In hand (reopen)"
        assert dialog.satisfaction.isEnabled()
        dialog.satisfaction.setValue(4)
        dialog.save_button.click()
    on_modal_of(MoveDialog, confirm)
    assert panel.move_selected()
    c = complaints.get(archive.conn, made)
    assert (c.status, c.satisfaction) == ("confirmed", 4)
    assert table_cells(panel.view, 0)[6] == "Confirmed with the customer" and table_cells(panel.view, 0)[8] == "4/5"
    assert not panel.move_button.isEnabled()          # confirmed: closed
    assert not panel.move_selected()


def test_a_deleted_customer_takes_no_new_complaint(qtbot, archive, customer):
    customers.delete(archive.conn, customer, "李经理")
    editor = CustomerEditor(None, archive, customer)
    qtbot.addWidget(editor)
    assert not editor.complaints_panel.record_button.isEnabled()


def test_the_window_lists_the_open_complaints(qtbot, archive, customer):
    other = customers.create(archive.conn, {"name": "李四", "manager": "李经理"}, "李经理")
    conn = archive.conn
    today = date.today()
    late = complaints.create(conn, customer, on=today - timedelta(days=10), channel="phone", category="service",
                             what="态度不好", by="t")
    complaints.create(conn, other, on=today, channel="visit", category="waiting", what="排队太久", by="t")
    closed = complaints.create(conn, other, on=today, channel="visit", category="other", what="已处理", by="t")
    complaints.move(conn, closed, "resolved", by="t")
    complaints.move(conn, closed, "confirmed", by="t", satisfaction=5)
    dialog = ComplaintsDialog(None, archive)
    qtbot.addWidget(dialog)
    panel = dialog.panel
    assert not panel.record_button.isVisible()
    assert panel.manager.currentData() == "李经理"        # the user's own book first
    assert [table_cells(panel.view, r)[1] for r in range(panel.model.rowCount())] == ["李四"]
    panel.manager.setCurrentIndex(panel.manager.findData(None))
    assert sorted(table_cells(panel.view, r)[1] for r in range(panel.model.rowCount())) == ["张三丰", "李四"]
    panel.overdue_only.setChecked(True)
    assert panel.model.rowCount() == 1 and table_cells(panel.view, 0)[1] == "张三丰"
    assert [c.id for c in panel.items] == [late] and table_cells(panel.view, 0)[8] == "7 d"
    panel.overdue_only.setChecked(False)
    panel.manager.setCurrentIndex(panel.manager.findData("李经理"))
    assert [table_cells(panel.view, r)[1] for r in range(panel.model.rowCount())] == ["李四"]


def test_the_complaint_dialogs_fit_a_laptop_at_150_percent(qtbot, monkeypatch, archive, customer):
    from gui.common import screen_fit
    monkeypatch.setattr(screen_fit, "simulated_area", screen_fit.laptop_area(150))
    made = complaints.create(archive.conn, customer, on=date.today(), channel="online", category="facilities",
                             what="自助机经常坏", by="t")
    complaints.move(archive.conn, made, "resolved", by="t")
    for dialog in (ComplaintDialog(None, archive, customer),
                   MoveDialog(None, archive, complaints.get(archive.conn, made)),
                   ComplaintsDialog(None, archive)):
        qtbot.addWidget(dialog)
        dialog.show()
        screen_fit.fit_on_screen(dialog)
        assert screen_fit.layout_problems(dialog) == [], type(dialog).__name__
        dialog.close()
