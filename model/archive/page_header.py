"""What a printout's page header says of the archive: the branch's name."""
from __future__ import annotations

from model.archive.database import sqlite3
from model.core import settings


def branch_name(conn: sqlite3.Connection) -> str:
    """The branch printed on the page header: the setting, else the archive's own."""
    name = settings.get(settings.BRANCH_NAME)
    if name:
        return name
    row = conn.execute("SELECT value FROM meta WHERE key = 'branch'").fetchone()
    return row[0] if row else ""
