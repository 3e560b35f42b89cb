"""Seed 002's other axes per customer (DOMAIN.md §2b): deal status (已成交 / 正在谈判 /
潜在, a record field), importance (重要 / 非重要, from the potential amount) and the
urgency of handling (紧急 / 缓急 / 不紧急 / 可慢反应, from the record's handle-by date).

Importance and urgency are worked out when asked, never stored: they move with the
potential amount, the handle-by date and the day. The SQL expressions give the list's
columns and filters the same answers in SQLite.
"""
from __future__ import annotations

from datetime import date, timedelta

from model.core.months import months_sql
from model.grading import opportunity, ruleset

IMPORTANT, NOT_IMPORTANT = "important", "not_important"


def importance(potential_amount, rules: ruleset.GradingRules | None = None) -> str | None:
    """``important`` when the potential amount reaches the rules' line, else
    ``not_important``; None when no amount is known."""
    if potential_amount is None or potential_amount != potential_amount:
        return None
    rules = rules or ruleset.load()
    return IMPORTANT if float(potential_amount) >= rules.importance.important_from else NOT_IMPORTANT


def class_limit(cls: ruleset.UrgencyClass, as_of: date) -> date | None:
    """The last day a class covers (None: the open-ended last class)."""
    if cls.within_days is not None:
        return as_of + timedelta(days=cls.within_days)
    if cls.within_months is not None:
        return opportunity.add_months(as_of, cls.within_months)
    return None


def handling_urgency(handle_by: date | str | None, as_of: date,
                     rules: ruleset.GradingRules | None = None) -> str | None:
    """The urgency class of a customer to be handled by ``handle_by``: the first class
    whose limit the date does not pass (a date already past is the first, most urgent
    class); None without a date."""
    if not handle_by:
        return None
    if isinstance(handle_by, str):
        handle_by = date.fromisoformat(handle_by[:10])
    classes = (rules or ruleset.load()).opportunity.urgency
    for cls in classes:
        limit = class_limit(cls, as_of)
        if limit is None or handle_by <= limit:
            return cls.key
    return classes[-1].key


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def importance_sql(rules: ruleset.GradingRules | None = None, column: str = "c.potential_amount") -> str:
    rules = rules or ruleset.load()
    return (f"CASE WHEN {column} IS NULL THEN NULL WHEN {column} >= {float(rules.importance.important_from)!r}"
            f" THEN '{IMPORTANT}' ELSE '{NOT_IMPORTANT}' END")


def urgency_sql(rules: ruleset.GradingRules | None = None, column: str = "c.handle_by") -> str:
    """:func:`handling_urgency` as of today in SQL."""
    classes = (rules or ruleset.load()).opportunity.urgency
    parts = [f"CASE WHEN {column} IS NULL OR {column} = '' THEN NULL"]
    for cls in classes:
        if cls.within_days is not None:
            limit = f"date('now', 'localtime', '+{int(cls.within_days)} days')"
        elif cls.within_months is not None:
            limit = months_sql(int(cls.within_months))
        else:
            parts.append(f"ELSE {_quote(cls.key)}")
            break
        parts.append(f"WHEN substr({column}, 1, 10) <= {limit} THEN {_quote(cls.key)}")
    else:
        parts.append(f"ELSE {_quote(classes[-1].key)}")
    return " ".join(parts) + " END"


def handle_by_for(urgency: str, as_of: date, rules: ruleset.GradingRules | None = None) -> date:
    """The handle-by date a manager's urgency answer stands for: the last day of the
    class (urgent: as-of + 7 days; 1 week-1 month: + 1 month; 1-3 months: + 3 months);
    the open last class (after 3 months) takes its ``handle_by_months`` (default 6)."""
    rules = rules or ruleset.load()
    for cls in rules.opportunity.urgency:
        if cls.key == urgency:
            limit = class_limit(cls, as_of)
            return limit if limit is not None else opportunity.add_months(as_of, cls.handle_by_months or 6)
    raise KeyError(urgency)
