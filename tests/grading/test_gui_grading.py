"""The grading wizard (scope → computed → opportunity keys → review → apply, and
resume) and the grade panel (explanations, history, override with a reason)."""
from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from gui.grading.grading_wizard import GradingWizard
from model.customers import customers
from model.archive import database
from model import grading
from model.grading import grading_session
from model.core import settings
from tests.gui_helpers import type_text

pytestmark = pytest.mark.gui

TODAY = date.today()
RETIREE = {"dim_age": "1.5", "dim_family": "2.4", "dim_occupation": "3.4", "dim_financial_assets": "4.3",
           "dim_property": "5.3", "dim_schedule": "6.2"}
AMOUNTS = (5000, 2600, 1200, 700, 300, 120, 80, 0)   # the last has no transactions


@pytest.fixture
def book(archive):
    """Eight customers of two managers in two areas, with transactions and a contact."""
    settings.put(settings.USER_NAME, "王芳")
    conn = archive.conn
    ids = []
    for i, amount in enumerate(AMOUNTS):
        cid = customers.create(conn, {"name": f"客户{i}", "phone": f"1380000{i:04d}",
                                      "area": "幸福小区" if i % 2 == 0 else "阳光花园",
                                      "manager": "王芳" if i < 6 else "李强", **RETIREE,
                                      # the fourth: a medium-sized customer with its own channel (seed 002's B)
                                      **({"size": "中型", "own_channel": "是"} if i == 3 else {})}, by="test")
        ids.append(cid)
        with database.transaction(conn):
            for k in range(1 + i % 3):
                if amount:
                    conn.execute("INSERT INTO transactions(customer_id, txn_date, amount) VALUES (?, ?, ?)",
                                 (cid, (TODAY - timedelta(days=10 + 40 * k)).isoformat(), amount / (1 + i % 3)))
    customers.log_contact(conn, ids[0], customers.Contact((TODAY - timedelta(days=3)).isoformat(), "visit",
                                                          "理财咨询", "有兴趣"), by="test")
    return archive, ids


@pytest.fixture(autouse=True)
def no_message_boxes(monkeypatch):
    """A failure shown in a message box would wait for a click: fail the test instead."""
    def fail(_parent, exc, details=""):
        raise AssertionError(f"message box: {exc}\n{details}")
    monkeypatch.setattr("gui.common.widgets.show_error", fail)
    monkeypatch.setattr("gui.common.tasks.show_error", fail)


def open_wizard(qtbot, archive) -> GradingWizard:
    wizard = GradingWizard(None, archive)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    return wizard


def to_opportunities(qtbot, wizard: GradingWizard) -> None:
    wizard.next()
    qtbot.waitUntil(lambda: wizard.prepared is not None, timeout=10000)
    wizard.next()
    assert wizard.currentId() == GradingWizard.OPPORTUNITY


def keys(qtbot, wizard, *presses) -> None:
    for key in presses:
        qtbot.keyClick(wizard, key)


def test_the_wizards_deal_status_and_urgency_questions(qtbot, book):
    from model.grading import deal
    archive, ids = book
    conn = archive.conn
    customers.update(conn, ids[1], {"deal_status": "closed"}, "test")
    wizard = open_wizard(qtbot, archive)
    to_opportunities(qtbot, wizard)
    opp = wizard.opportunity_page
    queue = wizard.session.queue
    first, second = queue[0], queue[1]
    assert opp.deal_buttons["closed"].parentWidget().title() == "Deal status"
    keys(qtbot, wizard, Qt.Key.Key_8, Qt.Key.Key_U)            # negotiating, handle within a week
    assert wizard.session.deals[first] == {"deal_status": "negotiating", "urgency": "urgent"}
    assert opp.deal_buttons["negotiating"].isChecked() and opp.urgency_buttons["urgent"].isChecked()
    assert opp.current_id() == first                           # optional answers do not move on
    keys(qtbot, wizard, Qt.Key.Key_1, Qt.Key.Key_A)
    assert opp.current_id() == second
    assert opp.deal_buttons["closed"].isChecked()              # as the record has it
    keys(qtbot, wizard, Qt.Key.Key_X, Qt.Key.Key_S)            # after 3 months; skip the grade
    wizard.next()
    assert wizard.review_page.apply_answers.isChecked()
    wizard.next()                                              # Apply
    qtbot.waitUntil(lambda: wizard.currentId() == GradingWizard.RESULT, timeout=10000)
    one, two = customers.get(conn, first), customers.get(conn, second)
    assert one["deal_status"] == "negotiating"
    assert one["handle_by"] == (TODAY + timedelta(days=7)).isoformat()
    assert deal.handling_urgency(one["handle_by"], TODAY) == "urgent"
    assert two["deal_status"] == "closed" and deal.handling_urgency(two["handle_by"], TODAY) == "slow"
    assert {h["field"] for h in customers.history(conn, first)} >= {"deal_status", "handle_by"}


def test_the_wizard_end_to_end(qtbot, book):
    archive, ids = book
    wizard = open_wizard(qtbot, archive)
    assert wizard.scope_page.manager.currentData() == "王芳"   # my book by default
    assert wizard.scope_page.count.text().startswith("6 ")
    wizard.scope_page.manager.setCurrentIndex(0)               # all customers
    assert wizard.scope_page.count.text().startswith("8 ")
    wizard.next()
    qtbot.waitUntil(lambda: wizard.prepared is not None, timeout=10000)
    page = wizard.computed_page
    prepared = wizard.prepared
    # Every customer with their computed grades; tiers by the Pareto rule: 5000 + 2600 is below 80%
    # of 10,000, so the third (1200) is A too.
    assert page.model.rowCount() == 8
    tiers = prepared.computed.frame(grading.VALUE_TIER)["value"]
    assert [tiers[i] for i in ids] == ["A", "A", "A", "B", "C", "C", "C", "C"]
    assert prepared.queue[:2] == [ids[0], ids[1]]            # the best tier first, largest first
    for scheme, chart in page.charts.items():
        assert {k: v for k, v in chart.counts().items() if v} == prepared.counts[scheme]
    assert page.pareto.crossings[0.8] == pytest.approx(3 / 8)
    # The explanation on demand.
    page.table.selectRow(1)
    text = page.explanation.toPlainText()
    assert prepared.computed.explain(ids[1], grading.VALUE_TIER) in text
    assert prepared.computed.explain(ids[1], grading.RFM) in text

    wizard.next()
    opp = wizard.opportunity_page
    queue = wizard.session.queue
    assert opp.current_id() == queue[0]
    assert "客户0" in opp.card.toPlainText() and "138****0000" in opp.card.toPlainText()
    assert "理财咨询" in opp.card.toPlainText()                # the last contact
    keys(qtbot, wizard, Qt.Key.Key_1, Qt.Key.Key_A)            # clear need, within 1 month
    assert wizard.session.answers[queue[0]] == ("clear", "1m")
    assert opp.current_id() == queue[1]
    keys(qtbot, wizard, Qt.Key.Key_2, Qt.Key.Key_C)            # latent, 6 months
    keys(qtbot, wizard, Qt.Key.Key_S)                          # skip the third
    assert opp.current_id() == queue[3]
    keys(qtbot, wizard, Qt.Key.Key_Backspace, Qt.Key.Key_Backspace)
    assert opp.current_id() == queue[1]
    assert opp.need_buttons["latent"].isChecked() and opp.close_buttons["6m"].isChecked()
    keys(qtbot, wizard, Qt.Key.Key_1, Qt.Key.Key_B)            # changed: clear, 3 months
    assert wizard.session.answers[queue[1]] == ("clear", "3m")
    keys(qtbot, wizard, Qt.Key.Key_3)                          # no need: E without a second key
    assert wizard.session.answers[queue[2]] == ("none", "never")
    assert opp.current_id() == queue[3]
    assert "Customer 4 of 8" in opp.position_label.text()

    wizard.next()
    review = wizard.review_page
    rows = review.model.rows()
    opportunity_rows = {r[0]: r[4] for r in rows if r[2] == grading.OPPORTUNITY}
    assert opportunity_rows == {queue[0]: "A", queue[1]: "B", queue[2]: "E"}
    assert len(rows) == 3 * 8 + 3                              # first grading: every computed grade is new
    for row in range(review.model.rowCount()):
        assert review.model.data(review.model.index(row, 4))   # a reason for each
    wizard.next()                                              # Apply
    qtbot.waitUntil(lambda: wizard.currentId() == GradingWizard.RESULT, timeout=10000)
    conn = archive.conn
    assert conn.execute("SELECT count(*) FROM grades WHERE scheme <> 'opportunity'").fetchone()[0] == 24
    stored = dict(conn.execute("SELECT customer_id, value FROM grades WHERE scheme = 'opportunity'").fetchall())
    assert stored == {queue[0]: "A", queue[1]: "B", queue[2]: "E"}
    by = {r[0] for r in conn.execute("SELECT set_by FROM grade_history WHERE scheme = 'opportunity'")}
    assert by == {"王芳"}
    assert grading_session.load(conn, "王芳") is None
    assert "24 changes" in wizard.result_page.text.text()


def test_leaving_mid_way_and_continuing_where_you_stopped(qtbot, book):
    archive, ids = book
    wizard = open_wizard(qtbot, archive)
    assert wizard.scope_page.count.text().startswith("6 ")
    to_opportunities(qtbot, wizard)
    queue = list(wizard.session.queue)
    assert len(queue) == 6
    keys(qtbot, wizard, Qt.Key.Key_1, Qt.Key.Key_A, Qt.Key.Key_2, Qt.Key.Key_D)
    wizard.reject()                                            # closed mid-way
    saved = grading_session.load(archive.conn, "王芳")
    assert saved.position == 2 and saved.answers == {queue[0]: ("clear", "1m"), queue[1]: ("latent", "later")}
    assert archive.conn.execute("SELECT count(*) FROM grades").fetchone()[0] == 0   # nothing applied

    again = open_wizard(qtbot, archive)
    scope = again.scope_page
    assert scope.resume_box.isVisible()
    assert "2 answers" in scope.resume_text.text() and "customer 3 of 6" in scope.resume_text.text()
    qtbot.mouseClick(scope.continue_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: again.currentId() == GradingWizard.OPPORTUNITY, timeout=10000)
    opp = again.opportunity_page
    assert again.session.queue == queue and opp.current_id() == queue[2]
    keys(qtbot, again, Qt.Key.Key_Backspace)
    assert opp.need_buttons["latent"].isChecked() and opp.close_buttons["later"].isChecked()
    keys(qtbot, again, Qt.Key.Key_S, Qt.Key.Key_1, Qt.Key.Key_C)
    again.next()
    again.review_page.apply_computed.setChecked(False)         # only the answers this time
    again.next()
    qtbot.waitUntil(lambda: again.currentId() == GradingWizard.RESULT, timeout=10000)
    stored = dict(archive.conn.execute("SELECT customer_id, value FROM grades").fetchall())
    assert stored == {queue[0]: "A", queue[1]: "D", queue[2]: "C"}
    assert grading_session.load(archive.conn, "王芳") is None
    third = open_wizard(qtbot, archive)
    assert not third.scope_page.resume_box.isVisible()


def test_cancelling_the_apply_writes_nothing_and_applying_sends_a_notice(qtbot, book):
    from gui.common.operations import Changes, changes_of
    archive, ids = book
    notices = []
    changes_of(archive).changed.connect(notices.append)
    wizard = open_wizard(qtbot, archive)
    to_opportunities(qtbot, wizard)
    queue = list(wizard.session.queue)
    keys(qtbot, wizard, Qt.Key.Key_1, Qt.Key.Key_A, Qt.Key.Key_8)
    wizard.next()
    review = wizard.review_page
    wizard.next()                                              # Apply ...
    review.progress.cancel()                                   # ... and Cancel at once
    qtbot.waitUntil(lambda: review.error.isVisible(), timeout=10000)
    assert review.error.text() == "Cancelled: nothing was written."
    assert wizard.currentId() == GradingWizard.REVIEW
    assert archive.conn.execute("SELECT count(*) FROM grades").fetchone()[0] == 0
    assert grading_session.load(archive.conn, "王芳").answers == {queue[0]: ("clear", "1m")}
    assert not any(n.touches(Changes.GRADES) for n in notices)
    wizard.next()                                              # Apply again, to the end
    qtbot.waitUntil(lambda: wizard.currentId() == GradingWizard.RESULT, timeout=10000)
    assert archive.conn.execute("SELECT count(*) FROM grades WHERE scheme = 'opportunity'").fetchone()[0] == 1
    assert customers.get(archive.conn, queue[1])["deal_status"] == "negotiating"
    grades = [n for n in notices if n.touches(Changes.GRADES)]
    assert len(grades) == 1 and grades[0].touches(Changes.CUSTOMERS)
    assert grades[0].customer_ids == set(queue)               # my book: the scope graded


def test_scopes_area_ungraded_and_older(qtbot, book):
    archive, ids = book
    grading.apply(archive.conn, grading.compute(grading.load_inputs(archive.conn, TODAY - timedelta(days=100),
                                                                    ids[:3])))
    wizard = open_wizard(qtbot, archive)
    scope = wizard.scope_page
    scope.area.setCurrentIndex(scope.area.findData("阳光花园"))
    assert scope.area_choice.isChecked() and scope.count.text().startswith("4 ")
    scope.ungraded.setChecked(True)
    assert scope.count.text().startswith("5 ")
    scope.days.setValue(30)
    assert scope.older.isChecked() and scope.count.text().startswith("8 ")
    scope.days.setValue(200)
    assert scope.count.text().startswith("5 ")
    wizard.next()
    qtbot.waitUntil(lambda: wizard.prepared is not None, timeout=10000)
    assert sorted(wizard.session.queue) == ids[3:]


def test_a_saved_view_of_the_list_is_a_scope(qtbot, book):
    from model.customers.customer_filters import CustomerFilter, SavedView, store_view
    archive, ids = book
    store_view(SavedView("李强的客户", CustomerFilter(manager="李强")))
    wizard = open_wizard(qtbot, archive)
    scope = wizard.scope_page
    assert scope.view_choice.isVisible() and scope.view.currentText() == "李强的客户"
    scope.view_choice.setChecked(True)
    assert scope.count.text().startswith("2 ")
    wizard.next()
    qtbot.waitUntil(lambda: wizard.prepared is not None, timeout=10000)
    assert sorted(wizard.session.queue) == ids[6:] and wizard.session.scope == "view:李强的客户"


# -- the grade panel ----------------------------------------------------------------

def test_the_override_dialog_needs_a_reason(qtbot):
    from gui.grading.grade_panel import OverrideDialog
    dialog = OverrideDialog(grading.VALUE_TIER, "B")
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert dialog.value.currentData() == "B" and not ok.isEnabled()
    type_text(dialog.reason, "   ")
    assert not ok.isEnabled()
    dialog.reason.clear()
    type_text(dialog.reason, "大客户的子公司")
    assert ok.isEnabled()
    dialog.value.setCurrentIndex(dialog.value.findData("A"))
    assert dialog.result_value() == ("A", "大客户的子公司")


def test_the_panel_shows_explanations_and_history_and_overrides_with_a_reason(qtbot, book, monkeypatch):
    from gui.grading.grade_panel import GradePanel, OverrideDialog
    archive, ids = book
    conn = archive.conn
    grading.apply(conn, grading.compute(grading.load_inputs(conn, TODAY)))
    grading.set_opportunity(conn, ids[3], "clear", "3m", by="王芳", as_of=TODAY)
    panel = GradePanel(archive)
    qtbot.addWidget(panel)
    changed = []
    panel.changed.connect(lambda: changed.append(True))
    panel.load(ids[3])
    current = grading.current(conn, ids[3])
    for scheme in grading.SCHEMES:
        assert panel.explanations[scheme].text() == current[scheme].explanation()
    assert panel.values[grading.VALUE_TIER].text().startswith("B")
    assert not panel.clear_buttons[grading.VALUE_TIER].isEnabled()
    assert panel.history_model.rowCount() == 4

    monkeypatch.setattr(OverrideDialog, "ask", classmethod(lambda cls, parent, scheme, value: ("A", "集团客户")))
    qtbot.mouseClick(panel.override_buttons[grading.VALUE_TIER], Qt.MouseButton.LeftButton)
    record = grading.current(conn, ids[3])[grading.VALUE_TIER]
    assert record.value == "A" and record.override and record.reason == "集团客户" and record.set_by == "王芳"
    assert "✎" in panel.values[grading.VALUE_TIER].text()
    assert "集团客户" in panel.explanations[grading.VALUE_TIER].text()
    newest = [panel.history_model.data(panel.history_model.index(0, c)) for c in range(6)]
    assert newest[2] == "A ✎" and newest[3] == "王芳" and "集团客户" in newest[5]
    assert panel.clear_buttons[grading.VALUE_TIER].isEnabled() and changed == [True]
    # A regrade keeps the override; clearing it hands the grade back to the rules.
    grading.apply(conn, grading.compute(grading.load_inputs(conn, TODAY)))
    assert grading.current(conn, ids[3])[grading.VALUE_TIER].value == "A"
    qtbot.mouseClick(panel.clear_buttons[grading.VALUE_TIER], Qt.MouseButton.LeftButton)
    record = grading.current(conn, ids[3])[grading.VALUE_TIER]
    assert record.value == "B" and not record.override
    assert panel.history_model.rowCount() == 6 and "✎" not in panel.values[grading.VALUE_TIER].text()


def test_the_panel_sets_the_opportunity_from_answers(qtbot, book, monkeypatch):
    from gui.grading.grade_panel import GradePanel, OpportunityDialog
    archive, ids = book
    panel = GradePanel(archive)
    qtbot.addWidget(panel)
    panel.load(ids[0])
    assert panel.values[grading.OPPORTUNITY].text() == "Not graded yet"
    dialog = OpportunityDialog(None)
    qtbot.addWidget(dialog)
    dialog.need.setCurrentIndex(dialog.need.findData("latent"))
    assert dialog.grade.text().startswith("D")
    monkeypatch.setattr(OpportunityDialog, "ask", classmethod(lambda cls, parent, current: ("clear", "1m", "")))
    from gui.common.operations import Changes, changes_of
    notices = []
    changes_of(archive).changed.connect(notices.append)
    qtbot.mouseClick(panel.answer_button, Qt.MouseButton.LeftButton)
    assert grading.current(archive.conn, ids[0])[grading.OPPORTUNITY].value == "A"
    assert notices == [Changes.of(Changes.GRADES, ids=[ids[0]])]      # through the write API
    assert panel.values[grading.OPPORTUNITY].text().startswith("A")
    assert "daily" in panel.explanations[grading.OPPORTUNITY].text()


def test_the_editor_has_a_grades_tab(qtbot, book, monkeypatch):
    from gui.customers.customer_editor import CustomerEditor
    from gui.grading.grade_panel import OverrideDialog
    archive, ids = book
    conn = archive.conn
    grading.apply(conn, grading.compute(grading.load_inputs(conn, TODAY)))
    editor = CustomerEditor(None, archive, ids[4])
    qtbot.addWidget(editor)
    titles = [editor.tabs.tabText(i) for i in range(editor.tabs.count())]
    assert "Grades" in titles
    editor.tabs.setCurrentIndex(titles.index("Grades"))
    panel = editor.grade_panel
    assert panel.customer_id == ids[4] and panel.isEnabled()
    assert panel.explanations[grading.RFM].text() == grading.current(conn, ids[4])[grading.RFM].explanation()
    monkeypatch.setattr(OverrideDialog, "ask", classmethod(lambda cls, parent, scheme, value: ("white_collar",
                                                                                                "她在银行上班")))
    qtbot.mouseClick(panel.override_buttons[grading.PERSONA], Qt.MouseButton.LeftButton)
    assert grading.current(conn, ids[4])[grading.PERSONA].override
    assert editor.saved                      # the list refreshes when the editor closes
