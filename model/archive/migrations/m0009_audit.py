"""The audit trail (issue 9): an append-only log of every export, print,
backup, restore, branch-pack import, bulk delete and purge.

Append-only is enforced by the database itself: an UPDATE or DELETE on
``audit_log`` aborts, whoever issues it. Rows hold no customer's personal data
(a purge records ids and counts only), so the log never has to be rewritten.
"""
from model.archive.database import execute_script


def upgrade(conn):
    execute_script(conn, """
    CREATE TABLE audit_log (
        id      INTEGER PRIMARY KEY,
        at      TEXT NOT NULL,      -- ISO 8601, local time with its UTC offset
        by      TEXT NOT NULL,      -- who (settings.user_name())
        action  TEXT NOT NULL,      -- export / print / backup / restore / branch_pack / bulk_delete / purge
        what    TEXT NOT NULL,      -- what was done (a file, a report), never a customer's details
        count   INTEGER,            -- how many records it carried
        reason  TEXT,
        detail  TEXT                -- JSON object with the particulars
    );
    CREATE INDEX audit_log_at ON audit_log(at);
    CREATE INDEX audit_log_action ON audit_log(action, at);

    CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
    BEGIN
        SELECT RAISE(ABORT, 'the audit trail is append-only: entries cannot be changed');
    END;
    CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
    BEGIN
        SELECT RAISE(ABORT, 'the audit trail is append-only: entries cannot be deleted');
    END;
    """)
