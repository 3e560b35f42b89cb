"""A realistic demo archive: one manager's book (800 customers) up to 1,000,000.

Everything comes from one seeded random generator, so the same seed and the
same ``as_of`` date give the same archive, row for row. The city is Hangzhou:
areas of every area type spread over about 15 km, customers within about
300 m of their area's centre. Segmentation codes come from
``rules.dimensions()`` and are correlated the way a manager would expect
(older customers are more conservative, business owners richer, ...); a
dimension a branch added gets an even spread. Transactions cover the twelve
months up to ``as_of`` with heavy-tailed amounts, so a Pareto A/B/C grading
has something to find.

The work is vectorised with numpy and written with ``executemany`` from
generators, customers in chunks, all in one transaction.
"""
from __future__ import annotations

import contextlib
import math
from datetime import date
from pathlib import Path

import numpy as np

from model.archive import database
from model.core import rules
from model.demo.demo_history import RECENT_DAYS as RECENT_HISTORY_DAYS
from model.core.i18n import translate
from model.core.progress import NO_PROGRESS, Progress

MAX_CUSTOMERS = 1_000_000
CUSTOMERS_PER_MANAGER = 800
CHUNK = 20_000  # customers generated and written per step

CITY = "杭州市"
CENTRE = (30.2741, 120.1551)  # Hangzhou, West Lake's east shore
CITY_RADIUS_KM = 7.5
AREA_RADIUS_KM = 0.3

# Surnames with their share in per cent (national statistics, rounded).
SURNAMES = (
    "王 7.12 李 7.00 张 6.74 刘 5.10 陈 4.61 杨 3.22 黄 2.45 赵 2.19 吴 2.00 周 1.95 "
    "徐 1.45 孙 1.38 马 1.29 朱 1.26 胡 1.16 郭 1.15 何 1.06 林 1.01 高 1.00 罗 0.95 "
    "郑 0.86 梁 0.81 谢 0.69 宋 0.66 唐 0.63 许 0.62 韩 0.61 冯 0.59 邓 0.59 曹 0.56 "
    "彭 0.55 曾 0.54 肖 0.52 田 0.51 董 0.50 潘 0.48 袁 0.48 蔡 0.46 蒋 0.45 余 0.44 "
    "于 0.43 杜 0.43 叶 0.42 程 0.40 魏 0.39 苏 0.39 吕 0.38 丁 0.37 任 0.36 卢 0.35 "
    "沈 0.35 姚 0.34 钟 0.33 姜 0.33 崔 0.32 谭 0.31 陆 0.31 范 0.30 汪 0.30 廖 0.29 "
    "石 0.29 金 0.28 韦 0.27 贾 0.27 夏 0.26 付 0.26 方 0.25 邹 0.24 熊 0.24 白 0.24 "
    "孟 0.23 秦 0.23 邱 0.22 侯 0.22 江 0.22 尹 0.21 薛 0.21 闫 0.20 段 0.20 雷 0.20 "
    "龙 0.19 黎 0.19 史 0.19 陶 0.18 贺 0.18 毛 0.17 郝 0.17 顾 0.17 龚 0.16 邵 0.16 "
    "万 0.15 覃 0.15 武 0.15 钱 0.14 戴 0.14 严 0.14 莫 0.13 孔 0.13 向 0.13 常 0.12 "
    "汤 0.12 康 0.12 易 0.11 乔 0.11 赖 0.11 文 0.11 施 0.10 洪 0.10 牛 0.10 章 0.10 "
    # Surnames read differently from the character's everyday reading (单 Shan, 解 Xie,
    # 区 Ou, 仇 Qiu, 朴 Piao, 查 Zha, 盖 Ge, 乐 Yue, 缪 Miao, 翟 Zhai, 繁 Po) and compound
    # surnames, a little over-represented so search by pinyin can be shown on them.
    "单 0.30 解 0.30 区 0.20 仇 0.20 朴 0.20 查 0.30 盖 0.15 乐 0.20 缪 0.20 翟 0.20 "
    "繁 0.08 欧阳 0.15 司马 0.05 诸葛 0.05 上官 0.05 尉迟 0.04"
).split()
SURNAME_CHARS = tuple(SURNAMES[0::2])
SURNAME_WEIGHTS = np.array([float(w) for w in SURNAMES[1::2]])

MALE_CHARS = tuple("伟强磊军勇杰涛明超刚平辉鹏华飞鑫波斌宇浩凯健俊帆帅旭宁龙林阳峰建国志兵东海成晨"
                   "博文子轩睿翔毅锋亮庆")
FEMALE_CHARS = tuple("芳娜敏静丽艳娟霞秀英玲婷雪慧莹琳洁燕红梅晶颖倩欣怡佳悦琪萍兰月凤丹蕾璐瑶雯"
                     "诗梦晓彤")

DISTRICTS = ("西湖区", "上城区", "拱墅区", "滨江区", "萧山区", "余杭区", "临平区", "钱塘区")
ROADS = ("文三路", "教工路", "莫干山路", "延安路", "庆春路", "解放路", "凤起路", "天目山路", "学院路",
         "古墩路", "文一西路", "江南大道", "滨盛路", "秋涛路", "建国路", "中山路", "体育场路",
         "环城北路", "之江路", "钱江路", "丰潭路", "石桥路", "德胜路", "东新路")

# Area names per area type: prefix × suffix, so there are enough distinct names.
AREA_NAMES = {
    "community": (
        "阳光 金色 翠苑 绿城 桂花 紫金 和睦 幸福 东方 锦绣 碧水 蓝天 春江 钱江 西溪 湖畔 丹桂 香樟 "
        "玉泉 文鼎 万科 华润 保利 景芳 三塘 朝晖 采荷 南苑 北城 枫林",
        "花园小区 家园 新村 公寓 名苑 雅苑 华庭 嘉园 小区 苑"),
    "industrial_park": (
        "高新 滨江 萧山 钱塘 余杭 临平 下沙 良渚 九堡 转塘 江东 仁和 瓶窑 义蓬",
        "工业园 科技园 产业园 创业园 智造园 物流园 经济开发区"),
    "campus": (
        "浙江 杭州 城西 钱江 西湖 之江 求是 江南 东方 育才",
        "理工大学 师范大学 财经大学 职业技术学院 医学院 外国语学校 第一中学 实验小学 科技学院"),
    "office_building": (
        "国贸 世贸 银泰 财富 环球 中天 嘉里 元华 浙商 华浙 黄龙 恒隆 东部 浙江",
        "大厦 中心 国际中心 金融大厦 商务楼 写字楼"),
    "commercial_district": (
        "万达 银泰 龙湖 吾悦 大悦 印象 湖滨 武林 四季青 庆春 下城 拱宸",
        "广场 天街 城 商业街 服装市场 小商品市场 农贸市场 建材市场"),
}
# Share of areas of each type, and how far from the centre they lie (km).
AREA_TYPE_SHARE = {"community": 0.50, "industrial_park": 0.12, "campus": 0.10,
                   "office_building": 0.14, "commercial_district": 0.14}
AREA_TYPE_RING = {"community": (0.0, 1.0), "industrial_park": (0.6, 1.0), "campus": (0.3, 1.0),
                  "office_building": (0.0, 0.5), "commercial_district": (0.0, 0.7)}

# Age bands (code → years) so birth dates agree with the age dimension.
AGE_YEARS = {"1.1": (0, 6), "1.2": (7, 22), "1.3": (23, 34), "1.4": (35, 49), "1.5": (50, 84)}

# How each dimension is spread: the share of customers whose value is unknown, and the
# weights of its codes, either flat ("*") or depending on another dimension's code
# (None: no value, e.g. a child has no occupation type).
DIMENSION_SPREAD: dict[str, tuple[float, str | None, dict[str, dict]]] = {
    "age": (0.05, None, {"*": {"1.1": 2, "1.2": 6, "1.3": 34, "1.4": 33, "1.5": 25}}),
    "family": (0.15, "age", {
        "1.1": {"2.3": 60, "2.4": 40}, "1.2": {"2.1": 20, "2.3": 50, "2.4": 30},
        "1.3": {"2.1": 40, "2.2": 30, "2.3": 25, "2.4": 5},
        "1.4": {"2.1": 8, "2.2": 15, "2.3": 60, "2.4": 17},
        "1.5": {"2.1": 7, "2.2": 48, "2.3": 10, "2.4": 35},
        "*": {"2.1": 25, "2.2": 25, "2.3": 35, "2.4": 15}}),
    "occupation": (0.10, "age", {
        "1.1": {None: 1}, "1.2": {"3.3": 10, None: 90},
        "1.3": {"3.1": 8, "3.2": 7, "3.3": 75, "3.4": 10},
        "1.4": {"3.1": 15, "3.2": 15, "3.3": 60, "3.4": 10},
        "1.5": {"3.1": 8, "3.2": 7, "3.3": 25, "3.4": 60},
        "*": {"3.1": 10, "3.2": 10, "3.3": 60, "3.4": 20}}),
    "schedule": (0.20, "occupation", {
        "3.1": {"6.1": 20, "6.2": 10, "6.3": 50, "6.4": 20},
        "3.2": {"6.1": 65, "6.3": 20, "6.4": 15},
        "3.3": {"6.1": 70, "6.3": 10, "6.4": 20},
        "3.4": {"6.2": 70, "6.3": 25, "6.4": 5},
        "*": {"6.1": 45, "6.2": 25, "6.3": 20, "6.4": 10}}),
    "risk_appetite": (0.35, "age", {
        "1.3": {"7.1": 30, "7.2": 40, "7.3": 30}, "1.4": {"7.1": 45, "7.2": 40, "7.3": 15},
        "1.5": {"7.1": 75, "7.2": 20, "7.3": 5}, "*": {"7.1": 50, "7.2": 30, "7.3": 20}}),
    "channel": (0.10, "age", {
        "1.1": {"9.1": 40, "9.2": 60}, "1.2": {"9.1": 20, "9.2": 80},
        "1.3": {"9.1": 25, "9.2": 75}, "1.4": {"9.1": 50, "9.2": 50},
        "1.5": {"9.1": 80, "9.2": 20}, "*": {"9.1": 50, "9.2": 50}}),
}
# Dimensions ordered from richest to poorest value, drawn from the customer's wealth.
WEALTH_SPREAD: dict[str, tuple[float, float, dict[str, float]]] = {
    "financial_assets": (0.30, 0.85, {"4.1": 2.5, "4.2": 9, "4.3": 16, "4.4": 37, "4.5": 35.5}),
    "property": (0.30, 0.75, {"5.1": 10, "5.2": 15, "5.3": 25, "5.4": 25, "5.5": 25}),
    "consumption": (0.20, 0.70, {"8.1": 12, "8.2": 45, "8.3": 43}),
}

OCCUPATIONS = {
    "3.1": ("个体工商户", "企业主", "餐馆老板", "贸易公司老板", "工厂老板", "网店店主"),
    "3.2": ("部门经理", "公务员", "事业单位干部", "总监", "副总经理", "银行支行长"),
    "3.3": ("教师", "护士", "医生", "工程师", "会计", "销售", "程序员", "司机", "工人", "店员",
            "设计师", "快递员", "文员", "厨师", "保安"),
}
EMPLOYER_WORDS = ("华信", "达恒", "瑞宏", "盛鑫", "诚泰", "安丰", "通远", "新源", "恒达", "宏图",
                  "聚力", "同创", "汇通", "天元", "博远", "中立")
EMPLOYER_TRADES = ("科技", "电子", "贸易", "建设", "物流", "餐饮", "服饰", "医药", "食品", "机械",
                   "网络", "装饰")
HOSPITALS = ("浙江省人民医院", "杭州市第一人民医院", "杭州市中医院", "浙大二院")
SOURCES = ("网点到访", "社区活动", "转介绍", "电话营销", "线上渠道", "代发工资", "存量客户",
           "外拓地推", "老带新")
NEEDS = ("子女教育金规划", "养老规划", "房贷提前还款咨询", "稳健理财", "资产配置", "车险续保",
         "信用卡提额", "外汇兑换", "大额存单", "医疗保险")
PRODUCTS_HELD = ("借记卡", "信用卡", "手机银行", "理财产品", "基金", "保险", "大额存单", "贵金属",
                 "代发工资", "房贷")
TAGS = ("VIP", "车主", "广场舞", "宠物", "退休教师", "新市民", "个体户", "跑步", "书法", "亲子")
NOTES = ("喜欢上午来网点", "周末在家可上门", "对收益率敏感", "子女在外地工作", "只接受电话联系",
         "老客户关系好", "习惯用微信沟通", "晚上七点后方便")
COMPLAINTS = ("排队时间过长", "手续费不清楚", "理财收益不及预期", "电话推销太频繁")

# Products sold: name, amount factor, share of transactions.
CATALOGUE = (("大额存单", 20.0, 0.08), ("理财产品", 10.0, 0.16), ("基金定投", 1.0, 0.22),
             ("保险", 3.0, 0.10), ("贵金属", 2.0, 0.06), ("国债", 8.0, 0.06),
             ("信用卡分期", 0.8, 0.14), ("生活缴费", 0.05, 0.18))

CONTACT_PURPOSES = ("产品推荐", "到期提醒", "生日关怀", "节日问候", "客户回访", "需求了解",
                    "活动邀约", "资料更新", "投诉处理回访", "理财规划")
CONTACT_RESULTS = ("有意向需再跟进", "已办理", "暂无需求", "约定下次面谈", "客户不在已留言",
                   "已发送产品资料", "满意", "考虑中")
NEXT_STEPS = ("电话跟进", "上门拜访", "发送产品资料", "邀请参加社区活动", "办理业务", "定期回访")
# Channel shares (visit, phone, sms, online) by channel preference code.
CHANNEL_MIX = {"9.1": (0.50, 0.35, 0.05, 0.10), "9.2": (0.10, 0.30, 0.25, 0.35),
               None: (0.30, 0.35, 0.15, 0.20)}
CHANNELS = ("visit", "phone", "sms", "online")
MOBILE_PREFIXES = (130, 131, 132, 133, 135, 136, 137, 138, 139, 150, 151, 152, 153, 155, 156,
                   157, 158, 159, 166, 173, 176, 177, 180, 181, 182, 183, 185, 186, 187, 188,
                   189, 191, 198, 199)


def build_demo(path: Path | str, customers: int = 800, seed: int = 1,
               progress: Progress | None = None, as_of: date | None = None) -> dict:
    """Create a new archive at ``path`` filled with a demo book; returns the counts
    (customers, areas, managers, transactions, contacts, red_list).

    The archive is written in one transaction; if anything fails or the work is
    cancelled, the half-made file is removed again."""
    if not 1 <= customers <= MAX_CUSTOMERS:
        raise database.ArchiveError(
            translate("Demo", "A demo archive holds 1 to {most} customers; {count} was asked for.")
            .format(most=f"{MAX_CUSTOMERS:,}", count=f"{customers:,}"))
    path = Path(path)
    archive = database.Archive.create(path)
    try:
        with archive.transaction():
            counts = _fill(archive.conn, customers, seed, as_of or date.today(),
                           progress or NO_PROGRESS)
    except BaseException:
        created = archive.path
        archive.close()
        for leftover in (created, created.with_name(created.name + "-wal"),
                         created.with_name(created.name + "-shm")):
            with contextlib.suppress(OSError):
                leftover.unlink()
        raise
    archive.close()
    return counts


def grade_demo(path: Path | str):
    """Grade a demo archive as a manager would after loading it (value tier, RFM, persona
    as of the demo's date), so every screen has data; returns (as_of, grading.ApplyResult).
    The CLI's ``demo`` does it unless told not to, the first-run dialog's demo always."""
    from model import grading
    with database.Archive.open(path) as archive:
        as_of = date.fromisoformat(archive.conn.execute(
            "SELECT value FROM meta WHERE key = 'demo_as_of'").fetchone()[0])
        return as_of, grading.apply(archive.conn, grading.compute(grading.load_inputs(archive.conn, as_of)),
                                    by=grading.RULES_BY)


def plan_demo_week(path: Path | str, time_limit: float | None = None) -> dict:
    """The demo manager's plan for the rest of the demo's week and this month's targets
    (model.demo.demo_week), after ``grade_demo`` (the due list ranks by the grades), in one
    transaction; returns their counts (planned_visits, plan_start, plan_end, targets)."""
    from model.demo import demo_week
    with database.Archive.open(path) as archive:
        as_of = date.fromisoformat(archive.conn.execute(
            "SELECT value FROM meta WHERE key = 'demo_as_of'").fetchone()[0])
        with archive.transaction():
            return demo_week.add_week(archive.conn, as_of, time_limit=time_limit)


# -- the generator ------------------------------------------------------------------

class _Days:
    """ISO strings for day numbers (ordinals), looked up from a table built once."""

    def __init__(self, first: int, last: int):
        self.first = first
        self.table = np.array([date.fromordinal(o).isoformat() for o in range(first, last + 1)],
                              dtype=object)

    def iso(self, ordinals: np.ndarray) -> np.ndarray:
        return self.table[ordinals - self.first]


def _weights(codes: list, weights: dict | None, known: set | frozenset = frozenset()) -> np.ndarray | None:
    """Probabilities for ``codes`` (the rules' codes, which a branch may have changed);
    None when the table names none of them. A code no table here knows (``known``)
    is one a branch added: it gets the rarest weight, so it shows up."""
    if weights is None:
        return None
    rarest = min((v for k, v in weights.items() if k is not None and v > 0), default=0.0)
    w = np.array([float(weights.get(c, 0.0 if c in known or c is None else rarest)) for c in codes])
    if w.sum() <= 0:
        return None
    return w / w.sum()


def _is_none(values: np.ndarray) -> np.ndarray:
    return np.fromiter((v is None for v in values.tolist()), dtype=bool, count=len(values))


def _is_in(values: np.ndarray, wanted) -> np.ndarray:
    wanted = set(wanted)
    return np.fromiter((v in wanted for v in values.tolist()), dtype=bool, count=len(values))


def _choose(rng: np.random.Generator, pool, size: int, p=None) -> np.ndarray:
    """``size`` items of ``pool`` as an object array."""
    items = np.empty(len(pool), dtype=object)
    items[:] = list(pool)
    return items[rng.choice(len(pool), size=size, p=p)]


def _fill(conn, n: int, seed: int, as_of: date, progress: Progress) -> dict:
    rng = np.random.default_rng(seed)
    today = as_of.toordinal()
    days = _Days(today - 100 * 366, today + 366)
    world = _make_world(rng, n)
    _write_areas(conn, world)
    phones = _unique_mobiles(rng, n)

    total = n
    counts = {"customers": 0, "areas": len(world["names"]), "managers": len(world["managers"]),
              "transactions": 0, "contacts": 0, "red_list": 0}
    progress.report(0, total, translate("Demo", "Writing customers…"))
    for start in range(0, n, CHUNK):
        progress.check()
        ids = np.arange(start + 1, min(n, start + CHUNK) + 1)
        chunk = _customers(rng, ids, world, phones[start:start + len(ids)], days, today)
        _write_customers(conn, chunk)
        counts["customers"] += len(ids)
        counts["red_list"] += int(chunk["red"].sum())
        progress.check()
        counts["transactions"] += _write_transactions(conn, rng, chunk, days, today)
        progress.check()
        counts["contacts"] += _write_contacts(conn, rng, chunk, days, today)
        progress.report(counts["customers"], total, translate("Demo", "Writing customers…"))

    from model.demo.demo_marketing import add_marketing
    marketing = add_marketing(conn, rng, as_of)
    counts["transactions"] += marketing["transactions"]
    counts["circles"], counts["promotions"] = marketing["circles"], marketing["promotions"]
    from model.demo.demo_partners import add_partners   # its own random stream: the others' stay as they were
    counts.update(add_partners(conn, np.random.default_rng([seed, 101]), as_of))
    from model.demo.demo_ka import add_key_accounts
    counts.update(add_key_accounts(conn, rng, as_of))
    from model.demo.demo_opportunity import add_opportunities   # its own random stream, as the partners
    counts.update(add_opportunities(conn, np.random.default_rng([seed, 16]), as_of))
    from model.demo.demo_seed_grading import add_seed_grading   # its own random stream, as the partners
    seeded = add_seed_grading(conn, np.random.default_rng([seed, 19]), as_of)
    counts["contacts"] += seeded.pop("senior_calls", 0)
    counts.update(seeded)
    counts["contacts"] += _worked_book(conn, seed, as_of)
    from model.demo.demo_care import add_care   # its own random stream, as the partners
    counts.update(add_care(conn, np.random.default_rng([seed, 2020]), as_of))
    from model.demo.demo_lifecycle import add_older_history   # its own random stream, last: nothing above depends on it
    counts["transactions"] += add_older_history(conn, np.random.default_rng([seed, 21]), as_of, CATALOGUE)
    conn.executemany("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)",
                     [("demo", "1"), ("demo_seed", str(seed)), ("demo_as_of", as_of.isoformat())])
    return counts


def _worked_book(conn, seed: int, as_of: date) -> int:
    """The manager's contacts of the last months, kept to the book's cadences (issue 16):
    most customers contacted within their interval, a few overdue. Its own random
    stream, after everything the cadences depend on (tiers, opportunity grades)."""
    from model.demo.demo_history import add_recent_contacts
    return add_recent_contacts(conn, np.random.default_rng([seed, 1616]), as_of)


def _make_world(rng: np.random.Generator, n: int) -> dict:
    """Areas (of every type, with coordinates) and the managers who hold them."""
    types = [t.key for t in rules.area_types()]
    n_managers = max(1, round(n / CUSTOMERS_PER_MANAGER))
    n_areas = max(2 * len(types), min(3000, n // 40))
    share = np.array([AREA_TYPE_SHARE.get(t, 0.08) for t in types])
    per_type = np.maximum(1, np.floor(share / share.sum() * n_areas)).astype(int)

    names, kinds, radii = [], [], []
    for type_index, key in enumerate(types):
        wanted = int(per_type[type_index])
        names.extend(_area_names(rng, key, wanted))
        kinds.extend([type_index] * wanted)
        low, high = AREA_TYPE_RING.get(key, (0.0, 1.0))
        radii.extend(CITY_RADIUS_KM * np.sqrt(rng.uniform(low * low, high * high, wanted)))
    count = len(names)
    kinds = np.array(kinds)
    angle = rng.uniform(0, 2 * math.pi, count)
    radii = np.array(radii)
    lat, lon = _offset(CENTRE[0], CENTRE[1], radii * np.sin(angle), radii * np.cos(angle))
    # Each manager holds a wedge of the city, so one trip covers neighbouring areas.
    order = np.argsort(angle, kind="stable")
    manager_of = np.empty(count, dtype=np.int64)
    manager_of[order] = np.arange(count) * n_managers // count
    size = rng.lognormal(0.0, 0.7, count)
    if "community" in types:  # people live in compounds: they are the big areas
        size[kinds == types.index("community")] *= 2.0
    return {
        "types": types, "names": names, "kinds": kinds, "lat": np.round(lat, 6),
        "lon": np.round(lon, 6), "manager_of": manager_of, "weight": size / size.sum(),
        "district": rng.integers(0, len(DISTRICTS), count),
        "road": rng.integers(0, len(ROADS), count),
        "managers": _manager_names(rng, n_managers),
    }


def _area_names(rng: np.random.Generator, key: str, wanted: int) -> list[str]:
    if key in AREA_NAMES:
        prefixes, suffixes = (part.split() for part in AREA_NAMES[key])
        pool = [p + s for p in prefixes for s in suffixes]
    else:  # an area type a branch added: name it after its label
        label = next(t.label_zh for t in rules.area_types() if t.key == key)
        pool = [f"{d[:-1]}{label}" for d in DISTRICTS]
    pool = [pool[i] for i in rng.permutation(len(pool))]
    names, phase = [], 1
    while len(names) < wanted:
        tag = "" if phase == 1 else f"{_chinese_number(phase)}期"
        names.extend(name + tag for name in pool[:wanted - len(names)])
        phase += 1
    return names


def _chinese_number(k: int) -> str:
    digits = "零一二三四五六七八九"
    if k < 10:
        return digits[k]
    tens, ones = divmod(k, 10)
    return (digits[tens] if tens > 1 else "") + "十" + (digits[ones] if ones else "")


def _manager_names(rng: np.random.Generator, count: int) -> list[str]:
    """李经理, 王经理, ... while surnames last, then full names."""
    by_share = [SURNAME_CHARS[i] for i in np.argsort(-SURNAME_WEIGHTS, kind="stable")]
    by_share.insert(0, by_share.pop(1))  # the default book belongs to 李经理
    if count <= 60:
        return [s + "经理" for s in by_share[:count]]
    names: list[str] = []
    seen: set[str] = set()
    while len(names) < count:
        name = (by_share[int(rng.integers(0, 60))] + MALE_CHARS[int(rng.integers(len(MALE_CHARS)))]
                + FEMALE_CHARS[int(rng.integers(len(FEMALE_CHARS)))])
        if name not in seen:
            seen.add(name)
            names.append(name)
    return names


def _offset(lat0: float, lon0: float, north_km, east_km):
    lat = lat0 + north_km / 111.0
    lon = lon0 + east_km / (111.32 * np.cos(np.radians(lat0)))
    return lat, lon


def _unique_mobiles(rng: np.random.Generator, n: int) -> np.ndarray:
    prefixes = np.array(MOBILE_PREFIXES, dtype=np.int64)
    numbers = prefixes[rng.integers(0, len(prefixes), n)] * 10**8 + rng.integers(0, 10**8, n)
    while True:
        _, first = np.unique(numbers, return_index=True)
        repeated = np.setdiff1d(np.arange(n), first)
        if not len(repeated):
            return numbers
        numbers[repeated] = (prefixes[rng.integers(0, len(prefixes), len(repeated))] * 10**8
                             + rng.integers(0, 10**8, len(repeated)))


def _write_areas(conn, world: dict) -> None:
    conn.executemany(
        "INSERT INTO areas(id, name, area_type, latitude, longitude) VALUES (?, ?, ?, ?, ?)",
        zip(range(1, len(world["names"]) + 1), world["names"],
            [world["types"][k] for k in world["kinds"].tolist()],
            world["lat"].tolist(), world["lon"].tolist()))


def _dimension_codes(rng: np.random.Generator, m: int,
                     wealth: np.ndarray) -> tuple[dict[str, np.ndarray], np.ndarray]:
    """One code (or None) per customer per dimension, correlated as described above;
    also the customers' wealth, raised for business owners and executives."""
    out: dict[str, np.ndarray] = {}
    dims = rules.dimensions()
    by_key = {d.key: d for d in dims}
    drawn_from_wealth = [d for d in dims if d.key in WEALTH_SPREAD]
    # Parents first (age), then what depends on them, then what follows wealth.
    others = sorted((d for d in dims if d.key not in WEALTH_SPREAD),
                    key=lambda d: (DIMENSION_SPREAD.get(d.key, (0, None))[1] is not None, d.number))
    for dim in others:
        codes = [v.code for v in dim.values]
        values = np.full(m, None, dtype=object)
        unknown, parent, table = DIMENSION_SPREAD.get(dim.key, (0.10, None, {"*": {}}))
        parent_values = out.get(parent) if parent in by_key else None
        if parent_values is None:
            groups = {None: np.ones(m, dtype=bool)}
        else:
            missing = _is_none(parent_values)
            groups = {code: (parent_values == code) & ~missing
                      for code in sorted(set(parent_values[~missing].tolist()))}
            groups[None] = missing
        options = [*codes, None]
        known = {c for weights in table.values() for c in weights}
        for code, mask in groups.items():
            if not mask.any():
                continue
            weights = table.get(code, table.get("*")) if code is not None else table.get("*")
            p = _weights(options, weights, known)
            if p is None:  # a dimension or value a branch added: an even spread
                p = np.append(np.full(len(codes), 1 / len(codes)), 0.0)
            values[mask] = _choose(rng, options, int(mask.sum()), p)
        values[rng.random(m) < unknown] = None
        out[dim.key] = values

    occupation = out.get("occupation", np.full(m, None, dtype=object))
    age = out.get("age", np.full(m, None, dtype=object))
    wealth = (wealth + 0.9 * _is_in(occupation, ("3.1", "3.2")) + 0.3 * _is_in(age, ("1.4", "1.5"))
              - 0.8 * _is_in(age, ("1.1", "1.2")))
    wealth = (wealth - wealth.mean()) / (wealth.std() or 1.0)
    for dim in drawn_from_wealth:
        codes = [v.code for v in dim.values]
        unknown, corr, weights = WEALTH_SPREAD[dim.key]
        p = _weights(codes, weights, set(weights))
        if p is None:
            p = np.full(len(codes), 1 / len(codes))
        score = corr * wealth + math.sqrt(1 - corr * corr) * rng.standard_normal(m)
        rank = np.empty(m)
        rank[np.argsort(-score, kind="stable")] = (np.arange(m) + 0.5) / m
        index = np.minimum(np.searchsorted(np.cumsum(p), rank), len(codes) - 1)
        values = np.array(codes, dtype=object)[index]
        values[rng.random(m) < unknown] = None
        out[dim.key] = values
    return out, wealth


def _customers(rng: np.random.Generator, ids: np.ndarray, world: dict, mobiles: np.ndarray,
               days: _Days, today: int) -> dict:
    m = len(ids)
    # Who they are.
    female = rng.random(m) < 0.5
    surname = _choose(rng, SURNAME_CHARS, m, SURNAME_WEIGHTS / SURNAME_WEIGHTS.sum())
    first = np.where(female, _choose(rng, FEMALE_CHARS, m), _choose(rng, MALE_CHARS, m))
    second = np.where(female, _choose(rng, FEMALE_CHARS, m), _choose(rng, MALE_CHARS, m))
    one_char = rng.random(m) < 0.25
    names = [s + f + ("" if o else t) for s, f, t, o in
             zip(surname.tolist(), first.tolist(), second.tolist(), one_char.tolist())]
    gender = np.where(female, "female", "male").astype(object)
    gender[rng.random(m) < 0.02] = None

    dims, wealth = _dimension_codes(rng, m, rng.standard_normal(m))
    age = dims.get("age", np.full(m, None, dtype=object))
    occupation_code = dims.get("occupation", np.full(m, None, dtype=object))

    # Birth dates inside the age band; unknown age means unknown birth date.
    birth = np.full(m, None, dtype=object)
    for code, (low, high) in AGE_YEARS.items():
        mask = age == code
        count = int(mask.sum())
        if count:
            lived = rng.integers(int(low * 365.25) + 2, int((high + 1) * 365.25) - 2, count)
            birth[mask] = days.iso(today - lived)
    birth[rng.random(m) < 0.10] = None

    # Where: an area (weighted by its size), a point near its centre.
    area = rng.choice(len(world["names"]), size=m, p=world["weight"])
    no_area = rng.random(m) < 0.02
    r = AREA_RADIUS_KM * np.sqrt(rng.random(m))
    angle = rng.uniform(0, 2 * math.pi, m)
    lat, lon = _offset(world["lat"][area], world["lon"][area], r * np.sin(angle), r * np.cos(angle))
    located = ~no_area & (rng.random(m) >= 0.08)
    manager_index = np.where(no_area, rng.integers(0, len(world["managers"]), m),
                             world["manager_of"][area])
    managers = np.array(world["managers"], dtype=object)[manager_index]
    address = _addresses(rng, m, world, area, no_area)

    occupation, employer = _work(rng, m, occupation_code, age, female, area, world)

    # Contact details: about 3% have none at all (the red list).
    red = rng.random(m) < 0.03
    phone = np.array([str(p) for p in mobiles.tolist()], dtype=object)
    phone[red] = None
    landline = rng.random(m) < 0.08
    phone2 = np.full(m, None, dtype=object)
    phone2[landline & ~red] = ["0571" + str(x) for x in
                               rng.integers(8000_0000, 8999_9999, int((landline & ~red).sum())).tolist()]

    # Created: most long ago, some this year.
    created = today - np.where(rng.random(m) < 0.12, rng.integers(1, 365, m),
                               rng.integers(365, 8 * 365, m))

    return {
        "ids": ids, "names": names, "gender": gender, "phone": phone, "phone2": phone2,
        "address": address, "area_id": [None if outside else a + 1 for outside, a in
                                       zip(no_area.tolist(), area.tolist())],
        "birth": birth, "occupation": occupation, "employer": employer, "manager": managers,
        "source": _choose(rng, SOURCES, m), "created": created, "created_iso": days.iso(created),
        "needs": _some(rng, m, NEEDS, 0.45, "、"), "products": _some(rng, m, PRODUCTS_HELD, 0.8, "、"),
        "notes": _sometimes(rng, m, NOTES, 0.25), "complaints": _sometimes(rng, m, COMPLAINTS, 0.03),
        "tags": _some(rng, m, TAGS, 0.35, ","), "dims": dims, "wealth": wealth, "red": red,
        "lat": np.where(located, np.round(lat, 6), np.nan),
        "lon": np.where(located, np.round(lon, 6), np.nan),
    }


def _addresses(rng, m, world, area, no_area) -> list[str | None]:
    home_road = np.where(no_area, rng.integers(0, len(ROADS), m), world["road"][area])
    district = np.where(no_area, rng.integers(0, len(DISTRICTS), m), world["district"][area])
    number = rng.integers(1, 400, m)
    building, unit = rng.integers(1, 30, m), rng.integers(1, 6, m)
    room = rng.integers(1, 25, m) * 100 + rng.integers(1, 5, m)
    community = world["kinds"][area] == (world["types"].index("community")
                                         if "community" in world["types"] else -1)
    missing = rng.random(m) < 0.04
    names = world["names"]
    return [None if gone else
            f"{CITY}{DISTRICTS[d]}{ROADS[r]}{n}号{names[a] if here else ''}{b}幢{u}单元{o}室"
            for gone, d, r, n, a, here, b, u, o in zip(
                missing.tolist(), district.tolist(), home_road.tolist(), number.tolist(),
                area.tolist(), (community & ~no_area).tolist(), building.tolist(), unit.tolist(),
                room.tolist())]


def _work(rng, m, occupation_code, age, female, area, world) -> tuple[np.ndarray, np.ndarray]:
    occupation = np.full(m, None, dtype=object)
    employer = np.full(m, None, dtype=object)
    for code, pool in OCCUPATIONS.items():
        mask = occupation_code == code
        occupation[mask] = _choose(rng, pool, int(mask.sum()))
    home = occupation_code == "3.4"
    at_home = np.where(female, _choose(rng, ("家庭主妇", "全职在家", "自由职业"), m, [0.6, 0.2, 0.2]),
                       _choose(rng, ("全职在家", "自由职业"), m))
    occupation[home] = np.where(age[home] == "1.5", "退休", at_home[home])
    no_code = _is_none(occupation_code)
    child = _is_in(age, ("1.1", "1.2"))
    occupation[child & no_code & (age == "1.2")] = "学生"
    unknown_adult = no_code & ~child & (rng.random(m) < 0.5)
    occupation[unknown_adult] = _choose(rng, OCCUPATIONS["3.3"], int(unknown_adult.sum()))

    company = [f"{CITY[:-1]}{a}{t}有限公司" for a, t in zip(_choose(rng, EMPLOYER_WORDS, m).tolist(),
                                                 _choose(rng, EMPLOYER_TRADES, m).tolist())]
    campus_kind = world["types"].index("campus") if "campus" in world["types"] else -1
    campus_names = [world["names"][i] for i in np.flatnonzero(world["kinds"] == campus_kind)]
    hospital = _choose(rng, HOSPITALS, m).tolist()
    school = _choose(rng, campus_names or ("杭州第一中学",), m).tolist()
    district = world["district"][area].tolist()
    known = rng.random(m) < 0.85
    for i, job in enumerate(occupation.tolist()):
        if job in ("教师", "学生"):
            employer[i] = school[i]
        elif job in ("医生", "护士"):
            employer[i] = hospital[i]
        elif job == "公务员":
            employer[i] = f"{CITY}{DISTRICTS[district[i]]}人民政府"
        elif job not in (None, "退休", "家庭主妇", "全职在家", "自由职业") and known[i]:
            employer[i] = company[i]
    return occupation, employer


def _sometimes(rng, m: int, pool, share: float) -> np.ndarray:
    values = _choose(rng, pool, m)
    values[rng.random(m) >= share] = None
    return values


def _some(rng, m: int, pool, share: float, joiner: str) -> list[str | None]:
    """A few items of ``pool`` joined, for ``share`` of the customers."""
    picks = rng.random((m, len(pool))) < 1.6 / len(pool)
    has = rng.random(m) < share
    # Each row's choice as a bit pattern; each distinct pattern is joined once.
    patterns = (picks @ (1 << np.arange(len(pool)))).tolist()
    fallback = (np.arange(m) % len(pool)).tolist()
    joined: dict[int, str] = {}

    def text(pattern: int, row: int) -> str:
        if pattern not in joined:
            joined[pattern] = joiner.join(item for bit, item in enumerate(pool)
                                          if pattern >> bit & 1)
        return joined[pattern] or pool[fallback[row]]

    return [text(p, i) if h else None for i, (p, h) in enumerate(zip(patterns, has.tolist()))]


def _write_customers(conn, c: dict) -> None:
    dims = rules.dimensions()
    columns = ("id", "name", "gender", "phone", "phone2", "address", "area_id", "birth_date",
               "occupation", "employer", "manager", "source", "created_on", "needs", "products",
               "notes", "complaints", "tags", *(d.column for d in dims), "latitude", "longitude")
    lat = [None if math.isnan(x) else x for x in c["lat"].tolist()]
    lon = [None if math.isnan(x) else x for x in c["lon"].tolist()]
    rows = zip(c["ids"].tolist(), c["names"], c["gender"].tolist(), c["phone"].tolist(),
               c["phone2"].tolist(), c["address"], c["area_id"], c["birth"].tolist(),
               c["occupation"].tolist(), c["employer"].tolist(), c["manager"].tolist(),
               c["source"].tolist(), c["created_iso"].tolist(), c["needs"], c["products"],
               c["notes"].tolist(), c["complaints"].tolist(), c["tags"],
               *(c["dims"][d.key].tolist() for d in dims), lat, lon)
    conn.executemany(f"INSERT INTO customers ({', '.join(columns)}) VALUES "
                     f"({', '.join('?' * len(columns))})", rows)
    conn.executemany(
        "INSERT INTO customer_history(customer_id, changed_at, changed_by, field, old_value,"
        " new_value) VALUES (?, ?, ?, '*created', NULL, ?)",
        zip(c["ids"].tolist(), [d + "T09:00:00" for d in c["created_iso"].tolist()],
            c["manager"].tolist(), c["names"]))


def _span(rng, counts: np.ndarray, created: np.ndarray, today: int,
          last: int | None = None) -> tuple[np.ndarray, np.ndarray]:
    """For each customer's ``counts`` events: the customer's row index and a day within
    the last twelve months up to ``last`` (default ``today``; not before the customer
    was created), sorted by day."""
    owner = np.repeat(np.arange(len(counts)), counts)
    start = np.maximum(created, today - 364)[owner]
    last = today if last is None else last
    day = np.maximum(start + np.floor(rng.random(len(owner)) * (last + 1 - start)).astype(np.int64), start)
    order = np.lexsort((day, owner))
    return owner[order], day[order]


def _write_transactions(conn, rng, c: dict, days: _Days, today: int) -> int:
    m = len(c["ids"])
    active = rng.random(m) >= 0.08
    rate = np.exp(rng.normal(math.log(10.87) - 0.32, 0.8, m))
    counts = np.where(active, rng.poisson(rate), 0)
    owner, day = _span(rng, counts, c["created"], today)
    k = len(owner)
    if not k:
        return 0
    factor = np.array([f for _, f, _ in CATALOGUE])
    share = np.array([s for _, _, s in CATALOGUE])
    product = rng.choice(len(CATALOGUE), size=k, p=share / share.sum())
    # Heavy tail: each customer's scale is log-normal and follows their wealth.
    scale = np.exp(6.0 + 0.8 * c["wealth"] + rng.normal(0.0, 1.0, m))
    amount = np.maximum(1.0, np.round(scale[owner] * factor[product]
                                      * rng.lognormal(0.0, 0.5, k), 2))
    quantity = 1 + rng.poisson(0.3, k)
    names = np.array([p for p, _, _ in CATALOGUE], dtype=object)
    conn.executemany(
        "INSERT INTO transactions(customer_id, txn_date, amount, quantity, product)"
        " VALUES (?, ?, ?, ?, ?)",
        zip(c["ids"][owner].tolist(), days.iso(day).tolist(), amount.tolist(),
            quantity.astype(float).tolist(), names[product].tolist()))
    return k


def _write_contacts(conn, rng, c: dict, days: _Days, today: int) -> int:
    m = len(c["ids"])
    counts = rng.poisson(np.where(c["red"], 0.5, 2.5))
    # The older history: the recent months are the worked cadence of model.demo.demo_history.
    owner, day = _span(rng, counts, c["created"], today, last=today - RECENT_HISTORY_DAYS)
    k = len(owner)
    if not k:
        return 0
    channel = np.empty(k, dtype=object)
    preference = c["dims"].get("channel", np.full(m, None, dtype=object))[owner]
    for code, mix in CHANNEL_MIX.items():
        mask = (preference == code) if code is not None else ~_is_in(preference, set(CHANNEL_MIX) - {None})
        channel[mask] = _choose(rng, CHANNELS, int(mask.sum()), np.array(mix) / sum(mix))
    channel[c["red"][owner]] = "visit"  # no phone: only a visit reaches them
    follow = rng.random(k) < 0.8
    next_day = day + rng.integers(3, 46, k)
    next_step = _choose(rng, NEXT_STEPS, k)
    next_step[~follow] = None
    next_iso = days.iso(next_day)
    next_iso[~follow] = None
    hour, minute = rng.integers(9, 20, k), rng.integers(0, 60, k)
    iso = days.iso(day).tolist()
    conn.executemany(
        "INSERT INTO contacts(customer_id, contact_date, channel, purpose, result, next_step,"
        " next_date, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        zip(c["ids"][owner].tolist(), iso, channel.tolist(), _choose(rng, CONTACT_PURPOSES, k).tolist(),
            _choose(rng, CONTACT_RESULTS, k).tolist(), next_step.tolist(), next_iso.tolist(),
            c["manager"][owner].tolist(),
            [f"{d}T{h:02d}:{mi:02d}:00" for d, h, mi in zip(iso, hour.tolist(), minute.tolist())]))
    return k
