"""The one database module: opening an archive, its pragmas, transactions, errors.

Everything else in the program asks this module for a connection and a
transaction; nothing else sets pragmas or begins transactions by hand.

An archive is one SQLite file. Opening it:
1. refuses a second process (an OS lock on ``<archive>.lock``),
2. checks the file read-only (``PRAGMA quick_check``) so a damaged file is
   never modified,
3. refuses an archive written by a newer version of the program,
4. takes a verified backup and migrates an older archive, each migration in
   its own transaction.
"""
from __future__ import annotations

import contextlib
import os
import sqlite3
import sys
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from model.i18n import translate

APPLICATION_ID = 0x4B454855  # "KEHU": marks the file as a Kehu archive.



class ArchiveError(Exception):
    """A problem the user can understand and act on (a "known error").

    ``str(error)`` is the message to show, already in the user's language.
    """


class ArchiveMissing(ArchiveError):
    pass


class ArchiveLocked(ArchiveError):
    pass


class ArchiveDamaged(ArchiveError):
    def __init__(self, message: str, last_backup: Path | None = None):
        super().__init__(message)
        self.last_backup = last_backup


class ArchiveTooNew(ArchiveError):
    pass


class NotAnArchive(ArchiveError):
    pass


class DiskFull(ArchiveError):
    pass


def known_error(exc: sqlite3.Error) -> ArchiveError | None:
    """Translate an SQLite failure that is the machine's fault, not ours."""
    text = str(exc).lower()
    if "database or disk is full" in text or "disk i/o error" in text:
        return DiskFull(translate("Archive", "The disk is full or cannot be written. Nothing was saved; "
                            "free some space and try again."))
    if "readonly" in text or "read-only" in text:
        return ArchiveError(translate("Archive", "The archive file cannot be written (it is read-only). "
                                "Nothing was saved."))
    return None


class _ProcessLock:
    """An exclusive OS-level lock held for as long as this process has the archive open."""

    def __init__(self, archive_path: Path):
        self.path = archive_path.with_name(archive_path.name + ".lock")
        self._file = None

    def acquire(self) -> bool:
        handle = open(self.path, "a+b")
        try:
            if sys.platform == "win32":
                import msvcrt
                handle.seek(0)
                msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
            else:
                import fcntl
                fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            handle.close()
            return False
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()).encode())
        handle.flush()
        self._file = handle
        return True

    def release(self) -> None:
        if self._file is None:
            return
        handle, self._file = self._file, None
        try:
            if sys.platform == "win32":
                import msvcrt
                handle.seek(0)
                msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
            else:
                import fcntl
                fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
        finally:
            handle.close()
            with contextlib.suppress(OSError):
                self.path.unlink()


# Archives held open by this process, so a second open in the same process
# shares the lock instead of refusing itself.
_open_locks: dict[Path, tuple[_ProcessLock, int]] = {}
_open_locks_guard = threading.Lock()


def _hold_lock(path: Path) -> None:
    with _open_locks_guard:
        if path in _open_locks:
            lock, count = _open_locks[path]
            _open_locks[path] = (lock, count + 1)
            return
        lock = _ProcessLock(path)
        if not lock.acquire():
            raise ArchiveLocked(
                translate("Archive", "The archive {path} is open in another Kehu window or program. "
                    "Close it there first, then try again.").format(path=path))
        _open_locks[path] = (lock, 1)


def _drop_lock(path: Path) -> None:
    with _open_locks_guard:
        if path not in _open_locks:
            return
        lock, count = _open_locks[path]
        if count > 1:
            _open_locks[path] = (lock, count - 1)
        else:
            del _open_locks[path]
            lock.release()


def connect(path: Path, *, read_only: bool = False) -> sqlite3.Connection:
    """A connection with the archive's pragmas. Callers manage transactions
    through :func:`transaction`; the connection itself is in autocommit mode."""
    if read_only:
        uri = Path(path).resolve().as_uri() + "?mode=ro"
        conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
    else:
        conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False,
                               timeout=30)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA busy_timeout = 30000")
    # Statement journals in memory: a statement that fires a trigger (the search
    # index's, m0002) otherwise opens a temporary file per row, which makes a
    # 100,000-row executemany several times slower.
    conn.execute("PRAGMA temp_store = MEMORY")
    if not read_only:
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        # 32 MB of page cache (default 2 MB): a 100,000-row import stays in
        # memory until its commit instead of spilling index pages to the WAL.
        conn.execute("PRAGMA cache_size = -32768")
    return conn


@contextlib.contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One all-or-nothing unit of work. Nested calls become savepoints, so a
    model function can be transactional on its own and inside a larger batch."""
    if conn.in_transaction:
        name = f"sp_{id(conn)}_{threading.get_ident()}"
        conn.execute(f"SAVEPOINT {name}")
        try:
            yield conn
        except BaseException:
            conn.execute(f"ROLLBACK TO {name}")
            conn.execute(f"RELEASE {name}")
            raise
        else:
            conn.execute(f"RELEASE {name}")
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException as exc:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        if isinstance(exc, sqlite3.Error):
            known = known_error(exc)
            if known is not None:
                raise known from exc
        raise
    else:
        try:
            conn.execute("COMMIT")
        except sqlite3.Error as exc:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            known = known_error(exc)
            if known is not None:
                raise known from exc
            raise


def execute_script(conn: sqlite3.Connection, script: str) -> None:
    """Run several statements inside the current transaction.

    ``Connection.executescript`` would COMMIT a pending transaction first, which
    breaks the all-or-nothing promise of migrations; this runs them one by one.
    """
    statement = ""
    for line in script.splitlines(keepends=True):
        statement += line
        if sqlite3.complete_statement(statement):
            if statement.strip():
                conn.execute(statement)
            statement = ""
    if statement.strip():
        conn.execute(statement)


@dataclass
class HealthReport:
    ok: bool
    problems: list[str]


def check_file(path: Path) -> HealthReport:
    """Check an archive without modifying it (read-only connection)."""
    path = Path(path)
    if not path.exists():
        raise ArchiveMissing(translate("Archive", "There is no archive at {path}.").format(path=path))
    try:
        conn = connect(path, read_only=True)
    except sqlite3.Error as exc:
        return HealthReport(False, [str(exc)])
    try:
        rows = conn.execute("PRAGMA quick_check").fetchall()
        problems = [r[0] for r in rows if r[0] != "ok"]
        return HealthReport(not problems, problems)
    except sqlite3.DatabaseError as exc:
        return HealthReport(False, [str(exc)])
    finally:
        conn.close()


def _is_sqlite_file(path: Path) -> bool:
    with open(path, "rb") as handle:
        return handle.read(16) == b"SQLite format 3\x00"


class Archive:
    """An open archive: the process lock, the main connection, the path."""

    def __init__(self, path: Path, conn: sqlite3.Connection):
        self.path = path
        self.conn = conn
        self._closed = False

    # -- opening -----------------------------------------------------------
    @classmethod
    def create(cls, path: Path | str) -> "Archive":
        """A new, empty archive at ``path`` (which must not exist)."""
        path = Path(path).resolve()
        if path.exists():
            raise ArchiveError(translate("Archive", "{path} already exists. Choose another name, or open it.")
                               .format(path=path))
        if not path.parent.is_dir():
            raise ArchiveError(translate("Archive", "The folder {folder} does not exist.").format(folder=path.parent))
        _hold_lock(path)
        try:
            conn = connect(path)
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            from model import migrations
            migrations.migrate(conn, path, backup_first=False)
        except BaseException:
            _drop_lock(path)
            raise
        return cls(path, conn)

    @classmethod
    def open(cls, path: Path | str) -> "Archive":
        path = Path(path).resolve()
        if not path.exists():
            raise ArchiveMissing(
                translate("Archive", "There is no archive at {path}. Create one first with "
                    "'python main.py new {path}' or File → New archive.").format(path=path))
        _hold_lock(path)
        try:
            cls._verify(path)
            conn = connect(path)
            from model import migrations
            migrations.migrate(conn, path, backup_first=True)
        except BaseException:
            _drop_lock(path)
            raise
        return cls(path, conn)

    @staticmethod
    def _verify(path: Path) -> None:
        from model import backup, migrations
        if not _is_sqlite_file(path):
            raise NotAnArchive(translate("Archive", "{path} is not a Kehu archive (it is not an SQLite database).")
                               .format(path=path))
        report = check_file(path)
        if not report.ok:
            last = backup.latest_backup(path)
            if last is not None:
                hint = translate("Archive", "The last backup is {backup}. Use Archive → Restore from backup, "
                           "or 'python main.py restore'.").format(backup=last)
            else:
                hint = translate("Archive", "No backup of it was found.")
            raise ArchiveDamaged(
                translate("Archive", "The archive {path} is damaged and was not opened; it has not been "
                    "changed. {hint}").format(path=path, hint=hint), last)
        conn = connect(path, read_only=True)
        try:
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            version = conn.execute("PRAGMA user_version").fetchone()[0]
        finally:
            conn.close()
        if app_id != APPLICATION_ID:
            raise NotAnArchive(translate("Archive", "{path} is an SQLite database but not a Kehu archive.")
                               .format(path=path))
        if version > migrations.LATEST:
            raise ArchiveTooNew(
                translate("Archive", "The archive {path} was written by a newer version of Kehu (format "
                    "{found}; this version reads up to {latest}). Install the newer "
                    "version to open it; the archive was not changed.")
                .format(path=path, found=version, latest=migrations.LATEST))

    # -- use ---------------------------------------------------------------
    def transaction(self):
        return transaction(self.conn)

    def reader(self) -> sqlite3.Connection:
        """An extra connection for another thread of this process (WAL lets it
        read while the main connection writes)."""
        return connect(self.path)

    def schema_version(self) -> int:
        return self.conn.execute("PRAGMA user_version").fetchone()[0]

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        with contextlib.suppress(sqlite3.Error):
            self.conn.execute("PRAGMA optimize")
        self.conn.close()
        _drop_lock(self.path)

    def __enter__(self) -> "Archive":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
