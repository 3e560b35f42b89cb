"""The lifecycle stage over a whole archive: 100,000 customers and about 1,000,000
transactions counted per stage in a few seconds (one GROUP BY pass), and the customer
list's column sorted and filtered (informational).

    .venv/bin/python -m benchmarks lifecycle [--customers N]
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

TARGET_SECONDS = 5.0


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks lifecycle")
    parser.add_argument("--customers", type=int, default=100_000)
    args = parser.parse_args(argv)

    from model.archive import database
    from model.demo import demo
    from model.customers import lifecycle

    with tempfile.TemporaryDirectory(prefix="kehu-bench-") as folder:
        path = Path(folder) / "demo.kehu"
        counts = demo.build_demo(path, customers=args.customers, seed=1)
        with database.Archive.open(path) as archive:
            conn = archive.conn
            started = time.perf_counter()
            per_stage = lifecycle.counts(conn, date.today())
            seconds = time.perf_counter() - started
            ok = seconds <= TARGET_SECONDS
            print(f"lifecycle counts of {counts['customers']:,} customers / {counts['transactions']:,} "
                  f"transactions: {seconds:.1f} s (target ≤ {TARGET_SECONDS:.0f} s) {'PASS' if ok else 'FAIL'}")
            print("  " + ", ".join(f"{k} {n:,}" for k, n in per_stage.items()))
            column = lifecycle.customer_stage_sql()
            started = time.perf_counter()
            conn.execute(f"SELECT c.id FROM customers c WHERE c.deleted_at IS NULL ORDER BY ({column}) LIMIT 200"
                         ).fetchall()
            print(f"the list sorted by the column: {time.perf_counter() - started:.1f} s (informational)")
            from gui.customers.customer_filters import CustomerFilter
            where, params = CustomerFilter(grades=("lifecycle:lost", "lifecycle:declining")).where()
            started = time.perf_counter()
            conn.execute(f"SELECT count(*) FROM customers c LEFT JOIN areas a ON a.id = c.area_id WHERE {where}",
                         params).fetchone()
            print(f"the list filtered to two stages: {time.perf_counter() - started:.1f} s (informational)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
