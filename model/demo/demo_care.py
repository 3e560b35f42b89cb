"""The demo's complaints and satisfaction surveys (issue 20): a book a manager has worked
has a few complaints in every state of the flow and some surveys over the last half
year, so the editor's Complaints and Satisfaction tabs, the open-complaints list, the
area table and the due list's complaint follow-ups have something to show.

* About one complaint per hundred customers, most of them older and confirmed with the
  customer; one resolved and waiting for the confirming call, one in hand past its due
  date, one just recorded.
* Surveys for about a sixth of the customers, one to three each over the last six months,
  the answers around four of five, a little lower where a complaint was made.
"""
from __future__ import annotations

from datetime import date, timedelta

import numpy as np

from model.customers import complaints, surveys
from model.archive.database import sqlite3

BY = "李经理"      # the demo book is 李经理's (model.demo.demo)
PER_COMPLAINT = 100
SURVEYED = 1 / 6
WHAT = {"waiting": "排队时间过长", "fees": "手续费不清楚", "product": "理财收益不及预期",
        "service": "电话推销太频繁", "error": "转账到账时间比说的晚", "facilities": "自助机经常故障"}


def add_care(conn: sqlite3.Connection, rng: np.random.Generator, as_of: date) -> dict:
    """Record the demo's complaints and surveys; returns their counts."""
    ids = np.array([r[0] for r in conn.execute("SELECT id FROM customers WHERE deleted_at IS NULL ORDER BY id")])
    if len(ids) == 0:
        return {"complaints": 0, "surveys": 0}
    rules = complaints.complaint_rules()
    channels = [c.key for c in rules.channels]
    count = max(4, len(ids) // PER_COMPLAINT)
    complained = rng.choice(ids, size=min(count, len(ids)), replace=False)
    # The last three: resolved and waiting to be confirmed, in hand and overdue, just recorded.
    ends = [complaints.CONFIRMED] * (len(complained) - 3) + [complaints.RESOLVED, complaints.IN_HAND,
                                                             complaints.OPEN]
    categories = list(WHAT)
    for customer_id, end in zip(complained.tolist(), ends):
        category = categories[int(rng.integers(len(categories)))]
        if end == complaints.CONFIRMED:
            on = as_of - timedelta(days=int(rng.integers(20, 170)))
        elif end == complaints.RESOLVED:
            on = as_of - timedelta(days=6)
        elif end == complaints.IN_HAND:
            on = as_of - timedelta(days=rules.due_days + 4)
        else:
            on = as_of - timedelta(days=1)
        cid = complaints.create(conn, customer_id, on=on, channel=channels[int(rng.integers(len(channels)))],
                                category=category, what=WHAT[category], by=BY)
        if end == complaints.OPEN:
            continue
        complaints.move(conn, cid, complaints.IN_HAND, by=BY, on=on + timedelta(days=1))
        if end == complaints.IN_HAND:
            continue
        resolved = on + timedelta(days=int(rng.integers(1, rules.due_days + 1)))
        complaints.move(conn, cid, complaints.RESOLVED, by=BY, on=min(resolved, as_of - timedelta(days=4)))
        if end == complaints.CONFIRMED:
            complaints.move(conn, cid, complaints.CONFIRMED, by=BY, on=min(resolved + timedelta(days=3), as_of),
                            satisfaction=int(rng.integers(3, 6)))

    keys = [q.key for q in surveys.template().questions]
    scale = surveys.template().scale
    unhappy = set(complained.tolist())
    chosen = rng.choice(ids, size=max(1, int(len(ids) * SURVEYED)), replace=False)
    written = 0
    for customer_id in chosen.tolist():
        mean = 3.4 if customer_id in unhappy else 4.1
        days = sorted(rng.choice(np.arange(3, 180), size=int(rng.integers(1, 4)), replace=False).tolist(),
                      reverse=True)
        for back in days:
            answers = np.clip(np.rint(rng.normal(mean, 0.7, len(keys))), 1, scale).astype(int)
            surveys.record(conn, customer_id, on=as_of - timedelta(days=int(back)),
                           answers=dict(zip(keys, answers.tolist())), by=BY)
            written += 1
    return {"complaints": len(complained), "surveys": written}
