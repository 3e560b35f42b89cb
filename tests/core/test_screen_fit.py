"""Windows fit a field laptop's screen: shrunk to it when shown and moved inside, and the
check that finds what would not fit (a minimum size too big, a clipped label)."""
from __future__ import annotations

import pytest
from PySide6.QtWidgets import (QComboBox, QDialog, QHBoxLayout, QLabel, QLineEdit, QListWidget, QMainWindow,
                               QVBoxLayout, QWidget)

from gui.common import screen_fit

pytestmark = pytest.mark.gui


def test_a_tall_dialog_is_shrunk_and_moved_onto_the_screen(qtbot, qapp):
    screen_fit.install(qapp)
    dialog = QDialog()
    qtbot.addWidget(dialog)
    QVBoxLayout(dialog).addWidget(QLabel("客户"))
    dialog.resize(1100, 1040)              # "52 lines high"
    dialog.move(900, 500)
    dialog.show()
    frame = dialog.frameGeometry()
    assert screen_fit.LAPTOP.contains(frame), frame
    assert screen_fit.layout_problems(dialog) == []


def test_the_check_finds_a_minimum_too_big_and_a_clipped_label(qtbot):
    dialog = QDialog()
    qtbot.addWidget(dialog)
    layout = QHBoxLayout(dialog)
    tall = QWidget()
    tall.setMinimumHeight(900)
    layout.addWidget(tall)
    label = QLabel("一段不换行的很长的说明文字，放不下")
    label.setMinimumWidth(1)
    label.setMaximumWidth(40)
    layout.addWidget(label)
    dialog.show()
    problems = "\n".join(screen_fit.layout_problems(dialog))
    assert "needs at least" in problems
    assert "clipped" in problems


def test_the_check_finds_a_choice_cut_in_its_box_and_a_list_too_narrow(qtbot):
    dialog = QDialog()
    qtbot.addWidget(dialog)
    layout = QVBoxLayout(dialog)
    combo = QComboBox()
    combo.addItems(["Unknown", "6.2 free, stays in the community (社区自由)"])   # the short one chosen
    combo.setMaximumWidth(150)
    listing = QListWidget()
    listing.addItems(["一般挽留（再次挽留客户）的很长的名字，放不下"])
    listing.setMaximumWidth(120)
    layout.addWidget(combo)
    layout.addWidget(listing)
    dialog.show()
    problems = "\n".join(screen_fit.layout_problems(dialog))
    assert "'6.2 free, stays in the community (社区自由)' is cut by" in problems
    assert "too narrow for its items" in problems
    combo.setMaximumWidth(1000)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
    listing.setMaximumWidth(1000)
    listing.setMinimumWidth(listing.sizeHintForColumn(0) + 40)
    qtbot.waitUntil(lambda: screen_fit.layout_problems(dialog) == [])


def test_the_check_finds_a_date_cut_in_its_field_and_the_date_field_keeps_it_whole(qtbot):
    from gui.common.widgets import DateField
    dialog = QDialog()
    qtbot.addWidget(dialog)
    layout = QVBoxLayout(dialog)
    narrow = QLineEdit("2026-12-07")
    narrow.setClearButtonEnabled(True)
    narrow.setFixedWidth(80)
    address = QLineEdit("杭州市西湖区体育场路220号19幢2单元")     # words may scroll in their field
    address.setFixedWidth(80)
    field = DateField()
    field.line.setText("2026-12-30")
    for widget in (narrow, address, field):
        layout.addWidget(widget)
    dialog.resize(120, 100)
    dialog.show()
    problems = screen_fit.layout_problems(dialog)
    assert len(problems) == 1 and "'2026-12-07' is cut by" in problems[0], problems


def test_the_laptop_areas_at_each_scaling():
    assert [screen_fit.laptop_area(s).size().toTuple() for s in screen_fit.SCALES] == [
        (1366, 728), (1093, 582), (911, 485)]


def test_a_page_bigger_than_the_screen_scrolls_in_the_page_stack(qtbot, monkeypatch):
    monkeypatch.setattr(screen_fit, "simulated_area", screen_fit.laptop_area(150))
    window = QMainWindow()
    qtbot.addWidget(window)
    stack = screen_fit.PageStack()
    small, big = QLabel("客户"), QWidget()
    big.setMinimumSize(1100, 700)          # wider and taller than 911×485
    for page in (small, big):
        stack.addWidget(page)
    window.setCentralWidget(stack)
    stack.setCurrentWidget(big)
    window.resize(1280, 800)
    window.show()
    screen_fit.fit_on_screen(window)
    assert stack.currentWidget() is big and stack.widget(0) is small and stack.indexOf(big) == 1
    assert screen_fit.layout_problems(window) == []
    area = big.parentWidget().parentWidget()
    qtbot.waitUntil(lambda: area.verticalScrollBar().isVisible() and area.horizontalScrollBar().isVisible())
    stack.removeWidget(big)
    assert stack.count() == 1 and stack.currentWidget() is small


@pytest.mark.parametrize("scale", screen_fit.SCALES)
def test_the_main_window_fits_at_100_125_and_150_percent(qtbot, monkeypatch, tmp_path, scale):
    """With the demo open and every area made (the stack is as big as its biggest page,
    but each page scrolls, at 150 % only), the areas' names whole in the navigation, the
    status bar shown. The Today page, the first area, is whole at every scaling, its lists
    showing rows enough to work from."""
    from gui.main_window.main_window import MainWindow
    from model.demo import demo
    demo.build_demo(tmp_path / "demo.kehu", customers=60, seed=1)
    monkeypatch.setattr(screen_fit, "simulated_area", screen_fit.laptop_area(scale))
    window = MainWindow("zh_CN")
    qtbot.addWidget(window)
    window.show()
    window.open_archive(tmp_path / "demo.kehu")
    qtbot.waitUntil(lambda: window.nav.count() > 3)
    for row in range(window.nav.count()):
        window.nav.setCurrentRow(row)
        qtbot.waitUntil(lambda: not window.busy(), timeout=20000)
        assert screen_fit.layout_problems(window) == [], window.nav.item(row).text()
        # At 100 % and 125 % every area whole, without scrolling; at 150 % Today too.
        if scale < 150 or row == 0:
            scroll = window.stack.currentWidget().parentWidget().parentWidget()
            bars = scroll.verticalScrollBar(), scroll.horizontalScrollBar()
            qtbot.wait(50)       # the scroll bars follow the page's size after its resize
            assert not any(bar.isVisible() for bar in bars), window.nav.item(row).text()
    assert window.statusBar().isVisible()
    today = window.show_area("today")
    qtbot.waitUntil(lambda: today.isVisible() and not window.busy(), timeout=20000)
    row = today.calls[1].verticalHeader().defaultSectionSize()
    for view in (today.visits[1], today.calls[1]):
        assert view.viewport().height() >= 4 * row, (view.objectName(), view.viewport().height())
    if scale < 150:     # at 150 % the tab bar may scroll (in Chinese it fits; English is longer)
        tabs = today.lists.tabBar()
        assert today.lists.width() >= tabs.sizeHint().width(), "the lists' tab titles are cut"
    metrics = window.nav.fontMetrics()
    assert window.nav.width() >= max(metrics.horizontalAdvance(window.nav.item(r).text())
                                     for r in range(window.nav.count())) + window.nav.iconSize().width()
