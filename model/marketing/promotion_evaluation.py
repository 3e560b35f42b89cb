"""After a promotion activity (DOMAIN §6): its figures from the recorded outcome and the
transactions, past activities side by side, each participant's results, and the plan
sheet a printout shows. Reads only; the outcome is recorded by
``model.marketing.promotions.record_outcome``. The decisions the numbers rest on are in
``model.marketing.promotions``' docstring.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta

from model.archive.database import sqlite3
from model.marketing.audience import Audience, audience_ids, audience_names
from model.marketing.promotion_plans import Plan, existing_status, get, list_plans, participant_ids
from model.marketing.promotion_rules import DONE


@dataclass(frozen=True)
class Evaluation:
    plan_id: int
    title: str
    activity_type: str | None
    area_type: str | None
    audience_text: str
    participant_ids: tuple[int, ...]
    walk_ins: int
    participants: int                 # picked customers + walk-ins
    audience_size: int
    participants_in_audience: int
    reach: float | None               # participants in audience / audience size
    window_start: date | None
    window_end: date | None
    window_days: int
    deals: int                        # transactions of participants in the window
    deal_customers: int               # participants with at least one deal
    amount: float
    new_customers: int
    budget_total: float
    cost_per_participant: float | None
    cost_per_deal: float | None
    review: str
    evaluated_at: str | None
    evaluated_by: str | None


def deal_window(starts_at: datetime | None, ends_at: datetime | None, window_days: int) -> tuple[date, date] | None:
    """First and last day (both included) whose transactions count as deals."""
    if starts_at is None:
        return None
    end = (ends_at or starts_at).date()
    return starts_at.date(), end + timedelta(days=window_days)


def _ratio(numerator: float, denominator: float) -> float | None:
    if not denominator or not numerator:
        return None
    return round(numerator / denominator, 2)


def evaluate(conn: sqlite3.Connection, plan_id: int) -> Evaluation:
    """The figures of the activity from its recorded outcome and the transactions."""
    plan = get(conn, plan_id)
    if plan is None:
        existing_status(conn, plan_id)
    row = conn.execute("SELECT walk_ins, new_customers_extra, review, window_days, audience_snapshot, evaluated_at,"
                       " evaluated_by FROM promotion_plans WHERE id = ?", (plan_id,)).fetchone()
    ids = participant_ids(conn, plan_id)
    audience = _audience_of(conn, plan_id)
    in_audience = len(set(ids) & set(audience))
    window = deal_window(plan.starts_at, plan.ends_at, row["window_days"])
    deals, deal_customers, amount, new = 0, 0, 0.0, 0
    if window and ids:
        marks = ", ".join("?" * len(ids))
        first, last = window[0].isoformat(), window[1].isoformat()
        deals, deal_customers, amount = conn.execute(
            f"SELECT count(*), count(DISTINCT customer_id), coalesce(sum(amount), 0) FROM transactions"
            f" WHERE customer_id IN ({marks}) AND txn_date >= ? AND txn_date <= ?", (*ids, first, last)).fetchone()
        new = conn.execute(f"SELECT count(*) FROM customers WHERE id IN ({marks}) AND created_on >= ?"
                           f" AND created_on <= ?", (*ids, first, last)).fetchone()[0]
    participants = len(ids) + row["walk_ins"]
    total = plan.budget_total
    return Evaluation(
        plan_id=plan_id, title=plan.title, activity_type=plan.activity_type, area_type=plan.area_type,
        audience_text=plan.audience.describe(conn), participant_ids=tuple(ids), walk_ins=row["walk_ins"],
        participants=participants, audience_size=len(audience), participants_in_audience=in_audience,
        reach=round(in_audience / len(audience), 4) if audience else None,
        window_start=window[0] if window else None, window_end=window[1] if window else None,
        window_days=row["window_days"], deals=deals, deal_customers=deal_customers, amount=round(amount, 2),
        new_customers=new + row["new_customers_extra"], budget_total=total,
        cost_per_participant=_ratio(total, participants), cost_per_deal=_ratio(total, deals),
        review=row["review"] or "", evaluated_at=row["evaluated_at"], evaluated_by=row["evaluated_by"])


def compare(conn: sqlite3.Connection, plan_ids=None) -> list[Evaluation]:
    """Past activities side by side (every plan that is done, or those given), latest first.
    Each row has type, area type, audience, participants, reach, deals, amount and costs."""
    if plan_ids is None:
        plan_ids = [p.id for p in list_plans(conn, DONE)]
    return [evaluate(conn, i) for i in plan_ids]


@dataclass(frozen=True)
class ParticipantResult:
    customer_id: int
    name: str
    area: str | None
    in_audience: bool
    new_customer: bool              # record created within the deal window
    deals: int
    amount: float


def participant_results(conn: sqlite3.Connection, plan_id: int) -> list[ParticipantResult]:
    """Each participant with their deals and amount in the deal window, most amount first."""
    e = evaluate(conn, plan_id)
    audience = set(_audience_of(conn, plan_id))
    first = e.window_start.isoformat() if e.window_start else "9999"
    last = e.window_end.isoformat() if e.window_end else "0000"
    rows = conn.execute(
        "SELECT c.id, c.name, a.name, c.created_on,"
        " (SELECT count(*) FROM transactions t WHERE t.customer_id = c.id AND t.txn_date BETWEEN ? AND ?),"
        " (SELECT coalesce(sum(amount), 0) FROM transactions t WHERE t.customer_id = c.id"
        "  AND t.txn_date BETWEEN ? AND ?)"
        " FROM promotion_participants p JOIN customers c ON c.id = p.customer_id"
        " LEFT JOIN areas a ON a.id = c.area_id WHERE p.plan_id = ?", (first, last, first, last, plan_id))
    out = [ParticipantResult(r[0], r[1], r[2], r[0] in audience, first <= (r[3] or "") <= last, r[4],
                             round(r[5], 2)) for r in rows]
    return sorted(out, key=lambda p: (-p.amount, -p.deals, p.name))


def _audience_of(conn: sqlite3.Connection, plan_id: int) -> list[int]:
    row = conn.execute("SELECT audience, audience_snapshot FROM promotion_plans WHERE id = ?", (plan_id,)).fetchone()
    if row["audience_snapshot"] is not None:
        return json.loads(row["audience_snapshot"])
    return audience_ids(conn, Audience.from_json(row["audience"]))


@dataclass(frozen=True)
class PlanSheet:
    """Everything a printout of a plan (and its evaluation) shows, as plain data."""
    plan: Plan
    audience_text: str              # in the language installed when the sheet was made
    audience_size: int
    circle_name: str | None
    area_name: str | None
    audience_names: dict = field(default_factory=dict)   # for describing the audience in another language
    evaluation: Evaluation | None = None
    participants: tuple[ParticipantResult, ...] = ()
    compared: tuple[Evaluation, ...] = ()


def plan_sheet(conn: sqlite3.Connection, plan_id: int, *, with_evaluation: bool = False) -> PlanSheet:
    """The plan with its audience in words and size (and, if asked, the evaluation, the
    participants' results and the other finished activities to compare with)."""
    plan = get(conn, plan_id)
    if plan is None:
        existing_status(conn, plan_id)
    circle = conn.execute("SELECT name FROM circles WHERE id = ?", (plan.circle_id,)).fetchone() \
        if plan.circle_id else None
    area = conn.execute("SELECT name FROM areas WHERE id = ?", (plan.area_id,)).fetchone() if plan.area_id else None
    names = audience_names(conn, plan.audience)
    sheet = PlanSheet(plan, plan.audience.describe(names=names), len(_audience_of(conn, plan_id)),
                      circle[0] if circle else None, area[0] if area else None, names)
    if not with_evaluation:
        return sheet
    others = [p.id for p in list_plans(conn, DONE) if p.id != plan_id]
    return replace(sheet, evaluation=evaluate(conn, plan_id), participants=tuple(participant_results(conn, plan_id)),
                   compared=tuple(compare(conn, [plan_id, *others])))

