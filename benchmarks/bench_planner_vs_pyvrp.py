"""The visit planner against PyVRP 0.14 on the same data: ``python -m benchmarks planner_vs_pyvrp``.

Instances, built through the app's own due list and planning code (the
planning benchmark's generator, ``bench_planning._archive``): a manager's week
of 300 due customers, 5 working days x 12 visits, seed 7 and seeds 1-5; and
two-week books of 1,000 due customers, 10 working days x 12, seeds 101-103.

On each instance and budget (2 s, the app's interactive one, and 10 s), one at
a time: the app's planner (``RoutingProblem.solve``, what ``visit_plan.build``
runs) and PyVRP with its defaults, except ``PenaltyParams.max_penalty`` at
100 x the largest drop penalty (at its default bound of 100,000 it returns
infeasible plans: one drop is worth 1e7). PyVRP gets the same question in its
terms (``model.visits.routing_pyvrp.Model``: the same integer distance matrix and
travel minutes, service times, windows, day capacities, drop penalties as
prizes, the early-day term in per-day profiles), every stop that can be seen.

Every plan is checked by ``benchmarks.plan_check`` (distances recomputed from
the coordinates). Printed per instance and budget: the objective, its part
above the penalties no plan can avoid (the *controllable* part: distance and
priority given up), kilometres, and the ratio planner / PyVRP; then a summary
line ``planner vs pyvrp: ...`` per budget with PASS/FAIL against the targets
(controllable ratio <= 1.00 on the median and <= 1.01 on every instance;
kilometres on the median within 2 % of PyVRP's; no violation).

Options: ``--quick`` (seed 7 and one book, 2 s only), ``--budgets=2,10,60``.
The search is time-limited and the machine may be shared: note the load
(printed) beside the figures.
"""
from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

WEEK = [7, 1, 2, 3, 4, 5]
BOOKS = [101, 102, 103]
PER_DAY = 12
START_POINT = (30.28, 120.16)


def _problem(seed: int, customers: int, calendar_days: int):
    """The planner's routing question for a generated archive, via due list and plan days."""
    from benchmarks.bench_planning import START, _archive
    from model.visits import due, visit_plan
    with tempfile.TemporaryDirectory() as folder:
        archive = _archive(Path(folder), seed=seed, count=customers)
        try:
            conn = archive.conn
            request = visit_plan.PlanRequest(START, days=calendar_days, per_day=PER_DAY, start_point=START_POINT,
                                             time_limit=0.1)
            plan = visit_plan.build(conn, request)
            candidates = [visit_plan.visit_from_due(item, None)
                          for item in due.due_list(conn, START, request.last_day).visits]
            return visit_plan.routing_problem(plan, candidates)
        finally:
            archive.close()


def _pyvrp(problem, budget: float):
    """PyVRP 0.14 with its defaults (max_penalty scaled) on every stop that can be seen."""
    import pyvrp
    from pyvrp.stop import MaxRuntime

    from model.visits import routing, routing_pyvrp
    allowed = [routing.allowed_windows(s, problem.days) for s in problem.stops]
    usable = [i for i, a in enumerate(allowed) if a]
    model = routing_pyvrp.Model(problem.stops, allowed, usable, problem.days, problem.start_point,
                                speed_kmh=problem.speed_kmh, unknown_m=problem.unknown_m,
                                return_to_start=problem.return_to_start)
    params = pyvrp.SolveParams(penalty=pyvrp.PenaltyParams(max_penalty=100.0 * model.biggest))
    result = pyvrp.solve(model.data, MaxRuntime(budget), seed=0, collect_stats=False, params=params)
    return model.read(result.best, [s.key for s, a in zip(problem.stops, allowed) if not a])


def _check(problem, solution):
    from benchmarks.plan_check import check
    return check(problem.stops, problem.days, problem.start_point, solution, speed_kmh=problem.speed_kmh,
                 unknown_m=problem.unknown_m, return_to_start=problem.return_to_start)


def _run(name: str, problem, budget: float) -> dict:
    from benchmarks.plan_check import unavoidable
    floor = unavoidable(problem.stops, problem.days)
    started = time.perf_counter()
    mine = problem.solve(time_limit=budget)
    mine_s = time.perf_counter() - started
    started = time.perf_counter()
    theirs = _pyvrp(problem, budget)
    theirs_s = time.perf_counter() - started
    a, b = _check(problem, mine), _check(problem, theirs)
    row = {"name": name, "budget": budget, "ratio": (a.objective - floor) / max(1, b.objective - floor),
           "km_ratio": a.distance_m / max(1, b.distance_m), "violations": len(a.violations) + len(b.violations)}
    for label, c, seconds in (("planner", a, mine_s), ("pyvrp", b, theirs_s)):
        print(f"  {name:<22} {budget:>4.0f} s  {label:<7} objective {c.objective:>13,}  controllable "
              f"{c.objective - floor:>10,}  {c.distance_m / 1000:6.1f} km  {c.planned:>3} planned  "
              f"{len(c.violations)} violations  {seconds:5.2f} s")
        for text in c.violations[:3]:
            print(f"      {text}")
    print(f"  {name:<22} {budget:>4.0f} s  planner / pyvrp: controllable {row['ratio']:.3f}, "
          f"km {row['km_ratio']:.3f}")
    return row


def _summary(rows: list[dict], budget: float) -> bool:
    ratios = [r["ratio"] for r in rows]
    kms = [r["km_ratio"] for r in rows]
    violations = sum(r["violations"] for r in rows)
    median, worst, km = statistics.median(ratios), max(ratios), statistics.median(kms)
    ok = median <= 1.00 and worst <= 1.01 and km <= 1.02 and violations == 0
    print(f"planner vs pyvrp: {budget:.0f} s, {len(rows)} instances: controllable median {median:.3f} "
          f"(target <= 1.00), worst {worst:.3f} (<= 1.01), planner better on "
          f"{sum(1 for r in ratios if r < 1.0)} of {len(rows)}; km median {km:.3f} (<= 1.02); "
          f"{violations} violations   {'PASS' if ok else 'FAIL'}")
    return ok


def main(argv: list[str]) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QCoreApplication
    QCoreApplication.instance() or QCoreApplication(["bench"])
    quick = "--quick" in argv
    budgets = [2.0] if quick else [2.0, 10.0]
    for arg in argv:
        if arg.startswith("--budgets="):
            budgets = [float(b) for b in arg.split("=", 1)[1].split(",")]
    weeks = WEEK[:1] if quick else WEEK
    books = BOOKS[:1] if quick else BOOKS
    print(f"  load average at start: {', '.join(f'{x:.2f}' for x in os.getloadavg())} ({os.cpu_count()} cores)")
    instances = [(f"week seed {s} (300, 5x12)", s, 300, 7) for s in weeks]
    instances += [(f"book seed {s} (1000, 10x12)", s, 1000, 14) for s in books]
    problems = [(name, _problem(seed, customers, days)) for name, seed, customers, days in instances]
    ok = True
    for budget in budgets:
        rows = [_run(name, problem, budget) for name, problem in problems]
        ok &= _summary(rows, budget)
    print(f"  load average at end: {', '.join(f'{x:.2f}' for x in os.getloadavg())}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
