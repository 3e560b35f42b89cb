"""Evidence (证据): photos and files attached to checklist runs and store checks,
kept inside the archive so that a backup or a copy of the archive carries them."""


from model.archive.database import execute_script


def upgrade(conn):
    execute_script(conn, """
    CREATE TABLE evidence (
        id        INTEGER PRIMARY KEY,
        filename  TEXT NOT NULL,          -- the name the file had when attached
        mime      TEXT NOT NULL,
        size      INTEGER NOT NULL,
        sha256    TEXT NOT NULL,
        is_image  INTEGER NOT NULL DEFAULT 0,
        width     INTEGER,                -- pixels, images only
        height    INTEGER,
        data      BLOB NOT NULL,
        added_at  TEXT NOT NULL,
        added_by  TEXT NOT NULL
    );
    CREATE INDEX evidence_sha256 ON evidence(sha256);
    """)
