"""The import wizard, driven page by page through its real widgets (offscreen)."""
from __future__ import annotations

import csv
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox

from gui.customers.import_dialog import ImportDialog
from model.customers import customers
from model.core import settings
from tests.gui_helpers import on_modal_of, type_text

pytestmark = pytest.mark.gui

HEADER = ["序号", "姓名", "手机", "小区", "年龄段", "客户等级"]


def write_csv(path: Path, rows: list[list], header=HEADER) -> Path:
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def good_rows(n: int, start: int = 0) -> list[list]:
    return [[i + 1, f"客户{i}", f"139{i:08d}", "阳光小区", "23-35", "A"]
            for i in range(start, start + n)]


@pytest.fixture
def people(tmp_path):
    """Three good rows, one bad (phone and age), one already in the archive."""
    rows = good_rows(3) + [[4, "坏行", "12345", "阳光小区", "99", "B"],
                           [5, "老客户", "13800000001", "", "", ""]]
    return write_csv(tmp_path / "客户名单.csv", rows)


@pytest.fixture
def known(archive):
    return customers.create(archive.conn, {"name": "老客户", "phone": "13800000001"}, "x")


@pytest.fixture
def wizard(qtbot, archive):
    w = ImportDialog(None, archive)
    qtbot.addWidget(w)
    w.restart()
    return w


def count(archive) -> int:
    return customers.count(archive.conn)


def to_preview(qtbot, wizard, path, kind="customers"):
    if wizard.currentId() == -1:   # not shown: start at the first page
        wizard.restart()
    wizard.file_page.path_edit.setText(str(path))
    wizard.file_page.kind_buttons[kind].setChecked(True)
    wizard.next()
    assert wizard.currentId() == ImportDialog.PREVIEW
    qtbot.waitUntil(lambda: wizard.frame is not None or not wizard.preview_page.error.isHidden())


def to_check(qtbot, wizard, path, mapping=None, kind="customers"):
    to_preview(qtbot, wizard, path, kind)
    wizard.next()
    assert wizard.currentId() == ImportDialog.MAPPING
    for column, field in (mapping or {}).items():
        combo = wizard.mapping_page.combos[column]
        combo.setCurrentIndex(combo.findData(field))
    wizard.next()
    assert wizard.currentId() == ImportDialog.CHECK
    qtbot.waitUntil(lambda: wizard.check is not None)


def run_import(qtbot, wizard):
    page = wizard.check_page
    if wizard.check.rejected:
        page.write_good.setChecked(True)
    wizard.next()
    assert wizard.currentId() == ImportDialog.IMPORT
    qtbot.waitUntil(lambda: wizard.import_page.finished)


def test_choose_the_file_with_browse_and_a_missing_file_is_explained(qtbot, monkeypatch, wizard,
                                                                    people):
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(people), ""))
    wizard.file_page.browse()
    assert wizard.file_page.path_edit.text() == str(people)
    assert settings.get(settings.FILE_FOLDER) == str(people.parent)
    wizard.file_page.path_edit.setText(str(people.with_name("nothing.csv")))
    wizard.next()
    assert wizard.currentId() == ImportDialog.FILE
    assert "There is no file" in wizard.file_page.error.text()


def test_preview_shows_the_rows_as_the_import_reads_them(qtbot, wizard, people):
    to_preview(qtbot, wizard, people)
    model = wizard.preview_page.model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers[1] == "姓名\n→ Name"
    assert headers[4] == "年龄段\n→ Age (年龄)"
    assert headers[5] == "客户等级\n(not imported)"
    assert model.rowCount() == 5
    assert model.index(0, 2).data() == "13900000000"   # text, leading digits kept
    assert model.headerData(0, Qt.Orientation.Vertical) == "2"  # spreadsheet row numbers
    assert "Rows: 5" in wizard.preview_page.info.text()


def test_a_file_that_is_not_a_table_is_explained_on_the_preview_page(qtbot, wizard, tmp_path):
    empty = tmp_path / "empty.csv"
    empty.write_text("", encoding="utf-8")
    to_preview(qtbot, wizard, empty)
    assert "empty" in wizard.preview_page.error.text()
    assert not wizard.preview_page.isComplete()


def test_dry_run_summary_writes_nothing(qtbot, wizard, archive, people, known):
    to_check(qtbot, wizard, people)
    check = wizard.check
    assert (check.rows, check.imported, check.rejected, check.duplicates) == (5, 3, 1, 1)
    summary = wizard.check_page.summary.text()
    assert "Customers to import: 3" in summary and "Rejected: 1" in summary
    assert "Duplicates, to be skipped: 1" in summary
    rejects = wizard.check_page.rejects_model
    assert rejects.rowCount() == 1 and rejects.index(0, 0).data() == "5"
    assert "12345" in rejects.index(0, 1).data() and "99" in rejects.index(0, 1).data()
    assert wizard.check_page.duplicates_model.index(0, 1).data() == "13800000001"
    assert count(archive) == 1
    assert wizard.check_page.write_good.isEnabled() and wizard.check_page.choice.isVisibleTo(wizard)
    assert "Import the 3 good rows" in wizard.check_page.write_good.text().replace("&", "")


def test_fix_the_file_and_check_again_never_dead_ends(qtbot, wizard, archive, people, known):
    to_check(qtbot, wizard, people)
    page = wizard.check_page
    page.fix_first.setChecked(True)
    assert not page.isComplete()          # Import waits for the fixed file
    wizard.next()
    assert wizard.currentId() == ImportDialog.CHECK and count(archive) == 1
    # The user corrects the bad row in the spreadsheet and checks again.
    write_csv(people, good_rows(3) + [[4, "好行", "13900000099", "阳光小区", "23-35", "B"],
                                      [5, "老客户", "13800000001", "", "", ""]])
    qtbot.mouseClick(page.check_again, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.check is not None, timeout=15000)
    assert (wizard.check.imported, wizard.check.rejected) == (4, 0)
    assert not page.choice.isVisibleTo(wizard) and page.isComplete()
    run_import(qtbot, wizard)
    assert count(archive) == 5 and wizard.outcome.written


def test_no_good_row_offers_only_fixing_the_file(qtbot, wizard, archive, tmp_path):
    path = write_csv(tmp_path / "bad.csv", [[1, "坏行", "12345", "", "", ""]])
    to_check(qtbot, wizard, path)
    page = wizard.check_page
    assert not page.write_good.isEnabled() and page.fix_first.isChecked()
    assert not page.isComplete() and "No row can be imported yet" in page.summary.text()


def test_partial_imports_the_good_rows_and_links_the_rejects_file(qtbot, monkeypatch, wizard,
                                                                  archive, people, known):
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    to_check(qtbot, wizard, people)
    run_import(qtbot, wizard)
    assert count(archive) == 4
    names = {r[0] for r in archive.conn.execute("SELECT name FROM customers")}
    assert {"客户0", "客户1", "客户2"} <= names and "坏行" not in names
    assert "Customers imported: 3" in wizard.import_page.summary.text()
    assert wizard.import_page.rejects_button.isVisibleTo(wizard)
    qtbot.mouseClick(wizard.import_page.rejects_button, Qt.MouseButton.LeftButton)
    assert opened == [QUrl.fromLocalFile(str(people.with_name("客户名单-rejects.csv")))]
    with open(wizard.outcome.rejects_path, encoding="utf-8-sig") as handle:
        assert "坏行" in handle.read()


def test_an_unknown_column_is_mapped_and_remembered_next_time(qtbot, archive, people, tmp_path):
    first = ImportDialog(None, archive)
    qtbot.addWidget(first)
    to_check(qtbot, first, people, mapping={"客户等级": "tags"})
    assert "客户等级" in first.mapping_page.unknown
    assert first.mapping_page.note.text().startswith("One column was not recognised: choose the field it goes")
    run_import(qtbot, first)
    stored = archive.conn.execute("SELECT tags FROM customers WHERE name = '客户0'").fetchone()
    assert stored["tags"] == "A"
    assert settings.get(settings.IMPORT_MAPPINGS)["customers"]["客户等级"] == "tags"

    second_file = write_csv(tmp_path / "another.csv", good_rows(2, start=10))
    second = ImportDialog(None, archive)
    qtbot.addWidget(second)
    to_preview(qtbot, second, second_file)
    model = second.preview_page.model
    assert model.headerData(5, Qt.Orientation.Horizontal) == "客户等级\n→ Tags"
    second.next()
    assert second.mapping_page.combos["客户等级"].value() == "tags"
    assert "remembered" in second.mapping_page.note.text() or \
        "Every column is matched" in second.mapping_page.note.text()


def test_a_column_left_out_is_not_imported_and_the_name_is_required(qtbot, wizard, archive, people):
    to_preview(qtbot, wizard, people)
    wizard.next()
    name = wizard.mapping_page.combos["姓名"]
    name.setCurrentIndex(name.findData(None))
    wizard.next()
    assert wizard.currentId() == ImportDialog.MAPPING
    assert "Name" in wizard.mapping_page.error.text()
    name.setCurrentIndex(name.findData("name"))
    age = wizard.mapping_page.combos["年龄段"]
    age.setCurrentIndex(age.findData("name"))
    wizard.next()
    assert wizard.currentId() == ImportDialog.MAPPING
    assert "same field" in wizard.mapping_page.error.text()


def test_transactions_are_imported_for_customers_found_by_phone(qtbot, wizard, archive, tmp_path,
                                                                known):
    path = write_csv(tmp_path / "交易.csv", [["13800000001", "2024-05-01", "1,200.50", "理财"]],
                     header=["手机", "日期", "金额", "产品"])
    to_check(qtbot, wizard, path, kind="transactions")
    assert wizard.check.imported == 1
    run_import(qtbot, wizard)
    row = archive.conn.execute("SELECT customer_id, txn_date, amount FROM transactions").fetchone()
    assert tuple(row) == (known, "2024-05-01", 1200.5)


def test_cancel_mid_import_leaves_the_archive_as_it_was(qtbot, wizard, archive, tmp_path):
    from model.customers.importing import CHUNK
    path = write_csv(tmp_path / "big.csv", good_rows(CHUNK + 1000))
    to_check(qtbot, wizard, path)
    before = count(archive)

    # Hold the worker after the first chunk is written (inside the transaction),
    # so the Cancel click lands mid-import.
    in_the_middle, go_on = threading.Event(), threading.Event()
    ticks = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(10)
    wizard.next()
    progress = wizard.import_page.progress.task.progress
    report = progress.report

    def hook(done, total=None, text=""):
        report(done, total, text)
        if done >= CHUNK and not in_the_middle.is_set():
            in_the_middle.set()
            go_on.wait(20)
    progress.report = hook
    qtbot.waitUntil(in_the_middle.is_set, timeout=20000)
    ticks_before = len(ticks)
    qtbot.wait(50)
    assert len(ticks) > ticks_before   # the window's event loop keeps running meanwhile
    assert wizard.import_page.running()
    qtbot.mouseClick(wizard.import_page.progress.cancel_button, Qt.MouseButton.LeftButton)
    go_on.set()
    qtbot.waitUntil(lambda: wizard.import_page.finished, timeout=20000)
    timer.stop()
    assert "cancelled" in wizard.import_page.summary.text()
    assert wizard.outcome is None
    assert count(archive) == before
    assert archive.conn.execute("SELECT count(*) FROM customer_history").fetchone()[0] == 0


def test_escape_during_the_import_cancels_it_instead_of_closing(qtbot, wizard, archive, tmp_path):
    from model.customers.importing import CHUNK
    path = write_csv(tmp_path / "big.csv", good_rows(CHUNK + 10))
    to_check(qtbot, wizard, path)
    held, go_on = threading.Event(), threading.Event()
    wizard.next()
    progress = wizard.import_page.progress.task.progress
    report = progress.report

    def hook(done, total=None, text=""):
        report(done, total, text)
        if not held.is_set():
            held.set()
            go_on.wait(20)
    progress.report = hook
    wizard.show()
    qtbot.waitUntil(held.is_set, timeout=20000)
    wizard.reject()
    go_on.set()
    qtbot.waitUntil(lambda: wizard.import_page.finished, timeout=20000)
    assert wizard.isVisible()
    assert count(archive) == 0


def test_run_returns_none_when_nothing_was_imported(qtbot, monkeypatch, archive):
    monkeypatch.setattr(ImportDialog, "exec", lambda self: 0)
    assert ImportDialog.run(None, archive) is None


def test_the_header_row_is_found_and_can_be_chosen(qtbot, wizard, archive, tmp_path):
    path = tmp_path / "名单.csv"
    rows = [["客户名单（2026年12月）", "", ""], ["制表：王芳", "", ""], ["姓名", "手机号码（必填）", "出生日期"],
            ["张三", "13800000001", "1985-03-12"], ["合计：1人", "", ""]]
    with open(path, "w", encoding="gbk", newline="") as handle:
        csv.writer(handle).writerows(rows)
    to_preview(qtbot, wizard, path)
    page = wizard.preview_page
    assert page.header_row.value() == 3 and "left out: 2" in page.info.text()
    assert page.model.headerData(1, Qt.Orientation.Horizontal) == "手机号码（必填）\n→ Phone"
    page.header_row.setValue(1)          # the user picks another row: the file is read again
    qtbot.waitUntil(lambda: wizard.frame is not None, timeout=15000)
    assert wizard.frame.columns[0] == "客户名单（2026年12月）"
    page.header_row.setValue(3)
    qtbot.waitUntil(lambda: wizard.frame is not None, timeout=15000)
    wizard.next()
    wizard.mapping_page.manager.setText("")
    type_text(wizard.mapping_page.manager, "刘强")
    wizard.next()
    qtbot.waitUntil(lambda: wizard.check is not None, timeout=15000)
    assert wizard.check.skipped == 1 and "skipped: 1" in wizard.check_page.summary.text()
    assert wizard.check_page.skipped_model.index(0, 0).data() == "5"
    run_import(qtbot, wizard)
    assert tuple(archive.conn.execute("SELECT name, manager FROM customers").fetchone()) == ("张三", "刘强")


def test_no_phone_column_warns_before_the_check(qtbot, wizard, archive, tmp_path):
    path = write_csv(tmp_path / "无电话.csv", [["张三", "幸福路1号"]], header=["姓名", "地址"])
    to_preview(qtbot, wizard, path)
    wizard.next()
    seen = []

    def answer(button_text):
        def act(box):
            seen.append(box.text())
            next(b for b in box.buttons() if button_text in b.text().replace("&", "")).click()
        return act
    on_modal_of(QMessageBox, answer("Choose the phone column"))
    wizard.next()
    assert wizard.currentId() == ImportDialog.MAPPING and "No column goes into Phone" in seen[0]
    on_modal_of(QMessageBox, answer("Import without phones"))
    wizard.next()
    assert wizard.currentId() == ImportDialog.CHECK
    qtbot.waitUntil(lambda: wizard.check is not None, timeout=15000)
    assert wizard.check.imported == 1


def test_a_messy_file_every_row_accounted_for_and_years_kept(qtbot, wizard, archive, tmp_path):
    """A GBK file as WPS saves it: title and note above the header on row 3, annotated
    headers, year-only birth dates (text and 年), a bad phone, a duplicate, a totals row."""
    path = tmp_path / "客户名单.csv"
    rows = [["2026年12月 客户名单", "", "", ""], ["说明：带*为必填", "", "", ""],
            ["客户姓名*", "手机号码（必填）", "出生日期", "存款金额(元)"],
            ["张伟", "13800000001", "1985", "100"], ["李娜", "1380000", "1990-03-12", "200"],
            ["王强", "13800000001", "1991/4/5", "50"], ["赵敏", "13800000004", "1988年", "50"],
            ["合计：4人", "", "", "400"]]
    with open(path, "w", encoding="gbk", newline="") as handle:
        csv.writer(handle).writerows(rows)
    to_preview(qtbot, wizard, path)
    assert wizard.preview_page.header_row.value() == 3
    wizard.next()
    wizard.next()
    qtbot.waitUntil(lambda: wizard.check is not None, timeout=15000)
    check = wizard.check
    assert (check.imported, check.rejected, check.duplicates, check.skipped) == (2, 1, 1, 1)
    assert check.rows == 5 == check.imported + check.rejected + check.duplicates + check.skipped
    assert wizard.check_page.write_good.isChecked() and wizard.check_page.choice.isVisibleTo(wizard)
    assert not wizard.check_page.rejects_view.verticalHeader().isVisibleTo(wizard)
    run_import(qtbot, wizard)
    assert "Rows read below the headers: 5" in wizard.import_page.summary.text()
    stored = [tuple(r) for r in archive.conn.execute("SELECT name, birth_date FROM customers ORDER BY id")]
    assert stored == [("张伟", "1985"), ("赵敏", "1988")]
