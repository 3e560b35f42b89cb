"""The demo book graded as seed 002 grades (model.demo.demo_seed_grading): A by the trade and by
scarce resources, B by size with own channel or potential, C; deal statuses, importance,
every urgency class, KeyMen, reward tiers, the top ten and the senior's calls."""
from __future__ import annotations

from collections import Counter
from datetime import date, timedelta

import pytest

from model.grading import a_service
from model.archive import database
from model.demo import demo
from model import grading
from model.core import settings
from model.grading import deal

AS_OF = date(2025, 12, 5)       # late in the year: the rewards count the calendar year so far


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    path = tmp_path_factory.mktemp("demo") / "book.kehu"
    counts = demo.build_demo(path, seed=1, as_of=AS_OF)
    archive = database.Archive.open(path)
    grading.apply(archive.conn, grading.compute(grading.load_inputs(archive.conn, AS_OF)))
    yield archive.conn, counts
    archive.close()


def _tiers(conn) -> Counter:
    return Counter((r[0], r[1]) for r in conn.execute(
        "SELECT value, json_extract(detail, '$.rule') FROM grades WHERE scheme = 'value_tier'"))


def test_a_b_and_c_as_the_seed_defines_them(graded):
    conn, _ = graded
    tiers = _tiers(conn)
    assert tiers[("A", "pareto")] > 100 and tiers[("A", "scarce_resources")] >= 1
    b = sum(v for (tier, rule), v in tiers.items() if tier == "B")
    assert 30 <= b <= 150
    assert {rule for (tier, rule) in tiers if tier == "B"} == {"size_own_channel", "size_potential",
                                                                "size_own_channel_potential"}
    # Every B is medium or large, beyond the cut, with its own channel or a potential of 500,000 or more.
    rows = conn.execute("SELECT c.size, c.own_channel, c.potential_amount, json_extract(g.detail, '$.cutoff')"
                        " FROM customers c JOIN grades g ON g.customer_id = c.id AND g.scheme = 'value_tier'"
                        " WHERE g.value = 'B'").fetchall()
    for size, own, potential, cutoff in rows:
        assert size in ("large", "medium") and cutoff == 0.8
        assert own == 1 or (potential or 0) >= 500000
    # C: the small, the ones without a channel or potential, the ones without trade.
    assert tiers[("C", "pareto")] > 300 and tiers[("C", "no_transactions")] > 0


def test_record_fields_have_variety(graded):
    conn, counts = graded
    sizes = Counter(r[0] for r in conn.execute("SELECT size FROM customers"))
    assert set(sizes) == {"large", "medium", "small", None} and sizes["small"] > sizes["large"]
    statuses = Counter(r[0] for r in conn.execute("SELECT deal_status FROM customers"))
    assert set(statuses) == {"closed", "negotiating", "potential", None}
    importance = Counter(deal.importance(r[0]) for r in conn.execute("SELECT potential_amount FROM customers"))
    assert importance[deal.IMPORTANT] > 10 and importance[deal.NOT_IMPORTANT] > 100 and importance[None] > 0
    urgency = Counter(deal.handling_urgency(r[0], AS_OF) for r in conn.execute("SELECT handle_by FROM customers"))
    assert all(urgency[k] > 5 for k in ("urgent", "soon", "not_urgent", "slow")), urgency
    keymen = conn.execute("SELECT count(*), count(DISTINCT keyman_phone) FROM customers"
                          " WHERE keyman_name IS NOT NULL AND keyman_role IS NOT NULL").fetchone()
    assert 100 <= keymen[0] <= 300 and keymen[1] == keymen[0] == counts["seed_keymen"]


def test_reward_tiers_and_a_top_ten(graded):
    conn, _ = graded
    year = AS_OF.year
    standings = a_service.reward_standings(conn, year)
    reached = Counter(line.standing.reached.key if line.standing.reached else None for line in standings)
    assert reached["first"] >= 1 and reached["second"] >= 2 and reached["third"] >= 2 and reached[None] > 10
    top = a_service.top_ten(conn, year)
    assert len(top) == 10 and [line.rank for line in top] == list(range(1, 11))


def test_the_seniors_calls_some_made_some_due(graded):
    conn, _ = graded
    settings.put(settings.SENIOR_LEADER, demo_senior())
    try:
        due = a_service.senior_calls(conn, AS_OF, AS_OF + timedelta(days=6))
        a_tier = len(a_service.a_tier_ids(conn))
        assert 0 < len(due) < a_tier                        # those called lately are not due
        assert any(item.overdue_days > 0 for item in due) and any(item.overdue_days == 0 for item in due)
        assert any("—" in item.reason for item in due)       # with the customer's KeyMan named
    finally:
        settings.put(settings.SENIOR_LEADER, "")


def demo_senior() -> str:
    from model.demo.demo_seed_grading import SENIOR
    return SENIOR
