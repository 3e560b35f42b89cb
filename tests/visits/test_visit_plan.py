"""The visit planner: capacity, windows, priorities, unplanned reasons, manual changes, outcomes."""
from __future__ import annotations

from datetime import date, timedelta

import pytest

from model.visits import due, planning_rules, visit_plan
from model.visits.planning_rules import minutes
from tests.planning_data import customer, overdue_a_customers, spread

START = date(2026, 11, 23)       # Monday; the week has no holiday


def request(**kw) -> visit_plan.PlanRequest:
    kw.setdefault("start", START)
    kw.setdefault("days", 5)
    kw.setdefault("time_limit", 0.3)
    kw.setdefault("start_point", spread(0))
    return visit_plan.PlanRequest(**kw)


def _all_windows_respected(plan):
    rules = planning_rules.planning_rules()
    for day in plan.days:
        for v in day.visits:
            windows = rules.availability_for(v.window_key).windows_on(day.day, rules.is_weekend_window_day(day.day))
            assert any(ws <= v.planned_time and v.planned_time + v.duration <= we for ws, we in windows), \
                (v.name, v.time_text, windows)
            assert day.day_start <= v.planned_time and v.planned_time + v.duration <= day.day_end


def test_capacity_never_exceeded_and_the_rest_is_unplanned_with_why(archive):
    conn = archive.conn
    ids = overdue_a_customers(conn, 14, START)
    plan = visit_plan.build(conn, request(days=2, per_day=4))      # Mon, Tue: 8 places
    assert [len(d.visits) for d in plan.days] == [4, 4]
    assert len(plan.unplanned) == 6
    assert {v.customer_id for v in plan.all_visits()} == set(ids)
    for v in plan.unplanned:
        assert v.unplanned_code == "no_capacity"
        assert "4 visits a day" in v.unplanned_detail
    for day in plan.days:
        assert [v.position for v in day.visits] == [1, 2, 3, 4]
        times = [v.planned_time for v in day.visits]
        assert times == sorted(times)


def test_time_windows_respected(archive):
    conn = archive.conn
    long_ago = START - timedelta(days=45)
    for i, schedule in enumerate(["6.1", "6.2", "6.3", "6.4", None] * 3):
        lat, lon = spread(i)
        customer(conn, f"客户{i}", lat=lat, lon=lon, schedule=schedule, tier="A", last_visit=long_ago)
    plan = visit_plan.build(conn, request(days=3, per_day=6))
    assert len(plan.planned()) == 15
    _all_windows_respected(plan)
    evening = [v for v in plan.planned() if v.window_key == "6.1"]
    assert evening and all(v.planned_time >= minutes("18:00") for v in evening)
    afternoon = [v for v in plan.planned() if v.window_key == "6.4"]
    assert all(v.planned_time >= minutes("13:00") for v in afternoon)


def test_every_overdue_a_customer_is_planned_before_others_when_capacity_allows(archive):
    conn = archive.conn
    urgent = overdue_a_customers(conn, 6, START)
    for i in range(10):        # B customers with a KeyMan, due this week but not overdue, same area
        lat, lon = spread(i + 20)
        customer(conn, f"乙客户{i}", lat=lat, lon=lon, tier="B", keyman="王厂长",
                 last_visit=START - timedelta(days=29))
    plan = visit_plan.build(conn, request(days=2, per_day=4))
    planned = {v.customer_id for v in plan.planned()}
    assert set(urgent) <= planned
    assert len(planned) == 8
    assert all(v.tier == "B" for v in plan.unplanned)


def test_window_never_open_is_explained(archive):
    conn = archive.conn
    customer(conn, "只晚上有空", lat=31.23, lon=121.47, schedule="6.1", tier="A",
             last_visit=START - timedelta(days=40))
    plan = visit_plan.build(conn, request(days=5, day_start="09:00", day_end="17:00"))
    (visit,) = plan.unplanned
    assert visit.unplanned_code == "no_window"
    assert "evenings or weekends" in visit.unplanned_detail and "09:00-17:00" in visit.unplanned_detail


def test_weekend_holidays_and_days_off_are_not_working_days(archive):
    overdue_a_customers(archive.conn, 2, START)
    plan = visit_plan.build(archive.conn, request(start=date(2026, 9, 24), days=7,   # Thu..Wed
                                                  days_off=(date(2026, 9, 28),)))
    # 25-27 Sep is the Mid-Autumn holiday, 26/27 also a weekend; 28 a day off.
    assert [d.day for d in plan.days] == [date(2026, 9, 24), date(2026, 9, 29), date(2026, 9, 30)]
    rules = planning_rules.planning_rules()
    assert rules.is_working_day(date(2026, 9, 20))          # a make-up Sunday (调休)
    assert not rules.is_weekend_window_day(date(2026, 9, 20))


def test_customers_without_coordinates_are_kept_together_by_area(archive):
    conn = archive.conn
    long_ago = START - timedelta(days=40)
    for i in range(3):
        lat, lon = spread(i)
        customer(conn, f"有坐标{i}", lat=lat, lon=lon, tier="A", last_visit=long_ago)
    for i in range(3):
        customer(conn, f"幸福{i}", area="幸福里", tier="A", last_visit=long_ago)
    for i in range(2):
        customer(conn, f"和平{i}", area="和平苑", tier="A", last_visit=long_ago)
    plan = visit_plan.build(conn, request(days=1, per_day=8))
    (day,) = plan.days
    areas = [v.area for v in day.visits]
    assert len(areas) == 8
    for name in ("幸福里", "和平苑"):
        places = [i for i, a in enumerate(areas) if a == name]
        assert places == list(range(places[0], places[0] + len(places))), areas   # one run each
    assert plan.unknown_legs >= 1
    inside = [v for v in day.visits if v.area == "幸福里"][1:]
    assert all(v.leg_m == 0 for v in inside)        # same area: neighbours


def test_save_load_round_trip(archive):
    conn = archive.conn
    overdue_a_customers(conn, 5, START)
    plan = visit_plan.build(conn, request(days=2, per_day=2, title="第48周"))
    plan_id = visit_plan.save(conn, plan, by="王经理")
    again = visit_plan.load(conn, plan_id)
    assert again.title == "第48周"
    assert [[v.customer_id for v in d.visits] for d in again.days] == \
        [[v.customer_id for v in d.visits] for d in plan.days]
    assert [v.unplanned_detail for v in again.unplanned] == [v.unplanned_detail for v in plan.unplanned]
    assert again.days[0].visits[0].time_text == plan.days[0].visits[0].time_text
    assert visit_plan.list_plans(conn)[0].planned == 4
    assert visit_plan.changes(conn, plan_id)[0]["action"] == "created"


def _saved(conn, count=8, days=2, per_day=4):
    overdue_a_customers(conn, count, START)
    plan = visit_plan.build(conn, request(days=days, per_day=per_day))
    return visit_plan.save(conn, plan, by="王经理")


def test_locks_and_moves_survive_reoptimisation(archive):
    conn = archive.conn
    plan_id = _saved(conn)
    plan = visit_plan.load(conn, plan_id)
    monday, tuesday = plan.days
    locked = monday.visits[2]
    visit_plan.lock(conn, locked.id, by="王经理")
    moved = tuesday.visits[0]
    visit_plan.move(conn, moved.id, monday.day, by="王经理")      # Monday now has 5: one must go
    reordered = tuesday.visits[3]
    visit_plan.reorder(conn, reordered.id, 1, by="王经理")
    for _ in range(2):
        plan = visit_plan.reoptimise(conn, plan_id, by="王经理", time_limit=0.3)
        after = visit_plan.load(conn, plan_id)
        assert after.visit(locked.id).day == monday.day and after.visit(locked.id).position == 3
        assert after.visit(moved.id).day == monday.day
        assert after.visit(reordered.id).day == tuesday.day and after.visit(reordered.id).position == 1
        assert [len(d.visits) for d in after.days] == [4, 4]
    assert {c["action"] for c in visit_plan.changes(conn, plan_id)} >= {"lock", "move", "reorder", "reoptimise"}


def test_removed_visits_stay_removed_and_can_come_back(archive):
    conn = archive.conn
    plan_id = _saved(conn)
    plan = visit_plan.load(conn, plan_id)
    gone = plan.days[0].visits[1]
    after = visit_plan.remove(conn, gone.id, by="王经理")
    assert [v.position for v in after.days[0].visits] == [1, 2, 3]
    visit_plan.reoptimise(conn, plan_id, by="王经理", time_limit=0.3)
    plan = visit_plan.load(conn, plan_id)
    assert gone.customer_id not in {v.customer_id for v in plan.planned()}
    assert [v.id for v in plan.removed] == [gone.id]
    visit_plan.restore(conn, gone.id, by="王经理")
    plan = visit_plan.reoptimise(conn, plan_id, by="王经理", time_limit=0.3)
    assert gone.customer_id in {v.customer_id for v in plan.planned()}


def test_added_customer_is_placed_before_due_ones(archive):
    conn = archive.conn
    plan_id = _saved(conn, count=8, days=1, per_day=4)
    lat, lon = spread(3)
    extra = customer(conn, "顺路拜访", lat=lat, lon=lon, tier="C", last_contact=START - timedelta(days=2))
    visit = visit_plan.add(conn, plan_id, extra, by="王经理", purpose="送礼品")
    assert visit.status == "unplanned" and visit.added
    plan = visit_plan.reoptimise(conn, plan_id, by="王经理", time_limit=0.3)
    planned = {v.customer_id: v for v in plan.planned()}
    assert extra in planned and planned[extra].purpose == "送礼品"
    assert len(plan.days[0].visits) == 4
    with pytest.raises(visit_plan.PlanError, match="already in this plan"):
        visit_plan.add(conn, plan_id, extra, by="王经理")


def test_moving_to_a_day_outside_the_plan_is_refused(archive):
    conn = archive.conn
    plan_id = _saved(conn, count=2, days=1, per_day=2)
    visit = visit_plan.load(conn, plan_id).days[0].visits[0]
    with pytest.raises(visit_plan.PlanError, match="not a working day of this plan"):
        visit_plan.move(conn, visit.id, START + timedelta(days=10), by="王经理")


def test_logging_a_visit_updates_the_next_due_date_and_completion(archive):
    conn = archive.conn
    plan_id = _saved(conn, count=4, days=2, per_day=2)
    plan = visit_plan.load(conn, plan_id)
    done, missed = plan.days[0].visits
    assert done.customer_id in {i.customer_id for i in due.due_list(conn, START, START).visits}
    contact_id = visit_plan.log_outcome(conn, done.id, "done", "办了定期", "下月回访", None, by="王经理",
                                        contact_date=START)
    visit_plan.log_outcome(conn, missed.id, "not_met", "家里没人", None, None, by="王经理", contact_date=START)
    row = conn.execute("SELECT * FROM contacts WHERE id = ?", (contact_id,)).fetchone()
    assert row["channel"] == "visit" and row["result"] == "办了定期" and row["next_step"] == "下月回访"
    still_due = {i.customer_id: i for i in due.due_list(conn, START, START + timedelta(days=7)).visits}
    assert done.customer_id not in still_due                      # next visit in 30 days
    assert missed.customer_id in still_due                        # not met: due again the next working day
    assert still_due[missed.customer_id].due_date == START + timedelta(days=1)
    plan = visit_plan.load(conn, plan_id)
    assert visit_plan.completion(plan)[0] == {"day": START, "planned": 2, "logged": 2, "done": 1,
                                              "not_met": 1, "rescheduled": 0}
    assert plan.days[0].completion == 1.0 and plan.days[1].completion == 0.0
    # logged visits are history: they keep their place and cannot be moved
    visit_plan.reoptimise(conn, plan_id, by="王经理", time_limit=0.3)
    assert visit_plan.load(conn, plan_id).visit(done.id).day == START
    with pytest.raises(visit_plan.PlanError, match="already logged"):
        visit_plan.move(conn, done.id, START + timedelta(days=1), by="王经理")
    # logging again corrects the same contact instead of adding one
    visit_plan.log_outcome(conn, done.id, "done", "办了两笔定期", None, None, by="王经理", contact_date=START)
    results = [r["result"] for r in conn.execute("SELECT result FROM contacts WHERE customer_id = ?"
                                                 " AND contact_date = ?", (done.customer_id, START.isoformat()))]
    assert results == ["办了两笔定期"]


def test_a_rescheduled_visit_reappears_on_its_new_day(archive):
    conn = archive.conn
    plan_id = _saved(conn, count=2, days=2, per_day=2)
    first = visit_plan.load(conn, plan_id).days[0].visits[0]
    with pytest.raises(visit_plan.PlanError, match="new date"):
        visit_plan.log_outcome(conn, first.id, "rescheduled", None, None, None, by="王经理")
    visit_plan.log_outcome(conn, first.id, "rescheduled", "客户出差", None, START + timedelta(days=1),
                           by="王经理", contact_date=START)
    plan = visit_plan.load(conn, plan_id)
    again = [v for v in plan.days[1].visits if v.customer_id == first.customer_id]
    assert len(again) == 1 and again[0].pinned_day and again[0].outcome is None


def test_no_working_day_gives_a_warning_not_a_crash(archive):
    overdue_a_customers(archive.conn, 2, START)
    plan = visit_plan.build(archive.conn, request(start=date(2026, 11, 28), days=2))   # Sat, Sun
    assert plan.days == [] and plan.warnings
    assert all(v.unplanned_code == "no_days" for v in plan.unplanned)
