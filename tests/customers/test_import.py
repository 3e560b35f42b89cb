"""Importing customers: headers, normalisation, rejects, duplicates, all or nothing."""
from __future__ import annotations

import csv
from datetime import date, timedelta

import pandas as pd
import pytest

from model.customers import customers, import_customers, import_rows, importing
from model.core import rules
from model.core.i18n import translate
from model.customers.importing import ImportFileError, import_file, match_headers
from model.core.progress import Cancelled, Progress
from tests.import_helpers import count, customer_rows, snapshot, write_csv

BY = "tester"


def _import(archive, tmp_path, rows, name="c.csv", **options):
    path = write_csv(tmp_path / name, rows)
    return import_file(archive.conn, path, by=BY, **options)


def _customer(archive, phone):
    row = archive.conn.execute(customers.SELECT_CUSTOMER + " WHERE c.phone = ? AND c.deleted_at IS NULL",
                               (phone,)).fetchone()
    return dict(row) if row else None


def _check_counts(result):
    assert result.imported + result.rejected + result.duplicates == result.rows


# -- headers -----------------------------------------------------------------

def test_chinese_and_english_headers_map_to_fields():
    match = match_headers(["姓名", "手机号码", "Birth Date", "小区", "ＡＲＥＡ ＴＹＰＥ", "职业", "单位",
                           "客户经理", "来源", "备注", "纬度", "Longitude", "性别", "地址", "出生日期 *",
                           "奇怪的列"])
    assert match.mapping == {
        "姓名": "name", "手机号码": "phone", "Birth Date": "birth_date", "小区": "area",
        "ＡＲＥＡ ＴＹＰＥ": "area_type", "职业": "occupation", "单位": "employer", "客户经理": "manager",
        "来源": "source", "备注": "notes", "纬度": "latitude", "Longitude": "longitude",
        "性别": "gender", "地址": "address", "出生日期 *": None, "奇怪的列": None}
    # birth date was already taken by "Birth Date": the second one is left for the user to map
    assert match.unknown == ["出生日期 *", "奇怪的列"]
    assert match.missing == []


def test_the_export_keys_map_back_to_themselves():
    keys = ["id", *customers.record_fields()]
    match = match_headers(keys)
    assert match.mapping == {"id": None, **{k: k for k in customers.record_fields()}}
    assert match.unknown == []


def test_every_dimension_imports_from_columns_named_after_it():
    for dimension in rules.dimensions():
        for header in (dimension.label_zh, dimension.label_en, dimension.column, *dimension.import_headers):
            assert importing.header_field(header) == dimension.column, header


def test_the_header_rules_are_unambiguous():
    """No synonym in import_headers.json is shadowed by another field's."""
    data = rules.load_json("import_headers.json")
    for kind in importing.KINDS:
        for key, headers in data[kind]["fields"].items():
            for header in headers:
                assert importing.header_field(header, kind) == key, (kind, header)


def test_a_second_phone_column_is_the_second_phone():
    match = match_headers(["姓名", "手机", "电话"])
    assert match.mapping == {"姓名": "name", "手机": "phone", "电话": "phone2"}


def test_saved_mapping_wins_and_bad_saved_entries_are_dropped():
    match = match_headers(["姓名", "客户电话", "内部码", "地址"],
                          saved={"客户电话": "phone", "内部码": None, "地址": "no such field"})
    assert match.mapping == {"姓名": "name", "客户电话": "phone", "内部码": None, "地址": "address"}
    assert match.unknown == []


def test_fields_for():
    assert importing.fields_for("customers") == [*customers.record_fields(), "last_visit"]
    assert importing.fields_for("transactions") == ["customer_id", "phone", "txn_date", "amount",
                                                    "quantity", "product"]
    assert importing.field_label("dim_age") == "Age"


def test_a_mapping_brings_in_unknown_columns(archive, tmp_path):
    rows = [["姓名", "联络号", "内部码"], ["张三", "13800138000", "X1"]]
    result = _import(archive, tmp_path, rows, mapping={"联络号": "phone", "内部码": None})
    assert (result.imported, result.ignored_columns) == (1, [])
    assert _customer(archive, "13800138000")["name"] == "张三"


def test_unknown_columns_are_reported_and_left_out(archive, tmp_path):
    result = _import(archive, tmp_path, [["姓名", "微信"], ["张三", "zs"]])
    assert result.ignored_columns == ["微信"]
    assert result.imported == 1


@pytest.mark.parametrize("mapping, fragment", [
    ({"手机": "telephone"}, "do not exist"),
    ({"手机": "phone", "地址": "phone"}, "same field"),
])
def test_a_wrong_mapping_is_refused(archive, tmp_path, mapping, fragment):
    with pytest.raises(ImportFileError, match=fragment):
        _import(archive, tmp_path, customer_rows(1), mapping=mapping)


def test_a_file_without_a_name_column_is_refused(archive, tmp_path):
    with pytest.raises(ImportFileError, match="no column for Name"):
        _import(archive, tmp_path, [["手机", "地址"], ["13800138000", "x"]])
    with pytest.raises(ImportFileError, match="None of the column headers is recognised"):
        _import(archive, tmp_path, [["a", "b"], ["1", "2"]])


# -- normalisation -------------------------------------------------------------

@pytest.mark.parametrize("cell, phone", [
    ("13800138000", "13800138000"),
    ("１３８００１３８０００", "13800138000"),         # full-width digits
    ("138 0013 8000", "13800138000"),
    ("138\u30000013\u30008000", "13800138000"),       # full-width spaces
    ("138-0013-8000", "13800138000"),
    ("+86 138 0013 8000", "13800138000"),
    ("+86-13800138000", "13800138000"),
    ("008613800138000", "13800138000"),
    ("(0571) 8888-6666", "057188886666"),
    ("13800138000.0", "13800138000"),                 # a number column saved as float
])
def test_phone_forms(archive, tmp_path, cell, phone):
    result = _import(archive, tmp_path, [["姓名", "手机"], ["张三", cell]])
    assert result.imported == 1 and result.written
    assert _customer(archive, phone)["name"] == "张三"


@pytest.mark.parametrize("cell, iso", [
    ("2023-05-01", "2023-05-01"),
    ("2023/5/1", "2023-05-01"),
    ("2023年5月1日", "2023-05-01"),
    ("２０２３年５月１日", "2023-05-01"),
    ("20230501", "2023-05-01"),
    ("2023-05-01 00:00:00", "2023-05-01"),
    ("45047", "2023-05-01"),          # an Excel day number
    ("59", "1900-02-28"),             # just before Excel's non-existent 29 Feb 1900
    ("61", "1900-03-01"),             # just after it
    ("1", "1900-01-01"),
])
def test_date_forms(archive, tmp_path, cell, iso):
    result = _import(archive, tmp_path, [["姓名", "手机", "出生日期"], ["张三", "13800138000", cell]])
    assert result.imported == 1, result.rejects
    assert _customer(archive, "13800138000")["birth_date"] == iso


def test_text_is_nfkc_normalised(archive, tmp_path):
    rows = [["姓名", "手机", "地址", "年龄", "家庭"],
            ["\u3000张三\u3000", "13800138000", "幸福路１２号　３栋", "１.３", "三口之家"]]
    assert _import(archive, tmp_path, rows).imported == 1
    customer = _customer(archive, "13800138000")
    assert (customer["name"], customer["address"]) == ("张三", "幸福路12号 3栋")
    assert (customer["dim_age"], customer["dim_family"]) == ("1.3", "2.3")


def test_dimension_codes_and_labels_import(archive, tmp_path):
    rows = [["姓名", "手机", "年龄", "家庭", "职业类型", "金融资产", "房产", "作息", "风险偏好", "消费习惯",
             "渠道偏好"],
            ["张三", "13800138000", "23-35", "2.1", "企业主", "10万-50万", "租房", "夜生活", "7.3", "工薪",
             "电子渠道"]]
    assert _import(archive, tmp_path, rows).imported == 1
    customer = _customer(archive, "13800138000")
    assert [customer[d.column] for d in rules.dimensions()] == [
        "1.3", "2.1", "3.1", "4.4", "5.5", "6.4", "7.3", "8.3", "9.2"]


# -- rejects -------------------------------------------------------------------

FUTURE = (date.today() + timedelta(days=30)).isoformat()


@pytest.mark.parametrize("header, cell, fragment", [
    ("姓名", "", "needs a name"),
    ("手机", "12345", "not a valid phone number"),
    ("手机", "+1 415 555 0100", "not a mainland China phone number"),
    ("手机", "138abc", "not a phone number"),
    ("手机", "1.38001E+10", "scientific notation"),
    ("单位", "1.1E+17", "scientific notation"),
    ("出生日期", "2023-02-30", "not a real date"),
    ("出生日期", "last spring", "not a date"),
    ("出生日期", "60", "29 February 1900"),
    ("出生日期", FUTURE, "in the future"),
    ("出生日期", "1850-01-01", "outside the years"),
    ("性别", "unknown", "not a gender"),
    ("年龄", "100-120", "is not a value of Age"),
    ("区域类型", "火星", "not an area type"),
    ("纬度", "95", "outside -90..90"),
    ("纬度", "north", "not a number"),
])
def test_each_reject_reason(archive, tmp_path, header, cell, fragment):
    row = {"姓名": "张三", "手机": "13800138000", "单位": "", "出生日期": "", "性别": "", "年龄": "",
           "小区": "阳光小区", "区域类型": "", "纬度": "", "经度": ""}
    row[header] = cell
    if header == "纬度":
        row["经度"] = "120.1"
    result = _import(archive, tmp_path, [list(row), list(row.values())])
    assert (result.imported, result.rejected, result.duplicates) == (0, 1, 0)
    assert not result.written
    (reject,) = result.rejects
    assert reject.row_number == 2
    assert any(reason.startswith(f"{header}: ") and fragment in reason for reason in reject.reasons), \
        reject.reasons
    assert count(archive.conn, "customers") == 0


def test_latitude_without_longitude_is_rejected(archive, tmp_path):
    result = _import(archive, tmp_path, [["姓名", "纬度", "经度"], ["张三", "30.1", ""]])
    assert result.rejects[0].reasons == [translate("Customers", "Give both latitude and longitude, "
                                                   "or neither.")]


def test_rejects_file_lists_row_number_values_and_reasons(archive, tmp_path):
    rows = [["姓名", "手机", "出生日期"],
            ["张三", "13800138000", "1990-01-01"],
            [],                                              # a blank row keeps its row number
            ["李四", "12345", "=HYPERLINK(\"http://x\")"],
            ["王五", "13900139000", "2001-02-03"]]
    result = _import(archive, tmp_path, rows)
    assert (result.rows, result.imported, result.rejected, result.blank_rows) == (3, 2, 1, 1)
    assert result.rejects_path == tmp_path / "c-rejects.csv"
    data = result.rejects_path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    table = list(csv.reader(data.decode("utf-8-sig").splitlines()))
    assert table[0] == ["Row", "姓名", "手机", "出生日期", "Reasons"]
    assert table[1][:4] == ["4", "李四", "12345", "'=HYPERLINK(\"http://x\")"]  # no formula runs
    assert "手机: '12345'" in table[1][4] and "出生日期:" in table[1][4]
    assert len(table) == 2


def test_rejects_file_goes_where_asked(archive, tmp_path):
    out = tmp_path / "out" / "bad.csv"
    out.parent.mkdir()
    result = _import(archive, tmp_path, [["姓名", "手机"], ["张三", "1"]], rejects_path=out)
    assert result.rejects_path == out and out.exists()


def test_no_rejects_no_file(archive, tmp_path):
    result = _import(archive, tmp_path, customer_rows(3))
    assert result.rejects_path is None
    assert not (tmp_path / "c-rejects.csv").exists()


# -- all or nothing, partial, dry run --------------------------------------------

def _mixed_rows():
    rows = customer_rows(5)
    rows[3][1] = "not a phone"
    return rows


def test_by_default_one_bad_row_means_nothing_is_imported(archive, tmp_path):
    result = _import(archive, tmp_path, _mixed_rows())
    assert (result.rows, result.imported, result.rejected, result.duplicates) == (5, 4, 1, 0)
    assert not result.written and result.added == 0
    assert snapshot(archive.conn)["customers"] == []
    assert result.rejects_path.exists()


def test_partial_imports_the_good_rows_and_writes_the_rejects(archive, tmp_path):
    result = _import(archive, tmp_path, _mixed_rows(), partial=True)
    assert (result.imported, result.rejected, result.written, result.added) == (4, 1, True, 4)
    assert count(archive.conn, "customers") == 4
    assert result.rejects[0].row_number == 4
    assert result.rejects_path.exists()


def test_dry_run_reports_the_same_and_writes_nothing(archive, tmp_path):
    before = snapshot(archive.conn)
    dry = _import(archive, tmp_path, _mixed_rows(), partial=True, dry_run=True)
    assert snapshot(archive.conn) == before
    assert not dry.written and dry.dry_run
    real = _import(archive, tmp_path, _mixed_rows(), partial=True)
    assert (dry.rows, dry.imported, dry.rejected, dry.duplicates) == \
        (real.rows, real.imported, real.rejected, real.duplicates)


def test_an_exception_in_the_middle_leaves_the_archive_unchanged(archive, tmp_path, monkeypatch):
    _import(archive, tmp_path, customer_rows(3, start=900), name="first.csv")
    before = snapshot(archive.conn)
    monkeypatch.setattr(import_rows, "CHUNK", 4)
    real_insert = import_customers._insert_customer_chunk
    calls = []

    def failing_insert(*args):
        calls.append(1)
        if len(calls) == 2:
            raise RuntimeError("disk pulled out")
        real_insert(*args)

    monkeypatch.setattr(import_customers, "_insert_customer_chunk", failing_insert)
    with pytest.raises(RuntimeError, match="disk pulled out"):
        _import(archive, tmp_path, customer_rows(10), name="second.csv")
    assert len(calls) == 2                      # the first chunk was written, then rolled back
    assert snapshot(archive.conn) == before


def test_cancel_between_chunks_rolls_back(archive, tmp_path, monkeypatch):
    monkeypatch.setattr(import_rows, "CHUNK", 3)

    class CancelAfterFirstChunk(Progress):
        def report(self, done, total=None, text=""):
            if "Writing" in text and done >= 3:
                self.cancel()

    before = snapshot(archive.conn)
    with pytest.raises(Cancelled):
        _import(archive, tmp_path, customer_rows(10), progress=CancelAfterFirstChunk())
    assert snapshot(archive.conn) == before


def test_progress_is_reported(archive, tmp_path, monkeypatch):
    monkeypatch.setattr(import_rows, "CHUNK", 4)
    seen = []

    class Recorder(Progress):
        def report(self, done, total=None, text=""):
            seen.append((done, total))

    _import(archive, tmp_path, customer_rows(10), progress=Recorder())
    assert (10, 10) in seen and (4, 10) in seen


# -- duplicates -------------------------------------------------------------------

def test_duplicates_within_the_file_and_against_the_archive(archive, tmp_path):
    customers.create(archive.conn, {"name": "老客户", "phone": "13700137000"}, by=BY)
    gone = customers.create(archive.conn, {"name": "已删除", "phone": "13600136000"}, by=BY)
    customers.delete(archive.conn, gone, by=BY)
    rows = [["姓名", "手机"],
            ["张三", "13800138000"],
            ["张三二", "138-0013-8000"],        # same phone as row 2, written differently
            ["老客户", "+86 137 0013 7000"],     # already in the archive
            ["新客户", "13600136000"],           # only a deleted customer had it
            ["坏行", "123"]]                     # rejected rows are not compared
    result = _import(archive, tmp_path, rows, partial=True)
    assert (result.rows, result.imported, result.rejected, result.duplicates) == (5, 2, 1, 2)
    assert result.duplicate_rows == [
        (3, "13800138000", "Same phone number as row 2."),
        (4, "13700137000", "A customer with this phone number is already in the archive.")]
    assert _customer(archive, "13600136000")["name"] == "新客户"


def test_importing_the_same_file_twice_adds_nothing_the_second_time(archive, tmp_path):
    rows = customer_rows(4) + [["无电话", "", "无名路1号", "东区"]]
    first = _import(archive, tmp_path, rows)
    assert first.imported == 5
    before = snapshot(archive.conn)
    second = _import(archive, tmp_path, rows)
    assert (second.imported, second.duplicates, second.rejected) == (0, 5, 0)
    assert snapshot(archive.conn) == before
    assert second.duplicate_rows[-1][1] is None      # the row without a phone, matched by name and address


def test_a_second_phone_identifies_a_customer_without_a_first(archive, tmp_path):
    customers.create(archive.conn, {"name": "甲", "phone": "13500135000"}, by=BY)
    result = _import(archive, tmp_path, [["姓名", "手机", "电话2"], ["甲", "", "13500135000"]])
    assert result.duplicates == 1


# -- what is written ------------------------------------------------------------------

def test_written_customers_have_history_areas_and_defaults(archive, tmp_path):
    customers.area_id(archive.conn, "阳光小区", None)
    rows = [["姓名", "手机", "小区", "区域类型", "建档日期", "纬度", "经度", "编号"],
            ["张三", "13800138000", "阳光小区", "社区", "2020-01-02", "30.5", "120.25", "77"],
            ["李四", "13900139000", "科技园", "工业园", "", "", "", "78"],
            ["王五", "13700137000", "科技园", "", "", "", "", "79"]]
    result = _import(archive, tmp_path, rows)
    assert result.imported == 3
    zhang, li = _customer(archive, "13800138000"), _customer(archive, "13900139000")
    assert (zhang["area"], zhang["area_type"], zhang["created_on"]) == ("阳光小区", "community", "2020-01-02")
    assert (zhang["latitude"], zhang["longitude"]) == (30.5, 120.25)
    assert (li["area"], li["area_type"], li["created_on"]) == ("科技园", "industrial_park",
                                                               date.today().isoformat())
    assert zhang["id"] != 77                               # ids are the archive's own
    assert count(archive.conn, "areas") == 2
    history = customers.history(archive.conn, zhang["id"])
    assert [(h["field"], h["changed_by"], h["new_value"]) for h in history] == [("*created", BY, "张三")]
    assert count(archive.conn, "customer_history") == 3


def test_import_frame_takes_a_frame_the_gui_already_has(archive):
    frame = pd.DataFrame({"姓名": ["张三", None, "李四"], "手机": [13800138000, None, 13900139000]})
    result = importing.import_frame(archive.conn, frame, by=BY)
    assert (result.rows, result.imported, result.blank_rows) == (2, 2, 1)
    assert _customer(archive, "13900139000")["name"] == "李四"


def test_an_empty_table_imports_nothing(archive, tmp_path):
    result = _import(archive, tmp_path, [["姓名", "手机"]])
    assert (result.rows, result.imported, result.written) == (0, 0, True)
