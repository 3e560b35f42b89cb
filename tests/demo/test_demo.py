"""The demo archive: deterministic per seed, believable, valid, one transaction."""
import json
import math
import shutil
from model.archive.database import sqlite3
from datetime import date, timedelta

import pytest

from cli import build_parser
from model.customers import customers
from model.archive import database
from model.demo import demo
from model.core import normalize, rules
from model.core.progress import Cancelled, Progress

AS_OF = date(2025, 6, 30)
OWN_TABLES = ("areas", "customers", "transactions", "contacts", "customer_history", "meta")


def _read(path):
    conn = database.connect(path, read_only=True)
    return conn


def _dump(path) -> dict:
    conn = _read(path)
    try:
        return {t: [tuple(r) for r in conn.execute(f"SELECT * FROM {t} ORDER BY rowid")]
                for t in OWN_TABLES}
    finally:
        conn.close()


@pytest.fixture(scope="module")
def book(tmp_path_factory):
    """One manager's book (800 customers), built once for the read-only checks."""
    path = tmp_path_factory.mktemp("demo") / "book.kehu"
    counts = demo.build_demo(path, seed=1, as_of=AS_OF)
    conn = _read(path)
    yield conn, counts
    conn.close()


def test_the_same_seed_gives_the_same_archive_and_another_seed_another(tmp_path):
    first = demo.build_demo(tmp_path / "a.kehu", customers=300, seed=7, as_of=AS_OF)
    second = demo.build_demo(tmp_path / "b.kehu", customers=300, seed=7, as_of=AS_OF)
    demo.build_demo(tmp_path / "c.kehu", customers=300, seed=8, as_of=AS_OF)
    assert first == second
    a, b, c = (_dump(tmp_path / f"{x}.kehu") for x in "abc")
    assert a == b
    assert a["customers"] != c["customers"]
    assert a["transactions"] != c["transactions"]
    assert ("demo_seed", "7") in a["meta"] and ("demo", "1") in a["meta"]


def test_counts_match_the_archive(book):
    conn, counts = book
    assert counts["customers"] == 800 == customers.count(conn)
    for table in ("areas", "transactions", "contacts"):
        assert counts[table] == conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    assert counts["red_list"] == len(customers.red_list(conn))
    assert counts["managers"] == 1
    assert [r[0] for r in conn.execute("SELECT DISTINCT manager FROM customers")] == ["李经理"]


def test_every_area_type_and_every_dimension_value_appears(book):
    conn, _ = book
    types = {r[0] for r in conn.execute(
        "SELECT DISTINCT a.area_type FROM customers c JOIN areas a ON a.id = c.area_id")}
    assert types == {t.key for t in rules.area_types()}
    names = [r[0] for r in conn.execute("SELECT name FROM areas")]
    assert len(names) == len(set(names)) >= 10
    for dim in rules.dimensions():
        found = dict(conn.execute(f"SELECT {dim.column}, count(*) FROM customers GROUP BY 1").fetchall())
        for value in dim.values:
            assert found.get(value.code, 0) > 0, (dim.key, value.code)
        assert 0 < found.get(None, 0) < 400, dim.key  # some unknown, not most
        assert set(found) - {None} <= {v.code for v in dim.values}


def test_segments_are_correlated_as_a_manager_expects(book):
    conn, _ = book

    def share(where, of):
        total = conn.execute(f"SELECT count(*) FROM customers WHERE {of}").fetchone()[0]
        hits = conn.execute(f"SELECT count(*) FROM customers WHERE {of} AND {where}").fetchone()[0]
        return hits / total

    # The over-50s are more conservative and prefer the branch to their phone.
    assert (share("dim_risk_appetite = '7.1'", "dim_age = '1.5' AND dim_risk_appetite IS NOT NULL")
            > share("dim_risk_appetite = '7.1'", "dim_age = '1.3' AND dim_risk_appetite IS NOT NULL"))
    assert (share("dim_channel = '9.1'", "dim_age = '1.5' AND dim_channel IS NOT NULL")
            > share("dim_channel = '9.1'", "dim_age = '1.3' AND dim_channel IS NOT NULL"))
    # Business owners and executives are richer than employees.
    rich = "dim_financial_assets IN ('4.1', '4.2')"
    assert (share(rich, "dim_occupation IN ('3.1', '3.2') AND dim_financial_assets IS NOT NULL")
            > share(rich, "dim_occupation = '3.3' AND dim_financial_assets IS NOT NULL"))


def test_people_have_plausible_names_phones_and_birth_dates(book):
    conn, _ = book
    rows = [dict(r) for r in conn.execute("SELECT * FROM customers")]
    surnames = {r["name"][:1] for r in rows}
    assert len(surnames) > 40
    special = {"单", "解", "区", "仇", "朴", "查", "盖", "乐", "缪", "翟", "曾"}
    assert len(special & surnames) >= 4  # readings the search should get right
    assert all(2 <= len(r["name"]) <= 4 for r in rows)
    phones = [r["phone"] for r in rows if r["phone"]]
    assert len(phones) == len(set(phones))
    assert all(normalize.phone(p) == p and len(p) == 11 and p[0] == "1" for p in phones)
    assert 0.01 < (len(rows) - len(phones)) / len(rows) < 0.06
    assert {r["gender"] for r in rows} == {"male", "female", None}
    assert not [r for r in rows if r["gender"] == "male" and r["occupation"] == "家庭主妇"]
    assert all(r["dim_age"] == "1.5" for r in rows if r["occupation"] == "退休")
    assert all(r["employer"] is None for r in rows if r["occupation"] in ("退休", "家庭主妇"))
    for r in rows:
        if r["birth_date"] and r["dim_age"]:
            born = date.fromisoformat(r["birth_date"])
            age = AS_OF.year - born.year - ((AS_OF.month, AS_OF.day) < (born.month, born.day))
            low, high = demo.AGE_YEARS[r["dim_age"]]
            assert low <= age <= high, r
        assert r["created_on"] <= AS_OF.isoformat()


def test_every_customer_is_a_valid_record(book):
    conn, _ = book
    fields = customers.record_fields()
    for row in conn.execute(customers.SELECT_CUSTOMER):
        values = {k: row[k] for k in fields}
        cleaned = customers.clean(values)
        assert {k: cleaned[k] for k in fields} == values  # already in normal form


def test_places_cluster_in_one_city(book):
    conn, _ = book

    def km(lat1, lon1, lat2, lon2):
        dy = (lat1 - lat2) * 111.0
        dx = (lon1 - lon2) * 111.32 * math.cos(math.radians(lat1))
        return math.hypot(dx, dy)

    for lat, lon in conn.execute("SELECT latitude, longitude FROM areas"):
        assert km(lat, lon, *demo.CENTRE) <= demo.CITY_RADIUS_KM + 0.01
    rows = conn.execute("SELECT c.latitude, c.longitude, a.latitude, a.longitude FROM customers c"
                        " JOIN areas a ON a.id = c.area_id WHERE c.latitude IS NOT NULL").fetchall()
    assert len(rows) > 600
    assert all(km(*r) <= demo.AREA_RADIUS_KM + 0.001 for r in rows)
    lone = conn.execute("SELECT count(*) FROM customers WHERE (latitude IS NULL) !="
                        " (longitude IS NULL)").fetchone()[0]
    assert lone == 0


def test_twelve_months_of_heavy_tailed_transactions(book):
    conn, _ = book
    year_ago = AS_OF - timedelta(days=364)
    window = f"txn_date >= '{year_ago.isoformat()}'"     # the grading window; the older history is below
    first, last, count = conn.execute(
        f"SELECT min(txn_date), max(txn_date), count(*) FROM transactions WHERE {window}").fetchone()
    assert year_ago.isoformat() <= first <= (year_ago + timedelta(days=31)).isoformat()
    assert (AS_OF - timedelta(days=7)).isoformat() <= last <= AS_OF.isoformat()
    assert 8 <= count / 800 <= 12
    months = {r[0] for r in conn.execute(f"SELECT substr(txn_date, 1, 7) FROM transactions WHERE {window}")}
    assert len(months) in (12, 13)
    before_created = conn.execute(
        "SELECT count(*) FROM transactions t JOIN customers c ON c.id = t.customer_id"
        " WHERE t.txn_date < c.created_on").fetchone()[0]
    assert before_created == 0
    volumes = sorted((r[0] for r in conn.execute(
        f"SELECT sum(amount) FROM transactions WHERE {window} GROUP BY customer_id")), reverse=True)
    top = volumes[: len(volumes) // 4]
    assert sum(top) / sum(volumes) > 0.6  # a Pareto A tier exists
    assert tuple(conn.execute("SELECT min(amount), min(quantity) FROM transactions").fetchone()) \
        >= (1, 1)
    assert conn.execute("SELECT count(DISTINCT product) FROM transactions").fetchone()[0] == len(
        demo.CATALOGUE)


def test_the_older_history_spreads_the_lifecycle_stages(book):
    from model.customers import lifecycle
    conn, _ = book
    year_ago = (AS_OF - timedelta(days=364)).isoformat()
    older = conn.execute("SELECT count(DISTINCT customer_id), min(txn_date) FROM transactions"
                         " WHERE txn_date < ?", (year_ago,)).fetchone()
    assert older[0] > 300 and older[1] >= (AS_OF - timedelta(days=3 * 365 + 1)).isoformat()
    counts = lifecycle.counts(conn, AS_OF)
    assert sum(counts.values()) == 800
    assert all(counts[k] >= 10 for k in lifecycle.STAGES), counts
    assert counts["mature"] > counts["lost"] and counts["growing"] > counts["potential"]


def test_contact_histories_and_created_rows(book):
    conn, _ = book
    rows = [dict(r) for r in conn.execute("SELECT * FROM contacts")]
    assert len(rows) > 800
    assert {r["channel"] for r in rows} == set(customers.CHANNELS)
    assert all(r["purpose"] and r["result"] for r in rows)
    assert all(r["next_date"] is None or r["next_date"] > r["contact_date"] for r in rows)
    assert all(r["contact_date"] <= AS_OF.isoformat() for r in rows)
    assert any(r["next_date"] and r["next_date"] > AS_OF.isoformat() for r in rows)  # planned
    created = conn.execute("SELECT count(*), count(DISTINCT customer_id) FROM customer_history"
                           " WHERE field = '*created'").fetchone()
    assert tuple(created) == (800, 800)
    assert conn.execute("SELECT count(*) FROM customer_history").fetchone()[0] == 800


def test_the_book_has_been_worked_to_its_cadences(tmp_path):
    """A manager who works the book: most customers within their cadence, tens overdue,
    not hundreds; today's calls a day's work (one per customer); the A-tier market
    news spread over the week, not due for every A-tier customer every day."""
    from model.visits import due, today
    path = tmp_path / "worked.kehu"
    demo.build_demo(path, seed=1, as_of=AS_OF)          # 800 customers; AS_OF is a Monday
    demo.grade_demo(path)
    with database.Archive.open(path) as archive:
        conn = archive.conn
        day = today.today(conn, AS_OF)
        week = due.due_list(conn, AS_OF, AS_OF + timedelta(days=6))
        a_tier = conn.execute("SELECT count(*) FROM grades WHERE scheme = 'value_tier' AND value = 'A'"
                              ).fetchone()[0]
        latest = conn.execute("SELECT max(contact_date) FROM contacts").fetchone()[0]
    overdue = sum(day.overdue.values())
    assert 5 <= overdue <= 60, day.overdue
    assert len(day.calls) <= 70 and len({c.customer_id for c in day.calls}) == len(day.calls)
    assert 0 < len(day.news) <= a_tier / 4          # about a fifth of the A-tier each working day
    assert all(c.news_only and c.tier == "A" for c in day.news)
    assert len(week.visits) <= 60                   # about a working week of visits (5 x 8)
    assert latest < AS_OF.isoformat()               # the manager's work up to yesterday


def test_progress_is_reported_and_cancel_removes_the_file(tmp_path):
    seen = []

    class Watch(Progress):
        def report(self, done, total=None, text=""):
            seen.append((done, total))

    demo.build_demo(tmp_path / "a.kehu", customers=50, as_of=AS_OF, progress=Watch())
    assert seen[0] == (0, 50) and seen[-1] == (50, 50)

    class CancelAtOnce(Progress):
        def report(self, done, total=None, text=""):
            self.cancel()

    path = tmp_path / "b.kehu"
    with pytest.raises(Cancelled):
        demo.build_demo(path, customers=50, as_of=AS_OF, progress=CancelAtOnce())
    assert list(tmp_path.glob("b.kehu*")) == []
    database.Archive.create(path).close()  # the lock went with it


def test_a_demo_never_overwrites_and_has_a_size_limit(tmp_path):
    path = tmp_path / "mine.kehu"
    path.write_text("keep me")
    with pytest.raises(database.ArchiveError):
        demo.build_demo(path, customers=10)
    assert path.read_text() == "keep me"
    for wrong in (0, demo.MAX_CUSTOMERS + 1):
        with pytest.raises(database.ArchiveError, match="1,000,000"):
            demo.build_demo(tmp_path / "x.kehu", customers=wrong)
    assert not (tmp_path / "x.kehu").exists()


def test_a_branch_with_its_own_rules_gets_its_own_types_and_codes(tmp_path, monkeypatch):
    folder = tmp_path / "rules"
    shutil.copytree(rules.rules_dir(), folder)
    areas = json.loads((folder / "area_types.json").read_text(encoding="utf-8"))
    areas["area_types"].append({"key": "village", "label_en": "Village", "label_zh": "村镇型"})
    (folder / "area_types.json").write_text(json.dumps(areas, ensure_ascii=False), encoding="utf-8")
    dims = json.loads((folder / "dimensions.json").read_text(encoding="utf-8"))
    channel = next(d for d in dims["dimensions"] if d["key"] == "channel")
    channel["values"].append({"code": "9.3", "label_en": "self-service", "label_zh": "自助"})
    (folder / "dimensions.json").write_text(json.dumps(dims, ensure_ascii=False), encoding="utf-8")
    monkeypatch.setenv("KEHU_RULES_DIR", str(folder))

    demo.build_demo(tmp_path / "b.kehu", customers=400, as_of=AS_OF)
    conn = _read(tmp_path / "b.kehu")
    try:
        assert conn.execute("SELECT count(*) FROM areas WHERE area_type = 'village'").fetchone()[0]
        assert conn.execute("SELECT count(*) FROM customers WHERE dim_channel = '9.3'").fetchone()[0]
    finally:
        conn.close()


# -- the command -------------------------------------------------------------

def _run(qapp, argv):
    from cli import run_cli
    return run_cli(argv)


def test_cli_demo_prints_counts_and_refuses_an_existing_path(qapp, tmp_path, capsys):
    path = tmp_path / "d.kehu"
    assert _run(qapp, ["demo", str(path), "--customers", "120", "--seed", "5"]) == 0
    out = capsys.readouterr().out
    assert str(path) in out and "120" in out and "seed 5" in out
    conn = _read(path)
    try:
        assert customers.count(conn) == 120
        assert conn.execute("SELECT value FROM meta WHERE key = 'demo_seed'").fetchone()[0] == "5"
    finally:
        conn.close()
    before = path.read_bytes()
    assert _run(qapp, ["demo", str(path)]) == 2
    assert "already exists" in capsys.readouterr().err
    assert path.read_bytes() == before


def test_cli_demo_is_graded_unless_asked_not_to(qapp, tmp_path, capsys):
    graded, bare = tmp_path / "graded.kehu", tmp_path / "bare.kehu"
    assert _run(qapp, ["demo", str(graded), "--customers", "60"]) == 0
    assert "180" in capsys.readouterr().out          # 60 customers x 3 computed schemes
    assert _run(qapp, ["demo", str(bare), "--customers", "60", "--no-grades"]) == 0
    for path, expected in ((graded, {"value_tier": 60, "rfm": 60, "persona": 60}), (bare, {})):
        conn = _read(path)
        try:
            found = dict(conn.execute("SELECT scheme, count(*) FROM grades WHERE scheme != 'opportunity'"
                                      " GROUP BY scheme").fetchall())
            # the opportunity grade is the manager's answers, part of the demo book either way
            answers = conn.execute("SELECT count(*) FROM grades WHERE scheme = 'opportunity'").fetchone()[0]
        finally:
            conn.close()
        assert found == expected and answers > 0


def test_cli_demo_rejects_a_wrong_size(qapp, tmp_path, capsys):
    with pytest.raises(SystemExit) as stop:
        build_parser().parse_args(["demo", str(tmp_path / "d.kehu"), "--customers", "2000000"])
    assert stop.value.code == 2
    assert "1,000,000" in capsys.readouterr().err
    assert build_parser().parse_args(["demo", "x", "--customers", "1,000"]).customers == 1000
    assert not (tmp_path / "d.kehu").exists()


def test_the_demo_archive_opens_like_any_other(tmp_path):
    path = tmp_path / "d.kehu"
    demo.build_demo(path, customers=30, as_of=AS_OF)
    assert database.check_file(path).ok
    with database.Archive.open(path) as archive:
        assert customers.count(archive.conn) == 30
        first = archive.conn.execute("SELECT id FROM customers ORDER BY id LIMIT 1").fetchone()[0]
        customers.update(archive.conn, first, {"notes": "changed"}, by="test")
    assert sqlite3.connect(path).execute("PRAGMA application_id").fetchone()[0] == \
        database.APPLICATION_ID


_STAMP = __import__("re").compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?([+-]\d{2}:?\d{2}|Z)?$")


def _canonical(path, window: tuple[str, str]) -> dict:
    """Every table, rows sorted; a time stamp the build itself wrote (inside ``window``,
    the minutes the build ran) is the one thing allowed to differ between runs."""
    conn = _read(path)
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' "
                                             "AND name NOT LIKE 'sqlite_%' ORDER BY name")]
        out = {}
        for table in tables:
            rows = []
            for row in conn.execute(f'SELECT * FROM "{table}"'):
                rows.append(tuple("<now>" if isinstance(v, str) and _STAMP.match(v)
                                  and window[0] <= v[:16].replace(" ", "T") <= window[1] else v for v in row))
            out[table] = sorted(rows, key=repr)
        return out
    finally:
        conn.close()


def test_same_seed_same_archive_in_any_process(tmp_path):
    """Iteration over sets of strings depends on Python's hash seed: the demo must not."""
    import os
    import subprocess
    import sys
    from datetime import datetime, timezone
    from pathlib import Path
    root = Path(__file__).resolve().parents[2]
    dumps = []
    for hash_seed in ("1", "4242"):
        start = datetime.now(timezone.utc).astimezone()
        path = tmp_path / f"demo-{hash_seed}.kehu"
        done = subprocess.run([sys.executable, "main.py", "demo", str(path), "--customers", "300", "--seed", "3"],
                              cwd=root, capture_output=True, text=True, timeout=300,
                              env={**os.environ, "PYTHONHASHSEED": hash_seed, "QT_QPA_PLATFORM": "offscreen"})
        assert done.returncode == 0, done.stderr
        end = datetime.now(timezone.utc).astimezone() + timedelta(minutes=1)
        window = (min(start.strftime("%Y-%m-%dT%H:%M"), start.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M")),
                  max(end.strftime("%Y-%m-%dT%H:%M"), end.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M")))
        dumps.append(_canonical(path, window))
    first, second = dumps
    assert first.keys() == second.keys()
    for table in first:
        assert first[table] == second[table], f"table {table} differs between two runs with the same seed"
    assert len(first["customers"]) == 300 and len(first["transactions"]) > 1000


def test_the_demo_has_its_week_in_hand(tmp_path):
    """After grading, the demo manager has planned the rest of the week and set the month's
    targets (issue 16): Today lists a full day of visits in route order, A-tier first,
    and the morning sheet has targets that the plan can meet."""
    from model.demo import demo_week
    from model.visits import planning_rules, targets, today
    path = tmp_path / "week.kehu"
    demo.build_demo(path, seed=1, as_of=AS_OF)          # AS_OF is a Monday
    demo.grade_demo(path)
    week = demo.plan_demo_week(path, time_limit=1)
    assert (week["plan_start"], week["plan_end"]) == (AS_OF, AS_OF + timedelta(days=4))
    per_day = planning_rules.planning_rules().visits_per_day
    with database.Archive.open(path) as archive:
        conn = archive.conn
        day = today.today(conn, AS_OF)
        assert len(day.visits) == per_day
        assert [v.position for v in day.visits] == list(range(1, per_day + 1))
        assert sum(v.tier == "A" for v in day.visits) >= per_day * 0.8
        set_ = targets.month_targets(conn, demo_week.BY, targets.month_of(AS_OF))
        assert set(set_) == {k.key for k in targets.kinds()}
        assert set_["visits"] <= per_day * len(targets.working_days(targets.month_of(AS_OF)))
    assert demo_week.week_of(AS_OF + timedelta(days=3)) == (AS_OF + timedelta(days=7), AS_OF + timedelta(days=11))
    assert demo_week.week_of(AS_OF + timedelta(days=5)) == (AS_OF + timedelta(days=7), AS_OF + timedelta(days=11))
