"""The demo manager's recent work (DOMAIN §7): a book that has been worked, not abandoned.

``model.demo.demo`` writes each customer's older contacts (twelve months back to
``RECENT_DAYS`` ago); this module writes the contacts of the last ``RECENT_DAYS``
days as a manager who keeps the book's cadences would have made them. Each
customer's cadences come from the same rules the due list reads
(``planning.json`` tiers, the A-tier market news of ``a_service.json``, the
opportunity grade's tracking cadence of ``grading.json``), with the value tier
the grading would give (it depends on the transactions only, written before):

* a visit obligation gets a visit series, the latest one within its interval;
* the shortest call interval (tier call, market news, tracking) gets a series of
  phone / SMS / online contacts, unless the visits already come as often;
* each series' latest contact is, for ``LATE_SHARE`` of them, late by up to half
  an interval: the realistic minority the due list shows overdue;
* the agreed next date of a contact is the next one made (kept), and on the
  latest contact the next one the cadence asks for.

Contacts fall on working days (Monday to Friday) before ``as_of``, never before
the customer was created. Called inside the demo's transaction with its own
random stream, so the rest of the demo stays as it was.
"""
from __future__ import annotations

from datetime import date

import numpy as np

from model.archive.database import sqlite3

RECENT_DAYS = 120      # how far back the worked cadence goes; older contacts are model.demo.demo's
SERIES_LENGTH = 4      # contacts per series at most (a daily tracking: the last four days)
LATE_SHARE = 0.03      # series whose latest contact is late (overdue now)
NEXT_DATE_SHARE = 0.6  # latest contacts that carry an agreed next date

PURPOSES_VISIT = ("客户回访", "需求了解", "产品推荐", "理财规划", "资料更新", "到期提醒")
PURPOSES_CALL = ("客户回访", "到期提醒", "产品推荐", "需求了解", "活动邀约", "节日问候")
RESULTS = ("有意向需再跟进", "已办理", "暂无需求", "约定下次面谈", "已发送产品资料", "满意", "考虑中")
NEXT_STEPS_VISIT = ("上门拜访", "办理业务", "定期回访")
NEXT_STEPS_CALL = ("电话跟进", "发送产品资料", "邀请参加社区活动", "定期回访")


def cadences(conn: sqlite3.Connection, as_of: date) -> dict[int, tuple[int | None, int | None, bool]]:
    """Per customer (not deleted): (visit interval, shortest call interval, the calls are
    market news), from the rules the due list applies; None where none applies."""
    from model.grading import a_service
    from model import grading
    from model.visits import planning_rules
    from model.grading import value_tier as value_tier_engine
    rules = grading.load_rules()
    inputs = grading.load_inputs(conn, as_of)
    tiers = value_tier_engine.compute(inputs.activity, inputs.population, rules.value_tier,
                                      inputs.customers)["value"].to_dict()
    opportunity = dict(conn.execute("SELECT customer_id, value FROM grades WHERE scheme = 'opportunity'")
                       .fetchall())
    tracking = {g: c.days for g, c in rules.opportunity.cadences.items()}
    plan, service = planning_rules.planning_rules(), a_service.service_rules()
    out = {}
    for cid, keyman, channel_pref in conn.execute(
            "SELECT id, keyman_name, dim_channel FROM customers WHERE deleted_at IS NULL ORDER BY id"):
        tier = tiers.get(cid)
        treatment = plan.tier_treatment(tier, bool(keyman), channel_pref)
        visit = treatment.every_days if treatment.channel == "visit" else None
        calls = [d for d in (None if visit else treatment.every_days,
                             tracking.get(opportunity.get(cid))) if d]
        news = service.news_days if tier == service.tier and service.news_days else None
        shortest = min(calls + ([news] if news else []), default=None)
        out[cid] = (visit, shortest, bool(news) and shortest == news and news not in calls)
    return out


def _working_day(ordinals: np.ndarray) -> np.ndarray:
    """Saturday and Sunday moved back to the Friday before."""
    weekday = (ordinals + 6) % 7          # date.fromordinal(o).weekday()
    return ordinals - np.where(weekday >= 5, weekday - 4, 0)


def _on_time_day(ordinals: np.ndarray, earliest: np.ndarray, today: int) -> np.ndarray:
    """A weekend day moved to the Monday after when that is still before today, else to
    the Friday before when that is not before ``earliest`` (still on time); else the
    Friday before (a day or two late: the due list counts calendar days)."""
    weekday = (ordinals + 6) % 7
    weekend = weekday >= 5
    monday = ordinals + (7 - weekday)
    friday = ordinals - (weekday - 4)
    moved = np.where((monday < today) & ((friday < earliest) | (ordinals % 2 == 0)), monday, friday)
    return np.where(weekend, moved, ordinals)


def _series(rng: np.random.Generator, interval: np.ndarray, created: np.ndarray, today: int):
    """Contact days of one series per customer: (row index, day, index in the series
    from the latest = 0, the agreed next date). ``interval`` > 0 for every row."""
    late = rng.random(len(interval)) < LATE_SHARE
    on_time = 1 + np.floor(rng.random(len(interval)) * interval).astype(np.int64)
    lateness = 1 + np.floor(rng.random(len(interval)) * np.maximum(2, interval // 2)).astype(np.int64)
    latest = today - np.where(late, interval + lateness, on_time)
    # a customer newer than that: the latest contact after the day they came
    recent = (latest < created) & (created < today)
    since = created + np.floor(rng.random(len(interval)) * np.maximum(1, today - created)).astype(np.int64)
    latest = np.where(recent, since, latest)
    latest = np.where(late, _working_day(latest), _on_time_day(latest, today - interval, today))
    latest = np.maximum(latest, np.minimum(created, today - 1))
    count = np.minimum(SERIES_LENGTH, np.maximum(1, RECENT_DAYS // interval))
    owner = np.repeat(np.arange(len(interval)), count)
    step = np.arange(len(owner)) - np.repeat(np.cumsum(count) - count, count)
    jitter = rng.integers(-1, 2, len(owner)) * (interval[owner] >= 7)
    day = np.where(step > 0, _working_day(latest[owner] - step * interval[owner] + jitter), latest[owner])
    day = np.minimum(day, today - 1)
    keep = day >= created[owner]
    nxt = np.empty(len(owner), dtype=np.int64)
    nxt[1:] = day[:-1]                     # the next contact made (the series runs latest first)
    first = step == 0
    nxt[first] = day[first] + interval[owner][first]
    agreed = np.where(first, rng.random(len(owner)) < NEXT_DATE_SHARE, rng.random(len(owner)) < 0.5)
    agreed &= nxt > day
    weekday = (nxt + 6) % 7
    nxt = nxt + np.where(weekday >= 5, 7 - weekday, 0)   # agreed for a working day (Saturday: Monday)
    return owner[keep], day[keep], step[keep], np.where(agreed, nxt, 0)[keep]


def add_recent_contacts(conn: sqlite3.Connection, rng: np.random.Generator, as_of: date) -> int:
    """Write the last ``RECENT_DAYS`` days of the manager's contacts; returns how many."""
    from model.grading import a_service
    today = as_of.toordinal()
    plan = cadences(conn, as_of)
    rows = conn.execute("SELECT id, created_on, manager, COALESCE(phone, phone2) IS NULL AS red"
                        " FROM customers WHERE deleted_at IS NULL ORDER BY id").fetchall()
    if not rows:
        return 0
    ids = np.array([r[0] for r in rows], dtype=np.int64)
    created = np.array([date.fromisoformat(r[1][:10]).toordinal() if r[1] else 0 for r in rows], dtype=np.int64)
    manager = np.array([r[2] for r in rows], dtype=object)
    red = np.array([bool(r[3]) for r in rows])
    visit = np.array([plan[i][0] or 0 for i in ids.tolist()], dtype=np.int64)
    call = np.array([plan[i][1] or 0 for i in ids.tolist()], dtype=np.int64)
    news = np.array([plan[i][2] for i in ids.tolist()])
    call[(visit > 0) & (call >= visit)] = 0          # the visits come often enough
    call_news = news & (call > 0)
    news_purpose = a_service.service_rules().news_purpose("zh_CN")

    written = 0
    for kind, interval in (("visit", visit), ("call", call)):
        chosen = np.flatnonzero(interval > 0)
        if not len(chosen):
            continue
        owner, day, _step, nxt = _series(rng, interval[chosen], created[chosen], today)
        who = chosen[owner]
        k = len(who)
        if kind == "visit":
            channel = np.full(k, "visit", dtype=object)
            purpose = _pick(rng, PURPOSES_VISIT, k)
            steps = _pick(rng, NEXT_STEPS_VISIT, k)
        else:
            channel = _pick(rng, ("phone", "online", "sms"), k, (0.6, 0.25, 0.15))
            purpose = _pick(rng, PURPOSES_CALL, k)
            steps = _pick(rng, NEXT_STEPS_CALL, k)
            newsy = call_news[who]
            channel[newsy] = _pick(rng, ("sms", "phone"), int(newsy.sum()), (0.6, 0.4))
            purpose[newsy] = news_purpose
            nxt[newsy] = 0                     # news agrees no next date
            channel[red[who]] = "visit"        # no phone: only a visit reaches them
        hour, minute = rng.integers(9, 19, k), rng.integers(0, 60, k)
        iso = [date.fromordinal(d).isoformat() for d in day.tolist()]
        next_iso = [date.fromordinal(n).isoformat() if n else None for n in nxt.tolist()]
        conn.executemany(
            "INSERT INTO contacts(customer_id, contact_date, channel, purpose, result, next_step,"
            " next_date, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            zip(ids[who].tolist(), iso, channel.tolist(), purpose.tolist(), _pick(rng, RESULTS, k).tolist(),
                [s if n else None for s, n in zip(steps.tolist(), next_iso)], next_iso,
                manager[who].tolist(),
                [f"{d}T{h:02d}:{m:02d}:00" for d, h, m in zip(iso, hour.tolist(), minute.tolist())]))
        written += k
    return written


def _pick(rng: np.random.Generator, pool, size: int, p=None) -> np.ndarray:
    items = np.empty(len(pool), dtype=object)
    items[:] = list(pool)
    weights = None if p is None else np.array(p) / sum(p)
    return items[rng.choice(len(pool), size=size, p=weights)]
