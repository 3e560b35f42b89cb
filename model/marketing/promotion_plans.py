"""A promotion plan as data (DOMAIN §6): its lines, its checklist, a new plan from the
area type's template, and reading stored plans back. The writes are in
``model.marketing.promotions``; the evaluation in ``model.marketing.promotion_evaluation``.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from model.archive import database
from model.archive.database import sqlite3
from model.core.i18n import translate
from model.marketing.audience import Audience
from model.marketing.promotion_rules import (DRAFT, PHASES, activity_template_text, checklist_items, rules_language,
                                             template_for)


@dataclass
class BudgetLine:
    item: str
    quantity: float
    unit_cost: float

    @property
    def total(self) -> float:
        return round(self.quantity * self.unit_cost, 2)


@dataclass
class StaffLine:
    who: str
    role: str = ""


@dataclass
class ScheduleLine:
    at: str
    what: str


@dataclass
class CheckItem:
    phase: str
    key: str
    label: str
    done: bool = False
    done_at: str | None = None
    done_by: str | None = None


@dataclass
class Plan:
    """A promotion plan. ``id`` is None until saved; ``starts_at``/``ends_at`` are datetimes."""
    title: str
    area_type: str | None = None
    goal: str | None = None
    activity_type: str | None = None
    theme: str = ""
    starts_at: datetime | None = None
    ends_at: datetime | None = None
    place: str = ""
    resources: str = ""
    organisation: str = ""
    daily_contact: str = ""
    key_points: str = ""
    audience: Audience = field(default_factory=Audience)
    area_id: int | None = None
    circle_id: int | None = None
    budget: list[BudgetLine] = field(default_factory=list)
    staff: list[StaffLine] = field(default_factory=list)
    schedule: list[ScheduleLine] = field(default_factory=list)
    checklist: list[CheckItem] = field(default_factory=list)
    status: str = DRAFT
    id: int | None = None
    time_note: str = ""             # the time in words, e.g. the template's 'evening after dinner'
    created_at: str | None = None
    created_by: str | None = None
    updated_at: str | None = None
    updated_by: str | None = None

    @property
    def budget_total(self) -> float:
        return round(sum(line.total for line in self.budget), 2)

    def items(self, phase: str) -> list[CheckItem]:
        return [c for c in self.checklist if c.phase == phase]


def checklist_label(phase: str, key: str, stored: str, language: str | None = None) -> str:
    """A checklist item's words in the user's language: an item from the rules keeps its
    key and is said anew (made while the program spoke English, it reads in Chinese
    after a switch); one the user wrote or reworded shows as stored."""
    for item in checklist_items(phase) if phase in PHASES else ():
        if item.key == key and stored in (item.label_en, item.label_zh):
            return item.label(language)
    return stored


def default_checklist(language: str | None = None) -> list[CheckItem]:
    return [CheckItem(phase, item.key, item.label(language)) for phase in PHASES for item in checklist_items(phase)]


def activity_texts(area_type: str, activity_type: str | None, language: str | None = None) -> tuple[str, str]:
    """(theme, key points) of a plan of this activity type in this area type: the activity
    type's template (the six promotion means have one) first, then the area type's."""
    t = template_for(area_type)
    theme = activity_template_text(activity_type, "theme", language) or t.text("theme", language)
    points = [p for p in (activity_template_text(activity_type, "key_points", language),
                          t.text("key_points", language)) if p]
    return theme, ("；" if rules_language(language).startswith("zh") else "; ").join(points)


def new_plan(area_type: str, day: date | None = None, *, title: str | None = None,
             language: str | None = None, activity_type: str | None = None) -> Plan:
    """An unsaved plan prefilled from the area type's template (texts in ``language``),
    on ``day`` (default: a week from today) at the template's time; ``activity_type``
    (default: the template's) adds that type's template (:func:`activity_texts`)."""
    t = template_for(area_type)
    day = day or date.today() + timedelta(days=7)
    hour, minute = (int(x) for x in t.start_time.split(":"))
    start = datetime(day.year, day.month, day.day, hour, minute)
    activity_type = activity_type or t.activity_type
    theme, key_points = activity_texts(area_type, activity_type, language)
    return Plan(
        title=title or theme.split("：")[0].split(":")[0][:40],
        area_type=area_type, goal=t.goal, activity_type=activity_type, theme=theme,
        starts_at=start, ends_at=start + timedelta(minutes=t.duration_minutes),
        place=t.text("place", language), resources=t.text("resources", language),
        organisation=t.text("organisation", language), daily_contact=t.text("daily_contact", language),
        key_points=key_points, audience=Audience(area_types=(area_type,)),
        checklist=default_checklist(language), time_note=t.text("time", language))


def plan_time(value) -> datetime | None:
    """A stored or given time as a datetime to the minute (None for none)."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.replace(second=0, microsecond=0)
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day)
    return datetime.fromisoformat(str(value))


def existing_status(conn: sqlite3.Connection, plan_id: int) -> str:
    """The plan's status; raises ArchiveError when there is no such plan."""
    row = conn.execute("SELECT status FROM promotion_plans WHERE id = ?", (plan_id,)).fetchone()
    if row is None:
        raise database.ArchiveError(translate("Promotions", "Promotion plan {id} does not exist (any more).")
                                    .format(id=plan_id))
    return row[0]


def status(conn: sqlite3.Connection, plan_id: int) -> str | None:
    """The plan's status, None when there is no such plan."""
    row = conn.execute("SELECT status FROM promotion_plans WHERE id = ?", (plan_id,)).fetchone()
    return row[0] if row else None


def new_customers_extra(conn: sqlite3.Connection, plan_id: int) -> int:
    """The new customers won on the day but not entered in the archive, as last recorded."""
    return conn.execute("SELECT new_customers_extra FROM promotion_plans WHERE id = ?",
                        (plan_id,)).fetchone()[0]


def get(conn: sqlite3.Connection, plan_id: int) -> Plan | None:
    row = conn.execute("SELECT * FROM promotion_plans WHERE id = ?", (plan_id,)).fetchone()
    if row is None:
        return None
    plan = Plan(title=row["title"], area_type=row["area_type"], goal=row["goal"], activity_type=row["activity_type"],
                theme=row["theme"] or "", starts_at=plan_time(row["starts_at"]), ends_at=plan_time(row["ends_at"]),
                time_note=row["time_note"] or "",
                place=row["place"] or "", resources=row["resources"] or "", organisation=row["organisation"] or "",
                daily_contact=row["daily_contact"] or "", key_points=row["key_points"] or "",
                audience=Audience.from_json(row["audience"]), area_id=row["area_id"], circle_id=row["circle_id"],
                status=row["status"], id=row["id"], created_at=row["created_at"], created_by=row["created_by"],
                updated_at=row["updated_at"], updated_by=row["updated_by"])
    plan.budget = [BudgetLine(r[0], r[1], r[2]) for r in conn.execute(
        "SELECT item, quantity, unit_cost FROM promotion_budget WHERE plan_id = ? ORDER BY position", (plan_id,))]
    plan.staff = [StaffLine(r[0], r[1] or "") for r in conn.execute(
        "SELECT who, role FROM promotion_staff WHERE plan_id = ? ORDER BY position", (plan_id,))]
    plan.schedule = [ScheduleLine(r[0] or "", r[1]) for r in conn.execute(
        "SELECT at, what FROM promotion_schedule WHERE plan_id = ? ORDER BY position", (plan_id,))]
    plan.checklist = [CheckItem(r[0], r[1], checklist_label(r[0], r[1], r[2]), bool(r[3]), r[4], r[5])
                      for r in conn.execute(
        "SELECT phase, key, label, done, done_at, done_by FROM promotion_checklist WHERE plan_id = ?"
        " ORDER BY position", (plan_id,))]
    return plan


@dataclass(frozen=True)
class PlanSummary:
    id: int
    title: str
    status: str
    area_type: str | None
    goal: str | None
    activity_type: str | None
    starts_at: datetime | None
    ends_at: datetime | None
    circle_id: int | None
    budget_total: float
    evaluated: bool


def list_plans(conn: sqlite3.Connection, status: str | None = None) -> list[PlanSummary]:
    """Plans, latest start first (undated last)."""
    sql = ("SELECT p.id, p.title, p.status, p.area_type, p.goal, p.activity_type, p.starts_at, p.ends_at,"
           " p.circle_id, (SELECT coalesce(sum(quantity * unit_cost), 0) FROM promotion_budget b"
           " WHERE b.plan_id = p.id), p.evaluated_at IS NOT NULL FROM promotion_plans p")
    params: tuple = ()
    if status:
        sql += " WHERE p.status = ?"
        params = (status,)
    sql += " ORDER BY p.starts_at IS NULL, p.starts_at DESC, p.id DESC"
    return [PlanSummary(r[0], r[1], r[2], r[3], r[4], r[5], plan_time(r[6]), plan_time(r[7]), r[8], round(r[9], 2),
                        bool(r[10])) for r in conn.execute(sql, params)]


def status_log(conn: sqlite3.Connection, plan_id: int) -> list[dict]:
    return [dict(r) for r in conn.execute("SELECT changed_at, changed_by, old_status, new_status FROM"
                                          " promotion_status_log WHERE plan_id = ? ORDER BY id", (plan_id,))]


def participant_ids(conn: sqlite3.Connection, plan_id: int) -> list[int]:
    return [r[0] for r in conn.execute("SELECT customer_id FROM promotion_participants WHERE plan_id = ?"
                                       " ORDER BY customer_id", (plan_id,))]

