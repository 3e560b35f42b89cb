"""Encryption at rest: what it costs.

    .venv/bin/python -m benchmarks security [--rows N] [--customers N] [--queries N]

* unlock time with SQLCipher's default key derivation (PBKDF2-HMAC-SHA512,
  256,000 iterations), and a whole ``Archive.open`` of an encrypted archive
  against a plain one; a further keyed connection (a reader thread) reuses
  the derived key;
* the import of the same 100,000-row CSV (bench_import's data) into a plain and
  an encrypted archive, best of two runs each, alternating;
* search on the demo book (bench_search's queries and p50/p95), the same
  archive plain and encrypted (converted with ``sqlcipher_export``), queries
  alternating between the two; also the index refresh and load.

Target: the encrypted archive at most 20% slower for import and search.
"""
from __future__ import annotations

import argparse
import gc
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

PASSPHRASE = "benchmark passphrase, long enough"
TARGET_SLOWDOWN = 0.20
TARGET_UNLOCK_S = 1.0


def _line(label: str, value: str, target: str = "", ok: bool = True) -> bool:
    if target:
        print(f"{label:<52} {value:>16}   target {target:<8} {'PASS' if ok else 'FAIL'}")
    else:
        print(f"{label:<52} {value:>16}")
    return ok


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, int(round(share * len(ordered))) - 1)]


def _unlock(folder: Path) -> bool:
    from model.archive import database
    from model.archive.passphrase import throttle
    enc = folder / "unlock-enc.kehu"
    plain = folder / "unlock-plain.kehu"
    database.Archive.create(enc, passphrase=PASSPHRASE).close()
    database.Archive.create(plain).close()
    derive = []
    unlock = []
    for _ in range(3):
        started = time.perf_counter()
        database.derive_key(PASSPHRASE, database.read_salt(enc))
        derive.append(time.perf_counter() - started)
        started = time.perf_counter()
        database.unlock(enc, PASSPHRASE)
        unlock.append(time.perf_counter() - started)
    throttle.reset()
    open_enc, open_plain, reader = [], [], []
    for _ in range(3):
        started = time.perf_counter()
        arch = database.Archive.open(enc, PASSPHRASE)
        open_enc.append(time.perf_counter() - started)
        started = time.perf_counter()
        conn = arch.reader()
        conn.execute("SELECT count(*) FROM customers").fetchone()
        reader.append(time.perf_counter() - started)
        conn.close()
        arch.close()
        started = time.perf_counter()
        database.Archive.open(plain).close()
        open_plain.append(time.perf_counter() - started)
    print(f"  key derivation alone (PBKDF2-HMAC-SHA512, {database.KDF_ITERATIONS:,} iterations): "
          f"{min(derive) * 1000:.0f} ms")
    ok = _line("unlock (derive the key and check it)", f"{min(unlock) * 1000:.0f} ms",
               f"≤ {TARGET_UNLOCK_S * 1000:.0f} ms", min(unlock) <= TARGET_UNLOCK_S)
    _line("Archive.open, encrypted (incl. unlock)", f"{min(open_enc) * 1000:.0f} ms")
    _line("Archive.open, plain", f"{min(open_plain) * 1000:.0f} ms")
    _line("a further keyed connection (reader), first query", f"{min(reader) * 1000:.1f} ms")
    return ok


def _import(folder: Path, rows: int) -> bool:
    from benchmarks.bench_import import generate_csv
    from model.archive import database
    from model.customers import importing
    csv_path = folder / "customers.csv"
    generate_csv(csv_path, rows)
    best = {"plain": float("inf"), "encrypted": float("inf")}
    for run in range(2):
        for kind in ("plain", "encrypted") if run == 0 else ("encrypted", "plain"):
            path = folder / f"import-{kind}-{run}.kehu"
            arch = database.Archive.create(path, passphrase=PASSPHRASE if kind == "encrypted" else None)
            try:
                gc.collect()
                started = time.perf_counter()
                result = importing.import_file(arch.conn, str(csv_path), by="benchmark")
                took = time.perf_counter() - started
            finally:
                arch.close()
            if result.imported != rows:
                print(f"import into the {kind} archive took {result.imported} of {rows} rows: FAIL")
                return False
            best[kind] = min(best[kind], took)
            path.unlink()
            for extra in ("-wal", "-shm"):
                Path(str(path) + extra).unlink(missing_ok=True)
    slowdown = best["encrypted"] / best["plain"] - 1
    _line(f"import of {rows:,} customers, plain", f"{best['plain']:.2f} s")
    _line(f"import of {rows:,} customers, encrypted", f"{best['encrypted']:.2f} s")
    return _line("import slowdown, encrypted vs plain", f"{slowdown * 100:+.1f} %",
                 f"≤ {TARGET_SLOWDOWN * 100:.0f} %", slowdown <= TARGET_SLOWDOWN)


def _search(folder: Path, customers: int, queries: int, seed: int) -> bool:
    from benchmarks.bench_search import _queries
    from model.archive import database, encryption
    from model.customers import search
    from model.demo.demo import build_demo
    plain = folder / "search-plain.kehu"
    enc = folder / "search-enc.kehu"
    started = time.perf_counter()
    build_demo(plain, customers=customers, seed=seed)
    print(f"  demo book of {customers:,} customers built in {time.perf_counter() - started:.1f} s")
    encryption.convert_file(plain, None, enc, database.new_key(PASSPHRASE))
    ok = True
    archives = {"plain": database.Archive.open(plain), "encrypted": database.Archive.open(enc, PASSPHRASE)}
    try:
        refresh, load, finders = {}, {}, {}
        for kind, arch in archives.items():
            started = time.perf_counter()
            search.refresh(arch.conn)
            refresh[kind] = time.perf_counter() - started
        for kind, arch in archives.items():
            gc.collect()
            started = time.perf_counter()
            finders[kind] = search.CustomerSearch(arch.conn)
            load[kind] = time.perf_counter() - started
        _line("index refresh, plain / encrypted",
              f"{refresh['plain']:.2f} / {refresh['encrypted']:.2f} s")
        _line("index load, plain / encrypted",
              f"{load['plain'] * 1000:.0f} / {load['encrypted'] * 1000:.0f} ms")
        asked = _queries(archives["plain"].conn, queries, random.Random(seed))
        times = {"plain": [], "encrypted": []}
        for i, (_kind, text) in enumerate(asked):
            order = ("plain", "encrypted") if i % 2 == 0 else ("encrypted", "plain")
            for kind in order:
                started = time.perf_counter()
                finders[kind].find(text, limit=500)
                times[kind].append((time.perf_counter() - started) * 1000)
        p50 = {k: statistics.median(v) for k, v in times.items()}
        p95 = {k: _percentile(v, 0.95) for k, v in times.items()}
        _line(f"search p50 over {len(asked)} queries, plain / encrypted",
              f"{p50['plain']:.2f} / {p50['encrypted']:.2f} ms")
        _line(f"search p95 over {len(asked)} queries, plain / encrypted",
              f"{p95['plain']:.2f} / {p95['encrypted']:.2f} ms")
        for label, figures in (("p50", p50), ("p95", p95)):
            slowdown = figures["encrypted"] / figures["plain"] - 1
            ok &= _line(f"search {label} slowdown, encrypted vs plain", f"{slowdown * 100:+.1f} %",
                        f"≤ {TARGET_SLOWDOWN * 100:.0f} %", slowdown <= TARGET_SLOWDOWN)
    finally:
        for arch in archives.values():
            arch.close()
    return ok


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks security")
    parser.add_argument("--rows", type=int, default=100_000, help="rows imported")
    parser.add_argument("--customers", type=int, default=100_000, help="customers searched")
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    ok = True
    with tempfile.TemporaryDirectory(prefix="kehu-bench-security-") as tmp:
        folder = Path(tmp)
        ok &= _unlock(folder)
        ok &= _import(folder, args.rows)
        ok &= _search(folder, args.customers, args.queries, args.seed)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
