"""The Dashboard's figures: how the archive (or one manager's or area's customers) is graded.

    data = dashboard_data.load_data(conn, ("manager", "王芳"), date.today())   # None: everyone

Read in a worker on a connection of its own (``gui.grading.dashboard``).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd

from model.archive.database import sqlite3
from model.customers import lifecycle
from model.grading.compute import VALUE_TIER
from model.grading.queries import overdue_counts
from model.grading.store import distribution, last_run


@dataclass
class DashboardData:
    customers: int                           # in the scope
    distribution: dict[str, dict[str, int]]
    overdue: dict[str, int]
    pareto: pd.DataFrame
    last_run: dict | None
    as_of: date
    lifecycle: dict[str, int]                # stage -> customers (model.customers.lifecycle)


def scope_condition(scope: tuple[str, str] | None) -> tuple[str, list]:
    """An SQL condition over ``customers c`` for the dashboard's scope."""
    if scope is None:
        return "1", []
    kind, name = scope
    if kind == "manager":
        return "c.manager = ?", [name]
    return "c.area_id = (SELECT id FROM areas WHERE name = ?)", [name]


def stored_pareto(conn: sqlite3.Connection, ids: list[int] | None) -> pd.DataFrame:
    """The Pareto curve of the value-tier amounts stored with the grades (an override
    keeps the computed amount in its detail) over the scope's customers."""
    cursor = conn.cursor()
    cursor.row_factory = None
    rows = cursor.execute(
        "SELECT g.customer_id, COALESCE(json_extract(g.detail, '$.amount'),"
        " json_extract(g.detail, '$.computed_detail.amount')) FROM grades g JOIN customers c"
        " ON c.id = g.customer_id WHERE g.scheme = ? AND c.deleted_at IS NULL",
        (VALUE_TIER,)).fetchall()
    frame = pd.DataFrame(rows, columns=["id", "amount"])
    if ids is not None:
        frame = frame[frame["id"].isin(ids)]
    amounts = np.sort(pd.to_numeric(frame["amount"], errors="coerce").fillna(0).to_numpy(dtype=float))[::-1]
    positive = amounts[amounts > 0]
    total = positive.sum()
    if len(frame) == 0 or total <= 0:
        return pd.DataFrame({"customer_share": [], "value_share": []})
    return pd.DataFrame({"customer_share": np.arange(1, len(positive) + 1) / len(frame),
                         "value_share": np.cumsum(positive) / total})


def load_data(conn: sqlite3.Connection, scope: tuple[str, str] | None, today: date) -> DashboardData:
    """Every figure of the dashboard for the scope (None: the whole archive), as of ``today``."""
    where, params = scope_condition(scope)
    ids = None
    if scope is not None:
        ids = [r[0] for r in conn.execute(f"SELECT c.id FROM customers c WHERE c.deleted_at IS NULL AND {where}",
                                          params)]
    count = len(ids) if ids is not None else conn.execute(
        "SELECT count(*) FROM customers WHERE deleted_at IS NULL").fetchone()[0]
    return DashboardData(count, distribution(conn, ids), overdue_counts(conn, today, ids),
                         stored_pareto(conn, ids), last_run(conn), today,
                         lifecycle.counts(conn, today, where, params))
