"""The window's side of the audit trail and of sensitive data: the audit viewer,
the purge dialog, and the export dialog's reason and sensitive-fields choice."""
from __future__ import annotations

import csv
from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from gui.archive.audit_dialog import AuditDialog
from gui.customers.export_dialog import ExportDialog
from gui.archive.purge_dialog import PurgeDialog
from model.archive import audit, backup
from model.customers import customers, exporting
from tests.gui_helpers import type_text

pytestmark = pytest.mark.gui


def _people(conn, count):
    return [customers.create(conn, {"name": f"客户{i}", "phone": f"1380000{i:04d}"}, "x")
            for i in range(count)]


def test_audit_viewer_filters_newest_first_and_exports(qtbot, monkeypatch, archive, tmp_path):
    conn = archive.conn
    audit.record(conn, "export", "a.csv", 150, by="王经理", reason="年度核对")
    audit.record(conn, "print", "Tracking log", 3, by="王经理", detail={"full_phone": True})
    dialog = AuditDialog(None, archive)
    qtbot.addWidget(dialog)
    assert dialog.model.rowCount() == 2
    assert dialog.model.index(0, 3).data() == "Tracking log"        # newest first
    assert "full phone numbers printed" in dialog.model.index(0, 6).data()
    assert dialog.model.index(1, 5).data() == "年度核对"
    dialog.action_combo.setCurrentIndex(dialog.action_combo.findData("export"))
    assert dialog.model.rowCount() == 1 and dialog.model.index(0, 3).data() == "a.csv"
    dialog.action_combo.setCurrentIndex(0)
    dialog.until_box.setChecked(True)
    dialog.until_edit.setDate(date.today() - timedelta(days=1))
    assert dialog.model.rowCount() == 0 and not dialog.export_button.isEnabled()
    dialog.until_box.setChecked(False)
    assert dialog.model.rowCount() == 2

    target = tmp_path / "trail"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a, **k: (str(target), "Excel workbooks (*.xlsx)"))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert dialog.exported == tmp_path / "trail.xlsx" and dialog.exported.exists()
    assert dialog.model.rowCount() == 3          # the export of the trail is itself an entry
    assert "Exported 2 entries" in dialog.count_label.text()


def test_purge_dialog_lists_deleted_needs_reason_and_confirmation(qtbot, monkeypatch, archive):
    conn = archive.conn
    ids = _people(conn, 3)
    customers.delete_many(conn, ids[:2], "x")
    backup.make_backup(conn, archive.path)
    dialog = PurgeDialog(None, archive)
    qtbot.addWidget(dialog)
    assert dialog.list.count() == 2 and "客户" in dialog.list.item(0).text()
    assert not dialog.purge_button.isEnabled()
    dialog.list.item(0).setCheckState(Qt.CheckState.Checked)
    assert not dialog.purge_button.isEnabled()           # no reason yet
    type_text(dialog.reason_edit, "客户要求删除")
    assert dialog.purge_button.isEnabled()
    chosen = dialog.chosen_ids()
    monkeypatch.setattr(QMessageBox, "exec", lambda box: QMessageBox.StandardButton.Cancel)
    qtbot.mouseClick(dialog.purge_button, Qt.MouseButton.LeftButton)
    assert not dialog.progress.running() and customers.get(conn, chosen[0]) is not None
    monkeypatch.setattr(QMessageBox, "exec", lambda box: QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(dialog.purge_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.result is not None or not dialog.error.isHidden(), timeout=20000)
    assert dialog.error.isHidden(), dialog.error.text()
    assert dialog.purged == 1 and dialog.list.count() == 1
    assert customers.get(conn, chosen[0]) is None
    assert "1 backups cleaned" in dialog.result_label.text()
    entry = audit.entries(conn, action="purge")[0]
    assert entry.reason == "客户要求删除" and entry.detail["customer_ids"] == chosen


def test_purge_dialog_with_nothing_deleted(qtbot, archive):
    _people(archive.conn, 1)
    dialog = PurgeDialog(None, archive)
    qtbot.addWidget(dialog)
    assert dialog.list.isHidden() and not dialog.empty_label.isHidden()
    assert not dialog.purge_button.isEnabled() and not dialog.all_button.isEnabled()


def _export(qtbot, dialog):
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.progress.running() and (
        dialog.exported is not None or not dialog.error.isHidden()), timeout=20000)


def test_export_dialog_asks_a_reason_above_100_and_leaves_sensitive_out(qtbot, archive, tmp_path):
    ids = _people(archive.conn, 101)
    customers.update(archive.conn, ids[0], {"dim_risk_appetite": "7.1"}, "x")
    dialog = ExportDialog(None, archive, ids[:100])
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.reason_edit.isHidden()                 # 100: no reason needed
    assert not dialog.sensitive_box.isChecked() and dialog.sensitive_warning.isHidden()
    dialog.all_button.setChecked(True)
    assert not dialog.reason_edit.isHidden()             # 101: a reason is asked for
    dialog.path_edit.setText(str(tmp_path / "all.csv"))
    _export(qtbot, dialog)
    assert dialog.exported is None and "reason" in dialog.error.text()
    assert not (tmp_path / "all.csv").exists()
    type_text(dialog.reason_edit, "年度核对")
    _export(qtbot, dialog)
    with open(dialog.exported, encoding="utf-8-sig", newline="") as handle:
        header = next(csv.reader(handle))
    assert not set(exporting.sensitive_keys()) & set(header)
    entry = audit.entries(archive.conn)[0]
    assert (entry.count, entry.reason, entry.detail["sensitive"]) == (101, "年度核对", False)

    dialog.sensitive_box.setChecked(True)
    assert not dialog.sensitive_warning.isHidden()
    dialog.exported = None
    dialog.path_edit.setText(str(tmp_path / "full.csv"))
    _export(qtbot, dialog)
    with open(dialog.exported, encoding="utf-8-sig", newline="") as handle:
        assert "dim_risk_appetite" in next(csv.reader(handle))
    assert audit.entries(archive.conn)[0].detail["sensitive"] is True


# -- in the main window ------------------------------------------------------------

from tests.main_window.test_gui_main import boxes, book, open_in, settle, windows  # noqa: E402,F401 - fixtures


def test_window_records_bulk_delete_backup_restore_and_purges(qtbot, monkeypatch, windows, book, boxes):
    from gui.archive import archive_dialogs
    window = windows()
    open_in(qtbot, window, book)
    page = window.page()
    page.table.selectAll()
    ids = page.selected_ids()
    assert len(ids) == 5 and window.action("delete_customer").isEnabled()
    boxes.answer = QMessageBox.StandardButton.Yes
    window.action("delete_customer").trigger()
    conn = window.archive.conn
    entry = audit.entries(conn, action="bulk_delete")[0]
    assert entry.count == 5 and sorted(entry.detail["customer_ids"]) == sorted(ids)

    window.action("backup").trigger()
    settle(qtbot, window)
    assert audit.entries(window.archive.conn)[0].action == "backup"
    chosen = backup.latest_backup(book)

    # Restore that backup: the entry is written in the archive as restored.
    monkeypatch.setattr(archive_dialogs.RestoreDialog, "ask", classmethod(lambda cls, parent, path: chosen))
    if hasattr(archive_dialogs.RestoreDialog, "choose"):
        monkeypatch.setattr(archive_dialogs.RestoreDialog, "choose",
                            classmethod(lambda cls, parent, path, key=None: (chosen, None)))
    with qtbot.waitSignal(window.archive_changed, timeout=15000):
        window.action("restore").trigger()
    settle(qtbot, window)
    got = audit.entries(window.archive.conn)
    assert got[0].action == "restore" and got[0].what == chosen.name

    # Purge every deleted customer through Archive → Purge deleted customers….
    def purge_all(dialog):
        dialog._tick_all(True)
        type_text(dialog.reason_edit, "客户要求删除")
        qtbot.mouseClick(dialog.purge_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.result is not None or not dialog.error.isHidden(), timeout=20000)
        return 0
    monkeypatch.setattr(PurgeDialog, "exec", purge_all)
    window.action("purge").trigger()
    settle(qtbot, window)
    assert customers.get(window.archive.conn, ids[0]) is None
    purged = audit.entries(window.archive.conn, action="purge")[0]
    assert purged.count == 5 and purged.detail["backups_cleaned"] >= 1

    shown = []
    monkeypatch.setattr(AuditDialog, "exec", lambda dialog: shown.append(
        [dialog.model.index(r, 2).data() for r in range(dialog.model.rowCount())]) or 0)
    window.action("audit_trail").trigger()
    assert shown[0][:3] == ["Purge", "Restore", "Bulk delete"] or shown[0][0] == "Purge"
