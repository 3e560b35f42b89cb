"""Faults from outside, each through the real command in its own process: the exit
code, the one-sentence message, and that every archive file is byte for byte as it
was where nothing should change (issue 14).

Read-only places: when the tests run as root (who may write anywhere), the folder or
file is bind-mounted read-only in a private mount namespace (``unshare -m``), the
way a CD, a locked share or a read-only USB stick behaves; in a chroot, where that
cannot be had, it is made immutable (chattr +i); otherwise its rights are taken
away (chmod).
"""
from __future__ import annotations

import csv
import hashlib
import os
import shutil
import stat
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

from model.archive import backup, database
from model.customers import customers
from model.archive.database import Archive, sqlite3

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
PASS = "correct horse battery 7"
PAGE = 4096


def run(tmp_path: Path, *args, passphrase: str | None = None, read_only=(), umask: int | None = None,
        timeout: int = 180) -> subprocess.CompletedProcess:
    """``python main.py ARGS`` in its own process, English, its own settings and state."""
    home = tmp_path / "home"
    home.mkdir(exist_ok=True)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(home), "XDG_CONFIG_HOME": str(home),
           "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "LANGUAGE": "en", "PYTHONDONTWRITEBYTECODE": "1",
           "KEHU_USER": "李经理"}
    env.pop("KEHU_PASSPHRASE", None)
    if passphrase is not None:
        env["KEHU_PASSPHRASE"] = passphrase
    argv = [sys.executable, str(ROOT / "main.py"), *map(str, args)]
    restore = []
    if read_only:
        if os.geteuid() == 0 and not _private_mounts():
            # A chroot (the fresh-machine check) cannot make a private mount namespace:
            # the immutable attribute stops even root from writing there.
            for p in read_only:
                subprocess.run(["chattr", "+i", str(p)], check=True)
            restore.extend((p, None) for p in read_only)
        elif os.geteuid() == 0:
            mounts = "; ".join(f"mount --bind '{p}' '{p}' && mount -o remount,bind,ro '{p}'" for p in read_only)
            argv = ["unshare", "-m", "sh", "-c", f"{mounts} && exec \"$@\"", "sh", *argv]
        else:
            for p in read_only:
                restore.append((p, stat.S_IMODE(os.stat(p).st_mode)))
                os.chmod(p, 0o555 if Path(p).is_dir() else 0o444)
    try:
        return subprocess.run(argv, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=timeout,
                              stdin=subprocess.DEVNULL,
                              preexec_fn=(lambda: os.umask(umask)) if umask is not None else None)
    finally:
        for p, mode in restore:
            if mode is None:
                subprocess.run(["chattr", "-i", str(p)], check=True)
            else:
                os.chmod(p, mode)


_PRIVATE_MOUNTS: list[bool] = []


def _private_mounts() -> bool:
    """Whether ``unshare -m`` works here (not inside a chroot whose root is no mount point)."""
    if not _PRIVATE_MOUNTS:
        done = subprocess.run(["unshare", "-m", "true"], capture_output=True)
        _PRIVATE_MOUNTS.append(done.returncode == 0)
    return _PRIVATE_MOUNTS[0]


def files(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` (the archive, its log, lock, backups), by content hash."""
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def one_sentence_error(done: subprocess.CompletedProcess) -> str:
    assert done.returncode == 2, (done.returncode, done.stdout, done.stderr)
    assert "Traceback" not in done.stderr and done.stderr.strip().count("\n") == 0, done.stderr
    return done.stderr


def make_archive(folder: Path, *, passphrase: str | None = None, count: int = 60,
                 with_backup: bool = True) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "shop.kehu"
    with Archive.create(path, passphrase=passphrase) as archive:
        with archive.transaction():
            for i in range(count):
                customers.create(archive.conn, {"name": f"客户{i}", "phone": f"1380000{i:04d}",
                                                "notes": f"note-{i:04d} " + "备注" * 80}, by="t")
        if with_backup:
            backup.make_backup(archive.conn, path)
    return path


def customer_count(path: Path, passphrase: str | None = None) -> int:
    conn = database.connect(path, passphrase=passphrase)
    try:
        return conn.execute("SELECT count(*) FROM customers").fetchone()[0]
    finally:
        conn.close()


# -- 1. killed while the log was being copied into the file ----------------------------

def killed_during_checkpoint(folder: Path) -> tuple[Path, int]:
    """An encrypted archive after an import whose checkpoint was cut off: half of the
    log's pages copied into the file, the log still there."""
    path = make_archive(folder, passphrase=PASS)
    conn = database.connect(path, passphrase=database.derive_key(PASS, database.read_salt(path)))
    conn.execute("PRAGMA wal_autocheckpoint = 0")
    with database.transaction(conn):
        for i in range(300):
            customers.create(conn, {"name": f"新客户{i}", "notes": "新" * 400}, by="import")
    frozen = folder / "frozen"
    frozen.mkdir()
    shutil.copyfile(path, frozen / path.name)
    shutil.copyfile(str(path) + "-wal", frozen / (path.name + "-wal"))
    conn.close()
    from model.archive import archive_check
    target = frozen / path.name
    log = archive_check.read_wal(target)
    data = bytearray(target.read_bytes())
    for n, (pgno, page) in enumerate(sorted(log.committed.items())):
        if n % 2 == 0:      # the checkpoint got through every other page before the kill
            end = pgno * PAGE
            if len(data) < end:
                data.extend(bytes(end - len(data)))
            data[end - PAGE:end] = page
    target.write_bytes(bytes(data))
    shutil.copytree(backup.backup_dir(path), backup.backup_dir(target))
    return target, 360


def test_right_passphrase_opens_an_archive_killed_during_its_checkpoint(tmp_path):
    path, rows = killed_during_checkpoint(tmp_path / "a")
    before = files(path.parent)
    done = run(tmp_path, "check", path, passphrase=PASS)
    assert done.returncode == 0 and "healthy" in done.stdout, done.stdout + done.stderr
    assert files(path.parent) == before           # check wrote nothing, not even a -shm
    wrong = run(tmp_path, "check", path, passphrase="not the passphrase")
    assert "does not open" in one_sentence_error(wrong) and "damaged" not in wrong.stderr
    assert files(path.parent) == before
    out = tmp_path / "all.csv"
    done = run(tmp_path, "export", path, out, "--reason", "test", passphrase=PASS)
    assert done.returncode == 0, done.stderr
    with open(out, encoding="utf-8-sig", newline="") as handle:
        assert len(list(csv.DictReader(handle))) == rows
    assert customer_count(path, database.derive_key(PASS, database.read_salt(path))) == rows


# -- 2. damage is not a wrong passphrase -------------------------------------------------

def damaged_copies(folder: Path) -> dict[str, Path]:
    path = make_archive(folder / "base", passphrase=PASS)
    data = path.read_bytes()
    cases = {}

    def case(name: str, content: bytes) -> None:
        target = folder / name / path.name
        target.parent.mkdir()
        target.write_bytes(content)
        shutil.copytree(backup.backup_dir(path), backup.backup_dir(target))
        cases[name] = target
    flipped = bytearray(data)
    flipped[2000] ^= 0x01
    case("page-1-byte", bytes(flipped))
    salted = bytearray(data)
    salted[3] ^= 0x40
    case("salt-byte", bytes(salted))
    case("cut-in-half", data[:len(data) // 2])
    case("cut-mid-page", data[:len(data) // 2 + 1234])
    case("empty", b"")
    return cases


def test_damage_is_reported_as_damage_with_the_last_backup(tmp_path):
    for name, path in damaged_copies(tmp_path).items():
        last = backup.latest_backup(path)
        before = files(path.parent)
        done = run(tmp_path, "check", path, passphrase=PASS)
        assert done.returncode == 1, (name, done.stdout, done.stderr)
        assert "damaged" in done.stdout and last.name in done.stdout, (name, done.stdout)
        assert "passphrase does not open" not in done.stdout + done.stderr, name
        opened = run(tmp_path, "export", path, tmp_path / f"{name}.csv", passphrase=PASS)
        message = one_sentence_error(opened)
        assert "damaged" in message and last.name in message and "does not open" not in message, (name, message)
        assert files(path.parent) == before, name
        assert not (tmp_path / f"{name}.csv").exists()


def test_a_wrong_passphrase_on_a_healthy_archive_is_still_called_wrong(tmp_path):
    path = make_archive(tmp_path / "w", passphrase=PASS)
    before = files(path.parent)
    message = one_sentence_error(run(tmp_path, "export", path, tmp_path / "x.csv", passphrase="guess 1"))
    assert "does not open" in message and "damaged" not in message
    assert files(path.parent) == before


# -- 3. an empty file ------------------------------------------------------------------------

def test_an_empty_archive_file_is_damaged_for_check_and_for_opening(tmp_path):
    folder = tmp_path / "z"
    folder.mkdir()
    path = folder / "empty.kehu"
    path.write_bytes(b"")
    done = run(tmp_path, "check", path)
    assert done.returncode == 1 and "damaged" in done.stdout and "empty" in done.stdout, done.stdout
    message = one_sentence_error(run(tmp_path, "export", path, tmp_path / "x.csv"))
    assert "damaged" in message
    assert path.read_bytes() == b"" and sorted(p.name for p in folder.iterdir()) == ["empty.kehu"]


# -- 4. a changed byte inside a stored text ----------------------------------------------------

def test_damaged_text_is_found_by_check_and_exported_replaced_with_a_warning(tmp_path):
    path = make_archive(tmp_path / "t", with_backup=False)
    data = bytearray(path.read_bytes())
    at = data.index(b"note-0007")
    data[at + 5] = 0xFF                       # no longer UTF-8
    path.write_bytes(bytes(data))
    before = files(path.parent)
    done = run(tmp_path, "check", path)
    assert done.returncode == 1 and "notes" in done.stdout and "customers" in done.stdout, done.stdout
    assert files(path.parent) == before
    out = tmp_path / "out.csv"
    done = run(tmp_path, "export", path, out)
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr
    assert "1 records hold text damaged" in done.stderr, done.stderr
    with open(out, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 60 and sum("\ufffd" in r["notes"] for r in rows) == 1
    xlsx = run(tmp_path, "export", path, tmp_path / "out.xlsx")
    assert xlsx.returncode == 0 and "damaged" in xlsx.stderr, xlsx.stderr


# -- 5. read-only places --------------------------------------------------------------------------

def test_an_archive_in_a_read_only_folder(tmp_path):
    path = make_archive(tmp_path / "ro")
    source = tmp_path / "c.csv"
    source.write_text("姓名,手机\n张三,13800138000\n", encoding="utf-8")
    before = files(path.parent)
    for args in (("import", path, source), ("export", path, tmp_path / "x.csv")):
        message = one_sentence_error(run(tmp_path, *args, read_only=[path.parent]))
        assert "cannot be written" in message and "read-only" in message, message
    done = run(tmp_path, "check", path, read_only=[path.parent])
    assert done.returncode == 0 and "healthy" in done.stdout, done.stdout + done.stderr
    assert files(path.parent) == before


def test_a_read_only_archive_file(tmp_path):
    path = make_archive(tmp_path / "rf")
    before = files(path.parent)
    done = run(tmp_path, "check", path, read_only=[path])
    assert done.returncode == 0 and "healthy" in done.stdout, done.stdout + done.stderr
    assert files(path.parent) == before                       # no -wal, no -shm left behind
    message = one_sentence_error(run(tmp_path, "grade", path, read_only=[path]))
    assert "read-only" in message
    assert files(path.parent) == before


def test_an_archive_path_that_is_a_folder(tmp_path):
    folder = tmp_path / "shop.kehu"
    folder.mkdir()
    source = tmp_path / "c.csv"
    source.write_text("姓名,手机\n张三,13800138000\n", encoding="utf-8")
    for args in (("export", folder, tmp_path / "x.csv"), ("import", folder, source), ("backup", folder),
                 ("grade", folder), ("check", folder)):
        message = one_sentence_error(run(tmp_path, *args))
        assert "is a folder" in message, (args, message)
    assert list(folder.iterdir()) == [] and not (tmp_path / "shop.kehu.lock").exists()


# -- 6. formulas in the plan CSV ------------------------------------------------------------------

def plan_archive(folder: Path) -> tuple[Path, date]:
    from tests.planning_data import customer
    start = date(2026, 11, 2)          # a Monday
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "plan.kehu"
    with Archive.create(path) as archive:
        with archive.transaction():
            customer(archive.conn, '=HYPERLINK("http://evil.example","open")', area="@SUM(1+1)",
                     lat=31.23, lon=121.47, tier="A", last_visit=start - timedelta(days=60))
            customer(archive.conn, "+cmd|' /C calc'!A0", area="-2+3", lat=31.231, lon=121.471, tier="A",
                     last_visit=start - timedelta(days=60))
    return path, start


def test_plan_csv_neutralises_formulas(tmp_path):
    path, start = plan_archive(tmp_path / "p")
    out = tmp_path / "plan.csv"
    done = run(tmp_path, "plan", path, "--start", start.isoformat(), "--days", "2", "--seconds", "0.3",
               "--csv", out)
    assert done.returncode == 0, done.stderr
    with open(out, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    cells = {r["name"] for r in rows} | {r["area"] for r in rows}
    assert cells == {"'=HYPERLINK(\"http://evil.example\",\"open\")", "'@SUM(1+1)", "'+cmd|' /C calc'!A0",
                     "'-2+3"}


# -- 7. owner-only files ----------------------------------------------------------------------------

@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_everything_the_program_writes_is_owner_only(tmp_path):
    path, start = plan_archive(tmp_path / "own")
    shutil.rmtree(path.parent)
    work = tmp_path / "own"
    work.mkdir()
    path = work / "plan.kehu"
    done = run(tmp_path, "new", path, "--plain", umask=0o022)
    assert done.returncode == 0, done.stderr
    source = tmp_path / "c.csv"
    source.write_text("姓名,手机\n张三,13800138000\n李四,不是电话\n", encoding="utf-8")
    outputs = tmp_path / "out"
    outputs.mkdir()
    steps = [("import", path, source, "--rejects", outputs / "rejects.csv"),
             ("backup", path), ("export", path, outputs / "all.csv"), ("export", path, outputs / "all.xlsx")]
    for args in steps:
        done = run(tmp_path, *args, umask=0o022)
        assert done.returncode in (0, 1), (args, done.stderr)
    plan_path, start = plan_archive(tmp_path / "pl")
    done = run(tmp_path, "plan", plan_path, "--start", start.isoformat(), "--days", "2", "--seconds", "0.3",
               "--csv", outputs / "plan.csv", "--ics", outputs / "plan.ics", "--pdf", outputs / "plan.pdf",
               umask=0o022)
    assert done.returncode == 0, done.stderr
    made = [p for p in [*work.rglob("*"), *outputs.rglob("*")]]
    assert {p.name for p in outputs.iterdir()} >= {"rejects.csv", "all.csv", "all.xlsx", "plan.csv",
                                                   "plan.ics", "plan.pdf"}
    assert any(p.suffix == ".kehu" for p in backup.backup_dir(path).iterdir())
    loose = {str(p): oct(stat.S_IMODE(p.stat().st_mode)) for p in made
             if stat.S_IMODE(p.stat().st_mode) != (0o700 if p.is_dir() else 0o600)}
    assert loose == {}


# -- 8. what a killed backup leaves --------------------------------------------------------------

def test_a_killed_backups_partial_file_is_removed(tmp_path):
    path = make_archive(tmp_path / "k")
    folder = backup.backup_dir(path)
    partial = folder / f"{path.stem}-20261201-101010.kehu.partial"
    partial.write_bytes(path.read_bytes())
    manifest = folder / f"{path.stem}-20261201-101010.kehu.json.partial"
    manifest.write_text("{", encoding="utf-8")
    done = run(tmp_path, "export", path, tmp_path / "x.csv")      # any open cleans up
    assert done.returncode == 0, done.stderr
    assert not partial.exists() and not manifest.exists()
    partial.write_bytes(b"x" * 5000)
    done = run(tmp_path, "backup", path)
    assert done.returncode == 0 and not partial.exists(), done.stderr
    assert not list(folder.glob("*.partial"))


# -- 9. wrong tries counted across runs ----------------------------------------------------------

def test_wrong_tries_are_counted_across_runs_outside_the_archive(tmp_path):
    path = make_archive(tmp_path / "g", passphrase=PASS, count=5, with_backup=False)
    before = files(path.parent)
    messages = [one_sentence_error(run(tmp_path, "check", path, passphrase=f"guess {n}")) for n in range(5)]
    assert "wrong tries" not in messages[0]
    assert "After 5 wrong tries" in messages[4] and "2 s" in messages[4], messages[4]
    assert files(path.parent) == before                    # nothing beside or in the archive
    state = list((tmp_path / "home").rglob("passphrase-tries.json"))
    assert len(state) == 1 and str(path) not in state[0].read_text()
    done = run(tmp_path, "check", path, passphrase=PASS)   # waits its turn, then resets the count
    assert done.returncode == 0, done.stderr
    assert "wrong tries" not in one_sentence_error(run(tmp_path, "check", path, passphrase="guess again"))


def test_connections_read_damaged_text_without_failing(tmp_path):
    path = tmp_path / "d.kehu"
    with Archive.create(path) as archive:
        archive.conn.execute("CREATE TABLE t(x TEXT)")
        archive.conn.execute("INSERT INTO t VALUES (CAST(X'61FF62' AS TEXT))")
        assert archive.conn.execute("SELECT x FROM t").fetchone()[0] == "a\ufffdb"
    with pytest.raises(sqlite3.OperationalError):
        plain = sqlite3.connect(str(path))
        try:
            plain.execute("SELECT x FROM t").fetchone()
        finally:
            plain.close()
