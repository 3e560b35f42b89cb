"""Changing a stored plan: re-optimising, the manager's moves, locks, removals and
additions, logging the visits' outcomes, and taking a change back (Edit → Undo)."""
from __future__ import annotations

from model.archive.database import sqlite3
from dataclasses import replace
from datetime import date, timedelta

from model.archive import database
from model.visits import due, planning_rules, routing
from model.customers.customers import Contact, log_contact, now_stamp
from model.core.i18n import translate
from model.visits.plan_building import day_problems, optimise, visit_from_due, visit_problems, windows_for
from model.visits.plan_data import OUTCOMES, Plan, PlanBreak, PlanDay, PlanError, PlanVisit
from model.visits.plan_store import load, log_change, write_visits


# -- changing a stored plan -------------------------------------------------------

def reoptimise(conn: sqlite3.Connection, plan_id: int, by: str, time_limit: float | None = None,
               day: date | None = None, progress=None) -> Plan:
    """Plan again what is open, keeping the manager's changes and the logged visits.
    With ``day`` only that day is planned again (its visits and the unplanned ones
    compete for it); every other day stays exactly as it is. ``progress`` can cancel
    the route search (raises ``Cancelled``)."""
    plan = load(conn, plan_id)
    rules = planning_rules.planning_rules()
    if time_limit is not None:
        plan.settings["time_limit"] = time_limit
    if day is None:
        candidates = [v for v in plan.planned() + plan.unplanned]
        before = {v.id: (v.day, v.position) for v in candidates}
        optimise(plan, candidates, rules, progress)
    else:
        target = _plan_day(plan, day)
        held = [v for v in plan.unplanned if (v.pinned_day or v.locked) and v.day != day]
        candidates = target.visits + [v for v in plan.unplanned if v not in held]
        before = {v.id: (v.day, v.position) for v in candidates}
        one_day = Plan(plan.start, plan.end, plan.manager, plan.settings, [target])
        optimise(one_day, candidates, rules, progress)
        plan.unplanned = sorted(one_day.unplanned + held, key=lambda v: -v.priority)
        plan.warnings.extend(one_day.warnings)
        legs = [v.leg_m for v in plan.planned()]
        plan.route_m = sum(m for m in legs if m is not None)
        plan.unknown_legs = sum(1 for m in legs if m is None)
    with database.transaction(conn):
        write_visits(conn, plan)
        moved = sum(1 for v in candidates if before[v.id] != (v.day, v.position))
        log_change(conn, plan.id, None, "reoptimise", by, changed=moved, unplanned=len(plan.unplanned),
                    day=day.isoformat() if day else None)
    return plan


def _stored_visit(conn, visit_id: int) -> sqlite3.Row:
    row = conn.execute("SELECT * FROM plan_visits WHERE id = ?", (visit_id,)).fetchone()
    if row is None:
        raise PlanError(translate("Plan", "This visit is no longer in the plan. Reload the plan."))
    return row


def _plan_day(plan: Plan, when: date) -> PlanDay:
    day = plan.day_of(when)
    if day is None:
        raise PlanError(translate("Plan", "{date} is not a working day of this plan. Choose one of its "
                                          "days.").format(date=when.isoformat()))
    return day


def _retime(plan: Plan, day: PlanDay) -> None:
    """Times and legs of a day after a change by hand: each visit at the earliest
    moment after the previous one and the travel, waiting for its window to open."""
    rules = planning_rules.planning_rules()
    stops = [routing.Stop(v.id, v.lat, v.lon, v.area, v.duration, [()], 0) for v in day.visits]
    if not stops:
        return
    dist, known = routing.distance_matrix(stops, plan.start_point, int(rules.unknown_travel_km * 1000),
                                          rules.return_to_start)
    per_minute = max(rules.travel_speed_kmh, 1.0) * 1000.0 / 60.0
    now, prev = day.day_start, 0
    for n, visit in enumerate(day.visits, start=2):
        visit.position = n - 1
        arrival = now + int(-(-dist[prev, n] // per_minute))
        windows = windows_for(visit, day.day, rules, day)
        later = [(ws, we) for ws, we in windows if we - visit.duration >= arrival]
        if later:
            arrival = max(arrival, later[0][0])
            visit.window_start, visit.window_end = later[0]
        elif windows:
            visit.window_start, visit.window_end = windows[-1]
        visit.planned_time = arrival
        visit.leg_m = int(dist[prev, n]) if known[prev, n] else None
        now, prev = arrival + visit.duration, n


def _change(conn: sqlite3.Connection, visit_id: int, by: str, action: str, apply, confirmed: bool = True,
            **detail) -> Plan:
    row = _stored_visit(conn, visit_id)
    plan = load(conn, row["plan_id"])
    visit = plan.visit(visit_id)
    broken_before = set(visit_problems(plan))
    touched = apply(plan, visit)
    for day in touched:
        _retime(plan, day)
    if not confirmed:
        new = [text for day in touched for n, found in day_problems(day).items()
               if day.visits[n].id not in broken_before or day.visits[n].id == visit_id for text in found]
        if new:
            raise PlanBreak(list(dict.fromkeys(new)))
    with database.transaction(conn):
        write_visits(conn, plan)
        log_change(conn, plan.id, visit_id, action, by, customer_id=visit.customer_id, **detail)
    return plan


def _detach(plan: Plan, visit: PlanVisit) -> list[PlanDay]:
    touched = []
    for day in plan.days:
        if visit in day.visits:
            day.visits.remove(visit)
            touched.append(day)
    if visit in plan.unplanned:
        plan.unplanned.remove(visit)
    if visit in plan.removed:
        plan.removed.remove(visit)
    return touched


def _refuse_if_logged(visit: PlanVisit) -> None:
    if visit.frozen:
        raise PlanError(translate("Plan", "The visit to {name} is already logged; it stays where it "
                                          "happened.").format(name=visit.name))


def move(conn: sqlite3.Connection, visit_id: int, day: date, by: str, position: int | None = None,
         confirmed: bool = True) -> Plan:
    """Put a visit on another day (at the end, or at ``position``); it stays on that day
    when the plan is re-optimised, the optimiser may still change its place in the order.
    With ``confirmed=False`` a move that breaks the day (``day_problems``) raises
    :class:`PlanBreak` and changes nothing."""
    def apply(plan, visit):
        _refuse_if_logged(visit)
        target = _plan_day(plan, day)
        touched = _detach(plan, visit)
        where = len(target.visits) if position is None else max(0, min(position - 1, len(target.visits)))
        target.visits.insert(where, visit)
        visit.status, visit.day, visit.pinned_day = "planned", target.day, True
        visit.unplanned_code = visit.unplanned_detail = None
        return touched + [target]
    return _change(conn, visit_id, by, "move", apply, confirmed, day=day.isoformat(), position=position)


def reorder(conn: sqlite3.Connection, visit_id: int, position: int, by: str, confirmed: bool = True) -> Plan:
    """Give a visit another place in its day's order; it is locked there (see ``lock``).
    ``confirmed=False``: as for :func:`move`."""
    def apply(plan, visit):
        _refuse_if_logged(visit)
        if visit.status != "planned" or visit.day is None:
            raise PlanError(translate("Plan", "Only a visit on a day can be reordered; move it to a day first."))
        day = _plan_day(plan, visit.day)
        day.visits.remove(visit)
        day.visits.insert(max(0, min(position - 1, len(day.visits))), visit)
        visit.locked = visit.pinned_day = True
        return [day]
    return _change(conn, visit_id, by, "reorder", apply, confirmed, position=position)


def lock(conn: sqlite3.Connection, visit_id: int, by: str, locked: bool = True) -> Plan:
    """Lock a planned visit to its day and place (or unlock it: ``locked=False``)."""
    def apply(plan, visit):
        if locked and (visit.status != "planned" or visit.day is None):
            raise PlanError(translate("Plan", "Only a visit on a day can be locked; move it to a day first."))
        visit.locked = locked
        if not locked:
            visit.pinned_day = False
        return []
    return _change(conn, visit_id, by, "lock" if locked else "unlock", apply)


def remove(conn: sqlite3.Connection, visit_id: int, by: str) -> Plan:
    """Take a visit out of the plan; re-optimising does not bring it back."""
    def apply(plan, visit):
        _refuse_if_logged(visit)
        touched = _detach(plan, visit)
        visit.status, visit.position, visit.planned_time, visit.leg_m = "removed", None, None, None
        visit.locked = visit.pinned_day = False
        visit.day = None
        plan.removed.append(visit)
        return touched
    return _change(conn, visit_id, by, "remove", apply)


def restore(conn: sqlite3.Connection, visit_id: int, by: str) -> Plan:
    """Bring a removed visit back as unplanned; the next re-optimisation places it."""
    def apply(plan, visit):
        _detach(plan, visit)
        visit.status, visit.unplanned_code = "unplanned", "restored"
        visit.unplanned_detail = translate("Plan", "Brought back; re-optimise to place it.")
        plan.unplanned.insert(0, visit)
        return []
    return _change(conn, visit_id, by, "restore", apply)


def add(conn: sqlite3.Connection, plan_id: int, customer_id: int, by: str, day: date | None = None,
        purpose: str | None = None) -> PlanVisit:
    """Add a customer (due or not) to the plan, on ``day`` if given, else to be placed
    by the next re-optimisation; an added visit is never left out for a due one."""
    plan = load(conn, plan_id)
    open_visits = [v for v in plan.planned() + plan.unplanned if v.customer_id == customer_id and not v.outcome]
    if open_visits:
        raise PlanError(translate("Plan", "{name} is already in this plan.").format(name=open_visits[0].name))
    item = due.customer_as_visit(conn, customer_id, plan.start, plan.end)
    visit = visit_from_due(item, plan.settings.get("visit_minutes"))
    visit.added = True
    if purpose:
        visit.purpose = purpose
    for old in plan.removed:
        if old.customer_id == customer_id:
            visit.id = old.id          # bring the removed row back rather than keep two
            plan.removed.remove(old)
            break
    touched = []
    if day is not None:
        target = _plan_day(plan, day)
        target.visits.append(visit)
        visit.status, visit.day, visit.pinned_day = "planned", target.day, True
        touched.append(target)
    else:
        visit.status, visit.unplanned_code = "unplanned", "added"
        visit.unplanned_detail = translate("Plan", "Added by hand; re-optimise to place it.")
        plan.unplanned.insert(0, visit)
    for d in touched:
        _retime(plan, d)
    with database.transaction(conn):
        write_visits(conn, plan)
        log_change(conn, plan.id, visit.id, "add", by, customer_id=customer_id,
                    day=day.isoformat() if day else None)
    return visit


# -- logging the visit ------------------------------------------------------------

def log_outcome(conn: sqlite3.Connection, visit_id: int, outcome: str, result: str | None,
                next_step: str | None, next_date: date | str | None, by: str,
                contact_date: date | None = None) -> int:
    """Record how a planned visit went; returns the id of the contact it wrote (0 for a
    follow-up visit to a partner: its action is closed or moved instead, see
    ``_log_partner_outcome``).

    The contact (channel 'visit') goes into the customer's contacts, so the
    customer's next due date follows from it. A visit not met gets the next
    working day as its next date unless one is given, so the customer stays
    due; a rescheduled one needs its new date and, when that date is a day of
    this plan, reappears on it. Logging again corrects the same contact.
    """
    if outcome not in OUTCOMES:
        raise PlanError(translate("Plan", "Choose done, not met or rescheduled."))
    row = _stored_visit(conn, visit_id)
    if row["status"] != "planned":
        raise PlanError(translate("Plan", "Only a visit on a day of the plan can be logged."))
    rules = planning_rules.planning_rules()
    day = date.fromisoformat(row["day_date"])
    when = contact_date or min(day, date.today())
    next_iso = next_date.isoformat() if isinstance(next_date, date) else (next_date or None)
    if outcome == "rescheduled" and not next_iso:
        raise PlanError(translate("Plan", "A rescheduled visit needs its new date."))
    if outcome == "not_met" and not next_iso:
        following = when + timedelta(days=1)
        while not rules.is_working_day(following):
            following += timedelta(days=1)
        next_iso = following.isoformat()
    label = {"done": translate("Plan", "visited"), "not_met": translate("Plan", "not met"),
             "rescheduled": translate("Plan", "rescheduled")}[outcome]
    text = f"{label}: {result}" if result and outcome != "done" else (result or label)
    if row["partner_action_id"] is not None:
        _log_partner_outcome(conn, row, outcome, result, next_step, next_iso, when, by)
        return 0
    contact = Contact(contact_date=when.isoformat(), channel="visit", purpose=row["purpose"],
                      result=text, next_step=next_step, next_date=next_iso)
    stamp = now_stamp()
    with database.transaction(conn):
        if row["contact_id"]:   # logged again: the new contact replaces the first
            conn.execute("UPDATE plan_visits SET contact_id = NULL WHERE id = ?", (visit_id,))
            conn.execute("DELETE FROM contacts WHERE id = ?", (row["contact_id"],))
        contact_id = log_contact(conn, row["customer_id"], contact, by)
        conn.execute("UPDATE plan_visits SET outcome = ?, outcome_result = ?, outcome_next_step = ?,"
                     " outcome_next_date = ?, outcome_at = ?, outcome_by = ?, contact_id = ? WHERE id = ?",
                     (outcome, result, next_step, next_iso, stamp, by, contact_id, visit_id))
        log_change(conn, row["plan_id"], visit_id, "outcome", by, outcome=outcome, next_date=next_iso)
        if outcome == "rescheduled":
            _reschedule(conn, row, date.fromisoformat(next_iso), by)
    return contact_id


def _log_partner_outcome(conn: sqlite3.Connection, row: sqlite3.Row, outcome: str, result: str | None,
                         next_step: str | None, next_iso: str | None, when: date, by: str) -> None:
    """A follow-up visit to a partner: done closes the action; rescheduled (or not met)
    moves its due date, so it stays due. No customer contact is written."""
    from model.partners import partners
    stamp = now_stamp()
    with database.transaction(conn):
        if outcome == "done":
            partners.complete_action(conn, row["partner_action_id"], by, note=result, on=when)
        elif next_iso:
            partners.move_action(conn, row["partner_action_id"], date.fromisoformat(next_iso))
        conn.execute("UPDATE plan_visits SET outcome = ?, outcome_result = ?, outcome_next_step = ?,"
                     " outcome_next_date = ?, outcome_at = ?, outcome_by = ? WHERE id = ?",
                     (outcome, result, next_step, next_iso, stamp, by, row["id"]))
        log_change(conn, row["plan_id"], row["id"], "outcome", by, outcome=outcome, next_date=next_iso)
        if outcome == "rescheduled":
            _reschedule(conn, row, date.fromisoformat(next_iso), by)


def _reschedule(conn: sqlite3.Connection, row: sqlite3.Row, new_day: date, by: str) -> None:
    exists = conn.execute("SELECT 1 FROM plan_days WHERE plan_id = ? AND day_date = ?",
                          (row["plan_id"], new_day.isoformat())).fetchone()
    again = conn.execute("SELECT 1 FROM plan_visits WHERE plan_id = ? AND (customer_id = ? OR partner_action_id = ?)"
                         " AND id != ? AND outcome IS NULL AND status != 'removed'",
                         (row["plan_id"], row["customer_id"], row["partner_action_id"], row["id"])).fetchone()
    if not exists or again:
        return
    plan = load(conn, row["plan_id"])
    old = plan.visit(row["id"])
    visit = replace(old, id=None, status="planned", day=new_day, pinned_day=True, locked=False,
                    added=False, outcome=None, outcome_result=None, outcome_next_step=None,
                    outcome_next_date=None, outcome_at=None, outcome_by=None, contact_id=None,
                    reason=translate("Plan", "rescheduled from {date}").format(date=row["day_date"]))
    target = _plan_day(plan, new_day)
    target.visits.append(visit)
    _retime(plan, target)
    write_visits(conn, plan)
    log_change(conn, plan.id, visit.id, "add", by, customer_id=visit.customer_id, rescheduled=True)


# -- taking a change back (the window's Edit → Undo) ----------------------------------

def place_of(conn: sqlite3.Connection, visit_id: int) -> dict:
    """Where a visit is now (day, place, status, locks): what :func:`put_back` restores."""
    row = _stored_visit(conn, visit_id)
    return {"status": row["status"], "day": row["day_date"], "position": row["position"],
            "locked": bool(row["locked"]), "pinned_day": bool(row["pinned_day"])}


def put_back(conn: sqlite3.Connection, visit_id: int, place: dict, by: str) -> Plan:
    """Put a visit back where :func:`place_of` found it (undo of a move or reorder)."""
    def apply(plan, visit):
        _refuse_if_logged(visit)
        touched = _detach(plan, visit)
        visit.locked, visit.pinned_day = place["locked"], place["pinned_day"]
        visit.status = place["status"]
        if place["status"] == "planned" and place["day"]:
            target = _plan_day(plan, date.fromisoformat(place["day"]))
            where = len(target.visits) if place["position"] is None else max(0, min(place["position"] - 1,
                                                                                  len(target.visits)))
            target.visits.insert(where, visit)
            visit.day = target.day
            return touched + [target]
        visit.day = visit.position = visit.planned_time = visit.leg_m = None
        (plan.removed if place["status"] == "removed" else plan.unplanned).insert(0, visit)
        return touched
    return _change(conn, visit_id, by, "put_back", apply, day=place["day"], position=place["position"])


def take_back_outcome(conn: sqlite3.Connection, visit_id: int, by: str) -> None:
    """Undo a visit logged done or not met: the visit is planned again and the contact
    it wrote is gone (a rescheduled visit, or a partner's, is corrected by logging again)."""
    row = _stored_visit(conn, visit_id)
    if row["outcome"] not in ("done", "not_met") or row["partner_action_id"] is not None:
        raise PlanError(translate("Plan", "Only a visit logged done or not met can be taken back; "
                                          "log it again to correct it."))
    with database.transaction(conn):
        conn.execute("UPDATE plan_visits SET outcome = NULL, outcome_result = NULL, outcome_next_step = NULL,"
                     " outcome_next_date = NULL, outcome_at = NULL, outcome_by = NULL, contact_id = NULL"
                     " WHERE id = ?", (visit_id,))
        if row["contact_id"]:
            conn.execute("DELETE FROM contacts WHERE id = ?", (row["contact_id"],))
        log_change(conn, row["plan_id"], visit_id, "outcome_taken_back", by)
