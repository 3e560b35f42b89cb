"""Circles and promotion activities: ``circles`` and ``promotions`` (list them; compare past
activities) and ``print promotion`` / ``print promotion-evaluation`` (the plan sheet
and the evaluation report as PDF)."""
from __future__ import annotations

from pathlib import Path

from cli._print import branch_name, print_subcommands, use_language
from model.archive import audit, database
from model.marketing import circles, promotions
from model.core import outputs
from model.core.i18n import translate


def register(commands) -> None:
    p = commands.add_parser("circles", help=translate("CLI", "list the circles (圈子) with centre, size and "
                                                             "results since joining"))
    p.add_argument("path", type=Path, help=translate("CLI", "the archive"))
    p.set_defaults(run=cmd_circles)

    p = commands.add_parser("promotions", help=translate("CLI", "list the promotion plans and compare the "
                                                                "finished activities"))
    p.add_argument("path", type=Path, help=translate("CLI", "the archive"))
    p.set_defaults(run=cmd_promotions)

    printing = print_subcommands(commands)
    for name, helptext, run in (
            ("promotion", translate("CLI", "a promotion plan sheet (促销活动方案)"), cmd_print_promotion),
            ("promotion-evaluation", translate("CLI", "the evaluation of a finished promotion activity"),
             cmd_print_evaluation)):
        p = printing.add_parser(name, help=helptext)
        p.add_argument("path", type=Path, help=translate("CLI", "the archive"))
        p.add_argument("--plan", type=int, metavar="ID", required=True,
                       help=translate("CLI", "the plan's number, as the promotions command lists it"))
        p.add_argument("--pdf", type=Path, metavar="OUT.pdf", required=True,
                       help=translate("CLI", "write the printout to this PDF"))
        p.add_argument("--branch", metavar="NAME", help=translate("CLI", "branch name for the page header"))
        p.add_argument("--language", choices=("en", "zh_CN"), help=translate("CLI", "language of the printout"))
        p.set_defaults(run=run)


def cmd_print_promotion(args) -> int:
    use_language(args)
    from reports.promotion import plan_pdf
    with database.Archive.open(args.path) as archive:
        sheet = promotions.plan_sheet(archive.conn, args.plan)
        with database.transaction(archive.conn), outputs.staged(args.pdf) as (pdf,):
            plan_pdf(sheet, pdf, branch=branch_name(archive.conn, args.branch), language=args.language)
            audit.record_print(archive.conn, audit.promotion_what(sheet.plan.title), args.pdf,
                               sheet.audience_size, detail={"plan": args.plan})
    print(translate("CLI", "Plan {id} ({title}), {count} customers in the audience; wrote {path}").format(
        id=args.plan, title=sheet.plan.title, count=sheet.audience_size, path=args.pdf))
    return 0


def cmd_print_evaluation(args) -> int:
    use_language(args)
    from reports.promotion import evaluation_pdf, figure_rows
    with database.Archive.open(args.path) as archive:
        sheet = promotions.plan_sheet(archive.conn, args.plan, with_evaluation=True)
        if sheet.plan.status not in (promotions.RUNNING, promotions.DONE):
            raise database.ArchiveError(translate("CLI", "Plan {id} has not taken place yet ({status}); evaluate "
                                                         "it once it is running or done.").format(
                id=args.plan, status=promotions.status_label(sheet.plan.status)))
        with database.transaction(archive.conn), outputs.staged(args.pdf) as (pdf,):
            evaluation_pdf(sheet, pdf, branch=branch_name(archive.conn, args.branch), language=args.language)
            audit.record_print(archive.conn, audit.promotion_what(sheet.plan.title, evaluation=True), args.pdf,
                               detail={"plan": args.plan})
    for label, value in figure_rows(sheet.evaluation):
        print(translate("CLI", "{label}: {value}").format(label=label, value=value))
    print(translate("CLI", "Wrote {path}").format(path=args.pdf))
    return 0


def cmd_promotions(args) -> int:
    from reports.promotion import compare_cells, compare_header
    with database.Archive.open(args.path) as archive:
        conn = archive.conn
        plans = promotions.list_plans(conn)
        if not plans:
            print(translate("CLI", "No promotion plans yet."))
            return 0
        for p in plans:
            when = p.starts_at.strftime("%Y-%m-%d %H:%M") if p.starts_at else "-"
            print(f"{p.id:>4}  {when}  {promotions.status_label(p.status):<8}  "
                  f"{promotions.area_type_label(p.area_type)}  {promotions.activity_type_label(p.activity_type)}"
                  f"  {p.title}")
        rows = promotions.compare(conn)
        if rows:
            print()
            print(translate("CLI", "Finished activities side by side:"))
            print(" | ".join(compare_header()))
            for row in rows:
                print(" | ".join(compare_cells(row)))
    return 0


def cmd_circles(args) -> int:
    with database.Archive.open(args.path) as archive:
        conn = archive.conn
        found = circles.list_circles(conn)
        if not found:
            print(translate("CLI", "No circles yet."))
            return 0
        for c in found:
            e = circles.evaluate(conn, c.id)
            print(translate("CLI", "{name} [{area}] centre: {centre} ({kind}); {members} members, {activities} "
                                   "activities; since joining: {deals} transactions, {amount} in amount").format(
                name=c.name, area=c.area or promotions.area_type_label(c.area_type) or "-", centre=c.centre_name or "-",
                kind=circles.centre_kind_label(c.centre_kind) or "-", members=c.member_count,
                activities=e.activities, deals=e.results.transactions, amount=f"{e.results.amount:,.2f}"))
    return 0
