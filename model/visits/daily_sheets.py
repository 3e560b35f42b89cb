"""The morning and evening sheets (晨会 / 夕会, seed 002: "支行从每日晨会目标的设定,到每日夕会的
工作总结"): one read each, no writes.

* The **morning sheet**: today's targets (the day's share of the month and where the
  month stands before today), the plan (today's visits of the saved plan in route order),
  the calls due, the care calls due and the open follow-ups.
* The **evening sheet**: the day's results against its targets and the month to date,
  what was done, and what moves to the next working day: the plan's visits without an
  outcome of done, the calls due that had no contact today, the care calls still open.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from model.customers import care
from model.visits import due, planning_rules, targets, today, visit_plan
from model.archive.database import sqlite3


@dataclass
class MorningSheet:
    day: date
    manager: str
    standing: targets.Standing
    before: targets.Standing | None          # the month to date before today (None on its first day)
    visits: list[visit_plan.PlanVisit] = field(default_factory=list)
    calls: list[due.DueVisit] = field(default_factory=list)      # the day's share, most urgent first
    more_calls: int = 0                                          # due as well, left to the due list
    care_calls: list[care.CareCall] = field(default_factory=list)
    follow_ups: list[today.FollowUp] = field(default_factory=list)


@dataclass
class EveningSheet:
    day: date
    manager: str
    standing: targets.Standing
    next_day: date
    done_visits: list[visit_plan.PlanVisit] = field(default_factory=list)
    open_visits: list[visit_plan.PlanVisit] = field(default_factory=list)
    open_calls: list[due.DueVisit] = field(default_factory=list)
    more_calls: int = 0
    open_care: list[care.CareCall] = field(default_factory=list)
    missed_care: list[care.CareCall] = field(default_factory=list)   # the occasion was today


def next_working_day(day: date) -> date:
    rules = planning_rules.planning_rules()
    following = day + timedelta(days=1)
    for _ in range(60):
        if rules.is_working_day(following):
            return following
        following += timedelta(days=1)
    return day + timedelta(days=1)


def calls_listed(standing: targets.Standing) -> int:
    """How many calls a sheet lists: the day's call target, else targets.json ``sheet_calls``."""
    line = next((line for line in standing.lines if line.kind.key == "calls"), None)
    if line is not None and line.month_target is not None and line.day_target > 0:
        return int(line.day_target)
    return targets.sheet_calls()


def morning(conn: sqlite3.Connection, day: date, manager: str,
            data: today.Today | None = None) -> MorningSheet:
    """The morning sheet; ``data`` is the manager's :func:`today.today` of ``day`` when the
    caller has it already (:func:`both` reads it once for the two sheets)."""
    data = data or today.today(conn, day, manager)
    before = targets.standing(conn, manager, day - timedelta(days=1)) if day.day > 1 else None
    standing = targets.standing(conn, manager, day)
    limit = calls_listed(standing)
    return MorningSheet(day, manager, standing, before, list(data.visits), list(data.calls[:limit]),
                        max(0, len(data.calls) - limit), care.care_calls(conn, day, day, manager),
                        list(data.follow_ups))


def _contacted_on(conn: sqlite3.Connection, day: date, ids: list[int]) -> set[int]:
    import json
    return {r[0] for r in conn.execute(
        "SELECT DISTINCT customer_id FROM contacts WHERE substr(contact_date, 1, 10) = ?"
        " AND customer_id IN (SELECT value FROM json_each(?))", (day.isoformat(), json.dumps(ids)))}


def both(conn: sqlite3.Connection, day: date, manager: str) -> tuple[MorningSheet, EveningSheet]:
    """The morning and the evening sheet of one day, from one reading of the day."""
    data = today.today(conn, day, manager)
    return morning(conn, day, manager, data), evening(conn, day, manager, data)


def evening(conn: sqlite3.Connection, day: date, manager: str,
            data: today.Today | None = None) -> EveningSheet:
    data = data or today.today(conn, day, manager)
    out = EveningSheet(day, manager, targets.standing(conn, manager, day), next_working_day(day))
    out.done_visits = [v for v in data.visits if v.outcome == "done"]
    out.open_visits = [v for v in data.visits if v.outcome != "done"]
    # A call made today usually satisfies its obligation (it is no longer listed); those still
    # listed with a contact today (a next date set for today, say) are done too.
    contacted = _contacted_on(conn, day, [c.customer_id for c in data.calls if c.customer_id is not None])
    still_open = [c for c in data.calls if c.customer_id not in contacted]
    limit = calls_listed(out.standing)
    out.open_calls, out.more_calls = still_open[:limit], max(0, len(still_open) - limit)
    for call in care.care_calls(conn, day, day, manager):
        (out.missed_care if call.on <= day else out.open_care).append(call)
    return out
