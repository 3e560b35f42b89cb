"""The customer search index (model/customers/search.py): pinyin keys per customer, and
triggers that note which customers need re-indexing.

The triggers are plain SQL (no application functions), so any SQLite tool can
still open and write the archive; whoever writes customers (the editor, an
import, the demo builder, a hand-made SQL fix) leaves a row in
``search_dirty`` and ``search.refresh()`` catches up later.
"""

from model.archive.database import execute_script


def upgrade(conn):
    execute_script(conn, """
    -- One row per customer ever indexed, with what the search needs of it
    -- (so opening the search reads this narrow table, not the wide customers
    -- rows): 'name' is the name the pinyin keys were computed from, 'phones'
    -- the phone and second phone separated by a space, 'active' 0 for a
    -- deleted customer (or one removed from the table: then 'name' is NULL).
    -- 'whole' and 'later' are space-separated pinyin keys matched by prefix
    -- from the start of the name and from a later syllable. 'seq' grows with
    -- every refresh so an open search can pick up what changed since it loaded.
    CREATE TABLE search_index (
        customer_id INTEGER PRIMARY KEY,
        name        TEXT,
        phones      TEXT NOT NULL DEFAULT '',
        area_id     INTEGER NOT NULL DEFAULT 0,
        active      INTEGER NOT NULL DEFAULT 1,
        whole       TEXT NOT NULL DEFAULT '',
        later       TEXT NOT NULL DEFAULT '',
        seq         INTEGER NOT NULL
    );
    CREATE INDEX search_index_seq ON search_index(seq);
    CREATE INDEX search_index_name ON search_index(name) WHERE active = 1;

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
