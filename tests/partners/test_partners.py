"""Partners: the record and its checks, contacts with one KeyMan, the 101 agreement,
outlets imported all or nothing (rejects file, partial, duplicates, customer links),
follow-up actions that become due visits the planner plans and the outcome closes,
targets against actuals with the two-periods-below flag, the CLI, and the upgrade of
an archive whose visit plans predate partners."""
from __future__ import annotations

import csv
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

from model.partners import checklists, partner_outlets, partners
from model.archive import database, migrations
from model.core.progress import Cancelled, Progress
from model.visits import due, visit_plan
from tests.planning_data import BASE, customer

ROOT = Path(__file__).resolve().parents[2]
START = date(2026, 11, 23)       # a Monday


@pytest.fixture
def partner(archive) -> int:
    return partners.create(archive.conn, partners.Partner(
        "华兴食品批发", "distributor", "东城区", "东城路8号", BASE[0] + 0.01, BASE[1], manager="王经理"), "test")


def write_csv(path: Path, rows: list[list[str]]) -> Path:
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle).writerows(rows)
    return path


def test_partner_record_is_checked(archive):
    conn = archive.conn
    with pytest.raises(partners.PartnerError, match="name"):
        partners.create(conn, partners.Partner("  "), "test")
    with pytest.raises(partners.PartnerError, match="kind"):
        partners.create(conn, partners.Partner("甲", "bank"), "test")
    with pytest.raises(partners.PartnerError, match="both latitude and longitude"):
        partners.create(conn, partners.Partner("甲", latitude=31.2), "test")
    with pytest.raises(partners.PartnerError, match="phone"):
        partners.create(conn, partners.Partner("甲", phone="12345"), "test")
    pid = partners.create(conn, partners.Partner("ＡＢ批发", "wholesaler", notes="老客户，合作十年"), "test")
    stored = partners.get(conn, pid)
    assert stored.name == "AB批发"               # names are normalised (full-width letters)
    assert stored.notes == "老客户，合作十年"       # free text keeps its punctuation
    with pytest.raises(partners.PartnerError, match="no partner number 99"):
        partners.get(conn, 99)


def test_contacts_have_at_most_one_keyman(archive, partner):
    conn = archive.conn
    people = [partners.PartnerContact("王建国", "总经理", "13901012345", True),
              partners.PartnerContact("刘敏", "仓库主管", None, True)]
    with pytest.raises(partners.PartnerError, match="KeyMan"):
        partners.set_contacts(conn, partner, people)
    people[1].keyman = False
    partners.set_contacts(conn, partner, people)
    assert [(c.name, c.keyman) for c in partners.contacts(conn, partner)] == [("王建国", True), ("刘敏", False)]
    assert partners.keyman(conn, partner).name == "王建国"


def test_agreement_is_structured_commitments(archive, partner):
    conn = archive.conn
    deal = partners.Agreement(date(2026, 1, 1), date(2026, 1, 1), date(2026, 12, 31), "年度协议", [
        partners.Commitment("partner", "coverage", "覆盖东城区120家网点"),
        partners.Commitment("partner", "delivery", "48小时内送达"),
        partners.Commitment("ours", "incentives", "季度返利2%")])
    partners.save_agreement(conn, partner, deal)
    stored = partners.agreement(conn, partner)
    assert [(c.side, c.topic, c.text) for c in stored.of("partner")] == [
        ("partner", "coverage", "覆盖东城区120家网点"), ("partner", "delivery", "48小时内送达")]
    assert [c.text for c in stored.of("ours")] == ["季度返利2%"]
    assert stored.in_force(date(2026, 6, 1)) and not stored.in_force(date(2027, 1, 1))
    with pytest.raises(partners.PartnerError, match="ends before it starts"):
        partners.save_agreement(conn, partner, partners.Agreement(None, date(2026, 5, 1), date(2026, 4, 1)))
    with pytest.raises(partners.PartnerError, match="unknown side or topic"):
        partners.save_agreement(conn, partner, partners.Agreement(commitments=[
            partners.Commitment("ours", "coverage", "x")]))
    assert len(partners.agreement(conn, partner).commitments) == 3     # the refused ones changed nothing


def test_outlet_import_is_all_or_nothing_with_a_rejects_file(archive, partner, tmp_path):
    conn = archive.conn
    linked = customer(conn, "张记便利店老板", phone="13811112222")
    numbered = customer(conn, "李记超市老板", phone="13833334444")
    path = write_csv(tmp_path / "网点.csv", [
        ["网点名称", "地址", "电话", "类型", "客户编号"],
        ["张记便利店", "东城路1号", "138 1111 2222", "便利店", ""],
        ["李记超市", "东城路2号", "", "超市", str(numbered)],
        ["", "东城路3号", "", "", ""],                          # no name
        ["王记小卖部", "东城路4号", "12345", "", ""],              # bad phone
        ["赵记烟酒", "东城路5号", "", "", "9999"],                 # no such customer
        ["张记便利店", "东城路1号", "", "", ""],                   # same outlet again
    ])
    result = partner_outlets.import_outlets(conn, partner, path, "test")
    assert (result.rows, result.imported, result.rejected, result.duplicates) == (6, 2, 3, 1)
    assert not result.written
    assert partner_outlets.outlets(conn, partner) == []
    assert [r.row_number for r in result.rejects] == [4, 5, 6]
    assert "no name" in result.rejects[0].reasons[0]
    assert "电话" in result.rejects[1].reasons[0]
    assert "9999" in result.rejects[2].reasons[0]
    with open(result.rejects_path, encoding="utf-8-sig") as handle:
        rows = list(csv.reader(handle))
    assert len(rows) == 4 and rows[1][0] == "4"

    partial = partner_outlets.import_outlets(conn, partner, path, "test", partial=True)
    assert partial.written and partial.imported == 2
    stored = {o.name: o for o in partner_outlets.outlets(conn, partner)}
    assert stored["张记便利店"].customer_id == linked          # linked by the phone
    assert stored["张记便利店"].phone == "13811112222"
    assert stored["李记超市"].customer_id == numbered          # linked by the customer number
    # Importing again adds nothing: every good row is now a duplicate.
    again = partner_outlets.import_outlets(conn, partner, path, "test", partial=True)
    assert again.imported == 0 and again.duplicates == 3


def test_outlet_file_without_a_name_column_is_refused(archive, partner, tmp_path):
    path = write_csv(tmp_path / "x.csv", [["地址", "电话"], ["东城路1号", "13811112222"]])
    with pytest.raises(database.ArchiveError, match="outlet's name"):
        partner_outlets.import_outlets(archive.conn, partner, path, "test")


def _run_with_action(conn, partner_id: int, due_on: date, text: str = "整理仓库") -> int:
    template = checklists.current_template()
    results = {i.key: checklists.Result(i.key, "met") for i in template.items}
    results["warehouse"].result = "not_met"
    run = checklists.Run(partner_id, due_on - timedelta(days=20), "王经理", results,
                         [checklists.Action(text, "王建国", due_on, "warehouse")])
    checklists.save_run(conn, run, "test")
    return run.actions[0].id


def test_open_actions_are_due_visits_to_the_partner(archive, partner):
    conn = archive.conn
    partners.set_contacts(conn, partner, [partners.PartnerContact("王建国", "总经理", "13901012345", True)])
    action_id = _run_with_action(conn, partner, START + timedelta(days=2))
    later = _run_with_action(conn, partner, START + timedelta(days=30), "复查网点")
    customer(conn, "张三", tier="A", last_visit=START - timedelta(days=60), manager="王经理")

    listed = due.due_list(conn, START, START + timedelta(days=6)).visits
    mine = [v for v in listed if v.action_id is not None]
    assert [v.action_id for v in mine] == [action_id]            # the later action is not due yet
    item = mine[0]
    assert item.customer_id is None and item.partner_id == partner
    assert item.name == "华兴食品批发" and item.channel == "visit"
    assert item.reason.startswith("101 follow-up: 整理仓库")
    assert item.phone == "13901012345"                              # the KeyMan's phone
    assert item.lat == pytest.approx(BASE[0] + 0.01) and item.due_date == START + timedelta(days=2)
    assert later not in [v.action_id for v in listed]
    # The manager filter applies to the partner's manager.
    assert [v.action_id for v in due.due_list(conn, START, START + timedelta(days=6), "李经理").visits] == []
    # Overdue actions rank above ones due in the range.
    overdue = _run_with_action(conn, partner, START - timedelta(days=5), "补签协议")
    ranked = [v.action_id for v in due.due_list(conn, START, START + timedelta(days=6)).visits if v.action_id]
    assert ranked == [overdue, action_id]
    # Done on the partner's page: gone from the due list.
    partners.complete_action(conn, overdue, "王经理", "已补签")
    assert overdue not in [v.action_id for v in due.due_list(conn, START, START + timedelta(days=6)).visits]
    assert partners.action(conn, overdue).status == "done"


def test_follow_up_is_planned_and_logging_it_done_closes_the_action(archive, partner):
    conn = archive.conn
    action_id = _run_with_action(conn, partner, START + timedelta(days=1))
    customer(conn, "张三", tier="A", last_visit=START - timedelta(days=60), lat=BASE[0], lon=BASE[1],
             manager="王经理")
    plan = visit_plan.build(conn, visit_plan.PlanRequest(START, days=5, time_limit=0.3, manager="王经理"))
    plan_id = visit_plan.save(conn, plan, "王经理")
    loaded = visit_plan.load(conn, plan_id)
    [visit] = [v for v in loaded.planned() if v.partner_action_id == action_id]
    assert visit.customer_id is None and visit.name == "华兴食品批发"
    assert visit.purpose == "整理仓库" and visit.area == "东城区"
    assert visit.lat == pytest.approx(BASE[0] + 0.01)
    from reports.visit_plan import visit_plan_pdf
    visit_plan_pdf(loaded, archive.path.with_name("plan.pdf"))        # the printout takes it like a customer

    # Not met: the action stays open and due.
    visit_plan.log_outcome(conn, visit.id, "not_met", "老板不在", None, None, by="王经理", contact_date=START)
    assert partners.action(conn, action_id).status == "open"
    # Logged again as done: the action is closed with the result as its note; no customer contact.
    contacts_before = conn.execute("SELECT count(*) FROM contacts").fetchone()[0]
    visit_plan.log_outcome(conn, visit.id, "done", "仓库已整理", None, None, by="王经理", contact_date=START)
    action = partners.action(conn, action_id)
    assert (action.status, action.done_note, action.done_on) == ("done", "仓库已整理", START.isoformat())
    assert conn.execute("SELECT count(*) FROM contacts").fetchone()[0] == contacts_before
    assert visit_plan.load(conn, plan_id).visit(visit.id).outcome == "done"
    assert action_id not in [v.action_id for v in due.due_list(conn, START, START + timedelta(days=6)).visits]


def test_rescheduled_follow_up_moves_the_action(archive, partner):
    conn = archive.conn
    action_id = _run_with_action(conn, partner, START)
    plan_id = visit_plan.save(conn, visit_plan.build(conn, visit_plan.PlanRequest(START, days=3, time_limit=0.3)),
                              "王经理")
    [visit] = [v for v in visit_plan.load(conn, plan_id).planned() if v.partner_action_id == action_id]
    new_day = START + timedelta(days=2)
    visit_plan.log_outcome(conn, visit.id, "rescheduled", "改期", None, new_day, by="王经理", contact_date=START)
    assert partners.action(conn, action_id).due_on == new_day
    again = [v for v in visit_plan.load(conn, plan_id).planned()
             if v.partner_action_id == action_id and v.outcome is None]
    assert len(again) == 1 and again[0].day == new_day


def test_periods_and_targets(archive, partner):
    conn = archive.conn
    assert partners.period_range("2026-02") == (date(2026, 2, 1), date(2026, 2, 28))
    assert partners.period_range("2026-q4") == (date(2026, 10, 1), date(2026, 12, 31))
    assert partners.period_key("2026-3") == "2026-03" and partners.period_key("2026Q1") == "2026-Q1"
    with pytest.raises(partners.PartnerError, match="2026-Q1"):
        partners.period_range("March")
    with pytest.raises(partners.PartnerError, match="above zero"):
        partners.set_target(conn, partner, "2026-03", 0)


def test_actuals_from_linked_outlets_transactions(archive, partner):
    conn = archive.conn
    a, b, other = (customer(conn, n, phone=p) for n, p in (("甲", "13800000001"), ("乙", "13800000002"),
                                                           ("丙", "13800000003")))
    Outlet = partner_outlets.Outlet
    partner_outlets.add_outlets(conn, partner, [Outlet("甲店", customer_id=a), Outlet("乙店", customer_id=b),
                                                Outlet("未关联店")], "test")
    for cid, day, amount in ((a, "2026-03-05", 1000), (b, "2026-03-31", 500), (other, "2026-03-10", 9999),
                             (a, "2026-04-01", 700)):
        conn.execute("INSERT INTO transactions(customer_id, txn_date, amount) VALUES (?, ?, ?)", (cid, day, amount))
    partners.set_target(conn, partner, "2026-03", 2000)
    partners.set_target(conn, partner, "2026-Q2", 500)
    partners.set_target(conn, partner, "2026-01", 100, actual=150)        # entered wins
    figures = {f.period: f for f in partners.performance(conn, partner, as_of=date(2026, 5, 1))}
    assert (figures["2026-03"].actual, figures["2026-03"].source, figures["2026-03"].below) == (1500, "transactions",
                                                                                             True)
    assert figures["2026-Q2"].actual == 700 and not figures["2026-Q2"].ended
    assert (figures["2026-01"].actual, figures["2026-01"].source) == (150, "entered")


@pytest.mark.parametrize("figures, flagged", [
    ([("2026-01", 100, 80), ("2026-02", 100, 90)], True),
    ([("2026-01", 100, 80), ("2026-02", 100, 100)], False),              # reached the last period
    ([("2026-01", 100, 80), ("2026-03", 100, 90)], False),               # not consecutive
    ([("2026-02", 100, 90)], False),                                     # one period only
    ([("2026-01", 100, 80), ("2026-02", 100, 90), ("2026-03", 100, 120)], False),
    ([("2025-Q4", 100, 80), ("2026-Q1", 100, 90)], True),                # quarters across a year
    ([("2026-01", 100, 80), ("2026-02", 100, 90), ("2026-05", 100, 10)], True),   # May is still running
])
def test_flag_below_target_two_consecutive_periods(archive, partner, figures, flagged):
    conn = archive.conn
    for period, target, actual in figures:
        partners.set_target(conn, partner, period, target, actual)
    assert partners.is_flagged(partners.performance(conn, partner, as_of=date(2026, 5, 10))) is flagged
    [summary] = partners.list_partners(conn, as_of=date(2026, 5, 10))
    assert summary.flagged is flagged


def test_targets_import_all_or_nothing(archive, partner, tmp_path):
    conn = archive.conn
    bad = write_csv(tmp_path / "目标.csv", [["期间", "目标", "实际"], ["2026-01", "1,000", "900"],
                                            ["2026-13", "1000", ""], ["2026-03", "abc", ""]])
    result = partners.import_targets(conn, partner, bad)
    assert (result.imported, result.rejected, result.written) == (1, 2, False)
    assert partners.performance(conn, partner) == []
    good = write_csv(tmp_path / "目标2.csv", [["期间", "目标", "实际"], ["2026-01", "1,000", "900"],
                                             ["2026-Q2", "3000", ""]])
    assert partners.import_targets(conn, partner, good).written
    assert [(f.period, f.target, f.actual) for f in partners.performance(conn, partner)] == [
        ("2026-01", 1000, 900), ("2026-Q2", 3000, None)]


def test_list_search_and_delete(archive, partner):
    conn = archive.conn
    other = partners.create(conn, partners.Partner("顺达商贸", "wholesaler", "北郊"), "test")
    _run_with_action(conn, partner, START)
    assert [p.name for p in partners.list_partners(conn, "北郊")] == ["顺达商贸"]
    summary = {p.id: p for p in partners.list_partners(conn)}
    assert summary[partner].open_actions == 1 and summary[partner].last_score is not None
    assert summary[other].last_score is None and summary[other].last_run_on is None
    plan_id = visit_plan.save(conn, visit_plan.build(conn, visit_plan.PlanRequest(START, days=2, time_limit=0.3)),
                              "t")
    partners.delete(conn, partner)
    assert [p.id for p in partners.list_partners(conn)] == [other]
    for table in ("partner_actions", "checklist_runs", "checklist_results"):
        assert conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0
    assert all(v.partner_action_id is None for v in visit_plan.load(conn, plan_id).all_visits())


def test_upgrade_keeps_old_visit_plans_and_their_history(tmp_path):
    """An archive made before partners (version 9) with a plan: m0010 rebuilds plan_visits."""
    path = tmp_path / "old.kehu"
    conn = database.connect(path)
    conn.execute(f"PRAGMA application_id = {database.APPLICATION_ID}")
    for number, module in migrations.STEPS:
        if number >= 10:
            break
        with database.transaction(conn):
            module.upgrade(conn)
            conn.execute(f"PRAGMA user_version = {number}")
    cid = customer(conn, "老客户")
    conn.execute("INSERT INTO visit_plans(id, title, manager, start_date, end_date, settings, created_at, created_by,"
                 " updated_at, updated_by) VALUES (1, '旧计划', NULL, '2026-01-05', '2026-01-09', '{}', 'x', 'x', 'x',"
                 " 'x')")
    conn.execute("INSERT INTO plan_visits(id, plan_id, customer_id, status, duration, purpose) VALUES (7, 1, ?,"
                 " 'unplanned', 30, '回访')", (cid,))
    conn.execute("INSERT INTO plan_changes(plan_id, visit_id, changed_at, changed_by, action) VALUES (1, 7, 'x',"
                 " 'x', 'created')")
    conn.close()
    with database.Archive.open(path) as archive:
        assert archive.schema_version() == migrations.LATEST
        row = archive.conn.execute("SELECT customer_id, purpose, partner_action_id FROM plan_visits WHERE id = 7"
                                   ).fetchone()
        assert tuple(row) == (cid, "回访", None)
        assert archive.conn.execute("SELECT visit_id, action FROM plan_changes").fetchall()[0][:] == (7, "created")
        assert archive.conn.execute("PRAGMA foreign_key_check").fetchall() == []
        with pytest.raises(database.sqlite3.IntegrityError):   # a visit is to a customer or for an action
            archive.conn.execute("INSERT INTO plan_visits(plan_id, status, duration) VALUES (1, 'unplanned', 30)")


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True,
                          cwd=ROOT, timeout=120)


def test_cli_lists_shows_and_imports_outlets(archive, partner, tmp_path):
    _run_with_action(archive.conn, partner, START)
    partners.set_target(archive.conn, partner, "2026-01", 100, 80)
    partners.set_target(archive.conn, partner, "2026-02", 100, 70)
    path = archive.path
    archive.close()
    listed = _cli("partners", str(path))
    assert listed.returncode == 0, listed.stderr
    assert "华兴食品批发" in listed.stdout and "BELOW TARGET" in listed.stdout
    shown = _cli("partners", str(path), "--partner", str(partner))
    assert "run 1:" in shown.stdout and "整理仓库" in shown.stdout and "Flagged" in shown.stdout
    file = write_csv(tmp_path / "outlets.csv", [["name", "phone"], ["甲店", "13811112222"], ["乙店", "bad"]])
    refused = _cli("partners", str(path), "--partner", str(partner), "--import-outlets", str(file))
    assert refused.returncode == 1 and "rejected 1" in refused.stdout and "Nothing was written" in refused.stdout
    added = _cli("partners", str(path), "--partner", str(partner), "--import-outlets", str(file), "--partial")
    assert "imported 1" in added.stdout
    missing = _cli("partners", str(path), "--import-outlets", str(file))
    assert missing.returncode == 2 and "--partner" in missing.stderr


class _CancelAfter(Progress):
    """Cancels once the import has reported ``after`` rows written (part-way through)."""

    def __init__(self, after: int):
        super().__init__()
        self.after, self.reports = after, []

    def report(self, done, total=None, text=""):
        self.reports.append((done, total))
        if done >= self.after:
            self.cancel()


def test_a_cancel_part_way_leaves_no_outlet_and_no_target_imported(archive, partner, tmp_path):
    conn = archive.conn
    path = write_csv(tmp_path / "网点.csv", [["网点名称", "地址"]] + [[f"网点{n}", f"东城路{n}号"] for n in range(700)])
    progress = _CancelAfter(400)
    with pytest.raises(Cancelled):
        partner_outlets.import_outlets(conn, partner, path, "test", progress=progress)
    assert progress.reports == [(200, 700), (400, 700)] and partner_outlets.outlets(conn, partner) == []
    assert not conn.in_transaction
    months = [[f"{2000 + n // 12}-{n % 12 + 1:02d}", "1000"] for n in range(300)]
    targets = write_csv(tmp_path / "目标.csv", [["期间", "目标"]] + months)
    progress = _CancelAfter(200)
    with pytest.raises(Cancelled):
        partners.import_targets(conn, partner, targets, progress=progress)
    assert progress.reports == [(200, 300)] and partners.performance(conn, partner) == []
    # Not cancelled, the same file lands whole.
    assert partner_outlets.import_outlets(conn, partner, path, "test", progress=Progress()).imported == 700
    assert len(partner_outlets.outlets(conn, partner)) == 700
