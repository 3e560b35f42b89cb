"""A corpus of 100 damaged archives (seeded): the program never crashes or hangs on one.

Each is a copy of one small archive (with a verified backup beside it) with bytes
damaged in one of these ways: the file header, a b-tree page's header or cells, a
whole page zeroed, the file cut short, a page of random bytes, or a frame of the
write-ahead log left by a program that was killed. Opening it either works, and
then the archive is really healthy (a full integrity check agrees), or raises
ArchiveDamaged naming the last good backup and leaves the file byte for byte as
it was. ``check`` on the command line says the same and exits 1.

A second corpus of 40 encrypted archives (with an encrypted backup): a bit of page
1 or of its salt, bytes of a middle page, a page zeroed, bytes of the log's frames,
the file cut short (at a page, inside one, in half), 0 bytes. With the right
passphrase each is reported as damaged with the last backup offered (never as a
wrong passphrase), or opens and is really healthy.
"""
from __future__ import annotations

import hashlib
import random
import shutil
import signal
from pathlib import Path

import pytest

from model.archive import backup, database
from model.customers import customers
from model.archive.database import Archive, ArchiveDamaged

CASES = 100
SEED = 20261122
PAGE = 4096
KINDS = ("header", "page-header", "cells", "zero-page", "truncate", "random-page", "wal")


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    """A plain archive of a few dozen pages, its backup, and a copy with an unfinished WAL."""
    return build_sample(tmp_path_factory.mktemp("sample"), "shop.kehu")


def build_sample(folder: Path, name: str, passphrase: str | None = None) -> dict:
    """An archive (encrypted with ``passphrase`` unless None) of a few dozen pages,
    its backup, and a copy with an unfinished WAL."""
    path = folder / name
    with Archive.create(path, passphrase=passphrase) as archive:
        with archive.transaction():
            for i in range(120):
                customers.create(archive.conn, {"name": f"客户{i}", "phone": f"1380000{i:04d}",
                                                "address": f"幸福路{i}号", "notes": "备注" * 60}, by="t")
        made = backup.make_backup(archive.conn, path)
        key = archive.key
    # The WAL a killed program leaves: committed frames not yet copied into the file.
    wal_dir = folder / "wal"
    wal_dir.mkdir()
    wal_path = wal_dir / name
    shutil.copyfile(path, wal_path)
    conn = database.connect(wal_path, passphrase=key)
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


def make_case(sample, tmp_path: Path, number: int, rng: random.Random, kinds=KINDS,
              damage=damage) -> tuple[Path, str, str]:
    """A damaged copy of the sample (with its backups), by ``damage`` of the number's kind."""
    kind = kinds[number % len(kinds)]
    folder = tmp_path / f"case{number}"
    folder.mkdir()
    path = folder / sample["path"].name
    if kind == "wal":
        shutil.copyfile(sample["frozen"], path)
        shutil.copyfile(str(sample["frozen"]) + "-wal", str(path) + "-wal")
    else:
        shutil.copyfile(sample["path"], path)
    shutil.copytree(sample["backups"], backup.backup_dir(path))
    return path, kind, damage(rng, kind, path)


def test_one_hundred_damaged_archives(sample, tmp_path, qapp, capsys):
    from cli import run_cli
    from model.core import settings
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
                    try:
                        # Damage in unused space: then it is really healthy. Or bytes changed
                        # inside a stored text: SQLite's checks cannot see it (the page is well
                        # formed), 'check' names the record, and every read survives it.
                        full = database.connect(path, read_only=True)
                        result = [r[0] for r in full.execute("PRAGMA integrity_check")]
                        full.close()
                        assert result == ["ok"], f"{where}: opened but {result[:3]}"
                        for (table,) in archive.conn.execute(
                                "SELECT name FROM sqlite_master WHERE type = 'table'"
                                " AND sql NOT LIKE 'CREATE VIRTUAL%'").fetchall():
                            archive.conn.execute(f'SELECT * FROM "{table}"').fetchall()
                    finally:
                        archive.close()
                    report = database.check_file(path)
                    if not report.ok:
                        assert all("is damaged (bytes that are not text)" in p for p in report.problems), \
                            f"{where}: {report.problems[:3]}"
                        outcomes["value"] += 1
                    if number % 7 == 0:
                        assert run_cli(["check", str(path)]) == (0 if report.ok else 1), where
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
    from gui.archive import archive_dialogs
    from gui.main_window.main_window import MainWindow
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


# -- encrypted archives ---------------------------------------------------------------------

PASSPHRASE = "corpus passphrase 42"
ENCRYPTED_CASES = 40
ENCRYPTED_KINDS = ("page-1", "salt", "middle-page", "zero-page", "wal", "truncate", "half", "empty")


@pytest.fixture(scope="module")
def encrypted_sample(tmp_path_factory):
    """An encrypted archive with its (encrypted) backup, and a copy with an unfinished WAL."""
    return build_sample(tmp_path_factory.mktemp("encrypted"), "sealed.kehu", PASSPHRASE)


def damage_encrypted(rng: random.Random, kind: str, path: Path) -> str:
    """Damage an encrypted archive in place: its own kinds here, the rest as a plain one's."""
    data = bytearray(path.read_bytes())
    if kind in ("page-1", "salt"):
        at = rng.randrange(16, PAGE) if kind == "page-1" else rng.randrange(0, 16)
        data[at] ^= 1 << rng.randrange(8)
        how = f"one bit of {kind} at {at}"
    elif kind == "middle-page":
        start = rng.randrange(1, len(data) // PAGE) * PAGE + rng.randrange(0, PAGE - 8)
        for i in range(start, start + rng.randrange(1, 8)):
            data[i] = rng.randrange(256)
        how = f"bytes at {start}"
    elif kind == "half":
        del data[len(data) // 2:]
        how = "cut in half"
    elif kind == "empty":
        data, how = bytearray(), "0 bytes"
    else:
        return damage(rng, kind, path)
    path.write_bytes(bytes(data))
    return how


def test_damaged_encrypted_archives_are_reported_as_damaged_not_as_a_wrong_passphrase(
        encrypted_sample, tmp_path, qapp, capsys):
    from cli import run_cli
    from model.archive import passphrase as passphrases
    from model.core import settings
    settings.put(settings.LANGUAGE, "en")
    rng = random.Random(SEED + 1)
    outcomes = {"opened": 0, "damaged": 0, "misreported": [], "crashed": []}
    for number in range(ENCRYPTED_CASES):
        path, kind, how = make_case(encrypted_sample, tmp_path, number, rng, ENCRYPTED_KINDS,
                                    damage_encrypted)
        where = f"case {number} ({kind}: {how})"
        backup_copy = backup.backup_dir(path) / encrypted_sample["backup"].name
        before = files_digest(path)
        passphrases.throttle.reset()
        try:
            archive = Archive.open(path, PASSPHRASE)
        except ArchiveDamaged as exc:
            outcomes["damaged"] += 1
            assert exc.last_backup == backup_copy and backup_copy.name in str(exc), where
            assert files_digest(path) == before, f"{where}: a refused archive was changed"
            monkey = pytest.MonkeyPatch()
            monkey.setenv("KEHU_PASSPHRASE", PASSPHRASE)
            try:
                assert run_cli(["check", str(path)]) == 1, where
            finally:
                monkey.undo()
            out = capsys.readouterr().out
            assert "damaged" in out and backup_copy.name in out, f"{where}: {out}"
            assert files_digest(path) == before, f"{where}: check changed a file"
        except database.WrongPassphrase as exc:
            outcomes["misreported"].append(f"{where}: {exc}")
        except Exception as exc:  # noqa: BLE001 - counted and shown below
            outcomes["crashed"].append(f"{where}: {type(exc).__name__}: {exc}")
        else:
            outcomes["opened"] += 1
            try:
                rows = archive.conn.execute("SELECT count(*) FROM customers").fetchone()[0]
                assert rows in (120, 160), where
            finally:
                archive.close()
            assert database.check_file(path, PASSPHRASE).ok, f"{where}: opened but check finds damage"
    print({k: (v if isinstance(v, int) else len(v)) for k, v in outcomes.items()})
    assert outcomes["misreported"] == [] and outcomes["crashed"] == [], outcomes
    assert outcomes["damaged"] >= ENCRYPTED_CASES * 3 // 4, outcomes


def test_check_of_an_encrypted_archive_needs_no_cryptography_package(encrypted_sample, tmp_path):
    """The installers leave the ``cryptography`` package out (build/kehu.spec): ``check``
    decrypts with the OpenSSL inside SQLCipher's own library, and still finds damage."""
    import os
    import subprocess
    import sys
    root = Path(__file__).resolve().parents[2]
    healthy = tmp_path / "healthy.kehu"
    shutil.copyfile(encrypted_sample["frozen"], healthy)
    shutil.copyfile(str(encrypted_sample["frozen"]) + "-wal", str(healthy) + "-wal")
    damaged = tmp_path / "damaged.kehu"
    data = bytearray(encrypted_sample["path"].read_bytes())
    data[PAGE * 3 + 100] ^= 0xFF
    damaged.write_bytes(bytes(data))
    script = ("import sys; sys.modules['cryptography'] = None; from cli import run_cli; "
              "sys.exit(run_cli(['check', sys.argv[1]]))")
    env = dict(os.environ, KEHU_PASSPHRASE=PASSPHRASE, QT_QPA_PLATFORM="offscreen")
    results = {}
    for path in (healthy, damaged):
        before = files_digest(path)
        done = subprocess.run([sys.executable, "-c", script, str(path)], cwd=root, env=env,
                              capture_output=True, text=True, timeout=120)
        assert "Traceback" not in done.stderr, done.stderr
        assert files_digest(path) == before
        results[path.name] = done.returncode
    assert results == {"healthy.kehu": 0, "damaged.kehu": 1}, results
