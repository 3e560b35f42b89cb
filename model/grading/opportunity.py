"""Opportunity grade A-E from the manager's answers (DOMAIN.md §2b), its tracking
cadence, the next tracking date and the urgency class.

- The grade comes from the rules table need × expected close.
- The expected close date of an answer such as "within 3 months" is the as-of
  date plus that many calendar months (31 Jan + 1 month = 28/29 Feb); an exact
  date may be given instead and picks the first answer it falls within.
- Next tracking date = last contact + the grade's cadence in days; with no
  contact yet, the as-of date (due now). Grades without a cadence (E): none.
- Urgency: the first class whose limit (as-of + days or months) the expected
  close date does not pass; a close date already past is the first class.
  "Later" with no date gets the last class; "never" gets no urgency.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from model.core.months import add_months
from model.grading.ruleset import OpportunityRules


@dataclass(frozen=True)
class OpportunityGrade:
    value: str
    need: str
    close: str
    expected_close_date: date | None
    cadence: str
    cadence_days: int | None
    last_contact: date | None
    next_tracking_date: date | None
    urgency: str | None

    def detail(self) -> dict:
        iso = lambda d: d.isoformat() if d else None  # noqa: E731
        return {"need": self.need, "close": self.close,
                "expected_close_date": iso(self.expected_close_date),
                "cadence": self.cadence, "cadence_days": self.cadence_days,
                "last_contact": iso(self.last_contact),
                "next_tracking_date": iso(self.next_tracking_date), "urgency": self.urgency}


def close_for_date(close_date: date, as_of: date, rules: OpportunityRules) -> str:
    """The answer an exact expected close date corresponds to."""
    for option in rules.closes:
        if option.months is not None and close_date <= add_months(as_of, option.months):
            return option.key
    later = next((o for o in rules.closes if o.months is None and not o.never), None)
    return later.key if later else rules.closes[-1].key


def expected_close_date(close: str, as_of: date, rules: OpportunityRules) -> date | None:
    option = rules.close(close)
    if option is None or option.months is None:
        return None
    return add_months(as_of, option.months)


def urgency(close: str, close_date: date | None, as_of: date, rules: OpportunityRules) -> str | None:
    option = rules.close(close)
    if option is not None and option.never:
        return None
    if close_date is None:
        return rules.urgency[-1].key
    for cls in rules.urgency:
        if cls.within_days is not None:
            limit = as_of + timedelta(days=cls.within_days)
        elif cls.within_months is not None:
            limit = add_months(as_of, cls.within_months)
        else:
            return cls.key
        if close_date <= limit:
            return cls.key
    return rules.urgency[-1].key


def next_tracking_date(cadence_days: int | None, last_contact: date | None, graded_on: date) -> date | None:
    if cadence_days is None:
        return None
    if last_contact is None:
        return graded_on
    return last_contact + timedelta(days=int(cadence_days))


def grade(need: str, close: str, as_of: date, rules: OpportunityRules, *,
          close_date: date | None = None, last_contact: date | None = None) -> OpportunityGrade:
    """The grade for valid answers (check them with :func:`model.grading.store` first)."""
    if close_date is None:
        close_date = expected_close_date(close, as_of, rules)
    value = rules.grades[need][close]
    cadence = rules.cadences[value]
    return OpportunityGrade(value, need, close, close_date, cadence.key, cadence.days, last_contact,
                            next_tracking_date(cadence.days, last_contact, as_of),
                            urgency(close, close_date, as_of, rules))
