"""The grading engines on hand-worked examples: pure functions over pandas frames."""
from __future__ import annotations

import itertools
from dataclasses import replace
from datetime import date, timedelta

import numpy as np
import pandas as pd
import pytest

from model import grading
from model.grading import opportunity, persona, rfm, ruleset, value_tier

AS_OF = date(2025, 6, 30)


@pytest.fixture
def rules():
    return ruleset.load()


def activity(rows: dict[int, tuple]) -> pd.DataFrame:
    """{id: (amount, count, days_before_as_of[, volume])} as the inputs' activity frame."""
    frame = pd.DataFrame(
        [(cid, r[0], r[3] if len(r) > 3 else 0.0, r[1], pd.Timestamp(AS_OF - timedelta(days=r[2])))
         for cid, r in rows.items()],
        columns=["id", "amount", "volume", "count", "last_date"])
    return frame.set_index("id")


def two_cuts():
    """The Pareto mechanics with a second cut (a branch may keep A 80% / B 95%); the seed's own
    rules (one 80% cut, scarce resources, size) are tested below."""
    return replace(ruleset.load().value_tier, cutoffs=(("A", 0.80), ("B", 0.95)))


def tiers(amounts: dict[int, float], population=None, tier_rules=None) -> pd.DataFrame:
    rules = tier_rules or two_cuts()
    act = activity({cid: (a, 1, 1) for cid, a in amounts.items()})
    return value_tier.compute(act, pd.Index(population or sorted(amounts)), rules)


# -- value tier ------------------------------------------------------------

def test_the_customer_reaching_exactly_80_percent_is_still_a():
    frame = tiers({1: 50, 2: 30, 3: 15, 4: 5}, population=[1, 2, 3, 4, 5])
    assert frame["value"].to_dict() == {1: "A", 2: "A", 3: "B", 4: "C", 5: "C"}
    assert frame.loc[2, "share_before"] == pytest.approx(0.5)
    assert frame.loc[2, "cum_share"] == pytest.approx(0.8)
    assert frame.loc[3, "share_before"] == pytest.approx(0.8)   # 80% already reached: B
    assert frame.loc[3, "cum_share"] == pytest.approx(0.95)
    assert frame.loc[4, "share_before"] == pytest.approx(0.95)  # 95% already reached: C
    assert frame["rank"].tolist()[:4] == [1, 2, 3, 4]
    assert frame.loc[5, "rule"] == "no_transactions"
    assert frame.loc[1, "cutoff"] == 0.8 and frame.loc[3, "cutoff"] == 0.95 and frame.loc[4, "cutoff"] == 0.95


def test_a_customer_crossing_the_cut_is_included_the_next_one_not():
    frame = tiers({1: 60, 2: 30, 3: 10})   # 60% → then 90%: customer 2 crosses 80%
    assert frame["value"].tolist() == ["A", "A", "B"]


def test_equal_amounts_share_a_tier_and_a_rank():
    frame = tiers({1: 40, 2: 40, 3: 10, 4: 10})
    assert frame["value"].tolist() == ["A", "A", "B", "B"]
    assert frame["rank"].tolist() == [1, 1, 3, 3]
    assert frame["tie_size"].tolist() == [2, 2, 2, 2]


def test_a_tie_group_straddling_a_cut_goes_wholly_to_the_better_tier():
    # 70 of 110 = 63.6% before the pair of 20s; the pair ends at 100%: both A.
    frame = tiers({1: 70, 2: 20, 3: 20})
    assert frame["value"].tolist() == ["A", "A", "A"]
    # A until 80%: 50+31 = 81 → the tie of 9s starts at 81% < 95%: both B, though the second ends at 99%.
    frame = tiers({1: 50, 2: 31, 3: 9, 4: 9, 5: 1})
    assert frame["value"].tolist() == ["A", "A", "B", "B", "C"]


def test_float_noise_does_not_split_a_tie():
    rules = ruleset.load().value_tier
    act = activity({1: (0.1 + 0.2, 1, 1), 2: (0.3, 1, 1)})
    frame = value_tier.compute(act, pd.Index([1, 2]), rules)
    assert frame["rank"].tolist() == [1, 1]


def test_total_zero_puts_everyone_in_c_with_that_reason():
    frame = tiers({1: 0, 2: -10}, population=[1, 2, 3])
    assert frame["value"].tolist() == ["C", "C", "C"]
    assert set(frame["rule"]) == {"total_zero"}
    assert frame.attrs["total"] == 0


def test_no_transactions_and_no_positive_amount_are_c():
    frame = tiers({1: 100, 2: -5}, population=[1, 2, 3])
    assert frame["value"].to_dict() == {1: "A", 2: "C", 3: "C"}
    assert frame.loc[2, "rule"] == "no_volume"
    assert frame.loc[3, "rule"] == "no_transactions"
    assert frame.loc[1, "ranked"] == 1


def test_volume_basis_ranks_by_quantity():
    rules = replace(ruleset.load().value_tier, basis="volume")
    act = activity({1: (1000, 1, 1, 1.0), 2: (10, 1, 1, 99.0)})
    frame = value_tier.compute(act, pd.Index([1, 2]), rules)
    assert frame["value"].to_dict() == {1: "C", 2: "A"}   # 99 of 100 units before customer 1
    assert frame.loc[2, "basis_value"] == 99.0


def test_other_cutoffs_from_rules():
    rules = replace(ruleset.load().value_tier, cutoffs=(("A", 0.5), ("B", 0.8)))
    frame = tiers({1: 50, 2: 30, 3: 15, 4: 5}, tier_rules=rules)
    assert frame["value"].tolist() == ["A", "B", "C", "C"]


def test_pareto_curve_points():
    curve = value_tier.pareto_curve(tiers({1: 50, 2: 30, 3: 20}, population=[1, 2, 3, 4]))
    assert curve["customer_share"].tolist() == [0.25, 0.5, 0.75]
    assert curve["value_share"].tolist() == pytest.approx([0.5, 0.8, 1.0])
    assert curve["tier"].tolist() == ["A", "A", "B"]


# -- value tier: seed 002's own rules ---------------------------------------

def record(rows: dict[int, tuple]) -> pd.DataFrame:
    """{id: (size, potential_amount, own_channel, scarce_resources)} as the record columns."""
    return pd.DataFrame([(cid, *r) for cid, r in rows.items()],
                        columns=["id", "size", "potential_amount", "own_channel", "scarce_resources"],
                        dtype=object).set_index("id")


def seed_tiers(amounts, rec, population):
    act = activity({cid: (a, 1, 1) for cid, a in amounts.items()})
    return value_tier.compute(act, pd.Index(population), ruleset.load().value_tier, rec)


def test_the_seed_has_one_cut_at_80_percent_and_no_95_percent_cut():
    rules = ruleset.load().value_tier
    assert rules.cutoffs == (("A", 0.80),)
    assert rules.values == ("A", "B", "C")
    assert rules.label("A", "zh") == "A类客户" and "核心" not in rules.label("A", "zh")
    # Without size or resources, everything beyond 80% is C (no B by volume any more).
    frame = seed_tiers({1: 50, 2: 30, 3: 15, 4: 5}, None, [1, 2, 3, 4])
    assert frame["value"].tolist() == ["A", "A", "C", "C"]


def test_b_is_a_large_or_medium_customer_with_little_volume_and_own_channel_or_large_potential():
    # Amounts 800 + 200 = 1000: customer 1 alone reaches 80% → A; customer 2 (200) is beyond the cut.
    rec = record({1: ("small", None, 0, 0),
                  2: ("large", None, 1, 0),          # large, own channel, little volume → B
                  3: ("medium", 600000.0, 0, 0),     # medium, potential 600k ≥ 500k, no trade → B
                  4: ("medium", 499999.0, 0, 0),     # potential just below the line → C
                  5: ("small", 9e6, 1, 0),           # small: never B, whatever its potential
                  6: ("medium", 500000.0, 1, None)})  # both reasons, exactly on the line → B
    frame = seed_tiers({1: 800, 2: 200}, rec, [1, 2, 3, 4, 5, 6])
    assert frame["value"].to_dict() == {1: "A", 2: "B", 3: "B", 4: "C", 5: "C", 6: "B"}
    assert frame["rule"].to_dict() == {1: "pareto", 2: "size_own_channel", 3: "size_potential",
                                       4: "no_transactions", 5: "no_transactions",
                                       6: "size_own_channel_potential"}
    assert frame.loc[2, "pareto_rule"] == "pareto" and frame.loc[3, "pareto_rule"] == "no_transactions"


def test_a_by_scarce_resources_whatever_the_volume():
    rec = record({1: (None, None, None, 0), 2: (None, None, None, 1), 3: ("large", 1e7, 1, 1)})
    frame = seed_tiers({1: 900, 2: 100}, rec, [1, 2, 3])
    assert frame["value"].to_dict() == {1: "A", 2: "A", 3: "A"}
    assert frame["rule"].to_dict() == {1: "pareto", 2: "scarce_resources", 3: "scarce_resources"}


def test_a_pareto_customer_stays_pareto_even_with_scarce_resources():
    rec = record({1: ("large", 1e7, 1, 1)})
    frame = seed_tiers({1: 900}, rec, [1])
    assert frame.loc[1, "rule"] == "pareto" and frame.loc[1, "value"] == "A"


def test_each_grade_shows_the_rule_that_fired(archive):
    from model.customers import customers
    conn = archive.conn
    big = customers.create(conn, {"name": "大厂", "size": "大型", "own_channel": "是"}, "t")
    rare = customers.create(conn, {"name": "资源户", "scarce_resources": "yes"}, "t")
    small = customers.create(conn, {"name": "小户", "size": "小型", "potential_amount": "¥9,000,000"}, "t")
    comp = grading.compute(grading.load_inputs(conn, AS_OF))
    assert comp.value_tier["value"].to_dict() == {big: "B", rare: "A", small: "C"}
    assert "own supply channel" in comp.explain(big, grading.VALUE_TIER, "en")
    assert "scarce resources" in comp.explain(rare, grading.VALUE_TIER, "en")
    assert "not of size medium or above" in comp.explain(small, grading.VALUE_TIER, "en")
    assert comp.detail(grading.VALUE_TIER, big)["size"] == "large"


# -- RFM -------------------------------------------------------------------

def test_rfm_against_the_mean_hand_worked():
    rules = ruleset.load().rfm
    act = activity({1: (100, 5, 10), 2: (500, 1, 20), 3: (300, 3, 60)})
    frame = rfm.compute(act, pd.Index([1, 2, 3, 4]), AS_OF, rules)
    # means: R 30 days, F 3, M 300 (customer 4 has none and is not in the means)
    assert frame.attrs["thresholds"] == {"r": 30.0, "f": 3.0, "m": 300.0}
    assert frame["value"].to_dict() == {1: "general_value", 2: "important_develop", 3: "important_keep",
                                        4: grading.NO_TRANSACTIONS}
    assert frame.loc[1, ["r", "f", "m"]].tolist() == [10, 5, 100]
    assert frame.loc[3, "f_high"] and frame.loc[3, "m_high"] and not frame.loc[3, "r_high"]
    assert pd.isna(frame.loc[4, "r"]) and frame.loc[4, "f"] == 0


def test_all_eight_rfm_types():
    rules = ruleset.load().rfm
    rows, expected = {}, {}
    for cid, (r_high, f_high, m_high) in enumerate(itertools.product([True, False], repeat=3), start=1):
        rows[cid] = (1000 if m_high else 10, 10 if f_high else 1, 1 if r_high else 100)
        expected[cid] = rules.type_for(r_high, f_high, m_high).key
    frame = rfm.compute(activity(rows), pd.Index(sorted(rows)), AS_OF, rules)
    assert frame["value"].to_dict() == expected
    assert sorted(expected.values()) == sorted(t.key for t in rules.types)
    table = {(t.r_high, t.f_high, t.m_high): t.label_zh for t in rules.types}
    assert table == {(True, True, True): "重要价值", (True, False, True): "重要发展",
                     (False, True, True): "重要保持", (False, False, True): "重要挽留",
                     (True, True, False): "一般价值", (True, False, False): "一般发展",
                     (False, True, False): "一般保持", (False, False, False): "一般挽留"}
    assert all(t.action_en and t.action_zh for t in rules.types)


def test_values_equal_to_the_mean_are_high():
    rules = ruleset.load().rfm
    frame = rfm.compute(activity({1: (100, 2, 5), 2: (100, 2, 5)}), pd.Index([1, 2]), AS_OF, rules)
    assert set(frame["value"]) == {"important_value"}


def test_quintile_scores():
    assert rfm.quintile_scores(np.arange(1.0, 11.0)).tolist() == [1, 1, 2, 2, 3, 3, 4, 4, 5, 5]
    assert rfm.quintile_scores(np.array([7.0])).tolist() == [5]
    assert rfm.quintile_scores(np.array([1.0, 1.0, 1.0, 9.0, 9.0])).tolist() == [3, 3, 3, 5, 5]
    # R: fewer days is better
    assert rfm.quintile_scores(np.array([1.0, 50.0, 300.0, 10.0, 100.0]), higher_is_better=False).tolist() \
        == [5, 3, 1, 4, 2]


def test_rfm_by_quintile_uses_the_high_from_score():
    rules = replace(ruleset.load().rfm, method="quintile", quintile_high_from=3)
    rows = {cid: (cid * 100.0, cid, 11 - cid) for cid in range(1, 11)}   # 10 is best on all three
    frame = rfm.compute(activity(rows), pd.Index(sorted(rows)), AS_OF, rules)
    assert frame["m_score"].tolist() == [1, 1, 2, 2, 3, 3, 4, 4, 5, 5]
    assert frame["r_score"].tolist() == [1, 1, 2, 2, 3, 3, 4, 4, 5, 5]
    assert frame.loc[10, "value"] == "important_value" and frame.loc[5, "value"] == "important_value"
    assert frame.loc[4, "value"] == "general_win_back"
    assert frame.attrs["thresholds"] == {"high_from": 3}
    stricter = rfm.compute(activity(rows), pd.Index(sorted(rows)), AS_OF, replace(rules, quintile_high_from=5))
    assert stricter.loc[8, "value"] == "general_win_back" and stricter.loc[9, "value"] == "important_value"


# -- persona ---------------------------------------------------------------

def customers_with(profiles: list[dict]) -> pd.DataFrame:
    from model.core import rules as base_rules
    columns = [d.column for d in base_rules.dimensions()]
    return pd.DataFrame([{c: p.get(c[4:]) for c in columns} for p in profiles],
                        index=pd.Index(range(1, len(profiles) + 1)), dtype=object)


def test_the_persona_table_as_in_domain(rules):
    table = {p.label_zh: [",".join(p.codes[k]) for k in rules.persona.dimension_keys]
             for p in rules.persona.personas}
    assert table == {
        "成功人士": ["1.4", "2.3", "3.1", "4.1", "5.1", "6.3", "7.2", "8.1", "9.1"],
        "职场金领": ["1.4", "2.3", "3.2", "4.1,4.2", "5.1", "6.1", "7.2", "8.1,8.2", "9.1,9.2"],
        "富裕二代": ["1.3", "2.1,2.2", "3.4", "4.2", "5.1,5.2", "6.3,6.4", "7.2,7.3", "8.1", "9.2"],
        "职场白领": ["1.3", "2.2,2.3", "3.3", "4.3,4.4", "5.2,5.3", "6.1,6.4", "7.2,7.3", "8.2", "9.2"],
        "工薪一族": ["1.3", "2.1,2.2", "3.3", "4.4,4.5", "5.4,5.5", "6.1,6.4", "7.3", "8.2,8.3", "9.2"],
        "乐享晚年": ["1.5", "2.2,2.4", "3.4", "4.3,4.4", "5.3", "6.2", "7.3", "8.3", "9.1"],
        "全职主妇": ["1.3,1.4", "2.3", "3.4", "4.3,4.4", "5.2,5.3", "6.2", "7.3", "8.2,8.3", "9.1"],
    }
    assert all(p.label_en for p in rules.persona.personas)
    assert set(rules.persona.target_personas) <= {p.key for p in rules.persona.personas}


def test_each_persona_row_matches_itself_best_with_score_one(rules):
    keys = rules.persona.dimension_keys
    profiles, owners = [], []
    for p in rules.persona.personas:
        for combo in itertools.product(*(p.codes[k] for k in keys)):   # every allowed combination
            profiles.append(dict(zip(keys, combo)))
            owners.append(p.key)
    frame = persona.compute(customers_with(profiles), rules.persona)
    assert frame["value"].tolist() == owners
    assert set(frame["score"]) == {1.0}
    assert set(frame["statuses"]) == {"M" * len(keys)}


def test_dimension_statuses_and_score(rules):
    # A retiree profile with two dimensions that do not fit and two unknown.
    profile = {"age": "1.5", "family": "2.4", "occupation": "3.4", "financial_assets": "4.1",
               "property": "5.3", "schedule": "6.1", "risk_appetite": None, "consumption": None, "channel": "9.1"}
    frame = persona.compute(customers_with([profile]), rules.persona)
    row = frame.iloc[0]
    assert row["value"] == "enjoying_retirement"
    assert (row["matched"], row["known"]) == (5, 7)
    assert row["score"] == pytest.approx(5 / 7, abs=1e-4)
    assert persona.explain_dimensions(row["statuses"], rules.persona.dimension_keys) == {
        "age": "matched", "family": "matched", "occupation": "matched", "financial_assets": "not_matched",
        "property": "matched", "schedule": "not_matched", "risk_appetite": "unknown",
        "consumption": "unknown", "channel": "matched"}


def test_too_few_known_dimensions_is_not_enough_information(rules):
    five = {"age": "1.3", "family": "2.1", "occupation": "3.3", "financial_assets": "4.5", "property": "5.5"}
    four = dict(list(five.items())[:4])
    bad_code = {**four, "property": "5.9"}            # not a value of the dimension: unknown
    frame = persona.compute(customers_with([{}, four, five, bad_code]), rules.persona)
    assert frame["value"].tolist() == [grading.NOT_ENOUGH_INFORMATION, grading.NOT_ENOUGH_INFORMATION,
                                       "wage_earner", grading.NOT_ENOUGH_INFORMATION]
    assert frame["known"].tolist() == [0, 4, 5, 4]
    assert pd.isna(frame.loc[1, "score"])
    looser = replace(rules.persona, min_known=4)
    assert persona.compute(customers_with([four]), looser)["value"].tolist() == ["wage_earner"]


def test_ties_go_to_the_narrower_persona_and_are_reported(rules):
    # age, family, assets 4.1, risk 7.2, channel 9.1 fit both 成功人士 and 职场金领 fully;
    # 成功人士 allows one code on each, 职场金领 two on assets and channel: 成功人士 wins.
    profile = {"age": "1.4", "family": "2.3", "financial_assets": "4.1", "risk_appetite": "7.2",
               "channel": "9.1"}
    row = persona.compute(customers_with([profile]), rules.persona).iloc[0]
    assert row["value"] == "successful" and row["score"] == 1.0
    assert row["tied_with"] == ("senior_professional",)
    # Equal on everything: the order of the rules file decides.
    swapped = replace(rules.persona, personas=tuple(reversed(rules.persona.personas)))
    same = {"age": "1.3", "family": "2.2", "occupation": "3.3", "schedule": "6.1", "channel": "9.2"}
    first = persona.compute(customers_with([same]), rules.persona).iloc[0]
    second = persona.compute(customers_with([same]), swapped).iloc[0]
    assert {first["value"], second["value"]} == {"white_collar", "wage_earner"}
    assert first["value"] != second["value"]


def test_a_persona_needs_more_than_half_the_known_dimensions_to_agree(rules):
    assert rules.persona.min_score_above == 0.5
    # 6 known: 4 of the retiree's codes agree (0.67) → 乐享晚年; 3 of 6 (0.5) → no persona.
    four = {"age": "1.5", "family": "2.4", "occupation": "3.4", "property": "5.3",
            "schedule": "6.1", "consumption": "8.1"}
    three = {**four, "property": "5.1"}
    frame = persona.compute(customers_with([four, three]), rules.persona)
    assert frame["value"].tolist() == ["enjoying_retirement", grading.NO_MATCH]
    # 5.1, 6.1, 8.1: also 3 of 6, narrower
    assert frame.loc[2, "score"] == pytest.approx(0.5) and frame.loc[2, "best"] == "senior_professional"
    assert pd.isna(frame.loc[1, "best"])
    looser = replace(rules.persona, min_score_above=0.0)
    assert persona.compute(customers_with([three]), looser)["value"].tolist() == ["senior_professional"]


def test_no_persona_is_explained_with_the_closest_one(archive):
    from model.customers import customers
    conn = archive.conn
    cid = customers.create(conn, {"name": "甲", "dim_age": "1.5", "dim_family": "2.4", "dim_occupation": "3.4",
                                  "dim_property": "5.1", "dim_schedule": "6.1", "dim_consumption": "8.1"}, "t")
    comp = grading.compute(grading.load_inputs(conn, AS_OF))
    assert comp.persona.loc[cid, "value"] == grading.NO_MATCH
    text = comp.explain(cid, grading.PERSONA, "en")
    assert "Closest senior professional: only 3 of 6" in text and "above 0.50" in text
    assert grading.value_label(grading.PERSONA, grading.NO_MATCH, "en") == "no persona"
    grading.apply(conn, comp)
    assert grading.distribution(conn)["persona"] == {grading.NO_MATCH: 1}


def test_rfm_types_show_the_seeds_names_and_actions(rules):
    names = {t.key: t.seed_label("zh") for t in rules.rfm.types}
    assert names == {"important_value": "最有价值客户", "important_develop": "最近活跃客户",
                     "general_value": "最频繁客户", "important_win_back": "大金额客户",
                     "important_keep": "再次挽留客户", "general_keep": "再次挽留客户",
                     "general_win_back": "再次挽留客户", "general_develop": "新获得客户"}
    best = rules.rfm.type("important_value")
    assert grading.value_label(grading.RFM, "important_value", "zh_CN", rules) == "重要价值（最有价值客户）"
    assert grading.value_label(grading.RFM, "general_develop", "en", rules) == "general develop (new) (new customers)"
    assert "个性化的购物体验" in best.action("zh")       # the seed's own suggested action


# -- opportunity -----------------------------------------------------------

EXPECTED_GRADES = {
    "clear": {"1m": "A", "3m": "B", "6m": "C", "later": "D", "never": "E"},
    "latent": {"1m": "D", "3m": "D", "6m": "D", "later": "D", "never": "E"},
    "none": {"1m": "E", "3m": "E", "6m": "E", "later": "E", "never": "E"},
}


@pytest.mark.parametrize("need,close", [(n, c) for n in EXPECTED_GRADES for c in EXPECTED_GRADES[n]])
def test_every_answer_combination(rules, need, close):
    graded = opportunity.grade(need, close, AS_OF, rules.opportunity)
    assert graded.value == EXPECTED_GRADES[need][close]
    cadence = {"A": ("daily", 1), "B": ("weekly", 7), "C": ("half_month", 15), "D": ("monthly", 30),
               "E": ("none", None)}[graded.value]
    assert (graded.cadence, graded.cadence_days) == cadence
    # no contact yet: due on the day graded (none for E)
    assert graded.next_tracking_date == (None if graded.value == "E" else AS_OF)


def test_next_tracking_date_from_the_last_contact(rules):
    last = date(2025, 6, 20)
    assert opportunity.grade("clear", "3m", AS_OF, rules.opportunity, last_contact=last).next_tracking_date \
        == date(2025, 6, 27)
    assert opportunity.grade("clear", "6m", AS_OF, rules.opportunity, last_contact=last).next_tracking_date \
        == date(2025, 7, 5)
    assert opportunity.grade("none", "1m", AS_OF, rules.opportunity, last_contact=last).next_tracking_date \
        is None


def test_expected_close_dates_and_urgency(rules):
    opp = rules.opportunity
    cases = {"1m": (date(2025, 7, 30), "soon"), "3m": (date(2025, 9, 30), "not_urgent"),
             "6m": (date(2025, 12, 30), "slow"), "later": (None, "slow"), "never": (None, None)}
    for close, (when, urgency) in cases.items():
        graded = opportunity.grade("clear", close, AS_OF, opp)
        assert (graded.expected_close_date, graded.urgency) == (when, urgency), close
    assert opportunity.urgency("1m", AS_OF + timedelta(days=7), AS_OF, opp) == "urgent"
    assert opportunity.urgency("1m", AS_OF + timedelta(days=8), AS_OF, opp) == "soon"
    assert opportunity.urgency("1m", AS_OF - timedelta(days=3), AS_OF, opp) == "urgent"   # past: act now
    assert opportunity.urgency("3m", date(2025, 9, 30), AS_OF, opp) == "not_urgent"
    assert opportunity.urgency("6m", date(2025, 10, 1), AS_OF, opp) == "slow"


def test_an_exact_close_date_picks_its_answer(rules):
    opp = rules.opportunity
    assert opportunity.close_for_date(date(2025, 7, 30), AS_OF, opp) == "1m"
    assert opportunity.close_for_date(date(2025, 7, 31), AS_OF, opp) == "3m"
    assert opportunity.close_for_date(date(2025, 12, 30), AS_OF, opp) == "6m"
    assert opportunity.close_for_date(date(2026, 3, 1), AS_OF, opp) == "later"


def test_add_months_clamps_the_day():
    assert opportunity.add_months(date(2025, 1, 31), 1) == date(2025, 2, 28)
    assert opportunity.add_months(date(2024, 1, 31), 1) == date(2024, 2, 29)
    assert opportunity.add_months(date(2025, 11, 15), 3) == date(2026, 2, 15)
