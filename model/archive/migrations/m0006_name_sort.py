"""Pinyin sort keys (model/customers/search.py, ``search.sort_key``) so the customer list
orders names and areas as Chinese users expect (白 bai < 陈 chen < 丁 ding <
王 wang < 张 zhang) rather than by code point.

``search_index.sort_key`` is kept by ``search.refresh()`` with the other keys of
the customer; ``sort_key`` of ``area_sort`` likewise for each area name. Both
are valid only while their ``name`` is the current name: the customer list
falls back to the name itself until the next refresh. All customers are marked
for the refresh to fill the new column in.
"""
from model.archive.database import execute_script


def upgrade(conn):
    execute_script(conn, """
    ALTER TABLE search_index ADD COLUMN sort_key TEXT;
    CREATE INDEX search_index_sort ON search_index(sort_key) WHERE active = 1;

    -- One row per area name refresh() has seen: 'name' is the name the key is for.
    CREATE TABLE area_sort (
        area_id   INTEGER PRIMARY KEY,
        name      TEXT NOT NULL,
        sort_key  TEXT NOT NULL
    );

    INSERT INTO search_dirty(customer_id) SELECT id FROM customers;
    """)
