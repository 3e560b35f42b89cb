"""The keys of encrypted archives: deriving one from a passphrase (once per open),
telling an encrypted file from a plain one, checking a passphrase without touching
the file, and where an open gets a passphrase it was not given.
``database.<name>`` re-exports the public names."""
from __future__ import annotations

import hashlib
import os
import unicodedata
from pathlib import Path

from model.core.errors import WrongPassphrase, damaged_error
from model.core.i18n import translate

# -- encryption -------------------------------------------------------------
KDF_ITERATIONS = 256_000  # SQLCipher 4's default (PBKDF2-HMAC-SHA512)
SALT_SIZE = 16
SQLITE_MAGIC = b"SQLite format 3\x00"


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
    if size < 1024 or head[:len(SQLITE_MAGIC)] == SQLITE_MAGIC or damaged_plain_header(head):
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


def damaged_plain_header(head: bytes) -> bool:
    return (head[:len(SQLITE_MAGIC)] != SQLITE_MAGIC
            and head[_PLAIN_FRACTIONS_AT:_PLAIN_FRACTIONS_AT + 3] == _PLAIN_FRACTIONS)


def key_for(path: Path, passphrase: "str | Key | None") -> "Key | None":
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
