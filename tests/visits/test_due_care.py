"""Care calls (model.customers.care) in the due list (model.visits.due): their own call with the reason, or
the reason on the row of a customer already due; not twice on the morning sheet's calls."""
from __future__ import annotations

from datetime import date, timedelta

import pytest

from model.customers import customers
from model.visits import due, today
from tests.planning_data import customer


def _born(conn, cid: int, birth: str) -> None:
    conn.execute("UPDATE customers SET birth_date = ? WHERE id = ?", (birth, cid))


def test_a_birthday_is_a_call_of_its_own_with_its_reason(archive):
    conn = archive.conn
    cid = customer(conn, "张三", tier="C", last_contact=date(2026, 12, 1))
    _born(conn, cid, "1980-12-10")
    assert due.due_list(conn, date(2026, 12, 1), date(2026, 12, 2)).calls == []    # 8 days ahead: not yet
    listed = due.due_list(conn, date(2026, 12, 3), date(2026, 12, 4))
    (call,) = listed.calls
    assert call.customer_id == cid and call.care_only and call.care == ("birthday",)
    assert call.reason == "Birthday greeting call: 2026-12-10, turns 46"
    assert call.purpose == "Care call" and call.channel == "phone"
    assert call.due_date == date(2026, 12, 10) and not call.overdue and call.rank_class == 1
    assert listed.visits == []
    # a call made in the span does it
    customers.log_contact(conn, cid, customers.Contact("2026-12-03", "phone"), by="t")
    assert due.due_list(conn, date(2026, 12, 4), date(2026, 12, 4)).calls == []


def test_a_customer_already_due_gets_one_row_with_both_reasons(archive):
    conn = archive.conn
    start = date(2026, 12, 14)     # a Monday; Christmas 11 days on
    visited = customer(conn, "老赵", tier="A", last_visit=start - timedelta(days=45), lat=31.2, lon=121.4)
    called = customer(conn, "小钱", tier="C", last_contact=start - timedelta(days=100))
    _born(conn, called, "1975-12-20")
    quiet = customer(conn, "孙七", tier="B", last_contact=start - timedelta(days=3))
    listed = due.due_list(conn, start, start + timedelta(days=4))
    (visit,) = listed.visits
    assert visit.customer_id == visited and visit.care == ("christmas",) and not visit.care_only
    assert "value tier A" in visit.reason and "Christmas greeting: 2026-12-25" in visit.reason
    by_id = {c.customer_id: c for c in listed.calls}
    assert set(by_id) == {called, quiet}
    assert not by_id[called].care_only and by_id[called].care == ("birthday",)
    assert by_id[called].reason.count("; ") == 1 and "Birthday greeting call: 2026-12-20" in by_id[called].reason
    assert by_id[quiet].care_only and by_id[quiet].reason == "Christmas greeting: 2026-12-25"
    # the care-only call is ranked below what is overdue
    assert listed.calls[-1].customer_id == quiet


def test_birthday_and_festival_of_one_customer_make_one_call(archive):
    conn = archive.conn
    cid = customer(conn, "周八", tier="A", last_contact=date(2026, 12, 16), last_visit=date(2026, 12, 16))
    _born(conn, cid, "1990-12-24")
    listed = due.due_list(conn, date(2026, 12, 18), date(2026, 12, 18))
    (call,) = listed.calls
    assert call.care == ("birthday", "christmas") and call.care_only
    assert call.reason == "Birthday greeting call: 2026-12-24, turns 36; Christmas greeting: 2026-12-25"


def test_the_today_calls_leave_care_only_calls_to_the_care_list(archive):
    conn = archive.conn
    cid = customer(conn, "张三", tier="C", last_contact=date(2026, 12, 1))
    _born(conn, cid, "1980-12-10")
    day = date(2026, 12, 4)
    assert [c.customer_id for c in due.due_list(conn, day, day).calls] == [cid]
    assert today.today(conn, day).calls == []


def test_a_manager_sees_only_the_care_calls_of_their_book(archive):
    conn = archive.conn
    mine = customer(conn, "张三", manager="王经理", tier="C", last_contact=date(2026, 12, 1))
    other = customer(conn, "李四", manager="李经理", tier="C", last_contact=date(2026, 12, 1))
    for cid in (mine, other):
        _born(conn, cid, "1980-12-10")
    day = date(2026, 12, 4)
    assert [c.customer_id for c in due.due_list(conn, day, day, "王经理").calls] == [mine]
    assert sorted(c.customer_id for c in due.due_list(conn, day, day).calls) == [mine, other]


@pytest.mark.gui
def test_the_due_panel_lists_the_care_call_with_its_reason(qtbot, archive):
    from PySide6.QtCore import Qt
    from gui.common.forms import to_qdate
    from gui.visits.due_panel import DuePanel
    conn = archive.conn
    cid = customer(conn, "张三", tier="C", last_contact=date(2026, 12, 1))
    _born(conn, cid, "1980-12-10")
    panel = DuePanel(archive)
    qtbot.addWidget(panel)
    panel.from_edit.setDate(to_qdate(date(2026, 12, 3)))
    panel.to_edit.setDate(to_qdate(date(2026, 12, 4)))
    with qtbot.waitSignal(panel.loaded, timeout=15000):
        panel.load()
    assert panel.calls_label.text() == "&Calls due (1): by phone, SMS or online"
    model = panel.calls_table.model()
    row = [model.index(0, column).data(Qt.ItemDataRole.DisplayRole) for column in range(model.columnCount())]
    assert row[1] == "张三" and row[4] == "2026-12-10"
    assert row[9] == "Care call" and row[10] == "Birthday greeting call: 2026-12-10, turns 46"
