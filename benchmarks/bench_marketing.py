"""Promotion audiences counted live: the size of a target audience while the manager
edits the filter. Targets: under 100 ms on a book of 800 customers, under 1 s on
100,000 (the slowest of several typical filters, each counted and listed).

    .venv/bin/python -m benchmarks marketing [--customers N]

Builds the demo archive (with its circles) in a temporary folder and grades it
(value tier, RFM, persona) so grade filters have something to select.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def _filters(conn):
    from model.marketing.promotions import Audience
    area, area_type = conn.execute("SELECT a.id, a.area_type FROM areas a JOIN customers c ON c.area_id = a.id"
                                   " GROUP BY a.id ORDER BY count(*) DESC LIMIT 1").fetchone()
    circle = conn.execute("SELECT id FROM circles ORDER BY id LIMIT 1").fetchone()
    return {
        "everyone": Audience(),
        "tier A or B": Audience(value_tiers=("A", "B")),
        "tier A, area type": Audience(value_tiers=("A",), area_types=(area_type,)),
        "RFM + persona": Audience(rfm_types=("important_value", "important_keep"),
                                  personas=("white_collar", "wage_earner")),
        "area + tier C": Audience(area_ids=(area,), value_tiers=("C",)),
        "circle": Audience(circle_ids=(circle[0],) if circle else ()),
    }


def _measure(customers: int, target: float, folder: Path) -> bool:
    from model.archive import database
    from model.demo import demo
    from model import grading
    from model.marketing import promotions
    path = folder / f"demo{customers}.kehu"
    as_of = date(2026, 11, 20)
    demo.build_demo(path, customers=customers, seed=1, as_of=as_of)
    with database.Archive.open(path) as archive:
        conn = archive.conn
        grading.apply(conn, grading.compute(grading.load_inputs(conn, as_of)), by=grading.RULES_BY)
        worst, worst_name, sizes = 0.0, "", []
        for name, audience in _filters(conn).items():
            started = time.perf_counter()
            size = promotions.audience_size(conn, audience)
            ids = promotions.audience_ids(conn, audience)
            seconds = time.perf_counter() - started
            assert size == len(ids)
            sizes.append(f"{name} {size:,}")
            if seconds > worst:
                worst, worst_name = seconds, name
    ok = worst <= target
    print(f"audience size + ids on {customers:,} customers: slowest {worst * 1000:.0f} ms ({worst_name}) "
          f"(target ≤ {target * 1000:.0f} ms) {'PASS' if ok else 'FAIL'}")
    print(f"  sizes: {'; '.join(sizes)}")
    return ok


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks marketing")
    parser.add_argument("--customers", type=int, default=100_000)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="kehu-bench-") as folder:
        ok = _measure(800, 0.1, Path(folder))
        ok = _measure(args.customers, 1.0, Path(folder)) and ok
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
