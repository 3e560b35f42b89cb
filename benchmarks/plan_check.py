"""An independent check of a visit plan (``model.visits.routing.Solution``) against its question.

Written apart from the solvers and their distance matrix: distances come from
the coordinates again (haversine, here), travel minutes from the speed, and
every rule is checked on the plan as returned (its days, order and arrival
times): each stop at most once; at most a day's capacity; each visit starting
no earlier than the previous one ended plus the travel, inside one of the
customer's windows on that day and inside the working hours (ending by their
end); pinned visits on their day. The objective is recomputed from the
routes: metres driven + ``k * early_bonus`` for a visit on day ``k`` + the
drop penalty of every stop left out that could have been seen at all.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field

EARTH_RADIUS_M = 6_371_000.0
DAY = 1440


def _haversine(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(math.sqrt(min(1.0, max(0.0, h))))


@dataclass
class Check:
    violations: list[str] = field(default_factory=list)
    objective: int = 0             # metres + early-day term + penalties of stops left out
    distance_m: int = 0            # metres driven (legs between known points)
    penalties: int = 0             # of the stops left out
    early: int = 0                 # the early-day term of the planned visits
    planned: int = 0


def _leg(a, b, unknown_m: int) -> tuple[int, bool]:
    """Metres from point a to b (each (lat, lon, group) or None = no position) and whether known."""
    if a is None or b is None:
        return unknown_m, False
    (la, oa, ga), (lb, ob, gb) = a, b
    if la is None or lb is None:
        if la is None and lb is None and ga is not None and ga == gb:
            return 0, True
        return unknown_m, False
    return int(round(_haversine((la, oa), (lb, ob)))), True


def _timing_violations(k: int, routed, stop, day, ready: int, travel: int) -> list[str]:
    """What is wrong with a visit's start: before the travel ends, outside its windows or the working day."""
    violations = []
    begin = routed.arrival
    if begin < ready + travel:
        violations.append(f"day {k}: {routed.key!r} starts {begin}, before {ready} + {travel} min travel")
    windows = stop.windows[k] if k < len(stop.windows) else ()
    if not any(ws <= begin and begin + stop.duration <= we for ws, we in windows):
        violations.append(f"day {k}: {routed.key!r} at {begin}-{begin + stop.duration} outside its "
                          f"windows {list(windows)}")
    if begin < day.start or begin + stop.duration > day.end:
        violations.append(f"day {k}: {routed.key!r} at {begin} outside working hours "
                          f"{day.start}-{day.end}")
    return violations


def check(stops, days, start, solution, *, speed_kmh: float, unknown_m: int, return_to_start: bool) -> Check:
    out = Check()
    by_key = {s.key: s for s in stops}
    seen: dict = {}
    per_minute = max(speed_kmh, 1.0) * 1000.0 / 60.0
    if len(solution.routes) != len(days):
        out.violations.append(f"{len(solution.routes)} routes for {len(days)} days")
    for k, (route, day) in enumerate(zip(solution.routes, days)):
        if len(route) > day.capacity:
            out.violations.append(f"day {k}: {len(route)} visits, capacity {day.capacity}")
        here = (start[0], start[1], None) if start is not None else None
        ready = day.start
        first = True
        for routed in route:
            stop = by_key.get(routed.key)
            if stop is None:
                out.violations.append(f"day {k}: unknown stop {routed.key!r}")
                continue
            if routed.key in seen:
                out.violations.append(f"stop {routed.key!r} on day {seen[routed.key]} and day {k}")
            seen[routed.key] = k
            if stop.fixed_day is not None and stop.fixed_day != k:
                out.violations.append(f"stop {routed.key!r} pinned to day {stop.fixed_day}, planned on day {k}")
            there = (stop.lat, stop.lon, stop.group)
            if first and start is None:
                metres, known = 0, True
            else:
                metres, known = _leg(here, there, unknown_m)
            travel = math.ceil(metres / per_minute)
            if known:
                out.distance_m += metres
            out.objective += metres + k * stop.early_bonus
            out.early += k * stop.early_bonus
            begin = routed.arrival
            out.violations.extend(_timing_violations(k, routed, stop, day, ready, travel))
            ready = begin + stop.duration
            here = there
            first = False
            out.planned += 1
        if route and return_to_start and start is not None:
            metres, known = _leg(here, (start[0], start[1], None), unknown_m)
            if known:
                out.distance_m += metres
            out.objective += metres
            if ready + math.ceil(metres / per_minute) > day.end:
                out.violations.append(f"day {k}: back at the start after the working day")
    missed = _missed_penalties(stops, days, seen)
    out.penalties += missed
    out.objective += missed
    return out


def _missed_penalties(stops, days, seen) -> int:
    """The penalties of the stops left out that some day could have taken."""
    total = 0
    for stop in stops:
        if stop.key in seen:
            continue
        could = any(stop.fixed_day in (None, k) and any(
            max(ws, d.start) + stop.duration <= min(we, d.end) for ws, we in stop.windows[k])
            for k, d in enumerate(days) if k < len(stop.windows))
        if could:
            total += stop.penalty
    return total


def unavoidable(stops, days) -> int:
    """A lower bound on the penalties any plan pays: with room for ``C`` visits, the
    cheapest ``n - C`` of the ``n`` stops that could be seen are left out."""
    usable = sorted(s.penalty for s in stops if any(
        max(ws, d.start) + s.duration <= min(we, d.end) for k, d in enumerate(days) if k < len(s.windows)
        for ws, we in s.windows[k]))
    room = sum(max(0, d.capacity) for d in days)
    return sum(usable[:max(0, len(usable) - room)])
