"""Promotion-activity printouts (促销活动方案, DOMAIN.md §6): the plan sheet (every
field, audience, budget with its total, staffing, schedule and the before / during /
closing checklists with tick boxes) and the evaluation report (figures, participants,
review, and the activity beside past ones). A4 portrait.

Tick boxes are drawn (not font glyphs), so they print with any CJK font; each
checklist row also says in words whether and when it was ticked.
"""
from __future__ import annotations

from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Paragraph, Spacer

from model.marketing import promotions
from model.core.i18n import translate
from model.marketing.promotions import Evaluation, PlanSheet
from reports.layout import ReportHeader, RuledSpace, Styles, build_pdf, page_frame_width, report_language, table


class TickBox(Flowable):
    """A square box, ticked when ``done``."""

    def __init__(self, done: bool, size: float = 3.6 * mm):
        super().__init__()
        self.done = done
        self.size = size

    def wrap(self, available_width, available_height):
        return self.size, self.size

    def draw(self):
        c = self.canv
        s = self.size
        c.setStrokeColor(colors.black)
        c.setLineWidth(0.7)
        c.rect(0, 0, s, s)
        if self.done:
            c.setLineWidth(1.1)
            path = c.beginPath()
            path.moveTo(s * 0.18, s * 0.52)
            path.lineTo(s * 0.42, s * 0.2)
            path.lineTo(s * 0.86, s * 0.86)
            c.drawPath(path, stroke=1, fill=0)


def money(value: float | None) -> str:
    """'1,300.00'; '-' for no value (nothing to divide by)."""
    return "-" if value is None else f"{value:,.2f}"


def _number(value: float) -> str:
    return f"{value:g}"


def time_text(plan: promotions.Plan) -> str:
    if not plan.starts_at:
        return ""
    start = plan.starts_at.strftime("%Y-%m-%d %H:%M")
    if not plan.ends_at:
        return start
    same_day = plan.ends_at.date() == plan.starts_at.date()
    return f"{start} – {plan.ends_at.strftime('%H:%M' if same_day else '%Y-%m-%d %H:%M')}"


def _fields_table(sheet: PlanSheet, styles: Styles, width: float):
    plan = sheet.plan
    rows = [
        (translate("Promotions", "Goal"), promotions.goal_label(plan.goal) and
         f"{promotions.goal_label(plan.goal)} · {_goal_description(plan.goal)}"),
        (translate("Promotions", "Activity type"), "\n".join(t for t in (
            promotions.activity_type_label(plan.activity_type),
            promotions.activity_type_description(plan.activity_type)) if t)),
        (translate("Promotions", "Area type"), promotions.area_type_label(plan.area_type)),
        (translate("Promotions", "Area"), sheet.area_name or ""),
        (translate("Promotions", "Circle"), sheet.circle_name or ""),
        (translate("Promotions", "Theme"), plan.theme),
        (translate("Promotions", "Time"), "\n".join(t for t in (time_text(plan), plan.time_note) if t)),
        (translate("Promotions", "Place"), plan.place),
        (translate("Promotions", "Supporting resources"), plan.resources),
        (translate("Promotions", "Organisation"), plan.organisation),
        (translate("Promotions", "Daily contact"), plan.daily_contact),
        (translate("Promotions", "Other key points"), plan.key_points),
        (translate("Promotions", "Key principles"), promotions.principles_text()),
        (translate("Promotions", "Target audience"),
         translate("Promotions", "{audience} ({count} customers)").format(audience=_audience(sheet),
                                                                          count=sheet.audience_size)),
        (translate("Promotions", "Status"), promotions.status_label(plan.status)),
    ]
    widths = [width * 0.22, width * 0.78]
    body = [[styles.p(label, styles.head), styles.p(value)] for label, value in rows[1:]]
    return table([styles.p(rows[0][0], styles.head), styles.p(rows[0][1])], body, widths, styles,
                 extra=[("BACKGROUND", (0, 1), (0, -1), colors.HexColor("#f3f3f3"))])


def _goal_description(key: str | None) -> str:
    for g in promotions.goals():
        if g.key == key:
            return g.description()
    return ""


def _budget_table(plan: promotions.Plan, styles: Styles, width: float):
    shares = (8, 46, 14, 16, 16)
    widths = [width * s / sum(shares) for s in shares]
    rows = [[styles.p(n), styles.p(line.item), styles.p(_number(line.quantity)), styles.p(money(line.unit_cost)),
             styles.p(money(line.total))] for n, line in enumerate(plan.budget, 1)]
    rows.append(["", styles.p(translate("Promotions", "Total"), styles.head), "", "",
                 styles.p(money(plan.budget_total), styles.head)])
    return table([translate("Promotions", "No."), translate("Promotions", "Item"), translate("Promotions", "Quantity"),
                  translate("Promotions", "Unit cost"), translate("Promotions", "Amount")], rows, widths, styles,
                 extra=[("ALIGN", (2, 1), (-1, -1), "RIGHT"), ("BACKGROUND", (0, -1), (-1, -1), colors.HexColor(
                     "#f3f3f3"))])


def _checklist_table(plan: promotions.Plan, phase: str, styles: Styles, width: float):
    shares = (7, 53, 40)
    widths = [width * s / sum(shares) for s in shares]
    rows = []
    for item in plan.items(phase):
        if item.done:
            state = translate("Promotions", "done {date} ({by})").format(date=(item.done_at or "")[:10],
                                                                        by=item.done_by or "-")
        else:
            state = translate("Promotions", "open")
        rows.append([TickBox(item.done), styles.p(promotions.checklist_label(phase, item.key, item.label)),
                     styles.p(state, styles.small)])
    if not rows:
        rows.append(["", styles.p(translate("Promotions", "No items."), styles.small), ""])
    return table(["", phase_heading(phase), translate("Promotions", "Done")], rows, widths, styles,
                 extra=[("VALIGN", (0, 1), (0, -1), "MIDDLE")])


def phase_heading(phase: str) -> str:
    return promotions.phase_label(phase)


def _section(title: str, styles: Styles) -> list:
    """A heading that never ends a page on its own."""
    return [CondPageBreak(30 * mm), styles.p(title, styles.heading)]


def plan_story(sheet: PlanSheet, styles: Styles, width: float) -> list:
    plan = sheet.plan
    story = [_fields_table(sheet, styles, width)]
    story += [*_section(translate("Promotions", "Budget"), styles), _budget_table(plan, styles, width)]
    staff = [[styles.p(n), styles.p(s.who), styles.p(s.role)] for n, s in enumerate(plan.staff, 1)]
    story += [*_section(translate("Promotions", "Staffing"), styles),
              table([translate("Promotions", "No."), translate("Promotions", "Who"), translate("Promotions", "Role")],
                    staff or [["", styles.p(translate("Promotions", "No one assigned yet."), styles.small), ""]],
                    [width * 0.08, width * 0.42, width * 0.5], styles)]
    schedule = [[styles.p(s.at), styles.p(s.what)] for s in plan.schedule]
    story += [*_section(translate("Promotions", "Schedule"), styles),
              table([translate("Promotions", "Time"), translate("Promotions", "What")],
                    schedule or [["", styles.p(translate("Promotions", "No schedule yet."), styles.small)]],
                    [width * 0.2, width * 0.8], styles)]
    story += _section(translate("Promotions", "Checklists"), styles)
    for phase in promotions.PHASES:
        story += [KeepTogether(_checklist_table(plan, phase, styles, width)), Spacer(1, 2 * mm)]
    story.append(Paragraph(translate("Promotions", "Approved by: ____________________    Date: ____________"),
                           styles.note))
    return story


def plan_pdf(sheet: PlanSheet, path: Path | str, *, branch: str | None = None, manager: str | None = None,
             language: str | None = None) -> Path:
    """Print the plan sheet of ``promotions.plan_sheet(conn, id)`` to ``path``."""
    with report_language(language):
        return _build(sheet, path, translate("Promotions", "Promotion plan"), plan_story, branch, manager)


def _build(sheet: PlanSheet, path: Path | str, title: str, story, branch: str | None, manager: str | None) -> Path:
    header = ReportHeader(translate("Promotions", "{report}: {title}").format(report=title, title=sheet.plan.title),
                          branch, manager or sheet.plan.created_by, time_text(sheet.plan))
    return build_pdf(path, story(sheet, Styles(9), page_frame_width(False)), header, subject=title)


def _percent(value: float | None) -> str:
    return "-" if value is None else f"{100 * value:.1f}%"


def _audience(sheet: PlanSheet) -> str:
    """The audience in words, in the language of the printout."""
    return sheet.plan.audience.describe(names=sheet.audience_names) if sheet.audience_names else sheet.audience_text


def figure_rows(e: Evaluation, audience_text: str | None = None) -> list[tuple[str, str]]:
    """The evaluation's figures as (label, value) pairs: the report and the CLI show these."""
    window = "-"
    if e.window_start:
        window = translate("Promotions", "{start} to {end} ({days} days after the end)").format(
            start=e.window_start.isoformat(), end=e.window_end.isoformat(), days=e.window_days)
    return [
        (translate("Promotions", "Participants"), translate("Promotions", "{total} ({picked} customers, {walk_ins} "
                                                                          "walk-ins)").format(
            total=e.participants, picked=len(e.participant_ids), walk_ins=e.walk_ins)),
        (translate("Promotions", "Target audience"), translate("Promotions", "{size} customers: {audience}").format(
            size=e.audience_size, audience=audience_text or e.audience_text)),
        (translate("Promotions", "Reached in the audience"), translate("Promotions", "{count} ({share})").format(
            count=e.participants_in_audience, share=_percent(e.reach))),
        (translate("Promotions", "Deal window"), window),
        (translate("Promotions", "Deals"), translate("Promotions", "{deals} by {customers} customers").format(
            deals=e.deals, customers=e.deal_customers)),
        (translate("Promotions", "Amount"), money(e.amount)),
        (translate("Promotions", "New customers"), str(e.new_customers)),
        (translate("Promotions", "Budget"), money(e.budget_total)),
        (translate("Promotions", "Cost per participant"), money(e.cost_per_participant)),
        (translate("Promotions", "Cost per deal"), money(e.cost_per_deal)),
    ]


def compare_header() -> list[str]:
    return [translate("Promotions", "Activity"), translate("Promotions", "Type"), translate("Promotions", "Area type"),
            translate("Promotions", "Audience"), translate("Promotions", "Participants"),
            translate("Promotions", "Reach"), translate("Promotions", "Deals"), translate("Promotions", "Amount"),
            translate("Promotions", "Cost per participant"), translate("Promotions", "Cost per deal")]


def compare_cells(e: Evaluation) -> list[str]:
    return [e.title, promotions.activity_type_label(e.activity_type), promotions.area_type_label(e.area_type),
            f"{e.audience_size}", str(e.participants), _percent(e.reach), str(e.deals), money(e.amount),
            money(e.cost_per_participant), money(e.cost_per_deal)]


def evaluation_story(sheet: PlanSheet, styles: Styles, width: float) -> list:
    e = sheet.evaluation
    plan = sheet.plan
    story = [styles.p(translate("Promotions", "{type} · {area_type} · {time} · {place}").format(
        type=promotions.activity_type_label(plan.activity_type), area_type=promotions.area_type_label(plan.area_type),
        time=time_text(plan), place=plan.place)),
        Spacer(1, 2 * mm)]
    rows = figure_rows(e, _audience(sheet))
    story.append(table([styles.p(rows[0][0], styles.head), styles.p(rows[0][1])],
                       [[styles.p(k, styles.head), styles.p(v)] for k, v in rows[1:]],
                       [width * 0.28, width * 0.72], styles,
                       extra=[("BACKGROUND", (0, 1), (0, -1), colors.HexColor("#f3f3f3"))]))
    story += _section(translate("Promotions", "Review"), styles)
    story.append(styles.p(e.review) if e.review else RuledSpace(4))
    story += _section(translate("Promotions", "Customers who took part"), styles)
    if sheet.participants:
        shares = (26, 24, 14, 12, 10, 14)
        widths = [width * s / sum(shares) for s in shares]
        yes, no = translate("Promotions", "yes"), translate("Promotions", "no")
        rows = [[styles.p(p.name), styles.p(p.area or ""), styles.p(yes if p.in_audience else no),
                 styles.p(yes if p.new_customer else no), styles.p(p.deals), styles.p(money(p.amount))]
                for p in sheet.participants]
        story.append(table([translate("Promotions", "Customer"), translate("Promotions", "Area"),
                            translate("Promotions", "In audience"), translate("Promotions", "New customer"),
                            translate("Promotions", "Deals"), translate("Promotions", "Amount")], rows, widths, styles))
    else:
        story.append(styles.p(translate("Promotions", "No customers were recorded as taking part."), styles.small))
    if len(sheet.compared) > 1:
        story += _section(translate("Promotions", "Compared with past activities"), styles)
        shares = (17, 13, 10, 7, 8, 8, 6, 11, 10, 10)
        widths = [width * s / sum(shares) for s in shares]
        rows = [[styles.p(c, styles.small) for c in compare_cells(x)] for x in sheet.compared]
        story.append(table([styles.p(h, styles.small) for h in compare_header()], rows, widths, styles,
                           extra=[("BACKGROUND", (0, 1), (-1, 1), colors.HexColor("#fff5d6"))]))
        story.append(styles.p(translate("Promotions", "The first row is this activity; audience is the number of "
                                                      "customers in its target group."), styles.small))
    return story


def evaluation_pdf(sheet: PlanSheet, path: Path | str, *, branch: str | None = None, manager: str | None = None,
                   language: str | None = None) -> Path:
    """Print the evaluation of ``promotions.plan_sheet(conn, id, with_evaluation=True)``."""
    if sheet.evaluation is None:
        raise ValueError("plan_sheet(..., with_evaluation=True) is needed for the evaluation report")
    with report_language(language):
        return _build(sheet, path, translate("Promotions", "Activity evaluation"), evaluation_story, branch,
                      manager)
