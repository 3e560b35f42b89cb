"""Windows fit a field laptop's screen: shrunk to it when shown and moved inside, and the
check that finds what would not fit (a minimum size too big, a clipped label)."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from gui import screen_fit

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


@pytest.mark.parametrize("area", [QRect(0, 0, 1366, 728), QRect(0, 0, 1093, 582)])   # 100 %, 125 %
def test_the_main_window_fits_at_100_and_125_percent(qtbot, monkeypatch, area):
    from gui.main_window import MainWindow
    monkeypatch.setattr(screen_fit, "simulated_area", area)
    window = MainWindow("zh_CN")
    qtbot.addWidget(window)
    window.show()
    assert screen_fit.layout_problems(window) == []
    assert window.statusBar().isVisible()
