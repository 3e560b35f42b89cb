"""Circles and promotion activities for the demo archive (DOMAIN.md §5, §6).

Called by ``model.demo.demo.build_demo`` at the end, inside its transaction: three or
four circles (a compound's square-dance team centred on a retired customer, an
industrial park's hometown association, a campus club, an office reading group),
past activities across area types that are done and evaluated (with the deals
their participants made in the weeks after), one approved upcoming activity and
one draft. Everything goes through ``model.marketing.circles`` / ``model.marketing.promotions``, so it
is validated like a manager's own entries; the same seed gives the same choices.
"""
from __future__ import annotations

from model.archive.database import sqlite3
from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np

from model.marketing import circles, promotions
from model.marketing.promotions import Audience, BudgetLine, ScheduleLine, StaffLine

BY = "李经理"   # the demo book is 李经理's (model.demo.demo)
PRODUCTS = ("理财产品", "基金定投", "保险", "大额存单", "信用卡分期", "贵金属")


@dataclass(frozen=True)
class _Circle:
    area_type: str
    suffix: str
    centre_kind: str
    pull: str
    contact_mode: str
    size: int


_CIRCLES = (
    _Circle("community", "广场舞队", "seniority", "每晚七点广场舞，逢年过节文艺汇演", "微信群「舞动夕阳」", 18),
    _Circle("industrial_park", "老乡会", "rank", "同乡互助，周末聚餐，帮新来的老乡找工作", "微信群和QQ群", 14),
    _Circle("campus", "摄影社", "expertise", "每周外拍和作品点评，社长是摄影比赛获奖者", "社团QQ群", 12),
    _Circle("office_building", "午间读书会", "fun", "每周三午休读书分享，茶点轮流做东", "企业微信群", 9),
)


@dataclass(frozen=True)
class _Activity:
    area_type: str
    title: str
    days_before: int          # start, days before as_of (negative: in the future)
    budget: tuple             # (item, quantity, unit cost)
    picked: int               # customers from the audience who took part
    outsiders: int            # customers from elsewhere who came along
    walk_ins: int
    deal_share: float         # share of participants who buy in the weeks after
    amount_scale: float
    new_extra: int
    review: str
    circle: bool              # for the area's circle


_ACTIVITIES = (
    _Activity("community", "中秋邻里联欢", 75, (("月饼礼盒", 60, 38.0), ("横幅和展架", 3, 120.0),
                                               ("音响租赁", 1, 300.0), ("小礼品", 100, 5.0)), 22, 4, 12, 0.30, 8000,
              3, "广场舞队带动气氛很好，老人带家属来参加；晚饭后时间合适。下次提前一周在业主群预告，准备更多亲子游戏。",
              True),
    _Activity("industrial_park", "发薪日专享服务", 50, (("宣传单页", 500, 0.6), ("饮料", 120, 3.5),
                                                     ("帐篷和桌椅", 1, 260.0)), 18, 2, 25, 0.20, 3000,
              6, "午休时段人多但停留时间短，老乡会会长帮忙召集效果明显；办卡需排队，下次多带一台设备。", True),
    _Activity("campus", "开学季新生体验日", 100, (("体验礼包", 150, 8.0), ("展台搭建", 1, 800.0)), 14, 0, 40,
              0.10, 800, 9, "新生好奇心强、愿意尝试，但交易金额小；摄影社帮忙拍照分享，传播效果好。", True),
    _Activity("office_building", "午间理财讲座", 30, (("茶歇", 30, 25.0), ("讲师费", 1, 1000.0)), 12, 1, 5, 0.35,
              30000, 1, "白领时间紧，讲座控制在45分钟内；会后一对一咨询转化率高。", True),
)


def _areas_by_type(conn: sqlite3.Connection) -> dict[str, tuple[int, str]]:
    """The area of each type with the most customers: (id, name)."""
    best: dict[str, tuple[int, str]] = {}
    for area_id, name, kind in conn.execute(
            "SELECT a.id, a.name, a.area_type FROM areas a JOIN customers c ON c.area_id = a.id"
            " WHERE c.deleted_at IS NULL AND a.area_type IS NOT NULL GROUP BY a.id ORDER BY count(*) DESC, a.id"):
        best.setdefault(kind, (area_id, name))
    return best


def _people(conn: sqlite3.Connection, area_id: int) -> list[int]:
    return [r[0] for r in conn.execute("SELECT id FROM customers WHERE area_id = ? AND deleted_at IS NULL"
                                       " ORDER BY id", (area_id,))]


def _centre(conn: sqlite3.Connection, area_id: int, kind: str) -> int | None:
    """A retired, older customer for the dance team; for other circles a working adult."""
    if kind == "community":
        order = "(dim_occupation = '3.4') + (dim_age = '1.5') DESC, birth_date IS NULL, birth_date, id"
    else:
        order = "(dim_age IN ('1.3', '1.4')) DESC, id"
    row = conn.execute(f"SELECT id FROM customers WHERE area_id = ? AND deleted_at IS NULL ORDER BY {order}"
                       " LIMIT 1", (area_id,)).fetchone()
    return row[0] if row else None


def _pick(rng: np.random.Generator, pool: list[int], count: int) -> list[int]:
    if not pool or count <= 0:
        return []
    return sorted(int(i) for i in rng.choice(pool, size=min(count, len(pool)), replace=False))


def add_marketing(conn: sqlite3.Connection, rng: np.random.Generator, as_of: date) -> dict:
    """Add the demo circles and activities; returns counts (circles, promotions, transactions added)."""
    counts = {"circles": 0, "promotions": 0, "transactions": 0}
    areas = _areas_by_type(conn)
    circle_of: dict[str, int] = {}
    for spec in _CIRCLES:
        if spec.area_type not in areas:
            continue
        area_id, area_name = areas[spec.area_type]
        centre = _centre(conn, area_id, spec.area_type)
        if centre is None:
            continue
        founded = as_of - timedelta(days=int(rng.integers(300, 420)))
        circle_id = circles.create(conn, {"name": f"{area_name}{spec.suffix}", "area_id": area_id,
                                          "centre_id": centre, "centre_kind": spec.centre_kind, "pull": spec.pull,
                                          "contact_mode": spec.contact_mode}, BY, joined_on=founded)
        others = [i for i in _people(conn, area_id) if i != centre]
        for member in _pick(rng, others, spec.size - 1):
            joined = founded + timedelta(days=int(rng.integers(0, (as_of - founded).days + 1)))
            circles.add_members(conn, circle_id, [member], BY, joined_on=joined)
        for months_ago in (9, 6, 3):
            held = as_of - timedelta(days=30 * months_ago + int(rng.integers(0, 10)))
            if held > founded:
                circles.add_activity(conn, circle_id, held, f"{spec.suffix}月度聚会", BY)
        circle_of[spec.area_type] = circle_id
        counts["circles"] += 1

    for spec in _ACTIVITIES:
        if spec.area_type not in areas:
            continue
        counts["promotions"] += 1
        counts["transactions"] += _past_activity(conn, rng, spec, areas[spec.area_type], circle_of, as_of)

    for circle_id in circle_of.values():
        score = int(rng.integers(3, 6))
        circles.save_evaluation(conn, circle_id, BY, evaluated_on=as_of - timedelta(days=90),
                                staff_perception="圆心热心，成员相互熟悉，愿意参加网点活动。", staff_score=score,
                                overall=max(1, score - 1))
        circles.save_evaluation(conn, circle_id, BY, evaluated_on=as_of - timedelta(days=5),
                                staff_perception="活动后成员来网点办理业务明显增多，可继续通过圆心组织小型活动。",
                                staff_score=min(5, score + 1), overall=score)

    counts["promotions"] += _upcoming(conn, areas, circle_of, as_of)
    return counts


def _plan(area_type: str, area: tuple[int, str], title: str, start: date, budget) -> promotions.Plan:
    plan = promotions.new_plan(area_type, start, language="zh_CN")
    plan.title = f"{area[1]}{title}"
    plan.area_id = area[0]
    plan.audience = Audience(area_ids=(area[0],))
    plan.budget = [BudgetLine(item, quantity, cost) for item, quantity, cost in budget]
    plan.staff = [StaffLine("李经理", "活动负责人"), StaffLine("王柜员", "现场咨询和办理"),
                  StaffLine("小陈", "签到和拍照")]
    begin = plan.starts_at
    plan.schedule = [ScheduleLine((begin - timedelta(minutes=60)).strftime("%H:%M"), "布置场地、调试设备"),
                     ScheduleLine(begin.strftime("%H:%M"), "开场、介绍活动"),
                     ScheduleLine((begin + timedelta(minutes=20)).strftime("%H:%M"), "互动游戏和产品咨询"),
                     ScheduleLine(plan.ends_at.strftime("%H:%M"), "收尾、清点物料")]
    return plan


def _past_activity(conn: sqlite3.Connection, rng: np.random.Generator, spec: _Activity, area: tuple[int, str],
                   circle_of: dict, as_of: date) -> int:
    plan = _plan(spec.area_type, area, spec.title, as_of - timedelta(days=spec.days_before), spec.budget)
    if spec.circle and spec.area_type in circle_of:
        plan.circle_id = circle_of[spec.area_type]
    plan_id = promotions.save(conn, plan, BY)
    for status in (promotions.APPROVED, promotions.RUNNING):
        promotions.set_status(conn, plan_id, status, BY)
    for item in plan.checklist:
        when = {"before": plan.starts_at - timedelta(days=2), "promotion": plan.starts_at - timedelta(days=1),
                "during": plan.starts_at,
                "closing": plan.ends_at}[item.phase]
        promotions.tick(conn, plan_id, item.phase, item.key, True, BY, when=when)
    promotions.set_status(conn, plan_id, promotions.DONE, BY)
    if plan.circle_id:
        circles.add_activity(conn, plan.circle_id, plan.starts_at.date(), plan.title, BY, plan_id=plan_id)

    # Only people who were customers by then take part (and buy).
    start = plan.starts_at.date().isoformat()
    known = {r[0] for r in conn.execute("SELECT id FROM customers WHERE created_on <= ?", (start,))}
    audience = [i for i in promotions.audience_ids(conn, plan.audience) if i in known]
    members = [m.customer_id for m in circles.members(conn, plan.circle_id)] if plan.circle_id else []
    chosen = set(_pick(rng, [m for m in members if m in set(audience)], spec.picked // 2))
    chosen |= set(_pick(rng, [i for i in audience if i not in chosen], spec.picked - len(chosen)))
    elsewhere = [r[0] for r in conn.execute("SELECT id FROM customers WHERE (area_id IS NULL OR area_id != ?)"
                                            " AND deleted_at IS NULL AND created_on <= ? ORDER BY id LIMIT 400",
                                            (area[0], start))]
    chosen |= set(_pick(rng, elsewhere, spec.outsiders))
    participants = sorted(chosen)

    # Deals made at the activity and in the weeks after it.
    window = (plan.ends_at.date() - plan.starts_at.date()).days + 25
    rows = []
    for customer_id in participants:
        if rng.random() < spec.deal_share:
            day = min(as_of, plan.starts_at.date() + timedelta(days=int(rng.integers(0, window + 1))))
            amount = round(float(spec.amount_scale * rng.lognormal(0, 0.6)), 2)
            rows.append((customer_id, day.isoformat(), amount, 1.0, PRODUCTS[int(rng.integers(len(PRODUCTS)))]))
    conn.executemany("INSERT INTO transactions(customer_id, txn_date, amount, quantity, product)"
                     " VALUES (?, ?, ?, ?, ?)", rows)
    promotions.record_outcome(conn, plan_id, participants, walk_ins=spec.walk_ins,
                              new_customers_extra=spec.new_extra, review=spec.review, by=BY)
    return len(rows)


def _upcoming(conn: sqlite3.Connection, areas: dict, circle_of: dict, as_of: date) -> int:
    """An approved community activity ten days ahead (a few items ticked) and a draft."""
    made = 0
    if "community" in areas:
        plan = _plan("community", areas["community"], "重阳敬老茶话会", as_of + timedelta(days=10),
                     (("茶点", 40, 15.0), ("敬老礼品", 40, 30.0), ("场地布置", 1, 200.0)))
        plan.goal, plan.activity_type = "loyalty", "holiday"
        if "community" in circle_of:
            plan.circle_id = circle_of["community"]
            plan.audience = Audience(circle_ids=(circle_of["community"],))
        plan_id = promotions.save(conn, plan, BY)
        promotions.set_status(conn, plan_id, promotions.APPROVED, BY)
        for key in ("site", "cost", "staff"):
            promotions.tick(conn, plan_id, "before", key, True, BY)
        made += 1
    if "commercial_district" in areas:
        plan = _plan("commercial_district", areas["commercial_district"], "商户会员日",
                     as_of + timedelta(days=21), (("会员卡制作", 200, 2.0), ("宣传海报", 20, 15.0)))
        promotions.save(conn, plan, BY)
        made += 1
    return made
