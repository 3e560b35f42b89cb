"""The customer lifecycle stage (客户生命周期, seed 000; ``resources/rules/lifecycle.json``).

Each customer is in one of six stages, worked out as of a day from their
transactions and contacts (nothing is stored, so a new transaction or contact
moves the customer at once):

    potential 潜在 · new 新客 · growing 成长 · mature 成熟 · declining 衰退 · lost 流失

The facts are the first and last transaction, the last contact, the amount of
the last 12 months and of the 12 months before. :func:`stage` is the rule in
Python, with the sentence that explains it; :func:`stage_sql` is the same rule
as an SQL expression, used over correlated sub-queries by the customer list
(column, filter) and over one ``GROUP BY`` pass by :func:`counts` and
:func:`stages` for a whole archive. "Within N months" means after the same day
N months ago (``add_months``, the last day of a shorter month).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from model.core import language, rules
from model.archive.database import sqlite3
from model.core.months import add_months, months_sql
from model.core.i18n import translate

POTENTIAL, NEW, GROWING, MATURE, DECLINING, LOST = "potential", "new", "growing", "mature", "declining", "lost"
STAGES = (POTENTIAL, NEW, GROWING, MATURE, DECLINING, LOST)


@dataclass(frozen=True)
class Stage:
    key: str
    label_en: str
    label_zh: str
    source: str

    def label(self, lang: str | None = None) -> str:
        return self.label_zh if (lang or language.installed_language()).startswith("zh") else self.label_en


@dataclass(frozen=True)
class LifecycleRules:
    stages: tuple[Stage, ...]
    new_months: int
    lost_months: int
    lost_contact_months: int
    dormant_months: int
    decline_share: float
    growth_share: float

    def stage(self, key: str) -> Stage:
        return next(s for s in self.stages if s.key == key)


@lru_cache(maxsize=4)
def _rules(folder: str) -> LifecycleRules:
    data = rules.load_json("lifecycle.json", folder)
    listed = {s["key"]: s for s in data.get("stages", ())}
    stages = tuple(Stage(key, listed.get(key, {}).get("label_en", key), listed.get(key, {}).get("label_zh", key),
                         listed.get(key, {}).get("source", "")) for key in STAGES)
    return LifecycleRules(stages, int(data.get("new_months", 6)), int(data.get("lost_months", 12)),
                          int(data.get("lost_contact_months", 1)), int(data.get("dormant_months", 6)),
                          float(data.get("decline_share", 0.2)), float(data.get("growth_share", 0.2)))


def lifecycle_rules() -> LifecycleRules:
    return _rules(str(rules.rules_dir()))


def stage_label(key: str, lang: str | None = None) -> str:
    return lifecycle_rules().stage(key).label(lang) if key in STAGES else key


@dataclass(frozen=True)
class Facts:
    """A customer's business up to the day asked about (dates as ISO days)."""
    first_transaction: str | None
    last_transaction: str | None
    last_contact: str | None
    recent_amount: float          # the 12 months up to the day
    previous_amount: float        # the 12 months before those


def _after(today: date, months: int) -> str:
    """The first day "within ``months`` months" of ``today`` (the day after add_months(today, -months))."""
    return (add_months(today, -months) + timedelta(days=1)).isoformat()


def _money(amount: float) -> str:
    return f"{amount:,.0f}"


def stage(facts: Facts, today: date, r: LifecycleRules | None = None) -> tuple[str, str]:
    """The customer's stage as of ``today`` and the sentence that explains it."""
    r = r or lifecycle_rules()
    recent, previous = facts.recent_amount or 0.0, facts.previous_amount or 0.0
    if facts.first_transaction is None:
        return POTENTIAL, translate("Lifecycle", "No transaction yet.")
    if facts.first_transaction >= _after(today, r.new_months):
        return NEW, translate("Lifecycle", "First transaction on {date}, within the last {months} months.").format(
            date=facts.first_transaction, months=r.new_months)
    last = facts.last_transaction or facts.first_transaction
    if last < _after(today, r.lost_months) and (
            facts.last_contact is None or facts.last_contact < _after(today, r.lost_contact_months)):
        if facts.last_contact is None:
            return LOST, translate("Lifecycle", "No transaction since {date} (over {months} months) and no "
                                   "contact yet.").format(date=last, months=r.lost_months)
        return LOST, translate("Lifecycle", "No transaction since {date} (over {months} months) and no contact "
                               "since {contact}.").format(date=last, months=r.lost_months, contact=facts.last_contact)
    if previous > 0 and recent <= previous * (1 - r.decline_share):
        return DECLINING, translate("Lifecycle", "The last 12 months' amount, {recent}, is {share:.0f}% below the "
                                    "12 months before ({previous}).").format(
            recent=_money(recent), previous=_money(previous), share=100 * (1 - recent / previous))
    if last < _after(today, r.dormant_months):
        return DECLINING, translate("Lifecycle", "No transaction since {date} (over {months} months).").format(
            date=last, months=r.dormant_months)
    if previous <= 0:
        return GROWING, translate("Lifecycle", "Business only in the last 12 months ({recent}).").format(
            recent=_money(recent))
    if recent >= previous * (1 + r.growth_share):
        return GROWING, translate("Lifecycle", "The last 12 months' amount, {recent}, is {share:.0f}% above the "
                                  "12 months before ({previous}).").format(
            recent=_money(recent), previous=_money(previous), share=100 * (recent / previous - 1))
    return MATURE, translate("Lifecycle", "Steady business: {recent} in the last 12 months against {previous} "
                             "the 12 months before.").format(recent=_money(recent), previous=_money(previous))


# -- SQL ---------------------------------------------------------------------------------------------

def _day_sql(today: date | None) -> str:
    return "date('now', 'localtime')" if today is None else f"'{today.isoformat()}'"


def _after_sql(today: date | None, months: int) -> str:
    if today is not None:
        return f"'{_after(today, months)}'"
    return f"date({months_sql(-months)}, '+1 day')"


def stage_sql(first: str, last: str, contact: str, recent: str, previous: str,
              today: date | None = None, r: LifecycleRules | None = None) -> str:
    """:func:`stage` as an SQL CASE over the given fact expressions (``today`` None: the
    day the query runs)."""
    r = r or lifecycle_rules()
    last = f"coalesce({last}, {first})"
    return (f"CASE WHEN {first} IS NULL THEN '{POTENTIAL}'"
            f" WHEN {first} >= {_after_sql(today, r.new_months)} THEN '{NEW}'"
            f" WHEN {last} < {_after_sql(today, r.lost_months)} AND ({contact} IS NULL"
            f" OR {contact} < {_after_sql(today, r.lost_contact_months)}) THEN '{LOST}'"
            f" WHEN {previous} > 0 AND {recent} <= {previous} * {1 - r.decline_share!r} THEN '{DECLINING}'"
            f" WHEN {last} < {_after_sql(today, r.dormant_months)} THEN '{DECLINING}'"
            f" WHEN {previous} <= 0 THEN '{GROWING}'"
            f" WHEN {recent} >= {previous} * {1 + r.growth_share!r} THEN '{GROWING}'"
            f" ELSE '{MATURE}' END")


def _windows(today: date | None) -> tuple[str, str, str]:
    """SQL for the day after ``today`` and the first days of the last 12 and 24 months."""
    tomorrow = f"date({_day_sql(today)}, '+1 day')"
    return tomorrow, _after_sql(today, 12), _after_sql(today, 24)


def customer_stage_sql(today: date | None = None, r: LifecycleRules | None = None) -> str:
    """The stage of ``customers c`` (the customer list's column): one pass over the
    customer's transactions on their index, the last contact looked up only when the
    rule needs it."""
    tomorrow, after12, after24 = _windows(today)
    contact = (f"(SELECT substr(max(k.contact_date), 1, 10) FROM contacts k WHERE k.customer_id = c.id"
               f" AND k.contact_date < {tomorrow})")
    case = stage_sql("substr(min(t.txn_date), 1, 10)", "substr(max(t.txn_date), 1, 10)", contact,
                     f"total(CASE WHEN t.txn_date >= {after12} THEN t.amount END)",
                     f"total(CASE WHEN t.txn_date >= {after24} AND t.txn_date < {after12} THEN t.amount END)",
                     today, r)
    return f"(SELECT {case} FROM transactions t WHERE t.customer_id = c.id AND t.txn_date < {tomorrow})"


def _facts_query(today: date | None) -> str:
    """Every live customer's facts in one pass over transactions and one over contacts."""
    tomorrow, after12, after24 = _windows(today)
    return (
        "SELECT c.id AS id, t.first_txn, t.last_txn, k.last_contact,"
        " coalesce(t.recent, 0) AS recent, coalesce(t.previous, 0) AS previous FROM customers c"
        " LEFT JOIN (SELECT customer_id, substr(min(txn_date), 1, 10) AS first_txn,"
        f" substr(max(txn_date), 1, 10) AS last_txn,"
        f" total(CASE WHEN txn_date >= {after12} THEN amount END) AS recent,"
        f" total(CASE WHEN txn_date >= {after24} AND txn_date < {after12} THEN amount END) AS previous"
        f" FROM transactions WHERE txn_date < {tomorrow} GROUP BY customer_id) t ON t.customer_id = c.id"
        " LEFT JOIN (SELECT customer_id, substr(max(contact_date), 1, 10) AS last_contact FROM contacts"
        f" WHERE contact_date < {tomorrow} GROUP BY customer_id) k ON k.customer_id = c.id"
        " WHERE c.deleted_at IS NULL")


def _staged_query(today: date | None, r: LifecycleRules | None) -> str:
    stage = stage_sql('f.first_txn', 'f.last_txn', 'f.last_contact', 'f.recent', 'f.previous', today, r)
    return f"SELECT f.id AS id, {stage} AS stage FROM ({_facts_query(today)}) f"


def stages(conn: sqlite3.Connection, today: date, ids: list[int] | None = None) -> dict[int, str]:
    """Every live customer's stage (or those of ``ids``), as of ``today``."""
    wanted = None if ids is None else set(ids)
    return {row[0]: row[1] for row in conn.execute(_staged_query(today, None))
            if wanted is None or row[0] in wanted}


def counts(conn: sqlite3.Connection, today: date, where: str = "1", params: list | tuple = ()) -> dict[str, int]:
    """Customers per stage (every stage, 0 when none) among the live customers matching
    ``where`` (an SQL condition over ``customers c``)."""
    found = dict.fromkeys(STAGES, 0)
    for key, n in conn.execute(
            f"SELECT s.stage, count(*) FROM ({_staged_query(today, None)}) s WHERE s.id IN"
            f" (SELECT c.id FROM customers c WHERE c.deleted_at IS NULL AND {where}) GROUP BY s.stage",
            list(params)):
        found[key] = n
    return found


def facts(conn: sqlite3.Connection, customer_id: int, today: date) -> Facts:
    """One customer's facts (the customer editor; the tests' reference)."""
    tomorrow = (today + timedelta(days=1)).isoformat()
    after12, after24 = _after(today, 12), _after(today, 24)
    first, last, recent, previous = conn.execute(
        "SELECT substr(min(txn_date), 1, 10), substr(max(txn_date), 1, 10),"
        " total(CASE WHEN txn_date >= ? THEN amount END),"
        " total(CASE WHEN txn_date >= ? AND txn_date < ? THEN amount END)"
        " FROM transactions WHERE customer_id = ? AND txn_date < ?",
        (after12, after24, after12, customer_id, tomorrow)).fetchone()
    contact = conn.execute("SELECT substr(max(contact_date), 1, 10) FROM contacts WHERE customer_id = ?"
                           " AND contact_date < ?", (customer_id, tomorrow)).fetchone()[0]
    return Facts(first, last, contact, float(recent or 0), float(previous or 0))


def customer_stage(conn: sqlite3.Connection, customer_id: int, today: date | None = None) -> tuple[str, str]:
    """(stage, explanation) of one customer as of ``today`` (default: today)."""
    today = today or date.today()
    return stage(facts(conn, customer_id, today), today)


def customers_in(conn: sqlite3.Connection, key: str, today: date) -> list[tuple[int, str, str | None]]:
    """(id, name, manager) of the live customers in stage ``key``, names in pinyin order."""
    from model.core import name_order
    chosen = [i for i, s in stages(conn, today).items() if s == key]
    rows: list[tuple[int, str, str | None]] = []
    for start in range(0, len(chosen), 500):
        part = chosen[start:start + 500]
        rows += [tuple(r) for r in conn.execute(
            f"SELECT id, name, manager FROM customers WHERE id IN ({', '.join('?' * len(part))})", part)]
    return name_order.by_pinyin(rows, lambda r: r[1], person=True)
