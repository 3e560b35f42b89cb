"""Pinyin order (拼音排序) of names and areas: the customer list's Name and Area
columns, and the search's order among equally good matches."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from gui.customers import columns as cols
from gui.customers.customer_table import CustomerTableModel
from model.customers import customers, search

BY = "tester"

# Expected order, by the rules in search.sort_key: toneless full pinyin, the
# surname read as a surname (单 shan, not dan; 曾 zeng, not ceng):
# bai xue < chen chen < ding yi < shan li < wang fang < zeng qiang < zhang wei.
PINYIN_ORDER = ["白雪", "陈晨", "丁一", "单丽", "王芳", "曾强", "张伟"]
ENTERED = ["张伟", "王芳", "白雪", "陈晨", "丁一", "单丽", "曾强"]


def add(conn, name, area=None) -> int:
    return customers.create(conn, {"name": name, "area": area}, BY)


def make_model(archive) -> CustomerTableModel:
    return CustomerTableModel(archive.conn, cols.customer_columns("zh_CN"))


def column_of(model, key):
    return [c.key for c in model.columns].index(key)


def shown(model, key="name"):
    col = column_of(model, key)
    return [model.data(model.index(r, col)) for r in range(model.rowCount())]


@pytest.fixture
def people(archive):
    for name in ENTERED:
        add(archive.conn, name)
    search.refresh(archive.conn)
    return archive


def test_sort_keys_spell_the_name_with_the_surnames_reading():
    assert search.sort_key("单丽") == "shan li\t单丽"
    assert search.sort_key("曾强") == "zeng qiang\t曾强"
    assert search.sort_key("区伟").startswith("ou wei\t")
    assert search.sort_key("解放").startswith("xie fang\t")
    assert search.sort_key("尉迟恭").startswith("yu chi gong\t")   # compound surname
    assert search.sort_key("单县", person=False).startswith("dan xian\t")  # a place: no surname
    # Syllables are separated, so 安娜 (an na) comes before 昂扬 (ang yang).
    assert sorted(["昂扬", "安娜"], key=search.sort_key) == ["安娜", "昂扬"]
    # A shorter name with the same start first; the same pinyin: by the name.
    assert sorted(["李明", "李", "黎明"], key=search.sort_key) == ["李", "李明", "黎明"]
    assert sorted(ENTERED) != PINYIN_ORDER      # code point order is not the answer


def test_name_column_sorts_in_pinyin_order_both_ways(qtmodeltester, people):
    model = make_model(people)
    model.sort(column_of(model, "name"), Qt.SortOrder.AscendingOrder)
    assert shown(model) == PINYIN_ORDER
    model.sort(column_of(model, "name"), Qt.SortOrder.DescendingOrder)
    assert shown(model) == PINYIN_ORDER[::-1]
    qtmodeltester.check(model)


def test_customers_not_yet_refreshed_still_appear_sorted_by_their_name(people):
    conn = people.conn
    add(conn, "阿强")                             # a qiang: first once refreshed
    renamed = conn.execute("SELECT id FROM customers WHERE name = '张伟'").fetchone()[0]
    customers.update(conn, renamed, {"name": "艾伟"}, BY)   # ai wei, once refreshed
    model = make_model(people)
    model.sort(column_of(model, "name"), Qt.SortOrder.AscendingOrder)
    # Meanwhile they sort by the name itself (after every pinyin key), not by a stale key.
    assert shown(model) == PINYIN_ORDER[:-1] + sorted(["阿强", "艾伟"])
    search.refresh(conn)
    model.refresh(data_changed=True)
    assert shown(model) == ["阿强", "艾伟"] + PINYIN_ORDER[:-1]


def test_area_column_sorts_in_pinyin_order_and_follows_a_rename(archive):
    conn = archive.conn
    for name, area in [("甲", "阳光小区"), ("乙", "科技园"), ("丙", "白云社区"), ("丁", None),
                       ("戊", "单县城关")]:
        add(conn, name, area)
    search.refresh(conn)
    model = make_model(archive)
    area = column_of(model, "area")
    model.sort(area, Qt.SortOrder.AscendingOrder)
    # bai yun < dan xian (a place: 单 is dan) < ke ji < yang guang; no area last.
    assert shown(model, "area") == ["白云社区", "单县城关", "科技园", "阳光小区", ""]
    model.sort(area, Qt.SortOrder.DescendingOrder)
    assert shown(model, "area") == ["阳光小区", "科技园", "单县城关", "白云社区", ""]
    conn.execute("UPDATE areas SET name = '澳门街' WHERE name = '阳光小区'")   # ao men
    search.refresh(conn)
    model.sort(area, Qt.SortOrder.AscendingOrder)
    model.refresh(data_changed=True)
    assert shown(model, "area") == ["澳门街", "白云社区", "单县城关", "科技园", ""]


def test_search_ties_follow_pinyin_order_also_for_changes_not_yet_refreshed(archive):
    conn = archive.conn
    for name in ["张小伟", "王小芳", "白小雪", "单小丽"]:
        add(conn, name)
    search.refresh(conn)
    finder = search.CustomerSearch(conn)
    by_id = dict(conn.execute("SELECT id, name FROM customers"))

    def found(query):
        return [by_id.get(i) for i in finder.find(query).ids]

    # All contain 小: one rank, in pinyin order (bai, shan, wang, zhang).
    assert found("小") == ["白小雪", "单小丽", "王小芳", "张小伟"]
    new = add(conn, "陈小晨")                     # not refreshed: merged in by its key
    by_id[new] = "陈小晨"
    assert found("小") == ["白小雪", "陈小晨", "单小丽", "王小芳", "张小伟"]
    search.refresh(conn)
    finder = search.CustomerSearch(conn)         # built from the index alone
    assert found("小") == ["白小雪", "陈小晨", "单小丽", "王小芳", "张小伟"]


def test_the_window_puts_names_in_pinyin_place_once_its_search_refresh_is_done(qtbot, tmp_path):
    """Opening an archive whose customers were never indexed (an import, an upgrade):
    the list first sorts them by their own name, then by pinyin once indexed."""
    from gui.main_window.main_window import MainWindow
    from model.archive.database import Archive
    path = tmp_path / "fresh.kehu"
    with Archive.create(path) as arch:
        for name in ENTERED:
            add(arch.conn, name)
        assert search.pending(arch.conn) == len(ENTERED)
    window = MainWindow("zh_CN")
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.archive_changed, timeout=15000):
        window.open_archive(path)
    page = window.page()
    with qtbot.waitSignal(window.search_ready, timeout=20000):
        page.model.set_sort("name")     # before the refresh: by the names themselves
        assert shown(page.model) == sorted(ENTERED)
    assert shown(page.model) == PINYIN_ORDER   # no new sort asked: the window re-sorted
    qtbot.waitUntil(lambda: not window.busy(), timeout=15000)
    window.close()
