"""Numbered schema migrations keyed on ``PRAGMA user_version``.

Each module ``mNNNN_<what>.py`` holds ``upgrade(conn)`` that brings an
archive from version NNNN-1 to NNNN. Before an existing archive is migrated a
verified backup is taken; each migration runs in its own transaction and sets
``user_version`` inside it, so a failure leaves the archive at the last
version that completed.
"""
from __future__ import annotations

import importlib
import pkgutil
import re
from model.archive.database import sqlite3
from pathlib import Path

from model.archive import database

_NAME = re.compile(r"^m(\d{4})_\w+$")


def _steps() -> list[tuple[int, object]]:
    steps = []
    for info in pkgutil.iter_modules(__path__):
        match = _NAME.match(info.name)
        if match:
            steps.append((int(match.group(1)), importlib.import_module(f"{__name__}.{info.name}")))
    steps.sort(key=lambda s: s[0])
    numbers = [n for n, _ in steps]
    if len(set(numbers)) != len(numbers):
        raise RuntimeError(f"two migrations share a number: {numbers}")
    return steps


STEPS = _steps()
LATEST = STEPS[-1][0]


def migrate(conn: sqlite3.Connection, path: Path, *, backup_first: bool) -> list[Path]:
    """Bring the archive up to :data:`LATEST`; return the backup taken, if any."""
    current = conn.execute("PRAGMA user_version").fetchone()[0]
    if current >= LATEST:
        return []
    taken = []
    if backup_first and current > 0:
        from model.archive import backup
        taken.append(backup.make_backup(conn, path, reason=f"before-upgrade-v{current}"))
    for number, module in STEPS:
        if number <= current:
            continue
        with database.transaction(conn):
            module.upgrade(conn)
            conn.execute(f"PRAGMA user_version = {number}")
    return taken
