"""The window on 100,000 customers: cold start, memory, sort and scroll.

    .venv/bin/python -m benchmarks gui

1. Cold start: spawns ``python main.py --archive X`` (offscreen) with
   ``KEHU_BENCH_FIRST_PAINT=settled``; the window prints
   ``first-paint <seconds since process launch> <peak RSS MB>`` right after
   the customer table first paints with rows, then ``settled ...`` once the
   background work of opening (loading the search index, counting the views)
   is done, and quits. The figures: the wall clock from spawning the process
   to reading the first line (target ≤ 2 s), and the process's peak memory
   when settled (target ≤ 500 MB).
2. Sort and scroll, in this process on the table model as the window uses it:
   for a sort by name, area, last contact and a dimension, the time until
   the new order is shown (worked out in a worker) and the longest the event
   loop was held up meanwhile (a 5 ms timer; target ≤ 100 ms, i.e. no
   stutter); then the time to fetch one page of rows while scrolling.

The archive is ``model.demo.demo.build_demo`` with its search index built, cached
in the temp folder so later runs start at once.
"""
from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
N_CUSTOMERS = 100_000


def _archive_path() -> Path:
    """Cached per schema: named after a digest of the migrations' source."""
    import hashlib
    from model.archive import migrations
    digest = hashlib.sha256()
    for step in sorted(Path(migrations.__file__).parent.glob("m*.py")):
        digest.update(step.read_bytes())
    folder = Path(tempfile.gettempdir()) / "kehu-bench"
    folder.mkdir(exist_ok=True)
    return folder / f"gui-{N_CUSTOMERS}-v{migrations.LATEST}-{digest.hexdigest()[:10]}.kehu"


def bench_archive() -> Path:
    path = _archive_path()
    if path.exists():
        return path
    from model.archive import database
    from model.demo import demo
    from model.customers import search
    partial = path.with_name("building-" + path.name)
    for stale in partial.parent.glob(partial.name + "*"):
        stale.unlink()
    print(f"building a demo archive of {N_CUSTOMERS:,} customers (once) ...", flush=True)
    demo.build_demo(partial, customers=N_CUSTOMERS)
    # As a working archive would be: its search index current (imports index as they go).
    with database.Archive.open(partial) as archive:
        search.refresh(archive.conn)
    os.replace(partial, path)
    return path


def _line(label: str, value: float, unit: str, target: float) -> bool:
    ok = value <= target
    print(f"{label:<42} {value:8.3f} {unit:<3} target ≤ {target:g} {unit}  "
          f"{'PASS' if ok else 'FAIL'}")
    return ok


def cold_start(path: Path) -> tuple[float, float, float]:
    """Seconds to the first painted list, seconds until settled, peak MB."""
    env = dict(os.environ, KEHU_BENCH_FIRST_PAINT="settled", KEHU_USER="bench",  # KEHU_USER: no name prompt
               QT_QPA_PLATFORM="offscreen")
    settings_dir = tempfile.mkdtemp(prefix="kehu-bench-settings-")
    env["KEHU_SETTINGS_DIR"] = settings_dir
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, str(ROOT / "main.py"), "--archive", str(path)],
                            cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True)
    elapsed = settled = peak = float("inf")
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.startswith("first-paint "):
            elapsed = time.perf_counter() - start
        elif line.startswith("settled "):
            settled = time.perf_counter() - start
            peak = float(line.split()[2])
    proc.wait(timeout=120)
    return elapsed, settled, peak


def in_process(path: Path) -> list[tuple[str, float, str, float]]:
    """(label, value, unit, target) for sorting and scrolling the model on 100k rows."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEventLoop, Qt, QTimer
    from PySide6.QtWidgets import QApplication
    from gui.customers.columns import customer_columns
    from gui.customers.customer_table import CustomerTableModel
    from model.archive import database
    app = QApplication.instance() or QApplication([])  # noqa: F841 - the model needs one
    figures = []
    with database.Archive.open(path) as archive:
        columns = customer_columns("zh_CN")
        keys = [c.key for c in columns]
        started = time.perf_counter()
        model = CustomerTableModel(archive.conn, columns, reader=archive.reader)
        figures.append(("open the list (on the GUI thread)", time.perf_counter() - started,
                        "s", 0.4))
        ticks: list[float] = []
        timer = QTimer()
        timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
        timer.start(5)
        for key in ("name", "area", "last_contact", "dim_age"):
            ticks.clear()
            started = time.perf_counter()
            loop = QEventLoop()
            model.busy_changed.connect(loop.quit)
            model.sort(keys.index(key), Qt.SortOrder.DescendingOrder)
            if model.busy():
                loop.exec()
            model.busy_changed.disconnect(loop.quit)
            elapsed = time.perf_counter() - started
            stamps = [started, *ticks, time.perf_counter()]
            longest = max(b - a for a, b in zip(stamps, stamps[1:]))
            figures.append((f"sort 100k by {key}: new order shown", elapsed, "s", 1.0))
            figures.append(("  window unresponsive at most", longest * 1000, "ms", 100))
        timer.stop()
        pages = range(0, model.rowCount(), CustomerTableModel.PAGE_SIZE * 5)
        started = time.perf_counter()
        for row in pages:
            model.data(model.index(row, keys.index("last_contact")))
        figures.append(("scroll: fetch one page of 200 rows",
                        (time.perf_counter() - started) / len(pages) * 1000, "ms", 30))
    return figures


def main(argv: list[str]) -> int:
    path = bench_archive()
    print(f"archive: {path} ({N_CUSTOMERS:,} customers)")
    ok = True
    runs = [cold_start(path) for _ in range(2)]   # the first may warm the disk cache
    elapsed, settled, peak = min(runs)
    ok &= _line("cold start to first painted list", elapsed, "s", 2.0)
    print(f"{'  background work done (search ready) at':<42} {settled:8.3f} s")
    ok &= _line("peak memory of the GUI process", max(r[2] for r in runs), "MB", 500)
    for label, value, unit, target in in_process(path):
        ok &= _line(label, value, unit, target)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
