"""What a manager's day holds (the Today page, DOMAIN §7 晨会): today's visits of the
saved plan in route order, the calls due today (one per customer, with all its
reasons) apart from the A-tier customers due only for the market news (messages,
sent together), how many are overdue per value tier,
the open 101 follow-up actions, the activities running, and the birthdays of the
coming week. One read, no writes; every list item names what it opens.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from model.visits import due, visit_plan
from model.archive.database import sqlite3

BIRTHDAY_DAYS = 7


@dataclass
class FollowUp:
    action_id: int
    partner_id: int
    partner: str
    text: str
    owner: str
    due_on: date
    overdue_days: int = 0


@dataclass
class Activity:
    plan_id: int
    title: str
    starts_at: str | None
    ends_at: str | None


@dataclass
class Birthday:
    customer_id: int
    name: str
    phone: str | None
    on: date                  # this year's birthday
    age: int | None


@dataclass
class Today:
    day: date
    manager: str | None
    plan_id: int | None = None
    visits: list[visit_plan.PlanVisit] = field(default_factory=list)
    calls: list[due.DueVisit] = field(default_factory=list)
    news: list[due.DueVisit] = field(default_factory=list)    # due only for the market news
    overdue: dict[str, int] = field(default_factory=dict)     # value tier ('' ungraded) -> customers overdue
    follow_ups: list[FollowUp] = field(default_factory=list)
    activities: list[Activity] = field(default_factory=list)
    birthdays: list[Birthday] = field(default_factory=list)


def plan_for(conn: sqlite3.Connection, day: date, manager: str | None = None) -> visit_plan.Plan | None:
    """The newest saved plan that has ``day`` as one of its working days."""
    for summary in visit_plan.list_plans(conn, manager):
        if summary.start <= day <= summary.end:
            plan = visit_plan.load(conn, summary.id)
            if plan.day_of(day) is not None:
                return plan
    return None


def today(conn: sqlite3.Connection, day: date | None = None, manager: str | None = None) -> Today:
    day = day or date.today()
    out = Today(day, manager)
    plan = plan_for(conn, day, manager)
    if plan is not None:
        out.plan_id = plan.id
        out.visits = list(plan.day_of(day).visits)
    listed = due.due_list(conn, day, day, manager)
    planned = {v.customer_id for v in out.visits}
    waiting = [c for c in listed.calls if c.customer_id not in planned]
    # a call due only for a birthday or a festival is the sheets' and the page's care call
    out.calls = [c for c in waiting if not c.news_only and not c.care_only]
    out.news = [c for c in waiting if c.news_only]
    for item in listed.all():
        if item.customer_id is not None and item.overdue:
            out.overdue[item.tier or ""] = out.overdue.get(item.tier or "", 0) + 1
    out.follow_ups = _follow_ups(conn, day, manager)
    out.activities = _running(conn)
    out.birthdays = birthdays(conn, day, manager)
    return out


def _follow_ups(conn: sqlite3.Connection, day: date, manager: str | None) -> list[FollowUp]:
    sql = ("SELECT a.id, a.partner_id, p.name, a.text, a.owner, a.due_on FROM partner_actions a"
           " JOIN partners p ON p.id = a.partner_id WHERE a.status = 'open'")
    params: list = []
    if manager:
        sql += " AND p.manager = ?"
        params.append(manager)
    out = []
    for r in conn.execute(sql + " ORDER BY a.due_on, a.id", params):
        due_on = date.fromisoformat(r[5][:10])
        out.append(FollowUp(r[0], r[1], r[2], r[3], r[4], due_on, max(0, (day - due_on).days)))
    return out


def _running(conn: sqlite3.Connection) -> list[Activity]:
    from model.marketing import promotions
    return [Activity(p.id, p.title, p.starts_at.isoformat(" ", "minutes") if p.starts_at else None,
                     p.ends_at.isoformat(" ", "minutes") if p.ends_at else None)
            for p in promotions.list_plans(conn, promotions.RUNNING)]


def birthdays(conn: sqlite3.Connection, day: date, manager: str | None = None,
              days: int = BIRTHDAY_DAYS) -> list[Birthday]:
    """Customers whose birthday falls in the ``days`` days from ``day`` (29 February is
    kept on 28 February in other years)."""
    wanted = {(day + timedelta(days=k)).strftime("%m-%d"): day + timedelta(days=k) for k in range(days)}
    if any(d.month == 2 and d.day == 28 for d in wanted.values()):
        feb28 = next(d for d in wanted.values() if d.month == 2 and d.day == 28)
        if not _leap(feb28.year):
            wanted.setdefault("02-29", feb28)
    sql = ("SELECT id, name, phone, phone2, birth_date FROM customers WHERE deleted_at IS NULL"
           " AND birth_date IS NOT NULL AND length(birth_date) >= 10"
           " AND substr(birth_date, 6, 5) IN (SELECT value FROM json_each(?))")
    params: list = [_json(list(wanted))]
    if manager:
        sql += " AND manager = ?"
        params.append(manager)
    out = []
    for r in conn.execute(sql, params):
        on = wanted[r["birth_date"][5:10]]
        born = int(r["birth_date"][:4])
        out.append(Birthday(r["id"], r["name"], r["phone"] or r["phone2"], on, on.year - born if born else None))
    return sorted(out, key=lambda b: (b.on, b.name))


def _leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _json(values) -> str:
    import json
    return json.dumps(values)
