"""The demo's week in hand (issue 16): after grading, the demo manager has planned the
rest of this week and set this month's targets, as one would on a Monday morning, so
the Today page, the morning and evening sheets and the printed visit plan show a
working week rather than empty lists.

* The plan runs from the demo's date to the Friday of its week (the next week's
  Monday to Friday when that leaves fewer than three working days), saved as the
  demo manager's, built by the same planner as the Plan area's "New plan".
* The month's targets are last month's actuals with a tenth more, rounded as a
  manager would set them (whole counts; the amount to the thousand); a kind with
  nothing last month gets no target. The visits are held to what the plan can hold
  (the visits a day of the planning rules on each working day of the month).
"""
from __future__ import annotations

import math
from datetime import date, timedelta

from model.visits import planning_rules, targets, visit_plan
from model.archive.database import sqlite3

BY = "李经理"      # the demo book is 李经理's (model.demo.demo)
GROWTH = 1.1       # this month's target against last month's actuals
MIN_DAYS = 3       # fewer working days left in the week: plan the next week instead


def week_of(as_of: date) -> tuple[date, date]:
    """The days the demo's plan covers (see the module's description)."""
    rules = planning_rules.planning_rules()
    friday = as_of + timedelta(days=4 - as_of.weekday()) if as_of.weekday() <= 4 else None
    if friday is None or len(rules.working_days(as_of, friday, ())) < MIN_DAYS:
        monday = as_of + timedelta(days=7 - as_of.weekday())
        return monday, monday + timedelta(days=4)
    return as_of, friday


def add_week(conn: sqlite3.Connection, as_of: date, time_limit: float | None = None) -> dict:
    """Save the week's plan and the month's targets; returns their counts."""
    start, end = week_of(as_of)
    plan = visit_plan.build(conn, visit_plan.PlanRequest(start=start, end=end, manager=BY,
                                                         time_limit=time_limit))
    visit_plan.save(conn, plan, by=BY)
    month = targets.month_of(as_of)
    last_month = targets.month_of(date.fromisoformat(month + "-01") - timedelta(days=1))
    first, last = targets.month_days(last_month)
    values = {}
    for key, by_day in targets.actuals(conn, BY, first, last).items():
        total = sum(by_day.values()) * GROWTH
        if total > 0:
            values[key] = (math.ceil(total / 1000) * 1000 if not targets.kind(key).whole
                           else math.ceil(total))
    if "visits" in values:
        capacity = planning_rules.planning_rules().visits_per_day * len(targets.working_days(month))
        values["visits"] = min(values["visits"], capacity)
    if values:
        targets.set_targets(conn, BY, month, values, by=BY)
    return {"planned_visits": len(plan.planned()), "plan_start": start, "plan_end": end,
            "targets": len(values)}
