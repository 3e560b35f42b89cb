"""Promotion plans: templates, audience, status, checklists and the evaluation worked by hand."""
from __future__ import annotations

from datetime import date, datetime

import pytest

from model.marketing import circles, promotions
from model.archive import database
from model.customers.customers import ValidationError
from model.marketing.promotions import Audience, BudgetLine, ScheduleLine, StaffLine
from tests.marketing_data import add_customer, small_archive, txn


def test_every_area_type_has_a_template_with_every_field():
    from model.core import rules
    for area in rules.area_types():
        plan = promotions.new_plan(area.key, date(2026, 5, 1), language="zh_CN")
        assert plan.area_type == area.key
        for name in ("theme", "place", "resources", "organisation", "daily_contact", "key_points", "time_note"):
            assert getattr(plan, name), (area.key, name)
        assert promotions.goal_label(plan.goal, "zh_CN") in "提粘守破立"
        assert plan.audience == Audience(area_types=(area.key,))
        assert {c.phase for c in plan.checklist} == set(promotions.PHASES)
    community = promotions.new_plan("community", date(2026, 5, 1), language="zh_CN")
    assert "亲情" in community.theme or "节日" in community.theme
    assert community.starts_at == datetime(2026, 5, 1, 19, 0)       # evening after dinner
    assert "晚饭后" in community.time_note
    english = promotions.new_plan("office_building", date(2026, 5, 4), language="en")
    assert "lunch" in english.time_note.lower() and english.starts_at.hour == 12
    with pytest.raises(ValidationError):
        promotions.template_for("moon_base")


def test_goals_checklists_and_centre_kinds_from_rules():
    assert [g.label_zh for g in promotions.goals()] == ["提", "粘", "守", "破", "立"]
    assert [c.label_zh for c in circles.centre_kinds()] == ["先发", "利益", "权势", "专业", "快乐"]
    assert [i.key for i in promotions.checklist_items("closing")] == [
        "count", "restock", "store", "cash", "cleaning", "closing_security", "adjust"]
    assert len(promotions.checklist_items("before")) == 10 and len(promotions.checklist_items("during")) == 5
    assert [i.key for i in promotions.checklist_items("promotion")] == ["before_event", "during_event", "on_site"]


def test_audience_size_matches_a_hand_count(archive):
    conn = archive.conn
    ids = small_archive(conn)
    assert promotions.audience_size(conn, Audience()) == 10
    # Tier A: 张伟 刘洋 陈静 吴刚.
    assert promotions.audience_ids(conn, Audience(value_tiers=("A",))) == sorted(
        ids[n] for n in ("张伟", "刘洋", "陈静", "吴刚"))
    # Tier A or B in a community: 张伟 王芳 刘洋.
    a = Audience(value_tiers=("A", "B"), area_types=("community",))
    assert set(promotions.audience_ids(conn, a)) == {ids["张伟"], ids["王芳"], ids["刘洋"]}
    assert promotions.audience_size(conn, a) == 3
    # Persona enjoying retirement and opportunity A: only 张伟.
    assert promotions.audience_ids(conn, Audience(personas=("enjoying_retirement",),
                                                  opportunity_grades=("A",))) == [ids["张伟"]]
    area = conn.execute("SELECT id FROM areas WHERE name = '科技园'").fetchone()[0]
    assert promotions.audience_size(conn, Audience(area_ids=(area,))) == 3
    circle = circles.create(conn, {"name": "广场舞队", "centre_id": ids["张伟"]}, "test")
    circles.add_members(conn, circle, [ids["李娜"], ids["陈静"]], "test")
    assert promotions.audience_size(conn, Audience(circle_ids=(circle,))) == 3
    assert promotions.audience_size(conn, Audience(circle_ids=(circle,), value_tiers=("C",))) == 1
    circles.remove_member(conn, circle, ids["陈静"], "test")
    assert promotions.audience_size(conn, Audience(circle_ids=(circle,))) == 2
    # Deleted customers drop out.
    from model.customers import customers
    customers.delete(conn, ids["吴刚"], "test")
    assert promotions.audience_size(conn, Audience(value_tiers=("A",))) == 3
    # The filter survives a round trip through the archive.
    assert Audience.from_json(a.to_json()) == a
    assert "社区" in a.describe(conn, "zh_CN") or "community" in a.describe(conn, "en").lower()


def _plan(conn, **changes) -> int:
    plan = promotions.new_plan("community", date(2026, 3, 10), language="zh_CN")
    plan.budget = [BudgetLine("礼品", 50, 20.0), BudgetLine("横幅", 2, 150.0)]     # 1000 + 300
    plan.staff = [StaffLine("李经理", "现场负责人"), StaffLine("小王", "签到")]
    plan.schedule = [ScheduleLine("18:30", "布置场地"), ScheduleLine("19:00", "开场")]
    for k, v in changes.items():
        setattr(plan, k, v)
    return promotions.save(conn, plan, "test")


def test_save_reload_and_validation(archive):
    conn = archive.conn
    plan_id = _plan(conn)
    plan = promotions.get(conn, plan_id)
    assert plan.budget_total == 1300.0 and plan.budget[1].total == 300.0
    assert [s.who for s in plan.staff] == ["李经理", "小王"]
    assert plan.schedule[1].what == "开场" and plan.status == promotions.DRAFT
    assert plan.starts_at == datetime(2026, 3, 10, 19, 0)
    plan.theme = "中秋联欢"
    promotions.tick(conn, plan_id, "before", "site", True, "test")
    promotions.save(conn, plan, "test")              # saving keeps the ticks
    again = promotions.get(conn, plan_id)
    assert again.theme == "中秋联欢"
    assert [c.done for c in again.items("before")][0] is True
    with pytest.raises(ValidationError) as caught:
        _plan(conn, title=" ", budget=[BudgetLine("礼品", -1, 5)], ends_at=datetime(2026, 3, 9))
    assert set(caught.value.problems) == {"title", "budget 1", "ends_at"}
    with pytest.raises(ValidationError):
        _plan(conn, goal="conquer")
    assert [p.id for p in promotions.list_plans(conn)] == [plan_id]


def test_status_transitions(archive):
    conn = archive.conn
    small_archive(conn)
    plan_id = _plan(conn)
    with pytest.raises(database.ArchiveError):
        promotions.set_status(conn, plan_id, promotions.RUNNING, "test")     # must be approved first
    with pytest.raises(database.ArchiveError):
        promotions.record_outcome(conn, plan_id, [], by="test")             # not started yet
    promotions.set_status(conn, plan_id, promotions.APPROVED, "test")
    promotions.set_status(conn, plan_id, promotions.DRAFT, "test")           # back for changes
    promotions.set_status(conn, plan_id, promotions.APPROVED, "test")
    promotions.set_status(conn, plan_id, promotions.RUNNING, "test")
    with pytest.raises(database.ArchiveError):
        promotions.set_status(conn, plan_id, promotions.DRAFT, "test")
    with pytest.raises(database.ArchiveError):
        promotions.delete(conn, plan_id, "test")
    promotions.set_status(conn, plan_id, promotions.DONE, "test")
    with pytest.raises(database.ArchiveError):
        promotions.save(conn, promotions.get(conn, plan_id), "test")
    log = [(r["old_status"], r["new_status"]) for r in promotions.status_log(conn, plan_id)]
    assert log == [(None, "draft"), ("draft", "approved"), ("approved", "draft"), ("draft", "approved"),
                   ("approved", "running"), ("running", "done")]
    draft = _plan(conn)
    promotions.delete(conn, draft, "test")
    assert promotions.get(conn, draft) is None


def _run(conn, plan_id):
    for status in (promotions.APPROVED, promotions.RUNNING, promotions.DONE):
        promotions.set_status(conn, plan_id, status, "test")


def test_evaluation_worked_by_hand(archive):
    conn = archive.conn
    ids = small_archive(conn)
    # Activity 2026-03-10 19:00-21:00; 30-day window: 2026-03-10 .. 2026-04-09 inclusive.
    plan_id = _plan(conn, audience=Audience(area_types=("community",)))     # 4 customers
    _run(conn, plan_id)                                                     # snapshot: the 4 of 阳光华庭
    newcomer = add_customer(conn, "孙悦", area="阳光华庭", area_type="community", created_on="2026-03-10")
    txn(conn, ids["张伟"], "2026-03-09", 999)       # the day before: not a deal
    txn(conn, ids["张伟"], "2026-03-10", 100)       # on the day: a deal
    txn(conn, ids["张伟"], "2026-04-09", 50)        # last day of the window: a deal
    txn(conn, ids["王芳"], "2026-04-10", 777)       # the day after the window: not a deal
    txn(conn, ids["陈静"], "2026-03-15", 200)       # a participant from outside the audience
    txn(conn, newcomer, "2026-03-20", 30)
    txn(conn, ids["李娜"], "2026-03-12", 5000)      # in the audience but did not take part
    promotions.record_outcome(conn, plan_id, [ids["张伟"], ids["王芳"], ids["刘洋"], ids["陈静"], newcomer],
                              walk_ins=5, new_customers_extra=2, review="效果不错", by="test")
    e = promotions.evaluate(conn, plan_id)
    assert e.participants == 10                       # 5 picked + 5 walk-ins
    assert e.audience_size == 4 and e.participants_in_audience == 3
    assert e.reach == 0.75
    assert (e.window_start, e.window_end) == (date(2026, 3, 10), date(2026, 4, 9))
    assert e.deals == 4 and e.deal_customers == 3     # 张伟 twice, 陈静, 孙悦; 王芳 and 刘洋 none
    assert e.amount == 380.0
    assert e.new_customers == 3                       # 孙悦 created in the window + 2 not entered
    assert e.budget_total == 1300.0
    assert e.cost_per_participant == 130.0 and e.cost_per_deal == 325.0
    assert e.review == "效果不错"
    # A shorter window drops the last day's deal.
    promotions.record_outcome(conn, plan_id, e.participant_ids, walk_ins=5, window_days=7, by="test")
    e7 = promotions.evaluate(conn, plan_id)
    assert e7.window_end == date(2026, 3, 17) and e7.deals == 2 and e7.amount == 300.0
    assert e7.new_customers == 1


def test_zero_budget_and_no_deals_give_no_cost(archive):
    conn = archive.conn
    ids = small_archive(conn)
    plan_id = _plan(conn, budget=[])
    _run(conn, plan_id)
    promotions.record_outcome(conn, plan_id, [ids["黄强"]], by="test")       # no transactions at all
    e = promotions.evaluate(conn, plan_id)
    assert e.deals == 0 and e.amount == 0 and e.budget_total == 0
    assert e.cost_per_participant is None and e.cost_per_deal is None
    assert e.participants_in_audience == 0            # 黄强 is on campus
    paid = _plan(conn)
    _run(conn, paid)
    e2 = promotions.evaluate(conn, paid)               # nobody recorded
    assert e2.participants == 0 and e2.cost_per_participant is None and e2.cost_per_deal is None
    assert e2.reach == 0.0
    with pytest.raises(ValidationError):
        promotions.record_outcome(conn, paid, [99999], by="test")
    with pytest.raises(ValidationError):
        promotions.record_outcome(conn, paid, [], walk_ins=-1, by="test")


def test_compare_lists_done_activities(archive):
    conn = archive.conn
    ids = small_archive(conn)
    first = _plan(conn)
    _run(conn, first)
    promotions.record_outcome(conn, first, [ids["张伟"]], walk_ins=3, by="test")
    office = promotions.new_plan("office_building", date(2026, 4, 1), language="zh_CN")
    office.budget = [BudgetLine("茶歇", 1, 400)]
    second = promotions.save(conn, office, "test")
    _run(conn, second)
    _plan(conn)                                                              # a draft: not compared
    rows = promotions.compare(conn)
    assert [r.plan_id for r in rows] == [second, first]
    assert rows[0].area_type == "office_building" and rows[0].cost_per_participant is None
    assert rows[1].participants == 4 and rows[1].cost_per_participant == 325.0
    assert [r.plan_id for r in promotions.compare(conn, [first])] == [first]


def test_the_demo_has_circles_and_evaluated_activities(tmp_path):
    from model.demo import demo
    counts = demo.build_demo(tmp_path / "demo.kehu", seed=1, as_of=date(2026, 11, 20))
    assert counts["circles"] == 4 and counts["promotions"] == 6
    with database.Archive.open(tmp_path / "demo.kehu") as arch:
        conn = arch.conn
        found = circles.list_circles(conn)
        assert any(c.name.endswith("广场舞队") and c.centre_kind == "seniority" for c in found)
        assert {c.area_type for c in found} == {"community", "industrial_park", "campus", "office_building"}
        dance = next(c for c in found if c.name.endswith("广场舞队"))
        centre = conn.execute("SELECT dim_occupation FROM customers WHERE id = ?", (dance.centre_id,)).fetchone()[0]
        assert centre == "3.4"                                         # at home: retired
        assert len(circles.evaluations(conn, dance.id)) == 2
        rows = promotions.compare(conn)
        assert len(rows) == 4 and len({r.area_type for r in rows}) == 4
        for r in rows:
            assert r.participants > r.walk_ins and r.deals > 0 and r.review
            assert 0 < r.reach <= 1 and r.cost_per_deal is not None
        statuses = sorted(p.status for p in promotions.list_plans(conn))
        assert statuses == ["approved", "done", "done", "done", "done", "draft"]
        before_created = conn.execute(
            "SELECT count(*) FROM transactions t JOIN customers c ON c.id = t.customer_id"
            " WHERE t.txn_date < c.created_on OR t.txn_date > '2026-11-20'").fetchone()[0]
        assert before_created == 0
