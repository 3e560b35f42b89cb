"""The grading wizard's review and apply: every grade that will change, old → new with
the reason, and writing the reviewed grades.

    rows = review.change_rows(conn, prepared, session)          # what changes
    review.reason(rows[0], prepared.computed, prepared.as_of, last_contacts)
    outcome = review.apply_reviewed(conn, computed, answers, as_of, by, progress, deals)

:func:`apply_reviewed` is one transaction: the computed grades, the deal-status and
urgency answers (on the customer record, with its history) and the opportunity
answers land together, and the manager's session is forgotten with them; a cancel
(``progress.check``) or an error rolls all of it back.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, NamedTuple

from model.archive import database
from model.archive.database import sqlite3
from model.core.i18n import translate
from model.core.progress import Progress
from model.grading import explain, grading_session, ruleset
from model.grading import opportunity as opportunity_engine
from model.grading import store
from model.grading.compute import OPPORTUNITY, ComputedGrades

if TYPE_CHECKING:
    from model.grading.preparing import Prepared


class ChangeRow(NamedTuple):
    """One grade the apply would change (a tuple: customer_id, name, scheme, old, new, answer)."""
    customer_id: int
    name: str
    scheme: str
    old: str | None
    new: str
    answer: tuple[str, str] | None = None     # (need, close) for an opportunity grade


@dataclass
class ApplyOutcome:
    computed: store.ApplyResult | None
    opportunity_written: int
    opportunity_unchanged: int
    missing: int


def current_opportunity(conn: sqlite3.Connection) -> dict[int, str]:
    """Every customer's opportunity grade as stored."""
    return {r[0]: r[1] for r in conn.execute(
        "SELECT customer_id, value FROM grades WHERE scheme = ?", (OPPORTUNITY,))}


def last_contacts(conn: sqlite3.Connection, customer_ids, as_of: date) -> dict[int, date | None]:
    """Each customer's latest contact on or before ``as_of`` (for the next tracking date)."""
    return {cid: store.last_contact(conn, cid, as_of) for cid in customer_ids}


def change_rows(conn: sqlite3.Connection, prepared: "Prepared",
                session: grading_session.GradingSession) -> list[ChangeRow]:
    """The computed grades that change, then the opportunity grades the session's answers
    give (in queue order), each old → new."""
    names = prepared.table["name"].to_dict()
    changes = prepared.changes
    rows = [ChangeRow(cid, names.get(cid, ""), scheme, old if isinstance(old, str) else None, new)
            for cid, scheme, old, new in zip(changes["customer_id"].tolist(), changes["scheme"].tolist(),
                                             changes["old"].tolist(), changes["new"].tolist())]
    current = current_opportunity(conn)
    rules = prepared.computed.rules.opportunity
    for cid in session.queue:
        answer = session.answers.get(cid)
        if answer is None:
            continue
        graded = opportunity_engine.grade(answer[0], answer[1], prepared.as_of, rules)
        rows.append(ChangeRow(cid, names.get(cid, ""), OPPORTUNITY, current.get(cid), graded.value, answer))
    return rows


def opportunity_sentence(answer: tuple[str, str], as_of: date, last_contact: date | None = None) -> str:
    """Why the answers give their grade, with the next tracking date after the last contact."""
    rules = ruleset.load()
    graded = opportunity_engine.grade(answer[0], answer[1], as_of, rules.opportunity, last_contact=last_contact)
    return explain.sentence(OPPORTUNITY, graded.value, graded.detail(), rules=rules)


def reason(row: ChangeRow, computed: ComputedGrades | None, as_of: date,
           contacts: dict[int, date | None] | None = None) -> str:
    """Why the row's grade changes: the answers' sentence, or the computed grade's explanation."""
    if row.scheme == OPPORTUNITY:
        return opportunity_sentence(row.answer, as_of, (contacts or {}).get(row.customer_id))
    return computed.explain(row.customer_id, row.scheme)


def _live(conn: sqlite3.Connection) -> set[int]:
    return {r[0] for r in conn.execute("SELECT id FROM customers WHERE deleted_at IS NULL")}


def apply_reviewed(conn: sqlite3.Connection, computed: ComputedGrades | None,
                   answers: dict[int, tuple[str, str]], as_of: date, by: str, progress: Progress,
                   deals: dict[int, dict] | None = None) -> ApplyOutcome:
    """Write the computed grades, the deal answers and the opportunity answers, and
    forget ``by``'s session, all in one transaction (a cancel rolls everything back).
    Answers for customers deleted meanwhile are left out. ``deals``: the deal-status
    and urgency answers, written to the customer record (with its change history).

    Call it outside a transaction: the computed grades' bulk write checks its customers
    once itself instead of SQLite's foreign-key check per row (``store.own_key_checks``)."""
    # The pragma cannot change inside a transaction: off (if on) around the whole write;
    # ``store.apply`` then checks its customers itself, the answers check theirs.
    with database.bulk_cache(conn), store.own_key_checks(conn), database.transaction(conn):
        result = None
        if computed is not None:
            result = store.apply(conn, computed, by=store.RULES_BY, progress=progress)
        live = _live(conn) if answers or deals else set()
        if deals:
            _write_deals(conn, deals, live, as_of, by)
        written, unchanged, missing = _write_answers(conn, answers, live, as_of, by, progress)
        grading_session.discard(conn, by)
    return ApplyOutcome(result, written, unchanged, missing)


def _write_answers(conn: sqlite3.Connection, answers: dict[int, tuple[str, str]], live: set[int],
                   as_of: date, by: str, progress: Progress) -> tuple[int, int, int]:
    """The opportunity answers: (written, already as answered, customers deleted meanwhile)."""
    written = unchanged = missing = 0
    total = len(answers)
    for done, (cid, (need, close)) in enumerate(answers.items()):
        if done % 50 == 0:
            progress.check()
            progress.report(done, total, translate("GradingWizard", "Writing the opportunity grades…"))
        if cid not in live:
            missing += 1
            continue
        before = _history_rows(conn, cid)
        store.set_opportunity(conn, cid, need, close, by=by, as_of=as_of)
        if _history_rows(conn, cid) > before:
            written += 1
        else:
            unchanged += 1
    if total:
        progress.check()
    return written, unchanged, missing


def _history_rows(conn: sqlite3.Connection, customer_id: int) -> int:
    return conn.execute("SELECT count(*) FROM grade_history WHERE customer_id = ?", (customer_id,)).fetchone()[0]


def _write_deals(conn: sqlite3.Connection, deals: dict[int, dict], live: set[int], as_of: date, by: str) -> None:
    from model.customers import customers
    from model.grading import deal
    for cid, answer in deals.items():
        if cid not in live:
            continue
        changes = {}
        if answer.get("deal_status"):
            changes["deal_status"] = answer["deal_status"]
        if answer.get("urgency"):
            changes["handle_by"] = deal.handle_by_for(answer["urgency"], as_of).isoformat()
        if changes:
            customers.update(conn, cid, changes, by)


def touched_customers(computed: ComputedGrades | None, answers: dict[int, tuple[str, str]],
                      deals: dict[int, dict] | None = None) -> set[int]:
    """The customers :func:`apply_reviewed` may change (for the change notice)."""
    ids = {int(i) for i in computed.customer_ids} if computed is not None else set()
    return ids | {int(i) for i in answers} | {int(i) for i in (deals or {})}
