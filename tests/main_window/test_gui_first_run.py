"""The first start: shown once, language and name saved, a pack imported or the installer's applied,
then the demo opens."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from gui.main_window import first_run
from gui.main_window.first_run import FirstRunDialog
from model.branch import branch_pack
from model.core import language, settings
from tests.gui_helpers import on_modal_of, type_text

pytestmark = pytest.mark.gui


def test_shown_only_until_answered_or_an_archive_was_opened():
    assert first_run.should_show(archive_given=False)
    assert not first_run.should_show(archive_given=True)
    settings.put(settings.LAST_ARCHIVE, "/somewhere/book.kehu")
    assert not first_run.should_show(archive_given=False)
    settings.put(settings.LAST_ARCHIVE, "")
    settings.put(settings.FIRST_RUN_DONE, True)
    assert not first_run.should_show(archive_given=False)


def test_answers_are_saved_and_the_demo_opens(qtbot, tmp_path, monkeypatch):
    pack = tmp_path / "pack.zip"
    branch_pack.export_pack(pack, name="城东支行", version="5")
    dialog = FirstRunDialog()
    qtbot.addWidget(dialog)
    assert "shipped with Kehu" in dialog.pack.text()
    assert dialog.import_button.isVisibleTo(dialog)
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.user_name.setText(" Wang ")
    assert dialog.import_pack(pack).name == "城东支行"
    assert "城东支行, version 5" in dialog.pack.text()
    qtbot.mouseClick(dialog.demo, Qt.MouseButton.LeftButton)
    assert dialog.choice() == first_run.DEMO
    assert f"({first_run.DEMO_CUSTOMERS} made-up customers)" in dialog.demo.text()
    from model.demo import demo
    assert first_run.DEMO_CUSTOMERS == demo.CUSTOMERS_PER_MANAGER
    dialog.save()
    assert settings.get(settings.LANGUAGE) == "en" and settings.user_name() == "Wang"
    assert settings.get(settings.FIRST_RUN_DONE) is True
    assert not first_run.should_show(archive_given=False)
    assert settings.get(settings.BRANCH_NAME) == "城东支行"

    from gui.main_window.main_window import MainWindow
    monkeypatch.setattr(first_run, "demo_path", lambda: tmp_path / "docs" / "demo.kehu")
    monkeypatch.setattr(first_run, "DEMO_CUSTOMERS", 30)
    window = MainWindow("en")
    qtbot.addWidget(window)
    first_run.start(window, first_run.DEMO)
    qtbot.waitUntil(lambda: window.archive is not None and window.page() is not None, timeout=20000)
    assert window.archive.path.name == "demo.kehu"
    assert window.page().model.rowCount() == 30 == first_run.DEMO_CUSTOMERS
    qtbot.waitUntil(lambda: not window.busy(), timeout=20000)   # opening's background reads end first
    window.close()
    language.install_translators(QCoreApplication.instance(), "en")


def test_installer_pack_applied_once(tmp_path, monkeypatch):
    carried = tmp_path / "resources" / "branch-pack.zip"
    carried.parent.mkdir()
    branch_pack.export_pack(carried, name="Installer branch", version="1")
    monkeypatch.setattr(branch_pack, "bundled_pack", lambda: carried)
    assert first_run.apply_installer_pack().name == "Installer branch"
    assert branch_pack.applied_pack().name == "Installer branch"
    assert first_run.apply_installer_pack() is None          # already in force: not again
    dialog = FirstRunDialog()
    assert "Installer branch" in dialog.pack.text()
    assert not dialog.import_button.isVisibleTo(dialog)       # nothing to choose
    dialog.deleteLater()


def test_run_window_asks_on_the_first_start_only(qtbot, monkeypatch):
    from gui.main_window import app as app_module
    asked = []
    monkeypatch.setattr(FirstRunDialog, "ask", classmethod(lambda cls, parent=None: asked.append(1)))
    names = []
    monkeypatch.setattr(first_run.NameDialog, "ask", classmethod(lambda cls, parent=None: names.append(1)))
    monkeypatch.setattr(QApplication, "exec", lambda self: 0)
    from gui.main_window.main_window import MainWindow
    opened = []
    monkeypatch.setattr(MainWindow, "open_archive", lambda self, path=None: opened.append(path))

    def run(*argv):
        before = set(QApplication.topLevelWidgets())
        assert app_module.run_window(list(argv)) == 0
        for widget in set(QApplication.topLevelWidgets()) - before:
            widget.close()
            widget.deleteLater()
    run()
    assert asked == [1]                       # closed unanswered: asked again next time
    run("--archive", "/somewhere/x.kehu")
    assert asked == [1]                       # an archive named: not asked
    assert [p.name for p in opened] == ["x.kehu"]
    settings.put(settings.FIRST_RUN_DONE, True)
    run()
    assert asked == [1]
    assert names == [1, 1, 1]                 # no name yet: asked at every start
    settings.put(settings.USER_NAME, "王芳")
    run()
    assert names == [1, 1, 1]


def test_the_first_start_needs_a_name(qtbot):
    dialog = FirstRunDialog()
    qtbot.addWidget(dialog)
    assert not dialog.start_button.isEnabled()
    assert dialog.user_name.placeholderText() != settings.user_name()   # never the login, silently
    type_text(dialog.user_name, "王芳")
    assert dialog.start_button.isEnabled()
    dialog.user_name.setText("  ")
    assert not dialog.start_button.isEnabled()


def test_the_name_dialog_keeps_the_name(qtbot):
    def answer(dialog):
        ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
        assert not ok.isEnabled()
        type_text(dialog.name, "刘强")
        ok.click()
    on_modal_of(first_run.NameDialog, answer)
    assert first_run.NameDialog.ask() == "刘强"
    assert settings.name_is_set() and settings.user_name() == "刘强"


def test_the_command_line_says_when_no_name_is_set(tmp_path, capsys, monkeypatch):
    from cli import run_cli
    from model.archive.database import Archive
    from tests.import_helpers import customer_rows, write_csv
    path = tmp_path / "a.kehu"
    Archive.create(path).close()
    monkeypatch.delenv("KEHU_USER", raising=False)
    assert run_cli(["import", str(path), str(write_csv(tmp_path / "c.csv", customer_rows(1)))]) == 0
    assert "Your name is not set" in capsys.readouterr().err
    monkeypatch.setenv("KEHU_USER", "王芳")
    assert run_cli(["import", str(path), str(write_csv(tmp_path / "d.csv", customer_rows(1, 5)))]) == 0
    assert "Your name is not set" not in capsys.readouterr().err
    with Archive.open(path) as archive:
        assert archive.conn.execute("SELECT changed_by FROM customer_history ORDER BY id DESC"
                                    ).fetchone()[0] == "王芳"


def test_broken_installer_pack_is_reported_not_fatal(tmp_path, monkeypatch, capsys):
    carried = tmp_path / "branch-pack.zip"
    carried.write_bytes(b"broken")
    monkeypatch.setattr(branch_pack, "bundled_pack", lambda: carried)
    assert first_run.apply_installer_pack() is None
    assert "not a zip" in capsys.readouterr().err
    assert branch_pack.applied_pack() is None
