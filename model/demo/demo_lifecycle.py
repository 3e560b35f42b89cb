"""The demo's older business: the 12 months before the last 12, so the lifecycle stages
(model.customers.lifecycle) spread as a real book's do.

Of the customers created over a year ago who bought in the last 12 months, most
bought about as much the year before (mature), some much more (declining), some
less (growing) and some not at all (still growing); a share of those without
recent business bought once long ago (lost, or declining while still contacted).
The grading window (the last 12 months) is untouched, so tiers and RFM types stay
as they were. Its own random stream, after everything else is written.
"""
from __future__ import annotations

from datetime import date

import numpy as np

# (share of the customers with recent business, low and high factor of their recent amount)
PREVIOUS_YEAR = ((0.45, 0.85, 1.15),     # steady: mature
                 (0.20, 1.5, 3.0),       # bought more the year before: declining
                 (0.15, 0.3, 0.7))       # bought less: growing
LOST_SHARE = 0.7                        # of those without recent business: bought long ago


def add_older_history(conn, rng: np.random.Generator, as_of: date, catalogue) -> int:
    """Write the transactions of the year before the last; returns how many."""
    today = as_of.toordinal()
    year_start = today - 364              # the first day of the grading window
    cursor = conn.cursor()
    cursor.row_factory = None
    rows = cursor.execute(
        # julianday - 1721424.5 is the date's proleptic ordinal (date.toordinal).
        "SELECT c.id, CAST(julianday(substr(c.created_on, 1, 10)) - 1721424.5 AS INTEGER),"
        " count(t.id), total(t.amount) FROM customers c"
        " LEFT JOIN transactions t ON t.customer_id = c.id AND t.txn_date >= ?"
        " WHERE c.created_on < ? GROUP BY c.id ORDER BY c.id",
        (date.fromordinal(year_start).isoformat(), date.fromordinal(year_start - 30).isoformat())).fetchall()
    if not rows:
        return 0
    ids, created, count, total = (np.array(column) for column in zip(*rows))
    count, total = count.astype(np.int64), total.astype(float)
    n = len(ids)
    draw = rng.random(n)
    cuts = np.cumsum([s for s, _, _ in PREVIOUS_YEAR])
    kind = np.searchsorted(cuts, draw, side="right")
    low = np.array([lo for _, lo, _ in PREVIOUS_YEAR] + [0.0])[kind]
    high = np.array([hi for _, _, hi in PREVIOUS_YEAR] + [0.0])[kind]
    factor = low + (high - low) * rng.random(n)
    before = (count > 0) & (kind < len(PREVIOUS_YEAR))
    lost = (count == 0) & (draw < LOST_SHARE)
    amount = np.where(before, total * factor, np.exp(rng.normal(7.0, 1.0, n)))
    first = np.where(before, np.maximum(created, year_start - 365), np.maximum(created, today - 3 * 365))
    last = np.where(before, year_start - 1, year_start - 30)
    # Sparser than the last year (fewer, larger purchases), so the demo stays near a million rows.
    k = np.where(before, np.maximum(1, rng.poisson(np.maximum(count, 1) / 3)), 1 + rng.poisson(1.5, n))
    k = np.where((before | lost) & (first <= last), k, 0)
    owner = np.repeat(np.arange(n), k)
    if not len(owner):
        return 0
    span = (last - first + 1)[owner]
    day = first[owner] + np.floor(rng.random(len(owner)) * span).astype(np.int64)
    weights = rng.random(len(owner)) + 0.2
    share_of = weights / np.bincount(owner, weights, minlength=n)[owner]
    amounts = np.maximum(1.0, np.round(amount[owner] * share_of, 2))
    names = np.array([name for name, _, _ in catalogue], dtype=object)
    share = np.array([s for _, _, s in catalogue])
    products = rng.choice(len(names), size=len(owner), p=share / share.sum())
    order = np.lexsort((day, owner))
    iso = [date.fromordinal(int(d)).isoformat() for d in day[order].tolist()]
    conn.executemany("INSERT INTO transactions(customer_id, txn_date, amount, quantity, product)"
                     " VALUES (?, ?, ?, 1.0, ?)",
                     zip(ids[owner][order].tolist(), iso, amounts[order].tolist(), names[products][order].tolist()))
    return len(owner)
