"""The tracking log (客户追踪志, DOMAIN §2b, §7) of one opportunity grade for its
period (``model.visits.tracking_logs``): per customer of the grade its need, expected
close, last tracking contact and agreed next step, then ruled blank columns to
write each contact of the period in by hand; a few blank rows at the end for a
customer who moves into the grade. A4 landscape, one line of print per customer
where it fits."""
from __future__ import annotations

from pathlib import Path

from reportlab.lib.units import mm

from model.core.i18n import translate
from model.visits.tracking_logs import TrackingEntry, TrackingLog
from reports.layout import (ReportHeader, RuledSpace, Styles, build_pdf, mask_phone, page_frame_width,
                            report_language, table)

# no., customer, phone, need, expected close, last tracking, next step | date, channel, result, next step
_SHARES = (3, 10, 7.5, 13, 8, 16, 12, 6, 5.5, 12, 11)
LINE_HEIGHT = 6.5 * mm
SPARE_ROWS = 3


def _titles() -> dict[str, str]:
    return {"day": translate("Reports", "Daily tracking log"),
            "week": translate("Reports", "Weekly tracking log"),
            "half-month": translate("Reports", "Half-monthly tracking log"),
            "month": translate("Reports", "Monthly tracking log")}


def title(log: TrackingLog) -> str:
    return translate("Reports", "{log}: opportunity grade {grade}").format(log=_titles()[log.kind], grade=log.grade)


def channel_label(channel: str | None) -> str:
    return {"visit": translate("Reports", "visit"), "phone": translate("Reports", "phone"),
            "sms": translate("Reports", "SMS"),
            "online": translate("Reports", "online")}.get(channel or "", channel or "")


def _labels():
    from model.core import language
    from model.grading import ruleset
    rules = ruleset.load().opportunity
    lang = language.installed_language()
    return ({n.key: n.label(lang) for n in rules.needs}, {c.key: c.label(lang) for c in rules.closes})


def _need(entry: TrackingEntry, needs: dict) -> str:
    return " · ".join(t for t in (needs.get(entry.need or ""), entry.needs) if t)


def _close(entry: TrackingEntry, closes: dict) -> str:
    return "\n".join(t for t in ((entry.expected_close or "")[:10], closes.get(entry.close or "")) if t)


def _last(entry: TrackingEntry) -> str:
    if not entry.last_contact:
        return translate("Reports", "no contact yet")
    text = " ".join(t for t in (entry.last_contact, channel_label(entry.last_channel), entry.last_result or "") if t)
    if entry.overdue_days > 0:
        text += " (" + translate("Reports", "{days} days overdue").format(days=entry.overdue_days) + ")"
    return text


def _next(entry: TrackingEntry) -> str:
    return " ".join(t for t in (entry.next_step or "", (entry.next_date or "")[:10]) if t)


def tracking_log_pdf(log: TrackingLog, path: Path | str, *, branch: str | None = None,
                     show_full_phone: bool = False, language: str | None = None, manager: str | None = None) -> Path:
    """Print a tracking log (from ``model.visits.tracking_logs.tracking_log``) to ``path``; the
    header names the log's manager, else ``manager`` (the user printing)."""
    with report_language(language):
        return _build(log, Path(path), branch, show_full_phone, log.manager or manager)


def _build(log: TrackingLog, path: Path, branch: str | None, show_full_phone: bool, manager: str | None) -> Path:
    styles = Styles(8)
    width = page_frame_width(True)
    widths = [width * s / sum(_SHARES) for s in _SHARES]
    header = [translate("Reports", "No."), translate("Reports", "Customer"), translate("Reports", "Phone"),
              translate("Reports", "Need"), translate("Reports", "Expected close"),
              translate("Reports", "Last tracking"), translate("Reports", "Next step"),
              translate("Reports", "Date"), translate("Reports", "Channel"), translate("Reports", "Result"),
              translate("Reports", "Next step and date")]
    needs, closes = _labels()
    # Plain wrapped text, not Paragraphs: a 100,000-customer book's D log has thousands of rows.
    size = 7
    rows = []
    for number, entry in enumerate(log.entries, start=1):
        customer = " ".join(t for t in (entry.name, entry.tier and f"({entry.tier})") if t)
        if entry.area:
            customer += "\n" + entry.area
        cells = (customer, mask_phone(entry.phone, show_full_phone), _need(entry, needs), _close(entry, closes),
                 _last(entry), _next(entry))
        rows.append([str(number), *(styles.cell(v, widths[c], size) for c, v in enumerate(cells, start=1)),
                     *(RuledSpace(entry.lines, LINE_HEIGHT) for _ in range(4))])
    for _ in range(SPARE_ROWS):
        rows.append(["", "", "", "", "", "", "", *(RuledSpace(1, LINE_HEIGHT) for _ in range(4))])
    first, last = log.start.isoformat(), log.end.isoformat()
    period = first if first == last else f"{first} – {last}"
    every = translate("Reports", "every {days} days").format(days=log.cadence_days) if log.cadence_days else ""
    summary = translate("Reports", "{count} customers of opportunity grade {grade}, tracked {every}").format(
        count=len(log.entries), grade=log.grade, every=every)
    story = [styles.p(summary, styles.body),
             table(header, rows, widths, styles, extra=[("FONTSIZE", (1, 1), (6, -1), size),
                                                         ("LEADING", (1, 1), (6, -1), size * 1.25)])]
    head = ReportHeader(title(log), branch, manager, period)
    return build_pdf(path, story, head, landscape_pages=True, subject=title(log))
