"""A visit plan for calendars and spreadsheets: an iCalendar file (RFC 5545,
one event per planned visit) and a CSV of the plan.

The .ics is written by hand (no dependency): CRLF line ends, lines folded at
75 octets without splitting a UTF-8 character, TEXT values escaped, a stable
UID per visit (re-importing updates the events instead of doubling them).
Times are in the plan's time zone (planning.json ``timezone``, with its
VTIMEZONE) or floating local time when none is set.
"""
from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

from model.visits import planning_rules
from model.core import private_files
from model.core.i18n import translate
from model.visits.planning_rules import clock
from model.core.privacy import mask_phone
from model.visits.visit_plan import Plan, PlanVisit

CSV_COLUMNS = ("date", "order", "customer_id", "name", "area", "window_start", "window_end", "purpose")


def escape_text(value: str) -> str:
    """RFC 5545 §3.3.11: backslash, semicolon, comma and newlines."""
    return (value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n"))


def fold(line: str) -> str:
    """RFC 5545 §3.1: at most 75 octets per line, continuation lines start with a
    space; a multi-byte UTF-8 character is never split."""
    out, current, size = [], [], 0
    for ch in line:
        width = len(ch.encode("utf-8"))
        limit = 75 if not out else 74        # a continuation line spends one octet on its space
        if size + width > limit:
            out.append("".join(current))
            current, size = [], 0
        current.append(ch)
        size += width
    out.append("".join(current))
    return "\r\n ".join(out)


def _stamp(moment: datetime) -> str:
    return moment.strftime("%Y%m%dT%H%M%S")


def _offset(text: str) -> str:
    sign = "-" if text.startswith("-") else "+"
    digits = text.lstrip("+-").replace(":", "")
    return f"{sign}{digits[:4].zfill(4)}"


def _vtimezone(name: str, offset: str) -> list[str]:
    return ["BEGIN:VTIMEZONE", f"TZID:{name}", "BEGIN:STANDARD", "DTSTART:19700101T000000",
            f"TZOFFSETFROM:{offset}", f"TZOFFSETTO:{offset}", f"TZNAME:{name}", "END:STANDARD",
            "END:VTIMEZONE"]


def _description(visit: PlanVisit, show_full_phone: bool) -> str:
    lines = []
    if visit.phone:
        lines.append(translate("Calendar", "Phone: {phone}").format(phone=mask_phone(visit.phone, show_full_phone)))
    if visit.reason:
        lines.append(translate("Calendar", "Why: {reason}").format(reason=visit.reason))
    if visit.last_contact:
        lines.append(translate("Calendar", "Last contact: {date} {result}").format(
            date=visit.last_contact[:10], result=visit.last_result or ""))
    return "\n".join(lines)


def ics_text(plan: Plan, *, show_full_phone: bool = False, now: datetime | None = None) -> str:
    rules = planning_rules.planning_rules()
    tz_name, tz_offset = rules.timezone_name, rules.timezone_offset
    stamp = (now or datetime.now(timezone.utc)).astimezone(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    name = plan.title or translate("Calendar", "Visit plan")
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Kehu//Visit plan//ZH", "CALSCALE:GREGORIAN",
             "METHOD:PUBLISH", f"X-WR-CALNAME:{escape_text(name)}"]
    if tz_name and tz_offset:
        lines += _vtimezone(tz_name, _offset(tz_offset))
    for day in plan.days:
        for visit in day.visits:
            start_min = visit.planned_time if visit.planned_time is not None else day.day_start
            begin = datetime.combine(day.day, datetime.min.time()) + timedelta(minutes=start_min)
            end = begin + timedelta(minutes=visit.duration)
            when = (f";TZID={tz_name}" if tz_name and tz_offset else "")
            summary = translate("Calendar", "Visit {name}: {purpose}").format(name=visit.name,
                                                                            purpose=visit.purpose or "")
            location = "，".join(p for p in (visit.address, visit.area) if p) if visit.address else (visit.area or "")
            uid = f"kehu-plan{plan.id or 0}-visit{visit.id or visit.customer_id}-{day.day.isoformat()}@kehu"
            event = ["BEGIN:VEVENT", f"UID:{uid}", f"DTSTAMP:{stamp}",
                     f"DTSTART{when}:{_stamp(begin)}", f"DTEND{when}:{_stamp(end)}",
                     f"SUMMARY:{escape_text(summary)}"]
            if location:
                event.append(f"LOCATION:{escape_text(location)}")
            if visit.lat is not None and visit.lon is not None and visit.coord_source == "customer":
                event.append(f"GEO:{visit.lat:.6f};{visit.lon:.6f}")
            description = _description(visit, show_full_phone)
            if description:
                event.append(f"DESCRIPTION:{escape_text(description)}")
            event += ["STATUS:CANCELLED" if visit.outcome == "rescheduled" else "STATUS:CONFIRMED",
                      "TRANSP:OPAQUE", "END:VEVENT"]
            lines += event
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)


def write_ics(plan: Plan, path: Path | str, *, show_full_phone: bool = False) -> Path:
    path = Path(path)
    with private_files.open_private(path, "w", encoding="utf-8", newline="") as handle:
        handle.write(ics_text(plan, show_full_phone=show_full_phone))
    return path


def csv_rows(plan: Plan) -> list[dict]:
    rows = []
    for day in plan.days:
        for visit in day.visits:
            rows.append({
                "date": day.day.isoformat(), "order": visit.position, "customer_id": visit.customer_id,
                "name": visit.name, "area": visit.area or "",
                "window_start": clock(visit.window_start) if visit.window_start is not None else "",
                "window_end": clock(visit.window_end) if visit.window_end is not None else "",
                "purpose": visit.purpose or ""})
    return rows


def write_csv(plan: Plan, path: Path | str) -> Path:
    """The plan as CSV (UTF-8 with BOM so Excel shows the Chinese text), one row per
    visit, through the one neutralising writer (a name such as ``=HYPERLINK(...)`` is
    written as text a spreadsheet does not run)."""
    from model.customers import exporting
    path = Path(path)
    rows = csv_rows(plan)
    exporting.write_table(path, list(CSV_COLUMNS), ([row[k] for k in CSV_COLUMNS] for row in rows),
                          sheet="plan", total=len(rows), kind="csv")
    return path

