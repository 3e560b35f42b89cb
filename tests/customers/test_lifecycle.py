"""The lifecycle stage (model.customers.lifecycle): each stage on a small hand-computed book, the
archive-wide SQL equal to the per-customer rule, the rules data's seed sentences, the CLI."""
from __future__ import annotations

import random
from datetime import date, timedelta

import pytest

from model.customers import customers, lifecycle
from model.archive import database
from model.grading.deal import months_sql
from model.grading.opportunity import add_months

TODAY = date(2026, 12, 7)

# name: (transactions (date, amount), contacts (dates), expected stage)
BOOK = {
    "潜在甲": ([], ["2026-11-30"], "potential"),
    "新客乙": ([("2026-08-01", 800)], [], "new"),
    "新客边界": ([("2026-06-08", 100)], [], "new"),            # exactly within 6 months
    "成长边界": ([("2026-06-07", 100), ("2026-11-20", 100)], [], "growing"),  # a day over 6 months
    "流失丙": ([("2025-03-01", 900)], ["2026-01-10"], "lost"),
    "挽回丁": ([("2025-03-01", 900)], ["2026-11-20"], "declining"),   # no business, but contacted this month
    "流失壬": ([("2025-03-01", 900)], ["2026-11-01"], "lost"),        # contacted, but not this month
    "衰退戊": ([("2025-05-01", 1000), ("2026-10-01", 500)], [], "declining"),
    "休眠己": ([("2025-03-01", 500), ("2026-02-01", 500)], ["2026-11-01"], "declining"),
    "成长庚": ([("2025-06-01", 1000), ("2026-11-01", 1500)], [], "growing"),
    "成熟辛": ([("2025-06-01", 1000), ("2026-11-01", 1100), ("2026-12-20", 9000)], [], "mature"),
}


def _book(conn, book=BOOK) -> dict[str, int]:
    ids = {}
    with database.transaction(conn):
        for name, (txns, contacts, _) in book.items():
            cid = customers.create(conn, {"name": name, "manager": "王经理"}, by="t")
            ids[name] = cid
            conn.executemany("INSERT INTO transactions(customer_id, txn_date, amount) VALUES (?, ?, ?)",
                             [(cid, d, a) for d, a in txns])
            conn.executemany("INSERT INTO contacts(customer_id, contact_date, channel, recorded_at)"
                             " VALUES (?, ?, 'phone', ?)", [(cid, d, d + "T10:00:00") for d in contacts])
    return ids


def test_each_stage_on_a_hand_computed_book(archive):
    ids = _book(archive.conn)
    for name, (_, _, expected) in BOOK.items():
        key, why = lifecycle.customer_stage(archive.conn, ids[name], TODAY)
        assert key == expected, (name, why)
        assert why
    assert "50%" in lifecycle.customer_stage(archive.conn, ids["衰退戊"], TODAY)[1]
    assert "50%" in lifecycle.customer_stage(archive.conn, ids["成长庚"], TODAY)[1]
    # The transaction after today does not count.
    assert lifecycle.facts(archive.conn, ids["成熟辛"], TODAY).recent_amount == 1100


def test_the_archive_wide_computation_equals_the_per_customer_rule(archive):
    ids = _book(archive.conn)
    rng = random.Random(7)
    book = {}
    for n in range(150):
        txns = [((TODAY - timedelta(days=rng.randint(-20, 1200))).isoformat(), rng.choice((100, 250, 1000)))
                for _ in range(rng.choice((0, 1, 2, 3, 6)))]
        contacts = [(TODAY - timedelta(days=rng.randint(0, 500))).isoformat() for _ in range(rng.randint(0, 2))]
        book[f"客户{n}"] = (txns, contacts, None)
    ids.update(_book(archive.conn, book))
    customers.delete(archive.conn, ids["客户0"], by="t")
    staged = lifecycle.stages(archive.conn, TODAY)
    assert ids["客户0"] not in staged
    live = [i for i in ids.values() if i != ids["客户0"]]
    assert staged == {i: lifecycle.customer_stage(archive.conn, i, TODAY)[0] for i in live}
    # The customer list's expression (one sub-query per fact) gives the same.
    column = lifecycle.customer_stage_sql(TODAY)
    listed = dict(archive.conn.execute(f"SELECT c.id, {column} FROM customers c WHERE c.deleted_at IS NULL"))
    assert listed == staged
    # ... also as of the day the query runs.
    live_today = dict(archive.conn.execute(
        f"SELECT c.id, {lifecycle.customer_stage_sql()} FROM customers c WHERE c.deleted_at IS NULL"))
    assert live_today == {i: lifecycle.customer_stage(archive.conn, i)[0] for i in live}
    counts = lifecycle.counts(archive.conn, TODAY)
    assert list(counts) == list(lifecycle.STAGES)
    assert sum(counts.values()) == len(live)
    assert counts == {k: sum(1 for s in staged.values() if s == k) for k in lifecycle.STAGES}
    assert len(set(staged.values())) == 6
    assert lifecycle.counts(archive.conn, TODAY, "c.name = ?", ["新客乙"]) == {
        **dict.fromkeys(lifecycle.STAGES, 0), "new": 1}


@pytest.mark.parametrize("day", ["2026-12-07", "2026-08-31", "2026-03-31", "2024-02-29", "2026-01-31"])
def test_sql_months_are_the_same_as_add_months(archive, day):
    d = date.fromisoformat(day)
    for months in (-24, -12, -6, -1, 1, 3):
        got = archive.conn.execute(f"SELECT {months_sql(months, repr(day))}").fetchone()[0]
        assert got == add_months(d, months).isoformat(), (day, months)


def test_the_rules_data_has_the_seed_sentences():
    r = lifecycle.lifecycle_rules()
    assert [s.key for s in r.stages] == list(lifecycle.STAGES)
    assert [s.label_zh for s in r.stages] == ["潜在", "新客", "成长", "成熟", "衰退", "流失"]
    assert all(s.source for s in r.stages)
    data = lifecycle.rules.load_json("lifecycle.json")
    assert "客户吸引阶段" in data["source"]
    for key in ("new_months", "lost_months", "lost_contact_months", "dormant_months", "decline_share",
                "growth_share"):
        assert data[f"{key}_source"], key


def _run(*argv) -> int:
    from cli import run_cli
    return run_cli([str(a) for a in argv])


def test_cli_counts_and_lists_a_stage(qapp, archive, capsys):
    _book(archive.conn)
    path = archive.path
    archive.close()
    assert _run("lifecycle", path, "--date", TODAY.isoformat()) == 0
    out = capsys.readouterr().out
    assert "Lost: 2" in out and "Declining: 3" in out and "Potential: 1" in out and "Mature: 1" in out
    assert _run("lifecycle", path, "--date", TODAY.isoformat(), "--stage", "new") == 0
    listed = capsys.readouterr().out
    assert "新客乙" in listed and "新客边界" in listed and "流失丙" not in listed
    assert "王经理" in listed
    with pytest.raises(SystemExit) as refused:
        _run("lifecycle", path, "--stage", "nonsense")
    assert refused.value.code == 2
