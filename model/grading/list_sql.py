"""The grades of the customer list as SQL over ``customers c``: the columns' expressions
and the filter's conditions.

Every piece reads the ``grades`` table by its primary key (customer_id, scheme), so the
list sorts and filters 100,000 customers in SQLite without loading grades into Python.

The next tracking date is worked out in SQL the way ``grading.tracking_schedule``
does: the opportunity grade's cadence (rules data) after the customer's latest
contact up to today, or the day the grade was set when there is no contact yet.
"""
from __future__ import annotations

from model import grading

AXES = ("deal_status", "importance", "urgency", "size")   # seed 002's other axes


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def grade_sql(scheme: str, expression: str = "g.value") -> str:
    return (f"(SELECT {expression} FROM grades g WHERE g.customer_id = c.id"
            f" AND g.scheme = {_quote(scheme)})")


def order_sql(scheme: str, rules: grading.GradingRules) -> str:
    whens = " ".join(f"WHEN {_quote(v)} THEN {i}" for i, v in enumerate(grading.value_order(scheme, rules)))
    return grade_sql(scheme, f"CASE g.value {whens} ELSE 999 END")


def next_tracking_sql(rules: grading.GradingRules | None = None) -> str:
    """The next tracking date (ISO text) of ``c``, NULL without a grade that is tracked."""
    rules = rules or grading.load_rules()
    tracked = {g: c.days for g, c in rules.opportunity.cadences.items() if c.days}
    if not tracked:
        return "NULL"
    days = "CASE g.value " + " ".join(f"WHEN {_quote(g)} THEN {int(d)}" for g, d in tracked.items()) + " END"
    last = ("(SELECT substr(max(k.contact_date), 1, 10) FROM contacts k WHERE k.customer_id = c.id"
            " AND k.contact_date < date('now', 'localtime', '+1 day'))")
    # No contact: the day graded (as_of - days + days).
    return grade_sql(grading.OPPORTUNITY,
                     f"date(COALESCE({last}, date(g.as_of, '-' || {days} || ' days')), '+' || {days} || ' days')")


def overdue_sql(rules: grading.GradingRules | None = None) -> str:
    """Days since the next tracking date (> 0 overdue, 0 due today, < 0 not yet due)."""
    return (f"CAST(julianday(date('now', 'localtime')) - julianday({next_tracking_sql(rules)})"
            " AS INTEGER)")


def axis_sql(axis: str, rules: grading.GradingRules | None = None) -> str:
    from model.grading import deal
    if axis == "importance":
        return deal.importance_sql(rules)
    if axis == "urgency":
        return deal.urgency_sql(rules)
    return f"c.{axis}"


LIFECYCLE = "lifecycle"     # the lifecycle stage filter (model.customers.lifecycle): "lifecycle:<stage>"


def grade_condition(grades: tuple[str, ...], overdue: bool) -> tuple[list[str], list]:
    """SQL conditions (AND) and parameters for a filter on grades: ``scheme:value``
    entries, values of one scheme being alternatives (``scheme:`` = not graded);
    ``overdue``: the next tracking date has passed."""
    parts: list[str] = []
    params: list = []
    by_scheme: dict[str, list[str]] = {}
    for entry in grades:
        scheme, _, value = entry.partition(":")
        if scheme in grading.SCHEMES or scheme in AXES or scheme == LIFECYCLE:
            by_scheme.setdefault(scheme, []).append(value)
    stages = [v for v in by_scheme.get(LIFECYCLE, ()) if v]
    if stages:           # stages are alternatives
        from model.customers import lifecycle
        # instr(), not IN (...): SQLite works the stage's dates out once per row for IN (15x slower).
        parts.append(f"instr(?, ',' || ({lifecycle.customer_stage_sql()}) || ',') > 0")
        params.append("," + ",".join(v for v in stages if v in lifecycle.STAGES) + ",")
    for axis in AXES:        # seed 002's axes: values are alternatives; "axis:" = not set
        values = by_scheme.get(axis)
        if not values:
            continue
        real = [v for v in values if v]
        expression = axis_sql(axis)
        alternatives = [f"({expression}) IN ({', '.join('?' * len(real))})"] if real else []
        params += real
        if len(real) < len(values):
            alternatives.append(f"({expression}) IS NULL")
        parts.append("(" + " OR ".join(alternatives) + ")")
    for scheme in grading.SCHEMES:
        values = by_scheme.get(scheme)
        if not values:
            continue
        real = [v for v in values if v]
        alternatives = []
        if real:
            alternatives.append(f"EXISTS (SELECT 1 FROM grades g WHERE g.customer_id = c.id AND g.scheme = ?"
                                f" AND g.value IN ({', '.join('?' * len(real))}))")
            params += [scheme, *real]
        if len(real) < len(values):
            alternatives.append("NOT EXISTS (SELECT 1 FROM grades g WHERE g.customer_id = c.id AND g.scheme = ?)")
            params.append(scheme)
        parts.append("(" + " OR ".join(alternatives) + ")")
    if overdue:
        parts.append(f"{next_tracking_sql()} < date('now', 'localtime')")
    return parts, params
