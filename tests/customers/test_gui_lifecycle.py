"""The lifecycle stage in the window: the customer list's column (sorted, in both languages)
and filter, the Dashboard's chart whose bars open the list, the customer's grades tab."""
from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt

from gui.grading.dashboard import DashboardPage
from model.customers import customers, lifecycle
from model.archive import database
from model.core import settings
from tests.grading.test_gui_dashboard import column_texts, shown_ids

pytestmark = pytest.mark.gui

TODAY = date.today()

# name: [(days ago, amount)], expected stage
BOOK = {
    "赵潜在": ([], "potential"),
    "钱新客": ([(30, 500)], "new"),
    "孙成长": ([(400, 1000), (30, 2000)], "growing"),
    "李成熟": ([(400, 1000), (30, 1000)], "mature"),
    "周衰退": ([(400, 1000), (30, 300)], "declining"),
    "吴流失": ([(500, 1000)], "lost"),
}


@pytest.fixture
def book(archive):
    settings.put(settings.USER_NAME, "王芳")
    conn = archive.conn
    ids = {}
    with database.transaction(conn):
        for name, (txns, _) in BOOK.items():
            ids[name] = customers.create(conn, {"name": name, "manager": "王芳", "area": "幸福小区"}, by="t")
            conn.executemany("INSERT INTO transactions(customer_id, txn_date, amount) VALUES (?, ?, ?)",
                             [(ids[name], (TODAY - timedelta(days=d)).isoformat(), a) for d, a in txns])
    return archive, ids


def test_the_dashboard_chart_counts_the_stages_and_a_bar_lists_them(qtbot, book):
    archive, ids = book
    page = DashboardPage(archive, "en")
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.loaded, timeout=10000):
        page.show()
    assert page.lifecycle.counts() == dict.fromkeys(lifecycle.STAGES, 1)
    assert page.lifecycle.counts() == lifecycle.counts(archive.conn, TODAY)
    with qtbot.waitSignal(page.customers_requested) as asked:
        page.lifecycle._clicked(lifecycle.STAGES.index("lost"))
    assert asked.args[0].grades == ("lifecycle:lost",)
    where, params = asked.args[0].where()
    found = [r[0] for r in archive.conn.execute(
        f"SELECT c.id FROM customers c LEFT JOIN areas a ON a.id = c.area_id WHERE {where}", params)]
    assert found == [ids["吴流失"]]


@pytest.fixture
def window(qtbot, book):
    from gui.main_window.main_window import MainWindow
    archive, ids = book
    path = archive.path
    archive.close()
    window = MainWindow("en")
    window.show()
    with qtbot.waitSignal(window.deferred_loaded, timeout=20000):
        with qtbot.waitSignal(window.archive_changed, timeout=15000):
            window.open_archive(path)
    qtbot.waitUntil(lambda: not window.busy(), timeout=15000)
    yield window, ids
    qtbot.waitUntil(lambda: not window.busy(), timeout=15000)
    window.close()
    window.deleteLater()


def test_the_column_sorts_by_stage_and_the_filter_picks_stages(qtbot, window):
    window, ids = window
    page = window.page()
    keys = [c.key for c in page.columns]
    assert "lifecycle" in keys
    page.model.sort(keys.index("lifecycle"), Qt.SortOrder.AscendingOrder)
    assert column_texts(window, "lifecycle") == ["Potential", "New", "Growing", "Mature", "Declining", "Lost"]
    assert shown_ids(window) == [ids[n] for n in BOOK]
    menu = page.filter_bar.grades
    menu._actions["lifecycle:new"].setChecked(True)
    assert shown_ids(window) == [ids["钱新客"]]
    menu._actions["lifecycle:declining"].setChecked(True)        # stages are alternatives
    assert sorted(shown_ids(window)) == sorted([ids["钱新客"], ids["周衰退"]])
    assert page.filter_bar.filter().grades == ("lifecycle:new", "lifecycle:declining")
    menu.set_choice((), False, emit=True)
    assert len(shown_ids(window)) == len(BOOK)


def test_the_column_speaks_chinese_and_the_grades_tab_explains(qtbot, book):
    from gui.grading.grade_columns import lifecycle_column
    from gui.grading.grade_panel import GradePanel
    archive, ids = book
    column = lifecycle_column("zh_CN")
    rows = dict(archive.conn.execute(f"SELECT c.id, {column.select} FROM customers c"))
    assert {name: column.format(rows[cid]) for name, cid in ids.items()} == {
        "赵潜在": "潜在", "钱新客": "新客", "孙成长": "成长", "李成熟": "成熟", "周衰退": "衰退", "吴流失": "流失"}
    panel = GradePanel(archive)
    qtbot.addWidget(panel)
    panel.load(ids["周衰退"])
    assert panel.lifecycle_value.text() == "Declining"
    assert "70% below" in panel.lifecycle_explanation.text()
    panel.load(None)
    assert panel.lifecycle_value.text() == ""
