"""The manager's day on the Today page: targets set through the dialog and shown against
the actuals, the care calls due, what moves to the next working day, and the morning and
evening sheets printed from the window."""
from __future__ import annotations

import subprocess
from datetime import date, timedelta

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from gui.visits.daily_sheets_panel import SheetPrintDialog, TargetsDialog
from gui.visits.today_page import TodayPage
from model.archive import audit, database
from model.customers import customers
from model.demo import demo
from model.core import settings
from model.visits import targets, visit_plan
from tests.gui_helpers import on_modal_of, type_text

DAY = date(2026, 11, 23)        # a Monday


@pytest.fixture
def book(tmp_path):
    path = tmp_path / "demo.kehu"
    demo.build_demo(path, customers=80, seed=5, as_of=DAY)
    archive = database.Archive.open(path)
    conn = archive.conn
    manager = conn.execute("SELECT manager FROM customers GROUP BY manager ORDER BY count(*) DESC").fetchone()[0]
    settings.put(settings.USER_NAME, manager)
    someone = conn.execute("SELECT id FROM customers WHERE manager = ? ORDER BY id", (manager,)).fetchone()[0]
    customers.update(conn, someone, {"birth_date": f"1980-{(DAY + timedelta(days=2)).strftime('%m-%d')}"}, "t")
    plan = visit_plan.build(conn, visit_plan.PlanRequest(DAY, days=1, per_day=3, time_limit=2, manager=manager))
    visit_plan.save(conn, plan, "t")
    yield archive, manager, someone
    archive.close()


def _page(qtbot, archive) -> TodayPage:
    page = TodayPage(archive, "en")
    qtbot.addWidget(page)
    page.resize(1366, 740)
    page.show()
    qtbot.waitExposed(page)
    qtbot.waitUntil(lambda: not page.busy() and not page.sheets.busy(), timeout=20000)
    with qtbot.waitSignal(page.sheets.loaded, timeout=20000):
        page.load(DAY)
    qtbot.waitUntil(lambda: not page.busy(), timeout=20000)
    return page


def test_targets_care_calls_and_moves_on_the_today_page(qtbot, book):
    archive, manager, someone = book
    page = _page(qtbot, archive)
    panel = page.sheets
    assert panel.manager.currentText() == manager
    assert panel.targets_model.rowCount() == 5
    assert panel.tabs.tabText(0) == "Targets: working day 16 of 21 (none set)"
    assert "Care calls (" in panel.tabs.tabText(1)
    care_names = [panel.care_model.index(r, 1).data() for r in range(panel.care_model.rowCount())]
    assert customers.get(archive.conn, someone)["name"] in care_names
    assert panel.tabs.tabText(2).startswith("Moves to 2026-11-24 (")
    assert panel.moves_model.rowCount() >= 3               # the plan's three visits, none done yet

    def fill(dialog: TargetsDialog) -> None:
        assert dialog.month_key() == "2026-11" and "21 working days" in dialog.days.text()
        type_text(dialog.fields["visits"], "84")
        type_text(dialog.fields["calls"], "2.5")            # not a whole number: refused, stays open
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
        assert dialog.isVisible() and "whole number" in dialog.error.text()
        dialog.fields["calls"].clear()
        type_text(dialog.fields["calls"], "210")
        assert "Visits about 4.00 a day" in dialog.days.text()
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    on_modal_of(TargetsDialog, fill)
    with qtbot.waitSignal(panel.loaded, timeout=20000):
        assert panel.edit_targets()
    assert targets.month_targets(archive.conn, manager, "2026-11") == {"visits": 84, "calls": 210}
    assert panel.tabs.tabText(0) == "Targets: working day 16 of 21"
    visits = [panel.targets_model.index(1, c).data() for c in range(6)]
    assert visits[:3] == ["Visits", "84", "4"]
    with qtbot.waitSignal(page.customer_requested, timeout=5000) as opened:
        panel.care_view.activated.emit(panel.care_model.index(care_names.index(
            customers.get(archive.conn, someone)["name"]), 0))
    assert opened.args == [someone]


@pytest.mark.parametrize("evening, words", [(False, "Morning sheet"), (True, "Evening sheet")])
def test_print_the_sheets_from_the_today_page(qtbot, book, tmp_path, monkeypatch, evening, words):
    monkeypatch.setattr("gui.visits.print_dialogs.open_file", lambda path: None)
    archive, manager, _someone = book
    page = _page(qtbot, archive)
    out = tmp_path / "sheet.pdf"

    def press(dialog: SheetPrintDialog) -> None:
        dialog.path_edit.setText(str(out))
        dialog.print_button.click()
    on_modal_of(SheetPrintDialog, press)
    assert page.sheets.print_sheet(evening=evening) == out
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    assert words in text and manager in text
    entry = audit.entries(archive.conn, action="print")[0]
    assert entry.what == f"{words} 2026-11-23" and entry.detail["manager"] == manager
