"""The Partners area with real widgets: add a partner, fill in a 101 checklist run with
the keyboard and the mouse (a Chinese note, a photo attached as evidence with its
thumbnail, the live weighted score, a follow-up action), save it; the page shows the
run, the score trend and the open action, which is a due visit; mark it done; print
the run; import outlets with a bad row (all or nothing, then the good rows); targets
with the below-target flag in the list."""
from __future__ import annotations

import csv
import subprocess
import threading
from datetime import date, timedelta

import pytest
from PIL import Image
from PySide6.QtCore import Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QFileDialog, QGroupBox, QMessageBox, QToolButton

from gui.partners.checklist_run_dialog import ChecklistRunDialog
from gui.partners.partner_dialogs import (ActionDialog, ActionDoneDialog, AgreementDialog, ChecklistPrintDialog,
                                          OutletDialog,
                                 PartnerDialog, TargetDialog)
from gui.partners.partners_page import PartnersPage
from gui_helpers import type_text
from model.partners import checklists, evidence, partner_outlets, partners
from model.visits import due
from model.core import settings
from tests.planning_data import customer

pytestmark = pytest.mark.gui


FAILURES: list[BaseException] = []


def on_modal(action):
    """Run ``action(dialog)`` on the modal dialog about to be shown (exec blocks the test).
    A failing action closes the dialog, so the test goes on to report it."""
    def run():
        widget = QApplication.activeModalWidget()
        if widget is None:
            QTimer.singleShot(20, run)
            return
        try:
            action(widget)
        except BaseException as exc:  # noqa: BLE001 - re-raised by the test through check()
            FAILURES.append(exc)
            widget.close()
    QTimer.singleShot(0, run)


def check() -> None:
    if FAILURES:
        raise FAILURES.pop()


@pytest.fixture
def page(qtbot, archive):
    settings.put(settings.USER_NAME, "李经理")
    widget = PartnersPage(archive, "en")
    qtbot.addWidget(widget)
    widget.resize(1400, 900)
    widget.show()
    return widget


def photo(path):
    Image.new("RGB", (320, 240), (200, 40, 40)).save(path, "PNG")
    return path


def test_new_partner_and_a_checklist_run_through_the_dialog(qtbot, archive, page, tmp_path, monkeypatch):
    assert page.model.rowCount() == 0 and page.empty.isVisible()

    def fill_partner(dialog: PartnerDialog):
        type_text(dialog.name, "华兴食品批发")
        dialog.kind.setCurrentIndex(dialog.kind.findData("wholesaler"))
        type_text(dialog.territory, "东城区")
        dialog.position.setText("31.23, 121.47")
        dialog.accept()
    on_modal(fill_partner)
    partner_id = page.new_partner()
    check()
    assert partner_id is not None and page.current_id() == partner_id
    assert "华兴食品批发" in page.view.title.text() and "wholesaler" in page.view.title.text()
    stored = partners.get(archive.conn, partner_id)
    assert (stored.territory, stored.latitude, stored.manager) == ("东城区", 31.23, "李经理")

    # Contacts: the KeyMan is the default owner of follow-up actions.
    page.view.people.add_person()
    table = page.view.people.table
    table.item(0, 0).setText("王建国")
    table.item(0, 2).setText("13901012345")
    table.item(0, 3).setCheckState(Qt.CheckState.Checked)
    page.view.save_people_button.click()
    assert partners.keyman(archive.conn, partner_id).name == "王建国"

    shot = photo(tmp_path / "仓库.png")
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(shot)], ""))
    seen = {}

    def fill_run(dialog: ChecklistRunDialog):
        template = dialog.template
        assert len(dialog.rows) == len(template.items)
        assert dialog.findChild(QGroupBox, "part_qualification").title().startswith("1. Qualification")
        assert "Score: —" in dialog.score_label.text() and f"not answered {len(template.items)}" in \
            dialog.score_label.text()
        # Saving with items open is refused and names the first one.
        dialog.accept()
        seen["refused"] = dialog.error.text()
        assert dialog.isVisible()
        assert dialog.reviewer.text() == "李经理"          # the user, by default
        dialog.reviewer.clear()
        type_text(dialog.reviewer, "张主管")
        for row in dialog.rows.values():
            qtbot.mouseClick(row.buttons["met"], Qt.MouseButton.LeftButton)
        assert "Score: 100.0%" in dialog.score_label.text()
        # The keyboard: from Met, the right arrow chooses Not met.
        warehouse = dialog.rows["warehouse"]
        dialog.activateWindow()
        warehouse.buttons["met"].setFocus()
        qtbot.waitUntil(warehouse.buttons["met"].hasFocus)
        qtbot.keyClick(warehouse.buttons["met"], Qt.Key.Key_Right)
        assert warehouse.result() == "not_met"
        type_text(warehouse.note, "货架积灰，未先进先出")
        dialog.rows["our_incentives"].buttons["na"].click()
        applicable = sum(i.weight for i in template.items) - template.item("our_incentives").weight
        expected = checklists.score_text(round(100 * (applicable - template.item("warehouse").weight)
                                               / applicable, 1))
        assert f"Score: {expected}" in dialog.score_label.text()
        seen["score"] = expected
        # Evidence: a photo, shown as a thumbnail.
        warehouse.attach_button.click()
        chip = warehouse.findChild(QToolButton, "warehouse_evidence_1")
        assert chip is not None and not chip.icon().isNull()
        # A follow-up action about the item, owner prefilled with the KeyMan.
        dialog.action_item.setCurrentIndex(dialog.action_item.findData("warehouse"))
        assert dialog.action_owner.text() == "王建国"
        type_text(dialog.action_text, "整理仓库")
        dialog.action_due.setDate(date.today() + timedelta(days=3))
        qtbot.mouseClick(dialog.add_action_button, Qt.MouseButton.LeftButton)
        assert dialog.actions_table.rowCount() == 1
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    on_modal(fill_run)
    run_id = page.view.new_run()
    check()
    assert "Answer every item" in seen["refused"] and "Follows our management norms" in seen["refused"]
    assert run_id is not None
    run = checklists.load_run(archive.conn, run_id)
    assert run.reviewer == "张主管" and checklists.score_text(run.score) == seen["score"]
    assert run.results["warehouse"].note == "货架积灰，未先进先出"
    [evidence_id] = run.results["warehouse"].evidence_ids
    stored = evidence.load(archive.conn, evidence_id)
    assert stored.filename == "仓库.png" and stored.is_image and stored.data == shot.read_bytes()
    [action] = run.actions
    assert (action.text, action.owner, action.item_key) == ("整理仓库", "王建国", "warehouse")

    # The page: the run in the table and the trend, the score in the list, the open action.
    view = page.view
    assert view.tabs.currentIndex() == 3
    assert view.runs_model.rowCount() == 1 and view.trend.points[0][1] == run.score
    assert page.model.index(0, 2).data() == seen["score"]
    assert view.actions_model.rowCount() == 1 and view.actions_model.index(0, 1).data() == "整理仓库"
    listed = due.due_list(archive.conn, date.today(), date.today() + timedelta(days=6)).visits
    assert [v.action_id for v in listed] == [action.id]

    # Mark it done on the page: gone from the open actions and the due list.
    def close_it(dialog: ActionDoneDialog):
        type_text(dialog.note, "已整理")
        dialog.accept()
    on_modal(close_it)
    view.actions_view.selectRow(0)
    view.mark_done()
    check()
    assert view.actions_model.rowCount() == 0
    view.show_done.setChecked(True)
    assert "done" in view.actions_model.index(0, 3).data() and view.actions_model.index(0, 5).data() == "已整理"
    assert due.due_list(archive.conn, date.today(), date.today() + timedelta(days=6)).visits == []

    # Print the run for sign-off (written in a worker, audited, opened with the viewer).
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    target = tmp_path / "101.pdf"

    def print_it(dialog: ChecklistPrintDialog):
        dialog.path_edit.setText(str(target))
        dialog.start()
    on_modal(print_it)
    assert view.print_run() == target
    check()
    assert opened == [QUrl.fromLocalFile(str(target))]
    text = subprocess.run(["pdftotext", str(target), "-"], capture_output=True, text=True, check=True).stdout
    assert "华兴食品批发" in text and "货架积灰，未先进先出" in text and "仓库.png" in text
    assert archive.conn.execute("SELECT count(*) FROM audit_log WHERE action = 'print'").fetchone()[0] == 1


def test_outlet_import_asks_before_adding_the_good_rows(qtbot, archive, page, tmp_path, monkeypatch):
    partner_id = partners.create(archive.conn, partners.Partner("顺达商贸", "wholesaler"), "test")
    page.refresh()
    page.show_partner(partner_id)
    path = tmp_path / "网点.csv"
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle).writerows([["网点名称", "电话"], ["甲店", "13811112222"], ["乙店", "123"],
                                      ["丙店", ""]])

    def refuse(box: QMessageBox):
        assert "1 rows were rejected" in box.text()
        assert "Row 3" in box.informativeText()
        box.button(QMessageBox.StandardButton.Cancel).click()
    on_modal(refuse)
    with qtbot.waitSignal(page.view.imported, timeout=15000) as done:
        page.view.import_outlets(path)
    result = done.args[0]
    check()
    assert not result.written and partner_outlets.outlets(archive.conn, partner_id) == []
    assert "Nothing was imported" in page.view.outlets_note.text()

    def accept(box: QMessageBox):
        [partial] = [b for b in box.buttons() if "2 good rows" in b.text()]
        partial.click()
    on_modal(accept)
    with qtbot.waitSignal(page.view.imported, timeout=15000) as done:
        page.view.import_outlets(path)
    result = done.args[0]
    check()
    assert result.written and page.view.outlets_model.rowCount() == 2
    assert "Imported 2 outlets" in page.view.outlets_note.text()
    assert page.model.index(0, 5).data() == "2"


def test_targets_and_the_flag(qtbot, archive, page):
    partner_id = partners.create(archive.conn, partners.Partner("北郊粮油", "wholesaler"), "test")
    today = date.today()
    first = (today.replace(day=1) - timedelta(days=1)).replace(day=1)            # last month
    before = (first - timedelta(days=1)).replace(day=1)                          # the month before
    partners.set_target(archive.conn, partner_id, f"{before:%Y-%m}", 1000, 800)
    page.refresh()
    page.show_partner(partner_id)
    assert page.model.index(0, 1).data() == ""

    def enter(dialog: TargetDialog):
        dialog.period.setText(f"{first:%Y-%m}")
        dialog.target.setValue(1000)
        dialog.actual.setText("900")
        dialog.accept()
    on_modal(enter)
    page.view.set_target(None)
    check()
    view = page.view
    assert view.performance_model.rowCount() == 2
    assert view.performance_model.index(1, 4).data() == "below target"
    assert "Below target in the last two periods" in view.flag_label.text()
    assert "below target" in page.model.index(0, 1).data()
    assert [r[0] for r in view.performance_chart.rows] == [f"{before:%Y-%m}", f"{first:%Y-%m}"]


def test_agreement_outlet_and_action_dialogs(qtbot, archive, page):
    customer_id = customer(archive.conn, "张记老板")
    partner_id = partners.create(archive.conn, partners.Partner("顺达商贸", "wholesaler"), "test")
    page.refresh()
    page.show_partner(partner_id)
    view = page.view
    assert "No agreement recorded yet" in view.details.text()

    def agree(dialog: AgreementDialog):
        dialog.dates["starts_on"].setText("2026-01-01")
        dialog.dates["ends_on"].setText("2025-12-31")            # before the start: refused
        type_text(dialog.texts[("partner", "coverage")], "覆盖东城区120家网点")
        dialog.texts[("ours", "incentives")].setPlainText("季度返利2%\n年终评优")
        dialog.accept()
        assert "ends before it starts" in dialog.error.text() and dialog.isVisible()
        dialog.dates["ends_on"].setText("2026年12月31日")
        dialog.accept()
    on_modal(agree)
    view.edit_agreement()
    check()
    deal = partners.agreement(archive.conn, partner_id)
    assert deal.ends_on == date(2026, 12, 31)
    assert [(c.topic, c.text) for c in deal.of("ours")] == [("incentives", "季度返利2%"), ("incentives", "年终评优")]
    assert "覆盖东城区120家网点" in view.details.text() and "2026-12-31" in view.details.text()

    def outlet(dialog: OutletDialog):
        type_text(dialog.name, "张记便利店")
        dialog.customer.setText("999")
        dialog.accept()
        assert "no customer number 999" in dialog.error.text()
        dialog.customer.setText(str(customer_id))
        dialog.accept()
    on_modal(outlet)
    view.add_outlet()
    check()
    assert view.outlets_model.index(0, 4).data() == "张记老板"
    assert "1 linked to customers" in view.outlets_note.text()

    def action(dialog: ActionDialog):
        type_text(dialog.text, "约定季度复盘会议")
        dialog.accept()
    on_modal(action)
    view.new_action()
    check()
    assert view.actions_model.index(0, 1).data() == "约定季度复盘会议"
    assert page.model.index(0, 4).data() == "1"


def test_imports_run_off_the_gui_thread_and_show_their_result(qtbot, archive, page, tmp_path, monkeypatch):
    partner_id = partners.create(archive.conn, partners.Partner("顺达商贸", "wholesaler"), "test")
    page.refresh()
    page.show_partner(partner_id)
    outlets = tmp_path / "网点.csv"
    with open(outlets, "w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle).writerows([["网点名称", "电话"], ["甲店", "13811112222"], ["丙店", ""]])
    threads = []
    original = partner_outlets.import_outlets

    def watched(*args, **kw):
        threads.append(threading.current_thread())
        assert kw["progress"] is not None
        return original(*args, **kw)
    monkeypatch.setattr(partner_outlets, "import_outlets", watched)
    with qtbot.waitSignal(page.view.imported, timeout=15000) as done:
        page.view.import_outlets(outlets)
    assert threads and threads[0] is not threading.main_thread()
    assert done.args[0].written
    assert "Imported 2 outlets" in page.view.outlets_note.text()
    assert page.view.outlets_model.rowCount() == 2 and page.model.index(0, 5).data() == "2"

    targets = tmp_path / "目标.csv"
    with open(targets, "w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle).writerows([["期间", "目标", "实际"], ["2026-01", "1000", "900"], ["2026-02", "1000", "800"]])
    original_targets = partners.import_targets

    def watched_targets(*args, **kw):
        threads.append(threading.current_thread())
        return original_targets(*args, **kw)
    monkeypatch.setattr(partners, "import_targets", watched_targets)
    with qtbot.waitSignal(page.view.imported, timeout=15000) as done:
        page.view.import_targets(targets)
    assert threads[1] is not threading.main_thread() and done.args[0].written
    assert page.view.performance_model.rowCount() == 2
    assert page.view.performance_model.index(1, 0).data() == "2026-02"
