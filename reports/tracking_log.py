"""The tracking log (客户追踪志, DOMAIN §7) for a day, week, half month or month:
the customers due in the period with their grade, why they are due and their
latest contacts, and ruled blank space to write each contact of the period in
by hand; a few blank rows at the end for customers who turn up unplanned.
A4 landscape."""
from __future__ import annotations

from pathlib import Path

from reportlab.lib.units import mm

from model.due import TrackingEntry, TrackingLog
from model.i18n import translate
from reports.layout import (ReportHeader, RuledSpace, Styles, build_pdf, mask_phone, overdue_text,
                            page_frame_width,
                            report_language, table)

# no., customer, grade, due, history, date, channel, result, next step and date
_SHARES = (3, 14, 8, 15, 25, 6.5, 6.5, 14, 12)
LINE_HEIGHT = 6.5 * mm
SPARE_ROWS = 5


def _titles() -> dict[str, str]:
    return {"day": translate("Reports", "Daily tracking log"),
            "week": translate("Reports", "Weekly tracking log"),
            "half-month": translate("Reports", "Half-monthly tracking log"),
            "month": translate("Reports", "Monthly tracking log")}


def channel_label(channel: str | None) -> str:
    return {"visit": translate("Reports", "visit"), "phone": translate("Reports", "phone"),
            "sms": translate("Reports", "SMS"), "online": translate("Reports", "online")}.get(channel or "", channel or "")


def _history(entry: TrackingEntry) -> str:
    if not entry.history:
        return translate("Reports", "no contact yet")
    lines = []
    for h in entry.history:
        parts = [h["contact_date"][:10], channel_label(h["channel"]), h["result"] or ""]
        if h.get("next_step"):
            parts.append("→ " + h["next_step"])
        lines.append(" ".join(p for p in parts if p))
    return "\n".join(lines)


def _grade(entry: TrackingEntry) -> str:
    item = entry.item
    parts = []
    if item.tier:
        parts.append(translate("Reports", "tier {tier}").format(tier=item.tier))
    if item.opportunity_grade:
        parts.append(translate("Reports", "opportunity {grade}").format(grade=item.opportunity_grade))
    if item.cadence_days:
        parts.append(translate("Reports", "every {days} d").format(days=item.cadence_days))
    if item.action_id is not None:
        parts.append(translate("Reports", "101 partner"))
    return "\n".join(parts) or translate("Reports", "not graded")


def _due(entry: TrackingEntry) -> str:
    item = entry.item
    when = item.due_date.isoformat() if item.due_date else ""
    head = f"{when} {channel_label(item.channel)}"
    if item.never or item.overdue_days:
        head += f" ({overdue_text(item.overdue_days, item.never)})"
    return f"{head}\n{item.reason}"


def _blanks(lines: int) -> list[RuledSpace]:
    return [RuledSpace(lines, LINE_HEIGHT) for _ in range(4)]


def tracking_log_pdf(log: TrackingLog, path: Path | str, *, branch: str | None = None,
                     show_full_phone: bool = False, language: str | None = None) -> Path:
    """Print a tracking log (from ``model.due.tracking_log``) to ``path``."""
    with report_language(language):
        return _build(log, Path(path), branch, show_full_phone)


def _build(log: TrackingLog, path: Path, branch: str | None, show_full_phone: bool) -> Path:
    styles = Styles(8)
    width = page_frame_width(True)
    widths = [width * s / sum(_SHARES) for s in _SHARES]
    header = [translate("Reports", "No."), translate("Reports", "Customer"), translate("Reports", "Grade"),
              translate("Reports", "Due and why"), translate("Reports", "Latest contacts"),
              translate("Reports", "Date"), translate("Reports", "Channel"), translate("Reports", "Result"),
              translate("Reports", "Next step and date")]
    # Plain wrapped text, not Paragraphs: a month's log runs to hundreds of pages.
    sizes = {1: 7.5, 2: 6.5, 3: 7, 4: 6.5}
    rows = []
    for number, entry in enumerate(log.entries, start=1):
        item = entry.item
        customer = "\n".join(t for t in (item.name, mask_phone(item.phone, show_full_phone), item.area or "") if t)
        cells = {1: customer, 2: _grade(entry), 3: _due(entry), 4: _history(entry)}
        rows.append([str(number), *(styles.cell(cells[c], widths[c], sizes[c]) for c in (1, 2, 3, 4)),
                     *_blanks(entry.lines)])
    for _ in range(SPARE_ROWS):
        rows.append(["", "", "", "", "", *_blanks(1)])
    first, last = log.start.isoformat(), log.end.isoformat()
    period = first if first == last else f"{first} – {last}"
    story = [styles.p(translate("Reports", "{count} customers due").format(count=len(log.entries)), styles.body),
             table(header, rows, widths, styles, extra=[
                 cmd for c, size in sizes.items() for cmd in (("FONTSIZE", (c, 1), (c, -1), size),
                                                              ("LEADING", (c, 1), (c, -1), size * 1.25))])]
    head = ReportHeader(_titles()[log.kind], branch, log.manager, period)
    return build_pdf(path, story, head, landscape_pages=True, subject=_titles()[log.kind])
