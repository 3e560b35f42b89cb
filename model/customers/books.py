"""归户 and book size (seed 002, ``resources/rules/books.json``): every customer belongs to
exactly one manager in charge; a manager's book is the customers they hold, measured
against the reasonable size (合理管户标准 500-800) with its mix of value tiers; a
hand-over moves chosen customers, or a whole book, to another manager in one
transaction, with a history row per customer and an audit entry.

``customers.create`` / ``customers.update`` and the import refuse a customer without
a manager; customers an older archive holds without one are listed as the book of
nobody (``manager`` ``""``) until they are handed over to someone.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache

from model.archive import audit, database
from model.core import name_order, normalize, rules
from model.customers.customers import now_stamp
from model.archive.database import sqlite3
from model.core.i18n import translate
from model.core.progress import Progress

UNASSIGNED = ""          # the "manager" of customers nobody holds
CHUNK = 500


@dataclass(frozen=True)
class Standard:
    low: int
    high: int
    tiers: tuple[str, ...]
    source: str

    def status(self, size: int) -> str:
        """'under', 'within' or 'over' the standard."""
        return "under" if size < self.low else "over" if size > self.high else "within"


@lru_cache(maxsize=4)
def _standard(folder: str) -> Standard:
    data = rules.load_json("books.json", folder)
    return Standard(int(data.get("min", 500)), int(data.get("max", 800)),
                    tuple(data.get("tiers", ("A", "B", "C"))), str(data.get("min_max_source", "")))


def standard() -> Standard:
    return _standard(str(rules.rules_dir()))


def status_text(status: str, std: Standard | None = None) -> str:
    std = std or standard()
    return {"under": translate("Books", "under {low}").format(low=std.low),
            "within": translate("Books", "within {low}-{high}").format(low=std.low, high=std.high),
            "over": translate("Books", "over {high}").format(high=std.high)}[status]


def standard_sentence() -> str:
    """The rule as the Managers view says it, with the seed's words."""
    std = standard()
    return translate("Books", "Each customer belongs to exactly one manager (归户到人). A reasonable book holds "
                     "{low} to {high} customers (seed 002: 合理管户标准为{low}-{high}之间).").format(
        low=std.low, high=std.high)


@dataclass
class Book:
    manager: str                       # UNASSIGNED for the customers nobody holds
    size: int
    tiers: dict[str, int] = field(default_factory=dict)    # tier -> customers; '' ungraded

    @property
    def status(self) -> str:
        return standard().status(self.size)


def books(conn: sqlite3.Connection) -> list[Book]:
    """Every manager's book in pinyin order of the names; the customers nobody holds last."""
    found: dict[str, Book] = {}
    for row in conn.execute(
            "SELECT coalesce(c.manager, '') AS manager, coalesce(g.value, '') AS tier, count(*) AS n"
            " FROM customers c LEFT JOIN grades g ON g.customer_id = c.id AND g.scheme = 'value_tier'"
            " WHERE c.deleted_at IS NULL GROUP BY 1, 2"):
        book = found.setdefault(row["manager"], Book(row["manager"], 0))
        book.size += row["n"]
        book.tiers[row["tier"]] = book.tiers.get(row["tier"], 0) + row["n"]
    names = name_order.by_pinyin([m for m in found if m], person=True)
    out = [found[m] for m in names]
    if UNASSIGNED in found:
        out.append(found[UNASSIGNED])
    return out


def managers(conn: sqlite3.Connection) -> list[str]:
    """The managers holding customers, in pinyin order."""
    return name_order.managers(conn)


def book_customers(conn: sqlite3.Connection, manager: str) -> list[dict]:
    """The customers of one book (id, name, phone, area, tier), in pinyin order of the names."""
    where = "(c.manager IS NULL OR c.manager = '')" if manager == UNASSIGNED else "c.manager = ?"
    params = [] if manager == UNASSIGNED else [manager]
    rows = [dict(r) for r in conn.execute(
        "SELECT c.id, c.name, coalesce(c.phone, c.phone2) AS phone, a.name AS area, g.value AS tier"
        " FROM customers c LEFT JOIN areas a ON a.id = c.area_id"
        " LEFT JOIN grades g ON g.customer_id = c.id AND g.scheme = 'value_tier'"
        f" WHERE c.deleted_at IS NULL AND {where} ORDER BY c.id", params)]
    return name_order.by_pinyin(rows, lambda r: r["name"], person=True)


@dataclass(frozen=True)
class Handover:
    from_manager: str
    to_manager: str
    customer_ids: tuple[int, ...]

    @property
    def count(self) -> int:
        return len(self.customer_ids)


def handover_what(from_manager: str, to_manager: str) -> str:
    return translate("Audit", "Hand-over from {old} to {new}").format(
        old=from_manager or translate("Audit", "(no manager)"), new=to_manager)


def handover(conn: sqlite3.Connection, from_manager: str, to_manager: str, *, by: str,
             customer_ids: list[int] | None = None, where: tuple[str, list] | None = None,
             progress: Progress | None = None) -> Handover:
    """Move customers of ``from_manager`` (``UNASSIGNED``: those nobody holds) to
    ``to_manager``: the ``customer_ids`` given, else those of the book matching ``where``
    (an SQL condition over ``customers c LEFT JOIN areas a``, e.g. a saved view's), else the
    whole book. All or nothing: a customer not in the book (or deleted) stops the hand-over
    before anything is written. One history row per customer, one audit entry."""
    progress = progress or Progress()
    old = normalize.text(from_manager) or UNASSIGNED
    new = normalize.text(to_manager)
    if not new:
        raise database.ArchiveError(translate("Books", "Name the manager who takes the customers over."))
    if new == old:
        raise database.ArchiveError(translate("Books", "The customers already belong to {name}.").format(name=new))
    in_book = "(c.manager IS NULL OR c.manager = '')" if old == UNASSIGNED else "c.manager = ?"
    book_params: list = [] if old == UNASSIGNED else [old]
    with database.transaction(conn):
        if customer_ids is not None:
            wanted = list(dict.fromkeys(int(i) for i in customer_ids))
            rows = conn.execute(
                f"SELECT c.id FROM customers c WHERE c.deleted_at IS NULL AND {in_book}"
                " AND c.id IN (SELECT value FROM json_each(?))", [*book_params, json.dumps(wanted)]).fetchall()
            found = {r[0] for r in rows}
            missing = [i for i in wanted if i not in found]
            if missing:
                raise database.ArchiveError(translate(
                    "Books", "{count} of the chosen customers are not in the book of {name} (no. {ids}); "
                    "nothing was handed over.").format(
                    count=len(missing), name=old or translate("Books", "(no manager)"),
                    ids=", ".join(str(i) for i in missing[:10])))
            ids = wanted
        else:
            condition, params = where or ("1", [])
            ids = [r[0] for r in conn.execute(
                f"SELECT c.id FROM customers c LEFT JOIN areas a ON a.id = c.area_id"
                f" WHERE c.deleted_at IS NULL AND {in_book} AND ({condition}) ORDER BY c.id",
                [*book_params, *params])]
        if not ids:
            raise database.ArchiveError(translate("Books", "No customers to hand over: the book of {name} holds "
                                                  "none of them.").format(
                name=old or translate("Books", "(no manager)")))
        stamp = now_stamp()
        writing = translate("Books", "Handing the customers over…")
        for begin in range(0, len(ids), CHUNK):
            progress.report(begin, len(ids), writing)
            progress.check()
            part = ids[begin:begin + CHUNK]
            olds = {r[0]: r[1] for r in conn.execute(
                "SELECT id, manager FROM customers WHERE id IN (SELECT value FROM json_each(?))",
                (json.dumps(part),))}
            conn.execute("UPDATE customers SET manager = ? WHERE id IN (SELECT value FROM json_each(?))",
                         (new, json.dumps(part)))
            conn.executemany(
                "INSERT INTO customer_history(customer_id, changed_at, changed_by, field, old_value, new_value)"
                " VALUES (?, ?, ?, 'manager', ?, ?)", [(i, stamp, by, olds.get(i), new) for i in part])
        audit.record(conn, "handover", handover_what(old, new), len(ids), by,
                     detail={"from": old, "to": new, "customer_ids": ids})
        progress.report(len(ids), len(ids), writing)
    return Handover(old, new, tuple(ids))
