"""The one database module: opening an archive, its pragmas, transactions, errors.
(The errors are in model/core/errors.py, the keys of encrypted archives in keys.py,
the process lock in process_lock.py; this module re-exports all of their names.)

Everything else in the program asks this module for a connection and a
transaction; nothing else sets pragmas or begins transactions by hand.

An archive is one SQLite file. Opening it:
1. refuses a second process (an OS lock on ``<archive>.lock``),
2. checks the file read-only (``PRAGMA quick_check``) so a damaged file is
   never modified,
3. refuses an archive written by a newer version of the program,
4. takes a verified backup and migrates an older archive, each migration in
   its own transaction.

An archive may be encrypted at rest (SQLCipher, the whole file including its
header). The key is derived once per open from the passphrase with SQLCipher's
default key derivation (PBKDF2-HMAC-SHA512, 256,000 iterations, the file's own
16-byte salt) and then handed to every further connection as a raw key, so a
reader thread or a backup costs no second derivation. A passphrase is checked
on a read-only, immutable connection before anything else happens, so a wrong
one changes no file of the archive (main file, -wal, -shm or lock).

``sqlite3`` here is SQLCipher's DB-API module (:mod:`model.core.sqlite`): import it from
this module (``from model.archive.database import sqlite3``) or from model.core.sqlite,
never the standard library's.
"""
from __future__ import annotations

import contextlib
import functools
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from model.core.sqlite import sqlite3

# The errors, the keys and the process lock live in their own modules; every public
# name of theirs is re-exported here, so ``database.<name>`` stays the one way in.
from model.core.errors import (  # noqa: F401
    ArchiveDamaged, ArchiveError, ArchiveLocked, ArchiveMissing, ArchiveTooNew, DiskFull,
    NotAnArchive, PassphraseNeeded, WrongPassphrase, damaged_error, known_error,
    refuse_read_only, refuse_unusable_path,
)
from model.archive.keys import (  # noqa: F401
    KDF_ITERATIONS, SALT_SIZE, SQLITE_MAGIC, Key, damaged_plain_header, derive_key, is_encrypted,
    key_for, key_opens, new_key, provided_passphrase, read_salt, set_passphrase_provider, unlock,
)
from model.archive.process_lock import ProcessLock, drop_lock, hold_lock, restoring_copy  # noqa: F401
from model.core.i18n import translate

APPLICATION_ID = 0x4B454855  # "KEHU": marks the file as a Kehu archive.


class Connection(sqlite3.Connection):
    """A connection that remembers the key it was opened with (``kehu_key``,
    None when plain), so a backup of it can be encrypted the same way."""

    kehu_key: "Key | None" = None


def connect(path: Path, *, read_only: bool = False,
            passphrase: "str | Key | None" = None) -> Connection:
    """A connection with the archive's pragmas. Callers manage transactions
    through :func:`transaction`; the connection itself is in autocommit mode.

    ``passphrase`` (text, or a :class:`Key` already derived) opens an encrypted
    archive, or makes a new file encrypted; None means plain. A wrong one
    surfaces as ``sqlite3.DatabaseError`` at the first statement that reads;
    :func:`unlock` checks a passphrase without touching the file."""
    key = key_for(path, passphrase)
    if read_only:
        uri = Path(path).resolve().as_uri() + "?mode=ro"
        conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False,
                               factory=Connection)
    else:
        conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False,
                               timeout=30, factory=Connection)
    conn.execute("PRAGMA cipher_log_level = NONE")  # a wrong key is our error to report, not stderr noise
    if key is not None:
        conn.execute(f"PRAGMA key = {key.pragma_value()}")
        conn.kehu_key = key
    conn.row_factory = sqlite3.Row
    conn.text_factory = read_text
    # Freed pages are overwritten (the standard library's SQLite was built with
    # this on; SQLCipher's is not): a deleted customer leaves no trace in the file.
    conn.execute("PRAGMA secure_delete = ON")
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
        conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
    return conn


CACHE_KIB = 32768           # a connection's page cache (see connect)
BULK_CACHE_KIB = 262144     # for the duration of one bulk write (see bulk_cache)


@contextlib.contextmanager
def bulk_cache(conn: sqlite3.Connection):
    """A larger page cache (256 MB, taken only as pages are read) while one bulk write runs:
    a grading run writes 300,000 grade and history rows of a 100,000-customer book, and each
    row's foreign-key check reads a customer's page; with the connection's 32 MB those
    reads push the pages being written out of the cache and back. The cache is given back
    after (SQLite frees the pages over the limit)."""
    conn.execute(f"PRAGMA cache_size = -{BULK_CACHE_KIB}")
    try:
        yield
    finally:
        conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")


# Every text read survives bytes that are not UTF-8 (a damaged stored value): they
# read as U+FFFD instead of failing the whole query. ``check`` names such records
# (model.archive.archive_check.damaged_text); an export counts them and says so.
read_text = functools.partial(str, encoding="utf-8", errors="replace")
DAMAGED_TEXT_MARK = "\ufffd"


def reads_only(conn: Connection) -> None:
    """From now on this connection only reads (``PRAGMA query_only``): a write on it fails
    at once. The window's own connection is made so; its writes go through the writer."""
    conn.execute("PRAGMA query_only = 1")


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


def check_file(path: Path, passphrase: "str | Key | None" = None) -> HealthReport:
    """Check an archive (its file and write-ahead log) without writing any file:
    no lock, no -wal or -shm, nothing in a temporary folder (model.archive.archive_check).
    Damaged pages, a file cut short, an empty file and stored text that is not
    text are all reported as problems."""
    from model.archive import archive_check
    path = Path(path)
    if not path.exists():
        raise ArchiveMissing(translate("Archive", "There is no archive at {path}.").format(path=path))
    refuse_unusable_path(path)
    if passphrase is None and is_encrypted(path):
        raise PassphraseNeeded(translate("Archive", "The archive {path} is encrypted: it can only be "
                                         "checked with its passphrase.").format(path=path))
    key = key_for(path, passphrase) if passphrase is not None else None
    found = archive_check.inspect(path, key)
    return HealthReport(found.ok, found.problems)


def _sqlite_check(path: Path, passphrase: "str | Key | None" = None) -> HealthReport:
    """SQLite's own quick check on a read-only connection (it may create the -shm
    file of a log): what opening an archive for work uses, as it writes anyway."""
    try:
        conn = connect(path, read_only=True, passphrase=passphrase)
    except sqlite3.Error as exc:
        return HealthReport(False, [str(exc)])
    # A report about a damaged page may quote bytes that are not text.
    conn.text_factory = lambda data: data.decode("utf-8", "replace")
    try:
        rows = conn.execute("PRAGMA quick_check").fetchall()
        problems = [r[0] for r in rows if r[0] != "ok"]
        return HealthReport(not problems, problems)
    except sqlite3.DatabaseError as exc:
        return HealthReport(False, [str(exc)])
    finally:
        conn.close()


def _head(path: Path) -> bytes:
    with open(path, "rb") as handle:
        return handle.read(100)


def _is_sqlite_file(path: Path) -> bool:
    with open(path, "rb") as handle:
        return handle.read(16) == SQLITE_MAGIC


class Archive:
    """An open archive: the process lock, the main connection, the path, and
    for an encrypted archive its key (dropped on close)."""

    def __init__(self, path: Path, conn: sqlite3.Connection, key: Key | None = None):
        self.path = path
        self.conn = conn
        self.key = key
        self._encrypted = key is not None
        self._closed = False
        self._close_hooks: list = []

    def on_close(self, hook) -> None:
        """Call ``hook()`` when the archive closes, before its connection does (the
        window's writer closes its own connection this way)."""
        self._close_hooks.append(hook)

    # -- opening -----------------------------------------------------------
    @classmethod
    def create(cls, path: Path | str, passphrase: str | None = None) -> "Archive":
        """A new, empty archive at ``path`` (which must not exist); encrypted
        with ``passphrase`` unless it is None."""
        path = Path(path).resolve()
        if path.exists():
            raise ArchiveError(translate("Archive", "{path} already exists. Choose another name, or open it.")
                               .format(path=path))
        if not path.parent.is_dir():
            raise ArchiveError(translate("Archive", "The folder {folder} does not exist.").format(folder=path.parent))
        if passphrase is not None and not passphrase:
            raise ArchiveError(translate("Archive", "The passphrase is empty. Type one, or choose a plain "
                                         "archive without encryption."))
        key = new_key(passphrase) if passphrase is not None else None
        hold_lock(path)
        try:
            from model.core import private_files
            # Owner-only from its first byte; SQLite gives its -wal and -shm the same mode.
            private_files.create_empty(path)
            conn = connect(path, passphrase=key)
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            from model.archive import migrations
            migrations.migrate(conn, path, backup_first=False)
        except BaseException:
            with contextlib.suppress(NameError, sqlite3.Error):
                conn.close()
            for extra in ("", "-wal", "-shm"):     # a new archive that failed leaves nothing
                with contextlib.suppress(OSError):
                    Path(str(path) + extra).unlink()
            drop_lock(path)
            raise
        return cls(path, conn, key)

    @classmethod
    def open(cls, path: Path | str, passphrase: "str | Key | None" = None) -> "Archive":
        """Open an existing archive. An encrypted one needs ``passphrase``
        (:class:`PassphraseNeeded` without it, :class:`WrongPassphrase` when it
        does not fit, in both cases with every file left as it was); for a
        plain archive the passphrase is ignored."""
        path = Path(path).resolve()
        if not path.exists():
            raise ArchiveMissing(
                translate("Archive", "There is no archive at {path}. Create one first with "
                    "'python main.py new {path}' or File → New archive.").format(path=path))
        refuse_unusable_path(path)
        if path.stat().st_size == 0 and not Path(str(path) + "-wal").exists():
            from model.archive import backup
            raise damaged_error(path, backup.latest_backup(path))
        refuse_read_only(path)
        key = None
        if is_encrypted(path):
            if passphrase is None or passphrase == "":
                passphrase = provided_passphrase(path)
            if passphrase is None or passphrase == "":
                raise PassphraseNeeded(
                    translate("Archive", "The archive {path} is encrypted. Enter its passphrase to open it "
                              "(in the command line: set KEHU_PASSPHRASE or type it when asked).")
                    .format(path=path))
            if isinstance(passphrase, Key):
                key = passphrase
                if not key_opens(path, key):
                    raise WrongPassphrase(translate("Archive", "The saved key no longer opens {path} (its "
                                                    "passphrase was changed). Enter the passphrase.")
                                          .format(path=path))
            else:
                key = unlock(path, passphrase)
        hold_lock(path)
        try:
            cls._verify(path, key)
            conn = connect(path, passphrase=key)
            from model.archive import migrations
            migrations.migrate(conn, path, backup_first=True)
            from model.archive import backup
            from model.core import private_files
            private_files.restrict(path)       # an archive made before files were owner-only
            backup.remove_unfinished(backup.backup_dir(path), path.stem)
        except BaseException:
            drop_lock(path)
            raise
        return cls(path, conn, key)

    @staticmethod
    def _verify(path: Path, key: Key | None = None) -> None:
        from model.archive import backup, migrations
        if key is None and not _is_sqlite_file(path) and not damaged_plain_header(_head(path)):
            raise NotAnArchive(translate("Archive", "{path} is not a Kehu archive (it is not an SQLite database).")
                               .format(path=path))
        extras = [Path(str(path) + extra) for extra in ("-wal", "-shm")]
        absent = [p for p in extras if not p.exists()]
        report = _sqlite_check(path, key)
        if report.ok:
            from model.archive import archive_check
            conn = connect(path, read_only=True, passphrase=key)
            try:
                if archive_check.schema_damaged(conn):
                    report = HealthReport(False, ["schema"])
            finally:
                conn.close()
        if not report.ok:
            # A refused archive is left as it was: no empty log or index of SQLite's look.
            for made in absent:
                with contextlib.suppress(OSError):
                    if made.name.endswith("-shm") or made.stat().st_size == 0:
                        made.unlink()
            raise damaged_error(path, backup.latest_backup(path))
        conn = connect(path, read_only=True, passphrase=key)
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
    @property
    def encrypted(self) -> bool:
        return self._encrypted

    def transaction(self):
        return transaction(self.conn)

    def reader(self) -> sqlite3.Connection:
        """An extra connection for another thread of this process (WAL lets it
        read while the main connection writes), keyed like the archive."""
        if self._closed:
            raise ArchiveError(translate("Archive", "The archive {path} is closed. Open it again to go on.")
                               .format(path=self.path))
        return connect(self.path, passphrase=self.key)

    def schema_version(self) -> int:
        return self.conn.execute("PRAGMA user_version").fetchone()[0]

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        hooks, self._close_hooks = self._close_hooks, []
        for hook in hooks:
            hook()
        with contextlib.suppress(sqlite3.Error):
            self.conn.execute("PRAGMA optimize")
        self.conn.close()
        self.key = None  # the key leaves memory with the archive (as far as Python lets it)
        drop_lock(self.path)

    def __enter__(self) -> "Archive":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
