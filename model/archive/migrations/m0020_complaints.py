"""Complaints (抱怨处理, seed 001; issue 20): one row per complaint of a customer, with its
status (a key: open, in_hand, resolved, confirmed; labels are said at display time) and
the satisfaction given when it is confirmed; every status change (and the recording) is
a row of complaint_history. Channels and categories are keys of rules/complaints.json.
The customers' free-text ``complaints`` field stays as it is."""
from model.archive.database import execute_script


def upgrade(conn):
    execute_script(conn, """
    CREATE TABLE complaints (
        id            INTEGER PRIMARY KEY,
        customer_id   INTEGER NOT NULL REFERENCES customers(id),
        date          TEXT NOT NULL,         -- ISO date the complaint was made
        channel       TEXT NOT NULL,         -- a key of complaints.json 'channels'
        category      TEXT NOT NULL,         -- a key of complaints.json 'categories'
        what          TEXT NOT NULL,
        owner         TEXT NOT NULL,         -- who handles it
        due_date      TEXT NOT NULL,         -- ISO date: to be resolved by
        status        TEXT NOT NULL DEFAULT 'open'
                      CHECK (status IN ('open', 'in_hand', 'resolved', 'confirmed')),
        resolved_at   TEXT,                  -- ISO date
        confirmed_at  TEXT,                  -- ISO date
        satisfaction  INTEGER CHECK (satisfaction IS NULL OR satisfaction BETWEEN 1 AND 10),
        created_by    TEXT NOT NULL,
        created_at    TEXT NOT NULL,         -- ISO timestamp
        updated_by    TEXT NOT NULL,
        updated_at    TEXT NOT NULL
    );
    CREATE INDEX complaints_customer ON complaints(customer_id);
    CREATE INDEX complaints_status ON complaints(status, due_date);
    CREATE TABLE complaint_history (
        id            INTEGER PRIMARY KEY,
        complaint_id  INTEGER NOT NULL REFERENCES complaints(id),
        at            TEXT NOT NULL,         -- ISO timestamp
        by            TEXT NOT NULL,
        from_status   TEXT,                  -- NULL when recorded
        to_status     TEXT NOT NULL,
        note          TEXT
    );
    CREATE INDEX complaint_history_complaint ON complaint_history(complaint_id);
    """)
