"""Seed 002's grading axes on hand-computed examples: the record's size/potential/channel/
resources fields, importance, the urgency of handling, the KeyMan field and its migration."""
from __future__ import annotations

import sqlite3 as plain_sqlite
from datetime import date

import pytest

from model.customers import customers, exporting
from model.archive import database
from model import grading
from model.grading import deal, ruleset

AS_OF = date(2025, 6, 30)


# -- the record's fields -------------------------------------------------------------

def test_the_seed_fields_are_cleaned_from_chinese_and_english_words():
    cleaned = customers.clean({"name": "甲", "size": "中型企业", "potential_amount": "¥1,200,000",
                               "own_channel": "是", "scarce_resources": "no", "deal_status": "正在谈判",
                               "handle_by": "2025/7/3", "keyman_name": "李总", "keyman_role": "采购总监",
                               "keyman_phone": "138 0013 8000"})
    assert cleaned == {"name": "甲", "size": "medium", "potential_amount": 1200000.0, "own_channel": 1,
                       "scarce_resources": 0, "deal_status": "negotiating", "handle_by": "2025-07-03",
                       "keyman_name": "李总", "keyman_role": "采购总监", "keyman_phone": "13800138000"}
    assert customers.clean({"name": "乙", "size": "large", "deal_status": "已成交"})["deal_status"] == "closed"


def test_bad_seed_values_name_the_field_and_the_choices():
    with pytest.raises(customers.ValidationError) as caught:
        customers.clean({"name": "甲", "size": "巨型", "own_channel": "也许", "potential_amount": "-5",
                         "deal_status": "x"})
    problems = caught.value.problems
    assert set(problems) == {"size", "own_channel", "potential_amount", "deal_status"}
    assert "大型" in problems["size"] and "是/否" in problems["own_channel"]


def test_changes_to_the_seed_fields_keep_history(archive):
    conn = archive.conn
    cid = customers.create(conn, {"name": "甲", "deal_status": "potential"}, "t")
    assert customers.update(conn, cid, {"deal_status": "closed", "size": "large"}, "王芳") == \
        ["deal_status", "size"]
    rows = {h["field"]: (h["old_value"], h["new_value"]) for h in customers.history(conn, cid)}
    assert rows["deal_status"] == ("potential", "closed") and rows["size"] == (None, "large")


# -- importance and urgency ----------------------------------------------------------

def test_importance_by_the_potential_amount_line_from_the_rules():
    rules = ruleset.load()
    line = rules.importance.important_from
    assert line == 500000
    assert deal.importance(line, rules) == "important"
    assert deal.importance(line - 0.01, rules) == "not_important"
    assert deal.importance(None, rules) is None
    assert rules.importance.label("important", "zh") == "重要客户"


@pytest.mark.parametrize("handle_by, expected", [
    ("2025-06-01", "urgent"),       # already past: handle now
    ("2025-07-07", "urgent"),       # within 1 week (as-of + 7 days)
    ("2025-07-08", "soon"),         # 1 week to 1 month
    ("2025-07-30", "soon"),         # as-of + 1 month = 2025-07-30
    ("2025-07-31", "not_urgent"),   # 1 to 3 months
    ("2025-09-30", "not_urgent"),   # as-of + 3 months
    ("2025-10-01", "slow"),         # after 3 months: 可慢反应
])
def test_urgency_windows_of_handling(handle_by, expected):
    assert deal.handling_urgency(handle_by, AS_OF) == expected


def test_urgency_month_ends_as_in_python():
    # 31 January + 1 month is 28 February, in Python and in the list's SQL.
    assert deal.handling_urgency("2025-02-28", date(2025, 1, 31)) == "soon"
    assert deal.handling_urgency("2025-03-01", date(2025, 1, 31)) == "not_urgent"


def test_the_sql_urgency_and_importance_agree_with_python(archive):
    conn = archive.conn
    today = date.today()
    from datetime import timedelta
    days = [-3, 0, 7, 8, 20, 40, 80, 100, 400]
    ids = {d: customers.create(conn, {"name": f"c{d}", "handle_by": (today + timedelta(days=d)).isoformat(),
                                      "potential_amount": 500000 if d % 2 else 10}, "t") for d in days}
    sql = f"SELECT c.id, {deal.urgency_sql()}, {deal.importance_sql()} FROM customers c"
    found = {r[0]: (r[1], r[2]) for r in conn.execute(sql)}
    for d, cid in ids.items():
        row = customers.get(conn, cid)
        assert found[cid] == (deal.handling_urgency(row["handle_by"], today),
                              deal.importance(row["potential_amount"])), d


def test_the_export_carries_importance_and_the_handling_urgency(archive):
    conn = archive.conn
    cid = customers.create(conn, {"name": "甲", "potential_amount": 800000, "handle_by": "2025-07-05"}, "t")
    frame = grading.export_frame(conn, [cid], as_of=AS_OF, labels=False)
    assert frame.loc[cid, "importance"] == "important" and frame.loc[cid, "urgency"] == "urgent"
    labelled = grading.export_frame(conn, [cid], as_of=AS_OF, labels=True, language="zh_CN")
    assert labelled.loc[cid, "importance"] == "重要客户" and labelled.loc[cid, "urgency"] == "紧急"
    assert "importance" in exporting.export_keys(conn)


# -- KeyMan: the field, and the tags it replaces ------------------------------------



def test_keyman_tags_migrate_to_the_field(tmp_path):
    from model.archive import migrations
    conn = plain_sqlite.connect(":memory:")
    conn.row_factory = plain_sqlite.Row
    conn.isolation_level = None
    for number, module in migrations.STEPS:
        if number > 11:
            break
        with database.transaction(conn):
            module.upgrade(conn)
            conn.execute(f"PRAGMA user_version = {number}")
    rows = [("甲", "VIP,KeyMan,老客户", None), ("乙", None, "keyman: 李总 很好说话"), ("丙", "KeyManager", None),
            ("丁", "车主", "无")]
    for name, tags, notes in rows:
        conn.execute("INSERT INTO customers(name, created_on, tags, notes) VALUES (?, '2025-01-01', ?, ?)",
                     (name, tags, notes))
    for number, module in migrations.STEPS:
        if number > 11:
            with database.transaction(conn):
                module.upgrade(conn)
    got = {r["name"]: (r["keyman_name"], r["tags"]) for r in
           conn.execute("SELECT name, keyman_name, tags FROM customers")}
    assert got == {"甲": ("KeyMan", "VIP,老客户"), "乙": ("李总", None), "丙": (None, "KeyManager"),
                   "丁": (None, "车主")}
    history = conn.execute("SELECT field, old_value, new_value FROM customer_history WHERE changed_by = 'upgrade'"
                           " ORDER BY id").fetchall()
    assert [tuple(h) for h in history] == [("keyman_name", None, "KeyMan"), ("tags", "VIP,KeyMan,老客户", "VIP,老客户"),
                                           ("keyman_name", None, "李总")]


def test_list_columns_and_filters_for_deal_status_importance_and_urgency(archive, qapp):
    from datetime import timedelta
    from model.customers.customer_filters import CustomerFilter
    from gui.grading.grade_columns import grade_columns
    conn = archive.conn
    soon = (date.today() + timedelta(days=3)).isoformat()
    won = customers.create(conn, {"name": "甲", "deal_status": "已成交", "potential_amount": 900000,
                                  "handle_by": soon}, "t")
    talk = customers.create(conn, {"name": "乙", "deal_status": "正在谈判", "potential_amount": 1000}, "t")
    none = customers.create(conn, {"name": "丙"}, "t")

    def ids(*grades):
        where, params = CustomerFilter(grades=grades).where()
        return [r[0] for r in conn.execute(f"SELECT c.id FROM customers c LEFT JOIN areas a ON a.id = c.area_id"
                                           f" WHERE {where} ORDER BY c.id", params)]
    assert ids("deal_status:closed") == [won]
    assert ids("deal_status:closed", "deal_status:negotiating") == [won, talk]
    assert ids("importance:important") == [won] and ids("importance:not_important") == [talk]
    assert ids("importance:") == [none]
    assert ids("urgency:urgent") == [won] and ids("deal_status:negotiating", "urgency:urgent") == []
    columns = {c.key: c for c in grade_columns("zh_CN")}
    row = conn.execute(f"SELECT {columns['deal_status'].select}, {columns['importance'].select},"
                       f" {columns['urgency'].select} FROM customers c WHERE c.id = ?", (won,)).fetchone()
    assert [columns[k].format(v) for k, v in zip(("deal_status", "importance", "urgency"), row)] == \
        ["已成交", "重要客户", "紧急"]


def test_grades_of_an_archive_graded_with_the_old_95_percent_cut_move_on_regrade(archive, tmp_path):
    """Today's archives hold value tiers from the 80/95% rule: they read as they were,
    the first regrade by the seed's rule re-grades them (with history), the next writes nothing."""
    import shutil
    import json
    from model.core import rules as base_rules
    conn = archive.conn
    ids = [customers.create(conn, {"name": f"客户{i}"}, "t") for i in range(4)]
    with database.transaction(conn):
        for cid, amount in zip(ids, (50, 30, 15, 5)):
            conn.execute("INSERT INTO transactions(customer_id, txn_date, amount) VALUES (?, '2025-06-01', ?)",
                         (cid, amount))
    old = tmp_path / "old-rules"
    shutil.copytree(base_rules.resource_path("rules"), old)
    data = json.loads((old / "grading.json").read_text(encoding="utf-8"))
    data["value_tier"]["cutoffs"].append({"tier": "B", "until_share": 0.95})
    for key in ("scarce_resources", "size_rule"):
        del data["value_tier"][key]
    (old / "grading.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    import os
    os.environ["KEHU_RULES_DIR"] = str(old)
    try:
        grading.apply(conn, grading.compute(grading.load_inputs(conn, AS_OF)))
    finally:
        del os.environ["KEHU_RULES_DIR"]
    before = grading.current(conn, ids[2])["value_tier"]
    assert before.value == "B" and "95.0%" in before.explanation("en")     # still explained as stored
    result = grading.apply(conn, grading.compute(grading.load_inputs(conn, AS_OF)))
    assert result.per_scheme_counts["value_tier"] == 1                      # the old B → C
    assert grading.current(conn, ids[2])["value_tier"].value == "C"
    assert [h.value for h in grading.history(conn, ids[2], "value_tier")] == ["C", "B"]
    again = grading.apply(conn, grading.compute(grading.load_inputs(conn, AS_OF)))
    assert again.changed_rows == 0 and again.refreshed_rows == 0
