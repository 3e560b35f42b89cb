"""``python main.py branch duplicates ARCHIVE [--csv FILE]`` (issue 21 item 6)."""
from __future__ import annotations

import csv

from model.archive import audit
from model.customers import customers
from model.branch import archive_duplicates


def _three(conn):
    a = customers.create(conn, {"name": "张伟", "phone": "138 0013 8000", "manager": "王经理"}, by="t")
    b = customers.create(conn, {"name": "张 伟", "phone": "+86 138-0013-8000", "manager": "李经理"}, by="t")
    customers.create(conn, {"name": "刘洋", "phone": "13912345678", "manager": "王经理"}, by="t")
    gone = customers.create(conn, {"name": "张伟", "phone": "13800138000", "manager": "王经理"}, by="t")
    customers.delete(conn, gone, by="t")
    return a, b


def test_archive_candidates_pairs_the_same_phone_only(archive):
    a, b = _three(archive.conn)
    pairs = archive_duplicates.archive_candidates(archive.conn)
    assert [(p.first_id, p.second_id, p.reason, p.score) for p in pairs] == [(a, b, "phone", 90.0)]
    assert (pairs[0].first_manager, pairs[0].second_manager) == ("王经理", "李经理")


def test_cli_lists_one_pair_and_writes_the_csv(qapp, archive, tmp_path, capsys):
    from cli import run_cli
    a, b = _three(archive.conn)
    path = archive.path
    archive.close()
    out_file = tmp_path / "pairs.csv"
    assert run_cli(["branch", "duplicates", str(path), "--csv", str(out_file)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "Duplicate candidates: 1"
    assert out[1] == f"  #{a} 张伟 (王经理) / #{b} 张 伟 (李经理): same phone, score 90"
    assert len([line for line in out if line.startswith("  #")]) == 1
    with open(out_file, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows == [["Customer ID", "Name", "Manager", "Other customer ID", "Other name", "Other manager",
                     "Reason", "Score"],
                    [str(a), "张伟", "王经理", str(b), "张 伟", "李经理", "same phone", "90"]]
    from model.archive import database
    with database.Archive.open(path) as arch:
        entry = audit.entries(arch.conn)[0]
    assert (entry.action, entry.count, entry.what) == ("export", 1, "pairs.csv")


def test_cli_missing_archive_exits_2_with_one_line(qapp, tmp_path, capsys):
    from cli import run_cli
    assert run_cli(["branch", "duplicates", str(tmp_path / "nowhere.kehu")]) == 2
    err = capsys.readouterr()
    assert err.out == ""
    assert len(err.err.strip().splitlines()) == 1 and "nowhere.kehu" in err.err


def test_cli_wrong_passphrase_exits_2_with_one_line(qapp, tmp_path, capsys, monkeypatch):
    from cli import run_cli
    from model.archive import database
    path = tmp_path / "locked.kehu"
    database.Archive.create(path, passphrase="correct horse battery staple 9").close()
    monkeypatch.setenv("KEHU_PASSPHRASE", "wrong")
    assert run_cli(["branch", "duplicates", str(path)]) == 2
    err = capsys.readouterr()
    assert err.out == "" and len(err.err.strip().splitlines()) == 1 and "passphrase" in err.err
    monkeypatch.setenv("KEHU_PASSPHRASE", "correct horse battery staple 9")
    assert run_cli(["branch", "duplicates", str(path)]) == 0
    assert capsys.readouterr().out == "Duplicate candidates: 0\n"
