"""The 101 checklist: template loading and checking, weighted score with N/A items,
template versions kept with each run (a changed file under the same version is a
new revision), runs saved all or nothing, and the branch-pack check of the file."""
from __future__ import annotations

import json
import shutil
from datetime import date, timedelta
from pathlib import Path

import pytest

from model.branch import branch_pack
from model.partners import checklists, partners
from model.core.resources import resource_path


@pytest.fixture
def partner(archive) -> int:
    return partners.create(archive.conn, partners.Partner("华兴批发", "distributor", "东城区"), "test")


@pytest.fixture
def rules_copy(tmp_path, monkeypatch) -> Path:
    """A branch's own copy of the rules folder, read instead of the shipped one."""
    folder = tmp_path / "rules"
    shutil.copytree(resource_path("rules"), folder)
    monkeypatch.setenv("KEHU_RULES_DIR", str(folder))
    return folder


def _template(weights: dict[str, float]) -> checklists.Template:
    parts = checklists.current_template().parts
    items = tuple(checklists.Item(part, key, w, key, key) for (part, key), w in
                  zip([("qualification", k) if n == 0 else ("cooperation", k) if n == 1 else ("management", k)
                       for n, k in enumerate(weights)], weights.values()))
    return checklists.Template("t", parts, items)


def answers(template: checklists.Template, default: str = "met", **given) -> dict:
    return {i.key: checklists.Result(i.key, given.get(i.key, default)) for i in template.items}


def test_shipped_template_follows_domain_parts():
    template = checklists.current_template()
    assert template.version == "2026.1"
    assert [p.key for p in template.parts] == list(checklists.PARTS)
    assert {p.title_zh for p in template.parts} == {"资格认定", "合作互利关系", "管理规范和程序"}
    keys = [i.key for i in template.items]
    assert len(keys) == len(set(keys)) >= 12
    for part in checklists.PARTS:
        assert template.items_of(part), part
    assert all(i.weight > 0 and i.guidance_en and i.guidance_zh for i in template.items)
    # Items come in part order.
    order = [checklists.PARTS.index(i.part) for i in template.items]
    assert order == sorted(order)


def test_score_weighs_met_items_over_applicable_ones():
    t = _template({"a": 3, "b": 2, "c": 5})
    assert checklists.score(t, answers(t)) == 100.0
    assert checklists.score(t, answers(t, c="not_met")) == 50.0            # 5 of 10
    assert checklists.score(t, answers(t, a="not_met", b="na")) == 62.5    # 5 of 8: b left out
    assert checklists.score(t, answers(t, default="not_met")) == 0.0
    assert checklists.score(t, {"a": "met", "b": "na", "c": "not_met"}) == 37.5   # plain values too


def test_all_not_applicable_has_no_score():
    t = _template({"a": 3, "b": 2, "c": 5})
    assert checklists.score(t, answers(t, default="na")) is None
    assert checklists.score_text(None) == "—"
    assert checklists.score_text(62.5) == "62.5%"


def test_save_run_stores_results_score_and_actions(archive, partner):
    conn = archive.conn
    template = checklists.current_template()
    results = answers(template, warehouse="not_met", our_incentives="na")
    results["warehouse"].note = "货架积灰，先进先出未执行"
    action = checklists.Action("整理仓库", "王建国", date.today() + timedelta(days=7), "warehouse")
    run_id = checklists.save_run(conn, checklists.Run(partner, date(2026, 5, 1), "李经理", results, [action]), "test")
    total = sum(i.weight for i in template.items) - template.item("our_incentives").weight
    expected = round(100 * (total - template.item("warehouse").weight) / total, 1)
    run = checklists.load_run(conn, run_id)
    assert run.score == expected
    assert run.results["warehouse"].result == "not_met"
    assert run.results["warehouse"].note == "货架积灰，先进先出未执行"
    assert run.results["our_incentives"].result == "na"
    assert [(a.text, a.owner, a.status, a.item_key) for a in run.actions] == [
        ("整理仓库", "王建国", "open", "warehouse")]
    [summary] = checklists.runs(conn, partner)
    assert (summary.met, summary.not_met, summary.na, summary.open_actions) == (len(template.items) - 2, 1, 1, 1)
    assert summary.template_label == "2026.1"


def test_incomplete_or_bad_run_is_refused_and_writes_nothing(archive, partner):
    conn = archive.conn
    template = checklists.current_template()
    results = answers(template)
    del results["delivery"]
    with pytest.raises(checklists.ChecklistError, match="Answer every item"):
        checklists.save_run(conn, checklists.Run(partner, date.today(), "李经理", results), "test")
    with pytest.raises(checklists.ChecklistError, match="reviewer"):
        checklists.save_run(conn, checklists.Run(partner, date.today(), "  ", answers(template)), "test")
    bad_action = checklists.Action("补货", "", date.today())
    with pytest.raises(checklists.ChecklistError, match="owner"):
        checklists.save_run(conn, checklists.Run(partner, date.today(), "李经理", answers(template), [bad_action]),
                            "test")
    assert conn.execute("SELECT count(*) FROM checklist_runs").fetchone()[0] == 0
    assert conn.execute("SELECT count(*) FROM partner_actions").fetchone()[0] == 0


def test_a_failing_action_rolls_the_whole_run_back(archive, partner, monkeypatch):
    conn = archive.conn
    template = checklists.current_template()

    def broken(*_args, **_kw):
        raise partners.PartnerError("disk trouble")
    monkeypatch.setattr(partners, "add_action", broken)
    action = checklists.Action("补货", "王", date.today())
    with pytest.raises(partners.PartnerError):
        checklists.save_run(conn, checklists.Run(partner, date.today(), "李经理", answers(template), [action]), "t")
    assert conn.execute("SELECT count(*) FROM checklist_runs").fetchone()[0] == 0
    assert conn.execute("SELECT count(*) FROM checklist_results").fetchone()[0] == 0


def test_old_run_keeps_its_template_after_the_rules_change(archive, partner, rules_copy):
    conn = archive.conn
    checklists._load.cache_clear()
    first = checklists.current_template()
    old_id = checklists.save_run(conn, checklists.Run(partner, date(2026, 1, 5), "李经理",
                                                      answers(first, warehouse="not_met")), "test")
    old_score = checklists.load_run(conn, old_id).score

    # The branch raises the warehouse weight, adds an item and bumps the version.
    data = json.loads((rules_copy / "checklist_101.json").read_text(encoding="utf-8"))
    data["version"] = "2026.2"
    for item in data["items"]:
        if item["key"] == "warehouse":
            item["weight"] = 10
    data["items"].append({"part": "management", "key": "digital_orders", "weight": 1, "title_en": "Orders online",
                          "title_zh": "线上订货", "guidance_en": "", "guidance_zh": ""})
    (rules_copy / "checklist_101.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    checklists._load.cache_clear()
    second = checklists.current_template()
    new_id = checklists.save_run(conn, checklists.Run(partner, date(2026, 6, 5), "李经理",
                                                      answers(second, warehouse="not_met")), "test")

    old, new = checklists.load_run(conn, old_id), checklists.load_run(conn, new_id)
    assert old.template.version == "2026.1" and new.template.version == "2026.2"
    assert old.template.item("warehouse").weight == 2 and new.template.item("warehouse").weight == 10
    assert old.template.item("digital_orders") is None and new.template.item("digital_orders") is not None
    assert old.score == old_score
    assert new.score < old.score
    assert conn.execute("SELECT count(*) FROM checklist_templates").fetchone()[0] == 2
    # A third run under the same file reuses the stored template.
    checklists.save_run(conn, checklists.Run(partner, date(2026, 7, 5), "李经理", answers(second)), "test")
    assert conn.execute("SELECT count(*) FROM checklist_templates").fetchone()[0] == 2
    checklists._load.cache_clear()


def test_changed_file_with_the_same_version_is_a_new_revision(archive, partner, rules_copy):
    conn = archive.conn
    checklists._load.cache_clear()
    first_id = checklists.save_run(conn, checklists.Run(partner, date(2026, 1, 5), "李经理",
                                                        answers(checklists.current_template())), "test")
    data = json.loads((rules_copy / "checklist_101.json").read_text(encoding="utf-8"))
    data["items"][0]["title_zh"] = "严格遵循我方管理规范"          # edited, version kept
    (rules_copy / "checklist_101.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    checklists._load.cache_clear()
    second_id = checklists.save_run(conn, checklists.Run(partner, date(2026, 2, 5), "李经理",
                                                         answers(checklists.current_template())), "test")
    first, second = checklists.load_run(conn, first_id), checklists.load_run(conn, second_id)
    assert (first.template.version, first.template.revision) == ("2026.1", 1)
    assert (second.template.version, second.template.revision) == ("2026.1", 2)
    assert second.template.label == "2026.1 r2" and first.template.label == "2026.1"
    assert first.template.items[0].title_zh == "遵循我方管理规范"
    assert second.template.items[0].title_zh == "严格遵循我方管理规范"
    assert [r.template_label for r in checklists.runs(conn, partner)] == ["2026.1", "2026.1 r2"]
    checklists._load.cache_clear()


@pytest.mark.parametrize("change, message", [
    (lambda d: d.pop("version"), "no version"),
    (lambda d: d["items"][0].update(weight=0), "positive weight"),
    (lambda d: d["items"][1].update(key=d["items"][0]["key"]), "appears twice"),
    (lambda d: d["items"][0].update(part="logistics"), "unknown part"),
    (lambda d: d["parts"].pop(), "qualification, cooperation and management"),
])
def test_a_broken_template_is_named_by_the_branch_pack_check(rules_copy, change, message):
    data = json.loads((rules_copy / "checklist_101.json").read_text(encoding="utf-8"))
    change(data)
    (rules_copy / "checklist_101.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    problems = branch_pack.check_rules(rules_copy)
    assert any("checklist_101.json" in p and message in p for p in problems), problems
    checklists._load.cache_clear()


def test_shipped_rules_pass_the_branch_pack_check():
    assert branch_pack.check_rules(resource_path("rules")) == []
