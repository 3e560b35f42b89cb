"""Complaints (抱怨处理, seed 001; rules data ``resources/rules/complaints.json``; tables of
migration m0020): the one module with their SQL.

A complaint is recorded with its date, channel, category, what was said, who handles it
(default: the customer's manager) and the date it is to be resolved by (default: the date
plus ``due_days``). Its status moves forward only:

    open → in hand → resolved → confirmed with the customer (the satisfaction follow-up)

(open may go straight to resolved, a complaint settled on the spot), and a resolved one
may be reopened (back to in hand). Confirming needs a resolved complaint and takes the
customer's satisfaction (1 to ``satisfaction_scale``). Each change is a row of the
complaint's history (who, when, from, to, a note) and an entry of the audit trail
(model.archive.audit, action ``complaint``: the complaint's and the customer's ids only).

For the due list (model.visits.due): a complaint not resolved by its due date is overdue and due
as a call; one due within the range is listed too; a resolved one not yet confirmed is due
as the confirming call ``confirm_days`` after it was resolved.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from model.archive import database
from model.core import language, rules
from model.customers.customers import now_stamp
from model.archive.database import sqlite3
from model.core.i18n import translate

OPEN, IN_HAND, RESOLVED, CONFIRMED = "open", "in_hand", "resolved", "confirmed"
STATUSES = (OPEN, IN_HAND, RESOLVED, CONFIRMED)
UNRESOLVED = (OPEN, IN_HAND)
# The moves allowed: forward, or reopening a resolved complaint.
MOVES = {OPEN: (IN_HAND, RESOLVED), IN_HAND: (RESOLVED,), RESOLVED: (CONFIRMED, IN_HAND), CONFIRMED: ()}


class ComplaintError(database.ArchiveError):
    """A complaint that cannot be recorded or moved; the message says why."""


@dataclass(frozen=True)
class Choice:
    key: str
    label_en: str
    label_zh: str

    def label(self, lang: str | None = None) -> str:
        return self.label_zh if (lang or language.installed_language()).startswith("zh") else self.label_en


@dataclass(frozen=True)
class ComplaintRules:
    due_days: int
    confirm_days: int
    satisfaction_scale: int
    channels: tuple[Choice, ...]
    categories: tuple[Choice, ...]

    def channel_label(self, key: str) -> str:
        return next((c.label() for c in self.channels if c.key == key), key)

    def category_label(self, key: str) -> str:
        return next((c.label() for c in self.categories if c.key == key), key)


def _choices(items) -> tuple[Choice, ...]:
    return tuple(Choice(i["key"], i.get("label_en", i["key"]), i.get("label_zh", i["key"])) for i in items or ())


@lru_cache(maxsize=4)
def _rules(folder: str) -> ComplaintRules:
    data = rules.load_json("complaints.json", folder)
    return ComplaintRules(int(data.get("due_days", 3)), int(data.get("confirm_days", 2)),
                          int(data.get("satisfaction_scale", 5)), _choices(data.get("channels")),
                          _choices(data.get("categories")))


def complaint_rules() -> ComplaintRules:
    return _rules(str(rules.rules_dir()))


def status_label(status: str) -> str:
    """The status in the user's language."""
    return {
        OPEN: translate("Complaints", "Open"),
        IN_HAND: translate("Complaints", "In hand"),
        RESOLVED: translate("Complaints", "Resolved"),
        CONFIRMED: translate("Complaints", "Confirmed with the customer"),
    }.get(status, status)


@dataclass
class Complaint:
    id: int
    customer_id: int
    customer: str
    manager: str | None
    date: date
    channel: str
    category: str
    what: str
    owner: str
    due_date: date
    status: str
    resolved_at: date | None
    confirmed_at: date | None
    satisfaction: int | None
    created_by: str
    updated_at: str

    def overdue_days(self, as_of: date) -> int:
        """Days past the due date on ``as_of`` while unresolved (0 otherwise)."""
        return max(0, (as_of - self.due_date).days) if self.status in UNRESOLVED else 0

    @property
    def confirm_from(self) -> date | None:
        """When the confirming call falls due (a resolved complaint), else None."""
        if self.status != RESOLVED or self.resolved_at is None:
            return None
        return self.resolved_at + timedelta(days=complaint_rules().confirm_days)


def _audit_what(complaint_id: int, old: str | None, new: str) -> str:
    """The audit entry's sentence for a step of the flow (stored_text says it again)."""
    if old is None:
        text = translate("Audit", "Complaint {id} recorded")
    elif new == IN_HAND and old == RESOLVED:
        text = translate("Audit", "Complaint {id} reopened")
    elif new == IN_HAND:
        text = translate("Audit", "Complaint {id} taken in hand")
    elif new == RESOLVED:
        text = translate("Audit", "Complaint {id} resolved")
    else:
        text = translate("Audit", "Complaint {id} confirmed with the customer")
    return text.format(id=complaint_id)


def _history(conn: sqlite3.Connection, complaint_id: int, customer_id: int, stamp: str, by: str,
             old: str | None, new: str, note: str | None = None) -> None:
    """One row of the complaint's history and its audit entry (ids only, no personal data)."""
    from model.archive import audit
    conn.execute("INSERT INTO complaint_history (complaint_id, at, by, from_status, to_status, note)"
                 " VALUES (?, ?, ?, ?, ?, ?)", (complaint_id, stamp, by, old, new, (note or "").strip() or None))
    audit.record(conn, "complaint", _audit_what(complaint_id, old, new), 1, by,
                 detail={"complaint_id": complaint_id, "customer_id": customer_id, "from": old, "to": new})


def _day(value, what: str) -> date:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value or "")[:10])
    except ValueError:
        raise ComplaintError(translate("Complaints", "The {what} is not a date (YYYY-MM-DD): {value}")
                             .format(what=what, value=value)) from None


def create(conn: sqlite3.Connection, customer_id: int, *, on: date | str, channel: str, category: str,
           what: str, by: str, owner: str | None = None, due_date: date | str | None = None) -> int:
    """Record a complaint (status open); returns its id."""
    r = complaint_rules()
    row = conn.execute("SELECT manager, deleted_at FROM customers WHERE id = ?", (customer_id,)).fetchone()
    if row is None or row["deleted_at"]:
        raise ComplaintError(translate("Complaints", "This customer no longer exists (or was deleted); "
                                       "the complaint was not recorded."))
    day = _day(on, translate("Complaints", "complaint's date"))
    if channel not in {c.key for c in r.channels}:
        raise ComplaintError(translate("Complaints", "Unknown channel {channel}; one of: {choices}.")
                             .format(channel=channel, choices=", ".join(c.key for c in r.channels)))
    if category not in {c.key for c in r.categories}:
        raise ComplaintError(translate("Complaints", "Unknown category {category}; one of: {choices}.")
                             .format(category=category, choices=", ".join(c.key for c in r.categories)))
    what = " ".join((what or "").split())
    if not what:
        raise ComplaintError(translate("Complaints", "Say what the complaint is about."))
    owner = (owner or "").strip() or row["manager"] or by
    due = _day(due_date, translate("Complaints", "due date")) if due_date else day + timedelta(days=r.due_days)
    if due < day:
        raise ComplaintError(translate("Complaints", "The due date {due} is before the complaint's date {date}.")
                             .format(due=due.isoformat(), date=day.isoformat()))
    stamp = now_stamp()
    with database.transaction(conn):
        cid = conn.execute(
            "INSERT INTO complaints (customer_id, date, channel, category, what, owner, due_date, status,"
            " created_by, created_at, updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'open', ?, ?, ?, ?)",
            (customer_id, day.isoformat(), channel, category, what, owner, due.isoformat(),
             by, stamp, by, stamp)).lastrowid
        _history(conn, cid, customer_id, stamp, by, None, OPEN)
    return cid


def move(conn: sqlite3.Connection, complaint_id: int, to: str, *, by: str, on: date | str | None = None,
         note: str | None = None, satisfaction: int | None = None) -> None:
    """Move a complaint to status ``to`` (forward, or resolved → in hand to reopen it), on
    ``on`` (default today); confirming takes the customer's ``satisfaction``."""
    row = conn.execute("SELECT status, date, customer_id FROM complaints WHERE id = ?", (complaint_id,)).fetchone()
    if row is None:
        raise ComplaintError(translate("Complaints", "This complaint no longer exists."))
    current = row["status"]
    if to not in STATUSES:
        raise ComplaintError(translate("Complaints", "Unknown status {status}.").format(status=to))
    if to not in MOVES.get(current, ()):
        if to == CONFIRMED:
            message = translate("Complaints", "Only a resolved complaint can be confirmed with the customer; "
                                "this one is {status}.")
        elif current == CONFIRMED:
            message = translate("Complaints", "This complaint is confirmed with the customer and closed; "
                                "record a new complaint instead.")
        else:
            message = translate("Complaints", "A complaint cannot go from {status} back to {to}; only a "
                                "resolved one can be reopened (back to in hand).")
        raise ComplaintError(message.format(status=status_label(current), to=status_label(to)))
    day = _day(on or date.today(), translate("Complaints", "date"))
    if day < _day(row["date"], "date"):
        raise ComplaintError(translate("Complaints", "The date {day} is before the complaint's date {date}.")
                             .format(day=day.isoformat(), date=row["date"]))
    scale = complaint_rules().satisfaction_scale
    if to == CONFIRMED:
        if satisfaction is None or not 1 <= int(satisfaction) <= scale:
            raise ComplaintError(translate("Complaints", "Give the customer's satisfaction, 1 to {scale}.")
                                 .format(scale=scale))
    elif satisfaction is not None:
        raise ComplaintError(translate("Complaints", "The satisfaction is given when confirming with the customer."))
    stamp = now_stamp()
    sets = {"status": to, "updated_by": by, "updated_at": stamp}
    if to == RESOLVED:
        sets["resolved_at"] = day.isoformat()
    elif to == IN_HAND and current == RESOLVED:
        sets["resolved_at"] = None          # reopened
    if to == CONFIRMED:
        sets["confirmed_at"], sets["satisfaction"] = day.isoformat(), int(satisfaction)
    with database.transaction(conn):
        conn.execute(f"UPDATE complaints SET {', '.join(f'{k} = ?' for k in sets)} WHERE id = ?",
                     (*sets.values(), complaint_id))
        _history(conn, complaint_id, row["customer_id"], stamp, by, current, to, note)


def _complaint(r) -> Complaint:
    def opt(v):
        return date.fromisoformat(v[:10]) if v else None
    return Complaint(r["id"], r["customer_id"], r["name"], r["manager"], date.fromisoformat(r["date"][:10]),
                     r["channel"], r["category"], r["what"], r["owner"], date.fromisoformat(r["due_date"][:10]),
                     r["status"], opt(r["resolved_at"]), opt(r["confirmed_at"]), r["satisfaction"],
                     r["created_by"], r["updated_at"])


def list_complaints(conn: sqlite3.Connection, *, customer_id: int | None = None, open_only: bool = False,
                    overdue_on: date | None = None, manager: str | None = None,
                    ids: list[int] | None = None) -> list[Complaint]:
    """Complaints, newest first: of a customer, not yet confirmed (``open_only``), or
    unresolved past their due date on ``overdue_on``; of a manager's customers."""
    where, params = ["1"], []
    if customer_id is not None:
        where.append("k.customer_id = ?")
        params.append(customer_id)
    else:
        where.append("c.deleted_at IS NULL")
    if open_only:
        where.append("k.status <> 'confirmed'")
    if overdue_on is not None:
        where.append("k.status IN ('open', 'in_hand') AND k.due_date < ?")
        params.append(overdue_on.isoformat())
    if manager:
        where.append("c.manager = ?")
        params.append(manager)
    if ids is not None:
        where.append("k.id IN (SELECT value FROM json_each(?))")
        params.append(json.dumps(list(ids)))
    rows = conn.execute(
        "SELECT k.*, c.name, c.manager FROM complaints k JOIN customers c ON c.id = k.customer_id"
        f" WHERE {' AND '.join(where)} ORDER BY k.date DESC, k.id DESC", params).fetchall()
    return [_complaint(r) for r in rows]


def overdue(conn: sqlite3.Connection, as_of: date, manager: str | None = None) -> list[Complaint]:
    """The complaints not resolved by their due date, most overdue first."""
    found = list_complaints(conn, overdue_on=as_of, manager=manager)
    return sorted(found, key=lambda c: (c.due_date, c.id))


def get(conn: sqlite3.Connection, complaint_id: int) -> Complaint | None:
    found = list_complaints(conn, ids=[complaint_id])
    return found[0] if found else None


def history(conn: sqlite3.Connection, complaint_id: int) -> list[dict]:
    """The complaint's status changes, oldest first."""
    return [dict(r) for r in conn.execute(
        "SELECT at, by, from_status, to_status, note FROM complaint_history WHERE complaint_id = ?"
        " ORDER BY id", (complaint_id,))]


def follow_ups(conn: sqlite3.Connection, start: date, end: date,
               manager: str | None = None) -> list[tuple[Complaint, str, int]]:
    """What the due list takes from the complaints for [start, end]: (complaint, reason,
    overdue days) for each unresolved one due by ``end`` and each resolved one whose
    confirming call falls due by ``end``."""
    r = complaint_rules()
    out = []
    for c in sorted(list_complaints(conn, open_only=True, manager=manager), key=lambda c: (c.due_date, c.id)):
        category = r.category_label(c.category)
        if c.status in UNRESOLVED and c.due_date <= end:
            days = c.overdue_days(start)
            if days:
                reason = translate("Due", "complaint of {date} ({category}) overdue since {due}")
            else:
                reason = translate("Due", "complaint of {date} ({category}) to resolve by {due}")
            out.append((c, reason.format(date=c.date.isoformat(), category=category, due=c.due_date.isoformat()),
                        days))
        elif c.status == RESOLVED and c.confirm_from is not None and c.confirm_from <= end:
            reason = translate("Due", "complaint of {date} ({category}) resolved: confirm with the customer")
            out.append((c, reason.format(date=c.date.isoformat(), category=category),
                        max(0, (start - c.confirm_from).days)))
    return out
