"""The demo's inputs to seed 002's grading (DOMAIN.md §2a, §2b), added after the book is
written, from its own random stream (the other parts of the demo stay as they were):

* **size** (规模), **potential amount** (潜在需求金额), **own supply channel** (自有渠道)
  and **scarce resources** (稀缺资源), drawn from what the book already says: the
  customers that bring most of the trade (the rules' Pareto cut over the twelve months'
  amounts) are mostly large and rarely bank elsewhere; among the others, business owners
  and executives are medium or large, and a good share of those have their own supply
  channel or a large potential - the seed's B class ("规模中等及以上, 与市场联系较少,
  有自己固定的供货渠道, 有巨大用棉需求但很少在市场交易"); a few hold scarce resources
  (A whatever their trade);
* **deal status** (已成交 / 正在谈判 / 潜在) and a **handle-by date** (its urgency, 紧急 …
  可慢反应) for the customers a manager is working on;
* a **KeyMan** (name, role, phone) on some households, most of all the medium and large
  customers the B-tier plan works through their KeyMan;
* the **volume in tonnes** (吨, the A-tier rewards' unit) of the big customers' trades,
  so the reward tiers (1,000 / 2,000 / 5,000 吨) and the year's top ten have members;
* a **senior leader's calls** (副总级领导每月电话沟通) in the contact history of some big
  customers, so the senior's due list has some called lately and some overdue.
"""
from __future__ import annotations

from datetime import date, timedelta

import numpy as np

from model.grading import a_service
from model.grading import ruleset

SENIOR = "赵总"          # the demo branch's senior leader (the contacts' recorded_by)
SIZES = ("large", "medium", "small", None)
# Size by what the customer is: the big customers, business owners (3.1), executives (3.2), the rest.
SIZE_WEIGHTS = {"big": (0.50, 0.35, 0.10, 0.05), "3.1": (0.30, 0.45, 0.15, 0.10),
                "3.2": (0.15, 0.50, 0.25, 0.10), "*": (0.03, 0.12, 0.70, 0.15)}
KEYMAN_ROLES = {"household": ("户主", "配偶", "父亲", "母亲", "子女"),
                "business": ("总经理", "财务负责人", "采购经理", "董事长")}
KEYMAN_CHARS = tuple("建国志强明华丽娟秀英海军伟芳敏静磊洋勇艳杰娜涛超")


def add_seed_grading(conn, rng: np.random.Generator, as_of: date) -> dict:
    """Fill the seed's grading fields on the demo book; returns counts for the summary."""
    ids = np.array([r[0] for r in conn.execute("SELECT id FROM customers ORDER BY id")], dtype=np.int64)
    n = len(ids)
    if not n:
        return {}
    occupation = np.array([r[0] for r in conn.execute("SELECT dim_occupation FROM customers ORDER BY id")],
                          dtype=object)
    assets = np.array([r[0] for r in conn.execute("SELECT dim_financial_assets FROM customers ORDER BY id")],
                      dtype=object)
    start = (as_of - timedelta(days=364)).isoformat()
    amount = np.zeros(n)
    index = {cid: i for i, cid in enumerate(ids.tolist())}
    for cid, total in conn.execute("SELECT customer_id, SUM(amount) FROM transactions WHERE txn_date >= ?"
                                   " AND txn_date <= ? GROUP BY customer_id", (start, as_of.isoformat())):
        amount[index[cid]] = total
    big = _pareto_top(amount)

    # Size: by kind of customer.
    kind = np.where(big, "big", np.where(occupation == "3.1", "3.1", np.where(occupation == "3.2", "3.2", "*")))
    size = np.full(n, None, dtype=object)
    for key, weights in SIZE_WEIGHTS.items():
        mask = kind == key
        picks = rng.choice(len(SIZES), size=int(mask.sum()), p=np.array(weights) / sum(weights))
        size[mask] = np.array(SIZES, dtype=object)[picks]
    medium_up = (size == "large") | (size == "medium")

    # Potential amount: the richer (financial assets 4.1 richest … 4.5), the larger; the medium
    # and large customers outside the big ones have much they do not bring us yet.
    richness = np.array([{"4.1": 2.0, "4.2": 1.3, "4.3": 0.6, "4.4": 0.0, "4.5": -0.6}.get(a, 0.0)
                         for a in assets.tolist()])
    log_potential = 11.3 + 0.8 * richness + 1.1 * (medium_up & ~big) + rng.normal(0.0, 0.8, n)
    potential = np.round(np.exp(log_potential) / 10_000) * 10_000
    potential_known = rng.random(n) < np.where(medium_up, 0.85, 0.55)

    # Own supply channel: most of all the medium and large customers who trade little with us.
    own_p = np.where(big, 0.08, np.where(medium_up, 0.45, 0.10))
    own = (rng.random(n) < own_p).astype(object)
    own[rng.random(n) < 0.15] = None
    scarce = np.zeros(n, dtype=object)
    scarce[(~big) & np.isin(occupation, ("3.1", "3.2")) & (rng.random(n) < 0.05)] = 1
    scarce[big & (rng.random(n) < 0.04)] = 1
    scarce[(scarce == 0) & (rng.random(n) < 0.30)] = None

    # Deal status and the date to handle the customer by.
    traded = amount > 0
    draw = rng.random(n)
    deal = np.where(traded, np.where(draw < 0.88, "closed", "negotiating"),
                    np.where(draw < 0.45, "negotiating", "potential")).astype(object)
    deal[rng.random(n) < 0.06] = None
    working = (deal == "negotiating") | (deal == "potential") | (rng.random(n) < 0.12)
    handle_days = rng.choice(np.array([-2, 3, 6, 12, 20, 28, 45, 60, 80, 120, 160]), size=n)
    handle_by = np.full(n, None, dtype=object)
    handle_by[working] = [(as_of + timedelta(days=int(d))).isoformat() for d in handle_days[working].tolist()]

    # KeyMan: the decision maker the B-tier plan works through.
    keyman_p = np.where(medium_up & ~big, 0.65, np.where(big, 0.40, 0.06))
    has_keyman = rng.random(n) < keyman_p
    business = np.isin(occupation, ("3.1", "3.2")) | medium_up
    k = int(has_keyman.sum())
    from model.demo import demo
    surnames = _pick(rng, demo.SURNAME_CHARS, k, demo.SURNAME_WEIGHTS / demo.SURNAME_WEIGHTS.sum())
    given = [a + b for a, b in zip(_pick(rng, KEYMAN_CHARS, k).tolist(), _pick(rng, KEYMAN_CHARS, k).tolist())]
    names = [s + g for s, g in zip(surnames.tolist(), given)]
    roles = np.where(business[has_keyman], _pick(rng, KEYMAN_ROLES["business"], k),
                     _pick(rng, KEYMAN_ROLES["household"], k))
    phones = [f"1{p}{x:08d}" for p, x in zip(_pick(rng, (39, 58, 86, 37, 89), k).tolist(),
                                              rng.integers(0, 10**8, k).tolist())]
    keyman_name = np.full(n, None, dtype=object)
    keyman_role = np.full(n, None, dtype=object)
    keyman_phone = np.full(n, None, dtype=object)
    keyman_name[has_keyman], keyman_role[has_keyman], keyman_phone[has_keyman] = names, roles, phones

    conn.executemany(
        "UPDATE customers SET size = ?, potential_amount = ?, own_channel = ?, scarce_resources = ?,"
        " deal_status = ?, handle_by = ?, keyman_name = ?, keyman_role = ?, keyman_phone = ? WHERE id = ?",
        zip(size.tolist(), [p if known else None for p, known in zip(potential.tolist(), potential_known.tolist())],
            own.tolist(), scarce.tolist(), deal.tolist(), handle_by.tolist(), keyman_name.tolist(),
            keyman_role.tolist(), keyman_phone.tolist(), ids.tolist()))

    tonnes = _tonnes(conn, rng, ids[big | (scarce == 1)])
    calls = _senior_calls(conn, rng, ids[big], as_of)
    return {"seed_sizes": int(medium_up.sum()), "seed_keymen": k, "tonnage_customers": tonnes,
            "senior_calls": calls}


def _pick(rng: np.random.Generator, pool, size: int, p=None) -> np.ndarray:
    items = np.empty(len(pool), dtype=object)
    items[:] = list(pool)
    return items[rng.choice(len(pool), size=size, p=p)]


def _pareto_top(amount: np.ndarray) -> np.ndarray:
    """The customers inside the rules' first cut-off (A by the trade), as grading would rank
    the twelve months' amounts (largest first, ties by id)."""
    cut = ruleset.load().value_tier.cutoffs[0][1]
    top = np.zeros(len(amount), dtype=bool)
    positive = np.flatnonzero(amount > 0)
    total = amount[positive].sum()
    if total <= 0:
        return top
    order = positive[np.lexsort((positive, -amount[positive]))]
    before = np.cumsum(amount[order]) - amount[order]
    top[order[before < cut * total]] = True
    return top


def _tonnes(conn, rng: np.random.Generator, ids: np.ndarray) -> int:
    """The big customers trade by the tonne: each trade's quantity is its amount over the
    customer's own price per tonne (¥150-300; at least 1 吨), so the largest reach the reward tiers."""
    if not len(ids):
        return 0
    price = rng.uniform(150.0, 300.0, len(ids))
    conn.execute("CREATE TEMP TABLE demo_price(customer_id INTEGER PRIMARY KEY, price REAL)")
    conn.executemany("INSERT INTO demo_price VALUES (?, ?)", zip(ids.tolist(), price.tolist()))
    conn.execute("UPDATE transactions SET quantity = max(1.0, round(amount / (SELECT price FROM demo_price p"
                 " WHERE p.customer_id = transactions.customer_id), 1))"
                 " WHERE customer_id IN (SELECT customer_id FROM demo_price)")
    conn.execute("DROP TABLE temp.demo_price")
    return len(ids)


def _senior_calls(conn, rng: np.random.Generator, ids: np.ndarray, as_of: date) -> int:
    """The senior leader's monthly calls to some big customers: about half were called in the
    last month, some a while ago (now overdue), the rest never (due now)."""
    if not len(ids):
        return 0
    purpose = a_service.service_rules().senior_purpose("zh_CN")
    last = rng.choice(np.array([5, 12, 20, 26, 45, 70, -1]), size=len(ids))
    rows = []
    for cid, days in zip(ids.tolist(), last.tolist()):
        if days < 0:
            continue
        for back in (days, days + 30, days + 61):
            when = (as_of - timedelta(days=int(back))).isoformat()
            rows.append((cid, when, "phone", purpose, "客户反馈良好, 意见已记录", None, None, SENIOR,
                         f"{when}T16:30:00"))
    conn.executemany(
        "INSERT INTO contacts(customer_id, contact_date, channel, purpose, result, next_step, next_date,"
        " recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    return len(rows)
