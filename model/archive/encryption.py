"""Changing how an archive is protected: a new passphrase, plain → encrypted,
encrypted → plain.

Each change is verified before it replaces anything:

* **Change passphrase**: a verified backup first, then ``PRAGMA rekey`` (one
  transaction inside SQLCipher), then the file is checked with the new key. The
  archive's backups that the old passphrase opens are re-keyed too, so an old
  passphrase that leaked opens none of them.
* **Encrypt / decrypt**: a verified backup of the original first, then
  ``sqlcipher_export`` into a new file beside the archive, checked
  (``integrity_check`` and the same rows in every table), then swapped in with
  one atomic rename while the archive's lock is held.
  Encrypting also encrypts the archive's existing plain backups (each
  converted the same verified way), so no plain copy stays in the backup folder.
  Decrypting leaves the backups encrypted: they keep needing the passphrase.
"""
from __future__ import annotations

import os
from pathlib import Path

from model.archive import backup, database
from model.core import private_files
from model.archive import passphrase as passphrases
from model.archive.database import Archive, ArchiveError, Key, sqlite3
from model.core.i18n import translate


def _checkpoint(conn: sqlite3.Connection) -> None:
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()


def _fsync_dir(folder: Path) -> None:
    if os.name == "nt":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def convert_file(source: Path, source_key: Key | None, target: Path, target_key: Key | None) -> dict[str, int]:
    """Write a copy of ``source`` to ``target`` (which must not exist) with
    another protection, and verify it; return the rows per table.

    The copy gets the source's schema version and application id (which
    ``sqlcipher_export`` does not carry). On any failure ``target`` is removed."""
    source, target = Path(source), Path(target)
    private_files.create_empty(target)      # owner-only before a byte is written
    conn = backup.raw_connect(source, source_key)
    try:
        key_text = "" if target_key is None else target_key.pragma_value()[1:-1]
        conn.execute("ATTACH DATABASE ? AS target KEY ?", (str(target), key_text))
        try:
            conn.execute("SELECT sqlcipher_export('target')").fetchall()
            version = conn.execute("PRAGMA main.user_version").fetchone()[0]
            app_id = conn.execute("PRAGMA main.application_id").fetchone()[0]
            conn.execute(f"PRAGMA target.user_version = {int(version)}")
            conn.execute(f"PRAGMA target.application_id = {int(app_id)}")
        finally:
            conn.execute("DETACH DATABASE target")
        expected = backup.table_counts(conn)
        copy = backup.raw_connect(target, target_key, read_only=True)
        try:
            result = copy.execute("PRAGMA integrity_check").fetchone()[0]
            counts = backup.table_counts(copy)
        finally:
            copy.close()
        if result != "ok" or counts != expected:
            raise ArchiveError(translate("Encryption", "The converted copy of {path} failed its check; "
                                         "nothing was changed.").format(path=source))
        with open(target, "rb+") as handle:
            os.fsync(handle.fileno())
        return counts
    except BaseException:
        Path(target).unlink(missing_ok=True)
        Path(str(target) + "-journal").unlink(missing_ok=True)
        raise
    finally:
        conn.close()


def _swap_in(archive: Archive, target_key: Key | None, progress_reason: str) -> Archive:
    """Replace the open ``archive`` by a converted copy; return it opened."""
    path = archive.path
    source_key = archive.key
    try:
        backup.make_backup(archive.conn, path, reason=progress_reason)
        _checkpoint(archive.conn)
    except sqlite3.Error as exc:
        raise database.known_error(exc) or ArchiveError(str(exc)) from exc
    work = path.with_name(path.name + ".converting")
    work.unlink(missing_ok=True)
    Path(str(work) + "-journal").unlink(missing_ok=True)
    try:
        convert_file(path, source_key, work, target_key)
    except sqlite3.Error as exc:
        raise database.known_error(exc) or ArchiveError(
            translate("Encryption", "The archive could not be converted: {error}. Nothing was changed.")
            .format(error=exc)) from exc
    # Keep this process's lock across the swap so no other program slips in.
    database.hold_lock(path)
    try:
        archive.close()
        for extra in ("-wal", "-shm"):
            Path(str(path) + extra).unlink(missing_ok=True)
        os.replace(work, path)
        _fsync_dir(path.parent)
        return Archive.open(path, target_key)
    finally:
        database.drop_lock(path)


def encrypt(archive: Archive, new_passphrase: str) -> tuple[Archive, list[Path]]:
    """Encrypt a plain, open archive. Returns the archive opened again (the one
    passed in is closed) and the plain backups that could not be encrypted
    (normally none: every plain backup of it is encrypted too)."""
    if archive.encrypted:
        raise ArchiveError(translate("Encryption", "The archive {path} is already encrypted.")
                           .format(path=archive.path))
    if not new_passphrase:
        raise ArchiveError(translate("Encryption", "The passphrase is empty. Type one to encrypt the archive."))
    key = database.new_key(new_passphrase)
    opened = _swap_in(archive, key, "before-encrypt")
    left_plain = encrypt_backups(opened.path, key)
    return opened, left_plain


def encrypt_backups(archive_path: Path, key: Key) -> list[Path]:
    """Encrypt every plain backup of the archive with its key; return those that failed."""
    failed = []
    for item in backup.list_backups(archive_path):
        if database.is_encrypted(item):
            continue
        work = item.with_name(item.name + ".converting")
        work.unlink(missing_ok=True)
        try:
            stamp = item.stat().st_mtime
            counts = convert_file(item, None, work, key)
            os.replace(work, item)
            os.utime(item, (stamp, stamp))  # its age still orders the list
            manifest = backup.read_manifest(item) or {}
            backup.write_manifest(item, counts, encrypted=True,
                                  schema_version=int(manifest.get("schema_version") or 0))
        except (ArchiveError, sqlite3.Error, OSError):
            work.unlink(missing_ok=True)
            failed.append(item)
    return failed


def decrypt(archive: Archive) -> Archive:
    """Remove the encryption of an open archive (after a verified, encrypted
    backup). The archive's backups stay encrypted; the remembered passphrase
    is forgotten. Returns the archive opened again."""
    if not archive.encrypted:
        raise ArchiveError(translate("Encryption", "The archive {path} is not encrypted.")
                           .format(path=archive.path))
    path = archive.path
    opened = _swap_in(archive, None, "before-decrypt")
    passphrases.forget(path)
    return opened


def change_passphrase(archive: Archive, new_passphrase: str) -> list[Path]:
    """Give an open, encrypted archive a new passphrase. Its backups that the
    old one opens are re-keyed as well; returns those that could not be (they
    keep the passphrase they were taken with). A passphrase remembered in the
    keychain is replaced by the new one."""
    if not archive.encrypted:
        raise ArchiveError(translate("Encryption", "The archive {path} is not encrypted; encrypt it "
                                     "instead (Archive → Encrypt archive…).").format(path=archive.path))
    if not new_passphrase:
        raise ArchiveError(translate("Encryption", "The new passphrase is empty. Type one."))
    old_key = archive.key
    new_key = database.derive_key(new_passphrase, old_key.salt)
    conn = archive.conn
    try:
        backup.make_backup(conn, archive.path, reason="before-passphrase-change")
        _checkpoint(conn)
        conn.execute(f"PRAGMA rekey = {new_key.pragma_value()}")
        _checkpoint(conn)
    except sqlite3.Error as exc:
        raise database.known_error(exc) or ArchiveError(
            translate("Encryption", "The passphrase could not be changed: {error}. The archive still "
                      "opens with the old one.").format(error=exc)) from exc
    if not (database.key_opens(archive.path, new_key)
            and database.check_file(archive.path, new_key).ok):
        raise ArchiveError(translate("Encryption", "The archive did not pass its check after the "
                                     "passphrase change. Restore the backup taken just before it "
                                     "(Archive → Restore from backup)."))
    archive.key = new_key
    conn.kehu_key = new_key
    if passphrases.remembered(archive.path) is not None:
        passphrases.remember(archive.path, new_passphrase)
    return rekey_backups(archive.path, old_key, new_key)


def rekey_backups(archive_path: Path, old_key: Key, new_key: Key) -> list[Path]:
    """Re-key the backups the old key opens; return the encrypted ones left as they were."""
    left = []
    for item in backup.list_backups(archive_path):
        if not database.is_encrypted(item):
            continue
        if database.read_salt(item) != old_key.salt or not database.key_opens(item, old_key):
            left.append(item)
            continue
        stamp = item.stat().st_mtime
        try:
            conn = backup.raw_connect(item, old_key)
            try:
                conn.execute(f"PRAGMA rekey = {new_key.pragma_value()}")
            finally:
                conn.close()
            os.utime(item, (stamp, stamp))
        except (sqlite3.Error, OSError):
            left.append(item)
    return left


def plain_backups(archive_path: Path) -> list[Path]:
    """Backups of the archive that are not encrypted."""
    return [p for p in backup.list_backups(archive_path) if not database.is_encrypted(p)]


def is_demo(conn: sqlite3.Connection) -> bool:
    """Whether the archive is the demo's (made-up customers, left unencrypted); False when
    its meta table cannot be read."""
    try:
        return conn.execute("SELECT 1 FROM meta WHERE key = 'demo_as_of'").fetchone() is not None
    except sqlite3.Error:
        return False
