"""Looking at an archive's files without writing anything: whether a key fits,
and whether the archive (its file and its write-ahead log) is whole.

SQLite cannot read a database in WAL mode read-only without creating its
``-shm`` file (and a read-only look that ignores the log misses every change
not yet copied into the file). So this module reads the bytes itself:

* the log (``<archive>-wal``): its frames up to the last whole transaction,
  each checked by SQLite's own running checksum and the log's salts;
* for an encrypted archive, each page's check code (SQLCipher 4: HMAC-SHA512
  over the page's ciphertext, its IV and its number, keyed from the archive's
  key). A page whose code fits proves the key right; a page whose code does not
  fit under the right key is damaged. A wrong passphrase therefore fits *no*
  page, while a damaged archive still has pages the right key fits (or a
  backup it opens) — which is how damage is told from a wrong passphrase;
* the image of the database (file pages, overlaid with the log's committed
  frames; decrypted in memory for an encrypted archive) is then checked by
  SQLite in memory (``PRAGMA quick_check``), and every stored text is checked
  to be valid UTF-8.

Nothing is written: not the archive, its log, ``-shm`` or lock file, nor any
temporary file (a plain or decrypted image lives only in memory).
"""
from __future__ import annotations

import hashlib
import hmac
import sqlite3 as memory_sqlite  # the standard library's SQLite: only for in-memory images
import struct
from dataclasses import dataclass, field
from pathlib import Path

from model.core.i18n import translate

# SQLCipher 4's defaults (the program sets none of them): 4096-byte pages, each ending in
# a 16-byte IV and a 64-byte HMAC-SHA512 (80 bytes reserved); page 1 begins with the salt.
PAGE_SIZE = 4096
SALT_SIZE = 16
IV_SIZE = 16
HMAC_SIZE = 64
RESERVE = 80
HMAC_SALT_MASK = 0x3A
HMAC_KDF_ITERATIONS = 2

_SQLITE_MAGIC = b"SQLite format 3\x00"
_WAL_MAGICS = (0x377F0682, 0x377F0683)
_WAL_HEADER = 32
_FRAME_HEADER = 24


def wal_path(path: Path) -> Path:
    return Path(str(path) + "-wal")


# -- the write-ahead log --------------------------------------------------------

@dataclass
class WalLog:
    """The log's frames: ``committed`` maps a page number to its newest image in
    a whole transaction; ``size`` is the database's size in pages after the last
    one (None: no whole transaction); ``frames`` every frame read (whole or not)."""
    page_size: int = 0
    committed: dict[int, bytes] = field(default_factory=dict)
    size: int | None = None
    transactions: int = 0
    frames: list[tuple[int, bytes]] = field(default_factory=list)


def _checksum(data: bytes, s0: int, s1: int, big_endian: bool) -> tuple[int, int]:
    words = struct.unpack(f"{'>' if big_endian else '<'}{len(data) // 4}I", data)
    for i in range(0, len(words), 2):
        s0 = (s0 + words[i] + s1) & 0xFFFFFFFF
        s1 = (s1 + words[i + 1] + s0) & 0xFFFFFFFF
    return s0, s1


def read_wal(path: Path) -> WalLog:
    """The archive's log, read as SQLite's recovery reads it (without writing)."""
    log = WalLog()
    try:
        data = wal_path(path).read_bytes()
    except OSError:
        return log
    if len(data) < _WAL_HEADER:
        return log
    magic, _version, page_size, _seq, salt1, salt2, c0, c1 = struct.unpack(">8I", data[:_WAL_HEADER])
    if magic not in _WAL_MAGICS or page_size < 512 or page_size & (page_size - 1):
        return log
    big = bool(magic & 1)
    if _checksum(data[:24], 0, 0, big) != (c0, c1):
        return log
    log.page_size = page_size
    s0, s1 = c0, c1
    pending: dict[int, bytes] = {}
    offset = _WAL_HEADER
    while offset + _FRAME_HEADER + page_size <= len(data):
        header = data[offset:offset + _FRAME_HEADER]
        page = data[offset + _FRAME_HEADER:offset + _FRAME_HEADER + page_size]
        pgno, commit, f1, f2, fc0, fc1 = struct.unpack(">6I", header)
        log.frames.append((pgno, page))
        if (f1, f2) != (salt1, salt2) or pgno == 0:
            break
        s0, s1 = _checksum(header[:8], s0, s1, big)
        s0, s1 = _checksum(page, s0, s1, big)
        if (s0, s1) != (fc0, fc1):
            break
        pending[pgno] = page
        if commit:
            log.committed.update(pending)
            pending = {}
            log.size = commit
            log.transactions += 1
        offset += _FRAME_HEADER + page_size
    return log


# -- keys and pages of an encrypted archive ----------------------------------------

def hmac_key(key) -> bytes:
    """SQLCipher's page-check key: PBKDF2-HMAC-SHA512 of the key, 2 rounds, salt ^ 0x3a."""
    salt = bytes(b ^ HMAC_SALT_MASK for b in key.salt)
    return hashlib.pbkdf2_hmac("sha512", key.raw, salt, HMAC_KDF_ITERATIONS, 32)


def page_fits(check_key: bytes, pgno: int, page: bytes) -> bool:
    """Whether this encrypted page's check code fits the key (and so is undamaged)."""
    if len(page) != PAGE_SIZE:
        return False
    start = SALT_SIZE if pgno == 1 else 0
    body = page[start:PAGE_SIZE - HMAC_SIZE]        # ciphertext and IV
    code = hmac.new(check_key, body + struct.pack("<I", pgno), "sha512").digest()
    return hmac.compare_digest(code, page[PAGE_SIZE - HMAC_SIZE:])


def key_fits(path: Path, key) -> bool:
    """Whether ``key`` is the key of the encrypted archive at ``path``: some page of
    the file or of its log carries a check code made with it. Page 1 is tried first
    (one page: the usual case costs nothing); a damaged page 1 or a file whose pages
    are mostly in its log still proves a right key. At most :data:`SAMPLE` pages of
    the log and of the file (spread over it) are tried, so a wrong passphrase costs
    the same on a large archive."""
    check_key = hmac_key(key)
    try:
        with open(path, "rb") as handle:
            if page_fits(check_key, 1, handle.read(PAGE_SIZE)):
                return True
            frames = read_wal(path).frames
            for pgno, page in frames[::max(1, len(frames) // SAMPLE)]:
                if page_fits(check_key, pgno, page):
                    return True
            pages = Path(path).stat().st_size // PAGE_SIZE
            for pgno in range(2, pages + 1, max(1, pages // SAMPLE)):
                handle.seek((pgno - 1) * PAGE_SIZE)
                if page_fits(check_key, pgno, handle.read(PAGE_SIZE)):
                    return True
            return False
    except OSError:
        return False


SAMPLE = 256


def salts(path: Path) -> list[bytes]:
    """The salts an encrypted archive may have been keyed with: its file's first
    bytes, then those of page 1 in its log (a damaged first page keeps them there)."""
    found = []
    try:
        with open(path, "rb") as handle:
            head = handle.read(SALT_SIZE)
        if len(head) == SALT_SIZE:
            found.append(head)
    except OSError:
        pass
    for pgno, page in read_wal(path).frames:
        if pgno == 1 and page[:SALT_SIZE] not in found:
            found.append(page[:SALT_SIZE])
    return found


class _OpenSSL:
    """AES-256-CBC decryption with the OpenSSL that SQLCipher's own library carries
    (its EVP functions are exported), so checking an encrypted archive needs nothing
    the installers leave out; the ``cryptography`` package where those are hidden."""

    _lib = None

    @classmethod
    def lib(cls):
        if cls._lib is None:
            import ctypes

            import sqlcipher3._sqlite3 as engine
            lib = ctypes.CDLL(engine.__file__)
            lib.EVP_CIPHER_CTX_new.restype = ctypes.c_void_p
            lib.EVP_CIPHER_CTX_free.argtypes = [ctypes.c_void_p]
            lib.EVP_aes_256_cbc.restype = ctypes.c_void_p
            lib.EVP_DecryptInit_ex.argtypes = [ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p,
                                               ctypes.c_char_p, ctypes.c_char_p]
            lib.EVP_CIPHER_CTX_set_padding.argtypes = [ctypes.c_void_p, ctypes.c_int]
            lib.EVP_DecryptUpdate.argtypes = [ctypes.c_void_p, ctypes.c_char_p,
                                              ctypes.POINTER(ctypes.c_int), ctypes.c_char_p, ctypes.c_int]
            cls._lib = lib
        return cls._lib


def aes_cbc_decrypt(key: bytes, iv: bytes, data: bytes) -> bytes:
    """``data`` (a whole number of blocks, no padding) decrypted with AES-256-CBC."""
    try:
        lib = _OpenSSL.lib()
    except (ImportError, OSError, AttributeError):
        from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
        decryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
        return decryptor.update(data) + decryptor.finalize()
    import ctypes
    ctx = lib.EVP_CIPHER_CTX_new()
    if not ctx:
        raise MemoryError("EVP_CIPHER_CTX_new")
    try:
        out = ctypes.create_string_buffer(len(data) + 16)
        written = ctypes.c_int(0)
        if (lib.EVP_DecryptInit_ex(ctx, lib.EVP_aes_256_cbc(), None, key, iv) != 1
                or lib.EVP_CIPHER_CTX_set_padding(ctx, 0) != 1
                or lib.EVP_DecryptUpdate(ctx, out, ctypes.byref(written), data, len(data)) != 1):
            raise ValueError("AES-256-CBC decryption failed")
        return out.raw[:written.value]
    finally:
        lib.EVP_CIPHER_CTX_free(ctx)


def _decrypt(key, pgno: int, page: bytes) -> bytes:
    start = SALT_SIZE if pgno == 1 else 0
    end = PAGE_SIZE - RESERVE
    iv = page[end:end + IV_SIZE]
    plain = aes_cbc_decrypt(key.raw, iv, page[start:end])
    head = _SQLITE_MAGIC if pgno == 1 else b""
    return head + plain + bytes(RESERVE)


# -- the whole check ----------------------------------------------------------------

@dataclass
class Inspection:
    ok: bool
    problems: list[str]
    damaged_text: list[tuple[str, int, str]] = field(default_factory=list)  # (table, rowid, column)


def _problem_page(pgno: int) -> str:
    return translate("Archive", "Page {page} is damaged (its check code does not match).").format(page=pgno)


def image(path: Path, key=None) -> tuple[bytes, list[str]]:
    """The database as SQLite would read it (file overlaid with the log's whole
    transactions), decrypted when ``key`` is given; and the damage found on the way."""
    data = Path(path).read_bytes()
    problems: list[str] = []
    log = read_wal(path)
    page_size = PAGE_SIZE if key is not None else (log.page_size or _plain_page_size(data))
    if len(data) % page_size:
        problems.append(translate("Archive", "The file is cut short: it ends inside a page."))
        data = data[:len(data) - len(data) % page_size]
    pages = [data[i:i + page_size] for i in range(0, len(data), page_size)]
    if log.size is not None:
        pages = pages[:log.size] + [bytes(page_size)] * max(0, log.size - len(pages))
        for pgno, page in log.committed.items():
            if pgno <= log.size and len(page) == page_size:
                pages[pgno - 1] = page
    if key is not None:
        if pages and pages[0][:SALT_SIZE] != key.salt:
            problems.append(translate("Archive", "The file's first bytes (the salt its key is made "
                                      "with) are damaged."))
        check_key = hmac_key(key)
        plain = []
        for pgno, page in enumerate(pages, start=1):
            if not page_fits(check_key, pgno, page):
                if any(page):
                    problems.append(_problem_page(pgno))
                elif pgno == 1 or len(problems) < 50:
                    problems.append(_problem_page(pgno))
                plain.append(bytes(page_size))
                continue
            plain.append(_decrypt(key, pgno, page))
        pages = plain
    result = b"".join(pages)
    if result[18:20] == b"\x02\x02":
        # In memory there is no log: read the image as a rollback-journal database.
        result = result[:18] + b"\x01\x01" + result[20:]
    if result[:len(_SQLITE_MAGIC)] != _SQLITE_MAGIC:
        problems.append(translate("Archive", "The file's header is damaged."))
    elif len(result) >= 32:
        # Bytes 28-31: the size in pages, valid when the change counters at 24 and 92 agree.
        declared = struct.unpack(">I", result[28:32])[0]
        if result[24:28] == result[92:96] and declared > len(pages):
            problems.append(translate("Archive", "The file is cut short: it should hold {expected} pages, "
                                      "it holds {found}.").format(expected=declared, found=len(pages)))
    return result, problems


def _plain_page_size(data: bytes) -> int:
    if len(data) >= 18 and data[:len(_SQLITE_MAGIC)] == _SQLITE_MAGIC:
        size = struct.unpack(">H", data[16:18])[0]
        size = 65536 if size == 1 else size
        if size >= 512 and not size & (size - 1):
            return size
    return PAGE_SIZE


def inspect(path: Path, key=None) -> Inspection:
    """Check the archive at ``path`` (``key`` for an encrypted one), writing nothing."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        return Inspection(False, [translate("Archive", "The file cannot be read: {error}")
                                  .format(error=exc.strerror or exc)])
    if size == 0 and not read_wal(path).transactions:
        return Inspection(False, [translate("Archive", "The file is empty (0 bytes): everything it held "
                                            "is lost.")])
    try:
        data, problems = image(path, key)
    except OSError as exc:
        return Inspection(False, [translate("Archive", "The file cannot be read: {error}")
                                  .format(error=exc.strerror or exc)])
    if any(p.startswith(translate("Archive", "The file's header is damaged.")) for p in problems):
        return Inspection(False, problems)
    conn = memory_sqlite.connect(":memory:")
    try:
        conn.text_factory = lambda raw: raw.decode("utf-8", "replace")
        try:
            conn.deserialize(data)
            rows = conn.execute("PRAGMA quick_check").fetchall()
            problems += [r[0] for r in rows if r[0] != "ok"]
        except memory_sqlite.DatabaseError as exc:
            problems.append(str(exc))
            return Inspection(False, problems)
        if not problems and schema_damaged(conn):
            problems.append(translate("Archive", "The archive's table definitions are damaged (bytes "
                                      "that are not text)."))
        damaged = [] if problems else damaged_text(conn)
    finally:
        conn.close()
    for table, rowid, column in damaged[:50]:
        problems.append(text_problem(table, rowid, column))
    return Inspection(not problems, problems, damaged)


def text_problem(table: str, rowid: int, column: str) -> str:
    return translate("Archive", "Record {id} of {table}: the text in '{column}' is damaged (bytes that "
                     "are not text).").format(id=rowid, table=table, column=column)


def schema_damaged(conn) -> bool:
    """Whether the stored table definitions (``sqlite_master``) hold bytes that are not
    UTF-8: SQLite's checks pass, but no query of such a table can be read."""
    previous = conn.text_factory
    conn.text_factory = bytes
    try:
        for row in conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master"):
            for value in row:
                if isinstance(value, bytes):
                    value.decode("utf-8")
        return False
    except UnicodeDecodeError:
        return True
    finally:
        conn.text_factory = previous


def damaged_text(conn) -> list[tuple[str, int, str]]:
    """(table, rowid, column) of every stored text that is not valid UTF-8. ``conn`` is
    any DB-API connection to the archive (SQLite's checks cannot see such bytes: the
    page is well formed, only the value no longer reads as text)."""
    found = []
    tables = [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "AND sql NOT LIKE 'CREATE VIRTUAL%'")]
    columns_of = {t: [r[1] for r in conn.execute(f'PRAGMA table_info("{t}")')] for t in tables}
    previous = conn.text_factory
    conn.text_factory = bytes
    try:
        for table in tables:
            columns = columns_of[table]
            if not columns:
                continue
            texts = ", ".join(f'CASE WHEN typeof("{c}") = \'text\' THEN "{c}" END' for c in columns)
            try:
                cursor = conn.execute(f'SELECT rowid, {texts} FROM "{table}"')
            except Exception:  # noqa: BLE001 - a WITHOUT ROWID table: read without rowids
                cursor = conn.execute(f'SELECT NULL, {texts} FROM "{table}"')
            for row in cursor:
                for column, value in zip(columns, row[1:]):
                    if value is None:
                        continue
                    try:
                        value.decode("utf-8")
                    except UnicodeDecodeError:
                        found.append((table, row[0], column))
    finally:
        conn.text_factory = previous
    return found
