"""The customer list's model: lazy pages over an ordered id list, sorting, filters, views."""
from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt

from gui.customers import columns as cols
from model.customers.customer_filters import (NONE, CustomerFilter, SavedView, builtin_views, load_views,
                                    remove_view, store_view)
from gui.customers.customer_table import CustomerTableModel
from model.customers import customers
from model.core import settings

BY = "tester"

PEOPLE = [
    # name, phone, area, area type, manager, age code, channel code
    ("张三丰", "13800001111", "阳光小区", "community", "李经理", "1.4", "9.1"),
    ("李四", "13900002222", "阳光小区", "community", "李经理", "1.3", "9.2"),
    ("王五", None, "科技园", "industrial_park", "王经理", "1.3", "9.1"),
    ("赵六", "13700003333", None, None, None, "1.5", None),
    ("钱七", None, "科技园", "industrial_park", "王经理", None, "9.2"),
    ("孙八", "13600004444", "师范大学", "campus", "李经理", "1.2", "9.2"),
    ("周九", "13500005555", "阳光小区", "community", "王经理", "1.4", "9.1"),
]


@pytest.fixture
def filled(archive):
    ids = {}
    for name, phone, area, area_type, manager, age, channel in PEOPLE:
        ids[name] = customers.create(archive.conn, {
            "name": name, "phone": phone, "area": area, "area_type": area_type,
            "manager": manager or BY, "dim_age": age, "dim_channel": channel,
            "dim_financial_assets": "4.2"}, BY)
        if manager is None:    # held by nobody, as in an archive from before 归户 was enforced
            archive.conn.execute("UPDATE customers SET manager = NULL WHERE id = ?", (ids[name],))
    customers.log_contact(archive.conn, ids["李四"], customers.Contact("2024-03-01", "visit"), BY)
    customers.log_contact(archive.conn, ids["李四"], customers.Contact("2025-01-15", "phone"), BY)
    customers.log_contact(archive.conn, ids["王五"], customers.Contact("2024-12-31", "sms"), BY)
    return archive, ids


def make_model(archive, language="en") -> CustomerTableModel:
    return CustomerTableModel(archive.conn, cols.customer_columns(language))


def column(model: CustomerTableModel, key: str) -> int:
    return [c.key for c in model.columns].index(key)


def names(model: CustomerTableModel) -> list[str]:
    return [model.data(model.index(r, column(model, "name"))) for r in range(model.rowCount())]


def test_qt_model_tester_passes_with_filters_sort_and_search(qtmodeltester, filled):
    archive, ids = filled
    model = make_model(archive)
    qtmodeltester.check(model)
    model.set_filter(CustomerFilter(manager="李经理"))
    model.sort(column(model, "area"), Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(model)
    model.set_search([ids["王五"], ids["张三丰"]])
    qtmodeltester.check(model)


def test_sorted_by_name_then_any_column_both_ways(filled):
    archive, _ = filled
    model = make_model(archive)
    assert names(model) == sorted(p[0] for p in PEOPLE)
    model.sort(column(model, "name"), Qt.SortOrder.DescendingOrder)
    assert names(model) == sorted((p[0] for p in PEOPLE), reverse=True)
    # Customers without an area come last whichever the direction.
    area = column(model, "area")
    model.sort(area, Qt.SortOrder.AscendingOrder)
    shown = [model.data(model.index(r, area)) for r in range(model.rowCount())]
    assert shown[-1] == "" and shown[:-1] == sorted(shown[:-1])
    model.sort(area, Qt.SortOrder.DescendingOrder)
    shown = [model.data(model.index(r, area)) for r in range(model.rowCount())]
    assert shown[-1] == "" and shown[:-1] == sorted(shown[:-1], reverse=True)
    assert model.sort_key() == ("area", True)


def test_last_contact_is_the_latest_contact_date_and_sorts(filled):
    archive, ids = filled
    model = make_model(archive)
    last = column(model, "last_contact")
    assert model.data(model.index(model.row_of(ids["李四"]), last)) == "2025-01-15"
    assert model.data(model.index(model.row_of(ids["张三丰"]), last)) == ""
    model.sort(last, Qt.SortOrder.DescendingOrder)
    assert names(model)[:2] == ["李四", "王五"]


def test_labels_come_in_the_users_language(filled):
    archive, ids = filled
    english, chinese = make_model(archive, "en"), make_model(archive, "zh_CN")
    row = english.row_of(ids["张三丰"])
    assert english.data(english.index(row, column(english, "dim_age"))) == "35-50"
    assert chinese.data(chinese.index(row, column(chinese, "dim_age"))) == "35-50岁"
    assert english.data(english.index(row, column(english, "area_type"))) == "Residential community"
    assert chinese.data(chinese.index(row, column(chinese, "area_type"))) == "社区型"
    assert chinese.headerData(column(chinese, "dim_channel"), Qt.Orientation.Horizontal) == "渠道偏好"


def test_sensitive_dimensions_are_hidden_by_default():
    columns = cols.customer_columns("en")
    hidden = {c.key for c in columns if not c.visible_by_default}
    assert hidden == {"dim_financial_assets", "dim_property", "dim_risk_appetite"}


@pytest.mark.parametrize("flt, expected", [
    (CustomerFilter(area="阳光小区"), {"张三丰", "李四", "周九"}),
    (CustomerFilter(area=NONE), {"赵六"}),
    (CustomerFilter(area_type="industrial_park"), {"王五", "钱七"}),
    (CustomerFilter(manager="王经理"), {"王五", "钱七", "周九"}),
    (CustomerFilter(manager=NONE), {"赵六"}),
    # codes of one dimension are alternatives, different dimensions must all hold
    (CustomerFilter(codes=("1.3", "1.4")), {"张三丰", "李四", "王五", "周九"}),
    (CustomerFilter(codes=("1.3", "1.4", "9.1")), {"张三丰", "王五", "周九"}),
    (CustomerFilter(red_list=True), {"王五", "钱七"}),
    (CustomerFilter(manager="李经理", area_type="community"), {"张三丰", "李四"}),
    (CustomerFilter(area="没有这个小区"), set()),
])
def test_filters(filled, flt, expected):
    archive, _ = filled
    model = make_model(archive)
    model.set_filter(flt)
    assert set(names(model)) == expected
    assert model.total() == len(PEOPLE)
    assert model.view_ids() == [model.customer_id(r) for r in range(model.rowCount())]


def test_view_ids_are_none_without_filter_or_search(filled):
    archive, ids = filled
    model = make_model(archive)
    assert model.view_ids() is None
    model.set_search([ids["周九"]])
    assert model.view_ids() == [ids["周九"]]


def test_search_keeps_rank_order_within_the_filter_until_a_column_is_sorted(filled):
    archive, ids = filled
    model = make_model(archive)
    ranked = [ids["周九"], ids["王五"], ids["张三丰"], ids["钱七"]]
    model.set_search(ranked)
    model.set_sort(None)
    assert names(model) == ["周九", "王五", "张三丰", "钱七"]
    model.set_filter(CustomerFilter(manager="王经理"))
    assert names(model) == ["周九", "王五", "钱七"]
    model.set_sort("name")
    assert names(model) == sorted(["周九", "王五", "钱七"])
    model.set_search(None)
    assert set(names(model)) == {"王五", "钱七", "周九"}


def test_rows_are_fetched_in_pages_and_only_a_few_pages_are_kept(filled, monkeypatch):
    archive, ids = filled
    monkeypatch.setattr(CustomerTableModel, "PAGE_SIZE", 2)
    monkeypatch.setattr(CustomerTableModel, "CACHED_PAGES", 2)
    model = make_model(archive)
    statements = []
    archive.conn.set_trace_callback(statements.append)
    try:
        assert names(model) == sorted(p[0] for p in PEOPLE)
    finally:
        archive.conn.set_trace_callback(None)
    pages = [s for s in statements if "json_each" in s]
    assert len(pages) == 4                     # 7 rows in pages of 2
    assert len(model._pages) == 2              # the least recently used were dropped
    assert all("c.id IN (SELECT value FROM json_each" in s for s in pages)


def test_a_deleted_customer_leaves_the_list_and_the_count(filled):
    archive, ids = filled
    model = make_model(archive)
    customers.delete(archive.conn, ids["李四"], BY)
    row = model.row_of(ids["李四"])
    assert model.data(model.index(row, 0)) is not None      # stale list: no crash
    model.refresh(data_changed=True)
    assert "李四" not in names(model)
    assert model.total() == len(PEOPLE) - 1
    assert model.row_of(ids["李四"]) is None


def test_filter_round_trips_through_json():
    flt = CustomerFilter(area="阳光小区", area_type=None, manager=NONE, codes=("1.3", "9.2"),
                         red_list=True)
    assert CustomerFilter.from_dict(json.loads(json.dumps(flt.to_dict()))) == flt
    assert CustomerFilter.from_dict({"codes": [1, "2.1"], "area": 5}) == CustomerFilter(codes=("2.1",))


def test_saved_views_are_stored_replaced_and_removed():
    assert [v.builtin for v in load_views()] == ["all", "red_list"]
    store_view(SavedView("我的小区", CustomerFilter(area="阳光小区"), ("last_contact", True)))
    store_view(SavedView("Managers", CustomerFilter(manager="王经理")))
    store_view(SavedView("我的小区", CustomerFilter(area="科技园")))
    views = load_views()
    assert [v.name for v in views[2:]] == ["Managers", "我的小区"]
    assert views[3].filter.area == "科技园" and views[3].sort is None
    remove_view("Managers")
    assert [v.name for v in load_views()[2:]] == ["我的小区"]
    assert load_views()[:2] == builtin_views()
    settings.put(settings.SAVED_VIEWS, "not json")
    assert load_views() == builtin_views()


def test_column_choice_is_remembered_by_key_and_new_columns_find_their_place():
    columns = cols.customer_columns("en")
    choice = cols.default_choice(columns)
    choice[0], choice[3] = choice[3], choice[0]
    choice[1].visible = False
    choice[2].width = 321
    cols.save_choice(choice)
    assert cols.load_choice(columns) == choice
    # A later version adds a column: it appears at its default place, the rest as chosen.
    grade = cols.Column("value_tier", "Value tier", "NULL")
    later = [*columns[:5], grade, *columns[5:]]
    loaded = cols.load_choice(later)
    assert [c.key for c in loaded if c.key != "value_tier"] == [c.key for c in choice]
    assert [c.key for c in loaded].index("value_tier") == 5
    settings.put(settings.CUSTOMER_COLUMNS, "[{")
    assert cols.load_choice(columns) == cols.default_choice(columns)


def test_on_a_big_archive_a_new_order_is_worked_out_in_the_background(qtbot, filled,
                                                                      monkeypatch):
    archive, ids = filled
    monkeypatch.setattr(CustomerTableModel, "ASYNC_ABOVE", 0)
    model = CustomerTableModel(archive.conn, cols.customer_columns("en"), reader=archive.reader)
    before = names(model)
    with qtbot.waitSignal(model.busy_changed, check_params_cb=lambda busy: not busy):
        model.sort(column(model, "phone"), Qt.SortOrder.AscendingOrder)
        assert model.busy() and names(model) == before    # the old order until the new one
        # A newer request overtakes the first: only its result is shown.
        model.sort(column(model, "name"), Qt.SortOrder.DescendingOrder)
    qtbot.waitUntil(lambda: not model.busy())
    qtbot.wait(50)   # the overtaken result, if it came later, must not be applied either
    assert names(model) == sorted(before, reverse=True)
    # Edits show at once, without a round trip through a worker.
    customers.create(archive.conn, {"name": "新客户"}, BY)
    model.refresh(data_changed=True)
    assert not model.busy() and "新客户" in names(model) and model.total() == len(PEOPLE) + 1
