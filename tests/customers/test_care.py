"""Care calls (model.customers.care): birthdays (leap days, year-only dates) and festivals (fixed,
listed per year, lunar) a week ahead, with their reasons; done by a contact in the span."""
from __future__ import annotations

import json
from datetime import date

import pytest

from model.customers import care, customers
from model import grading


def test_birthdays_in_leap_and_common_years():
    assert care.birthday_in("1988-02-29", 2028) == date(2028, 2, 29)
    assert care.birthday_in("1988-02-29", 2027) == date(2027, 2, 28)
    assert care.birthday_in("1988-02-29", 2100) == date(2100, 2, 28)      # 2100 is not a leap year
    assert care.birthday_in("2000-02-29", 2000) == date(2000, 2, 29)
    assert care.birthday_in("1975-12-31", 2026) == date(2026, 12, 31)
    for year_only in ("1975", "1975-00-00", "1975-06", "", None):
        assert care.birthday_in(year_only, 2026) is None


def test_festivals_fixed_and_lunar_with_their_source():
    got = {f.key: on for f, on in care.festivals_between(date(2026, 1, 1), date(2026, 12, 31))}
    assert got["spring_festival"] == date(2026, 2, 17)          # 农历正月初一
    assert got["mid_autumn"] == date(2026, 9, 25)
    assert got["double_ninth"] == date(2026, 10, 18)
    assert got["national_day"] == date(2026, 10, 1) and got["christmas"] == date(2026, 12, 25)
    assert got["mothers_day"] == date(2026, 5, 10)
    later = {f.key: on for f, on in care.festivals_between(date(2027, 1, 1), date(2027, 12, 31))}
    assert later["spring_festival"] == date(2027, 2, 6) and later["mid_autumn"] == date(2027, 9, 15)
    # A year the rules data lists no lunar date for has none (the branch adds it); fixed days stay.
    keys = {f.key for f, _ in care.festivals_between(date(2031, 1, 1), date(2031, 12, 31))}
    assert "spring_festival" not in keys and "christmas" in keys
    assert all(f.source for f in care.care_rules().festivals)
    assert care.care_rules().lead_days == 7


@pytest.fixture
def book(archive):
    conn = archive.conn
    ids = {}
    for name, birth, manager in (("张三", "1980-12-10", "王经理"), ("李四", "1988-02-29", "王经理"),
                                 ("王五", "1990", "王经理"), ("赵六", "1970-12-12", "李经理")):
        ids[name] = customers.create(conn, {"name": name, "manager": manager, "phone": None}, by="t")
        conn.execute("UPDATE customers SET birth_date = ? WHERE id = ?", (birth, ids[name]))   # "1990": year only
    grading.override(conn, ids["张三"], "value_tier", "A", "test", by="t")
    return archive, ids


def test_birthday_calls_fall_due_a_week_ahead_with_the_reason(book):
    archive, ids = book
    conn = archive.conn
    assert care.care_calls(conn, date(2026, 12, 2), date(2026, 12, 2)) == []
    calls = care.care_calls(conn, date(2026, 12, 3), date(2026, 12, 3))
    assert [(c.name, c.occasion, c.on) for c in calls] == [("张三", "birthday", date(2026, 12, 10))]
    assert calls[0].reason == "Birthday greeting call: 2026-12-10, turns 46" and calls[0].age == 46
    both = care.care_calls(conn, date(2026, 12, 5), date(2026, 12, 5))
    assert [c.name for c in both] == ["张三", "赵六"]
    assert [c.name for c in care.care_calls(conn, date(2026, 12, 5), date(2026, 12, 5), "王经理")] == ["张三"]
    # The leap-day birthday on 28 February of 2027; the year-only birth date never.
    feb = care.care_calls(conn, date(2027, 2, 21), date(2027, 2, 28))
    assert [(c.name, c.on) for c in feb if c.occasion == "birthday"] == [("李四", date(2027, 2, 28))]
    year = care.care_calls(conn, date(2026, 1, 1), date(2026, 12, 31))
    assert "王五" not in {c.name for c in year if c.occasion == "birthday"}


def test_festival_calls_go_to_the_high_value_tiers(book):
    archive, ids = book
    calls = care.care_calls(archive.conn, date(2026, 9, 18), date(2026, 9, 18))
    assert [(c.name, c.occasion) for c in calls] == [("张三", "mid_autumn")]
    assert calls[0].reason == "Mid-Autumn Festival greeting: 2026-09-25 (lunar 八月十五)"


def test_a_contact_in_the_span_does_the_call(book):
    archive, ids = book
    conn = archive.conn
    customers.log_contact(conn, ids["张三"], customers.Contact("2026-12-01", "phone"), by="t")   # before the span
    assert len(care.care_calls(conn, date(2026, 12, 4), date(2026, 12, 4), "王经理")) == 1
    customers.log_contact(conn, ids["张三"], customers.Contact("2026-12-04", "phone"), by="t")
    assert care.care_calls(conn, date(2026, 12, 4), date(2026, 12, 4), "王经理") == []
    done = care.care_calls(conn, date(2026, 12, 4), date(2026, 12, 4), "王经理", include_done=True)
    assert [c.done for c in done] == [True]


def test_a_branch_lists_its_own_festivals(tmp_path, monkeypatch, archive):
    from model.core.resources import resource_path
    import shutil
    folder = tmp_path / "rules"
    shutil.copytree(resource_path("rules"), folder)
    data = json.loads((folder / "care.json").read_text(encoding="utf-8"))
    data["festivals"] = [{"key": "spring_festival", "label_en": "Spring Festival", "label_zh": "春节",
                          "lunar": "正月初一", "dates": {"2031": "2031-01-23"}, "source": "branch"}]
    data["festival_tiers"] = []
    (folder / "care.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    monkeypatch.setenv("KEHU_RULES_DIR", str(folder))
    customers.create(archive.conn, {"name": "张三", "manager": "王经理"}, by="t")
    calls = care.care_calls(archive.conn, date(2031, 1, 16), date(2031, 1, 16))
    assert [(c.occasion, c.on) for c in calls] == [("spring_festival", date(2031, 1, 23))]
