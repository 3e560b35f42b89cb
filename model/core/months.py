"""Adding calendar months to a date, in Python and in SQLite, the same way: the same day
that many months on, or the last day of that month when it is shorter (31 Jan + 1 month =
28/29 Feb). The opportunity grade's close dates and the customer lifecycle use both."""
from __future__ import annotations

import calendar
from datetime import date


def add_months(day: date, months: int) -> date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def months_sql(months: int, today: str = "date('now', 'localtime')") -> str:
    """add_months(today, months) in SQLite (``months`` may be negative): the same day
    that many months on, or the last day of that month when it is shorter."""
    same_day = (f"date({today}, 'start of month', '{months:+d} months',"
                f" '+' || (CAST(strftime('%d', {today}) AS INTEGER) - 1) || ' days')")
    last_day = f"date({today}, 'start of month', '{months + 1:+d} months', '-1 day')"
    return f"min({same_day}, {last_day})"
