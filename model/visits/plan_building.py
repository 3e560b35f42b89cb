"""Building a visit plan: the due visits onto working days and routes (OR-Tools, see
``model.visits.routing``), why a visit is left out, and the checks of a day."""
from __future__ import annotations

from model.archive.database import sqlite3
from dataclasses import dataclass
from datetime import date

from model.visits import due, planning_rules, routing
from model.core import language
from model.core.i18n import translate
from model.visits.planning_rules import clock, minutes
from model.visits.plan_data import EARLY_BONUS, MUST_PLAN, Plan, PlanDay, PlanError, PlanRequest, PlanVisit


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


def visit_from_due(item: due.DueVisit, duration: int | None) -> PlanVisit:
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
    candidates = [visit_from_due(item, request.visit_minutes) for item in due_list.visits]
    known = {v.customer_id for v in candidates}
    for customer_id in request.customer_ids:
        if customer_id in known:
            continue
        item = due.customer_as_visit(conn, customer_id, request.start, end)
        visit = visit_from_due(item, request.visit_minutes)
        visit.added = True
        candidates.append(visit)
        known.add(customer_id)
    plan = Plan(request.start, end, request.manager, settings, days, title=request.title,
                calls_due=len(due_list.calls))
    if not days:
        plan.warnings.append(translate("Plan", "There is no working day between {start} and {end} "
                                               "(weekends, holidays and days off are left out).")
                             .format(start=request.start.isoformat(), end=end.isoformat()))
    optimise(plan, candidates, rules, progress)
    return plan


def windows_for(visit: PlanVisit, day: date, rules, plan_day: PlanDay) -> tuple[tuple[int, int], ...]:
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
        windows = [windows_for(visit, d.day, rules, d) for d in plan.days]
        stops.append(routing.Stop(
            key=n, lat=visit.lat, lon=visit.lon, group=visit.area, duration=visit.duration,
            windows=windows, penalty=_penalty(visit, rules.priority_point_m), fixed_day=fixed_day,
            fixed_position=fixed_position,
            early_bonus=EARLY_BONUS if visit.rank_class >= 2 else 0))
    limit = plan.settings.get("time_limit") or min(rules.solver_seconds, 0.2 + 0.01 * len(stops))
    return RoutingProblem(stops, [routing.Day(d.capacity, d.day_start, d.day_end) for d in plan.days],
                          plan.start_point, rules.travel_speed_kmh, int(rules.unknown_travel_km * 1000),
                          rules.return_to_start, limit)


def optimise(plan: Plan, candidates: list[PlanVisit], rules, progress=None) -> None:
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
