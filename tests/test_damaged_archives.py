"""A corpus of 100 damaged archives (seeded): the program never crashes or hangs on one.

Each is a copy of one small archive (with a verified backup beside it) with bytes
damaged in one of these ways: the file header, a b-tree page's header or cells, a
whole page zeroed, the file cut short, a page of random bytes, or a frame of the
write-ahead log left by a program that was killed. Opening it either works, and
then the archive is really healthy (a full integrity check agrees), or raises
ArchiveDamaged naming the last good backup and leaves the file byte for byte as
it was. ``check`` on the command line says the same and exits 1.
"""
from __future__ import annotations

import hashlib
import random
import shutil
import signal
from pathlib import Path

import pytest

from model import backup, customers, database
from model.database import Archive, ArchiveDamaged, sqlite3

CASES = 100
SEED = 20261122
PAGE = 4096
KINDS = ("header", "page-header", "cells", "zero-page", "truncate", "random-page", "wal")


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    """A plain archive of a few dozen pages, its backup, and a copy with an unfinished WAL."""
    folder = tmp_path_factory.mktemp("sample")
    path = folder / "shop.kehu"
    with Archive.create(path) as archive:
        with archive.transaction():
            for i in range(120):
                customers.create(archive.conn, {"name": f"客户{i}", "phone": f"1380000{i:04d}",
                                                "address": f"幸福路{i}号", "notes": "备注" * 60}, by="t")
        made = backup.make_backup(archive.conn, path)
    # The WAL a killed program leaves: committed frames not yet copied into the file.
    wal_dir = folder / "wal"
    wal_dir.mkdir()
    wal_path = wal_dir / "shop.kehu"
    shutil.copyfile(path, wal_path)
    conn = database.connect(wal_path)
    conn.execute("PRAGMA wal_autocheckpoint = 0")
    with database.transaction(conn):
        for i in range(40):
            customers.create(conn, {"name": f"新客户{i}", "notes": "新" * 300}, by="t")
    shutil.copyfile(wal_path, folder / "frozen.kehu")
    shutil.copyfile(str(wal_path) + "-wal", folder / "frozen.kehu-wal")
    conn.close()
    return {"path": path, "backups": backup.backup_dir(path), "backup": made,
            "frozen": folder / "frozen.kehu"}


def damage(rng: random.Random, kind: str, path: Path) -> str:
    """Damage the archive at ``path`` in place; a description for failure messages."""
    data = bytearray(path.read_bytes())
    pages = len(data) // PAGE
    if kind == "header":
        start = rng.choice([0, rng.randrange(16, 100)])
        length = rng.randrange(1, 16)
        for i in range(start, min(start + length, 100)):
            data[i] = rng.randrange(256)
        how = f"header bytes {start}..{start + length}"
    elif kind == "page-header":
        page = rng.randrange(1, pages)
        for i in range(page * PAGE, page * PAGE + 12):
            data[i] = rng.randrange(256)
        how = f"b-tree header of page {page + 1}"
    elif kind == "cells":
        page = rng.randrange(1, pages)
        start = page * PAGE + rng.randrange(12, PAGE - 64)
        for i in range(start, start + rng.randrange(4, 64)):
            data[i] = rng.randrange(256)
        how = f"cells of page {page + 1} at {start}"
    elif kind == "zero-page":
        page = rng.randrange(1, pages)
        data[page * PAGE:(page + 1) * PAGE] = bytes(PAGE)
        how = f"page {page + 1} zeroed"
    elif kind == "truncate":
        cut = rng.choice([rng.randrange(1, pages) * PAGE, rng.randrange(100, len(data))])
        del data[cut:]
        how = f"cut at byte {cut} of {pages * PAGE}"
    elif kind == "random-page":
        # Not the first page: a plain archive whose whole first page is random cannot be
        # told from an encrypted one (it is asked for its passphrase).
        page = rng.randrange(1, pages)
        data[page * PAGE:(page + 1) * PAGE] = rng.randbytes(PAGE)
        how = f"page {page + 1} random"
    else:
        wal = Path(str(path) + "-wal")
        frames = bytearray(wal.read_bytes())
        start = rng.randrange(32, len(frames) - 64)
        for i in range(start, start + rng.randrange(1, 64)):
            frames[i] = rng.randrange(256)
        wal.write_bytes(frames)
        return f"WAL bytes at {start}"
    path.write_bytes(bytes(data))
    return how


def files_digest(path: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(path.parent.glob(path.name + "*")) if not p.name.endswith(".lock")}


class Hang(Exception):
    pass


def _alarm(signum, frame):
    raise Hang()


def make_case(sample, tmp_path: Path, number: int, rng: random.Random) -> tuple[Path, str, str]:
    kind = KINDS[number % len(KINDS)]
    folder = tmp_path / f"case{number}"
    folder.mkdir()
    path = folder / "shop.kehu"
    if kind == "wal":
        shutil.copyfile(sample["frozen"], path)
        shutil.copyfile(str(sample["frozen"]) + "-wal", str(path) + "-wal")
    else:
        shutil.copyfile(sample["path"], path)
    shutil.copytree(sample["backups"], backup.backup_dir(path))
    return path, kind, damage(rng, kind, path)


def test_one_hundred_damaged_archives(sample, tmp_path, qapp, capsys):
    from cli import run_cli
    from model import settings
    settings.put(settings.LANGUAGE, "en")
    rng = random.Random(SEED)
    outcomes = {"opened": 0, "damaged": 0, "value": 0}
    previous = signal.signal(signal.SIGALRM, _alarm)
    try:
        for number in range(CASES):
            path, kind, how = make_case(sample, tmp_path, number, rng)
            where = f"case {number} ({kind}: {how})"
            before = files_digest(path)
            signal.alarm(20)
            try:
                try:
                    archive = Archive.open(path)
                except ArchiveDamaged as exc:
                    outcomes["damaged"] += 1
                    backup_copy = backup.backup_dir(path) / sample["backup"].name
                    assert exc.last_backup == backup_copy, where
                    assert backup_copy.name in str(exc) and "damaged" in str(exc), where
                    after = files_digest(path)
                    assert {k: after[k] for k in before} == before, f"{where}: a refused archive was changed"
                    for extra in set(after) - set(before):   # SQLite's read-only look: an empty log
                        assert extra.endswith("-shm") or Path(path.parent / extra).stat().st_size == 0, where
                    if number % 7 == 0:    # the command line says the same
                        assert run_cli(["check", str(path)]) == 1, where
                        out = capsys.readouterr().out
                        assert "damaged" in out and backup_copy.name in out, where
                else:
                    outcomes["opened"] += 1
                    try:           # damage in unused space: then it is really healthy
                        full = database.connect(path, read_only=True)
                        full.text_factory = lambda data: data.decode("utf-8", "replace")
                        result = [r[0] for r in full.execute("PRAGMA integrity_check")]
                        full.close()
                        assert result == ["ok"], f"{where}: opened but {result[:3]}"
                        for (table,) in archive.conn.execute(
                                "SELECT name FROM sqlite_master WHERE type = 'table'"
                                " AND sql NOT LIKE 'CREATE VIRTUAL%'").fetchall():
                            archive.conn.execute(f'SELECT * FROM "{table}"').fetchall()
                    except (sqlite3.OperationalError, UnicodeDecodeError) as exc:
                        # Bytes changed inside a stored text: SQLite's checks cannot see it
                        # (the page is well formed); the value no longer reads as text.
                        assert "decode" in str(exc), f"{where}: {exc}"
                        outcomes["value"] += 1
                    finally:
                        archive.close()
                    assert database.check_file(path).ok, where
                    if number % 7 == 0:
                        assert run_cli(["check", str(path)]) == 0, where
                        capsys.readouterr()
            except Hang:
                pytest.fail(f"{where}: opening took more than 20 s")
            finally:
                signal.alarm(0)
    finally:
        signal.signal(signal.SIGALRM, previous)
    # Most damage is found; a few land where nothing is stored (free space, a page's gap).
    print(outcomes)
    assert outcomes["damaged"] >= CASES // 2 and outcomes["value"] <= CASES // 10, outcomes


def test_a_damaged_archive_without_backups_says_so(sample, tmp_path):
    path = tmp_path / "alone.kehu"
    shutil.copyfile(sample["path"], path)
    data = bytearray(path.read_bytes())
    data[PAGE:2 * PAGE] = bytes(PAGE)       # the first table's root page
    path.write_bytes(bytes(data))
    with pytest.raises(ArchiveDamaged) as caught:
        Archive.open(path)
    assert caught.value.last_backup is None and "No backup" in str(caught.value)


def test_restore_keeps_the_damaged_file_and_its_log_aside(sample, tmp_path):
    rng = random.Random(SEED)
    path, _kind, _how = make_case(sample, tmp_path, 6, rng)      # a WAL case
    data = bytearray(path.read_bytes())
    data[PAGE:2 * PAGE] = bytes(PAGE)
    path.write_bytes(bytes(data))
    log = Path(str(path) + "-wal").read_bytes()
    with pytest.raises(ArchiveDamaged) as caught:
        Archive.open(path)
    kept = backup.restore(path, caught.value.last_backup)
    assert "damaged" in kept.name and kept.read_bytes() == bytes(data)
    assert Path(str(kept) + "-wal").read_bytes() == log
    with Archive.open(path) as archive:
        assert archive.conn.execute("SELECT count(*) FROM customers").fetchone()[0] == 120


def test_the_window_offers_the_last_good_backup_and_restores_it(sample, tmp_path, qtbot, monkeypatch):
    from PySide6.QtWidgets import QDialog, QMessageBox
    from gui import archive_dialogs
    from gui.main_window import MainWindow
    rng = random.Random(SEED)
    path, _kind, _how = make_case(sample, tmp_path, 3, rng)      # page zeroed
    with pytest.raises(ArchiveDamaged):
        Archive.open(path)
    damaged_bytes = path.read_bytes()
    offered, previewed = [], []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: offered.append(
        box.text() + box.informativeText()) or QMessageBox.StandardButton.Yes)

    def choose(dialog):
        qtbot.waitUntil(lambda: dialog.fields["customers"].text() not in ("", "–"), timeout=10000)
        previewed.append({k: v.text() for k, v in dialog.fields.items()})
        return QDialog.DialogCode.Accepted
    monkeypatch.setattr(archive_dialogs.RestoreDialog, "exec", choose)
    window = MainWindow()
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.archive_changed, timeout=20000):
        window.open_archive(path)
    qtbot.waitUntil(lambda: not window.busy(), timeout=15000)
    assert "damaged" in offered[0] and sample["backup"].name in offered[0]
    assert previewed[0]["customers"] == "120" and previewed[0]["healthy"] == "Healthy"
    assert previewed[0]["newest"] not in ("", "–")
    assert window.archive is not None and window.archive.path == path.resolve()
    assert window.archive.conn.execute("SELECT count(*) FROM customers").fetchone()[0] == 120
    kept = [p for p in backup.backup_dir(path).iterdir() if "damaged" in p.name and p.suffix == ".kehu"]
    assert len(kept) == 1 and kept[0].read_bytes() == damaged_bytes
    window._close_archive()
