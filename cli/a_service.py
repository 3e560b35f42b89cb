"""The A-tier service of seed 002 (model.grading.a_service): ``a-service PATH`` (the senior
leader's calls due and the year's reward standings), ``print a-rewards`` (the top ten
and the rewards sheet) and ``print senior-calls`` (the senior's call list)."""
from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from cli._args import date_arg
from cli._print import print_subcommands
from model.grading import a_service
from model.archive import audit, database
from model.visits import due
from model.key_accounts import ka_rewards
from model.core.i18n import translate


def register(commands) -> None:
    p = commands.add_parser("a-service", help=translate(
        "CLI", "the A-tier service: the senior leader's calls due and the volume rewards of the year"))
    p.add_argument("path", type=Path, help=translate("CLI", "the archive"))
    p.add_argument("--year", type=int, metavar="YYYY", help=translate("CLI", "the rewards year (default: this year)"))
    p.add_argument("--start", type=date_arg, metavar="DATE", help=translate("CLI", "first day (default: today)"))
    p.set_defaults(run=cmd_a_service)

    printing = print_subcommands(commands)
    for name, help_text, option, option_help, run in (
            ("a-rewards", translate("CLI", "the year's top ten (十佳) and the A-tier volume rewards"),
             "--year", translate("CLI", "the year (default: this year)"), cmd_print_rewards),
            ("senior-calls", translate("CLI", "the senior leader's monthly calls to the A-tier customers (a month "
                                              "from the start)"),
             "--start", translate("CLI", "first day (default: today)"), cmd_print_senior_calls)):
        p = printing.add_parser(name, help=help_text)
        p.add_argument("path", type=Path, help=translate("CLI", "the archive"))
        if option == "--year":
            p.add_argument(option, type=int, metavar="YYYY", help=option_help)
        else:
            p.add_argument(option, type=date_arg, metavar="DATE", help=option_help)
        from cli._print import output_options
        output_options(p, required=True)
        p.set_defaults(run=run)


def _no_senior() -> database.ArchiveError:
    return database.ArchiveError(translate("CLI", "No senior leader is named; name one in Preferences or in "
                                                  "the branch's a_service.json."))


def cmd_a_service(args) -> int:
    start = args.start or date.today()
    year = args.year or start.year
    senior = a_service.senior_leader()
    with database.Archive.open(args.path) as archive:
        conn = archive.conn
        calls = a_service.senior_calls(conn, start, start + timedelta(days=6))
        lines = a_service.reward_standings(conn, year)
    unit = a_service.reward_rules().unit()
    if senior:
        print(translate("CLI", "Senior leader {name}: {count} calls due by {end}").format(
            name=senior, count=len(calls), end=(start + timedelta(days=6)).isoformat()))
        for item in calls:
            print(f"  {item.due_date.isoformat() if item.due_date else '':10}  {item.name}  {item.phone or ''}"
                  f"  {item.purpose}")
    else:
        print(translate("CLI", "No senior leader is named: no senior calls are due."))
    print(translate("CLI", "Volume rewards {year} ({count} A-tier customers):").format(year=year, count=len(lines)))
    for line in lines:
        print(f"  {line.rank:>3}  {line.name}  {ka_rewards.number_text(line.volume)} {unit}  "
              f"{line.standing.text(a_service.reward_rules())}")
    return 0


def cmd_print_rewards(args) -> int:
    from cli._print import branch_name, use_language
    from reports.a_rewards import rewards_pdf
    use_language(args)
    year = args.year or date.today().year
    with database.Archive.open(args.path) as archive:
        conn = archive.conn
        lines = a_service.reward_standings(conn, year)
        top = a_service.top_ten(conn, year)
        rewards_pdf(year, top, lines, args.pdf, branch=branch_name(conn, args.branch), language=args.language)
        audit.record_print(conn, translate("Audit", "A-tier rewards {year}").format(year=year), args.pdf,
                           len(lines))
    print(translate("CLI", "{count} A-tier customers, top ten of {year}: {top}; wrote {path}").format(
        count=len(lines), year=year, top=len(top), path=args.pdf))
    return 0


def cmd_print_senior_calls(args) -> int:
    from cli._print import branch_name, use_language
    from model.core import outputs
    from reports.due_list import due_list_pdf
    use_language(args)
    senior = a_service.senior_leader()
    if not senior:
        raise _no_senior()
    start = args.start or date.today()
    end = start + timedelta(days=29)
    with database.Archive.open(args.path) as archive:
        listed = due.due_list(archive.conn, start, end, senior)
        with database.transaction(archive.conn), outputs.staged(args.pdf) as (pdf,):
            due_list_pdf(listed, pdf, branch=branch_name(archive.conn, args.branch), manager=senior,
                         show_full_phone=args.full_phone, language=args.language)
            audit.record_print(archive.conn, audit.due_list_what(start, end), args.pdf,
                               len(listed.calls), full_phone=args.full_phone, detail={"senior": senior})
    print(translate("CLI", "{count} calls for {name} from {start} to {end}; wrote {path}").format(
        count=len(listed.calls), name=senior, start=start.isoformat(), end=end.isoformat(), path=args.pdf))
    return 0
