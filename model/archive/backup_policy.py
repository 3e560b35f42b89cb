"""When the program backs an archive up by itself, and how many backups it keeps.

Automatic backups (reason in the file name, see :mod:`model.archive.backup`):

* ``on-close``: the window closes and the archive changed since its last backup;
* ``before-import``: an import (window or command) is about to write;
* ``before-branch-pack``: a branch rules pack is about to be applied;
* ``before-restore`` and ``before-upgrade-vN`` are made by :mod:`model.archive.backup` and
  :mod:`model.archive.migrations` themselves.

*Changed since the last backup* is decided cheaply and never misses a change:

* within a session, by SQLite's own counters on the archive's main connection:
  ``PRAGMA data_version`` moves when any other connection (a worker, another
  process) commits, ``total_changes`` counts the main connection's own rows;
  the pair is noted when the archive is opened clean and after each backup;
* between sessions, by a note the window leaves in the backup folder when it
  closes an archive whose last backup holds everything (``last-close.json``:
  the file's size and modification time after closing). An archive changed by
  anything else since (a command, another copy of the program, a crash) no
  longer matches it, so it counts as changed.

Rotation (:func:`rotate`) follows ``resources/rules/backups.json``: every backup
of the last 24 hours, the newest of each of the last 7 calendar days, 4 weeks
(Monday to Sunday) and 6 calendar months (the current one counts), backups taken
before a restore or an upgrade (and damaged files kept aside) for at least 30 days, and never the newest.
"""
from __future__ import annotations

import json
import os
import re
import time
import weakref
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import lru_cache
from pathlib import Path

from model.archive import backup
from model.core import rules
from model.archive.database import Archive, sqlite3
from model.core.i18n import translate

RULES_FILE = "backups.json"
CLEAN_NOTE = "last-close.json"
PARTIAL_AGE_S = 3600          # an unfinished backup (*.partial) older than this is removed
_NAME = re.compile(r"^(\d{8}-\d{6})(?:-(\D.*?))?(?:-(\d+))?$")


# -- rules ------------------------------------------------------------------------
@dataclass(frozen=True)
class BackupRules:
    keep_all_hours: float
    daily: int
    weekly: int
    monthly: int
    protected_reasons: tuple[str, ...]
    protected_days: float
    on_close_max_mb: float


def backup_rules() -> BackupRules:
    return _load(str(rules.rules_dir()))


@lru_cache(maxsize=4)
def _load(folder: str) -> BackupRules:
    data = rules.load_json(RULES_FILE, folder)
    counts = {key: int(data[key]) for key in ("daily", "weekly", "monthly")}
    for key, value in counts.items():
        if value < 0:
            raise ValueError(f"{RULES_FILE}: {key} must not be negative")
    reasons = data.get("protected_reasons", [])
    if not isinstance(reasons, list) or not all(isinstance(r, str) and r for r in reasons):
        raise TypeError(f"{RULES_FILE}: protected_reasons must be a list of names")
    result = BackupRules(keep_all_hours=float(data["keep_all_hours"]), protected_reasons=tuple(reasons),
                         protected_days=float(data["protected_days"]),
                         on_close_max_mb=float(data.get("on_close_max_mb", 40)), **counts)
    if result.keep_all_hours < 0 or result.protected_days < 0:
        raise ValueError(f"{RULES_FILE}: keep_all_hours and protected_days must not be negative")
    return result


# -- what is in the backup folder -------------------------------------------------
@dataclass(frozen=True)
class BackupEntry:
    path: Path
    taken: datetime
    reason: str          # "" for a backup made by hand


def entry(path: Path, stem: str) -> BackupEntry:
    """When a backup was taken and why, from its name (``<stem>-YYYYmmdd-HHMMSS[-reason][-n]``);
    a file named otherwise counts by its modification time."""
    path = Path(path)
    match = _NAME.match(path.stem[len(stem) + 1:]) if path.stem.startswith(stem + "-") else None
    if match:
        try:
            return BackupEntry(path, datetime.strptime(match.group(1), "%Y%m%d-%H%M%S"),
                               match.group(2) or "")
        except ValueError:
            pass
    return BackupEntry(path, datetime.fromtimestamp(path.stat().st_mtime), "")


def reason_label(reason: str) -> str:
    """Why a backup was taken, in the user's language: the file name keeps the key
    (``before-import``), the screen shows its words, so a language switch changes them.
    A key this version does not know (a newer version's) shows as it is."""
    labels = {
        "on-close": translate("Backups", "when closing"),
        "before-import": translate("Backups", "before an import"),
        "before-branch-pack": translate("Backups", "before a branch rules pack"),
        "before-restore": translate("Backups", "before a restore"),
        "before-encrypt": translate("Backups", "before encrypting"),
        "before-decrypt": translate("Backups", "before removing the encryption"),
        "before-passphrase-change": translate("Backups", "before a passphrase change"),
    }
    if reason in labels:
        return labels[reason]
    upgrade = re.fullmatch(r"before-upgrade-v(\d+)", reason or "")
    if upgrade:
        return translate("Backups", "before the upgrade from version {version}").format(version=upgrade.group(1))
    return reason


def entries(archive_path: Path) -> list[BackupEntry]:
    """The backups of an archive, newest first."""
    stem = Path(archive_path).stem
    found = []
    for path in backup.list_backups(archive_path):
        try:
            found.append(entry(path, stem))
        except OSError:
            continue            # removed meanwhile
    return sorted(found, key=lambda e: e.taken, reverse=True)


# -- rotation ---------------------------------------------------------------------
def plan_rotation(found: list[BackupEntry], now: datetime,
                  policy: BackupRules | None = None) -> dict[Path, str]:
    """Which backups to keep and why (``{path: why}``); the others may go."""
    policy = policy or backup_rules()
    ordered = sorted(found, key=lambda e: e.taken, reverse=True)
    keep: dict[Path, str] = {}
    if not ordered:
        return keep
    keep[ordered[0].path] = "newest"
    for e in ordered:
        age = now - e.taken
        if age <= timedelta(hours=policy.keep_all_hours):
            keep.setdefault(e.path, "recent")
        elif (age <= timedelta(days=policy.protected_days)
              and any(e.reason.startswith(r) for r in policy.protected_reasons)):
            keep.setdefault(e.path, "protected")
    today = now.date()
    monday = today - timedelta(days=today.weekday())
    for why, limit, bucket, back in (
            ("daily", policy.daily, lambda t: t.date(), lambda t: (today - t.date()).days),
            ("weekly", policy.weekly, lambda t: t.isocalendar()[:2],
             lambda t: (monday - (t.date() - timedelta(days=t.weekday()))).days // 7),
            ("monthly", policy.monthly, lambda t: (t.year, t.month),
             lambda t: (today.year * 12 + today.month) - (t.year * 12 + t.month))):
        seen = set()
        for e in ordered:                     # newest first: the newest of each day, week, month
            if back(e.taken) >= limit:
                break
            key = bucket(e.taken)
            if key not in seen:
                seen.add(key)
                keep.setdefault(e.path, why)
    return keep


def rotate(archive_path: Path, now: datetime | None = None) -> list[Path]:
    """Delete the backups the rules no longer keep (and their manifests, and
    unfinished copies left by a crash); returns the deleted backups."""
    now = now or datetime.now()
    found = entries(archive_path)
    keep = plan_rotation(found, now)
    deleted = []
    for e in found:
        if e.path in keep:
            continue
        try:
            e.path.unlink()
        except OSError:
            continue                          # in use or read-only: left for next time
        deleted.append(e.path)
        for beside in (e.path.with_name(e.path.name + ".json"), e.path.with_suffix(".json"),
                       e.path.with_name(e.path.name + "-wal")):    # manifest; a damaged file's log
            beside.unlink(missing_ok=True)
    folder = backup.backup_dir(archive_path)
    if folder.is_dir():
        for partial in folder.glob(f"{Path(archive_path).stem}-*.partial"):
            try:
                if time.time() - partial.stat().st_mtime > PARTIAL_AGE_S:
                    partial.unlink()
            except OSError:
                continue
    return deleted


# -- changed since the last backup? -----------------------------------------------
_marks: "weakref.WeakKeyDictionary[Archive, tuple[int, int]]" = weakref.WeakKeyDictionary()


def _counters(archive: Archive) -> tuple[int, int]:
    conn = archive.conn
    return conn.execute("PRAGMA data_version").fetchone()[0], conn.total_changes


def _file_state(path: Path) -> dict | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return {"size": info.st_size, "mtime_ns": info.st_mtime_ns}


def _clean_on_disk(path: Path) -> bool:
    """The file is as the window left it after a backup held everything (see module text)."""
    wal = Path(str(path) + "-wal")
    if wal.exists() and wal.stat().st_size > 0:
        return False
    try:
        noted = json.loads((backup.backup_dir(path) / CLEAN_NOTE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    state = _file_state(path)
    return state is not None and isinstance(noted, dict) and noted.get("file") == Path(path).name \
        and noted.get("size") == state["size"] and noted.get("mtime_ns") == state["mtime_ns"]


def watch(archive: Archive) -> None:
    """Note the archive's state when it was opened (call right after opening); without
    it the first change of a session can only be seen coarsely, from the files."""
    if archive not in _marks and backup.latest_backup(archive.path) is not None \
            and _clean_on_disk(archive.path):
        _marks[archive] = _counters(archive)


def needs_backup(archive: Archive) -> bool:
    """Anything changed since the archive's last backup (True when it has none).
    Uses the archive's main connection: call it on the thread that owns it."""
    if backup.latest_backup(archive.path) is None:
        return True
    mark = _marks.get(archive)
    if mark is None:
        return True                       # not known clean at opening, nor backed up since
    return _counters(archive) != mark


def mark_backed_up(archive: Archive) -> None:
    """The latest backup holds everything the archive holds now (main connection's thread;
    an archive closed meanwhile is left alone)."""
    try:
        _marks[archive] = _counters(archive)
    except sqlite3.Error:
        _marks.pop(archive, None)


def note_closed(path: Path, clean: bool) -> None:
    """After the archive was closed: remember whether its last backup held everything,
    so the next opening knows whether it changed since (see module text)."""
    note = backup.backup_dir(path) / CLEAN_NOTE
    try:
        if not clean:
            note.unlink(missing_ok=True)
            return
        state = _file_state(path)
        if state is None or not note.parent.is_dir():
            return
        partial = note.with_name(note.name + ".part")
        partial.write_text(json.dumps({"file": Path(path).name, **state}), encoding="utf-8")
        os.replace(partial, note)
    except OSError:
        pass        # without the note the next session only backs up once more


# -- making them ------------------------------------------------------------------
def backup_and_rotate(archive: Archive, conn: sqlite3.Connection, reason: str) -> Path:
    """A verified backup of ``archive`` through ``conn`` (the calling thread's own
    connection to it), then the rotation. Any thread; marks nothing."""
    made = backup.make_backup(conn, archive.path, reason=reason)
    rotate(archive.path)
    return made


def auto_backup(archive: Archive, reason: str, *, force: bool = False) -> Path | None:
    """Back the archive up (on the main connection's thread) unless nothing changed
    since its last backup (then None: that backup already holds this state); rotate."""
    if not force and not needs_backup(archive):
        return None
    made = backup_and_rotate(archive, archive.conn, reason)
    mark_backed_up(archive)
    return made


def quick_enough(archive: Archive) -> bool:
    """Small enough to back up on the spot when the window closes (rules: on_close_max_mb)."""
    size = sum(os.path.getsize(p) for p in (archive.path, Path(str(archive.path) + "-wal"))
               if os.path.exists(p))
    return size <= backup_rules().on_close_max_mb * 1024 * 1024

