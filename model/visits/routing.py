"""Day assignment and route order for visits: a vehicle-routing model solved with OR-Tools.

One "vehicle" per working day. Its time runs on a single clock across the
plan (day ``k`` occupies minutes ``k*1440 ...``), so a stop's availability on
different days (evenings on weekdays, all day on a worked weekend) is one set
of intervals on that clock. Every stop is optional with a drop penalty (its
priority), so the solver fills the limited capacity with the most pressing
visits and leaves the rest, which the caller reports as unplanned.

Distances are straight lines (haversine). A stop without coordinates is
``unknown_m`` away from everything except the other position-less stops of the
same area, which count as neighbours (distance 0): the solver therefore keeps
an area's position-less customers together on one day, in one run.

Pure data in, pure data out; no database here.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Hashable

import numpy as np

DAY = 1440
MINUTE_COST = 2
"""Metres-equivalent per minute a visit starts after midnight of the plan's first day: a
small pull towards early times, so each day fills from the start of working hours
instead of leaving the morning empty (the route still decides the order: an hour
earlier is worth 120 m of travel). Across days it adds the same amount per visit
to each later day, which changes nothing when the days are full."""
EARTH_RADIUS_M = 6_371_000.0


@dataclass
class Stop:
    key: Hashable
    lat: float | None
    lon: float | None
    group: str | None                 # area, used to keep position-less stops together
    duration: int                     # minutes
    windows: list[tuple[tuple[int, int], ...]]   # per day index: (start, end) minutes in the day
    penalty: int                      # cost of leaving it out (metres-equivalent)
    fixed_day: int | None = None      # a day index it must be on
    fixed_position: int | None = None  # 0-based place in that day's order
    early_bonus: int = 0              # cost per day index of placing it later (metres-equivalent)

    @property
    def located(self) -> bool:
        return self.lat is not None and self.lon is not None


@dataclass
class Day:
    capacity: int
    start: int                        # minutes after midnight
    end: int


@dataclass
class RoutedStop:
    key: Hashable
    arrival: int                      # minutes after midnight of its day
    leg_m: int | None                 # straight-line metres from the previous point, None if unknown


@dataclass
class Solution:
    routes: list[list[RoutedStop]]
    dropped: list[Hashable]
    distance_m: int                   # over known legs
    unknown_legs: int
    objective: int
    position_locks_kept: bool = True
    never_available: list[Hashable] = field(default_factory=list)


def haversine_matrix(lats: np.ndarray, lons: np.ndarray) -> np.ndarray:
    """Pairwise great-circle distances in metres."""
    lat = np.radians(lats)[:, None]
    lon = np.radians(lons)[:, None]
    dlat = lat - lat.T
    dlon = lon - lon.T
    a = np.sin(dlat / 2) ** 2 + np.cos(lat) * np.cos(lat.T) * np.sin(dlon / 2) ** 2
    return 2 * EARTH_RADIUS_M * np.arcsin(np.sqrt(np.clip(a, 0.0, 1.0)))


def haversine_m(a: tuple[float, float], b: tuple[float, float]) -> float:
    return float(haversine_matrix(np.array([a[0], b[0]]), np.array([a[1], b[1]]))[0, 1])


def distance_matrix(stops: list[Stop], start: tuple[float, float] | None, unknown_m: int,
                    return_to_start: bool) -> tuple[np.ndarray, np.ndarray]:
    """Metres between nodes (0 = start, 1 = end, 2.. = stops) and which legs are known."""
    n = len(stops) + 2
    lats = np.zeros(n)
    lons = np.zeros(n)
    located = np.zeros(n, dtype=bool)
    for i, stop in enumerate(stops, start=2):
        if stop.located:
            lats[i], lons[i], located[i] = stop.lat, stop.lon, True
    if start is not None:
        lats[0], lons[0], located[0] = start[0], start[1], True
        lats[1], lons[1], located[1] = start[0], start[1], True
    dist = haversine_matrix(lats, lons)
    known = located[:, None] & located[None, :]
    dist = np.where(known, dist, float(unknown_m))
    groups = [None, None] + [s.group if not s.located else None for s in stops]
    loose = [i for i in range(2, n) if not located[i] and groups[i] is not None]
    by_group: dict[str, list[int]] = {}
    for i in loose:
        by_group.setdefault(groups[i], []).append(i)
    for members in by_group.values():
        idx = np.array(members)
        dist[np.ix_(idx, idx)] = 0.0
        known[np.ix_(idx, idx)] = True      # same area: neighbours, no travel to speak of
    if start is None:                       # no start point: the day starts at its first visit
        dist[0, :] = 0.0
        known[0, :] = True
    if not (return_to_start and start is not None):
        dist[:, 1] = 0.0
        known[:, 1] = True
    np.fill_diagonal(dist, 0.0)
    dist[1, :] = 0.0
    return np.rint(dist).astype(np.int64), known


def allowed_windows(stop: Stop, days: list[Day]) -> list[tuple[int, int]]:
    """Intervals on the plan clock when the visit may start."""
    out = []
    for k, day in enumerate(days):
        if stop.fixed_day is not None and stop.fixed_day != k:
            continue
        for ws, we in stop.windows[k] if k < len(stop.windows) else ():
            lo = max(ws, day.start)
            hi = min(we, day.end) - stop.duration
            if hi >= lo:
                out.append((k * DAY + lo, k * DAY + hi))
    return sorted(out)


@dataclass
class _Options:
    speed_kmh: float
    unknown_m: int
    return_to_start: bool
    keep_positions: bool
    first_solution: str
    metaheuristic: str
    lean: bool
    minute_cost: int = MINUTE_COST


# Operators for pickup-and-delivery pairs, sub-trips and insertion-based LNS:
# nothing to gain on a visit plan, and they use much of a short time limit.
_LEAN_OFF = ("use_relocate_pair", "use_light_relocate_pair", "use_exchange_pair", "use_relocate_subtrip",
             "use_exchange_subtrip", "use_global_cheapest_insertion_path_lns",
             "use_local_cheapest_insertion_path_lns", "use_relocate_path_global_cheapest_insertion_insert_unperformed",
             "use_global_cheapest_insertion_visit_types_lns", "use_local_cheapest_insertion_visit_types_lns")


def solve(stops: list[Stop], days: list[Day], start: tuple[float, float] | None, *,
          speed_kmh: float, unknown_m: int, return_to_start: bool = False,
          time_limit: float = 2.0, keep_positions: bool = True, prefilter: bool = True, lean: bool = True,
          first_solution: str = "PARALLEL_CHEAPEST_INSERTION",
          metaheuristic: str = "GUIDED_LOCAL_SEARCH", engine: str = "auto", seed: int = 0,
          iterations: int | None = None, cancelled=None) -> Solution:
    """Assign stops to days and order them, within ``time_limit`` seconds (a quarter
    more when a second round is needed, see below).

    With ``prefilter`` the search starts from the most pressing stops only
    (one and a half times the capacity, plus every stop that must be planned):
    the solver spends its time on choices that matter instead of on stops that
    cannot win a place. If days still have room, the stops that could use it
    are added and the search continues from the routes found. ``lean`` leaves
    out local-search operators that do not apply to visit plans.

    ``engine``: "auto" searches with PyVRP from OR-Tools' plan (``model.visits.routing_pyvrp``:
    better plans in the same time, see benchmarks/bench_planner_vs_pyvrp.py) when PyVRP
    is installed and no visit is locked to a place in the order; "ortools" only OR-Tools.
    ``seed``, ``iterations`` and ``cancelled`` are for PyVRP's part (see there).
    """
    if engine == "auto" and prefilter:
        from model.visits import routing_pyvrp
        if routing_pyvrp.available() and routing_pyvrp.supports(stops):
            return routing_pyvrp.solve(stops, days, start, speed_kmh=speed_kmh, unknown_m=unknown_m,
                                       return_to_start=return_to_start, time_limit=time_limit, seed=seed,
                                       iterations=iterations, cancelled=cancelled)
    options = _Options(speed_kmh, unknown_m, return_to_start, keep_positions, first_solution, metaheuristic,
                       lean)
    allowed = [allowed_windows(s, days) for s in stops]
    never = [s.key for s, a in zip(stops, allowed) if not a]
    usable = [i for i, a in enumerate(allowed) if a]
    capacity = sum(max(0, d.capacity) for d in days)
    if not days or not usable:
        return Solution([[] for _ in days], [stops[i].key for i in usable], 0, 0, 0, True, never)
    ranked = sorted(usable, key=lambda i: -stops[i].penalty)
    limit = _preselect_size(capacity)
    if not prefilter or len(ranked) <= limit:
        return _solve_model(stops, allowed, ranked, days, start, options, time_limit, None, never)
    chosen = ranked[:limit]
    first = _solve_model(stops, allowed, chosen, days, start, options, time_limit, None, never)
    room = [k for k, route in enumerate(first.routes) if len(route) < days[k].capacity]
    rest = [i for i in ranked[limit:] if any(lo // DAY in room for lo, _ in allowed[i])]
    if not room or not rest:
        first.dropped += [stops[i].key for i in ranked[limit:]]
        return first
    free = sum(days[k].capacity - len(first.routes[k]) for k in room)
    extra = rest[:2 * free + 10]
    second = _solve_model(stops, allowed, chosen + extra, days, start, options,
                          max(0.2, time_limit * 0.25), [[r.key for r in route] for route in first.routes], never)
    picked = set(chosen + extra)
    second.dropped += [stops[i].key for i in ranked if i not in picked]
    return second


def _preselect_size(capacity: int) -> int:
    return int(capacity * 1.5) + 10


def preselect(stops: list[Stop], usable: list[int], days: list[Day]) -> list[int]:
    """The most pressing usable stops, as many as ``solve``'s first round takes."""
    ranked = sorted(usable, key=lambda i: -stops[i].penalty)
    return ranked[:_preselect_size(sum(max(0, d.capacity) for d in days))]


def _constrain_stops(manager, routing, time_dim, count_dim, model_stops: list[Stop], model_allowed: list,
                     options: _Options) -> None:
    """Each stop's time windows, allowed days, fixed position, dropping penalty and minute cost."""
    for node, (stop, intervals) in enumerate(zip(model_stops, model_allowed), start=2):
        index = manager.NodeToIndex(node)
        var = time_dim.CumulVar(index)
        var.SetRange(intervals[0][0], intervals[-1][1])
        for (_, hi), (lo, _) in zip(intervals, intervals[1:]):
            if lo > hi + 1:
                var.RemoveInterval(hi + 1, lo - 1)
        routing.VehicleVar(index).SetValues([-1] + sorted({lo // DAY for lo, _ in intervals}))
        if options.keep_positions and stop.fixed_position is not None:
            count_dim.CumulVar(index).SetValue(stop.fixed_position)
        routing.AddDisjunction([index], int(stop.penalty))
        if options.minute_cost:
            time_dim.SetCumulVarSoftUpperBound(index, 0, options.minute_cost)


def _search_parameters(options: _Options, time_limit: float):
    """The solver's search parameters for these options and time limit."""
    from ortools.constraint_solver import pywrapcp, routing_enums_pb2

    params = pywrapcp.DefaultRoutingSearchParameters()
    params.first_solution_strategy = getattr(routing_enums_pb2.FirstSolutionStrategy, options.first_solution)
    params.local_search_metaheuristic = getattr(routing_enums_pb2.LocalSearchMetaheuristic,
                                                options.metaheuristic)
    params.time_limit.FromMilliseconds(max(50, int(time_limit * 1000)))
    if options.lean:
        from ortools.util import optional_boolean_pb2
        for name in _LEAN_OFF:
            setattr(params.local_search_operators, name, optional_boolean_pb2.BOOL_FALSE)
    return params


def _solve_model(stops: list[Stop], allowed: list, chosen: list[int], days: list[Day],
                 start: tuple[float, float] | None, options: _Options, time_limit: float,
                 initial_routes: list[list[Hashable]] | None, never: list) -> Solution:
    from ortools.constraint_solver import pywrapcp

    model_stops = [stops[i] for i in chosen]
    model_allowed = [allowed[i] for i in chosen]
    dist, known = distance_matrix(model_stops, start, options.unknown_m, options.return_to_start)
    n = len(model_stops) + 2
    metres_per_minute = max(options.speed_kmh, 1.0) * 1000.0 / 60.0
    travel = np.ceil(dist / metres_per_minute).astype(np.int64)
    service = np.array([0, 0] + [s.duration for s in model_stops], dtype=np.int64)
    transit = travel + service[:, None]
    np.fill_diagonal(transit, 0)

    manager = pywrapcp.RoutingIndexManager(n, len(days), [0] * len(days), [1] * len(days))
    routing = pywrapcp.RoutingModel(manager)

    # Matrices are given by node; the manager maps solver indices to nodes.
    bonus = np.array([0, 0] + [s.early_bonus for s in model_stops], dtype=np.int64)
    if bonus.any():
        for k in range(len(days)):
            cost = dist + (k * bonus)[None, :]
            routing.SetArcCostEvaluatorOfVehicle(routing.RegisterTransitMatrix(cost.tolist()), k)
    else:
        routing.SetArcCostEvaluatorOfAllVehicles(routing.RegisterTransitMatrix(dist.tolist()))

    time_cb = routing.RegisterTransitMatrix(transit.tolist())
    routing.AddDimension(time_cb, DAY, len(days) * DAY, False, "time")
    time_dim = routing.GetDimensionOrDie("time")
    count_cb = routing.RegisterUnaryTransitVector([0, 0] + [1] * len(model_stops))
    routing.AddDimensionWithVehicleCapacity(count_cb, 0, [max(0, d.capacity) for d in days], True, "count")
    count_dim = routing.GetDimensionOrDie("count")

    for k, day in enumerate(days):
        time_dim.CumulVar(routing.Start(k)).SetRange(k * DAY + day.start, k * DAY + day.end)
        time_dim.CumulVar(routing.End(k)).SetRange(k * DAY + day.start, k * DAY + day.end)

    _constrain_stops(manager, routing, time_dim, count_dim, model_stops, model_allowed, options)

    params = _search_parameters(options, time_limit)
    solution = None
    if initial_routes is not None:
        node_by_key = {s.key: node for node, s in enumerate(model_stops, start=2)}
        routes = [[manager.NodeToIndex(node_by_key[key]) for key in route] for route in initial_routes]
        routing.CloseModelWithParameters(params)
        warm = routing.ReadAssignmentFromRoutes(routes, True)
        if warm is not None:
            solution = routing.SolveFromAssignmentWithParameters(warm, params)
    if solution is None:
        solution = routing.SolveWithParameters(params)
    if solution is None:
        if options.keep_positions and any(s.fixed_position is not None for s in model_stops):
            relaxed = _solve_model(stops, allowed, chosen, days, start, replace(options, keep_positions=False),
                                   time_limit, None, never)
            relaxed.position_locks_kept = False
            return relaxed
        return Solution([[] for _ in days], [s.key for s in model_stops], 0, 0, 0, True, never)

    routes: list[list[RoutedStop]] = []
    visited: set[int] = set()
    total = unknown_legs = 0
    for k in range(len(days)):
        route = []
        index = routing.Start(k)
        prev = manager.IndexToNode(index)
        index = solution.Value(routing.NextVar(index))
        while not routing.IsEnd(index):
            node = manager.IndexToNode(index)
            leg_known = bool(known[prev, node])
            leg = int(dist[prev, node])
            if leg_known:
                total += leg
            else:
                unknown_legs += 1
            arrival = solution.Min(time_dim.CumulVar(index)) - k * DAY
            route.append(RoutedStop(model_stops[node - 2].key, int(arrival), leg if leg_known else None))
            visited.add(node)
            prev = node
            index = solution.Value(routing.NextVar(index))
        if route and options.return_to_start and start is not None and known[prev, 1]:
            total += int(dist[prev, 1])
        routes.append(route)
    dropped = [s.key for node, s in enumerate(model_stops, start=2) if node not in visited]
    return Solution(routes, dropped, total, unknown_legs, int(solution.ObjectiveValue()), True, list(never))


def route_length_m(points: list[tuple[float, float]], start: tuple[float, float] | None) -> float:
    """Straight-line length of a route through these points (from the start, if given)."""
    path = ([start] if start is not None else []) + list(points)
    return sum(haversine_m(a, b) for a, b in zip(path, path[1:]))
