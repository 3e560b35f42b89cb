"""The audit trail: append-only in the database, filters, export, and the
entries every export / print / backup path writes."""
from __future__ import annotations

import csv
from datetime import date, datetime, timedelta

import pytest

from model import audit, database
from model.database import sqlite3


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
