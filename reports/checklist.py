"""The partner 101 checklist run for sign-off (合作伙伴101, DOMAIN.md §3): the partner,
the date, reviewer and template version, every item grouped by part with its weight,
result and note, the weighted score, the follow-up actions, the evidence (photos as
thumbnails, other files listed) and signature lines for both sides. A4 portrait.

    path = print_run(conn, run_id, "101.pdf", by=settings.user_name(), branch="城东支行")

:func:`print_run` reads the run, writes the PDF and records the printout in the audit
trail (``model.archive.audit``).
"""
from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Image, KeepTogether, Spacer, Table, TableStyle

from model.archive import audit, database
from model.partners import checklists, evidence, partners
from model.core import outputs
from model.archive.database import sqlite3
from model.core.i18n import translate
from reports.layout import ReportHeader, Styles, build_pdf, page_frame_width, report_language, table

THUMB = 38 * mm
_LABEL_FILL = colors.HexColor("#f3f3f3")
_RESULT_FILL = {"met": colors.HexColor("#e3f1e0"), "not_met": colors.HexColor("#fbe3e1"),
                "na": colors.HexColor("#eeeeee")}


@dataclass
class RunSheet:
    """Everything the printout shows, read once (plain data; no connection needed to print)."""
    partner: partners.Partner
    agreement: partners.Agreement
    run: checklists.Run
    number: int                                   # the run's place among the partner's runs (1 = first)
    evidence: dict[int, evidence.Evidence] = field(default_factory=dict)
    keyman: partners.PartnerContact | None = None


def run_sheet(conn: sqlite3.Connection, run_id: int) -> RunSheet:
    run = checklists.load_run(conn, run_id)
    ids = [e for r in run.results.values() for e in r.evidence_ids]
    number = next((n for n, s in enumerate(checklists.runs(conn, run.partner_id), 1) if s.id == run_id), 1)
    return RunSheet(partners.get(conn, run.partner_id), partners.agreement(conn, run.partner_id), run, number,
                    {i: evidence.load(conn, i) for i in ids}, partners.keyman(conn, run.partner_id))


def _info_table(sheet: RunSheet, styles: Styles, width: float) -> Table:
    p, run, deal = sheet.partner, sheet.run, sheet.agreement
    period = ""
    if deal.starts_on or deal.ends_on:
        period = translate("Reports", "{start} to {end}").format(
            start=deal.starts_on.isoformat() if deal.starts_on else "…",
            end=deal.ends_on.isoformat() if deal.ends_on else "…")
    pairs = [
        (translate("Reports", "Partner"), f"{p.name} ({partners.kind_label(p.kind)})"),
        (translate("Reports", "Territory"), p.territory or ""),
        (translate("Reports", "Address"), p.address or ""),
        (translate("Reports", "KeyMan"),
         f"{sheet.keyman.name} {sheet.keyman.role or ''}".strip() if sheet.keyman else ""),
        (translate("Reports", "101 agreement"), period),
        (translate("Reports", "Review date"), run.run_on.isoformat()),
        (translate("Reports", "Reviewer"), run.reviewer),
        (translate("Reports", "Checklist version"), run.template.label if run.template else ""),
    ]
    half = (len(pairs) + 1) // 2
    rows = []
    for n in range(half):
        left = pairs[n]
        right = pairs[n + half] if n + half < len(pairs) else ("", "")
        rows.append([styles.p(left[0], styles.head), styles.p(left[1]), styles.p(right[0], styles.head),
                     styles.p(right[1])])
    result = Table(rows, colWidths=[width * 0.15, width * 0.35, width * 0.17, width * 0.33])
    result.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), styles.font),
        ("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#7f7f7f")),
        ("BACKGROUND", (0, 0), (0, -1), _LABEL_FILL), ("BACKGROUND", (2, 0), (2, -1), _LABEL_FILL),
        ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    return result


def _weight(value: float) -> str:
    return f"{value:g}"


def _part_story(sheet: RunSheet, part: checklists.Part, number: int, styles: Styles, width: float) -> list:
    template, run = sheet.run.template, sheet.run
    items = template.items_of(part.key)
    partial = checklists.score(checklists.Template(template.version, template.parts, tuple(items)), run.results)
    heading = translate("Reports", "{number}. {part} — {score}").format(
        number=number, part=part.title(), score=checklists.score_text(partial))
    shares = (6, 44, 8, 11, 31)
    widths = [width * s / sum(shares) for s in shares]
    rows, fills = [], []
    for n, item in enumerate(items, 1):
        result = run.results.get(item.key) or checklists.Result(item.key, "na")
        note = [result.note] if result.note else []
        files = [sheet.evidence[e].filename for e in result.evidence_ids if e in sheet.evidence]
        if files:
            note.append(translate("Reports", "Evidence: {files}").format(files=", ".join(files)))
        title = styles.lines([item.title()])
        guidance = styles.p(item.guidance(), styles.small) if item.guidance() else None
        rows.append([styles.p(f"{number}.{n}"), [title, guidance] if guidance else title,
                     styles.p(_weight(item.weight)),
                     styles.p(checklists.result_label(result.result), styles.head), styles.p("\n".join(note))])
        fills.append(("BACKGROUND", (3, len(rows)), (3, len(rows)), _RESULT_FILL.get(result.result, colors.white)))
    body = table([translate("Reports", "No."), translate("Reports", "Item"), translate("Reports", "Weight"),
                  translate("Reports", "Result"), translate("Reports", "Note")], rows, widths, styles, extra=fills)
    return [CondPageBreak(35 * mm), styles.p(heading, styles.heading), body]


def _score_line(sheet: RunSheet, styles: Styles):
    run, template = sheet.run, sheet.run.template
    applicable = [i for i in template.items if (run.results.get(i.key) and run.results[i.key].result != "na")]
    met = [i for i in applicable if run.results[i.key].result == "met"]
    na = len(template.items) - len(applicable)
    if run.score is None:
        text = translate("Reports", "Score: — (no item applies)")
    else:
        text = translate("Reports", "Score: {score} — weights of the items met {met} of {applicable} applicable "
                                    "(not applicable, left out: {na})").format(
            score=checklists.score_text(run.score), met=_weight(sum(i.weight for i in met)),
            applicable=_weight(sum(i.weight for i in applicable)), na=na)
    return styles.p(text, styles.heading)


def _actions_story(sheet: RunSheet, styles: Styles, width: float) -> list:
    story = [CondPageBreak(30 * mm), styles.p(translate("Reports", "Follow-up actions"), styles.heading)]
    template = sheet.run.template
    if not sheet.run.actions:
        return story + [styles.p(translate("Reports", "No follow-up actions."), styles.small)]
    shares = (6, 44, 18, 14, 18)
    widths = [width * s / sum(shares) for s in shares]
    rows = []
    for n, a in enumerate(sheet.run.actions, 1):
        item = template.item(a.item_key) if a.item_key else None
        what = a.text + (f"\n({item.title()})" if item else "")
        status = translate("Reports", "open") if a.status == "open" else \
            translate("Reports", "done {date}").format(date=a.done_on or "")
        rows.append([styles.p(n), styles.p(what), styles.p(a.owner), styles.p(a.due_on.isoformat()), styles.p(status)])
    return story + [table([translate("Reports", "No."), translate("Reports", "Action"), translate("Reports", "Owner"),
                           translate("Reports", "Due"), translate("Reports", "Status")], rows, widths, styles)]


def _thumbnail(item: evidence.Evidence) -> Image | None:
    if not item.is_image or not item.width or not item.height:
        return None
    scale = min(THUMB / item.width, THUMB / item.height)
    return Image(io.BytesIO(item.data), width=item.width * scale, height=item.height * scale)


def _evidence_story(sheet: RunSheet, styles: Styles, width: float) -> list:
    if not sheet.evidence:
        return []
    story = [CondPageBreak(40 * mm), styles.p(translate("Reports", "Evidence"), styles.heading)]
    template = sheet.run.template
    pictures, files = [], []
    for result in sheet.run.results.values():
        item = template.item(result.item_key)
        for eid in result.evidence_ids:
            found = sheet.evidence.get(eid)
            if found is None:
                continue
            caption = f"{item.title() if item else result.item_key}\n{found.filename}"
            thumb = _thumbnail(found)
            if thumb is not None:
                pictures.append([thumb, styles.p(caption, styles.small)])
            else:
                files.append([styles.p(item.title() if item else result.item_key), styles.p(found.filename),
                              styles.p(translate("Reports", "{size} KB").format(
                                  size=max(1, round(found.size / 1024))))])
    per_row = 4
    if pictures:
        cells = [pictures[k:k + per_row] for k in range(0, len(pictures), per_row)]
        for row in cells:
            row += [""] * (per_row - len(row))
        grid = Table(cells, colWidths=[width / per_row] * per_row)
        grid.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), styles.font), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                                  ("ALIGN", (0, 0), (-1, -1), "CENTER")]))
        story.append(grid)
    if files:
        story += [Spacer(1, 2 * mm), table([translate("Reports", "Item"), translate("Reports", "Attached file"),
                                            translate("Reports", "Size")], files,
                                           [width * 0.45, width * 0.4, width * 0.15], styles)]
    return story


def _signatures(styles: Styles, width: float) -> KeepTogether:
    line = "_" * 26
    cells = []
    for side in (translate("Reports", "Our side (我方)"), translate("Reports", "Partner (合作伙伴)")):
        cells.append([styles.p(side, styles.head), Spacer(1, 6 * mm),
                      styles.p(translate("Reports", "Signature: {line}").format(line=line)), Spacer(1, 4 * mm),
                      styles.p(translate("Reports", "Date: {line}").format(line=line[:16]))])
    grid = Table([cells], colWidths=[width / 2, width / 2])
    grid.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), styles.font), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                              ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    return KeepTogether([Spacer(1, 8 * mm), grid])


def run_story(sheet: RunSheet, styles: Styles, width: float) -> list:
    story = [_info_table(sheet, styles, width), Spacer(1, 2 * mm), _score_line(sheet, styles)]
    if sheet.run.notes:
        story.append(styles.p(sheet.run.notes))
    for number, part in enumerate(sheet.run.template.parts, 1):
        story += _part_story(sheet, part, number, styles, width)
    story += _actions_story(sheet, styles, width)
    story += _evidence_story(sheet, styles, width)
    story.append(_signatures(styles, width))
    return story


def checklist_pdf(sheet: RunSheet, path: Path | str, *, branch: str | None = None, manager: str | None = None,
                  language: str | None = None) -> Path:
    """Write the run of ``run_sheet(conn, run_id)`` to ``path``."""
    with report_language(language):
        title = translate("Reports", "101 checklist: {partner}").format(partner=sheet.partner.name)
        header = ReportHeader(title, branch, manager or sheet.partner.manager,
                              translate("Reports", "{date} (run {number})").format(
                                  number=sheet.number, date=sheet.run.run_on.isoformat()))
        return build_pdf(path, run_story(sheet, Styles(9), page_frame_width(False)), header,
                         subject=translate("Reports", "Partner 101 checklist"))


def print_run(conn: sqlite3.Connection, run_id: int, path: Path | str, *, by: str, branch: str | None = None,
              manager: str | None = None, language: str | None = None) -> Path:
    """Read the run, write its PDF and record the printout in the audit trail."""
    sheet = run_sheet(conn, run_id)
    with database.transaction(conn), outputs.staged(path) as (part,):   # the PDF and its entry, or neither
        checklist_pdf(sheet, part, branch=branch, manager=manager, language=language)
        audit.record(conn, "print", translate("Reports", "101 checklist: {partner}").format(partner=sheet.partner.name),
                     count=1, by=by, detail={"partner_id": sheet.partner.id, "run_id": run_id, "file": Path(path).name})
    return Path(path)
