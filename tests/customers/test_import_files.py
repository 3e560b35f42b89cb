"""Reading import files: encodings, xlsx cells, row numbers, files that are not tables."""
from __future__ import annotations

import datetime

import openpyxl
import pytest

from model.core import table_files
from model.core.table_files import ImportFileError, read_table
from tests.import_helpers import write_csv

ROWS = [["姓名", "手机", "编号", "地址"],
        ["张三", "013800138000", "007", "北京市 朝阳区"],
        ["李四", "13900139000", "0123", "上海市浦东新区"]]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030", "utf-16"])
def test_each_encoding_reads_the_same_table_as_text(tmp_path, encoding):
    frame = read_table(write_csv(tmp_path / "c.csv", ROWS, encoding))
    assert list(frame.columns) == ROWS[0]
    assert frame.values.tolist() == ROWS[1:]          # leading zeros kept: every cell is text
    assert list(frame.index) == [2, 3]                # spreadsheet row numbers: the header is row 1


def test_utf16_without_bom_and_tab_separated_as_excel_saves_unicode_text(tmp_path):
    path = write_csv(tmp_path / "c.txt", ROWS, "utf-16-le", delimiter="\t")
    assert read_table(path).values.tolist() == ROWS[1:]


def test_gb18030_characters_outside_gbk(tmp_path):
    rows = [["姓名", "手机"], ["王䶮", "13800138000"]]   # 䶮 is in GB18030, not in GBK
    with pytest.raises(UnicodeEncodeError):
        "䶮".encode("gbk")
    assert read_table(write_csv(tmp_path / "c.csv", rows, "gb18030")).iloc[0, 0] == "王䶮"


@pytest.mark.parametrize("delimiter", [";", "\t", "|"])
def test_other_separators(tmp_path, delimiter):
    frame = read_table(write_csv(tmp_path / "c.csv", ROWS, delimiter=delimiter))
    assert frame.values.tolist() == ROWS[1:]


def test_blank_rows_are_dropped_but_row_numbers_stay_the_spreadsheets(tmp_path):
    rows = [ROWS[0], ROWS[1], [], ["", " ", "\u3000", ""], ROWS[2]]
    frame = read_table(write_csv(tmp_path / "c.csv", rows))
    assert list(frame.index) == [2, 5]
    assert frame.attrs["blank_rows"] == 2


def test_empty_unnamed_columns_are_dropped_and_short_rows_padded(tmp_path):
    path = tmp_path / "c.csv"
    path.write_text("姓名,手机,,\n张三,13800138000,,\n李四\n", encoding="utf-8")
    frame = read_table(path)
    assert list(frame.columns) == ["姓名", "手机"]
    assert frame.values.tolist() == [["张三", "13800138000"], ["李四", ""]]


def test_preview_reads_only_the_first_rows(tmp_path):
    rows = [ROWS[0]] + [[f"客户{i}", "", "", ""] for i in range(50)]
    assert len(read_table(write_csv(tmp_path / "c.csv", rows), nrows=5)) == 5


def _xlsx(path, rows):
    book = openpyxl.Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def test_xlsx_cells_become_the_text_the_user_sees(tmp_path):
    path = _xlsx(tmp_path / "c.xlsx", [
        ["姓名", "手机", "出生日期", "建档日期", "纬度", "编号"],
        ["张三", 13800138000, datetime.date(1990, 5, 1), 45000, 30.25, "007"],
        [None, None, None, None, None, None],
        ["李四", 1.1e17, datetime.datetime(1985, 3, 2, 14, 30), 60, 0.1 + 0.2, 123],
    ])
    frame = read_table(path)
    assert list(frame.index) == [2, 4]
    assert frame.attrs["blank_rows"] == 1
    assert frame.loc[2].tolist() == ["张三", "13800138000", "1990-05-01", "45000", "30.25", "007"]
    # A number past Excel's 15 digits shows as it does in Excel, so the import can reject it.
    assert frame.loc[4].tolist() == ["李四", "1.1E+17", "1985-03-02 14:30:00", "60", "0.3", "123"]


def test_an_xlsx_is_recognised_by_its_content_whatever_its_name(tmp_path):
    path = _xlsx(tmp_path / "c.xlsx", [["姓名"], ["张三"]])
    renamed = path.rename(tmp_path / "customers.csv")
    assert read_table(renamed).values.tolist() == [["张三"]]


@pytest.mark.parametrize("value, text", [
    (None, ""), ("x", "x"), (True, "TRUE"), (12, "12"), (12.0, "12"), (1.5, "1.5"),
    (10 ** 15, "1E+15"), (123456789012345678, "1.23456789012346E+17"), (float("nan"), ""),
    (datetime.datetime(2023, 5, 1), "2023-05-01"), (datetime.date(2023, 5, 1), "2023-05-01"),
])
def test_cell_text(value, text):
    assert table_files.cell_text(value) == text


@pytest.mark.parametrize("content, fragment", [
    (b"", "empty"),
    (b"   \r\n\r\n", "empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "not a table"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, ".xls"),
    (b"PK\x03\x04 this is no workbook", "cannot be read as an .xlsx"),
    ("姓名,手机\n张三,1,2,3\n".encode(), "line 2 has more cells than the header"),
    ("姓名,手机\n张三,1\n李四,1,2\n".encode(), "line 3 has 3 cells where the header has 2"),
    (b"\xff\xfe\xff\xfe\xff", "known encoding"),
])
def test_files_that_are_not_tables_say_so(tmp_path, content, fragment):
    path = tmp_path / "bad.csv"
    path.write_bytes(content)
    with pytest.raises(ImportFileError, match=None) as caught:
        read_table(path)
    assert fragment in str(caught.value)


def test_a_missing_file_or_a_folder(tmp_path):
    with pytest.raises(ImportFileError, match="no file"):
        read_table(tmp_path / "nothing.csv")
    with pytest.raises(ImportFileError):
        read_table(tmp_path)


def test_the_error_is_an_archive_error_so_the_cli_exits_2():
    from model.archive import database
    assert issubclass(ImportFileError, database.ArchiveError)


def test_an_xlsx_imports_with_its_date_cells_and_day_numbers(archive, tmp_path):
    from model.customers import importing
    path = _xlsx(tmp_path / "c.xlsx", [
        ["姓名", "手机", "出生日期", "建档日期"],
        ["张三", 13800138000, datetime.date(1990, 5, 1), 45047],
        ["李四", "013912345678", datetime.datetime(1985, 3, 2, 0, 0), "2023/5/1"],
        ["王五", 1.1e17, None, None],
    ])
    result = importing.import_file(archive.conn, path, by="tester", partial=True)
    assert (result.imported, result.rejected) == (2, 1)
    assert "scientific notation" in result.rejects[0].reasons[0]
    rows = archive.conn.execute("SELECT name, phone, birth_date, created_on FROM customers ORDER BY id")
    assert [tuple(r) for r in rows] == [("张三", "13800138000", "1990-05-01", "2023-05-01"),
                                        ("李四", "013912345678", "1985-03-02", "2023-05-01")]
