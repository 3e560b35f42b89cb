"""The first week with the program, as a new manager lives it: a customer file exported
from Excel/WPS (GBK, headers with spaces, full-width letters and required-marks, odd
phone and date styles, blank rows, a notes column, no contact history) and a year of
transactions → a new encrypted archive → import both → grade → plan next week → print
the plan, the due list and the A-grade day log.

Figures (printed with ``-s``): the week is full, A-tier first, routes near the best
open path of each day, the day log short."""
from __future__ import annotations

import csv
import itertools
import random
import subprocess
from datetime import date, timedelta

from model.archive import database
from model import grading
from model.customers import importing
from model.visits import routing, tracking_logs, visit_plan
from reports.due_list import due_list_pdf
from reports.tracking_log import tracking_log_pdf
from reports.visit_plan import visit_plan_pdf

AS_OF = date(2026, 11, 20)              # a Friday: next week is planned
NEXT_MONDAY = date(2026, 11, 23)
CUSTOMERS = 300
PER_DAY = 8
PASSPHRASE = "第一周-试用-2026"

AREAS = [("阳光小区", 30.274, 120.155), ("金色家园", 30.281, 120.162), ("翠苑公寓", 30.268, 120.149),
         ("东方嘉园", 30.262, 120.171), ("丹桂嘉园", 30.289, 120.143), ("春江家园", 30.257, 120.158),
         ("玉泉名苑", 30.285, 120.176), ("阳光华庭", 30.271, 120.183)]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰涛明超秀霞平刚桂英华"
SCHEDULES = ["社区自由", "社区自由", "6.2", "", "外部自由", ""]


def _phone(rng: random.Random, i: int) -> str:
    digits = f"13{rng.randint(0, 9)}{i:08d}"
    style = i % 4
    if style == 0:
        return digits
    if style == 1:
        return f"+86 {digits[:3]} {digits[3:7]} {digits[7:]}"
    if style == 2:
        return f"{digits[:3]}-{digits[3:7]}-{digits[7:]}"
    return "".join(chr(ord(c) + 0xFEE0) for c in digits)        # full-width digits, as WPS leaves them


def _created(rng: random.Random, i: int) -> str:
    day = date(2019, 1, 1) + timedelta(days=rng.randint(0, 2000))
    return [day.isoformat(), f"{day.year}/{day.month}/{day.day}", f"{day.year}年{day.month}月{day.day}日",
            str((day - date(1899, 12, 30)).days)][i % 4]              # the last: an Excel day number


def write_files(folder):
    rng = random.Random(16)
    people, phones = [], []
    for i in range(CUSTOMERS):
        area, lat, lon = AREAS[i % len(AREAS)]
        phone = _phone(rng, i)
        phones.append(phone)
        people.append([rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN), phone, area,
                       f"{area}{rng.randint(1, 30)}幢{rng.randint(1, 6)}单元", f"{lat + rng.gauss(0, 0.002):.6f}",
                       f"{lon + rng.gauss(0, 0.002):.6f}", rng.choice(SCHEDULES), _created(rng, i),
                       rng.choice(["", "", "老客户介绍", "喜欢理财讲座"]), "王经理"])
    header = ["姓 名", "手机号码*", "小区", "家庭住址", "纬度", "经度", "作息", "建档日期", "备注", "客户经理"]
    rows = [header]
    for n, person in enumerate(people):
        rows.append(person)
        if n % 97 == 50:
            rows.append([""] * len(header))                             # a blank row left in the sheet
    customers_csv = folder / "客户名单.csv"
    with open(customers_csv, "w", encoding="gbk", newline="") as handle:
        csv.writer(handle).writerows(rows)
    # A year of transactions: a few big customers bring most of the volume (Pareto).
    txns = [["手机", "交易日期", "金额", "产品"]]
    for i, phone in enumerate(phones):
        weight = 40_000 if i % 5 == 0 else 1_500
        for _ in range(rng.randint(2, 8)):
            day = AS_OF - timedelta(days=rng.randint(1, 360))
            txns.append([phone, day.strftime("%Y/%m/%d"), f"{weight * rng.uniform(0.5, 1.5):,.2f}",
                         rng.choice(["理财", "存款", "基金"])])
    transactions_csv = folder / "交易流水.csv"
    with open(transactions_csv, "w", encoding="gbk", newline="") as handle:
        csv.writer(handle).writerows(txns)
    return customers_csv, transactions_csv


def best_open_path_m(points: list[tuple[float, float]]) -> float:
    """The shortest path through all points, starting and ending anywhere (Held-Karp)."""
    n = len(points)
    if n < 2:
        return 0.0
    dist = [[routing.haversine_m(a, b) for b in points] for a in points]
    best = {(1 << k, k): 0.0 for k in range(n)}
    for size in range(2, n + 1):
        for subset in itertools.combinations(range(n), size):
            mask = sum(1 << k for k in subset)
            for last in subset:
                prev = mask ^ (1 << last)
                best[(mask, last)] = min(best[(prev, k)] + dist[k][last] for k in subset if k != last)
    full = (1 << n) - 1
    return min(best[(full, k)] for k in range(n))


def pages(path) -> int:
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in out.splitlines() if line.startswith("Pages:")))


def test_the_first_week_of_a_new_manager(qapp, tmp_path, capsys):
    customers_csv, transactions_csv = write_files(tmp_path)
    archive = database.Archive.create(tmp_path / "我的客户.kehu", PASSPHRASE)
    archive.close()
    with database.Archive.open(tmp_path / "我的客户.kehu", PASSPHRASE) as archive:
        conn = archive.conn
        assert conn.execute("PRAGMA cipher_version").fetchone() is not None
        imported = importing.import_file(conn, customers_csv, by="王经理")
        assert (imported.imported, imported.rejected, imported.duplicates) == (CUSTOMERS, 0, 0)
        assert conn.execute("SELECT count(*) FROM contacts").fetchone()[0] == 0     # no history at all
        txns = importing.import_file(conn, transactions_csv, kind="transactions", by="王经理")
        assert txns.rejected == 0 and txns.imported > CUSTOMERS
        grading.apply(conn, grading.compute(grading.load_inputs(conn, AS_OF)), by=grading.RULES_BY)
        tiers = dict(conn.execute("SELECT value, count(*) FROM grades WHERE scheme = 'value_tier' GROUP BY value"))
        # In the first week the manager answers the opportunity questions for a few customers.
        answered = [r[0] for r in conn.execute("SELECT id FROM customers ORDER BY id LIMIT 25")]
        for cid in answered:
            grading.set_opportunity(conn, cid, "clear", "1m", by="王经理", as_of=AS_OF)

        plan = visit_plan.build(conn, visit_plan.PlanRequest(NEXT_MONDAY, days=7, per_day=PER_DAY, time_limit=2))
        visit_plan.save(conn, plan, "王经理")
        planned = plan.planned()
        a_due = sum(1 for v in planned + plan.unplanned if v.tier == "A")
        a_planned = sum(1 for v in planned if v.tier == "A")
        # Every working day is full: a just-imported book has plenty due (never visited).
        assert len(plan.days) == 5 and all(len(d.visits) == PER_DAY for d in plan.days)
        assert all(v.never_visited for v in planned)
        # A-tier first: while A-tier customers are left, at least 80 % of the visits are theirs.
        left_a = sum(1 for v in plan.unplanned if v.tier == "A")
        assert left_a == 0 or a_planned / len(planned) >= 0.8
        # Each day's route within 1.3 x the best open path through the same stops.
        ratios = []
        for day in plan.days:
            points = [(v.lat, v.lon) for v in day.visits]
            route = routing.route_length_m(points, None)
            best = best_open_path_m(points)
            ratios.append(route / best if best else 1.0)
            assert route <= 1.3 * best + 1, (day.day, route, best)
        # Days fill from the start of working hours.
        assert all(d.visits[0].planned_time <= d.day_start + 15 for d in plan.days)

        plan_pdf = visit_plan_pdf(visit_plan.load(conn, plan.id), tmp_path / "plan.pdf", branch="城东支行",
                                  language="zh_CN")
        listed = visit_plan.due.due_list(conn, NEXT_MONDAY, NEXT_MONDAY + timedelta(days=6))
        due_pdf = due_list_pdf(listed, tmp_path / "due.pdf", branch="城东支行", language="zh_CN")
        log = tracking_logs.tracking_log(conn, "A", NEXT_MONDAY)
        log_pdf = tracking_log_pdf(log, tmp_path / "day-log.pdf", branch="城东支行", language="zh_CN")
        week_log = tracking_logs.tracking_log(conn, "B", NEXT_MONDAY)
        assert len(log.entries) == 25 and week_log.entries == []
        assert pages(log_pdf) <= 3
        text = subprocess.run(["pdftotext", "-layout", str(plan_pdf), "-"], capture_output=True, text=True,
                              check=True).stdout
        assert "从未拜访" in text and "城东支行" in text
        figures = (f"first week: {imported.imported} customers imported (GBK), {txns.imported} transactions; "
                   f"tiers {dict(sorted(tiers.items()))}; {len(planned)} visits on {len(plan.days)} days "
                   f"({PER_DAY}/day), A-tier {a_planned}/{len(planned)} = {a_planned / len(planned):.0%} "
                   f"({a_due} A-tier due); route / best open path per day "
                   f"{', '.join(f'{r:.2f}' for r in ratios)}; plan {pages(plan_pdf)} pages, due list "
                   f"{pages(due_pdf)} pages, A day log {pages(log_pdf)} page(s) for {len(log.entries)} customers")
    with capsys.disabled():
        print("\n  " + figures)
