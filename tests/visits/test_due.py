"""What is due: value-tier visits, KeyMan, calls, tracking cadence, next dates, periods."""
from __future__ import annotations

from datetime import date, timedelta

import pytest

from model.customers import customers
from model.visits import due, tracking_logs
from tests.planning_data import customer

START = date(2026, 11, 23)       # a Monday
END = START + timedelta(days=6)


def _names(items):
    return [i.name for i in items]


def test_tier_a_visit_due_when_a_month_has_passed(archive):
    conn = archive.conn
    customer(conn, "老赵", tier="A", last_visit=START - timedelta(days=45), lat=31.2, lon=121.4)
    customer(conn, "小钱", tier="A", last_visit=START - timedelta(days=5), lat=31.2, lon=121.4)
    result = due.due_list(conn, START, END)
    assert _names(result.visits) == ["老赵"]
    item = result.visits[0]
    # due on Sunday 8 November, which is Monday 9 November's work: 14 days overdue
    assert item.overdue_days == 14 and item.tier == "A" and item.rank_class == 3
    assert "value tier A" in item.reason and "30 days" in item.reason
    assert item.coord_source == "customer"


def test_b_tier_is_visited_only_with_a_keyman_else_called(archive):
    conn = archive.conn
    long_ago = START - timedelta(days=40)
    customer(conn, "有关键人", tier="B", keyman="李总", tags="老客户", last_visit=long_ago)
    customer(conn, "无关键人", tier="B", tags="老客户", last_visit=long_ago)
    customer(conn, "普通", tier="C", last_contact=START - timedelta(days=100))
    result = due.due_list(conn, START, END)
    assert _names(result.visits) == ["有关键人"]
    assert sorted(_names(result.calls)) == ["无关键人", "普通"]
    assert all(c.channel == "phone" for c in result.calls)


def test_keyman_tag_is_matched_as_a_word():
    assert due.has_keyman("VIP, KeyMan", None, "KeyMan")
    assert due.has_keyman(None, "keyman: 李总", "KeyMan")
    assert not due.has_keyman("KeyManager", None, "KeyMan")


def test_what_falls_due_on_a_weekend_is_the_next_working_days_work(archive):
    conn = archive.conn
    # daily tracking after a Friday call: due on Saturday, i.e. on Monday (START), not overdue
    customer(conn, "周五联系", tier="C", opportunity=("clear", "1m"), created_on=START - timedelta(days=10),
             last_contact=START - timedelta(days=3))
    # a monthly visit due on Sunday 8 November is Monday 9 November's
    customer(conn, "周日到期", tier="A", last_visit=START - timedelta(days=45), lat=31.2, lon=121.4)
    result = due.due_list(conn, START, START)
    (call,) = result.calls
    assert call.name == "周五联系" and call.due_date == START and call.overdue_days == 0
    (visit,) = result.visits
    assert visit.due_date == date(2026, 11, 9) and visit.overdue_days == 14


def test_opportunity_grade_tracking_makes_a_call_due(archive):
    conn = archive.conn
    customer(conn, "意向客户", tier="C", opportunity=("clear", "1m"), created_on=START - timedelta(days=5),
             last_contact=START - timedelta(days=4))
    result = due.due_list(conn, START, END)
    (item,) = result.calls
    assert item.opportunity_grade == "A" and item.cadence_days == 1
    assert "opportunity grade A" in item.reason
    assert item.overdue_days == 3     # contacted on Thursday, daily tracking: due on Friday


def test_next_date_set_on_the_last_contact_makes_the_customer_due(archive):
    from model.customers import customers
    conn = archive.conn
    cid = customer(conn, "约好了", tier="C", last_contact=START - timedelta(days=2))
    customers.log_contact(conn, cid, customers.Contact((START - timedelta(days=1)).isoformat(), "phone",
                                                       next_step="送资料",
                                                       next_date=(START + timedelta(days=2)).isoformat()),
                          by="test")
    result = due.due_list(conn, START, END)
    (item,) = result.calls
    assert item.purpose == "送资料" and item.due_date == START + timedelta(days=2) and item.overdue_days == 0


def test_ungraded_customers_follow_their_channel_preference(archive):
    conn = archive.conn
    old = START - timedelta(days=60)
    customer(conn, "爱到店", channel_pref="9.1", last_contact=old)
    customer(conn, "爱手机", channel_pref="9.2", last_contact=old)
    result = due.due_list(conn, START, END)
    assert _names(result.visits) == ["爱到店"] and _names(result.calls) == ["爱手机"]
    assert result.visits[0].tier is None


def test_manager_filter_and_ranking(archive):
    conn = archive.conn
    customer(conn, "别人的", tier="A", last_visit=START - timedelta(days=90), manager="李经理")
    customer(conn, "逾期少", tier="A", last_visit=START - timedelta(days=35))
    customer(conn, "逾期多", tier="A", last_visit=START - timedelta(days=80))
    customer(conn, "本周到期", tier="A", last_visit=START - timedelta(days=27))
    result = due.due_list(conn, START, END, manager="王经理")
    assert _names(result.visits) == ["逾期多", "逾期少", "本周到期"]
    assert result.visits[-1].overdue_days == 0 and result.visits[-1].rank_class == 2


def test_position_falls_back_to_the_area_centroid(archive):
    conn = archive.conn
    customer(conn, "有坐标", area="东区", lat=31.0, lon=121.0, tier="A", last_visit=START - timedelta(days=40))
    customer(conn, "有坐标2", area="东区", lat=31.2, lon=121.2, tier="A", last_visit=START - timedelta(days=40))
    customer(conn, "没坐标", area="东区", tier="A", last_visit=START - timedelta(days=40))
    customer(conn, "哪儿都没有", area="西区", tier="A", last_visit=START - timedelta(days=40))
    items = {i.name: i for i in due.due_list(conn, START, END).visits}
    assert items["没坐标"].coord_source == "area_centroid"
    assert items["没坐标"].lat == pytest.approx(31.1) and items["没坐标"].lon == pytest.approx(121.1)
    assert items["哪儿都没有"].lat is None and items["哪儿都没有"].coord_source is None


@pytest.mark.parametrize("kind, start, end", [
    ("day", date(2026, 11, 23), date(2026, 11, 23)),
    ("week", date(2026, 11, 23), date(2026, 11, 29)),
    ("half-month", date(2026, 11, 1), date(2026, 11, 15)),
    ("half-month", date(2026, 11, 16), date(2026, 11, 30)),
    ("half-month", date(2026, 11, 20), date(2026, 12, 4)),
    ("month", date(2026, 2, 1), date(2026, 2, 28)),
    ("month", date(2026, 1, 31), date(2026, 2, 27)),
    ("month", date(2026, 12, 10), date(2027, 1, 9)),
])
def test_period_ranges(kind, start, end):
    assert tracking_logs.period_range(kind, start) == (start, end)


def test_a_tracking_log_is_one_grades_customers_for_its_period(archive):
    conn = archive.conn
    customer(conn, "天天跟", tier="C", opportunity=("clear", "1m"), created_on=START - timedelta(days=3),
             last_contact=START - timedelta(days=1))
    customer(conn, "新意向", opportunity=("clear", "1m"), created_on=START - timedelta(days=2))
    customer(conn, "周跟", opportunity=("clear", "3m"), created_on=START - timedelta(days=3))
    customer(conn, "月访", tier="A", last_visit=START - timedelta(days=40))     # due, but no grade: not in a log
    daily = tracking_logs.tracking_log(conn, "A", START)
    assert (daily.kind, daily.start, daily.end, daily.cadence_days) == ("day", START, START, 1)
    assert [e.name for e in daily.entries] == ["新意向", "天天跟"]     # the longer overdue first
    first = daily.entries[1]
    assert first.last_contact == (START - timedelta(days=1)).isoformat() and first.last_channel == "phone"
    assert first.need == "clear" and first.close == "1m" and first.expected_close and first.lines == 1
    weekly = tracking_logs.tracking_log(conn, "B", START)
    assert (weekly.kind, weekly.end) == ("week", END) and [e.name for e in weekly.entries] == ["周跟"]
    week_of_a = tracking_logs.tracking_log(conn, "A", START, kind="week")
    assert week_of_a.entries[0].lines == 5          # daily for a week, capped at 5 lines
    assert tracking_logs.tracking_log(conn, "A", START, manager="别人").entries == []


def test_never_visited_is_due_from_the_start_of_the_range_not_from_the_created_date(archive):
    conn = archive.conn
    customer(conn, "新导入", tier="A", created_on=START - timedelta(days=1))
    customer(conn, "老档案", tier="A", created_on=date(2019, 1, 3))
    result = due.due_list(conn, START, END)
    items = {i.name: i for i in result.visits}
    assert set(items) == {"新导入", "老档案"}
    for item in items.values():
        assert item.never and item.overdue and item.overdue_days == 0 and item.due_date is None
        assert item.rank_class == 3 and "never visited" in item.reason
    # never visited ranks as overdue by a whole interval: above an A-tier 10 days late
    customer(conn, "晚了十天", tier="A", last_visit=START - timedelta(days=40))
    ranked = _names(due.due_list(conn, START, END).visits)
    assert ranked.index("晚了十天") == 2


def test_a_visit_obligation_counts_only_visits_and_a_call_any_contact(archive):
    conn = archive.conn
    customer(conn, "只打电话", tier="A", last_contact=START - timedelta(days=3))
    customer(conn, "刚聊过", tier="C", last_visit=START - timedelta(days=10))
    result = due.due_list(conn, START, END)
    (item,) = result.visits
    assert item.name == "只打电话" and item.never and item.last_visit is None
    assert item.last_contact == (START - timedelta(days=3)).isoformat()
    assert result.calls == []      # a visit ten days ago satisfies the C-tier call


def test_a_just_imported_book_plans_a_full_a_tier_first_week(archive):
    from model.visits import visit_plan
    conn = archive.conn
    for i in range(12):
        customer(conn, f"甲{i}", tier="A", lat=31.23 + i * 0.002, lon=121.47, created_on=START)
    for i in range(40):
        customer(conn, f"乙{i}", lat=31.23 + i * 0.001, lon=121.48, created_on=START)
    plan = visit_plan.build(conn, visit_plan.PlanRequest(start=START, days=5, per_day=8, time_limit=1))
    planned = plan.planned()
    assert len(planned) == 40 and all(len(d.visits) == 8 for d in plan.days)
    assert sum(1 for v in planned if v.tier == "A") == 12
    assert all(v.never_visited for v in planned)


def test_an_imported_last_visit_and_created_date_count(archive, tmp_path):
    from model import grading
    from model.customers import importing
    from tests.import_helpers import write_csv
    conn = archive.conn
    path = write_csv(tmp_path / "客户.csv", [
        ["姓名", "手机", "建档日期", "上次拜访"],
        ["刚拜访", "13800000001", "2018/3/5", (START - timedelta(days=5)).strftime("%Y/%m/%d")],
        ["很久了", "13800000002", "2018-03-05", (START - timedelta(days=50)).isoformat()],
        ["没拜访", "13800000003", "", ""],
    ])
    result = importing.import_file(conn, path, by="test")
    assert result.imported == 3 and result.rejected == 0
    ids = {r["name"]: r["id"] for r in conn.execute("SELECT id, name, created_on FROM customers")}
    assert conn.execute("SELECT created_on FROM customers WHERE name = '刚拜访'").fetchone()[0] == "2018-03-05"
    for cid in ids.values():
        grading.override(conn, cid, "value_tier", "A", "test", by="test", as_of=START)
    items = {i.name: i for i in due.due_list(conn, START, END).visits}
    assert set(items) == {"很久了", "没拜访"}
    assert items["很久了"].overdue_days == 20 and not items["很久了"].never
    assert items["没拜访"].never


def test_an_imported_last_visit_in_the_future_is_rejected(archive, tmp_path):
    from model.customers import importing
    from tests.import_helpers import write_csv
    path = write_csv(tmp_path / "c.csv", [["姓名", "手机", "上次拜访"], ["未来", "13800000001", "2099-01-01"]])
    result = importing.import_file(archive.conn, path, by="test")
    assert result.rejected == 1 and "上次拜访" in result.rejects[0].reasons[0]


# -- the A-tier service (seed 002, model.grading.a_service) ----------------------------------

def test_the_senior_leaders_monthly_calls_are_due_items_for_the_senior(archive):
    from model.grading import a_service
    from model.core import settings
    conn = archive.conn
    never = customer(conn, "甲厂", tier="A", keyman="张总", last_visit=START - timedelta(days=3))
    called = customer(conn, "乙厂", tier="A", last_visit=START - timedelta(days=3))
    customer(conn, "丙户", tier="C", last_contact=START - timedelta(days=3))
    assert a_service.senior_calls(conn, START, END) == []            # no senior named: none due
    settings.put(settings.SENIOR_LEADER, "刘副总")
    customers.update(conn, never, {"keyman_phone": "13900001111", "keyman_role": "总经理"}, "test")
    customers.log_contact(conn, called, customers.Contact((START - timedelta(days=10)).isoformat(), "phone",
                                                          purpose="季度沟通"), by="刘副总")
    calls = a_service.senior_calls(conn, START, END)
    assert [c.customer_id for c in calls] == [never]          # the other was called 10 days ago
    item = calls[0]
    assert item.manager == "刘副总" and item.channel == "phone" and item.phone == "13900001111"
    assert "张总 (总经理)" in item.purpose and "刘副总" in item.reason
    # In the whole due list and the senior's own, not in a manager's.
    assert never in {c.customer_id for c in due.due_list(conn, START, END, "刘副总").calls}
    assert never in {c.customer_id for c in due.due_list(conn, START, END).calls if c.manager == "刘副总"}
    assert not [c for c in due.due_list(conn, START, END, "王经理").calls if c.manager == "刘副总"]
    # 20 days later the second is due again (30 days after the call).
    later = a_service.senior_calls(conn, START + timedelta(days=20), END + timedelta(days=20))
    assert {c.customer_id for c in later} == {never, called}


def test_a_tier_market_news_is_due_weekly_and_rides_on_a_due_visit(archive):
    conn = archive.conn
    news_only = customer(conn, "新闻户", tier="A", last_visit=START - timedelta(days=10))
    visit = customer(conn, "拜访户", tier="A", last_visit=START - timedelta(days=40))
    result = due.due_list(conn, START, END)
    calls = {c.customer_id: c for c in result.calls}
    assert calls[news_only].channel == "sms" and "market news every 7 days" in calls[news_only].reason
    assert calls[news_only].overdue_days == 3
    visits = {v.customer_id: v for v in result.visits}
    assert visits[visit].overdue_days == 10 and "market news" in visits[visit].reason
    assert visit not in calls
