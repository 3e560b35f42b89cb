"""Circles: members, centres, activities, size over time and results since joining."""
from __future__ import annotations

from datetime import date

import pytest

from model.marketing import circles, promotions
from model.archive import database
from model.customers.customers import ValidationError
from tests.marketing_data import grade, small_archive, txn


def _circle(conn, ids):
    area = conn.execute("SELECT id FROM areas WHERE name = '阳光华庭'").fetchone()[0]
    circle = circles.create(conn, {"name": "阳光华庭广场舞队", "area_id": area, "centre_id": ids["张伟"],
                                   "centre_kind": "seniority", "pull": "每晚跳舞", "contact_mode": "微信群"},
                            "test", joined_on=date(2026, 1, 5))
    circles.add_members(conn, circle, [ids["王芳"], ids["李娜"]], "test", joined_on=date(2026, 2, 10))
    circles.add_members(conn, circle, [ids["刘洋"]], "test", joined_on=date(2026, 3, 31))
    return circle


def test_create_members_and_centres(archive):
    conn = archive.conn
    ids = small_archive(conn)
    circle = _circle(conn, ids)
    c = circles.get(conn, circle)
    assert c.area == "阳光华庭" and c.area_type == "community"        # area type taken from the area
    assert c.centre_name == "张伟" and c.member_count == 4
    assert circles.centre_kind_label(c.centre_kind, "zh_CN") == "先发"
    members = circles.members(conn, circle)
    assert members[0].customer_id == ids["张伟"] and members[0].is_centre
    assert circles.centre_ids(conn) == {ids["张伟"]}
    assert [x.id for x in circles.circles_of(conn, ids["王芳"])] == [circle]
    assert circles.circles_of(conn, ids["陈静"]) == []
    assert circles.add_members(conn, circle, [ids["王芳"]], "test") == 0           # already in
    with pytest.raises(database.ArchiveError):
        circles.remove_member(conn, circle, ids["张伟"], "test")                 # the centre stays
    circles.remove_member(conn, circle, ids["王芳"], "test", left_on=date(2026, 4, 15))
    assert circles.circles_of(conn, ids["王芳"]) == []
    assert circles.get(conn, circle).member_count == 3
    with pytest.raises(ValidationError) as caught:
        circles.create(conn, {"name": "", "centre_kind": "money", "centre_id": 99999}, "test")
    assert set(caught.value.problems) == {"name", "centre_kind", "centre_id"}
    with pytest.raises(ValidationError):
        circles.add_members(conn, circle, [424242], "test")
    circles.update(conn, circle, {"centre_id": ids["陈静"], "centre_kind": "fun"}, "test")
    assert circles.centre_ids(conn) == {ids["陈静"]}
    assert ids["陈静"] in {m.customer_id for m in circles.members(conn, circle)}
    circles.delete(conn, circle, "test")
    assert circles.list_circles(conn) == [] and circles.centre_ids(conn) == set()


def test_size_over_time_by_month(archive):
    conn = archive.conn
    ids = small_archive(conn)
    circle = _circle(conn, ids)
    circles.remove_member(conn, circle, ids["李娜"], "test", left_on=date(2026, 4, 30))
    # Jan: 张伟; Feb: +王芳 李娜; Mar 31: +刘洋; Apr 30 李娜 left (not a member at the end of April).
    assert circles.size_over_time(conn, circle, until=date(2026, 5, 20)) == [
        ("2026-01", 1), ("2026-02", 3), ("2026-03", 4), ("2026-04", 3), ("2026-05", 3)]
    assert circles.size_over_time(conn, circle, until=date(2026, 3, 30))[-1] == ("2026-03", 3)


def test_market_results_since_joining(archive):
    conn = archive.conn
    ids = small_archive(conn)
    circle = _circle(conn, ids)
    txn(conn, ids["张伟"], "2026-01-04", 1000, "存款")    # before joining: not counted
    txn(conn, ids["张伟"], "2026-01-05", 100, "存款")     # on the joining day: counted, not a new product
    txn(conn, ids["张伟"], "2026-02-01", 200, "基金")     # a new product
    txn(conn, ids["王芳"], "2026-02-09", 300, "理财")     # the day before joining
    txn(conn, ids["王芳"], "2026-03-01", 400, "理财")     # counted; bought before, so not new
    txn(conn, ids["刘洋"], "2026-06-01", 50, "保险")      # after the evaluation day
    grade(conn, ids["李娜"], "value_tier", "B", as_of="2026-03-01")     # C before joining → B: up
    grade(conn, ids["王芳"], "value_tier", "C", as_of="2026-03-01")     # B → C: down
    circles.add_activity(conn, circle, date(2026, 2, 14), "情人节舞会", "test")
    r = circles.market_results(conn, circle, as_of=date(2026, 5, 1))
    assert (r.members, r.members_with_transactions, r.transactions, r.amount) == (4, 2, 3, 700.0)
    assert r.new_products == 1
    assert (r.grades_up, r.grades_down) == (1, 1)
    assert {(g["name"], g["before"], g["now"]) for g in r.grade_changes} == {("李娜", "C", "B"), ("王芳", "B", "C")}
    saved = circles.save_evaluation(conn, circle, "test", staff_perception="气氛好", staff_score=4, overall=5,
                                    evaluated_on=date(2026, 5, 1))
    stored = circles.evaluations(conn, circle)
    assert [e.id for e in stored] == [saved]
    assert stored[0].size == 4 and stored[0].results == r and stored[0].activities == 1
    assert stored[0].overall == 5 and stored[0].staff_perception == "气氛好"
    with pytest.raises(ValidationError):
        circles.save_evaluation(conn, circle, "test", overall=6)


def test_new_products_skipped_without_product_data(archive):
    conn = archive.conn
    ids = small_archive(conn)
    circle = _circle(conn, ids)
    txn(conn, ids["张伟"], "2026-02-01", 200)
    assert circles.market_results(conn, circle, as_of=date(2026, 5, 1)).new_products is None


def test_activities_free_and_linked_to_plans(archive):
    conn = archive.conn
    ids = small_archive(conn)
    circle = _circle(conn, ids)
    plan = promotions.new_plan("community", date(2026, 4, 3), language="zh_CN")
    plan.circle_id = circle
    plan_id = promotions.save(conn, plan, "test")
    circles.add_activity(conn, circle, date(2026, 2, 14), "情人节舞会", "test")
    held = circles.activities(conn, circle)
    assert [(a.held_on, a.plan_id) for a in held] == [(date(2026, 4, 3), plan_id), (date(2026, 2, 14), None)]
    circles.add_activity(conn, circle, date(2026, 4, 3), "", "test", plan_id=plan_id)
    assert len(circles.activities(conn, circle)) == 2                          # the plan is listed once
    with pytest.raises(ValidationError):
        circles.add_activity(conn, circle, date(2026, 4, 3), " ", "test")
