"""The A-tier service (seed 002, model.grading.a_service): reward tiers in 吨 with their
boundaries, the year's top ten, the rewards sheet and the senior's call list printed."""
from __future__ import annotations


import pytest

from cli import run_cli
from model.grading import a_service
from model.customers import customers
from model.archive import database
from model import grading
from model.key_accounts import ka_rewards
from model.core import settings
from tests.core.test_reports import assert_cjk_font_embedded, pdf_pages

YEAR = 2025


@pytest.fixture(autouse=True)
def english(qapp):
    settings.put(settings.LANGUAGE, "en")


def a_customer(conn, name: str, tonnes: float | None, tier: str = "A", when: str = f"{YEAR}-05-01") -> int:
    cid = customers.create(conn, {"name": name, "manager": "王经理", "phone": "13812345678"}, "t")
    grading.override(conn, cid, "value_tier", tier, "test data", by="t")
    if tonnes is not None:
        with database.transaction(conn):
            conn.execute("INSERT INTO transactions(customer_id, txn_date, amount, quantity) VALUES (?, ?, ?, ?)",
                         (cid, when, tonnes * 15000, tonnes))
    return cid


def test_the_seed_tiers_are_in_tonnes_with_their_prizes():
    tiers = a_service.reward_rules()
    assert tiers.unit("zh_CN") == "吨" and tiers.unit("en") == "tonnes"
    assert [(t.threshold, t.value) for t in tiers.tiers] == [(1000, 3000), (2000, 5000), (5000, 10000)]
    assert "欧洲七日游" in tiers.tiers[-1].reward("zh_CN") and tiers.ranking_size == 10


@pytest.mark.parametrize("tonnes, reached, missing", [
    (999.9, None, 0.1), (1000, "third", 1000), (1999, "third", 1), (2000, "second", 3000),
    (4999.5, "second", 0.5), (5000, "first", None), (12000, "first", None), (0, None, 1000)])
def test_reward_tier_boundaries(tonnes, reached, missing):
    s = ka_rewards.standing(tonnes, a_service.reward_rules())
    assert (s.reached.key if s.reached else None) == reached
    assert s.missing == (pytest.approx(missing) if missing is not None else None)


def test_rewards_and_top_ten_are_for_a_tier_customers_only(archive):
    conn = archive.conn
    big = a_customer(conn, "大棉企", 5200)
    mid = a_customer(conn, "中棉企", 2000)
    a_customer(conn, "零量", None)
    a_customer(conn, "B类大户", 9000, tier="B")
    a_customer(conn, "去年", 3000, when=f"{YEAR - 1}-12-31")     # last year's volume does not count
    lines = a_service.reward_standings(conn, YEAR)
    assert [(line.name, line.volume, line.standing.reached.key if line.standing.reached else None)
            for line in lines] == [("大棉企", 5200, "first"), ("中棉企", 2000, "second"),
                                   ("去年", 0, None), ("零量", 0, None)]
    assert [line.customer_id for line in a_service.top_ten(conn, YEAR)] == [big, mid]


def test_top_ten_takes_ten_and_ties_at_the_last_place(archive):
    conn = archive.conn
    for i in range(12):
        a_customer(conn, f"会员{i:02d}", 100 * (12 - i) if i < 10 else 300)   # 会员09 = 300 = 会员10/11
    top = a_service.top_ten(conn, YEAR)
    assert len(top) == 12 and top[-1].rank == 10 and top[-3].volume == 300


def test_the_rewards_sheet_prints(archive, tmp_path):
    conn = archive.conn
    a_customer(conn, "大棉企", 5200)
    a_customer(conn, "中棉企", 1500)
    out = tmp_path / "rewards.pdf"
    assert run_cli(["print", "a-rewards", str(archive.path), "--year", str(YEAR), "--pdf", str(out)]) == 0
    text = "\n".join(pdf_pages(out))
    assert "Top ten members of the year 2025" in text and "大棉企" in text
    assert "5,000 tonnes and more" in text and "500 tonnes →" in text
    assert_cjk_font_embedded(out)
    zh = tmp_path / "rewards-zh.pdf"
    assert run_cli(["print", "a-rewards", str(archive.path), "--year", str(YEAR), "--pdf", str(zh),
                    "--language", "zh_CN"]) == 0
    text = "\n".join(pdf_pages(zh))
    assert "年度十佳会员" in text and "吨" in text and "欧洲七日游" in text


def test_the_senior_call_list_prints_for_the_senior(archive, tmp_path, capsys):
    conn = archive.conn
    cid = a_customer(conn, "大棉企", 5200)
    customers.update(conn, cid, {"keyman_name": "张总", "keyman_phone": "13900001111"}, "t")
    out = tmp_path / "senior.pdf"
    assert run_cli(["print", "senior-calls", str(archive.path), "--pdf", str(out)]) == 2   # no senior named
    assert "senior leader" in capsys.readouterr().err
    settings.put(settings.SENIOR_LEADER, "刘副总")
    assert run_cli(["print", "senior-calls", str(archive.path), "--pdf", str(out)]) == 0
    text = "\n".join(pdf_pages(out))
    assert "大棉企" in text and "刘副总" in text and "张总" in text
    assert run_cli(["a-service", str(archive.path), "--year", str(YEAR)]) == 0
    printed = capsys.readouterr().out
    assert "刘副总" in printed and "大棉企" in printed and "First prize" not in printed
