"""The export dialog: format, scope, file, a worker with progress, the result."""
from __future__ import annotations

import csv
import threading

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox

from gui.customers.export_dialog import ExportDialog
from model.customers import customers, exporting
from model.core import settings

pytestmark = pytest.mark.gui


@pytest.fixture
def ids(archive):
    return [customers.create(archive.conn, {"name": name, "phone": phone}, "x")
            for name, phone in (("张三", "13800000001"), ("李四", "13800000002"),
                                ("王五", "13800000003"))]


def make(qtbot, archive, view_ids):
    dialog = ExportDialog(None, archive, view_ids)
    qtbot.addWidget(dialog)
    return dialog


def export_and_wait(qtbot, dialog):
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.progress.running() and (
        dialog.exported is not None or not dialog.error.isHidden()), timeout=20000)


def read_csv(path):
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def test_export_the_current_view_as_csv_in_the_views_order(qtbot, monkeypatch, archive, ids,
                                                           tmp_path):
    dialog = make(qtbot, archive, [ids[2], ids[0]])
    assert dialog.view_button.isChecked() and "(2)" in dialog.view_button.text()
    assert "(3)" in dialog.all_button.text()
    dialog.path_edit.setText(str(tmp_path / "view"))
    export_and_wait(qtbot, dialog)
    assert dialog.exported == tmp_path / "view.csv"
    rows = read_csv(dialog.exported)
    assert [r["name"] for r in rows] == ["王五", "张三"]
    assert "2" in dialog.result_label.text() and str(dialog.exported) in dialog.result_label.text()
    assert settings.get(settings.FILE_FOLDER) == str(tmp_path)
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    qtbot.mouseClick(dialog.folder_button, Qt.MouseButton.LeftButton)
    assert opened == [QUrl.fromLocalFile(str(tmp_path))]


def test_everything_as_xlsx(qtbot, archive, ids, tmp_path):
    dialog = make(qtbot, archive, [ids[0]])
    dialog.all_button.setChecked(True)
    dialog.path_edit.setText(str(tmp_path / "all.csv"))
    dialog.format_buttons["xlsx"].setChecked(True)
    assert dialog.path_edit.text() == str(tmp_path / "all.xlsx")
    export_and_wait(qtbot, dialog)
    book = load_workbook(dialog.exported, read_only=True)
    try:
        names = [row[1] for row in book.active.iter_rows(min_row=2, values_only=True)]
    finally:
        book.close()
    assert sorted(names) == ["张三", "李四", "王五"]


def test_without_a_filter_only_everything_is_offered(qtbot, archive, ids):
    dialog = make(qtbot, archive, None)
    assert dialog.view_button.isHidden() and dialog.all_button.isChecked()
    assert dialog.customer_ids() is None


def test_browse_sets_the_file_with_the_formats_ending(qtbot, monkeypatch, archive, ids, tmp_path):
    dialog = make(qtbot, archive, None)
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a, **k: (str(tmp_path / "名单"), ""))
    dialog.browse()
    assert dialog.path_edit.text() == str(tmp_path / "名单.csv")


def test_an_existing_file_is_replaced_only_when_the_user_agrees(qtbot, monkeypatch, archive, ids,
                                                               tmp_path):
    target = tmp_path / "old.csv"
    target.write_text("keep me", encoding="utf-8")
    dialog = make(qtbot, archive, None)
    dialog.path_edit.setText(str(target))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    dialog.export()
    assert not dialog.progress.running() and target.read_text(encoding="utf-8") == "keep me"
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    export_and_wait(qtbot, dialog)
    assert len(read_csv(target)) == 3


def test_a_folder_that_does_not_exist_is_explained(qtbot, archive, ids, tmp_path):
    dialog = make(qtbot, archive, None)
    dialog.path_edit.setText(str(tmp_path / "no such folder" / "x.csv"))
    export_and_wait(qtbot, dialog)
    assert dialog.exported is None
    assert "does not exist" in dialog.error.text()


def test_cancel_leaves_no_file(qtbot, monkeypatch, archive, tmp_path):
    # The export checks for cancel every CHUNK rows: hold it after the first chunk.
    archive.conn.executemany("INSERT INTO customers(name, created_on) VALUES (?, '2024-01-01')",
                             [(f"客户{i}",) for i in range(2 * exporting.CHUNK + 10)])
    dialog = make(qtbot, archive, None)
    dialog.path_edit.setText(str(tmp_path / "big.csv"))
    dialog.reason_edit.setText("year-end review")  # above 100 customers a reason is needed
    held, go_on = threading.Event(), threading.Event()
    dialog.export()
    progress = dialog.progress.task.progress
    report = progress.report

    def hook(done, total=None, text=""):
        report(done, total, text)
        if done > 0 and not held.is_set():
            held.set()
            go_on.wait(20)
    progress.report = hook
    qtbot.waitUntil(held.is_set, timeout=20000)
    qtbot.mouseClick(dialog.progress.cancel_button, Qt.MouseButton.LeftButton)
    go_on.set()
    qtbot.waitUntil(lambda: not dialog.progress.running(), timeout=20000)
    assert dialog.exported is None and "cancelled" in dialog.error.text()
    assert not (tmp_path / "big.csv").exists()
    assert not list(tmp_path.glob("*.tmp"))


def test_run_returns_the_exported_path(qtbot, monkeypatch, archive, ids, tmp_path):
    def run(dialog):
        dialog.path_edit.setText(str(tmp_path / "run.csv"))
        export_and_wait(qtbot, dialog)
        return 1
    monkeypatch.setattr(ExportDialog, "exec", run)
    assert ExportDialog.run(None, archive, [ids[1]]) == tmp_path / "run.csv"
    monkeypatch.setattr(ExportDialog, "exec", lambda dialog: 0)
    assert ExportDialog.run(None, archive, None) is None


def test_text_damaged_on_disk_is_exported_replaced_and_the_dialog_says_so(qtbot, archive, ids, tmp_path):
    # Bytes that are not UTF-8 inside a stored text (a damaged sector): the export goes on.
    archive.conn.execute("UPDATE customers SET notes = CAST(X'E5A4A7FF21' AS TEXT) WHERE id = ?", (ids[1],))
    dialog = make(qtbot, archive, ids)
    dialog.path_edit.setText(str(tmp_path / "damaged.csv"))
    export_and_wait(qtbot, dialog)
    rows = read_csv(dialog.exported)
    assert len(rows) == 3 and rows[1]["notes"] == "大\ufffd!"
    assert "1 records hold text damaged" in dialog.result_label.text()
