"""The morning sheet (晨会: today's targets, plan, calls, care calls, follow-ups) and the
evening sheet (夕会: results against the targets for the day and the month to date, what
moves to the next working day) from ``model.visits.daily_sheets``. A4 portrait, with ruled
space for the meeting's notes."""
from __future__ import annotations

from pathlib import Path

from reportlab.lib.units import mm

from model.visits import targets
from model.visits.daily_sheets import EveningSheet, MorningSheet
from model.core.i18n import translate
from reports.layout import (ReportHeader, RuledSpace, Styles, build_pdf, mask_phone, page_frame_width,
                            report_language, table, weekday_name)

SIZE = 8


def _number(value, kind: targets.Kind, signed: bool = False) -> str:
    return targets.number_text(value, kind.whole, signed)


def _section(story: list, styles: Styles, title: str, header: list[str], rows: list[list], shares) -> None:
    story.append(styles.p(title.replace("{count}", str(len(rows))), styles.heading))
    if not rows:
        story.append(styles.p(translate("Reports", "None."), styles.body))
        return
    width = page_frame_width(False)
    widths = [width * s / sum(shares) for s in shares]
    story.append(table(header, [[styles.cell(v, widths[c]) for c, v in enumerate(r)] for r in rows], widths, styles))


def _no_targets(story: list, styles: Styles, sheet) -> None:
    if not sheet.standing.has_targets:
        story.append(styles.p(translate("Reports", "No targets are set for {month}: the actuals are shown alone.")
                              .format(month=sheet.standing.month), styles.small))


def _more(story: list, styles: Styles, count: int) -> None:
    if count:
        story.append(styles.p(translate("Reports", "And {count} more calls due: the due list has them all.")
                              .format(count=count), styles.small))


def _day_line(sheet) -> str:
    s = sheet.standing
    if not s.working_day_number:
        return translate("Reports", "{weekday}: not a working day ({days} working days in {month}).").format(
            weekday=weekday_name(s.day), days=s.working_days, month=s.month)
    return translate("Reports", "{weekday}, working day {number} of {days} in {month}.").format(
        weekday=weekday_name(s.day), number=s.working_day_number, days=s.working_days, month=s.month)


def _visit_rows(visits) -> list[list]:
    return [[str(v.position or ""), v.time_text, v.name, v.area or "", v.purpose or ""] for v in visits]


def _visit_header() -> list[str]:
    return [translate("Reports", "No."), translate("Reports", "Time"), translate("Reports", "Customer"),
            translate("Reports", "Area"), translate("Reports", "Purpose")]


def _care_rows(calls, full_phone: bool) -> list[list]:
    return [[c.on.isoformat(), c.name, mask_phone(c.phone, full_phone), c.reason] for c in calls]


def _care_header() -> list[str]:
    return [translate("Reports", "Occasion"), translate("Reports", "Customer"), translate("Reports", "Phone"),
            translate("Reports", "Reason")]


def _call_rows(calls, full_phone: bool) -> list[list]:
    return [[c.name, mask_phone(c.phone, full_phone), " / ".join(g for g in (c.tier, c.opportunity_grade) if g),
             c.reason] for c in calls]


def _call_header() -> list[str]:
    return [translate("Reports", "Customer"), translate("Reports", "Phone"), translate("Reports", "Grade"),
            translate("Reports", "Why due")]


def morning_sheet_pdf(sheet: MorningSheet, path: Path | str, *, branch: str | None = None,
                      show_full_phone: bool = False, language: str | None = None) -> Path:
    with report_language(language):
        styles = Styles(SIZE)
        story: list = [styles.p(_day_line(sheet), styles.body)]
        _no_targets(story, styles, sheet)
        before = {line.kind.key: line for line in sheet.before.lines} if sheet.before else {}
        rows = []
        for line in sheet.standing.lines:
            prior = before.get(line.kind.key)
            rows.append([line.kind.label(), _number(line.month_target, line.kind),
                         _number(line.day_target, line.kind) if line.month_target is not None else "",
                         _number(prior.to_date_actual if prior else 0, line.kind),
                         _number(prior.to_date_target if prior else 0, line.kind)
                         if line.month_target is not None else "", line.kind.counted()])
        _section(story, styles, translate("Reports", "Today's targets"),
                 [translate("Reports", "Kind"), translate("Reports", "Month"), translate("Reports", "Today"),
                  translate("Reports", "Done before today"), translate("Reports", "Due before today"),
                  translate("Reports", "Counted as")], rows, (12, 9, 8, 10, 10, 30))
        _section(story, styles, translate("Reports", "Today's plan ({count})"), _visit_header(),
                 _visit_rows(sheet.visits), (4, 8, 14, 14, 30))
        _section(story, styles, translate("Reports", "Calls due ({count})"), _call_header(),
                 _call_rows(sheet.calls, show_full_phone), (14, 11, 7, 38))
        _more(story, styles, sheet.more_calls)
        _section(story, styles, translate("Reports", "Care calls ({count})"), _care_header(),
                 _care_rows(sheet.care_calls, show_full_phone), (10, 14, 11, 35))
        _section(story, styles, translate("Reports", "Open follow-ups ({count})"),
                 [translate("Reports", "Partner"), translate("Reports", "Action"), translate("Reports", "Owner"),
                  translate("Reports", "Due")],
                 [[f.partner, f.text, f.owner, f.due_on.isoformat()] for f in sheet.follow_ups], (14, 34, 10, 10))
        story.append(styles.p(translate("Reports", "Notes of the morning meeting"), styles.heading))
        story.append(RuledSpace(6, 7 * mm))
        head = ReportHeader(translate("Reports", "Morning sheet"), branch, sheet.manager, sheet.day.isoformat())
        return build_pdf(path, story, head, subject=translate("Reports", "Morning sheet"))


def evening_sheet_pdf(sheet: EveningSheet, path: Path | str, *, branch: str | None = None,
                      show_full_phone: bool = False, language: str | None = None) -> Path:
    with report_language(language):
        styles = Styles(SIZE)
        story: list = [styles.p(_day_line(sheet), styles.body)]
        _no_targets(story, styles, sheet)
        rows = []
        for line in sheet.standing.lines:
            has = line.month_target is not None
            rows.append([line.kind.label(), _number(line.day_target, line.kind) if has else "",
                         _number(line.day_actual, line.kind),
                         _number(line.day_difference, line.kind, True) if has else "",
                         _number(line.to_date_target, line.kind) if has else "",
                         _number(line.to_date_actual, line.kind),
                         _number(line.to_date_difference, line.kind, True) if has else "",
                         _number(line.month_target, line.kind)])
        _section(story, styles, translate("Reports", "Results against the targets"),
                 [translate("Reports", "Kind"), translate("Reports", "Today's target"),
                  translate("Reports", "Today's result"), translate("Reports", "Ahead (+) or behind today"),
                  translate("Reports", "Target to date"), translate("Reports", "Result to date"),
                  translate("Reports", "Ahead (+) or behind to date"), translate("Reports", "Month")], rows,
                 (12, 9, 9, 9, 9, 9, 9, 9))
        _section(story, styles, translate("Reports", "Visits done ({count})"), _visit_header(),
                 _visit_rows(sheet.done_visits), (4, 8, 14, 14, 30))
        moved = sheet.next_day.isoformat()
        _section(story, styles, translate("Reports", "Moves to {date}: visits not done ({count})").replace(
            "{date}", moved), _visit_header(),
                 _visit_rows(sheet.open_visits), (4, 8, 14, 14, 30))
        _section(story, styles, translate("Reports", "Moves to {date}: calls not made ({count})").replace(
            "{date}", moved), _call_header(),
                 _call_rows(sheet.open_calls, show_full_phone), (14, 11, 7, 38))
        _more(story, styles, sheet.more_calls)
        _section(story, styles, translate("Reports", "Moves to {date}: care calls still open ({count})").replace(
            "{date}", moved), _care_header(),
                 _care_rows(sheet.open_care, show_full_phone), (10, 14, 11, 35))
        if sheet.missed_care:
            _section(story, styles, translate("Reports", "Care calls missed today ({count})"), _care_header(),
                     _care_rows(sheet.missed_care, show_full_phone), (10, 14, 11, 35))
        story.append(styles.p(translate("Reports", "Notes of the evening review"), styles.heading))
        story.append(RuledSpace(6, 7 * mm))
        head = ReportHeader(translate("Reports", "Evening sheet"), branch, sheet.manager, sheet.day.isoformat())
        return build_pdf(path, story, head, subject=translate("Reports", "Evening sheet"))
