"""``python main.py import``: its summary and exit codes 0 / 1 / 2."""
from __future__ import annotations

import json

import pytest

from cli import run_cli
from model.archive import database
from model.core import settings
from tests.import_helpers import count, customer_rows, write_csv


@pytest.fixture(autouse=True)
def english(qapp):
    """A QApplication first (run_cli would otherwise make a bare QCoreApplication that later GUI
    tests trip over), and English messages whatever the machine's locale."""
    settings.put(settings.LANGUAGE, "en")


@pytest.fixture
def archive_path(tmp_path):
    path = tmp_path / "a.kehu"
    database.Archive.create(path).close()
    return path


def _customers(path):
    with database.Archive.open(path) as archive:
        return count(archive.conn, "customers")


def test_all_rows_good_exits_0(archive_path, tmp_path, capsys):
    csv_path = write_csv(tmp_path / "c.csv", customer_rows(3))
    assert run_cli(["import", str(archive_path), str(csv_path)]) == 0
    assert capsys.readouterr().out.splitlines()[0] == "imported 3, rejected 0, duplicates 0"
    assert _customers(archive_path) == 3
    # The second time everything is a duplicate, which is not an error.
    assert run_cli(["import", str(archive_path), str(csv_path)]) == 0
    assert capsys.readouterr().out.splitlines()[0] == "imported 0, rejected 0, duplicates 3"
    assert _customers(archive_path) == 3


def test_rejected_rows_exit_1_and_nothing_is_written_unless_partial(archive_path, tmp_path, capsys):
    rows = customer_rows(3)
    rows[2][1] = "123"
    csv_path = write_csv(tmp_path / "c.csv", rows)
    assert run_cli(["import", str(archive_path), str(csv_path)]) == 1
    out = capsys.readouterr().out
    assert out.splitlines()[0] == "imported 2, rejected 1, duplicates 0"
    assert "rejected row 3" in out and str(tmp_path / "c-rejects.csv") in out
    assert "Nothing was written" in out
    assert _customers(archive_path) == 0
    assert (tmp_path / "c-rejects.csv").exists()

    out_path = tmp_path / "bad.csv"
    assert run_cli(["import", str(archive_path), str(csv_path), "--partial",
                    "--rejects", str(out_path)]) == 1
    assert "Nothing was written" not in capsys.readouterr().out
    assert _customers(archive_path) == 2
    assert out_path.exists()


def test_dry_run_writes_nothing(archive_path, tmp_path, capsys):
    csv_path = write_csv(tmp_path / "c.csv", customer_rows(2))
    assert run_cli(["import", str(archive_path), str(csv_path), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("imported 2, rejected 0, duplicates 0") and "Dry run" in out
    assert _customers(archive_path) == 0


def test_a_file_that_is_not_a_table_exits_2(archive_path, tmp_path, capsys):
    bad = tmp_path / "photo.csv"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert run_cli(["import", str(archive_path), str(bad)]) == 2
    assert "not a table" in capsys.readouterr().err
    assert run_cli(["import", str(archive_path), str(tmp_path / "missing.csv")]) == 2
    headerless = write_csv(tmp_path / "h.csv", [["a", "b"], ["1", "2"]])
    assert run_cli(["import", str(archive_path), str(headerless)]) == 2


def test_no_archive_there_says_so_and_points_at_new(tmp_path, capsys):
    csv_path = write_csv(tmp_path / "c.csv", customer_rows(1))
    assert run_cli(["import", str(tmp_path / "none.kehu"), str(csv_path)]) == 2
    err = capsys.readouterr().err
    assert "There is no archive" in err and "main.py new" in err
    assert not (tmp_path / "none.kehu").exists()


def test_mapping_file(archive_path, tmp_path, capsys):
    csv_path = write_csv(tmp_path / "c.csv", [["姓名", "联络号", "内部码"], ["张三", "13800138000", "x"]])
    assert run_cli(["import", str(archive_path), str(csv_path)]) == 0
    assert "Columns not recognised, left out: 联络号, 内部码" in capsys.readouterr().out
    mapping = tmp_path / "map.json"
    mapping.write_text(json.dumps({"联络号": "phone", "内部码": None}, ensure_ascii=False), encoding="utf-8")
    other = write_csv(tmp_path / "d.csv", [["姓名", "联络号", "内部码"], ["李四", "13900139000", "y"]])
    assert run_cli(["import", str(archive_path), str(other), "--mapping", str(mapping)]) == 0
    assert "not recognised" not in capsys.readouterr().out
    with database.Archive.open(archive_path) as archive:
        assert archive.conn.execute("SELECT phone FROM customers WHERE name = '李四'").fetchone()[0] == \
            "13900139000"
    mapping.write_text("{not json", encoding="utf-8")
    assert run_cli(["import", str(archive_path), str(other), "--mapping", str(mapping)]) == 2
    assert "not valid JSON" in capsys.readouterr().err


def test_transactions_kind(archive_path, tmp_path, capsys):
    write = write_csv(tmp_path / "c.csv", customer_rows(1))
    assert run_cli(["import", str(archive_path), str(write)]) == 0
    txns = write_csv(tmp_path / "t.csv", [["手机", "日期", "金额"], ["13900000000", "2024-01-02", "50"]])
    assert run_cli(["import", str(archive_path), str(txns), "--kind", "transactions"]) == 0
    assert "imported 1, rejected 0, duplicates 0" in capsys.readouterr().out
    with database.Archive.open(archive_path) as archive:
        assert count(archive.conn, "transactions") == 1


def test_help(capsys):
    with pytest.raises(SystemExit):
        run_cli(["import", "--help"])
    assert "--partial" in capsys.readouterr().out
