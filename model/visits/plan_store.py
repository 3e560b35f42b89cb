"""Storing visit plans: saving, loading, listing and deleting them, and their change log."""
from __future__ import annotations

import json
from model.archive.database import sqlite3
from datetime import date

from model.archive import database
from model.visits import due
from model.customers.customers import now_stamp
from model.core.i18n import translate
from model.core import stored_text
from model.visits.plan_data import Plan, PlanDay, PlanError, PlanSummary, PlanVisit


# -- storing --------------------------------------------------------------------

_VISIT_COLUMNS = ("plan_id", "customer_id", "status", "day_date", "position", "planned_time",
                  "window_start", "window_end", "window_key", "duration", "leg_m", "purpose",
                  "reason", "priority", "rank_class", "tier", "opportunity_grade", "overdue_days",
                  "due_date", "unplanned_code", "unplanned_detail", "pinned_day", "locked", "added",
                  "outcome", "outcome_result", "outcome_next_step", "outcome_next_date",
                  "outcome_at", "outcome_by", "contact_id", "partner_action_id")


def _visit_row(plan_id: int, v: PlanVisit) -> tuple:
    return (plan_id, v.customer_id, v.status, v.day.isoformat() if v.day else None, v.position,
            v.planned_time, v.window_start, v.window_end, v.window_key, v.duration, v.leg_m,
            v.purpose, v.reason, v.priority, v.rank_class, v.tier, v.opportunity_grade,
            v.overdue_days, v.due_date, v.unplanned_code, v.unplanned_detail, int(v.pinned_day),
            int(v.locked), int(v.added), v.outcome, v.outcome_result, v.outcome_next_step,
            v.outcome_next_date, v.outcome_at, v.outcome_by, v.contact_id, v.partner_action_id)


def write_visits(conn: sqlite3.Connection, plan: Plan) -> None:
    for visit in plan.all_visits():
        row = _visit_row(plan.id, visit)
        if visit.id is None:
            marks = ", ".join("?" * len(_VISIT_COLUMNS))
            visit.id = conn.execute(f"INSERT INTO plan_visits ({', '.join(_VISIT_COLUMNS)}) VALUES ({marks})",
                                    row).lastrowid
        else:
            sets = ", ".join(f"{c} = ?" for c in _VISIT_COLUMNS)
            conn.execute(f"UPDATE plan_visits SET {sets} WHERE id = ?", (*row, visit.id))
    conn.execute("UPDATE visit_plans SET route_m = ?, unknown_legs = ?, settings = ? WHERE id = ?",
                 (plan.route_m, plan.unknown_legs, json.dumps(plan.settings), plan.id))


def log_change(conn, plan_id: int, visit_id: int | None, action: str, by: str, **detail) -> str:
    stamp = now_stamp()
    conn.execute("INSERT INTO plan_changes(plan_id, visit_id, changed_at, changed_by, action, detail)"
                 " VALUES (?, ?, ?, ?, ?, ?)",
                 (plan_id, visit_id, stamp, by, action, json.dumps(detail, ensure_ascii=False, default=str)))
    conn.execute("UPDATE visit_plans SET updated_at = ?, updated_by = ? WHERE id = ?", (stamp, by, plan_id))
    return stamp


def save(conn: sqlite3.Connection, plan: Plan, by: str) -> int:
    """Store a new plan (or the current state of a stored one); returns its id."""
    with database.transaction(conn):
        stamp = now_stamp()
        if plan.id is None:
            plan.id = conn.execute(
                "INSERT INTO visit_plans(title, manager, start_date, end_date, settings, created_at,"
                " created_by, updated_at, updated_by, route_m, unknown_legs)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (plan.title, plan.manager, plan.start.isoformat(), plan.end.isoformat(),
                 json.dumps(plan.settings), stamp, by, stamp, by, plan.route_m, plan.unknown_legs)).lastrowid
            conn.executemany("INSERT INTO plan_days(plan_id, day_date, capacity, day_start, day_end)"
                             " VALUES (?, ?, ?, ?, ?)",
                             [(plan.id, d.day.isoformat(), d.capacity, d.day_start, d.day_end)
                              for d in plan.days])
            plan.created_at, plan.created_by = stamp, by
            write_visits(conn, plan)
            log_change(conn, plan.id, None, "created", by, planned=len(plan.planned()),
                        unplanned=len(plan.unplanned))
        else:
            conn.execute("UPDATE visit_plans SET title = ? WHERE id = ?", (plan.title, plan.id))
            write_visits(conn, plan)
            log_change(conn, plan.id, None, "saved", by)
        plan.updated_at = stamp
    return plan.id


def load(conn: sqlite3.Connection, plan_id: int) -> Plan:
    head = conn.execute("SELECT * FROM visit_plans WHERE id = ?", (plan_id,)).fetchone()
    if head is None:
        raise PlanError(translate("Plan", "There is no visit plan number {id} in this archive.")
                        .format(id=plan_id))
    settings = json.loads(head["settings"])
    days = [PlanDay(date.fromisoformat(r["day_date"]), r["capacity"], r["day_start"], r["day_end"])
            for r in conn.execute("SELECT * FROM plan_days WHERE plan_id = ? ORDER BY day_date", (plan_id,))]
    plan = Plan(date.fromisoformat(head["start_date"]), date.fromisoformat(head["end_date"]),
                head["manager"], settings, days, id=plan_id, title=head["title"],
                route_m=head["route_m"] or 0, unknown_legs=head["unknown_legs"] or 0,
                created_at=head["created_at"], created_by=head["created_by"], updated_at=head["updated_at"])
    rows = conn.execute("SELECT * FROM plan_visits WHERE plan_id = ? ORDER BY day_date, position, id",
                        (plan_id,)).fetchall()
    customers = {r["id"]: r for r in due.customer_rows(
        conn, ids=[r["customer_id"] for r in rows if r["customer_id"] is not None], include_deleted=True)}
    partner_places = _partner_places(conn, [r["partner_action_id"] for r in rows if r["partner_action_id"]])
    by_day = {d.day: d for d in days}
    for r in rows:
        c = customers.get(r["customer_id"]) if r["customer_id"] is not None else partner_places.get(
            r["partner_action_id"])
        if c is None:
            continue
        lat, lon, source = due.position(c)
        visit = PlanVisit(
            customer_id=r["customer_id"], name=c["name"], phone=c["phone"] or c["phone2"],
            address=c["address"], area=c["area"], area_type=c["area_type"], lat=lat, lon=lon, coord_source=source,
            window_key=r["window_key"], duration=r["duration"],
            # Stored in the words of the day it was planned; shown in today's language.
            purpose=stored_text.display(r["purpose"]), reason=stored_text.display(r["reason"]),
            priority=r["priority"], rank_class=r["rank_class"],
            tier=r["tier"], opportunity_grade=r["opportunity_grade"], overdue_days=r["overdue_days"],
            due_date=r["due_date"],
            last_contact=c["last_contact"], last_result=c["last_result"], last_visit=c["last_visit"],
            id=r["id"], status=r["status"], day=date.fromisoformat(r["day_date"]) if r["day_date"] else None,
            position=r["position"], planned_time=r["planned_time"], window_start=r["window_start"],
            window_end=r["window_end"], leg_m=r["leg_m"], unplanned_code=r["unplanned_code"],
            unplanned_detail=stored_text.display(r["unplanned_detail"]), pinned_day=bool(r["pinned_day"]),
            locked=bool(r["locked"]), added=bool(r["added"]), outcome=r["outcome"],
            outcome_result=r["outcome_result"], outcome_next_step=r["outcome_next_step"],
            outcome_next_date=r["outcome_next_date"], outcome_at=r["outcome_at"],
            outcome_by=r["outcome_by"], contact_id=r["contact_id"], partner_action_id=r["partner_action_id"])
        if visit.status == "planned" and visit.day in by_day:
            by_day[visit.day].visits.append(visit)
        elif visit.status == "removed":
            plan.removed.append(visit)
        else:
            plan.unplanned.append(visit)
    for d in days:
        d.visits.sort(key=lambda v: v.position or 0)
    plan.unplanned.sort(key=lambda v: -v.priority)
    return plan


def _partner_places(conn: sqlite3.Connection, action_ids: list[int]) -> dict[int, dict]:
    """For follow-up visits to partners: what a plan shows of the partner, in the shape of
    ``due.customer_rows`` (name, phone, address, area = the territory, position)."""
    if not action_ids:
        return {}
    rows = conn.execute(
        "SELECT a.id, p.name, p.address, p.territory, p.latitude, p.longitude, a.done_on,"
        " coalesce((SELECT c.phone FROM partner_contacts c WHERE c.partner_id = p.id AND c.phone IS NOT NULL"
        "  ORDER BY c.keyman DESC, c.position LIMIT 1), p.phone) AS phone"
        " FROM partner_actions a JOIN partners p ON p.id = a.partner_id"
        " WHERE a.id IN (SELECT value FROM json_each(?))", (json.dumps(action_ids),)).fetchall()
    return {r["id"]: {"name": r["name"], "phone": r["phone"], "phone2": None, "address": r["address"],
                      "area": r["territory"], "area_type": None, "c_lat": r["latitude"], "c_lon": r["longitude"],
                      "a_lat": None, "a_lon": None, "m_lat": None, "m_lon": None, "last_contact": None,
                      "last_result": None, "last_visit": None} for r in rows}


def list_plans(conn: sqlite3.Connection, manager: str | None = None) -> list[PlanSummary]:
    where, params = "", []
    if manager:
        where, params = "WHERE p.manager = ?", [manager]
    return [PlanSummary(r["id"], r["title"], r["manager"], date.fromisoformat(r["start_date"]),
                        date.fromisoformat(r["end_date"]), r["planned"], r["logged"], r["updated_at"])
            for r in conn.execute(f"""
        SELECT p.*, (SELECT count(*) FROM plan_visits v WHERE v.plan_id = p.id AND v.status = 'planned') AS planned,
               (SELECT count(*) FROM plan_visits v WHERE v.plan_id = p.id AND v.outcome IS NOT NULL) AS logged
        FROM visit_plans p {where} ORDER BY p.start_date DESC, p.id DESC""", params)]


def delete_plan(conn: sqlite3.Connection, plan_id: int, by: str) -> None:
    """Delete a plan and its visits; contacts already logged from it stay with the customers."""
    with database.transaction(conn):
        conn.execute("DELETE FROM plan_changes WHERE plan_id = ?", (plan_id,))
        conn.execute("DELETE FROM plan_visits WHERE plan_id = ?", (plan_id,))
        conn.execute("DELETE FROM plan_days WHERE plan_id = ?", (plan_id,))
        conn.execute("DELETE FROM visit_plans WHERE id = ?", (plan_id,))


def changes(conn: sqlite3.Connection, plan_id: int) -> list[dict]:
    return [dict(r) for r in conn.execute(
        "SELECT * FROM plan_changes WHERE plan_id = ? ORDER BY id", (plan_id,))]
