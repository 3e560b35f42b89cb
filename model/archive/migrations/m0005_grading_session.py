"""Grading sessions: where a manager stopped in the grading wizard, so it can be
resumed (scope, as-of date, the opportunity queue, the position in it and the
answers given so far). One row per manager; removed when the session is applied
or given up. ``state`` is JSON (see ``model/grading/grading_session.py``)."""
from model.archive.database import execute_script


def upgrade(conn):
    execute_script(conn, """
    CREATE TABLE grading_sessions (
        manager   TEXT PRIMARY KEY,     -- who was grading (settings.user_name())
        saved_on  TEXT NOT NULL,        -- ISO timestamp of the last save
        state     TEXT NOT NULL         -- JSON
    ) WITHOUT ROWID;
    """)
