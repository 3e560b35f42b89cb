"""Opportunity grades for the demo archive (DOMAIN §2b): the manager's two answers
(need, expected close) for the customers whose record names a need, so the four
tracking logs (A daily, B weekly, C half-monthly, D monthly) have customers.

Called by ``model.demo.demo`` inside its transaction, after the customers and their
contacts, with its own random stream (the other parts of the demo stay as they
were). Every answer goes through ``model.grading.set_opportunity``, as a
manager's own would.
"""
from __future__ import annotations

from datetime import date

import numpy as np

from model.archive.database import sqlite3

BY = "李经理"   # the demo book is 李经理's (model.demo.demo)

# (need, expected close) and its share among the customers with a need on record:
# about 3 % of an 800-customer book ends up A, 6 % B, 7 % C, 15 % D.
_ANSWERS = ((("clear", "1m"), 0.07), (("clear", "3m"), 0.13), (("clear", "6m"), 0.16),
            (("clear", "later"), 0.10), (("latent", "6m"), 0.24), (("none", "never"), 0.05))


def add_opportunities(conn: sqlite3.Connection, rng: np.random.Generator, as_of: date) -> dict:
    from model import grading
    ids = [r[0] for r in conn.execute(
        "SELECT id FROM customers WHERE needs IS NOT NULL AND deleted_at IS NULL ORDER BY id")]
    shares = np.array([s for _, s in _ANSWERS] + [1 - sum(s for _, s in _ANSWERS)])
    picks = rng.choice(len(shares), size=len(ids), p=shares / shares.sum())
    graded = 0
    for cid, pick in zip(ids, picks.tolist()):
        if pick == len(_ANSWERS):
            continue           # not asked yet
        need, close = _ANSWERS[pick][0]
        grading.set_opportunity(conn, cid, need, close, by=BY, as_of=as_of)
        graded += 1
    return {"opportunity_grades": graded}
