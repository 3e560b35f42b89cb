"""The Dashboard: counts per grade as stored, the persona mix against the targets,
the Pareto curve, overdue tracking, scopes, and bars that open the filtered list;
the grade columns and filters of the customer list."""
from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt

from gui.grading.dashboard import DashboardPage
from model.customers import customers
from model.archive import database
from model import grading
from model.core import settings

pytestmark = pytest.mark.gui

TODAY = date.today()
RETIREE = {"dim_age": "1.5", "dim_family": "2.4", "dim_occupation": "3.4", "dim_financial_assets": "4.3",
           "dim_property": "5.3", "dim_schedule": "6.2", "dim_risk_appetite": "7.3", "dim_consumption": "8.3",
           "dim_channel": "9.1"}
CLERK = {"dim_age": "1.3", "dim_family": "2.2", "dim_occupation": "3.3", "dim_financial_assets": "4.4",
         "dim_property": "5.3", "dim_schedule": "6.1", "dim_risk_appetite": "7.2", "dim_consumption": "8.2",
         "dim_channel": "9.2"}
AMOUNTS = (6000, 2000, 1000, 500, 300, 200, 0, 0)


@pytest.fixture
def graded(archive):
    """Eight customers (two managers), graded; opportunity answers for three, one overdue."""
    settings.put(settings.USER_NAME, "王芳")
    conn = archive.conn
    ids = []
    for i, amount in enumerate(AMOUNTS):
        dims = RETIREE if i % 2 == 0 else CLERK
        cid = customers.create(conn, {"name": f"客户{i}", "area": "幸福小区" if i < 4 else "阳光花园",
                                      "manager": "王芳" if i < 5 else "李强", **dims}, by="test")
        ids.append(cid)
        if amount:
            with database.transaction(conn):
                conn.execute("INSERT INTO transactions(customer_id, txn_date, amount) VALUES (?, ?, ?)",
                             (cid, (TODAY - timedelta(days=5 + i)).isoformat(), amount))
    grading.apply(conn, grading.compute(grading.load_inputs(conn, TODAY)))
    old = TODAY - timedelta(days=20)
    grading.set_opportunity(conn, ids[0], "clear", "1m", by="王芳", as_of=old)    # daily: overdue
    grading.set_opportunity(conn, ids[1], "clear", "3m", by="王芳", as_of=TODAY)  # weekly: due today
    grading.set_opportunity(conn, ids[5], "none", "never", by="李强", as_of=old)  # E: no tracking
    return archive, ids


def open_dashboard(qtbot, archive) -> DashboardPage:
    page = DashboardPage(archive, "en")
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.loaded, timeout=10000):
        page.show()
    return page


def test_counts_match_the_stored_distribution(qtbot, graded):
    archive, ids = graded
    page = open_dashboard(qtbot, archive)
    stored = grading.distribution(archive.conn)
    for scheme, chart in page.charts.items():
        assert {k: v for k, v in chart.counts().items() if v} == stored[scheme]
    assert page.charts[grading.VALUE_TIER].keys() == ["A", "B", "C"]          # every tier, even at zero
    assert page.overdue.counts() == {"A": 1, "B": 0, "C": 0, "D": 0} == {
        g: grading.overdue_counts(archive.conn, TODAY).get(g, 0) for g in "ABCD"}
    assert "1 tracking dates overdue" in page.summary.text()
    # Pareto of the stored amounts: 6000 of 10,000 is the first of eight customers.
    assert page.pareto.crossings[0.8] == pytest.approx(2 / 8)


def test_the_persona_mix_marks_the_target_personas(qtbot, graded):
    archive, _ids = graded
    page = open_dashboard(qtbot, archive)
    chart = page.charts[grading.PERSONA]
    targets = set(grading.load_rules().persona.target_personas)
    assert chart._marked == targets
    counts = grading.distribution(archive.conn)[grading.PERSONA]
    in_target = sum(n for k, n in counts.items() if k in targets)
    assert in_target == 8 and "100% of the customers with a persona" in chart.chart().title()


def test_a_scope_counts_only_its_customers(qtbot, graded):
    archive, ids = graded
    page = open_dashboard(qtbot, archive)
    with qtbot.waitSignal(page.loaded, timeout=10000):
        page.set_scope("manager", "李强")
    mine = grading.distribution(archive.conn, ids[5:])
    for scheme, chart in page.charts.items():
        assert {k: v for k, v in chart.counts().items() if v} == mine[scheme]
    assert sum(page.charts[grading.VALUE_TIER].counts().values()) == 3
    flt = page.list_filter(grading.VALUE_TIER, "C")
    assert flt.manager == "李强" and flt.grades == ("value_tier:C",) and not flt.overdue


def test_clicking_a_bar_asks_for_the_filtered_list(qtbot, graded):
    archive, _ids = graded
    page = open_dashboard(qtbot, archive)
    chart = page.charts[grading.VALUE_TIER]
    with qtbot.waitSignal(page.customers_requested) as asked:
        chart._clicked(0)                                   # what a click on bar "A" calls
    assert asked.args[0].grades == ("value_tier:A",)
    page.overdue.setFocus()
    with qtbot.waitSignal(page.customers_requested) as asked:
        qtbot.keyClick(page.overdue, Qt.Key.Key_Home)      # no-op key, then Enter on the first bar
        qtbot.keyClick(page.overdue, Qt.Key.Key_Return)
    assert asked.args[0].grades == ("opportunity:A",) and asked.args[0].overdue


# -- in the main window: the Dashboard area, the list's grade columns and filters -------

@pytest.fixture
def window(qtbot, graded):
    from gui.main_window.main_window import MainWindow
    archive, ids = graded
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


def shown_ids(window) -> list[int]:
    model = window.page().model
    return [model.customer_id(r) for r in range(model.rowCount())]


def column_texts(window, key: str) -> list[str]:
    page = window.page()
    column = [c.key for c in page.columns].index(key)
    return [page.model.data(page.model.index(r, column)) for r in range(page.model.rowCount())]


def test_a_bar_of_the_dashboard_area_filters_the_list(qtbot, window):
    window, ids = window
    dashboard = window.show_area("dashboard")
    assert isinstance(dashboard, DashboardPage)
    qtbot.waitUntil(lambda: dashboard.data is not None, timeout=10000)
    tiers = grading.distribution(window.archive.conn)[grading.VALUE_TIER]
    assert dashboard.charts[grading.VALUE_TIER].counts() == {t: tiers.get(t, 0) for t in "ABC"}
    dashboard.charts[grading.VALUE_TIER]._clicked(0)                # bar "A"
    assert window.stack.currentWidget() is window.page()
    tier_a = [cid for cid, in window.archive.conn.execute(
        "SELECT customer_id FROM grades WHERE scheme = 'value_tier' AND value = 'A'")]
    assert sorted(shown_ids(window)) == sorted(tier_a) and len(tier_a) == tiers["A"]
    assert window.page().filter_bar.grades.grades() == ("value_tier:A",)
    # The overdue bar of grade A: the one customer whose daily tracking is past.
    window.show_area("dashboard")
    dashboard.overdue._clicked(0)
    assert shown_ids(window) == [ids[0]]


def test_grade_columns_sort_and_filter(qtbot, window):
    window, ids = window
    page = window.page()
    keys = [c.key for c in page.columns]
    page.model.sort(keys.index("value_tier"), Qt.SortOrder.AscendingOrder)
    tiers = column_texts(window, "value_tier")
    assert tiers == sorted(tiers, key="ABC".index) and tiers[0] == "A" and tiers[-1] == "C"
    page.model.sort(keys.index("overdue_days"), Qt.SortOrder.DescendingOrder)
    assert shown_ids(window)[0] == ids[0] and column_texts(window, "overdue_days")[0] == "20"
    page.model.sort(keys.index("next_tracking_date"), Qt.SortOrder.AscendingOrder)
    dates = column_texts(window, "next_tracking_date")
    # No contact yet: due on the day graded (20 days ago for the daily A, today for the weekly B).
    assert dates[:2] == [(TODAY - timedelta(days=20)).isoformat(), TODAY.isoformat()] and dates[2] == ""
    assert column_texts(window, "opportunity_grade")[:2] == ["A", "B"]
    # The filter bar's grade menu: values of one grade are alternatives, grades combine.
    menu = page.filter_bar.grades
    menu._actions["opportunity:A"].setChecked(True)
    menu._actions["opportunity:E"].setChecked(True)
    assert sorted(shown_ids(window)) == [ids[0], ids[5]]
    menu._actions["value_tier:A"].setChecked(True)
    assert shown_ids(window) == [ids[0]]
    menu.set_choice(("persona:",), False, emit=True)               # not graded: nobody
    assert shown_ids(window) == []
    menu.set_choice((), True, emit=True)                           # tracking overdue
    assert shown_ids(window) == [ids[0]] and menu.text() == "Grades (1)"
