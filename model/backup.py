"""Verified backups of an archive, listing them, previewing and restoring one.

Backups live in a folder beside the archive, ``<stem>-backups/``, named
``<stem>-YYYYmmdd-HHMMSS[-reason].kehu``. A backup is made with SQLite's
online backup API and then verified: it opens, passes ``integrity_check`` and
holds the same number of rows in every table as the archive it came from.
"""
from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from model.i18n import translate
from model import database



def backup_dir(archive_path: Path) -> Path:
    archive_path = Path(archive_path)
    return archive_path.with_name(archive_path.stem + "-backups")


def _table_counts(conn: sqlite3.Connection) -> dict[str, int]:
    names = [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' "
        "AND sql NOT LIKE 'CREATE VIRTUAL%'")]
    counts = {}
    for name in names:
        try:
            counts[name] = conn.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0]
        except sqlite3.DatabaseError:
            continue  # shadow tables of virtual tables are checked through their owner
    return counts


def make_backup(conn: sqlite3.Connection, archive_path: Path, to_dir: Path | None = None,
                reason: str = "") -> Path:
    """Copy the archive behind ``conn`` to a new, verified backup file; return its path."""
    archive_path = Path(archive_path)
    folder = Path(to_dir) if to_dir else backup_dir(archive_path)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise database.ArchiveError(translate("Backup", "The backup folder {folder} cannot be created: {error}")
                                    .format(folder=folder, error=exc.strerror or exc)) from exc
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    suffix = f"-{reason}" if reason else ""
    target = folder / f"{archive_path.stem}-{stamp}{suffix}.kehu"
    n = 1
    while target.exists():
        n += 1
        target = folder / f"{archive_path.stem}-{stamp}{suffix}-{n}.kehu"
    partial = target.with_name(target.name + ".partial")
    try:
        dest = sqlite3.connect(str(partial))
        try:
            conn.backup(dest)
            dest.execute("PRAGMA journal_mode = DELETE")
        finally:
            dest.close()
        _verify_copy(conn, partial)
        os.replace(partial, target)
    except sqlite3.Error as exc:
        partial.unlink(missing_ok=True)
        known = database.known_error(exc)
        raise (known or database.ArchiveError(
            translate("Backup", "The backup could not be written: {error}").format(error=exc))) from exc
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise database.ArchiveError(translate("Backup", "The backup could not be written: {error}")
                                    .format(error=exc.strerror or exc)) from exc
    return target


def _verify_copy(source: sqlite3.Connection, copy_path: Path) -> None:
    copy = sqlite3.connect(Path(copy_path).resolve().as_uri() + "?mode=ro", uri=True)
    try:
        result = copy.execute("PRAGMA integrity_check").fetchone()[0]
        if result != "ok":
            raise database.ArchiveError(translate("Backup", "The backup failed its check ({result}); it was "
                                            "discarded.").format(result=result))
        if _table_counts(copy) != _table_counts(source):
            raise database.ArchiveError(translate("Backup", "The backup does not hold the same records as the "
                                            "archive; it was discarded."))
    finally:
        copy.close()


def list_backups(archive_path: Path) -> list[Path]:
    """Backups of this archive, newest first."""
    folder = backup_dir(archive_path)
    if not folder.is_dir():
        return []
    stem = Path(archive_path).stem
    found = [p for p in folder.glob(f"{stem}-*.kehu") if p.is_file()]
    return sorted(found, key=lambda p: p.stat().st_mtime, reverse=True)


def latest_backup(archive_path: Path) -> Path | None:
    backups = list_backups(archive_path)
    return backups[0] if backups else None


@dataclass
class BackupPreview:
    path: Path
    taken: datetime
    healthy: bool
    schema_version: int
    counts: dict[str, int]
    newest_change: str | None


def preview(backup_path: Path) -> BackupPreview:
    """What a backup holds, read without changing it."""
    backup_path = Path(backup_path)
    taken = datetime.fromtimestamp(backup_path.stat().st_mtime)
    try:
        conn = sqlite3.connect(backup_path.resolve().as_uri() + "?mode=ro", uri=True)
    except sqlite3.Error:
        return BackupPreview(backup_path, taken, False, 0, {}, None)
    try:
        healthy = conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        counts = _table_counts(conn) if healthy else {}
        newest = None
        if "customer_history" in counts:
            newest = conn.execute("SELECT max(changed_at) FROM customer_history").fetchone()[0]
        return BackupPreview(backup_path, taken, healthy, version, counts, newest)
    except sqlite3.DatabaseError:
        return BackupPreview(backup_path, taken, False, 0, {}, None)
    finally:
        conn.close()


def restore(archive_path: Path, backup_path: Path) -> Path | None:
    """Put ``backup_path`` in place of the archive. The archive must not be open.

    The current file, if it still opens, is first kept as a backup of its own
    (reason ``before-restore``); that path is returned. The backup itself is
    never changed: it is copied, the copy checked, then swapped in.
    """
    archive_path = Path(archive_path).resolve()
    backup_path = Path(backup_path)
    info = preview(backup_path)
    if not info.healthy:
        raise database.ArchiveDamaged(translate("Backup", "The backup {path} is damaged and cannot be restored.")
                                      .format(path=backup_path))
    database._hold_lock(archive_path)
    try:
        kept = None
        if archive_path.exists() and database.check_file(archive_path).ok:
            conn = database.connect(archive_path)
            try:
                kept = make_backup(conn, archive_path, reason="before-restore")
            finally:
                conn.close()
        elif archive_path.exists():
            damaged = backup_dir(archive_path) / (
                f"{archive_path.stem}-{datetime.now():%Y%m%d-%H%M%S}-damaged.kehu")
            damaged.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(archive_path, damaged)
            kept = damaged
        fd, tmp_name = tempfile.mkstemp(dir=archive_path.parent, suffix=".restoring")
        os.close(fd)
        tmp = Path(tmp_name)
        try:
            shutil.copy2(backup_path, tmp)
            if not database.check_file(tmp).ok:
                raise database.ArchiveDamaged(translate("Backup", "The copy of the backup failed its check; "
                                                  "nothing was restored."))
            for extra in ("-wal", "-shm"):
                Path(str(archive_path) + extra).unlink(missing_ok=True)
            os.replace(tmp, archive_path)
        finally:
            tmp.unlink(missing_ok=True)
        return kept
    finally:
        database._drop_lock(archive_path)
