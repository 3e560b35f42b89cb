"""A manager's month and day (model.visits.targets, model.customers.care, model.visits.daily_sheets):
``targets PATH set|show``, ``care PATH --days N``, ``print morning-sheet PATH --date D``
and ``print evening-sheet PATH --date D``."""
from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from cli._args import date_arg
from cli._print import print_subcommands
from model.archive import audit, database
from model.customers import care
from model.visits import daily_sheets, targets
from model.core import settings
from model.core.i18n import translate


def _manager_option(p) -> None:
    p.add_argument("--manager", metavar="NAME",
                   help=translate("CLI", "the manager (default: your name, see Preferences)"))


def register(commands) -> None:
    p = commands.add_parser("targets", help=translate(
        "CLI", "a manager's monthly targets, broken down to the working days, with the actuals"))
    actions = p.add_subparsers(dest="targets_action", metavar="ACTION", required=True)
    s = actions.add_parser("set", help=translate("CLI", "set the month's targets: KIND=VALUE ... (an empty VALUE "
                                                        "removes one)"))
    s.add_argument("path", type=Path, help=translate("CLI", "the archive"))
    s.add_argument("values", nargs="+", metavar="KIND=VALUE",
                   help=translate("CLI", "kinds: new_customers, visits, calls, deals, amount"))
    s.add_argument("--month", metavar="YYYY-MM", help=translate("CLI", "the month (default: this month)"))
    _manager_option(s)
    s.set_defaults(run=cmd_targets_set)
    s = actions.add_parser("show", help=translate("CLI", "the month's targets, the day's share and the actuals"))
    s.add_argument("path", type=Path, help=translate("CLI", "the archive"))
    s.add_argument("--date", type=date_arg, metavar="DATE", help=translate("CLI", "the day (default: today)"))
    _manager_option(s)
    s.set_defaults(run=cmd_targets_show)

    p = commands.add_parser("care", help=translate(
        "CLI", "care calls due: birthdays and festivals, a week ahead, each with its reason"))
    p.add_argument("path", type=Path, help=translate("CLI", "the archive"))
    p.add_argument("--days", type=int, default=7, metavar="N", help=translate("CLI", "how many days from the start "
                                                                                  "(default: 7)"))
    p.add_argument("--start", type=date_arg, metavar="DATE", help=translate("CLI", "first day (default: today)"))
    p.add_argument("--manager", metavar="NAME", help=translate("CLI", "only this manager's customers"))
    p.set_defaults(run=cmd_care)

    printing = print_subcommands(commands)
    from cli._print import output_options
    for name, help_text, run in (
            ("morning-sheet", translate("CLI", "the morning sheet (晨会): today's targets, plan, calls, care calls "
                                               "and follow-ups"), cmd_print_morning),
            ("evening-sheet", translate("CLI", "the evening sheet (夕会): results against the targets and what "
                                               "moves to the next working day"), cmd_print_evening)):
        p = printing.add_parser(name, help=help_text)
        p.add_argument("path", type=Path, help=translate("CLI", "the archive"))
        p.add_argument("--date", type=date_arg, metavar="DATE", help=translate("CLI", "the day (default: today)"))
        _manager_option(p)
        output_options(p, required=True)
        p.set_defaults(run=run)


def _manager(args) -> str:
    return (args.manager or "").strip() or settings.user_name()


def _pairs(values: list[str]) -> dict[str, str]:
    out = {}
    for item in values:
        key, sep, value = item.partition("=")
        if not sep:
            raise database.ArchiveError(translate("CLI", "Write each target as KIND=VALUE, not '{text}'.")
                                        .format(text=item))
        out[key.strip()] = value.strip()
    return out


def cmd_targets_set(args) -> int:
    month = targets.parse_month(args.month) if args.month else targets.month_of(date.today())
    manager = _manager(args)
    with database.Archive.open(args.path) as archive:
        got = targets.set_targets(archive.conn, manager, month, _pairs(args.values), by=settings.user_name())
    print(translate("CLI", "Targets of {name} for {month}:").format(name=manager, month=month))
    for kind in targets.kinds():
        if kind.key in got:
            print(f"  {kind.label()}: {targets.number_text(got[kind.key], kind.whole)}")
    return 0


def print_standing(standing: targets.Standing) -> None:
    if standing.working_day_number:
        print(translate("CLI", "{name}, {date}: working day {number} of {days} in {month}").format(
            name=standing.manager, date=standing.day.isoformat(), number=standing.working_day_number,
            days=standing.working_days, month=standing.month))
    else:
        print(translate("CLI", "{name}, {date}: not a working day ({days} working days in {month})").format(
            name=standing.manager, date=standing.day.isoformat(), days=standing.working_days, month=standing.month))
    for line in standing.lines:
        def n(v, whole=line.kind.whole):
            return targets.number_text(v, whole)
        if line.month_target is None:
            print(translate("CLI", "  {kind}: no target; today {day}, month to date {to_date}").format(
                kind=line.kind.label(), day=n(line.day_actual), to_date=n(line.to_date_actual)))
        else:
            print(translate("CLI", "  {kind}: month {month}; today {day} of {day_target}; month to date {to_date} "
                                   "of {to_date_target}").format(
                kind=line.kind.label(), month=n(line.month_target), day=n(line.day_actual),
                day_target=n(line.day_target), to_date=n(line.to_date_actual), to_date_target=n(line.to_date_target)))


def cmd_targets_show(args) -> int:
    with database.Archive.open(args.path) as archive:
        print_standing(targets.standing(archive.conn, _manager(args), args.date or date.today()))
    return 0


def cmd_care(args) -> int:
    if args.days < 1:
        raise database.ArchiveError(translate("CLI", "give a whole number of 1 or more, not '{text}'")
                                    .format(text=args.days))
    start = args.start or date.today()
    end = start + timedelta(days=args.days - 1)
    with database.Archive.open(args.path) as archive:
        calls = care.care_calls(archive.conn, start, end, args.manager)
    print(translate("CLI", "{count} care calls due from {start} to {end}").format(
        count=len(calls), start=start.isoformat(), end=end.isoformat()))
    for call in calls:
        print(f"  {call.due_from.isoformat()}  {call.name}  {call.phone or ''}  {call.manager or ''}  {call.reason}")
    return 0


def _print_sheet(args, build, write, what: str) -> int:
    from cli._print import branch_name, use_language
    from model.core import outputs
    use_language(args)
    day = args.date or date.today()
    manager = _manager(args)
    with database.Archive.open(args.path) as archive:
        sheet = build(archive.conn, day, manager)
        with database.transaction(archive.conn), outputs.staged(args.pdf) as (pdf,):
            write(sheet, pdf, branch=branch_name(archive.conn, args.branch), show_full_phone=args.full_phone,
                  language=args.language)
            audit.record_print(archive.conn, what.format(date=day.isoformat()), args.pdf, None,
                               full_phone=args.full_phone, detail={"manager": manager})
    print(translate("CLI", "{name}, {date}: wrote {path}").format(name=manager, date=day.isoformat(), path=args.pdf))
    return 0


def cmd_print_morning(args) -> int:
    from reports.daily_sheets import morning_sheet_pdf
    return _print_sheet(args, daily_sheets.morning, morning_sheet_pdf, translate("Audit", "Morning sheet {date}"))


def cmd_print_evening(args) -> int:
    from reports.daily_sheets import evening_sheet_pdf
    return _print_sheet(args, daily_sheets.evening, evening_sheet_pdf, translate("Audit", "Evening sheet {date}"))
