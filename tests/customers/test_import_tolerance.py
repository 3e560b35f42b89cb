"""Files shaped like users' real ones (issue 17, point 5): title rows, a header on row 3,
annotated headers, totals and note rows, year-only birth dates (kept as a year), the manager."""
from __future__ import annotations

import openpyxl
import pytest

from cli import run_cli
from model.customers import customers, importing
from model.archive.database import Archive
from tests.import_helpers import write_csv

TITLED = [
    ["客户名单（2026年12月）", "", "", "", ""],
    ["制表：王芳", "", "", "", ""],
    ["姓名", "手机号码（必填）", "*出生日期", "存款金额(元)", "客户经理 "],
    ["张三", "13800000001", "1985", "100", ""],
    ["李四", "13800000002", "1985-03-12", "200", "刘强"],
    ["王五", "13800000002", "1990-01-01", "50", ""],
    ["赵六", "12345", "1990-01-02", "50", ""],
    ["合计：4人", "", "", "300", ""],
    ["注：以上数据截至12月", "", "", "", ""],
]


@pytest.mark.parametrize("header", ["手机号码（必填）", "手机号码(必填)", "*手机", "手机*", "手机 号码",
                                    "【必填】联系电话", "手机号：", "电话(手机)"])
def test_annotated_headers_are_recognised(header):
    assert importing.header_field(header) == "phone"


def test_units_and_marks_on_a_header_of_the_mapping_data():
    assert importing.header_field("出生日期（年-月-日）") == "birth_date"
    assert importing.header_field("※姓名") == "name"
    assert importing.header_field("经度(°)") == "longitude"


def test_the_header_row_is_found_below_titles_in_a_gbk_csv(tmp_path):
    path = write_csv(tmp_path / "名单.csv", TITLED, encoding="gbk")
    assert importing.find_header_row(importing.head_rows(path)) == 3
    frame = importing.read_import_table(path)
    assert frame.attrs["header_row"] == 3 and list(frame.index)[:2] == [4, 5]
    assert list(frame.columns)[:2] == ["姓名", "手机号码（必填）"]


def _counts(result):
    return result.imported + result.rejected + result.duplicates + result.skipped


def test_every_row_is_imported_rejected_duplicate_or_skipped(archive, tmp_path):
    path = write_csv(tmp_path / "名单.csv", TITLED, encoding="gbk")
    result = importing.import_file(archive.conn, path, by="王芳", partial=True, manager="王芳")
    assert result.rows == 6 and _counts(result) == result.rows
    assert (result.imported, result.rejected, result.duplicates, result.skipped) == (2, 1, 1, 2)
    assert [row for row, _ in result.skipped_rows] == [8, 9]
    assert "totals row" in result.skipped_rows[0][1] and "note" in result.skipped_rows[1][1]
    reasons = {r.row_number: " ".join(r.reasons) for r in result.rejects}
    assert list(reasons) == [7]                # the bad phone
    stored = archive.conn.execute("SELECT name, manager, birth_date FROM customers ORDER BY id").fetchall()
    # The year alone is kept as a year (its precision), never 1905-06-07.
    assert [tuple(r) for r in stored] == [("张三", "王芳", "1985"), ("李四", "刘强", "1985-03-12")]
    assert not archive.conn.execute("SELECT 1 FROM customers WHERE name LIKE '合计%'").fetchone()


def test_a_year_written_as_a_number_in_xlsx_is_kept_as_a_year(archive, tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["姓名", "手机", "出生日期"])
    sheet.append(["张三", "13800000001", 1985])
    sheet.append(["李四", "13800000003", 1986.0])
    sheet.append(["王五", "13800000004", "1987年"])
    sheet.append(["赵六", "13800000005", 31000])          # a real Excel day number: 1984-11-14
    sheet.append(["Total", None, None])
    book.save(tmp_path / "b.xlsx")
    result = importing.import_file(archive.conn, tmp_path / "b.xlsx", by="t")
    assert (result.imported, result.skipped) == (4, 1) and _counts(result) == result.rows == 5
    stored = [r[0] for r in archive.conn.execute("SELECT birth_date FROM customers ORDER BY id")]
    assert stored == ["1985", "1986", "1987", "1984-11-14"]


def test_a_year_alone_has_an_age_but_no_birthday(archive):
    from datetime import date
    from model.core import normalize
    from model.visits import today
    a = customers.create(archive.conn, {"name": "张三", "phone": "13800000001", "birth_date": "1985"}, "t")
    b = customers.create(archive.conn, {"name": "李四", "phone": "13800000002",
                                        "birth_date": "1985-01-01"}, "t")
    assert customers.get(archive.conn, a)["birth_date"] == "1985"
    on = date(2026, 12, 30)
    assert normalize.age("1985", on) == 41 and normalize.age("1985-12-31", on) == 40
    # 1 January: the whole date has its birthday; the year alone has none (not 1 January).
    found = today.birthdays(archive.conn, on, days=7)
    assert [x.customer_id for x in found] == [b] and found[0].age == 42
    with pytest.raises(customers.ValidationError) as raised:
        customers.clean({"name": "x", "birth_date": "2099"})
    assert "future" in raised.value.problems["birth_date"]
    with pytest.raises(customers.ValidationError):     # other dates are never a year alone
        customers.clean({"name": "x", "created_on": "1985"})


def test_a_year_alone_is_exported_and_read_back(archive, tmp_path):
    from model.customers import exporting
    customers.create(archive.conn, {"name": "张三", "phone": "13800000001", "birth_date": "1985"}, "t")
    out = tmp_path / "out.xlsx"
    exporting.export_customers(archive.conn, out)
    sheet = openpyxl.load_workbook(out).active
    header = [c.value for c in sheet[1]]
    assert sheet[2][header.index("birth_date")].value == "1985"
    target = Archive.create(tmp_path / "b.kehu")
    try:
        result = importing.import_file(target.conn, out, by="t")
        assert result.imported == 1
        assert customers.get(target.conn, 1)["birth_date"] == "1985"
    finally:
        target.close()


def test_a_header_on_row_3_in_xlsx_and_a_chosen_header_row(archive, tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["客户名单"])
    sheet.append([])
    sheet.append(["客户姓名", "联系电话"])
    sheet.append(["张三", "13800000001"])
    book.save(tmp_path / "c.xlsx")
    result = importing.import_file(archive.conn, tmp_path / "c.xlsx", by="t")
    assert result.imported == 1 and result.header_row == 3 and result.rows == 1
    # Chosen wrongly, the title row is the header: the file names no customer.
    with pytest.raises(importing.ImportFileError):
        importing.import_file(archive.conn, tmp_path / "c.xlsx", by="t", header_row=1)


def test_imported_customers_get_the_manager_chosen(archive, tmp_path):
    path = write_csv(tmp_path / "m.csv", [["姓名", "手机"], ["张三", "13800000001"]])
    importing.import_file(archive.conn, path, by="t", manager="王芳")
    assert customers.get(archive.conn, 1)["manager"] == "王芳"


def test_cli_header_row_manager_and_the_skipped_report(tmp_path, capsys):
    archive_path = tmp_path / "a.kehu"
    Archive.create(archive_path).close()
    path = write_csv(tmp_path / "名单.csv", TITLED, encoding="gbk")
    assert run_cli(["import", str(archive_path), str(path), "--partial", "--header-row", "3",
                    "--manager", "王芳"]) == 1
    out = capsys.readouterr().out
    assert out.splitlines()[0] == "imported 2, rejected 1, duplicates 1, skipped 2"
    assert "Headers read from row 3" in out and "skipped row 8" in out
    assert run_cli(["import", str(archive_path), str(path), "--header-row", "0"]) == 2


def test_cli_warns_when_no_column_goes_into_phone(tmp_path, capsys):
    archive_path = tmp_path / "a.kehu"
    Archive.create(archive_path).close()
    path = write_csv(tmp_path / "n.csv", [["姓名", "地址"], ["张三", "幸福路1号"]])
    assert run_cli(["import", str(archive_path), str(path)]) == 0
    with Archive.open(archive_path) as archive:
        assert customers.get(archive.conn, 1)["manager"]      # the user's name by default
    assert "no column goes into Phone" in capsys.readouterr().err
