"""Satisfaction surveys in the window: the editor's Satisfaction tab records one and shows
the trend; Customers → Satisfaction by area shows the mean per area and month."""
from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from gui.customers.customer_editor import CustomerEditor
from gui.common.forms import to_qdate
from gui.customers.surveys import AreaSatisfactionDialog, SurveyDialog
from model.customers import customers, surveys
from model.core import settings
from tests.gui_helpers import on_modal_of, table_cells

pytestmark = pytest.mark.gui


@pytest.fixture
def customer(archive):
    settings.put(settings.USER_NAME, "王经理")
    return customers.create(archive.conn, {"name": "张三丰", "manager": "王经理", "area": "阳光小区"}, "王经理")


def test_record_a_survey_in_the_editor_and_see_the_trend(qtbot, archive, customer):
    surveys.record(archive.conn, customer, on=date.today().replace(day=1),
                   answers={q.key: 3 for q in surveys.template().questions}, by="t")
    editor = CustomerEditor(None, archive, customer)
    qtbot.addWidget(editor)
    panel = editor.surveys_panel
    index = editor.tabs.indexOf(panel)
    assert editor.tabs.tabText(index) == "Satisfaction (1)"
    editor.tabs.setCurrentIndex(index)

    def answer(dialog: SurveyDialog):
        assert list(dialog.scores) == [q.key for q in surveys.template().questions]
        assert dialog.scores["service"].maximum() == 5 and dialog.scores["service"].minimum() == 1
        dialog.date.setDate(to_qdate(date.today()))
        dialog.scores["branch"].setValue(2)
        dialog.save_button.click()
    on_modal_of(SurveyDialog, answer)
    assert panel.record() is not None
    assert editor.tabs.tabText(index) == "Satisfaction (2)"
    header = [panel.model.headerData(c, Qt.Orientation.Horizontal) for c in range(panel.model.columnCount())]
    assert header[1] == "Service of the account manager" and header[-4:] == ["Score", "Change", "Note", "By"]
    latest = table_cells(panel.view, 1)
    assert latest[3] == "2" and latest[-4:-2] == ["4.40", "+1.40"] and latest[-1] == "王经理"
    assert "2 survey(s); latest 4.40 of 5" in panel.trend.text() and "+1.40 since the first" in panel.trend.text()


def test_the_area_table(qtbot, archive, customer):
    other = customers.create(archive.conn, {"name": "李四", "manager": "李经理", "area": "幸福里"}, "t")
    for cid, score in ((customer, 4), (other, 2)):
        surveys.record(archive.conn, cid, on=date.today(), answers={q.key: score for q in surveys.template().questions},
                       by="t")
    dialog = AreaSatisfactionDialog(None, archive)
    qtbot.addWidget(dialog)
    assert dialog.manager.currentData() == "王经理"
    assert [table_cells(dialog.view, r)[:4] for r in range(dialog.model.rowCount())] == [["阳光小区", "1", "1", "4.00"]]
    dialog.manager.setCurrentIndex(dialog.manager.findData(None))
    rows = [table_cells(dialog.view, r) for r in range(dialog.model.rowCount())]
    assert [r[0] for r in rows] == ["幸福里", "阳光小区"]
    month = date.today().strftime("%Y-%m")
    header = [dialog.model.headerData(c, Qt.Orientation.Horizontal) for c in range(dialog.model.columnCount())]
    assert header[-2] == month and rows[0][-2] == "2.00" and rows[0][-1] == ""


def test_the_survey_dialogs_fit_a_laptop_at_150_percent(qtbot, monkeypatch, archive, customer):
    from gui.common import screen_fit
    monkeypatch.setattr(screen_fit, "simulated_area", screen_fit.laptop_area(150))
    for dialog in (SurveyDialog(None, archive, customer), AreaSatisfactionDialog(None, archive)):
        qtbot.addWidget(dialog)
        dialog.show()
        screen_fit.fit_on_screen(dialog)
        assert screen_fit.layout_problems(dialog) == [], type(dialog).__name__
        dialog.close()
