"""Preferences: the language setting overrides the system's; name, branch, phone printing."""
from PySide6.QtCore import QCoreApplication

from gui.main_window.preferences import PreferencesDialog
from model.core import language, settings


def test_choosing_chinese_is_saved_and_picked_at_the_next_start(qtbot):
    dialog = PreferencesDialog()
    qtbot.addWidget(dialog)
    assert not dialog.restart_note.isVisibleTo(dialog)
    dialog.language.setCurrentIndex(dialog.language.findData("zh_CN"))
    assert dialog.restart_note.isVisibleTo(dialog)
    dialog.user_name.setText("  王经理 ")
    dialog.branch.setText("城东社区支行")
    dialog.full_phone.setChecked(True)
    dialog.save()
    assert settings.get(settings.LANGUAGE) == "zh_CN"
    assert language.chosen_language() == "zh_CN"
    assert settings.user_name() == "王经理"
    assert settings.get(settings.BRANCH_NAME) == "城东社区支行"
    assert settings.get(settings.PRINT_FULL_PHONE) is True


def test_switching_language_translates_the_program(qtbot):
    app = QCoreApplication.instance()
    try:
        assert language.install_translators(app, "zh_CN")
        assert QCoreApplication.translate("Actions", "&Quit") != "&Quit"
    finally:
        language.install_translators(app, "en")
    assert QCoreApplication.translate("Actions", "&Quit") == "&Quit"


def test_back_to_the_system_language(qtbot):
    settings.put(settings.LANGUAGE, "zh_CN")
    dialog = PreferencesDialog()
    qtbot.addWidget(dialog)
    assert dialog.language.currentData() == "zh_CN"
    dialog.language.setCurrentIndex(0)
    dialog.save()
    assert settings.get(settings.LANGUAGE) == ""


def test_the_window_opens_preferences_from_its_menu(qtbot, monkeypatch):
    from gui.main_window.main_window import MainWindow
    opened = []
    monkeypatch.setattr(PreferencesDialog, "exec", lambda self: opened.append(self) or 0)
    window = MainWindow("en")
    qtbot.addWidget(window)
    window.action("preferences").trigger()
    assert len(opened) == 1
    assert settings.get(settings.LANGUAGE) == ""   # cancelled: nothing saved
