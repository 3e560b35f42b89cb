"""The grading wizard's model: the scope, the computed grades compared with the stored
ones, the review's rows and reasons, applying the reviewed grades (one transaction:
a cancel or a failure writes nothing), and the dashboard's figures."""
from __future__ import annotations

from datetime import date, timedelta

import pytest

from model import grading
from model.archive import database
from model.core.progress import Cancelled, Progress
from model.customers import customers
from model.customers.customer_filters import CustomerFilter, SavedView, store_view
from model.grading import dashboard_data, grading_session, preparing, review

TODAY = date.today()
RETIREE = {"dim_age": "1.5", "dim_family": "2.4", "dim_occupation": "3.4", "dim_financial_assets": "4.3",
           "dim_property": "5.3", "dim_schedule": "6.2"}
AMOUNTS = (5000, 2600, 1200, 700, 300, 0)


@pytest.fixture
def book(archive):
    """Six customers of two managers, with transactions (the last has none)."""
    conn = archive.conn
    ids = []
    for i, amount in enumerate(AMOUNTS):
        cid = customers.create(conn, {"name": f"客户{i}", "area": "幸福小区" if i % 2 == 0 else "阳光花园",
                                      "manager": "王芳" if i < 4 else "李强", **RETIREE}, by="test")
        ids.append(cid)
        if amount:
            with database.transaction(conn):
                conn.execute("INSERT INTO transactions(customer_id, txn_date, amount) VALUES (?, ?, ?)",
                             (cid, (TODAY - timedelta(days=10 + i)).isoformat(), amount))
    return conn, ids


class Cancelling(Progress):
    """Cancels once a report names this text (or at the first report with ``at=None``)."""

    def __init__(self, at: str | None = None):
        super().__init__()
        self.at = at
        self.reports: list[tuple[int, int, str]] = []

    def report(self, done, total=None, text=""):
        self.reports.append((done, total, text))
        if self.at is None or self.at in text:
            self.cancel()


def session_for(prepared: preparing.Prepared, answers: dict, deals: dict | None = None):
    session = grading_session.GradingSession("all", prepared.as_of, "all customers")
    session.queue = list(prepared.queue)
    session.answers = dict(answers)
    session.deals = dict(deals or {})
    return session


def test_scopes_and_their_counts(book):
    conn, ids = book
    assert preparing.resolve_scope(conn, "all", TODAY) is None
    assert preparing.scope_count(conn, "all", TODAY) == 6
    assert preparing.resolve_scope(conn, "manager:李强", TODAY) == ids[4:]
    assert preparing.scope_count(conn, "area:阳光花园", TODAY) == 3
    store_view(SavedView("李强的客户", CustomerFilter(manager="李强")))
    assert [v.name for v in preparing.saved_views()] == ["李强的客户"]
    assert preparing.resolve_scope(conn, "view:李强的客户", TODAY) == ids[4:]
    with pytest.raises(database.ArchiveError, match="no saved view named 'gone'"):
        preparing.scope_count(conn, "view:gone", TODAY)


def test_prepare_compares_with_the_stored_grades_and_orders_the_queue(book):
    conn, ids = book
    first = preparing.prepare(conn, "all", TODAY, None, Progress())
    assert len(first.changes) == 3 * 6                     # nothing stored yet: every grade is new
    assert set(first.changes["old"].dropna()) == set()
    assert first.queue[0] == ids[0] and sorted(first.queue) == ids
    assert list(first.table.index) == first.queue
    grading.apply(conn, first.computed)
    grading.override(conn, ids[3], grading.VALUE_TIER, "A", "集团客户", by="王芳")
    again = preparing.prepare(conn, "all", TODAY, None, Progress())
    assert len(again.changes) == 0 and again.kept_overrides == 1
    assert again.table.at[ids[3], grading.VALUE_TIER] == "A ✎"
    only = preparing.prepare(conn, "manager:李强", TODAY, None, Progress())
    assert sorted(only.queue) == ids[4:]
    assert preparing.prepare(conn, "all", TODAY, ids[:2], Progress()).queue == ids[:2]


def test_prepare_stops_when_cancelled(book):
    conn, _ids = book
    with pytest.raises(Cancelled):
        preparing.prepare(conn, "all", TODAY, None, Cancelling())


def test_the_review_rows_say_old_and_new_with_the_reason(book):
    conn, ids = book
    grading.set_opportunity(conn, ids[1], "latent", "6m", by="王芳", as_of=TODAY)
    prepared = preparing.prepare(conn, "all", TODAY, None, Progress())
    session = session_for(prepared, {ids[0]: ("clear", "1m"), ids[1]: ("clear", "3m")})
    rows = review.change_rows(conn, prepared, session)
    opportunity = {r.customer_id: r for r in rows if r.scheme == grading.OPPORTUNITY}
    assert set(opportunity) == {ids[0], ids[1]}
    assert (opportunity[ids[0]].old, opportunity[ids[0]].new) == (None, "A")
    assert (opportunity[ids[1]].old, opportunity[ids[1]].new, opportunity[ids[1]].answer) == ("D", "B",
                                                                                                ("clear", "3m"))
    assert opportunity[ids[0]][0] == ids[0] and opportunity[ids[0]][4] == "A"      # a tuple too
    assert len(rows) == 3 * 6 + 2
    assert review.current_opportunity(conn) == {ids[1]: "D"}
    contacts = review.last_contacts(conn, session.answers, TODAY)
    assert contacts == {ids[0]: None, ids[1]: None}
    computed_row = next(r for r in rows if r.scheme == grading.RFM and r.customer_id == ids[2])
    assert review.reason(computed_row, prepared.computed, TODAY) == prepared.computed.explain(ids[2], grading.RFM)
    assert review.reason(opportunity[ids[0]], prepared.computed, TODAY, contacts) == \
        review.opportunity_sentence(("clear", "1m"), TODAY)


def test_applying_writes_grades_answers_and_deals_and_forgets_the_session(book):
    conn, ids = book
    prepared = preparing.prepare(conn, "all", TODAY, None, Progress())
    answers = {ids[0]: ("clear", "1m"), ids[1]: ("latent", "6m"), ids[5]: ("clear", "3m")}
    deals = {ids[0]: {"deal_status": "negotiating", "urgency": "urgent"}}
    grading_session.save(conn, session_for(prepared, answers, deals), "王芳")
    customers.delete(conn, ids[5], by="test")             # deleted meanwhile: left out
    grading.set_opportunity(conn, ids[1], "latent", "6m", by="王芳", as_of=TODAY)   # already as answered
    outcome = review.apply_reviewed(conn, prepared.computed, answers, TODAY, "王芳", Progress(), deals)
    assert outcome.computed.changed_rows == 3 * 6
    assert (outcome.opportunity_written, outcome.opportunity_unchanged, outcome.missing) == (1, 1, 1)
    assert review.current_opportunity(conn) == {ids[0]: "A", ids[1]: "D"}
    record = customers.get(conn, ids[0])
    assert record["deal_status"] == "negotiating"
    assert record["handle_by"] == (TODAY + timedelta(days=7)).isoformat()
    assert grading_session.load(conn, "王芳") is None
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert review.touched_customers(prepared.computed, answers, deals) == set(ids)
    assert review.touched_customers(None, answers) == {ids[0], ids[1], ids[5]}


@pytest.mark.parametrize("at", ["value_tier", "persona", "Writing the opportunity grades"])
def test_a_cancel_at_any_step_writes_nothing(book, at):
    conn, ids = book
    prepared = preparing.prepare(conn, "all", TODAY, None, Progress())
    answers = {ids[0]: ("clear", "1m")}
    deals = {ids[0]: {"deal_status": "negotiating"}}
    grading_session.save(conn, session_for(prepared, answers, deals), "王芳")
    progress = Cancelling(at)
    with pytest.raises(Cancelled):
        review.apply_reviewed(conn, prepared.computed, answers, TODAY, "王芳", progress, deals)
    assert any(at in r[2] for r in progress.reports)
    for table in ("grades", "grade_history", "grading_runs"):
        assert conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0
    assert customers.get(conn, ids[0]).get("deal_status") != "negotiating"
    assert grading_session.load(conn, "王芳") is not None
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_a_customer_removed_before_the_apply_stops_it_whole(book):
    conn, ids = book
    prepared = preparing.prepare(conn, "all", TODAY, None, Progress())
    conn.execute("PRAGMA foreign_keys = OFF")             # as if purged from another window
    with database.transaction(conn):
        conn.execute("DELETE FROM customers WHERE id = ?", (ids[5],))
    conn.execute("PRAGMA foreign_keys = ON")
    with pytest.raises(database.ArchiveError, match="removed while the grades were worked out"):
        review.apply_reviewed(conn, prepared.computed, {ids[0]: ("clear", "1m")}, TODAY, "王芳", Progress())
    assert conn.execute("SELECT count(*) FROM grades").fetchone()[0] == 0
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_the_dashboard_figures_per_scope(book):
    conn, ids = book
    grading.apply(conn, grading.compute(grading.load_inputs(conn, TODAY)))
    grading.set_opportunity(conn, ids[0], "clear", "1m", by="王芳", as_of=TODAY - timedelta(days=20))
    everyone = dashboard_data.load_data(conn, None, TODAY)
    assert everyone.customers == 6 and everyone.as_of == TODAY
    assert sum(everyone.distribution[grading.VALUE_TIER].values()) == 6
    assert everyone.overdue == {"A": 1}
    assert everyone.last_run is not None
    assert everyone.pareto["value_share"].iloc[-1] == pytest.approx(1.0)
    assert len(everyone.pareto) == 5                       # the customer without an amount is left out
    theirs = dashboard_data.load_data(conn, ("manager", "李强"), TODAY)
    assert theirs.customers == 2 and theirs.overdue == {}
    assert dashboard_data.load_data(conn, ("area", "阳光花园"), TODAY).customers == 3
    assert dashboard_data.scope_condition(None) == ("1", [])
