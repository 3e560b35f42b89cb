"""The visit-routing model of ``model.visits.routing`` solved with PyVRP (iterated local search).

The same question as ``routing.solve`` asks OR-Tools, put in PyVRP's terms:

* one vehicle type per working day (one vehicle each) with the day's working
  hours (minutes after midnight), its capacity the day's visits, starting at the
  start point (depot 0) and ending at depot 1 (at distance 0 from everything
  unless the route returns to the start);
* one client per distinct window of a stop (a stop free in the morning and in
  the evening is two clients at the same place), the clients of one stop in an
  optional, mutually exclusive client group: at most one of them is visited;
  its prize is the stop's drop penalty;
* one routing profile per day: the same integer metres and travel minutes, with
  the early-day term (``k * early_bonus`` on day ``k``) charged on the way into
  a stop, and the clients not open on that day (no window then, or pinned to
  another day) closed off (far and ten days away). A plan therefore costs in
  PyVRP exactly what the OR-Tools model charges, plus a constant.

Visits locked to a place in the order (``fixed_position``) have no PyVRP
counterpart: ``supports`` says so and the caller keeps OR-Tools for them.

Pure data in, pure data out; no database here.
"""
from __future__ import annotations

import time
from typing import Callable, Hashable

import numpy as np

from model.visits.routing import DAY, Day, RoutedStop, Solution, Stop, distance_matrix

# The largest penalty weight PyVRP may use for time warp and load excess is set
# from the drop penalties (one drop can be worth 1e7 and more): at PyVRP's
# default bound (1e5) an infeasible plan can look cheaper than dropping a visit.
PENALTY_SCALE = 100


def supports(stops: list[Stop]) -> bool:
    """Whether PyVRP can answer this question (no visit locked to a place in the order)."""
    return not any(s.fixed_position is not None for s in stops)


class Model:
    """The PyVRP instance for ``stops[i] for i in chosen``, and how to read its solutions back."""

    def __init__(self, stops: list[Stop], allowed: list[list[tuple[int, int]]], chosen: list[int],
                 days: list[Day], start: tuple[float, float] | None, *, speed_kmh: float, unknown_m: int,
                 return_to_start: bool):
        import pyvrp

        self.stops = [stops[i] for i in chosen]
        self.days = days
        self.return_to_start = return_to_start and start is not None
        self.dist, self.known = distance_matrix(self.stops, start, unknown_m, return_to_start)
        metres_per_minute = max(speed_kmh, 1.0) * 1000.0 / 60.0
        self.travel = np.ceil(self.dist / metres_per_minute).astype(np.int64)
        self.biggest = max([1] + [s.penalty for s in self.stops])
        clients: list = []
        groups: list = []
        self.owner: list[int] = []            # client index -> stop index in self.stops
        self.client_days: list[set[int]] = []  # client index -> the days it may be seen on
        for n, stop in enumerate(self.stops):
            by_interval: dict[tuple[int, int], set[int]] = {}
            for lo, hi in [allowed[i] for i in chosen][n]:
                k = lo // DAY
                by_interval.setdefault((lo - k * DAY, hi - k * DAY), set()).add(k)
            members = []
            for (lo, hi), on_days in sorted(by_interval.items()):
                members.append(len(clients))
                clients.append(pyvrp.Client(location=len(clients) + 2, delivery=[1],
                                            service_duration=int(stop.duration), tw_early=int(lo), tw_late=int(hi),
                                            prize=int(stop.penalty), required=False,
                                            group=len(groups) if len(by_interval) > 1 else None))
                self.owner.append(n)
                self.client_days.append(on_days)
            if len(by_interval) > 1:
                groups.append(pyvrp.ClientGroup(members, required=False))
        # Location c + 2 is client c (at its stop's place): a day's profile closes the
        # clients not open on that day and charges the early-day term on the way in.
        nodes = np.array([0, 1] + [n + 2 for n in self.owner], dtype=np.int64)
        base_dist = self.dist[np.ix_(nodes, nodes)]
        base_time = self.travel[np.ix_(nodes, nodes)]
        closed_m = 10 * self.biggest + 10_000_000
        closed_min = 10 * DAY
        bonus = np.array([0, 0] + [int(self.stops[n].early_bonus) for n in self.owner], dtype=np.int64)
        distances, durations = [], []
        for k in range(len(days)):
            shut = np.array([False, False] + [k not in on for on in self.client_days])
            d = base_dist + (k * bonus)[None, :]
            t = base_time.copy()
            d[:, shut] = closed_m
            t[:, shut] = closed_min
            np.fill_diagonal(d, 0)
            np.fill_diagonal(t, 0)
            distances.append(d)
            durations.append(t)
        locations = [pyvrp.Location(0, 0, name="start"), pyvrp.Location(0, 0, name="end")]
        locations += [pyvrp.Location(0, 0) for _ in clients]
        depots = [pyvrp.Depot(location=0), pyvrp.Depot(location=1)]
        vehicles = [pyvrp.VehicleType(num_available=1, capacity=[max(0, d.capacity)], start_depot=0, end_depot=1,
                                      tw_early=d.start, tw_late=d.end, profile=k, name=f"day{k}")
                    for k, d in enumerate(days)]
        self.clients = clients
        self.data = pyvrp.ProblemData(locations, clients, depots, vehicles, distances, durations, groups)

    def params(self):
        import pyvrp
        return pyvrp.SolveParams(penalty=pyvrp.PenaltyParams(max_penalty=float(PENALTY_SCALE * self.biggest)))

    def solution_from_routes(self, routes: list[list[int]]):
        """A PyVRP solution from routes of stop indices (into ``self.stops``), for a warm start:
        each stop on its route's day takes its earliest interval that keeps the route feasible."""
        import pyvrp
        by_stop_day: dict[tuple[int, int], list[int]] = {}
        for c, (n, on_days) in enumerate(zip(self.owner, self.client_days)):
            for k in sorted(on_days):
                by_stop_day.setdefault((n, k), []).append(c)
        out = []
        for k, route in enumerate(routes):
            visits = []
            now = self.days[k].start
            prev = 0
            for n in route:
                options = by_stop_day.get((n, k), [])
                arrival = now + int(self.travel[prev, n + 2])
                pick = next((c for c in options if self.clients[c].tw_late >= arrival), options[0] if options else None)
                if pick is None:
                    continue
                begin = max(arrival, self.clients[pick].tw_early)
                visits.append(pick)
                now, prev = begin + self.stops[n].duration, n + 2
            if visits:
                out.append(pyvrp.Route(self.data, visits, k))
        return pyvrp.Solution(self.data, out)

    def read(self, solution, never: list) -> Solution:
        """The routes of a PyVRP solution as a ``routing.Solution`` (times: earliest start, as OR-Tools gives)."""
        routes: list[list[RoutedStop]] = [[] for _ in self.days]
        visited: set[int] = set()
        total = unknown_legs = objective = 0
        for route in solution.routes():
            k = route.vehicle_type()
            prev = 0
            now = self.days[k].start
            out = []
            for c in [a.idx for a in route if a.is_client()]:
                n = self.owner[c]
                node = n + 2
                client = self.clients[c]
                now = max(now + int(self.travel[prev, node]), client.tw_early)
                leg = int(self.dist[prev, node])
                objective += leg + k * int(self.stops[n].early_bonus)
                if self.known[prev, node]:
                    total += leg
                else:
                    unknown_legs += 1
                out.append(RoutedStop(self.stops[n].key, now, leg if self.known[prev, node] else None))
                visited.add(n)
                now += self.stops[n].duration
                prev = node
            if out and self.return_to_start:
                if self.known[prev, 1]:
                    total += int(self.dist[prev, 1])
                objective += int(self.dist[prev, 1])
            routes[k] = out
        dropped = [s.key for n, s in enumerate(self.stops) if n not in visited]
        objective += sum(int(s.penalty) for n, s in enumerate(self.stops) if n not in visited)
        return Solution(routes, dropped, total, unknown_legs, objective, True, list(never))


class Deadline:
    """PyVRP's stopping criterion: a wall-clock deadline (``time.perf_counter()``), an
    optional iteration cap (for a reproducible result) and a cancel check."""

    def __init__(self, deadline: float, iterations: int | None = None,
                 cancelled: Callable[[], bool] | None = None):
        self.deadline = deadline
        self.iterations = iterations
        self.cancelled = cancelled
        self.done = 0

    def __call__(self, best_cost: int) -> bool:
        self.done += 1
        if self.iterations is not None and self.done > self.iterations:
            return True
        if self.cancelled is not None and self.done % 32 == 0 and self.cancelled():
            return True
        return time.perf_counter() >= self.deadline


def solve_model(model: Model, stop: Callable[[int], bool], seed: int = 0,
                initial_routes: list[list[int]] | None = None):
    """Search ``model`` until ``stop`` says so; returns PyVRP's best solution."""
    import pyvrp
    initial = model.solution_from_routes(initial_routes) if initial_routes else None
    result = pyvrp.solve(model.data, stop, seed=seed, collect_stats=False, display=False, params=model.params(),
                         initial_solution=initial)
    return result.best


def key_routes(model: Model, routes: list[list[Hashable]]) -> list[list[int]]:
    """Routes of stop keys as routes of indices into ``model.stops`` (keys not in the model left out)."""
    index = {s.key: n for n, s in enumerate(model.stops)}
    return [[index[key] for key in route if key in index] for route in routes]


def available() -> bool:
    """Whether PyVRP can be imported here (it is a pinned dependency; a build without it falls back)."""
    try:
        import pyvrp  # noqa: F401
    except ImportError:
        return False
    return True


# Share of the time limit for OR-Tools' start (stop choice and first routes); the rest
# goes to PyVRP's search from that plan. Figures: benchmarks/bench_planner_vs_pyvrp.py.
ORTOOLS_SHARE = 0.25
ORTOOLS_SEARCH = "GREEDY_DESCENT"      # to its local optimum: the same start every time


def solve(stops: list[Stop], days: list[Day], start: tuple[float, float] | None, *, speed_kmh: float,
          unknown_m: int, return_to_start: bool, time_limit: float, seed: int = 0,
          iterations: int | None = None, cancelled: Callable[[], bool] | None = None) -> Solution:
    """OR-Tools for a quarter of ``time_limit`` (which visits, a first order: see
    ``routing.solve``), then PyVRP from that plan until the time is up, over the stops
    OR-Tools' pre-selection kept plus any it planned. The plan is PyVRP's best, never
    worse than its start. ``iterations`` caps PyVRP's search (the same input, seed and
    cap give the same plan); ``cancelled`` is asked now and then and ends the search
    early (the caller then raises ``Cancelled``)."""
    from model.visits import routing
    began = time.perf_counter()
    deadline = began + time_limit
    first = routing.solve(stops, days, start, speed_kmh=speed_kmh, unknown_m=unknown_m,
                          return_to_start=return_to_start, time_limit=time_limit * ORTOOLS_SHARE / 1.25,
                          metaheuristic=ORTOOLS_SEARCH, engine="ortools")
    if cancelled is not None and cancelled():
        return first
    allowed = [routing.allowed_windows(s, days) for s in stops]
    usable = [i for i, a in enumerate(allowed) if a]
    if not usable or not days:
        return first
    planned = {r.key for route in first.routes for r in route}
    chosen = sorted(set(routing.preselect(stops, usable, days))
                    | {i for i in usable if stops[i].key in planned})
    model = Model(stops, allowed, chosen, days, start, speed_kmh=speed_kmh, unknown_m=unknown_m,
                  return_to_start=return_to_start)
    initial = key_routes(model, [[r.key for r in route] for route in first.routes])
    best = solve_model(model, Deadline(deadline, iterations, cancelled), seed=seed, initial_routes=initial)
    if not best.is_feasible():
        return first
    solution = model.read(best, first.never_available)
    inside = {stops[i].key for i in chosen}
    solution.dropped += [stops[i].key for i in usable if stops[i].key not in inside]
    return solution
