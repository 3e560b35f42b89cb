"""A key account's volume per period against its target (DOMAIN.md §2a): periods as
people write them (2026, 2026-Q3, 2026-07, 2026年7月 ...), a year's total, the years
entered, and the ranking of the accounts by a year's volume.

Every write is one transaction and raises :class:`customers.ValidationError`
(field → reason) for values that cannot be stored.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from model.archive import database
from model.core import normalize
from model.core.i18n import translate
from model.customers.customers import ValidationError
from model.key_accounts import key_accounts

_PERIOD = (
    (re.compile(r"^(\d{4})$"), "year"),
    (re.compile(r"^(\d{4})\s*[-/]?\s*[Qq]([1-4])$"), "quarter"),
    (re.compile(r"^(\d{4})\s*年\s*第?\s*([1-4一二三四])\s*季度?$"), "quarter"),
    (re.compile(r"^(\d{4})\s*[-/.]\s*(\d{1,2})$"), "month"),
    (re.compile(r"^(\d{4})\s*年\s*(\d{1,2})\s*月$"), "month"),
    (re.compile(r"^(\d{4})(\d{2})$"), "month"),
)
_CHINESE_QUARTER = {"一": "1", "二": "2", "三": "3", "四": "4"}


def period_key(value) -> str:
    """'2026', '2026-Q3' or '2026-07' from what people write (2026Q3, 2026年3季度,
    2026/7, 2026年7月, 202607). Raises :class:`normalize.Invalid`."""
    text = normalize.text(value)
    if text is None:
        raise normalize.Invalid(translate("KeyAccounts", "Give the period: a year (2026), a quarter (2026-Q3) or a "
                                                         "month (2026-07)."))
    text = text.replace("年度", "年")
    for pattern, kind in _PERIOD:
        match = pattern.match(text)
        if not match:
            continue
        year = int(match.group(1))
        if not 1900 <= year <= 2100:
            break
        if kind == "year":
            return f"{year}"
        part = _CHINESE_QUARTER.get(match.group(2), match.group(2))
        if kind == "quarter":
            return f"{year}-Q{part}"
        if 1 <= int(part) <= 12:
            return f"{year}-{int(part):02d}"
        break
    raise normalize.Invalid(translate("KeyAccounts", "'{value}' is not a period: write a year (2026), a quarter "
                                                     "(2026-Q3) or a month (2026-07).").format(value=text))


def period_kind(period: str) -> str:
    return "year" if len(period) == 4 else ("quarter" if "Q" in period else "month")


@dataclass
class Volume:
    period: str
    volume: float | None
    target: float | None

    @property
    def share(self) -> float | None:
        """Volume as a share of target (None without both)."""
        if self.volume is None or not self.target:
            return None
        return self.volume / self.target


def amount(raw, what: str) -> float | None:
    """A volume or target (``what``: 'volume' or 'target'): a number, not negative; None if empty."""
    what = {"volume": translate("KeyAccounts", "volume"), "target": translate("KeyAccounts", "target")}.get(what, what)
    normalize.check_not_scientific(raw)
    value = normalize.number(raw)
    if value is not None and value < 0:
        raise normalize.Invalid(translate("KeyAccounts", "The {what} cannot be negative.").format(what=what))
    return value


def set_volume(conn, account_id: int, period, volume, target, by: str) -> str:
    """Enter (or change) the volume and target of one period; returns the period key.
    Both empty removes the period."""
    problems = {}
    try:
        key = period_key(period)
    except normalize.Invalid as exc:
        problems["period"] = str(exc)
    values = {}
    for name, raw in (("volume", volume), ("target", target)):
        try:
            values[name] = amount(raw, name)
        except normalize.Invalid as exc:
            problems[name] = str(exc)
    if problems:
        raise ValidationError(problems)
    with database.transaction(conn):
        key_accounts.require_account(conn, account_id)
        if values["volume"] is None and values["target"] is None:
            conn.execute("DELETE FROM ka_volumes WHERE account_id = ? AND period = ?", (account_id, key))
        else:
            conn.execute("INSERT INTO ka_volumes(account_id, period, volume, target, updated_at, updated_by)"
                         " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(account_id, period) DO UPDATE SET"
                         " volume = excluded.volume, target = excluded.target, updated_at = excluded.updated_at,"
                         " updated_by = excluded.updated_by",
                         (account_id, key, values["volume"], values["target"], key_accounts.now_stamp(), by))
    return key


def volumes(conn, account_id: int, year: int | None = None) -> list[Volume]:
    """The account's periods in order (a year's months, then its quarters, then the year)."""
    sql = "SELECT period, volume, target FROM ka_volumes WHERE account_id = ?"
    params: list = [account_id]
    if year is not None:
        sql += " AND substr(period, 1, 4) = ?"
        params.append(str(year))
    rows = [Volume(*r) for r in conn.execute(sql, params)]
    order = {"month": 0, "quarter": 1, "year": 2}
    return sorted(rows, key=lambda v: (v.period[:4], order[period_kind(v.period)], v.period))


def year_total(rows: list[Volume], year: int) -> Volume:
    """A year's volume and target from its periods: the months when any month is entered,
    else the quarters, else the year's own figure (never two granularities added up)."""
    mine = [v for v in rows if v.period[:4] == str(year)]
    for kind in ("month", "quarter", "year"):
        chosen = [v for v in mine if period_kind(v.period) == kind]
        if chosen:
            vols = [v.volume for v in chosen if v.volume is not None]
            targets = [v.target for v in chosen if v.target is not None]
            return Volume(str(year), sum(vols) if vols else None, sum(targets) if targets else None)
    return Volume(str(year), None, None)


def years(conn, account_id: int | None = None) -> list[int]:
    """The years with volume entered (of one account, or of any), latest first."""
    sql = "SELECT DISTINCT CAST(substr(period, 1, 4) AS INTEGER) FROM ka_volumes"
    params: list = []
    if account_id is not None:
        sql += " WHERE account_id = ?"
        params.append(account_id)
    return [r[0] for r in conn.execute(sql + " ORDER BY 1 DESC", params)]


@dataclass
class Ranked:
    rank: int
    account_id: int
    name: str
    scope: str
    volume: float
    target: float | None
    in_top: bool


def ranking(conn, year: int, size: int | None = None) -> list[Ranked]:
    """Accounts ranked by the year's volume, largest first (the seed's 'top ten').

    Equal volumes share a rank (1, 2, 2, 4) and are listed by name, then by id, so the
    order never depends on the database; ``in_top`` marks ranks within ``size`` (the
    rules' ranking size by default). Accounts without volume that year are left out."""
    if size is None:
        from model.key_accounts import ka_rewards
        size = ka_rewards.load().ranking_size
    by_account: dict[int, list[Volume]] = {}
    for account_id, period, volume, target in conn.execute(
            "SELECT account_id, period, volume, target FROM ka_volumes WHERE substr(period, 1, 4) = ?",
            (str(year),)):
        by_account.setdefault(account_id, []).append(Volume(period, volume, target))
    names = {r[0]: (r[1], r[2]) for r in conn.execute("SELECT id, name, scope FROM key_accounts")}
    rows = []
    for account_id, periods in by_account.items():
        total = year_total(periods, year)
        if total.volume is not None:
            rows.append((account_id, total))
    rows.sort(key=lambda r: (-r[1].volume, names[r[0]][0], r[0]))
    out: list[Ranked] = []
    for position, (account_id, total) in enumerate(rows, 1):
        rank = out[-1].rank if out and out[-1].volume == total.volume else position
        out.append(Ranked(rank, account_id, names[account_id][0], names[account_id][1], total.volume,
                          total.target, rank <= size))
    return out
