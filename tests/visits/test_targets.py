"""Targets (model.visits.targets): the month spread over its working days, the actuals from the
archive, and the morning and evening sheets built on them."""
from __future__ import annotations

from datetime import date

import pytest

from model.customers import customers
from model.visits import daily_sheets, targets
from model.archive.database import ArchiveError

DEC = "2026-12"


def test_kinds_come_from_the_rules_data():
    assert [k.key for k in targets.kinds()] == ["new_customers", "visits", "calls", "deals", "amount"]
    assert targets.kind("amount").whole is False and targets.kind("visits").whole is True
    assert targets.kind("visits").label("zh_CN") == "拜访"


def test_working_days_follow_the_holidays_and_make_up_days():
    days = targets.working_days("2026-10")
    # 1-7 October are the National Day holiday; Saturday 10 October is a make-up working day.
    assert date(2026, 10, 1) not in days and date(2026, 10, 8) in days and date(2026, 10, 10) in days
    assert date(2026, 10, 11) not in days          # a Sunday
    assert len(days) == 18
    assert len(targets.working_days(DEC)) == 23


@pytest.mark.parametrize("total, whole", [(100, True), (7, True), (0, True), (23, True), (12345.67, False)])
def test_breakdown_adds_up_to_the_month_and_stays_even(total, whole):
    days = targets.working_days(DEC)
    shares = targets.breakdown(total, days, whole)
    assert list(shares) == days
    assert round(sum(shares.values()), 2) == total
    mean = total / len(days)
    assert all(abs(v - mean) <= 1 for v in shares.values())
    if whole:
        assert all(v == int(v) for v in shares.values())


def test_breakdown_of_100_visits_over_23_days():
    shares = targets.breakdown(100, targets.working_days(DEC), True)
    values = list(shares.values())
    assert values[:4] == [4, 5, 4, 4] and sorted(set(values)) == [4, 5]


def test_set_targets_is_one_write_checked_and_removable(archive):
    conn = archive.conn
    got = targets.set_targets(conn, "王经理", "2026-12", {"visits": "120", "amount": "50,000"}, by="t")
    assert got == {"visits": 120, "amount": 50000}
    with pytest.raises(ArchiveError):
        targets.set_targets(conn, "王经理", DEC, {"visits": "10", "calls": "2.5"}, by="t")
    assert targets.month_targets(conn, "王经理", DEC) == {"visits": 120, "amount": 50000}  # nothing of it written
    with pytest.raises(ArchiveError):
        targets.set_targets(conn, "王经理", "2026-13", {"visits": 1}, by="t")
    with pytest.raises(ArchiveError):
        targets.set_targets(conn, "王经理", DEC, {"hugs": 1}, by="t")
    assert targets.set_targets(conn, "王经理", DEC, {"amount": ""}, by="t") == {"visits": 120}


def _book(conn):
    mine = customers.create(conn, {"name": "张三", "manager": "王经理", "created_on": "2026-12-01"}, by="t")
    other = customers.create(conn, {"name": "李四", "manager": "李经理", "created_on": "2026-12-01"}, by="t")
    for day, channel in (("2026-12-01", "visit"), ("2026-12-02", "visit"), ("2026-12-02", "phone"),
                         ("2026-12-02", "sms"), ("2026-11-30", "visit")):
        customers.log_contact(conn, mine, customers.Contact(day, channel), by="t")
    customers.log_contact(conn, other, customers.Contact("2026-12-02", "visit"), by="t")
    conn.executemany("INSERT INTO transactions(customer_id, txn_date, amount) VALUES (?, ?, ?)",
                     [(mine, "2026-12-02", 1000.0), (mine, "2026-12-02", 500.5), (other, "2026-12-02", 9.0)])
    return mine


def test_actuals_count_the_managers_own_customers(archive):
    conn = archive.conn
    _book(conn)
    got = targets.actuals(conn, "王经理", date(2026, 12, 1), date(2026, 12, 31))
    assert got["visits"] == {date(2026, 12, 1): 1, date(2026, 12, 2): 1}
    assert got["calls"] == {date(2026, 12, 2): 2}
    assert got["deals"] == {date(2026, 12, 2): 1}
    assert got["amount"] == {date(2026, 12, 2): 1500.5}
    assert got["new_customers"] == {date(2026, 12, 1): 1}


def test_standing_and_the_sheets(archive):
    conn = archive.conn
    _book(conn)
    targets.set_targets(conn, "王经理", DEC, {"visits": 46, "amount": 23000}, by="t")
    day = date(2026, 12, 2)
    standing = targets.standing(conn, "王经理", day)
    assert standing.working_days == 23 and standing.working_day_number == 2
    visits = next(line for line in standing.lines if line.kind.key == "visits")
    assert (visits.month_target, visits.day_target, visits.day_actual) == (46, 2, 1)
    assert (visits.to_date_target, visits.to_date_actual) == (4, 2)
    assert (visits.day_difference, visits.to_date_difference) == (-1, -2)
    assert targets.number_text(visits.day_difference, True, signed=True) == "-1"
    assert targets.number_text(3, True, signed=True) == "+3"
    calls = next(line for line in standing.lines if line.kind.key == "calls")
    assert calls.month_target is None and calls.day_actual == 2
    morning = daily_sheets.morning(conn, day, "王经理")
    assert morning.before is not None and morning.before.day == date(2026, 12, 1)
    evening = daily_sheets.evening(conn, date(2026, 12, 4), "王经理")
    assert evening.next_day == date(2026, 12, 7)                 # Friday → Monday
    assert targets.standing(conn, "王经理", date(2026, 12, 5)).working_day_number == 0   # a Saturday
