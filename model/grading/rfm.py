"""RFM types (DOMAIN.md §2c) over the transaction window.

R = days from the last transaction to the as-of date (0 = on that day),
F = number of transactions, M = sum of their amounts, for customers with at
least one transaction in the window; the others get ``no_transactions``.

``mean``: R is high when R <= mean R (recent), F and M when >= their means;
means over the customers with transactions.
``quintile``: each figure scored 1-5 by rank among those customers,
score = ceil(5 * k / n) where k counts the customers with a figure no better
(so ties share the higher score, and one customer alone scores 5); for R
fewer days is better. High when score >= ``quintile_high_from``.
"""
from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd

from model.grading.ruleset import RfmRules

NO_TRANSACTIONS = "no_transactions"
COLUMNS = ["value", "r", "f", "m", "r_high", "f_high", "m_high", "r_score", "f_score", "m_score"]


def quintile_scores(values: np.ndarray, higher_is_better: bool = True) -> np.ndarray:
    """Scores 1-5: ceil(5 * k / n), k = how many values are no better than this one."""
    n = len(values)
    if n == 0:
        return np.zeros(0, dtype=np.int64)
    keyed = values if higher_is_better else -values
    ordered = np.sort(keyed)
    no_better = np.searchsorted(ordered, keyed, side="right")
    return ((5 * no_better + n - 1) // n).astype(np.int64)


def compute(activity: pd.DataFrame, population: pd.Index, as_of: date, rules: RfmRules) -> pd.DataFrame:
    """One row per customer of ``population``: R, F, M, high/low, scores and the type key.

    ``frame.attrs['thresholds']`` holds the means (method ``mean``) or the score
    from which a figure is high (method ``quintile``)."""
    act = activity[activity["count"] > 0]
    act = act[act.index.isin(population)]
    r = (pd.Timestamp(as_of) - act["last_date"]).dt.days.to_numpy(dtype=np.int64)
    f = act["count"].to_numpy(dtype=np.int64)
    m = act["amount"].round(2).to_numpy(dtype=float)
    scores = {"r": np.zeros(len(act), dtype=np.int64), "f": np.zeros(len(act), dtype=np.int64),
              "m": np.zeros(len(act), dtype=np.int64)}
    if rules.method == "mean":
        thresholds = {"r": float(r.mean()) if len(r) else None, "f": float(f.mean()) if len(f) else None,
                      "m": float(m.mean()) if len(m) else None}
        eps = 1e-9
        r_high = r <= (thresholds["r"] or 0) + eps
        f_high = f >= (thresholds["f"] or 0) - eps
        m_high = m >= (thresholds["m"] or 0) - eps * max(1.0, abs(thresholds["m"] or 0))
    else:
        scores = {"r": quintile_scores(r.astype(float), higher_is_better=False),
                  "f": quintile_scores(f.astype(float)), "m": quintile_scores(m)}
        thresholds = {"high_from": rules.quintile_high_from}
        r_high, f_high, m_high = (scores[k] >= rules.quintile_high_from for k in ("r", "f", "m"))

    lookup = {(t.r_high, t.f_high, t.m_high): t.key for t in rules.types}
    code = r_high.astype(int) * 4 + f_high.astype(int) * 2 + m_high.astype(int)
    by_code = np.array([lookup[(bool(c & 4), bool(c & 2), bool(c & 1))] for c in range(8)], dtype=object)

    out = pd.DataFrame(index=population)
    out["value"] = NO_TRANSACTIONS
    out["value"] = out["value"].astype(object)
    out["r"] = np.nan
    out["f"] = 0
    out["m"] = 0.0
    for column in ("r_high", "f_high", "m_high"):
        out[column] = pd.array([pd.NA] * len(out), dtype="boolean")
    for column in ("r_score", "f_score", "m_score"):
        out[column] = 0
    where = out.index.get_indexer(act.index)
    out.iloc[where, out.columns.get_loc("value")] = by_code[code]
    out.iloc[where, out.columns.get_loc("r")] = r
    out.iloc[where, out.columns.get_loc("f")] = f
    out.iloc[where, out.columns.get_loc("m")] = m
    out.iloc[where, out.columns.get_loc("r_high")] = r_high
    out.iloc[where, out.columns.get_loc("f_high")] = f_high
    out.iloc[where, out.columns.get_loc("m_high")] = m_high
    for key in ("r", "f", "m"):
        out.iloc[where, out.columns.get_loc(f"{key}_score")] = scores[key]
    out.attrs.update(method=rules.method, thresholds=thresholds, with_transactions=len(act))
    return out[COLUMNS]
