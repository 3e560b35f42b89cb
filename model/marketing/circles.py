"""Circles (圈子营销, DOMAIN.md §5): a group of people who know each other, held
together by a centre (圆心, a customer), a pull (向心力) and continuing activity.

A circle has members (with the day they joined and, once gone, the day they left),
activities (free entries and/or promotion plans) and dated evaluations: size over
time, the market results of members since they joined, the staff's perception
and an overall rating.

Market results count a member's transactions dated on or after the day they
joined (up to the evaluation day), the products they bought after joining that
they had not bought before (skipped when no transaction names a product), and
grade changes: for value tier and opportunity grade, the grade a member had the
day before joining (last grade_history row with ``as_of`` before the joining
day) against the current grade.
"""
from __future__ import annotations

import json
from model.archive.database import sqlite3
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import date, timedelta

from model.archive import database
from model.core import name_order, rules
from model.customers.customers import ValidationError, now_stamp
from model.core.i18n import translate
from model.marketing.promotion_rules import Choice, marketing_rules


def centre_kinds() -> tuple[Choice, ...]:
    """seniority 先发, resources 利益, rank 权势, expertise 专业, fun 快乐 (rules data)."""
    return marketing_rules().centre_kinds


def centre_kind_label(key: str | None, language: str | None = None) -> str:
    for c in centre_kinds():
        if c.key == key:
            return c.label(language)
    return key or ""


@dataclass(frozen=True)
class Circle:
    id: int
    name: str
    area_id: int | None
    area: str | None            # the area's name
    area_type: str | None
    centre_id: int | None
    centre_name: str | None
    centre_kind: str | None
    pull: str
    contact_mode: str
    notes: str
    member_count: int


@dataclass(frozen=True)
class Member:
    customer_id: int
    name: str
    joined_on: date
    left_on: date | None
    is_centre: bool


@dataclass(frozen=True)
class Activity:
    id: int
    held_on: date
    description: str
    plan_id: int | None
    plan_title: str | None
    plan_status: str | None


_FIELDS = ("name", "area_id", "area_type", "centre_id", "centre_kind", "pull", "contact_mode", "notes")


def _clean(conn: sqlite3.Connection, values: dict, *, partial: bool) -> dict:
    out = {k: values[k] for k in _FIELDS if k in values}
    for k in ("name", "pull", "contact_mode", "notes", "area_type", "centre_kind"):
        if k in out and isinstance(out[k], str):
            out[k] = out[k].strip()
    for k in ("area_type", "centre_kind", "area_id", "centre_id"):
        if k in out and out[k] in ("", 0):
            out[k] = None
    problems = {}
    if not partial or "name" in out:
        if not out.get("name"):
            problems["name"] = translate("Circles", "A circle needs a name.")
    if out.get("area_type") and not any(a.key == out["area_type"] for a in rules.area_types()):
        problems["area_type"] = translate("Circles", "Unknown area type '{key}'.").format(key=out["area_type"])
    if out.get("centre_kind") and not any(c.key == out["centre_kind"] for c in centre_kinds()):
        problems["centre_kind"] = translate("Circles", "Unknown kind of centre '{key}': pick seniority, resources, "
                                                       "rank, expertise or fun.").format(key=out["centre_kind"])
    if out.get("area_id") is not None:
        row = conn.execute("SELECT area_type FROM areas WHERE id = ?", (int(out["area_id"]),)).fetchone()
        if row is None:
            problems["area_id"] = translate("Circles", "That area does not exist; pick one from the list.")
        elif not out.get("area_type") and "area_type" not in values:
            out["area_type"] = row[0]
    if out.get("centre_id") is not None:
        row = conn.execute("SELECT deleted_at FROM customers WHERE id = ?", (int(out["centre_id"]),)).fetchone()
        if row is None or row[0]:
            problems["centre_id"] = translate("Circles", "The centre must be a customer in the archive.")
    if problems:
        raise ValidationError(problems)
    return out


def _require(conn: sqlite3.Connection, circle_id: int) -> None:
    if conn.execute("SELECT 1 FROM circles WHERE id = ?", (circle_id,)).fetchone() is None:
        raise database.ArchiveError(translate("Circles", "Circle {id} does not exist (any more).").format(id=circle_id))


def _day(value) -> date:
    if value is None:
        return date.today()
    return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])


def create(conn: sqlite3.Connection, values: dict, by: str, *, joined_on: date | None = None) -> int:
    """Add a circle; the centre, if given, becomes a member (joined ``joined_on``, default today)."""
    with database.transaction(conn):
        row = _clean(conn, values, partial=False)
        stamp = now_stamp()
        cols = [*row, "created_at", "created_by", "updated_at", "updated_by"]
        circle_id = conn.execute(f"INSERT INTO circles({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
                                 (*row.values(), stamp, by, stamp, by)).lastrowid
        if row.get("centre_id"):
            add_members(conn, circle_id, [row["centre_id"]], by, joined_on=joined_on)
    return circle_id


def save(conn: sqlite3.Connection, circle_id: int | None, values: dict, member_ids: Sequence[int],
         left: Sequence[int], by: str) -> int:
    """Create (``circle_id`` None) or update a circle with its members, taking the ``left``
    customers out of it: one transaction. Returns the circle's id."""
    with database.transaction(conn):
        if circle_id is None:
            circle_id = create(conn, values, by)
        else:
            update(conn, circle_id, values, by)
        add_members(conn, circle_id, member_ids, by)
        for customer_id in left:
            remove_member(conn, circle_id, customer_id, by)
    return circle_id


def customer_rows(conn: sqlite3.Connection, ids: Sequence[int] | None = None) -> list[tuple]:
    """(id, name, area, phone) of every customer, or of the given ones, in pinyin order."""
    sql = ("SELECT c.id, c.name, coalesce(a.name, ''), coalesce(c.phone, '')"
           " FROM customers c LEFT JOIN areas a ON a.id = c.area_id WHERE c.deleted_at IS NULL")
    params: list = []
    if ids is not None:
        ids = list(ids)
        if not ids:
            return []
        sql += f" AND c.id IN ({', '.join('?' * len(ids))})"
        params = ids
    return name_order.by_pinyin((tuple(r) for r in conn.execute(sql, params)), lambda r: r[1], person=True)


def area(conn: sqlite3.Connection, name: str) -> tuple[int, str | None] | None:
    """(id, area type) of the area of this name, None when there is none."""
    row = conn.execute("SELECT id, area_type FROM areas WHERE name = ?", (name.strip(),)).fetchone()
    return (row[0], row[1]) if row is not None else None


def activity_counts(conn: sqlite3.Connection) -> dict[int, int]:
    """How many activities each circle has (circles without any left out)."""
    return dict(conn.execute("SELECT circle_id, count(*) FROM circle_activities GROUP BY circle_id"))


def names(conn: sqlite3.Connection) -> dict[int, str]:
    """Every circle's name by its id."""
    return dict(conn.execute("SELECT id, name FROM circles"))


def update(conn: sqlite3.Connection, circle_id: int, changes: dict, by: str) -> None:
    """Change some fields; a new centre becomes a member if not one already."""
    with database.transaction(conn):
        _require(conn, circle_id)
        row = _clean(conn, changes, partial=True)
        if not row:
            return
        sets = ", ".join(f"{k} = ?" for k in row)
        conn.execute(f"UPDATE circles SET {sets}, updated_at = ?, updated_by = ? WHERE id = ?",
                     (*row.values(), now_stamp(), by, circle_id))
        if row.get("centre_id"):
            add_members(conn, circle_id, [row["centre_id"]], by)


def delete(conn: sqlite3.Connection, circle_id: int, by: str) -> None:
    """Remove the circle with its members, activities and evaluations (plans stay)."""
    with database.transaction(conn):
        _require(conn, circle_id)
        conn.execute("UPDATE promotion_plans SET circle_id = NULL WHERE circle_id = ?", (circle_id,))
        conn.execute("DELETE FROM circles WHERE id = ?", (circle_id,))


_SELECT = """
    SELECT ci.id, ci.name, ci.area_id, a.name, ci.area_type, ci.centre_id, cu.name, ci.centre_kind,
           coalesce(ci.pull, ''), coalesce(ci.contact_mode, ''), coalesce(ci.notes, ''),
           (SELECT count(*) FROM circle_members m JOIN customers c ON c.id = m.customer_id
            WHERE m.circle_id = ci.id AND m.left_on IS NULL AND c.deleted_at IS NULL)
    FROM circles ci LEFT JOIN areas a ON a.id = ci.area_id LEFT JOIN customers cu ON cu.id = ci.centre_id
"""


def get(conn: sqlite3.Connection, circle_id: int) -> Circle | None:
    row = conn.execute(_SELECT + " WHERE ci.id = ?", (circle_id,)).fetchone()
    return Circle(*row) if row else None


def list_circles(conn: sqlite3.Connection) -> list[Circle]:
    return name_order.by_pinyin((Circle(*r) for r in conn.execute(_SELECT + " ORDER BY ci.id")), lambda c: c.name)


def circles_of(conn: sqlite3.Connection, customer_id: int) -> list[Circle]:
    """The circles a customer belongs to now (for the member's page)."""
    return name_order.by_pinyin((Circle(*r) for r in conn.execute(
        _SELECT + " WHERE ci.id IN (SELECT circle_id FROM circle_members WHERE customer_id = ? AND left_on IS NULL)"
                  " ORDER BY ci.id", (customer_id,))), lambda c: c.name)


def centre_ids(conn: sqlite3.Connection) -> set[int]:
    """Customers who are the centre of a circle: key persons (圆心) in the list."""
    return {r[0] for r in conn.execute("SELECT DISTINCT centre_id FROM circles WHERE centre_id IS NOT NULL")}


def members(conn: sqlite3.Connection, circle_id: int, *, include_left: bool = False) -> list[Member]:
    centre = conn.execute("SELECT centre_id FROM circles WHERE id = ?", (circle_id,)).fetchone()
    centre_id = centre[0] if centre else None
    sql = ("SELECT m.customer_id, c.name, m.joined_on, m.left_on FROM circle_members m JOIN customers c"
           " ON c.id = m.customer_id WHERE m.circle_id = ? AND c.deleted_at IS NULL")
    if not include_left:
        sql += " AND m.left_on IS NULL"
    rows = conn.execute(sql + " ORDER BY m.customer_id = ? DESC, m.joined_on, c.name", (circle_id, centre_id or -1))
    return [Member(r[0], r[1], date.fromisoformat(r[2]), date.fromisoformat(r[3]) if r[3] else None,
                   r[0] == centre_id) for r in rows]


def add_members(conn: sqlite3.Connection, circle_id: int, customer_ids, by: str, *,
                joined_on: date | None = None) -> int:
    """Add customers (joined ``joined_on``, default today); returns how many were new.
    A member who had left rejoins with the new date."""
    day = _day(joined_on).isoformat()
    ids = sorted({int(i) for i in customer_ids})
    with database.transaction(conn):
        _require(conn, circle_id)
        if ids:
            marks = ", ".join("?" * len(ids))
            found = {r[0] for r in conn.execute(f"SELECT id FROM customers WHERE deleted_at IS NULL AND id IN"
                                                f" ({marks})", ids)}
            missing = [i for i in ids if i not in found]
            if missing:
                raise ValidationError({"members": translate("Circles", "No customer with id {ids}.").format(
                    ids=", ".join(map(str, missing)))})
        added = 0
        for customer_id in ids:
            row = conn.execute("SELECT left_on FROM circle_members WHERE circle_id = ? AND customer_id = ?",
                               (circle_id, customer_id)).fetchone()
            if row is None:
                conn.execute("INSERT INTO circle_members(circle_id, customer_id, joined_on) VALUES (?, ?, ?)",
                             (circle_id, customer_id, day))
                added += 1
            elif row[0] is not None:
                conn.execute("UPDATE circle_members SET joined_on = ?, left_on = NULL WHERE circle_id = ? AND"
                             " customer_id = ?", (day, circle_id, customer_id))
                added += 1
        if added:
            conn.execute("UPDATE circles SET updated_at = ?, updated_by = ? WHERE id = ?", (now_stamp(), by, circle_id))
    return added


def remove_member(conn: sqlite3.Connection, circle_id: int, customer_id: int, by: str, *,
                  left_on: date | None = None) -> None:
    """The customer leaves the circle (kept for the size history). The centre cannot leave."""
    with database.transaction(conn):
        circle = get(conn, circle_id)
        if circle is None:
            _require(conn, circle_id)
        if circle.centre_id == customer_id:
            raise database.ArchiveError(translate("Circles", "The centre cannot leave the circle; choose another "
                                                             "centre first."))
        conn.execute("UPDATE circle_members SET left_on = ? WHERE circle_id = ? AND customer_id = ?"
                     " AND left_on IS NULL",
                     (_day(left_on).isoformat(), circle_id, customer_id))


def add_activity(conn: sqlite3.Connection, circle_id: int, held_on: date, description: str, by: str, *,
                 plan_id: int | None = None) -> int:
    """Record an activity the circle held: a free entry, or linked to a promotion plan."""
    description = (description or "").strip()
    if not description and plan_id is None:
        raise ValidationError({"description": translate("Circles", "Say what the activity was, or link a "
                                                                   "promotion plan.")})
    with database.transaction(conn):
        _require(conn, circle_id)
        if plan_id is not None and conn.execute("SELECT 1 FROM promotion_plans WHERE id = ?",
                                                (plan_id,)).fetchone() is None:
            raise ValidationError({"plan_id": translate("Circles", "That promotion plan does not exist.")})
        return conn.execute("INSERT INTO circle_activities(circle_id, held_on, description, plan_id, recorded_at,"
                            " recorded_by) VALUES (?, ?, ?, ?, ?, ?)",
                            (circle_id, _day(held_on).isoformat(), description, plan_id, now_stamp(), by)).lastrowid


def remove_activity(conn: sqlite3.Connection, activity_id: int, by: str) -> None:
    with database.transaction(conn):
        conn.execute("DELETE FROM circle_activities WHERE id = ?", (activity_id,))


def activities(conn: sqlite3.Connection, circle_id: int) -> list[Activity]:
    """Activities held: the entries recorded for the circle, and plans made for it that have
    no entry of their own (dated by their start), latest first."""
    rows = [Activity(r[0], date.fromisoformat(r[1]), r[2] or "", r[3], r[4], r[5]) for r in conn.execute(
        "SELECT a.id, a.held_on, a.description, a.plan_id, p.title, p.status FROM circle_activities a"
        " LEFT JOIN promotion_plans p ON p.id = a.plan_id WHERE a.circle_id = ?", (circle_id,))]
    linked = {a.plan_id for a in rows if a.plan_id}
    for r in conn.execute("SELECT id, title, status, starts_at FROM promotion_plans WHERE circle_id = ?"
                          " AND starts_at IS NOT NULL", (circle_id,)):
        if r[0] not in linked:
            rows.append(Activity(0, date.fromisoformat(r[3][:10]), "", r[0], r[1], r[2]))
    return sorted(rows, key=lambda a: (a.held_on, a.id), reverse=True)


# ----------------------------------------------------------------------------- evaluation

def _month_end(year: int, month: int) -> date:
    return date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)


def size_over_time(conn: sqlite3.Connection, circle_id: int, until: date | None = None) -> list[tuple[str, int]]:
    """Members at the end of each month ('YYYY-MM', count) from the first joining to ``until``."""
    until = _day(until)
    spans = [(date.fromisoformat(r[0]), date.fromisoformat(r[1]) if r[1] else None) for r in conn.execute(
        "SELECT m.joined_on, m.left_on FROM circle_members m JOIN customers c ON c.id = m.customer_id"
        " WHERE m.circle_id = ? AND c.deleted_at IS NULL", (circle_id,))]
    if not spans:
        return []
    first = min(s[0] for s in spans)
    out = []
    year, month = first.year, first.month
    while (year, month) <= (until.year, until.month):
        end = min(_month_end(year, month), until)
        out.append((f"{year:04d}-{month:02d}",
                    sum(1 for joined, left in spans if joined <= end and (left is None or left > end))))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


@dataclass(frozen=True)
class MarketResults:
    members: int
    members_with_transactions: int
    transactions: int
    amount: float
    new_products: int | None            # None: no transaction names a product
    grades_up: int                      # value tier / opportunity better than before joining
    grades_down: int
    grade_changes: tuple[dict, ...]     # {customer_id, name, scheme, before, now}


def _rank(scheme: str, value: str | None) -> int | None:
    from model import grading
    from model.grading import ruleset
    order = grading.value_order(scheme, ruleset.load())
    return order.index(value) if value in order else None


def market_results(conn: sqlite3.Connection, circle_id: int, as_of: date | None = None) -> MarketResults:
    """What the current members did with us since they joined (see the module text)."""
    as_of = _day(as_of).isoformat()
    current = [m for m in members(conn, circle_id) if m.joined_on.isoformat() <= as_of]
    txn_count, amount, buyers = 0, 0.0, 0
    any_product = conn.execute("SELECT 1 FROM transactions WHERE product IS NOT NULL AND product != '' LIMIT 1"
                               ).fetchone() is not None
    new_products = 0 if any_product else None
    changes, up, down = [], 0, 0
    for m in current:
        joined = m.joined_on.isoformat()
        n, total = conn.execute("SELECT count(*), coalesce(sum(amount), 0) FROM transactions WHERE customer_id = ?"
                                " AND txn_date >= ? AND txn_date <= ?", (m.customer_id, joined, as_of)).fetchone()
        txn_count += n
        amount += total
        buyers += bool(n)
        if any_product:
            new_products += conn.execute(
                "SELECT count(DISTINCT product) FROM transactions WHERE customer_id = ? AND txn_date >= ?"
                " AND txn_date <= ? AND product IS NOT NULL AND product != '' AND product NOT IN"
                " (SELECT product FROM transactions WHERE customer_id = ? AND txn_date < ? AND product IS NOT NULL)",
                (m.customer_id, joined, as_of, m.customer_id, joined)).fetchone()[0]
        for scheme in ("value_tier", "opportunity"):
            before = conn.execute("SELECT value FROM grade_history WHERE customer_id = ? AND scheme = ? AND as_of < ?"
                                  " ORDER BY as_of DESC, id DESC LIMIT 1", (m.customer_id, scheme, joined)).fetchone()
            now = conn.execute("SELECT value FROM grade_history WHERE customer_id = ? AND scheme = ? AND as_of <= ?"
                               " ORDER BY as_of DESC, id DESC LIMIT 1", (m.customer_id, scheme, as_of)).fetchone()
            if before is None or now is None or before[0] == now[0]:
                continue
            changes.append({"customer_id": m.customer_id, "name": m.name, "scheme": scheme,
                            "before": before[0], "now": now[0]})
            b, n_ = _rank(scheme, before[0]), _rank(scheme, now[0])
            if b is not None and n_ is not None:
                up += n_ < b
                down += n_ > b
    return MarketResults(len(current), buyers, txn_count, round(amount, 2), new_products, up, down, tuple(changes))


@dataclass(frozen=True)
class CircleEvaluation:
    id: int | None                  # None: computed, not stored
    circle_id: int
    evaluated_on: date
    size: int
    size_over_time: tuple[tuple[str, int], ...]
    results: MarketResults
    activities: int
    staff_perception: str = ""
    staff_score: int | None = None  # 1-5
    overall: int | None = None      # 1-5
    recorded_by: str | None = None


def evaluate(conn: sqlite3.Connection, circle_id: int, as_of: date | None = None) -> CircleEvaluation:
    """The figures of a circle today (or ``as_of``), not stored."""
    _require(conn, circle_id)
    as_of = _day(as_of)
    sizes = tuple(size_over_time(conn, circle_id, as_of))
    held = sum(1 for a in activities(conn, circle_id) if a.held_on <= as_of)
    return CircleEvaluation(None, circle_id, as_of, sizes[-1][1] if sizes else 0, sizes,
                            market_results(conn, circle_id, as_of), held)


def _score(value, name: str, problems: dict) -> int | None:
    if value in (None, ""):
        return None
    try:
        score = int(value)
    except (TypeError, ValueError):
        score = 0
    if not 1 <= score <= 5:
        problems[name] = translate("Circles", "Give a rating from 1 to 5.")
    return score


def save_evaluation(conn: sqlite3.Connection, circle_id: int, by: str, *, staff_perception: str = "",
                    staff_score: int | None = None, overall: int | None = None,
                    evaluated_on: date | None = None) -> int:
    """Store a dated evaluation: the computed figures plus the staff's perception and ratings."""
    problems: dict = {}
    staff_score = _score(staff_score, "staff_score", problems)
    overall = _score(overall, "overall", problems)
    if problems:
        raise ValidationError(problems)
    with database.transaction(conn):
        figures = evaluate(conn, circle_id, evaluated_on)
        data = {"size": figures.size, "size_over_time": list(figures.size_over_time),
                "results": asdict(figures.results), "activities": figures.activities}
        return conn.execute(
            "INSERT INTO circle_evaluations(circle_id, evaluated_on, staff_perception, staff_score, overall, figures,"
            " recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (circle_id, figures.evaluated_on.isoformat(), (staff_perception or "").strip(), staff_score, overall,
             json.dumps(data, ensure_ascii=False), now_stamp(), by)).lastrowid


def evaluations(conn: sqlite3.Connection, circle_id: int) -> list[CircleEvaluation]:
    """Stored evaluations, latest first."""
    out = []
    for r in conn.execute("SELECT id, evaluated_on, staff_perception, staff_score, overall, figures, recorded_by"
                          " FROM circle_evaluations WHERE circle_id = ? ORDER BY evaluated_on DESC, id DESC",
                          (circle_id,)):
        data = json.loads(r[5])
        res = data["results"]
        results = MarketResults(res["members"], res["members_with_transactions"], res["transactions"], res["amount"],
                                res["new_products"], res["grades_up"], res["grades_down"],
                                tuple(res["grade_changes"]))
        out.append(CircleEvaluation(r[0], circle_id, date.fromisoformat(r[1]), data["size"],
                                    tuple(tuple(x) for x in data["size_over_time"]), results, data["activities"],
                                    r[2] or "", r[3], r[4], r[6]))
    return out
