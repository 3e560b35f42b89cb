"""Key accounts for the demo archive (DOMAIN.md §4, §2a).

Called by ``model.demo.demo`` inside its transaction: one national KA with three regions
and three regional KAs, 5-15 stores each, their KA teams, contacts with a KeyMan,
merchandising commitments (for all stores and for single stores), store checks over
the past months (some with a photo drawn here) and monthly volume against target
whose year-to-date lands in different reward tiers (first, second, third, none).
Everything goes through the model's own functions, validated like a manager's
entries; the same seed gives the same choices.
"""
from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np

from model.partners import evidence
from model.key_accounts import ka_volumes, key_accounts as ka, store_checks as sc

BY = "李经理"   # the demo book is 李经理's (model.demo.demo)


@dataclass(frozen=True)
class _Chain:
    name: str
    scope: str
    channel: str
    head_office: str
    city: str
    regions: tuple[tuple[str, str, str], ...]   # (code, name, city)
    stores: int
    year_volume: float                         # year-to-date volume the months add up to
    keyman: tuple[str, str]
    team: tuple[tuple[str, str], ...]


_CHAINS = (
    _Chain("万家福连锁超市", ka.NATIONAL, "大卖场", "上海市浦东新区张杨路1188号", "上海",
           (("10", "华东大区", "上海"), ("20", "华南大区", "广州"), ("30", "华北大区", "北京")), 14, 6200,
           ("周建国", "采购总监"),
           (("manager", "陈志远"), ("service", "林晓雯"), ("operation", "赵磊"), ("merchandiser", "小周"),
            ("merchandiser", "小吴"))),
    _Chain("苏惠生活超市", ka.REGIONAL, "社区超市", "南京市鼓楼区中山北路88号", "南京", (), 9, 2450,
           ("孙丽华", "品类经理"), (("manager", "陈志远"), ("service", "林晓雯"), ("merchandiser", "小周"))),
    _Chain("吉祥便利店", ka.REGIONAL, "便利店", "杭州市西湖区文三路256号", "杭州", (), 7, 1320,
           ("钱伟", "运营副总"), (("manager", "王海燕"), ("operation", "赵磊"), ("merchandiser", "小郑"))),
    _Chain("鑫隆购物广场", ka.REGIONAL, "百货超市", "合肥市蜀山区长江西路500号", "合肥", (), 5, 640,
           ("吴春梅", "总经理"), (("manager", "王海燕"), ("merchandiser", "小郑"))),
)

_STREETS = ("人民路", "解放路", "建设路", "中山路", "和平路", "新华路", "长江路", "黄河路", "文化路", "青年路",
            "光明路", "幸福路", "胜利路", "朝阳路", "滨江路")
_PLACES = ("万达店", "火车站店", "大学城店", "新区店", "老城店", "湖滨店", "高铁站店", "开发区店", "步行街店",
           "体育中心店", "科技园店", "江北店", "东站店", "西城店", "南湖店")
_ACCOUNT_COMMITMENTS = (
    ("display", "主通道端架1组，饮料满陈列，价签齐全"),
    ("pos_material", "入口海报与货架跳跳卡，每月更换"),
    ("shopper_guidance", "周末导购员1名，负责试饮与新品讲解"),
)
_STORE_COMMITMENTS = (
    ("promotion", "堆头促销：买二送一，活动期4周"),
    ("display", "冷柜第一层50%排面"),
    ("promotion", "收银台旁小堆箱陈列"),
)
_NOTES = {sc.COMPLIANT: ("陈列完整", "价签清楚", "导购到岗", ""),
          sc.PARTLY: ("排面不足一半", "海报褪色未换", "导购只在上午"),
          sc.NOT_COMPLIANT: ("端架被竞品占用", "堆头未搭", "无导购"),
          sc.NOT_CHECKED: ("店长不在，未能确认",)}
_CONTACT_ROLES = ("店长", "采购专员", "财务对账", "区域经理")
_CONTACT_NAMES = ("刘洋", "张敏", "黄婷", "马超", "郑佳", "何静", "罗斌", "梁红", "谢飞", "韩雪", "唐亮", "冯娟")


def _shelf_photo(rng: np.random.Generator, seed: int) -> bytes:
    """A small picture of a shelf (rows of coloured packs), as a manager's phone photo would show one."""
    from PIL import Image, ImageDraw
    image = Image.new("RGB", (320, 240), (236, 232, 222))
    draw = ImageDraw.Draw(image)
    palette = [(196, 30, 58), (230, 126, 34), (39, 96, 146), (46, 139, 87), (240, 240, 240)]
    for shelf in range(4):
        y = 20 + shelf * 55
        draw.rectangle((10, y + 42, 310, y + 48), fill=(120, 110, 100))
        x = 14
        while x < 300:
            w = int(rng.integers(14, 26))
            colour = palette[int(rng.integers(0, len(palette)))] if rng.random() > 0.1 else (236, 232, 222)
            draw.rectangle((x, y + int(rng.integers(4, 12)), x + w, y + 42), fill=colour, outline=(60, 60, 60))
            x += w + 3
    draw.text((12, 4), f"IMG_{seed:04d}", fill=(90, 90, 90))
    out = io.BytesIO()
    image.save(out, format="JPEG", quality=80)
    return out.getvalue()


def _phone(rng: np.random.Generator) -> str:
    return f"1{int(rng.choice([36, 37, 38, 39, 58, 59, 86, 87]))}{int(rng.integers(0, 10**8)):08d}"


def add_key_accounts(conn, rng: np.random.Generator, as_of: date) -> dict:
    """Add the demo KAs; returns counts (key_accounts, stores, store_checks, photos)."""
    today = min(as_of, date.today())
    counts = {"key_accounts": 0, "stores": 0, "store_checks": 0, "photos": 0}
    photo_seed = 0
    for n, chain in enumerate(_CHAINS):
        account = ka.create_account(conn, {"name": chain.name, "scope": chain.scope, "channel": chain.channel,
                                           "head_office": chain.head_office,
                                           "notes": "总部直供，年度合作协议" if chain.scope == ka.NATIONAL else None},
                                    BY)
        counts["key_accounts"] += 1
        ka.set_team(conn, account, list(chain.team), BY)
        for code, name, _city in chain.regions:
            ka.save_store(conn, account, {"kind": ka.REGION, "code": code, "name": name}, BY)
        stores = []
        places = rng.permutation(len(_PLACES))[:chain.stores]
        for k, place in enumerate(places):
            region = chain.regions[k % len(chain.regions)] if chain.regions else None
            city = region[2] if region else chain.city
            street = _STREETS[int(rng.integers(0, len(_STREETS)))]
            code = f"{n + 1}{k + 1:03d}"
            stores.append(ka.save_store(conn, account, {
                "code": code, "name": f"{city}{_PLACES[place]}", "parent": region[0] if region else None,
                "city": city, "address": f"{city}市{street}{int(rng.integers(1, 400))}号"}, BY))
        counts["stores"] += len(stores)
        ka.save_contact(conn, account, {"name": chain.keyman[0], "role": chain.keyman[1], "phone": _phone(rng),
                                        "is_keyman": True}, BY)
        for j in range(int(rng.integers(2, 4))):
            ka.save_contact(conn, account, {
                "name": _CONTACT_NAMES[(n * 3 + j) % len(_CONTACT_NAMES)], "role": _CONTACT_ROLES[j],
                "phone": _phone(rng), "store_id": stores[j] if _CONTACT_ROLES[j] == "店长" else None}, BY)
        start = (today - timedelta(days=200)).isoformat()
        for kind, text in _ACCOUNT_COMMITMENTS[: 3 if n < 2 else 2]:
            ka.save_commitment(conn, account, {"kind": kind, "description": text, "starts_on": start}, BY)
        for store in stores[: max(2, len(stores) // 3)]:
            kind, text = _STORE_COMMITMENTS[int(rng.integers(0, len(_STORE_COMMITMENTS)))]
            ka.save_commitment(conn, account, {"kind": kind, "description": text, "store_id": store,
                                               "starts_on": (today - timedelta(days=150)).isoformat()}, BY)
        # Store checks over the past months; compliance improves a little over time.
        quality = (0.75, 0.6, 0.5, 0.35)[n]
        for store in stores:
            for months_ago in sorted(rng.choice(np.arange(0, 6), size=int(rng.integers(1, 4)), replace=False),
                                     reverse=True):
                day = today - timedelta(days=int(months_ago) * 30 + int(rng.integers(1, 20)))
                items = []
                for commitment in ka.commitments(conn, account, store, on=day):
                    p = min(0.95, quality + 0.04 * (5 - int(months_ago)))
                    result = str(rng.choice([sc.COMPLIANT, sc.PARTLY, sc.NOT_COMPLIANT, sc.NOT_CHECKED],
                                            p=[p * 0.8, p * 0.2, (1 - p) * 0.85, (1 - p) * 0.15]))
                    notes = _NOTES[result]
                    item = sc.ItemResult.of(commitment, result, notes[int(rng.integers(0, len(notes)))] or None)
                    if commitment.kind in ("display", "promotion") and rng.random() < 0.35:
                        photo_seed += 1
                        item.evidence_id = evidence.add(conn, _shelf_photo(rng, photo_seed),
                                                        f"IMG_{photo_seed:04d}.jpg", BY)
                        counts["photos"] += 1
                    items.append(item)
                if items:
                    checker = chain.team[-1][1]
                    sc.record(conn, store, day, checker, items, BY,
                              note="例行巡店" if rng.random() < 0.7 else "促销期间检查")
                    counts["store_checks"] += 1
        _volumes(conn, rng, account, chain, today)
    return counts


def _volumes(conn, rng: np.random.Generator, account: int, chain: _Chain, today: date) -> None:
    """Monthly volume and target this year up to last month (adding up to the chain's
    year-to-date), and last year's figure for the ranking."""
    months = max(1, today.month - 1) if today.month > 1 else 1
    weights = rng.uniform(0.7, 1.3, size=months)
    shares = np.round(chain.year_volume * weights / weights.sum())
    shares[-1] = chain.year_volume - shares[:-1].sum()
    target_month = round(chain.year_volume * rng.uniform(0.95, 1.15) / months, -1)
    for month, volume in enumerate(shares, 1):
        ka_volumes.set_volume(conn, account, f"{today.year}-{month:02d}", float(volume), target_month, BY)
    ka_volumes.set_volume(conn, account, str(today.year - 1), round(chain.year_volume * rng.uniform(0.8, 1.1), -1),
                  round(chain.year_volume, -2), BY)
