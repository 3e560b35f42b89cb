"""Satisfaction surveys (model.customers.surveys, m0022): the template from the rules, recording with
every question answered in range, the trend per customer and per area, the CLI."""
from __future__ import annotations

from datetime import date

import pytest

from model.customers import customers, surveys
from model.core import rules
from model.archive.database import ArchiveError

ALL_FOUR = {"service": 4, "products": 4, "branch": 4, "needs": 4, "recommend": 4}


@pytest.fixture
def book(archive):
    conn = archive.conn
    ids = {}
    for name, area in (("张三", "阳光小区"), ("李四", "阳光小区"), ("王五", "幸福里"), ("赵六", None)):
        values = {"name": name, "manager": "王经理"}
        if area:
            values["area"] = area
        ids[name] = customers.create(conn, values, by="t")
    return archive, ids


def test_the_template_has_three_to_five_questions_with_sources():
    t = surveys.template()
    assert 3 <= len(t.questions) <= 5 and t.scale == 5 and t.months == 6
    data = rules.load_json("surveys.json")
    assert "满意度" in data["source"] and data["questions_source"] and data["scale_source"]
    assert t.questions[0].label("zh_CN") == "客户经理的服务"


def test_a_survey_is_recorded_with_its_mean_and_the_trend(book):
    archive, ids = book
    conn = archive.conn
    first = surveys.record(conn, ids["张三"], on="2026-10-12", answers=ALL_FOUR, by="小王")
    second = surveys.record(conn, ids["张三"], on=date(2026, 12, 2),
                            answers={**ALL_FOUR, "branch": 2, "recommend": 5}, by="小王", note="等候时间长")
    found = surveys.of_customer(conn, ids["张三"])
    assert [s.id for s in found] == [first, second]
    assert found[0].score == 4.0 and found[0].change is None
    assert found[1].score == 3.8 and found[1].change == -0.2 and found[1].answers["branch"] == 2
    assert found[1].note == "等候时间长" and found[1].created_by == "小王"


@pytest.mark.parametrize("answers, words", [
    ({**ALL_FOUR, "needs": None}, "Answer every question"),
    ({k: v for k, v in ALL_FOUR.items() if k != "needs"}, "Answer every question"),
    ({**ALL_FOUR, "recommend": 6}, "scored 1 to 5, not 6"),
    ({**ALL_FOUR, "recommend": 0}, "scored 1 to 5, not 0"),
    ({**ALL_FOUR, "weather": 3}, "Unknown question weather"),
])
def test_an_incomplete_or_out_of_range_survey_is_refused(book, answers, words):
    archive, ids = book
    with pytest.raises(ArchiveError, match=words):
        surveys.record(archive.conn, ids["张三"], on="2026-12-01", answers=answers, by="t")
    assert archive.conn.execute("SELECT count(*) FROM surveys").fetchone()[0] == 0
    assert archive.conn.execute("SELECT count(*) FROM survey_answers").fetchone()[0] == 0


def test_a_deleted_customer_takes_no_survey(book):
    archive, ids = book
    customers.delete(archive.conn, ids["李四"], "t")
    with pytest.raises(ArchiveError, match="no longer exists"):
        surveys.record(archive.conn, ids["李四"], on="2026-12-01", answers=ALL_FOUR, by="t")


def _fill(conn, ids):
    surveys.record(conn, ids["张三"], on="2026-11-05", answers=ALL_FOUR, by="t")                    # 4.0
    surveys.record(conn, ids["李四"], on="2026-11-20", answers={k: 2 for k in ALL_FOUR}, by="t")   # 2.0
    surveys.record(conn, ids["张三"], on="2026-12-03", answers={k: 5 for k in ALL_FOUR}, by="t")   # 5.0
    surveys.record(conn, ids["王五"], on="2026-12-04", answers={k: 3 for k in ALL_FOUR}, by="t")   # 3.0
    surveys.record(conn, ids["赵六"], on="2026-12-04", answers={k: 1 for k in ALL_FOUR}, by="t")   # no area
    surveys.record(conn, ids["王五"], on="2026-03-01", answers={k: 1 for k in ALL_FOUR}, by="t")   # before the months


def test_the_trend_per_area_by_month(book):
    archive, ids = book
    conn = archive.conn
    _fill(conn, ids)
    trends = surveys.by_area(conn, date(2026, 12, 7))
    assert [t.area for t in trends] == ["幸福里", "阳光小区", None]       # pinyin: xing before yang
    sun = next(t for t in trends if t.area == "阳光小区")
    assert (sun.surveys, sun.customers, sun.mean) == (3, 2, round(11 / 3, 2))
    assert sun.by_month == {"2026-11": 3.0, "2026-12": 5.0} and sun.change == 2.0
    happy = next(t for t in trends if t.area == "幸福里")
    assert happy.surveys == 1 and happy.change is None         # March is outside the six months
    assert surveys.months_back(date(2026, 2, 10), 3) == ["2025-12", "2026-01", "2026-02"]
    assert [t.area for t in surveys.by_area(conn, date(2026, 12, 7), "阳光小区")] == ["阳光小区"]
    assert [(n, s.score, s.change) for n, s in surveys.latest_in_area(conn, "阳光小区", date(2026, 12, 7))] == \
        [("李四", 2.0, None), ("张三", 5.0, 1.0)]


def test_cli_surveys_per_area(qapp, book, capsys):
    from cli import run_cli
    archive, ids = book
    _fill(archive.conn, ids)
    path = archive.path
    archive.close()
    assert run_cli(["surveys", str(path), "--date", "2026-12-07"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Satisfaction (1 to 5) from 2026-07 to 2026-12")
    assert "  阳光小区: 3 survey(s) of 2 customer(s), mean 3.67, change +2.00 on the month before" in out
    assert "2026-11 3.00  2026-12 5.00" in out and "(no area): 1 survey(s) of 1 customer(s), mean 1.00" in out
    assert run_cli(["surveys", str(path), "--area", "阳光小区", "--date", "2026-12-07"]) == 0
    out = capsys.readouterr().out
    assert "幸福里" not in out and "    张三: 2026-12-03 5.00 +1.00" in out and "    李四: 2026-11-20 2.00" in out


def test_purging_a_customer_takes_its_surveys_and_complaints(book):
    from model.customers import complaints
    from model.archive import database, purge
    archive, ids = book
    conn = archive.conn
    _fill(conn, ids)
    made = complaints.create(conn, ids["张三"], on="2026-12-01", channel="phone", category="other", what="x", by="t")
    complaints.move(conn, made, "in_hand", by="t", on="2026-12-02")
    customers.delete(conn, ids["张三"], "t")
    with database.transaction(conn):
        purge.remove_customers(conn, [ids["张三"]])
    for table in ("complaints", "complaint_history"):
        assert conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0
    assert conn.execute("SELECT count(*) FROM surveys WHERE customer_id = ?", (ids["张三"],)).fetchone()[0] == 0
    assert conn.execute("SELECT count(*) FROM survey_answers").fetchone()[0] == 4 * 5
