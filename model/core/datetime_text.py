"""The one way the window and the printouts write dates and times.

Dates ``2026-12-07`` and times ``2026-12-07 14:15``, in both languages (the ISO
order reads naturally in Chinese and leaves no doubt in English), always in the
computer's local time: a stored time with an offset (the audit trail keeps
``2026-12-07T06:15:00+00:00``) is converted, never shown with its offset. Branch
default: the seeds say nothing about date formats.
"""
from __future__ import annotations

from datetime import date, datetime

DATE_FORMAT = "%Y-%m-%d"
DATETIME_FORMAT = "%Y-%m-%d %H:%M"


def _as_datetime(value) -> datetime | None:
    if isinstance(value, datetime):
        return value
    if isinstance(value, str) and value.strip():
        try:
            return datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
        except ValueError:
            return None
    return None


def local(value: datetime) -> datetime:
    """``value`` in local time, without an offset (a naive time is local already)."""
    return value.astimezone().replace(tzinfo=None) if value.tzinfo is not None else value


def date_text(value) -> str:
    """A date (or a date-time, or an ISO text) as ``YYYY-MM-DD``; "" for nothing."""
    if value is None or value == "":
        return ""
    if isinstance(value, date) and not isinstance(value, datetime):
        return value.strftime(DATE_FORMAT)
    moment = _as_datetime(value)
    if moment is None:
        return str(value)
    return local(moment).strftime(DATE_FORMAT)


def datetime_text(value, seconds: bool = False) -> str:
    """A date-time (or an ISO text) as ``YYYY-MM-DD HH:MM`` in local time; a text that
    is not a time is returned as it is; "" for nothing."""
    if value is None or value == "":
        return ""
    if isinstance(value, date) and not isinstance(value, datetime):
        return value.strftime(DATE_FORMAT)
    moment = _as_datetime(value)
    if moment is None:
        return str(value)
    if isinstance(value, str) and len(value.strip()) == 10:
        return moment.strftime(DATE_FORMAT)
    return local(moment).strftime(DATETIME_FORMAT + (":%S" if seconds else ""))
