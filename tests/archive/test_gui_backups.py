"""Automatic backups from the window: on close when changed, before an import, the setting."""
from __future__ import annotations

import pytest

from gui.main_window.main_window import MainWindow
from model.archive import backup, backup_policy
from model.customers import customers
from model.core import settings
from model.archive.database import Archive
from tests.gui_helpers import own_connection


@pytest.fixture
def book(tmp_path):
    path = tmp_path / "book.kehu"
    with Archive.create(path) as archive:
        customers.create(archive.conn, {"name": "王芳", "phone": "13800000001"}, by="t")
    return path


def opened(qtbot, path) -> MainWindow:
    window = MainWindow()
    window.show()
    with qtbot.waitSignal(window.archive_changed, timeout=15000):
        window.open_archive(path)
    qtbot.waitUntil(lambda: not window.busy(), timeout=15000)
    return window


def close(qtbot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: not window.busy(), timeout=15000)
    window.close()
    qtbot.waitUntil(lambda: window.archive is None, timeout=15000)
    window.deleteLater()


def reasons(path) -> list[str]:
    return [backup_policy.entry(p, path.stem).reason for p in backup.list_backups(path)]


def test_closing_backs_up_a_changed_archive_once(qtbot, book):
    window = opened(qtbot, book)
    close(qtbot, window)
    assert reasons(book) == ["on-close"]                 # never backed up before: it is now
    window = opened(qtbot, book)
    close(qtbot, window)
    assert reasons(book) == ["on-close"]                 # nothing changed: no second backup
    window = opened(qtbot, book)
    customers.create(own_connection(window.archive), {"name": "李雷", "phone": "13800000002"}, by="t")
    close(qtbot, window)
    assert reasons(book) == ["on-close", "on-close"]
    newest = backup.latest_backup(book)
    assert backup.preview(newest).counts["customers"] == 2


def test_a_change_made_elsewhere_is_backed_up_at_the_next_close(qtbot, book):
    close(qtbot, opened(qtbot, book))
    with Archive.open(book) as archive:                  # e.g. the command line
        customers.create(archive.conn, {"name": "韩梅梅", "phone": "13800000003"}, by="t")
    close(qtbot, opened(qtbot, book))
    assert reasons(book) == ["on-close", "on-close"]


def test_the_setting_turns_the_close_backup_off(qtbot, book):
    from gui.main_window.preferences import PreferencesDialog
    dialog = PreferencesDialog()
    qtbot.addWidget(dialog)
    assert dialog.backup_on_close.isChecked()            # on unless turned off
    dialog.backup_on_close.setChecked(False)
    dialog.save()
    assert settings.get(settings.BACKUP_ON_CLOSE) is False
    close(qtbot, opened(qtbot, book))
    assert backup.list_backups(book) == []


def test_import_and_manual_backup(qtbot, book, monkeypatch):
    from gui.customers import import_dialog
    ran = []
    monkeypatch.setattr(import_dialog.ImportDialog, "run", classmethod(
        lambda cls, parent, archive: ran.append(reasons(book)) and None))
    window = opened(qtbot, book)
    window.run_action("import")
    assert ran == [["before-import"]]                    # the backup came first
    assert "Last backup" in window.backup_label.text()
    window.run_action("import")                            # unchanged since: no second one
    assert reasons(book) == ["before-import"]
    customers.create(own_connection(window.archive), {"name": "李雷", "phone": "13800000002"}, by="t")
    handle = window.backup_now()
    qtbot.waitUntil(lambda: handle.finished, timeout=15000)
    assert "" in reasons(book)                           # made by hand: no reason in the name
    close(qtbot, window)
