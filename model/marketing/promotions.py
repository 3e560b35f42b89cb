"""Promotion-activity plans (促销活动方案, DOMAIN.md §6): templates per area type,
the target audience as a stored filter, budget, staffing, schedule, checklists,
status, and the evaluation after the activity.

The parts live in their own modules, and every public name is importable from here:
``promotion_rules`` (templates, goals, activity types, checklists, labels, statuses),
``audience`` (the target audience), ``promotion_plans`` (the plan as data, reading it),
``promotion_evaluation`` (the figures after the activity, the plan sheet). This module
holds the writes: save, delete, status, ticks and the outcome.

Decisions the numbers rest on (tested in tests/marketing/test_promotions.py):

- **Audience**: within one kind of criterion any value matches (OR), across kinds
  all must match (AND); an empty filter means every customer not deleted. The
  audience is snapshotted when the plan is approved; the evaluation measures reach
  against that snapshot (against the live filter if the plan never was approved).
- **Deal window**: transactions of the customers who took part, dated from the day
  the activity starts through ``window_days`` days after the day it ends, both days
  included (the activity's own days count: sales on site are deals).
- **New customers**: participants whose record was created within the deal window,
  plus ``new_customers_extra`` (won on the day but not entered in the archive).
- **Cost per participant / per deal**: the budget total divided by participants
  (picked customers + walk-ins) or by deals (transactions in the window); None when
  there is nothing to divide by or no budget at all.
"""
from __future__ import annotations

import json
from dataclasses import replace
from datetime import datetime

from model.archive import database
from model.archive.database import sqlite3
from model.core import rules
from model.core.i18n import translate
from model.customers.customers import ValidationError, now_stamp
from model.marketing.audience import Audience, audience_ids, audience_names, audience_size
from model.marketing.promotion_evaluation import (Evaluation, ParticipantResult, PlanSheet, compare, deal_window,
                                                  evaluate, participant_results, plan_sheet)
from model.marketing.promotion_plans import (BudgetLine, CheckItem, Plan, PlanSummary, ScheduleLine, StaffLine,
                                             activity_texts, checklist_label, default_checklist, existing_status, get,
                                             list_plans, new_customers_extra, new_plan, participant_ids, plan_time,
                                             status, status_log)
from model.marketing.promotion_rules import (ACTIVITY_TEMPLATE_FIELDS, APPROVED, DONE, DRAFT, PHASES, RULES_FILE,
                                             RUNNING, STATUSES, TRANSITIONS, Choice, MarketingRules, Template,
                                             activity_template_text, activity_type_description, activity_type_label,
                                             activity_types, area_type_label, checklist_items, find_choice, goal_label,
                                             goals, marketing_rules, phase_label, principles, principles_text,
                                             status_label, template_for, templates)

__all__ = [
    "ACTIVITY_TEMPLATE_FIELDS", "APPROVED", "DEFAULT_WINDOW_DAYS", "DONE", "DRAFT", "PHASES", "RULES_FILE", "RUNNING",
    "STATUSES", "TRANSITIONS", "Audience", "BudgetLine", "CheckItem", "Choice", "Evaluation", "MarketingRules",
    "ParticipantResult", "Plan", "PlanSheet", "PlanSummary", "ScheduleLine", "StaffLine", "Template",
    "activity_template_text", "activity_texts", "activity_type_description", "activity_type_label",
    "activity_types", "area_type_label", "audience_ids", "audience_names", "audience_size", "checklist_items",
    "checklist_label", "compare", "deal_window", "default_checklist", "delete", "evaluate", "get", "goal_label",
    "goals", "list_plans", "marketing_rules", "new_customers_extra", "new_plan", "participant_ids",
    "participant_results", "phase_label", "plan_sheet", "principles", "principles_text", "record_outcome", "save",
    "set_status", "status", "status_label", "status_log", "template_for", "templates", "tick", "validate",
]

DEFAULT_WINDOW_DAYS = 30


def _stamp(value: datetime | None) -> str | None:
    return value.isoformat(sep=" ", timespec="minutes") if value else None


def validate(plan: Plan) -> Plan:
    """A cleaned copy of the plan; raises ValidationError naming each problem."""
    problems = {}
    title = (plan.title or "").strip()
    if not title:
        problems["title"] = translate("Promotions", "A plan needs a title.")
    if plan.goal and not find_choice(goals(), plan.goal):
        problems["goal"] = translate("Promotions", "Unknown goal '{key}': pick one of 提粘守破立.").format(
            key=plan.goal)
    if plan.activity_type and not find_choice(activity_types(), plan.activity_type):
        problems["activity_type"] = translate("Promotions", "Unknown activity type '{key}'.").format(
            key=plan.activity_type)
    if plan.area_type and not any(a.key == plan.area_type for a in rules.area_types()):
        problems["area_type"] = translate("Promotions", "Unknown area type '{key}'.").format(key=plan.area_type)
    start, end = plan_time(plan.starts_at), plan_time(plan.ends_at)
    if start and end and end < start:
        problems["ends_at"] = translate("Promotions", "The activity ends before it starts: correct the times.")
    for n, line in enumerate(plan.budget, 1):
        if not (line.item or "").strip():
            problems[f"budget {n}"] = translate("Promotions", "Budget line {n} needs an item.").format(n=n)
        elif line.quantity is None or line.unit_cost is None or line.quantity < 0 or line.unit_cost < 0:
            problems[f"budget {n}"] = translate("Promotions", "Budget line {n}: quantity and unit cost must be "
                                                             "zero or more.").format(n=n)
    for n, line in enumerate(plan.staff, 1):
        if not (line.who or "").strip():
            problems[f"staff {n}"] = translate("Promotions", "Staffing line {n} needs a name.").format(n=n)
    for n, line in enumerate(plan.schedule, 1):
        if not (line.what or "").strip():
            problems[f"schedule {n}"] = translate("Promotions", "Schedule line {n} needs a description.").format(n=n)
    if problems:
        raise ValidationError(problems)
    return replace(plan, title=title, starts_at=start, ends_at=end,
                   budget=[BudgetLine(b.item.strip(), float(b.quantity), float(b.unit_cost)) for b in plan.budget],
                   staff=[StaffLine(s.who.strip(), (s.role or "").strip()) for s in plan.staff],
                   schedule=[ScheduleLine((s.at or "").strip(), s.what.strip()) for s in plan.schedule])


_PLAN_COLUMNS = ("title", "area_type", "area_id", "circle_id", "goal", "activity_type", "theme", "starts_at",
                 "ends_at", "time_note", "place", "resources", "organisation", "daily_contact", "key_points",
                 "audience")


def _plan_row(plan: Plan) -> tuple:
    return (plan.title, plan.area_type, plan.area_id, plan.circle_id, plan.goal, plan.activity_type, plan.theme,
            _stamp(plan.starts_at), _stamp(plan.ends_at), plan.time_note, plan.place, plan.resources,
            plan.organisation, plan.daily_contact, plan.key_points, plan.audience.to_json())


def _write_lines(conn: sqlite3.Connection, plan_id: int, plan: Plan) -> None:
    for table in ("promotion_budget", "promotion_staff", "promotion_schedule"):
        conn.execute(f"DELETE FROM {table} WHERE plan_id = ?", (plan_id,))
    conn.executemany("INSERT INTO promotion_budget(plan_id, position, item, quantity, unit_cost) VALUES (?,?,?,?,?)",
                     [(plan_id, n, b.item, b.quantity, b.unit_cost) for n, b in enumerate(plan.budget, 1)])
    conn.executemany("INSERT INTO promotion_staff(plan_id, position, who, role) VALUES (?,?,?,?)",
                     [(plan_id, n, s.who, s.role) for n, s in enumerate(plan.staff, 1)])
    conn.executemany("INSERT INTO promotion_schedule(plan_id, position, at, what) VALUES (?,?,?,?)",
                     [(plan_id, n, s.at, s.what) for n, s in enumerate(plan.schedule, 1)])
    # Checklist: keep the ticks of items that stay; add new items; drop removed ones.
    kept = {(c.phase, c.key) for c in plan.checklist}
    for row in conn.execute("SELECT phase, key FROM promotion_checklist WHERE plan_id = ?", (plan_id,)).fetchall():
        if (row[0], row[1]) not in kept:
            conn.execute("DELETE FROM promotion_checklist WHERE plan_id = ? AND phase = ? AND key = ?",
                         (plan_id, row[0], row[1]))
    for n, c in enumerate(plan.checklist, 1):
        conn.execute("INSERT INTO promotion_checklist(plan_id, phase, key, position, label, done, done_at, done_by)"
                     " VALUES (?,?,?,?,?,?,?,?) ON CONFLICT(plan_id, phase, key) DO UPDATE SET"
                     " position = excluded.position, label = excluded.label",
                     (plan_id, c.phase, c.key, n, c.label, int(c.done), c.done_at, c.done_by))


def save(conn: sqlite3.Connection, plan: Plan, by: str) -> int:
    """Create the plan (``plan.id`` None) or replace its fields and lines; returns its id.
    A finished plan can no longer be changed."""
    plan = validate(plan)
    stamp = now_stamp()
    with database.transaction(conn):
        if plan.id is None:
            cols = ", ".join(_PLAN_COLUMNS)
            plan_id = conn.execute(
                f"INSERT INTO promotion_plans({cols}, status, created_at, created_by, updated_at, updated_by)"
                f" VALUES ({', '.join('?' * len(_PLAN_COLUMNS))}, ?, ?, ?, ?, ?)",
                (*_plan_row(plan), DRAFT, stamp, by, stamp, by)).lastrowid
            conn.execute("INSERT INTO promotion_status_log(plan_id, changed_at, changed_by, old_status, new_status)"
                         " VALUES (?, ?, ?, NULL, ?)", (plan_id, stamp, by, DRAFT))
        else:
            plan_id = plan.id
            status = existing_status(conn, plan_id)
            if status == DONE:
                raise database.ArchiveError(translate("Promotions", "This activity is done; its plan can no longer "
                                                                    "be changed. Record the outcome instead."))
            sets = ", ".join(f"{c} = ?" for c in _PLAN_COLUMNS)
            conn.execute(f"UPDATE promotion_plans SET {sets}, updated_at = ?, updated_by = ? WHERE id = ?",
                         (*_plan_row(plan), stamp, by, plan_id))
        _write_lines(conn, plan_id, plan)
    return plan_id


def delete(conn: sqlite3.Connection, plan_id: int, by: str) -> None:
    """Delete a plan that is still a draft (others stay as the record of what was done)."""
    with database.transaction(conn):
        if existing_status(conn, plan_id) != DRAFT:
            raise database.ArchiveError(translate("Promotions", "Only a draft plan can be deleted; this one has "
                                                                "been approved."))
        conn.execute("UPDATE circle_activities SET plan_id = NULL WHERE plan_id = ?", (plan_id,))
        conn.execute("DELETE FROM promotion_plans WHERE id = ?", (plan_id,))


def set_status(conn: sqlite3.Connection, plan_id: int, status: str, by: str) -> None:
    """Move the plan to ``status`` (draft → approved → running → done; approved → draft).
    Approving snapshots the audience the evaluation measures reach against."""
    with database.transaction(conn):
        current = existing_status(conn, plan_id)
        if status not in TRANSITIONS.get(current, ()):
            raise database.ArchiveError(translate("Promotions", "A plan that is {old} cannot become {new}. Allowed "
                                                                "next: {allowed}.").format(
                old=status_label(current), new=status_label(status),
                allowed=", ".join(status_label(s) for s in TRANSITIONS[current]) or translate("Promotions", "none")))
        stamp = now_stamp()
        if status == APPROVED:
            plan = get(conn, plan_id)
            ids = audience_ids(conn, plan.audience)
            conn.execute("UPDATE promotion_plans SET audience_snapshot = ? WHERE id = ?", (json.dumps(ids), plan_id))
        conn.execute("UPDATE promotion_plans SET status = ?, updated_at = ?, updated_by = ? WHERE id = ?",
                     (status, stamp, by, plan_id))
        conn.execute("INSERT INTO promotion_status_log(plan_id, changed_at, changed_by, old_status, new_status)"
                     " VALUES (?, ?, ?, ?, ?)", (plan_id, stamp, by, current, status))


def tick(conn: sqlite3.Connection, plan_id: int, phase: str, key: str, done: bool, by: str, *,
         when: datetime | None = None) -> None:
    """Tick (or untick) a checklist item as the activity runs (``when``: default now)."""
    stamp = when.isoformat(timespec="seconds") if when else now_stamp()
    with database.transaction(conn):
        existing_status(conn, plan_id)
        changed = conn.execute("UPDATE promotion_checklist SET done = ?, done_at = ?, done_by = ? WHERE plan_id = ?"
                               " AND phase = ? AND key = ?",
                               (int(done), stamp if done else None, by if done else None, plan_id, phase,
                                key)).rowcount
        if not changed:
            raise database.ArchiveError(translate("Promotions", "The plan has no checklist item '{key}' in this "
                                                                "phase.").format(key=key))


def record_outcome(conn: sqlite3.Connection, plan_id: int, participant_ids, *, walk_ins: int = 0,
                   new_customers_extra: int = 0, review: str = "", window_days: int = DEFAULT_WINDOW_DAYS,
                   by: str) -> None:
    """Record who took part and the review; the plan must be running or done."""
    ids = sorted({int(i) for i in participant_ids})
    problems = {}
    if walk_ins is None or walk_ins < 0:
        problems["walk_ins"] = translate("Promotions", "Walk-ins must be zero or more.")
    if new_customers_extra is None or new_customers_extra < 0:
        problems["new_customers_extra"] = translate("Promotions", "New customers must be zero or more.")
    if window_days is None or not 0 <= window_days <= 366:
        problems["window_days"] = translate("Promotions", "The deal window must be 0 to 366 days.")
    if problems:
        raise ValidationError(problems)
    with database.transaction(conn):
        if existing_status(conn, plan_id) not in (RUNNING, DONE):
            raise database.ArchiveError(translate("Promotions", "Record the outcome once the activity is running "
                                                                "or done; this plan has not started."))
        if ids:
            marks = ", ".join("?" * len(ids))
            found = {r[0] for r in conn.execute(f"SELECT id FROM customers WHERE id IN ({marks})", ids)}
            missing = [i for i in ids if i not in found]
            if missing:
                raise ValidationError({"participants": translate("Promotions", "No customer with id {ids}.").format(
                    ids=", ".join(map(str, missing)))})
        conn.execute("DELETE FROM promotion_participants WHERE plan_id = ?", (plan_id,))
        conn.executemany("INSERT INTO promotion_participants(plan_id, customer_id) VALUES (?, ?)",
                         [(plan_id, i) for i in ids])
        conn.execute("UPDATE promotion_plans SET walk_ins = ?, new_customers_extra = ?, review = ?, window_days = ?,"
                     " evaluated_at = ?, evaluated_by = ? WHERE id = ?",
                     (int(walk_ins), int(new_customers_extra), review or "", int(window_days), now_stamp(), by,
                      plan_id))

