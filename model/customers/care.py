"""Care calls (客户关怀; seed 002's care plan, seed 004's 生日祝福电话; rules data
``resources/rules/care.json``): a customer's birthday and the festivals of the year
become due calls ``lead_days`` ahead, each with its reason.

* A birthday needs a full birth date (YYYY-MM-DD); a date known only to the year has
  none. 29 February is greeted on 28 February in other years.
* Festivals are fixed days (MM-DD) or, for the lunar ones and those such as Mother's
  Day, listed per year in the rules data: a year without a listed date has no such
  festival (the branch adds next year's, as with the holidays).
* A care call is due from ``lead_days`` before the occasion to the occasion itself and
  is done when the customer has a contact on any channel in that span.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from model.core import language, rules
from model.archive.database import sqlite3
from model.core.i18n import translate

BIRTHDAY = "birthday"


@dataclass(frozen=True)
class Festival:
    key: str
    label_en: str
    label_zh: str
    fixed: str | None                     # 'MM-DD' every year
    dates: tuple[tuple[int, date], ...]   # (year, day) for the lunar and movable ones
    lunar: str | None                     # the lunar date (农历), for the reason
    source: str

    def on(self, year: int) -> date | None:
        for listed_year, day in self.dates:
            if listed_year == year:
                return day
        if self.fixed:
            month, day = (int(p) for p in self.fixed.split("-"))
            return date(year, month, day)
        return None

    def label(self, lang: str | None = None) -> str:
        return self.label_zh if (lang or language.installed_language()).startswith("zh") else self.label_en


@dataclass(frozen=True)
class CareRules:
    lead_days: int
    birthday_tiers: tuple[str, ...]       # empty: everyone
    festival_tiers: tuple[str, ...]
    festivals: tuple[Festival, ...]


@lru_cache(maxsize=4)
def _rules(folder: str) -> CareRules:
    data = rules.load_json("care.json", folder)
    festivals = tuple(
        Festival(f["key"], f.get("label_en", f["key"]), f.get("label_zh", f["key"]), f.get("fixed"),
                 tuple(sorted((int(y), date.fromisoformat(d)) for y, d in (f.get("dates") or {}).items())),
                 f.get("lunar"), f.get("source", ""))
        for f in data.get("festivals", ()))
    return CareRules(int(data.get("lead_days", 7)), tuple(data.get("birthday_tiers") or ()),
                     tuple(data.get("festival_tiers") or ()), festivals)


def care_rules() -> CareRules:
    return _rules(str(rules.rules_dir()))


def _leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def birthday_in(birth_date: str | None, year: int) -> date | None:
    """The birthday in ``year`` of someone born on ``birth_date``; None when the date is
    not a full date (a year alone, a month alone)."""
    try:
        born = date.fromisoformat((birth_date or "")[:10])
    except ValueError:
        return None
    if len(birth_date or "") < 10:
        return None
    if born.month == 2 and born.day == 29 and not _leap(year):
        return date(year, 2, 28)
    return date(year, born.month, born.day)


def festivals_between(start: date, end: date) -> list[tuple[Festival, date]]:
    """The festivals falling in [start, end], in date order."""
    found = []
    for year in range(start.year, end.year + 1):
        for festival in care_rules().festivals:
            on = festival.on(year)
            if on is not None and start <= on <= end:
                found.append((festival, on))
    return sorted(found, key=lambda pair: (pair[1], pair[0].key))


@dataclass
class CareCall:
    customer_id: int
    name: str
    phone: str | None
    manager: str | None
    tier: str | None
    occasion: str                 # BIRTHDAY or a festival's key
    on: date                      # the birthday or the festival
    due_from: date
    age: int | None = None        # the age reached on a birthday
    done: bool = False            # a contact between due_from and on

    @property
    def reason(self) -> str:
        """Why the call is due, in the language spoken now (a printout's, say)."""
        if self.occasion == BIRTHDAY:
            return _reason_birthday(self.on, self.age)
        festival = next((f for f in care_rules().festivals if f.key == self.occasion), None)
        return _reason_festival(festival, self.on) if festival is not None else self.occasion


def _reason_birthday(on: date, age: int | None) -> str:
    if age:
        return translate("Care", "Birthday greeting call: {date}, turns {age}").format(date=on.isoformat(), age=age)
    return translate("Care", "Birthday greeting call: {date}").format(date=on.isoformat())


def _reason_festival(festival: Festival, on: date) -> str:
    if festival.lunar:
        return translate("Care", "{festival} greeting: {date} (lunar {lunar})").format(
            festival=festival.label(), date=on.isoformat(), lunar=festival.lunar)
    return translate("Care", "{festival} greeting: {date}").format(festival=festival.label(), date=on.isoformat())


def care_calls(conn: sqlite3.Connection, start: date, end: date, manager: str | None = None,
               include_done: bool = False) -> list[CareCall]:
    """The care calls due on some day of [start, end] (from ``lead_days`` before each
    occasion to the occasion), by occasion date then name; done ones only when asked."""
    cr = care_rules()
    last = end + timedelta(days=cr.lead_days)
    where, params = "c.deleted_at IS NULL", []
    if manager:
        where += " AND c.manager = ?"
        params.append(manager)
    rows = conn.execute(
        "SELECT c.id, c.name, coalesce(c.phone, c.phone2) AS phone, c.manager, c.birth_date, g.value AS tier"
        " FROM customers c LEFT JOIN grades g ON g.customer_id = c.id AND g.scheme = 'value_tier'"
        f" WHERE {where} ORDER BY c.id", params).fetchall()
    out: list[CareCall] = []
    for row in rows:
        if not cr.birthday_tiers or row["tier"] in cr.birthday_tiers:
            for year in range(start.year, last.year + 1):
                on = birthday_in(row["birth_date"], year)
                if on is not None and start <= on <= last:
                    age = year - int(row["birth_date"][:4])
                    out.append(_call(row, BIRTHDAY, on, cr, age if age > 0 else None))
    festive = festivals_between(start, last)
    if festive:
        for row in rows:
            if cr.festival_tiers and row["tier"] not in cr.festival_tiers:
                continue
            for festival, on in festive:
                out.append(_call(row, festival.key, on, cr))
    out = [c for c in out if c.due_from <= end]
    _mark_done(conn, out)
    if not include_done:
        out = [c for c in out if not c.done]
    from model.core import name_order
    order = {n: i for i, n in enumerate(name_order.by_pinyin(dict.fromkeys(c.name for c in out), person=True))}
    return sorted(out, key=lambda c: (c.on, order[c.name], c.customer_id, c.occasion))


def _call(row, occasion: str, on: date, cr: CareRules, age: int | None = None) -> CareCall:
    return CareCall(row["id"], row["name"], row["phone"], row["manager"], row["tier"], occasion, on,
                    on - timedelta(days=cr.lead_days), age)


def _mark_done(conn: sqlite3.Connection, calls: list[CareCall]) -> None:
    if not calls:
        return
    ids = sorted({c.customer_id for c in calls})
    first = min(c.due_from for c in calls).isoformat()
    last = max(c.on for c in calls).isoformat()
    contacted: dict[int, list[str]] = {}
    for cid, day in conn.execute(
            "SELECT customer_id, substr(contact_date, 1, 10) FROM contacts WHERE customer_id IN"
            " (SELECT value FROM json_each(?)) AND substr(contact_date, 1, 10) BETWEEN ? AND ?",
            (json.dumps(ids), first, last)):
        contacted.setdefault(cid, []).append(day)
    for call in calls:
        span = (call.due_from.isoformat(), call.on.isoformat())
        call.done = any(span[0] <= day <= span[1] for day in contacted.get(call.customer_id, ()))

