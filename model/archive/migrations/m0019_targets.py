"""Monthly targets per manager (目标管控, seed 002; issue 20): one row per manager, month
and kind of target (the kinds are rules data, resources/rules/targets.json). The day's
share is worked out from the month's working days when asked (model.visits.targets), never
stored, so a change of the holidays moves it."""
from model.archive.database import execute_script


def upgrade(conn):
    execute_script(conn, """
    CREATE TABLE targets (
        manager  TEXT NOT NULL,
        month    TEXT NOT NULL,      -- 'YYYY-MM'
        kind     TEXT NOT NULL,      -- a key of targets.json 'kinds'
        value    REAL NOT NULL CHECK (value >= 0),
        set_by   TEXT NOT NULL,
        set_on   TEXT NOT NULL,      -- ISO timestamp
        PRIMARY KEY (manager, month, kind)
    ) WITHOUT ROWID;
    """)
