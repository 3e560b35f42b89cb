"""Partners and their 101 checklists: ``partners`` (list them; one partner's runs,
open actions and performance with ``--partner``; import the outlets it covers with
``--import-outlets FILE``) and ``print checklist`` (a checklist run for sign-off, PDF)."""
from __future__ import annotations

import sys
from pathlib import Path

from cli._print import branch_name, print_subcommands, use_language
from model.partners import checklists, partner_outlets, partners
from model.archive import database
from model.core import settings
from model.core.i18n import translate


def register(commands) -> None:
    p = commands.add_parser("partners", help=translate("CLI", "list the partners (合作伙伴) with their last 101 "
                                                              "score, open actions and performance flag"))
    p.add_argument("path", type=Path, help=translate("CLI", "the archive"))
    p.add_argument("--partner", type=int, metavar="ID",
                   help=translate("CLI", "show this partner: checklist runs, open actions, targets and actuals"))
    p.add_argument("--import-outlets", type=Path, metavar="FILE",
                   help=translate("CLI", "import the outlets the partner (--partner) covers from a CSV or .xlsx file; "
                                         "all or nothing unless --partial"))
    p.add_argument("--partial", action="store_true",
                   help=translate("CLI", "with --import-outlets: add the good rows even if some are rejected"))
    p.set_defaults(run=cmd_partners)

    p = print_subcommands(commands).add_parser(
        "checklist", help=translate("CLI", "a partner's 101 checklist run for sign-off (the latest by default)"))
    p.add_argument("path", type=Path, help=translate("CLI", "the archive"))
    p.add_argument("--partner", type=int, metavar="ID", required=True,
                   help=translate("CLI", "the partner's number, as the partners command lists it"))
    p.add_argument("--run", type=int, metavar="N", dest="run_number",
                   help=translate("CLI", "the partner's N-th run (1 = the first); default: the latest"))
    p.add_argument("--pdf", type=Path, metavar="OUT.pdf", required=True,
                   help=translate("CLI", "write the printout to this PDF"))
    p.add_argument("--branch", metavar="NAME", help=translate("CLI", "branch name for the page header"))
    p.add_argument("--language", choices=("en", "zh_CN"), help=translate("CLI", "language of the printout"))
    p.set_defaults(run=cmd_print_checklist)


def cmd_print_checklist(args) -> int:
    use_language(args)
    from reports.checklist import print_run
    with database.Archive.open(args.path) as archive:
        conn = archive.conn
        partner = partners.get(conn, args.partner)
        if args.run_number is not None:
            run_id = checklists.run_number(conn, args.partner, args.run_number)
        else:
            run_id = checklists.latest_run_id(conn, args.partner)
            if run_id is None:
                raise database.ArchiveError(translate("CLI", "{name} has no checklist run yet; run one in the "
                                                             "window (Partners → New checklist run).")
                                            .format(name=partner.name))
        print_run(conn, run_id, args.pdf, by=settings.user_name(), branch=branch_name(conn, args.branch),
                  language=args.language)
        run = checklists.load_run(conn, run_id)
    print(translate("CLI", "{name}: run of {date} by {reviewer}, checklist {version}, score {score}; wrote {path}")
          .format(name=partner.name, date=run.run_on.isoformat(), reviewer=run.reviewer, version=run.template.label,
                  score=checklists.score_text(run.score), path=args.pdf))
    return 0


def cmd_partners(args) -> int:
    if args.import_outlets is not None and args.partner is None:
        raise database.ArchiveError(translate("CLI", "Say which partner the outlets belong to: --partner ID."))
    with database.Archive.open(args.path) as archive:
        conn = archive.conn
        if args.import_outlets is not None:
            return _import_outlets(conn, args)
        if args.partner is not None:
            _show_partner(conn, args.partner)
            return 0
        found = partners.list_partners(conn)
        if not found:
            print(translate("CLI", "No partners yet."))
            return 0
        for p in found:
            flag = translate("CLI", "BELOW TARGET") if p.flagged else ""
            last = p.last_run_on.isoformat() if p.last_run_on else "-"
            print(translate("CLI", "{id:>4}  {name}  {kind}  {territory}  outlets {outlets}  last run {last} score "
                                   "{score}  open actions {actions}  {flag}").format(
                id=p.id, name=p.name, kind=partners.kind_label(p.kind), territory=p.territory or "-",
                outlets=p.outlets, last=last, score=checklists.score_text(p.last_score), actions=p.open_actions,
                flag=flag).rstrip())
    return 0


def _show_partner(conn, partner_id: int) -> None:
    p = partners.get(conn, partner_id)
    print(f"{p.name} ({partners.kind_label(p.kind)}) {p.territory or ''}".rstrip())
    for n, run in enumerate(checklists.runs(conn, partner_id), 1):
        print(translate("CLI", "  run {n}: {date} {reviewer}, checklist {version}, score {score}").format(
            n=n, date=run.run_on.isoformat(), reviewer=run.reviewer, version=run.template_label,
            score=checklists.score_text(run.score)))
    for a in partners.actions(conn, partner_id):
        print(translate("CLI", "  open action due {date}: {text} ({owner})").format(
            date=a.due_on.isoformat(), text=a.text, owner=a.owner))
    figures = partners.performance(conn, partner_id)
    for f in figures:
        actual = "-" if f.actual is None else f"{f.actual:,.0f}"
        state = ""
        if not f.ended:
            state = translate("CLI", " (running)")
        elif f.below:
            state = translate("CLI", " (below target)")
        print(translate("CLI", "  {period}: target {target}, actual {actual}{state}").format(
            period=f.period, target=f"{f.target:,.0f}", actual=actual, state=state))
    if partners.is_flagged(figures):
        print(translate("CLI", "  Flagged: below target in the last two periods."))


def _import_outlets(conn, args) -> int:
    from cli.importing import report
    result = partner_outlets.import_outlets(conn, args.partner, args.import_outlets, settings.user_name(),
                                     partial=args.partial)
    result.ignored_columns = []
    report(result, sys.stdout)
    return 1 if result.rejected else 0
