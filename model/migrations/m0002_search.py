"""The customer search index (model/search.py): pinyin keys per customer, and
triggers that note which customers need re-indexing.

The triggers are plain SQL (no application functions), so any SQLite tool can
still open and write the archive; whoever writes customers (the editor, an
import, the demo builder, a hand-made SQL fix) leaves a row in
``search_dirty`` and ``search.refresh()`` catches up later.
"""

from model.database import execute_script


def upgrade(conn):
    execute_script(conn, """
    -- One row per customer ever indexed. 'name' is the name the keys were
    -- computed from (a key set whose name no longer matches is stale),
    -- 'whole' and 'later' are space-separated pinyin keys matched by prefix
    -- from the start of the name and from a later syllable. 'seq' grows with
    -- every refresh so an open search can pick up what changed since it loaded.
    -- A customer removed from the customers table leaves a row with NULL name.
    CREATE TABLE search_index (
        customer_id INTEGER PRIMARY KEY,
        name        TEXT,
        whole       TEXT,
        later       TEXT,
        seq         INTEGER NOT NULL
    );
    CREATE INDEX search_index_seq ON search_index(seq);

    -- Customers changed since the last refresh (a customer may appear more
    -- than once, and AUTOINCREMENT keeps ids growing so a refresh can clear
    -- exactly the rows it has read).
    CREATE TABLE search_dirty (
        id          INTEGER PRIMARY KEY AUTOINCREMENT,
        customer_id INTEGER NOT NULL
    );

    CREATE TRIGGER search_customer_insert AFTER INSERT ON customers
    BEGIN
        INSERT INTO search_dirty(customer_id) VALUES (NEW.id);
    END;

    CREATE TRIGGER search_customer_update
    AFTER UPDATE OF name, phone, phone2, area_id, deleted_at ON customers
    WHEN NEW.name IS NOT OLD.name OR NEW.phone IS NOT OLD.phone
      OR NEW.phone2 IS NOT OLD.phone2 OR NEW.area_id IS NOT OLD.area_id
      OR NEW.deleted_at IS NOT OLD.deleted_at
    BEGIN
        INSERT INTO search_dirty(customer_id) VALUES (NEW.id);
    END;

    CREATE TRIGGER search_customer_delete AFTER DELETE ON customers
    BEGIN
        INSERT INTO search_dirty(customer_id) VALUES (OLD.id);
    END;

    CREATE TRIGGER search_area_rename AFTER UPDATE OF name ON areas
    WHEN NEW.name IS NOT OLD.name
    BEGIN
        INSERT INTO search_dirty(customer_id) SELECT id FROM customers WHERE area_id = NEW.id;
    END;

    -- Customers already in an archive being upgraded need indexing too.
    INSERT INTO search_dirty(customer_id) SELECT id FROM customers;
    """)
