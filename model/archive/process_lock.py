"""The process lock of an open archive (``<archive>.lock``): one process at a time;
a second open in the same process shares it. ``database.<name>`` re-exports these."""
from __future__ import annotations

import contextlib
import os
import sys
import threading
from pathlib import Path

from model.core.errors import ArchiveError, ArchiveLocked
from model.core.i18n import translate


class ProcessLock:
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
_open_locks: dict[Path, tuple[ProcessLock, int]] = {}
_open_locks_guard = threading.Lock()


def hold_lock(path: Path) -> None:
    with _open_locks_guard:
        if path in _open_locks:
            lock, count = _open_locks[path]
            _open_locks[path] = (lock, count + 1)
            return
        lock = ProcessLock(path)
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


def drop_lock(path: Path) -> None:
    with _open_locks_guard:
        if path not in _open_locks:
            return
        lock, count = _open_locks[path]
        if count > 1:
            _open_locks[path] = (lock, count - 1)
        else:
            del _open_locks[path]
            lock.release()
