"""Verified backups of an archive, listing them, previewing and restoring one.

Backups live in a folder beside the archive, ``<stem>-backups/``, named
``<stem>-YYYYmmdd-HHMMSS[-reason].kehu``. A backup is made with SQLite's
online backup API and then verified: it opens, passes ``integrity_check`` and
holds the same number of rows in every table as the archive it came from.
Beside each backup a small manifest ``<backup>.json`` records that check
(integrity result, rows per table, when it was taken, whether it is encrypted).

A backup of an encrypted archive is encrypted with the archive's key (same
salt, so the archive's passphrase opens it); nothing of it is written in clear.
Preview and restore of an encrypted backup take the passphrase.
"""
from __future__ import annotations

import json
import os
import shutil
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from model.core.i18n import translate
from model.archive import database
from model.core import private_files
from model.archive.database import sqlite3



def backup_dir(archive_path: Path) -> Path:
    archive_path = Path(archive_path)
    return archive_path.with_name(archive_path.stem + "-backups")


def table_counts(conn: sqlite3.Connection) -> dict[str, int]:
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
        private_files.make_folder(folder)
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
    remove_unfinished(folder, archive_path.stem)
    key = getattr(conn, "kehu_key", None)
    # One read snapshot for the copy and the counts it is checked against, so a worker
    # writing through its own connection meanwhile cannot make them differ.
    snapshot = not conn.in_transaction
    try:
        if snapshot:
            conn.execute("BEGIN")
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        private_files.create_empty(partial)
        dest = raw_connect(partial, key)
        try:
            conn.backup(dest)
            dest.execute("PRAGMA journal_mode = DELETE")
        finally:
            dest.close()
        counts = _verify_copy(conn, partial, key)
        schema_version = conn.execute("PRAGMA user_version").fetchone()[0]
        if snapshot:
            conn.execute("COMMIT")
        os.replace(partial, target)
        write_manifest(target, counts, encrypted=key is not None, schema_version=schema_version)
    except sqlite3.Error as exc:
        if snapshot and conn.in_transaction:
            conn.execute("ROLLBACK")
        partial.unlink(missing_ok=True)
        known = database.known_error(exc)
        raise (known or database.ArchiveError(
            translate("Backup", "The backup could not be written: {error}").format(error=exc))) from exc
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise database.ArchiveError(translate("Backup", "The backup could not be written: {error}")
                                    .format(error=exc.strerror or exc)) from exc
    finally:
        if snapshot and conn.in_transaction:
            conn.execute("ROLLBACK")
    return target


def raw_connect(path: Path, key: "database.Key | None", read_only: bool = False) -> sqlite3.Connection:
    """A bare connection (no archive pragmas) to a backup file, keyed when ``key`` is given."""
    if read_only:
        conn = sqlite3.connect(Path(path).resolve().as_uri() + "?mode=ro", uri=True,
                               isolation_level=None)
    else:
        conn = sqlite3.connect(str(path), isolation_level=None)
    conn.execute("PRAGMA cipher_log_level = NONE")
    if key is not None:
        conn.execute(f"PRAGMA key = {key.pragma_value()}")
    return conn


def _verify_copy(source: sqlite3.Connection, copy_path: Path,
                 key: "database.Key | None" = None) -> dict[str, int]:
    """Check a copy against its source; return its rows per table."""
    copy = raw_connect(copy_path, key, read_only=True)
    try:
        result = copy.execute("PRAGMA integrity_check").fetchone()[0]
        if result != "ok":
            raise database.ArchiveError(translate("Backup", "The backup failed its check ({result}); it was "
                                            "discarded.").format(result=result))
        counts = table_counts(copy)
        if counts != table_counts(source):
            raise database.ArchiveError(translate("Backup", "The backup does not hold the same records as the "
                                            "archive; it was discarded."))
        return counts
    finally:
        copy.close()


def manifest_path(backup_path: Path) -> Path:
    backup_path = Path(backup_path)
    return backup_path.with_name(backup_path.name + ".json")


def write_manifest(backup_path: Path, counts: dict[str, int], *, encrypted: bool,
                   schema_version: int, integrity: str = "ok") -> Path:
    """The verification record beside a backup (no customer data: table names and counts)."""
    target = manifest_path(backup_path)
    data = {
        "backup": Path(backup_path).name,
        "taken_at": datetime.now().isoformat(timespec="seconds"),
        "integrity": integrity,
        "encrypted": encrypted,
        "schema_version": schema_version,
        "counts": counts,
    }
    partial = target.with_name(target.name + ".partial")
    with private_files.open_private(partial, "w", encoding="utf-8") as handle:
        handle.write(json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True))
    os.replace(partial, target)
    return target


def remove_unfinished(folder: Path, stem: str) -> list[Path]:
    """Delete the ``*.partial`` files a killed backup of this archive left in
    ``folder`` (a backup is written under that name and renamed only once
    verified, so such a file is never a backup). Called with the archive open,
    so no other Kehu process is writing one. Returns what was removed."""
    removed = []
    try:
        found = list(Path(folder).glob(f"{stem}-*.partial"))
    except OSError:
        return removed
    for item in found:
        try:
            item.unlink()
            removed.append(item)
        except OSError:
            continue
    return removed


def read_manifest(backup_path: Path) -> dict | None:
    """The manifest written beside a backup, or None when there is none or it is unreadable."""
    try:
        return json.loads(manifest_path(backup_path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


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
    encrypted: bool = False


def backup_key(backup_path: Path, passphrase: "str | database.Key | None") -> "database.Key | None":
    """The key that opens an encrypted backup (None for a plain one).

    Raises PassphraseNeeded without a passphrase and WrongPassphrase when it does
    not fit; in both cases the backup is left as it was."""
    backup_path = Path(backup_path)
    if not database.is_encrypted(backup_path):
        return None
    if not passphrase:
        raise database.PassphraseNeeded(translate("Backup", "The backup {path} is encrypted. Enter the "
                                                  "passphrase the archive had when it was taken.")
                                        .format(path=backup_path))
    if isinstance(passphrase, database.Key):
        key = database.Key(passphrase.raw, passphrase.salt) \
            if passphrase.salt == database.read_salt(backup_path) else None
    else:
        key = database.derive_key(passphrase, database.read_salt(backup_path))
    if key is None or not database.key_opens(backup_path, key):
        raise database.WrongPassphrase(translate("Backup", "The passphrase does not open the backup {path}. "
                                                 "It needs the passphrase the archive had when the "
                                                 "backup was taken.").format(path=backup_path))
    return key


def preview(backup_path: Path, passphrase: "str | database.Key | None" = None) -> BackupPreview:
    """What a backup holds, read without changing it. An encrypted backup
    needs ``passphrase`` (PassphraseNeeded / WrongPassphrase otherwise)."""
    backup_path = Path(backup_path)
    taken = datetime.fromtimestamp(backup_path.stat().st_mtime)
    key = backup_key(backup_path, passphrase)
    encrypted = key is not None
    try:
        conn = raw_connect(backup_path, key, read_only=True)
    except sqlite3.Error:
        return BackupPreview(backup_path, taken, False, 0, {}, None, encrypted)
    try:
        healthy = conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        counts = table_counts(conn) if healthy else {}
        newest = None
        if "customer_history" in counts:
            newest = conn.execute("SELECT max(changed_at) FROM customer_history").fetchone()[0]
        return BackupPreview(backup_path, taken, healthy, version, counts, newest, encrypted)
    except sqlite3.DatabaseError:
        return BackupPreview(backup_path, taken, False, 0, {}, None, encrypted)
    finally:
        conn.close()


def restore(archive_path: Path, backup_path: Path, *,
            passphrase: "str | database.Key | None" = None) -> Path | None:
    """Put ``backup_path`` in place of the archive. The archive must not be open.

    The current file, if it still opens, is first kept as a backup of its own
    (reason ``before-restore``); that path is returned. The backup itself is
    never changed: it is copied, the copy checked, then swapped in. An
    encrypted backup needs ``passphrase`` (the one it was taken with); the
    restored archive then opens with that passphrase.
    """
    archive_path = Path(archive_path).resolve()
    backup_path = Path(backup_path)
    key = backup_key(backup_path, passphrase)
    info = preview(backup_path, key)
    if not info.healthy:
        raise database.ArchiveDamaged(translate("Backup", "The backup {path} is damaged and cannot be restored.")
                                      .format(path=backup_path))
    database.hold_lock(archive_path)
    try:
        kept = None
        current_key = None
        current_opens = False
        if archive_path.exists():
            if database.is_encrypted(archive_path):
                if passphrase is not None:
                    current_key = (database.derive_key(passphrase, database.read_salt(archive_path))
                                   if isinstance(passphrase, str) else passphrase)
                    current_opens = database.key_opens(archive_path, current_key)
            else:
                current_opens = True
        if archive_path.exists() and current_opens and database.check_file(archive_path, current_key).ok:
            conn = database.connect(archive_path, passphrase=current_key)
            try:
                kept = make_backup(conn, archive_path, reason="before-restore")
            finally:
                conn.close()
        elif archive_path.exists() and database.is_encrypted(archive_path):
            # Encrypted with a passphrase we were not given: kept aside as it is
            # (still encrypted), so nothing is lost.
            kept = backup_dir(archive_path) / (
                f"{archive_path.stem}-{datetime.now():%Y%m%d-%H%M%S}-before-restore.kehu")
            private_files.make_folder(kept.parent)
            shutil.copy2(archive_path, kept)
            private_files.restrict(kept)
        elif archive_path.exists():
            damaged = backup_dir(archive_path) / (
                f"{archive_path.stem}-{datetime.now():%Y%m%d-%H%M%S}-damaged.kehu")
            private_files.make_folder(damaged.parent)
            shutil.copy2(archive_path, damaged)
            private_files.restrict(damaged)
            wal = Path(str(archive_path) + "-wal")
            if wal.exists() and wal.stat().st_size:      # its log may hold the latest saves
                shutil.copy2(wal, str(damaged) + "-wal")
                private_files.restrict(str(damaged) + "-wal")
            kept = damaged
        tmp = database.restoring_copy(archive_path)     # a killed restore's is gone (_hold_lock)
        try:
            private_files.create_empty(tmp)
            shutil.copy2(backup_path, tmp)
            private_files.restrict(tmp)
            if not database.check_file(tmp, key).ok:
                raise database.ArchiveDamaged(translate("Backup", "The copy of the backup failed its check; "
                                                  "nothing was restored."))
            for extra in ("-wal", "-shm"):
                Path(str(archive_path) + extra).unlink(missing_ok=True)
            os.replace(tmp, archive_path)
        finally:
            tmp.unlink(missing_ok=True)
        return kept
    finally:
        database.drop_lock(archive_path)
