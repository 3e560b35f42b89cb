"""The A-tier service of seed 002 (DOMAIN.md §2a) beyond the manager's monthly visit:
the senior leader's monthly call to the customer's head, market news by phone/SMS,
volume rewards and the year-end top ten (十佳). Rules: ``resources/rules/a_service.json``.

* **Senior calls** are due items of their own (model.visits.due's :class:`DueVisit`), for
  the senior, not the manager: every A-tier customer is due ``every_days`` after the
  last call the senior made (a contact recorded by the senior, or with the call's
  purpose); never called: due now. They appear in the due list of everyone and of the
  senior (``manager`` = the senior's name), and print as the senior's call list.
* **Market news** is an obligation of the A-tier customer's own due item (the manager
  sends it): ``every_days`` after the last contact on any channel.
* **Rewards**: an A-tier customer's volume (the sum of quantities, in the rules'
  unit, default 吨) in a calendar year against the reward tiers (model.key_accounts.ka_rewards's
  tier logic): the tier reached and what is missing for the next; the top ten are
  the A-tier customers with the largest volume of the year.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from model.key_accounts import ka_rewards
from model.core import rules, settings
from model.archive.database import sqlite3
from model.core.i18n import translate

FILE = "a_service.json"


def _pick(entry: dict, field: str, language: str | None) -> str:
    if language is None:
        from model.core.language import installed_language
        language = installed_language()
    zh, en = entry.get(f"{field}_zh") or "", entry.get(f"{field}_en") or ""
    return (zh or en) if language.startswith("zh") else (en or zh)


@dataclass(frozen=True)
class ServiceRules:
    tier: str
    senior_leader: str
    senior_channel: str
    senior_days: int
    news_channels: tuple[str, ...]
    news_days: int | None
    _data: dict

    def senior_purpose(self, language: str | None = None) -> str:
        return _pick(self._data["senior_call"], "purpose", language)

    def news_purpose(self, language: str | None = None) -> str:
        return _pick(self._data["market_news"], "purpose", language)

    def purposes(self) -> tuple[str, ...]:
        """The senior call's purpose in every language (a contact with one of them counts)."""
        call = self._data["senior_call"]
        return tuple(p for p in (call.get("purpose_en"), call.get("purpose_zh")) if p)

    def ranking_reward(self, language: str | None = None) -> str:
        return _pick(self._data["rewards"], "ranking_reward", language)


@lru_cache(maxsize=4)
def _load(folder: str) -> ServiceRules:
    data = rules.load_json(FILE, folder)
    call, news = data["senior_call"], data.get("market_news") or {}
    return ServiceRules(str(data.get("tier", "A")), str(data.get("senior_leader") or "").strip(),
                        str(call.get("channel", "phone")), int(call.get("every_days", 30)),
                        tuple(news.get("channels", ("sms", "phone"))),
                        None if news.get("every_days") is None else int(news["every_days"]), dict(data))


def service_rules() -> ServiceRules:
    return _load(str(rules.rules_dir()))


def reward_rules() -> ka_rewards.RewardRules:
    """The A-tier reward tiers (the ``rewards`` section), checked like the KA tiers."""
    return ka_rewards.load_file(str(rules.rules_dir()), FILE)


def senior_leader() -> str:
    """The senior named in Preferences, else in the branch's rules; "" when none."""
    return (settings.get(settings.SENIOR_LEADER) or "").strip() or service_rules().senior_leader


def a_tier_ids(conn: sqlite3.Connection, manager: str | None = None) -> list[int]:
    """Customers (not deleted) whose current value tier is the served tier."""
    sql = ("SELECT c.id FROM customers c JOIN grades g ON g.customer_id = c.id AND g.scheme = 'value_tier'"
           " WHERE c.deleted_at IS NULL AND g.value = ?")
    params: list = [service_rules().tier]
    if manager:
        sql += " AND c.manager = ?"
        params.append(manager)
    return [r[0] for r in conn.execute(sql + " ORDER BY c.id", params)]


# -- due items -------------------------------------------------------------------------

def news_obligation(tier: str | None, last_contact: date | None, created: date | None,
                    start: date) -> tuple[date, str, str] | None:
    """The market-news obligation of a customer's own due item (model.visits.due): (due date,
    channel, reason), or None when the customer is not served or news has no period."""
    r = service_rules()
    if tier != r.tier or not r.news_days or not r.news_channels:
        return None
    base = last_contact or created
    when = base + timedelta(days=r.news_days) if base else start
    return when, r.news_channels[0], translate("Due", "value tier {tier}: market news every {days} days").format(
        tier=tier, days=r.news_days)


def senior_calls(conn: sqlite3.Connection, start: date, end: date, manager: str | None = None) -> list:
    """The senior leader's calls due on or before ``end`` (overdue ones included), as due
    items with ``manager`` = the senior. Empty when no senior is named, or when the due
    list asked for is another manager's."""
    from model.visits import due, planning_rules
    senior = senior_leader()
    if not senior or (manager and manager != senior):
        return []
    r = service_rules()
    ids = a_tier_ids(conn)
    if not ids:
        return []
    purposes = r.purposes()
    marks = ", ".join("?" * len(purposes)) or "NULL"
    last = dict(conn.execute(
        f"SELECT customer_id, substr(MAX(contact_date), 1, 10) FROM contacts WHERE channel = ?"
        f" AND (recorded_by = ? OR purpose IN ({marks})) GROUP BY customer_id",
        (r.senior_channel, senior, *purposes)).fetchall())
    prules = planning_rules.planning_rules()
    items = []
    for row in due.customer_rows(conn, ids=ids):
        called = date.fromisoformat(last[row["id"]]) if last.get(row["id"]) else None
        when = called + timedelta(days=r.senior_days) if called else start
        if when > end:
            continue
        overdue = max(0, (start - when).days)
        head = row["keyman_name"]
        if called:
            reason = translate("Due", "A-tier service: {senior}'s monthly call, last on {date}").format(
                senior=senior, date=called.isoformat())
        else:
            reason = translate("Due", "A-tier service: {senior}'s monthly call (not called yet)").format(senior=senior)
        purpose = r.senior_purpose()
        if head:
            with_whom = translate("Due", " — with {name}").format(
                name=head + (f" ({row['keyman_role']})" if row["keyman_role"] else ""))
            purpose += with_whom
            reason += with_whom
        item = due.make_item(row, due.Grade(tier=r.tier), prules,
                         priority=(3 if overdue else 2) * 1000 + min(overdue, 365),
                         reason=reason, overdue_days=overdue, purpose=purpose, due_date=when, channel=r.senior_channel,
                         rank_class=3 if overdue else 2, cadence_days=r.senior_days)
        item.manager = senior
        item.phone = row["keyman_phone"] or item.phone
        items.append(item)
    items.sort(key=due.rank_key)
    return items


# -- rewards and the top ten --------------------------------------------------------------

@dataclass(frozen=True)
class RewardLine:
    rank: int                     # by volume in the year, 1 = largest (equal volumes share a rank)
    customer_id: int
    name: str
    manager: str | None
    volume: float
    standing: ka_rewards.Standing


def reward_standings(conn: sqlite3.Connection, year: int, manager: str | None = None) -> list[RewardLine]:
    """Every A-tier customer with its volume in ``year`` (sum of quantities), the reward
    tier reached and what is missing for the next; largest volume first."""
    tiers = reward_rules()
    ids = a_tier_ids(conn, manager)
    if not ids:
        return []
    import json
    rows = conn.execute(
        "SELECT c.id, c.name, c.manager, COALESCE((SELECT SUM(COALESCE(t.quantity, 0)) FROM transactions t"
        " WHERE t.customer_id = c.id AND t.txn_date >= ? AND t.txn_date < ?), 0) AS volume"
        " FROM customers c WHERE c.id IN (SELECT value FROM json_each(?))",
        (f"{year:04d}-01-01", f"{year + 1:04d}-01-01", json.dumps(ids))).fetchall()
    ordered = sorted(rows, key=lambda r: (-float(r["volume"]), r["name"], r["id"]))
    lines, rank, previous = [], 0, None
    for n, r in enumerate(ordered, 1):
        volume = float(r["volume"])
        if volume != previous:
            rank, previous = n, volume
        lines.append(RewardLine(rank, r["id"], r["name"], r["manager"], volume,
                                ka_rewards.standing(volume, tiers)))
    return lines


def top_ten(conn: sqlite3.Connection, year: int) -> list[RewardLine]:
    """The year-end honour list: the A-tier customers with the largest volume in ``year``
    (more than ranking_size only when equal volumes share the last place); none with 0."""
    size = reward_rules().ranking_size
    lines = [line for line in reward_standings(conn, year) if line.volume > 0]
    return [line for line in lines if line.rank <= size]
