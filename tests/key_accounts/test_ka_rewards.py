"""Volume reward tiers (ka_rewards.json, seed 002's 5000 / 2000 / 1000) and the yearly ranking."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from model.branch import branch_pack
from model.key_accounts import ka_volumes, key_accounts as ka, ka_rewards
from model.core.resources import resource_path


@pytest.mark.parametrize("volume, reached, nxt, missing", [
    (0, None, "third", 1000),
    (999, None, "third", 1),
    (999.5, None, "third", 0.5),
    (1000, "third", "second", 1000),          # exactly on a threshold reaches it
    (1001, "third", "second", 999),
    (1999, "third", "second", 1),
    (2000, "second", "first", 3000),
    (4999, "second", "first", 1),
    (5000, "first", None, None),              # the top tier: nothing missing
    (12000, "first", None, None),
    (None, None, "third", 1000),
])
def test_tier_boundaries(volume, reached, nxt, missing):
    standing = ka_rewards.standing(volume)
    assert (standing.reached.key if standing.reached else None) == reached
    assert (standing.next.key if standing.next else None) == nxt
    assert standing.missing == missing


def test_defaults_follow_the_seed():
    rules = ka_rewards.load()
    assert [(t.threshold, t.value) for t in rules.tiers] == [(1000, 3000), (2000, 5000), (5000, 10000)]
    assert [t.label("zh_CN") for t in rules.tiers] == ["三等奖", "二等奖", "一等奖"]
    assert rules.ranking_size == 10 and rules.ranking_title("zh_CN") == "年度十佳"


def test_standing_in_words():
    rules = ka_rewards.load()
    assert ka_rewards.standing(1200, rules).text(rules, "en") == "Third prize; 800 units missing for Second prize"
    assert ka_rewards.standing(300, rules).text(rules, "en") == "No tier reached; 700 units missing for Third prize"
    assert ka_rewards.standing(5000, rules).text(rules, "en") == "First prize (the top tier)"


def _rules_copy(tmp_path: Path, change) -> Path:
    folder = tmp_path / "rules"
    shutil.copytree(resource_path("rules"), folder)
    data = json.loads((folder / "ka_rewards.json").read_text(encoding="utf-8"))
    change(data)
    (folder / "ka_rewards.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return folder


@pytest.mark.parametrize("change, words", [
    (lambda d: d["tiers"][1].update(threshold=900), "must rise"),
    (lambda d: d["tiers"][1].update(threshold=1000), "must rise"),
    (lambda d: d["tiers"][0].update(threshold=-5), "positive number"),
    (lambda d: d["tiers"][0].update(threshold="1000"), "positive number"),
    (lambda d: d["tiers"][2].update(value=0), "positive number"),
    (lambda d: d.update(tiers=[]), "list of tiers"),
    (lambda d: d.update(ranking_size=0), "ranking_size"),
])
def test_bad_rules_are_named_and_branch_packs_refuse_them(tmp_path, monkeypatch, change, words):
    folder = _rules_copy(tmp_path, change)
    monkeypatch.setenv("KEHU_RULES_DIR", str(folder))
    with pytest.raises(ka_rewards.RewardRulesError, match=words):
        ka_rewards.load()
    monkeypatch.delenv("KEHU_RULES_DIR")
    problems = branch_pack.check_rules(folder)
    assert any("ka_rewards.json" in p and words in p for p in problems)


def test_a_branch_can_change_the_tiers(tmp_path, monkeypatch):
    folder = _rules_copy(tmp_path, lambda d: d["tiers"][0].update(threshold=500))
    monkeypatch.setenv("KEHU_RULES_DIR", str(folder))
    assert ka_rewards.standing(500).reached.key == "third"
    assert branch_pack.check_rules(folder) == []


def _account(conn, name, *volumes, scope="regional"):
    account_id = ka.create_account(conn, {"name": name, "scope": scope}, "t")
    for period, volume in volumes:
        ka_volumes.set_volume(conn, account_id, period, volume, 1000, "t")
    return account_id


def test_ranking_orders_by_volume_with_ties_by_name(archive):
    conn = archive.conn
    b = _account(conn, "B超市", ("2026", 3000))
    a = _account(conn, "A超市", ("2026-Q1", 1000), ("2026-Q2", 2000))      # 3000 too: tie with B
    c = _account(conn, "C超市", ("2026-01", 4000), ("2026", 100))         # months win over the year row
    _account(conn, "D超市", ("2025", 9000))                               # another year: not ranked
    _account(conn, "E超市")                                               # no volume: not ranked
    ranked = ka_volumes.ranking(conn, 2026)
    assert [(r.rank, r.account_id, r.volume) for r in ranked] == [(1, c, 4000), (2, a, 3000), (2, b, 3000)]
    assert all(r.in_top for r in ranked)
    assert [r.in_top for r in ka_volumes.ranking(conn, 2026, size=1)] == [True, False, False]
    # Eleven accounts: the rules' top ten, the eleventh outside.
    for n in range(8):
        _account(conn, f"F{n}", ("2026", 100 + n))
    ranked = ka_volumes.ranking(conn, 2026)
    assert len(ranked) == 11 and [r.in_top for r in ranked].count(True) == 10
    assert ranked[-1].volume == 100 and ranked[-1].rank == 11


def test_year_total_never_adds_two_granularities():
    Volume = ka_volumes.Volume
    rows = [Volume("2026-Q1", 10, 20), Volume("2026-Q2", 5, None), Volume("2026", 999, 999)]
    assert ka_volumes.year_total(rows, 2026) == Volume("2026", 15, 20)
    assert ka_volumes.year_total(rows, 2025) == Volume("2025", None, None)
