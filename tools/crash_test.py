"""Crash test: the program is killed (SIGKILL) at random moments while it writes.

    python tools/crash_test.py --runs 200

Real operations, each a separate ``python main.py ...`` process:

* ``import``: a 10,000-row customer file into an archive;
* ``grade``: grading every customer of a demo archive;
* ``plan``: building and saving a visit plan of a demo archive;
* ``import-enc``: the same import into an encrypted archive (passphrase from
  ``KEHU_PASSPHRASE``);
* ``checkpoint``: that encrypted import, killed while its write-ahead log is
  being copied into the file after the import (from when the uncut runs' file
  first grows to the end);
* ``backup``: a backup of an encrypted demo archive.

Each operation is first run to its end (three times) to measure how long it takes
from its first write (the archive's write-ahead log or a backup appears: before
that the process is only starting Python and reading) to its end, and what it
writes. Then, run after run, it starts on a fresh copy of its archive, is watched
until it first writes, and is killed with SIGKILL at a time drawn uniformly from
that span (medians of the uncut runs) after its first write. Timing the kill from
the run's own first write, not from its start, keeps the kills inside the writing
on a busy machine, where starting Python alone varies by more than a checkpoint
lasts.
After each kill the archive must pass ``PRAGMA integrity_check``, open in the
program, and hold the operation wholly or not at all:

* import: exactly as many customers as before, or 10,000 more (and a creation
  history row for each);
* grade: no grading run, grade or grade history, or the run with every grade
  and history row of the uncut run;
* plan: no plan, or the plan with all its days, its change-log row and as many
  visits as that row says were planned and left unplanned;
* backup: no backup, or one that passes its check and opens with the
  passphrase; and once the program has opened the archive again no unfinished
  ``*.partial`` file is left.

An encrypted archive must also open with the right passphrase: ``check`` (which
writes nothing) must find it healthy and the program must open it, with every
committed row. A refusal of the right passphrase counts as "locked out".

Every backup the program left beside the archive (it backs up before an import)
must pass its integrity check too; unfinished ones (``*.partial``) are ignored,
as the program ignores them.

Prints the runs, corrupt, partial and locked-out counts per operation (target:
all runs, 0, 0, 0) and how the kill times fell over the operations' durations.
Exit status 0 when nothing was corrupt, partial or locked out, 1 otherwise.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from model.archive import database  # noqa: E402  (after the path is set)
from model.archive.database import sqlite3  # noqa: E402

IMPORT_ROWS = 10_000
DEMO_CUSTOMERS = 1_500
OPERATIONS = ("import", "grade", "plan", "import-enc", "checkpoint", "backup")
ENCRYPTED = ("import-enc", "checkpoint", "backup")
PASSPHRASE = "crash test passphrase 7"
BINS = 10

# What each operation writes, counted after a run.
TABLES = {
    "import": ("customers", "customer_history"),
    "grade": ("grading_runs", "grades", "grade_history"),
    "plan": ("visit_plans", "plan_days", "plan_visits", "plan_changes"),
    "import-enc": ("customers", "customer_history"),
    "checkpoint": ("customers", "customer_history"),
    "backup": ("backups",),
}


@dataclass
class Outcome:
    operation: str
    kill_at: float          # seconds after the start
    fraction: float         # of the writing window (first write to end)
    finished_first: bool    # the process had ended before the kill
    state: str              # "absent", "whole", "partial", "corrupt" or "locked-out"
    detail: str = ""
    log_bytes: int = 0      # the write-ahead log's size at the kill: writing had begun


@dataclass
class Setup:
    folder: Path
    env: dict
    bases: dict = field(default_factory=dict)         # operation -> base archive
    commands: dict = field(default_factory=dict)      # operation -> argv after main.py, {archive}
    before: dict = field(default_factory=dict)        # operation -> counts before
    after: dict = field(default_factory=dict)         # operation -> counts after an uncut run
    duration: dict = field(default_factory=dict)      # operation -> seconds
    first_write: dict = field(default_factory=dict)   # operation -> start of its writing window (s)
    span: dict = field(default_factory=dict)          # operation -> first write to the end (s)
    checkpoint_spans: list = field(default_factory=list)  # uncut runs: file growing to log removed (s)


def key_of(path: Path):
    """The archive's key when it is encrypted (derived from the right passphrase)."""
    if not database.is_encrypted(path):
        return None
    return database.derive_key(PASSPHRASE, database.read_salt(path))


def counts(path: Path, tables) -> dict[str, int]:
    if tables == TABLES["backup"]:
        folder = path.with_name(path.stem + "-backups")
        return {"backups": len(list(folder.glob("*.kehu")))}
    conn = database.connect(path, passphrase=key_of(path))
    try:
        return {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}
    finally:
        conn.close()


def write_customers_csv(path: Path, rows: int) -> None:
    lines = ["姓名,手机,地址,小区"]
    for i in range(rows):
        lines.append(f"测试客户{i},188{i:08d},和平路{i % 500}号,{'东西南北'[i % 4]}苑")
    path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8-sig")


def program(setup: Setup, argv: list[str], **kwargs) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, str(ROOT / "main.py"), *argv], cwd=setup.folder,
                            env=setup.env, stdout=subprocess.DEVNULL, **kwargs)


def file_grew(archive: Path, size: int) -> bool:
    try:
        return archive.stat().st_size > size
    except OSError:
        return False


def has_written(archive: Path) -> bool:
    """The operation has begun writing: its log holds frames or a backup is being made."""
    wal = Path(str(archive) + "-wal")
    try:
        if wal.exists() and wal.stat().st_size > 0:
            return True
    except OSError:
        pass
    return archive.with_name(archive.stem + "-backups").exists()


def run_to_end(setup: Setup, argv: list[str], archive: Path | None = None,
               checkpoint: bool = False) -> tuple[float, float]:
    """Run to the end; (seconds in all, seconds to the first write to ``archive``, or
    with ``checkpoint`` to when the archive file itself first grows: the log being
    copied into it)."""
    size = archive.stat().st_size if archive is not None and archive.exists() else 0
    with tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        proc = program(setup, argv, stderr=err)
        first_write = None
        log_gone = None
        wal = Path(str(archive) + "-wal") if archive is not None else None
        while proc.poll() is None:
            if first_write is None and archive is not None and (
                    file_grew(archive, size) if checkpoint else has_written(archive)):
                first_write = time.perf_counter() - started
            if checkpoint and first_write is not None and log_gone is None and not wal.exists():
                log_gone = time.perf_counter() - started
            time.sleep(0.0005 if checkpoint else 0.002)
        elapsed = time.perf_counter() - started
        if proc.returncode not in (0, 1):
            err.seek(0)
            raise SystemExit(f"'main.py {' '.join(argv)}' failed ({proc.returncode}):\n"
                             f"{err.read().decode(errors='replace')}")
    if checkpoint:
        setup.checkpoint_spans.append((log_gone or elapsed) - (first_write or elapsed))
    return elapsed, elapsed if first_write is None else first_write


def prepare(folder: Path, reference_runs: int) -> Setup:
    env = dict(os.environ)
    env["KEHU_SETTINGS_DIR"] = str(folder / "settings")
    env["XDG_CONFIG_HOME"] = str(folder / "xdg")
    env.pop("KEHU_RULES_DIR", None)
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env["KEHU_PASSPHRASE"] = PASSPHRASE       # plain archives ignore it
    setup = Setup(folder, env)

    empty = folder / "base-import.kehu"
    database.Archive.create(empty).close()
    sealed = folder / "base-import-enc.kehu"
    database.Archive.create(sealed, passphrase=PASSPHRASE).close()
    setup.bases["import-enc"] = setup.bases["checkpoint"] = sealed
    setup.commands["import-enc"] = setup.commands["checkpoint"] = [
        "import", "{archive}", str(folder / "customers.csv")]
    write_customers_csv(folder / "customers.csv", IMPORT_ROWS)
    setup.bases["import"] = empty
    setup.commands["import"] = ["import", "{archive}", str(folder / "customers.csv")]

    demo = folder / "base-demo.kehu"
    run_to_end(setup, ["demo", str(demo), "--customers", str(DEMO_CUSTOMERS), "--no-grades"])
    setup.bases["grade"] = setup.bases["plan"] = demo
    setup.commands["grade"] = ["grade", "{archive}"]
    setup.commands["plan"] = ["plan", "{archive}", "--seconds", "0.5"]
    from model.archive import encryption
    demo_sealed = folder / "base-demo-enc.kehu"
    shutil.copyfile(demo, demo_sealed)
    opened, _left = encryption.encrypt(database.Archive.open(demo_sealed), PASSPHRASE)
    opened.close()
    shutil.rmtree(demo_sealed.with_name(demo_sealed.stem + "-backups"), ignore_errors=True)
    setup.bases["backup"] = demo_sealed
    setup.commands["backup"] = ["backup", "{archive}"]

    for operation in OPERATIONS:
        setup.before[operation] = counts(setup.bases[operation], TABLES[operation])
        times, writes, spans = [], [], []
        for n in range(reference_runs):
            target = folder / f"reference-{operation}-{n}.kehu"
            copy_base(setup.bases[operation], target)
            elapsed, first_write = run_to_end(setup, argv_for(setup, operation, target), target,
                                              checkpoint=operation == "checkpoint")
            times.append(elapsed)
            writes.append(first_write)
            spans.append(elapsed - first_write)
            after = counts(target, TABLES[operation])
            if n and after != setup.after[operation]:
                raise SystemExit(f"{operation}: two uncut runs wrote different counts "
                                 f"({setup.after[operation]} and {after})")
            setup.after[operation] = after
        setup.duration[operation] = statistics.median(times)
        setup.first_write[operation] = min(statistics.median(writes), setup.duration[operation])
        setup.span[operation] = statistics.median(spans)
        if setup.after[operation] == setup.before[operation]:
            raise SystemExit(f"{operation}: an uncut run wrote nothing; the test would prove nothing")
    return setup


def copy_base(base: Path, target: Path) -> None:
    for extra in ("", "-wal", "-shm"):
        Path(str(target) + extra).unlink(missing_ok=True)
    backups = target.with_name(target.stem + "-backups")
    shutil.rmtree(backups, ignore_errors=True)
    shutil.copyfile(base, target)


def argv_for(setup: Setup, operation: str, archive: Path) -> list[str]:
    return [str(archive) if a == "{archive}" else a for a in setup.commands[operation]]


def judge(setup: Setup, operation: str, archive: Path) -> tuple[str, str]:
    """The archive's state after a kill: absent, whole, partial, corrupt or locked-out (with why)."""
    key = key_of(archive)
    if operation in ENCRYPTED:
        if key is None:
            return "corrupt", "no longer looks encrypted"
        try:
            # What the program does with the right passphrase: 'check' (writing nothing), then open.
            key = database.unlock(archive, PASSPHRASE)
            report = database.check_file(archive, key)
            if not report.ok:
                return "corrupt", f"check: {'; '.join(report.problems[:3])}"
            database.Archive.open(archive, PASSPHRASE).close()
        except database.WrongPassphrase as exc:
            return "locked-out", str(exc)
        except database.ArchiveError as exc:
            return "corrupt", f"the program refuses it: {exc}"
    try:
        conn = database.connect(archive, passphrase=key)
        try:
            result = [r[0] for r in conn.execute("PRAGMA integrity_check")]
        finally:
            conn.close()
    except sqlite3.Error as exc:
        return "corrupt", f"cannot be read: {exc}"
    if result != ["ok"]:
        return "corrupt", "; ".join(result[:3])
    try:
        database.Archive.open(archive, PASSPHRASE if key is not None else None).close()
    except database.ArchiveError as exc:
        return "corrupt", f"the program refuses it: {exc}"
    backups = archive.with_name(archive.stem + "-backups")
    for copy in backups.glob("*.kehu"):
        report = database.check_file(copy, key_of(copy))
        if not report.ok:
            return "corrupt", f"backup {copy.name}: {'; '.join(report.problems[:3])}"
    leftovers = [p.name for p in backups.glob("*.partial")]
    if leftovers:
        return "partial", f"an unfinished backup left after the archive was opened again: {leftovers}"
    found = counts(archive, TABLES[operation])
    if found == setup.before[operation]:
        return "absent", ""
    if found == setup.after[operation] and (operation != "plan" or plan_complete(archive)):
        return "whole", ""
    return "partial", f"found {found}, expected {setup.before[operation]} or {setup.after[operation]}"


def plan_complete(archive: Path) -> bool:
    """The saved plan holds every visit its creation was logged with (planned and not)."""
    conn = database.connect(archive, passphrase=key_of(archive))
    try:
        for plan_id, detail in conn.execute("SELECT plan_id, detail FROM plan_changes"
                                            " WHERE action = 'created'").fetchall():
            logged = json.loads(detail)
            stored = conn.execute("SELECT count(*) FROM plan_visits WHERE plan_id = ?",
                                  (plan_id,)).fetchone()[0]
            if stored != logged["planned"] + logged["unplanned"]:
                return False
        return True
    finally:
        conn.close()


def crash_once(setup: Setup, operation: str, number: int, rng: random.Random) -> Outcome:
    archive = setup.folder / f"run-{operation}.kehu"
    copy_base(setup.bases[operation], archive)
    size = archive.stat().st_size
    proc = program(setup, argv_for(setup, operation, archive), stderr=subprocess.DEVNULL)
    started = time.perf_counter()
    finished = False
    # The kill is timed from this run's own first write (on a shared machine the start of
    # Python alone varies by more than a checkpoint lasts): a time drawn uniformly from
    # the span the uncut runs took from their first write to their end. For the
    # checkpoint, the first write is the archive file starting to grow, and the span is
    # how long the uncut runs took to copy the log into it.
    if operation == "checkpoint":
        span = statistics.median(setup.checkpoint_spans) if setup.checkpoint_spans else 0.02
        written = lambda: file_grew(archive, size)  # noqa: E731
    else:
        span = setup.span[operation]
        written = lambda: has_written(archive)  # noqa: E731
    while not written() and proc.poll() is None:
        time.sleep(0.0002)
    first_write = time.perf_counter() - started
    kill_at = first_write + rng.uniform(0, span)
    duration = first_write + span
    try:
        proc.wait(timeout=max(0.0, kill_at - (time.perf_counter() - started)))
        finished = True
    except subprocess.TimeoutExpired:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    elapsed = time.perf_counter() - started
    wal = Path(str(archive) + "-wal")
    log_bytes = wal.stat().st_size if wal.exists() else 0
    state, detail = judge(setup, operation, archive)
    window = max(duration - first_write, 1e-9)
    outcome = Outcome(operation, elapsed if finished else kill_at, (kill_at - first_write) / window, finished,
                      state, detail, log_bytes)
    if state in ("corrupt", "partial", "locked-out"):
        keep = setup.folder / f"failed-{operation}-{number}.kehu"
        shutil.copyfile(archive, keep)
        if wal.exists():
            shutil.copyfile(wal, str(keep) + "-wal")
        outcome.detail += f" (kept as {keep})"
    return outcome


def histogram(outcomes: list[Outcome]) -> list[int]:
    bins = [0] * BINS
    for o in outcomes:
        bins[min(BINS - 1, int(o.fraction * BINS))] += 1
    return bins


def report(setup: Setup, outcomes: list[Outcome], seconds: float) -> bool:
    print()
    print(f"{'operation':<11}{'writes':>14}{'runs':>6}{'corrupt':>9}{'partial':>9}{'locked-out':>12}"
          f"{'absent':>8}{'whole':>7}{'killed writing':>16}{'ended before kill':>19}")
    states = ("corrupt", "partial", "locked-out", "absent", "whole")
    total = {"runs": 0, "writing": 0, "ended": 0, **{state: 0 for state in states}}
    for operation in OPERATIONS:
        mine = [o for o in outcomes if o.operation == operation]
        row = {"runs": len(mine), "ended": sum(o.finished_first for o in mine),
               "writing": sum(bool(o.log_bytes) and not o.finished_first for o in mine)}
        for state in states:
            row[state] = sum(o.state == state for o in mine)
        for key in total:
            total[key] += row[key]
        span = (statistics.median(setup.checkpoint_spans) if operation == "checkpoint" and setup.checkpoint_spans
                else setup.span[operation])
        window = f"+{span:.3f}s"
        print(f"{operation:<11}{window:>14}{row['runs']:>6}{row['corrupt']:>9}{row['partial']:>9}"
              f"{row['locked-out']:>12}{row['absent']:>8}{row['whole']:>7}{row['writing']:>16}{row['ended']:>19}")
    print(f"{'total':<11}{'':>14}{total['runs']:>6}{total['corrupt']:>9}{total['partial']:>9}"
          f"{total['locked-out']:>12}{total['absent']:>8}{total['whole']:>7}{total['writing']:>16}"
          f"{total['ended']:>19}")
    print("(writes: how long after its first write each operation is killed, at most;\n"
          " killed writing: the kill came after the operation began writing to the archive, its\n"
          " write-ahead log holding frames, and before the program ended)")
    print()
    print("Kill times, as a share of each operation's span after its first write (runs per tenth):")
    print(f"{'':<11}" + "".join(f"{f'{10 * i}-{10 * i + 10}%':>8}" for i in range(BINS)))
    for operation in OPERATIONS:
        bins = histogram([o for o in outcomes if o.operation == operation])
        print(f"{operation:<11}" + "".join(f"{n:>8}" for n in bins))
    failed = [o for o in outcomes if o.state in ("corrupt", "partial", "locked-out")]
    for o in failed:
        print(f"  {o.operation} killed at {o.kill_at:.3f} s: {o.state}: {o.detail}")
    print()
    print(f"runs {total['runs']}, corrupt {total['corrupt']}, partial {total['partial']}, "
          f"locked-out {total['locked-out']} (target {total['runs']} / 0 / 0 / 0); {seconds:.0f} s in all")
    return not failed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=200, help="kills in total, split over the "
                        "three operations (default 200)")
    parser.add_argument("--seed", type=int, default=None, help="for the kill times (default: random)")
    parser.add_argument("--reference-runs", type=int, default=3,
                        help="uncut runs of each operation to measure it (the median is used; default 3)")
    parser.add_argument("--keep", type=Path, metavar="DIR",
                        help="work in DIR and leave it (default: a temporary folder, removed)")
    args = parser.parse_args(argv)
    if sys.platform == "win32":
        raise SystemExit("The crash test needs SIGKILL (Linux or macOS).")
    seed = args.seed if args.seed is not None else random.randrange(1 << 30)
    rng = random.Random(seed)
    began = time.perf_counter()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="kehu-crash-"))
    folder.mkdir(parents=True, exist_ok=True)
    print(f"Preparing in {folder} (seed {seed}): a {IMPORT_ROWS:,}-row file, a "
          f"{DEMO_CUSTOMERS:,}-customer demo archive, {args.reference_runs} uncut runs of each "
          "operation…", flush=True)
    setup = prepare(folder, max(1, args.reference_runs))
    for operation in OPERATIONS:
        print(f"  {operation}: {setup.duration[operation]:.2f} s, first write at "
              f"{setup.first_write[operation]:.2f} s, writes "
              + ", ".join(f"{t} {setup.before[operation][t]}→{n}"
                          for t, n in setup.after[operation].items()), flush=True)
    if setup.checkpoint_spans:
        print(f"  checkpoint: the log is copied into the file in "
              f"{1000 * statistics.median(setup.checkpoint_spans):.0f} ms (median); each kill falls in it",
              flush=True)
    order = [OPERATIONS[i % len(OPERATIONS)] for i in range(args.runs)]
    rng.shuffle(order)
    outcomes = []
    for number, operation in enumerate(order, 1):
        outcome = crash_once(setup, operation, number, rng)
        outcomes.append(outcome)
        mark = "." if outcome.state in ("absent", "whole") else "X"
        print(mark, end="" if number % 50 else f" {number}\n", flush=True)
    ok = report(setup, outcomes, time.perf_counter() - began)
    if ok and args.keep is None:
        shutil.rmtree(folder, ignore_errors=True)
    elif not ok:
        print(f"The archives that failed are kept in {folder}.")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
