"""Import of a 100,000-row customer CSV: time, ratio to a bare executemany, peak memory.

    .venv/bin/python -m benchmarks import [--rows N]

The import runs in a child process so its peak memory (ru_maxrss) is its own.
In the same child, the same rows (already clean) go into a table of the same
shape through one bare ``sqlite3.executemany``; the ratio is import / bare.
"""
from __future__ import annotations

import argparse
import csv
import json
import random
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

TARGET_SECONDS = 10.0
TARGET_RATIO = 15.0
TARGET_MEMORY_MB = 600.0

SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
            "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")
GIVEN = ("伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红娥玲芬燕彬鹏辉建国志宏文斌丹萍博宇"
         "浩然子涵欣怡梓轩一诺雨桐思远佳怡俊杰晨曦嘉欣")
AREA_STEMS = ["阳光", "幸福", "锦绣", "翠苑", "金桥", "东湖", "滨江", "学府", "科技", "新城", "华庭", "绿洲",
              "枫林", "紫荆", "银河", "星河", "春晓", "和平", "长安", "未来"]
AREA_KINDS = [("花园", "社区"), ("小区", "社区"), ("工业园", "工业区"), ("大学", "校园"),
              ("大厦", "写字楼"), ("商贸城", "商贸区")]
OCCUPATIONS = ["教师", "工程师", "个体户", "公务员", "医生", "销售", "司机", "会计", "退休", "学生", "程序员", "护士"]
EMPLOYERS = ["市第一中学", "华为技术有限公司", "人民医院", "个体经营", "市税务局", "顺丰速运", "本地超市", ""]
SOURCES = ["社区活动", "网点到访", "转介绍", "电话营销", "外拓", ""]
STREETS = ["人民路", "解放路", "中山路", "建设路", "和平街", "文化路", "新华路", "长江路"]
MANAGERS = ["李经理", "王经理", "陈经理"]
DIMENSION_CELLS = {  # codes and labels mixed, as real sheets are
    "年龄": ["1.2", "1.3", "1.4", "1.5", "23-35", "35-50", "50岁以上", ""],
    "家庭": ["2.1", "2.2", "2.3", "三口之家", "单身", ""],
    "职业类型": ["3.1", "3.2", "3.3", "3.4", "普通员工", ""],
    "金融资产": ["4.2", "4.3", "4.4", "4.5", "10万以下", ""],
    "房产": ["5.1", "5.2", "5.3", "5.4", "5.5", "租房", ""],
    "作息": ["6.1", "6.2", "6.3", "6.4", "朝九晚五", ""],
    "风险偏好": ["7.1", "7.2", "7.3", "保守型", ""],
    "消费习惯": ["8.1", "8.2", "8.3", "工薪消费", ""],
    "渠道偏好": ["9.1", "9.2", "电子渠道", ""],
}
HEADERS = ["姓名", "性别", "手机", "地址", "小区", "区域类型", "客户经理", "出生日期", "职业", "单位",
           "来源", "备注", *DIMENSION_CELLS, "纬度", "经度"]


def generate_csv(path: Path, rows: int, seed: int = 7) -> None:
    """A realistic customer list as a branch would export it from Excel (UTF-8 with BOM)."""
    rng = random.Random(seed)
    areas = []
    for stem in AREA_STEMS:
        for suffix, kind in AREA_KINDS:
            areas.append((stem + suffix, kind, 30.0 + rng.random(), 120.0 + rng.random()))
    phones = rng.sample(range(10 ** 8), rows)
    prefixes = ["138", "139", "137", "136", "150", "151", "158", "186", "187", "189", "177", "199"]
    start = date(1945, 1, 1)
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADERS)
        for i in range(rows):
            name = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))
            number = f"{prefixes[i % len(prefixes)]}{phones[i]:08d}"
            style = i % 10
            if style == 0:
                number = f"+86 {number[:3]} {number[3:7]} {number[7:]}"
            elif style == 1:
                number = f"{number[:3]}-{number[3:7]}-{number[7:]}"
            born = start + timedelta(days=rng.randrange(0, 60 * 365))
            birth = (born.isoformat() if style < 5 else
                     f"{born.year}/{born.month}/{born.day}" if style < 8 else
                     f"{born.year}年{born.month}月{born.day}日")
            area, kind, lat, lon = rng.choice(areas)
            writer.writerow([
                name, rng.choice("男女"), number,
                f"{rng.choice(STREETS)}{rng.randrange(1, 999)}号{rng.randrange(1, 30)}栋{rng.randrange(101, 2999)}",
                area, kind, rng.choice(MANAGERS), birth, rng.choice(OCCUPATIONS), rng.choice(EMPLOYERS),
                rng.choice(SOURCES), "" if rng.random() < 0.8 else "喜欢理财讲座",
                *(rng.choice(cells) for cells in DIMENSION_CELLS.values()),
                f"{lat + rng.uniform(-0.002, 0.002):.6f}", f"{lon + rng.uniform(-0.002, 0.002):.6f}",
            ])
        # Sheets end with what they end with: a blank line.
        handle.write("\r\n")


def _child(csv_path: str, folder: str) -> None:
    """Run in a child process: the import, then the bare executemany; print JSON."""
    import resource

    sys.path.insert(0, str(ROOT))
    from model.archive import database
    from model.customers import importing

    archive = database.Archive.create(Path(folder) / "bench.kehu")
    started = time.perf_counter()
    result = importing.import_file(archive.conn, csv_path, by="benchmark")
    import_seconds = time.perf_counter() - started
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    if not result.written or result.imported != result.rows:
        raise SystemExit(f"the import did not take every row: {result.imported} of {result.rows}, "
                         f"rejected {result.rejected}, duplicates {result.duplicates}: "
                         f"{[r.reasons for r in result.rejects[:3]]}")

    # The same rows, already clean, into a same-shaped table: the floor for this machine.
    columns = [r[1] for r in archive.conn.execute("PRAGMA table_info(customers)")]
    rows = archive.conn.execute(f"SELECT {', '.join(columns)} FROM customers").fetchall()
    rows = [tuple(r) for r in rows]
    ddl = [r[0] for r in archive.conn.execute(
        "SELECT sql FROM sqlite_master WHERE tbl_name = 'customers' AND sql IS NOT NULL"
        " AND type IN ('table', 'index')")]
    archive.close()
    bare = database.connect(Path(folder) / "bare.sqlite")
    bare.execute("PRAGMA foreign_keys = OFF")
    for statement in ddl:
        bare.execute(statement)
    started = time.perf_counter()
    bare.execute("BEGIN")
    bare.executemany(f"INSERT INTO customers ({', '.join(columns)}) VALUES "
                     f"({', '.join('?' * len(columns))})", rows)
    bare.execute("COMMIT")
    bare_seconds = time.perf_counter() - started
    bare.close()
    print(json.dumps({"rows": result.rows, "imported": result.imported,
                      "import_seconds": import_seconds, "bare_seconds": bare_seconds,
                      "peak_mb": peak_kb / 1024}))


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks import")
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        _child(*args.child)
        return 0
    with tempfile.TemporaryDirectory(prefix="kehu-bench-import-") as folder:
        csv_path = Path(folder) / "customers.csv"
        started = time.perf_counter()
        generate_csv(csv_path, args.rows)
        print(f"generated {args.rows:,} rows ({csv_path.stat().st_size / 2**20:.1f} MB) "
              f"in {time.perf_counter() - started:.1f} s")
        done = subprocess.run(
            [sys.executable, "-m", "benchmarks.bench_import", "--child", str(csv_path), folder],
            cwd=ROOT, capture_output=True, text=True,
            env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"})
        if done.returncode != 0:
            print(done.stdout + done.stderr)
            print("import benchmark: FAIL (the child process failed)")
            return 1
        figures = json.loads(done.stdout.strip().splitlines()[-1])
    ratio = figures["import_seconds"] / figures["bare_seconds"]
    lines = [
        (f"import of {figures['rows']:,} customers: {figures['import_seconds']:.2f} s",
         f"≤ {TARGET_SECONDS:.0f} s", figures["import_seconds"] <= TARGET_SECONDS),
        (f"bare sqlite3.executemany of the same rows: {figures['bare_seconds']:.2f} s", "", True),
        (f"import / bare executemany: {ratio:.1f}×", f"≤ {TARGET_RATIO:.0f}×", ratio <= TARGET_RATIO),
        (f"peak memory of the import process: {figures['peak_mb']:.0f} MB",
         f"≤ {TARGET_MEMORY_MB:.0f} MB", figures["peak_mb"] <= TARGET_MEMORY_MB),
    ]
    failed = False
    for text, target, ok in lines:
        if target:
            print(f"{text}  (target {target})  {'PASS' if ok else 'FAIL'}")
            failed |= not ok
        else:
            print(text)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
