"""Who is due for contact in a date range, and by which channel (DOMAIN §2a, §2b, §7).

Two obligations make a customer due:

* the **value-tier treatment** (planning.json ``tiers``): A is visited at least
  every 30 days; B is visited monthly when it is a key customer, i.e. its tags
  names a KeyMan (the record's KeyMan field), otherwise called monthly; C is called (low-cost contact). Customers
  without a tier follow ``ungraded`` (channel from their channel preference).
* the **opportunity-grade tracking cadence** (A daily, B weekly, C half-monthly,
  D monthly, E none; grading.json): the grading module's next tracking date
  (the last contact plus the cadence).

Each obligation says which contacts satisfy it: a visit obligation counts only
visits (channel 'visit'); a call obligation and the tracking cadence count any
contact. An obligation never yet satisfied (never visited under a visit
obligation, never contacted under a call) is due from the start of the range and
shown as "never", not as a date reckoned from when the record was created: a
just-imported book has a full week to plan. (A file's 上次拜访 column becomes a
visit in the contacts, see model.customers.importing, and counts.)

A manager's own next date on the latest contact also makes the customer due, on what
was agreed: the next visit after a visit, the next call after a call.
A customer whose visit is due is listed once, under visits (the visit covers
the calls); otherwise under calls. Open 101 follow-up actions of partners
(model.partners.partners) due in the range are visits too. The care calls of the range
(birthdays and festivals, model.customers.care) ride on the customer's visit or call when one is
due; otherwise each is a call of its own (``care_only``, ranked with what is due in range).
So are the complaints (model.customers.complaints) to resolve by the range's end (overdue ones
ranked as overdue) and the resolved ones to confirm with the customer. Overdue days count to the range's start;
a date that falls on a weekend day or a holiday is the next working day's. Ranking:
overdue (or never satisfied) A-tier first, then overdue or A-tier, then
the rest, each by overdue days plus urgency; a never satisfied obligation ranks as
overdue by its interval.
"""
from __future__ import annotations

from model.archive.database import sqlite3
from dataclasses import dataclass, field
from datetime import date, timedelta

from model.visits import planning_rules
from model.core import stored_text
from model.core.i18n import translate

CALL_CHANNELS = ("phone", "sms", "online")

_OPPORTUNITY_BONUS = {"A": 40, "B": 30, "C": 20, "D": 10}


@dataclass
class DueVisit:
    """One customer due for contact in the range; the planner's and the printouts' input.

    A partner's 101 follow-up action is a due visit too: ``customer_id`` is None and
    ``partner_id`` / ``action_id`` name the partner and the action (model.partners.partners)."""
    customer_id: int | None
    name: str
    phone: str | None
    address: str | None
    area: str | None
    area_type: str | None
    lat: float | None
    lon: float | None
    window: str                   # availability key in planning.json (a schedule code or 'unknown')
    duration: int                 # minutes
    priority: int                 # higher first; rank_class * 1000 + overdue days + bonuses
    reason: str                   # why due, translated, several joined by '; '
    tier: str | None              # value tier A/B/C, None when ungraded
    overdue_days: int
    last_contact: str | None      # ISO date of the last contact on any channel
    last_result: str | None
    purpose: str
    due_date: date | None = None
    channel: str = "visit"        # 'visit' or the call channel
    opportunity_grade: str | None = None
    urgency: str | None = None
    coord_source: str | None = None   # 'customer', 'area', 'area_centroid' or None
    manager: str | None = None
    rank_class: int = 1           # 3 overdue A-tier, 2 overdue or A-tier, 1 due in range
    last_visit: str | None = None
    cadence_days: int | None = None   # the shortest contact interval that applies
    partner_id: int | None = None     # a partner's follow-up action (customer_id is None)
    action_id: int | None = None
    never: bool = False               # the governing obligation was never satisfied (never visited/contacted)
    news_only: bool = False           # due only for the A-tier market news (a message, not a call)
    care: tuple[str, ...] = ()        # care occasions (model.customers.care: 'birthday' or a festival's key) it carries
    care_only: bool = False           # due only for a care call (the sheets list those as care calls)
    complaints: tuple[int, ...] = ()  # the complaints (model.customers.complaints) to follow up on this contact

    @property
    def overdue(self) -> bool:
        return self.never or self.overdue_days > 0

    @property
    def never_visited(self) -> bool:
        return self.customer_id is not None and not self.last_visit


@dataclass
class DueList:
    start: date
    end: date
    visits: list[DueVisit] = field(default_factory=list)
    calls: list[DueVisit] = field(default_factory=list)

    def all(self) -> list[DueVisit]:
        return sorted(self.visits + self.calls, key=rank_key)


def rank_key(item: DueVisit):
    return (-item.priority, item.due_date or date.min, item.name, item.customer_id or 0, item.action_id or 0)


@dataclass
class Grade:
    tier: str | None = None
    opportunity: str | None = None
    urgency: str | None = None
    cadence_days: int | None = None
    next_tracking: date | None = None


def _as_date(value) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    try:
        import pandas as pd
        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        pass
    text = str(value)[:10]
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def grades(conn: sqlite3.Connection, ids: list[int], as_of: date) -> dict[int, Grade]:
    """The current grades of these customers from the grading module; customers
    without any grade are missing from the result."""
    if not ids:
        return {}
    from model import grading
    cadences = grading.load_rules().opportunity.cadences
    out = {}
    for cid, (tier, opportunity, urgency, next_tracking) in grading.due_columns(conn, ids, as_of).items():
        cadence = cadences.get(opportunity)
        out[cid] = Grade(tier=tier, opportunity=opportunity, urgency=urgency,
                         cadence_days=cadence.days if cadence is not None else None,
                         next_tracking=_as_date(next_tracking))
    return out


def customer_rows(conn: sqlite3.Connection, manager: str | None = None,
                  ids: list[int] | None = None, include_deleted: bool = False) -> list[sqlite3.Row]:
    """Active customers (of a manager, or these ids) with their area, position
    sources and last contact; what the due list and plans show."""
    return _customer_cursor(conn, manager, ids, include_deleted).fetchall()


def _customer_ids(conn: sqlite3.Connection, manager: str | None) -> list[int]:
    sql = "SELECT id FROM customers WHERE deleted_at IS NULL" + (" AND manager = ?" if manager else "")
    cursor = conn.cursor()
    cursor.row_factory = None
    return [r[0] for r in cursor.execute(sql + " ORDER BY id", (manager,) if manager else ())]


def _customer_cursor(conn: sqlite3.Connection, manager: str | None, ids: list[int] | None,
                     include_deleted: bool) -> sqlite3.Cursor:
    import json
    where = "1" if include_deleted else "c.deleted_at IS NULL"
    params: list = []
    if manager:
        where += " AND c.manager = ?"
        params.append(manager)
    if ids is not None:
        where += " AND c.id IN (SELECT value FROM json_each(?))"
        params.append(json.dumps(list(ids)))
    return conn.execute(f"""
        WITH centroid AS (
            SELECT area_id, AVG(latitude) AS lat, AVG(longitude) AS lon FROM customers
            WHERE latitude IS NOT NULL AND longitude IS NOT NULL AND deleted_at IS NULL
              AND area_id IS NOT NULL
            GROUP BY area_id)
        SELECT c.id, c.name, c.phone, c.phone2, c.address, c.tags, c.notes, c.manager,
               c.keyman_name, c.keyman_role, c.keyman_phone,
               c.created_on, c.dim_schedule, c.dim_channel,
               a.name AS area, a.area_type,
               c.latitude AS c_lat, c.longitude AS c_lon,
               a.latitude AS a_lat, a.longitude AS a_lon,
               centroid.lat AS m_lat, centroid.lon AS m_lon,
               r.contact_date AS last_contact, r.result AS last_result,
               r.next_step, r.next_date, r.channel AS last_channel,
               (SELECT MAX(contact_date) FROM contacts
                WHERE customer_id = c.id AND channel = 'visit') AS last_visit
        FROM customers c
        LEFT JOIN areas a ON a.id = c.area_id
        LEFT JOIN centroid ON centroid.area_id = c.area_id
        -- the latest contact, through the index on (customer_id, contact_date): only the
        -- customers asked for are looked at, not every contact of the archive
        LEFT JOIN contacts r ON r.id = (SELECT id FROM contacts WHERE customer_id = c.id
                                        ORDER BY contact_date DESC, id DESC LIMIT 1)
        WHERE {where}
        ORDER BY c.id""", params)


def position(row) -> tuple[float | None, float | None, str | None]:
    """The customer's coordinates, else the area's, else the centroid of the
    area's customers who have coordinates."""
    for lat, lon, source in (("c_lat", "c_lon", "customer"), ("a_lat", "a_lon", "area"),
                             ("m_lat", "m_lon", "area_centroid")):
        if row[lat] is not None and row[lon] is not None:
            return float(row[lat]), float(row[lon]), source
    return None, None, None


def has_keyman(tags: str | None, notes: str | None, tag: str) -> bool:
    """A KeyMan is known when the tags (or notes) carry the KeyMan tag as a word."""
    import re
    pattern = re.compile(rf"(?<![A-Za-z]){re.escape(tag)}(?![A-Za-z])", re.IGNORECASE)
    return any(pattern.search(text or "") for text in (tags, notes))


def due_list(conn: sqlite3.Connection, start: date, end: date, manager: str | None = None) -> DueList:
    """Customers due for a visit or a call on or before ``end`` (overdue ones
    included), each with why; visits and calls each ranked most urgent first."""
    rules = planning_rules.planning_rules()
    graded = grades(conn, _customer_ids(conn, manager), start)
    result = DueList(start, end)
    # The rows stream: a book of 100,000 keeps only those due, not every row at once.
    for row in _customer_cursor(conn, manager, None, False):
        item = _due_item(row, graded.get(row["id"], Grade()), rules, start, end)
        if item is not None:
            (result.visits if item.channel == "visit" else result.calls).append(item)
    _add_complaints(conn, result, graded, rules, manager)
    _add_care_calls(conn, result, graded, rules, manager)
    from model.grading import a_service
    from model.partners import partners
    result.visits.extend(partners.due_items(conn, start, end, manager))
    result.calls.extend(a_service.senior_calls(conn, start, end, manager))   # the senior's calls (seed 002)
    result.visits.sort(key=rank_key)
    result.calls.sort(key=rank_key)
    return result


def _rows_of(conn: sqlite3.Connection, manager: str | None, ids: list) -> dict[int, sqlite3.Row]:
    """The rows of these customers among the due list's (active, of the manager)."""
    wanted = sorted({int(i) for i in ids if i is not None})
    return {row["id"]: row for row in customer_rows(conn, manager, wanted)} if wanted else {}


def _listed(result: DueList) -> dict[int, DueVisit]:
    return {item.customer_id: item for item in result.visits + result.calls if item.customer_id is not None}


def _call_of_its_own(result: DueList, listed: dict[int, DueVisit], row, grade: Grade, rules,
                     **fields) -> DueVisit:
    item = make_item(row, grade, rules, channel="phone", **fields)
    listed[row["id"]] = item
    result.calls.append(item)
    return item


def _add_care_calls(conn: sqlite3.Connection, result: DueList, graded: dict[int, Grade], rules,
                    manager: str | None) -> None:
    """The care calls (birthdays, festivals; model.customers.care) due in the range: a customer already
    due a visit or a call carries the care reason on that one row; the others become calls."""
    from model.customers import care
    calls = care.care_calls(conn, result.start, result.end, manager)
    if not calls:
        return
    listed = _listed(result)
    by_id = _rows_of(conn, manager, [c.customer_id for c in calls if c.customer_id not in listed])
    lead = care.care_rules().lead_days
    for call in calls:
        item = listed.get(call.customer_id)
        if item is not None:
            if call.occasion not in item.care:
                item.reason = stored_text.join(r for r in (item.reason, call.reason) if r)
                item.care += (call.occasion,)
            continue
        if call.customer_id not in by_id:
            continue
        # the nearer the occasion, the higher; never above what is overdue
        points = max(0, lead - max(0, (call.on - result.start).days))
        _call_of_its_own(result, listed, by_id[call.customer_id], graded.get(call.customer_id, Grade()), rules,
                         priority=1000 + points, reason=call.reason, overdue_days=0,
                         purpose=translate("Due", "Care call"), due_date=call.on, rank_class=1,
                         care=(call.occasion,), care_only=True)


def _add_complaints(conn: sqlite3.Connection, result: DueList, graded: dict[int, Grade], rules,
                    manager: str | None) -> None:
    """The complaints (model.customers.complaints) to resolve or to confirm by the range's end: on the
    row of a customer already due (ranked at least as an overdue item when overdue), else
    a follow-up call of its own."""
    from model.customers import complaints
    found = complaints.follow_ups(conn, result.start, result.end, manager)
    if not found:
        return
    listed = _listed(result)
    by_id = _rows_of(conn, manager, [c.customer_id for c, _r, _o in found if c.customer_id not in listed])
    for complaint, reason, overdue in found:
        grade = graded.get(complaint.customer_id, Grade())
        rank_class = (3 if grade.tier == "A" else 2) if overdue else 2 if grade.tier == "A" else 1
        priority = rank_class * 1000 + min(overdue, 365) + 50      # a complaint before the routine
        item = listed.get(complaint.customer_id)
        if item is not None:
            item.reason = stored_text.join(r for r in (item.reason, reason) if r)
            item.complaints += (complaint.id,)
            if item.news_only:      # the market news by message becomes the follow-up call
                item.news_only, item.channel = False, "phone"
            if priority > item.priority:
                item.priority, item.rank_class = priority, max(item.rank_class, rank_class)
            continue
        if complaint.customer_id not in by_id:
            continue
        _call_of_its_own(result, listed, by_id[complaint.customer_id], grade, rules, priority=priority,
                         reason=reason, overdue_days=overdue, purpose=translate("Due", "Complaint follow-up"),
                         due_date=complaint.due_date if complaint.status in complaints.UNRESOLVED
                         else complaint.confirm_from, rank_class=rank_class, complaints=(complaint.id,))


def _tier_obligation(treatment, grade: Grade, last_any: date | None, last_visit: date | None,
                     start: date) -> tuple[date, str, str, bool, int] | None:
    """The value tier's visit or call every N days, or None when the tier sets none."""
    if not treatment.every_days:
        return None
    visiting = treatment.channel == "visit"
    base = last_visit if visiting else last_any     # which contacts satisfy it
    when = base + timedelta(days=treatment.every_days) if base else start
    if grade.tier and visiting:
        reason = translate("Due", "value tier {tier}: visit every {days} days")
    elif grade.tier:
        reason = translate("Due", "value tier {tier}: call every {days} days")
    elif visiting:
        reason = translate("Due", "visit every {days} days")
    else:
        reason = translate("Due", "contact every {days} days")
    reason = reason.format(tier=grade.tier, days=treatment.every_days)
    if base is None:
        reason += (translate("Due", " (never visited)") if visiting
                   else translate("Due", " (never contacted)"))
    return (when, treatment.channel, reason, base is None, treatment.every_days)


def _opportunity_obligation(grade: Grade, last_any: date | None,
                            start: date) -> tuple[date, str, str, bool, int] | None:
    """The opportunity grade's tracking call, or None when the grade asks for none."""
    cadence = grade.cadence_days
    if not (grade.opportunity and (cadence or grade.next_tracking)):
        return None
    never = last_any is None
    if never:
        when = start
    elif grade.next_tracking:
        when = grade.next_tracking
    else:
        when = last_any + timedelta(days=cadence)
    track = (translate("Due", "opportunity grade {grade}: track every day") if cadence == 1
             else translate("Due", "opportunity grade {grade}: track every {days} days"))
    return (when, "phone", track.format(grade=grade.opportunity, days=cadence if cadence else "-"),
            never, cadence or 0)


def _due_item(row, grade: Grade, rules, start: date, end: date) -> DueVisit | None:
    keyman = bool(row["keyman_name"])     # the KeyMan field (m0014 moved the KeyMan tags into it)
    treatment = rules.tier_treatment(grade.tier, keyman, row["dim_channel"])
    last_any = _as_date(row["last_contact"])
    last_visit = _as_date(row["last_visit"])
    # (due date, channel, reason, never satisfied, interval)
    obligations: list[tuple[date, str, str, bool, int]] = []

    for obligation in (_tier_obligation(treatment, grade, last_any, last_visit, start),
                       _opportunity_obligation(grade, last_any, start)):
        if obligation is not None:
            obligations.append(obligation)

    next_date = _as_date(row["next_date"])
    if next_date and (last_any is None or next_date >= last_any):
        # what was agreed: a visit's next date is the next visit, a call's the next call
        agreed = "visit" if row["last_channel"] == "visit" else "phone"
        obligations.append((next_date, agreed,
                            translate("Due", "next contact set for {date}").format(date=next_date.isoformat()),
                            False, 0))

    # what falls due on a weekend day or a holiday is the next working day's work
    obligations = [(o[0] if o[3] else rules.on_working_day(o[0]), *o[1:]) for o in obligations]
    in_range = [o for o in obligations if o[0] <= end]
    # A-tier market news (seed 002, model.grading.a_service): its own item only when nothing else
    # is due; otherwise the visit or call that is due carries the news too.
    from model.grading import a_service
    news = a_service.news_obligation(grade.tier, last_any, None, start)   # never contacted: due from start
    news_reason, news_only = None, False
    if news is not None and last_any is not None:
        news = (rules.on_working_day(news[0]), *news[1:])
    if news is not None and news[0] <= end:
        if in_range:
            news_reason = news[2]
        else:
            in_range, news_only = [(*news, last_any is None, 0)], True
    if not in_range:
        return None
    visit_due = [o for o in in_range if o[1] == "visit"]
    governing = visit_due or in_range
    channel = "visit" if visit_due else min(in_range)[1]
    never = any(o[3] for o in governing)
    dated = [o for o in governing if not o[3]]
    due_date = None if never else min(o[0] for o in dated)
    overdue = 0 if never else max(0, (start - due_date).days)
    reasons = [o[2] for o in sorted(in_range, key=lambda o: (o[0], o[2]))] + ([news_reason] if news_reason else [])

    if next_date and row["next_step"] and any(o[0] == next_date for o in in_range):
        purpose = row["next_step"]
    elif visit_due and grade.tier:
        purpose = translate("Due", "Regular visit (value tier {tier})").format(tier=grade.tier)
    elif grade.opportunity and grade.opportunity != "E":
        purpose = translate("Due", "Follow up (opportunity grade {grade})").format(grade=grade.opportunity)
    elif channel == "visit":
        purpose = translate("Due", "Regular visit")
    else:
        purpose = translate("Due", "Regular call")

    is_a = grade.tier == "A"
    late = overdue > 0 or never
    rank_class = 3 if (late and is_a) else 2 if (late or is_a) else 1
    # never satisfied: as overdue as one whole interval
    points = max(o[4] for o in governing if o[3]) if never else overdue
    priority = (rank_class * 1000 + min(points, 365)
                + int(rules.urgency_bonus.get(grade.urgency or "", 0))
                + _OPPORTUNITY_BONUS.get(grade.opportunity or "", 0))
    cadences = [c for c in (treatment.every_days, grade.cadence_days) if c]
    return make_item(row, grade, rules, cadence_days=min(cadences) if cadences else None, priority=priority,
                 reason=stored_text.join(reasons), overdue_days=overdue, purpose=purpose, due_date=due_date,
                 channel=channel, rank_class=rank_class, never=never, news_only=news_only)


def make_item(row, grade: Grade, rules, **fields) -> DueVisit:
    """A due item for a customer row; ``fields`` give the due-ness."""
    lat, lon, source = position(row)
    return DueVisit(
        customer_id=row["id"], name=row["name"], phone=row["phone"] or row["phone2"],
        address=row["address"], area=row["area"], area_type=row["area_type"], lat=lat, lon=lon,
        window=row["dim_schedule"] if row["dim_schedule"] in rules.availability else "unknown",
        duration=rules.minutes_for(grade.tier), tier=grade.tier, last_contact=row["last_contact"],
        last_result=row["last_result"], opportunity_grade=grade.opportunity, urgency=grade.urgency,
        coord_source=source, manager=row["manager"], last_visit=row["last_visit"], **fields)


def customer_as_visit(conn: sqlite3.Connection, customer_id: int, start: date, end: date) -> DueVisit:
    """A customer as a visit item even when not due (a visit added by hand)."""
    rules = planning_rules.planning_rules()
    row = next(iter(customer_rows(conn, ids=[customer_id])), None)
    if row is None:
        from model.archive import database
        raise database.ArchiveError(translate("Due", "This customer no longer exists."))
    grade = grades(conn, [customer_id], start).get(customer_id, Grade())
    item = _due_item(row, grade, rules, start, end)
    if item is not None:
        item.channel = "visit"
        return item
    return make_item(row, grade, rules, priority=1000, reason=translate("Due", "added by hand"), overdue_days=0,
                 purpose=translate("Due", "Visit"), due_date=None, channel="visit", rank_class=1)
