"""What is due: value-tier visits, KeyMan, calls, tracking cadence, next dates, periods."""
from __future__ import annotations

from datetime import date, timedelta

import pytest

from model import customers, due
from planning_data import customer

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
    assert item.overdue_days == 15 and item.tier == "A" and item.rank_class == 3
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


def test_opportunity_grade_tracking_makes_a_call_due(archive):
    conn = archive.conn
    customer(conn, "意向客户", tier="C", opportunity=("clear", "1m"), created_on=START - timedelta(days=3),
             last_contact=START - timedelta(days=2))
    result = due.due_list(conn, START, END)
    (item,) = result.calls
    assert item.opportunity_grade == "A" and item.cadence_days == 1
    assert "opportunity grade A" in item.reason
    assert item.overdue_days == 1     # contacted two days before the start, daily tracking


def test_next_date_set_on_the_last_contact_makes_the_customer_due(archive):
    from model import customers
    conn = archive.conn
    cid = customer(conn, "约好了", tier="C", last_contact=START - timedelta(days=2))
    customers.log_contact(conn, cid, customers.Contact((START - timedelta(days=1)).isoformat(), "phone",
                                                       next_step="送资料", next_date=(START + timedelta(days=2)).isoformat()),
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
    assert due.period_range(kind, start) == (start, end)


def test_tracking_log_lists_history_and_lines_for_the_period(archive):
    conn = archive.conn
    customer(conn, "天天跟", tier="C", opportunity=("clear", "1m"), created_on=START - timedelta(days=3),
             last_contact=START - timedelta(days=1))
    customer(conn, "月访", tier="A", last_visit=START - timedelta(days=40))
    log = due.tracking_log(conn, "week", START)
    entries = {e.item.name: e for e in log.entries}
    assert set(entries) == {"天天跟", "月访"}
    assert entries["天天跟"].lines == 5          # daily for a week, capped at 5 lines
    assert entries["月访"].lines == 1
    assert entries["月访"].history[0]["channel"] == "visit"
    assert (log.start, log.end) == (START, END)


# -- the A-tier service (seed 002, model.a_service) ----------------------------------

def test_the_senior_leaders_monthly_calls_are_due_items_for_the_senior(archive):
    from model import a_service, settings
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
