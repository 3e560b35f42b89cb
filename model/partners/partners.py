"""Partners (合作伙伴, DOMAIN.md §3): distributors and wholesalers with the retail
outlets they cover, their contacts (the KeyMan marked), the 101 agreement, the
follow-up actions of their checklist runs, and their targets against actuals.

- **Outlets** (:mod:`model.partners.partner_outlets`) are listed by hand or imported,
  each optionally linked to a customer, which is where the partner's actuals come from.
- **The 101 agreement** is a list of commitments, each on one side (the partner's:
  outlet coverage, distribution targets, warehouse management, delivery service;
  ours: logistics, information, merchandising, incentives) with its own text, plus
  signed / start / end dates.
- **Follow-up actions** (from checklist runs or added by hand) have an owner and a due
  date; open ones due in a planning range are due items (:func:`due_items`) that the
  visit planner plans like customer visits. Done on the partner's page, or by logging
  the planned visit as done.
- **Performance**: targets per period (``YYYY-MM`` or ``YYYY-Qn``) against actuals,
  entered or imported per period, or else summed from the transactions of the
  customers the outlets are linked to. A partner below target in the last two
  consecutive ended periods is flagged.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path

import pandas as pd

from model.archive import database
from model.core import name_order, normalize, table_files
from model.customers import search as name_search
from model.archive.database import sqlite3
from model.core.i18n import translate
from model.core.progress import Progress

KINDS = ("distributor", "wholesaler", "retailer", "other")
STEP = 200      # rows an import writes between two progress reports (and chances to cancel)
PARTNER_TOPICS = ("coverage", "targets", "warehouse", "delivery")
OUR_TOPICS = ("logistics", "information", "merchandising", "incentives")
SIDES = {"partner": PARTNER_TOPICS, "ours": OUR_TOPICS}


class PartnerError(database.ArchiveError):
    pass


def kind_label(kind: str | None) -> str:
    return {"distributor": translate("Partners", "distributor"),
            "wholesaler": translate("Partners", "wholesaler"),
            "retailer": translate("Partners", "retail chain"),
            "other": translate("Partners", "other")}.get(kind or "", kind or "")


def topic_label(topic: str) -> str:
    return {"coverage": translate("Partners", "Retail outlet coverage"),
            "targets": translate("Partners", "Distribution targets"),
            "warehouse": translate("Partners", "Warehouse management"),
            "delivery": translate("Partners", "Delivery service"),
            "logistics": translate("Partners", "Logistics support"),
            "information": translate("Partners", "Information support"),
            "merchandising": translate("Partners", "In-store merchandising (生动化)"),
            "incentives": translate("Partners", "Incentive policy")}.get(topic, topic)


def side_label(side: str) -> str:
    return {"partner": translate("Partners", "The partner commits to"),
            "ours": translate("Partners", "We commit to")}.get(side, side)


def free_text(value) -> str | None:
    """A note or commitment as written (trimmed; None if empty). Unlike names, free text
    keeps its full-width punctuation (NFKC would turn ， into ,)."""
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def time_stamp() -> str:
    return datetime.now().isoformat(timespec="seconds")


# -- partners -------------------------------------------------------------------------

@dataclass
class Partner:
    name: str
    kind: str = "distributor"
    territory: str | None = None
    address: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    phone: str | None = None
    manager: str | None = None
    notes: str | None = None
    id: int | None = None


_FIELDS = ("name", "kind", "territory", "address", "latitude", "longitude", "phone", "manager", "notes")


def _clean(partner: Partner) -> Partner:
    problems = []
    name = normalize.text(partner.name)
    if not name:
        problems.append(translate("Partners", "Enter the partner's name."))
    if partner.kind not in KINDS:
        problems.append(translate("Partners", "Choose the kind of partner (distributor, wholesaler, retail chain "
                                              "or other)."))
    phone = None
    try:
        phone = normalize.phone(partner.phone)
        lat = normalize.coordinate(partner.latitude, latitude=True)
        lon = normalize.coordinate(partner.longitude, latitude=False)
    except normalize.Invalid as exc:
        problems.append(str(exc))
        lat = lon = None
    if (lat is None) != (lon is None) and not problems:
        problems.append(translate("Partners", "Give both latitude and longitude, or neither."))
    if problems:
        raise PartnerError("\n".join(problems))
    return Partner(name, partner.kind, normalize.text(partner.territory), normalize.text(partner.address), lat, lon,
                   phone, normalize.text(partner.manager), free_text(partner.notes), partner.id)


def create(conn: sqlite3.Connection, partner: Partner, by: str) -> int:
    clean = _clean(partner)
    stamp = time_stamp()
    with database.transaction(conn):
        partner.id = conn.execute(
            f"INSERT INTO partners({', '.join(_FIELDS)}, created_at, created_by, updated_at, updated_by)"
            f" VALUES ({', '.join('?' * len(_FIELDS))}, ?, ?, ?, ?)",
            (*(getattr(clean, f) for f in _FIELDS), stamp, by, stamp, by)).lastrowid
    return partner.id


def update(conn: sqlite3.Connection, partner: Partner, by: str) -> None:
    clean = _clean(partner)
    get(conn, partner.id)
    with database.transaction(conn):
        conn.execute(f"UPDATE partners SET {', '.join(f + ' = ?' for f in _FIELDS)}, updated_at = ?, updated_by = ?"
                     " WHERE id = ?", (*(getattr(clean, f) for f in _FIELDS), time_stamp(), by, partner.id))


def delete(conn: sqlite3.Connection, partner_id: int) -> None:
    """Delete a partner with its outlets, contacts, agreement, runs, actions and targets
    (planned follow-up visits go with the actions)."""
    with database.transaction(conn):
        conn.execute("DELETE FROM plan_visits WHERE partner_action_id IN"
                     " (SELECT id FROM partner_actions WHERE partner_id = ?)", (partner_id,))
        conn.execute("DELETE FROM partners WHERE id = ?", (partner_id,))


def get(conn: sqlite3.Connection, partner_id: int) -> Partner:
    row = conn.execute("SELECT * FROM partners WHERE id = ?", (partner_id,)).fetchone()
    if row is None:
        raise PartnerError(translate("Partners", "There is no partner number {id} in this archive; list them "
                                                 "with 'python main.py partners ARCHIVE'.").format(id=partner_id))
    return Partner(**{f: row[f] for f in _FIELDS}, id=row["id"])


@dataclass(frozen=True)
class PartnerSummary:
    id: int
    name: str
    kind: str
    territory: str | None
    manager: str | None
    outlets: int
    last_run_on: date | None
    last_score: float | None
    open_actions: int
    next_due: date | None
    flagged: bool


def list_partners(conn: sqlite3.Connection, search: str | None = None, as_of: date | None = None
                  ) -> list[PartnerSummary]:
    """Every partner (or those whose name matches ``search``, by its characters or its pinyin,
    or whose territory or manager contains it), in pinyin order, with its outlets, last
    checklist score, open actions and the performance flag."""
    where, params = "", []
    text = normalize.text(search)
    if text:
        where = "WHERE p.name LIKE ? OR coalesce(p.territory, '') LIKE ? OR coalesce(p.manager, '') LIKE ?"
        params = [f"%{text}%"] * 3
        by_pinyin = {r[0] for r in conn.execute("SELECT id, name FROM partners")
                     if name_search.name_matches(r[1], text)}
        if by_pinyin:
            where += f" OR p.id IN ({', '.join(str(int(i)) for i in by_pinyin)})"
    rows = conn.execute(f"""
        SELECT p.id, p.name, p.kind, p.territory, p.manager,
               (SELECT count(*) FROM partner_outlets o WHERE o.partner_id = p.id) AS outlets,
               (SELECT r.run_on FROM checklist_runs r WHERE r.partner_id = p.id
                ORDER BY r.run_on DESC, r.id DESC LIMIT 1) AS last_run_on,
               (SELECT r.score FROM checklist_runs r WHERE r.partner_id = p.id
                ORDER BY r.run_on DESC, r.id DESC LIMIT 1) AS last_score,
               (SELECT count(*) FROM partner_actions a WHERE a.partner_id = p.id AND a.status = 'open') AS open_actions,
               (SELECT min(a.due_on) FROM partner_actions a WHERE a.partner_id = p.id AND a.status = 'open') AS next_due
        FROM partners p {where} ORDER BY p.id""", params).fetchall()
    rows = name_order.by_pinyin(rows, lambda r: r["name"])
    return [PartnerSummary(r["id"], r["name"], r["kind"], r["territory"], r["manager"], r["outlets"],
                           date.fromisoformat(r["last_run_on"]) if r["last_run_on"] else None, r["last_score"],
                           r["open_actions"], date.fromisoformat(r["next_due"]) if r["next_due"] else None,
                           is_flagged(performance(conn, r["id"], as_of)))
            for r in rows]


# -- contacts ---------------------------------------------------------------------------

@dataclass
class PartnerContact:
    name: str
    role: str | None = None
    phone: str | None = None
    keyman: bool = False
    id: int | None = None


def contacts(conn: sqlite3.Connection, partner_id: int) -> list[PartnerContact]:
    return [PartnerContact(r["name"], r["role"], r["phone"], bool(r["keyman"]), r["id"]) for r in conn.execute(
        "SELECT * FROM partner_contacts WHERE partner_id = ? ORDER BY position, id", (partner_id,))]


def set_contacts(conn: sqlite3.Connection, partner_id: int, people: list[PartnerContact]) -> None:
    """Replace the partner's contacts (in this order); at most one KeyMan."""
    cleaned, problems = [], []
    for n, person in enumerate(people, 1):
        name = normalize.text(person.name)
        if not name:
            problems.append(translate("Partners", "Contact {n}: enter a name.").format(n=n))
            continue
        try:
            phone = normalize.phone(person.phone)
        except normalize.Invalid as exc:
            problems.append(translate("Partners", "Contact {n}: {problem}").format(n=n, problem=exc))
            continue
        cleaned.append((partner_id, n, name, normalize.text(person.role), phone, int(bool(person.keyman))))
    if sum(c[-1] for c in cleaned) > 1:
        problems.append(translate("Partners", "Mark one contact as the KeyMan (the decision maker), not several."))
    if problems:
        raise PartnerError("\n".join(problems))
    get(conn, partner_id)
    with database.transaction(conn):
        conn.execute("DELETE FROM partner_contacts WHERE partner_id = ?", (partner_id,))
        conn.executemany("INSERT INTO partner_contacts(partner_id, position, name, role, phone, keyman)"
                         " VALUES (?, ?, ?, ?, ?, ?)", cleaned)


def keyman(conn: sqlite3.Connection, partner_id: int) -> PartnerContact | None:
    people = contacts(conn, partner_id)
    return next((c for c in people if c.keyman), None)


# -- the 101 agreement ----------------------------------------------------------------------

@dataclass
class Commitment:
    side: str            # partner / ours
    topic: str
    text: str


@dataclass
class Agreement:
    signed_on: date | None = None
    starts_on: date | None = None
    ends_on: date | None = None
    notes: str | None = None
    commitments: list[Commitment] = field(default_factory=list)

    def of(self, side: str) -> list[Commitment]:
        return [c for c in self.commitments if c.side == side]

    def in_force(self, on: date) -> bool:
        return (self.starts_on is None or self.starts_on <= on) and (self.ends_on is None or on <= self.ends_on)


def _day(value) -> date | None:
    return date.fromisoformat(value) if value else None


def agreement(conn: sqlite3.Connection, partner_id: int) -> Agreement:
    head = conn.execute("SELECT * FROM partner_agreements WHERE partner_id = ?", (partner_id,)).fetchone()
    items = [Commitment(r["side"], r["topic"], r["text"]) for r in conn.execute(
        "SELECT * FROM partner_commitments WHERE partner_id = ? ORDER BY side DESC, position, id", (partner_id,))]
    if head is None:
        return Agreement(commitments=items)
    return Agreement(_day(head["signed_on"]), _day(head["starts_on"]), _day(head["ends_on"]), head["notes"], items)


def save_agreement(conn: sqlite3.Connection, partner_id: int, deal: Agreement) -> None:
    """Store the partner's 101 agreement (replacing the one stored)."""
    problems = []
    if deal.starts_on and deal.ends_on and deal.ends_on < deal.starts_on:
        problems.append(translate("Partners", "The agreement ends before it starts; correct the end date."))
    rows = []
    for n, c in enumerate(deal.commitments, 1):
        text = free_text(c.text)
        if not text:
            continue
        if c.side not in SIDES or c.topic not in SIDES[c.side]:
            problems.append(translate("Partners", "Commitment {n} has an unknown side or topic.").format(n=n))
            continue
        rows.append((partner_id, c.side, c.topic, n, text))
    if problems:
        raise PartnerError("\n".join(problems))
    get(conn, partner_id)
    def iso(d):
        return d.isoformat() if d else None
    with database.transaction(conn):
        conn.execute("INSERT INTO partner_agreements(partner_id, signed_on, starts_on, ends_on, notes)"
                     " VALUES (?, ?, ?, ?, ?) ON CONFLICT(partner_id) DO UPDATE SET signed_on = excluded.signed_on,"
                     " starts_on = excluded.starts_on, ends_on = excluded.ends_on, notes = excluded.notes",
                     (partner_id, iso(deal.signed_on), iso(deal.starts_on), iso(deal.ends_on), free_text(deal.notes)))
        conn.execute("DELETE FROM partner_commitments WHERE partner_id = ?", (partner_id,))
        conn.executemany("INSERT INTO partner_commitments(partner_id, side, topic, position, text)"
                         " VALUES (?, ?, ?, ?, ?)", rows)


# -- follow-up actions ---------------------------------------------------------------------------

def add_action(conn: sqlite3.Connection, action, by: str) -> int:
    """Store a follow-up action (:class:`model.partners.checklists.Action`); returns its id."""
    text, owner = free_text(action.text), normalize.text(action.owner)
    if not text or not owner or action.due_on is None:
        raise PartnerError(translate("Checklist", "Each follow-up action needs what to do, an owner and a due date."))
    with database.transaction(conn):
        return conn.execute(
            "INSERT INTO partner_actions(partner_id, run_id, item_key, text, owner, due_on, status, created_at,"
            " created_by) VALUES (?, ?, ?, ?, ?, ?, 'open', ?, ?)",
            (action.partner_id, action.run_id, action.item_key, text, owner, action.due_on.isoformat(), time_stamp(),
             by)).lastrowid


def _action(row):
    from model.partners.checklists import Action
    return Action(row["text"], row["owner"], date.fromisoformat(row["due_on"]), row["item_key"], row["status"],
                  row["id"], row["partner_id"], row["run_id"], row["done_on"], row["done_by"], row["done_note"])


def actions(conn: sqlite3.Connection, partner_id: int, *, run_id: int | None = None,
            include_done: bool = False) -> list:
    """The partner's follow-up actions (open ones, or all), by due date."""
    sql = "SELECT * FROM partner_actions WHERE partner_id = ?"
    params: list = [partner_id]
    if run_id is not None:
        sql += " AND run_id = ?"
        params.append(run_id)
    if not include_done:
        sql += " AND status = 'open'"
    return [_action(r) for r in conn.execute(sql + " ORDER BY status DESC, due_on, id", params)]


def action(conn: sqlite3.Connection, action_id: int):
    row = conn.execute("SELECT * FROM partner_actions WHERE id = ?", (action_id,)).fetchone()
    if row is None:
        raise PartnerError(translate("Partners", "This follow-up action no longer exists."))
    return _action(row)


def complete_action(conn: sqlite3.Connection, action_id: int, by: str, note: str | None = None,
                    on: date | None = None) -> None:
    """Mark a follow-up action done (it leaves the due list)."""
    action(conn, action_id)
    with database.transaction(conn):
        conn.execute("UPDATE partner_actions SET status = 'done', done_on = ?, done_by = ?, done_note = ? WHERE id = ?",
                     ((on or date.today()).isoformat(), by, free_text(note), action_id))


def reopen_action(conn: sqlite3.Connection, action_id: int) -> None:
    with database.transaction(conn):
        conn.execute("UPDATE partner_actions SET status = 'open', done_on = NULL, done_by = NULL, done_note = NULL"
                     " WHERE id = ?", (action_id,))


def move_action(conn: sqlite3.Connection, action_id: int, due_on: date) -> None:
    with database.transaction(conn):
        conn.execute("UPDATE partner_actions SET due_on = ? WHERE id = ?", (due_on.isoformat(), action_id))


def due_items(conn: sqlite3.Connection, start: date, end: date, manager: str | None = None) -> list:
    """Open follow-up actions due on or before ``end`` as due visits to the partner
    (:class:`model.visits.due.DueVisit` with ``action_id``). They rank with the A-tier customers
    (an agreed date with a partner); overdue ones with the overdue A-tier."""
    from model.visits import due, planning_rules
    rules = planning_rules.planning_rules()
    sql = ("SELECT a.*, p.name, p.phone, p.address, p.territory, p.latitude, p.longitude, p.manager,"
           " (SELECT c.phone FROM partner_contacts c WHERE c.partner_id = p.id AND c.phone IS NOT NULL"
           "  ORDER BY c.keyman DESC, c.position LIMIT 1) AS contact_phone,"
           " (SELECT max(r.run_on) FROM checklist_runs r WHERE r.partner_id = p.id) AS last_run"
           " FROM partner_actions a JOIN partners p ON p.id = a.partner_id"
           " WHERE a.status = 'open' AND a.due_on <= ?")
    params: list = [end.isoformat()]
    if manager:
        sql += " AND p.manager = ?"
        params.append(manager)
    items = []
    for r in conn.execute(sql + " ORDER BY a.due_on, a.id", params):
        due_on = date.fromisoformat(r["due_on"])
        overdue = max(0, (start - due_on).days)
        # An agreed date with a partner ranks with the A-tier visits: overdue ones first.
        rank_class = 3 if overdue else 2
        located = r["latitude"] is not None and r["longitude"] is not None
        items.append(due.DueVisit(
            customer_id=None, name=r["name"], phone=r["contact_phone"] or r["phone"], address=r["address"],
            area=r["territory"], area_type=None, lat=r["latitude"], lon=r["longitude"], window="unknown",
            duration=rules.minutes_for(None), priority=rank_class * 1000 + min(overdue, 365),
            reason=translate("Due", "101 follow-up: {action} (owner {owner})").format(action=r["text"],
                                                                                     owner=r["owner"]),
            tier=None, overdue_days=overdue, last_contact=r["last_run"], last_result=None, purpose=r["text"],
            due_date=due_on, channel="visit", coord_source="partner" if located else None, manager=r["manager"],
            rank_class=rank_class, partner_id=r["partner_id"], action_id=r["id"]))
    return items


# -- performance --------------------------------------------------------------------------------

_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
_QUARTER = re.compile(r"^(\d{4})-?[Qq]([1-4])$")


def period_range(period: str) -> tuple[date, date]:
    """'2026-03' → 1-31 March; '2026-Q1' → January to March."""
    text = (normalize.text(period) or "").upper()
    month = _MONTH.match(text)
    if month and 1 <= int(month.group(2)) <= 12:
        year, m = int(month.group(1)), int(month.group(2))
        return date(year, m, 1), date(year, m, calendar.monthrange(year, m)[1])
    quarter = _QUARTER.match(text)
    if quarter:
        year, q = int(quarter.group(1)), int(quarter.group(2))
        first = 3 * q - 2
        return date(year, first, 1), date(year, first + 2, calendar.monthrange(year, first + 2)[1])
    raise PartnerError(translate("Partners", "'{period}' is not a period; write a month as 2026-03 or a quarter "
                                             "as 2026-Q1.").format(period=period))


def period_key(period: str) -> str:
    """The period as stored: '2026-03' or '2026-Q1'."""
    start, end = period_range(period)
    if start.month == end.month:
        return f"{start.year}-{start.month:02d}"
    return f"{start.year}-Q{(start.month + 2) // 3}"


def _next_period(key: str) -> str:
    start, end = period_range(key)
    following = end + timedelta(days=1)
    if start.month == end.month:
        return f"{following.year}-{following.month:02d}"
    return f"{following.year}-Q{(following.month + 2) // 3}"


def set_target(conn: sqlite3.Connection, partner_id: int, period: str, target: float,
               actual: float | None = None) -> str:
    """Store the target (and an actual, when entered or imported) of a period; returns its key."""
    key = period_key(period)
    try:
        target = float(target)
        actual = None if actual in (None, "") else float(actual)
    except (TypeError, ValueError):
        raise PartnerError(translate("Partners", "A target and an actual are numbers.")) from None
    if target <= 0 or (actual is not None and actual < 0):
        raise PartnerError(translate("Partners", "The target must be above zero and the actual not below zero."))
    get(conn, partner_id)
    with database.transaction(conn):
        conn.execute("INSERT INTO partner_targets(partner_id, period, target, actual) VALUES (?, ?, ?, ?)"
                     " ON CONFLICT(partner_id, period) DO UPDATE SET target = excluded.target,"
                     " actual = excluded.actual",
                     (partner_id, key, target, actual))
    return key


def delete_target(conn: sqlite3.Connection, partner_id: int, period: str) -> None:
    with database.transaction(conn):
        conn.execute("DELETE FROM partner_targets WHERE partner_id = ? AND period = ?",
                     (partner_id, period_key(period)))


@dataclass(frozen=True)
class PeriodFigure:
    period: str
    start: date
    end: date
    target: float
    actual: float | None
    source: str | None          # 'entered' / 'transactions' / None (no actual)
    ended: bool

    @property
    def ratio(self) -> float | None:
        return None if self.actual is None else self.actual / self.target

    @property
    def below(self) -> bool:
        return self.actual is not None and self.actual < self.target


def performance(conn: sqlite3.Connection, partner_id: int, as_of: date | None = None) -> list[PeriodFigure]:
    """The partner's periods with a target, in time order, each with its actual: the one
    entered or imported, else the sum of the transactions of the customers its outlets
    are linked to (None when no outlet is linked)."""
    as_of = as_of or date.today()
    linked = [r[0] for r in conn.execute("SELECT DISTINCT customer_id FROM partner_outlets"
                                         " WHERE partner_id = ? AND customer_id IS NOT NULL", (partner_id,))]
    out = []
    for r in conn.execute("SELECT period, target, actual FROM partner_targets WHERE partner_id = ?", (partner_id,)):
        start, end = period_range(r["period"])
        actual, source = r["actual"], "entered" if r["actual"] is not None else None
        if actual is None and linked:
            import json
            actual = conn.execute(
                "SELECT coalesce(sum(amount), 0) FROM transactions"
                " WHERE customer_id IN (SELECT value FROM json_each(?))"
                " AND txn_date BETWEEN ? AND ?", (json.dumps(linked), start.isoformat(),
                                                  end.isoformat() + "T99")).fetchone()[0]
            source = "transactions"
        out.append(PeriodFigure(r["period"], start, end, r["target"], actual, source, end < as_of))
    out.sort(key=lambda f: (f.start, f.end))
    return out


def is_flagged(figures: list[PeriodFigure]) -> bool:
    """Below target in the last two ended periods, and those periods follow each other."""
    ended = [f for f in figures if f.ended and f.actual is not None]
    if len(ended) < 2:
        return False
    before, last = ended[-2], ended[-1]
    return before.below and last.below and _next_period(before.period) == last.period


def import_targets(conn: sqlite3.Connection, partner_id: int, path: Path | str, *, partial: bool = False,
                   rejects_path: Path | str | None = None, progress: Progress | None = None):
    """Targets and actuals per period from a CSV / .xlsx file (columns period, target and
    optionally actual), all or nothing like every import; returns an ImportResult."""
    from model.customers import importing
    get(conn, partner_id)
    progress = progress or Progress()
    frame: pd.DataFrame = table_files.read_table(path)
    names = {"period": ("period", "期间", "月份", "季度"), "target": ("target", "目标", "目标销量", "目标金额"),
             "actual": ("actual", "实际", "实绩", "实际销量", "实际金额")}
    mapping = {}
    for column in frame.columns:
        folded = (normalize.text(column) or "").lower()
        for key, options in names.items():
            if folded in options and key not in mapping:
                mapping[key] = column
    if "period" not in mapping or "target" not in mapping:
        raise table_files.ImportFileError(translate(
            "Partners", "The file needs a period column (期间, e.g. 2026-03 or 2026-Q1) and a target column (目标)."))
    columns = [str(c) for c in frame.columns]
    rows, rejects = [], []
    for n, (row_number, row) in enumerate(frame.iterrows()):
        if n % 1000 == 999:
            progress.report(n + 1, len(frame))
            progress.check()
        reasons = []
        try:
            key = period_key(row[mapping["period"]])
        except PartnerError as exc:
            reasons.append(str(exc))
            key = None
        values = []
        for name in ("target", "actual"):
            try:
                values.append(normalize.number(row[mapping[name]]) if name in mapping else None)
            except normalize.Invalid as exc:
                reasons.append(translate("Import", "{column}: {reason}").format(column=mapping[name], reason=exc))
                values.append(None)
        if not reasons and (values[0] is None or values[0] <= 0):
            reasons.append(translate("Partners", "{column}: the target must be above zero.")
                           .format(column=mapping["target"]))
        if reasons:
            rejects.append(importing.Reject(int(row_number), {c: str(row[c]) for c in columns}, reasons))
        else:
            rows.append((key, values[0], values[1]))
    write = partial or not rejects
    written_rejects = None
    if rejects:
        written_rejects = importing.write_rejects(
            Path(rejects_path) if rejects_path else importing.default_rejects_path(path), columns, rejects)
    if write:
        _write_targets(conn, partner_id, rows, progress)
    return importing.ImportResult(kind="targets", rows=len(frame), imported=len(rows), rejected=len(rejects),
                                  duplicates=0, rejects=rejects, duplicate_rows=[], rejects_path=written_rejects,
                                  written=write, blank_rows=int(frame.attrs.get("blank_rows", 0)))


def _write_targets(conn: sqlite3.Connection, partner_id: int, rows: list, progress: Progress) -> None:
    """Set each period's target in one transaction; a cancel between steps rolls all back."""
    progress.check()
    with database.transaction(conn):
        for n, (key, target, actual) in enumerate(rows):
            set_target(conn, partner_id, key, target, actual)
            if n % STEP == STEP - 1:
                progress.report(n + 1, len(rows))
                progress.check()        # cancelled: the transaction rolls back, no target set
