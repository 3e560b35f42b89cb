"""The errors the user can act on (``str()`` is the message, already translated) and
the refusals of an archive that cannot be opened. ``database.<name>`` re-exports them."""
from __future__ import annotations

import os
from pathlib import Path

from model.core.i18n import translate
from model.core.sqlite import sqlite3


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
