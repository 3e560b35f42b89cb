"""The visit planner: who to see on which working day, in what order (DOMAIN §7).

``build`` takes the due visits of a manager for a date range, assigns them to
working days within each day's capacity and hours, orders each day's route
(OR-Tools, see ``model.visits.routing``) and lists what does not fit as unplanned,
with why. A plan is saved in the archive; the manager's changes are kept when
the plan is re-optimised:

* ``move`` puts a visit on another day; it stays on that day (order free);
* ``reorder`` and ``lock`` fix a visit to its day *and* place in the order;
* ``remove`` takes a visit out; it stays out until ``restore``;
* ``add`` brings in a customer who is not due; it is never left out for a due one;
* visits with an outcome are history and keep their day and place.

``log_outcome`` records done / not met / rescheduled, writes the contact to
the customer's contacts (channel 'visit') so the next due date follows, and
a rescheduled visit reappears on its new day when that day is in the plan.
"""
from __future__ import annotations

import json
from model.archive.database import sqlite3
from dataclasses import asdict, dataclass, field, replace
from datetime import date, timedelta

from model.archive import database
from model.visits import due, planning_rules, routing
from model.core import language
from model.customers.customers import Contact, log_contact, now_stamp
from model.core.i18n import translate
from model.visits.planning_rules import clock, minutes
from model.core import stored_text

OUTCOMES = ("done", "not_met", "rescheduled")
MUST_PLAN = 1_000_000_000          # penalty for leaving out a visit placed or added by hand
EARLY_BONUS = 500                  # metres-equivalent per later day for overdue or A-tier visits


class PlanError(database.ArchiveError):
    pass


class PlanBreak(PlanError):
    """A change by hand would break a rule of the day (the customer's hours, the working
    hours, the day's capacity); ``problems`` says which. Nothing was changed: make the
    change again with ``confirmed=True`` to keep it anyway."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__(translate("Plan", "This change breaks the plan:") + "\n" + "\n".join(problems))


@dataclass
class PlanRequest:
    start: date
    days: int = 7                           # calendar days from start; ``end`` overrides
    end: date | None = None
    manager: str | None = None
    per_day: int | None = None              # default: planning.json visits_per_day
    day_start: str | None = None            # 'HH:MM'; default: planning.json working hours
    day_end: str | None = None
    visit_minutes: int | None = None        # one duration for every visit; default: by tier
    start_point: tuple[float, float] | None = None
    days_off: tuple[date, ...] = ()
    customer_ids: tuple[int, ...] = ()      # customers to add although not due
    time_limit: float | None = None         # seconds of route search; default from planning.json
    title: str | None = None
    only_customers: frozenset[int] | None = None   # only these customers' visits and calls (a saved view)

    @property
    def last_day(self) -> date:
        return self.end or self.start + timedelta(days=max(1, self.days) - 1)


@dataclass
class PlanVisit:
    customer_id: int | None                 # None: a partner's 101 follow-up (partner_action_id)
    name: str
    phone: str | None
    address: str | None
    area: str | None
    area_type: str | None
    lat: float | None
    lon: float | None
    coord_source: str | None
    window_key: str
    duration: int
    purpose: str
    reason: str
    priority: int = 0
    rank_class: int = 1
    tier: str | None = None
    opportunity_grade: str | None = None
    overdue_days: int = 0
    due_date: str | None = None
    last_contact: str | None = None
    last_result: str | None = None
    id: int | None = None
    status: str = "unplanned"               # planned / unplanned / removed
    day: date | None = None
    position: int | None = None             # 1-based
    planned_time: int | None = None         # minutes after midnight
    window_start: int | None = None
    window_end: int | None = None
    leg_m: int | None = None
    unplanned_code: str | None = None
    unplanned_detail: str | None = None
    pinned_day: bool = False
    locked: bool = False
    added: bool = False
    outcome: str | None = None
    outcome_result: str | None = None
    outcome_next_step: str | None = None
    outcome_next_date: str | None = None
    outcome_at: str | None = None
    outcome_by: str | None = None
    contact_id: int | None = None
    partner_action_id: int | None = None
    last_visit: str | None = None

    @property
    def never_visited(self) -> bool:
        return self.customer_id is not None and not self.last_visit

    @property
    def time_text(self) -> str:
        return clock(self.planned_time) if self.planned_time is not None else ""

    @property
    def window_text(self) -> str:
        if self.window_start is None or self.window_end is None:
            return ""
        return f"{clock(self.window_start)}-{clock(self.window_end)}"

    @property
    def fits_window(self) -> bool:
        if self.planned_time is None or self.window_start is None or self.window_end is None:
            return True
        return self.window_start <= self.planned_time <= self.window_end - self.duration

    @property
    def frozen(self) -> bool:
        return self.outcome is not None


@dataclass
class PlanDay:
    day: date
    capacity: int
    day_start: int
    day_end: int
    visits: list[PlanVisit] = field(default_factory=list)

    @property
    def done(self) -> int:
        return sum(1 for v in self.visits if v.outcome == "done")

    @property
    def logged(self) -> int:
        return sum(1 for v in self.visits if v.outcome)

    @property
    def completion(self) -> float:
        """Share of the day's visits with an outcome recorded (0..1)."""
        return self.logged / len(self.visits) if self.visits else 0.0


@dataclass
class Plan:
    start: date
    end: date
    manager: str | None
    settings: dict
    days: list[PlanDay]
    unplanned: list[PlanVisit] = field(default_factory=list)
    removed: list[PlanVisit] = field(default_factory=list)
    id: int | None = None
    title: str | None = None
    route_m: int = 0
    unknown_legs: int = 0
    warnings: list[str] = field(default_factory=list)
    calls_due: int = 0
    created_at: str | None = None
    created_by: str | None = None
    updated_at: str | None = None

    def all_visits(self) -> list[PlanVisit]:
        return [v for d in self.days for v in d.visits] + self.unplanned + self.removed

    def planned(self) -> list[PlanVisit]:
        return [v for d in self.days for v in d.visits]

    def visit(self, visit_id: int) -> PlanVisit:
        for v in self.all_visits():
            if v.id == visit_id:
                return v
        raise KeyError(visit_id)

    def day_of(self, when: date) -> PlanDay | None:
        return next((d for d in self.days if d.day == when), None)

    @property
    def start_point(self) -> tuple[float, float] | None:
        point = self.settings.get("start_point")
        return (float(point[0]), float(point[1])) if point else None


@dataclass
class PlanSummary:
    id: int
    title: str | None
    manager: str | None
    start: date
    end: date
    planned: int
    logged: int
    updated_at: str


# -- building -------------------------------------------------------------------

def _settings(request: PlanRequest, rules) -> dict:
    return {
        "per_day": int(request.per_day or rules.visits_per_day),
        "day_start": minutes(request.day_start) if request.day_start else rules.day_start,
        "day_end": minutes(request.day_end) if request.day_end else rules.day_end,
        "visit_minutes": request.visit_minutes,
        "start_point": list(request.start_point) if request.start_point else None,
        "days_off": [d.isoformat() for d in request.days_off],
        "time_limit": request.time_limit,
    }


def _visit_from_due(item: due.DueVisit, duration: int | None) -> PlanVisit:
    return PlanVisit(
        customer_id=item.customer_id, name=item.name, phone=item.phone, address=item.address,
        area=item.area, area_type=item.area_type, lat=item.lat, lon=item.lon,
        coord_source=item.coord_source, window_key=item.window, duration=duration or item.duration,
        purpose=item.purpose, reason=item.reason, priority=item.priority, rank_class=item.rank_class,
        tier=item.tier, opportunity_grade=item.opportunity_grade, overdue_days=item.overdue_days,
        due_date=item.due_date.isoformat() if item.due_date else None,
        last_contact=item.last_contact, last_result=item.last_result, partner_action_id=item.action_id,
        last_visit=item.last_visit)


def build(conn: sqlite3.Connection, request: PlanRequest, progress=None) -> Plan:
    """A new plan (not yet saved) for the request's manager and dates; ``progress``
    (``model.core.progress.Progress``) can cancel the route search (raises ``Cancelled``)."""
    rules = planning_rules.planning_rules()
    end = request.last_day
    if end < request.start:
        raise PlanError(translate("Plan", "The plan ends before it starts. Choose an end date on or "
                                          "after the start date."))
    settings = _settings(request, rules)
    if settings["day_end"] <= settings["day_start"]:
        raise PlanError(translate("Plan", "The working day ends before it starts ({start}-{end}). "
                                          "Check the working hours.")
                        .format(start=clock(settings["day_start"]), end=clock(settings["day_end"])))
    dates = rules.working_days(request.start, end, request.days_off)
    days = [PlanDay(d, settings["per_day"], settings["day_start"], settings["day_end"]) for d in dates]
    due_list = due.due_list(conn, request.start, end, request.manager)
    if request.only_customers is not None:
        due_list = due.DueList(due_list.start, due_list.end,
                               [v for v in due_list.visits if v.customer_id in request.only_customers],
                               [c for c in due_list.calls if c.customer_id in request.only_customers])
    candidates = [_visit_from_due(item, request.visit_minutes) for item in due_list.visits]
    known = {v.customer_id for v in candidates}
    for customer_id in request.customer_ids:
        if customer_id in known:
            continue
        item = due.customer_as_visit(conn, customer_id, request.start, end)
        visit = _visit_from_due(item, request.visit_minutes)
        visit.added = True
        candidates.append(visit)
        known.add(customer_id)
    plan = Plan(request.start, end, request.manager, settings, days, title=request.title,
                calls_due=len(due_list.calls))
    if not days:
        plan.warnings.append(translate("Plan", "There is no working day between {start} and {end} "
                                               "(weekends, holidays and days off are left out).")
                             .format(start=request.start.isoformat(), end=end.isoformat()))
    _optimise(plan, candidates, rules, progress)
    return plan


def _windows_for(visit: PlanVisit, day: date, rules, plan_day: PlanDay) -> tuple[tuple[int, int], ...]:
    availability = rules.availability_for(visit.window_key)
    windows = availability.windows_on(day, rules.is_weekend_window_day(day))
    if (visit.pinned_day or visit.locked or visit.frozen) and visit.day == day:
        fits = any(min(we, plan_day.day_end) - max(ws, plan_day.day_start) >= visit.duration
                   for ws, we in windows)
        if visit.frozen or not fits:
            # Placed by hand on a day the customer is not normally free (an appointment),
            # or already visited: the whole working day is open.
            return ((plan_day.day_start, plan_day.day_end),)
    return windows


def _penalty(visit: PlanVisit, point_m: int) -> int:
    if visit.added or visit.pinned_day or visit.locked or visit.frozen:
        return MUST_PLAN
    # Classes are 10,000 km apart so a more urgent class always wins a place;
    # within a class an overdue day or urgency point is worth ``point_m`` of travel.
    return visit.rank_class * 10_000_000 + 1_000_000 + (visit.priority % 1000) * point_m


@dataclass
class RoutingProblem:
    """The planner's question to the route solver (also what the benchmark re-solves)."""
    stops: list[routing.Stop]
    days: list[routing.Day]
    start_point: tuple[float, float] | None
    speed_kmh: float
    unknown_m: int
    return_to_start: bool
    time_limit: float

    def solve(self, time_limit: float | None = None, tuned: bool = True, progress=None) -> routing.Solution:
        """``tuned=False``: OR-Tools' own defaults, every stop in the model (the benchmark's reference).
        ``progress`` can cancel the search (``Cancelled`` is raised after it stops)."""
        solution = routing.solve(self.stops, self.days, self.start_point, speed_kmh=self.speed_kmh,
                                 unknown_m=self.unknown_m, return_to_start=self.return_to_start,
                                 time_limit=time_limit or self.time_limit, prefilter=tuned, lean=tuned,
                                 cancelled=(lambda: progress.cancel_requested) if progress is not None else None)
        if progress is not None:
            progress.check()
        return solution


def routing_problem(plan: Plan, candidates: list[PlanVisit], rules=None) -> RoutingProblem:
    """Stops (keyed by their index in ``candidates``) with windows per plan day, drop
    penalties from priority, and the days, pins and locks the solver must keep."""
    rules = rules or planning_rules.planning_rules()
    index = {d.day: k for k, d in enumerate(plan.days)}
    for visit in candidates:
        if visit.day not in index and not visit.frozen:
            visit.pinned_day = visit.locked = False
    stops = []
    taken_positions: set[tuple[int, int]] = set()
    for n, visit in enumerate(candidates):
        fixed_day = index.get(visit.day) if (visit.pinned_day or visit.locked or visit.frozen) else None
        fixed_position = None
        if fixed_day is not None and (visit.locked or visit.frozen) and visit.position:
            spot = (fixed_day, visit.position - 1)
            if spot not in taken_positions:
                taken_positions.add(spot)
                fixed_position = visit.position - 1
        windows = [_windows_for(visit, d.day, rules, d) for d in plan.days]
        stops.append(routing.Stop(
            key=n, lat=visit.lat, lon=visit.lon, group=visit.area, duration=visit.duration,
            windows=windows, penalty=_penalty(visit, rules.priority_point_m), fixed_day=fixed_day,
            fixed_position=fixed_position,
            early_bonus=EARLY_BONUS if visit.rank_class >= 2 else 0))
    limit = plan.settings.get("time_limit") or min(rules.solver_seconds, 0.2 + 0.01 * len(stops))
    return RoutingProblem(stops, [routing.Day(d.capacity, d.day_start, d.day_end) for d in plan.days],
                          plan.start_point, rules.travel_speed_kmh, int(rules.unknown_travel_km * 1000),
                          rules.return_to_start, limit)


def _optimise(plan: Plan, candidates: list[PlanVisit], rules, progress=None) -> None:
    """Assign candidates (planned, unplanned and frozen visits) to the plan's days."""
    problem = routing_problem(plan, candidates, rules)
    stops = problem.stops
    solution = problem.solve(progress=progress)
    if not solution.position_locks_kept:
        plan.warnings.append(translate("Plan", "Some locked visits could not keep their place in the "
                                               "order; they were kept on their day."))
    for d in plan.days:
        d.visits = []
    for k, route in enumerate(solution.routes):
        day = plan.days[k]
        for position, routed in enumerate(route, start=1):
            visit = candidates[routed.key]
            visit.status, visit.day, visit.position = "planned", day.day, position
            visit.planned_time, visit.leg_m = routed.arrival, routed.leg_m
            visit.unplanned_code = visit.unplanned_detail = None
            visit.window_start, visit.window_end = _window_at(stops[routed.key].windows[k], routed.arrival)
            day.visits.append(visit)
    plan.unplanned = []
    never = set(solution.never_available)
    for n in sorted(set(solution.dropped) | never, key=lambda n: -candidates[n].priority):
        visit = candidates[n]
        visit.status, visit.position, visit.planned_time, visit.leg_m = "unplanned", None, None, None
        visit.window_start = visit.window_end = None
        visit.unplanned_code, visit.unplanned_detail = _why_unplanned(visit, n in never, plan, stops[n], rules)
        if not (visit.pinned_day or visit.locked):
            visit.day = None
        plan.unplanned.append(visit)
    plan.route_m, plan.unknown_legs = solution.distance_m, solution.unknown_legs


def _window_at(windows, arrival: int) -> tuple[int | None, int | None]:
    for ws, we in windows:
        if ws <= arrival <= we:
            return ws, we
    return (windows[0] if windows else (None, None))


def _why_unplanned(visit: PlanVisit, never: bool, plan: Plan, stop: routing.Stop, rules) -> tuple[str, str]:
    availability = rules.availability_for(visit.window_key)
    label = availability.label(language.installed_language())   # the language the sentence is said in
    if not plan.days:
        return "no_days", translate("Plan", "The plan has no working day.")
    if never:
        return "no_window", translate(
            "Plan", "The customer is only free {when}, which never falls within the working hours "
                    "of the plan's days ({start}-{end}, {days} days).").format(
            when=label, start=clock(plan.days[0].day_start), end=clock(plan.days[0].day_end),
            days=len(plan.days))
    if visit.pinned_day or visit.locked or visit.added:
        return "no_room_for_fixed", translate(
            "Plan", "Placed by hand, but there is no room for it: the day is full or its hours "
                    "are taken. Move it to another day or remove another visit.")
    open_days = [k for k, d in enumerate(plan.days) if stop.windows[k]]
    with_room = [k for k in open_days if len(plan.days[k].visits) < plan.days[k].capacity]
    if not with_room:
        return "no_capacity", translate(
            "Plan", "No room: every day it could be seen is full ({per_day} visits a day), and more "
                    "urgent customers came first. Add a day or raise the visits per day.").format(
            per_day=plan.days[0].capacity)
    names = ", ".join(plan.days[k].day.strftime("%m-%d") for k in with_room[:5])
    return "no_time", translate(
        "Plan", "No time left within its hours ({when}) on the days with room ({days}): the other "
                "visits and the travel between them fill those hours.").format(when=label, days=names)


# -- checking a day ---------------------------------------------------------------

def day_problems(day: PlanDay) -> dict[int, list[str]]:
    """What is wrong with each open visit of a day, by its place in the day's list: a
    visit beyond the day's capacity, outside the customer's hours, or ending after
    the working day. Logged visits are history and are not checked."""
    out: dict[int, list[str]] = {}
    for n, visit in enumerate(day.visits):
        if visit.frozen or visit.planned_time is None:
            continue
        found = []
        if n >= day.capacity:
            found.append(translate("Plan", "{name}: visit {number} of a day of {capacity}").format(
                name=visit.name, number=n + 1, capacity=day.capacity))
        if not visit.fits_window:
            found.append(translate("Plan", "{name}: at {time}, outside the customer's hours {window}").format(
                name=visit.name, time=visit.time_text, window=visit.window_text))
        finish = visit.planned_time + visit.duration
        if finish > day.day_end:
            found.append(translate("Plan", "{name}: ends at {time}, after the working day ends at {end}").format(
                name=visit.name, time=clock(finish), end=clock(day.day_end)))
        if found:
            out[n] = found
    return out


def visit_problems(plan: Plan) -> dict[int, list[str]]:
    """The problems of every open planned visit of the plan, by visit id."""
    out: dict[int, list[str]] = {}
    for day in plan.days:
        for n, found in day_problems(day).items():
            if day.visits[n].id is not None:
                out[day.visits[n].id] = found
    return out


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


def _write_visits(conn: sqlite3.Connection, plan: Plan) -> None:
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


def _log_change(conn, plan_id: int, visit_id: int | None, action: str, by: str, **detail) -> str:
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
            _write_visits(conn, plan)
            _log_change(conn, plan.id, None, "created", by, planned=len(plan.planned()),
                        unplanned=len(plan.unplanned))
        else:
            conn.execute("UPDATE visit_plans SET title = ? WHERE id = ?", (plan.title, plan.id))
            _write_visits(conn, plan)
            _log_change(conn, plan.id, None, "saved", by)
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
        _optimise(plan, candidates, rules, progress)
    else:
        target = _plan_day(plan, day)
        held = [v for v in plan.unplanned if (v.pinned_day or v.locked) and v.day != day]
        candidates = target.visits + [v for v in plan.unplanned if v not in held]
        before = {v.id: (v.day, v.position) for v in candidates}
        one_day = Plan(plan.start, plan.end, plan.manager, plan.settings, [target])
        _optimise(one_day, candidates, rules, progress)
        plan.unplanned = sorted(one_day.unplanned + held, key=lambda v: -v.priority)
        plan.warnings.extend(one_day.warnings)
        legs = [v.leg_m for v in plan.planned()]
        plan.route_m = sum(m for m in legs if m is not None)
        plan.unknown_legs = sum(1 for m in legs if m is None)
    with database.transaction(conn):
        _write_visits(conn, plan)
        moved = sum(1 for v in candidates if before[v.id] != (v.day, v.position))
        _log_change(conn, plan.id, None, "reoptimise", by, changed=moved, unplanned=len(plan.unplanned),
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
        windows = _windows_for(visit, day.day, rules, day)
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
        _write_visits(conn, plan)
        _log_change(conn, plan.id, visit_id, action, by, customer_id=visit.customer_id, **detail)
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
    visit = _visit_from_due(item, plan.settings.get("visit_minutes"))
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
        _write_visits(conn, plan)
        _log_change(conn, plan.id, visit.id, "add", by, customer_id=customer_id,
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
        _log_change(conn, row["plan_id"], visit_id, "outcome", by, outcome=outcome, next_date=next_iso)
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
        _log_change(conn, row["plan_id"], row["id"], "outcome", by, outcome=outcome, next_date=next_iso)
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
    _write_visits(conn, plan)
    _log_change(conn, plan.id, visit.id, "add", by, customer_id=visit.customer_id, rescheduled=True)


def completion(plan: Plan) -> list[dict]:
    """Per day: visits planned, logged, done, not met, rescheduled."""
    return [{"day": d.day, "planned": len(d.visits), "logged": d.logged, "done": d.done,
             "not_met": sum(1 for v in d.visits if v.outcome == "not_met"),
             "rescheduled": sum(1 for v in d.visits if v.outcome == "rescheduled")}
            for d in plan.days]


def as_dict(visit: PlanVisit) -> dict:
    """A visit as plain data (for reports and exports)."""
    data = asdict(visit)
    data["day"] = visit.day.isoformat() if visit.day else None
    data["time"] = visit.time_text
    data["window"] = visit.window_text
    return data


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
        _log_change(conn, row["plan_id"], visit_id, "outcome_taken_back", by)
