"""Visit planning benchmark: ``python -m benchmarks planning``.

1. 300 due customers with coordinates (25 residential compounds in a ~8 km
   district, a realistic mix of tiers, overdue days and daily schedules), one
   working week, 12 visits a day: the whole plan (due list, model, search) in
   at most 3 s; its total straight-line route length within 5% of what
   OR-Tools finds searching the same instance for 60 s; the ratio against a
   greedy nearest-neighbour plan (most urgent first, nearest next) printed.
2. A tracking log of at least 500 pages in at most 10 s and 5 MB.
3. The four tracking logs (one per opportunity grade, each for its period) of a
   100,000-customer demo archive: customers, pages and seconds printed.

Each figure is printed with its target and PASS/FAIL; returns 1 on a miss.
Options: ``--quick`` shortens the 60 s reference search to 10 s (for trying
things out; the figure then says so); ``--no-big`` leaves out the 100,000-customer logs.
"""
from __future__ import annotations

import math
import os
import random
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

START = date(2026, 11, 23)          # a Monday; the week has no holiday
CUSTOMERS = 300
PER_DAY = 12
PAGES = 500
BIG_BOOK = 100_000


def _line(name: str, value: str, target: str, ok: bool) -> bool:
    print(f"  {name:<44} {value:>14}   target {target:<14} {'PASS' if ok else 'FAIL'}")
    return ok


def _archive(folder: Path, seed: int = 7, count: int = CUSTOMERS):
    """An archive with ``count`` (300) customers due for a visit, with coordinates and grades."""
    from model.customers import customers
    from model.archive import database
    from model import grading
    rng = random.Random(seed)
    archive = database.Archive.create(folder / "bench.kehu")
    conn = archive.conn
    compounds = [(f"小区{i:02d}", 30.24 + rng.random() * 0.075, 120.12 + rng.random() * 0.085) for i in range(25)]
    schedules = ["6.1", "6.2", "6.3", "6.4", None]
    with database.transaction(conn):
        for i in range(count):
            area, lat, lon = compounds[rng.randrange(len(compounds))]
            tier = rng.choices(["A", "B"], [35, 65])[0]
            cid = customers.create(conn, {
                "name": f"客户{i:03d}", "phone": f"138{i:08d}", "manager": "王经理", "area": area,
                "address": f"{area}{rng.randint(1, 30)}幢", "created_on": "2024-01-01",
                "latitude": lat + rng.gauss(0, 0.002), "longitude": lon + rng.gauss(0, 0.002),
                "dim_schedule": rng.choices(schedules, [30, 30, 20, 10, 10])[0],
                "tags": "KeyMan" if tier == "B" else None}, by="bench")
            # Due this week or overdue by up to ~2 months.
            last = START - timedelta(days=rng.randint(25, 90))
            customers.log_contact(conn, cid, customers.Contact(last.isoformat(), "visit", result="拜访"), by="bench")
            grading.override(conn, cid, "value_tier", tier, "benchmark", by="bench", as_of=date(2024, 1, 1))
    return archive


def _nearest_neighbour(problem, chosen: set[int]) -> tuple[float, int]:
    """Greedy plan for the customers the planner chose: each day from the start
    point, the nearest of them that still fits its window next. Returns metres
    and how many it placed."""
    from model.visits.routing import haversine_m
    speed = problem.speed_kmh * 1000 / 60
    left = set(chosen)
    total = 0.0
    for k, day in enumerate(problem.days):
        now, here, count = day.start, problem.start_point, 0
        while count < day.capacity:
            best = None
            for n in left:
                stop = problem.stops[n]
                leg = haversine_m(here, (stop.lat, stop.lon))
                arrive = now + math.ceil(leg / speed)
                slot = next(((max(arrive, ws), we) for ws, we in stop.windows[k]
                             if max(arrive, ws) + stop.duration <= min(we, day.end)), None)
                if slot is None:
                    continue
                if best is None or leg < best[0]:
                    best = (leg, n, leg, slot[0])
            if best is None:
                break
            _, n, leg, begin = best
            left.discard(n)
            total += leg
            here = (problem.stops[n].lat, problem.stops[n].lon)
            now, count = begin + problem.stops[n].duration, count + 1
    return total, len(chosen) - len(left)


def bench_plan(reference_seconds: float) -> bool:
    from model.visits import due, visit_plan
    ok = True
    with tempfile.TemporaryDirectory() as folder:
        archive = _archive(Path(folder))
        conn = archive.conn
        request = visit_plan.PlanRequest(START, days=7, per_day=PER_DAY, start_point=(30.28, 120.16))
        started = time.perf_counter()
        plan = visit_plan.build(conn, request)
        seconds = time.perf_counter() - started
        due_visits = len(due.due_list(conn, START, request.last_day).visits)
        print(f"  {due_visits} due visits, {len(plan.days)} working days, {PER_DAY} a day: "
              f"{len(plan.planned())} planned, {len(plan.unplanned)} unplanned")
        ok &= _line("plan 300 due customers, 5 days x 12", f"{seconds:.2f} s", "<= 3 s", seconds <= 3.0)

        # The same instance, searched for 60 s without the planner's shortcuts.
        due_visits = due.due_list(conn, START, request.last_day).visits
        candidates = [visit_plan.visit_from_due(item, None) for item in due_visits]
        problem = visit_plan.routing_problem(plan, candidates)
        reference = problem.solve(time_limit=reference_seconds, tuned=False)
        ratio = plan.route_m / reference.distance_m if reference.distance_m else float("inf")
        urgent = [n for n, v in enumerate(candidates) if v.rank_class == 3]
        placed = {r.key for route in reference.routes for r in route}
        mine = {v.customer_id for v in plan.planned()}
        print(f"  route length: planner {plan.route_m / 1000:.1f} km, OR-Tools {reference_seconds:.0f} s search "
              f"{reference.distance_m / 1000:.1f} km; overdue A-tier planned: planner "
              f"{sum(1 for n in urgent if candidates[n].customer_id in mine)}/{len(urgent)}, "
              f"reference {sum(1 for n in urgent if n in placed)}/{len(urgent)}")
        label = f"route length vs {reference_seconds:.0f} s OR-Tools search"
        ok &= _line(label, f"{ratio:.3f}", "<= 1.05", ratio <= 1.05 and reference_seconds >= 60)
        chosen = {n for n, v in enumerate(candidates) if v.customer_id in mine}
        greedy, placed = _nearest_neighbour(problem, chosen)
        print(f"  nearest-neighbour plan of the same customers: {greedy / 1000:.1f} km, {placed} of "
              f"{len(chosen)} placed (windows); planner / nearest-neighbour = {plan.route_m / greedy:.3f}, "
              f"per visit {(plan.route_m / len(chosen)) / (greedy / max(placed, 1)):.3f}")
        archive.close()
    return ok


def _log(entries: int):
    from model.visits.tracking_logs import TrackingEntry, TrackingLog
    rng = random.Random(3)
    rows = []
    for i in range(entries):
        last = START - timedelta(days=rng.randint(1, 60))
        rows.append(TrackingEntry(
            customer_id=i, name=f"客户{i:05d}", phone=f"139{i:08d}", area=f"小区{i % 40:02d}", tier="ABC"[i % 3],
            needs="稳健理财、子女教育金规划", need="latent", expected_close="2027-05-23", close="6m",
            last_contact=last.isoformat(), last_channel="phone", last_result="客户说下月再联系，关注理财产品",
            next_step="送资料", next_date=START.isoformat(), next_tracking=last + timedelta(days=30),
            overdue_days=rng.randint(0, 30), lines=1 + i % 3))
    return TrackingLog("D", "month", START, START + timedelta(days=29), "王经理", 30, rows)


def _pages(path: Path) -> int:
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in out.splitlines() if line.startswith("Pages:")))


def bench_tracking_log() -> bool:
    from reports.tracking_log import tracking_log_pdf
    with tempfile.TemporaryDirectory() as folder:
        probe = Path(folder) / "probe.pdf"
        tracking_log_pdf(_log(400), probe)
        per_page = 400 / _pages(probe)
        entries = int(math.ceil(PAGES * per_page * 1.03))
        path = Path(folder) / "log.pdf"
        log = _log(entries)
        started = time.perf_counter()
        tracking_log_pdf(log, path, branch="西湖支行")
        seconds = time.perf_counter() - started
        pages = _pages(path)
        size = path.stat().st_size / 1e6
    ok = _line("tracking log pages", f"{pages}", f">= {PAGES}", pages >= PAGES)
    ok &= _line(f"tracking log of {entries} customers", f"{seconds:.2f} s", "<= 10 s", seconds <= 10)
    ok &= _line("tracking log size", f"{size:.2f} MB", "<= 5 MB", size <= 5)
    return ok


def bench_grade_logs(customers: int = BIG_BOOK) -> bool:
    """The four tracking logs (A day, B week, C half month, D month) of a demo archive of
    ``customers`` customers (the demo's managers' opportunity answers): customers,
    pages and seconds per log, query and PDF together. Figures only: a log is as long
    as its grade has customers."""
    from model.demo import demo
    from model.visits import tracking_logs
    from model.archive.database import Archive
    from reports.tracking_log import tracking_log_pdf
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "big.kehu"
        started = time.perf_counter()
        demo.build_demo(path, customers=customers, seed=1, as_of=START)
        print(f"  demo archive of {customers:,} customers built in {time.perf_counter() - started:.1f} s")
        with Archive.open(path) as archive:
            for grade in tracking_logs.GRADES:
                out = Path(folder) / f"log-{grade}.pdf"
                started = time.perf_counter()
                log = tracking_logs.tracking_log(archive.conn, grade, START)
                query = time.perf_counter() - started
                tracking_log_pdf(log, out)
                seconds = time.perf_counter() - started
                print(f"  tracking log {grade} ({log.kind}, {customers:,}-customer book): {len(log.entries):,} "
                      f"customers, {_pages(out):,} pages, {seconds:.2f} s (query {query:.2f} s), "
                      f"{out.stat().st_size / 1e6:.1f} MB")
    return True


def main(argv: list[str]) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QCoreApplication
    QCoreApplication.instance() or QCoreApplication(["bench"])
    reference = 10.0 if "--quick" in argv else 60.0
    ok = bench_plan(reference)
    ok &= bench_tracking_log()
    if "--no-big" not in argv:
        ok &= bench_grade_logs()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
