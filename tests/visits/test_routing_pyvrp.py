"""The route search with PyVRP (model/visits/routing_pyvrp.py) and the benchmark's independent checker."""
from __future__ import annotations

import random
import time

import pytest

from benchmarks import plan_check
from model.visits import routing, routing_pyvrp
from model.core.progress import Cancelled, Progress
from model.visits.routing import Day, RoutedStop, Solution, Stop

START = (30.28, 120.16)
SPEED = 20
DAYS = [Day(4, 9 * 60, 18 * 60), Day(4, 9 * 60, 18 * 60), Day(4, 9 * 60, 18 * 60)]
ALL_DAY = ((9 * 60, 18 * 60),)


def _stops(count: int, seed: int = 1) -> list[Stop]:
    rng = random.Random(seed)
    return [Stop(n, 30.25 + rng.random() * 0.06, 120.13 + rng.random() * 0.06, None, 30, [ALL_DAY] * len(DAYS),
                 10_000_000 + rng.randrange(50) * 200) for n in range(count)]


def _solve(stops, days=DAYS, **kw):
    kw.setdefault("time_limit", 0.6)
    return routing.solve(stops, days, START, speed_kmh=SPEED, unknown_m=2000, **kw)


def _check(stops, solution, days=DAYS, start=START):
    return plan_check.check(stops, days, start, solution, speed_kmh=SPEED, unknown_m=2000, return_to_start=False)


def test_pyvrp_is_the_engine_here():
    assert routing_pyvrp.available()
    assert routing_pyvrp.supports(_stops(3))
    assert not routing_pyvrp.supports([Stop(0, 30.2, 120.1, None, 30, [ALL_DAY], 1, 0, 0)])


def test_capacity_windows_and_priority_are_kept(monkeypatch):
    calls = []
    real = routing_pyvrp.solve_model
    monkeypatch.setattr(routing_pyvrp, "solve_model", lambda *a, **k: calls.append(1) or real(*a, **k))
    stops = _stops(20)
    stops[3].penalty = 30_000_000                        # more urgent class: always planned
    stops[4].windows = [(), ((9 * 60, 10 * 60), (16 * 60, 18 * 60)), ()]   # two windows, day 1 only
    stops[4].penalty = 30_000_000
    stops[5].windows = [(), (), ()]                      # never free
    solution = _solve(stops)
    assert calls, "PyVRP searched"
    check = _check(stops, solution)
    assert check.violations == []
    assert [len(r) for r in solution.routes] == [4, 4, 4]
    placed = {r.key: k for k, route in enumerate(solution.routes) for r in route}
    assert placed[3] in (0, 1, 2) and placed[4] == 1
    arrival = next(r.arrival for r in solution.routes[1] if r.key == 4)
    assert 9 * 60 <= arrival <= 9 * 60 + 30 or 16 * 60 <= arrival <= 17 * 60 + 30
    assert 5 in solution.never_available and 5 not in placed
    assert not set(placed) & set(solution.dropped)
    assert set(placed) | set(solution.dropped) == {s.key for s in stops} - {5}


def test_pinned_visits_stay_on_their_day_and_early_visits_come_first():
    stops = _stops(12, seed=2)
    for n in (0, 1, 2):
        stops[n].fixed_day = 2
    for s in stops[3:]:
        s.early_bonus = 0
    stops[6].early_bonus = 50_000                        # overdue: as early as can be
    solution = _solve(stops)
    placed = {r.key: k for k, route in enumerate(solution.routes) for r in route}
    assert [placed[n] for n in (0, 1, 2)] == [2, 2, 2]
    assert placed[6] == 0
    assert _check(stops, solution).violations == []


def test_the_route_is_open_from_the_start_point():
    stops = _stops(4, seed=3)
    solution = _solve(stops, days=[Day(4, 9 * 60, 18 * 60)])
    route = solution.routes[0]
    first = next(s for s in stops if s.key == route[0].key)
    assert route[0].leg_m == pytest.approx(routing.haversine_m(START, (first.lat, first.lon)), abs=1)
    assert solution.distance_m == sum(r.leg_m for r in route)     # no way back


def test_a_visit_locked_to_its_place_keeps_it_through_ortools():
    stops = _stops(6, seed=4)
    stops[2].fixed_day, stops[2].fixed_position = 0, 0
    solution = _solve(stops)
    assert solution.routes[0][0].key == 2
    assert _check(stops, solution).violations == []


def test_the_same_input_and_seed_give_the_same_plan():
    stops = _stops(30, seed=5)
    first = _solve(stops, time_limit=30, iterations=300, seed=3)
    again = _solve(stops, time_limit=30, iterations=300, seed=3)
    assert [[r.key for r in route] for route in first.routes] == [[r.key for r in route] for route in again.routes]
    assert first.objective == again.objective


def test_cancel_ends_the_search_at_once():
    stops = _stops(40, seed=6)
    started = time.perf_counter()
    _solve(stops, time_limit=20, cancelled=lambda: True)
    assert time.perf_counter() - started < 5


def test_plan_build_raises_cancelled(archive):
    from datetime import date

    from model.archive import database
    from model.visits import visit_plan
    from tests.planning_data import overdue_a_customers
    start = date(2026, 11, 23)
    with database.transaction(archive.conn):
        overdue_a_customers(archive.conn, 10, start)
    progress = Progress()
    progress.cancel()
    started = time.perf_counter()
    with pytest.raises(Cancelled):
        visit_plan.build(archive.conn, visit_plan.PlanRequest(start, days=5, time_limit=20), progress=progress)
    assert time.perf_counter() - started < 5


def test_pyvrp_objective_is_the_plans_cost():
    """PyVRP's own cost of its best solution is the plan's objective plus a constant
    (the prizes of the other intervals of each stop): the model asks the right question."""
    import pyvrp
    from pyvrp.stop import MaxIterations
    stops = _stops(10, seed=7)
    stops[1].windows = [((9 * 60, 11 * 60), (15 * 60, 18 * 60))] * 3
    stops[2].early_bonus = 5000
    allowed = [routing.allowed_windows(s, DAYS) for s in stops]
    model = routing_pyvrp.Model(stops, allowed, list(range(10)), DAYS, START, speed_kmh=SPEED, unknown_m=2000,
                                return_to_start=False)
    best = pyvrp.solve(model.data, MaxIterations(200), seed=1, collect_stats=False, params=model.params()).best
    read = model.read(best, [])
    copies = {}
    for c, n in enumerate(model.owner):
        copies.setdefault(n, []).append(model.clients[c].prize)
    constant = sum(sum(p) - max(p) for p in copies.values())
    assert best.is_feasible()
    assert best.distance() + best.uncollected_prizes() == read.objective + constant
    assert _check(stops, read).objective == read.objective


def test_the_checker_finds_what_is_wrong():
    stops = _stops(3, seed=8)
    stops[0].windows = [((9 * 60, 10 * 60),), (), ()]
    bad = Solution([[RoutedStop(0, 12 * 60, 0), RoutedStop(1, 12 * 60, 0)], [RoutedStop(1, 10 * 60, 0)], []],
                   [2], 0, 0, 0)
    days = [Day(1, 9 * 60, 18 * 60), Day(4, 9 * 60, 18 * 60), Day(4, 9 * 60, 18 * 60)]
    found = "\n".join(_check(stops, bad, days).violations)
    assert "capacity 1" in found
    assert "outside its windows" in found
    assert "before" in found                              # no time to travel
    assert "on day 0 and day 1" in found
    good = _solve(stops, days=days)
    assert _check(stops, good, days).violations == []
