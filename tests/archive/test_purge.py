"""Purge: deleted customers leave the archive, every row that mentions them, the
file's bytes and the program's backups; the audit trail says so without their data."""
from __future__ import annotations

from datetime import date

import pytest

from model.archive import audit, backup, database, purge
from model.marketing import circles
from model.customers import customers, search
from model.grading import grading_session

NAME, PHONE = "欧阳紫菱", "13912345678"


def _canary(conn) -> int:
    cid = customers.create(conn, {"name": NAME, "phone": PHONE, "address": "幸福路8号",
                                  "dim_financial_assets": "4.3"}, "test")
    customers.update(conn, cid, {"notes": "喜欢理财讲座"}, "test")
    customers.log_contact(conn, cid, customers.Contact("2025-05-02", "phone", result="约了周五"), "test")
    return cid


def _bytes_everywhere(folder) -> bytes:
    return b"".join(p.read_bytes() for p in folder.rglob("*") if p.is_file())


def _mentions(data: bytes) -> bool:
    return any(needle in data for needle in (NAME.encode("utf-8"), NAME.encode("utf-16-le"),
                                             PHONE.encode("ascii")))


def test_only_deleted_customers_and_with_a_reason(archive):
    cid = _canary(archive.conn)
    with pytest.raises(purge.PurgeError, match="not deleted"):
        purge.purge(archive.conn, [cid], "x", "asked")
    customers.delete(archive.conn, cid, "x")
    with pytest.raises(purge.PurgeError, match="reason"):
        purge.purge(archive.conn, [cid], "x", "  ")
    with pytest.raises(purge.PurgeError, match="no customer 999"):
        purge.purge(archive.conn, [cid, 999], "x", "asked")
    assert customers.get(archive.conn, cid) is not None
    assert [c.id for c in purge.deleted_customers(archive.conn)] == [cid]


def test_the_connection_keeps_its_secure_delete_setting(archive):
    # The window purges on its long-lived writer connection: the purge's secure_delete
    # does not stay on it.
    cid = _canary(archive.conn)
    customers.delete(archive.conn, cid, "x")
    before = archive.conn.execute("PRAGMA secure_delete").fetchone()[0]
    purge.purge(archive.conn, [cid], "x", "asked")
    assert customers.get(archive.conn, cid) is None
    assert archive.conn.execute("PRAGMA secure_delete").fetchone()[0] == before


def test_every_row_goes_links_are_cut_and_the_bytes_go(tmp_path):
    path = tmp_path / "a.kehu"
    arch = database.Archive.create(path)
    conn = arch.conn
    other = customers.create(conn, {"name": "王五", "phone": "13800000001"}, "x")
    cid = _canary(conn)
    circle = circles.create(conn, {"name": "广场舞队", "centre_id": cid}, "x")
    circles.add_members(conn, circle, [other], "x")
    conn.execute("INSERT INTO transactions(customer_id, txn_date, amount) VALUES (?, '2025-01-02', 10)",
                 (cid,))
    search.refresh(conn)
    assert search.CustomerSearch(conn).find(NAME).ids
    session = grading_session.GradingSession(scope="all", as_of=date(2025, 6, 1), queue=[other, cid],
                                             position=2, answers={cid: ("yes", "1m")})
    grading_session.save(conn, session, "x")
    customers.delete(conn, cid, "x")
    backup.make_backup(conn, path)
    assert _mentions(_bytes_everywhere(tmp_path))

    result = purge.purge(conn, [cid], "李经理", "客户要求删除")
    assert (result.customers, result.backups_cleaned, result.backups_failed) == (1, 1, [])
    assert customers.get(conn, cid) is None
    for table in ("contacts", "customer_history", "transactions", "circle_members", "search_index",
                  "search_dirty", "grades"):
        assert conn.execute(f"SELECT count(*) FROM {table} WHERE customer_id = ?", (cid,)).fetchone()[0] == 0
    assert conn.execute("SELECT centre_id FROM circles WHERE id = ?", (circle,)).fetchone()[0] is None
    assert [m.customer_id for m in circles.members(conn, circle)] == [other]
    kept = grading_session.load(conn, "x")
    assert kept.queue == [other] and kept.position == 1 and kept.answers == {}
    assert customers.get(conn, other)["name"] == "王五"
    entry = audit.entries(conn, action="purge")[0]
    assert (entry.count, entry.by, entry.reason) == (1, "李经理", "客户要求删除")
    assert entry.detail["customer_ids"] == [cid] and entry.detail["backups_cleaned"] == 1
    assert not list(search.CustomerSearch(conn).find(NAME).ids)
    arch.close()
    assert not _mentions(_bytes_everywhere(tmp_path))
    # The backup is still a good, verified backup with a current manifest.
    made = backup.list_backups(path)[0]
    info = backup.preview(made)
    manifest = backup.read_manifest(made)
    assert info.healthy and manifest["counts"]["customers"] == 1 == info.counts["customers"]
    assert manifest["purged_at"] and manifest["integrity"] == "ok"


def test_cli(qapp, tmp_path, capsys):
    from cli import run_cli
    path = tmp_path / "a.kehu"
    with database.Archive.create(path) as arch:
        cid = _canary(arch.conn)
        keep = customers.create(arch.conn, {"name": "留下"}, "x")
    assert run_cli(["purge", str(path), "--all-deleted", "--reason", "r"]) == 0
    assert "no deleted customers" in capsys.readouterr().out
    with database.Archive.open(path) as arch:
        customers.delete(arch.conn, cid, "x")
    assert run_cli(["purge", str(path), "--customer", str(keep), "--reason", "r"]) == 2
    assert "not deleted" in capsys.readouterr().err
    assert run_cli(["purge", str(path), "--all-deleted", "--reason", "客户要求"]) == 0
    assert "1 customers purged" in capsys.readouterr().out
    with database.Archive.open(path) as arch:
        assert customers.get(arch.conn, cid) is None and customers.get(arch.conn, keep)
    assert not _mentions(path.read_bytes())
