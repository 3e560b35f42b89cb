"""The visit plan to carry (拜访计划): per working day the ordered visits with the
customer, phone, address, time window, purpose, last contact and result, blank
columns for the result and next step, and a signature line; then what could not
be planned and why. A4 landscape."""
from __future__ import annotations

from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import PageBreak, Paragraph, Spacer

from model.i18n import translate
from model.visit_plan import Plan, PlanVisit
from reports.layout import (ReportHeader, RuledSpace, Styles, build_pdf, mask_phone, overdue_text,
                            page_frame_width,
                            report_language, table, weekday_name)

# Column shares of the page width: no., time, customer, phone, address/area, window,
# purpose, last contact, result (blank), next step (blank).
_SHARES = (3, 4.5, 11, 8, 15.5, 6.5, 12.5, 14, 13.5, 11.5)


def period_text(plan: Plan) -> str:
    if plan.start == plan.end:
        return plan.start.isoformat()
    return f"{plan.start.isoformat()} – {plan.end.isoformat()}"


def _customer_cell(visit: PlanVisit, styles: Styles) -> list:
    grades = " / ".join(g for g in (visit.tier and translate("Reports", "tier {tier}").format(tier=visit.tier),
                                    visit.opportunity_grade and translate("Reports", "opportunity {grade}")
                                    .format(grade=visit.opportunity_grade)) if g)
    notes = [grades] if grades else []
    if visit.never_visited:
        notes.append(overdue_text(0, never=True))
    elif visit.overdue_days:
        notes.append(overdue_text(visit.overdue_days))
    if visit.locked:
        notes.append(translate("Reports", "locked"))
    return [styles.p(visit.name), styles.lines(notes, styles.small)]


def _last_cell(visit: PlanVisit, styles: Styles) -> list:
    if not visit.last_contact:
        return [styles.p(translate("Reports", "no contact yet"), styles.small)]
    return [styles.p(visit.last_contact[:10], styles.small), styles.p(visit.last_result or "")]


def _place_cell(visit: PlanVisit, styles: Styles) -> list:
    cell = [styles.p(visit.address or "")]
    if visit.area:
        cell.append(styles.p(visit.area, styles.small))
    return cell


def visit_plan_pdf(plan: Plan, path: Path | str, *, branch: str | None = None, show_full_phone: bool = False,
                   language: str | None = None, include_unplanned: bool = True) -> Path:
    """Print a plan (as loaded or built by ``model.visit_plan``) to ``path``."""
    with report_language(language):
        return _build(plan, Path(path), branch, show_full_phone, include_unplanned)


def _build(plan: Plan, path: Path, branch: str | None, show_full_phone: bool, include_unplanned: bool) -> Path:
    styles = Styles(8.5)
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
        story.append(styles.p(translate("Reports", "{weekday} {date}: {count} visits, {km} km by straight "
                                                   "line").format(weekday=weekday_name(day.day),
                                                                  date=day.day.isoformat(),
                                                                  count=len(day.visits), km=f"{km:.1f}"),
                              styles.heading))
        rows = []
        for visit in day.visits:
            rows.append([
                styles.p(visit.position), styles.p(visit.time_text), _customer_cell(visit, styles),
                styles.p(mask_phone(visit.phone, show_full_phone)), _place_cell(visit, styles),
                styles.p(visit.window_text), styles.p(visit.purpose), _last_cell(visit, styles),
                RuledSpace(2, 6 * mm), RuledSpace(2, 6 * mm)])
        story.append(table(header, rows, widths, styles))
        story.append(Paragraph(
            translate("Reports", "Manager's signature: ____________________    Date: ____________    "
                                 "Checked by: ____________________"), styles.note))
    if include_unplanned and plan.unplanned:
        story.append(PageBreak())
        story.append(styles.p(translate("Reports", "Not planned ({count})").format(count=len(plan.unplanned)),
                              styles.heading))
        shares = (20, 9, 22, 14, 35)
        widths = [width * s / sum(shares) for s in shares]
        rows = [[_customer_cell(v, styles), styles.p(mask_phone(v.phone, show_full_phone)),
                 _place_cell(v, styles), styles.p(v.reason), styles.p(v.unplanned_detail)]
                for v in plan.unplanned]
        story.append(table([translate("Reports", "Customer"), translate("Reports", "Phone"),
                            translate("Reports", "Address / area"), translate("Reports", "Why due"),
                            translate("Reports", "Why not planned")], rows, widths, styles))
    story.append(Spacer(1, 2 * mm))
    head = ReportHeader(plan.title or translate("Reports", "Visit plan"), branch, plan.manager, period_text(plan))
    return build_pdf(path, story, head, landscape_pages=True, subject=translate("Reports", "Visit plan"))
