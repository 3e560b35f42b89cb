"""Pinyin order (拼音排序) for every list that shows names: customers, areas, managers,
partners, accounts, stores, circles. The key is :func:`model.customers.search.sort_key` (toneless
pinyin, a person's surname read as a surname), the same one the customer list sorts by;
SQLite's ORDER BY name would give character-code order (东…临…丹…北, 鑫隆 before 吉祥).
"""
from __future__ import annotations

from typing import Callable, Iterable, TypeVar

from model.core.pinyin_keys import sort_key
from model.core.sqlite import sqlite3

T = TypeVar("T")


def by_pinyin(items: Iterable[T], name: Callable[[T], str | None] = lambda x: x, *,
              person: bool = False) -> list[T]:
    """``items`` sorted by the pinyin of ``name(item)``; ``person``: read the first
    character as a surname (people's names), else in context (places, shops)."""
    return sorted(items, key=lambda item: sort_key(name(item) or "", person))


def areas(conn: sqlite3.Connection) -> list[tuple[str, int, str | None]]:
    """(name, id, area type) of every area, in pinyin order."""
    return by_pinyin([(r[0], r[1], r[2]) for r in conn.execute("SELECT name, id, area_type FROM areas")],
                     lambda r: r[0])


def area_names_in_use(conn: sqlite3.Connection) -> list[str]:
    """The areas that living customers are in, in pinyin order."""
    return by_pinyin(r[0] for r in conn.execute(
        "SELECT name FROM areas WHERE id IN (SELECT area_id FROM customers WHERE deleted_at IS NULL)"))


def record_values(conn: sqlite3.Connection, field: str) -> list[str]:
    """The values a customer's ``manager`` or ``source`` has on any customer (deleted ones
    too), to pick from in the editor; pinyin order (managers as people)."""
    if field not in ("manager", "source"):
        raise ValueError(field)
    return by_pinyin((r[0] for r in conn.execute(
        f"SELECT DISTINCT {field} FROM customers WHERE {field} IS NOT NULL AND {field} != ''")),
        person=field == "manager")


def managers(conn: sqlite3.Connection) -> list[str]:
    """The account managers named on living customers, in pinyin order (people)."""
    return by_pinyin((r[0] for r in conn.execute(
        "SELECT DISTINCT manager FROM customers WHERE deleted_at IS NULL AND manager IS NOT NULL"
        " AND manager <> ''")), person=True)
