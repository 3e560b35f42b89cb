"""Partners and their 101 checklists for the demo archive (DOMAIN.md §3).

Called by ``model.demo.demo`` inside its transaction, after the customers: six partners
(distributors and wholesalers) in commercial, industrial and community areas, each
with contacts (the KeyMan marked), a 101 agreement, outlets linked to customers of
its area, three to five checklist runs over the past year (some improving, some
declining, some items N/A; one run with a photo of the warehouse as evidence),
follow-up actions (two open ones due within the next week) and monthly targets
with actuals (entered, or from the outlets' transactions), one partner below
target in the last two months. Everything goes through ``model.partners.partners`` and
``model.partners.checklists``, so it is validated like a manager's own entries.
"""
from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np

from model.partners import checklists, evidence, partner_outlets, partners
from model.archive.database import sqlite3

BY = "李经理"   # the demo book is 李经理's (model.demo.demo)


@dataclass(frozen=True)
class _Spec:
    name: str
    kind: str
    area_type: str
    trend: float           # change of the chance an item is met per run (+ improving, - declining)
    start: float           # chance an item is met at the first run
    runs: int
    keyman: tuple[str, str, str]
    others: tuple[tuple[str, str], ...]
    actuals: str           # 'entered', 'transactions' or 'below' (entered, below target the last two months)


_SPECS = (
    _Spec("华兴食品批发有限公司", "distributor", "commercial", 0.08, 0.55, 5, ("王建国", "总经理", "13901012345"),
          (("刘敏", "仓库主管"), ("陈晓", "业务员")), "transactions"),
    _Spec("顺达商贸", "wholesaler", "commercial", -0.09, 0.85, 4, ("赵德胜", "老板", "13801234567"),
          (("赵小燕", "财务"),), "below"),
    _Spec("东城快消品配送中心", "distributor", "community", 0.05, 0.65, 4, ("孙立", "配送经理", "13611112222"),
          (("周强", "司机班长"),), "entered"),
    _Spec("工业园区副食批发部", "wholesaler", "industrial_park", 0.0, 0.7, 3, ("钱伟", "店主", "13722223333"),
          (), "entered"),
    _Spec("惠民连锁便利", "retailer", "community", 0.06, 0.6, 4, ("李红", "采购经理", "13533334444"),
          (("吴刚", "店长"),), "transactions"),
    _Spec("北郊粮油饮料批发", "wholesaler", "commercial", -0.04, 0.75, 3, ("郑海", "总经理", "13944445555"),
          (("郑小海", "业务"),), "entered"),
)

_COMMITMENTS = {
    ("partner", "coverage"): "覆盖{territory}约定网点{count}家，按网点清单服务",
    ("partner", "targets"): "按月完成分销目标，季度复盘",
    ("partner", "warehouse"): "仓库干净干燥，先进先出，每月盘点",
    ("partner", "delivery"): "订单48小时内送达",
    ("ours", "logistics"): "每周两次配货，旺季加一次",
    ("ours", "information"): "每月初提供价格表和促销日历",
    ("ours", "merchandising"): "提供陈列物料，生动化人员每月走访重点网点",
    ("ours", "incentives"): "完成季度目标返利2%",
}
_OUTLET_KINDS = ("便利店", "超市", "小卖部", "餐馆", "烟酒店")
_ACTION_TEXTS = {
    "warehouse": "整理仓库，补齐先进先出标识",
    "delivery": "核对超时订单，调整送货路线",
    "outlet_coverage": "补齐未覆盖网点的首次送货",
    "distribution_targets": "制定下月补量计划",
    "performance_review": "约定季度绩效复盘会议",
    "signed_agreement": "续签101合作协议",
    "forms_workflow": "统一退货单据并存档",
}


def _area(conn: sqlite3.Connection, area_type: str | None, skip: set[int]) -> sqlite3.Row | None:
    """The area of this type (any type: None) with the most customers that no partner has yet."""
    rows = conn.execute(
        "SELECT a.id, a.name, a.latitude, a.longitude, count(c.id) AS n FROM areas a"
        " JOIN customers c ON c.area_id = a.id AND c.deleted_at IS NULL WHERE ? IS NULL OR a.area_type = ?"
        " GROUP BY a.id ORDER BY n DESC, a.id", (area_type, area_type)).fetchall()
    return next((r for r in rows if r["id"] not in skip), None)


def _photo() -> bytes:
    """A small picture of a warehouse shelf (drawn), as a phone would send it (JPEG)."""
    from PIL import Image, ImageDraw
    image = Image.new("RGB", (480, 360), (236, 232, 222))
    draw = ImageDraw.Draw(image)
    for shelf in range(3):
        y = 70 + shelf * 100
        draw.rectangle((30, y + 60, 450, y + 70), fill=(120, 90, 60))
        for k in range(9):
            x = 40 + k * 45
            colour = ((200, 40, 40), (40, 90, 170), (230, 180, 40))[(k + shelf) % 3]
            draw.rectangle((x, y, x + 36, y + 58), fill=colour, outline=(60, 60, 60))
    draw.rectangle((0, 0, 479, 359), outline=(90, 90, 90), width=4)
    out = io.BytesIO()
    image.save(out, "JPEG", quality=80)
    return out.getvalue()


def _months_before(as_of: date, count: int) -> list[str]:
    year, month = as_of.year, as_of.month
    keys = []
    for _ in range(count):
        month -= 1
        if month == 0:
            year, month = year - 1, 12
        keys.append(f"{year}-{month:02d}")
    return list(reversed(keys))


def _run_results(template, rng: np.random.Generator, n: int, chance: float) -> dict:
    """The results of the n-th checklist run: each item met with the given chance."""
    results = {}
    for item in template.items:
        if item.key.startswith("our_") and rng.random() < 0.15:
            value = "na"
        elif item.key == "our_incentives" and n == 0:
            value = "na"           # no incentive period had ended at the first review
        else:
            value = "met" if rng.random() < chance else "not_met"
        note = ""
        if value == "not_met" and item.key in _ACTION_TEXTS:
            note = "现场检查未达标"
        results[item.key] = checklists.Result(item.key, value, note)
    return results


def _run_actions(results: dict, spec, day: date, as_of: date, still_open: bool, open_left: int) -> list:
    """The follow-up actions for a run's first two missed items (due soon when still_open)."""
    actions = []
    misses = [k for k, r in results.items() if r.result == "not_met" and k in _ACTION_TEXTS]
    for key in misses[:2]:
        owner = spec.keyman[0] if key != "signed_agreement" else BY
        due_on = day + timedelta(days=21)
        if still_open:
            due_on = as_of + timedelta(days=3 if open_left == 2 else 6)
        actions.append(checklists.Action(_ACTION_TEXTS[key], owner, due_on, key))
    return actions


def add_partners(conn: sqlite3.Connection, rng: np.random.Generator, as_of: date) -> dict:
    """Add the demo partners; returns counts (partners, partner_outlets, checklist_runs,
    partner_open_actions, evidence)."""
    counts = {"partners": 0, "partner_outlets": 0, "checklist_runs": 0, "partner_open_actions": 0, "evidence": 0}
    template = checklists.current_template()
    taken: set[int] = set()
    photo_done = False
    open_left = 2
    for spec in _SPECS:
        area = _area(conn, spec.area_type, taken) or _area(conn, None, taken)
        if area is None:
            continue
        taken.add(area["id"])
        lat = lon = None
        if area["latitude"] is not None:
            lat = round(float(area["latitude"]) + float(rng.normal(0, 0.002)), 6)
            lon = round(float(area["longitude"]) + float(rng.normal(0, 0.002)), 6)
        partner_id = partners.create(conn, partners.Partner(
            spec.name, spec.kind, area["name"], f"{area['name']}{int(rng.integers(1, 200))}号", lat, lon,
            spec.keyman[2], BY, None), BY)
        counts["partners"] += 1
        people = [partners.PartnerContact(spec.keyman[0], spec.keyman[1], spec.keyman[2], True)]
        for name, role in spec.others:
            people.append(partners.PartnerContact(name, role, f"13{int(rng.integers(100000000, 999999999))}"))
        partners.set_contacts(conn, partner_id, people)

        customers = [r[0] for r in conn.execute(
            "SELECT id FROM customers WHERE area_id = ? AND deleted_at IS NULL ORDER BY id", (area["id"],))]
        chosen = sorted(rng.choice(customers, size=min(len(customers), int(rng.integers(8, 16))), replace=False)) \
            if customers else []
        names = {r[0]: r[1] for r in conn.execute(
            "SELECT id, name FROM customers WHERE id IN (%s)" % ",".join("?" * len(chosen)),
            [int(c) for c in chosen])} \
            if chosen else {}
        outlets = [partner_outlets.Outlet(f"{names[int(c)][0]}记{_OUTLET_KINDS[k % len(_OUTLET_KINDS)]}",
                                   f"{area['name']}{k + 1}号铺", None, _OUTLET_KINDS[k % len(_OUTLET_KINDS)], int(c))
                   for k, c in enumerate(chosen)]
        counts["partner_outlets"] += partner_outlets.add_outlets(conn, partner_id, outlets, BY)

        starts = date(as_of.year - 1, as_of.month, 1)
        partners.save_agreement(conn, partner_id, partners.Agreement(
            starts - timedelta(days=10), starts, date(starts.year + 2, starts.month, 1) - timedelta(days=1),
            "年度101合作协议",
            [partners.Commitment(side, topic, text.format(territory=area["name"], count=len(outlets)))
             for (side, topic), text in _COMMITMENTS.items()]))

        # Checklist runs over the past year, oldest first.
        for n in range(spec.runs):
            day = as_of - timedelta(days=int(350 - n * (330 / max(1, spec.runs - 1))) + int(rng.integers(0, 6)))
            chance = min(0.98, max(0.1, spec.start + spec.trend * n))
            results = _run_results(template, rng, n, chance)
            last = n == spec.runs - 1
            if last and not photo_done and spec.actuals == "transactions":
                results["warehouse"].evidence_ids.append(evidence.add(conn, _photo(), "仓库照片.jpg", BY))
                results["warehouse"].note = results["warehouse"].note or "货架整齐，先进先出标识清楚"
                photo_done = True
                counts["evidence"] += 1
            actions = _run_actions(results, spec, day, as_of, last and open_left > 0, open_left)
            run = checklists.Run(partner_id, day, BY, results, actions, template=template)
            checklists.save_run(conn, run, BY)
            counts["checklist_runs"] += 1
            for action in actions:
                if action.due_on <= as_of:
                    partners.complete_action(conn, action.id, BY, "已整改，复查通过", action.due_on)
                else:
                    counts["partner_open_actions"] += 1
                    if last:
                        open_left -= 1

        # Monthly targets of the last six months and the running one, on the scale of what the
        # outlets bought. Actuals: from those transactions, or reported by the partner (entered;
        # a little more, as it serves outlets that are not our customers too).
        months = _months_before(as_of, 6) + [f"{as_of.year}-{as_of.month:02d}"]
        linked = [int(c) for c in chosen]
        ended = [m for m in months if partners.period_range(m)[1] < as_of]
        target = None
        for month in months:
            start, end = partners.period_range(month)
            sold = conn.execute(
                "SELECT coalesce(sum(amount), 0) FROM transactions WHERE customer_id IN (%s)"
                " AND txn_date BETWEEN ? AND ?" % ",".join("?" * len(linked)),
                [*linked, start.isoformat(), end.isoformat() + "T99"]).fetchone()[0] if linked else 0
            if sold <= 0:
                continue
            if end < as_of or target is None:
                target = max(100.0, round(float(sold) * float(rng.uniform(0.85, 0.97)), -2))
            actual = None
            if end < as_of and spec.actuals != "transactions":
                if spec.actuals == "below" and month in ended[-2:]:
                    actual = round(target * float(rng.uniform(0.7, 0.9)), -2)
                else:
                    actual = round(float(sold) * float(rng.uniform(1.0, 1.15)), -2)
            partners.set_target(conn, partner_id, month, target, actual)
    return counts
