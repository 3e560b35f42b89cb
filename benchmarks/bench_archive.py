"""The demo archive: 100,000 customers and about 1,000,000 transactions in at most 30 s.

    .venv/bin/python -m benchmarks archive [--customers N] [--seed S]

Builds the demo in a temporary folder (one transaction, the archive's own
pragmas: WAL, synchronous=FULL, foreign keys, the search triggers), then
exports it to CSV for a second, informational figure.
"""
from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

TARGET_SECONDS = 30.0


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks archive")
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)

    from model.archive import database
    from model.demo import demo
    from model.customers import exporting

    with tempfile.TemporaryDirectory(prefix="kehu-bench-") as folder:
        path = Path(folder) / "demo.kehu"
        started = time.perf_counter()
        counts = demo.build_demo(path, customers=args.customers, seed=args.seed)
        seconds = time.perf_counter() - started
        size_mb = path.stat().st_size / 1e6
        ok = seconds <= TARGET_SECONDS
        print(f"demo {counts['customers']:,} customers / {counts['transactions']:,} transactions: "
              f"{seconds:.1f} s (target ≤ {TARGET_SECONDS:.0f} s) {'PASS' if ok else 'FAIL'}")
        print(f"  also {counts['contacts']:,} contacts, {counts['areas']:,} areas, "
              f"{counts['managers']:,} managers; file {size_mb:.0f} MB; peak memory "
              f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")

        with database.Archive.open(path) as archive:
            started = time.perf_counter()
            written = exporting.export_customers(archive.conn, Path(folder) / "export.csv", reason="benchmark")
            seconds = time.perf_counter() - started
        print(f"export {written:,} customers to CSV: {seconds:.1f} s (informational, no target)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
