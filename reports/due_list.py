"""The due list (who is due, ``model.visits.due.due_list``) as a printout of its own:
the visits due, then the calls due, ranked, one line each where it fits: the
customer, phone, area, tier and grade, when due (a date, or "never visited"),
how late, last visit and last contact side by side, and why. A4 landscape."""
from __future__ import annotations

from pathlib import Path

from model.visits.due import DueList, DueVisit
from model.core.i18n import translate
from reports.layout import (ReportHeader, Styles, build_pdf, mask_phone, page_frame_width, report_language,
                            table)
from reports.tracking_log import channel_label

# no., customer, phone, area, tier/grade, channel, due, overdue, last visit, last contact, why
_SHARES = (3, 9, 7, 9, 4.5, 4.5, 7, 5.5, 6.5, 6.5, 27)
SIZE = 7


def _due(item: DueVisit) -> str:
    if item.never:
        return (translate("Reports", "never visited") if item.channel == "visit"
                else translate("Reports", "never contacted"))
    return item.due_date.isoformat() if item.due_date else ""


def _overdue(item: DueVisit) -> str:
    if item.never:
        return translate("Reports", "never")
    return translate("Reports", "{days} d").format(days=item.overdue_days) if item.overdue_days else ""


def due_list_pdf(due: DueList, path: Path | str, *, branch: str | None = None, manager: str | None = None,
                 show_full_phone: bool = False, language: str | None = None) -> Path:
    """Print a due list to ``path``."""
    with report_language(language):
        return _build(due, Path(path), branch, manager, show_full_phone)


def _build(due: DueList, path: Path, branch: str | None, manager: str | None, show_full_phone: bool) -> Path:
    styles = Styles(SIZE)
    width = page_frame_width(True)
    widths = [width * s / sum(_SHARES) for s in _SHARES]
    header = [translate("Reports", "No."), translate("Reports", "Customer"), translate("Reports", "Phone"),
              translate("Reports", "Area"), translate("Reports", "Grade"), translate("Reports", "Channel"),
              translate("Reports", "Due"), translate("Reports", "Overdue"), translate("Reports", "Last visit"),
              translate("Reports", "Last contact"), translate("Reports", "Why due")]
    story: list = []
    for heading, items in ((translate("Reports", "Visits due ({count})"), due.visits),
                           (translate("Reports", "Calls due ({count})"), due.calls)):
        story.append(styles.p(heading.format(count=len(items)), styles.heading))
        if not items:
            story.append(styles.p(translate("Reports", "None."), styles.body))
            continue
        rows = []
        for number, item in enumerate(items, start=1):
            grade = " / ".join(g for g in (item.tier, item.opportunity_grade) if g)
            last_visit = (item.last_visit or "")[:10] or (translate("Reports", "never")
                                                          if item.customer_id is not None else "")
            cells = (item.name, mask_phone(item.phone, show_full_phone), item.area or "", grade,
                     channel_label(item.channel), _due(item), _overdue(item), last_visit,
                     (item.last_contact or "")[:10], item.reason)
            rows.append([str(number), *(styles.cell(v, widths[c], SIZE) for c, v in enumerate(cells, start=1))])
        story.append(table(header, rows, widths, styles))
    first, last = due.start.isoformat(), due.end.isoformat()
    period = first if first == last else f"{first} – {last}"
    head = ReportHeader(translate("Reports", "Due list"), branch, manager, period)
    return build_pdf(path, story, head, landscape_pages=True, subject=translate("Reports", "Due list"))
