"""The A-tier rewards sheet (seed 002, DOMAIN.md §2a; model.grading.a_service): the year's
top ten (十佳) with the honour, then every A-tier customer with its volume, the reward
tier reached and what is missing for the next. A4 portrait."""
from __future__ import annotations

from pathlib import Path

from reportlab.platypus import Spacer

from model.grading import a_service
from model.key_accounts import ka_rewards
from model.core.i18n import translate
from reports.layout import ReportHeader, Styles, build_pdf, page_frame_width, report_language, table


def rewards_pdf(year: int, top: list[a_service.RewardLine], lines: list[a_service.RewardLine],
                path: Path | str, *, branch: str | None = None, language: str | None = None) -> Path:
    """Print the year's top ten and the reward standing of each A-tier customer."""
    with report_language(language):
        return _build(year, top, lines, Path(path), branch)


def _build(year, top, lines, path: Path, branch: str | None) -> Path:
    tiers = a_service.reward_rules()
    service = a_service.service_rules()
    unit = tiers.unit()
    styles = Styles(8.5)
    width = page_frame_width(False)
    story = [styles.p(tiers.ranking_title() + f" {year}", styles.heading),
             styles.p(translate("Reports", "The A-tier customers with the largest volume of the year; honour: "
                                "{reward}.").format(reward=service.ranking_reward()), styles.body)]
    head = [translate("Reports", "Rank"), translate("Reports", "Customer"), translate("Reports", "Manager"),
            translate("Reports", "Volume ({unit})").format(unit=unit)]
    shares = (0.1, 0.45, 0.25, 0.2)
    rows = [[str(line.rank), line.name, line.manager or "", ka_rewards.number_text(line.volume)] for line in top]
    if not rows:
        rows = [["", translate("Reports", "No A-tier customer has volume in this year."), "", ""]]
    story += [table(head, rows, [width * s for s in shares], styles), Spacer(1, 12),
              styles.p(translate("Reports", "Volume rewards {year}").format(year=year), styles.heading)]
    story.append(styles.p("; ".join(f"{t.label()}: {t.reward()}" for t in tiers.tiers), styles.small))
    head = [translate("Reports", "Rank"), translate("Reports", "Customer"),
            translate("Reports", "Volume ({unit})").format(unit=unit), translate("Reports", "Tier reached"),
            translate("Reports", "Reward"), translate("Reports", "Missing for the next tier")]
    shares = (0.06, 0.2, 0.12, 0.16, 0.26, 0.2)
    widths = [width * s for s in shares]
    rows = []
    for line in lines:
        s = line.standing
        missing = (f"{ka_rewards.number_text(s.missing)} {unit} → {s.next.label()}" if s.next
                   else translate("Reports", "top tier"))
        rows.append([str(line.rank), styles.cell(line.name, widths[1]), ka_rewards.number_text(line.volume),
                     s.reached.label() if s.reached else translate("Reports", "none yet"),
                     styles.cell(s.reached.reward() if s.reached else "", widths[4]), styles.cell(missing, widths[5])])
    if not rows:
        rows = [["", translate("Reports", "No A-tier customers."), "", "", "", ""]]
    story.append(table(head, rows, widths, styles))
    title = translate("Reports", "A-tier rewards and top ten")
    return build_pdf(path, story, ReportHeader(title, branch, None, str(year)), subject=title)
