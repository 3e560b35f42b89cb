"""The archive file: creation, pragmas, migrations with backups, refusals, damage, atomicity."""
import hashlib
import os
from model.archive.database import sqlite3
import subprocess
import sys
import types
from pathlib import Path

import pytest

from model.archive import backup, database, migrations
from model.customers import customers

ROOT = Path(__file__).resolve().parents[2]


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_new_archive_has_the_pragmas_and_latest_schema(archive):
    conn = archive.conn
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert archive.schema_version() == migrations.LATEST
    assert conn.execute("PRAGMA application_id").fetchone()[0] == database.APPLICATION_ID


def test_creating_over_an_existing_file_is_refused(tmp_path):
    path = tmp_path / "a.kehu"
    path.write_text("keep me")
    with pytest.raises(database.ArchiveError):
        database.Archive.create(path)
    assert path.read_text() == "keep me"


def test_opening_a_missing_archive_points_at_new(tmp_path):
    with pytest.raises(database.ArchiveMissing, match="new"):
        database.Archive.open(tmp_path / "nothing.kehu")


def test_a_file_that_is_not_an_archive_is_refused_unchanged(tmp_path):
    path = tmp_path / "notes.kehu"
    path.write_bytes(b"name,phone\n" * 100)
    before = _digest(path)
    with pytest.raises(database.NotAnArchive):
        database.Archive.open(path)
    assert _digest(path) == before


def test_an_archive_from_a_newer_version_is_refused(tmp_path):
    path = tmp_path / "new.kehu"
    database.Archive.create(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {migrations.LATEST + 5}")
    conn.close()
    before = _digest(path)
    with pytest.raises(database.ArchiveTooNew, match="newer version"):
        database.Archive.open(path)
    assert _digest(path) == before


def _extra_step(fail: bool):
    def upgrade(conn):
        conn.execute("ALTER TABLE customers ADD COLUMN nickname TEXT")
        conn.execute("UPDATE customers SET nickname = name")
        if fail:
            raise RuntimeError("disk trouble half-way")
    return types.SimpleNamespace(upgrade=upgrade)


def test_migrating_an_older_archive_takes_a_verified_backup_first(tmp_path, monkeypatch):
    path = tmp_path / "old.kehu"
    with database.Archive.create(path) as arch:
        customers.create(arch.conn, {"name": "张三", "phone": "13800138000"}, "t")
    monkeypatch.setattr(migrations, "STEPS", migrations.STEPS + [(migrations.LATEST + 1,
                                                                   _extra_step(False))])
    monkeypatch.setattr(migrations, "LATEST", migrations.LATEST + 1)
    with database.Archive.open(path) as arch:
        assert arch.schema_version() == migrations.LATEST
        assert arch.conn.execute("SELECT nickname FROM customers").fetchone()[0] == "张三"
    backups = backup.list_backups(path)
    assert len(backups) == 1 and "before-upgrade" in backups[0].name
    info = backup.preview(backups[0])
    assert info.healthy and info.schema_version == migrations.LATEST - 1
    assert info.counts["customers"] == 1


def test_a_failing_migration_leaves_the_archive_at_its_old_version(tmp_path, monkeypatch):
    path = tmp_path / "old.kehu"
    database.Archive.create(path).close()
    old_version = migrations.LATEST
    monkeypatch.setattr(migrations, "STEPS", migrations.STEPS + [(old_version + 1,
                                                                   _extra_step(True))])
    monkeypatch.setattr(migrations, "LATEST", old_version + 1)
    with pytest.raises(RuntimeError):
        database.Archive.open(path)
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == old_version
    columns = [r[1] for r in conn.execute("PRAGMA table_info(customers)")]
    conn.close()
    assert "nickname" not in columns


def test_a_second_process_is_refused_with_a_clear_message(archive):
    code = ("import sys; sys.path.insert(0, %r)\n"
            "from model.archive.database import Archive, ArchiveLocked\n"
            "try:\n    Archive.open(%r)\nexcept ArchiveLocked as e:\n    print(e); sys.exit(3)\n"
            % (str(ROOT), str(archive.path)))
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=60, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 3, done.stderr
    assert "another Kehu window" in done.stdout


def test_the_same_process_can_open_twice_and_the_lock_goes_on_close(tmp_path):
    path = tmp_path / "a.kehu"
    first = database.Archive.create(path)
    second = database.Archive.open(path)
    second.close()
    first.close()
    assert not Path(str(path) + ".lock").exists()


def _fill(path: Path, n: int = 3000) -> None:
    with database.Archive.open(path) as arch, arch.transaction():
        arch.conn.executemany(
            "INSERT INTO customers(name, phone, created_on, notes) VALUES (?, ?, '2024-01-01', ?)",
            [(f"客户{i}", f"139{i:08d}", "备注" * 20) for i in range(n)])


def test_a_damaged_archive_is_not_opened_not_changed_and_points_at_the_backup(tmp_path):
    path = tmp_path / "hurt.kehu"
    database.Archive.create(path).close()
    _fill(path)
    with database.Archive.open(path) as arch:
        arch.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        kept = backup.make_backup(arch.conn, arch.path)
    raw = bytearray(path.read_bytes())
    page = 4096
    for offset in range(page * 3, min(len(raw), page * 12)):
        raw[offset] = (raw[offset] * 7 + 13) % 256
    path.write_bytes(bytes(raw))
    before = _digest(path)
    assert not database.check_file(path).ok
    with pytest.raises(database.ArchiveDamaged) as caught:
        database.Archive.open(path)
    assert str(kept) in str(caught.value)
    assert caught.value.last_backup == kept
    assert _digest(path) == before


def test_a_transaction_is_all_or_nothing(archive):
    conn = archive.conn
    with pytest.raises(RuntimeError):
        with archive.transaction():
            conn.execute("INSERT INTO customers(name, created_on) VALUES ('甲', '2024-01-01')")
            with database.transaction(conn):  # nested: a savepoint
                conn.execute("INSERT INTO customers(name, created_on) VALUES ('乙', '2024-01-01')")
            raise RuntimeError("power cut")
    assert conn.execute("SELECT count(*) FROM customers").fetchone()[0] == 0


def test_a_failed_savepoint_leaves_the_outer_work(archive):
    conn = archive.conn
    with archive.transaction():
        conn.execute("INSERT INTO customers(name, created_on) VALUES ('甲', '2024-01-01')")
        with pytest.raises(ValueError):
            with database.transaction(conn):
                conn.execute("INSERT INTO customers(name, created_on) VALUES ('乙', '2024-01-01')")
                raise ValueError
    assert [r[0] for r in conn.execute("SELECT name FROM customers")] == ["甲"]


def test_backup_restore_round_trip_keeps_the_replaced_file(tmp_path):
    path = tmp_path / "a.kehu"
    with database.Archive.create(path) as arch:
        customers.create(arch.conn, {"name": "王五"}, "t")
        first = backup.make_backup(arch.conn, arch.path)
        customers.create(arch.conn, {"name": "赵六"}, "t")
    kept = backup.restore(path, first)
    assert kept is not None and kept.exists()
    with database.Archive.open(path) as arch:
        assert customers.count(arch.conn) == 1
    assert backup.preview(kept).counts["customers"] == 2


def test_a_restore_killed_midway_changes_nothing_and_leaves_no_copy_behind(tmp_path):
    """SIGKILL while the backup is being copied in: the archive is byte-identical, and
    the half-made copy beside it is gone the next time the archive is opened."""
    path = tmp_path / "a.kehu"
    with database.Archive.create(path) as arch:
        customers.create(arch.conn, {"name": "王五"}, "t")
        first = backup.make_backup(arch.conn, arch.path)
        customers.create(arch.conn, {"name": "赵六"}, "t")
    before = path.read_bytes()
    script = (
        "import os, shutil, signal, sys\n"
        "from model.archive import backup, database\n"
        "real = shutil.copy2\n"
        "def dying(src, dst, *a, **k):\n"
        "    if str(dst).endswith('.restoring'):\n"
        "        with open(dst, 'wb') as out:\n"
        "            out.write(open(src, 'rb').read()[:1000])\n"
        "        os.kill(os.getpid(), signal.SIGKILL)\n"
        "    return real(src, dst, *a, **k)\n"
        "shutil.copy2 = dying\n"
        "backup.restore(sys.argv[1], sys.argv[2])\n")
    done = subprocess.run([sys.executable, "-c", script, str(path), str(first)],
                          cwd=Path(__file__).resolve().parents[2], timeout=60)
    assert done.returncode == -9
    left = database.restoring_copy(path.resolve())
    assert left.exists()                     # what the kill left
    assert path.read_bytes() == before
    with database.Archive.open(path) as arch:
        assert customers.count(arch.conn) == 2
    assert not left.exists()
    backup.restore(path, first)
    assert not left.exists()
    with database.Archive.open(path) as arch:
        assert customers.count(arch.conn) == 1
