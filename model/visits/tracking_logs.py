"""The tracking logs (客户追踪志) as seed 002 keeps them: one log per opportunity
grade, for that grade's period (A → 追踪日志 daily, B → 周志 weekly, C → 半月志,
D → 月志; ``tracking_logs`` in planning.json, the seed's words beside it). A log
lists the customers *of that grade* — not everyone due — with their need, expected
close, last tracking contact and agreed next step, and as many blank lines as
contacts the period asks for, most overdue tracking first.

Who is due in a period, on every obligation, is the due list (``model.visits.due``), a
printout of its own (``reports.due_list``).
"""
from __future__ import annotations

import calendar
import json
from dataclasses import dataclass
from datetime import date, timedelta

from model.visits import planning_rules
from model.archive.database import sqlite3

GRADES = ("A", "B", "C", "D")
PERIODS = ("day", "week", "half-month", "month")
MAX_LINES = 5


def period_range(kind: str, start: date) -> tuple[date, date]:
    """The days a tracking log covers: a day; a week from ``start``; a half month
    (the 1st-15th or 16th-last when started on those days, else 15 days); a
    month (the calendar month when started on the 1st, else to the day before
    the same date next month)."""
    if kind == "day":
        return start, start
    if kind == "week":
        return start, start + timedelta(days=6)
    last = calendar.monthrange(start.year, start.month)[1]
    if kind == "half-month":
        if start.day == 1:
            return start, start.replace(day=15)
        if start.day == 16:
            return start, start.replace(day=last)
        return start, start + timedelta(days=14)
    if kind == "month":
        if start.day == 1:
            return start, start.replace(day=last)
        year, month = (start.year + 1, 1) if start.month == 12 else (start.year, start.month + 1)
        day = min(start.day, calendar.monthrange(year, month)[1])
        return start, date(year, month, day) - timedelta(days=1)
    raise ValueError(kind)


def log_period(grade: str) -> str:
    """The period of a grade's log, from the rules (planning.json ``tracking_logs``)."""
    kind = planning_rules.planning_rules().tracking_logs.get(grade)
    if kind not in PERIODS:
        raise ValueError(f"no tracking log for grade {grade!r}")
    return kind


@dataclass
class TrackingEntry:
    customer_id: int
    name: str
    phone: str | None
    area: str | None
    tier: str | None
    needs: str | None                 # the record's needs (free text)
    need: str | None                  # the manager's answer: a need key of the rules (clear, ...)
    expected_close: str | None        # ISO date
    close: str | None                 # the answer: a close key (1m, 3m, ...)
    last_contact: str | None          # ISO date of the last tracking contact (any channel)
    last_channel: str | None
    last_result: str | None
    next_step: str | None
    next_date: str | None
    next_tracking: date | None        # when the cadence asks for the next contact
    overdue_days: int                 # start - next_tracking, > 0 overdue
    lines: int                        # blank lines for the period's contacts


@dataclass
class TrackingLog:
    grade: str
    kind: str
    start: date
    end: date
    manager: str | None
    cadence_days: int | None
    entries: list[TrackingEntry]


def tracking_log(conn: sqlite3.Connection, grade: str, start: date, manager: str | None = None,
                 kind: str | None = None) -> TrackingLog:
    """The tracking log of opportunity grade ``grade`` for the period from ``start``
    (the grade's own period unless ``kind`` is given)."""
    from model.grading import ruleset
    rules = ruleset.load().opportunity
    if grade not in rules.cadences:
        raise ValueError(f"unknown opportunity grade {grade!r}")
    kind = kind or log_period(grade)
    first, last = period_range(kind, start)
    cadence = rules.cadences[grade].days
    days = (last - first).days + 1
    lines = max(1, min(days // cadence, MAX_LINES)) if cadence else 1
    where, params = "", [grade]
    if manager:
        where, params = " AND c.manager = ?", [grade, manager]
    rows = conn.execute(f"""
        WITH latest AS (
            SELECT customer_id, contact_date, channel, result, next_step, next_date,
                   ROW_NUMBER() OVER (PARTITION BY customer_id ORDER BY contact_date DESC, id DESC) AS rn
            FROM contacts)
        SELECT c.id, c.name, c.phone, c.phone2, c.needs, a.name AS area, g.detail, g.as_of,
               t.value AS tier, l.contact_date, l.channel, l.result, l.next_step, l.next_date
        FROM grades g JOIN customers c ON c.id = g.customer_id
        LEFT JOIN areas a ON a.id = c.area_id
        LEFT JOIN grades t ON t.customer_id = c.id AND t.scheme = 'value_tier'
        LEFT JOIN latest l ON l.customer_id = c.id AND l.rn = 1
        WHERE g.scheme = 'opportunity' AND g.value = ? AND c.deleted_at IS NULL{where}""", params).fetchall()
    calendar_rules = planning_rules.planning_rules()
    entries = []
    for r in rows:
        detail = json.loads(r["detail"] or "{}")
        last_contact = r["contact_date"][:10] if r["contact_date"] else None
        if cadence:
            base = date.fromisoformat(last_contact) if last_contact else None
            # a weekend day or holiday is the next working day's work, as in the due list
            next_tracking = (calendar_rules.on_working_day(base + timedelta(days=cadence)) if base
                             else date.fromisoformat(r["as_of"][:10]))
        else:
            next_tracking = None
        entries.append(TrackingEntry(
            customer_id=r["id"], name=r["name"], phone=r["phone"] or r["phone2"], area=r["area"],
            tier=r["tier"], needs=r["needs"], need=detail.get("need"),
            expected_close=detail.get("expected_close_date"), close=detail.get("close"),
            last_contact=last_contact, last_channel=r["channel"], last_result=r["result"],
            next_step=r["next_step"], next_date=r["next_date"], next_tracking=next_tracking,
            overdue_days=(first - next_tracking).days if next_tracking else 0, lines=lines))
    # due first; on the same day (weekends roll onto Monday) the longest since tracked first
    entries.sort(key=lambda e: (e.next_tracking or date.max, e.last_contact or "", e.name,
                                e.customer_id))
    return TrackingLog(grade, kind, first, last, manager, cadence, entries)
