"""Keeping the ``search_index`` table current: :func:`refresh` indexes the customers
the triggers marked dirty (all of them after the rules or pypinyin changed),
:func:`pending` counts them. model.customers.search re-exports both."""
from __future__ import annotations

import threading

from model.archive import database
from model.archive.database import sqlite3
from model.core.progress import Progress
from model.core.pinyin_keys import fingerprint, name_keys, sort_key

META_KEY = "search_keys"

_refresh_lock = threading.Lock()  # refreshes in this process run one at a time

# A customer as the index stores it, read live: id, name, phones, area, active,
# and what the index holds now (the name its keys are for, the keys).
LIVE_COLUMNS = """x.cid, c.name, coalesce(c.phone, '') || ' ' || coalesce(c.phone2, ''),
           coalesce(c.area_id, 0), c.id IS NOT NULL AND c.deleted_at IS NULL,
           s.name, s.whole, s.later"""


def _stored_fingerprint(conn: sqlite3.Connection) -> str | None:
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (META_KEY,)).fetchone()
    return row[0] if row else None


def pending(conn: sqlite3.Connection) -> int:
    """How many customers wait for :func:`refresh` (all of them after the rules changed)."""
    if _stored_fingerprint(conn) != fingerprint():
        count = conn.execute("SELECT count(*) FROM customers").fetchone()[0]
        if count:
            return count
    return conn.execute("SELECT count(DISTINCT customer_id) FROM search_dirty").fetchone()[0]


def refresh(conn: sqlite3.Connection, progress: Progress | None = None) -> int:
    """Index the customers changed since the last refresh; returns how many.

    Pinyin is computed outside the write transaction (others can keep
    writing meanwhile); the results and the clearing of exactly the dirty rows
    read are one transaction, so a cancel or a failure leaves all as it was.
    """
    with _refresh_lock:
        fp = fingerprint()
        everything = _stored_fingerprint(conn) != fp
        source = ("SELECT customer_id AS cid FROM search_dirty UNION SELECT id FROM customers"
                  if everything else "SELECT DISTINCT customer_id AS cid FROM search_dirty")
        cur = conn.cursor()
        cur.row_factory = None
        # One statement, so the rows and the last dirty id come from one snapshot.
        rows = cur.execute(
            f"SELECT {LIVE_COLUMNS}, s.sort_key, (SELECT coalesce(max(id), 0) FROM search_dirty)"
            f" FROM ({source}) x LEFT JOIN customers c ON c.id = x.cid"
            f" LEFT JOIN search_index s ON s.customer_id = x.cid").fetchall()
        upto = rows[0][-1] if rows else 0
        out = []
        total = len(rows)
        for done, (cid, name, phones, area_id, active, indexed, whole, later, key, _) \
                in enumerate(rows):
            if progress is not None and done % 2000 == 0:
                progress.check()
                progress.report(done, total)
            if name is None:
                phones, whole, later, key = "", "", "", None
            else:
                if everything or name != indexed or whole is None:
                    whole, later = name_keys(name)
                if everything or name != indexed or key is None:
                    key = sort_key(name)
            out.append((cid, name, phones, area_id, active, whole, later, key))
        areas = [(aid, name, sort_key(name, person=False)) for aid, name in cur.execute(
            "SELECT a.id, a.name FROM areas a LEFT JOIN area_sort s ON s.area_id = a.id"
            " WHERE a.name IS NOT NULL AND (? OR s.name IS NOT a.name)", (everything,))]
        if progress is not None:
            progress.check()
        with database.transaction(conn):
            seq = conn.execute("SELECT coalesce(max(seq), 0) + 1 FROM search_index").fetchone()[0]
            conn.executemany(
                "INSERT INTO search_index(customer_id, name, phones, area_id, active, whole, later,"
                " sort_key, seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(customer_id)"
                " DO UPDATE SET name = excluded.name, phones = excluded.phones,"
                " area_id = excluded.area_id, active = excluded.active, whole = excluded.whole,"
                " later = excluded.later, sort_key = excluded.sort_key, seq = excluded.seq",
                [(*row, seq) for row in out])
            conn.executemany(
                "INSERT INTO area_sort(area_id, name, sort_key) VALUES (?, ?, ?)"
                " ON CONFLICT(area_id) DO UPDATE SET name = excluded.name,"
                " sort_key = excluded.sort_key", areas)
            conn.execute("DELETE FROM search_dirty WHERE id <= ?", (upto,))
            if everything:
                conn.execute("INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key)"
                             " DO UPDATE SET value = excluded.value", (META_KEY, fp))
        if progress is not None:
            progress.report(total, total)
        return total
