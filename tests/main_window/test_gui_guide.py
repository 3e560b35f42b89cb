"""Help → Guide: the working loop in the user's language, with the screenshot script's
pictures, opened from the Help menu (F1)."""
from __future__ import annotations

import re

import pytest
from PySide6.QtGui import QTextDocument

from gui.main_window.guide_dialog import GuideDialog, guide_folder
from gui.main_window.main_window import MainWindow

pytestmark = pytest.mark.gui


@pytest.mark.parametrize("lang, words", [("en", "working loop"), ("zh_CN", "日常工作流程")])
def test_the_guide_shows_its_text_and_every_picture(qtbot, lang, words):
    dialog = GuideDialog(None, lang)
    qtbot.addWidget(dialog)
    text = dialog.browser.toPlainText()
    assert words in text
    html = (guide_folder(lang) / "guide.html").read_text(encoding="utf-8")
    pictures = re.findall(r'<img src="([^"]+)"', html)
    assert len(pictures) >= 5
    document = dialog.browser.document()
    for name in pictures:
        assert (guide_folder(lang) / name).is_file(), name
        image = document.resource(QTextDocument.ResourceType.ImageResource, dialog.browser.source().resolved(name))
        assert image is not None and not image.isNull(), name


def test_help_menu_opens_the_guide_in_the_programs_language(qtbot, qapp):
    from model.core import language
    language.install_translators(qapp, "zh_CN")
    try:
        window = MainWindow("zh_CN")
        qtbot.addWidget(window)
        action = window.action("guide")
        assert action in window.menus["help"].actions()
        action.trigger()
        assert window._guide.isVisible()
        assert "日常工作流程" in window._guide.browser.toPlainText()
        window._guide.close()
    finally:
        language.install_translators(qapp, "en")
