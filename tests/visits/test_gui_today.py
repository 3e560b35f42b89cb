"""The Today page: today's visits in route order with one-key logging, calls due today,
overdue per tier, open 101 follow-ups, running activities and the week's birthdays."""
from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt

from gui.visits.today_page import TodayPage
from model.customers import customers
from model.archive import database
from model.demo import demo
from model import grading
from model.visits import today, visit_plan

DAY = date(2026, 11, 23)        # a Monday


@pytest.fixture
def book(tmp_path):
    path = tmp_path / "demo.kehu"
    demo.build_demo(path, customers=120, seed=3, as_of=DAY)
    archive = database.Archive.open(path)
    conn = archive.conn
    grading.apply(conn, grading.compute(grading.load_inputs(conn, DAY)))
    someone = conn.execute("SELECT id FROM customers WHERE deleted_at IS NULL ORDER BY id LIMIT 1").fetchone()[0]
    customers.update(conn, someone, {"birth_date": f"1980-{(DAY + timedelta(days=2)).strftime('%m-%d')}"}, "test")
    plan = visit_plan.build(conn, visit_plan.PlanRequest(DAY, days=3, per_day=4, time_limit=0.3))
    visit_plan.save(conn, plan, "test")
    yield archive
    archive.close()


def test_today_reads_the_plan_the_due_calls_and_the_week(book):
    data = today.today(book.conn, DAY)
    assert data.plan_id is not None and len(data.visits) == 4
    assert [v.position for v in data.visits] == [1, 2, 3, 4]
    assert all(c.customer_id not in {v.customer_id for v in data.visits} for c in data.calls)
    assert sum(data.overdue.values()) > 0
    assert any(b.on == DAY + timedelta(days=2) and b.age == 46 for b in data.birthdays)
    assert data.follow_ups and all(f.text for f in data.follow_ups)
    assert today.today(book.conn, DAY + timedelta(days=30)).plan_id is None


def test_today_page_logs_visits_with_one_key_and_opens_items(qtbot, book):
    page = TodayPage(book, "en")
    qtbot.addWidget(page)
    page.resize(1366, 700)
    page.show()
    qtbot.waitExposed(page)
    qtbot.waitUntil(lambda: not page.busy(), timeout=20000)     # the first showing reads today's lists
    with qtbot.waitSignal(page.loaded, timeout=20000):
        page.load(DAY)
    model, view, box = page.visits
    assert model.rowCount() == 4 and "route order (4)" in box.title()
    assert [model.index(r, 0).data() for r in range(4)] == ["1", "2", "3", "4"]
    assert page.current_visit().position == 1
    assert "Calls due today" in page.section_title(page.calls) and "tier" in page.overdue_label.text()
    assert page.lists.tabText(page.lists.indexOf(page.calls[2])) == f"Calls ({len(page.today.calls)})"
    data = page.today
    assert not any(c.news_only for c in data.calls)        # market news only: one group message
    if data.news:
        assert f"{len(data.news)} A-tier" in page.news_label.text() and page.news_button.isVisible()
        assert page.copy_news_numbers() == "; ".join(n.phone for n in data.news if n.phone)
    else:
        assert not page.news_label.isVisible()
    assert page.birthdays[0].rowCount() >= 1 and page.follow_ups[0].rowCount() >= 1
    first = page.current_visit()
    view.activateWindow()
    view.setFocus()
    qtbot.waitUntil(view.hasFocus, timeout=5000)
    with qtbot.waitSignal(page.visits_logged, timeout=20000):
        qtbot.keyClick(view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert model.index(0, 5).data() == "Done"
    assert page.current_visit().position == 2                 # on to the next visit
    row = book.conn.execute("SELECT outcome FROM plan_visits WHERE id = ?", (first.id,)).fetchone()
    assert row[0] == "done"
    # Enter on a call opens its customer; on a follow-up, the Partners area.
    opened = []
    page.customer_requested.connect(opened.append)
    areas = []
    page.area_requested.connect(areas.append)
    calls = page.calls[1]
    if page.calls[0].rowCount():
        calls.setCurrentIndex(page.calls[0].index(0, 0))
        calls.setFocus()
        qtbot.keyClick(calls, Qt.Key.Key_Return)
        assert opened == [page.calls[0].rows[0].payload.customer_id]
    follow = page.follow_ups[1]
    follow.setCurrentIndex(page.follow_ups[0].index(0, 0))
    follow.setFocus()
    qtbot.keyClick(follow, Qt.Key.Key_Return)
    assert areas == ["partners"]
    page.grab().save(str(book.path.parent / "today.png"))
