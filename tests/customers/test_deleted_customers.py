"""Deleted customers come back (issue 17, point 2): the model and the CLI."""
from __future__ import annotations

import pytest

from cli import run_cli
from model.customers import customers
from model.archive import database


def _three(conn):
    return [customers.create(conn, {"name": n, "phone": p}, by="王芳")
            for n, p in (("张伟", "13800000001"), ("李娜", "13800000002"), ("王强", "13800000003"))]


def test_deleted_list_search_and_restore_keep_the_history(archive):
    ids = _three(archive.conn)
    customers.update(archive.conn, ids[0], {"notes": "老客户"}, by="王芳")
    customers.delete(archive.conn, ids[0], by="刘强")
    customers.delete(archive.conn, ids[1], by="刘强")
    listed = customers.deleted(archive.conn)
    assert {r["id"] for r in listed} == {ids[0], ids[1]} and listed[0]["deleted_by"] == "刘强"
    assert [r["name"] for r in customers.deleted(archive.conn, "zw")] == ["张伟"]       # pinyin
    assert [r["name"] for r in customers.deleted(archive.conn, "0002")] == ["李娜"]     # phone digits
    assert [r["name"] for r in customers.deleted(archive.conn, "李")] == ["李娜"]
    assert customers.restore_deleted(archive.conn, ids[0], by="王芳") == "张伟"
    record = customers.get(archive.conn, ids[0])
    assert record["deleted_at"] is None and record["notes"] == "老客户"
    fields = [h["field"] for h in customers.history(archive.conn, ids[0])]
    assert fields[:2] == ["*restored", "*deleted"] and "notes" in fields and "*created" in fields
    with pytest.raises(database.ArchiveError, match="not deleted"):
        customers.restore_deleted(archive.conn, ids[2], by="王芳")
    with pytest.raises(database.ArchiveError, match="no customer no. 99"):
        customers.restore_deleted(archive.conn, 99, by="王芳")


def test_cli_lists_and_restores_deleted_customers(tmp_path, capsys):
    path = tmp_path / "a.kehu"
    with database.Archive.create(path) as arch:
        ids = _three(arch.conn)
        customers.delete(arch.conn, ids[1], by="刘强")
    assert run_cli(["customers", "deleted", str(path)]) == 0
    out = capsys.readouterr().out
    assert f"{ids[1]}\t李娜\t13800000002" in out and "刘强" in out
    assert run_cli(["customers", "restore", str(path), str(ids[1])]) == 0
    assert "Restored customer no." in capsys.readouterr().out
    assert run_cli(["customers", "restore", str(path), str(ids[1])]) == 2
    assert "is not deleted" in capsys.readouterr().err
    assert run_cli(["customers", "deleted", str(path)]) == 0
    assert "There are no deleted customers." in capsys.readouterr().out
