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

An archive may be encrypted at rest (SQLCipher, the whole file including its
header). The key is derived once per open from the passphrase with SQLCipher's
default key derivation (PBKDF2-HMAC-SHA512, 256,000 iterations, the file's own
16-byte salt) and then handed to every further connection as a raw key, so a
reader thread or a backup costs no second derivation. A passphrase is checked
on a read-only, immutable connection before anything else happens, so a wrong
one changes no file of the archive (main file, -wal, -shm or lock).

``sqlite3`` here is SQLCipher's DB-API module: import it from this module
(``from model.archive.database import sqlite3``), never the standard library's.
"""
from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import sys
import threading
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from sqlcipher3 import dbapi2 as sqlite3

from model.core.i18n import translate

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


class PassphraseNeeded(ArchiveError):
    """The archive is encrypted and no passphrase was given."""


class WrongPassphrase(ArchiveError):
    """The passphrase given does not open the archive.

    ``tries`` counts the wrong tries in a row; ``wait_seconds`` is how long the
    next try will be held back (0 while fewer than five tries failed)."""

    def __init__(self, message: str, tries: int = 0, wait_seconds: float = 0.0):
        super().__init__(message)
        self.tries = tries
        self.wait_seconds = wait_seconds


# -- encryption -------------------------------------------------------------
KDF_ITERATIONS = 256_000  # SQLCipher 4's default (PBKDF2-HMAC-SHA512)
SALT_SIZE = 16
_SQLITE_MAGIC = b"SQLite format 3\x00"


class Key:
    """A derived SQLCipher key with the salt of the file it belongs to.

    Holding a Key instead of the passphrase lets further connections skip the
    deliberately slow derivation. Its repr never shows the key."""

    __slots__ = ("raw", "salt")

    def __init__(self, raw: bytes, salt: bytes):
        self.raw = raw
        self.salt = salt

    def pragma_value(self) -> str:
        # SQLCipher's raw-key form with an explicit salt: x'<64 hex key><32 hex salt>'.
        return f"\"x'{self.raw.hex()}{self.salt.hex()}'\""

    def __repr__(self) -> str:
        return "Key(<hidden>)"

    def __eq__(self, other) -> bool:
        return isinstance(other, Key) and self.raw == other.raw and self.salt == other.salt

    def __hash__(self) -> int:
        return hash((self.raw, self.salt))


def derive_key(passphrase: str, salt: bytes) -> Key:
    """SQLCipher's default derivation, done here once so connections reuse it.
    The passphrase is NFC-normalised so the same text typed through different
    input methods gives the same key."""
    text = unicodedata.normalize("NFC", passphrase).encode("utf-8")
    raw = hashlib.pbkdf2_hmac("sha512", text, salt, KDF_ITERATIONS, 32)
    return Key(raw, salt)


def new_key(passphrase: str) -> Key:
    """A key for a new encrypted file (a fresh random salt)."""
    return derive_key(passphrase, os.urandom(SALT_SIZE))


def read_salt(path: Path) -> bytes:
    with open(path, "rb") as handle:
        return handle.read(SALT_SIZE)


def is_encrypted(path: Path | str) -> bool:
    """True when the file looks like an SQLCipher archive: not starting with
    SQLite's plain header, and whole pages long (a stray text or spreadsheet
    file is not mistaken for one)."""
    path = Path(path)
    try:
        size = path.stat().st_size
        with open(path, "rb") as handle:
            head = handle.read(_PLAIN_FRACTIONS_AT + len(_PLAIN_FRACTIONS))
    except OSError:
        return False
    if size < 1024 or head[:len(_SQLITE_MAGIC)] == _SQLITE_MAGIC or _damaged_plain_header(head):
        return False
    # Whole pages; or cut short, but keyed with the salt its encrypted backups share.
    return size % 512 == 0 or _salt_of_a_backup(path, head[:SALT_SIZE])


def _salt_of_a_backup(path: Path, salt: bytes) -> bool:
    from model.archive import backup
    for copy in backup.list_backups(path)[:3]:
        try:
            if copy.stat().st_size % 512 == 0 and read_salt(copy) == salt:
                return True
        except OSError:
            continue
    return False


# Bytes 21-23 of a plain SQLite header are always 64, 32, 32 (payload fractions); in an
# SQLCipher file they are ciphertext. A plain archive whose first bytes were damaged
# keeps them, so it is reported as damaged, not taken for an encrypted one.
_PLAIN_FRACTIONS_AT, _PLAIN_FRACTIONS = 21, b"\x40\x20\x20"


def _damaged_plain_header(head: bytes) -> bool:
    return (head[:len(_SQLITE_MAGIC)] != _SQLITE_MAGIC
            and head[_PLAIN_FRACTIONS_AT:_PLAIN_FRACTIONS_AT + 3] == _PLAIN_FRACTIONS)


def _key_for(path: Path, passphrase: "str | Key | None") -> "Key | None":
    if passphrase is None or isinstance(passphrase, Key):
        return passphrase
    if Path(path).exists() and Path(path).stat().st_size >= SALT_SIZE:
        return derive_key(passphrase, read_salt(path))
    return new_key(passphrase)


def key_opens(path: Path, key: Key) -> bool:
    """Whether ``key`` is the key of ``path``, checked without changing or
    creating any file: some page of the file or of its write-ahead log carries
    a check code made with it (model.archive.archive_check.key_fits). The log counts: an
    archive killed while its log was being copied into the file still opens."""
    from model.archive import archive_check
    return archive_check.key_fits(Path(path), key)


def unlock(path: Path, passphrase: str) -> Key:
    """The key for the encrypted archive at ``path``, or :class:`WrongPassphrase`,
    or :class:`ArchiveDamaged` when the passphrase fits no page of the archive but
    opens its latest backup (the archive is damaged, not the passphrase wrong).

    Wrong tries are counted per archive, across runs of the program; after five
    each further try is held back a little longer (model.archive.passphrase.throttle)."""
    from model.archive import archive_check, backup
    from model.archive.passphrase import throttle
    path = Path(path).resolve()
    throttle.wait(path)
    # A damaged first page may have lost the salt: its copy in the log, and the
    # backups (keyed with the archive's salt), still give it.
    backups = [b for b in backup.list_backups(path)[:3] if is_encrypted(b)]
    candidates = archive_check.salts(path) + [read_salt(b) for b in backups]
    for salt in dict.fromkeys(candidates):
        key = derive_key(passphrase, salt)
        if key_opens(path, key):
            throttle.succeeded(path)
            if candidates and salt != candidates[0]:
                # The right passphrase, but the file's own salt is damaged.
                raise damaged_error(path, backup.latest_backup(path))
            return key
    last = backup.latest_backup(path)
    # The latest backup keyed like the archive (same salt: not from before a change of
    # passphrase) opens with it, but the archive does not: the archive is damaged.
    if (last is not None and last in backups and candidates and read_salt(last) == candidates[0]
            and key_opens(last, derive_key(passphrase, read_salt(last)))):
        throttle.succeeded(path)
        raise damaged_error(path, last)
    tries = throttle.failed(path)
    wait = throttle.delay_after(tries)
    message = translate("Archive", "The passphrase does not open {path}. Check it (Caps Lock, keyboard "
                        "layout) and try again.").format(path=path)
    if wait > 0:
        message += " " + translate("Archive", "After {count} wrong tries, each further try waits longer "
                                   "(the next one {seconds} s).").format(count=tries, seconds=round(wait))
    raise WrongPassphrase(message, tries, wait)


# Where Archive.open gets a passphrase it was not given (the command line sets one
# that reads KEHU_PASSPHRASE or asks at the terminal); None: PassphraseNeeded.
_passphrase_provider = None


def set_passphrase_provider(provider) -> None:
    """``provider(path) -> str | None`` is asked when an encrypted archive is
    opened without a passphrase. None removes it."""
    global _passphrase_provider
    _passphrase_provider = provider


def provided_passphrase(path: Path) -> str | None:
    return _passphrase_provider(Path(path)) if _passphrase_provider is not None else None


class Connection(sqlite3.Connection):
    """A connection that remembers the key it was opened with (``kehu_key``,
    None when plain), so a backup of it can be encrypted the same way."""

    kehu_key: "Key | None" = None


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


def damaged_error(path: Path, last: Path | None) -> ArchiveDamaged:
    """The refusal of a damaged archive, offering its last backup."""
    if last is not None:
        hint = translate("Archive", "The last backup is {backup}. Use Archive → Restore from backup, "
                   "or 'python main.py restore'.").format(backup=last)
    else:
        hint = translate("Archive", "No backup of it was found.")
    return ArchiveDamaged(
        translate("Archive", "The archive {path} is damaged and was not opened; it has not been "
            "changed. {hint}").format(path=path, hint=hint), last)


def refuse_unusable_path(path: Path) -> None:
    """A path that is a folder is no archive to open or check."""
    if path.is_dir():
        raise NotAnArchive(translate("Archive", "{path} is a folder, not an archive file. Give the path "
                                     "of the archive file (…/name.kehu).").format(path=path))


def refuse_read_only(path: Path) -> None:
    """An archive in a folder that cannot be written, or a read-only archive file,
    cannot be opened for work (its lock file and log live beside it); say so before
    anything is touched. ``check`` still looks at it (it writes nothing)."""
    folder = path.parent
    if not os.access(folder, os.W_OK | os.X_OK):
        raise ArchiveError(translate("Archive", "The folder {folder} cannot be written (it is read-only), "
                                     "and Kehu keeps a lock file and a log beside the archive while "
                                     "it is open. Copy the archive to a folder you can write to, or "
                                     "run 'python main.py check {path}', which writes nothing.")
                           .format(folder=folder, path=path))
    if path.exists() and not os.access(path, os.W_OK):
        raise ArchiveError(translate("Archive", "The archive file {path} is read-only, so it cannot be "
                                     "opened for work. Make it writable (file properties), or copy it; "
                                     "'python main.py check {path}' looks at it without writing.")
                           .format(path=path))


class _ProcessLock:
    """An exclusive OS-level lock held for as long as this process has the archive open."""

    def __init__(self, archive_path: Path):
        self.path = archive_path.with_name(archive_path.name + ".lock")
        self._file = None

    def acquire(self) -> bool:
        from model.core import private_files
        try:
            handle = private_files.open_private(self.path, "a+b")
        except OSError as exc:
            raise ArchiveError(translate("Archive", "The lock file {path} cannot be created: {error}. "
                                         "Kehu needs to write beside the archive while it is open.")
                               .format(path=self.path, error=exc.strerror or exc)) from exc
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
    try:        # holding the lock, nobody is restoring: a copy left by a killed restore goes
        restoring_copy(path).unlink(missing_ok=True)
    except OSError:
        pass


def restoring_copy(path: Path) -> Path:
    """Where a restore puts the backup's copy before swapping it in (beside the archive)."""
    return Path(path).parent / f".{Path(path).name}.restoring"


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


def connect(path: Path, *, read_only: bool = False,
            passphrase: "str | Key | None" = None) -> Connection:
    """A connection with the archive's pragmas. Callers manage transactions
    through :func:`transaction`; the connection itself is in autocommit mode.

    ``passphrase`` (text, or a :class:`Key` already derived) opens an encrypted
    archive, or makes a new file encrypted; None means plain. A wrong one
    surfaces as ``sqlite3.DatabaseError`` at the first statement that reads;
    :func:`unlock` checks a passphrase without touching the file."""
    key = _key_for(path, passphrase)
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
    key = _key_for(path, passphrase) if passphrase is not None else None
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
        return handle.read(16) == _SQLITE_MAGIC


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
        _hold_lock(path)
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
            _drop_lock(path)
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
        _hold_lock(path)
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
            _drop_lock(path)
            raise
        return cls(path, conn, key)

    @staticmethod
    def _verify(path: Path, key: Key | None = None) -> None:
        from model.archive import backup, migrations
        if key is None and not _is_sqlite_file(path) and not _damaged_plain_header(_head(path)):
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
        _drop_lock(self.path)

    def __enter__(self) -> "Archive":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
