"""The demo's older business: the 12 months before the last 12, so the lifecycle stages
(model.lifecycle) spread as a real book's do.

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
    rows = conn.execute(
        "SELECT c.id, c.created_on, count(t.id), total(t.amount) FROM customers c"
        " LEFT JOIN transactions t ON t.customer_id = c.id AND t.txn_date >= ?"
        " WHERE c.created_on < ? GROUP BY c.id ORDER BY c.id",
        (date.fromordinal(year_start).isoformat(), date.fromordinal(year_start - 30).isoformat())).fetchall()
    names = [name for name, _, _ in catalogue]
    share = np.array([s for _, _, s in catalogue])
    share = share / share.sum()
    cuts = np.cumsum([s for s, _, _ in PREVIOUS_YEAR])
    written = []
    for customer_id, created_on, count, total in rows:
        created = date.fromisoformat(created_on[:10]).toordinal()
        draw = rng.random()
        if count:
            kind = int(np.searchsorted(cuts, draw, side="right"))
            if kind >= len(PREVIOUS_YEAR):
                continue
            _, low, high = PREVIOUS_YEAR[kind]
            amount = float(total) * rng.uniform(low, high)
            first, last, k = max(created, year_start - 365), year_start - 1, max(1, int(rng.poisson(count)))
        elif draw < LOST_SHARE:
            amount = float(np.exp(rng.normal(7.0, 1.0)))
            first, last, k = max(created, today - 3 * 365), year_start - 30, int(1 + rng.poisson(1.5))
        else:
            continue
        if first > last:
            continue
        days = np.sort(rng.integers(first, last + 1, k))
        weights = rng.random(k) + 0.2
        amounts = np.maximum(1.0, np.round(amount * weights / weights.sum(), 2))
        products = rng.choice(len(names), size=k, p=share)
        written += [(customer_id, date.fromordinal(int(d)).isoformat(), float(a), 1.0, names[p])
                    for d, a, p in zip(days.tolist(), amounts.tolist(), products.tolist())]
    conn.executemany("INSERT INTO transactions(customer_id, txn_date, amount, quantity, product)"
                     " VALUES (?, ?, ?, ?, ?)", written)
    return len(written)
