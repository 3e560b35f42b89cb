"""Key-account printouts (DOMAIN.md §4): the KA dossier (account, volume against target
with the reward tier reached and what is missing for the next, team, contacts with the
KeyMan, stores, commitments, the latest store checks with scores and photo thumbnails)
and the sheet of one store check. A4 portrait, in the shared layout and CJK font.

:func:`print_dossier` and :func:`print_check` gather the data, write the PDF and
record the printing in the audit trail; :func:`dossier_pdf` / :func:`check_pdf` only
write a PDF from plain data.
"""
from __future__ import annotations

import io
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Image, KeepTogether, Paragraph, Spacer

from model.archive import audit, database
from model.key_accounts import ka_volumes, ka_dossier, key_accounts as ka, store_checks
from model.core import outputs
from model.core.i18n import translate
from model.key_accounts.ka_dossier import Dossier
from model.key_accounts.ka_rewards import number_text
from reports.layout import (ReportHeader, Styles, build_pdf, mask_phone, page_frame_width, report_language,
                            table)

LABEL_FILL = colors.HexColor("#f3f3f3")
RESULT_FILL = {store_checks.COMPLIANT: colors.HexColor("#dff0d8"), store_checks.PARTLY: colors.HexColor("#fcf3cf"),
               store_checks.NOT_COMPLIANT: colors.HexColor("#f8d7da")}


def _section(title: str, styles: Styles) -> list:
    """A heading that never ends a page on its own."""
    return [CondPageBreak(30 * mm), styles.p(title, styles.heading)]


def _pairs(rows: list[tuple[str, str]], styles: Styles, width: float, label_share: float = 0.26):
    body = [[styles.p(k, styles.head), styles.p(v)] for k, v in rows]
    return table(body[0], body[1:], [width * label_share, width * (1 - label_share)], styles,
                 extra=[("BACKGROUND", (0, 0), (0, -1), LABEL_FILL)])


def _share(volume: ka_volumes.Volume) -> str:
    return "-" if volume.share is None else f"{100 * volume.share:.0f}%"


def volume_rows(d: Dossier) -> list[tuple[str, str]]:
    """The year's figures as (label, value): the printout and the command line show these."""
    unit = d.rules.unit()
    standing = d.standing
    rows = [
        (translate("KeyAccounts", "Volume {year}").format(year=d.year),
         translate("KeyAccounts", "{volume} {unit} (target {target}, {share})").format(
             volume=number_text(d.total.volume or 0), unit=unit, target=number_text(d.total.target),
             share=_share(d.total))),
        (translate("KeyAccounts", "Reward tier reached"),
         translate("KeyAccounts", "{tier}: {reward}").format(tier=standing.reached.label(),
                                                               reward=standing.reached.reward())
         if standing.reached else translate("KeyAccounts", "No tier reached")),
        (translate("KeyAccounts", "Missing for the next tier"),
         translate("KeyAccounts", "{missing} {unit} missing for {tier} ({threshold} {unit})").format(
             missing=number_text(standing.missing), unit=unit, tier=standing.next.label(),
             threshold=number_text(standing.next.threshold))
         if standing.next else translate("KeyAccounts", "The top tier is reached.")),
    ]
    if d.rank is not None:
        place = translate("KeyAccounts", "rank {rank}").format(rank=d.rank.rank)
        if d.rank.in_top:
            place = translate("KeyAccounts", "{place}, in the {title}").format(place=place,
                                                                            title=d.rules.ranking_title())
        rows.append((translate("KeyAccounts", "Ranking {year}").format(year=d.year), place))
    return rows


def _account_table(d: Dossier, styles: Styles, width: float, full_phone: bool):
    a = d.account
    keyman = next((c for c in d.contacts if c.is_keyman), None)
    rows = [
        (translate("KeyAccounts", "Key account"), a.name),
        (translate("KeyAccounts", "Type"), ka.scope_label(a.scope)),
        (translate("KeyAccounts", "Channel / format"), a.channel or ""),
        (translate("KeyAccounts", "Head office"), a.head_office or ""),
        (translate("KeyAccounts", "KeyMan"), translate("KeyAccounts", "{name}, {role}, {phone}").format(
            name=keyman.name, role=keyman.role or "-", phone=mask_phone(keyman.phone, full_phone) or "-")
         if keyman else translate("KeyAccounts", "not marked yet")),
        (translate("KeyAccounts", "Stores"), translate("KeyAccounts", "{stores} stores in {regions} regions").format(
            stores=len(d.stores), regions=len(d.regions))),
    ]
    if a.notes:
        rows.append((translate("KeyAccounts", "Notes"), a.notes))
    return _pairs(rows, styles, width)


def _periods_table(d: Dossier, styles: Styles, width: float):
    rows = [[styles.p(v.period), styles.p(number_text(v.volume)), styles.p(number_text(v.target)),
             styles.p(_share(v))] for v in d.volumes]
    if not rows:
        rows = [[styles.p(translate("KeyAccounts", "No volume entered for {year}.").format(year=d.year),
                          styles.small), "", "", ""]]
    return table([translate("KeyAccounts", "Period"), translate("KeyAccounts", "Volume"),
                  translate("KeyAccounts", "Target"), translate("KeyAccounts", "Achieved")], rows,
                 [width * s for s in (0.3, 0.25, 0.25, 0.2)], styles, extra=[("ALIGN", (1, 1), (-1, -1), "RIGHT")])


def check_block(check: store_checks.Check, photos: dict[int, bytes], styles: Styles, width: float,
                store_text: str) -> list:
    """One store check: its line (date, store, checker, score) and its results with thumbnails."""
    counts = check.counts()
    head = styles.p(translate("KeyAccounts", "{date} · {store} · checked by {checker} · score {score} "
                                             "({compliant} compliant, {partly} partly, {not_compliant} not "
                                             "compliant, {not_checked} not checked)").format(
        date=check.checked_on, store=store_text, checker=check.checker, score=store_checks.score_text(check.score),
        compliant=counts[store_checks.COMPLIANT], partly=counts[store_checks.PARTLY],
        not_compliant=counts[store_checks.NOT_COMPLIANT], not_checked=counts[store_checks.NOT_CHECKED]), styles.head)
    shares = (18, 34, 14, 20, 14)
    widths = [width * s / sum(shares) for s in shares]
    rows, extra = [], []
    for n, item in enumerate(check.items, 1):
        photo = ""
        if item.evidence_id in photos:
            photo = _thumbnail(photos[item.evidence_id], widths[4] - 6, 22 * mm)
        rows.append([styles.p(ka.kind_label(item.kind)), styles.p(item.description),
                     styles.p(store_checks.result_label(item.result)), styles.p(item.note or ""), photo])
        if item.result in RESULT_FILL:
            extra.append(("BACKGROUND", (2, n), (2, n), RESULT_FILL[item.result]))
    out = [head]
    if check.note:
        out.append(styles.p(check.note, styles.small))
    out.append(table([translate("KeyAccounts", "Commitment"), translate("KeyAccounts", "What"),
                      translate("KeyAccounts", "Result"), translate("KeyAccounts", "Note"),
                      translate("KeyAccounts", "Photo")], rows, widths, styles, extra=extra))
    return out


def _thumbnail(png: bytes, max_width: float, max_height: float) -> Image:
    image = Image(io.BytesIO(png))
    scale = min(max_width / image.imageWidth, max_height / image.imageHeight, 1.0)
    image.drawWidth, image.drawHeight = image.imageWidth * scale, image.imageHeight * scale
    return image


def dossier_story(d: Dossier, styles: Styles, width: float, full_phone: bool = False) -> list:
    story = [_account_table(d, styles, width, full_phone)]
    story += [*_section(translate("KeyAccounts", "Volume against target and reward tier"), styles),
              _pairs(volume_rows(d), styles, width), Spacer(1, 2 * mm), _periods_table(d, styles, width)]
    tiers = "; ".join(translate("KeyAccounts", "{tier} from {threshold} {unit}").format(
        tier=t.label(), threshold=number_text(t.threshold), unit=d.rules.unit()) for t in d.rules.tiers)
    story.append(styles.p(translate("KeyAccounts", "Tiers: {tiers}.").format(tiers=tiers), styles.small))

    story += _section(translate("KeyAccounts", "KA team"), styles)
    team = [[styles.p(ka.role_label(role)), styles.p(person)] for role, person in d.team]
    story.append(table([translate("KeyAccounts", "Role"), translate("KeyAccounts", "Person")],
                       team or [[styles.p(translate("KeyAccounts", "No one assigned yet."), styles.small), ""]],
                       [width * 0.4, width * 0.6], styles))

    story += _section(translate("KeyAccounts", "Contacts"), styles)
    keyman = translate("KeyAccounts", "KeyMan")
    contacts = [[styles.p(c.name), styles.p(keyman if c.is_keyman else ""), styles.p(c.role or ""),
                 styles.p(mask_phone(c.phone, full_phone)), styles.p(d.store_name(c.store_id)), styles.p(c.notes or "")]
                for c in d.contacts]
    shares = (16, 12, 18, 16, 18, 20)
    story.append(table([translate("KeyAccounts", "Name"), translate("KeyAccounts", "KeyMan"),
                        translate("KeyAccounts", "Role"), translate("KeyAccounts", "Phone"),
                        translate("KeyAccounts", "Store"), translate("KeyAccounts", "Notes")],
                       contacts or [[styles.p(translate("KeyAccounts", "No contacts yet."), styles.small)] + [""] * 5],
                       [width * s / sum(shares) for s in shares], styles,
                       extra=[("BACKGROUND", (0, n), (-1, n), colors.HexColor("#fff5d6"))
                              for n, c in enumerate(d.contacts, 1) if c.is_keyman]))

    story += _section(translate("KeyAccounts", "Stores"), styles)
    regions = {r.id: r.name for r in d.regions}
    stores = [[styles.p(s.code), styles.p(s.name), styles.p(regions.get(s.parent_id, translate(
        "KeyAccounts", "head office"))), styles.p(s.city or ""), styles.p(s.address or "")] for s in d.stores]
    shares = (10, 26, 16, 12, 36)
    story.append(table([translate("KeyAccounts", "Code"), translate("KeyAccounts", "Store"),
                        translate("KeyAccounts", "Region"), translate("KeyAccounts", "City"),
                        translate("KeyAccounts", "Address")],
                       stores or [[styles.p(translate("KeyAccounts", "No stores yet."), styles.small)] + [""] * 4],
                       [width * s / sum(shares) for s in shares], styles))

    story += _section(translate("KeyAccounts", "Merchandising commitments"), styles)
    everywhere = translate("KeyAccounts", "all stores")
    rows = [[styles.p(ka.kind_label(c.kind)), styles.p(c.description),
             styles.p(d.store_name(c.store_id) if c.store_id else everywhere), styles.p(c.period_text())]
            for c in d.commitments]
    shares = (18, 42, 22, 18)
    story.append(table([translate("KeyAccounts", "Commitment"), translate("KeyAccounts", "What"),
                        translate("KeyAccounts", "For"), translate("KeyAccounts", "Period")],
                       rows or [[styles.p(translate("KeyAccounts", "No commitments yet."), styles.small), "", "", ""]],
                       [width * s / sum(shares) for s in shares], styles))

    story += _section(translate("KeyAccounts", "Latest store checks ({shown} of {total})").format(
        shown=len(d.checks), total=d.checks_total), styles)
    if not d.checks:
        story.append(styles.p(translate("KeyAccounts", "No store checks yet."), styles.small))
    for check in d.checks:
        story += [KeepTogether(check_block(check, d.photos, styles, width,
                                           f"{check.store_code} {check.store_name}")), Spacer(1, 3 * mm)]
    return story


def dossier_pdf(d: Dossier, path: Path | str, *, branch: str | None = None, manager: str | None = None,
                full_phone: bool = False, language: str | None = None) -> Path:
    """Write the dossier of :func:`model.key_accounts.ka_dossier.gather` to ``path``."""
    with report_language(language):
        title = translate("KeyAccounts", "KA dossier: {name}").format(name=d.account.name)
        header = ReportHeader(title, branch, manager or _manager(d), str(d.year))
        return build_pdf(path, dossier_story(d, Styles(9), page_frame_width(False), full_phone), header,
                         subject=translate("KeyAccounts", "KA dossier"))


def _manager(d: Dossier) -> str | None:
    return next((person for role, person in d.team if role == "manager"), None)


def check_pdf(check: store_checks.Check, account: ka.Account, photos: dict[int, bytes], path: Path | str, *,
              branch: str | None = None, manager: str | None = None, language: str | None = None) -> Path:
    """Write the sheet of one store check, with lines for both sides to sign."""
    with report_language(language):
        styles, width = Styles(9), page_frame_width(False)
        story = [styles.p(translate("KeyAccounts", "{account} ({scope})").format(
            account=account.name, scope=ka.scope_label(account.scope)))]
        story += check_block(check, photos, styles, width, f"{check.store_code} {check.store_name}")
        story.append(Paragraph(translate("KeyAccounts", "Checked by: ____________________    Store manager: "
                                                        "____________________    Date: ____________"), styles.note))
        header = ReportHeader(translate("KeyAccounts", "Store check: {store}").format(store=check.store_name),
                              branch, manager, check.checked_on)
        return build_pdf(path, story, header, subject=translate("KeyAccounts", "Store check"))


def print_dossier(conn, account_id: int, path: Path | str, *, year: int | None = None, branch: str | None = None,
                  manager: str | None = None, full_phone: bool = False, language: str | None = None,
                  by: str = "") -> Dossier:
    """Gather, print and record the printing in the audit trail; returns the dossier printed."""
    d = ka_dossier.gather(conn, account_id, year)
    with database.transaction(conn), outputs.staged(path) as (part,):   # the PDF and its entry, or neither
        dossier_pdf(d, part, branch=branch, manager=manager, full_phone=full_phone, language=language)
        audit.record(conn, "print", translate("KeyAccounts", "KA dossier: {name}").format(name=d.account.name),
                     count=len(d.contacts), by=by, detail={"account": account_id, "year": d.year,
                                                           "file": Path(path).name, "full_phone": full_phone})
    return d


def print_check(conn, check_id: int, path: Path | str, *, branch: str | None = None, manager: str | None = None,
                language: str | None = None, by: str = "") -> store_checks.Check:
    check = store_checks.get(conn, check_id)
    account = ka.get_account(conn, ka.get_store(conn, check.store_id).account_id)
    with database.transaction(conn), outputs.staged(path) as (part,):   # the PDF and its entry, or neither
        check_pdf(check, account, ka_dossier.photos(conn, [check]), part, branch=branch, manager=manager,
                  language=language)
        audit.record(conn, "print", translate("KeyAccounts", "Store check: {store}").format(store=check.store_name),
                     count=len(check.items), by=by, detail={"check": check_id, "file": Path(path).name})
    return check
