"""A visit plan's data: its request, days, visits and summary (DOMAIN §7); what every
other part of the planner (``plan_building``, ``plan_store``, ``plan_changes``) works on.
``model.visits.visit_plan`` gathers them all under one name."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date, timedelta

from model.archive import database
from model.core.i18n import translate
from model.visits.planning_rules import clock


OUTCOMES = ("done", "not_met", "rescheduled")
MUST_PLAN = 1_000_000_000          # penalty for leaving out a visit placed or added by hand
EARLY_BONUS = 500                  # metres-equivalent per later day for overdue or A-tier visits


class PlanError(database.ArchiveError):
    pass


class PlanBreak(PlanError):
    """A change by hand would break a rule of the day (the customer's hours, the working
    hours, the day's capacity); ``problems`` says which. Nothing was changed: make the
    change again with ``confirmed=True`` to keep it anyway."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__(translate("Plan", "This change breaks the plan:") + "\n" + "\n".join(problems))


@dataclass
class PlanRequest:
    start: date
    days: int = 7                           # calendar days from start; ``end`` overrides
    end: date | None = None
    manager: str | None = None
    per_day: int | None = None              # default: planning.json visits_per_day
    day_start: str | None = None            # 'HH:MM'; default: planning.json working hours
    day_end: str | None = None
    visit_minutes: int | None = None        # one duration for every visit; default: by tier
    start_point: tuple[float, float] | None = None
    days_off: tuple[date, ...] = ()
    customer_ids: tuple[int, ...] = ()      # customers to add although not due
    time_limit: float | None = None         # seconds of route search; default from planning.json
    title: str | None = None
    only_customers: frozenset[int] | None = None   # only these customers' visits and calls (a saved view)

    @property
    def last_day(self) -> date:
        return self.end or self.start + timedelta(days=max(1, self.days) - 1)


@dataclass
class PlanVisit:
    customer_id: int | None                 # None: a partner's 101 follow-up (partner_action_id)
    name: str
    phone: str | None
    address: str | None
    area: str | None
    area_type: str | None
    lat: float | None
    lon: float | None
    coord_source: str | None
    window_key: str
    duration: int
    purpose: str
    reason: str
    priority: int = 0
    rank_class: int = 1
    tier: str | None = None
    opportunity_grade: str | None = None
    overdue_days: int = 0
    due_date: str | None = None
    last_contact: str | None = None
    last_result: str | None = None
    id: int | None = None
    status: str = "unplanned"               # planned / unplanned / removed
    day: date | None = None
    position: int | None = None             # 1-based
    planned_time: int | None = None         # minutes after midnight
    window_start: int | None = None
    window_end: int | None = None
    leg_m: int | None = None
    unplanned_code: str | None = None
    unplanned_detail: str | None = None
    pinned_day: bool = False
    locked: bool = False
    added: bool = False
    outcome: str | None = None
    outcome_result: str | None = None
    outcome_next_step: str | None = None
    outcome_next_date: str | None = None
    outcome_at: str | None = None
    outcome_by: str | None = None
    contact_id: int | None = None
    partner_action_id: int | None = None
    last_visit: str | None = None

    @property
    def never_visited(self) -> bool:
        return self.customer_id is not None and not self.last_visit

    @property
    def time_text(self) -> str:
        return clock(self.planned_time) if self.planned_time is not None else ""

    @property
    def window_text(self) -> str:
        if self.window_start is None or self.window_end is None:
            return ""
        return f"{clock(self.window_start)}-{clock(self.window_end)}"

    @property
    def fits_window(self) -> bool:
        if self.planned_time is None or self.window_start is None or self.window_end is None:
            return True
        return self.window_start <= self.planned_time <= self.window_end - self.duration

    @property
    def frozen(self) -> bool:
        return self.outcome is not None


@dataclass
class PlanDay:
    day: date
    capacity: int
    day_start: int
    day_end: int
    visits: list[PlanVisit] = field(default_factory=list)

    @property
    def done(self) -> int:
        return sum(1 for v in self.visits if v.outcome == "done")

    @property
    def logged(self) -> int:
        return sum(1 for v in self.visits if v.outcome)

    @property
    def completion(self) -> float:
        """Share of the day's visits with an outcome recorded (0..1)."""
        return self.logged / len(self.visits) if self.visits else 0.0


@dataclass
class Plan:
    start: date
    end: date
    manager: str | None
    settings: dict
    days: list[PlanDay]
    unplanned: list[PlanVisit] = field(default_factory=list)
    removed: list[PlanVisit] = field(default_factory=list)
    id: int | None = None
    title: str | None = None
    route_m: int = 0
    unknown_legs: int = 0
    warnings: list[str] = field(default_factory=list)
    calls_due: int = 0
    created_at: str | None = None
    created_by: str | None = None
    updated_at: str | None = None

    def all_visits(self) -> list[PlanVisit]:
        return [v for d in self.days for v in d.visits] + self.unplanned + self.removed

    def planned(self) -> list[PlanVisit]:
        return [v for d in self.days for v in d.visits]

    def visit(self, visit_id: int) -> PlanVisit:
        for v in self.all_visits():
            if v.id == visit_id:
                return v
        raise KeyError(visit_id)

    def day_of(self, when: date) -> PlanDay | None:
        return next((d for d in self.days if d.day == when), None)

    @property
    def start_point(self) -> tuple[float, float] | None:
        point = self.settings.get("start_point")
        return (float(point[0]), float(point[1])) if point else None


@dataclass
class PlanSummary:
    id: int
    title: str | None
    manager: str | None
    start: date
    end: date
    planned: int
    logged: int
    updated_at: str



def completion(plan: Plan) -> list[dict]:
    """Per day: visits planned, logged, done, not met, rescheduled."""
    return [{"day": d.day, "planned": len(d.visits), "logged": d.logged, "done": d.done,
             "not_met": sum(1 for v in d.visits if v.outcome == "not_met"),
             "rescheduled": sum(1 for v in d.visits if v.outcome == "rescheduled")}
            for d in plan.days]


def as_dict(visit: PlanVisit) -> dict:
    """A visit as plain data (for reports and exports)."""
    data = asdict(visit)
    data["day"] = visit.day.isoformat() if visit.day else None
    data["time"] = visit.time_text
    data["window"] = visit.window_text
    return data
