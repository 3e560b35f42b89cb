"""Grades: grading runs, the current grade per customer and scheme, and the
append-only grade history.

Schemes: value_tier, opportunity, rfm, persona. ``detail`` is JSON: the
customer's own explanation (figures, answers, cadence, next date...); what a
computed run shares for everyone (window, basis, RFM thresholds, persona
minimum) is stored once in ``grading_runs.params`` and referenced by
``run_id`` (NULL for grades a manager set). ``set_by`` is "rules" or the
manager's name. ``override`` marks a manager's hand-set value over a computed
scheme; computed runs leave it in place unless asked to replace it.
"""
from model.archive.database import execute_script


def upgrade(conn):
    execute_script(conn, """
    CREATE TABLE grading_runs (
        id          INTEGER PRIMARY KEY,
        as_of       TEXT NOT NULL,      -- ISO date graded for
        run_on      TEXT NOT NULL,      -- ISO timestamp
        run_by      TEXT NOT NULL,
        params      TEXT NOT NULL,      -- JSON: {scheme: {window, basis, thresholds, ...}}
        changed     INTEGER NOT NULL,   -- history rows written
        refreshed   INTEGER NOT NULL    -- current rows whose explanation moved, value unchanged
    );

    CREATE TABLE grades (
        customer_id INTEGER NOT NULL REFERENCES customers(id),
        scheme      TEXT NOT NULL,
        value       TEXT NOT NULL,
        detail      TEXT NOT NULL,      -- JSON
        as_of       TEXT NOT NULL,      -- ISO date the grade was computed/set for
        set_on      TEXT NOT NULL,      -- ISO timestamp of the write
        set_by      TEXT NOT NULL,      -- 'rules' or the manager
        reason      TEXT NOT NULL DEFAULT '',
        override    INTEGER NOT NULL DEFAULT 0,
        run_id      INTEGER REFERENCES grading_runs(id),
        PRIMARY KEY (customer_id, scheme)
    ) WITHOUT ROWID;

    CREATE TABLE grade_history (
        id          INTEGER PRIMARY KEY,
        customer_id INTEGER NOT NULL REFERENCES customers(id),
        scheme      TEXT NOT NULL,
        value       TEXT NOT NULL,
        detail      TEXT NOT NULL,
        as_of       TEXT NOT NULL,
        set_on      TEXT NOT NULL,
        set_by      TEXT NOT NULL,
        reason      TEXT NOT NULL DEFAULT '',
        override    INTEGER NOT NULL DEFAULT 0,
        run_id      INTEGER REFERENCES grading_runs(id)
    );
    CREATE INDEX grade_history_customer ON grade_history(customer_id, id);
    """)
