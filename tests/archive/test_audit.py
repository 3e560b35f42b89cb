"""The audit trail: append-only in the database, filters, export, and the
entries every export / print / backup path writes."""
from __future__ import annotations

import csv
from datetime import date, datetime, timedelta

import pytest

from model.archive import audit, database
from model.archive.database import sqlite3


def test_record_and_entries_newest_first(archive):
    conn = archive.conn
    first = audit.record(conn, "export", "customers.csv", 12, by="王经理")
    second = audit.record(conn, "print", "tracking log", 1, reason="visit",
                          detail={"full_phone": True})
    got = audit.entries(conn)
    assert [e.id for e in got] == [second, first]
    assert got[1].by == "王经理" and got[1].count == 12 and got[1].action == "export"
    assert got[0].by  # falls back to the settings' / OS user name
    assert got[0].detail == {"full_phone": True}
    # Local time with its offset, to the second.
    stamp = datetime.fromisoformat(got[0].at)
    assert stamp.tzinfo is not None
    assert abs((stamp - datetime.now().astimezone()).total_seconds()) < 60
    assert audit.entries(conn, action="print")[0].id == second
    assert "full phone numbers printed" in audit.detail_text(got[0])


def test_append_only_enforced_by_the_database(archive):
    conn = archive.conn
    audit.record(conn, "backup", "backup.kehu", 3)
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        conn.execute("UPDATE audit_log SET by = 'someone else'")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        conn.execute("DELETE FROM audit_log")
    assert len(audit.entries(conn)) == 1


def test_record_joins_the_callers_transaction(archive):
    conn = archive.conn
    with pytest.raises(RuntimeError):
        with database.transaction(conn):
            audit.record(conn, "bulk_delete", "customers", 2)
            raise RuntimeError("the work failed")
    assert audit.entries(conn) == []
    with pytest.raises(ValueError):
        audit.record(conn, "peek", "x")


def test_date_filters_whole_days(archive):
    conn = archive.conn
    audit.record(conn, "export", "today.csv", 1)
    today = date.today()
    assert len(audit.entries(conn, since=today, until=today)) == 1
    assert len(audit.entries(conn, since=today.isoformat(), until=today.isoformat())) == 1
    assert audit.entries(conn, until=today - timedelta(days=1)) == []
    assert audit.entries(conn, since=today + timedelta(days=1)) == []


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_export(archive, tmp_path, suffix):
    conn = archive.conn
    audit.record(conn, "export", "=HYPERLINK(1)", 150, by="李经理", reason="年度核对",
                 detail={"sensitive": True})
    out = tmp_path / f"audit{suffix}"
    assert audit.export(conn, out) == 1
    if suffix == ".csv":
        raw = out.read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf")
        rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
        assert rows[0] == audit.headers()
        assert rows[1][1] == "李经理" and rows[1][3] == "'=HYPERLINK(1)" and rows[1][5] == "年度核对"
        assert "sensitive fields included" in rows[1][6]
    else:
        from openpyxl import load_workbook
        sheet = load_workbook(out).active
        values = list(sheet.iter_rows(values_only=True))
        assert list(values[0]) == audit.headers() and values[1][4] == 150
    # The export of the trail is itself recorded.
    latest = audit.entries(conn)[0]
    assert latest.action == "export" and latest.detail["kind"] == "audit"


# -- the paths that record -------------------------------------------------------

def _customers(conn, count):
    from model.customers import customers
    return [customers.create(conn, {"name": f"客户{i}", "phone": f"1380000{i:04d}"}, "x")
            for i in range(count)]


def test_bulk_delete_is_recorded_with_ids_and_count(archive):
    from model.customers import customers
    ids = _customers(archive.conn, 3)
    customers.delete(archive.conn, ids[0], "x")
    assert customers.delete_many(archive.conn, ids, "王经理") == 2
    entry = audit.entries(archive.conn, action="bulk_delete")[0]
    assert entry.count == 2 and entry.by == "王经理" and entry.detail["customer_ids"] == ids
    assert "客户" not in entry.what + str(entry.detail)
    assert customers.delete_many(archive.conn, ids[1:2], "x") == 0  # one, already deleted: no entry
    assert len(audit.entries(archive.conn, action="bulk_delete")) == 1


def test_export_leaves_sensitive_fields_out_and_records_it(archive, tmp_path):
    from model.customers import customers, exporting
    ids = _customers(archive.conn, 2)
    customers.update(archive.conn, ids[0], {"dim_financial_assets": "4.3"}, "x")
    out = tmp_path / "a.csv"
    assert exporting.export_customers(archive.conn, out) == 2
    header = out.read_text(encoding="utf-8-sig").splitlines()[0].split(",")
    assert not set(exporting.sensitive_keys()) & set(header)
    assert set(exporting.sensitive_keys()) == {"dim_financial_assets", "dim_property", "dim_risk_appetite"}
    entry = audit.entries(archive.conn)[0]
    assert (entry.action, entry.what, entry.count, entry.detail["sensitive"]) == ("export", "a.csv", 2, False)
    exporting.export_customers(archive.conn, out, include_sensitive=True)
    assert "dim_financial_assets" in out.read_text(encoding="utf-8-sig").splitlines()[0]
    assert audit.entries(archive.conn)[0].detail["sensitive"] is True


def test_more_than_100_customers_need_a_reason(archive, tmp_path):
    from model.customers import exporting
    ids = _customers(archive.conn, 101)
    with pytest.raises(exporting.ReasonNeeded, match="reason"):
        exporting.export_customers(archive.conn, tmp_path / "a.csv")
    assert not (tmp_path / "a.csv").exists()
    assert exporting.export_customers(archive.conn, tmp_path / "b.csv", ids[:100]) == 100
    assert exporting.export_customers(archive.conn, tmp_path / "a.csv", reason="年度核对") == 101
    assert audit.entries(archive.conn)[0].reason == "年度核对"


def test_cli_backup_restore_and_prints_are_recorded(qapp, tmp_path, capsys):
    from cli import run_cli
    from model.archive import database
    path = tmp_path / "a.kehu"
    with database.Archive.create(path) as arch:
        _customers(arch.conn, 2)
    assert run_cli(["backup", str(path)]) == 0
    assert run_cli(["print", "tracking-log", str(path), "--grade", "A", "--period", "week",
                    "--pdf", str(tmp_path / "log.pdf"), "--full-phone"]) == 0
    assert run_cli(["restore", str(path)]) == 0
    capsys.readouterr()
    with database.Archive.open(path) as arch:
        got = audit.entries(arch.conn)
    # The backup's own entry is written after the copy was taken; the trail of the
    # archive it replaced is carried into the restored one, so it only ever grows.
    assert [e.action for e in got] == ["restore", "print", "backup"]
    assert got[0].count == 2 and got[0].detail["kept"] and got[0].detail["carried"] == 2
    kept = database.Archive.open(got[0].detail["kept"])
    try:
        earlier = audit.entries(kept.conn)
    finally:
        kept.close()
    assert [e.action for e in earlier] == ["print", "backup"]
    assert earlier[0].detail["full_phone"] is True and earlier[0].what.startswith("Tracking log")
    assert earlier[1].count == 2


def test_cli_audit_lists_filters_and_exports(qapp, archive, tmp_path, capsys):
    from cli import run_cli
    audit.record(archive.conn, "export", "a.csv", 150, by="王经理", reason="年度核对")
    audit.record(archive.conn, "print", "tracking log", 3, by="王经理")
    path = archive.path
    archive.close()
    assert run_cli(["audit", str(path)]) == 0
    out = capsys.readouterr().out
    assert out.index("tracking log") < out.index("a.csv") and "年度核对" in out and "150" in out
    assert run_cli(["audit", str(path), "--action", "print"]) == 0
    assert "a.csv" not in capsys.readouterr().out
    assert run_cli(["audit", str(path), "--since", "2000-01-01", "--until", "2000-12-31"]) == 0
    assert "No audit entries" in capsys.readouterr().out
    assert run_cli(["audit", str(path), "--export", str(tmp_path / "trail.xlsx")]) == 0
    assert "2" in capsys.readouterr().out and (tmp_path / "trail.xlsx").exists()


def test_branch_pack_import_is_recorded_in_the_archive_named(qapp, tmp_path, capsys):
    from cli import run_cli
    from model.archive import database
    path = tmp_path / "a.kehu"
    database.Archive.create(path).close()
    pack = tmp_path / "pack.zip"
    assert run_cli(["branch-pack", "export", str(pack), "--name", "城东支行", "--version", "3"]) == 0
    assert run_cli(["branch-pack", "import", str(pack)]) == 0           # no archive: nothing recorded
    assert run_cli(["branch-pack", "import", str(pack), "--archive", str(path)]) == 0
    capsys.readouterr()
    with database.Archive.open(path) as arch:
        got = audit.entries(arch.conn)
    assert [(e.action, e.what) for e in got] == [("branch_pack", "城东支行, version 3")]
    assert got[0].detail["file"] == str(pack.resolve())
