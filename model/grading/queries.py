"""Reading grades back for other parts of the program: the export's grade columns
and the tracking schedule (who is due for a tracking contact, and how overdue).

The next tracking date is computed when asked, from the opportunity grade's
cadence and the customer's latest contact on or before the day asked about
(no contact yet: the day the grade was set), so logging a contact moves it.
Urgency is likewise recomputed from the stored expected close date.
"""
from __future__ import annotations

import json
from model.archive.database import sqlite3
from datetime import date, timedelta

import numpy as np
import pandas as pd

from model.grading import deal, explain, ruleset
from model.grading import opportunity as opportunity_engine
from model.grading.compute import OPPORTUNITY, PERSONA, RFM, SCHEMES, VALUE_TIER

EXPORT_COLUMNS = ["value_tier", "opportunity_grade", "urgency", "tracking_cadence", "next_tracking_date",
                  "rfm_r", "rfm_f", "rfm_m", "rfm_type", "persona", "persona_score", "importance"]


def _rows(conn: sqlite3.Connection, sql: str, params: tuple = ()) -> list[tuple]:
    cursor = conn.cursor()
    cursor.row_factory = None
    return cursor.execute(sql, params).fetchall()


def _live_ids(conn: sqlite3.Connection) -> list[int]:
    return [r[0] for r in _rows(conn, "SELECT id FROM customers WHERE deleted_at IS NULL ORDER BY id")]


def _grades(conn: sqlite3.Connection, scheme: str) -> dict[int, tuple[str, str, str]]:
    return {r[0]: (r[1], r[2], r[3]) for r in
            _rows(conn, "SELECT customer_id, value, detail, as_of FROM grades WHERE scheme = ?", (scheme,))}


def tracking_schedule(conn: sqlite3.Connection, as_of: date | None = None, customer_ids=None,
                      only_due: bool = False) -> pd.DataFrame:
    """Customers with an opportunity grade that has a cadence (A-D by default).

    Indexed by customer id: ``opportunity_grade``, ``cadence_days``, ``last_contact``,
    ``next_tracking_date`` (dates), ``overdue_days`` (as_of - next date; > 0 overdue,
    0 due today, < 0 not yet due), ``urgency`` (key). Sorted most overdue first.
    With ``only_due`` only customers due on or before ``as_of``."""
    as_of = as_of or date.today()
    rules = ruleset.load().opportunity
    grades = _grades(conn, OPPORTUNITY)
    contacts = dict(_rows(conn, "SELECT customer_id, MAX(contact_date) FROM contacts WHERE contact_date < ?"
                                " GROUP BY customer_id", ((as_of + timedelta(days=1)).isoformat(),)))
    live = set(_live_ids(conn))
    wanted = live if customer_ids is None else live.intersection(int(i) for i in customer_ids)
    records = []
    for cid, (value, detail_text, graded_on) in grades.items():
        if cid not in wanted:
            continue
        cadence = rules.cadences.get(value)
        if cadence is None or cadence.days is None:
            continue
        detail = json.loads(detail_text)
        last = date.fromisoformat(contacts[cid][:10]) if contacts.get(cid) else None
        next_date = opportunity_engine.next_tracking_date(cadence.days, last, date.fromisoformat(graded_on))
        records.append((cid, value, cadence.days, last, next_date, (as_of - next_date).days,
                        _urgency(detail, as_of, rules)))
    frame = pd.DataFrame(records, columns=["customer_id", "opportunity_grade", "cadence_days", "last_contact",
                                           "next_tracking_date", "overdue_days", "urgency"])
    frame = frame.set_index("customer_id").sort_values(["overdue_days", "opportunity_grade"],
                                                       ascending=[False, True], kind="stable")
    if only_due:
        frame = frame[frame["overdue_days"] >= 0]
    return frame


def due_for_tracking(conn: sqlite3.Connection, as_of: date | None = None, customer_ids=None) -> pd.DataFrame:
    """Customers whose next tracking date is on or before ``as_of`` (see :func:`tracking_schedule`)."""
    return tracking_schedule(conn, as_of, customer_ids, only_due=True)


def overdue_counts(conn: sqlite3.Connection, as_of: date | None = None, customer_ids=None) -> dict[str, int]:
    """How many tracking dates are past (strictly before ``as_of``), per opportunity grade."""
    frame = tracking_schedule(conn, as_of, customer_ids)
    overdue = frame[frame["overdue_days"] > 0]
    return {g: int(n) for g, n in overdue.groupby("opportunity_grade").size().items()}


def _record(conn: sqlite3.Connection, ids: list[int]) -> dict[int, tuple]:
    """(potential_amount, handle_by) of these customers, those with either set."""
    if not ids:
        return {}
    return {r[0]: (r[1], r[2]) for r in _rows(
        conn, "SELECT id, potential_amount, handle_by FROM customers WHERE (potential_amount IS NOT NULL"
              " OR handle_by IS NOT NULL) AND id IN (SELECT value FROM json_each(?))", (json.dumps(ids),))}


def _urgency(detail: dict, as_of: date, rules: ruleset.OpportunityRules) -> str | None:
    close = detail.get("close")
    if close is None:
        return detail.get("urgency")
    close_date = detail.get("expected_close_date")
    return opportunity_engine.urgency(close, date.fromisoformat(close_date) if close_date else None, as_of, rules)


def _customer_urgency(opportunity_detail: str | None, handle_by, as_of: date,
                      rules: ruleset.GradingRules) -> str | None:
    """The seed's urgency of handling: from the record's handle-by date; without one, the
    opportunity answer's expected close stands in (grading.json opportunity.urgency_source)."""
    if handle_by:
        return deal.handling_urgency(handle_by, as_of, rules)
    if opportunity_detail is None:
        return None
    return _urgency(json.loads(opportunity_detail), as_of, rules.opportunity)


def due_columns(conn: sqlite3.Connection, customer_ids, as_of: date | None = None
                ) -> dict[int, tuple[str | None, str | None, str | None, date | None]]:
    """What the due list needs of these customers' grades, and nothing else: value tier,
    opportunity grade, urgency (key) and next tracking date, as :func:`export_frame` gives
    them (labels off), for those with a tier or an opportunity grade. The export reads
    every scheme with its details; a book of 100,000 held all of that for a due list."""
    as_of = as_of or date.today()
    rules = ruleset.load()
    ids = [int(i) for i in customer_ids]
    wanted = set(ids)
    tiers = {r[0]: r[1] for r in _rows(conn, "SELECT customer_id, value FROM grades WHERE scheme = ?",
                                        (VALUE_TIER,)) if r[0] in wanted}
    opportunity = {cid: (value, detail) for cid, (value, detail, _as_of) in _grades(conn, OPPORTUNITY).items()
                   if cid in wanted}
    record = _record(conn, ids)
    schedule = tracking_schedule(conn, as_of, ids)["next_tracking_date"].to_dict()
    out = {}
    for cid in ids:
        tier, grade = tiers.get(cid), opportunity.get(cid)
        if tier is None and grade is None:
            continue
        urgency = _customer_urgency(grade[1] if grade is not None else None, record.get(cid, (None, None))[1],
                                    as_of, rules)
        out[cid] = (tier, grade[0] if grade is not None else None, urgency, schedule.get(cid))
    return out


def export_frame(conn: sqlite3.Connection, customer_ids=None, as_of: date | None = None,
                 labels: bool = True, language: str | None = None) -> pd.DataFrame:
    """The grade columns of the export, indexed by customer id (all customers not
    deleted, or ``customer_ids`` in their order), columns :data:`EXPORT_COLUMNS`.

    With ``labels`` the RFM type, persona, urgency and cadence are shown in the
    user's language; otherwise their keys. Urgency and the next tracking date are
    as of ``as_of`` (default today). Missing grades are empty (None)."""
    as_of = as_of or date.today()
    rules = ruleset.load()
    language = language or explain.current_language()
    ids = _live_ids(conn) if customer_ids is None else [int(i) for i in customer_ids]
    frame = pd.DataFrame(index=pd.Index(ids, dtype=np.int64, name="customer_id"),
                         columns=EXPORT_COLUMNS, dtype=object)
    grades = {s: _grades(conn, s) for s in SCHEMES}

    def column(scheme: str, pick) -> list:
        found = grades[scheme]
        return [pick(*found[i]) if i in found else None for i in ids]

    def label(scheme: str, value: str) -> str:
        return explain.value_label(scheme, value, language, rules) if labels else value

    def computed(detail_text: str) -> dict:
        detail = json.loads(detail_text)
        return detail.get("computed_detail") or {} if detail.get("override") else detail

    frame["value_tier"] = column(VALUE_TIER, lambda v, d, a: v)
    frame["opportunity_grade"] = column(OPPORTUNITY, lambda v, d, a: v)
    frame["tracking_cadence"] = column(
        OPPORTUNITY, lambda v, d, a: (explain.cadence_label(v, language, rules) if labels
                                      else rules.opportunity.cadences[v].key) if v in rules.opportunity.cadences
        else None)
    record = _record(conn, ids)     # the urgency of handling: _customer_urgency
    details = column(OPPORTUNITY, lambda v, d, a: d)
    urgency = [_customer_urgency(d, record.get(i, (None, None))[1], as_of, rules) for i, d in zip(ids, details)]
    frame["urgency"] = [(explain.urgency_label(u, language, rules) if labels else u) if u else None
                        for u in urgency]
    importance = [deal.importance(record.get(i, (None, None))[0], rules) for i in ids]
    frame["importance"] = [(rules.importance.label(v, language) if labels else v) if v else None
                           for v in importance]
    schedule = tracking_schedule(conn, as_of, ids)["next_tracking_date"].to_dict()
    frame["next_tracking_date"] = [schedule[i].isoformat() if i in schedule else None for i in ids]
    rfm = column(RFM, lambda v, d, a: (v, computed(d)))
    frame["rfm_r"] = pd.array([x[1].get("r") if x else None for x in rfm], dtype="Int64")
    frame["rfm_f"] = pd.array([x[1].get("f") if x else None for x in rfm], dtype="Int64")
    frame["rfm_m"] = pd.array([x[1].get("m") if x else None for x in rfm], dtype="Float64")
    frame["rfm_type"] = [label(RFM, x[0]) if x else None for x in rfm]
    persona = column(PERSONA, lambda v, d, a: (v, json.loads(d)))
    frame["persona"] = [label(PERSONA, x[0]) if x else None for x in persona]
    frame["persona_score"] = pd.array([None if x is None or x[1].get("override") else x[1].get("score")
                                       for x in persona], dtype="Float64")
    return frame[EXPORT_COLUMNS]
