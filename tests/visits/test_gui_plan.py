"""The Visits area: due list, plan screen (table by day, route, changes, re-optimise),
logging visits, exports and printouts, with real widgets and a small archive."""
from __future__ import annotations

import csv
import math
import subprocess
from datetime import date, timedelta

import icalendar
import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QPushButton

from gui.common.forms import to_qdate
from gui.visits import plan_dialogs
from gui.visits.plan_dialogs import CustomerPicker, NewPlanDialog, OutcomeDialog
from gui.visits.print_dialogs import PlanPrintDialog, TrackingLogDialog
from gui.visits.plan_page import PlanPage
from gui.visits.route_view import RoutePanel, RouteView, nice_length
from gui_helpers import type_text
from model.visits import due, visit_plan
from model.core import settings
from model.visits.routing import haversine_m
from tests.planning_data import customer, spread

pytestmark = pytest.mark.gui

TODAY = date.today()
START = TODAY - timedelta(days=TODAY.weekday())          # this week's Monday: visits are not in the future
LONG_AGO = START - timedelta(days=60)


@pytest.fixture
def data(archive):
    """Eight overdue A-tier customers with positions, one without, and two C-tier calls."""
    conn = archive.conn
    visits = []
    for i in range(8):
        lat, lon = spread(i)
        visits.append(customer(conn, f"甲客户{i}", lat=lat, lon=lon, tier="A", last_visit=LONG_AGO))
    visits.append(customer(conn, "无坐标", area="幸福里", tier="A", last_visit=LONG_AGO))
    calls = [customer(conn, f"丙客户{i}", tier="C", last_contact=START - timedelta(days=200))
             for i in range(2)]
    return {"visits": visits, "calls": calls}


def request(**kw) -> visit_plan.PlanRequest:
    kw.setdefault("start", START)
    kw.setdefault("days", 5)
    kw.setdefault("per_day", 3)
    kw.setdefault("time_limit", 0.3)
    kw.setdefault("start_point", spread(0))
    kw.setdefault("title", "第48周")
    return visit_plan.PlanRequest(**kw)


def make_page(qtbot, archive) -> PlanPage:
    page = PlanPage(archive, "en")
    qtbot.addWidget(page)
    page.resize(1400, 900)
    return page


def settle(qtbot, panel) -> None:
    qtbot.waitUntil(lambda: not panel.busy(), timeout=20000)


def planned_page(qtbot, archive, **kw):
    page = make_page(qtbot, archive)
    panel = page.plans
    panel.build(request(**kw))
    settle(qtbot, panel)
    assert panel.plan is not None
    return page, panel


def visit_on(panel, day: int, position: int) -> visit_plan.PlanVisit:
    return panel.plan.days[day].visits[position - 1]


def select(qtbot, panel, visit) -> None:
    panel.select_visit(visit.id)
    assert panel.current_visit().id == visit.id


# -- the due list ------------------------------------------------------------------

def test_due_list_shows_visits_and_calls_with_why_and_plans_them(qtbot, monkeypatch, archive, data):
    page = make_page(qtbot, archive)
    panel = page.due
    panel.from_edit.setDate(to_qdate(START))
    panel.to_edit.setDate(to_qdate(START + timedelta(days=4)))
    with qtbot.waitSignal(panel.loaded, timeout=20000):
        panel.load()
    assert panel.visits_model.rowCount() == len(data["visits"])
    assert panel.calls_model.rowCount() == len(data["calls"])
    first = panel.visits_table.model().index(0, 0)
    assert first.data() == "1"
    why = panel.visits_table.model().index(0, 10).data()
    assert "value tier A" in why
    assert "call every 90 days" in panel.calls_table.model().index(0, 10).data()
    assert "(9)" in panel.visits_label.text() and "(2)" in panel.calls_label.text()

    asked = {}

    def fake_ask(parent, archive_, start=None, days=None, manager=None):
        asked.update(start=start, days=days, manager=manager)
        return request(start=start, days=days, manager=manager)
    monkeypatch.setattr(NewPlanDialog, "ask", staticmethod(fake_ask))
    qtbot.mouseClick(panel.plan_button, Qt.MouseButton.LeftButton)
    assert asked == {"start": START, "days": 5, "manager": "王经理"}
    assert page.tabs.currentWidget() is page.plans
    settle(qtbot, page.plans)
    assert len(page.plans.plan.planned()) == 9


# -- the plan screen ------------------------------------------------------------------

def test_plan_by_day_in_the_table_with_completion_and_left_out(qtbot, archive, data):
    page, panel = planned_page(qtbot, archive, per_day=2)
    model = panel.model
    days = panel.plan.days
    assert model.rowCount() == len(days) >= 4
    first_day = model.day_index(0)
    assert "0/2 done" in first_day.data() and days[0].day.isoformat() in first_day.data()
    assert model.rowCount(first_day) == 2
    visit = days[0].visits[0]
    row = [model.index(0, c, first_day).data() for c in range(model.columnCount())]
    assert row[0] == "1" and row[1] == visit.name and row[2] == "阳光小区"
    assert row[3] == visit.window_text and row[4] == visit.time_text
    assert "value tier A" in model.index(0, 1, first_day).data(Qt.ItemDataRole.ToolTipRole)
    planned = len(panel.plan.planned())
    left = len(panel.plan.unplanned)
    assert planned + left == 9 and panel.unplanned_model.rowCount() == left
    if left:
        assert "visits a day" in panel.unplanned_model.index(0, 3).data()
    assert panel.left_out.tabText(0) == f"Not planned ({left})"
    assert "第48周" in panel.plan_combo.currentText()
    assert f"{planned} visits planned" in panel.summary.text()


def test_reorder_move_lock_then_reoptimise_keeps_the_changes(qtbot, monkeypatch, archive, data):
    from gui.visits import plan_page
    monkeypatch.setattr(plan_page, "confirm_break", lambda parent, problems: True)
    page, panel = planned_page(qtbot, archive, per_day=3)
    page.show()
    page.tabs.setCurrentWidget(panel)
    settle(qtbot, page.due)
    # Move up with the keyboard: the visit takes the place and is locked there.
    third = visit_on(panel, 0, 3)
    select(qtbot, panel, third)
    panel.tree.setFocus()
    qtbot.keyClick(panel.tree, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    settle(qtbot, panel)
    moved_up = panel.plan.visit(third.id)
    assert moved_up.position == 2 and moved_up.locked
    assert panel.current_visit().id == third.id
    assert panel.model.visit_index(third.id, 7).data() == "Locked"
    # Move to another day: kept on that day.
    other = visit_on(panel, 0, 1)
    target_day = panel.plan.days[2].day
    select(qtbot, panel, other)
    panel.move_to_day(target_day)
    settle(qtbot, panel)
    assert panel.plan.visit(other.id).day == target_day and panel.plan.visit(other.id).pinned_day
    # Drag a visit onto the second day's row: at its end.
    dragged = visit_on(panel, 1, 1)
    mime = panel.model.mimeData([panel.model.visit_index(dragged.id)])
    dropped = panel.model.dropMimeData(mime, Qt.DropAction.MoveAction, -1, 0, panel.model.day_index(3))
    assert dropped is False       # the page makes the change, the view removes nothing
    settle(qtbot, panel)
    assert panel.plan.visit(dragged.id).day == panel.plan.days[3].day
    # Lock with Ctrl+K.
    locked = visit_on(panel, 1, 2) if len(panel.plan.days[1].visits) > 1 else visit_on(panel, 1, 1)
    select(qtbot, panel, locked)
    panel.tree.setFocus()
    qtbot.keyClick(panel.tree, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, panel)
    kept = {v.id: (v.day, v.position) for v in panel.plan.planned() if v.locked}
    assert locked.id in kept and third.id in kept
    # Re-optimise: locked visits keep day and place, moved ones their day.
    panel.reoptimise()
    settle(qtbot, panel)
    for visit_id, (day, position) in kept.items():
        visit = panel.plan.visit(visit_id)
        assert (visit.day, visit.position) == (day, position)
    assert panel.plan.visit(other.id).day == target_day
    assert panel.plan.visit(dragged.id).day == panel.plan.days[3].day
    assert "kept" in panel.status.text()


def test_remove_and_bring_back(qtbot, archive, data):
    page, panel = planned_page(qtbot, archive, per_day=3)
    visit = visit_on(panel, 0, 2)
    select(qtbot, panel, visit)
    panel.remove_visit()
    settle(qtbot, panel)
    assert panel.removed_model.rowCount() == 1 and panel.plan.visit(visit.id).status == "removed"
    assert panel.current_visit().id == visit.id and panel.restore_action.isEnabled()
    panel.reoptimise()
    settle(qtbot, panel)
    assert panel.plan.visit(visit.id).status == "removed"
    select(qtbot, panel, panel.plan.visit(visit.id))
    panel.restore_visit()
    settle(qtbot, panel)
    assert panel.plan.visit(visit.id).status == "unplanned"
    panel.reoptimise()
    settle(qtbot, panel)
    assert panel.plan.visit(visit.id).status == "planned"


def test_add_a_customer_with_the_picker(qtbot, monkeypatch, archive, data):
    extra = customer(archive.conn, "新朋友", lat=spread(3)[0], lon=spread(3)[1], tier="C",
                     last_contact=TODAY)
    page, panel = planned_page(qtbot, archive)
    picker = CustomerPicker(panel, archive, panel.plan)
    qtbot.addWidget(picker)
    qtbot.waitUntil(lambda: picker.ok_button.isEnabled(), timeout=10000)
    assert picker.proxy.rowCount() == 3        # the two calls and the new customer: not in the plan
    type_text(picker.search, "新朋")
    assert picker.proxy.rowCount() == 1
    picker.table.selectRow(0)
    picker.day_combo.setCurrentIndex(2)
    type_text(picker.purpose_edit, "送新卡")
    picker.accept()
    assert picker.picked == plan_dialogs.PickedCustomer(extra, panel.plan.days[1].day, "送新卡")
    monkeypatch.setattr(CustomerPicker, "ask", staticmethod(lambda *a: picker.picked))
    panel.add_customer()
    settle(qtbot, panel)
    added = [v for v in panel.plan.days[1].visits if v.customer_id == extra]
    assert added and added[0].purpose == "送新卡" and added[0].added
    assert "新朋友 added on" in panel.status.text()


def test_the_plans_changes_go_through_the_write_api_with_their_notices(qtbot, archive, data):
    from gui.common.operations import Changes, changes_of
    page, panel = planned_page(qtbot, archive, per_day=3)
    notices = []
    changes_of(archive).changed.connect(notices.append)
    visit = visit_on(panel, 0, 2)
    select(qtbot, panel, visit)
    panel.remove_visit()
    settle(qtbot, panel)
    assert notices and notices[-1].touches(Changes.PLANS) and not notices[-1].touches(Changes.CONTACTS)
    assert panel.plan.visit(visit.id).status == "removed"
    done = visit_on(panel, 0, 1)
    select(qtbot, panel, done)
    panel.mark_done()
    settle(qtbot, panel)
    assert notices[-1].touches(Changes.CONTACTS) and notices[-1].customer_ids == {done.customer_id}
    assert panel.plan.visit(done.id).outcome == "done"


def test_choosing_a_plan_in_the_list_shows_it(qtbot, archive, data):
    page, panel = planned_page(qtbot, archive, title="第一")
    first = panel.plan.id
    panel.build(request(title="第二"))
    settle(qtbot, panel)
    assert panel.plan.id != first and panel.plan_combo.count() == 2
    row = panel.plan_combo.findData(first)
    panel.plan_combo.setCurrentIndex(row)
    panel.plan_combo.activated.emit(row)
    settle(qtbot, panel)
    assert panel.plan.id == first and panel.plan.title == "第一"
    assert panel.plan_combo.currentData() == first


# -- logging visits -----------------------------------------------------------------

def fill_outcome(outcome, result, next_date=""):
    def fake_exec(dialog):
        dialog.buttons[outcome].setChecked(True)
        type_text(dialog.result_edit, result)
        dialog.next_date_edit.setText(next_date)
        dialog.accept()
        return dialog.result()
    return fake_exec


def test_log_outcome_changes_completion_and_the_next_due(qtbot, monkeypatch, archive, data):
    page, panel = planned_page(qtbot, archive, per_day=3)
    first = visit_on(panel, 0, 1)
    assert any(v.customer_id == first.customer_id for v in due.due_list(archive.conn, START, START).visits)
    select(qtbot, panel, first)
    next_date = (max(first.day, START) + timedelta(days=40)).isoformat()
    monkeypatch.setattr(OutcomeDialog, "exec", fill_outcome("done", "办了理财", next_date))
    panel.log_visit()
    settle(qtbot, panel)
    logged = panel.plan.visit(first.id)
    assert logged.outcome == "done" and logged.outcome_result == "办了理财"
    assert "1/3 done" in panel.model.day_index(0).data()
    assert panel.model.visit_index(first.id, 8).data() == "Done"
    assert "1 logged" in panel.summary.text()
    # The visit counts as the customer's contact: no longer due this week.
    week = due.due_list(archive.conn, START, START + timedelta(days=4))
    assert first.customer_id not in {v.customer_id for v in week.visits + week.calls}
    # Ctrl+D marks the next visit done without a dialog.
    page.show()
    page.tabs.setCurrentWidget(panel)
    settle(qtbot, page.due)
    second = visit_on(panel, 0, 2)
    select(qtbot, panel, second)
    panel.tree.setFocus()
    qtbot.keyClick(panel.tree, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, panel)
    assert "2/3 done" in panel.model.day_index(0).data()


def test_outcome_dialog_needs_a_date_to_reschedule(qtbot, archive, data):
    page, panel = planned_page(qtbot, archive)
    visit = visit_on(panel, 0, 1)
    dialog = OutcomeDialog(panel, visit, "rescheduled")
    qtbot.addWidget(dialog)
    assert dialog.next_date_label.text() == "New &date:"
    type_text(dialog.result_edit, "客户出差")
    dialog.accept()
    assert dialog.entry is None and "needs its new date" in dialog.error.text()
    new_day = panel.plan.days[-1].day
    dialog.next_date_edit.setText(new_day.isoformat())
    dialog.accept()
    assert dialog.entry == plan_dialogs.OutcomeEntry("rescheduled", "客户出差", None, new_day,
                                                     min(visit.day, TODAY))
    panel._log(visit, *vars(dialog.entry).values())
    settle(qtbot, panel)
    again = [v for v in panel.plan.days[-1].visits if v.customer_id == visit.customer_id and not v.outcome]
    if new_day != visit.day:
        assert again, "a rescheduled visit reappears on its new day"
    assert panel.plan.visit(visit.id).outcome == "rescheduled"


# -- route schematic ------------------------------------------------------------------

def test_route_view_draws_the_day_to_scale(qtbot, archive, data):
    page, panel = planned_page(qtbot, archive, per_day=4)
    page.show()
    settle(qtbot, page.due)
    day = panel.plan.days[0]
    visit = day.visits[1]
    select(qtbot, panel, visit)
    view = panel.route.view
    assert view.day is day or view.day.day == day.day
    assert not view.grab().isNull()
    positions = view.positions()
    assert set(positions) == {v.id for v in view.placed()} and len(positions) >= 2
    for point in positions.values():
        assert view.rect().contains(point.toPoint())
    a, b = view.placed()[:2]
    pixels = math.dist((positions[a.id].x(), positions[a.id].y()), (positions[b.id].x(), positions[b.id].y()))
    metres = haversine_m((a.lat, a.lon), (b.lat, b.lon))
    assert pixels * view.metres_per_pixel() == pytest.approx(metres, rel=0.02)
    bar_m, bar_px = view.scale_bar()
    assert bar_px * view.metres_per_pixel() == pytest.approx(bar_m)
    assert 0 < bar_px <= view.width() / 4 + 1
    with qtbot.waitSignal(view.visit_clicked) as clicked:
        qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=view.markers()[a.id].toPoint())
    assert clicked.args == [a.id]
    assert panel.current_visit().id == a.id


def test_route_panel_lists_customers_without_a_position(qtbot):
    day = visit_plan.PlanDay(START, 8, 540, 1080)
    for n, (lat, lon) in enumerate([spread(0), spread(8), (None, None)], start=1):
        day.visits.append(visit_plan.PlanVisit(
            customer_id=n, name=f"客户{n}", phone=None, address=None, area="幸福里", area_type=None,
            lat=lat, lon=lon, coord_source="customer" if lat else None, window_key="unknown", duration=30,
            purpose="", reason="", id=n, status="planned", day=START, position=n))
    panel = RoutePanel()
    qtbot.addWidget(panel)
    panel.resize(500, 400)
    panel.set_route(day, None, "test")
    panel.show()
    assert [v.id for v in panel.view.unplaced()] == [3]
    assert panel.missing.count() == 1 and "客户3" in panel.missing.item(0).text()
    assert not panel.missing_label.isHidden()
    assert not panel.view.grab().isNull()
    empty = RouteView()
    qtbot.addWidget(empty)
    empty.set_route(None, None)
    assert not empty.grab().isNull() and empty.scale_bar() == (0.0, 0.0)
    assert [nice_length(x) for x in (730, 1999, 2000, 4.2)] == [500, 1000, 2000, 2]


# -- exports and printouts -----------------------------------------------------------

def test_exports_write_a_calendar_and_a_table(qtbot, monkeypatch, archive, data, tmp_path):
    page, panel = planned_page(qtbot, archive)
    chosen = iter([str(tmp_path / "plan.ics"), str(tmp_path / "plan")])
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (next(chosen), ""))
    ics = panel.export("ics")
    calendar = icalendar.Calendar.from_ical(ics.read_bytes())
    events = [e for e in calendar.walk("VEVENT")]
    assert len(events) == len(panel.plan.planned())
    assert any("甲客户" in str(e["SUMMARY"]) for e in events)
    table = panel.export("csv")
    assert table == tmp_path / "plan.csv"
    with open(table, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0]) == ["date", "order", "customer_id", "name", "area", "window_start", "window_end",
                             "purpose"]
    assert len(rows) == len(panel.plan.planned()) and rows[0]["order"] == "1"
    assert str(table) in panel.status.text()


def pdf_text(path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def run_print(qtbot, dialog_class, *args, path):
    def fake_exec(dialog):
        dialog.path_edit.setText(str(path))
        dialog.branch_edit.setText("城东支行")
        dialog.start()
        qtbot.waitUntil(lambda: dialog.written is not None or not dialog.error.isHidden(), timeout=30000)
        return QDialog.DialogCode.Accepted
    return fake_exec


def test_print_the_plan_and_a_tracking_log(qtbot, monkeypatch, archive, data, tmp_path):
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    page, panel = planned_page(qtbot, archive)
    monkeypatch.setattr(PlanPrintDialog, "exec", run_print(qtbot, PlanPrintDialog, path=tmp_path / "plan"))
    written = panel.print_plan()
    assert written == tmp_path / "plan.pdf" and opened == [QUrl.fromLocalFile(str(written))]
    text = pdf_text(written)
    assert "城东支行" in text and "甲客户" in text and "138****5678" in text
    assert settings.get(settings.BRANCH_NAME) == "城东支行"

    from model import grading
    from model.visits import tracking_logs
    grading.set_opportunity(archive.conn, data["calls"][0], "latent", "later", by="test", as_of=START)
    monkeypatch.setattr(TrackingLogDialog, "exec", run_print(qtbot, TrackingLogDialog, path=tmp_path / "log.pdf"))
    log = TrackingLogDialog(panel, archive, start=START)
    qtbot.addWidget(log)
    assert log.period_range() == (START, START)            # grade A: the daily log
    log.grade.setCurrentIndex(log.grade.findData("D"))
    assert log.period_range() == tracking_logs.period_range("month", START)
    assert "tracking-log-D-month" in log.path_edit.text()
    log.full_phone.setChecked(True)
    written = None

    def on_start():
        nonlocal written
        log.path_edit.setText(str(tmp_path / "log.pdf"))
        log.start()
        qtbot.waitUntil(lambda: log.written is not None, timeout=30000)
        written = log.written
    on_start()
    text = pdf_text(written)
    assert "丙客户0" in text and "13812345678" in text and "城东支行" in text
    assert settings.get(settings.PRINT_FULL_PHONE) is True
    assert opened[-1] == QUrl.fromLocalFile(str(written))


def test_new_plan_dialog_asks_the_plan_request(qtbot, archive, data):
    settings.put(settings.DAYS_OFF, [(START + timedelta(days=2)).isoformat(), "2001-01-01"])
    dialog = NewPlanDialog(None, archive, START, 7, "王经理")
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: not dialog.busy(), timeout=10000)
    lat, lon = plan_dialogs.parse_point(dialog.point_edit.text())
    assert BASE_AREA[0] <= lat <= BASE_AREA[1]
    assert dialog.days_off_edit.text() == (START + timedelta(days=2)).isoformat()
    dialog.point_edit.setText("北京")
    assert dialog.build_request() is None and "latitude, longitude" in dialog.errors["start_point"].text()
    dialog.point_edit.setText("31.23，121.47")
    dialog.per_day_spin.setValue(5)
    dialog.minutes_spin.setValue(40)
    type_text(dialog.title_edit, "下周拜访")
    dialog.accept()
    request = dialog.request
    assert (request.start, request.days, request.manager, request.per_day) == (START, 7, "王经理", 5)
    assert request.start_point == (31.23, 121.47) and request.visit_minutes == 40
    assert request.days_off == (START + timedelta(days=2),) and request.title == "下周拜访"
    assert settings.get(settings.PLAN_START_POINT) == "31.23，121.47"
    assert "2001-01-01" in settings.get(settings.DAYS_OFF)


BASE_AREA = (spread(0)[0] - 0.001, spread(6)[0] + 0.001)


def test_delete_plan_asks_first(qtbot, monkeypatch, archive, data):
    page, panel = planned_page(qtbot, archive)
    monkeypatch.setattr(QMessageBox, "exec", lambda self: QMessageBox.StandardButton.Cancel)
    assert panel.delete_plan() is None and panel.plan is not None
    monkeypatch.setattr(QMessageBox, "exec", lambda self: QMessageBox.StandardButton.Yes)
    panel.delete_plan()
    settle(qtbot, panel)
    assert panel.plan is None and visit_plan.list_plans(archive.conn) == []
    assert "No visit plan yet" in panel.summary.text()
    assert not panel.reoptimise_action.isEnabled()


def test_stale_after_changes_elsewhere(qtbot, archive, data):
    page, panel = planned_page(qtbot, archive)
    page.show()
    settle(qtbot, page.due)
    assert page.due.visits_model.rowCount() > 0
    visit = visit_on(panel, 0, 1)
    from model.customers import customers
    customers.update(archive.conn, visit.customer_id, {"name": "改了名"}, "test")
    page.mark_stale()                      # the due list is shown: listed again now
    assert page.due.busy()
    settle(qtbot, page.due)
    assert "改了名" in [item.name for item in page.due.due.visits]
    assert panel.plan.visit(visit.id).name != "改了名"     # hidden: read again when shown
    page.tabs.setCurrentWidget(panel)
    settle(qtbot, panel)
    assert panel.plan.visit(visit.id).name == "改了名"


def test_main_window_actions_open_the_visits_area(qtbot, monkeypatch, tmp_path):
    import shiboken6

    from gui.main_window.main_window import MainWindow
    from model.archive.database import Archive
    path = tmp_path / "window.kehu"
    with Archive.create(path) as made:
        customer(made.conn, "甲客户", lat=spread(0)[0], lon=spread(0)[1], tier="A", last_visit=LONG_AGO)
    monkeypatch.setattr(NewPlanDialog, "ask", staticmethod(lambda parent, archive_, *a: request(days=3)))
    printed = []
    monkeypatch.setattr(TrackingLogDialog, "run", classmethod(lambda cls, *a, **k: printed.append(a) or None))
    window = MainWindow("en")
    try:
        window.show()
        with qtbot.waitSignal(window.archive_changed, timeout=15000):
            window.open_archive(path)
        qtbot.waitUntil(lambda: not window.busy(), timeout=15000)
        action = window.action("plan_visits")
        assert action.isEnabled() and action.shortcut().toString() == "Ctrl+Shift+P"
        action.trigger()
        page = window.pages["visits"]
        assert window.stack.currentWidget() is page and page.tabs.currentWidget() is page.plans
        qtbot.waitUntil(lambda: not window.busy() and page.plans.plan is not None, timeout=20000)
        assert [v.name for v in page.plans.plan.planned()] == ["甲客户"]
        window.action("tracking_log").trigger()
        assert len(printed) == 1
    finally:
        qtbot.waitUntil(lambda: not window.busy(), timeout=15000)
        if shiboken6.isValid(window):
            window.close()
            window.deleteLater()


def test_print_the_due_list_from_the_due_panel(qtbot, monkeypatch, archive, data, tmp_path):
    from gui.visits.print_dialogs import DueListDialog
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: True)
    page = make_page(qtbot, archive)
    panel = page.due
    panel.from_edit.setDate(to_qdate(START))
    panel.to_edit.setDate(to_qdate(START + timedelta(days=4)))
    monkeypatch.setattr(DueListDialog, "exec", run_print(qtbot, DueListDialog, path=tmp_path / "due"))
    written = panel.print_due_list()
    assert written == tmp_path / "due.pdf"
    text = pdf_text(written)
    assert "Due list" in text and "Visits due (9)" in text and "Calls due (2)" in text and "甲客户0" in text
    assert "Printed to" in panel.status.text()


def test_a_move_that_breaks_the_day_is_shown_red_with_why_and_needs_confirming(qtbot, monkeypatch, archive, data):
    from gui.visits import plan_page
    page, panel = planned_page(qtbot, archive, per_day=2)
    asked = []
    answer = {"keep": False}
    monkeypatch.setattr(plan_page, "confirm_break",
                        lambda parent, problems: asked.append(problems) or answer["keep"])
    full_day = panel.plan.days[1]
    assert len(full_day.visits) == 2
    visit = visit_on(panel, 0, 1)
    select(qtbot, panel, visit)
    before = {v.id: (v.day, v.position) for v in panel.plan.planned()}
    panel.move_to_day(full_day.day)                        # a third visit on a day of two
    settle(qtbot, panel)
    assert asked and any("visit 3 of a day of 2" in p for p in asked[0])
    assert {v.id: (v.day, v.position) for v in panel.plan.planned()} == before   # cancelled: unchanged
    assert panel.status.text() == "Not changed."
    answer["keep"] = True
    panel.move_to_day(full_day.day)
    settle(qtbot, panel)
    moved = panel.plan.visit(visit.id)
    assert moved.day == full_day.day and moved.position == 3
    index = panel.model.visit_index(visit.id, 1)
    assert index.data(Qt.ItemDataRole.ForegroundRole).color().name() == "#b3261e"
    assert "visit 3 of a day of 2" in index.data(Qt.ItemDataRole.ToolTipRole)
    assert "against the rules" in panel.model.day_index(1).data()
    # A reorder within the day's rules asks nothing.
    asked.clear()
    first = visit_on(panel, 2, 2)
    select(qtbot, panel, first)
    panel.move_by(-1)
    settle(qtbot, panel)
    assert asked == [] and panel.plan.visit(first.id).position == 1


def test_reoptimise_this_day_keeps_the_other_days(qtbot, archive, data):
    page, panel = planned_page(qtbot, archive, per_day=2, days=3)      # 6 places for 9 due
    others = {v.id: (v.day, v.position, v.planned_time) for v in panel.plan.planned()
              if v.day != panel.plan.days[0].day}
    day_one = {v.id for v in panel.plan.days[0].visits}
    select(qtbot, panel, visit_on(panel, 0, 1))
    panel.remove_visit()
    settle(qtbot, panel)
    select(qtbot, panel, visit_on(panel, 0, 1))
    assert panel.unplanned_model.rowCount() == 3 and panel.day_reoptimise_action.isEnabled()
    panel.day_reoptimise_action.trigger()
    settle(qtbot, panel)
    assert {v.id: (v.day, v.position, v.planned_time) for v in panel.plan.planned()
            if v.day != panel.plan.days[0].day} == others
    refilled = panel.plan.days[0].visits
    assert len(refilled) == 2 and {v.id for v in refilled} != day_one     # an unplanned one took the place
    assert refilled[0].planned_time <= panel.plan.days[0].day_start + 15  # the day starts at 09:00 (and the travel)
    assert "other days were kept" in panel.status.text()


def test_route_view_keeps_coinciding_stops_and_their_names_apart(qtbot):
    from gui.visits.route_view import RADIUS
    day = visit_plan.PlanDay(START, 8, 540, 1080)
    points = [spread(0)] * 4 + [(spread(0)[0] + 0.00005, spread(0)[1])] + [spread(20)]
    for n, (lat, lon) in enumerate(points, start=1):
        day.visits.append(visit_plan.PlanVisit(
            customer_id=n, name=f"同楼客户{n}", phone=None, address=None, area="幸福里", area_type=None,
            lat=lat, lon=lon, coord_source="customer", window_key="unknown", duration=30,
            purpose="", reason="", id=n, status="planned", day=START, position=n))
    view = RouteView()
    qtbot.addWidget(view)
    view.resize(520, 420)
    view.set_route(day, spread(3), "test")
    markers = list(view.markers().values())
    assert len(markers) == 6
    for i, a in enumerate(markers):
        for b in markers[i + 1:]:
            assert math.dist((a.x(), a.y()), (b.x(), b.y())) >= 2 * RADIUS - 0.5
    labels = list(view.labels().values())
    assert len(labels) >= 4
    assert not any(a.intersects(b) for i, a in enumerate(labels) for b in labels[i + 1:])
    with qtbot.waitSignal(view.visit_clicked) as clicked:
        qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=view.markers()[3].toPoint())
    assert clicked.args == [3]
    view.grab().save("/tmp/i16/route-crowded.png")


def test_every_printout_previews_in_the_window_then_saves_or_prints(qtbot, monkeypatch, archive, data, tmp_path):
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    from gui.common import print_preview
    from gui.common.print_preview import PrintPreview
    from model.archive import audit
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    page, panel = planned_page(qtbot, archive)
    seen = {}

    def look_then(choice):
        def fake_exec(dialog):
            seen["pages"] = dialog.page_count()
            seen["title"] = dialog.windowTitle()
            dialog.grab().save(str(tmp_path / "preview.png"))
            (dialog.save_button if choice == "save" else dialog.print_button).click()
            return QDialog.DialogCode.Accepted
        return fake_exec

    monkeypatch.setattr(PrintPreview, "exec", look_then("save"))
    dialog = PlanPrintDialog(panel, panel.plan, "城东支行", archive)
    qtbot.addWidget(dialog)
    assert not dialog.unplanned.isEnabled()      # 9 due, 15 places: nothing left out
    dialog.path_edit.setText(str(tmp_path / "plan.pdf"))
    dialog.preview_button.click()
    qtbot.waitUntil(lambda: dialog.written is not None, timeout=30000)
    assert seen["pages"] >= 1 and "visit plan" in seen["title"].lower()
    assert (tmp_path / "plan.pdf").stat().st_size > 0 and opened == []     # seen already: not opened again
    assert "甲客户" in pdf_text(tmp_path / "plan.pdf")
    assert not any(tmp_path.glob("kehu-preview-*"))

    # Print from the preview: the pages go to the printer chosen (here a PDF file).
    out = tmp_path / "printer.pdf"

    def choose_printer(self):
        self.printer().setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        self.printer().setOutputFileName(str(out))
        return QDialog.DialogCode.Accepted
    monkeypatch.setattr(QPrintDialog, "exec", choose_printer)
    monkeypatch.setattr(PrintPreview, "exec", look_then("print"))
    log = TrackingLogDialog(panel, archive, start=START)
    qtbot.addWidget(log)
    log.path_edit.setText(str(tmp_path / "log.pdf"))
    log.preview_button.click()
    qtbot.waitUntil(lambda: log.printed_on is not None, timeout=30000)
    assert out.stat().st_size > 0 and not (tmp_path / "log.pdf").exists()
    entry = archive.conn.execute("SELECT detail FROM audit_log WHERE action = 'print' ORDER BY id DESC").fetchone()
    assert str(out) in entry[0] and audit.ACTIONS and print_preview.print_pdf
def test_planning_can_be_cancelled_from_the_progress_dialog(qtbot, archive, data):
    page = make_page(qtbot, archive)
    panel = page.plans
    handle = panel.build(request(time_limit=30))
    assert handle.dialog is not None and handle.dialog.findChild(QPushButton) is not None   # Cancel
    qtbot.waitUntil(lambda: handle.progress is not None, timeout=5000)
    qtbot.wait(300)                                        # the search has begun
    handle.cancel()
    settle(qtbot, panel)
    assert visit_plan.list_plans(archive.conn) == []       # nothing saved
    assert panel.status.text() == "Cancelled; the plans are as they were."
    assert panel.reoptimise_action.isEnabled() is False    # no plan to re-optimise
