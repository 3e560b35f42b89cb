"""The visit-planning rules from ``resources/rules/planning.json``: working days and
hours, visit durations, availability windows per daily-schedule code, tier and
grade cadences, holidays. Read once per rules folder; nothing here is hard-coded.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path
import json

from model.core import rules

Window = tuple[int, int]  # minutes after midnight: [start, end)


def minutes(text: str) -> int:
    """'18:30' → 1110."""
    hours, _, mins = str(text).partition(":")
    return int(hours) * 60 + int(mins or 0)


def clock(value: int) -> str:
    """1110 → '18:30'."""
    value = int(value)
    return f"{value // 60:02d}:{value % 60:02d}"


@dataclass(frozen=True)
class Availability:
    key: str
    label_en: str
    label_zh: str
    weekday: tuple[Window, ...]
    weekend: tuple[Window, ...]
    appointment: bool = False

    def label(self, language: str = "en") -> str:
        return self.label_zh if language.startswith("zh") else self.label_en

    def windows_on(self, day: date, weekend_day: bool) -> tuple[Window, ...]:
        return self.weekend if weekend_day else self.weekday


@dataclass(frozen=True)
class Treatment:
    """How often a customer is contacted and by which channel."""
    channel: str          # 'visit' or a call-like channel ('phone', ...)
    every_days: int | None


@dataclass(frozen=True)
class PlanningRules:
    working_weekdays: frozenset[int]
    day_start: int
    day_end: int
    visits_per_day: int
    visit_minutes: int
    visit_minutes_by_tier: dict
    travel_speed_kmh: float
    unknown_travel_km: float
    return_to_start: bool
    solver_seconds: float
    priority_point_m: int
    timezone_name: str | None
    timezone_offset: str | None
    holidays: frozenset[date]
    extra_working_days: frozenset[date]
    availability: dict
    keyman_tag: str
    tiers: dict
    ungraded: dict
    urgency_bonus: dict
    tracking_logs: dict           # opportunity grade -> tracking-log period ('day', 'week', ...)

    # -- calendar ------------------------------------------------------------
    def is_working_day(self, day: date) -> bool:
        if day in self.holidays:
            return False
        if day in self.extra_working_days:
            return True
        return day.weekday() in self.working_weekdays

    def on_working_day(self, day: date) -> date:
        """``day``, or the working day after it when it is a weekend day or a holiday
        (what falls due on a Saturday is the Monday's work)."""
        for _ in range(60):
            if self.is_working_day(day):
                return day
            day += timedelta(days=1)
        return day

    def is_weekend_window_day(self, day: date) -> bool:
        """Weekend availability applies on a worked Saturday/Sunday, not on a
        make-up working day (调休), when customers are at work as on a weekday."""
        return day.weekday() >= 5 and day not in self.extra_working_days

    def working_days(self, start: date, end: date, days_off=()) -> list[date]:
        off = set(days_off)
        out, day = [], start
        while day <= end:
            if day not in off and self.is_working_day(day):
                out.append(day)
            day += timedelta(days=1)
        return out

    # -- customers -----------------------------------------------------------
    def availability_for(self, schedule_code: str | None) -> Availability:
        return self.availability.get(schedule_code or "unknown") or self.availability["unknown"]

    def minutes_for(self, tier: str | None) -> int:
        return int(self.visit_minutes_by_tier.get(tier or "", self.visit_minutes))

    def tier_treatment(self, tier: str | None, keyman: bool, channel_pref: str | None) -> Treatment:
        if tier in self.tiers:
            spec = self.tiers[tier]
            if spec.get("requires_keyman") and not keyman:
                spec = spec.get("otherwise") or {"channel": "phone", "every_days": spec.get("every_days")}
            return Treatment(spec["channel"], spec.get("every_days"))
        channel = self.ungraded.get("channel_by_preference", {}).get(channel_pref or "",
                                                                     self.ungraded.get("channel", "visit"))
        return Treatment(channel, self.ungraded.get("every_days"))


def _dates(values) -> frozenset[date]:
    return frozenset(date.fromisoformat(v) for v in values or ())


def _windows(values) -> tuple[Window, ...]:
    return tuple((minutes(a), minutes(b)) for a, b in values or ())


@lru_cache(maxsize=4)
def _load(folder: str) -> PlanningRules:
    with open(Path(folder) / "planning.json", encoding="utf-8") as handle:
        data = json.load(handle)
    availability = {}
    for key, spec in data["availability"].items():
        availability[key] = Availability(key, spec.get("label_en", key), spec.get("label_zh", key),
                                         _windows(spec.get("weekday")), _windows(spec.get("weekend")),
                                         bool(spec.get("appointment", False)))
    hours = data["working_hours"]
    tz = data.get("timezone") or {}
    return PlanningRules(
        working_weekdays=frozenset(data.get("working_weekdays", (0, 1, 2, 3, 4))),
        day_start=minutes(hours["start"]), day_end=minutes(hours["end"]),
        visits_per_day=int(data.get("visits_per_day", 8)),
        visit_minutes=int(data.get("visit_minutes", 30)),
        visit_minutes_by_tier=dict(data.get("visit_minutes_by_tier", {})),
        travel_speed_kmh=float(data.get("travel_speed_kmh", 20)),
        unknown_travel_km=float(data.get("unknown_travel_km", 2.0)),
        return_to_start=bool(data.get("return_to_start", False)),
        solver_seconds=float(data.get("solver_seconds", 2.0)),
        priority_point_m=int(data.get("priority_point_m", 200)),
        timezone_name=tz.get("name"), timezone_offset=tz.get("utc_offset"),
        holidays=_dates(data.get("holidays")),
        extra_working_days=_dates(data.get("extra_working_days")),
        availability=availability,
        keyman_tag=data.get("keyman_tag", "KeyMan"),
        tiers=dict(data.get("tiers", {})),
        ungraded=dict(data.get("ungraded", {})),
        urgency_bonus=dict(data.get("urgency_bonus", {})),
        tracking_logs=dict(data.get("tracking_logs") or {"A": "day", "B": "week", "C": "half-month", "D": "month"}),
    )


def planning_rules() -> PlanningRules:
    return _load(str(rules.rules_dir()))
