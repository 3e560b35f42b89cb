"""Targets (目标管控, seed 002; ``resources/rules/targets.json``): a manager's monthly
target per kind (new customers, visits, calls, deals, amount), broken down to the
working days of the month (``planning.json``: working weekdays, holidays and make-up
days), and the actuals the archive holds for the same manager and days.

The breakdown spreads the month evenly over its working days: the running target on
the k-th of W working days is ``total * k / W`` (rounded to whole units for counts, to
cents for amounts), and a day's target is what that running total grows by that day.
So the days add up to the month exactly and no day is more than one unit off the mean.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from model.archive import database
from model.core import language, normalize, rules
from model.visits import planning_rules
from model.customers.customers import now_stamp
from model.archive.database import sqlite3
from model.core.i18n import translate

CALL_CHANNELS = ("phone", "sms", "online")
_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")


@dataclass(frozen=True)
class Kind:
    key: str
    label_en: str
    label_zh: str
    unit: str                      # 'count' or 'amount'
    counted_en: str = ""
    counted_zh: str = ""

    @property
    def whole(self) -> bool:
        return self.unit == "count"

    def label(self, lang: str | None = None) -> str:
        return self.label_zh if (lang or language.installed_language()).startswith("zh") else self.label_en

    def counted(self, lang: str | None = None) -> str:
        return self.counted_zh if (lang or language.installed_language()).startswith("zh") else self.counted_en


@lru_cache(maxsize=4)
def _kinds(folder: str) -> tuple[Kind, ...]:
    data = rules.load_json("targets.json", folder)
    return tuple(Kind(k["key"], k.get("label_en", k["key"]), k.get("label_zh", k["key"]), k.get("unit", "count"),
                      k.get("counted_en", ""), k.get("counted_zh", "")) for k in data.get("kinds", ()))


def sheet_calls() -> int:
    return int(rules.load_json("targets.json").get("sheet_calls", 30))


def kinds() -> tuple[Kind, ...]:
    return _kinds(str(rules.rules_dir()))


def kind(key: str) -> Kind:
    for k in kinds():
        if k.key == key:
            return k
    raise database.ArchiveError(translate("Targets", "'{kind}' is not a kind of target; the kinds are: {kinds}.")
                                .format(kind=key, kinds=", ".join(k.key for k in kinds())))


def month_of(day: date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def parse_month(text: str) -> str:
    """'2026-12' (or '2026-1') as 'YYYY-MM'; an ArchiveError otherwise."""
    found = _MONTH.match((text or "").strip())
    if not found or not 1 <= int(found.group(2)) <= 12:
        raise database.ArchiveError(translate("Targets", "'{text}' is not a month; write it as 2026-12.")
                                    .format(text=text))
    return f"{int(found.group(1)):04d}-{int(found.group(2)):02d}"


def month_days(month: str) -> tuple[date, date]:
    year, number = (int(p) for p in parse_month(month).split("-"))
    return date(year, number, 1), date(year, number, calendar.monthrange(year, number)[1])


def working_days(month: str) -> list[date]:
    first, last = month_days(month)
    return planning_rules.planning_rules().working_days(first, last)


# -- the targets ----------------------------------------------------------------------

def set_targets(conn: sqlite3.Connection, manager: str, month: str, values: dict[str, object], by: str) -> dict:
    """Set a manager's targets for a month in one transaction: ``{kind: value}``; an empty
    value (None, '') removes that kind's target. Returns the month's targets after it."""
    name = normalize.text(manager)
    if not name:
        raise database.ArchiveError(translate("Targets", "Name the manager whose targets these are."))
    month = parse_month(month)
    cleaned: dict[str, float | None] = {}
    for key, raw in values.items():
        k = kind(key)
        try:
            number = normalize.number(raw)
        except normalize.Invalid as exc:
            raise database.ArchiveError(translate("Targets", "{kind}: {reason}").format(
                kind=k.label(), reason=exc)) from None
        if number is not None and (number < 0 or (k.whole and number != int(number))):
            raise database.ArchiveError(translate("Targets", "{kind}: give a whole number of 0 or more.").format(
                kind=k.label()) if k.whole else translate("Targets", "{kind}: give an amount of 0 or more.")
                .format(kind=k.label()))
        cleaned[key] = number
    with database.transaction(conn):
        stamp = now_stamp()
        for key, number in cleaned.items():
            if number is None:
                conn.execute("DELETE FROM targets WHERE manager = ? AND month = ? AND kind = ?", (name, month, key))
            else:
                conn.execute("INSERT INTO targets(manager, month, kind, value, set_by, set_on)"
                             " VALUES (?, ?, ?, ?, ?, ?)"
                             " ON CONFLICT(manager, month, kind) DO UPDATE SET value = excluded.value,"
                             " set_by = excluded.set_by, set_on = excluded.set_on",
                             (name, month, key, number, by, stamp))
    return month_targets(conn, name, month)


def month_targets(conn: sqlite3.Connection, manager: str, month: str) -> dict[str, float]:
    return {r[0]: r[1] for r in conn.execute("SELECT kind, value FROM targets WHERE manager = ? AND month = ?",
                                             (manager, parse_month(month)))}


def managers_with_targets(conn: sqlite3.Connection) -> list[str]:
    return [r[0] for r in conn.execute("SELECT DISTINCT manager FROM targets")]


def breakdown(total: float, days: list[date], whole: bool) -> dict[date, float]:
    """``total`` spread over ``days`` (see the module's description)."""
    count = len(days)
    out: dict[date, float] = {}
    before = 0.0
    for k, day in enumerate(days, start=1):
        running = total * k / count
        running = float(int(running + 0.5)) if whole else round(running, 2)
        out[day] = round(running - before, 2)
        before = running
    return out


# -- the actuals ----------------------------------------------------------------------

def actuals(conn: sqlite3.Connection, manager: str, start: date, end: date) -> dict[str, dict[date, float]]:
    """Per kind, what the archive holds for ``manager``'s customers day by day in
    [start, end] (how each is counted: targets.json ``counted_en``)."""
    span = (manager, start.isoformat(), end.isoformat())
    queries = {
        "new_customers": "SELECT created_on, count(*) FROM customers WHERE manager = ? AND deleted_at IS NULL"
                         " AND created_on BETWEEN ? AND ? GROUP BY 1",
        "visits": "SELECT substr(k.contact_date, 1, 10), count(*) FROM contacts k JOIN customers c ON c.id ="
                  " k.customer_id WHERE c.manager = ? AND k.channel = 'visit' AND substr(k.contact_date, 1, 10)"
                  " BETWEEN ? AND ? GROUP BY 1",
        "calls": "SELECT substr(k.contact_date, 1, 10), count(*) FROM contacts k JOIN customers c ON c.id ="
                 " k.customer_id WHERE c.manager = ? AND k.channel IN ('phone', 'sms', 'online')"
                 " AND substr(k.contact_date, 1, 10) BETWEEN ? AND ? GROUP BY 1",
        "deals": "SELECT substr(t.txn_date, 1, 10), count(DISTINCT t.customer_id) FROM transactions t JOIN customers c"
                 " ON c.id = t.customer_id WHERE c.manager = ? AND substr(t.txn_date, 1, 10) BETWEEN ? AND ?"
                 " GROUP BY 1",
        "amount": "SELECT substr(t.txn_date, 1, 10), sum(t.amount) FROM transactions t JOIN customers c"
                  " ON c.id = t.customer_id WHERE c.manager = ? AND substr(t.txn_date, 1, 10) BETWEEN ? AND ?"
                  " GROUP BY 1",
    }
    out: dict[str, dict[date, float]] = {}
    for k in kinds():
        sql = queries.get(k.key)
        out[k.key] = {} if sql is None else {date.fromisoformat(d): float(n or 0)
                                               for d, n in conn.execute(sql, span) if d}
    return out


@dataclass
class Line:
    """One kind of target on one day: the month's, the day's and the month to date, with actuals."""
    kind: Kind
    month_target: float | None           # None: no target set for this kind
    day_target: float
    day_actual: float
    to_date_target: float                # through the day
    to_date_actual: float

    @property
    def day_difference(self) -> float:
        """Ahead of the day's target (positive) or behind it (negative)."""
        return round(self.day_actual - self.day_target, 2)

    @property
    def to_date_difference(self) -> float:
        return round(self.to_date_actual - self.to_date_target, 2)


@dataclass
class Standing:
    day: date
    manager: str
    month: str
    working_days: int
    working_day_number: int              # 0 when the day is not a working day
    lines: list[Line] = field(default_factory=list)

    @property
    def has_targets(self) -> bool:
        return any(line.month_target is not None for line in self.lines)


def standing(conn: sqlite3.Connection, manager: str, day: date) -> Standing:
    """Where ``manager`` stands on ``day``: per kind, the day's target and actual and
    the month's to date (the day included)."""
    month = month_of(day)
    days = working_days(month)
    set_ = month_targets(conn, manager, month)
    first, _last = month_days(month)
    done = actuals(conn, manager, first, day)
    out = Standing(day, manager, month, len(days), days.index(day) + 1 if day in days else 0)
    for k in kinds():
        total = set_.get(k.key)
        shares = breakdown(total, days, k.whole) if total is not None and days else {}
        by_day = done.get(k.key, {})
        out.lines.append(Line(
            k, total, shares.get(day, 0.0), by_day.get(day, 0.0),
            round(sum(v for d, v in shares.items() if d <= day), 2),
            round(sum(v for d, v in by_day.items() if d <= day), 2)))
    return out


def number_text(value: float | None, whole: bool, signed: bool = False) -> str:
    if value is None:
        return ""
    sign = "+" if signed else ""
    return f"{value:{sign},.0f}" if whole else f"{value:{sign},.2f}"
