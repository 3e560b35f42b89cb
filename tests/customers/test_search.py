"""Instant customer search (model/customers/search.py): what it finds, in which order,
and how it keeps up with changes made anywhere."""
from __future__ import annotations

import json
import shutil
from model.archive.database import sqlite3

import pytest

from model.customers import customers, search
from model.archive import database, migrations
from model.core import rules
from model.core.progress import Cancelled, Progress


def add(conn, name, phone=None, phone2=None, area=None) -> int:
    return customers.create(conn, {"name": name, "phone": phone, "phone2": phone2, "area": area},
                            by="test")


def fresh(conn) -> search.CustomerSearch:
    search.refresh(conn)
    return search.CustomerSearch(conn)


def in_pinyin_order(conn, customer_ids):
    """Equally good matches come in pinyin order (search.sort_key)."""
    return sorted(customer_ids, key=lambda i: search.sort_key(customers.get(conn, i)["name"]))


def ids(finder, query, limit=500):
    return finder.find(query, limit).ids


@pytest.fixture
def book(archive):
    """A small book: a few names sharing characters, phones and areas."""
    conn = archive.conn
    made = {
        "张三丰": add(conn, "张三丰", "13800138000", area="城东社区"),
        "张三": add(conn, "张三", "13912345678", "02087654321", area="城西新村"),
        "李张": add(conn, "李张", area="城东社区"),
        "王小明": add(conn, "王小明", "15011112222", area="高新工业园"),
        "张": add(conn, "张"),
        "欧阳娜娜": add(conn, "欧阳娜娜", "18633334444"),
    }
    return conn, made


# -- the index in the archive -------------------------------------------------------

def test_a_new_archive_has_the_index_tables_and_triggers(archive):
    names = {r[0] for r in archive.conn.execute("SELECT name FROM sqlite_master")}
    assert {"search_index", "search_dirty", "search_customer_insert", "search_customer_update",
            "search_customer_delete", "search_area_rename"} <= names
    sql = " ".join(r[0] for r in archive.conn.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'search_%'"))
    assert "search_dirty" in sql


def test_the_archive_stays_writable_without_kehu(archive, tmp_path):
    """The triggers are plain SQL: a bare sqlite3 connection can insert and update."""
    archive.close()
    conn = sqlite3.connect(archive.path)
    conn.execute("INSERT INTO customers(name, created_on) VALUES ('赵六', '2025-01-01')")
    conn.execute("UPDATE customers SET phone = '13700000000' WHERE name = '赵六'")
    conn.commit()
    assert conn.execute("SELECT count(*) FROM search_dirty").fetchone()[0] == 2
    conn.close()
    reopened = database.Archive.open(archive.path)
    try:
        assert search.pending(reopened.conn) == 1
        assert ids(fresh(reopened.conn), "zl") == [1]
    finally:
        reopened.close()


def test_upgrading_an_archive_queues_its_customers(tmp_path):
    path = tmp_path / "old.kehu"
    conn = database.connect(path)
    conn.execute(f"PRAGMA application_id = {database.APPLICATION_ID}")
    with database.transaction(conn):
        migrations.STEPS[0][1].upgrade(conn)
        conn.execute("PRAGMA user_version = 1")
    conn.execute("INSERT INTO customers(name, created_on) VALUES ('孙七', '2025-01-01')")
    conn.close()
    archive = database.Archive.open(path)
    try:
        assert search.pending(archive.conn) == 1
        assert ids(fresh(archive.conn), "孙") == [1]
    finally:
        archive.close()


def test_refresh_indexes_what_is_pending_and_clears_it(book):
    conn, made = book
    assert search.pending(conn) == len(made)
    assert search.refresh(conn) == len(made)
    assert search.pending(conn) == 0
    assert search.refresh(conn) == 0
    customers.update(conn, made["张三"], {"phone": "13500000000"}, by="test")
    customers.update(conn, made["张三"], {"notes": "not searched"}, by="test")
    assert search.pending(conn) == 1
    assert search.refresh(conn) == 1


def test_refresh_can_be_cancelled_and_changes_nothing(book):
    conn, made = book
    progress = Progress()
    progress.cancel()
    with pytest.raises(Cancelled):
        search.refresh(conn, progress)
    assert search.pending(conn) == len(made)
    assert conn.execute("SELECT count(*) FROM search_index").fetchone()[0] == 0


def test_refresh_reports_progress(book):
    conn, made = book
    seen = []

    class Recorder(Progress):
        def report(self, done, total=None, text=""):
            seen.append((done, total))

    search.refresh(conn, Recorder())
    assert seen[-1] == (len(made), len(made))


def test_changing_the_surname_rules_reindexes_everything(book, tmp_path, monkeypatch):
    conn, made = book
    finder = fresh(conn)
    assert ids(finder, "xiaoming") == [made["王小明"]]
    assert ids(finder, "yuxm") == []
    folder = tmp_path / "rules"
    shutil.copytree(rules.rules_dir(), folder)
    data = json.loads((folder / "surname_readings.json").read_text(encoding="utf-8"))
    data["surnames"]["王"] = ["wang", "yu"]
    (folder / "surname_readings.json").write_text(json.dumps(data, ensure_ascii=False),
                                                   encoding="utf-8")
    monkeypatch.setenv("KEHU_RULES_DIR", str(folder))
    assert search.pending(conn) == len(made)
    assert search.refresh(conn) == len(made)
    assert search.pending(conn) == 0
    assert ids(search.CustomerSearch(conn), "yuxm") == [made["王小明"]]


# -- what a query finds ---------------------------------------------------------

def test_one_and_two_chinese_characters(book):
    conn, made = book
    finder = fresh(conn)
    assert set(ids(finder, "张")) == {made[n] for n in ("张三丰", "张三", "李张", "张")}
    assert ids(finder, "三丰") == [made["张三丰"]]
    assert ids(finder, "小") == [made["王小明"]]
    assert ids(finder, "娜娜") == [made["欧阳娜娜"]]
    assert ids(finder, "赵") == []


def test_pinyin_initials_full_and_prefixes(book):
    conn, made = book
    finder = fresh(conn)
    for query in ("zsf", "zhangsanfeng", "zhangs", "zhangsf", "zhang san feng", "ZSF", "ZhangSanFeng"):
        assert made["张三丰"] in ids(finder, query), query
    assert ids(finder, "zsf") == [made["张三丰"]]
    assert set(ids(finder, "zs")) == {made["张三丰"], made["张三"]}
    assert ids(finder, "zhangsanfengx") == []
    assert ids(finder, "wxm") == [made["王小明"]]
    assert ids(finder, "oynn") == [made["欧阳娜娜"]]
    assert ids(finder, "ouyangn") == [made["欧阳娜娜"]]


def test_pinyin_from_a_later_syllable_ranks_after_the_start(book):
    conn, made = book
    finder = fresh(conn)
    assert ids(finder, "xiaoming") == [made["王小明"]]
    assert ids(finder, "xm") == [made["王小明"]]
    # 'z' starts 张... (from the start) and 李张 (li zhang: a later syllable).
    found = ids(finder, "zhang")
    assert found[-1] == made["李张"]
    assert finder.find("zhang").reason(made["李张"]) == "pinyin"


def test_every_special_surname_reading_finds_the_customer(archive):
    conn = archive.conn
    data = rules.load_json("surname_readings.json")
    made = {}
    for surname in list(data["surnames"]) + list(data["compound_surnames"]):
        made[surname] = add(conn, surname + "晓")
    finder = fresh(conn)
    for table in ("surnames", "compound_surnames"):
        for surname, ways in data[table].items():
            for way in ways:
                syllables = way.split()
                for query in ("".join(syllables) + "xiao", "".join(s[0] for s in syllables) + "x"):
                    assert made[surname] in ids(finder, query), (surname, query)


@pytest.mark.parametrize("name, queries", [
    ("单田芳", ("shan", "dan", "shantianfang", "dantianfang", "stf", "dtf", "shantf")),
    ("曾小贤", ("zeng", "ceng", "zengxiaoxian", "cengxiaoxian", "zxx", "cxx")),
    ("解晓东", ("xie", "jie", "xiexiaodong", "jiexiaodong", "xxd", "jxd")),
    ("区家明", ("ou", "qu", "oujiaming", "qujiaming", "ojm", "qjm")),
    ("仇千里", ("qiu", "chou", "qiuqianli", "chouqianli", "qql", "cql")),
    ("朴一山", ("piao", "pu", "piaoyishan", "puyishan", "pys")),
    ("查良镛", ("zha", "cha", "zhaliangyong", "chaliangyong", "zly", "cly")),
    ("盖大方", ("ge", "gai", "gedafang", "gaidafang", "gdf")),
    ("尉迟恭", ("yuchi", "yuchigong", "ycg", "weichigong", "wcg")),
])
def test_surnames_with_special_readings(archive, name, queries):
    cid = add(archive.conn, name)
    add(archive.conn, "王五")
    finder = fresh(archive.conn)
    for query in queries:
        assert ids(finder, query) == [cid], query


def test_common_surnames_are_not_found_by_rare_dictionary_readings(archive):
    add(archive.conn, "王伟")
    finder = fresh(archive.conn)
    assert ids(finder, "yuw") == []       # 王 has the dictionary reading yu; nobody means it
    assert ids(finder, "ww") == [1]


def test_phone_fragments_of_four_digits_or_more(book):
    conn, made = book
    finder = fresh(conn)
    assert ids(finder, "0013") == [made["张三丰"]]
    assert ids(finder, "13800138000") == [made["张三丰"]]
    assert ids(finder, "8765") == [made["张三"]]          # second phone
    assert ids(finder, "020-8765") == [made["张三"]]
    assert ids(finder, "+86 138 0013 8000") == [made["张三丰"]]
    assert finder.find("1111").reason(made["王小明"]) == "phone"
    assert ids(finder, "138") == []                        # three digits do not search phones


def test_full_width_input(book):
    conn, made = book
    finder = fresh(conn)
    assert ids(finder, "１３８００") == [made["张三丰"]]
    assert ids(finder, "ｚｓｆ") == [made["张三丰"]]
    assert ids(finder, "\u3000张三丰\u3000") == [made["张三丰"]]


def test_area_name(book):
    conn, made = book
    finder = fresh(conn)
    assert ids(finder, "城东") == in_pinyin_order(conn, [made["张三丰"], made["李张"]])
    assert ids(finder, "工业园") == [made["王小明"]]
    assert finder.find("新村").reason(made["张三"]) == "area"


def test_ranking_exact_then_prefix_then_substring_then_pinyin_phone_area(archive):
    conn = archive.conn
    exact = add(conn, "东方")
    prefix_b = add(conn, "东方红")
    prefix_a = add(conn, "东方红")      # same name: the lower id first
    substring = add(conn, "李东方")
    area = add(conn, "赵四", area="东方花园")
    finder = fresh(conn)
    result = finder.find("东方")
    assert result.ids == [exact, prefix_b, prefix_a, substring, area]
    assert result.kinds == ["name", "name", "name", "name", "area"]
    assert result.total == 5

    pinyin_start = add(conn, "丁伟")       # dw: from the start
    pinyin_later = add(conn, "王丁伟")     # dw: from a later syllable
    latin = add(conn, "DW Trading")      # the name itself holds 'dw'
    phone = add(conn, "钱七", "13900000000")
    finder = fresh(conn)
    assert ids(finder, "dw") == [latin, pinyin_start, pinyin_later]
    assert ids(finder, "0000") == [phone]


def test_limit_and_total(archive):
    conn = archive.conn
    made = [add(conn, f"张{c}") for c in "一二三四五六七八九十"]
    finder = fresh(conn)
    result = finder.find("张", limit=3)
    assert result.ids == in_pinyin_order(conn, made)[:3]
    assert result.total == 10
    assert finder.find("张", limit=0).ids == []


def test_empty_and_blank_queries_find_nothing(book):
    conn, _ = book
    finder = fresh(conn)
    for query in ("", "   ", "\u3000", None):
        result = finder.find(query)
        assert (result.ids, result.total) == ([], 0)


def test_normalize_query():
    assert search.normalize_query("  ＺＨＡＮＧ　San ") == "zhang san"
    assert search.normalize_query("１３８\t００") == "138 00"


# -- keeping up with changes ------------------------------------------------------

def test_deleted_customers_never_appear(book):
    conn, made = book
    finder = fresh(conn)
    customers.delete(conn, made["张三"], by="test")
    assert made["张三"] not in ids(finder, "张三")           # before any refresh
    assert made["张三"] not in ids(search.CustomerSearch(conn), "zs")
    search.refresh(conn)
    assert made["张三"] not in ids(finder, "zs")
    assert made["张三"] not in ids(search.CustomerSearch(conn), "8765")
    customers.undelete(conn, made["张三"], by="test")
    assert made["张三"] in ids(finder, "zs")


def test_a_customer_removed_from_the_table_disappears(book):
    conn, made = book
    finder = fresh(conn)
    with database.transaction(conn):
        conn.execute("DELETE FROM customer_history WHERE customer_id = ?", (made["张"],))
        conn.execute("DELETE FROM customers WHERE id = ?", (made["张"],))
    assert made["张"] not in ids(finder, "张")
    search.refresh(conn)
    assert made["张"] not in ids(finder, "张")
    assert made["张"] not in ids(search.CustomerSearch(conn), "张")


@pytest.mark.parametrize("refreshed", [False, True])
def test_edits_show_up_in_an_open_search(book, refreshed):
    conn, made = book
    finder = fresh(conn)
    new = add(conn, "赵云", "13655556666", area="城东社区")
    customers.update(conn, made["张三丰"], {"name": "张君宝", "phone": "13277778888"}, by="test")
    conn.execute("UPDATE areas SET name = '东湖社区' WHERE name = '城东社区'")
    if refreshed:
        search.refresh(conn)
    for f in (finder, search.CustomerSearch(conn)):
        assert ids(f, "zy") == [new]
        assert ids(f, "5666") == [new]
        assert ids(f, "zjb") == [made["张三丰"]]
        assert ids(f, "zsf") == []
        assert ids(f, "0013") == []
        assert ids(f, "7778") == [made["张三丰"]]
        assert set(ids(f, "东湖")) == {new, made["李张"], made["张三丰"]}
        assert ids(f, "城东") == []


def test_changes_committed_by_another_connection_show_up(archive, book):
    conn, made = book
    finder = fresh(conn)
    other = archive.reader()
    try:
        new = add(other, "周瑜", "13511112222")
        assert ids(finder, "zhouy") == [new]
        search.refresh(other)
        assert ids(finder, "zhouy") == [new]
        customers.delete(other, new, by="test")
        search.refresh(other)
        assert ids(finder, "zhouy") == []
    finally:
        other.close()


def test_changed_rows_and_rebuilt_arrays_agree(book, monkeypatch):
    conn, made = book
    finder = fresh(conn)
    for name in ("张无忌", "张翠山", "单雄信", "曾国藩", "丁张"):
        add(conn, name, "13100001111")
    customers.update(conn, made["李张"], {"name": "李长张"}, by="test")
    customers.delete(conn, made["张"], by="test")
    queries = ("张", "张三", "z", "zh", "zhang", "zs", "shan", "zeng", "0000", "1111", "城东", "l",
               "丰", "张三丰")
    incremental = {q: (finder.find(q).ids, finder.find(q).total) for q in queries}
    later = conn.execute("SELECT id FROM customers WHERE name = '丁张'").fetchone()[0]
    assert incremental["zhang"][0][-2:] == [later, made["李张"]]   # from a later syllable: last
    assert len(finder._changed) == 6
    rebuilt = fresh(conn)
    assert rebuilt._changed == {}
    assert {q: (rebuilt.find(q).ids, rebuilt.find(q).total) for q in queries} == incremental
    monkeypatch.setattr(search.CustomerSearch, "MAX_CHANGED", -1)
    from_customers = search.CustomerSearch(conn)   # built from the customers table
    assert {q: (from_customers.find(q).ids, from_customers.find(q).total) for q in queries} \
        == incremental


def test_many_changes_rebuild_the_arrays(book, monkeypatch):
    conn, made = book
    finder = fresh(conn)
    monkeypatch.setattr(search.CustomerSearch, "MAX_CHANGED", 2)
    a, b, c = (add(conn, n) for n in ("马超", "马岱", "马腾"))
    assert ids(finder, "马") == in_pinyin_order(conn, [a, b, c])
    assert finder._changed == {}


def test_too_many_new_names_wait_for_refresh(book, monkeypatch):
    conn, made = book
    finder = fresh(conn)
    monkeypatch.setattr(search.CustomerSearch, "MAX_COMPUTE", 1)
    a, b = add(conn, "黄忠"), add(conn, "黄盖")
    assert finder.update() == 2
    assert ids(finder, "黄") == []
    search.refresh(conn)
    assert finder.update() == 0
    assert set(ids(finder, "黄")) == {a, b}


def test_a_name_holding_the_separator_is_still_found(archive):
    conn = archive.conn
    conn.execute("INSERT INTO customers(name, created_on) VALUES (?, '2025-01-01')", ("甲\x1f乙",))
    conn.execute("INSERT INTO customers(name, created_on) VALUES ('丙丁', '2025-01-01')")
    finder = fresh(conn)
    assert ids(finder, "甲") == [1]
    assert ids(finder, "丙") == [2]


def test_readings_and_keys():
    assert search.readings("张三丰") == [("zhang", "san", "feng")]
    assert search.readings("John Smith") == [("john", "smith")]
    assert search.readings("吕布") == [("lv", "bu")]
    assert search.readings("") == []
    whole, later = search.name_keys("张三丰")
    assert set(whole.split()) == {"zhangsanfeng", "zhangsf", "zsf"}
    assert set(later.split()) == {"sanfeng", "sf", "feng"}
    assert {("shan", "tian", "fang"), ("dan", "tian", "fang")} <= set(search.readings("单田芳"))
    assert ("yu", "chi", "gong") in search.readings("尉迟恭")
