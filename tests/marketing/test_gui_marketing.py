"""The Circles & activities area with real widgets: create a circle (centre and members
found by search), plan an activity for it from a template (audience = the circle, its
size shown live), move it through its statuses ticking the checklists, print the plan,
record the outcome and compare it with past activities; the customer list marks the
centre as a key person and the customer's page shows their circles."""
from __future__ import annotations

import subprocess
from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from gui.marketing.circle_dialogs import CircleDialog, CustomerFinder
from gui.marketing.marketing_page import MarketingPage
from gui.marketing.promotion_dialogs import NewPlanDialog, PlanDialog, PromotionPrintDialog
from gui.marketing.promotion_evaluation import OutcomeDialog
from gui_helpers import type_text
from model.marketing import circles, promotions
from model.core import settings
from tests.planning_data import customer

pytestmark = pytest.mark.gui


@pytest.fixture
def people(archive):
    conn = archive.conn
    conn.execute("INSERT INTO areas(name, area_type) VALUES ('幸福里', 'community')")
    ids = {name: customer(conn, name, area="幸福里") for name in ("张阿姨", "李大爷", "王奶奶", "赵叔叔")}
    ids["外人"] = customer(conn, "外人", area="工业园")
    return ids


def on_modal(action):
    """Run ``action(dialog)`` on the modal dialog about to be shown (exec blocks the test)."""
    def run():
        widget = QApplication.activeModalWidget()
        if widget is None:
            QTimer.singleShot(20, run)
            return
        action(widget)
    QTimer.singleShot(0, run)


def find_and_choose(text: str, rows: int = 1):
    def act(finder: CustomerFinder):
        type_text(finder.search, text)
        assert finder.proxy.rowCount() == rows
        if rows > 1:
            finder.table.selectAll()
        finder.accept()
    return act


def make_circle(qtbot, archive, people) -> int:
    dialog = CircleDialog(None, archive)
    qtbot.addWidget(dialog)
    type_text(dialog.name_edit, "幸福里广场舞队")
    dialog.area_combo.setCurrentText("幸福里")
    assert dialog.area_type.value() == "community"          # the area's type is taken over
    dialog.centre_kind.set_value("fun")
    on_modal(find_and_choose("张阿姨"))
    dialog.choose_centre()
    assert dialog.centre_label.text().startswith("张阿姨")
    on_modal(find_and_choose("幸福里", rows=3))               # the centre is already a member
    dialog.add_members()
    type_text(dialog.pull_edit, "每晚一起跳舞")
    dialog.contact_edit.setCurrentText("微信群")
    assert dialog.members_model.rowCount() == 4
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    return dialog.saved_id


def test_create_circle_with_centre_and_members(qtbot, archive, people):
    circle_id = make_circle(qtbot, archive, people)
    circle = circles.get(archive.conn, circle_id)
    assert (circle.name, circle.area, circle.area_type, circle.centre_id, circle.centre_kind, circle.pull,
            circle.contact_mode) == ("幸福里广场舞队", "幸福里", "community", people["张阿姨"], "fun",
                                     "每晚一起跳舞", "微信群")
    assert {m.customer_id for m in circles.members(archive.conn, circle_id)} == \
        {people[n] for n in ("张阿姨", "李大爷", "王奶奶", "赵叔叔")}

    # Editing: a member removed leaves the circle; the centre cannot be removed.
    dialog = CircleDialog(None, archive, circle_id)
    qtbot.addWidget(dialog)
    dialog.members_view.selectRow(0)                        # the centre is listed first? find it
    centre_row = dialog.member_ids.index(people["张阿姨"])
    dialog.members_view.clearSelection()
    dialog.members_view.selectRow(centre_row)
    dialog.remove_members()
    assert dialog.error.isVisibleTo(dialog) and people["张阿姨"] in dialog.member_ids
    dialog.members_view.clearSelection()
    dialog.members_view.selectRow(dialog.member_ids.index(people["赵叔叔"]))
    dialog.remove_members()
    dialog.accept()
    assert people["赵叔叔"] not in {m.customer_id for m in circles.members(archive.conn, circle_id)}


def test_circle_needs_a_name_and_a_known_area(qtbot, archive, people):
    dialog = CircleDialog(None, archive)
    qtbot.addWidget(dialog)
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "name" in dialog.error.text()
    type_text(dialog.name_edit, "某圈子")
    dialog.area_combo.setCurrentText("不存在的小区")
    dialog.accept()
    assert "不存在的小区" in dialog.error.text()
    assert circles.list_circles(archive.conn) == []


def test_plan_from_template_for_the_circle(qtbot, archive, people):
    circle_id = make_circle(qtbot, archive, people)
    chooser = NewPlanDialog(None, archive, circle_id)
    qtbot.addWidget(chooser)
    assert chooser.template_combo.value() == "community"     # from the circle's area type
    plan = chooser.plan()
    dialog = PlanDialog(None, archive, plan)
    qtbot.addWidget(dialog)
    # Prefilled from the community template: holiday/family theme, evening after dinner.
    assert dialog.goal_combo.value() == "bind" and dialog.type_combo.value() == "holiday"
    assert "after dinner" in dialog.time_note.text()
    assert dialog.starts_edit.dateTime().time().hour() == 19
    assert dialog.circle_combo.value() == circle_id
    # The audience is the circle, its size shown live.
    assert dialog.audience.audience() == promotions.Audience(circle_ids=(circle_id,))
    assert "4 customers" in dialog.audience.size_label.text()
    area_types = dialog.audience.lists["area_types"]
    industrial = next(area_types.item(i) for i in range(area_types.count())
                      if area_types.item(i).data(Qt.ItemDataRole.UserRole) == "industrial_park")
    industrial.setCheckState(Qt.CheckState.Checked)          # circle AND industrial park: nobody
    assert "0 customers" in dialog.audience.size_label.text()
    industrial.setCheckState(Qt.CheckState.Unchecked)
    assert "4 customers" in dialog.audience.size_label.text()

    # A different template refills the texts but keeps the audience.
    dialog.template_combo.set_value("office_building")
    dialog._template_chosen()
    assert dialog.type_combo.value() == "lecture"
    assert dialog.audience.audience().circle_ids == (circle_id,)
    dialog.template_combo.set_value("community")
    dialog._template_chosen()

    # Budget lines add up; a bad number is named.
    dialog.budget.add_line(["小礼品", "20", "15.5", ""])
    dialog.budget.add_line(["横幅", "1", "120", ""])
    assert dialog.budget_total.text().endswith("430.00")
    dialog.staff.add_line(["李经理", "现场负责人"])
    dialog.schedule.add_line(["19:00", "签到"])
    dialog.budget.add_line(["饮料", "十", "3", ""])
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted and "3" in dialog.error.text()
    dialog.budget.removeRow(2)
    dialog.title_edit.clear()
    type_text(dialog.title_edit, "中秋联欢")
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    saved = promotions.get(archive.conn, dialog.saved_id)
    assert saved.title == "中秋联欢" and saved.circle_id == circle_id and saved.budget_total == 430.0
    assert [(s.who, s.role) for s in saved.staff] == [("李经理", "现场负责人")]
    assert [(s.at, s.what) for s in saved.schedule] == [("19:00", "签到")]
    assert saved.status == promotions.DRAFT and len(saved.items("before")) == 10


def plan_for(archive, circle_id, **kw) -> int:
    plan = promotions.new_plan("community", date.today() - timedelta(days=10), title=kw.pop("title", "联欢"))
    plan = promotions.Plan(**{**plan.__dict__, "audience": promotions.Audience(circle_ids=(circle_id,)),
                              "circle_id": circle_id,
                              "budget": [promotions.BudgetLine("礼品", 10, 20)], **kw})
    return promotions.save(archive.conn, plan, "test")


def test_page_runs_the_activity_prints_and_records_the_outcome(qtbot, archive, people, tmp_path, monkeypatch):
    circle_id = make_circle(qtbot, archive, people)
    plan_id = plan_for(archive, circle_id)
    archive.conn.execute("INSERT INTO transactions(customer_id, txn_date, amount) VALUES (?, ?, 500)",
                         (people["李大爷"], (date.today() - timedelta(days=9)).isoformat()))
    page = MarketingPage(archive, "en")
    qtbot.addWidget(page)
    page.resize(1400, 900)
    page.show()
    circles_panel, panel = page.circles, page.activities
    assert circles_panel.model.rowCount() == 1
    assert "幸福里广场舞队" in circles_panel.details.text()
    panel.table.selectRow(panel.ids.index(plan_id))
    assert "4 customers" in panel.details.text()

    # A draft's checklists cannot be ticked; approve, start, tick, finish.
    first = panel.checklist.topLevelItem(0).child(0)
    assert not first.flags() & Qt.ItemFlag.ItemIsEnabled
    assert not panel.outcome_button.isEnabled()
    panel.status_button.click()
    assert promotions.get(archive.conn, plan_id).status == promotions.APPROVED
    assert panel.back_button.isEnabled()
    panel.status_button.click()
    assert promotions.get(archive.conn, plan_id).status == promotions.RUNNING
    panel.checklist.topLevelItem(0).child(0).setCheckState(0, Qt.CheckState.Checked)
    stored = promotions.get(archive.conn, plan_id).items("before")[0]
    assert stored.done and stored.done_by == settings.user_name()
    qtbot.waitUntil(lambda: "(1/10)" in panel.checklist.topLevelItem(0).text(0))

    # Print the plan: written in a worker, opened with the system's viewer.
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    target = tmp_path / "plan.pdf"

    def print_it(dialog: PromotionPrintDialog):
        dialog.path_edit.setText(str(target))
        dialog.start()
    on_modal(print_it)
    panel.print_plan(False)
    assert opened == [QUrl.fromLocalFile(str(target))]
    text = subprocess.run(["pdftotext", str(target), "-"], capture_output=True, text=True, check=True).stdout
    assert "联欢" in text and "200.00" in text

    # Record the outcome: the circle's members and a walk-in; the figures follow.
    assert panel.outcome_button.isEnabled()
    outcome = OutcomeDialog(None, archive, plan_id)
    qtbot.addWidget(outcome)
    assert "No outcome" in outcome.figures.text()
    outcome.add_circle_members()
    assert outcome.participants_model.rowCount() == 4
    outcome.walk_ins.setValue(1)
    type_text(outcome.review, "晚饭后人多，效果好")
    outcome.save()
    assert outcome.saved and not outcome.error.isVisibleTo(outcome)
    figures = outcome.figures.text()
    assert "5 (4 customers, 1 walk-ins)" in figures          # participants
    assert "100.0%" in figures                               # the whole circle came
    assert "500.00" in figures                               # 李大爷's deal in the window
    assert "40.00" in figures                                # 200 / 5 participants
    assert outcome.compare.plan_ids == [plan_id]
    evaluation = promotions.evaluate(archive.conn, plan_id)
    assert (evaluation.participants, evaluation.deals, evaluation.amount, evaluation.review) == \
        (5, 1, 500.0, "晚饭后人多，效果好")

    panel.refresh(plan_id)
    panel.status_button.click()
    assert promotions.get(archive.conn, plan_id).status == promotions.DONE
    assert panel.print_eval_button.isEnabled()
    page.refresh()
    assert page.compare.plan_ids == [plan_id]

    # The evaluation report.
    target = tmp_path / "evaluation.pdf"
    on_modal(print_it)
    panel.print_plan(True)
    assert opened[-1] == QUrl.fromLocalFile(str(target))
    text = subprocess.run(["pdftotext", str(target), "-"], capture_output=True, text=True, check=True).stdout
    assert "晚饭后人多" in text and "李大爷" in text


def test_outcome_compares_with_past_activities(qtbot, archive, people):
    circle_id = make_circle(qtbot, archive, people)
    past = plan_for(archive, circle_id, title="去年重阳")
    for status in (promotions.APPROVED, promotions.RUNNING):
        promotions.set_status(archive.conn, past, status, "test")
    promotions.record_outcome(archive.conn, past, [people["王奶奶"]], walk_ins=0, by="test")
    promotions.set_status(archive.conn, past, promotions.DONE, "test")
    now = plan_for(archive, circle_id, title="今年中秋")
    for status in (promotions.APPROVED, promotions.RUNNING):
        promotions.set_status(archive.conn, now, status, "test")
    dialog = OutcomeDialog(None, archive, now)
    qtbot.addWidget(dialog)
    assert dialog.compare.plan_ids == [now, past]            # this one first, then the past ones
    model = dialog.compare.model()
    assert model.index(1, 0).data() == "去年重阳" and model.index(1, 4).data() == "1"
    # A draft cannot get an outcome: the model's message is shown.
    draft = plan_for(archive, circle_id, title="草稿")
    blocked = OutcomeDialog(None, archive, draft)
    qtbot.addWidget(blocked)
    blocked.save()
    assert not blocked.saved and "not started" in blocked.error.text()


def test_circle_evaluation_and_activity(qtbot, archive, people, monkeypatch):
    circle_id = make_circle(qtbot, archive, people)
    page = MarketingPage(archive, "en")
    qtbot.addWidget(page)
    panel = page.circles

    def evaluate(dialog):
        type_text(dialog.perception, "越来越活跃")
        dialog.staff_score.setValue(4)
        dialog.overall.setValue(5)
        dialog.accept()
    on_modal(evaluate)
    panel.evaluate()
    stored = circles.evaluations(archive.conn, circle_id)
    assert [(e.size, e.staff_perception, e.staff_score, e.overall) for e in stored] == [(4, "越来越活跃", 4, 5)]
    assert panel.evaluations_model.rowCount() == 1

    def activity(dialog):
        type_text(dialog.description, "中秋茶话会")
        dialog.accept()
    on_modal(activity)
    panel.record_activity()
    assert [a.description for a in circles.activities(archive.conn, circle_id)] == ["中秋茶话会"]
    assert panel.model.index(0, 6).data() == "1"

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    panel.delete_circle()
    assert circles.list_circles(archive.conn) == [] and panel.model.rowCount() == 0


def test_key_person_column_and_customer_circles_tab(qtbot, archive, people):
    from gui.customers.columns import customer_columns
    from gui.customers.customer_editor import CustomerEditor
    circle_id = make_circle(qtbot, archive, people)
    key = next(c for c in customer_columns("en") if c.key == "key_person")
    assert key.visible_by_default
    marks = dict(archive.conn.execute(f"SELECT c.id, {key.select} FROM customers c"))
    assert marks[people["张阿姨"]] == "幸福里广场舞队" and marks[people["李大爷"]] is None

    editor = CustomerEditor(None, archive, people["张阿姨"])
    qtbot.addWidget(editor)
    assert editor.circles_model.rowCount() == 1
    assert editor.circles_model.index(0, 0).data() == "幸福里广场舞队"
    assert "centre" in editor.circles_model.index(0, 1).data()
    assert editor.tabs.tabText(editor.tabs.indexOf(editor.circles_view)) == "Circles (1)"
    other = CustomerEditor(None, archive, people["外人"])
    qtbot.addWidget(other)
    assert other.circles_model.rowCount() == 0
    assert circle_id


def test_add_selected_customers_to_a_circle_from_the_list(qtbot, archive, people, monkeypatch):
    import shiboken6
    from PySide6.QtWidgets import QInputDialog
    from gui.main_window.main_window import MainWindow
    circle_id = make_circle(qtbot, archive, people)
    path = archive.path
    window = MainWindow("en")
    window.show()
    try:
        with qtbot.waitSignal(window.archive_changed, timeout=15000):
            window.open_archive(path)
        qtbot.waitUntil(lambda: not window.busy(), timeout=15000)
        page = window.page()
        monkeypatch.setattr(page, "selected_ids", lambda: [people["外人"]])
        monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("幸福里广场舞队", True))
        window.run_action("add_to_circle")
        assert people["外人"] in {m.customer_id for m in circles.members(window.archive.conn, circle_id)}
        assert window.show_area("marketing") is not None
    finally:
        qtbot.waitUntil(lambda: not window.busy(), timeout=15000)
        window.close()
        if shiboken6.isValid(window):
            window.deleteLater()


def test_the_writes_go_through_the_write_api_with_marketing_notices(qtbot, archive, people, monkeypatch):
    """Circles and plans are written on the archive's writer connection (not the window's),
    and each write sends a MARKETING notice; a refused write sends none."""
    from gui.common.operations import Changes, changes_of
    notices, connections = [], set()
    changes_of(archive).changed.connect(notices.append)
    for module, name in ((circles, "save"), (promotions, "set_status"), (promotions, "tick")):
        real = getattr(module, name)
        monkeypatch.setattr(module, name, lambda conn, *a, _real=real, **k: connections.add(id(conn)) or
                            _real(conn, *a, **k))
    circle_id = make_circle(qtbot, archive, people)
    plan_id = plan_for(archive, circle_id)
    page = MarketingPage(archive, "en")
    qtbot.addWidget(page)
    panel = page.activities
    panel.table.selectRow(panel.ids.index(plan_id))
    panel.status_button.click()
    panel.checklist.topLevelItem(0).child(0).setCheckState(0, Qt.CheckState.Checked)
    qtbot.waitUntil(lambda: promotions.get(archive.conn, plan_id).items("before")[0].done)
    assert len(notices) == 3 and all(n == Changes.of(Changes.MARKETING) for n in notices)
    assert id(archive.conn) not in connections and len(connections) == 1   # the one writer connection

    shown = []
    monkeypatch.setattr("gui.marketing.marketing_page.show_error", lambda parent, exc: shown.append(exc))
    panel.set_status(promotions.DONE)             # approved → done is not allowed
    assert shown and len(notices) == 3
    assert promotions.get(archive.conn, plan_id).status == promotions.APPROVED
