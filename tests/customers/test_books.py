"""归户 and book size (model.customers.books): one manager per customer, the books against the
500-800 standard with their tier mix, and the hand-over (history, audit, all or nothing)."""
from __future__ import annotations

import pytest

from model.archive import audit, database
from model.customers import books, customers
from model import grading
from model.archive.database import ArchiveError


def _tier(conn, customer_id: int, tier: str) -> None:
    grading.override(conn, customer_id, "value_tier", tier, "test", by="王经理")


def _make(conn, manager: str, count: int, start: int = 0) -> list[int]:
    return [customers.create(conn, {"name": f"客户{start + n}", "manager": manager,
                                    "phone": f"139{start + n:08d}"}, by="t") for n in range(count)]


def test_the_standard_comes_from_the_rules_data_with_the_seeds_words():
    std = books.standard()
    assert (std.low, std.high) == (500, 800)
    assert "合理管户标准为500-800之间" in std.source
    assert [std.status(n) for n in (499, 500, 800, 801)] == ["under", "within", "within", "over"]
    assert "500" in books.standard_sentence() and "800" in books.standard_sentence()


def test_a_customer_cannot_be_without_a_manager(archive):
    conn = archive.conn
    with pytest.raises(customers.ValidationError) as caught:
        customers.create(conn, {"name": "张三", "manager": ""}, by="李经理")
    assert "manager" in caught.value.problems
    # Given no manager at all, the one who enters the customer holds it (as the import does).
    cid = customers.create(conn, {"name": "张三"}, by="李经理")
    assert customers.get(conn, cid)["manager"] == "李经理"
    with pytest.raises(customers.ValidationError):
        customers.update(conn, cid, {"manager": "  "}, by="李经理")
    assert customers.get(conn, cid)["manager"] == "李经理"


def test_the_import_gives_every_row_a_manager(archive, tmp_path):
    from model.customers import importing
    path = tmp_path / "book.csv"
    path.write_text("姓名,电话,管户经理\n甲,13900000001,王经理\n乙,13900000002,\n", encoding="utf-8")
    importing.import_file(archive.conn, path, by="赵经理")
    held = dict(archive.conn.execute("SELECT name, manager FROM customers").fetchall())
    assert held == {"甲": "王经理", "乙": "赵经理"}


def test_books_count_sizes_and_tier_mix_in_pinyin_order(archive):
    conn = archive.conn
    zhao = _make(conn, "赵经理", 3)
    an = _make(conn, "安经理", 2, start=10)
    _tier(conn, zhao[0], "A")
    _tier(conn, zhao[1], "C")
    conn.execute("INSERT INTO customers(name, created_on) VALUES ('老客户', '2020-01-01')")   # an old archive's
    customers.delete(conn, an[1], by="t")
    got = books.books(conn)
    assert [b.manager for b in got] == ["安经理", "赵经理", books.UNASSIGNED]
    assert [b.size for b in got] == [1, 3, 1]
    assert got[1].tiers == {"A": 1, "C": 1, "": 1}
    assert got[1].status == "under"


def test_handover_of_chosen_customers_writes_history_and_one_audit_entry(archive):
    conn = archive.conn
    wang = _make(conn, "王经理", 4)
    done = books.handover(conn, "王经理", "李经理", customer_ids=wang[:2], by="支行长")
    assert done.count == 2 and done.customer_ids == tuple(wang[:2])
    assert [r["id"] for r in books.book_customers(conn, "李经理")] == wang[:2]
    assert len(books.book_customers(conn, "王经理")) == 2
    change = customers.history(conn, wang[0])[0]
    assert (change["field"], change["old_value"], change["new_value"], change["changed_by"]) == \
        ("manager", "王经理", "李经理", "支行长")
    entry = audit.entries(conn, action="handover")
    assert len(entry) == 1 and entry[0].count == 2 and entry[0].by == "支行长"
    assert entry[0].detail == {"from": "王经理", "to": "李经理", "customer_ids": wang[:2]}
    assert "王经理" in entry[0].what and "李经理" in entry[0].what


def test_handover_is_all_or_nothing(archive):
    conn = archive.conn
    wang = _make(conn, "王经理", 2)
    li = _make(conn, "李经理", 1, start=5)
    with pytest.raises(ArchiveError, match="not in the book"):
        books.handover(conn, "王经理", "赵经理", customer_ids=[*wang, li[0]], by="t")
    assert [b.manager for b in books.books(conn)] == ["李经理", "王经理"]
    assert audit.entries(conn, action="handover") == []
    assert all(h["field"] != "manager" for h in customers.history(conn, wang[0]))
    # A failure inside the transaction (after the first rows were changed) leaves nothing either.
    conn.execute("CREATE TRIGGER no_zhao BEFORE INSERT ON customer_history WHEN NEW.new_value = '赵经理'"
                 " AND NEW.customer_id = %d BEGIN SELECT RAISE(ABORT, 'stop'); END" % wang[1])
    with pytest.raises(database.sqlite3.DatabaseError):
        books.handover(conn, "王经理", "赵经理", by="t")
    assert len(books.book_customers(conn, "王经理")) == 2
    assert audit.entries(conn, action="handover") == []


def test_handover_of_a_whole_book_and_of_those_nobody_holds(archive):
    conn = archive.conn
    _make(conn, "王经理", 3)
    conn.execute("INSERT INTO customers(name, created_on) VALUES ('老客户', '2020-01-01')")
    assert books.handover(conn, "王经理", "李经理", by="t").count == 3
    assert books.handover(conn, books.UNASSIGNED, "李经理", by="t").count == 1
    assert [(b.manager, b.size) for b in books.books(conn)] == [("李经理", 4)]
    with pytest.raises(ArchiveError):
        books.handover(conn, "李经理", "李经理", by="t")
    with pytest.raises(ArchiveError):
        books.handover(conn, "李经理", "", by="t")
    with pytest.raises(ArchiveError, match="No customers"):
        books.handover(conn, "王经理", "李经理", by="t")


def _run(*argv) -> int:
    from cli import run_cli
    return run_cli([str(a) for a in argv])


def test_cli_handover_with_a_saved_view(qapp, archive, capsys):
    import json
    from model.core import settings
    conn = archive.conn
    wang = _make(conn, "王经理", 3)
    customers.update(conn, wang[0], {"area": "幸福小区"}, by="t")
    customers.update(conn, wang[1], {"area": "幸福小区"}, by="t")
    settings.put(settings.SAVED_VIEWS, json.dumps([{"name": "幸福", "filter": {"area": "幸福小区"}}]))
    path = archive.path
    archive.close()
    assert _run("handover", path, "--from", "王经理", "--to", "李经理", "--view", "幸福") == 0
    assert "2 customers handed over from 王经理 to 李经理" in capsys.readouterr().out
    assert _run("managers", path) == 0
    out = capsys.readouterr().out
    assert "500" in out and "李经理: 2 customers, under 500; A 0, B 0, C 0, ungraded 2" in out
    assert _run("handover", path, "--from", "王经理", "--to", "李经理", "--view", "没有") == 2
    assert "没有" in capsys.readouterr().err
    assert _run("handover", path, "--from", "王经理", "--to", "李经理") == 0
    with database.Archive.open(path) as again:
        assert [(b.manager, b.size) for b in books.books(again.conn)] == [("李经理", 3)]
        assert len(audit.entries(again.conn, action="handover")) == 2
