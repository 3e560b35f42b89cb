"""The visit plan to carry (拜访计划): per working day the ordered visits with the
customer, phone, address, time window, purpose, last contact and result, blank
columns for the result and next step (filled in for a visit already logged, which
is printed as done, not met or rescheduled), and a signature line; then, if
wanted, what could not be planned as a compact list: one line per customer,
grouped under each reason. A4 landscape.

Cells are plain wrapped text (``Styles.cell``), so a date such as 2026-12-04 is
never split across two lines, and the story ends with the last table: no blank
page at the end."""
from __future__ import annotations

from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, PageBreak, Paragraph

from model.core.i18n import translate
from model.visits.visit_plan import Plan, PlanVisit
from reports.layout import (ReportHeader, RuledSpace, Styles, build_pdf, mask_phone, overdue_text,
                            page_frame_width, report_language, table, weekday_name)

# Column shares of the page width: no., time, customer, phone, address/area, window,
# purpose, last contact, result (blank), next step (blank).
_SHARES = (3, 4.5, 11, 8, 15.5, 6.5, 12.5, 14, 13.5, 11.5)
# The unplanned list: customer, phone, area, grade, due.
_LIST_SHARES = (16, 10, 18, 10, 46)
SIZE = 8
LIST_SIZE = 7


def period_text(plan: Plan) -> str:
    if plan.start == plan.end:
        return plan.start.isoformat()
    return f"{plan.start.isoformat()} – {plan.end.isoformat()}"


def _grades(visit: PlanVisit) -> str:
    return " / ".join(g for g in (visit.tier and translate("Reports", "tier {tier}").format(tier=visit.tier),
                                  visit.opportunity_grade and translate("Reports", "opportunity {grade}")
                                  .format(grade=visit.opportunity_grade)) if g)


def _late(visit: PlanVisit) -> str:
    if visit.never_visited:
        return overdue_text(0, never=True)
    return overdue_text(visit.overdue_days) if visit.overdue_days else ""


def _customer(visit: PlanVisit) -> str:
    notes = [_grades(visit), _late(visit), translate("Reports", "locked") if visit.locked else ""]
    return "\n".join(t for t in [visit.name, *notes] if t)


def _last(visit: PlanVisit) -> str:
    if not visit.last_contact:
        return translate("Reports", "no contact yet")
    return "\n".join(t for t in (visit.last_contact[:10], visit.last_result or "") if t)


def _place(visit: PlanVisit) -> str:
    return "\n".join(t for t in (visit.address or "", visit.area or "") if t)


def outcome_label(outcome: str) -> str:
    return {"done": translate("Reports", "Done"), "not_met": translate("Reports", "Not met"),
            "rescheduled": translate("Reports", "Rescheduled")}.get(outcome, outcome)


def visit_plan_pdf(plan: Plan, path: Path | str, *, branch: str | None = None, show_full_phone: bool = False,
                   language: str | None = None, include_unplanned: bool = True, manager: str | None = None) -> Path:
    """Print a plan (as loaded or built by ``model.visits.visit_plan``) to ``path``; the visits not
    planned are listed at the end unless ``include_unplanned`` is False. The header names
    the plan's manager, else ``manager`` (the user printing), else who saved the plan."""
    with report_language(language):
        return _build(plan, Path(path), branch, show_full_phone, include_unplanned,
                      plan.manager or manager or plan.created_by)


def _day_rows(day, widths, styles: Styles, show_full_phone: bool) -> list:
    rows = []
    for visit in day.visits:
        cells = [str(visit.position or ""), visit.time_text, _customer(visit), mask_phone(visit.phone, show_full_phone),
                 _place(visit), visit.window_text, visit.purpose or "", _last(visit)]
        row = [styles.cell(v, widths[c], SIZE) for c, v in enumerate(cells)]
        if visit.outcome:            # logged: printed as what happened, not as a visit to make
            result = "✓ " if visit.outcome == "done" else ""
            result += outcome_label(visit.outcome)
            if visit.outcome_result:
                result += "\n" + visit.outcome_result
            step = " ".join(t for t in (visit.outcome_next_step or "", (visit.outcome_next_date or "")[:10]) if t)
            row += [styles.cell(result, widths[8], SIZE), styles.cell(step, widths[9], SIZE)]
        else:
            row += [RuledSpace(2, 6 * mm), RuledSpace(2, 6 * mm)]
        rows.append(row)
    return rows


def _unplanned(plan: Plan, width: float, styles: Styles, show_full_phone: bool) -> list:
    """The visits not planned, one line each, grouped under the reason they were left out."""
    widths = [width * s / sum(_LIST_SHARES) for s in _LIST_SHARES]
    groups: dict[str, list[PlanVisit]] = {}
    for visit in plan.unplanned:
        groups.setdefault(visit.unplanned_detail or "", []).append(visit)
    story: list = [CondPageBreak(40 * mm),
                   styles.p(translate("Reports", "Not planned ({count})").format(count=len(plan.unplanned)),
                            styles.heading)]
    header = [translate("Reports", "Customer"), translate("Reports", "Phone"), translate("Reports", "Area"),
              translate("Reports", "Grade"), translate("Reports", "Why due")]
    for reason, visits in groups.items():
        story.append(styles.p(translate("Reports", "{reason} ({count})").format(
            reason=reason or translate("Reports", "Not placed"), count=len(visits)), styles.note))
        rows = []
        for v in visits:
            grade = " / ".join(g for g in (v.tier, v.opportunity_grade) if g)
            due = " · ".join(t for t in (_late(v), v.reason) if t)
            cells = (v.name, mask_phone(v.phone, show_full_phone), v.area or "", grade, due)
            # one line each: a long reason is cut, the list is for choosing, not for reading
            rows.append([styles.cell(c, widths[k], LIST_SIZE).split("\n")[0] for k, c in enumerate(cells)])
        story.append(table(header, rows, widths, styles,
                           extra=[("FONTSIZE", (0, 1), (-1, -1), LIST_SIZE),
                                  ("LEADING", (0, 1), (-1, -1), LIST_SIZE * 1.2),
                                  ("TOPPADDING", (0, 1), (-1, -1), 1), ("BOTTOMPADDING", (0, 1), (-1, -1), 1)]))
    return story


def _build(plan: Plan, path: Path, branch: str | None, show_full_phone: bool, include_unplanned: bool,
           manager: str | None) -> Path:
    styles = Styles(SIZE)
    width = page_frame_width(True)
    widths = [width * s / sum(_SHARES) for s in _SHARES]
    header = [translate("Reports", "No."), translate("Reports", "Time"), translate("Reports", "Customer"),
              translate("Reports", "Phone"), translate("Reports", "Address / area"),
              translate("Reports", "Window"), translate("Reports", "Purpose"),
              translate("Reports", "Last contact and result"), translate("Reports", "Result"),
              translate("Reports", "Next step")]
    story: list = []
    days = [d for d in plan.days if d.visits]
    if not days:
        story.append(styles.p(translate("Reports", "No visits are planned in this period."), styles.heading))
    for number, day in enumerate(days):
        if number:
            story.append(PageBreak())
        km = sum(v.leg_m or 0 for v in day.visits) / 1000
        heading = translate("Reports", "{weekday} {date}: {count} visits, {km} km by straight line").format(
            weekday=weekday_name(day.day), date=day.day.isoformat(), count=len(day.visits), km=f"{km:.1f}")
        if day.logged:
            heading += " · " + translate("Reports", "{done} done, {logged} logged").format(
                done=day.done, logged=day.logged)
        story.append(styles.p(heading, styles.heading))
        story.append(table(header, _day_rows(day, widths, styles, show_full_phone), widths, styles))
        story.append(Paragraph(
            translate("Reports", "Manager's signature: ____________________    Date: ____________    "
                                 "Checked by: ____________________"), styles.note))
    if include_unplanned and plan.unplanned:
        story += _unplanned(plan, width, styles, show_full_phone)
    head = ReportHeader(plan.title or translate("Reports", "Visit plan"), branch, manager, period_text(plan))
    return build_pdf(path, story, head, landscape_pages=True, subject=translate("Reports", "Visit plan"))
