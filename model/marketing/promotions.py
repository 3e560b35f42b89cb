"""Promotion-activity plans (促销活动方案, DOMAIN.md §6): templates per area type,
the target audience as a stored filter, budget, staffing, schedule, checklists,
status, and the evaluation after the activity.

Decisions the numbers rest on (tested in tests/marketing/test_promotions.py):

- **Audience**: within one kind of criterion any value matches (OR), across kinds
  all must match (AND); an empty filter means every customer not deleted. The
  audience is snapshotted when the plan is approved; the evaluation measures reach
  against that snapshot (against the live filter if the plan never was approved).
- **Deal window**: transactions of the customers who took part, dated from the day
  the activity starts through ``window_days`` days after the day it ends, both days
  included (the activity's own days count: sales on site are deals).
- **New customers**: participants whose record was created within the deal window,
  plus ``new_customers_extra`` (won on the day but not entered in the archive).
- **Cost per participant / per deal**: the budget total divided by participants
  (picked customers + walk-ins) or by deals (transactions in the window); None when
  there is nothing to divide by or no budget at all.
"""
from __future__ import annotations

import json
from model.archive.database import sqlite3
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from functools import lru_cache
from pathlib import Path

from model.archive import database
from model.core import rules
from model.customers.customers import ValidationError, now_stamp
from model.core.i18n import translate

RULES_FILE = "promotion_templates.json"

DRAFT, APPROVED, RUNNING, DONE = "draft", "approved", "running", "done"
STATUSES = (DRAFT, APPROVED, RUNNING, DONE)
# Allowed moves: forward one step, or an approved plan back to draft for changes.
TRANSITIONS = {DRAFT: (APPROVED,), APPROVED: (DRAFT, RUNNING), RUNNING: (DONE,), DONE: ()}
PHASES = ("before", "promotion", "during", "closing")   # seed 003: 活动前的准备 / 活动推广 / 活动中 / 活动收场
DEFAULT_WINDOW_DAYS = 30


# ----------------------------------------------------------------------------- rules data

def _language(language: str | None) -> str:
    if language:
        return language
    from model.core import language as languages
    return languages.installed_language()


@dataclass(frozen=True)
class Choice:
    """A key stored in the archive with its labels (goal, activity type, centre kind, checklist item)."""
    key: str
    label_en: str
    label_zh: str
    description_en: str = ""
    description_zh: str = ""
    group: str = ""             # activity types: "means" (促销手法), "channel" (推广渠道) or ""

    def label(self, language: str | None = None) -> str:
        return self.label_zh if _language(language).startswith("zh") else self.label_en

    def description(self, language: str | None = None) -> str:
        return self.description_zh if _language(language).startswith("zh") else self.description_en


@dataclass(frozen=True)
class Template:
    """The prefilled plan for an area type (seed 003); texts in both languages."""
    area_type: str
    goal: str
    activity_type: str
    start_time: str                 # 'HH:MM'
    duration_minutes: int
    texts: dict = field(compare=False, hash=False)  # field -> {'en': ..., 'zh': ...}

    TEXT_FIELDS = ("theme", "time", "place", "resources", "organisation", "daily_contact", "key_points")

    def text(self, name: str, language: str | None = None) -> str:
        pair = self.texts.get(name, {})
        return pair.get("zh" if _language(language).startswith("zh") else "en", "")


@dataclass(frozen=True)
class MarketingRules:
    goals: tuple[Choice, ...]
    activity_types: tuple[Choice, ...]
    templates: tuple[Template, ...]
    checklists: dict            # phase -> tuple[Choice, ...]
    centre_kinds: tuple[Choice, ...]
    activity_templates: dict = field(default_factory=dict)   # activity type -> field -> {'en', 'zh'}
    principles: tuple[Choice, ...] = ()                      # seed 003's 锦囊: the 2-km rule, ...


def _choice(d: dict) -> Choice:
    return Choice(d["key"], d["label_en"], d["label_zh"], d.get("description_en", ""), d.get("description_zh", ""),
                  d.get("group", ""))


@lru_cache(maxsize=4)
def _load(folder: str) -> MarketingRules:
    with open(Path(folder) / RULES_FILE, encoding="utf-8") as handle:
        data = json.load(handle)
    templates = []
    for t in data["templates"]:
        texts = {name: {"en": t.get(f"{name}_en", ""), "zh": t.get(f"{name}_zh", "")}
                 for name in Template.TEXT_FIELDS}
        templates.append(Template(t["area_type"], t["goal"], t["activity_type"], t.get("start_time", "19:00"),
                                  int(t.get("duration_minutes", 120)), texts))
    return MarketingRules(
        goals=tuple(_choice(g) for g in data["goals"]),
        activity_types=tuple(_choice(a) for a in data["activity_types"]),
        templates=tuple(templates),
        checklists={phase: tuple(_choice(i) for i in data["checklists"].get(phase, ())) for phase in PHASES},
        centre_kinds=tuple(_choice(c) for c in data["centre_kinds"]),
        # Keyed by the activity type, or "group:<group>" for every type of a group (the channels).
        activity_templates={t.get("activity_type") or f"group:{t.get('group', '')}":
                            {name: {"en": t.get(f"{name}_en", ""), "zh": t.get(f"{name}_zh", "")}
                             for name in ACTIVITY_TEMPLATE_FIELDS}
                            for t in data.get("activity_templates", ())},
        principles=tuple(_choice(p) for p in data.get("principles", ())))


ACTIVITY_TEMPLATE_FIELDS = ("theme", "key_points")


def marketing_rules() -> MarketingRules:
    """The templates, goals, activity types, checklists and centre kinds (``promotion_templates.json``)."""
    return _load(str(rules.rules_dir()))


def goals() -> tuple[Choice, ...]:
    return marketing_rules().goals


def activity_types() -> tuple[Choice, ...]:
    return marketing_rules().activity_types


def templates() -> tuple[Template, ...]:
    return marketing_rules().templates


def checklist_items(phase: str) -> tuple[Choice, ...]:
    return marketing_rules().checklists[phase]


def activity_type_description(key: str | None, language: str | None = None) -> str:
    """How an activity type is done (a promotion means' 方式, seed 004); "" when the rules say nothing."""
    c = _find(activity_types(), key)
    return c.description(language) if c else ""


def activity_template_text(activity_type: str | None, name: str, language: str | None = None) -> str:
    """A field ('theme', 'key_points') of the activity type's template; "" without one."""
    found = marketing_rules().activity_templates
    kind = _find(activity_types(), activity_type)
    template = found.get(activity_type or "") or (found.get(f"group:{kind.group}", {}) if kind and kind.group else {})
    pair = template.get(name, {})
    return pair.get("zh" if _language(language).startswith("zh") else "en", "")


def principles() -> tuple[Choice, ...]:
    return marketing_rules().principles


def principles_text(language: str | None = None) -> str:
    """The key principles (锦囊, seed 003) one to a line: the 2-kilometre rule, scale, ..."""
    return "\n".join(f"{p.label(language)}: {p.description(language)}" if p.description(language) else p.label(language)
                     for p in principles())


def _find(choices, key: str | None) -> Choice | None:
    for c in choices:
        if c.key == key:
            return c
    return None


def goal_label(key: str | None, language: str | None = None) -> str:
    c = _find(goals(), key)
    return c.label(language) if c else (key or "")


def activity_type_label(key: str | None, language: str | None = None) -> str:
    c = _find(activity_types(), key)
    return c.label(language) if c else (key or "")


def area_type_label(key: str | None, language: str | None = None) -> str:
    for a in rules.area_types():
        if a.key == key:
            return a.label(_language(language))
    return key or ""


def status_label(status: str) -> str:
    return {DRAFT: translate("Promotions", "draft"), APPROVED: translate("Promotions", "approved"),
            RUNNING: translate("Promotions", "running"), DONE: translate("Promotions", "done")}.get(status, status)


def phase_label(phase: str) -> str:
    return {"before": translate("Promotions", "Before the activity"),
            "promotion": translate("Promotions", "Promoting the activity"),
            "during": translate("Promotions", "During the activity"),
            "closing": translate("Promotions", "Closing")}.get(phase, phase)


def template_for(area_type: str) -> Template:
    """The template of an area type; raises ValidationError for an area type without one."""
    for t in templates():
        if t.area_type == area_type:
            return t
    raise ValidationError({"area_type": translate("Promotions", "There is no plan template for the area type "
                                                                "'{key}'. Pick one of the five area types.")
                           .format(key=area_type)})


# ----------------------------------------------------------------------------- audience

@dataclass(frozen=True)
class Audience:
    """Who the activity is for. Any value within a kind matches; every kind given must match."""
    value_tiers: tuple[str, ...] = ()
    opportunity_grades: tuple[str, ...] = ()
    rfm_types: tuple[str, ...] = ()
    personas: tuple[str, ...] = ()
    area_ids: tuple[int, ...] = ()
    area_types: tuple[str, ...] = ()
    circle_ids: tuple[int, ...] = ()

    _GRADE_KINDS = (("value_tiers", "value_tier"), ("opportunity_grades", "opportunity"),
                    ("rfm_types", "rfm"), ("personas", "persona"))

    def is_empty(self) -> bool:
        return not any(getattr(self, name) for name in self.__dataclass_fields__)

    def to_json(self) -> str:
        return json.dumps({k: list(getattr(self, k)) for k in self.__dataclass_fields__ if getattr(self, k)},
                          ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, text: str | None) -> "Audience":
        data = json.loads(text) if text else {}
        known = {k: tuple(v) for k, v in data.items() if k in cls.__dataclass_fields__}
        return cls(**known)

    def sql(self) -> tuple[str, list]:
        """``SELECT c.id FROM customers c ...`` for this filter, with its parameters."""
        where, params = ["c.deleted_at IS NULL"], []
        for name, scheme in self._GRADE_KINDS:
            values = getattr(self, name)
            if values:
                where.append(f"c.id IN (SELECT customer_id FROM grades WHERE scheme = ? AND value IN "
                             f"({', '.join('?' * len(values))}))")
                params += [scheme, *values]
        if self.area_ids:
            where.append(f"c.area_id IN ({', '.join('?' * len(self.area_ids))})")
            params += [int(i) for i in self.area_ids]
        if self.area_types:
            where.append(f"c.area_id IN (SELECT id FROM areas WHERE area_type IN "
                         f"({', '.join('?' * len(self.area_types))}))")
            params += list(self.area_types)
        if self.circle_ids:
            where.append(f"c.id IN (SELECT customer_id FROM circle_members WHERE left_on IS NULL AND circle_id IN "
                         f"({', '.join('?' * len(self.circle_ids))}))")
            params += [int(i) for i in self.circle_ids]
        return "SELECT c.id FROM customers c WHERE " + " AND ".join(where), params

    def describe(self, conn: sqlite3.Connection | None = None, language: str | None = None,
                 names: dict | None = None) -> str:
        """The filter in words, e.g. 'value tier: A or B; area type: Residential community', in the
        installed language. Area and circle names come from ``names`` (see :func:`audience_names`)
        or are looked up through ``conn``."""
        from model import grading
        if names is None:
            names = audience_names(conn, self) if conn else {"areas": {}, "circles": {}}
        parts = []
        labels = {"value_tiers": translate("Promotions", "value tier"),
                  "opportunity_grades": translate("Promotions", "opportunity grade"),
                  "rfm_types": translate("Promotions", "RFM type"),
                  "personas": translate("Promotions", "persona")}
        joiner = translate("Promotions", " or ")
        for name, scheme in self._GRADE_KINDS:
            values = getattr(self, name)
            if values:
                words = [grading.value_label(scheme, v, _language(language)) or v for v in values]
                parts.append(translate("Promotions", "{kind}: {values}").format(kind=labels[name],
                                                                                values=joiner.join(words)))
        if self.area_types:
            parts.append(translate("Promotions", "area type: {types}").format(
                types=joiner.join(area_type_label(t, language) for t in self.area_types)))
        if self.area_ids:
            parts.append(translate("Promotions", "area: {areas}").format(
                areas=joiner.join(names["areas"].get(int(i), f"#{i}") for i in self.area_ids)))
        if self.circle_ids:
            parts.append(translate("Promotions", "circle: {circles}").format(
                circles=joiner.join(names["circles"].get(int(i), f"#{i}") for i in self.circle_ids)))
        return translate("Promotions", "; ").join(parts) if parts else translate("Promotions", "all customers")


def audience_names(conn: sqlite3.Connection, audience: Audience) -> dict:
    """{'areas': {id: name}, 'circles': {id: name}} for the areas and circles the filter names."""
    return {"areas": _names(conn, "areas", audience.area_ids), "circles": _names(conn, "circles", audience.circle_ids)}


def _names(conn: sqlite3.Connection, table: str, ids) -> dict[int, str]:
    if not ids:
        return {}
    marks = ", ".join("?" * len(ids))
    return dict(conn.execute(f"SELECT id, name FROM {table} WHERE id IN ({marks})", [int(i) for i in ids]).fetchall())


def audience_ids(conn: sqlite3.Connection, audience: Audience) -> list[int]:
    """The ids of the customers the filter selects, in id order."""
    sql, params = audience.sql()
    return [r[0] for r in conn.execute(sql + " ORDER BY c.id", params)]


def audience_size(conn: sqlite3.Connection, audience: Audience) -> int:
    sql, params = audience.sql()
    return conn.execute(f"SELECT count(*) FROM ({sql})", params).fetchone()[0]


# ----------------------------------------------------------------------------- the plan

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
    return theme, ("；" if _language(language).startswith("zh") else "; ").join(points)


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


def _dt(value) -> datetime | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.replace(second=0, microsecond=0)
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day)
    return datetime.fromisoformat(str(value))


def _stamp(value: datetime | None) -> str | None:
    return value.isoformat(sep=" ", timespec="minutes") if value else None


def validate(plan: Plan) -> Plan:
    """A cleaned copy of the plan; raises ValidationError naming each problem."""
    problems = {}
    title = (plan.title or "").strip()
    if not title:
        problems["title"] = translate("Promotions", "A plan needs a title.")
    if plan.goal and not _find(goals(), plan.goal):
        problems["goal"] = translate("Promotions", "Unknown goal '{key}': pick one of 提粘守破立.").format(
            key=plan.goal)
    if plan.activity_type and not _find(activity_types(), plan.activity_type):
        problems["activity_type"] = translate("Promotions", "Unknown activity type '{key}'.").format(
            key=plan.activity_type)
    if plan.area_type and not any(a.key == plan.area_type for a in rules.area_types()):
        problems["area_type"] = translate("Promotions", "Unknown area type '{key}'.").format(key=plan.area_type)
    start, end = _dt(plan.starts_at), _dt(plan.ends_at)
    if start and end and end < start:
        problems["ends_at"] = translate("Promotions", "The activity ends before it starts: correct the times.")
    for n, line in enumerate(plan.budget, 1):
        if not (line.item or "").strip():
            problems[f"budget {n}"] = translate("Promotions", "Budget line {n} needs an item.").format(n=n)
        elif line.quantity is None or line.unit_cost is None or line.quantity < 0 or line.unit_cost < 0:
            problems[f"budget {n}"] = translate("Promotions", "Budget line {n}: quantity and unit cost must be "
                                                             "zero or more.").format(n=n)
    for n, line in enumerate(plan.staff, 1):
        if not (line.who or "").strip():
            problems[f"staff {n}"] = translate("Promotions", "Staffing line {n} needs a name.").format(n=n)
    for n, line in enumerate(plan.schedule, 1):
        if not (line.what or "").strip():
            problems[f"schedule {n}"] = translate("Promotions", "Schedule line {n} needs a description.").format(n=n)
    if problems:
        raise ValidationError(problems)
    return replace(plan, title=title, starts_at=start, ends_at=end,
                   budget=[BudgetLine(b.item.strip(), float(b.quantity), float(b.unit_cost)) for b in plan.budget],
                   staff=[StaffLine(s.who.strip(), (s.role or "").strip()) for s in plan.staff],
                   schedule=[ScheduleLine((s.at or "").strip(), s.what.strip()) for s in plan.schedule])


_PLAN_COLUMNS = ("title", "area_type", "area_id", "circle_id", "goal", "activity_type", "theme", "starts_at",
                 "ends_at", "time_note", "place", "resources", "organisation", "daily_contact", "key_points",
                 "audience")


def _plan_row(plan: Plan) -> tuple:
    return (plan.title, plan.area_type, plan.area_id, plan.circle_id, plan.goal, plan.activity_type, plan.theme,
            _stamp(plan.starts_at), _stamp(plan.ends_at), plan.time_note, plan.place, plan.resources,
            plan.organisation, plan.daily_contact, plan.key_points, plan.audience.to_json())


def _write_lines(conn: sqlite3.Connection, plan_id: int, plan: Plan) -> None:
    for table in ("promotion_budget", "promotion_staff", "promotion_schedule"):
        conn.execute(f"DELETE FROM {table} WHERE plan_id = ?", (plan_id,))
    conn.executemany("INSERT INTO promotion_budget(plan_id, position, item, quantity, unit_cost) VALUES (?,?,?,?,?)",
                     [(plan_id, n, b.item, b.quantity, b.unit_cost) for n, b in enumerate(plan.budget, 1)])
    conn.executemany("INSERT INTO promotion_staff(plan_id, position, who, role) VALUES (?,?,?,?)",
                     [(plan_id, n, s.who, s.role) for n, s in enumerate(plan.staff, 1)])
    conn.executemany("INSERT INTO promotion_schedule(plan_id, position, at, what) VALUES (?,?,?,?)",
                     [(plan_id, n, s.at, s.what) for n, s in enumerate(plan.schedule, 1)])
    # Checklist: keep the ticks of items that stay; add new items; drop removed ones.
    kept = {(c.phase, c.key) for c in plan.checklist}
    for row in conn.execute("SELECT phase, key FROM promotion_checklist WHERE plan_id = ?", (plan_id,)).fetchall():
        if (row[0], row[1]) not in kept:
            conn.execute("DELETE FROM promotion_checklist WHERE plan_id = ? AND phase = ? AND key = ?",
                         (plan_id, row[0], row[1]))
    for n, c in enumerate(plan.checklist, 1):
        conn.execute("INSERT INTO promotion_checklist(plan_id, phase, key, position, label, done, done_at, done_by)"
                     " VALUES (?,?,?,?,?,?,?,?) ON CONFLICT(plan_id, phase, key) DO UPDATE SET"
                     " position = excluded.position, label = excluded.label",
                     (plan_id, c.phase, c.key, n, c.label, int(c.done), c.done_at, c.done_by))


def save(conn: sqlite3.Connection, plan: Plan, by: str) -> int:
    """Create the plan (``plan.id`` None) or replace its fields and lines; returns its id.
    A finished plan can no longer be changed."""
    plan = validate(plan)
    stamp = now_stamp()
    with database.transaction(conn):
        if plan.id is None:
            cols = ", ".join(_PLAN_COLUMNS)
            plan_id = conn.execute(
                f"INSERT INTO promotion_plans({cols}, status, created_at, created_by, updated_at, updated_by)"
                f" VALUES ({', '.join('?' * len(_PLAN_COLUMNS))}, ?, ?, ?, ?, ?)",
                (*_plan_row(plan), DRAFT, stamp, by, stamp, by)).lastrowid
            conn.execute("INSERT INTO promotion_status_log(plan_id, changed_at, changed_by, old_status, new_status)"
                         " VALUES (?, ?, ?, NULL, ?)", (plan_id, stamp, by, DRAFT))
        else:
            plan_id = plan.id
            status = _status(conn, plan_id)
            if status == DONE:
                raise database.ArchiveError(translate("Promotions", "This activity is done; its plan can no longer "
                                                                    "be changed. Record the outcome instead."))
            sets = ", ".join(f"{c} = ?" for c in _PLAN_COLUMNS)
            conn.execute(f"UPDATE promotion_plans SET {sets}, updated_at = ?, updated_by = ? WHERE id = ?",
                         (*_plan_row(plan), stamp, by, plan_id))
        _write_lines(conn, plan_id, plan)
    return plan_id


def _status(conn: sqlite3.Connection, plan_id: int) -> str:
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
                theme=row["theme"] or "", starts_at=_dt(row["starts_at"]), ends_at=_dt(row["ends_at"]),
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
    return [PlanSummary(r[0], r[1], r[2], r[3], r[4], r[5], _dt(r[6]), _dt(r[7]), r[8], round(r[9], 2), bool(r[10]))
            for r in conn.execute(sql, params)]


def delete(conn: sqlite3.Connection, plan_id: int, by: str) -> None:
    """Delete a plan that is still a draft (others stay as the record of what was done)."""
    with database.transaction(conn):
        if _status(conn, plan_id) != DRAFT:
            raise database.ArchiveError(translate("Promotions", "Only a draft plan can be deleted; this one has "
                                                                "been approved."))
        conn.execute("UPDATE circle_activities SET plan_id = NULL WHERE plan_id = ?", (plan_id,))
        conn.execute("DELETE FROM promotion_plans WHERE id = ?", (plan_id,))


def set_status(conn: sqlite3.Connection, plan_id: int, status: str, by: str) -> None:
    """Move the plan to ``status`` (draft → approved → running → done; approved → draft).
    Approving snapshots the audience the evaluation measures reach against."""
    with database.transaction(conn):
        current = _status(conn, plan_id)
        if status not in TRANSITIONS.get(current, ()):
            raise database.ArchiveError(translate("Promotions", "A plan that is {old} cannot become {new}. Allowed "
                                                                "next: {allowed}.").format(
                old=status_label(current), new=status_label(status),
                allowed=", ".join(status_label(s) for s in TRANSITIONS[current]) or translate("Promotions", "none")))
        stamp = now_stamp()
        if status == APPROVED:
            plan = get(conn, plan_id)
            ids = audience_ids(conn, plan.audience)
            conn.execute("UPDATE promotion_plans SET audience_snapshot = ? WHERE id = ?", (json.dumps(ids), plan_id))
        conn.execute("UPDATE promotion_plans SET status = ?, updated_at = ?, updated_by = ? WHERE id = ?",
                     (status, stamp, by, plan_id))
        conn.execute("INSERT INTO promotion_status_log(plan_id, changed_at, changed_by, old_status, new_status)"
                     " VALUES (?, ?, ?, ?, ?)", (plan_id, stamp, by, current, status))


def status_log(conn: sqlite3.Connection, plan_id: int) -> list[dict]:
    return [dict(r) for r in conn.execute("SELECT changed_at, changed_by, old_status, new_status FROM"
                                          " promotion_status_log WHERE plan_id = ? ORDER BY id", (plan_id,))]


def tick(conn: sqlite3.Connection, plan_id: int, phase: str, key: str, done: bool, by: str, *,
         when: datetime | None = None) -> None:
    """Tick (or untick) a checklist item as the activity runs (``when``: default now)."""
    stamp = when.isoformat(timespec="seconds") if when else now_stamp()
    with database.transaction(conn):
        _status(conn, plan_id)
        changed = conn.execute("UPDATE promotion_checklist SET done = ?, done_at = ?, done_by = ? WHERE plan_id = ?"
                               " AND phase = ? AND key = ?",
                               (int(done), stamp if done else None, by if done else None, plan_id, phase,
                                key)).rowcount
        if not changed:
            raise database.ArchiveError(translate("Promotions", "The plan has no checklist item '{key}' in this "
                                                                "phase.").format(key=key))


# ----------------------------------------------------------------------------- outcome and evaluation

def record_outcome(conn: sqlite3.Connection, plan_id: int, participant_ids, *, walk_ins: int = 0,
                   new_customers_extra: int = 0, review: str = "", window_days: int = DEFAULT_WINDOW_DAYS,
                   by: str) -> None:
    """Record who took part and the review; the plan must be running or done."""
    ids = sorted({int(i) for i in participant_ids})
    problems = {}
    if walk_ins is None or walk_ins < 0:
        problems["walk_ins"] = translate("Promotions", "Walk-ins must be zero or more.")
    if new_customers_extra is None or new_customers_extra < 0:
        problems["new_customers_extra"] = translate("Promotions", "New customers must be zero or more.")
    if window_days is None or not 0 <= window_days <= 366:
        problems["window_days"] = translate("Promotions", "The deal window must be 0 to 366 days.")
    if problems:
        raise ValidationError(problems)
    with database.transaction(conn):
        if _status(conn, plan_id) not in (RUNNING, DONE):
            raise database.ArchiveError(translate("Promotions", "Record the outcome once the activity is running "
                                                                "or done; this plan has not started."))
        if ids:
            marks = ", ".join("?" * len(ids))
            found = {r[0] for r in conn.execute(f"SELECT id FROM customers WHERE id IN ({marks})", ids)}
            missing = [i for i in ids if i not in found]
            if missing:
                raise ValidationError({"participants": translate("Promotions", "No customer with id {ids}.").format(
                    ids=", ".join(map(str, missing)))})
        conn.execute("DELETE FROM promotion_participants WHERE plan_id = ?", (plan_id,))
        conn.executemany("INSERT INTO promotion_participants(plan_id, customer_id) VALUES (?, ?)",
                         [(plan_id, i) for i in ids])
        conn.execute("UPDATE promotion_plans SET walk_ins = ?, new_customers_extra = ?, review = ?, window_days = ?,"
                     " evaluated_at = ?, evaluated_by = ? WHERE id = ?",
                     (int(walk_ins), int(new_customers_extra), review or "", int(window_days), now_stamp(), by,
                      plan_id))


def participant_ids(conn: sqlite3.Connection, plan_id: int) -> list[int]:
    return [r[0] for r in conn.execute("SELECT customer_id FROM promotion_participants WHERE plan_id = ?"
                                       " ORDER BY customer_id", (plan_id,))]


@dataclass(frozen=True)
class Evaluation:
    plan_id: int
    title: str
    activity_type: str | None
    area_type: str | None
    audience_text: str
    participant_ids: tuple[int, ...]
    walk_ins: int
    participants: int                 # picked customers + walk-ins
    audience_size: int
    participants_in_audience: int
    reach: float | None               # participants in audience / audience size
    window_start: date | None
    window_end: date | None
    window_days: int
    deals: int                        # transactions of participants in the window
    deal_customers: int               # participants with at least one deal
    amount: float
    new_customers: int
    budget_total: float
    cost_per_participant: float | None
    cost_per_deal: float | None
    review: str
    evaluated_at: str | None
    evaluated_by: str | None


def deal_window(starts_at: datetime | None, ends_at: datetime | None, window_days: int) -> tuple[date, date] | None:
    """First and last day (both included) whose transactions count as deals."""
    if starts_at is None:
        return None
    end = (ends_at or starts_at).date()
    return starts_at.date(), end + timedelta(days=window_days)


def _ratio(numerator: float, denominator: float) -> float | None:
    if not denominator or not numerator:
        return None
    return round(numerator / denominator, 2)


def evaluate(conn: sqlite3.Connection, plan_id: int) -> Evaluation:
    """The figures of the activity from its recorded outcome and the transactions."""
    plan = get(conn, plan_id)
    if plan is None:
        _status(conn, plan_id)
    row = conn.execute("SELECT walk_ins, new_customers_extra, review, window_days, audience_snapshot, evaluated_at,"
                       " evaluated_by FROM promotion_plans WHERE id = ?", (plan_id,)).fetchone()
    ids = participant_ids(conn, plan_id)
    audience = _audience_of(conn, plan_id)
    in_audience = len(set(ids) & set(audience))
    window = deal_window(plan.starts_at, plan.ends_at, row["window_days"])
    deals, deal_customers, amount, new = 0, 0, 0.0, 0
    if window and ids:
        marks = ", ".join("?" * len(ids))
        first, last = window[0].isoformat(), window[1].isoformat()
        deals, deal_customers, amount = conn.execute(
            f"SELECT count(*), count(DISTINCT customer_id), coalesce(sum(amount), 0) FROM transactions"
            f" WHERE customer_id IN ({marks}) AND txn_date >= ? AND txn_date <= ?", (*ids, first, last)).fetchone()
        new = conn.execute(f"SELECT count(*) FROM customers WHERE id IN ({marks}) AND created_on >= ?"
                           f" AND created_on <= ?", (*ids, first, last)).fetchone()[0]
    participants = len(ids) + row["walk_ins"]
    total = plan.budget_total
    return Evaluation(
        plan_id=plan_id, title=plan.title, activity_type=plan.activity_type, area_type=plan.area_type,
        audience_text=plan.audience.describe(conn), participant_ids=tuple(ids), walk_ins=row["walk_ins"],
        participants=participants, audience_size=len(audience), participants_in_audience=in_audience,
        reach=round(in_audience / len(audience), 4) if audience else None,
        window_start=window[0] if window else None, window_end=window[1] if window else None,
        window_days=row["window_days"], deals=deals, deal_customers=deal_customers, amount=round(amount, 2),
        new_customers=new + row["new_customers_extra"], budget_total=total,
        cost_per_participant=_ratio(total, participants), cost_per_deal=_ratio(total, deals),
        review=row["review"] or "", evaluated_at=row["evaluated_at"], evaluated_by=row["evaluated_by"])


def compare(conn: sqlite3.Connection, plan_ids=None) -> list[Evaluation]:
    """Past activities side by side (every plan that is done, or those given), latest first.
    Each row has type, area type, audience, participants, reach, deals, amount and costs."""
    if plan_ids is None:
        plan_ids = [p.id for p in list_plans(conn, DONE)]
    return [evaluate(conn, i) for i in plan_ids]


@dataclass(frozen=True)
class ParticipantResult:
    customer_id: int
    name: str
    area: str | None
    in_audience: bool
    new_customer: bool              # record created within the deal window
    deals: int
    amount: float


def participant_results(conn: sqlite3.Connection, plan_id: int) -> list[ParticipantResult]:
    """Each participant with their deals and amount in the deal window, most amount first."""
    e = evaluate(conn, plan_id)
    audience = set(_audience_of(conn, plan_id))
    first = e.window_start.isoformat() if e.window_start else "9999"
    last = e.window_end.isoformat() if e.window_end else "0000"
    rows = conn.execute(
        "SELECT c.id, c.name, a.name, c.created_on,"
        " (SELECT count(*) FROM transactions t WHERE t.customer_id = c.id AND t.txn_date BETWEEN ? AND ?),"
        " (SELECT coalesce(sum(amount), 0) FROM transactions t WHERE t.customer_id = c.id"
        "  AND t.txn_date BETWEEN ? AND ?)"
        " FROM promotion_participants p JOIN customers c ON c.id = p.customer_id"
        " LEFT JOIN areas a ON a.id = c.area_id WHERE p.plan_id = ?", (first, last, first, last, plan_id))
    out = [ParticipantResult(r[0], r[1], r[2], r[0] in audience, first <= (r[3] or "") <= last, r[4],
                             round(r[5], 2)) for r in rows]
    return sorted(out, key=lambda p: (-p.amount, -p.deals, p.name))


def _audience_of(conn: sqlite3.Connection, plan_id: int) -> list[int]:
    row = conn.execute("SELECT audience, audience_snapshot FROM promotion_plans WHERE id = ?", (plan_id,)).fetchone()
    if row["audience_snapshot"] is not None:
        return json.loads(row["audience_snapshot"])
    return audience_ids(conn, Audience.from_json(row["audience"]))


@dataclass(frozen=True)
class PlanSheet:
    """Everything a printout of a plan (and its evaluation) shows, as plain data."""
    plan: Plan
    audience_text: str              # in the language installed when the sheet was made
    audience_size: int
    circle_name: str | None
    area_name: str | None
    audience_names: dict = field(default_factory=dict)   # for describing the audience in another language
    evaluation: Evaluation | None = None
    participants: tuple[ParticipantResult, ...] = ()
    compared: tuple[Evaluation, ...] = ()


def plan_sheet(conn: sqlite3.Connection, plan_id: int, *, with_evaluation: bool = False) -> PlanSheet:
    """The plan with its audience in words and size (and, if asked, the evaluation, the
    participants' results and the other finished activities to compare with)."""
    plan = get(conn, plan_id)
    if plan is None:
        _status(conn, plan_id)
    circle = conn.execute("SELECT name FROM circles WHERE id = ?", (plan.circle_id,)).fetchone() \
        if plan.circle_id else None
    area = conn.execute("SELECT name FROM areas WHERE id = ?", (plan.area_id,)).fetchone() if plan.area_id else None
    names = audience_names(conn, plan.audience)
    sheet = PlanSheet(plan, plan.audience.describe(names=names), len(_audience_of(conn, plan_id)),
                      circle[0] if circle else None, area[0] if area else None, names)
    if not with_evaluation:
        return sheet
    others = [p.id for p in list_plans(conn, DONE) if p.id != plan_id]
    return replace(sheet, evaluation=evaluate(conn, plan_id), participants=tuple(participant_results(conn, plan_id)),
                   compared=tuple(compare(conn, [plan_id, *others])))
