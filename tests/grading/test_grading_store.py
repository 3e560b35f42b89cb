"""Grades in the archive: inputs and the window, runs, history, overrides, opportunity
answers, scopes, the export columns, the tracking schedule, rules changes and the CLI."""
from __future__ import annotations

import json
import shutil
from datetime import date

import pandas as pd
import pytest

from model.customers import customers
from model.archive import database
from model import grading
from model.grading import ruleset
from model.core.progress import Cancelled, Progress

AS_OF = date(2025, 6, 30)
RETIREE = {"dim_age": "1.5", "dim_family": "2.4", "dim_occupation": "3.4", "dim_financial_assets": "4.3",
           "dim_property": "5.3", "dim_schedule": "6.2"}


def add_customer(conn, name: str, **values) -> int:
    return customers.create(conn, {"name": name, **values}, by="test")


def add_txn(conn, customer_id: int, when: str, amount: float, quantity: float | None = None) -> None:
    with database.transaction(conn):
        conn.execute("INSERT INTO transactions(customer_id, txn_date, amount, quantity) VALUES (?, ?, ?, ?)",
                     (customer_id, when, amount, quantity))


def grade(conn, as_of: date = AS_OF, scope=None, **kwargs) -> grading.ApplyResult:
    return grading.apply(conn, grading.compute(grading.load_inputs(conn, as_of, scope)), **kwargs)


@pytest.fixture
def book(archive):
    """Four customers: amounts 50/30/15/5 in the window, plus one with nothing."""
    conn = archive.conn
    ids = [add_customer(conn, f"客户{i}", area="幸福小区", manager="王芳", **RETIREE) for i in range(5)]
    for cid, amount in zip(ids, (50, 30, 15, 5)):
        add_txn(conn, cid, "2025-06-01", amount)
    return conn, ids


def count(conn, table: str) -> int:
    return conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]


# -- inputs ------------------------------------------------------------------

def test_the_window_is_365_days_ending_on_the_as_of_date_inclusive(archive):
    conn = archive.conn
    cid = add_customer(conn, "边界")
    for when, amount in (("2024-06-30", 1), ("2024-07-01", 10), ("2025-06-30", 100),
                         ("2025-06-30T18:30:00", 1000), ("2025-07-01", 10000)):
        add_txn(conn, cid, when, amount)
    inputs = grading.load_inputs(conn, AS_OF)
    assert inputs.window_start == date(2024, 7, 1)        # day 365 counting the as-of day as day 1
    assert inputs.activity.loc[cid, "amount"] == 1110     # 2024-06-30 (day 366) and 2025-07-01 are out
    assert inputs.activity.loc[cid, "count"] == 3
    assert inputs.activity.loc[cid, "last_date"].date() == AS_OF
    assert grading.window(AS_OF, 365) == (date(2024, 7, 1), AS_OF)


def test_deleted_customers_are_not_graded(book):
    conn, ids = book
    customers.delete(conn, ids[0], by="test")
    computed = grading.compute(grading.load_inputs(conn, AS_OF))
    assert ids[0] not in computed.customer_ids
    assert computed.value_tier.loc[ids[1], "share_before"] == 0    # now the largest


# -- runs and history ----------------------------------------------------------

def test_a_run_writes_each_grade_once_and_a_regrade_writes_nothing(book):
    conn, ids = book
    first = grade(conn)
    assert first.changed_rows == 15 and first.per_scheme_counts == {"value_tier": 5, "rfm": 5, "persona": 5}
    assert count(conn, "grade_history") == 15 and count(conn, "grades") == 15
    before = conn.execute("SELECT * FROM grades ORDER BY customer_id, scheme").fetchall()
    assert count(conn, "grading_runs") == 1
    assert grading.last_run(conn)["changed"] == 15
    again = grade(conn)
    assert (again.changed_rows, again.refreshed_rows) == (0, 0)
    assert count(conn, "grade_history") == 15 and count(conn, "grading_runs") == 1
    assert [tuple(r) for r in conn.execute("SELECT * FROM grades ORDER BY customer_id, scheme")] \
        == [tuple(r) for r in before]
    current = grading.current(conn, ids[0])
    assert {s: r.value for s, r in current.items()} == {"value_tier": "A", "rfm": "important_value",
                                                        "persona": "enjoying_retirement"}
    record = current["value_tier"]
    assert record.set_by == "rules" and record.as_of == AS_OF and not record.override
    assert record.detail["rank"] == 1 and record.detail["cutoff"] == 0.8
    assert "rank 1 of 4" in record.explanation("en")


def test_only_changed_grades_get_history_and_moved_explanations_are_refreshed(book):
    conn, ids = book
    grade(conn)
    add_txn(conn, ids[3], "2025-06-10", 200)     # 205 of 300: customer 3 becomes the largest
    result = grade(conn)
    changed = {r[0]: r[1] for r in conn.execute(
        "SELECT customer_id, value FROM grade_history WHERE scheme = 'value_tier' AND id > 15")}
    # 205 → A; 50 starts at 68.3% → still A; 30 starts at 85%, beyond the seed's one 80% cut → C
    assert changed == {ids[1]: "C", ids[3]: "A"}
    assert result.per_scheme_counts["value_tier"] == 2
    assert result.refreshed_rows > 0              # e.g. customer 0's shares moved, its tier did not
    assert grading.current(conn, ids[0])["value_tier"].detail["share_before"] == pytest.approx(205 / 300)
    assert len(grading.history(conn, ids[0], "value_tier")) == 1
    history = grading.history(conn, ids[3], "value_tier")
    assert [h.value for h in history] == ["A", "C"]          # newest first
    # a later as-of moves R for everyone: refreshed, but no new history
    result = grade(conn, date(2025, 7, 1))
    assert result.changed_rows == 0 and result.refreshed_rows > 0
    assert grading.current(conn, ids[0])["rfm"].detail["r"] == 30       # last transaction 2025-06-01
    assert grading.current(conn, ids[0])["rfm"].as_of == date(2025, 7, 1)


def test_the_whole_book_check_does_not_hide_a_swapped_customer_or_an_override(book):
    """A regrade compares each scheme's stored rows as whole texts first (the fast way to
    find nothing changed); a book with the same count but another customer, or with an
    override, still goes row by row."""
    conn, ids = book
    grade(conn)
    customers.delete(conn, ids[4], by="test")          # nothing in the window: tier C
    newcomer = add_customer(conn, "新客户", area="幸福小区", manager="王芳", **RETIREE)
    result = grade(conn)
    assert result.per_scheme_counts == {"value_tier": 1, "rfm": 1, "persona": 1}   # the newcomer's grades
    assert set(grading.current(conn, newcomer)) == {"value_tier", "rfm", "persona"}
    grading.override(conn, ids[2], "value_tier", "A", "大客户", by="test")
    again = grade(conn)
    assert (again.changed_rows, again.refreshed_rows, again.skipped_overrides) == (0, 0, 1)


def test_each_not_enough_information_explanation_counts_its_own_known_dimensions(archive):
    conn = archive.conn
    two = add_customer(conn, "两项", dim_age="1.5", dim_family="2.4")
    three = add_customer(conn, "三项", dim_age="1.5", dim_family="2.4", dim_occupation="3.4")
    add_customer(conn, "六项", **RETIREE)       # known enough: the statuses column holds text (and NaN)
    grade(conn)
    for cid, known in ((two, 2), (three, 3)):
        record = grading.current(conn, cid)["persona"]
        assert record.value == grading.NOT_ENOUGH_INFORMATION and record.detail["known"] == known
        assert record.explanation("en").startswith(f"Only {known} of ")


def test_a_run_is_one_transaction(book):
    conn, _ = book

    class CancelLater(Progress):
        def report(self, done, total=None, text=""):
            if done == 1:     # cancelled after the first scheme was written
                self.cancel()

    progress = CancelLater()
    with pytest.raises(Cancelled):
        grade(conn, progress=progress)
    assert count(conn, "grades") == 0 and count(conn, "grade_history") == 0


def test_a_customer_removed_between_reading_and_writing_stops_the_run(book):
    """The run's own check stands in for SQLite's foreign keys (off for its bulk write):
    a customer purged after the grades were worked out rolls the run back, and the
    foreign keys are on again after."""
    conn, ids = book
    computed = grading.compute(grading.load_inputs(conn, AS_OF))
    with database.transaction(conn):
        conn.execute("DELETE FROM customer_history WHERE customer_id = ?", (ids[4],))
        conn.execute("DELETE FROM customers WHERE id = ?", (ids[4],))
    with pytest.raises(database.ArchiveError, match="1 customers were removed"):
        grading.apply(conn, computed)
    assert count(conn, "grades") == 0 and count(conn, "grade_history") == 0 and count(conn, "grading_runs") == 0
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert grade(conn).changed_rows > 0          # read again, the run goes through


def test_statistics_use_the_whole_archive_whatever_the_scope(book):
    conn, ids = book
    result = grade(conn, scope=[ids[2]])
    assert result.changed_rows == 3
    assert grading.current(conn, ids[2])["value_tier"].value == "C"     # 15 after 80 of 100: C, as in full
    assert grading.current(conn, ids[2])["value_tier"].detail["share_before"] == pytest.approx(0.8)
    assert grading.current(conn, ids[0]) == {}


def test_scopes(book):
    conn, ids = book
    other = add_customer(conn, "别处", area="科技园", manager="李强")
    assert grading.scope_ids(conn, "all") is None
    assert grading.scope_ids(conn, "area:科技园") == [other]
    assert grading.scope_ids(conn, "manager:王芳") == ids
    grade(conn, scope=ids[:2])
    assert grading.scope_ids(conn, "ungraded") == [*ids[2:], other]
    grade(conn, date(2025, 6, 1), scope=[ids[2]])
    assert grading.scope_ids(conn, "older:10", AS_OF) == [ids[2], *ids[3:], other]
    for bad in ("area:无此处", "manager:nobody", "everything", "older:x"):
        with pytest.raises(database.ArchiveError):
            grading.scope_ids(conn, bad)


def test_distribution(book):
    conn, ids = book
    grade(conn)
    grading.set_opportunity(conn, ids[0], "clear", "1m", by="王芳", as_of=AS_OF)
    dist = grading.distribution(conn)
    assert dist["value_tier"] == {"A": 2, "C": 3}
    assert list(dist["value_tier"]) == ["A", "C"]
    assert dist["opportunity"] == {"A": 1}
    assert dist["rfm"]["no_transactions"] == 1
    assert grading.distribution(conn, [ids[0]])["value_tier"] == {"A": 1}
    customers.delete(conn, ids[4], by="test")
    assert grading.distribution(conn)["value_tier"] == {"A": 2, "C": 2}


# -- overrides -----------------------------------------------------------------

def test_an_override_is_kept_marked_and_survives_runs(book):
    conn, ids = book
    grade(conn)
    record = grading.override(conn, ids[4], "value_tier", "A", "signs a large contract next week", by="王芳")
    assert record.override and record.value == "A" and record.set_by == "王芳"
    assert "signs a large contract" in record.explanation("en")
    result = grade(conn)
    assert result.skipped_overrides == 1 and result.changed_rows == 0
    current = grading.current(conn, ids[4])["value_tier"]
    assert current.value == "A" and current.override and current.reason == "signs a large contract next week"
    assert [(h.value, h.override, h.set_by) for h in grading.history(conn, ids[4], "value_tier")] \
        == [("A", True, "王芳"), ("C", False, "rules")]
    # asked to: the rules replace it
    result = grade(conn, replace_overrides=True)
    assert result.per_scheme_counts["value_tier"] == 1
    assert grading.current(conn, ids[4])["value_tier"].value == "C"


def test_override_by_label_and_clearing_it(book):
    conn, ids = book
    grade(conn)
    record = grading.override(conn, ids[0], "rfm", "一般挽留", "moved away", by="王芳")
    assert record.value == "general_win_back" and record.detail["computed"] == "important_value"
    restored = grading.clear_override(conn, ids[0], "rfm", by="王芳", reason="came back")
    assert restored.value == "important_value" and not restored.override
    assert grading.clear_override(conn, ids[0], "rfm", by="王芳") is None
    assert len(grading.history(conn, ids[0], "rfm")) == 3


def test_override_needs_a_reason_a_valid_value_and_a_computed_scheme(book):
    conn, ids = book
    with pytest.raises(database.ArchiveError, match="reason"):
        grading.override(conn, ids[0], "value_tier", "A", "  ", by="王芳")
    with pytest.raises(database.ArchiveError, match="not a value"):
        grading.override(conn, ids[0], "value_tier", "Z", "why", by="王芳")
    with pytest.raises(database.ArchiveError, match="opportunity"):
        grading.override(conn, ids[0], "opportunity", "A", "why", by="王芳")
    with pytest.raises(database.ArchiveError, match="does not exist"):
        grading.override(conn, 999, "value_tier", "A", "why", by="王芳")
    assert count(conn, "grade_history") == 0


# -- opportunity -----------------------------------------------------------------

def test_setting_the_opportunity_grade(book):
    conn, ids = book
    record = grading.set_opportunity(conn, ids[0], "clear", "3m", by="王芳", as_of=AS_OF, reason="想换车贷")
    assert record.value == "B" and record.set_by == "王芳"
    assert record.detail == {"need": "clear", "close": "3m", "expected_close_date": "2025-09-30",
                             "cadence": "weekly", "cadence_days": 7, "last_contact": None,
                             "next_tracking_date": "2025-06-30", "urgency": "not_urgent", "reason": "想换车贷"}
    # the same answers again: nothing written
    grading.set_opportunity(conn, ids[0], "clear", "3m", by="王芳", as_of=AS_OF)
    assert count(conn, "grade_history") == 1
    # an exact date within a week: grade A, urgent
    customers.log_contact(conn, ids[0], customers.Contact("2025-06-28", "phone"), by="王芳")
    record = grading.set_opportunity(conn, ids[0], "clear", date(2025, 7, 4), by="王芳", as_of=AS_OF)
    assert (record.value, record.detail["close"], record.detail["urgency"]) == ("A", "1m", "urgent")
    assert record.detail["next_tracking_date"] == "2025-06-29"       # last contact + 1 day
    assert len(grading.history(conn, ids[0], "opportunity")) == 2


def test_opportunity_answers_are_checked(book):
    conn, ids = book
    with pytest.raises(database.ArchiveError, match="need"):
        grading.set_opportunity(conn, ids[0], "maybe", "3m", by="王芳")
    with pytest.raises(database.ArchiveError, match="expected close"):
        grading.set_opportunity(conn, ids[0], "clear", "soonish", by="王芳")
    with pytest.raises(database.ArchiveError, match="before"):
        grading.set_opportunity(conn, ids[0], "clear", "2025-01-01", by="王芳", as_of=AS_OF)
    with pytest.raises(database.ArchiveError, match="does not exist"):
        grading.set_opportunity(conn, 999, "clear", "3m", by="王芳")
    assert count(conn, "grade_history") == 0


def test_tracking_schedule_follows_contacts(book):
    conn, ids = book
    grading.set_opportunity(conn, ids[0], "clear", "1m", by="王芳", as_of=AS_OF)      # A, daily
    grading.set_opportunity(conn, ids[1], "latent", "later", by="王芳", as_of=AS_OF)  # D, 30 days
    grading.set_opportunity(conn, ids[2], "none", "never", by="王芳", as_of=AS_OF)    # E, no tracking
    schedule = grading.tracking_schedule(conn, date(2025, 7, 10))
    assert list(schedule.index) == [ids[0], ids[1]]
    assert schedule.loc[ids[0], "next_tracking_date"] == AS_OF
    assert schedule.loc[ids[0], "overdue_days"] == 10
    customers.log_contact(conn, ids[0], customers.Contact("2025-07-09", "visit"), by="王芳")
    due = grading.due_for_tracking(conn, date(2025, 7, 10))
    assert list(due.index) == [ids[1], ids[0]]          # most overdue first
    assert due.loc[ids[0], "next_tracking_date"] == date(2025, 7, 10)
    assert due.loc[ids[0], "overdue_days"] == 0
    assert grading.due_for_tracking(conn, date(2025, 6, 29)).empty
    assert grading.overdue_counts(conn, date(2025, 7, 12)) == {"A": 1, "D": 1}


# -- export columns -------------------------------------------------------------

def test_export_frame_columns_and_values(book):
    conn, ids = book
    grade(conn)
    grading.set_opportunity(conn, ids[0], "clear", "3m", by="王芳", as_of=AS_OF)
    frame = grading.export_frame(conn, as_of=date(2025, 7, 10), language="en")
    assert list(frame.columns) == ["value_tier", "opportunity_grade", "urgency", "tracking_cadence",
                                   "next_tracking_date", "rfm_r", "rfm_f", "rfm_m", "rfm_type", "persona",
                                   "persona_score", "importance"]
    assert list(frame.index) == ids
    row = frame.loc[ids[0]]
    assert (row["value_tier"], row["opportunity_grade"], row["urgency"], row["tracking_cadence"],
            row["next_tracking_date"]) == ("A", "B", "1 to 3 months", "weekly log", "2025-06-30")
    assert (row["rfm_r"], row["rfm_f"], row["rfm_m"], row["rfm_type"]) == (29, 1, 50.0,
                                                                           "important value (best customers)")
    assert (row["persona"], row["persona_score"]) == ("enjoying retirement", 1.0)
    empty = frame.loc[ids[4]]
    assert empty["rfm_type"] == "no transactions" and empty["rfm_f"] == 0 and pd.isna(empty["rfm_r"])
    assert pd.isna(frame.loc[ids[1], "opportunity_grade"]) and pd.isna(frame.loc[ids[1], "urgency"])
    keys = grading.export_frame(conn, [ids[0]], as_of=date(2025, 9, 25), labels=False)
    assert keys.loc[ids[0], ["urgency", "tracking_cadence", "rfm_type", "persona"]].tolist() == \
        ["urgent", "weekly", "important_value", "enjoying_retirement"]
    chinese = grading.export_frame(conn, [ids[0]], as_of=AS_OF, language="zh_CN")
    assert chinese.loc[ids[0], ["rfm_type", "persona", "tracking_cadence"]].tolist() == [
        "重要价值（最有价值客户）", "乐享晚年", "周志"]


# -- rules data ---------------------------------------------------------------------

@pytest.fixture
def branch_rules(tmp_path, monkeypatch):
    from model.core.resources import resource_path
    folder = tmp_path / "branch_rules"
    shutil.copytree(resource_path("rules"), folder)
    monkeypatch.setenv("KEHU_RULES_DIR", str(folder))
    return folder


def edit(path, change) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def test_changed_rules_change_the_grades(book, branch_rules):
    conn, ids = book
    grade(conn)
    edit(branch_rules / "grading.json", lambda d: d["value_tier"].update(
        cutoffs=[{"tier": "A", "until_share": 0.5}, {"tier": "B", "until_share": 0.8}]))
    edit(branch_rules / "grading.json", lambda d: d["persona"].update(min_known_dimensions=7))
    result = grade(conn)
    assert {cid: grading.current(conn, cid)["value_tier"].value for cid in ids} == \
        {ids[0]: "A", ids[1]: "B", ids[2]: "C", ids[3]: "C", ids[4]: "C"}
    assert result.per_scheme_counts == {"value_tier": 1, "rfm": 0, "persona": 5}
    assert grading.current(conn, ids[0])["persona"].value == grading.NOT_ENOUGH_INFORMATION
    edit(branch_rules / "personas.json", lambda d: d["personas"][5]["codes"].update(risk_appetite=["7.1"]))
    assert ruleset.load().persona.persona("enjoying_retirement").codes["risk_appetite"] == ("7.1",)


def test_bad_rules_say_what_to_fix(branch_rules):
    edit(branch_rules / "grading.json", lambda d: d["rfm"].update(method="median"))
    with pytest.raises(grading.RulesError, match="rfm.method"):
        ruleset.load()
    edit(branch_rules / "grading.json", lambda d: d["rfm"].update(method="mean"))
    edit(branch_rules / "personas.json", lambda d: d["personas"][0]["codes"].update(age=["1.9"]))
    with pytest.raises(grading.RulesError, match="1.9"):
        ruleset.load()
    (branch_rules / "personas.json").write_text("{", encoding="utf-8")
    with pytest.raises(grading.RulesError, match="JSON"):
        ruleset.load()


# -- explanations -----------------------------------------------------------------------

def test_explanations_name_the_figures(book):
    conn, ids = book
    computed = grading.compute(grading.load_inputs(conn, AS_OF))
    assert computed.explain(ids[2], "value_tier", "en") == (
        "Amount 15.00 in the 365 days to 2025-06-30, rank 3 of 4. Customers ranked above hold 80.0% of the "
        "total; up to here 95.0%. Tier C: beyond the 80.0% cut-off. No scarce resources, and not of size medium "
        "or above with its own supply channel or a potential amount of at least 500,000.00.")
    assert "No transactions" in computed.explain(ids[4], "value_tier", "en")
    text = computed.explain(ids[0], "rfm", "en")
    assert "R 29 days" in text and "mean 25.0" in text and "important value" in text
    assert "Best match enjoying retirement: 6 of 6" in computed.explain(ids[0], "persona", "en")
    assert "乐享晚年" in computed.explain(ids[0], "persona", "zh_CN")


# -- command line -----------------------------------------------------------------------

def test_cli_grade_and_opportunity(book, capsys):
    from cli import run_cli
    conn, ids = book
    path = conn.execute("PRAGMA database_list").fetchone()["file"]
    assert run_cli(["grade", path, "--as-of", "2025-06-30"]) == 0
    out = capsys.readouterr().out
    assert "Graded 5 customers as of 2025-06-30" in out
    assert "Grades changed: 15" in out
    assert "Value tier:" in out and "enjoying retirement" in out
    assert run_cli(["grade", path, "--as-of", "2025-06-30", "--scope", "manager:王芳"]) == 0
    assert "Grades changed: 0" in capsys.readouterr().out
    assert run_cli(["opportunity", path, str(ids[1]), "--need", "clear", "--close", "1m",
                    "--as-of", "2025-06-30"]) == 0
    assert "opportunity grade A" in capsys.readouterr().out
    assert run_cli(["grade", path, "--scope", "area:nowhere"]) == 2
    assert "no area named" in capsys.readouterr().err
    assert run_cli(["opportunity", path, str(ids[1]), "--need", "clear", "--close", "someday"]) == 2
