"""Files the program writes are its user's alone: owner-only on POSIX.

The archive and everything beside it (its lock file; SQLite gives the -wal and
-shm files the archive file's own mode), its backups and their folder, the
passphrase-tries state, and every output the program writes (exports, the
rejects file, plan CSV and calendar files, PDFs) are created with mode 0600,
folders with 0700, whatever the umask. Every writer goes through this module.
On Windows the modes mean nothing and files keep the folder's access rules.

A file that already exists with wider rights is narrowed when the program
writes it again (:func:`restrict` only removes rights, never adds write).
"""
from __future__ import annotations

import contextlib
import os
import uuid
from pathlib import Path
from typing import IO, Iterator

FILE_MODE = 0o600
FOLDER_MODE = 0o700
POSIX = os.name == "posix"


def restrict(path: Path | str) -> None:
    """Take the group's and others' rights off ``path`` (a file or folder)."""
    if not POSIX:
        return
    with contextlib.suppress(OSError):
        mode = os.stat(path).st_mode & 0o7777
        if mode & 0o077:
            os.chmod(path, mode & ~0o077)


def opener(path: str, flags: int) -> int:
    """For ``open(..., opener=private_files.opener)``: a new file gets mode 0600."""
    fd = os.open(path, flags, FILE_MODE)
    if POSIX:
        with contextlib.suppress(OSError):
            mode = os.fstat(fd).st_mode & 0o7777
            if mode & 0o077:
                os.fchmod(fd, mode & ~0o077)
    return fd


def open_private(path: Path | str, mode: str = "wb", **kwargs) -> IO:
    """``open()`` for a file only its owner may read."""
    return open(path, mode, opener=opener, **kwargs)


def create_empty(path: Path | str) -> None:
    """Create an empty owner-only file; FileExistsError when it exists."""
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE))
    restrict(path)   # the umask may have been stricter, never wider; this is for the record


def make_folder(path: Path | str) -> Path:
    """Create a folder (and missing parents) only its owner may enter; an existing
    one is narrowed to that."""
    path = Path(path)
    path.mkdir(mode=FOLDER_MODE, parents=True, exist_ok=True)
    restrict(path)
    return path


def temporary_beside(target: Path | str, suffix: str = ".tmp") -> Path:
    """A new, empty owner-only file beside ``target`` (hidden, unique name), to
    write an output to before it is moved into place."""
    target = Path(target)
    while True:
        candidate = target.with_name(f".{target.name}.{uuid.uuid4().hex[:12]}{suffix}")
        try:
            create_empty(candidate)
            return candidate
        except FileExistsError:
            continue


@contextlib.contextmanager
def replacing(target: Path | str, suffix: str = ".tmp") -> Iterator[Path]:
    """Write an output all or nothing: yields an owner-only temporary path beside
    ``target``; moved onto ``target`` when the block ends, removed when it fails."""
    target = Path(target)
    temporary = temporary_beside(target, suffix)
    try:
        yield temporary
        restrict(temporary)     # a writer that recreated the file under its own mode
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise
