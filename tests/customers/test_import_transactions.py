"""Importing transactions: customer by phone or number, rejects, re-import adds nothing."""
from __future__ import annotations

import pytest

from model.customers import customers, import_rows, import_transactions, importing
from model.customers.importing import ImportFileError
from tests.import_helpers import count, snapshot, write_csv

BY = "tester"
HEADER = ["手机", "客户编号", "日期", "金额", "数量", "产品"]


@pytest.fixture
def people(archive):
    ids = {
        "zhang": customers.create(archive.conn, {"name": "张三", "phone": "13800138000"}, by=BY),
        "li": customers.create(archive.conn, {"name": "李四", "phone": "13900139000",
                                              "phone2": "057188886666"}, by=BY),
        "twin1": customers.create(archive.conn, {"name": "双胞胎甲", "phone": "13700137000"}, by=BY),
        "twin2": customers.create(archive.conn, {"name": "双胞胎乙", "phone2": "13700137000"}, by=BY),
        "gone": customers.create(archive.conn, {"name": "已删除", "phone": "13600136000"}, by=BY),
    }
    customers.delete(archive.conn, ids["gone"], by=BY)
    return ids


def _import(archive, tmp_path, rows, name="t.csv", **options):
    path = write_csv(tmp_path / name, [HEADER, *rows])
    return importing.import_file(archive.conn, path, kind="transactions", by=BY, **options)


def _transactions(archive):
    return [tuple(r) for r in archive.conn.execute(
        "SELECT customer_id, txn_date, amount, quantity, product FROM transactions ORDER BY id")]


def test_customers_found_by_phone_or_by_number(archive, tmp_path, people):
    result = _import(archive, tmp_path, [
        ["138 0013 8000", "", "2024/3/5", "1,280.50", "2", "理财A"],
        ["", str(people["li"]), "2024年3月6日", "¥99", "", "信用卡"],
        ["0571-8888-6666", "", "2024-03-07", "10", "1", ""],           # found by the second phone
    ])
    assert (result.rows, result.imported, result.rejected, result.duplicates) == (3, 3, 0, 0)
    assert _transactions(archive) == [
        (people["zhang"], "2024-03-05", 1280.5, 2.0, "理财A"),
        (people["li"], "2024-03-06", 99.0, None, "信用卡"),
        (people["li"], "2024-03-07", 10.0, 1.0, None)]


@pytest.mark.parametrize("row, fragment", [
    (["13500135000", "", "2024-01-01", "5", "", ""], "No customer in the archive has the phone number"),
    (["13600136000", "", "2024-01-01", "5", "", ""], "No customer in the archive has the phone number"),
    (["", "9999", "2024-01-01", "5", "", ""], "There is no customer number 9999"),
    (["", "abc", "2024-01-01", "5", "", ""], "客户编号: 'abc' is not a customer number"),
    (["13700137000", "", "2024-01-01", "5", "", ""], "2 customers have the phone number"),
    (["", "", "2024-01-01", "5", "", ""], "names no customer"),
    (["12345", "", "2024-01-01", "5", "", ""], "手机: '12345' is not a valid phone number"),
    (["13800138000", "", "", "5", "", ""], "needs a date"),
    (["13800138000", "", "2024-02-30", "5", "", ""], "日期: '2024-02-30' is not a real date"),
    (["13800138000", "", "2024-01-01", "", "", ""], "needs an amount"),
    (["13800138000", "", "2024-01-01", "five", "", ""], "金额: 'five' is not a number"),
    (["13800138000", "", "2024-01-01", "1.2E+10", "", ""], "scientific notation"),
    (["13800138000", "", "2024-01-01", "5", "a few", ""], "数量: 'a few' is not a number"),
])
def test_each_reject_reason(archive, tmp_path, people, row, fragment):
    result = _import(archive, tmp_path, [row])
    assert (result.imported, result.rejected) == (0, 1)
    assert any(fragment in reason for reason in result.rejects[0].reasons), result.rejects[0].reasons
    assert count(archive.conn, "transactions") == 0


def test_reimport_adds_nothing_and_identical_rows_each_import_once(archive, tmp_path, people):
    rows = [["13800138000", "", "2024-03-05", "100", "1", "基金"],
            ["13800138000", "", "2024-03-05", "100", "1", "基金"],      # bought twice that day
            ["+86 138-0013-8000", "", "2024/3/5", "100.00", "1", "基金"],  # the same again, written otherwise
            ["13900139000", "", "2024-03-05", "100", "1", "基金"]]
    first = _import(archive, tmp_path, rows)
    assert (first.imported, first.duplicates) == (4, 0)
    before = snapshot(archive.conn)
    second = _import(archive, tmp_path, rows)
    assert (second.imported, second.duplicates, second.rejected) == (0, 4, 0)
    assert second.duplicate_rows[0] == (2, "13800138000", "This transaction was already imported.")
    assert snapshot(archive.conn) == before
    # A file with one more of the same purchase adds exactly that one.
    third = _import(archive, tmp_path, rows + [rows[0]])
    assert (third.imported, third.duplicates) == (1, 4)
    assert count(archive.conn, "transactions") == 5


def test_all_or_nothing_partial_and_dry_run(archive, tmp_path, people):
    rows = [["13800138000", "", "2024-03-05", "100", "", ""],
            ["13500135000", "", "2024-03-05", "100", "", ""]]
    refused = _import(archive, tmp_path, rows)
    assert (refused.imported, refused.rejected, refused.written) == (1, 1, False)
    assert count(archive.conn, "transactions") == 0
    assert refused.rejects_path == tmp_path / "t-rejects.csv"
    dry = _import(archive, tmp_path, rows, partial=True, dry_run=True)
    assert (dry.imported, dry.written, count(archive.conn, "transactions")) == (1, False, 0)
    done = _import(archive, tmp_path, rows, partial=True)
    assert (done.imported, done.rejected, done.written) == (1, 1, True)
    assert count(archive.conn, "transactions") == 1


def test_an_exception_in_the_middle_leaves_the_transactions_unchanged(archive, tmp_path, people,
                                                                     monkeypatch):
    monkeypatch.setattr(import_rows, "CHUNK", 2)
    real = import_transactions._insert_transaction_chunk
    calls = []

    def failing(conn, rows):
        calls.append(1)
        if len(calls) == 2:
            raise RuntimeError("power cut")
        real(conn, rows)

    monkeypatch.setattr(import_transactions, "_insert_transaction_chunk", failing)
    rows = [["13800138000", "", f"2024-03-{day:02d}", "10", "", ""] for day in range(1, 8)]
    with pytest.raises(RuntimeError):
        _import(archive, tmp_path, rows)
    assert count(archive.conn, "transactions") == 0


def test_a_transactions_file_needs_a_customer_a_date_and_an_amount(archive, tmp_path):
    path = write_csv(tmp_path / "t.csv", [["日期", "金额"], ["2024-01-01", "5"]])
    with pytest.raises(ImportFileError, match="the customer"):
        importing.import_file(archive.conn, path, kind="transactions", by=BY)
    path = write_csv(tmp_path / "t.csv", [["手机", "金额"], ["13800138000", "5"]])
    with pytest.raises(ImportFileError, match="no column for Date"):
        importing.import_file(archive.conn, path, kind="transactions", by=BY)
